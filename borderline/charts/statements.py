"""What officials said, year by year: one dot per statement, by theme and by speaker group.

>>> fig = statements_chart()
>>> [t.name for t in fig.data] == list(data.labels("statements.group").values())
True
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import groups, in_group, years_of
from ..i18n import ui
from .kept import kept
from .style import PALETTE, data_table, style


def statements_description(frame: pd.DataFrame) -> str:
    """The words for the statements chart: how many, from when, by group, and the first group's commonest theme.

    >>> statements_description(data.load("statements")).startswith("Dot chart of")
    True
    """
    names, themes = data.labels("statements.group"), data.labels("statements.theme")
    frame = frame.assign(year=years_of(frame))
    first = groups()[0]
    mine = frame[in_group(frame, first)]
    top = mine["theme"].value_counts()
    years = mine[mine["theme"] == top.index[0]]["year"]
    return ui(
        "Dot chart of {count} statements from {first} to {last} by theme: {mine} by {group} and {others} by others. The most frequent theme of {group} is '{theme}' ({times} statements), repeated from {since} to {until}.",
        count=len(frame),
        first=int(frame["year"].min()),
        last=int(frame["year"].max()),
        mine=len(mine),
        group=names[first],
        others=len(frame) - len(mine),
        theme=themes.get(top.index[0], top.index[0]),
        times=int(top.iloc[0]),
        since=int(years.min()),
        until=int(years.max()),
    )


def group_trace(frame: pd.DataFrame, group: str, themes: dict) -> go.Scatter:
    """The dots of one speaker group: x the year (jittered a little), y the theme's label.

    >>> frame = data.load("statements")
    >>> trace = group_trace(frame.assign(year=years_of(frame)), groups()[0], data.labels("statements.theme"))
    >>> trace.name == data.labels("statements.group")[groups()[0]]
    True
    """
    part = frame[in_group(frame, group)]
    jitter = [(sum(map(ord, s)) % 7 - 3) * 0.06 for s in part["stmt_id"]]  # stable, unlike hash()
    hover = [
        f"<b>{html.escape(str(sp))}</b> ({y})<br>{html.escape(str(su))[:160]}"
        for sp, y, su in zip(part["speaker"], part["year"], part["summary"], strict=True)
    ]
    colour = data.colours("statements.group").get(group, PALETTE[0])
    symbol = data.symbols("statements.group").get(group, "circle")
    return go.Scatter(
        x=(part["year"].astype(float) + jitter),
        y=part["theme"].map(themes),
        mode="markers",
        name=data.labels("statements.group")[group],
        marker=dict(size=11, color=colour, symbol=symbol, line=dict(width=1, color="white")),
        hovertext=hover,
        hoverinfo="text",
    )


@registry.uses("statements")
@kept
def statements_chart(frame: pd.DataFrame | None = None) -> go.Figure:
    """Statements by year and theme, one trace per speaker group (labels.csv, ``statements.group``).

    >>> fig = statements_chart()
    >>> sum(len(t.x) for t in fig.data) == len(data.load("statements"))
    True
    """
    frame = data.load("statements") if frame is None else frame
    frame = frame.assign(year=years_of(frame))
    themes = data.labels("statements.theme")
    shown = [t for t in themes if t in set(frame["theme"])]
    fig = go.Figure([group_trace(frame, group, themes) for group in groups()])
    fig.update_yaxes(categoryorder="array", categoryarray=[themes[t] for t in shown][::-1])
    years = [int(frame["year"].min()) - 1, int(frame["year"].max()) + 1.5]
    fig.update_xaxes(tickformat="d", dtick=2, range=years, showgrid=True, gridcolor="#eee")
    words = statements_description(frame)
    title, sources = ui("What officials said, year by year"), frame["source_id"].unique()
    ordered = frame.sort_values(["year", "stmt_id"])
    table_rows = ordered.assign(
        theme_name=ordered["theme"].map(lambda t: themes.get(t, t)), cite=ordered["source_id"].map(data.short_cite)
    )
    columns = dict(year=ui("Year"), speaker=ui("Speaker"), theme_name=ui("Theme"), summary=ui("What was said"))
    table = data_table(table_rows, columns | dict(cite=ui("Source")), "statements")
    return style(fig, title, ui("Year"), ui("Theme"), sources, words, height=520, table=table)
