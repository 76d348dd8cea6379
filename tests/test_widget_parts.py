"""Views share their layouts and styles and are built with their CSS classes (borderline.widget_parts)."""

from __future__ import annotations

import ipywidgets as w

import borderline as bl
from borderline.widget_parts import shared


def _models(widget):
    yield widget
    for name in ("layout", "style"):
        part = getattr(widget, name, None)
        if isinstance(part, w.Widget):
            yield part
    for child in getattr(widget, "children", ()) or ():
        yield from _models(child)


def test_a_closed_shared_part_is_made_again():
    part = shared(width="123px")
    part.close()
    again = shared(width="123px")
    assert again is not part and again.comm is not None and again.width == "123px"


def test_exercises_and_views_share_their_layouts_and_styles():
    boxes = [bl.exercise("02.1"), bl.exercise("02.3"), bl.border_map(), bl.arrivals_timeline()]
    html_parts = [c for box in boxes for c in _models(box) if isinstance(c, w.HTML)]
    assert len(html_parts) > 8
    assert len({id(c.layout) for c in html_parts}) == 1
    assert len({id(c.style) for c in html_parts}) == 1


def test_classes_are_set_when_a_view_is_built_not_sent_after(monkeypatch):
    sent = []
    original = w.Widget.send_state

    def record(self, key=None):
        sent.append((type(self).__name__, key))
        return original(self, key)

    monkeypatch.setattr(w.Widget, "send_state", record)
    box = bl.exercise("02.1")
    bl.arrivals_timeline()
    assert {"bl-widget", "bl-exercise"} <= set(box._dom_classes)
    # the first control of a view is marked for the browser tests after it is built: that one message is allowed
    classes_sent = [s for s in sent if s[1] == "_dom_classes" or (isinstance(s[1], list) and "_dom_classes" in s[1])]
    assert len(classes_sent) <= 1, classes_sent
