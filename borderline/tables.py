"""Tables for reading in a notebook: no index, whole numbers with thousands separators, dates spelt out.

``borderline.data`` returns plain DataFrames; this module is where they are formatted.
``bl.rows`` and ``bl.arrivals_by_year`` are the formatted versions a lesson shows.

>>> table = rows("population", year=1995, columns="year population")
>>> table.data["year"].unique().tolist()
[1995]
>>> "<th" in table.to_html() and "index" not in table.data.columns
True
"""

from __future__ import annotations

import pandas as pd

from . import data


def styled(frame: pd.DataFrame):
    """A DataFrame shown without its index, whole numbers with thousands separators (years left alone).

    >>> frame = pd.DataFrame({"year": pd.array([1995], dtype="Int64"), "people": pd.array([1234567], dtype="Int64")})
    >>> html = styled(frame).to_html()
    >>> "1,234,567" in html and "1,995" not in html
    True
    """
    counts = [
        c
        for c in frame.columns
        if str(frame[c].dtype) == "Int64" and "year" not in c and not c.startswith("period_") and c != "leg"
    ]
    dates = [c for c in frame.columns if str(frame[c].dtype).startswith("datetime")]
    formats = {c: "{:,}" for c in counts} | {c: (lambda d: "" if pd.isna(d) else d.strftime("%d %b %Y")) for c in dates}
    return frame.style.hide(axis="index").format(formats, na_rep="")


def rows(name: str, *ids: str, columns=None, **where):
    """Some rows of a table, picked by id or by column value, formatted (see ``data.rows``).

    >>> first = data.load("famine_estimates")["est_id"].iloc[:2].tolist()
    >>> rows("famine_estimates", *first).data["est_id"].tolist() == first
    True
    """
    return styled(data.rows(name, *ids, columns=columns, **where))


def arrivals_by_year(first: int, last: int, total: bool = True):
    """Arrivals by year with a total row, formatted (see ``data.arrivals_by_year``).

    >>> table = arrivals_by_year(2002, 2019).data
    >>> int(table.iloc[-1]["women"]), int(table.iloc[-1]["total"])
    (23566, 31533)
    """
    return styled(data.arrivals_by_year(first, last, total))


def table_html(frame: pd.DataFrame, caption: str = "") -> str:
    """A formatted table as HTML, with an optional caption.

    >>> html = table_html(pd.DataFrame({"a": [1]}), "One row")
    >>> "One row</caption>" in html
    True
    """
    table = styled(frame.reset_index(drop=True))
    if caption:
        table = table.set_caption(caption)
    return table.to_html()
