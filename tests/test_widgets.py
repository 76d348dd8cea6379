"""Widgets are driven the way a student drives them: by setting values."""

import math

import pytest

from borderline import journal, widgets


def test_estimate_explorer_filters_by_method(journal_file):
    box = widgets.estimate_explorer()
    before = sum(len([y for y in t.y if y]) for t in box.figure.data)
    box.controls["method:refugee survey"].value = False
    after = sum(len([y for y in t.y if y]) for t in box.figure.data)
    assert after < before
    assert "refugee survey" not in box.text.value.split("By method:")[1]


def test_estimate_explorer_filters_by_estimator_and_scale(journal_file):
    box = widgets.estimate_explorer()
    box.controls["who"].value = "academic"
    labels = {y for t in box.figure.data for y in t.y if y}
    assert labels and all(any(k in l for k in ("Goodkind", "Spoorenberg", "Lee", "Noland", "Lankov", "Ó Gráda", "Suk"))
                          for l in labels)
    box.controls["scale"].value = "linear"
    assert box.figure.layout.xaxis.type == "linear"
    assert "log" not in box.figure.layout.xaxis.title.text


def test_estimate_explorer_with_nothing_selected_says_so(journal_file):
    box = widgets.estimate_explorer()
    for key, control in box.controls.items():
        if key.startswith("method:"):
            control.value = False
    assert "No estimate matches" in box.text.value


def test_per_capita_rate_arithmetic():
    r = widgets.per_capita_rate("E15", "high", "wb2026")
    assert r["years"] == 4 and r["deaths"] == 3_500_000
    assert math.isclose(r["per_100k_year"], 3_500_000 / 4 / r["population"] * 1e5)
    assert math.isclose(r["share_pct"], 3_500_000 / r["population"] * 100)


def test_per_capita_rate_without_a_period_has_no_yearly_rate():
    r = widgets.per_capita_rate("E19")
    assert r["years"] is None and r["per_100k_year"] is None


def test_denominator_changes_the_rate():
    a = widgets.per_capita_rate("E02", "high", "wb2026")
    b = widgets.per_capita_rate("E02", "high", "wb2012")
    assert a["population"] != b["population"] and a["share_pct"] != b["share_pct"]


def test_per_capita_calculator_updates_text_and_chart(journal_file):
    box = widgets.per_capita_calculator()
    first = (box.text.value, box.figure.data[0].x)
    box.controls["estimate"].value = "E01"
    assert box.text.value != first[0] and box.figure.data[0].x != first[1]
    box.controls["estimate"].value = "E19"
    assert "does not say which years" in box.text.value


def test_exercise_widget_checks_saves_and_restores(journal_file):
    box = widgets.exercise("01.6")
    box.controls["answer"].value = "about 3,800"
    box.controls["check"].click()
    assert "Correct" in box.text.value
    assert journal.get("answer.01.6") == "about 3,800"
    again = widgets.exercise("01.6")  # as after a kernel restart
    assert again.controls["answer"].value == "about 3,800"


def test_exercise_widget_hint_and_bad_input(journal_file):
    box = widgets.exercise("01.5")
    box.controls["hint"].click()
    assert "Hint" in box.text.value and "11,500" not in box.text.value
    box.controls["answer"].value = "<img src=x onerror=alert(1)>"
    box.controls["check"].click()
    assert "<img" not in box.text.value and "&lt;img" in box.text.value


def test_choice_exercise_widget(journal_file):
    box = widgets.exercise("01.2")
    box.controls["answer"].value = "official"
    box.controls["check"].click()
    assert "lowest of all" in box.text.value


def test_journal_entry_saves_on_change(journal_file):
    box = widgets.journal_entry("01.reflection", "Reflection")
    box.controls["text"].value = "Counting the dead is political."
    assert journal.get("01.reflection") == "Counting the dead is political."
    assert widgets.journal_entry("01.reflection").controls["text"].value.startswith("Counting")


def test_opening_position_round_trip(journal_file):
    box = widgets.opening_position()
    box.controls["position"].value = "refugees"
    box.controls["why"].value = "They face punishment on return."
    assert journal.opening_answer() == "Refugees. Why: They face punishment on return."
    again = widgets.opening_position()
    assert again.controls["position"].value == "refugees"


def test_setup_check_slider_changes_chart(journal_file):
    box = widgets.setup_check()
    box.controls["bars"].value = 3
    assert list(box.figure.data[0].y) == [1, 4, 9]


def test_glossary_browser_shows_three_languages(journal_file):
    box = widgets.glossary_browser()
    for term in box.controls["term"].options:
        box.controls["term"].value = term[1]
        assert "Who uses it" in box.text.value


@pytest.mark.parametrize("builder", ["estimate_explorer", "per_capita_calculator", "setup_check", "glossary_browser"])
def test_every_control_has_a_label(builder, journal_file):
    box = getattr(widgets, builder)()
    for name, control in box.controls.items():
        label = getattr(control, "description", "") or getattr(control, "tooltip", "")
        assert label, f"{builder}: control {name} has no label"


# --- lesson 02 and 03 ---------------------------------------------------------------

def test_border_map_route_zooms_and_lists_legs(journal_file):
    box = widgets.border_map()
    before = tuple(box.figure.layout.xaxis.range)
    box.controls["route"].value = "RT02"
    assert tuple(box.figure.layout.xaxis.range) != before
    route = box.figure.data[-1]
    assert len([x for x in route.x if x is not None]) == 2 * 4
    assert "Kunming" in box.text.value and "Total" in box.text.value
    box.controls["route"].value = ""
    assert tuple(box.figure.layout.xaxis.range) == before


def test_arrivals_toggle_switches_traces_and_axis(journal_file):
    box = widgets.arrivals_timeline()
    assert "people" in box.figure.layout.yaxis.title.text
    box.controls["view"].value = "share"
    assert "%" in box.figure.layout.yaxis.title.text
    assert [t.visible for t in box.figure.data] == [False, False, False, True, True]


def test_china_estimates_filter_by_measure(journal_file):
    box = widgets.china_estimates_explorer()
    count = lambda: sum(len([v for v in t.y if v is not None]) for t in box.figure.data)  # noqa: E731
    everything = count()
    box.controls["measure"].value = "cumulative"
    assert 0 < count() < everything
    assert "Measures shown: cumulative." in box.text.value


def test_treaty_explorer_by_treaty_and_by_state(journal_file):
    box = widgets.treaty_explorer()
    box.controls["choice"].value = "ICCPR"
    assert "signed, not ratified" in box.text.value and "North Korea" in box.text.value
    box.controls["view"].value = "state"
    assert box.controls["choice"].value == "CN"
    assert "Convention against Torture" in box.text.value


def test_statements_browser_filters_and_cites(journal_file):
    box = widgets.statements_browser()
    box.controls["who"].value = "CN"
    box.controls["period"].value = (2012, 2012)
    assert "by others" in box.text.value and "0 by others" in box.text.value
    assert box.text.value.count("Source:") >= 3
    shown = sum(len(t.x) for t in box.figure.data)
    assert shown == box.text.value.count("class='bl-statement'")
