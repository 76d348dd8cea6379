"""Dates as people read them, from a ``date`` column or, where it is empty, ``date_text``.

>>> import pandas as pd
>>> when_text({"date": pd.Timestamp("2001-06-07"), "date_text": None})
'7 Jun 2001'
>>> when_text({"date": pd.NaT, "date_text": "spring 1999"})
'spring 1999'
"""

from __future__ import annotations

import pandas as pd


def when_text(row) -> str:
    """The day of a row ('7 Jun 2001'), else its ``date_text``, else 'date unknown'.

    >>> when_text({"date": pd.NaT, "date_text": None})
    'date unknown'
    """
    if pd.notna(row["date"]):
        return row["date"].strftime("%d %b %Y").lstrip("0")
    return str(row["date_text"]) if pd.notna(row["date_text"]) else "date unknown"


def event_dates(frame: pd.DataFrame) -> pd.Series:
    """The date of each event: its ``date``, else the middle of its ``year`` (1 July).

    >>> frame = pd.DataFrame({"date": [pd.NaT, pd.Timestamp("2001-02-03")], "year": [1999, 2001]})
    >>> [str(d.date()) for d in event_dates(frame)]
    ['1999-07-01', '2001-02-03']
    """
    middle = pd.to_datetime(frame["year"].astype(str) + "-07-01", errors="coerce")
    return frame["date"].where(frame["date"].notna(), middle)


def years_of(frame: pd.DataFrame) -> pd.Series:
    """The year of each row: from its ``date``, else the first year named in ``date_text``.

    >>> frame = pd.DataFrame({"date": [pd.NaT, pd.Timestamp("2004-01-01")], "date_text": ["in 1999 or 2000", None]})
    >>> years_of(frame).tolist()
    [1999, 2004]
    """
    from_text = frame["date_text"].astype("string").str.extract(r"((?:19|20)\d\d)")[0].astype("Float64")
    return frame["date"].dt.year.astype("Float64").fillna(from_text).astype("Int64")
