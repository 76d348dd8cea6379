"""Views of famine estimates: every estimate by method, and the per-capita calculator.

>>> box = estimate_explorer()
>>> box.controls["scale"].value = "linear"
>>> box.figure.layout.xaxis.type
'linear'
"""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from .. import charts, data, registry
from ..analysis import estimate_ranges, method_order, per_capita_rate, preferred_series, series_options
from ..i18n import ui
from ..widget_parts import html as html_widget
from ..widget_parts import row, shared
from .base import LABEL_STYLE, StaticView, box_of, chart_html, live_figure, pick_value, table_html, view


def scale_toggle() -> w.ToggleButtons:
    """The log-or-ordinary scale buttons the estimate explorers share, in the edition's language.

    >>> [label for label, _ in scale_toggle().options]
    ['Log scale', 'Ordinary scale']
    """
    return w.ToggleButtons(
        options=[(ui("Log scale"), "log"), (ui("Ordinary scale"), "linear")],
        value="log",
        description=ui("Scale:"),
        style=LABEL_STYLE,
        tooltips=[ui("Equal steps for each tenfold"), ui("Equal steps for equal numbers")],
    )


def _estimate_controls(frame: pd.DataFrame):
    methods = [m for m in method_order() if m in set(frame["method_group"])]
    names = data.labels("famine_estimates.method_group")
    checks = {
        m: w.Checkbox(value=True, description=names.get(m, m), indent=False, layout=shared(width="210px"))
        for m in methods
    }
    types = data.labels("famine_estimates.estimator_type")
    present = set(frame["estimator_type"].dropna())
    kinds = [(types[t], t) for t in types if t in present] + [(t, t) for t in sorted(present - set(types))]
    who = w.Dropdown(
        options=[(ui("everyone"), "all")] + kinds,
        value="all",
        description=ui("Made by:"),
        style=LABEL_STYLE,
    )
    return checks, who, scale_toggle()


@registry.uses("famine_estimates")
@view
def estimate_explorer(frame: pd.DataFrame | None = None) -> w.VBox:
    """Every famine death estimate as a range; filter by method and by who made it.

    >>> box = estimate_explorer()
    >>> box.controls["who"].value = "government"
    >>> "Showing" in box.children[3].value
    True
    """
    frame = data.load("famine_estimates") if frame is None else frame
    fig = live_figure(charts.famine_estimates(frame))
    trace_of = {t.meta: i for i, t in enumerate(fig.data)}  # method -> trace (the legend may be translated)
    checks, who, scale = _estimate_controls(frame)
    counter, text = html_widget(), html_widget()
    every = charts.estimate_rows(frame)  # computed once; each change only filters it

    def update(_change=None):
        rows = every[every["method_group"].isin([m for m, c in checks.items() if c.value])]
        if who.value != "all":
            rows = rows[rows["estimator_type"] == who.value]
        series = charts.estimate_series(rows)
        with fig.batch_update():
            for name, i in trace_of.items():
                fig.data[i].x, fig.data[i].y, fig.data[i].hovertext = series.get(name, ([], [], []))
            fig.layout.yaxis.categoryarray = list(rows["label"])[::-1]
            fig.layout.xaxis.type = scale.value
            fig.layout.xaxis.title.text = charts.estimates_x_title(scale.value == "log")
        counter.value = (
            "<b>"
            + ui("Showing {shown} of {count} estimates with a figure.", shown=len(rows), count=len(every))
            + "</b>"
        )
        text.value = charts.words_html(charts.estimates_description(rows, len(frame)))

    for control in [who, scale, *checks.values()]:
        control.observe(update, names="value")
    update()
    methods = w.HBox(
        [
            w.Label(ui("Methods shown:"), layout=w.Layout(flex="0 0 auto", width="auto")),
            w.HBox(list(checks.values()), layout=w.Layout(flex_flow="row wrap")),
        ]
    )
    controls = {"scale": scale, "who": who, **{f"method:{m}": c for m, c in checks.items()}}
    return box_of([row([who, scale]), methods, counter, fig, text], controls, fig, text, "bl-estimate-explorer")


@registry.static_view(estimate_explorer)
def estimate_explorer_static(frame: pd.DataFrame | None = None) -> StaticView:
    """The estimate explorer in the handouts: the chart and every estimate as a table.

    >>> "Every estimate</caption>" in estimate_explorer_static()._repr_html_()
    True
    """
    frame = data.load("famine_estimates") if frame is None else frame
    cols = ["est_id", "estimator", "method_group", "low", "high", "period", "unit", "source_id"]
    table = table_html(frame[cols], ui("Every estimate"))
    return StaticView(ui("Estimate explorer"), chart_html(charts.famine_estimates(frame)), table)


def rate_lines(r: dict) -> list[str]:
    """The result lines of the per-capita calculator for one ``per_capita_rate`` result.

    >>> r = per_capita_rate(estimate_ranges(data.load("famine_estimates"))["est_id"].iloc[0])
    >>> rate_lines(r)[1].startswith("Share of the population: <b>")
    True
    """
    ref = charts.reference()
    lines = [
        ui(
            "{deaths} deaths ({which} figure of {estimate}) out of {population} people ({series}, {year})",
            deaths=f"<b>{charts.fmt_int(r['deaths'])}</b>",
            which=html.escape(ui(r["which"])),
            estimate=html.escape(r["est_id"]),
            population=f"<b>{charts.fmt_int(r['population'])}</b>",
            series=html.escape(r["series"]),
            year=r["population_year"],
        ),
        ui("Share of the population: {share}", share=f"<b>{r['share_pct']:.2f}%</b>"),
    ]
    if r["per_100k_year"] is None:
        no_rate = ui(
            "this estimate does not say which years it covers ('{period}'), so there is no yearly rate. Pick another estimate.",
            period=html.escape(r["period"]),
        )
        lines.append(ui("Per 100,000 a year: {rate}", rate=f"<i>{no_rate}</i>"))
    else:
        rate = r["per_100k_year"]
        lines.append(
            ui(
                "Over {years} years ({period}): {rate}, {times} times {reference}.",
                years=r["years"],
                period=html.escape(r["period"]),
                rate="<b>" + ui("{rate} per 100,000 a year", rate=f"{rate:,.0f}") + "</b>",
                times=f"{rate / ref['value']:,.1f}",
                reference=html.escape(ref["short"], quote=False),
            )
        )
    return lines


def _estimate_options(usable: pd.DataFrame) -> list:
    def span(r):
        low, high = charts.fmt_int(r.low_plot), charts.fmt_int(r.high_plot)
        return low if r.low_plot == r.high_plot else ui("{low} to {high}", low=low, high=high)

    return [(f"{r.est_id}: {r.estimator[:48]} ({span(r)})", r.est_id) for r in usable.itertuples()]


def _calculator_controls(est: pd.DataFrame, pop: pd.DataFrame, start: str | None) -> dict:
    options = _estimate_options(estimate_ranges(est).sort_values("est_id"))
    wide = w.Layout(width="640px")
    pick = w.Dropdown(
        options=options, value=pick_value(options, start), description=ui("Estimate:"), style=LABEL_STYLE, layout=wide
    )
    which = w.ToggleButtons(
        options=[(ui("Low"), "low"), (ui("Midpoint"), "midpoint"), (ui("High"), "high")],
        value="high",
        description=ui("Use its:"),
        style=LABEL_STYLE,
    )
    series = w.Dropdown(
        options=series_options(pop),
        value=preferred_series(pop),
        description=ui("Population:"),
        style=LABEL_STYLE,
        layout=wide,
    )
    return {"estimate": pick, "which": which, "population": series}


def show_rate(fig, text, r: dict) -> None:
    """Show one ``per_capita_rate`` result: the lines of text, and the bar beside the reference rate.

    >>> r = per_capita_rate(estimate_ranges(data.load("famine_estimates"))["est_id"].iloc[0])
    >>> fig, text = live_figure(charts.per_capita(1, "x", r["sources"])), w.HTML()
    >>> show_rate(fig, text, r)
    >>> fig.data[0].y[0] == f"{r['est_id']} (high)" and "Share of the population" in text.value
    True
    """
    name = f"{r['est_id']} ({ui(r['which'])})"
    values, names, labels, words = charts.per_capita_parts(r["per_100k_year"] or 0.0, name)
    sources = r["sources"] + [charts.reference()["source_id"]]
    lines = '<div class="bl-result" role="status">' + "<br>".join(rate_lines(r)) + "</div>"
    with fig.batch_update():  # the chart first: its update leaves the kernel before the text's
        fig.data[0].x, fig.data[0].y, fig.data[0].text = values, names, labels
        fig.layout.meta = dict(description=words, sources=sources, table=charts.per_capita_table(values, names))
        fig.layout.annotations[0].text = data.source_line(sources)
    text.value = lines


@registry.uses("famine_estimates", "population")
@view
def per_capita_calculator(
    start: str | None = None, estimates: pd.DataFrame | None = None, population: pd.DataFrame | None = None
) -> w.VBox:
    """Pick an estimate and a population series; see the share and the yearly rate.

    ``start`` is the estimate shown first (else the first in the list).

    >>> box = per_capita_calculator()
    >>> box.controls["estimate"].value = box.controls["estimate"].options[-1][1]
    >>> "Share of the population" in box.text.value
    True
    """
    est = data.load("famine_estimates") if estimates is None else estimates
    pop = data.load("population") if population is None else population
    controls = _calculator_controls(est, pop, start)
    pick, which, series = controls.values()
    first = per_capita_rate(pick.value, which.value, series.value, est, pop)
    fig = live_figure(charts.per_capita(1, ui("estimate"), first["sources"]))
    text = html_widget()

    def update(_change=None):
        show_rate(fig, text, per_capita_rate(pick.value, which.value, series.value, est, pop))

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return box_of([pick, which, series, text, fig], controls, fig, text, "bl-per-capita")


@registry.static_view(per_capita_calculator)
def per_capita_calculator_static(start=None, estimates=None, population=None) -> StaticView:
    """The calculator in the handouts: the high figure of each estimate against the preferred population.

    >>> "per 100,000 a year" in per_capita_calculator_static()._repr_html_()
    True
    """
    est = data.load("famine_estimates") if estimates is None else estimates
    pop = data.load("population") if population is None else population
    series = preferred_series(pop)
    rows = []
    for r in estimate_ranges(est).sort_values("est_id").itertuples():
        x = per_capita_rate(r.est_id, "high", series, est, pop)
        rows.append(
            {
                "estimate": r.est_id,
                "deaths (high)": int(x["deaths"]),
                "population": x["population"],
                "year": str(x["population_year"]),
                "share %": round(x["share_pct"], 2),
                "per 100,000 a year": None if x["per_100k_year"] is None else round(x["per_100k_year"]),
            }
        )
    table = pd.DataFrame(rows).astype({"deaths (high)": "Int64", "population": "Int64", "per 100,000 a year": "Int64"})
    table = table.rename(columns={c: ui(c) for c in table.columns})  # keys: estimate, deaths (high), population, ...
    name = pop[pop["series_id"] == series]["series"].iloc[0]
    caption = ui(
        "High figure of each estimate against the population in its first year ({series}; blank: no period given)",
        series=name,
    )
    return StaticView(ui("Per-capita calculator"), table_html(table, caption))
