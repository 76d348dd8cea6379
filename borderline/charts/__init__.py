"""Plotly charts in one house style, by kind.

Every builder returns a ``plotly.graph_objects.Figure`` (it never displays it) with a title,
labelled axes, a colour-blind-safe palette (Okabe-Ito), a source line under the plot and a
short text description for screen readers, kept in ``fig.layout.meta["description"]``, and the
data it draws as a small table (``fig.layout.meta["table"]``). ``show(fig)`` displays a figure
with its description and, collapsed, the "Data behind this chart" underneath.

- ``style``: the house style, ``show``, descriptions;
- ``estimates``: famine estimates, famines compared, the per-capita rate;
- ``china``: estimates of North Koreans in China;
- ``maps``: the border map and the routes;
- ``timelines``: arrivals, forced returns, every event by lesson;
- ``treaties``: the treaty timeline;
- ``statements``: officials' statements by year and theme;
- ``arguments``: the argument map;
- ``options``: who backs each policy option.

Labels, colours, markers and notes come from ``datasets/labels.csv`` and ``datasets/chart_notes.csv``.

>>> fig = famine_comparison()
>>> fig.layout.xaxis.title.text
'Excess deaths as a share of the population (%)'
>>> fig.layout.annotations[0].text.startswith("Source")
True
"""

from .arguments import argument_boxes, argument_map, argument_outline_html, argument_series, short_claims
from .china import china_description, china_estimates, china_log_axis, china_rows, china_series, china_y_title
from .estimates import (
    estimate_rows,
    estimate_series,
    estimates_description,
    estimates_table,
    estimates_x_title,
    famine_comparison,
    famine_estimates,
    per_capita,
    per_capita_parts,
    per_capita_table,
    reference,
    who_made,
)
from .maps import (
    BORDER_REGION,
    border_map,
    hide_town_labels,
    land_traces,
    route_description,
    route_title,
    set_view,
    town_group,
)
from .options import options_support
from .statements import statements_chart
from .style import (
    FONT,
    LAND,
    NEUTRAL,
    PALETTE,
    TABLE_ROWS,
    cell_text,
    data_table,
    data_table_html,
    description,
    description_html,
    figure_html,
    fmt_int,
    log_axis,
    show,
    style,
    table_of,
    tiny_check_chart,
    words_html,
)
from .timelines import arrivals, arrivals_y_title, grand_timeline, lane_name, repatriations
from .treaties import treaty_timeline

__all__ = [
    "PALETTE",
    "TABLE_ROWS",
    "NEUTRAL",
    "LAND",
    "FONT",
    "style",
    "description",
    "description_html",
    "data_table",
    "data_table_html",
    "table_of",
    "cell_text",
    "words_html",
    "show",
    "figure_html",
    "fmt_int",
    "log_axis",
    "tiny_check_chart",
    "famine_estimates",
    "famine_comparison",
    "per_capita",
    "per_capita_parts",
    "per_capita_table",
    "estimates_table",
    "who_made",
    "reference",
    "estimate_rows",
    "estimate_series",
    "estimates_description",
    "estimates_x_title",
    "china_estimates",
    "china_rows",
    "china_series",
    "china_description",
    "china_log_axis",
    "china_y_title",
    "border_map",
    "BORDER_REGION",
    "hide_town_labels",
    "land_traces",
    "route_description",
    "route_title",
    "set_view",
    "town_group",
    "arrivals",
    "arrivals_y_title",
    "lane_name",
    "repatriations",
    "grand_timeline",
    "treaty_timeline",
    "statements_chart",
    "argument_map",
    "argument_series",
    "argument_boxes",
    "argument_outline_html",
    "short_claims",
    "options_support",
]
