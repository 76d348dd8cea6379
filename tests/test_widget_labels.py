"""Every control a student can reach has a name a screen reader reads (issue 16).

axe-core in the browser tests sees what JupyterLab draws; these checks see the widgets themselves, for
every view a lesson calls: each focusable control carries a label (ipywidgets ties ``description`` to the
input), each toggle button says what question it answers, and no slider is used, because ipywidgets gives
a slider's handle no accessible name (number boxes and ``YearRange`` stand in for them).
"""

import ipywidgets as w
import pytest
from test_korean_ui import VIEWS

from borderline.widgets.base import YearRange

FOCUSABLE = (w.Dropdown, w.Select, w.SelectMultiple, w.RadioButtons, w.ToggleButtons, w.ToggleButton)
FOCUSABLE += (w.Text, w.Textarea, w.IntText, w.BoundedIntText, w.FloatText, w.Combobox, w.Checkbox, w.Button)
SLIDERS = (w.IntSlider, w.FloatSlider, w.IntRangeSlider, w.FloatRangeSlider, w.SelectionSlider)
SLIDERS += (w.SelectionRangeSlider, w.FloatLogSlider)


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _walk(child)


@pytest.fixture(params=sorted(VIEWS), ids=str)
def view(request, tmp_path, monkeypatch):
    monkeypatch.setenv("BORDERLINE_JOURNAL", str(tmp_path / "journal.json"))
    return request.param, VIEWS[request.param]()


def test_every_control_has_a_label(view):
    name, box = view
    controls = [c for c in _walk(box) if isinstance(c, FOCUSABLE)]
    assert controls or name == "setup_check" or box.controls == {}, f"{name}: no control found"
    for control in controls:
        assert (control.description or "").strip(), f"{name}: a {type(control).__name__} has no label"


def test_every_toggle_button_says_what_it_answers(view):
    name, box = view
    for group in (c for c in _walk(box) if isinstance(c, w.ToggleButtons)):
        question = group.description.rstrip(": ")
        assert len(group.tooltips) == len(group.options), f"{name}: {question!r} buttons have no tooltips"
        assert all(t.strip() for t in group.tooltips), f"{name}: {question!r}: {group.tooltips}"


def test_no_view_uses_a_slider(view):
    name, box = view
    sliders = [type(c).__name__ for c in _walk(box) if isinstance(c, SLIDERS)]
    assert sliders == [], f"{name}: {sliders} (its handle has no accessible name; use number_box or YearRange)"


def test_a_year_range_keeps_its_boxes_in_order_and_labelled():
    years = YearRange(2000, 2024, "Years from:", "to:")
    years.last.value = 1999  # below the floor: the box clamps it
    assert years.value == (2000, 2000)
    years.last.value = 2010
    years.first.value = 2015  # past the "to": the "to" follows
    assert years.value == (2015, 2015)
    assert years.first.description == "Years from:" and years.last.description == "to:"
