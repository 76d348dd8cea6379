"""The argument map: claims as labelled boxes by side and question, links as lines (supports, rebuts, qualifies).

Each box shows the claim's id, its side in words and its short text (``arguments.short``);
the side is also its colour (labels.csv). Each link is a line in its relation's colour and
dash, with an arrowhead towards the claim it answers and the relation written on it.
``argument_outline_html`` gives the whole map as a nested list, the text fallback of the picture.

>>> fig = argument_map()
>>> [t.name for t in fig.data][:3] == list(data.labels("argument_links.relation").values())
True
>>> first = data.load("arguments").iloc[0]
>>> any(first["short"] in a.text.replace("<br>", " ") for a in fig.layout.annotations)
True
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import argument_layout
from ..i18n import ui
from .kept import kept
from .style import NEUTRAL, data_table, style

DASHES = ["solid", "dash", "dot"]  # one line style per relation, in label order
# Roughly how the map is drawn at notebook width: pixels per unit of x and y, half a box's size in pixels.
# Arrowheads and relation words sit just outside the boxes they point at.
PX_X, PX_Y, HALF_W, HALF_H = 235.0, 56.0, 95.0, 22.0
HEIGHT_PER_ROW = 56  # pixels per claim in the tallest column
ALONG = (0.5, 0.38, 0.62, 0.28, 0.72, 0.18, 0.82)  # where on a link its relation word may go, best first
WORDS = "words"  # the key of the relation words in ``argument_series``


def _text(value) -> str:
    """Text escaped for an element's content (quotes left as they are, so "China's" reads as written)."""
    return html.escape(str(value), quote=False)


def _tint(colour: str, keep: float = 0.16) -> str:
    """``colour`` mixed with white: the fill of a box, light enough for dark text."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * keep):02X}" for c in rgb)


def short_claims(arguments: pd.DataFrame) -> dict:
    """arg_id -> the claim's short text in the edition's language (``short_ko`` in Korean), else its claim cut short.

    >>> shorts = short_claims(data.load("arguments"))
    >>> len(shorts) == len(data.load("arguments")) and all(0 < len(s) <= 70 for s in shorts.values())
    True
    """
    rows = data.in_language(arguments)
    short = rows["short"] if "short" in rows.columns else pd.Series([None] * len(rows), index=rows.index)
    fallback = rows["claim"].astype(str).map(lambda c: textwrap.shorten(c, 60, placeholder="…"))
    return dict(zip(rows["arg_id"], short.where(short.notna() & (short.astype(str) != ""), fallback), strict=True))


def _edge(dx: float, dy: float) -> float:
    """How far along a link (0 to 1, from its target) the target's box ends."""
    px, py = abs(dx) * PX_X, abs(dy) * PX_Y
    if px == 0 and py == 0:
        return 0.0
    return min(HALF_W / px if px else 1.0, HALF_H / py if py else 1.0)


def _clear(x: float, y: float, pos: dict) -> bool:
    """True if a relation word at (x, y) would not sit under any claim's box."""
    return all(abs(x - bx) * PX_X > HALF_W + 22 or abs(y - by) * PX_Y > HALF_H + 7 for bx, by in pos.values())


def _link_lines(links: pd.DataFrame, pos: dict) -> dict:
    """Per relation: the line of each link (from, arrowhead, to) and the sizes of its markers (only the head shows)."""
    series = {}
    for relation in data.labels("argument_links.relation"):
        xs, ys, size = [], [], []
        for r in links[links["relation"] == relation].itertuples():
            if r.from_arg in pos and r.to_arg in pos:
                (x0, y0), (x1, y1) = pos[r.from_arg], pos[r.to_arg]
                back = min(0.45, _edge(x1 - x0, y1 - y0) + 0.03)  # the head just outside the target's box
                head = (x1 - (x1 - x0) * back, y1 - (y1 - y0) * back)
                xs += [x0, head[0], x1, None]
                ys += [y0, head[1], y1, None]
                size += [0, 11, 0, 0]
        series[relation] = {"x": xs, "y": ys, "size": size}
    return series


def argument_series(question: str, selected, layout: pd.DataFrame, links: pd.DataFrame):
    """The nodes shown and, per trace (relations, the relation words, then sides), plain lists for the argument map.

    >>> layout = argument_layout(data.load("arguments"))
    >>> nodes, series = argument_series("all", None, layout, data.load("argument_links"))
    >>> list(series) == list(data.labels("argument_links.relation")) + [WORDS] + list(data.labels("arguments.side"))
    True
    """
    nodes = layout if question == "all" else layout[layout["question"] == question]
    nodes = nodes.assign(x=nodes["x"].round())  # one column per side: the boxes line up
    pos = {a: (x, y) for a, x, y in zip(nodes["arg_id"], nodes["x"], nodes["y"], strict=False)}
    series = _link_lines(links, pos)
    series[WORDS] = _link_words(links, pos)
    source = ui("Source")
    for side, side_label in data.labels("arguments.side").items():
        part = nodes[nodes["side"] == side]
        series[side] = {
            "x": list(part["x"]),
            "y": list(part["y"]),
            "text": list(part["arg_id"]),
            "size": [22 if a == selected else 14 for a in part["arg_id"]],
            "hover": [
                f"<b>{a}</b> ({_text(side_label)})<br>{_text(str(c))[:180]}<br>{source}: {_text(data.short_cite(s))}"
                for a, c, s in zip(part["arg_id"], part["claim"], part["source_id"], strict=False)
            ],
        }
    return nodes, series


def _box_text(arg_id: str, side: str, short: str) -> str:
    width = 32 if short.isascii() else 16
    lines = textwrap.wrap(short, width) or [""]
    return f"<b>{_text(arg_id)} · {_text(side)}</b><br>" + "<br>".join(_text(x) for x in lines)


def _link_words(links: pd.DataFrame, pos: dict) -> dict:
    """The relation written on each link, where a spot on it is clear of every box: points of one text trace.

    Drawn as text points, not as annotations: plotly.js draws each annotation on its own, and the map's 28 words
    took some 20 ms of every redraw of the whole map (135 ms with them as annotations, 115 as text points).
    """
    relations, tones = data.labels("argument_links.relation"), data.colours("argument_links.relation")
    words: dict = {"x": [], "y": [], "text": [], "colour": []}
    for r in links.itertuples():
        if r.from_arg in pos and r.to_arg in pos:
            (x0, y0), (x1, y1) = pos[r.from_arg], pos[r.to_arg]
            start, end = _edge(x0 - x1, y0 - y1), 1 - _edge(x1 - x0, y1 - y0)
            spots = [start + (end - start) * a for a in ALONG] if end > start else [0.5]
            clear = [a for a in spots if _clear(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, pos)]
            if not clear:
                continue  # every spot is under a box: the legend, the colour and the dash still say which
            at = clear[0]
            words["x"].append(x0 + (x1 - x0) * at)
            words["y"].append(y0 + (y1 - y0) * at)
            words["text"].append(_text(relations.get(r.relation, r.relation)))
            words["colour"].append(tones.get(r.relation, NEUTRAL))
    return words


def argument_boxes(nodes: pd.DataFrame, links: pd.DataFrame, selected=None, arguments=None) -> list[dict]:
    """The annotations of the map: a box per claim shown (the relation words are a trace, ``argument_series``).

    Each box reads "id · side" over the claim's short text, in its side's colour; the chosen claim has a thicker border.

    >>> arguments = data.load("arguments")
    >>> nodes, _ = argument_series("all", None, argument_layout(arguments), data.load("argument_links"))
    >>> boxes = argument_boxes(nodes, data.load("argument_links"))
    >>> len(boxes) == sum("<b>" in b["text"] for b in boxes) == len(arguments)
    True
    """
    shorts = short_claims(nodes if arguments is None else arguments)
    sides, colours = data.shorts("arguments.side"), data.colours("arguments.side")
    boxes = []
    for r in nodes.itertuples():
        colour = colours.get(r.side, NEUTRAL)
        boxes.append(
            dict(
                x=r.x,
                y=r.y,
                text=_box_text(r.arg_id, sides.get(r.side, r.side), shorts.get(r.arg_id, r.arg_id)),
                showarrow=False,
                align="left",
                font=dict(size=11, color="#222"),
                bgcolor=_tint(colour),
                bordercolor=colour,
                borderwidth=4 if r.arg_id == selected else 1.5,
                borderpad=4,
                hovertext=f"<b>{_text(r.arg_id)}</b><br>" + "<br>".join(textwrap.wrap(_text(r.claim), 60)),
            )
        )
    return [dict(b, xref="x", yref="y") for b in boxes]


def argument_description(nodes: pd.DataFrame, links: pd.DataFrame) -> str:
    """The words for the argument map: claims by side, links by relation, the claim most answered, those unanswered.

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
    text = ui(
        "Argument map of {count} claims ({sides}) in boxes, one column per side and one band per question, with {links} links: {relations}.",
        count=len(nodes),
        sides=sides,
        links=len(shown),
        relations=relations,
    )
    answering = shown[shown["relation"] != "supports"]
    if len(answering):
        most = answering["to_arg"].value_counts()
        top, shorts = most.index[0], short_claims(nodes)
        unanswered = nodes[~nodes["arg_id"].isin(answering["to_arg"])]
        text += " " + ui(
            "The claim most often rebutted or qualified is {claim} ('{short}', {times} links); {none} claims are answered by no other.",
            claim=top,
            short=shorts.get(top, top),
            times=int(most.iloc[0]),
            none=len(unanswered),
        )
    return text + " " + ui("A text outline of the whole map follows the chart.")


def argument_outline_html(arguments: pd.DataFrame | None = None, links: pd.DataFrame | None = None) -> str:
    """The whole map as a nested list, the text fallback of the picture: by question, each claim with its side,
    its short text and what it supports, rebuts or qualifies.

    >>> page = argument_outline_html()
    >>> page.startswith("<details") and page.count("<li><strong>") == len(data.load("arguments"))
    True
    >>> page.count('class="bl-link"') == len(data.load("argument_links"))
    True
    """
    arguments = data.load("arguments") if arguments is None else arguments
    links = data.load("argument_links") if links is None else links
    shorts, sides = short_claims(arguments), data.labels("arguments.side")
    relations, questions = data.labels("argument_links.relation"), data.labels("arguments.question")
    esc = _text
    order = list(questions) + [q for q in dict.fromkeys(arguments["question"]) if q not in questions]
    # plain tuples, not a filtered frame per claim: 38 claims took 22 ms through pandas, under 1 ms this way
    said_by: dict = {}
    for source, relation, target in zip(links["from_arg"], links["relation"], links["to_arg"], strict=True):
        said_by.setdefault(source, []).append(
            f'<li class="bl-link">{esc(relations.get(relation, relation))} <strong>{esc(target)}</strong> '
            f"({esc(shorts.get(target, target))})</li>"
        )
    by_question: dict = {}
    for arg_id, side, question in zip(arguments["arg_id"], arguments["side"], arguments["question"], strict=True):
        said = "".join(said_by.get(arg_id, []))
        said = f"<ul>{said}</ul>" if said else f"<ul><li>{esc(ui('links to no other claim'))}</li></ul>"
        by_question.setdefault(question, []).append(
            f"<li><strong>{esc(arg_id)}</strong> ({esc(sides.get(side, side))}): {esc(shorts.get(arg_id, arg_id))}{said}</li>"
        )
    parts = [
        f"<li>{esc(questions.get(question, question))}<ul>{''.join(by_question[question])}</ul></li>"
        for question in order
        if by_question.get(question)
    ]
    summary = ui("The argument map in words: every claim, its side, and what it supports, rebuts or qualifies")
    return (
        f'<details class="bl-outline"><summary>{esc(summary)}</summary>'
        f'<ul class="bl-outline-list">{"".join(parts)}</ul></details>'
    )


def _relation_trace(relation: str, colour: str, dash: str, part: dict) -> go.Scatter:
    line = dict(color=colour, width=1.5, dash=dash)
    marker = dict(symbol="arrow", angleref="previous", size=part["size"], color=colour)
    return go.Scatter(
        x=part["x"], y=part["y"], mode="lines+markers", name=relation, hoverinfo="skip", line=line, marker=marker
    )


def _words_trace(part: dict) -> go.Scatter:
    # each word in its relation's colour, with a halo of the background's colour where it crosses its line
    font = dict(size=9, color=part["colour"], shadow="auto")
    return go.Scatter(
        x=part["x"],
        y=part["y"],
        text=part["text"],
        mode="text",
        name=ui("relation words"),
        textfont=font,
        hoverinfo="skip",
        showlegend=False,
    )


def _side_trace(label: str, colour: str, part: dict) -> go.Scatter:
    marker = dict(size=part["size"], color=colour, symbol="square", line=dict(width=1, color="white"))
    return go.Scatter(
        x=part["x"],
        y=part["y"],
        mode="markers",
        name=label,
        text=part["text"],
        marker=marker,
        hovertext=part["hover"],
        hoverinfo="text",
    )


def argument_traces(series: dict) -> list[go.Scatter]:
    """One line trace per relation, the relation words, then one marker trace per side, from ``argument_series``.

    >>> layout = argument_layout(data.load("arguments"))
    >>> traces = argument_traces(argument_series("all", None, layout, data.load("argument_links"))[1])
    >>> [t.mode for t in traces].count("lines+markers") == len(data.labels("argument_links.relation"))
    True
    >>> [t.mode for t in traces].count("text")
    1
    """
    relations, side_colours = data.colours("argument_links.relation"), data.colours("arguments.side")
    names = data.labels("argument_links.relation")
    lines = [
        _relation_trace(names.get(r, r), colour, DASHES[i % len(DASHES)], series[r])
        for i, (r, colour) in enumerate(relations.items())
    ]
    sides = data.labels("arguments.side").items()
    marks = [_side_trace(label, side_colours.get(side, NEUTRAL), series[side]) for side, label in sides]
    return lines + [_words_trace(series[WORDS])] + marks


def _axes(fig: go.Figure, layout: pd.DataFrame, nodes: pd.DataFrame) -> None:
    bands = layout.groupby("question")["y"].agg(["max", "min"])
    bands = bands[bands.index.isin(nodes["question"])]
    questions, sides = data.labels("arguments.question"), data.shorts("arguments.side")
    ticks = [questions.get(q, q) for q in bands.index]
    fig.update_yaxes(
        tickvals=list((bands["max"] + bands["min"]) / 2),
        ticktext=ticks,
        showgrid=False,
        zeroline=False,
        showline=False,
        ticks="",
    )
    x_range = [-0.55, len(sides) - 0.45]
    fig.update_xaxes(
        tickvals=list(range(len(sides))),
        ticktext=list(sides.values()),
        range=x_range,
        showgrid=False,
        zeroline=False,
        side="top",
        tickfont=dict(size=14),
    )


def argument_data(arguments: pd.DataFrame, links: pd.DataFrame) -> dict:
    """The data behind the map (``data_table``): each claim with its side, question, short text and links out.

    >>> table = argument_data(data.load("arguments"), data.load("argument_links"))
    >>> table["total"] == len(table["rows"]) == len(data.load("arguments"))
    True
    """
    sides, questions = data.shorts("arguments.side"), data.labels("arguments.question")
    relations = data.labels("argument_links.relation")
    out: dict = {}
    for r in links.itertuples():
        out.setdefault(r.from_arg, []).append(f"{relations.get(r.relation, r.relation)} {r.to_arg}")
    out = {k: "; ".join(v) for k, v in out.items()}
    shorts = short_claims(arguments)
    frame = arguments.assign(
        side_name=arguments["side"].map(lambda s: sides.get(s, s)),
        question_name=arguments["question"].map(lambda q: questions.get(q, q)),
        short_text=arguments["arg_id"].map(shorts),
        links_out=arguments["arg_id"].map(out).fillna(""),
    )
    columns = {
        "arg_id": ui("Claim"),
        "side_name": ui("Side"),
        "question_name": ui("Question"),
        "short_text": ui("In short"),
        "links_out": ui("Supports, rebuts or qualifies"),
    }
    return data_table(frame, columns, "arguments", limit=len(frame))


@registry.uses("arguments", "argument_links")
@kept
def argument_map(
    question: str = "all",
    selected: str | None = None,
    arguments: pd.DataFrame | None = None,
    links: pd.DataFrame | None = None,
) -> go.Figure:
    """Claims as labelled boxes (by side and question), links as lines: supports, rebuts, qualifies.

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
    tallest = int(layout.groupby(["question", "side"]).size().groupby(level=0).max().sum()) + len(
        set(layout["question"])
    )
    height = max(560, HEIGHT_PER_ROW * tallest + 170)
    table = argument_data(arguments, links)
    # the boxes all at once, with the source line: plotly checks every box again each time one is added
    boxes = argument_boxes(nodes, links, selected, arguments)
    fig = style(
        fig, title, ui("Side"), ui("Question"), nodes["source_id"].unique(), words, height, table, annotations=boxes
    )
    fig.update_xaxes(title_text="")  # the side names head the columns at the top
    fig.update_layout(
        legend=dict(orientation="h", x=0, y=-0.01, xanchor="left", yanchor="top"),
        margin=dict(l=10, r=10, t=90, b=fig.layout.margin.b + 4),  # the legend's rows, then the source line
        hovermode="closest",
    )
    return fig
