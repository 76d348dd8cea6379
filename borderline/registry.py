"""Two explicit registries that the rest of the package fills in as it is imported.

- ``uses(*tables)`` marks a chart or widget builder with the tables it reads, so a lesson's
  Sources list can be worked out from the builders it calls (see ``borderline.lessons``).
- ``static_view(for_builder)`` registers a function that draws a static stand-in for a widget
  (for handouts and worksheets, where no kernel runs). ``static_for(builder)`` finds it.

Nothing is rewritten at import time: a builder stays the function it was, and the handout
builder asks this module which static view to use.
"""

from __future__ import annotations

from collections.abc import Callable

_TABLES: dict[str, tuple[str, ...]] = {}
_STATIC: dict[str, Callable] = {}


def uses(*tables: str):
    """Decorator: record the dataset tables a builder reads.

    >>> @uses("glossary")
    ... def words(): return "w"
    >>> tables_of("words"), words()
    (('glossary',), 'w')
    >>> forget(words)
    """

    def mark(fn):
        _TABLES[fn.__name__] = tuple(tables)
        return fn

    return mark


def tables_of(fn_or_name) -> tuple[str, ...]:
    """The tables a builder (or a builder's name) was marked with; () if none.

    >>> tables_of("a_builder_nobody_marked")
    ()
    """
    name = fn_or_name if isinstance(fn_or_name, str) else fn_or_name.__name__
    return _TABLES.get(name, ())


def static_view(builder):
    """Decorator: register the decorated function as the static stand-in for ``builder``.

    >>> def live(): return "widget"
    >>> @static_view(live)
    ... def live_static(): return "static"
    >>> static_for(live)()
    'static'
    >>> forget(live)
    """

    def mark(fn):
        _STATIC[builder.__name__] = fn
        return fn

    return mark


def static_for(builder_or_name) -> Callable | None:
    """The static stand-in registered for a builder, or None.

    >>> static_for("a_builder_with_no_static_view") is None
    True
    """
    name = builder_or_name if isinstance(builder_or_name, str) else builder_or_name.__name__
    return _STATIC.get(name)


def forget(builder) -> None:
    """Remove a builder from both registries (used by tests and examples).

    >>> def temporary(): pass
    >>> _ = uses("glossary")(temporary); forget(temporary); tables_of(temporary)
    ()
    """
    _TABLES.pop(builder.__name__, None)
    _STATIC.pop(builder.__name__, None)
