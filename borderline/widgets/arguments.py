"""The argument map: filter by question, choose a claim to read it, mark the ones you find strongest.

Under the map: its description, the data behind it and the whole map as a text outline. Choosing a claim
changes only its card, which says where the claim sits on the map: redrawing the map's boxes costs plotly.js
a whole replot (about 100 ms for all 38), for a change drawn far above the control.

>>> box = argument_map("t.strongest")
>>> claim = box.controls["claim"].options[-1][1]
>>> box.controls["claim"].value = claim
>>> claim in box.text.value
True
"""

from __future__ import annotations

import ipywidgets as w

from .. import charts, data, journal, registry
from ..analysis import argument_layout
from ..cards import claim_card_html
from ..charts.arguments import argument_boxes, argument_outline_html
from ..i18n import ui
from ..widget_parts import html as html_widget
from .base import LABEL_STYLE, StaticView, box_of, chart_html, live_figure, patch_annotations, table_html, view


def _controls(arguments) -> tuple:
    questions = [(ui("Every question"), "all")] + [(v, k) for k, v in data.labels("arguments.question").items()]
    question = w.Dropdown(options=questions, value="all", description=ui("Question:"), style=LABEL_STYLE)
    claims = [(f"{r.arg_id}: {r.claim[:70]}", r.arg_id) for r in arguments.itertuples()]
    claim = w.Dropdown(
        options=claims, value=claims[0][1], description=ui("Claim:"), style=LABEL_STYLE, layout=w.Layout(width="680px")
    )
    strong = w.Checkbox(
        value=False,
        description=ui("I find this claim strong (saved in my journal)"),
        indent=False,
        layout=w.Layout(width="auto"),
    )
    return question, claim, strong


def redraw(fig, series: dict, boxes: list | None = None) -> None:
    """Put ``charts.argument_series`` into the traces of an argument map and ``boxes``
    (``charts.arguments.argument_boxes``) in place of its claim boxes, in one batch; the source line stays last.

    >>> from borderline.analysis import argument_layout
    >>> fig = live_figure(charts.argument_map())
    >>> layout = argument_layout(data.load("arguments"))
    >>> redraw(fig, charts.argument_series("no-such-question", None, layout, data.load("argument_links"))[1], [])
    >>> sum(len(t.x) for t in fig.data), len(fig.layout.annotations)
    (0, 1)
    """
    with fig.batch_update():
        for trace, part in zip(fig.data, series.values(), strict=True):
            trace.x, trace.y = part["x"], part["y"]
            if "size" in part:  # the lines' arrowheads and the claims' marks
                trace.marker.size = part["size"]
            if "hover" in part:
                trace.text, trace.hovertext = part["text"], part["hover"]
            if "colour" in part:  # the relation words
                trace.text, trace.textfont.color = part["text"], part["colour"]
        if boxes is not None:
            patch_annotations(fig, list(boxes) + [fig.layout.annotations[-1].to_plotly_json()])


@registry.uses("arguments", "argument_links")
@view
def argument_map(key: str) -> w.VBox:
    """The argument map; the claims a student marks strong are saved in the journal under ``key``.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> box = argument_map("t.strongest")
    >>> box.controls["strong"].value = True
    >>> journal.get("t.strongest") == box.controls["claim"].value
    True
    """
    arguments, links = data.load("arguments"), data.load("argument_links")
    question, claim, strong = _controls(arguments)
    fig, text = live_figure(charts.argument_map()), html_widget()
    layout, by_id, sides = (
        argument_layout(arguments),
        arguments.set_index("arg_id", drop=False),
        data.labels("arguments.side"),
    )
    columns, bands, drawn = (
        data.shorts("arguments.side"),
        data.labels("arguments.question"),
        {},
    )  # drawn: question -> (series, boxes), each built once

    def marked() -> list:
        return [x for x in journal.get(key).split(";") if x]

    def card(_change=None):
        with strong.hold_trait_notifications():
            strong.value = claim.value in marked()
        r = by_id.loc[claim.value]
        where = columns.get(r["side"], r["side"]), bands.get(r["question"], r["question"])
        text.value = claim_card_html(r, links, sides[r["side"]], marked(), where)

    def update(_change=None):
        if question.value not in drawn:
            nodes, series = charts.argument_series(question.value, None, layout, links)
            drawn[question.value] = series, argument_boxes(nodes, links, None, arguments)
        redraw(fig, *drawn[question.value])

    def toggle_strong(change):  # the map does not show marks: only the claim's card changes
        chosen = set(marked())
        (chosen.add if change["new"] else chosen.discard)(claim.value)
        journal.save(key, ";".join(sorted(chosen)))
        card()

    question.observe(update, names="value")
    claim.observe(card, names="value")
    strong.observe(toggle_strong, names="value")
    if question.value != "all":  # the map was built for every question; redrawn only for another choice
        update()
    card()
    outline = html_widget(argument_outline_html(arguments, links))
    children = [question, fig, html_widget(charts.description_html(fig)), outline, claim, strong, text]
    controls = {"question": question, "claim": claim, "strong": strong}
    return box_of(children, controls, fig, text, "bl-argument-map")


@registry.static_view(argument_map)
def argument_map_static(key: str = "") -> StaticView:
    """The argument map in the handouts: the map, its text outline, the claims and the links as tables.

    >>> page = argument_map_static()._repr_html_()
    >>> "Links</caption>" in page and 'class="bl-outline"' in page
    True
    """
    arguments, links = data.load("arguments"), data.load("argument_links")
    return StaticView(
        ui("Argument map"),
        chart_html(charts.argument_map()),
        argument_outline_html(arguments, links),
        table_html(arguments[["arg_id", "side", "question", "claim", "source_id"]], ui("Claims")),
        table_html(links[["from_arg", "relation", "to_arg", "note"]], ui("Links")),
    )
