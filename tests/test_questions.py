"""Every model answer is recomputed from the datasets, so edits cannot leave it wrong."""

import math

from borderline import data, exercise_bank, widgets

Q = exercise_bank.all_exercises()


def test_01_1_factor_between_dprk_figure_and_highest():
    famine = data.load("famine_estimates")
    dprk = famine[famine["estimator_type"] == "government"].set_index("est_id").loc["E01", "high"]
    assert math.isclose(Q["01.1"].answer, famine["high"].max() / dprk)


def test_01_5_and_01_6_use_seed_004s_own_figures():
    seed = data.load("famine_estimates").set_index("est_id").loc["E10"]
    assert seed["high"] == 3_500_000 and seed["source_id"] == "S004"
    assert math.isclose(Q["01.5"].answer, 11_500)
    assert math.isclose(Q["01.6"].answer, 3_500_000 / 4 / 23e6 * 1e5)


def test_01_2_refugee_surveys_give_the_highest_median():
    famine = data.load("famine_estimates")
    medians = famine.groupby("method_group")["high"].median().dropna()
    assert medians.idxmax() == "refugee survey" and Q["01.2"].answer == "survey"


def test_01_4_matches_the_per_capita_calculator():
    r = widgets.per_capita_rate("E01", "high", "census1993")
    assert math.isclose(Q["01.4"].answer, r["share_pct"], rel_tol=1e-9)


def test_01_8_north_korea_share_above_china_1959():
    comp = data.load("famine_comparison").set_index("famine_id")
    assert comp.loc["PRK1995", "pct_low"] > comp.loc["CHN1959", "pct_high"]
    assert Q["01.8"].answer == "higher"


def test_01_7_only_the_per_10000_reading_fits():
    pop, years = 23e6, 4
    low_bound, high_bound = 200_000, 3_500_000  # "hundreds of thousands" to 3.5 million
    readings = {
        "year100k": 50 / 1e5 * pop * years,
        "year10k": 50 / 1e4 * pop * years,
        "day100k": 50 / 1e5 * pop * 365 * years,
    }
    fitting = [k for k, v in readings.items() if low_bound <= v <= high_bound]
    assert fitting == [Q["01.7"].answer]
