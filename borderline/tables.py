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


def _is_count(frame: pd.DataFrame, column) -> bool:
    """A whole-number column read with thousands separators: not a year, a period or a route leg."""
    name = str(column)
    return (
        str(frame[column].dtype) == "Int64" and "year" not in name and not name.startswith("period_") and name != "leg"
    )


def missing(value) -> bool:
    """True for an empty cell: None, NaN, NA or NaT (a list or a dict is a value, never missing).

    >>> missing(None), missing(pd.NA), missing(float("nan")), missing(0), missing([None])
    (True, True, True, False, False)
    """
    return value is None or (not isinstance(value, (list, tuple, dict)) and bool(pd.isna(value)))


def _cell(value, count: bool, date: bool) -> str:
    if missing(value):
        return ""
    if count:
        return f"{int(value):,}"
    if date:
        return value.strftime("%d %b %Y")
    return str(value)


def cell_texts(frame: pd.DataFrame) -> list[list[str]]:
    """Each row of a table as the text a reader sees: whole numbers with thousands separators (years left
    alone), dates spelt out, missing cells blank.

    >>> frame = pd.DataFrame({"year": pd.array([1995], dtype="Int64"), "people": pd.array([1234567], dtype="Int64"),
    ...                       "date": pd.to_datetime(["2004-07-27"]), "note": pd.array([None], dtype="string")})
    >>> cell_texts(frame)
    [['1995', '1,234,567', '27 Jul 2004', '']]
    """
    kinds = [(_is_count(frame, c), str(frame[c].dtype).startswith("datetime")) for c in frame.columns]
    return [[_cell(v, *kind) for v, kind in zip(row, kinds, strict=True)] for row in frame.itertuples(index=False)]


def markup(columns, rows, caption: str = "", css: str = "bl-table", row_headers: bool = False) -> str:
    """A table's HTML from its column headings and rows of text (all escaped here), with an optional caption;
    with ``row_headers`` each row's first cell heads its row.

    >>> markup(["Year", "People"], [["2001", "3"]], row_headers=True)
    '<table class="bl-table"><thead><tr><th scope="col">Year</th><th scope="col">People</th></tr></thead><tbody><tr><th scope="row">2001</th><td>3</td></tr></tbody></table>'
    """
    esc = html.escape
    head = "".join(f'<th scope="col">{esc(str(c))}</th>' for c in columns)

    def cells(row) -> str:
        first = f'<th scope="row">{esc(row[0])}</th>' if row_headers and row else ""
        return first + "".join(f"<td>{esc(t)}</td>" for t in row[1 if first else 0 :])

    body = "".join(f"<tr>{cells(row)}</tr>" for row in rows)
    caption = f"<caption>{esc(caption)}</caption>" if caption else ""
    return f'<table class="{css}">{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def table_html(frame: pd.DataFrame, caption: str = "") -> str:
    """A formatted table as HTML (column headers, no index), with an optional caption.

    Written here rather than by pandas' Styler: the Styler's first table in a kernel loads jinja2 and its
    templates (some 70 ms), and every table after that renders through them.

    >>> page = table_html(pd.DataFrame({"a": [1], "b": ["<x>"]}), "One row")
    >>> "<caption>One row</caption>" in page, '<th scope="col">a</th>' in page, "<td>&lt;x&gt;</td>" in page
    (True, True, True)
    """
    return markup(frame.columns, cell_texts(frame), caption)


# JupyterLab right-aligns every cell of a notebook's tables, so a paragraph of text read ragged on its left
REGION_CSS = "<style>.bl-scroll .bl-table th,.bl-scroll .bl-table td{text-align:left;vertical-align:top}</style>"


class Table:
    """A formatted table (``.data`` is the DataFrame, ``.to_html()`` the table) shown inside its own region,
    which scrolls sideways when the table is wider than the page and takes keyboard focus, so a keyboard
    user can scroll it too; a screen reader announces the region by the table's name.

    >>> table = Table(pd.DataFrame({"a": [1]}), "population")
    >>> table.data["a"].tolist(), '<div class="bl-scroll" role="region" tabindex="0"' in table._repr_html_()
    ([1], True)
    """

    def __init__(self, frame: pd.DataFrame, name: str):
        self.data, self.name = frame.reset_index(drop=True), name

    def to_html(self) -> str:
        return table_html(self.data)

    def _repr_html_(self) -> str:
        label = html.escape(ui("Table: {name}", name=self.name))
        return (
            f'{REGION_CSS}<div class="bl-scroll" role="region" tabindex="0" aria-label="{label}" '
            f'style="overflow-x:auto;max-width:100%">{self.to_html()}</div>'
        )


def rows(name: str, *ids: str, columns=None, **where):
    """Some rows of a table, picked by id or by column value, formatted (see ``data.rows``).

    >>> first = data.load("famine_estimates")["est_id"].iloc[:2].tolist()
    >>> rows("famine_estimates", *first).data["est_id"].tolist() == first
    True
    """
    return Table(data.rows(name, *ids, columns=columns, **where), name)


def arrivals_by_year(first: int, last: int, total: bool = True):
    """Arrivals by year with a total row, formatted (see ``data.arrivals_by_year``).

    >>> table = arrivals_by_year(2002, 2019).data
    >>> int(table.iloc[-1]["women"]), int(table.iloc[-1]["total"])
    (23566, 31533)
    """
    return Table(data.arrivals_by_year(first, last, total), "arrivals")
