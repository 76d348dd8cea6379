"""Charts over time: arrivals in South Korea by year, recorded forced returns, every event by lesson.

>>> fig = arrivals()
>>> [t.visible for t in fig.data]
[True, True, True, False, False]
>>> arrivals("share").layout.yaxis.title.text
'Women among arrivals (%)'
"""

from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import arrival_blocks, arrivals_frame, event_dates, forced_returns, lanes
from ..analysis.movements import cut_at_word
from ..i18n import ui
from .kept import kept
from .style import (
    PALETTE,
    add_marks,
    data_table,
    event_mark,
    events_key,
    marked_events,
    note_sources,
    style,
    with_notes,
)


def _arrival_traces(rows: pd.DataFrame, blocks: pd.DataFrame, counts: bool) -> list:
    split, nosplit = rows[rows["male"].notna()], rows[rows["male"].isna()]
    bars = [  # (rows, column, legend name, colour, the hover text)
        (nosplit, "total", ui("Total (no split by sex published)"), PALETTE[6], ui("{year}: {count} arrivals")),
        (split, "male", ui("Men"), PALETTE[0], ui("{year}: {count} men")),
        (split, "female", ui("Women"), PALETTE[1], ui("{year}: {count} women")),
    ]
    women = ui("{year}: {share}% women")
    # Years are categories, so the axis never shows ticks such as "2,020.5".
    traces = [
        go.Bar(
            x=part["year"].astype(str),
            y=part[column],
            name=name,
            marker_color=colour,
            visible=counts,
            hovertemplate=what.format(year="%{x}", count="%{y:,}") + "<extra></extra>",
        )
        for part, column, name, colour, what in bars
    ]
    share = go.Scatter(
        x=split["year"].astype(str),
        y=split["share"].astype(float),
        name=ui("Women, % of arrivals"),
        mode="lines+markers",
        line=dict(color=PALETTE[1], width=3),
        visible=not counts,
        hovertemplate=women.format(year="%{x}", share="%{y:.1f}") + "<extra></extra>",
    )
    earlier = go.Scatter(
        x=blocks["at"].tolist(),
        y=blocks["female_pct"].astype(float).tolist(),
        mode="markers",
        name=ui("Earlier blocks of years"),
        marker=dict(size=12, symbol="diamond", color=PALETTE[4]),
        visible=not counts,
        customdata=blocks["period"].tolist(),
        hovertemplate=women.format(year="%{customdata}", share="%{y:.1f}") + "<extra></extra>",
    )
    return traces + [share, earlier]


def arrivals_description(rows: pd.DataFrame, blocks: pd.DataFrame) -> str:
    """The words for the arrivals chart: the peak, the lowest year since, the last year, the women's share.

    >>> arrivals_description(arrivals_frame(), arrival_blocks()).startswith("Chart of arrivals")
    True
    """
    peak = rows.loc[rows["total"].idxmax()]
    after = rows[rows["year"] > peak["year"]]
    low = after.loc[after["total"].idxmin()] if len(after) else peak
    last = rows.iloc[-1]
    found = dict(first=rows["year"].min(), last=last["year"], peak=f"{int(peak['total']):,}", peak_year=peak["year"])
    found |= dict(low=f"{int(low['total']):,}", low_year=low["year"], latest=f"{int(last['total']):,}")
    text = ui(
        "Chart of arrivals of North Koreans in South Korea each year from {first} to {last}, in people, with dotted lines at {events} key events. Arrivals rose to a peak of {peak} in {peak_year}, then fell to {low} in {low_year}; {latest} arrived in {last}.",
        events=len(marked_events("arrivals")),
        **found,
    )
    text += " " + events_key("arrivals")
    split = rows[rows["share"].notna()]
    if len(split):
        first, end = split.iloc[0], split.iloc[-1]
        shares = dict(first=f"{float(first['share']):.0f}", first_year=first["year"])
        shares |= dict(last=f"{float(end['share']):.0f}", last_year=end["year"])
        if len(blocks):
            earlier = ", ".join(f"{float(b.female_pct):.0f}% ({b.period})" for b in blocks.itertuples())
            text += " " + ui(
                "Women were {first}% of arrivals in {first_year} and {last}% in {last_year}; in earlier blocks of years, {earlier}.",
                earlier=earlier,
                **shares,
            )
        else:
            text += " " + ui("Women were {first}% of arrivals in {first_year} and {last}% in {last_year}.", **shares)
    return with_notes(text, "arrivals")


def _mark_years(fig, chart: str) -> None:
    # On a category axis plotly.js reads a numeric-looking string such as "2011" in a shape or an annotation
    # as a serial number, which stretched the axis to 2,000 categories and hid the bars: place marks by position.
    years = list(fig.layout.xaxis.categoryarray or [])
    shapes, notes = [], []
    for i, (_, e) in enumerate(marked_events(chart).iterrows()):
        if str(int(e["year"])) not in years:
            continue
        line, note = event_mark(years.index(str(int(e["year"]))), i + 1, e["year"], e["title"])
        shapes.append(line)
        notes.append(note)
    add_marks(fig, shapes, notes)


@registry.uses("arrivals", "events")
@kept
def arrivals(view: str = "counts", frame: pd.DataFrame | None = None) -> go.Figure:
    """Arrivals of North Koreans in South Korea by year, as counts (by sex) or the women's share.

    >>> arrivals().layout.yaxis.title.text
    'Arrivals in South Korea (people)'
    """
    frame = data.load("arrivals") if frame is None else frame
    rows, blocks = arrivals_frame(frame), arrival_blocks(frame)
    counts = view == "counts"
    fig = go.Figure(_arrival_traces(rows, blocks, counts))
    all_years = [str(y) for y in range(int(rows["year"].min()), int(rows["year"].max()) + 1)]
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=all_years, tickangle=-45)
    fig.update_xaxes(range=[-0.5, len(all_years) - 0.5])  # the event labels must not widen the axis
    _mark_years(fig, "arrivals")
    fig.update_layout(barmode="stack")
    y_title = arrivals_y_title(counts)
    sources = list(rows["source_id"].unique()) + note_sources("arrivals")
    return style(
        fig,
        ui("North Koreans arriving in South Korea, by year"),
        ui("Year"),
        y_title,
        sources,
        arrivals_description(rows, blocks),
        height=470,
        table=arrivals_table(rows),
    )


def arrivals_table(rows: pd.DataFrame) -> dict:
    """The data behind the arrivals chart (``data_table``): each year's arrivals, by sex where published.

    >>> table = arrivals_table(arrivals_frame())
    >>> table["columns"][:2], table["total"] == len(table["rows"])
    (['Year', 'Arrivals'], True)
    """
    frame = rows.assign(women_pct=rows["share"].astype(float).round(1), cite=rows["source_id"].map(data.short_cite))
    columns = dict(year=ui("Year"), total=ui("Arrivals"), male=ui("Men"), female=ui("Women"))
    columns |= dict(women_pct=ui("Women, % of arrivals"), cite=ui("Source"))
    return data_table(frame, columns, "arrivals", limit=40)


def arrivals_y_title(counts: bool) -> str:
    """The y-axis title of the arrivals chart: people, or the women's share.

    >>> arrivals_y_title(False)
    'Women among arrivals (%)'
    """
    return ui("Arrivals in South Korea (people)") if counts else ui("Women among arrivals (%)")


def repatriations_description(rows: pd.DataFrame, split: int | None, since: str) -> str:
    """The words for the forced returns chart: how many records and when, the largest, and the largest since the split year.

    >>> repatriations_description(forced_returns(), 1900, "Since 1900").startswith("Bar chart of")
    True
    """
    most = rows.loc[rows["low"].idxmax()]
    text = ui(
        "Bar chart of {count} recorded forced returns from China, {first} to {last}, in people returned on a log scale; the largest figure is for {when}: {people}.",
        count=len(rows),
        first=int(rows["year"].min()),
        last=int(rows["year"].max()),
        people=most["value_text"],
        when=most["when"],
    )
    later = rows[rows["year"] >= split] if split else rows.iloc[:0]
    if len(later):
        top = later.loc[later["low"].idxmax()]
        text += " " + ui(
            "{since}, the largest recorded return was on {when}: {people}.",
            since=since,
            when=top["when"],
            people=top["value_text"],
        )
    return with_notes(text, "repatriations")


@registry.uses("repatriations")
@kept
def repatriations(frame: pd.DataFrame | None = None) -> go.Figure:
    """Recorded forced returns from China, event by event (the lower figure where a range is given).

    >>> fig = repatriations()
    >>> fig.layout.xaxis.title.text
    'People returned (lower figure where sources give a range)'
    """
    rows = forced_returns(frame)
    note = data.chart_note("repatriations", "split")
    split = int(note["value"]) if note is not None else None
    words = {w: ui(w) for w in ("Reported by", "Source")}
    hover = [
        f"<b>{html.escape(str(r.event))}</b><br>{ui('{people} people', people=html.escape(str(r.value_text)))}<br>"
        f"{words['Reported by']}: {html.escape(str(r.reported_by))}<br>"
        f"{words['Source']}: {html.escape(data.short_cite(r.source_id))}"
        for r in rows.itertuples()
    ]
    colours = [PALETTE[3] if split and y >= split else PALETTE[0] for y in rows["year"]]
    fig = go.Figure(
        go.Bar(
            x=rows["low"].astype(float),
            y=rows["label"],
            orientation="h",
            marker_color=colours,
            hovertext=hover,
            hoverinfo="text",
            name=ui("Forced returns"),
            text=[cut_at_word(v, 30) for v in rows["value_text"]],  # in full in the hover and the table
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["label"])[::-1], tickfont=dict(size=11))
    top = math.log10(float(rows["low"].max()))
    # room to the right of the longest bar for its figure as reported ("more than 500 (mostly women)")
    fig.update_xaxes(type="log", showgrid=True, gridcolor="#eee", range=[0.5, top + 1.4])
    text = repatriations_description(rows, split, str(note["text"]) if note is not None else "")
    return style(
        fig,
        ui("Forced returns from China that were recorded, event by event"),
        ui("People returned (lower figure where sources give a range)"),
        "",
        list(rows["source_id"].unique()) + note_sources("repatriations"),
        text,
        height=max(420, 26 * len(rows) + 160),
        table=repatriations_table(rows),
    )


def repatriations_table(rows: pd.DataFrame) -> dict:
    """The data behind the forced returns chart (``data_table``): when, what, how many, reported by whom.

    >>> repatriations_table(forced_returns())["columns"][:3]
    ['When', 'Event', 'People returned']
    """
    frame = rows.assign(cite=rows["source_id"].map(data.short_cite))
    columns = dict(when=ui("When"), event=ui("Event"), value_text=ui("People returned"))
    columns |= dict(reported_by=ui("Reported by"), cite=ui("Source"))
    return data_table(frame, columns, "repatriations")


def lane_name(lane: str) -> str:
    """The name of a lane of the grand timeline: the lesson it belongs to.

    >>> lane_name("7")
    'Lesson 7'
    """
    return ui("Lesson {lesson}", lesson=lane)


def lane_trace(rows: pd.DataFrame, lane: str, colour: str) -> go.Scatter:
    """The events of one lane (a lesson number in the ``lesson`` column) as diamonds on a date axis.

    >>> events = data.load("events")
    >>> trace = lane_trace(events.assign(when=event_dates(events)), lanes(events)[0], PALETTE[0])
    >>> trace.name == lane_name(lanes(events)[0]) and len(trace.x) > 0
    True
    """
    part = rows[rows["lesson"].fillna("").str.split(";").map(lambda names: lane in names)]
    source = ui("Source")
    hover = [
        f"<b>{html.escape(str(t))}</b> ({html.escape(str(d.date()) if pd.notna(d) else '')})<br>"
        f"{html.escape(str(desc))[:200]}<br>{source}: {html.escape(data.short_cite(s))}"
        for t, d, desc, s in zip(part["title"], part["date"], part["description"], part["source_id"], strict=True)
    ]
    marker = dict(size=11, color=colour, symbol="diamond", line=dict(width=1, color="white"))
    name = lane_name(lane)
    return go.Scatter(
        x=part["when"],
        y=[name] * len(part),
        mode="markers",
        name=name,
        marker=marker,
        hovertext=hover,
        hoverinfo="text",
    )


def timeline_description(rows: pd.DataFrame, early: pd.DataFrame, since: int) -> str:
    """The words for the grand timeline: how many events, the busiest years, where the earlier ones are.

    >>> events = data.load("events")
    >>> timeline_description(events, events.iloc[:0], 1900).startswith(f"Timeline of {len(events)} events")
    True
    """
    busiest = ", ".join(str(y) for y in rows["year"].value_counts().head(3).index)
    found = dict(count=len(rows), first=since, last=int(rows["year"].max()), busiest=busiest)
    text = ui(
        "Timeline of {count} events from {first} to {last}, in a lane for each lesson that discusses them; an event in several lanes joins those lessons. The busiest years are {busiest}.",
        **found,
    )
    if len(early):
        first, where = early.sort_values("year").iloc[0], lanes(early)
        found = dict(count=len(early), title=first["title"], year=first["year"], lessons=ui(" and ").join(where))
        if len(where) == 1:
            text += " " + ui("{count} earlier events (from “{title}”, {year}) are in lesson {lessons}.", **found)
        else:
            text += " " + ui("{count} earlier events (from “{title}”, {year}) are in lessons {lessons}.", **found)
    return text


@registry.uses("events")
@kept
def grand_timeline(frame: pd.DataFrame | None = None, since: int = 1990) -> go.Figure:
    """Every event since ``since``, in a lane for each lesson that discusses it (the ``lesson`` column).

    >>> fig = grand_timeline()
    >>> fig.layout.yaxis.title.text, len(fig.data) == len(lanes(data.load("events")))
    ('Lesson', True)
    """
    frame = data.in_language(data.load("events") if frame is None else frame)  # the titles in the edition's language
    rows = frame.assign(when=event_dates(frame))
    early, rows = rows[rows["year"] < since], rows[rows["year"] >= since]
    names = lanes(frame)
    fig = go.Figure([lane_trace(rows, lane, PALETTE[i % len(PALETTE)]) for i, lane in enumerate(names)])
    fig.update_yaxes(categoryorder="array", categoryarray=[lane_name(x) for x in names][::-1])
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eee")
    title = ui("From the famine to the mass return: the events of every lesson")
    words = timeline_description(rows, early, since)
    ordered = rows.sort_values("when")
    frame = ordered.assign(
        day=ordered["date_text"].fillna(ordered["year"].astype(str)),
        lessons=ordered["lesson"].fillna("").str.replace(";", ", "),
        cite=ordered["source_id"].map(data.short_cite),
    )
    columns = dict(day=ui("Date"), title=ui("Event"), lessons=ui("Lesson"), cite=ui("Source"))
    table = data_table(frame, columns, "events")
    return style(fig, title, ui("Date"), ui("Lesson"), rows["source_id"].unique(), words, height=420, table=table)
