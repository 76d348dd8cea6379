"""The parts every widget shares: one Layout or style of each kind for the whole kernel, and containers and
HTML widgets built with their CSS classes.

Each Layout and each style is a widget model of its own: a widget built without one gets a fresh, identical
model, which is one more message to the page when it opens and one more entry in a saved notebook's widget
state. A CSS class added after a widget is built is one more message again. A lesson opened some 140 such
models and 40 such messages; these helpers open one of each kind and none of the second.

Nothing may change a shared part after it is made (``widget.layout.width = ...`` would change every widget
that shares it): a widget whose layout or style must change gets its own.

>>> box = column([html("One"), html("Two", "bl-note")], "bl-widget", "bl-example")
>>> box.children[0].layout is box.children[1].layout, box.children[1]._dom_classes
(True, ('bl-note',))
>>> box._dom_classes
('bl-widget', 'bl-example')
"""

from __future__ import annotations

import ipywidgets as w

# Labels in full beside their controls (ipywidgets cuts a long description to a fixed width by default).
LABEL_STYLE = {"description_width": "initial"}
_SHARED: dict = {}


def shared(kind=None, **traits):
    """The kernel's one ``kind`` (a Layout unless given a style class) with these traits, made at first use
    and again if it was closed.

    >>> shared(width="auto") is shared(width="auto"), shared(width="auto") is shared()
    (True, False)
    >>> from ipywidgets.widgets.widget_string import TextStyle
    >>> shared(TextStyle, **LABEL_STYLE).description_width
    'initial'
    """
    kind = kind or w.Layout
    key = (kind, tuple(sorted(traits.items())))
    made = _SHARED.get(key)
    if made is None or made.comm is None:
        made = _SHARED[key] = kind(**traits)
    return made


def _unique(classes) -> tuple:
    return tuple(dict.fromkeys(classes))


def html(value: str = "", *classes: str) -> w.HTML:
    """An HTML widget with the shared layout and style, and these CSS classes from the start.

    >>> html("<b>Hi</b>", "bl-card")._dom_classes
    ('bl-card',)
    """
    from ipywidgets.widgets.widget_string import HTMLStyle

    return w.HTML(value, layout=shared(), style=shared(HTMLStyle), _dom_classes=_unique(classes))


def column(children, *classes: str, layout: w.Layout | None = None) -> w.VBox:
    """A VBox of ``children`` with these CSS classes from the start (the shared layout unless given one).

    >>> column([], "bl-widget")._dom_classes
    ('bl-widget',)
    """
    return w.VBox(list(children), layout=layout or shared(), _dom_classes=_unique(classes))


def row(children, *classes: str) -> w.HBox:
    """An HBox of ``children`` with the shared layout and these CSS classes.

    >>> len(row([html("a"), html("b")]).children)
    2
    """
    return w.HBox(list(children), layout=shared(), _dom_classes=_unique(classes))
