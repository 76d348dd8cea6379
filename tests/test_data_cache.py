"""The checked copies of tables on disk (borderline/data/cache.py): the same frames as the CSV gives, a new
copy for every edit, errors reported as before, and never worse than no copy at all."""

from __future__ import annotations

import csv
import importlib

import pandas as pd
import pytest

from borderline import data

cache = importlib.import_module("borderline.data.cache")
loading = importlib.import_module("borderline.data.loading")


def _fresh():
    loading._load_cached.cache_clear()


def _from_csv(name, folder, monkeypatch):
    """The table read and checked from its CSV, with copies turned off."""
    monkeypatch.setenv("BORDERLINE_CACHE", "off")
    _fresh()
    frame = data.load(name, folder)
    _fresh()
    return frame


@pytest.fixture
def copies(tmp_path, monkeypatch):
    folder = tmp_path / "copies"
    monkeypatch.setenv("BORDERLINE_CACHE", str(folder))
    _fresh()
    yield folder
    _fresh()


def _edit(path, row, column, value):
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[row - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def _no_reading(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the CSV was read although a copy was there")

    monkeypatch.setattr(loading, "read", refuse)


@pytest.mark.parametrize("name", data.names())
def test_a_copy_is_the_table_the_csv_gives(name, copies, datasets_copy, monkeypatch):
    expected = _from_csv(name, datasets_copy, monkeypatch)
    monkeypatch.setenv("BORDERLINE_CACHE", str(copies))
    data.load(name, datasets_copy)  # reads the CSV and leaves a copy
    assert len(list(copies.glob(f"{name}-*.pickle"))) == 1
    _fresh()
    with monkeypatch.context() as m:
        _no_reading(m)
        again = data.load(name, datasets_copy)
    pd.testing.assert_frame_equal(again, expected, check_exact=True)
    assert list(again.dtypes) == list(expected.dtypes)


def test_an_edited_csv_is_read_again(copies, datasets_copy):
    before = data.load("population", datasets_copy).iloc[0]["notes"]
    _edit(datasets_copy / "population.csv", 2, "notes", "An instructor's note")
    _fresh()
    assert data.load("population", datasets_copy).iloc[0]["notes"] == "An instructor's note" != before
    assert len(list(copies.glob("population-*.pickle"))) == 2  # one per version


def test_a_broken_row_is_reported_although_the_table_had_a_copy(copies, datasets_copy):
    data.load("famine_estimates", datasets_copy)
    _edit(datasets_copy / "famine_estimates.csv", 3, "low", "3.5 million")
    _fresh()
    with pytest.raises(data.DataError, match=r"row 3, column 'low': '3\.5 million' is not a whole number"):
        data.load("famine_estimates", datasets_copy)
    assert len(list(copies.glob("famine_estimates-*.pickle"))) == 1  # the broken version is never copied


@pytest.mark.parametrize("broken", ["arguments", "sources"])
def test_a_table_it_points_to_that_breaks_is_still_reported(broken, copies, datasets_copy):
    """argument_links points to arguments, which points to sources: a copy of argument_links does not hide
    either breaking (sources.csv is not part of argument_links' version, so this is the copy being used)."""
    data.load("argument_links", datasets_copy)
    path = datasets_copy / f"{broken}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(lines[1])  # the first row twice
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _fresh()
    with pytest.raises(data.DataError, match=rf"{broken}\.csv.*is used twice"):
        data.load("argument_links", datasets_copy)


def test_a_copy_that_cannot_be_read_is_replaced(copies, datasets_copy, monkeypatch):
    expected = _from_csv("routes", datasets_copy, monkeypatch)
    monkeypatch.setenv("BORDERLINE_CACHE", str(copies))
    data.load("routes", datasets_copy)
    (path,) = copies.glob("routes-*.pickle")
    path.write_bytes(path.read_bytes()[:40])  # cut short, as by a full disk
    _fresh()
    pd.testing.assert_frame_equal(data.load("routes", datasets_copy), expected)
    assert path.stat().st_size > 40


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path, datasets_copy, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BORDERLINE_CACHE", str(blocked / "copies"))  # cannot be made, even by root
    _fresh()
    assert data.load("routes", datasets_copy)["route_id"].notna().all()
    _fresh()
    assert data.load("routes", datasets_copy)["route_id"].notna().all()
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_copies_can_be_turned_off(tmp_path, datasets_copy, monkeypatch):
    monkeypatch.setenv("BORDERLINE_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    _fresh()
    data.load("routes", datasets_copy)
    _fresh()
    assert not (tmp_path / "xdg").exists()


def test_a_changed_reader_makes_new_copies(copies, datasets_copy, monkeypatch):
    resource = data.schema("routes", datasets_copy)
    before = cache.key(resource, datasets_copy, datasets_copy / "datapackage.json")
    monkeypatch.setattr(cache, "package_hash", lambda: b"another version of the checks")
    assert cache.key(resource, datasets_copy, datasets_copy / "datapackage.json") != before
