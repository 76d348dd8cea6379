"""Borderline: helpers for a curriculum on North Koreans who flee to China.

The notebooks call this package in one line at a time::

    import borderline as bl
    bl.show(bl.charts.famine_comparison())
    bl.estimate_explorer()
    bl.exercise(exercise_id)  # an id from the lesson's exercises.yaml

Errors that a person can fix (a broken CSV row, an unknown table) are shown as
a short message that says what to fix, not as a traceback.
"""

import sys as _sys

# Speed: plotly imports nbformat, which imports jsonschema, whose optional IRI format check imports
# rfc3987_syntax, which compiles a grammar for about 2.8 s on every kernel start. Nothing in the
# curriculum validates IRIs, so a kernel that has not loaded it yet skips it ("make bench" shows the gain).
if "rfc3987_syntax" not in _sys.modules and "jsonschema" not in _sys.modules:
    _sys.modules["rfc3987_syntax"] = None

# `python -m borderline lab` sets up the environment on a machine that has nothing installed yet, so importing
# the package for it must not need pandas or plotly. Python imports this file before running __main__, with
# sys.argv[0] still "-m"; only the launcher (borderline/launch.py, standard library only) is needed then.
_LAUNCHING = _sys.argv[:2] == ["-m", "lab"]

if not _LAUNCHING:
    from . import analysis, cards, charts, data, exercises, journal, registry, tables, views, widgets  # noqa: E402
    from .charts import show
    from .data import BorderlineError, DataError, bibliography, cite, load, source_line
    from .exercise_view import exercise, model_answer
    from .exercises import check, hint, parse_number
    from .lessons import lesson_sources
    from .tables import arrivals_by_year, rows  # formatted for reading; data.rows returns the plain DataFrame
    from .widgets import (
        argument_map,
        arrivals_timeline,
        border_map,
        china_estimates_explorer,
        estimate_explorer,
        export_my_work,
        final_position,
        glossary_browser,
        journal_entry,
        opening_position,
        options_board,
        per_capita_calculator,
        per_capita_rate,
        role_cards,
        setup_check,
        statements_browser,
        status_checker,
        treaty_explorer,
    )

__all__ = [
    "analysis",
    "cards",
    "charts",
    "data",
    "exercises",
    "journal",
    "registry",
    "tables",
    "views",
    "widgets",
    "show",
    "load",
    "cite",
    "source_line",
    "DataError",
    "BorderlineError",
    "bibliography",
    "rows",
    "arrivals_by_year",
    "check",
    "hint",
    "parse_number",
    "estimate_explorer",
    "exercise",
    "model_answer",
    "lesson_sources",
    "glossary_browser",
    "journal_entry",
    "export_my_work",
    "opening_position",
    "per_capita_calculator",
    "per_capita_rate",
    "setup_check",
    "border_map",
    "arrivals_timeline",
    "china_estimates_explorer",
    "treaty_explorer",
    "statements_browser",
    "status_checker",
    "argument_map",
    "options_board",
    "role_cards",
    "final_position",
]
__version__ = "0.1.0"


def _friendly(shell, etype, value, tb, tb_offset=None):
    """Show a BorderlineError as a plain message box instead of a traceback."""
    import html as _html

    from IPython.display import HTML, display

    display(
        HTML(
            '<div class="bl-error" role="alert" style="border-left:4px solid #a23b00;padding:6px 10px;'
            'background:#fff4ef"><strong>Borderline could not do that.</strong><br>'
            f"{_html.escape(str(value))}</div>"
        )
    )
    return None


def _install_error_display():
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "set_custom_exc"):
        shell.set_custom_exc((BorderlineError,), _friendly)


if not _LAUNCHING:
    _install_error_display()
    # Speed: what the imports built (pandas, plotly, ipywidgets, IPython: some 150,000 objects) lives as long as
    # the kernel. Frozen, Python's garbage collector stops walking it on every full collection while a lesson
    # builds its charts, and when the kernel shuts down. Executed headless, a map-heavy notebook took 2.27 s unfrozen and
    # 2.05 s frozen (median of 4, interleaved): about 0.1 s less in the cells, the rest at shutdown.
    import atexit as _atexit
    import gc as _gc

    _gc.freeze()
    # And at exit, what the lesson built too: Python's last collections would walk every chart and widget
    # still alive only to free them (a lesson's kernel took 0.10 s to exit, 0.04 s with this), and nothing in
    # the curriculum waits on that collection: the journal is written as the student types.
    _atexit.register(_gc.freeze)
