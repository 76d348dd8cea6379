"""The border map: country outlines from shipped geometry, places by role, and one route onward.

No map service and no network: outlines are ordinary filled traces. Place colours, symbols
and legend names come from labels.csv (``places.role``, ``borders.iso_a2``); where names go,
which countries are left out and the note under the map come from chart_notes.csv.

>>> fig = border_map()
>>> fig.layout.xaxis.range
(123.0, 131.6)
>>> fig.layout.meta["description"].startswith("Map of the border region")
True
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import aspect, route_legs, route_path, route_view, simplify
from ..i18n import ui
from .kept import kept
from .style import LAND, PALETTE, data_table, note_sources, style, with_notes

BORDER_REGION = dict(lon=(123.0, 131.6), lat=(38.8, 43.6))  # the view before a route is chosen
UNLABELLED = {"river point", "region centre"}  # places.role values drawn without their names
_BRACKETS = re.compile(r" \(.*\)")  # "Tumen (river)" is labelled "Tumen"
TOWN_ROLE = "handover point"  # the crowded legend group whose names hide when the map zooms out
# Outline detail, in degrees: the highlighted countries are seen close up at the border; the others only at the
# edges of the border view or zoomed out along a route, where 0.05 degrees is under a pixel or two.
DETAIL = dict(highlighted=0.02, other=0.05)


@functools.lru_cache(maxsize=1)
def _land_outlines() -> dict:
    """Country outlines grouped by fill colour: one trace per colour keeps the map light.

    >>> xs, ys = next(iter(_land_outlines().values()))
    >>> xs.dtype.name, len(xs) == len(ys), bool(np.isnan(xs[-1]))
    ('float64', True, True)
    """
    omitted = set(data.chart_notes("border_map", "omit")["ref"])
    highlighted = data.colours("borders.iso_a2")
    groups: dict = {}
    for feature in data.borders()["features"]:
        geom, code = feature["geometry"], feature["properties"]["iso_a2"]
        if code in omitted:
            continue
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        key = code if code in highlighted else "other"
        xs, ys = groups.setdefault(key, ([], []))
        for polygon in polygons:
            ring = simplify(polygon[0], DETAIL["other" if key == "other" else "highlighted"])
            if len(ring) < 4 and key == "other":
                continue  # specks of islands
            xs += [p[0] for p in ring] + [None]
            ys += [p[1] for p in ring] + [None]
    # As arrays (a gap is NaN, as None was): plotly checks an array at once, not point by point, and the live
    # map sends them to the page as binary, not as some 50 kB of JSON numbers
    return {key: (np.array(xs, dtype=float), np.array(ys, dtype=float)) for key, (xs, ys) in groups.items()}


def land_traces() -> list[go.Scatter]:
    """Country fills and borders as ordinary traces, highlighted countries in their own colour.

    >>> traces = land_traces()
    >>> all(t.fill == "toself" and t.hoverinfo == "skip" for t in traces)
    True
    """
    names, fills = data.labels("borders.iso_a2"), data.colours("borders.iso_a2")
    return [
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            fill="toself",
            name=names.get(key, ui("Other countries")),
            fillcolor=fills.get(key, LAND),
            line=dict(color="#9A9A9A", width=0.8),
            hoverinfo="skip",
            showlegend=False,
        )
        for key, (xs, ys) in _land_outlines().items()
    ]


def set_view(fig, lon, lat) -> None:
    """Show this longitude and latitude range, with degrees of latitude stretched as at that latitude.

    >>> fig = go.Figure(); set_view(fig, (0, 10), (0, 0))
    >>> fig.layout.xaxis.range, fig.layout.yaxis.scaleratio
    ((0, 10), 1.0)
    """
    fig.update_xaxes(
        range=list(lon), title_text=ui("Longitude (degrees east)"), showgrid=False, zeroline=False, constrain="domain"
    )
    fig.update_yaxes(
        range=list(lat),
        title_text=ui("Latitude (degrees north)"),
        showgrid=False,
        zeroline=False,
        scaleanchor="x",
        scaleratio=aspect(lat),
        constrain="domain",
    )


def town_group() -> str:
    """The legend name of the crowded border towns (labels.csv).

    >>> town_group() == data.label("places.role", TOWN_ROLE)
    True
    """
    return data.label("places.role", TOWN_ROLE)


def hide_town_labels(fig, hide: bool = True, names=None) -> None:
    """Blank (or restore from ``names``) the labels of the border towns.

    >>> fig = border_map(); hide_town_labels(fig)
    >>> {t for trace in fig.data if trace.name == town_group() for t in trace.text}
    {''}
    """
    towns = town_group()
    for trace in fig.data:
        if trace.name == towns:
            trace.text = [""] * len(trace.x) if hide else names


def label_positions(places: pd.DataFrame) -> list[str]:
    """Where each place's name goes: its own row in chart_notes.csv, else its country's, else above.

    >>> places = data.load("places")
    >>> len(label_positions(places)) == len(places)
    True
    """
    notes = data.chart_notes("border_map", "label_position")
    chosen = dict(zip(notes["ref"], notes["text"], strict=False))
    return [
        chosen.get(p, chosen.get(c, "top center")) for p, c in zip(places["place_id"], places["country"], strict=False)
    ]


def place_traces(places: pd.DataFrame) -> list[go.Scatter]:
    """One marker trace per legend group of places.role, with names placed so the two banks do not collide.

    >>> names = [t.name for t in place_traces(data.load("places"))]
    >>> len(names) == len(set(names)) and town_group() in names
    True
    """
    legends, colours, symbols = data.labels("places.role"), data.colours("places.role"), data.symbols("places.role")
    hover = ui("Source") + ": %{customdata[3]}<extra></extra>"
    # plain arrays, picked by a mask per group: pandas' per-group filtering cost more than the traces themselves
    lon, lat = places["lon"].to_numpy(dtype=float), places["lat"].to_numpy(dtype=float)
    role = places["role"].to_numpy(dtype=object)
    info = places[["name", "country", "role", "source_id"]].astype(str).to_numpy()
    where = np.array(label_positions(places), dtype=object)
    traces = []
    for legend in dict.fromkeys(legends.values()):
        roles = [r for r, name in legends.items() if name == legend]
        mask = np.isin(role, roles)
        if not mask.any():
            continue
        text = ["" if r in UNLABELLED else _BRACKETS.sub("", n) for n, r in zip(info[mask, 0], role[mask], strict=True)]
        traces.append(
            go.Scatter(
                x=lon[mask],
                y=lat[mask],
                mode="markers+text",
                name=legend,
                text=text,
                textposition=list(where[mask]),
                textfont=dict(size=11),
                marker=dict(
                    color=colours.get(roles[0], PALETTE[0]),
                    symbol=symbols.get(roles[0], "circle"),
                    size=9,
                    line=dict(width=1, color="white"),
                ),
                customdata=info[mask],
                hovertemplate="<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]}<br>" + hover,
            )
        )
    return traces


def route_description(legs: pd.DataFrame | None) -> str:
    """The words for the map: the places by group (no route), or the route's stops and length.

    >>> route_description(None).endswith("Choose a route to see the journey onward.")
    True
    >>> one = data.load("routes").groupby("route_id").filter(lambda legs: len(legs) == 1)["route_id"].iloc[0]
    >>> "one leg from" in route_description(route_legs(one))
    True
    """
    if legs is None or legs.empty:
        places, legends = data.load("places"), data.labels("places.role")
        groups = []
        for legend in dict.fromkeys(legends.values()):
            part = places[places["role"].isin([r for r, name in legends.items() if name == legend])]
            names = ", ".join(part["name"].head(6))
            named = (
                ""
                if part["role"].isin(UNLABELLED).all()
                else " (" + (ui("{names} and more", names=names) if len(part) > 6 else names) + ")"
            )
            groups.append(f"{legend}: {len(part)}{named}")
        text = ui("Map of the border region. {groups}.", groups="; ".join(groups))
        return with_notes(text, "border_map") + " " + ui("Choose a route to see the journey onward.")
    sentence = (
        "Map of the route '{route}': one leg from {stops}, about {km} km in a straight line (real journeys are longer)."
        if len(legs) == 1
        else "Map of the route '{route}': {count} legs from {stops}, about {km} km in straight lines (real journeys are longer)."
    )
    return ui(
        sentence,
        route=legs["route_name"].iloc[0],
        count=len(legs),
        stops=ui(" to ").join([legs["from_name"].iloc[0]] + list(legs["to_name"])),
        km=f"{int(legs['approx_km'].sum()):,}",
    )


def map_table(places: pd.DataFrame, legs: pd.DataFrame | None = None) -> dict:
    """The data behind the map (``data_table``): the places by role, or the legs of the chosen route.

    >>> map_table(data.load("places"))["columns"][:3]
    ['Place', 'Country', 'Role']
    """
    if legs is not None and not legs.empty:
        frame = legs.assign(cite=legs["source_id"].map(data.short_cite))
        columns = dict(leg=ui("Leg"), from_name=ui("From"), to_name=ui("To"), countries_crossed=ui("Countries"))
        return data_table(frame, columns | dict(approx_km=ui("About km"), cite=ui("Source")), "routes")
    roles = data.labels("places.role")
    frame = places.assign(
        role_name=places["role"].map(lambda r: roles.get(r, r)), cite=places["source_id"].map(data.short_cite)
    )
    columns = dict(
        name=ui("Place"), country=ui("Country"), role_name=ui("Role"), lat=ui("Latitude"), lon=ui("Longitude")
    )
    return data_table(frame, columns | dict(cite=ui("Source")), "places")


def route_title(legs: pd.DataFrame | None) -> str:
    """The map's title: the border and the routes, or the chosen route.

    >>> route_title(None)
    'The border and the routes onward'
    """
    if legs is None:
        return ui("The border and the routes onward")
    return ui("Route: {route}", route=legs["route_name"].iloc[0])


@registry.uses("places", "routes")
@kept
def border_map(route_id: str | None = None) -> go.Figure:
    """The border region and, optionally, one route onward, drawn from shipped geometry.

    >>> route = data.load("routes")["route_id"].iloc[0]
    >>> fig = border_map(route)
    >>> fig.layout.meta["description"].startswith("Map of the route"), fig.data[-1].name
    (True, 'Chosen route')
    """
    places = data.load("places")
    fig = go.Figure(land_traces() + place_traces(places))
    legs = route_legs(route_id) if route_id else None
    xs, ys = route_path(legs)
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines+markers",
            name=ui("Chosen route"),
            line=dict(color=PALETTE[1], width=3, dash="dash"),
            marker=dict(size=7, symbol="arrow", angleref="previous", color=PALETTE[1]),
            hoverinfo="skip",
        )
    )
    lon, lat = route_view(legs) if legs is not None else (BORDER_REGION["lon"], BORDER_REGION["lat"])
    if lon[1] - lon[0] > 15:  # zoomed out: the border towns' names would pile up
        hide_town_labels(fig)
    sources = list(places["source_id"].unique()) + note_sources("border_map")
    if legs is not None:
        sources = list(legs["source_id"].unique()) + sources
    style(
        fig,
        route_title(legs),
        ui("Longitude (degrees east)"),
        ui("Latitude (degrees north)"),
        sources,
        route_description(legs),
        height=620,
        table=map_table(places, legs),
    )
    set_view(fig, lon, lat)
    fig.update_layout(legend=dict(orientation="v", x=1.02, y=1, xanchor="left", yanchor="top"), margin=dict(r=10))
    return fig
