"""Pure analysis: the arithmetic and logic behind the charts and views, with no plotting and no widgets.

- ``rates``: deaths as a share of a population and per 100,000 a year (``per_capita_rate``);
- ``estimates``: estimates as low-high ranges;
- ``treaties``: whether a state is bound by a treaty, and since when;
- ``cases``: grading a student's judgement of a case against the expected answers;
- ``statements``: statements by speaker group, theme and year;
- ``routes``: route legs, the path and the view around them, outline simplification;
- ``movements``: arrivals by year, forced returns;
- ``arguments``: the layout of the argument map, who backs each option, rankings;
- ``dates``: dates as people read them.

>>> from borderline import data
>>> r = per_capita_rate(estimate_ranges(data.load("famine_estimates"))["est_id"].iloc[0])
>>> 0 < r["share_pct"] < 100
True
"""

from .arguments import argument_layout, count_ids, parse_ranking, ranking_summary, role_titles
from .cases import answers, elements, grade_case, parse_answers
from .dates import event_dates, when_text, years_of
from .estimates import china_ranges, estimate_ranges, method_order, value_span, with_range
from .movements import arrival_blocks, arrivals_frame, forced_returns, lanes
from .rates import fallback_year, per_capita_rate, population_in, preferred_series, series_options
from .routes import aspect, route_legs, route_path, route_view, simplify
from .statements import OTHERS, filter_statements, groups, in_group
from .treaties import BINDING, STATUSES, bound_by, treaty_rows, treaty_status_summary, with_status

__all__ = [
    "argument_layout",
    "count_ids",
    "parse_ranking",
    "ranking_summary",
    "role_titles",
    "answers",
    "elements",
    "grade_case",
    "parse_answers",
    "event_dates",
    "when_text",
    "years_of",
    "china_ranges",
    "estimate_ranges",
    "method_order",
    "value_span",
    "with_range",
    "arrival_blocks",
    "arrivals_frame",
    "forced_returns",
    "lanes",
    "fallback_year",
    "per_capita_rate",
    "population_in",
    "preferred_series",
    "series_options",
    "aspect",
    "route_legs",
    "route_path",
    "route_view",
    "simplify",
    "OTHERS",
    "filter_statements",
    "groups",
    "in_group",
    "BINDING",
    "STATUSES",
    "bound_by",
    "treaty_rows",
    "treaty_status_summary",
    "with_status",
]
