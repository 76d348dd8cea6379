"""How many North Koreans are in China: every estimate as a low-high range by year, by who made it.

>>> fig = china_estimates()
>>> fig.layout.yaxis.type
'log'
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import china_ranges, value_span
from ..i18n import ui
from .estimates import who_made
from .kept import kept
from .style import NEUTRAL, data_table, fmt_int, log_axis, style


def china_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """``analysis.china_ranges`` with the hover text of each range.

    >>> bool(china_rows(data.load("china_estimates"))["hover"].str.contains("Source:").all())
    True
    """
    rows = china_ranges(frame)
    counts, source, measures = ui("Counts"), ui("Source"), data.shorts("china_estimates.measure")
    rows["hover"] = [
        f"<b>{html.escape(str(e))}</b> ({y})<br>{html.escape(str(v))}<br>{counts}: {html.escape(measures.get(m, m))}<br>"
        f"{source}: {html.escape(data.short_cite(s))}"
        for e, y, v, m, s in zip(
            rows["estimator"].tolist(),
            rows["year"].tolist(),
            rows["value_text"].tolist(),
            rows["measure"].tolist(),
            rows["source_id"].tolist(),
            strict=False,
        )
    ]
    return rows


def china_series(rows: pd.DataFrame) -> dict:
    """estimator type -> (xs, ys, hovertext) for the range chart, each kind nudged sideways so ranges do not overlap.

    >>> series = china_series(china_rows(data.load("china_estimates")))
    >>> list(series) == list(data.labels("china_estimates.estimator_type"))
    True
    """
    kinds = list(data.labels("china_estimates.estimator_type"))
    series = {kind: ([], [], []) for kind in kinds}
    seen = {kind: 0 for kind in kinds}
    offset = {kind: (i - (len(kinds) - 1) / 2) * 0.03 for i, kind in enumerate(kinds)}
    for kind, year, lo, hi, text in zip(
        rows["estimator_type"].tolist(),
        rows["year"].tolist(),
        rows["low_plot"].tolist(),
        rows["high_plot"].tolist(),
        rows["hover"].tolist(),
        strict=False,
    ):
        x = year + (seen[kind] % 3 - 1) * 0.12 + offset[kind]
        seen[kind] += 1
        xs, ys, hover = series[kind]
        xs += [x, x, None]
        ys += [lo, hi, None]
        hover += [text, text, None]
    return series


def china_description(rows: pd.DataFrame) -> str:
    """The words for the China estimates chart: how many, the span and who made the extremes, the median by estimator.

    >>> china_description(china_rows(data.load("china_estimates")).iloc[:0])
    'No estimate matches the current filter.'
    """
    if rows.empty:
        return ui("No estimate matches the current filter.")
    lo, hi = value_span(rows)
    names = data.labels("china_estimates.estimator_type")
    by = rows.groupby("estimator_type")["high_plot"].median().sort_values()
    parts = [f"{names.get(k, k)} {fmt_int(v)}" for k, v in by.items()]
    low_year = int(rows.loc[rows["low_plot"] == lo, "year"].iloc[0])
    high_year = int(rows.loc[rows["high_plot"] == hi, "year"].iloc[0])
    return ui(
        "Range chart of {count} estimates of how many North Koreans were in China, made from {first} to {last}. The lowest figure, {low} people, is from {low_by} ({low_year}); the highest, {high}, from {high_by} ({high_year}). Median high figure by estimator: {estimators}.",
        count=len(rows),
        first=rows["year"].min(),
        last=rows["year"].max(),
        low=fmt_int(lo),
        low_by=who_made(rows, "low_plot", lo),
        low_year=low_year,
        high=fmt_int(hi),
        high_by=who_made(rows, "high_plot", hi),
        high_year=high_year,
        estimators="; ".join(parts),
    )


def china_table(rows: pd.DataFrame) -> dict:
    """The data behind the China estimates chart (``data_table``): year, who, what is counted, the figure, the source.

    >>> table = china_table(china_rows(data.load("china_estimates")))
    >>> table["columns"][0], table["total"] == len(china_rows(data.load("china_estimates")))
    ('Year', True)
    """
    kinds, measures = data.labels("china_estimates.estimator_type"), data.shorts("china_estimates.measure")
    frame = rows.assign(
        kind=rows["estimator_type"].map(lambda k: kinds.get(k, k)),
        counts=rows["measure"].map(lambda m: measures.get(m, m)),
        cite=rows["source_id"].map(data.short_cite),
    )
    columns = dict(year=ui("Year"), estimator=ui("Estimate by"), kind=ui("Kind of estimator"), counts=ui("Counts"))
    columns |= dict(value_text=ui("Figure"), cite=ui("Source"))
    return data_table(frame, columns, "china_estimates")


@registry.uses("china_estimates")
@kept
def china_estimates(frame: pd.DataFrame | None = None, log_y: bool = True) -> go.Figure:
    """Estimates of how many North Koreans are in China: low-high ranges by year, by kind of estimator.

    >>> fig = china_estimates()
    >>> fig.layout.yaxis.type, [t.name for t in fig.data] == list(data.labels("china_estimates.estimator_type").values())
    ('log', True)
    """
    frame = data.load("china_estimates") if frame is None else frame
    rows = china_rows(frame)
    names, colours = data.labels("china_estimates.estimator_type"), data.colours("china_estimates.estimator_type")
    fig = go.Figure(
        [
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines+markers",
                name=names[kind],
                line=dict(color=colours.get(kind, NEUTRAL), width=5),
                marker=dict(size=7, symbol="line-ew-open", line=dict(width=2)),
                hovertext=hover,
                hoverinfo="text",
            )
            for kind, (xs, ys, hover) in china_series(rows).items()
        ]
    )
    if log_y:
        fig.update_yaxes(**china_log_axis(), showgrid=True, gridcolor="#eee")
    else:
        fig.update_yaxes(type="linear", tickformat=",", showgrid=True, gridcolor="#eee")
    fig.update_xaxes(tickformat="d", dtick=1, tickangle=-45)
    return style(
        fig,
        ui("How many North Koreans are in China? Estimates by year and by who made them"),
        ui("Year of the estimate"),
        china_y_title(log_y),
        rows["source_id"].unique(),
        china_description(rows),
        height=500,
        table=china_table(rows),
    )


def china_y_title(log: bool) -> str:
    """The y-axis title of the China estimates chart, on a log or an ordinary scale.

    >>> china_y_title(False)
    'People (low to high)'
    """
    return ui("People (low to high; log scale)") if log else ui("People (low to high)")


def china_log_axis() -> dict:
    """The log axis of the China estimates chart, spanning every estimate (so a filter never moves it).

    >>> china_log_axis()["type"]
    'log'
    """
    return log_axis(*value_span(china_ranges(data.load("china_estimates"))))
