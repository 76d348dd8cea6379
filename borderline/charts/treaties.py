"""The treaty timeline: who signed and who is bound by which treaty, and since when, beside key events.

>>> fig = treaty_timeline()
>>> [t.name for t in fig.data] == list(data.labels("treaty_status.state").values())
True
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import BINDING, bound_by, with_status
from ..i18n import ui
from .kept import kept
from .style import add_marks, data_table, event_mark, events_key, marked_events, note_sources, style, with_notes


def _mark_dates(fig, chart: str) -> None:
    # A number on each dotted line (``event_mark``): the titles written on the chart, cut to 22 characters and
    # slanted, ran into each other and off its edge. A number within two years of the one before goes a step
    # higher, so that the two do not overlap.
    shapes, notes, last, step = [], [], None, 0
    events = marked_events(chart)
    for i, (when, year, title) in enumerate(zip(events["when"], events["year"], events["title"], strict=True), 1):
        step = 1 - step if last is not None and (when - last).days < 2 * 365 else 0
        last = when
        line, note = event_mark(when, i, year, title, step=step)
        shapes.append(line)
        notes.append(note)
    add_marks(fig, shapes, notes)


def treaty_description(frame: pd.DataFrame) -> str:
    """The words for the treaty timeline, worked out from the preferred rows of treaty_status.csv.

    The state spelt out is this chart's ``highlight`` row in chart_notes.csv, the dividing
    year its ``split`` row.

    >>> text = treaty_description(data.load("treaty_status"))
    >>> "was bound by:" in text and "Later:" in text
    True
    """
    states, treaties = data.labels("treaty_status.state"), data.labels("treaty_status.treaty_short")
    marked = marked_events("treaty_timeline")
    names = dict(states=", ".join(list(states.values())[:-1]), last=list(states.values())[-1], count=len(treaties))
    if len(marked):
        first, last = marked.iloc[0], marked.iloc[-1]
        text = ui(
            "Timeline of when {states} and {last} signed (hollow circles) and ratified or acceded to (filled circles) {count} treaties, with dotted lines for {events} events from “{first_event}” ({first_year}) to “{last_event}” ({last_year}).",
            events=len(marked),
            first_event=first["title"],
            first_year=first["year"],
            last_event=last["title"],
            last_year=last["year"],
            **names,
        )
    else:
        text = ui(
            "Timeline of when {states} and {last} signed (hollow circles) and ratified or acceded to (filled circles) {count} treaties.",
            **names,
        )
    focus, split = data.chart_note("treaty_timeline", "highlight"), data.chart_note("treaty_timeline", "split")
    if focus is not None and split is not None:
        before, later = bound_by(focus["ref"], int(split["value"]), frame)
        text += " " + ui(
            "{when} {state} was bound by: {before}. Later: {later}.",
            when=split["text"],
            state=states[focus["ref"]],
            before="; ".join(treaties[t] for t in before),
            later="; ".join(f"{treaties[t]} ({y})" for t, y in later) or ui("none"),
        )
    key = events_key("treaty_timeline")
    return with_notes(text + _by_status(frame, states, treaties) + (" " + key if key else ""), "treaty_timeline")


def _by_status(frame: pd.DataFrame, states: dict, treaties: dict) -> str:
    text = ""
    for status, heading in (("signed, not ratified", ui("Signed, not ratified")), ("not a party", ui("Not a party"))):
        by_state: dict = {}
        for s, t in with_status(status, frame):
            by_state.setdefault(states[s], []).append(treaties[t])
        if by_state:
            text += f" {heading}: " + "; ".join(f"{s}: {', '.join(ts)}" for s, ts in by_state.items()) + "."
    return text


def treaty_table(rows: pd.DataFrame) -> dict:
    """The data behind the treaty timeline (``data_table``): each state's signature, ratification or accession, by date.

    >>> frame = data.load("treaty_status")
    >>> treaty_table(frame[frame["date"].notna()])["columns"][:3]
    ['State', 'Treaty', 'Action']
    """
    states, treaties = data.labels("treaty_status.state"), data.labels("treaty_status.treaty_short")
    ordered = rows.sort_values(["state", "date"])
    frame = ordered.assign(
        state_name=ordered["state"].map(lambda s: states.get(s, s)),
        treaty_name=ordered["treaty_short"].map(lambda t: treaties.get(t, t)),
        what=ordered["action"].map(lambda a: ui(a)),
        cite=ordered["source_id"].map(data.short_cite),
    )
    columns = dict(
        state_name=ui("State"), treaty_name=ui("Treaty"), what=ui("Action"), date=ui("Date"), cite=ui("Source")
    )
    return data_table(frame, columns, "treaty_status", limit=40)


def state_trace(rows: pd.DataFrame, i: int, code: str, highlight: str | None = None) -> go.Scatter:
    """One state's signatures (hollow) and ratifications or accessions (filled), a row per treaty.

    >>> frame = data.load("treaty_status")
    >>> code = list(data.labels("treaty_status.state"))[0]
    >>> state_trace(frame[frame["date"].notna()], 0, code).name == data.labels("treaty_status.state")[code]
    True
    """
    treaties, name = data.labels("treaty_status.treaty_short"), data.labels("treaty_status.state")[code]
    colour, order = data.colours("treaty_status.state")[code], list(treaties)
    part = rows[rows["state"] == code]
    source = ui("Source")
    hover = [
        f"<b>{name}</b>: "
        + ui("{action} of the {treaty}", action=ui(a), treaty=html.escape(treaties[t]))
        + f"<br>{d:%d %b %Y}<br>{source}: {html.escape(data.short_cite(s))}"
        for a, t, d, s in zip(part["action"], part["treaty_short"], part["date"], part["source_id"], strict=True)
    ]
    symbols = ["circle-open" if a == "signature" else "circle" for a in part["action"]]
    return go.Scatter(
        x=part["date"],
        y=[order.index(t) + (i - 1) * 0.18 for t in part["treaty_short"]],
        mode="markers",
        name=name,
        opacity=1.0 if highlight in (None, code) or highlight in set(part["treaty_short"]) else 0.25,
        marker=dict(size=12, color=colour, symbol=symbols, line=dict(width=2, color=colour)),
        hovertext=hover,
        hoverinfo="text",
    )


@registry.uses("treaty_status", "events")
@kept
def treaty_timeline(frame: pd.DataFrame | None = None, highlight: str | None = None) -> go.Figure:
    """Signatures, ratifications and accessions by each state beside key events.

    ``highlight`` (a state code or a treaty) keeps its markers bright and dims the rest.

    >>> fig = treaty_timeline()
    >>> fig.layout.yaxis.ticktext == tuple(data.labels("treaty_status.treaty_short").values())
    True
    """
    frame = data.load("treaty_status") if frame is None else frame
    rows = frame[frame["preferred"] & frame["date"].notna() & frame["action"].isin(BINDING | {"signature"})].copy()
    treaties = data.labels("treaty_status.treaty_short")
    states = list(data.labels("treaty_status.state"))
    fig = go.Figure([state_trace(rows, i, code, highlight) for i, code in enumerate(states)])
    _mark_dates(fig, "treaty_timeline")
    n = len(treaties)
    fig.update_yaxes(
        tickvals=list(range(n)), ticktext=list(treaties.values()), range=[-0.6, n - 0.4], autorange="reversed"
    )
    years = [int(y) for y in rows["date"].dt.year] + [int(y) for y in marked_events("treaty_timeline")["year"]]
    span = [f"{min(years) - 2}-01-01", f"{max(years) + 3}-12-31"]
    fig.update_xaxes(type="date", range=span, showgrid=True, gridcolor="#eee")
    sources = list(rows["source_id"].unique()) + note_sources("treaty_timeline")
    title, x_title = (
        ui("Who is bound by which treaty, and since when"),
        ui("Date of signature, ratification or accession"),
    )
    # room above the plot for the numbers on the event lines
    words, table = treaty_description(frame), treaty_table(rows)
    return style(fig, title, x_title, ui("Treaty"), sources, words, height=520, table=table, top=100)
