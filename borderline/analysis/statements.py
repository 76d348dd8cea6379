"""Statements by who spoke, theme and year.

Speakers are grouped as listed under ``statements.group`` in labels.csv: a group whose value
is a country code holds that country's statements; the group ``others`` holds the rest.

>>> import pandas as pd
>>> frame = pd.DataFrame({"stmt_id": ["a", "b", "c"], "country": ["AA", "BB", "AA"], "theme": ["t", "t", "u"],
...                       "date": pd.to_datetime(["2001-01-01", "2003-01-01", None]),
...                       "date_text": [None, None, "in 2002"]})
>>> filter_statements(frame, who="AA", groups=["AA", "others"])["stmt_id"].tolist()
['a', 'c']
>>> filter_statements(frame, who="others", groups=["AA", "others"])["stmt_id"].tolist()
['b']
"""

from __future__ import annotations

import pandas as pd

from .. import data
from .dates import years_of

OTHERS = "others"


def groups() -> list[str]:
    """The speaker groups in display order (labels.csv, ``statements.group``).

    >>> groups()[-1]
    'others'
    """
    return list(data.labels("statements.group"))


def in_group(frame: pd.DataFrame, group: str, all_groups: list | None = None) -> pd.Series:
    """True for the statements of one group (``others``: every country not named by another group).

    >>> frame = pd.DataFrame({"country": ["AA", "BB"]})
    >>> in_group(frame, "others", ["AA", "others"]).tolist()
    [False, True]
    """
    named = [g for g in (all_groups or groups()) if g != OTHERS]
    return ~frame["country"].isin(named) if group == OTHERS else frame["country"] == group


def filter_statements(
    frame: pd.DataFrame, who: str = "all", theme: str = "all", years=None, groups: list | None = None
) -> pd.DataFrame:
    """The statements a browser shows for these filters, oldest first (``years``: a (first, last) pair).

    Statements with no year at all are never shown.

    >>> every = data.load("statements")
    >>> len(filter_statements(every)) == len(every)
    True
    """
    years_col = years_of(frame)
    mask = (years_col.between(*years) if years else years_col.notna()).fillna(False)
    if who != "all":
        mask &= in_group(frame, who, groups)
    if theme != "all":
        mask &= frame["theme"] == theme
    return frame[mask].assign(_year=years_col[mask]).sort_values(["_year", "date"], na_position="last")
