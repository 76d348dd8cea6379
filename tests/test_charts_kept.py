"""Charts kept between kernels (borderline/charts/kept.py): the same chart as one built afresh, a new one
for every edit to the datasets, each language its own, and never a stale or broken one."""

from __future__ import annotations

import csv
import importlib
import json

import pandas as pd
import plotly.io as pio
import pytest

from borderline import charts, data

kept = importlib.import_module("borderline.charts.kept")
loading = importlib.import_module("borderline.data.loading")

VARIANTS = [
    ("famine_estimates", ()),
    ("famine_comparison", ()),
    ("border_map", ()),
    ("arrivals", ("share",)),
    ("china_estimates", ()),
    ("repatriations", ()),
    ("grand_timeline", ()),
    ("treaty_timeline", ()),
    ("statements_chart", ()),
    ("argument_map", ()),
    ("options_support", ()),
]


def _json(fig) -> dict:
    out = json.loads(pio.to_json(fig))
    for trace in out["data"]:
        trace.pop("uid", None)
    return out


@pytest.fixture
def copies(tmp_path, monkeypatch):
    folder = tmp_path / "copies"
    monkeypatch.setenv("BORDERLINE_CACHE", str(folder))
    return folder


@pytest.mark.parametrize("name,args", VARIANTS)
def test_a_kept_chart_is_the_chart_built_afresh(name, args, copies, monkeypatch):
    monkeypatch.setenv("BORDERLINE_CACHE", "off")
    fresh = getattr(charts, name)(*args)
    monkeypatch.setenv("BORDERLINE_CACHE", str(copies))
    getattr(charts, name)(*args)  # built, and kept
    assert len(list(copies.glob(f"chart-{name}-*.pickle"))) == 1
    again = getattr(charts, name)(*args)
    assert _json(again) == _json(fresh)
    assert charts.description(again) == charts.description(fresh) != ""


def test_the_second_kernel_gets_the_copy(copies, monkeypatch):
    """A copy is read (and the chart not built) when there is one: ``trusted`` makes figures from copies only."""
    made = []
    monkeypatch.setattr(kept, "trusted", lambda cls, spec: made.append(spec) or kept.go.Figure(spec))
    first = charts.repatriations()
    assert made == []
    again = charts.repatriations()
    assert len(made) == 1 and _json(again) == _json(first)


def test_an_edited_dataset_makes_a_new_chart(copies, datasets_copy, monkeypatch):
    monkeypatch.setenv("BORDERLINE_DATA", str(datasets_copy))
    loading._load_cached.cache_clear()
    before = charts.repatriations()
    path = datasets_copy / "chart_notes.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    header = rows[0]
    mine = next(
        r for r in rows[1:] if r[header.index("chart")] == "repatriations" and r[header.index("kind")] == "note"
    )
    mine[header.index("text")] = "An instructor's own note on this chart."
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    loading._load_cached.cache_clear()
    after = charts.repatriations()
    assert "An instructor's own note" in charts.description(after)
    assert "An instructor's own note" not in charts.description(before)
    assert len(list(copies.glob("chart-repatriations-*.pickle"))) == 2
    loading._load_cached.cache_clear()


def test_each_language_has_its_own_chart(copies, monkeypatch):
    english = charts.repatriations()
    monkeypatch.setenv("BORDERLINE_LANG", "ko")
    korean = charts.repatriations()
    assert english.layout.title.text != korean.layout.title.text
    monkeypatch.delenv("BORDERLINE_LANG")
    assert charts.repatriations().layout.title.text == english.layout.title.text


def test_a_chart_of_another_table_is_another_chart(copies):
    frame = data.load("china_estimates")
    fewer = frame.iloc[: len(frame) // 2]
    full, half = charts.china_estimates(frame), charts.china_estimates(fewer)
    assert sum(len(t.x) for t in half.data) < sum(len(t.x) for t in full.data)
    assert sum(len(t.x) for t in charts.china_estimates(fewer).data) == sum(len(t.x) for t in half.data)


def test_changes_to_a_kept_chart_are_checked(copies):
    charts.arrivals("counts")
    fig = charts.arrivals("counts")  # from its copy
    fig.data[0].y = pd.Series([1, 2, 3])
    assert type(fig.data[0].y).__name__ == "ndarray"
    with pytest.raises(ValueError):
        fig.data[0].marker.color = "not a colour"


def test_a_broken_table_is_reported_not_drawn_from_an_old_copy(copies, datasets_copy, monkeypatch):
    monkeypatch.setenv("BORDERLINE_DATA", str(datasets_copy))
    loading._load_cached.cache_clear()
    charts.repatriations()
    path = datasets_copy / "repatriations.csv"
    path.write_text(path.read_text(encoding="utf-8") + "a row,with too,many,cells" + ",x" * 40 + "\n", encoding="utf-8")
    loading._load_cached.cache_clear()
    with pytest.raises(data.DataError, match=r"repatriations\.csv"):
        charts.repatriations()
    loading._load_cached.cache_clear()


def test_an_argument_that_cannot_be_hashed_is_built_every_time(copies):
    assert kept.version(charts.per_capita, (1, "x", {"not": "hashable"}), {}) is None
    fig = charts.per_capita(1, "x", [data.load("sources")["source_id"].iloc[0]])
    assert fig.data and len(list(copies.glob("chart-per_capita-*.pickle"))) == 1
