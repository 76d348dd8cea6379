"""The argument map: claims as nodes by side and question, links as lines (supports, rebuts, qualifies).

>>> fig = argument_map()
>>> [t.name for t in fig.data][:3] == list(data.labels("argument_links.relation").values())
True
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import argument_layout
from ..i18n import ui
from .style import NEUTRAL, style

DASHES = ["solid", "dash", "dot"]  # one line style per relation, in label order


def _link_lines(links: pd.DataFrame, pos: dict) -> dict:
    series = {}
    for relation in data.labels("argument_links.relation"):
        xs, ys = [], []
        for r in links[links["relation"] == relation].itertuples():
            if r.from_arg in pos and r.to_arg in pos:
                xs += [pos[r.from_arg][0], pos[r.to_arg][0], None]
                ys += [pos[r.from_arg][1], pos[r.to_arg][1], None]
        series[relation] = {"x": xs, "y": ys}
    return series


def argument_series(question: str, selected, layout: pd.DataFrame, links: pd.DataFrame):
    """The nodes shown and, per trace (relations, then sides), plain lists for the argument map.

    >>> layout = argument_layout(data.load("arguments"))
    >>> nodes, series = argument_series("all", None, layout, data.load("argument_links"))
    >>> list(series) == list(data.labels("argument_links.relation")) + list(data.labels("arguments.side"))
    True
    """
    nodes = layout if question == "all" else layout[layout["question"] == question]
    pos = {a: (x, y) for a, x, y in zip(nodes["arg_id"], nodes["x"], nodes["y"], strict=False)}
    series = _link_lines(links, pos)
    source = ui("Source")
    for side, side_label in data.labels("arguments.side").items():
        part = nodes[nodes["side"] == side]
        series[side] = {
            "x": list(part["x"]),
            "y": list(part["y"]),
            "text": list(part["arg_id"]),
            "size": [22 if a == selected else 14 for a in part["arg_id"]],
            "hover": [
                f"<b>{a}</b> ({html.escape(side_label)})<br>{html.escape(str(c))[:180]}<br>{source}: "
                f"{html.escape(data.short_cite(s))}"
                for a, c, s in zip(part["arg_id"], part["claim"], part["source_id"], strict=False)
            ],
        }
    return nodes, series


def argument_description(nodes: pd.DataFrame, links: pd.DataFrame) -> str:
    """The words for the argument map: claims by side, links by relation.

    >>> argument_description(data.load("arguments"), data.load("argument_links")).startswith("Argument map of")
    True
    """
    counts = nodes["side"].value_counts()
    shown = links[links["from_arg"].isin(nodes["arg_id"]) & links["to_arg"].isin(nodes["arg_id"])]
    sides = ", ".join(
        ui("{count} for '{side}'", count=counts.get(side, 0), side=label)
        for side, label in data.shorts("arguments.side").items()
    )
    relations = ", ".join(
        ui("{count} {relation}", count=int((shown["relation"] == r).sum()), relation=label)
        for r, label in data.labels("argument_links.relation").items()
    )
    return ui(
        "Argument map of {count} claims ({sides}), arranged by question, with {links} links: {relations}.",
        count=len(nodes),
        sides=sides,
        links=len(shown),
        relations=relations,
    )


def _relation_trace(relation: str, colour: str, dash: str, part: dict) -> go.Scatter:
    line = dict(color=colour, width=1.5, dash=dash)
    return go.Scatter(x=part["x"], y=part["y"], mode="lines", name=relation, hoverinfo="skip", line=line)


def _side_trace(label: str, colour: str, part: dict) -> go.Scatter:
    marker = dict(size=part["size"], color=colour, line=dict(width=1, color="white"))
    return go.Scatter(
        x=part["x"],
        y=part["y"],
        mode="markers+text",
        name=label,
        text=part["text"],
        textposition="middle right",
        textfont=dict(size=10),
        marker=marker,
        hovertext=part["hover"],
        hoverinfo="text",
    )


def argument_traces(series: dict) -> list[go.Scatter]:
    """One line trace per relation, then one marker trace per side, from ``argument_series``.

    >>> layout = argument_layout(data.load("arguments"))
    >>> traces = argument_traces(argument_series("all", None, layout, data.load("argument_links"))[1])
    >>> [t.mode for t in traces].count("lines") == len(data.labels("argument_links.relation"))
    True
    """
    relations, side_colours = data.colours("argument_links.relation"), data.colours("arguments.side")
    names = data.labels("argument_links.relation")
    lines = [
        _relation_trace(names.get(r, r), colour, DASHES[i % len(DASHES)], series[r])
        for i, (r, colour) in enumerate(relations.items())
    ]
    sides = data.labels("arguments.side").items()
    return lines + [_side_trace(label, side_colours.get(side, NEUTRAL), series[side]) for side, label in sides]


def _axes(fig: go.Figure, layout: pd.DataFrame, nodes: pd.DataFrame) -> None:
    bands = layout.groupby("question")["y"].agg(["max", "min"])
    bands = bands[bands.index.isin(nodes["question"])]
    questions, sides = data.labels("arguments.question"), data.shorts("arguments.side")
    ticks = [questions.get(q, q) for q in bands.index]
    fig.update_yaxes(tickvals=list((bands["max"] + bands["min"]) / 2), ticktext=ticks, showgrid=False, zeroline=False)
    x_range = [-0.6, len(sides) - 0.3]
    fig.update_xaxes(
        tickvals=list(range(len(sides))), ticktext=list(sides.values()), range=x_range, showgrid=False, zeroline=False
    )


@registry.uses("arguments", "argument_links")
def argument_map(
    question: str = "all",
    selected: str | None = None,
    arguments: pd.DataFrame | None = None,
    links: pd.DataFrame | None = None,
) -> go.Figure:
    """Claims as nodes (by side and question), links as lines: supports, rebuts, qualifies.

    >>> fig = argument_map()
    >>> fig.layout.xaxis.ticktext == tuple(data.shorts("arguments.side").values())
    True
    """
    arguments = data.load("arguments") if arguments is None else arguments
    links = data.load("argument_links") if links is None else links
    layout = argument_layout(arguments)
    nodes, series = argument_series(question, selected, layout, links)
    fig = go.Figure(argument_traces(series))
    _axes(fig, layout, nodes)
    title = ui("The argument map: claims, and how they support or rebut each other")
    words = argument_description(nodes, links)
    return style(fig, title, ui("Side"), ui("Question"), nodes["source_id"].unique(), words, height=760)
