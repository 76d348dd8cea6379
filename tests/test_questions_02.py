"""Lesson 02 self-checks: every answer is recomputed from the datasets, so edits cannot leave it wrong."""

import math
import re

import pandas as pd

from borderline import data, exercise_bank

Q = exercise_bank.all_exercises()


def _single_years():
    """Preferred single-year arrival rows, indexed by year."""
    a = data.load("arrivals")
    rows = a[a["preferred"] & (a["year_start"] == a["year_end"])]
    return rows.set_index("year_start")


def test_02_1_koreans_in_yanbian_from_the_2010_census():
    notes = data.load("sources").set_index("source_id").loc["WIKI_YANBIAN", "notes"]
    m = re.search(r"([\d.]+)% Korean of ([\d,]+)", notes)
    share, total = float(m.group(1)), int(m.group(2).replace(",", ""))
    assert math.isclose(Q["02.1"].answer, total * share / 100)
    assert Q["02.1"].check("about 737,000").correct


def test_02_2_female_share_2002_to_2019():
    rows = _single_years().loc[2002:2019]
    assert len(rows) == 18 and rows["female"].notna().all()
    share = rows["female"].sum() / rows["total"].sum() * 100
    assert math.isclose(Q["02.2"].answer, share)
    assert Q["02.2"].check("74.7%").correct
    # the summed totals are MOU's final per-year figures
    assert (rows["male"] + rows["female"] == rows["total"]).all()


def test_02_3_years_with_more_men_than_women():
    rows = _single_years().loc[2002:]
    years = [int(y) for y in rows.index[rows["male"] > rows["female"]]]
    assert years == [2021, 2022]
    assert Q["02.3"].answer == "2021_2022"
    assert "2021 and 2022" == Q["02.3"].options[Q["02.3"].answer]


def test_02_4_seed_000_figure_is_coded_unclear():
    row = data.load("china_estimates").set_index("est_id").loc["C25"]
    assert row["source_id"] == "S000" and row["measure"] == "other"
    assert (row["low"], row["high"]) == (100_000, 300_000)
    assert "No source given" in row["notes"]
    assert Q["02.4"].answer == "unclear"


def test_02_5_phoenix_weekly_is_a_cumulative_flow():
    row = data.load("china_estimates").set_index("est_id").loc["C28"]
    assert row["measure"] == "cumulative" and row["source_id"] == "PHOENIX2006"
    assert "since 1983" in row["notes"]
    assert Q["02.5"].answer == "flow"


def test_02_6_only_one_pair_corroborates():
    est = data.load("china_estimates").set_index("est_id")
    pairs = {
        "gov2001": ("C06", "C07"),
        "us_robinson": ("C30", "C32"),
        "phoenix_scmp": ("C28", "C29"),
        "ri": ("C19", "C26"),
    }

    def passes(a, b):
        x, y = est.loc[a], est.loc[b]
        lo = lambda r: 0 if pd.isna(r["low"]) else int(r["low"])  # noqa: E731  (upper bound only: read as 0)
        overlap = max(lo(x), lo(y)) <= min(int(x["high"]), int(y["high"]))
        return (
            x["measure"] == y["measure"]
            and abs(int(x["year"]) - int(y["year"])) <= 1
            and x["estimator_type"] != y["estimator_type"]
            and overlap
        )

    passing = [key for key, (a, b) in pairs.items() if passes(a, b)]
    assert passing == [Q["02.6"].answer]
    assert set(pairs) == set(Q["02.6"].options)


def test_02_7_route_distances_are_straight_lines_and_a_lower_bound():
    routes = data.load("routes")
    assert routes["notes"].str.contains("great-circle").all()
    rt03 = routes[(routes["route_id"] == "RT03") & (routes["leg"] <= 2)]
    assert int(rt03["approx_km"].sum()) == 3_883
    assert rt03["approx_km"].sum() < 2_700 * 1.609344  # the Washington Post's 2,700 miles
    assert Q["02.7"].answer == "straight"


def test_02_8_fall_from_2019_to_2020():
    t = _single_years()["total"]
    fall = (t.loc[2019] - t.loc[2020]) / t.loc[2019] * 100
    assert math.isclose(Q["02.8"].answer, fall)
    assert Q["02.8"].check("78%").correct and not Q["02.8"].check("-78%").correct


def test_02_choice_questions_have_feedback_for_every_option():
    for qid in ["02.3", "02.4", "02.5", "02.6", "02.7"]:
        q = Q[qid]
        assert q.answer in q.options and set(q.feedback) == set(q.options), qid
        assert all(q.feedback[k].strip() for k in q.options), qid


def test_02_hints_do_not_give_the_number_away():
    for qid in ["02.1", "02.2", "02.8"]:
        q = Q[qid]
        for token in re.findall(r"\d[\d,.]*", q.hint):
            value = float(token.replace(",", "").rstrip("."))
            assert not math.isclose(value, float(q.answer), rel_tol=q.tolerance), (qid, token)


def test_02_common_slips_are_recognised_and_not_accepted():
    for qid in ["02.1", "02.2", "02.8"]:
        q = Q[qid]
        for value, message in q.wrong:
            assert not math.isclose(value, float(q.answer), rel_tol=q.tolerance), (qid, value)
            fb = q.check(str(value))
            assert not fb.correct and fb.message == message, (qid, value, fb.message)
