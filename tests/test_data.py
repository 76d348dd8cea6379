"""The data package: valid, typed, every source resolves, broken rows explained."""

import csv
import json

import pandas as pd
import pytest

from borderline import data
from conftest import ROOT

DATASETS = ROOT / "datasets"
TABLES = data.names()


@pytest.mark.parametrize("name", TABLES)
def test_every_table_loads_with_rows(name):
    frame = data.load(name)
    assert len(frame) > 0


def test_frictionless_validates_the_whole_package():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATASETS / "datapackage.json"))
    problems = [] if report.valid else report.flatten(["type", "note"])[:10]
    assert report.valid, problems


def test_every_csv_file_is_described():
    described = {r["path"] for r in json.loads((DATASETS / "datapackage.json").read_text())["resources"]}
    on_disk = {p.name for p in DATASETS.glob("*.csv")}
    assert on_disk == described


def test_every_source_id_resolves_in_every_table():
    known = set(data.load("sources")["source_id"])
    for name in TABLES:
        frame = data.load(name)
        for col in ("source_id", "more_sources"):
            if col in frame.columns:
                for value in frame[col].dropna():
                    assert set(value.split(";")) <= known, (name, value)


def test_every_source_is_cited_somewhere_or_kept_for_later():
    # sources.csv may hold sources for later lessons, but every row must be complete
    sources = data.load("sources")
    assert sources["title"].notna().all() and sources["kind"].notna().all()


@pytest.mark.parametrize("name", [n for n in TABLES if {"low", "high"} <= set(data.load(n).columns)])
def test_low_never_exceeds_high(name):
    frame = data.load(name).dropna(subset=["low", "high"])
    assert (frame["low"] <= frame["high"]).all()


def test_types_are_proper():
    famine = data.load("famine_estimates")
    assert str(famine["low"].dtype) == "Int64"
    assert str(data.load("population")["preferred"].dtype) == "boolean"


def test_years_in_range():
    pop = data.load("population")
    assert pop["year"].between(1990, 2010).all()
    famine = data.load("famine_estimates").dropna(subset=["period_start", "period_end"])
    assert (famine["period_start"] <= famine["period_end"]).all()


def test_exactly_one_preferred_population_series():
    pop = data.load("population")
    assert pop[pop["preferred"]]["series_id"].nunique() == 1
    assert not pop[pop["preferred"]].duplicated("year").any()


def test_competing_famine_figures_are_kept_not_merged():
    famine = data.load("famine_estimates")
    assert famine["low"].min() <= 240_000 and famine["high"].max() >= 3_500_000
    assert famine["method_group"].nunique() >= 5


def test_cite_and_source_line():
    assert "Seymour" in data.cite("S004")
    assert data.source_line(["S004", "S004;OGRADA"]).count("Seymour") == 1
    with pytest.raises(data.DataError, match="no source 'NOPE'"):
        data.cite("NOPE")


def test_unknown_table_is_explained():
    with pytest.raises(data.DataError, match="no table called 'famine'.*use one of"):
        data.load("famine")


# --- broken CSV fixtures: one clear message naming file, row and column ------------------


def _edit(folder, name, row, column, value):
    path = folder / f"{name}.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[row - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


BROKEN = [
    (
        "famine_estimates",
        3,
        "low",
        "3.5 million",
        r"famine_estimates\.csv, row 3, column 'low': '3\.5 million' is not a whole number",
    ),
    (
        "famine_estimates",
        4,
        "source_id",
        "NOSUCH2001",
        r"row 4, column 'source_id': 'NOSUCH2001' is not in sources\.csv",
    ),
    ("famine_estimates", 5, "more_sources", "HN2007; OFK2005", r"row 5, column 'more_sources'.*separate ids with ';'"),
    (
        "famine_estimates",
        6,
        "method_group",
        "guesswork",
        r"row 6, column 'method_group': 'guesswork' is not one of the allowed values",
    ),
    ("famine_estimates", 2, "est_id", "E03", r"row \d+, column 'est_id': 'E03' is used twice"),
    ("famine_estimates", 2, "low", "999999999", r"row 2, column 'low': low \(999999999\) is larger than high"),
    ("population", 7, "preferred", "yes", r"population\.csv, row 7, column 'preferred': 'yes' is not TRUE or FALSE"),
    ("population", 8, "population", "", r"row 8, column 'population': this cell is empty but is required"),
    ("famine_comparison", 3, "start_year", "1850", r"row 3, column 'start_year': 1850 is below the minimum 1900"),
]


@pytest.mark.parametrize("name,row,column,value,message", BROKEN)
def test_broken_cell_gives_one_clear_message(datasets_copy, name, row, column, value, message):
    _edit(datasets_copy, name, row, column, value)
    with pytest.raises(data.DataError, match=message) as info:
        data.load(name, datasets_copy)
    assert info.value.row is not None and info.value.column is not None
    assert "Fix:" in str(info.value)


def test_missing_column_is_named(datasets_copy):
    path = datasets_copy / "famine_estimates.csv"
    frame = pd.read_csv(path, dtype=str).drop(columns=["unit"])
    frame.to_csv(path, index=False)
    with pytest.raises(data.DataError, match=r"famine_estimates\.csv, column 'unit': the header has no column 'unit'"):
        data.load("famine_estimates", datasets_copy)


def test_row_with_a_stray_comma_is_explained(datasets_copy):
    path = datasets_copy / "famine_comparison.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4] + ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(data.DataError, match=r"row 5: this line has \d+ cells.*double quotes"):
        data.load("famine_comparison", datasets_copy)


def test_file_not_saved_as_utf8_is_explained(datasets_copy):
    path = datasets_copy / "famine_comparison.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", errors="replace").replace(b"\xf3", b"\xf3\xff"))
    with pytest.raises(data.DataError, match="not saved as UTF-8"):
        data.load("famine_comparison", datasets_copy)


def test_cli_check_reports_the_broken_row(datasets_copy, monkeypatch, capsys):
    from borderline.__main__ import main

    _edit(datasets_copy, "famine_estimates", 3, "high", "lots")
    monkeypatch.setenv("BORDERLINE_DATA", str(datasets_copy))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "FIX   datasets/famine_estimates.csv, row 3, column 'high'" in out or "row 3, column 'high'" in out


# --- what the old docstring examples asserted, with real ids ------------------------------------


def test_known_rows_and_citations():
    assert int(data.load("famine_estimates").set_index("est_id").loc["E01", "low"]) == 220000
    assert data.cite("S004").startswith("James D. Seymour")
    assert data.cite("S003", url=False) == (
        "Joel R. Charny (Refugees International); International Herald Tribune, "
        'reprinted by YaleGlobal, "Help the Refugees Who Reach China" (2005-06-14).'
    )
    assert data.short_cite("S004") == "James D. Seymour / HRIC 2000"
    assert data.source_line(["OGRADA", "S004"]) == (
        "Sources: Ó Gráda c. 2007; James D. Seymour / HRIC 2000. Full references: datasets/sources.csv"
    )
    assert "OGRADA" in data.sources_used("famine_comparison")
    assert len(data.bibliography("famine_comparison").ids) >= 2
    assert sorted(f["properties"]["iso_a2"] for f in data.borders()["features"])[:3] == ["BN", "CN", "FM"]


def test_rows_returns_a_plain_dataframe_and_the_lesson_gets_it_formatted():
    import borderline as bl

    picked = data.rows("famine_estimates", "E21", "E22")
    assert isinstance(picked, pd.DataFrame) and picked["est_id"].tolist() == ["E21", "E22"]
    assert bl.rows("famine_estimates", "E21", "E22").data["est_id"].tolist() == ["E21", "E22"]
    assert isinstance(data.arrivals_by_year(2002, 2019), pd.DataFrame)
    assert "23,566" in bl.arrivals_by_year(2002, 2019).to_html()


# --- labels and chart notes: presentation kept as rows ---------------------------------------------


def _enum(table, column):
    fields = {f["name"]: f for f in data.schema(table)["schema"]["fields"]}
    return fields[column].get("constraints", {}).get("enum")


def test_every_label_of_an_enum_column_names_an_allowed_value():
    labels = data.load("labels")
    for field, part in labels.groupby("field"):
        table, column = field.split(".")
        if table in TABLES and column in data.load(table).columns and _enum(table, column):
            assert set(part["value"]) <= set(_enum(table, column)), field


def test_every_coded_value_a_chart_draws_has_a_label():
    for field in [
        "statements.theme",
        "arguments.side",
        "arguments.question",
        "argument_links.relation",
        "treaty_status.treaty_short",
        "treaty_status.state",
        "places.role",
        "famine_estimates.method_group",
        "china_estimates.estimator_type",
    ]:
        table, column = field.split(".")
        assert set(data.load(table)[column].dropna()) <= set(data.labels(field)), field


def test_the_status_elements_are_the_columns_of_cases():
    assert set(data.labels("cases.element")) <= set(data.load("cases").columns)
    assert set(data.labels("cases.answer")) == set(_enum("cases", next(iter(data.labels("cases.element")))))


def test_chart_notes_point_at_rows_that_exist():
    notes = data.load("chart_notes")
    places = data.load("places")
    for r in notes.itertuples():
        if r.kind == "marker":
            assert pd.notna(r.event_id), r.note_id
        elif r.kind == "label_position":
            assert r.ref in set(places["place_id"]) | set(places["country"]), r.note_id
        elif r.kind in ("note", "reference", "split", "year"):
            assert pd.notna(r.text) or pd.notna(r.value), r.note_id
    famine = data.load("famine_comparison")
    assert data.chart_note("famine_comparison", "highlight")["ref"] in set(famine["famine_id"])


def test_every_sentence_about_the_subject_cites_a_source_that_is_evidence():
    # Our own wording (kind 'project') may label things and choose layouts; a note about the subject needs evidence.
    own = data.own_wording()
    notes = data.load("chart_notes")
    about_subject = notes[
        notes["kind"].isin(["note", "split", "reference", "year"]) & notes["chart"].ne("options_support")
    ]
    assert not set(about_subject["source_id"]) & own
