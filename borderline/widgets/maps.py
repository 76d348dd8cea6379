"""The border map with a route to choose, and arrivals by year with counts or the women's share.

>>> box = border_map()
>>> box.controls["route"].value = box.controls["route"].options[1][1]
>>> "Total" in box.text.value
True
"""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from .. import charts, data, registry
from ..analysis import arrivals_frame, aspect, route_legs, route_path, route_view
from ..cards import legs_table_html
from ..i18n import ui
from ..widget_parts import html as html_widget
from .base import LABEL_STYLE, StaticView, box_of, chart_html, live_figure, table_html, view


def route_text(legs: pd.DataFrame | None) -> str:
    """The words under the map and, for a route, its legs and notes.

    >>> route_text(None).startswith('<p class="bl-description"')
    True
    """
    words = charts.words_html(charts.route_description(legs), ui("Map in words"))
    if legs is None:
        return words
    return words + legs_table_html(legs) + f"<p style='color:#555'>{html.escape(str(legs['notes'].iloc[0]))}</p>"


@registry.uses("places", "routes")
@view
def border_map() -> w.VBox:
    """The border region from shipped geometry; choose a route to highlight its legs.

    >>> box = border_map()
    >>> box.controls["route"].value = ""
    >>> tuple(box.figure.layout.xaxis.range) == charts.BORDER_REGION["lon"]
    True
    """
    routes = data.load("routes")
    names = routes.drop_duplicates("route_id")
    options = [(ui("None: show the border region"), "")] + [
        (f"{n} ({i})", i) for i, n in zip(names["route_id"], names["route_name"], strict=False)
    ]
    pick = w.Dropdown(
        options=options, value="", description=ui("Route:"), style=LABEL_STYLE, layout=w.Layout(width="560px")
    )
    fig = live_figure(charts.border_map())
    route_trace = len(fig.data) - 1
    town_labels = next(t.text for t in fig.data if t.name == charts.town_group())
    text = html_widget()

    def update(_change=None):
        legs = route_legs(pick.value, routes) if pick.value else None
        lon, lat = route_view(legs) if legs is not None else (charts.BORDER_REGION["lon"], charts.BORDER_REGION["lat"])
        with fig.batch_update():
            fig.data[route_trace].x, fig.data[route_trace].y = route_path(legs)
            fig.layout.xaxis.range, fig.layout.yaxis.range = lon, lat
            fig.layout.yaxis.scaleratio = aspect(lat)
            charts.hide_town_labels(fig, hide=lon[1] - lon[0] > 15, names=town_labels)
            fig.layout.title.text = charts.route_title(legs)
        text.value = route_text(legs)

    pick.observe(update, names="value")
    # no route yet: the chart as built shows the border region, and its own words are those under it
    text.value = charts.words_html(charts.description(fig), ui("Map in words"))
    return box_of([pick, fig, text], {"route": pick}, fig, text, "bl-border-map")


@registry.static_view(border_map)
def border_map_static() -> StaticView:
    """The border map in the handouts: the map and every route's legs as a table.

    >>> "Routes and their legs" in border_map_static()._repr_html_()
    True
    """
    routes = data.load("routes")
    legs = pd.concat([route_legs(r, routes) for r in routes["route_id"].unique()])
    table = legs[["route_name", "leg", "from_name", "to_name", "approx_km", "countries_crossed", "source_id"]]
    caption = ui("Routes and their legs (straight-line km)")
    return StaticView(ui("Border map"), chart_html(charts.border_map()), table_html(table, caption))


@registry.uses("arrivals", "events")
@view
def arrivals_timeline() -> w.VBox:
    """Arrivals in South Korea by year: switch between counts by sex and the women's share.

    >>> box = arrivals_timeline()
    >>> box.controls["view"].value = "share"
    >>> [t.visible for t in box.figure.data]
    [False, False, False, True, True]
    """
    fig = live_figure(charts.arrivals("counts"))
    choice = w.ToggleButtons(
        options=[(ui("Counts by sex"), "counts"), (ui("Women's share (%)"), "share")],
        value="counts",
        description=ui("Show:"),
        style=LABEL_STYLE,
        tooltips=[ui("Arrivals each year, men and women stacked"), ui("Women as a percentage of arrivals")],
    )
    text = html_widget()

    def update(_change=None):
        counts = choice.value == "counts"
        with fig.batch_update():
            for i, trace in enumerate(fig.data):
                trace.visible = counts if i < 3 else not counts
            fig.layout.yaxis.title.text = charts.arrivals_y_title(counts)
            fig.layout.yaxis.rangemode = "tozero"
        text.value = charts.words_html(charts.description(fig))

    choice.observe(update, names="value")
    update()
    return box_of([choice, fig, text], {"view": choice}, fig, text, "bl-arrivals")


@registry.static_view(arrivals_timeline)
def arrivals_timeline_static() -> StaticView:
    """The arrivals timeline in the handouts: the chart with two buttons that need no kernel, and the table.

    >>> "Women's share (%)" in arrivals_timeline_static()._repr_html_()
    True
    """
    from ..tables import arrivals_by_year

    fig = charts.arrivals("counts")
    counts = [True, True, True, False, False]
    fig.update_layout(
        updatemenus=[
            dict(
                type="buttons",
                direction="right",
                x=0,
                y=1.16,
                xanchor="left",
                buttons=[
                    dict(
                        label=ui("Counts by sex"),
                        method="update",
                        args=[{"visible": counts}, {"yaxis.title.text": charts.arrivals_y_title(True)}],
                    ),
                    dict(
                        label=ui("Women's share (%)"),
                        method="update",
                        args=[
                            {"visible": [not v for v in counts]},
                            {"yaxis.title.text": charts.arrivals_y_title(False)},
                        ],
                    ),
                ],
            )
        ]
    )
    years = arrivals_frame()["year"]
    return StaticView(
        ui("Arrivals timeline"), chart_html(fig), arrivals_by_year(int(years.min()), int(years.max())).to_html()
    )
