"""Plotly charts in one house style.

Every builder returns a ``plotly.graph_objects.Figure`` (it never displays it)
with a title, labelled axes, a colour-blind-safe palette (Okabe-Ito), a source
line under the plot and a short text description for screen readers, kept in
``fig.layout.meta["description"]``. ``show(fig)`` displays a figure with its
description underneath.

>>> fig = famine_comparison()
>>> fig.layout.xaxis.title.text
'Excess deaths as a share of the population (%)'
>>> fig.layout.annotations[0].text.startswith("Source: Ó Gráda")
True
>>> description(fig).startswith("Bar chart")
True
"""

from __future__ import annotations

import functools
import html
import math

import pandas as pd
import plotly.graph_objects as go

from . import data

__all__ = ["PALETTE", "style", "description", "words_html", "show", "is_static", "figure_html", "famine_estimates", "famine_comparison",
           "per_capita", "fmt_int", "tiny_check_chart"]

# Okabe & Ito (2008) colours, safe for the common forms of colour blindness.
# Yellow is last: it is hard to read on white.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
NEUTRAL = "#8C8C8C"  # for "not stated" and other non-categories
METHOD_COLOURS = {
    "official statement": "#D55E00", "defector testimony": "#E69F00", "refugee survey": "#009E73",
    "demographic model": "#0072B2", "census reconstruction": "#CC79A7", "expert judgement": "#56B4E9",
    "summary of others": "#000000", "not stated": NEUTRAL,
}
LOG_TICKS = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000,
             10_000_000]


def log_axis(low: float, high: float) -> dict:
    """Readable tick marks for a log axis: 1, 2, 5 steps written out in full."""
    vals = [t for t in LOG_TICKS if low / 2.5 <= t <= high * 2.5]
    return dict(type="log", tickvals=vals, ticktext=[f"{v:,}" for v in vals])
FONT = "Arial, Helvetica, sans-serif"


def fmt_int(value) -> str:
    """A whole number with thousands separators.

    >>> fmt_int(3500000)
    '3,500,000'
    """
    return f"{int(round(float(value))):,}"


def style(fig: go.Figure, title: str, x_title: str, y_title: str, sources, description_text: str,
          height: int = 420) -> go.Figure:
    """Apply the house style: title, axis titles, source line, description.

    >>> fig = style(go.Figure(go.Bar(x=[1], y=[2])), "T", "x", "y", ["S004"], "One bar.")
    >>> fig.layout.title.text, description(fig)
    ('T', 'One bar.')
    """
    fig.update_layout(
        template="simple_white",
        title=dict(text=title, x=0, xanchor="left", font=dict(size=18)),
        font=dict(family=FONT, size=13, color="#222"),
        colorway=PALETTE,
        height=height,
        margin=dict(l=10, r=20, t=60, b=90),
        legend=dict(orientation="h", yanchor="top", y=-0.18, x=0, title_text=""),
        hoverlabel=dict(font=dict(family=FONT, size=13), bgcolor="white"),
        meta=dict(description=description_text, sources=list(sources)),
    )
    shown = [t for t in fig.data if t.showlegend is not False and t.name]
    if len(shown) > 3:  # a long legend goes to the right, so it never runs into the source line
        fig.update_layout(legend=dict(orientation="v", x=1.02, y=1, xanchor="left", yanchor="top"))
    fig.update_xaxes(title_text=x_title, automargin=True)
    fig.update_yaxes(title_text=y_title, automargin=True)
    fig.add_annotation(text=data.source_line(sources), xref="paper", yref="paper", x=0, y=0,
                       yshift=-78, xanchor="left", yanchor="top", showarrow=False,
                       font=dict(size=11, color="#555"), align="left")
    return fig


def description(fig) -> str:
    """The text description stored with a figure.

    >>> description(famine_comparison()).startswith("Bar chart")
    True
    """
    meta = fig.layout.meta or {}
    return meta.get("description", "") if isinstance(meta, dict) else ""


def words_html(text: str, what: str = "Chart") -> str:
    """The text description as a paragraph screen readers announce as a note.

    >>> words_html("Two bars.")
    '<p class="bl-description" role="note"><strong>Chart in words.</strong> Two bars.</p>'
    """
    return f'<p class="bl-description" role="note"><strong>{what} in words.</strong> {html.escape(text)}</p>'


def description_html(fig) -> str:
    return words_html(description(fig))


def is_static() -> bool:
    """True while the handouts are built: views become static HTML (no widgets, no kernel).

    >>> is_static()
    False
    """
    import os

    return os.environ.get("BORDERLINE_STATIC") == "1"


def figure_html(fig) -> str:
    """A figure as an HTML fragment for a static page (plotly.js is loaded once by the page itself).

    >>> figure_html(tiny_check_chart(2)).startswith("<div")
    True
    """
    return fig.to_html(full_html=False, include_plotlyjs=False,
                       config={"displaylogo": False, "responsive": True})


def show(fig) -> None:
    """Display a figure and, under it, its description in words."""
    from IPython.display import HTML, display

    if is_static():
        display(HTML(figure_html(fig) + description_html(fig)))
        return
    display(fig)
    display(HTML(description_html(fig)))


# --- lesson 01 -----------------------------------------------------------------

METHOD_ORDER = ["official statement", "defector testimony", "refugee survey", "demographic model",
                "census reconstruction", "expert judgement", "summary of others", "not stated"]


def estimate_ranges(frame: pd.DataFrame) -> pd.DataFrame:
    """Estimates that can be drawn: totals with at least one figure, low filled from high."""
    rows = frame[(frame["measure"] == "total") & (frame["high"].notna() | frame["low"].notna())].copy()
    rows["low_plot"] = rows["low"].fillna(rows["high"])
    rows["high_plot"] = rows["high"].fillna(rows["low"])
    short = rows["estimator"].str.split(r" \(|, | - |; ", regex=True).str[0].str.slice(0, 34)
    rows["label"] = rows["est_id"] + "  " + short
    rows["hover"] = [
        f"<b>{html.escape(str(e))}</b><br>{fmt_int(lo)} to {fmt_int(hi)} {html.escape(str(u))}<br>"
        f"Period: {html.escape(str(p))}<br>Method: {html.escape(str(m) if pd.notna(m) else str(g))}<br>"
        f"Source: {html.escape(data.short_cite(s))}"
        for e, lo, hi, u, p, m, g, s in zip(rows["estimator"].tolist(), rows["low_plot"].tolist(),
                                            rows["high_plot"].tolist(), rows["unit"].tolist(), rows["period"].tolist(),
                                            rows["method"].tolist(), rows["method_group"].tolist(),
                                            rows["source_id"].tolist())]
    rows["method_rank"] = rows["method_group"].map({m: i for i, m in enumerate(METHOD_ORDER)})
    return rows.sort_values(["method_rank", "high_plot"], ascending=[True, False])


def estimate_series(rows: pd.DataFrame) -> dict:
    """method -> (xs, ys, hovertext): plain lists a chart or a widget callback can use directly."""
    series = {method: ([], [], []) for method in METHOD_ORDER}
    for method, lo, hi, label, text in zip(rows["method_group"].tolist(), rows["low_plot"].tolist(),
                                           rows["high_plot"].tolist(), rows["label"].tolist(), rows["hover"].tolist()):
        xs, ys, hover = series.setdefault(method, ([], [], []))
        xs += [lo, hi, None]
        ys += [label, label, None]
        hover += [text, text, None]
    return series


def _estimate_traces(rows: pd.DataFrame) -> list[go.Scatter]:
    return [go.Scatter(x=xs, y=ys, mode="lines+markers", name=method,
                       line=dict(color=METHOD_COLOURS.get(method, NEUTRAL), width=6),
                       marker=dict(size=9, symbol="line-ns-open", line=dict(width=2)),
                       hovertext=hover, hoverinfo="text", connectgaps=False)
            for method, (xs, ys, hover) in estimate_series(rows).items() if xs]


def estimates_description(rows: pd.DataFrame, total_rows: int | None = None) -> str:
    if rows.empty:
        return "No estimate matches the current filter."
    lo, hi = rows["low_plot"].min(), rows["high_plot"].max()
    by = rows.groupby("method_group")["high_plot"].median().sort_values()
    parts = [f"{m}: median high figure {fmt_int(v)}" for m, v in by.items()]
    text = (f"Range chart of {len(rows)} estimates of famine deaths, one line per estimate from its low to its high "
            f"figure. They run from {fmt_int(lo)} to {fmt_int(hi)}, a factor of about {hi / lo:.0f}. "
            f"By method: {'; '.join(parts)}.")
    if total_rows is not None and total_rows > len(rows):
        text += f" {total_rows - len(rows)} more estimates are hidden by the filter or give no figure."
    return text


def famine_estimates(frame: pd.DataFrame | None = None, log_x: bool = True) -> go.Figure:
    """Every famine death estimate as a low-high range, grouped by method.

    >>> fig = famine_estimates()
    >>> fig.layout.xaxis.type
    'log'
    """
    frame = data.load("famine_estimates") if frame is None else frame
    rows = estimate_ranges(frame)
    fig = go.Figure(_estimate_traces(rows))
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["label"])[::-1], tickfont=dict(size=11))
    if log_x:
        fig.update_xaxes(**log_axis(100_000, 3_500_000), showgrid=True, gridcolor="#eee")
    else:
        fig.update_xaxes(type="linear", tickformat=",", showgrid=True, gridcolor="#eee")
    return style(fig, "How many died in North Korea's famine? Every estimate, by method",
                 "Deaths (low to high estimate; log scale)" if log_x else "Deaths (low to high estimate)",
                 "Estimate", rows["source_id"], estimates_description(rows), height=max(420, 22 * len(rows) + 160))


def famine_comparison(frame: pd.DataFrame | None = None) -> go.Figure:
    """Other famines by excess deaths as a share of the population (preferred rows).

    >>> len(famine_comparison().data[0].y) >= 10
    True
    """
    frame = data.load("famine_comparison") if frame is None else frame
    rows = frame[frame["preferred"] & frame["pct_low"].notna()].copy()
    rows["mid"] = (rows["pct_low"] + rows["pct_high"]) / 2
    rows["name"] = rows["famine"].str.replace(r" \(.*\)", "", regex=True) + " " + rows["start_year"].astype(str)
    rows = rows.sort_values("mid")
    colours = [PALETTE[3] if c == "North Korea" else PALETTE[0] for c in rows["country"]]
    err = (rows["pct_high"] - rows["mid"]).astype(float)
    hover = [f"<b>{html.escape(n)}</b><br>{fmt_int(lo)} to {fmt_int(hi)} excess deaths<br>{pl:g}-{ph:g}% of the population"
             for n, lo, hi, pl, ph in zip(rows["name"], rows["low"], rows["high"], rows["pct_low"], rows["pct_high"])]
    fig = go.Figure(go.Bar(x=rows["mid"].astype(float), y=rows["name"], orientation="h", marker_color=colours,
                           error_x=dict(type="data", array=err, visible=True, color="#444"),
                           hovertext=hover, hoverinfo="text", name="Excess deaths, % of population"))
    nk = rows[rows["country"] == "North Korea"].iloc[0]
    higher = rows[rows["mid"] > nk["mid"]]["name"].tolist()
    text = (f"Bar chart of {len(rows)} twentieth-century famines by excess deaths as a share of the population. "
            f"North Korea 1995 (highlighted) is at {nk['pct_low']:g}-{nk['pct_high']:g}% on Ó Gráda's figures. "
            f"Famines with a higher share: {', '.join(higher) if higher else 'none'}.")
    fig.update_xaxes(ticksuffix="%", showgrid=True, gridcolor="#eee")
    return style(fig, "North Korea's famine beside other twentieth-century famines",
                 "Excess deaths as a share of the population (%)", "Famine", rows["source_id"], text, height=460)


def per_capita_parts(rate_per_100k_year: float, label: str):
    """Bar values, names, labels and the description for the per-capita comparison."""
    names = [label, "Seed 004: 'about 50 per 100,000' at the peak"]
    values = [float(rate_per_100k_year), 50.0]
    text = (f"Bar chart comparing two death rates per 100,000 people per year: {label} at {values[0]:,.0f}, "
            f"and seed 004's 50, which is {values[0] / 50.0:,.1f} times smaller.")
    return values, names, [f"{v:,.0f}" for v in values], text


def per_capita(rate_per_100k_year: float, label: str, sources) -> go.Figure:
    """Bar chart: a chosen estimate's death rate beside seed 004's 50 per 100,000.

    >>> per_capita(1000, "E02", ["REUTERS1998A"]).data[0].x[0]
    1000.0
    """
    values, names, labels, text = per_capita_parts(rate_per_100k_year, label)
    fig = go.Figure(go.Bar(x=values, y=names, orientation="h", marker_color=[PALETTE[0], PALETTE[3]],
                           text=labels, textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x:,.0f} deaths per 100,000 a year<extra></extra>"))
    fig.update_xaxes(rangemode="tozero", showgrid=True, gridcolor="#eee")
    return style(fig, "Deaths per 100,000 people per year", "Deaths per 100,000 people per year", "",
                 list(sources) + ["S004"], text, height=300)


def tiny_check_chart(n: int = 5) -> go.Figure:
    """A small chart for the setup check: squares of 1..n.

    >>> list(tiny_check_chart(3).data[0].y)
    [1, 4, 9]
    """
    xs = list(range(1, n + 1))
    fig = go.Figure(go.Bar(x=[str(x) for x in xs], y=[x * x for x in xs], marker_color=PALETTE[0],
                           hovertemplate="%{x} squared is %{y}<extra></extra>"))
    fig.update_layout(template="simple_white", height=260, margin=dict(l=10, r=10, t=50, b=40),
                      title=dict(text=f"Setup check: the squares of 1 to {n}", x=0),
                      font=dict(family=FONT, size=13),
                      meta=dict(description=f"Bar chart of the squares of 1 to {n}, rising from 1 to {n * n}."))
    fig.update_xaxes(title_text="Number", type="category")
    fig.update_yaxes(title_text="Its square")
    return fig


# --- lesson 02 -----------------------------------------------------------------


LAND = "#F2F2F2"
HIGHLIGHT_LAND = {"KP": "#FBE3C4", "CN": "#DCEBF7", "KR": "#E3F1E8"}
BORDER_REGION = dict(lon=(123.0, 131.6), lat=(38.8, 43.6))
# Where a label goes for crowded towns along the Tumen; others: Chinese bank above, North Korean below.
LABEL_POSITION = {"Yanji": "middle left", "Helong": "middle left", "Nanping": "middle left", "Musan": "bottom left",
                  "Tumen": "top center", "Namyang": "bottom right", "Onsong": "middle right",
                  "Hoeryong": "middle right", "Hunchun": "middle right", "Vladivostok": "bottom center"}
ROLE_STYLE = {  # role -> (legend name, colour, symbol)
    "handover point": ("Crossing and handover towns", PALETTE[3], "diamond"),
    "border town": ("Crossing and handover towns", PALETTE[3], "diamond"),
    "crossing point": ("Crossing and handover towns", PALETTE[3], "diamond"),  # same legend entry: TOWNS
    "transit city": ("Transit cities", PALETTE[0], "circle"),
    "destination": ("Destination", PALETTE[2], "star"),
    "capital": ("Capitals", PALETTE[6], "square"),
    "region centre": ("Yanbian (prefecture seat)", PALETTE[4], "hexagon"),
    "river point": ("River points (Yalu, Tumen)", PALETTE[5], "circle-open"),
}


# Countries no route in the lessons reaches; leaving them out keeps every redraw quick.
OFF_MAP = {"PH", "ID", "MY", "BN", "GU", "FM", "PW", "IN"}


def simplify(ring: list, tolerance: float = 0.02) -> list:
    """Ramer-Douglas-Peucker: drop points closer than ``tolerance`` degrees to the simplified line.

    >>> simplify([[0, 0], [1, 0.001], [2, 0], [2, 2]])
    [[0, 0], [2, 0], [2, 2]]
    """
    if len(ring) < 3:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = ring[first], ring[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        index, far = None, tolerance
        for i in range(first + 1, last):
            x, y = ring[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if (dx or dy) else math.hypot(x - x1, y - y1)
            if d > far:
                index, far = i, d
        if index is not None:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(ring, keep) if k]


@functools.lru_cache(maxsize=1)
def _land_outlines() -> dict:
    """Country outlines grouped by fill colour: one trace per colour keeps the map light."""
    groups: dict = {}
    for feature in data.borders()["features"]:
        geom, props = feature["geometry"], feature["properties"]
        if props["iso_a2"] in OFF_MAP:
            continue
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        key = props["iso_a2"] if props["iso_a2"] in HIGHLIGHT_LAND else "other"
        xs, ys = groups.setdefault(key, ([], []))
        for polygon in polygons:
            ring = simplify(polygon[0])
            if len(ring) < 4 and key == "other":
                continue  # specks of islands
            xs += [p[0] for p in ring] + [None]
            ys += [p[1] for p in ring] + [None]
    return groups


def _map_base(fig: go.Figure) -> None:
    """Country fills and borders as ordinary traces: no map service, no network."""
    names = {"KP": "North Korea", "CN": "China", "KR": "South Korea", "other": "Other countries"}
    for key, (xs, ys) in _land_outlines().items():
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", name=names.get(key, key),
                                 fillcolor=HIGHLIGHT_LAND.get(key, LAND),
                                 line=dict(color="#9A9A9A", width=0.8), hoverinfo="skip", showlegend=False))


def _set_view(fig, lon, lat) -> None:
    mid = math.radians((lat[0] + lat[1]) / 2)
    fig.update_xaxes(range=list(lon), title_text="Longitude (degrees east)", showgrid=False, zeroline=False,
                     constrain="domain")
    fig.update_yaxes(range=list(lat), title_text="Latitude (degrees north)", showgrid=False, zeroline=False,
                     scaleanchor="x", scaleratio=1 / math.cos(mid), constrain="domain")


TOWNS = "Crossing and handover towns"


def hide_town_labels(fig, hide: bool = True, names=None) -> None:
    """Blank (or restore from ``names``) the labels of the border towns."""
    for trace in fig.data:
        if trace.name == TOWNS:
            trace.text = [""] * len(trace.x) if hide else names


def route_legs(route_id: str, routes: pd.DataFrame | None = None, places: pd.DataFrame | None = None) -> pd.DataFrame:
    """The legs of one route with place names and coordinates.

    >>> route_legs("RT01")[["from_name", "to_name"]].iloc[0].tolist()
    ['Yanji', 'Ulaanbaatar']
    """
    routes = data.load("routes") if routes is None else routes
    places = (data.load("places") if places is None else places).set_index("place_id")
    legs = routes[routes["route_id"] == route_id].sort_values("leg").copy()
    if legs.empty:
        raise data.DataError("datasets/routes.csv", f"there is no route '{route_id}'.")
    for end in ("from", "to"):
        ids = legs[f"{end}_place"]
        legs[f"{end}_name"] = ids.map(places["name"])
        legs[f"{end}_lon"] = ids.map(places["lon"]).astype(float)
        legs[f"{end}_lat"] = ids.map(places["lat"]).astype(float)
    return legs


def route_view(legs: pd.DataFrame, pad: float = 2.0):
    lons = list(legs["from_lon"]) + list(legs["to_lon"])
    lats = list(legs["from_lat"]) + list(legs["to_lat"])
    lon = (min(lons) - pad, max(lons) + pad)
    lat = (min(lats) - pad, max(lats) + pad)
    # keep a sensible shape: at least 8 degrees wide
    if lon[1] - lon[0] < 8:
        mid = sum(lon) / 2
        lon = (mid - 4, mid + 4)
    if lat[1] - lat[0] < 6:
        mid = sum(lat) / 2
        lat = (mid - 3, mid + 3)
    return lon, lat


def route_description(legs: pd.DataFrame | None) -> str:
    if legs is None or legs.empty:
        places = data.load("places")
        towns = places[places["role"].isin(["handover point", "border town", "crossing point"])]
        river = places[places["role"] == "river point"]
        return (f"Map of the border between North Korea and China along the Yalu and Tumen rivers, with {len(towns)} "
                f"crossing and handover towns on both banks ({', '.join(towns['name'].head(6))} and more), "
                f"{len(river)} points along the two rivers, Yanbian's seat Yanji, and transit cities further away. "
                "Choose a route to see the journey onward.")
    total = int(legs["approx_km"].sum())
    stops = " to ".join([legs["from_name"].iloc[0]] + list(legs["to_name"]))
    return (f"Map of the route '{legs['route_name'].iloc[0]}': {len(legs)} legs from {stops}, about "
            f"{total:,} km in straight lines (real journeys are longer).")


def border_map(route_id: str | None = None) -> go.Figure:
    """The border region and, optionally, one route onward, drawn from shipped geometry.

    >>> fig = border_map()
    >>> fig.layout.xaxis.range
    (123.0, 131.6)
    >>> border_map("RT02").layout.meta["description"].startswith("Map of the route")
    True
    """
    places = data.load("places")
    fig = go.Figure()
    _map_base(fig)
    for legend, colour, symbol in dict.fromkeys(ROLE_STYLE.values()):
        roles = [r for r, style in ROLE_STYLE.items() if style[0] == legend]
        part = places[places["role"].isin(roles)]
        if part.empty:
            continue
        labelled = ~part["role"].isin(["river point", "region centre"])
        text = part["name"].where(labelled, "").str.replace(r" \(.*\)", "", regex=True)
        # Chinese towns above their marker, North Korean towns below: the two banks do not collide.
        position = [LABEL_POSITION.get(n, "bottom center" if c == "KP" else "top center")
                    for n, c in zip(part["name"], part["country"])]
        fig.add_trace(go.Scatter(
            x=part["lon"].astype(float), y=part["lat"].astype(float), mode="markers+text", name=legend,
            text=text, textposition=position, textfont=dict(size=11),
            marker=dict(color=colour, symbol=symbol, size=9, line=dict(width=1, color="white")),
            customdata=part[["name", "country", "role", "source_id"]].astype(str).values,
            hovertemplate="<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]}<br>"
                          "Source: %{customdata[3]}<extra></extra>"))
    legs = route_legs(route_id) if route_id else None
    xs, ys = [], []
    if legs is not None:
        for r in legs.itertuples():
            xs += [r.from_lon, r.to_lon, None]
            ys += [r.from_lat, r.to_lat, None]
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines+markers", name="Chosen route",
                             line=dict(color=PALETTE[1], width=3, dash="dash"),
                             marker=dict(size=7, symbol="arrow", angleref="previous", color=PALETTE[1]),
                             hoverinfo="skip"))
    lon, lat = route_view(legs) if legs is not None else (BORDER_REGION["lon"], BORDER_REGION["lat"])
    if lon[1] - lon[0] > 15:  # zoomed out: the border towns' names would pile up
        hide_town_labels(fig)
    sources = list(places["source_id"].unique()) + ["NPM_WORLDATLAS"]
    if legs is not None:
        sources = list(legs["source_id"].unique()) + sources
    title = "The border and the routes onward" if legs is None else f"Route: {legs['route_name'].iloc[0]}"
    style(fig, title, "Longitude (degrees east)", "Latitude (degrees north)", sources,
          route_description(legs), height=620)
    _set_view(fig, lon, lat)
    fig.update_layout(legend=dict(orientation="v", x=1.02, y=1, xanchor="left", yanchor="top"),
                      margin=dict(r=10))
    return fig


def arrivals_frame(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Preferred single-year arrival counts, with the female share where known.

    >>> int(arrivals_frame().set_index("year").loc[2009, "total"])
    2914
    """
    frame = data.load("arrivals") if frame is None else frame
    rows = frame[frame["preferred"] & (frame["year_start"] == frame["year_end"])].copy()
    rows["year"] = rows["year_start"].astype(int)
    rows["share"] = (rows["female"] / rows["total"] * 100).astype("Float64")
    return rows.sort_values("year")


KEY_EVENTS = ["EV17", "EV24", "EV29", "EV33", "EV37"]


def arrivals(view: str = "counts", frame: pd.DataFrame | None = None) -> go.Figure:
    """Arrivals of North Koreans in South Korea by year, as counts (by sex) or the female share.

    >>> fig = arrivals()
    >>> [t.visible for t in fig.data]
    [True, True, True, False, False]
    >>> arrivals("share").layout.yaxis.title.text
    'Women among arrivals (%)'
    """
    frame = data.load("arrivals") if frame is None else frame
    rows = arrivals_frame(frame)
    split = rows[rows["male"].notna()]
    nosplit = rows[rows["male"].isna()]
    blocks = frame[frame["preferred"] & (frame["year_start"] != frame["year_end"]) & frame["female_pct"].notna()]
    counts, share = view == "counts", view == "share"
    years = lambda s: s["year"].astype(str)  # noqa: E731  (years as categories: no "2,020.5" ticks)
    fig = go.Figure([
        go.Bar(x=years(nosplit), y=nosplit["total"], name="Total (no split by sex published)", marker_color=PALETTE[6],
               visible=counts, hovertemplate="%{x}: %{y:,} arrivals<extra></extra>"),
        go.Bar(x=years(split), y=split["male"], name="Men", marker_color=PALETTE[0], visible=counts,
               hovertemplate="%{x}: %{y:,} men<extra></extra>"),
        go.Bar(x=years(split), y=split["female"], name="Women", marker_color=PALETTE[1], visible=counts,
               hovertemplate="%{x}: %{y:,} women<extra></extra>"),
        go.Scatter(x=years(split), y=split["share"].astype(float), name="Women, % of arrivals", mode="lines+markers",
                   line=dict(color=PALETTE[1], width=3), visible=share,
                   hovertemplate="%{x}: %{y:.1f}% women<extra></extra>"),
        go.Scatter(x=["1998", "2000"], y=blocks["female_pct"].astype(float).tolist()[:2], mode="markers",
                   name="Earlier blocks (to 1998; 1999-2001)", marker=dict(size=12, symbol="diamond", color=PALETTE[4]),
                   visible=share, customdata=blocks["period"].tolist()[:2],
                   hovertemplate="%{customdata}: %{y:.1f}% women<extra></extra>"),
    ])
    events = data.load("events").set_index("event_id")
    all_years = [str(y) for y in range(int(rows["year"].min()), int(rows["year"].max()) + 1)]
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=all_years, tickangle=-45)
    for i, eid in enumerate(KEY_EVENTS):
        if eid not in events.index:
            continue
        e = events.loc[eid]
        x = str(int(e["year"]))
        fig.add_shape(type="line", x0=x, x1=x, xref="x", yref="paper", y0=0, y1=1,
                      line=dict(color="#777", width=1, dash="dot"))
        fig.add_annotation(x=x, y=1.0 - 0.07 * (i % 3), xref="x", yref="paper", text=str(e["title"])[:34],
                           showarrow=False, xanchor="left", font=dict(size=10, color="#333"),
                           bgcolor="rgba(255,255,255,0.8)")
    fig.update_layout(barmode="stack")
    peak = rows.loc[rows["total"].idxmax()]
    last = rows.iloc[-1]
    s2002, s2019 = split.set_index("year")["share"].get(2002), split.set_index("year")["share"].get(2019)
    text = (f"Chart of arrivals of North Koreans in South Korea each year from {rows['year'].min()} to {last['year']}. "
            f"Arrivals rose to a peak of {int(peak['total']):,} in {peak['year']}, fell after 2011, and dropped to "
            f"{int(rows.set_index('year').loc[2021, 'total']) if 2021 in set(rows['year']) else 'a few dozen'} in 2021 "
            f"after the border closed; {int(last['total']):,} arrived in {last['year']}. ")
    if s2002 is not None and s2019 is not None:
        text += (f"Women were {float(s2002):.0f}% of arrivals in 2002 and {float(s2019):.0f}% in 2019; in the "
                 f"published blocks they were 12% up to 1998. Dotted lines mark key events.")
    y_title = "Arrivals in South Korea (people)" if counts else "Women among arrivals (%)"
    sources = list(rows["source_id"].unique())
    style(fig, "North Koreans arriving in South Korea, by year", "Year", y_title, sources,
          text, height=470)
    return fig


ESTIMATOR_COLOURS = {"government_china": "#D55E00", "government_rok": "#0072B2", "government_us": "#56B4E9",
                     "un": "#009E73", "ngo": "#E69F00", "academic": "#CC79A7", "news": "#000000", "seed": NEUTRAL}
ESTIMATOR_LABELS = {"government_china": "China's government", "government_rok": "South Korea's government",
                    "government_us": "U.S. government", "un": "UN (UNHCR)", "ngo": "NGOs and advocates",
                    "academic": "Scholars", "news": "News media", "seed": "Seed articles"}


def china_rows(frame: pd.DataFrame) -> pd.DataFrame:
    rows = frame[frame["high"].notna() | frame["low"].notna()].copy()
    rows["low_plot"] = rows["low"].fillna(rows["high"])
    rows["high_plot"] = rows["high"].fillna(rows["low"])
    rows = rows.sort_values(["year", "est_id"])
    rows["hover"] = [f"<b>{html.escape(str(e))}</b> ({y})<br>{html.escape(str(v))}<br>Counts: {m}<br>"
                     f"Source: {html.escape(data.short_cite(s))}"
                     for e, y, v, m, s in zip(rows["estimator"].tolist(), rows["year"].tolist(),
                                              rows["value_text"].tolist(), rows["measure"].tolist(),
                                              rows["source_id"].tolist())]
    return rows


def china_series(rows: pd.DataFrame) -> dict:
    """estimator type -> (xs, ys, hovertext) for the range chart of China estimates."""
    series = {kind: ([], [], []) for kind in ESTIMATOR_LABELS}
    seen = {kind: 0 for kind in ESTIMATOR_LABELS}
    offset = {kind: (i - 3.5) * 0.03 for i, kind in enumerate(ESTIMATOR_LABELS)}
    for kind, year, lo, hi, text in zip(rows["estimator_type"].tolist(), rows["year"].tolist(),
                                        rows["low_plot"].tolist(), rows["high_plot"].tolist(), rows["hover"].tolist()):
        x = year + (seen[kind] % 3 - 1) * 0.12 + offset[kind]
        seen[kind] += 1
        xs, ys, hover = series[kind]
        xs += [x, x, None]
        ys += [lo, hi, None]
        hover += [text, text, None]
    return series


def china_estimates(frame: pd.DataFrame | None = None, log_y: bool = True) -> go.Figure:
    """How many North Koreans in China: every estimate as a low-high range by year, by kind of estimator.

    >>> fig = china_estimates()
    >>> fig.layout.yaxis.type
    'log'
    """
    frame = data.load("china_estimates") if frame is None else frame
    rows = china_rows(frame)
    traces = [go.Scatter(x=xs, y=ys, mode="lines+markers", name=ESTIMATOR_LABELS[kind],
                         line=dict(color=ESTIMATOR_COLOURS[kind], width=5),
                         marker=dict(size=7, symbol="line-ew-open", line=dict(width=2)),
                         hovertext=hover, hoverinfo="text")
              for kind, (xs, ys, hover) in china_series(rows).items()]
    fig = go.Figure(traces)
    if log_y:
        fig.update_yaxes(**log_axis(6_000, 400_000), showgrid=True, gridcolor="#eee")
    else:
        fig.update_yaxes(type="linear", tickformat=",", showgrid=True, gridcolor="#eee")
    fig.update_xaxes(tickformat="d", dtick=1, tickangle=-45)
    return style(fig, "How many North Koreans are in China? Estimates by year and by who made them",
                 "Year of the estimate", "People (low to high; log scale)" if log_y else "People (low to high)",
                 rows["source_id"].unique(), china_description(rows), height=500)


def china_description(rows: pd.DataFrame) -> str:
    if rows.empty:
        return "No estimate matches the current filter."
    lo, hi = rows["low_plot"].min(), rows["high_plot"].max()
    by = rows.groupby("estimator_type")["high_plot"].median().sort_values()
    parts = [f"{ESTIMATOR_LABELS.get(k, k)} {fmt_int(v)}" for k, v in by.items()]
    return (f"Range chart of {len(rows)} estimates, {rows['year'].min()} to {rows['year'].max()}, from "
            f"{fmt_int(lo)} to {fmt_int(hi)} people. Median high figure by estimator: {'; '.join(parts)}.")


def repatriations(frame: pd.DataFrame | None = None) -> go.Figure:
    """Recorded forced returns from China, event by event (the lower figure where a range is given).

    >>> fig = repatriations()
    >>> fig.layout.xaxis.title.text
    'People returned (lower figure where sources give a range)'
    """
    frame = data.load("repatriations") if frame is None else frame
    rows = frame[(frame["measure"] == "forced_return") & frame["low"].notna()].copy()
    rows = rows.drop_duplicates(subset=["year", "event"], keep="first")
    rows["when"] = rows["date"].dt.strftime("%d %b %Y").where(rows["date"].notna(), rows["date_text"])
    rows["label"] = rows["when"].astype(str) + ": " + rows["event"].str.slice(0, 40)
    rows = rows.sort_values(["year", "rep_id"])
    hover = [f"<b>{html.escape(str(r.event))}</b><br>{html.escape(str(r.value_text))} people<br>"
             f"Reported by: {html.escape(str(r.reported_by))}<br>Source: {html.escape(data.short_cite(r.source_id))}"
             for r in rows.itertuples()]
    colours = [PALETTE[0] if y < 2020 else PALETTE[3] for y in rows["year"]]
    fig = go.Figure(go.Bar(x=rows["low"].astype(float), y=rows["label"], orientation="h", marker_color=colours,
                           hovertext=hover, hoverinfo="text", name="Forced returns",
                           text=[str(v) for v in rows["value_text"]], textposition="outside", cliponaxis=False))
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["label"])[::-1], tickfont=dict(size=11))
    fig.update_xaxes(type="log", showgrid=True, gridcolor="#eee")
    recent = rows[rows["year"] >= 2020]
    biggest = recent.loc[recent["low"].idxmax()] if len(recent) else rows.loc[rows["low"].idxmax()]
    text = (f"Bar chart of {len(rows)} recorded forced returns from China, on a log scale. Yearly counts from a "
            f"Chinese research institute for 1996-1998 run into the thousands; since the 2020 border closure the "
            f"records are single events, the largest on {biggest['when']} ({biggest['value_text']} people). "
            "No yearly series exists for 2001-2019.")
    fig.update_xaxes(title_text="People returned (lower figure where sources give a range)")
    return style(fig, "Forced returns from China that were recorded, event by event",
                 "People returned (lower figure where sources give a range)", "",
                 rows["source_id"].unique(), text, height=max(420, 26 * len(rows) + 160))


# --- lesson 03 -----------------------------------------------------------------

STATES = {"CN": "China", "KP": "North Korea", "KR": "South Korea"}
STATE_COLOURS = {"CN": "#D55E00", "KP": "#0072B2", "KR": "#009E73"}
TREATY_NAMES = {"REFCONV1951": "Refugee Convention (1951)", "PROTOCOL1967": "Refugee Protocol (1967)",
                "CAT": "Convention against Torture", "ICESCR": "Covenant on Economic, Social and Cultural Rights",
                "ICCPR": "Covenant on Civil and Political Rights", "CRC": "Convention on the Rights of the Child",
                "CEDAW": "Convention on Discrimination against Women"}
BINDING = {"ratification", "accession"}


def treaty_status_summary(state: str, treaty: str, frame: pd.DataFrame | None = None) -> dict:
    """Whether a state is bound by a treaty, and since when (preferred rows only).

    >>> treaty_status_summary("CN", "CAT")["status"]
    'party'
    >>> str(treaty_status_summary("CN", "CAT")["since"].date())
    '1988-11-03'
    >>> treaty_status_summary("CN", "ICCPR")["status"]
    'signed, not ratified'
    >>> treaty_status_summary("KP", "REFCONV1951")["status"]
    'not a party'
    """
    frame = data.load("treaty_status") if frame is None else frame
    rows = frame[(frame["state"] == state) & (frame["treaty_short"] == treaty) & frame["preferred"]]
    actions = set(rows["action"])
    if actions & BINDING:
        force = rows[rows["action"] == "entry_into_force"]["date"].dropna()
        joined = rows[rows["action"].isin(BINDING)]
        since = force.min() if len(force) else joined["date"].min()
        how = "accession" if "accession" in actions else "ratification"
        text = "" if pd.notna(since) else str(joined["date_text"].dropna().iloc[0]) if joined["date_text"].notna().any() else ""
        return {"status": "party", "since": since, "how": how, "since_text": text}
    if "signature" in actions:
        return {"status": "signed, not ratified", "since": pd.NaT, "how": "signature", "since_text": ""}
    return {"status": "not a party", "since": pd.NaT, "how": "", "since_text": ""}


def treaty_timeline(frame: pd.DataFrame | None = None, highlight: str | None = None) -> go.Figure:
    """Signatures, ratifications and accessions by China, North Korea and South Korea beside key events.

    >>> fig = treaty_timeline()
    >>> [t.name for t in fig.data]
    ['China', 'North Korea', 'South Korea']
    """
    frame = data.load("treaty_status") if frame is None else frame
    rows = frame[frame["preferred"] & frame["date"].notna() & frame["action"].isin(BINDING | {"signature"})].copy()
    order = list(TREATY_NAMES)
    rows["treaty_name"] = rows["treaty_short"].map(TREATY_NAMES)
    traces = []
    for i, (code, name) in enumerate(STATES.items()):
        part = rows[rows["state"] == code]
        offset = (i - 1) * 0.18
        y = [order.index(t) + offset for t in part["treaty_short"]]
        symbols = ["circle-open" if a == "signature" else "circle" for a in part["action"]]
        opacity = 1.0 if highlight in (None, code) or highlight in set(part["treaty_short"]) else 0.25
        hover = [f"<b>{name}</b>: {a} of the {html.escape(TREATY_NAMES[t])}<br>{d:%d %b %Y}<br>"
                 f"Source: {html.escape(data.short_cite(s))}"
                 for a, t, d, s in zip(part["action"], part["treaty_short"], part["date"], part["source_id"])]
        traces.append(go.Scatter(x=part["date"], y=y, mode="markers", name=name, opacity=opacity,
                                 marker=dict(size=12, color=STATE_COLOURS[code], symbol=symbols,
                                             line=dict(width=2, color=STATE_COLOURS[code])),
                                 hovertext=hover, hoverinfo="text"))
    fig = go.Figure(traces)
    events = data.load("events").set_index("event_id")
    for eid in ["EV07", "EV12", "EV14", "EV17", "EV32", "EV33", "EV37"]:
        if eid in events.index:
            e = events.loc[eid]
            when = e["date"] if pd.notna(e["date"]) else pd.Timestamp(year=int(e["year"]), month=7, day=1)
            fig.add_shape(type="line", x0=when, x1=when, yref="paper", y0=0, y1=1,
                          line=dict(color="#888", width=1, dash="dot"))
            fig.add_annotation(x=when, y=1.02, yref="paper", text=str(e["title"])[:22], showarrow=False,
                               textangle=-30, xanchor="left", yanchor="bottom", font=dict(size=9, color="#444"))
    fig.update_yaxes(tickvals=list(range(len(order))), ticktext=[TREATY_NAMES[t] for t in order],
                     range=[-0.6, len(order) - 0.4], autorange="reversed")
    fig.update_xaxes(type="date", range=["1978-01-01", "2026-12-31"], showgrid=True, gridcolor="#eee")
    summaries = {t: treaty_status_summary("CN", t, frame) for t in order}
    by_1995 = [TREATY_NAMES[t] for t, r in summaries.items()
               if r["status"] == "party" and pd.notna(r["since"]) and r["since"].year <= 1995]
    later = [f"{TREATY_NAMES[t]} ({r['since'].year})" for t, r in summaries.items()
             if r["status"] == "party" and pd.notna(r["since"]) and r["since"].year > 1995]
    text = ("Timeline of when China, North Korea and South Korea signed (hollow circles) and ratified or acceded to "
            "(filled circles) seven treaties, with dotted lines for events from the famine to the 2023 mass return. "
            f"By the famine of the mid-1990s China was bound by: {'; '.join(by_1995)}. Later: {'; '.join(later) or 'none'}. "
            "China has signed but not ratified the Covenant on Civil and Political Rights. North Korea is not a party "
            "to the Refugee Convention.")
    fig = style(fig, "Who is bound by which treaty, and since when", "Date of signature, ratification or accession",
                "Treaty", rows["source_id"].unique(), text, height=520)
    fig.update_layout(margin=dict(t=110))
    return fig


THEME_LABELS = {
    "illegal_economic_migrants": "Illegal economic migrants", "humanitarian_handling": "Handled humanely, by law",
    "no_right_to_asylum_in_missions": "No asylum in foreign missions", "against_politicisation": "Against politicising it",
    "mass_influx_fear": "Fear of a mass influx", "bilateral_obligation": "Bilateral obligation to return",
    "anti_trafficking": "Against trafficking", "denial_of_returns": "Denies forced returns",
    "refugee_status": "They are (or may be) refugees", "non_refoulement": "Do not send them back",
    "access": "Let UNHCR have access", "sur_place": "Refugees sur place", "crimes_against_humanity": "Crimes against humanity",
}


def statement_years(frame: pd.DataFrame) -> pd.Series:
    """The year of each statement: from its date, or the first year named in date_text."""
    from_text = frame["date_text"].str.extract(r"((?:19|20)\d\d)")[0].astype("Float64")
    return frame["date"].dt.year.astype("Float64").fillna(from_text).astype("Int64")


def statements_chart(frame: pd.DataFrame | None = None) -> go.Figure:
    """Statements by year and theme: China's officials against everyone else.

    >>> fig = statements_chart()
    >>> [t.name for t in fig.data]
    ["China's officials", 'UN, UNHCR, South Korea and others']
    """
    frame = data.load("statements") if frame is None else frame
    frame = frame.assign(year=statement_years(frame))
    themes = [t for t in THEME_LABELS if t in set(frame["theme"])]
    traces = []
    for name, mask, colour, symbol in [("China's officials", frame["country"] == "CN", STATE_COLOURS["CN"], "diamond"),
                                       ("UN, UNHCR, South Korea and others", frame["country"] != "CN", PALETTE[0], "circle")]:
        part = frame[mask]
        jitter = [(sum(map(ord, s)) % 7 - 3) * 0.06 for s in part["stmt_id"]]  # stable, unlike hash()
        hover = [f"<b>{html.escape(str(sp))}</b> ({y})<br>{html.escape(str(su))[:160]}"
                 for sp, y, su in zip(part["speaker"], part["year"], part["summary"])]
        traces.append(go.Scatter(x=(part["year"].astype(float) + jitter), y=part["theme"].map(THEME_LABELS),
                                 mode="markers", name=name, marker=dict(size=11, color=colour, symbol=symbol,
                                                                         line=dict(width=1, color="white")),
                                 hovertext=hover, hoverinfo="text"))
    fig = go.Figure(traces)
    fig.update_yaxes(categoryorder="array", categoryarray=[THEME_LABELS[t] for t in themes][::-1])
    fig.update_xaxes(tickformat="d", dtick=2, range=[1999, 2025.5], showgrid=True, gridcolor="#eee")
    cn = frame[frame["country"] == "CN"]
    top = cn["theme"].value_counts()
    text = (f"Dot chart of {len(frame)} statements from {int(frame['year'].min())} to {int(frame['year'].max())} "
            f"by theme: {len(cn)} by China's officials and {len(frame) - len(cn)} by others. China's most frequent "
            f"theme is '{THEME_LABELS.get(top.index[0], top.index[0])}' ({int(top.iloc[0])} statements), repeated from "
            f"{int(cn[cn['theme'] == top.index[0]]['year'].min())} to {int(cn[cn['theme'] == top.index[0]]['year'].max())}.")
    return style(fig, "What officials said, year by year", "Year", "Theme", frame["source_id"].unique(), text,
                 height=520)


# --- lessons 04 and 05 ---------------------------------------------------------------

SIDE_X = {"migrants": 0.0, "neutral": 1.0, "refugees": 2.0}
SIDE_COLOURS = {"migrants": "#D55E00", "neutral": NEUTRAL, "refugees": "#0072B2"}
SIDE_LABELS = {"migrants": "Migrants: China may return them", "neutral": "Both sides or neither",
               "refugees": "Refugees: China must protect them"}
QUESTION_LABELS = {"status": "Are they refugees?", "bound": "Is China bound?",
                   "bilateral_vs_multilateral": "Protocols or treaties?", "access": "Access for UNHCR?"}
RELATION_STYLE = {"supports": ("#009E73", "solid"), "rebuts": ("#D55E00", "dash"), "qualifies": (NEUTRAL, "dot")}


def argument_layout(arguments: pd.DataFrame) -> pd.DataFrame:
    """x by side, y by question (claims of one side and question stacked), for the argument map."""
    rows = arguments.copy()
    order = list(QUESTION_LABELS)
    rows["q"] = rows["question"].map({q: i for i, q in enumerate(order)}).fillna(len(order))
    rows = rows.sort_values(["q", "side", "arg_id"])
    rows["slot"] = rows.groupby(["question", "side"]).cumcount()
    # Each question is a band; within it each side's claims are stacked in their own column.
    height = rows.groupby("q")["slot"].max() + 1
    top = (-(height + 0.8).cumsum() + height + 0.8).to_dict()
    rows["x"] = rows["side"].map(SIDE_X) + (rows["slot"] % 2) * 0.12
    rows["y"] = rows["q"].map(top) - rows["slot"]
    return rows


def argument_series(question: str, selected, layout: pd.DataFrame, links: pd.DataFrame):
    """The nodes shown and, per trace (relations, then sides), plain lists for the argument map."""
    nodes = layout if question == "all" else layout[layout["question"] == question]
    pos = {a: (x, y) for a, x, y in zip(nodes["arg_id"], nodes["x"], nodes["y"])}
    series = {}
    for relation in RELATION_STYLE:
        xs, ys = [], []
        for r in links[links["relation"] == relation].itertuples():
            if r.from_arg in pos and r.to_arg in pos:
                xs += [pos[r.from_arg][0], pos[r.to_arg][0], None]
                ys += [pos[r.from_arg][1], pos[r.to_arg][1], None]
        series[relation] = {"x": xs, "y": ys}
    for side in SIDE_X:
        part = nodes[nodes["side"] == side]
        series[side] = {
            "x": list(part["x"]), "y": list(part["y"]), "text": list(part["arg_id"]),
            "size": [22 if a == selected else 14 for a in part["arg_id"]],
            "hover": [f"<b>{a}</b> ({SIDE_LABELS[side]})<br>{html.escape(str(c))[:180]}<br>Source: "
                      f"{html.escape(data.short_cite(s))}" for a, c, s in zip(part["arg_id"], part["claim"], part["source_id"])]}
    return nodes, series


def argument_map(question: str = "all", selected: str | None = None,
                 arguments: pd.DataFrame | None = None, links: pd.DataFrame | None = None) -> go.Figure:
    """Claims as nodes (by side and question), links as lines: supports, rebuts, qualifies.

    >>> fig = argument_map()
    >>> [t.name for t in fig.data][:3]
    ['supports', 'rebuts', 'qualifies']
    """
    arguments = data.load("arguments") if arguments is None else arguments
    links = data.load("argument_links") if links is None else links
    nodes, series = argument_series(question, selected, argument_layout(arguments), links)
    traces = [go.Scatter(x=series[r]["x"], y=series[r]["y"], mode="lines", name=r, hoverinfo="skip",
                         line=dict(color=colour, width=1.5, dash=dash)) for r, (colour, dash) in RELATION_STYLE.items()]
    traces += [go.Scatter(x=series[side]["x"], y=series[side]["y"], mode="markers+text", name=SIDE_LABELS[side],
                          text=series[side]["text"], textposition="middle right", textfont=dict(size=10),
                          marker=dict(size=series[side]["size"], color=SIDE_COLOURS[side], line=dict(width=1, color="white")),
                          hovertext=series[side]["hover"], hoverinfo="text") for side in SIDE_X]
    fig = go.Figure(traces)
    layout = argument_layout(arguments)
    bands = layout.groupby("question")["y"].agg(["max", "min"])
    bands = bands[bands.index.isin(nodes["question"])]
    fig.update_yaxes(tickvals=list((bands["max"] + bands["min"]) / 2),
                     ticktext=[QUESTION_LABELS.get(q, q) for q in bands.index], showgrid=False, zeroline=False)
    fig.update_xaxes(tickvals=list(SIDE_X.values()), ticktext=["Migrants", "Both or neither", "Refugees"],
                     range=[-0.6, 2.7], showgrid=False, zeroline=False)
    counts = nodes["side"].value_counts()
    shown = links[links["from_arg"].isin(nodes["arg_id"]) & links["to_arg"].isin(nodes["arg_id"])]
    text = (f"Argument map of {len(nodes)} claims: {counts.get('migrants', 0)} for 'migrants', "
            f"{counts.get('refugees', 0)} for 'refugees' and {counts.get('neutral', 0)} on both sides or neither, "
            f"arranged by question, with {len(shown)} links: "
            + ", ".join(f"{int((shown['relation'] == r).sum())} {r}" for r in RELATION_STYLE) + ".")
    return style(fig, "The argument map: claims, and how they support or rebut each other", "Side",
                 "Question", nodes["source_id"].unique(), text, height=760)


def grand_timeline(frame: pd.DataFrame | None = None, since: int = 1990) -> go.Figure:
    """Every event in events.csv since 1990, in a lane for each lesson that discusses it.

    >>> fig = grand_timeline()
    >>> fig.layout.yaxis.title.text
    'Lesson'
    """
    frame = data.load("events") if frame is None else frame
    rows = frame.copy()
    rows["when"] = rows["date"].where(rows["date"].notna(),
                                      pd.to_datetime(rows["year"].astype(str) + "-07-01", errors="coerce"))
    early = rows[rows["year"] < since]
    rows = rows[rows["year"] >= since]
    lanes = ["01", "02", "03", "04", "05"]
    traces = []
    for i, lane in enumerate(lanes):
        part = rows[rows["lesson"].str.contains(lane, regex=False)]
        hover = [f"<b>{html.escape(str(t))}</b> ({html.escape(str(d.date()) if pd.notna(d) else '')})<br>"
                 f"{html.escape(str(desc))[:200]}<br>Source: {html.escape(data.short_cite(s))}"
                 for t, d, desc, s in zip(part["title"], part["date"], part["description"], part["source_id"])]
        traces.append(go.Scatter(x=part["when"], y=[f"Lesson {lane}"] * len(part), mode="markers",
                                 name=f"Lesson {lane}", marker=dict(size=11, color=PALETTE[i], symbol="diamond",
                                                                     line=dict(width=1, color="white")),
                                 hovertext=hover, hoverinfo="text"))
    fig = go.Figure(traces)
    fig.update_yaxes(categoryorder="array", categoryarray=[f"Lesson {x}" for x in lanes][::-1])
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eee")
    text = (f"Timeline of {len(rows)} events from {since} to {int(rows['year'].max())}, in a lane for each lesson "
            f"that discusses them; an event in several lanes joins those lessons. The busiest years are "
            + ", ".join(str(y) for y in rows["year"].value_counts().head(3).index)
            + f". {len(early)} earlier events (from the first Korean settlement of Yanbian) are in lesson 02.")
    return style(fig, "From the famine to the mass return: the events of every lesson", "Date", "Lesson",
                 rows["source_id"].unique(), text, height=420)


def options_support(options: pd.DataFrame | None = None) -> go.Figure:
    """For each policy option, how many of the role-play actors back it and how many oppose it.

    >>> len(options_support().data)
    2
    """
    options = data.load("options") if options is None else options
    count = lambda col: options[col].fillna("").map(lambda s: len([x for x in str(s).split(";") if x]))  # noqa: E731
    labels = options["option_id"] + "  " + options["title"].str.split(r" \(|:", regex=True).str[0].str.slice(0, 40)
    fig = go.Figure([
        go.Bar(y=labels, x=count("backed_by"), orientation="h", name="actors who back it", marker_color=PALETTE[0],
               hovertemplate="%{y}: backed by %{x} actors<extra></extra>"),
        go.Bar(y=labels, x=-count("opposed_by"), orientation="h", name="actors who oppose it", marker_color=PALETTE[3],
               customdata=count("opposed_by"), hovertemplate="%{y}: opposed by %{customdata} actors<extra></extra>"),
    ])
    fig.update_layout(barmode="relative")
    fig.update_yaxes(categoryorder="array", categoryarray=list(labels)[::-1])
    fig.update_xaxes(tickvals=list(range(-6, 7, 2)), ticktext=[str(abs(v)) for v in range(-6, 7, 2)], zeroline=True)
    best = options.loc[count("backed_by").idxmax()]
    text = (f"Diverging bar chart of {len(options)} policy options: to the right, how many of the role-play actors "
            f"back each; to the left, how many oppose it. The most widely backed is {best['option_id']} "
            f"({best['title']}). These are our readings of each actor's stated position, not votes.")
    return style(fig, "Who backs and who opposes each option", "Number of actors (opposing | backing)", "Option",
                 options["source_id"].unique(), text, height=460)
