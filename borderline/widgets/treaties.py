"""The treaty explorer: who is bound by which treaty, since when, with which reservations.

>>> box = treaty_explorer()
>>> box.controls["view"].value = "state"
>>> box.controls["choice"].value == list(data.labels("treaty_status.state"))[0]
True
"""

from __future__ import annotations

import ipywidgets as w

from .. import charts, data, registry
from ..analysis import treaty_rows
from ..cards import treaty_table_html
from ..i18n import ui
from ..widget_parts import html as html_widget
from ..widget_parts import row
from .base import LABEL_STYLE, StaticView, box_of, chart_html, live_figure, view


def treaty_table(view_by: str, choice: str, frame=None) -> str:
    """HTML table: for a treaty (``view_by="treaty"``), each state's status; for a state, its status under each treaty.

    >>> state = list(data.labels("treaty_status.state"))[0]
    >>> treaty_table("state", state).count("<th scope='row'>") == len(data.labels("treaty_status.treaty_short"))
    True
    """
    return treaty_table_html(treaty_rows(view_by, choice, frame), "state" if view_by == "treaty" else "treaty")


@registry.uses("treaty_status", "events")
@view
def treaty_explorer() -> w.VBox:
    """Choose a treaty or a state: who is bound, since when, with which reservations; with a timeline.

    >>> box = treaty_explorer()
    >>> box.controls["choice"].value == list(data.labels("treaty_status.treaty_short"))[0]
    True
    """
    frame = data.load("treaty_status")
    treaties, states = data.labels("treaty_status.treaty_short"), data.labels("treaty_status.state")
    by = w.ToggleButtons(
        options=[(ui("By treaty"), "treaty"), (ui("By state"), "state")],
        value="treaty",
        description=ui("View:"),
        style=LABEL_STYLE,
        tooltips=[ui("Pick a treaty, compare the states"), ui("Pick a state, see every treaty")],
    )
    choice = w.Dropdown(
        options=[(n, c) for c, n in treaties.items()],
        value=next(iter(treaties)),
        description=ui("Choose:"),
        style=LABEL_STYLE,
        layout=w.Layout(width="520px"),
    )
    fig = live_figure(charts.treaty_timeline(frame))
    text = html_widget()

    def set_options(_change=None):
        before = choice.value
        with choice.hold_trait_notifications():
            choice.options = [(n, c) for c, n in (treaties if by.value == "treaty" else states).items()]
        if choice.value == before:  # else the new value has already redrawn the view
            update()

    def update(_change=None):
        if choice.value is None:
            return
        with fig.batch_update():  # the chart first: its update leaves the kernel before the table's
            for trace, code in zip(fig.data, states, strict=False):
                trace.opacity = 0.2 if by.value == "state" and code != choice.value else 1.0
            fig.layout.yaxis.ticktext = [
                ("▶ " if by.value == "treaty" and t == choice.value else "") + name for t, name in treaties.items()
            ]
        text.value = treaty_table(by.value, choice.value, frame)

    by.observe(set_options, names="value")
    choice.observe(update, names="value")
    update()
    words = html_widget(charts.description_html(fig))
    return box_of(
        [row([by, choice]), text, fig, words], {"view": by, "choice": choice}, fig, text, "bl-treaty-explorer"
    )


@registry.static_view(treaty_explorer)
def treaty_explorer_static() -> StaticView:
    """The treaty explorer in the handouts: the timeline and one table per state.

    >>> html_ = treaty_explorer_static()._repr_html_()
    >>> all(f"<h3>{name}</h3>" in html_ for name in data.labels("treaty_status.state").values())
    True
    """
    tables = "".join(
        f"<h3>{name}</h3>" + treaty_table("state", code) for code, name in data.labels("treaty_status.state").items()
    )
    return StaticView(ui("Treaty explorer"), chart_html(charts.treaty_timeline()), tables)
