"""Live or static: the one place that decides what a view builder returns.

In JupyterLab a builder returns its live widget. While the handouts are built
(``BORDERLINE_STATIC=1``, set by ``borderline.editions``) it returns the static stand-in
registered for it with ``registry.static_view``: charts and tables as plain HTML, no kernel
needed. A builder opts in with the ``@view`` decorator, so the switch is visible where the
builder is defined; nothing is rewritten at import time.

>>> from borderline import registry
>>> @view
... def greeting(name="you"): return f"Hello, {name}"
>>> @registry.static_view(greeting)
... def greeting_static(name="you"): return StaticView("Greeting", f"<p>Hello, {name}</p>")
>>> greeting("Ana")
'Hello, Ana'
>>> import os; os.environ["BORDERLINE_STATIC"] = "1"
>>> greeting("Ana")._repr_html_().endswith("<p>Hello, Ana</p></div>")
True
>>> del os.environ["BORDERLINE_STATIC"]; registry.forget(greeting)
"""

from __future__ import annotations

import functools
import html
import os

from . import registry
from .i18n import ui


def static_mode() -> bool:
    """True while the handouts are built: views become static HTML (no widgets, no kernel).

    >>> static_mode()
    False
    """
    return os.environ.get("BORDERLINE_STATIC") == "1"


def view(builder):
    """Decorator: in static mode, call the static view registered for ``builder`` instead of it.

    A builder with no static view registered stays live even in static mode.

    >>> @view
    ... def live(): return "live"
    >>> live(), live.__name__
    ('live', 'live')
    """

    @functools.wraps(builder)
    def dispatch(*args, **kwargs):
        static = registry.static_for(builder) if static_mode() else None
        return (static or builder)(*args, **kwargs)

    return dispatch


class StaticView:
    """What a widget becomes in the handouts: charts and tables as plain HTML, no kernel needed.

    >>> StaticView("Map", "<p>x</p>")._repr_html_().startswith('<div class="bl-static"><p class="bl-static-note">')
    True
    """

    def __init__(self, title: str, *parts: str):
        self.title, self.parts = title, parts

    def _repr_html_(self) -> str:
        note = ui(
            "{title}: interactive in JupyterLab; shown here at its default setting with the data behind it.",
            title=self.title,
        )
        note = f'<p class="bl-static-note"><em>{html.escape(note)}</em></p>'
        return '<div class="bl-static">' + note + "".join(self.parts) + "</div>"
