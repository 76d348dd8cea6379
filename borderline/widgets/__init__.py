"""Interactive views: each builder takes data and returns an ipywidgets container.

Builders never display anything; the notebook shows what they return. Every container
carries ``.controls`` (a dict of its labelled controls), and most carry ``.figure`` (a plotly
FigureWidget) and ``.text`` (an HTML widget), so a test can set
``box.controls["scale"].value = "linear"`` and read the result. The arithmetic behind each
view is a plain function in ``borderline.analysis`` that tests call directly.

Each builder's static stand-in for the handouts sits beside it, registered with
``registry.static_view``; ``views.view`` picks one or the other.

- ``base``: the container, messages, live-or-static dispatch;
- ``start``: the setup check and the glossary;
- ``estimates``: famine estimates and the per-capita calculator; ``china``: estimates for China;
- ``maps``: the border map and arrivals by year;
- ``treaties``: the treaty explorer; ``statements``: the statements browser;
- ``cases``: the status checker; ``arguments``: the argument map;
- ``options``: the options board and the role cards;
- ``journal_widgets``: the opening and the final position; ``entry``: journal entries (self-checks are in ``borderline.exercise_view``).
- ``export``: "Export my work", a lesson's shareable answers in a file to hand in.

>>> box = estimate_explorer()
>>> box.controls["scale"].value = "linear"
>>> box.figure.layout.xaxis.type
'linear'
"""

from ..analysis import filter_statements, grade_case, per_capita_rate
from ..cards import role_card_html  # kept here until editions.py calls cards.role_card_html
from .arguments import argument_map
from .base import StaticView, box_of, status
from .cases import status_checker
from .china import china_estimates_explorer
from .entry import journal_entry
from .estimates import estimate_explorer, per_capita_calculator
from .export import export_my_work
from .journal_widgets import final_position, opening_position
from .maps import arrivals_timeline, border_map
from .options import options_board, role_cards
from .start import glossary_browser, setup_check
from .statements import statements_browser
from .treaties import treaty_explorer, treaty_table

__all__ = [
    "estimate_explorer",
    "per_capita_rate",
    "per_capita_calculator",
    "journal_entry",
    "export_my_work",
    "opening_position",
    "setup_check",
    "glossary_browser",
    "border_map",
    "arrivals_timeline",
    "china_estimates_explorer",
    "treaty_explorer",
    "statements_browser",
    "treaty_table",
    "filter_statements",
    "status_checker",
    "grade_case",
    "argument_map",
    "options_board",
    "role_cards",
    "final_position",
    "role_card_html",
    "StaticView",
    "box_of",
    "status",
]
