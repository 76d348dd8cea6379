"""Copies made ahead of time (`python -m borderline keep`, run by `make setup`) and the shared folder every
user of an environment reads: a first run finds them, and no kernel writes into them."""

from __future__ import annotations

import importlib
import os
import stat

from borderline import charts
from borderline.keep import keep

cache = importlib.import_module("borderline.data.cache")
kept = importlib.import_module("borderline.charts.kept")
loading = importlib.import_module("borderline.data.loading")


def test_keeping_a_lesson_leaves_its_tables_and_charts_readable_by_everyone(tmp_path, journal_file):
    folder = tmp_path / "shared"
    journal_file.write_text('{"01.1": "my own answer"}', encoding="utf-8")
    before = journal_file.read_text(encoding="utf-8")
    assert keep(folder, ["01"]) == ["01-famine.ipynb: kept"]
    names = {p.name.split("-")[0] for p in folder.glob("*.pickle")}
    assert {"famine_estimates", "sources", "chart"} <= names
    assert all(p.stat().st_mode & stat.S_IROTH for p in folder.glob("*.pickle"))
    assert journal_file.read_text(encoding="utf-8") == before  # the lesson ran with a scratch journal


def test_a_first_run_reads_the_shared_copies_and_writes_nothing_there(tmp_path, monkeypatch):
    shared, own = tmp_path / "shared", tmp_path / "own"
    monkeypatch.setenv("BORDERLINE_CACHE", str(shared))
    loading._load_cached.cache_clear()
    charts.repatriations()  # as `keep --shared` would
    made = sorted(p.name for p in shared.iterdir())
    monkeypatch.setenv("BORDERLINE_CACHE", str(own))
    monkeypatch.setenv("BORDERLINE_SHARED_CACHE", os.pathsep.join([str(tmp_path / "none"), str(shared)]))
    loading._load_cached.cache_clear()
    from_copy = []
    monkeypatch.setattr(kept, "trusted", lambda cls, spec: from_copy.append(1) or kept.go.Figure(spec))
    charts.repatriations()
    assert from_copy == [1]
    assert sorted(p.name for p in shared.iterdir()) == made
    assert not any(p.name.startswith("chart-") for p in own.glob("*")) if own.exists() else True
    loading._load_cached.cache_clear()


def test_a_broken_shared_copy_is_left_alone_and_the_chart_built(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    monkeypatch.setenv("BORDERLINE_CACHE", str(shared))
    charts.repatriations()
    (copy,) = shared.glob("chart-repatriations-*.pickle")
    copy.write_bytes(b"not a pickle")
    monkeypatch.setenv("BORDERLINE_CACHE", str(tmp_path / "own"))
    monkeypatch.setenv("BORDERLINE_SHARED_CACHE", str(shared))
    assert charts.repatriations().data
    assert copy.read_bytes() == b"not a pickle"  # not the kernel's to delete
    assert list((tmp_path / "own").glob("chart-repatriations-*.pickle"))


def test_the_shared_folder_is_in_the_python_environment(monkeypatch):
    monkeypatch.delenv("BORDERLINE_SHARED_CACHE", raising=False)
    assert cache.default_shared_dir().parent.parent == __import__("pathlib").Path(__import__("sys").prefix)
    assert cache.shared_dirs() in ([], [cache.default_shared_dir()])


def test_a_copy_made_from_one_checkout_serves_another_of_the_same_course(tmp_path, monkeypatch):
    """A hub image keeps the charts from a copy of the course in /tmp; each student's own copy is elsewhere."""
    import shutil

    from conftest import ROOT

    first, second = tmp_path / "image" / "datasets", tmp_path / "home" / "datasets"
    shutil.copytree(ROOT / "datasets", first)
    shutil.copytree(ROOT / "datasets", second)
    monkeypatch.setenv("BORDERLINE_CACHE", str(tmp_path / "copies"))
    monkeypatch.setenv("BORDERLINE_DATA", str(first))
    loading._load_cached.cache_clear()
    charts.repatriations()
    monkeypatch.setenv("BORDERLINE_DATA", str(second))
    loading._load_cached.cache_clear()
    from_copy = []
    monkeypatch.setattr(kept, "trusted", lambda cls, spec: from_copy.append(1) or kept.go.Figure(spec))
    charts.repatriations()
    assert from_copy == [1]
    loading._load_cached.cache_clear()
