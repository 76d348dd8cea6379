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

import html

import pandas as pd

from . import data
from .i18n import ui


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


class Table:
    """A formatted table (a pandas Styler underneath: ``.data``, ``.to_html()``) shown inside its own region,
    which scrolls sideways when the table is wider than the page and takes keyboard focus, so a keyboard
    user can scroll it too; a screen reader announces the region by the table's name.

    >>> table = Table(styled(pd.DataFrame({"a": [1]})), "population")
    >>> table.data["a"].tolist(), table._repr_html_().startswith('<div class="bl-scroll" role="region" tabindex="0"')
    ([1], True)
    """

    def __init__(self, styler, name: str):
        self.styler, self.name = styler, name

    def __getattr__(self, attr):
        return getattr(self.styler, attr)

    def _repr_html_(self) -> str:
        label = html.escape(ui("Table: {name}", name=self.name))
        return (
            f'<div class="bl-scroll" role="region" tabindex="0" aria-label="{label}" '
            f'style="overflow-x:auto;max-width:100%">{self.styler.to_html()}</div>'
        )


def rows(name: str, *ids: str, columns=None, **where):
    """Some rows of a table, picked by id or by column value, formatted (see ``data.rows``).

    >>> first = data.load("famine_estimates")["est_id"].iloc[:2].tolist()
    >>> rows("famine_estimates", *first).data["est_id"].tolist() == first
    True
    """
    return Table(styled(data.rows(name, *ids, columns=columns, **where)), name)


def arrivals_by_year(first: int, last: int, total: bool = True):
    """Arrivals by year with a total row, formatted (see ``data.arrivals_by_year``).

    >>> table = arrivals_by_year(2002, 2019).data
    >>> int(table.iloc[-1]["women"]), int(table.iloc[-1]["total"])
    (23566, 31533)
    """
    return Table(styled(data.arrivals_by_year(first, last, total)), "arrivals")


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
