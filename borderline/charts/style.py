"""The house style every chart shares, and showing a chart with its description.

Every builder returns a ``plotly.graph_objects.Figure`` (it never displays it) with a title,
labelled axes, a colour-blind-safe palette (Okabe-Ito), a source line under the plot and a
short text description for screen readers, kept in ``fig.layout.meta["description"]``, and the
data behind it as a small table (``data_table``, kept in ``fig.layout.meta["table"]``) that
``show`` and the views put under the chart in a collapsible "Data behind this chart".

>>> fig = style(go.Figure(go.Bar(x=[1], y=[2])), "T", "x", "y", [], "One bar.")
>>> fig.layout.title.text, fig.layout.xaxis.title.text, description(fig)
('T', 'x', 'One bar.')
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import event_dates
from ..i18n import ui
from ..tables import markup, missing
from ..views import view

# Okabe & Ito (2008) colours, safe for the common forms of colour blindness.
# Yellow is last: it is hard to read on white.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
NEUTRAL = "#8C8C8C"  # for "not stated" and other non-categories
LAND = "#F2F2F2"  # countries that are not highlighted on a map
FONT = "Arial, Helvetica, 'Noto Sans CJK KR', sans-serif"  # Noto CJK draws Hangul (fonts-noto-cjk)
NUMERIC = {"int8", "int16", "int32", "int64", "Int64", "float32", "float64", "Float64"}
TABLE_ROWS = 25  # a chart carries at most this many rows of its data; the rest are in the CSV
LOG_TICKS = [
    1_000,
    2_000,
    5_000,
    10_000,
    20_000,
    50_000,
    100_000,
    200_000,
    500_000,
    1_000_000,
    2_000_000,
    5_000_000,
    10_000_000,
]


def log_axis(low: float, high: float) -> dict:
    """Readable tick marks for a log axis: 1, 2, 5 steps written out in full.

    >>> log_axis(10_000, 20_000)["ticktext"]
    ['5,000', '10,000', '20,000', '50,000']
    """
    vals = [t for t in LOG_TICKS if low / 2.5 <= t <= high * 2.5]
    return dict(type="log", tickvals=vals, ticktext=[f"{v:,}" for v in vals])


def fmt_int(value) -> str:
    """A whole number with thousands separators.

    >>> fmt_int(3500000)
    '3,500,000'
    """
    return f"{int(round(float(value))):,}"


def note_sources(chart: str) -> list[str]:
    """The sources of what a chart adds to its data (chart_notes.csv), leaving out our own wording.

    >>> set(note_sources("repatriations")) <= set(data.load("sources")["source_id"])
    True
    """
    notes = data.chart_notes(chart)
    notes = notes[notes["kind"] != "marker"]
    return [s for s in dict.fromkeys(notes["source_id"]) if s not in data.own_wording()]


def with_notes(text: str, chart: str) -> str:
    """A description followed by the chart's notes (chart_notes.csv), if any.

    >>> with_notes("Two bars.", "no_such_chart")
    'Two bars.'
    """
    notes = data.note_text(chart)
    return f"{text} {notes}" if notes else text


def marked_events(chart: str) -> pd.DataFrame:
    """The events a chart marks (chart_notes.csv, kind ``marker``), in order, with a ``when`` date.

    >>> marked = marked_events("treaty_timeline")
    >>> marked["event_id"].tolist() == data.chart_notes("treaty_timeline", "marker")["event_id"].tolist()
    True
    """
    wanted = data.chart_notes(chart, "marker")["event_id"].tolist()
    events = data.in_language(data.load("events"))  # the titles in the edition's language
    events = events.assign(when=event_dates(events)).set_index("event_id")
    return events.loc[[e for e in wanted if e in events.index]].reset_index()


def events_key(chart: str) -> str:
    """The numbered key to the events a chart marks with dotted lines (the numbers on the lines).

    >>> events_key("arrivals").startswith("Dotted lines: (1) ")
    True
    """
    marked = [f"({i}) {int(e['year'])}: {e['title']}" for i, (_, e) in enumerate(marked_events(chart).iterrows(), 1)]
    return ui("Dotted lines: {events}.", events="; ".join(marked)) if marked else ""


def event_mark(x, number: int, year, title, xref: str = "x", step: int = 0) -> tuple[dict, dict]:
    """The dotted line at an event and the number on it (a step higher for ``step`` 1), the event in full on hover;
    ``events_key`` lists the numbers in the chart's words.

    >>> line, note = event_mark(3, 1, 2011, "Border tightened")
    >>> line["x0"], note["text"], note["hovertext"]
    (3, '1', '2011: Border tightened')
    """
    line = dict(
        type="line", x0=x, x1=x, xref=xref, yref="paper", y0=0, y1=1, line=dict(color="#777", width=1, dash="dot")
    )
    note = dict(
        x=x,
        y=1.0,
        xref=xref,
        yref="paper",
        yshift=2 + 20 * step,
        text=str(number),
        hovertext=html.escape(f"{int(year)}: {title}", quote=False),
        showarrow=False,
        yanchor="bottom",
        font=dict(size=11, color="#222"),
        bgcolor="#fff",
        bordercolor="#777",
        borderpad=2,
    )
    return line, note


TRACE_TYPES = ("bar", "scatter")  # the only trace types the charts draw: the house template styles just these
# ...and the parts of its layout that 2-D charts use (no polar, ternary, 3-D, geo or colour-scale settings)
LAYOUT_PARTS = ("autotypenumbers", "colorway", "font", "hovermode", "hoverlabel", "paper_bgcolor", "plot_bgcolor")
LAYOUT_PARTS += ("xaxis", "yaxis", "shapedefaults", "annotationdefaults", "title")


@functools.lru_cache(maxsize=1)
def house_template() -> go.layout.Template:
    """plotly's "simple_white" look, cut to the trace types and the layout parts the charts use, validated once.

    The full template styles two dozen trace types and every kind of axis; each figure would validate and carry
    all of it (the first chart of a lesson spent some 175 ms on it). The charts look exactly the same.

    >>> t = house_template()
    >>> sorted(t.data.to_plotly_json()) == sorted(TRACE_TYPES), t.layout.plot_bgcolor
    (True, 'white')
    """
    import plotly.io as pio

    full = pio.templates["simple_white"].to_plotly_json()
    data = {k: v for k, v in full.get("data", {}).items() if k in TRACE_TYPES}
    layout = {k: v for k, v in full.get("layout", {}).items() if k in LAYOUT_PARTS}
    return go.layout.Template(data=data, layout=layout)


def add_marks(fig: go.Figure, shapes: list, annotations: list) -> None:
    """Add ``shapes`` and ``annotations`` (dicts) after a figure's own, in one step each: added one at a time,
    each would revalidate every mark already there. Assigned, not passed to ``update_layout``: its merge walks
    every property of every mark already there (a dozen event notes: 50 ms, against 1.3 ms assigned).

    >>> fig = go.Figure(layout=dict(annotations=[dict(text="first")]))
    >>> add_marks(fig, [dict(type="line", x0=0, x1=0, y0=0, y1=1)], [dict(text="second")])
    >>> [a.text for a in fig.layout.annotations], len(fig.layout.shapes)
    (['first', 'second'], 1)
    """
    if shapes:
        fig.layout.shapes = (*fig.layout.shapes, *shapes)
    if annotations:
        fig.layout.annotations = (*fig.layout.annotations, *annotations)


# Under the plot, in pixels: the legend's top (below the x axis's labels and title), then the source line's
# top, each of its lines (11 px type) and its width in characters (some 580 px: a chart in a narrow notebook is
# about 700 px wide, and the source line ends at the plot's right edge).
LEGEND_AT, SOURCE_AT, SOURCE_LINE, SOURCE_WIDTH = 58, 84, 14, 100


def source_lines(text: str, width: int = SOURCE_WIDTH) -> list[str]:
    """A chart's source line broken into lines of about ``width`` characters (a Korean character counts as
    two), only between its citations and before "Full references", so that no citation is broken.

    >>> source_lines("Sources: A; B. Full references: datasets/sources.csv", width=20)
    ['Sources: A; B.', 'Full references: datasets/sources.csv']
    >>> source_lines("Source: A. Full references: datasets/sources.csv")
    ['Source: A. Full references: datasets/sources.csv']
    """
    head, dot, tail = text.rpartition(". ")
    parts = [p + ";" for p in head.split("; ")] if dot else [text]
    if dot:
        parts[-1] = parts[-1][:-1] + "."
        parts.append(tail)
    lines: list[str] = []
    for part in parts:
        if lines and _width(lines[-1]) + 1 + _width(part) <= width:
            lines[-1] += " " + part
        else:
            lines.append(part)
    return lines


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_AXIS = re.compile(r"^[xy]axis\d*$")


def _merge(into: dict, patch: dict) -> dict:
    """``patch`` merged into ``into`` as plotly's update_layout merges: nested dicts key by key, all else replaced.

    >>> _merge({"a": {"b": 1, "c": 2}, "d": [1]}, {"a": {"b": 3}, "d": [2]})
    {'a': {'b': 3, 'c': 2}, 'd': [2]}
    """
    for key, value in patch.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
    return into


def style(
    fig: go.Figure,
    title: str,
    x_title: str,
    y_title: str,
    sources,
    description_text: str,
    height: int = 420,
    table: dict | None = None,
    annotations: list | None = None,
    top: int = 60,
) -> go.Figure:
    """Apply the house style: title, axis titles, source line, description and the data behind the chart.

    ``table`` is what ``data_table`` returns for the rows drawn. ``annotations`` (dicts) go on the chart
    before the source line, which stays last; given here, they are checked by plotly once (a figure's
    annotations are checked again, every one, each time one is added).

    >>> sid = data.load("sources")["source_id"].iloc[0]
    >>> fig = style(go.Figure(go.Bar(x=[1], y=[2])), "T", "x", "y", [sid], "One bar.")
    >>> fig.layout.annotations[0].text == data.source_line([sid]), fig.layout.font.family
    (True, "Arial, Helvetica, 'Noto Sans CJK KR', sans-serif")
    """
    meta = dict(description=description_text, sources=list(sources))
    if table is not None:
        meta["table"] = table
    lines = source_lines(data.source_line(sources))
    bottom = SOURCE_AT + 12 + SOURCE_LINE * len(lines)
    plot = (height or 450) - top - bottom  # roughly, in pixels: the legend goes under the axis title, above the source
    house = dict(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=18)),
        font=dict(family=FONT, size=13, color="#222"),
        colorway=PALETTE,
        height=height,
        margin=dict(l=10, r=20, t=top, b=bottom),
        legend=dict(orientation="h", yanchor="top", y=-LEGEND_AT / max(plot, 100), x=0, title=dict(text="")),
        hoverlabel=dict(font=dict(family=FONT, size=13), bgcolor="white"),
        meta=meta,
    )
    shown = [t for t in fig.data if t.showlegend is not False and t.name]
    side_legend = len(shown) > 3
    if side_legend:  # a long legend goes to the right, so it never runs into the source line
        _merge(house, dict(legend=dict(orientation="v", x=1.02, y=1, xanchor="left", yanchor="top")))
    # The chart's layout and the house style merged as plain dicts and checked by plotly once: each
    # update_layout call walks plotly's objects key by key (a small chart: 13.8 ms styled that way, 4.2 ms this way)
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # plotly's default, replaced by the house template below
    _merge(layout, house)
    for axis, text in (("x", x_title), ("y", y_title)):
        for name in [k for k in layout if _AXIS.match(k) and k[0] == axis] or [axis + "axis"]:
            _merge(layout.setdefault(name, {}), dict(title=dict(text=text), automargin=True))
    layout["template"] = house_template()
    fig.layout = layout
    source_line = dict(
        text="<br>".join(lines),
        xref="paper",
        yref="paper",
        # on the side with room: from the plot's left edge where a legend beside the plot narrows it, else ending
        # at its right edge (from the left edge, after long axis labels, it ran off the chart)
        x=0 if side_legend else 1,
        y=0,
        yshift=-SOURCE_AT,
        xanchor="left" if side_legend else "right",
        yanchor="top",
        showarrow=False,
        font=dict(size=11, color="#555"),
        align="left",
    )
    add_marks(fig, [], list(annotations or []) + [source_line])
    return fig


def description(fig) -> str:
    """The text description stored with a figure.

    >>> description(go.Figure())
    ''
    """
    meta = fig.layout.meta or {}
    return meta.get("description", "") if isinstance(meta, dict) else ""


def cell_text(value, year: bool = False) -> str:
    """One cell of a chart's data table as text: whole numbers with separators (a year without),
    dates as dates, long text cut.

    >>> cell_text(3500000), cell_text(12.5), cell_text(None), cell_text(pd.Timestamp("2020-01-31"))
    ('3,500,000', '12.5', '', '2020-01-31')
    >>> cell_text(2020, year=True), cell_text(83.67346)
    ('2020', '83.7')
    """
    if missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (int, float)) and not isinstance(value, bool) or str(getattr(value, "dtype", "")) in NUMERIC:
        number = float(value)
        if number.is_integer():
            return str(int(number)) if year else f"{int(number):,}"
        return f"{number:,.1f}" if abs(number) >= 10 else f"{number:g}"
    text = str(value)
    return text if len(text) <= 160 else text[:157].rstrip() + "…"


def data_table(frame: pd.DataFrame, columns: dict, table: str | None = None, limit: int = TABLE_ROWS) -> dict:
    """The data behind a chart, small enough to travel with it: column headings, the first rows as text,
    how many rows there are and the CSV that holds them all.

    ``columns`` maps a column of ``frame`` to its heading; the first column heads each row.

    >>> part = data_table(pd.DataFrame({"year": [2001, 2002], "n": [1200, 30]}), {"year": "Year", "n": "People"})
    >>> part["columns"], part["rows"], part["total"]
    (['Year', 'People'], [['2001', '1,200'], ['2002', '30']], 2)
    """
    part = frame[list(columns)].head(limit)
    years = ["year" in str(c) for c in columns]  # a year reads 2020, not 2,020
    rows = [[cell_text(v, y) for v, y in zip(row, years, strict=True)] for row in part.itertuples(index=False)]
    return dict(
        columns=list(columns.values()), rows=rows, total=len(frame), csv=f"datasets/{table}.csv" if table else ""
    )


def table_of(fig) -> dict | None:
    """The data table kept with a figure (``data_table``), or None.

    >>> table_of(go.Figure()) is None
    True
    """
    meta = fig.layout.meta or {}
    found = meta.get("table") if isinstance(meta, dict) else None
    return found if isinstance(found, dict) and found.get("columns") else None


def data_table_html(fig) -> str:
    """The data behind a figure as a collapsible "Data behind this chart": a table with a caption,
    column headers and row headers, and a line saying where every row is; '' if it has none.

    >>> part = data_table(pd.DataFrame({"year": [2001], "n": [3]}), {"year": "Year", "n": "People"}, "arrivals")
    >>> page = data_table_html(style(go.Figure(), "T", "x", "y", [], "d", table=part))
    >>> '<th scope="col">People</th>' in page, '<th scope="row">2001</th><td>3</td>' in page
    (True, True)
    >>> data_table_html(go.Figure())
    ''
    """
    table = table_of(fig)
    if table is None:
        return ""
    esc = html.escape
    title = fig.layout.title.text or ui("Data behind this chart")
    shown, total, path = len(table["rows"]), int(table.get("total", len(table["rows"]))), table.get("csv") or ""
    if shown < total:
        where = ui("The first {shown} of {total} rows; every row is in {path}.", shown=shown, total=total, path=path)
    elif path:
        where = ui("All {total} rows, from {path}.", total=total, path=path)
    else:
        where = ""
    foot = f'<p class="bl-data-where">{esc(where)}</p>' if where else ""
    grid = markup(table["columns"], table["rows"], title, css="bl-data", row_headers=True)
    return (
        f'<details class="bl-data-table"><summary>{esc(ui("Data behind this chart"))}</summary>{grid}{foot}</details>'
    )


def words_html(text: str, heading: str | None = None) -> str:
    """The text description as a paragraph screen readers announce as a note (heading: 'Chart in words').

    >>> words_html("Two bars.")
    '<p class="bl-description" role="note"><strong>Chart in words.</strong> Two bars.</p>'
    >>> words_html("Two bars.", ui("Map in words", lang="ko")).count("글로 읽는 지도")
    1
    """
    heading = html.escape(heading or ui("Chart in words"))
    return f'<p class="bl-description" role="note"><strong>{heading}.</strong> {html.escape(text)}</p>'


def description_html(fig) -> str:
    """A figure's description as a 'Chart in words' paragraph.

    >>> description_html(tiny_check_chart(2)).endswith("rising from 1 to 4.</p>")
    True
    """
    return words_html(description(fig))


def figure_html(fig) -> str:
    """A figure as an HTML fragment for a static page (plotly.js is loaded once by the page itself).

    >>> figure_html(tiny_check_chart(2)).startswith("<div")
    True
    """
    return fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False, "responsive": True})


@view
def show(fig) -> None:
    """Display a figure and, under it, its description in words and the data behind it.

    >>> show(tiny_check_chart(2))  # doctest: +ELLIPSIS
    Figure({...
    <IPython.core.display.HTML object>
    """
    from IPython.display import HTML, display

    display(fig)
    display(HTML(description_html(fig) + data_table_html(fig)))


@registry.static_view(show)
def show_static(fig) -> None:
    """``show`` in the handouts: the figure as HTML (no kernel needed) and its description.

    >>> show_static(tiny_check_chart(2))
    <IPython.core.display.HTML object>
    """
    from IPython.display import HTML, display

    display(HTML(figure_html(fig) + description_html(fig) + data_table_html(fig)))


def tiny_check_chart(n: int = 5) -> go.Figure:
    """A small chart for the setup check: squares of 1..n.

    >>> list(tiny_check_chart(3).data[0].y)
    [1, 4, 9]
    """
    xs = list(range(1, n + 1))
    fig = go.Figure(
        go.Bar(
            x=[str(x) for x in xs],
            y=[x * x for x in xs],
            marker_color=PALETTE[0],
            hovertemplate=ui("{x} squared is {y}", x="%{x}", y="%{y}") + "<extra></extra>",
        )
    )
    fig.update_layout(
        template=house_template(),
        height=260,
        margin=dict(l=10, r=10, t=50, b=40),
        title=dict(text=ui("Setup check: the squares of 1 to {n}", n=n), x=0),
        font=dict(family=FONT, size=13),
        meta=dict(
            description=ui("Bar chart of the squares of 1 to {n}, rising from 1 to {square}.", n=n, square=n * n)
        ),
    )
    fig.update_xaxes(title_text=ui("Number"), type="category")
    fig.update_yaxes(title_text=ui("Its square"))
    return fig
