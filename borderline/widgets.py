"""Interactive views: each builder takes data and returns an ipywidgets container.

Builders never display anything; the notebook shows what they return. Every
container carries ``.controls`` (a dict of its labelled controls), and most
carry ``.figure`` (a plotly FigureWidget) and ``.text`` (an HTML widget), so a
test can set ``box.controls["scale"].value = "linear"`` and read the result.
The arithmetic behind each view is a plain function (``per_capita_rate``)
that tests call directly.

>>> box = estimate_explorer()
>>> box.controls["scale"].value = "linear"
>>> box.figure.layout.xaxis.type
'linear'
"""

from __future__ import annotations

import functools
import html
import importlib.metadata as md
import platform

import ipywidgets as w
import pandas as pd
import plotly.graph_objects as go

from . import charts, data, exercises, journal


# --- static views for the printable, offline handouts -------------------------------------

class StaticView:
    """What a widget becomes in the handouts: charts and tables as plain HTML, no kernel needed."""

    def __init__(self, title: str, *parts: str):
        self.title, self.parts = title, parts

    def _repr_html_(self) -> str:
        note = (f'<p class="bl-static-note"><em>{html.escape(self.title)}: interactive in JupyterLab; '
                "shown here at its default setting with the data behind it.</em></p>")
        return '<div class="bl-static">' + note + "".join(self.parts) + "</div>"


def _static(static_builder):
    """Use ``static_builder`` instead of the widget while the handouts are being built."""
    def wrap(builder):
        @functools.wraps(builder)
        def inner(*args, **kwargs):
            if charts.is_static():
                return static_builder(*args, **kwargs)
            return builder(*args, **kwargs)
        return inner
    return wrap


def _chart(fig) -> str:
    return charts.figure_html(fig) + charts.description_html(fig)


def _table(frame: pd.DataFrame, caption: str = "") -> str:
    styled = data._styled(frame.reset_index(drop=True))
    if caption:
        styled = styled.set_caption(caption)
    return styled.to_html()

__all__ = ["estimate_explorer", "per_capita_rate", "per_capita_calculator", "exercise", "journal_entry",
           "opening_position", "setup_check", "glossary_browser", "POSITIONS", "border_map", "arrivals_timeline",
           "china_estimates_explorer", "treaty_explorer", "statements_browser", "treaty_table", "filter_statements",
           "status_checker", "grade_case", "argument_map", "options_board", "role_cards", "final_position"]

WIDE = w.Layout(width="auto")
LABEL_STYLE = {"description_width": "initial"}


_CSS = w.HTML("<style>.bl-widget .widget-html-content{line-height:1.45}"
              ".bl-widget table{border-collapse:collapse;margin:4px 0}"
              ".bl-widget th,.bl-widget td{padding:3px 8px;vertical-align:top;border-bottom:1px solid #e4e4e4}"
              ".bl-widget caption{text-align:left;color:#444}</style>")


def _box(children, controls, figure=None, text=None, css="bl-widget", probe=True):
    box = w.VBox([_CSS, *children], layout=w.Layout(width="100%"))
    box.add_class("bl-widget")
    if probe and controls:
        # The browser tests operate the control marked "bl-probe" and check that the view changes.
        next(iter(controls.values())).add_class("bl-probe")
    box.add_class(css)
    box.controls, box.figure, box.text = controls, figure, text
    return box


def _note(message: str) -> w.HTML:
    return w.HTML(f'<p style="color:#555;margin:2px 0">{message}</p>')


# --- estimate explorer ------------------------------------------------------------

def estimate_explorer(frame: pd.DataFrame | None = None) -> w.VBox:
    """Every famine death estimate as a range; filter by method and by who made it.

    >>> box = estimate_explorer()
    >>> box.controls["who"].value = "government"
    >>> "Showing 4 of" in box.children[3].value or "Showing" in box.children[3].value
    True
    """
    frame = data.load("famine_estimates") if frame is None else frame
    base = charts.famine_estimates(frame)
    fig = go.FigureWidget(base)
    methods = [m for m in charts.METHOD_ORDER if m in set(frame["method_group"])]
    trace_of = {t.name: i for i, t in enumerate(fig.data)}
    checks = {m: w.Checkbox(value=True, description=m, indent=False, layout=w.Layout(width="210px")) for m in methods}
    types = ["all"] + sorted(frame["estimator_type"].dropna().unique())
    who = w.Dropdown(options=[(t if t != "all" else "everyone", t) for t in types], value="all",
                     description="Made by:", style=LABEL_STYLE)
    scale = w.ToggleButtons(options=[("Log scale", "log"), ("Ordinary scale", "linear")], value="log",
                            description="Scale:", style=LABEL_STYLE,
                            tooltips=["Equal steps for each tenfold", "Equal steps for equal numbers"])
    counter = w.HTML()
    text = w.HTML()
    controls = {"scale": scale, "who": who, **{f"method:{m}": c for m, c in checks.items()}}

    every = charts.estimate_ranges(frame)  # computed once; each change only filters it

    def update(_change=None):
        chosen = [m for m, c in checks.items() if c.value]
        rows = every[every["method_group"].isin(chosen)]
        if who.value != "all":
            rows = rows[rows["estimator_type"] == who.value]
        series = charts.estimate_series(rows)
        with fig.batch_update():
            for name, i in trace_of.items():
                xs, ys, hover = series.get(name, ([], [], []))
                fig.data[i].x, fig.data[i].y, fig.data[i].hovertext = xs, ys, hover
            fig.layout.yaxis.categoryarray = list(rows["label"])[::-1]
            fig.layout.xaxis.type = scale.value
            fig.layout.xaxis.title.text = ("Deaths (low to high estimate; log scale)" if scale.value == "log"
                                           else "Deaths (low to high estimate)")
        shown = len(rows)
        counter.value = f"<b>Showing {shown} of {len(every)} estimates with a figure.</b>"
        text.value = charts.words_html(charts.estimates_description(rows, len(frame)))

    for control in [who, scale, *checks.values()]:
        control.observe(update, names="value")
    update()
    method_row = w.HBox([w.Label("Methods shown:"), w.HBox(list(checks.values()), layout=w.Layout(flex_flow="row wrap"))])
    return _box([w.HBox([who, scale]), method_row, counter, fig, text], controls, fig, text, "bl-estimate-explorer")


# --- per-capita calculator ----------------------------------------------------------

def _population(series_id: str, year: int, pop: pd.DataFrame):
    rows = pop[pop["series_id"] == series_id]
    if rows.empty:
        raise data.DataError("datasets/population.csv", f"there is no population series '{series_id}'.")
    exact = rows[rows["year"] == year]
    if len(exact):
        r = exact.iloc[0]
    else:
        r = rows.iloc[(rows["year"] - year).abs().argsort().iloc[0]]
    return int(r["population"]), int(r["year"]), str(r["series"]), str(r["source_id"])


def per_capita_rate(est_id: str, which: str = "high", series_id: str = "wb2026",
                    estimates: pd.DataFrame | None = None, population: pd.DataFrame | None = None) -> dict:
    """Deaths as a share of the population and per 100,000 per year.

    The population is taken in the first year the estimate covers (or the
    nearest year the series has).

    >>> r = per_capita_rate("E01", "high", "census1993")
    >>> round(r["share_pct"], 2), r["years"]
    (1.04, 4)
    >>> round(r["per_100k_year"])
    259
    """
    est = data.load("famine_estimates") if estimates is None else estimates
    pop = data.load("population") if population is None else population
    row = est[est["est_id"] == est_id]
    if row.empty:
        raise data.DataError("datasets/famine_estimates.csv", f"there is no estimate '{est_id}'.")
    r = row.iloc[0]
    low = r["low"] if pd.notna(r["low"]) else r["high"]
    high = r["high"] if pd.notna(r["high"]) else r["low"]
    if pd.isna(low):
        raise data.DataError("datasets/famine_estimates.csv", f"estimate {est_id} gives no figure to work with.")
    deaths = {"low": float(low), "high": float(high), "midpoint": (float(low) + float(high)) / 2}[which]
    start = int(r["period_start"]) if pd.notna(r["period_start"]) else None
    end = int(r["period_end"]) if pd.notna(r["period_end"]) else None
    year = start if start else 1995
    population_value, pop_year, series, pop_source = _population(series_id, year, pop)
    years = (end - start + 1) if start and end else None
    share = deaths / population_value * 100
    rate = deaths / years / population_value * 100_000 if years else None
    return {"est_id": est_id, "estimator": str(r["estimator"]), "deaths": deaths, "which": which,
            "population": population_value, "population_year": pop_year, "series": series,
            "years": years, "period": str(r["period"]), "share_pct": share, "per_100k_year": rate,
            "sources": [str(r["source_id"]), pop_source]}


def _series_options(pop: pd.DataFrame):
    seen = pop.drop_duplicates("series_id")
    seen = seen[seen["kind"] != "claim"]
    order = seen.sort_values(["preferred", "kind"], ascending=[False, True])
    return [(s, i) for s, i in zip(order["series"], order["series_id"])]


def per_capita_calculator(estimates: pd.DataFrame | None = None, population: pd.DataFrame | None = None) -> w.VBox:
    """Pick an estimate and a population series; see the share and the yearly rate.

    >>> box = per_capita_calculator()
    >>> box.controls["estimate"].value = "E15"
    >>> "3,500,000" in box.text.value
    True
    """
    est = data.load("famine_estimates") if estimates is None else estimates
    pop = data.load("population") if population is None else population
    usable = charts.estimate_ranges(est).sort_values("est_id")
    options = [(f"{r.est_id}: {r.estimator[:48]} ({charts.fmt_int(r.low_plot)}"
                + (f" to {charts.fmt_int(r.high_plot)})" if r.low_plot != r.high_plot else ")"), r.est_id)
               for r in usable.itertuples()]
    pick = w.Dropdown(options=options, value="E02" if "E02" in usable["est_id"].values else options[0][1],
                      description="Estimate:", style=LABEL_STYLE, layout=w.Layout(width="640px"))
    which = w.ToggleButtons(options=[("Low", "low"), ("Midpoint", "midpoint"), ("High", "high")], value="high",
                            description="Use its:", style=LABEL_STYLE)
    series = w.Dropdown(options=_series_options(pop), value="wb2026", description="Population:",
                        style=LABEL_STYLE, layout=w.Layout(width="640px"))
    fig = go.FigureWidget(charts.per_capita(1, "estimate", ["WB2026"]))
    text = w.HTML()
    controls = {"estimate": pick, "which": which, "population": series}

    def update(_change=None):
        r = per_capita_rate(pick.value, which.value, series.value, est, pop)
        lines = [f"<b>{charts.fmt_int(r['deaths'])}</b> deaths ({html.escape(r['which'])} figure of "
                 f"{html.escape(r['est_id'])}) out of <b>{charts.fmt_int(r['population'])}</b> people "
                 f"({html.escape(r['series'])}, {r['population_year']})",
                 f"Share of the population: <b>{r['share_pct']:.2f}%</b>"]
        if r["per_100k_year"] is None:
            lines.append("Per 100,000 a year: <i>this estimate does not say which years it covers "
                         f"('{html.escape(r['period'])}'), so there is no yearly rate. Pick another estimate.</i>")
            rate = 0.0
        else:
            rate = r["per_100k_year"]
            lines.append(f"Over {r['years']} years ({html.escape(r['period'])}): <b>{rate:,.0f} per 100,000 a year</b>, "
                         f"{rate / 50:,.1f} times seed 004's 'about 50 per 100,000'.")
        text.value = '<div class="bl-result" role="status">' + "<br>".join(lines) + "</div>"
        values, names, labels, words = charts.per_capita_parts(rate, f"{r['est_id']} ({r['which']})")
        with fig.batch_update():
            fig.data[0].x, fig.data[0].y, fig.data[0].text = values, names, labels
            fig.layout.meta = dict(description=words, sources=r["sources"] + ["S004"])
            fig.layout.annotations[0].text = data.source_line(r["sources"] + ["S004"])

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return _box([pick, which, series, text, fig], controls, fig, text, "bl-per-capita")


# --- exercises and journal -----------------------------------------------------------

def _status(message: str) -> str:
    return f'<span style="color:#555;font-size:90%">{html.escape(message)}</span>'


def exercise(qid: str) -> w.VBox:
    """An answer box for exercise ``qid`` with Check and Hint buttons.

    The last answer is kept in the journal, so it is still there after a restart.

    >>> box = exercise("01.5")
    >>> box.controls["answer"].value = "11,500"
    >>> box.controls["check"].click()
    >>> "Correct" in box.text.value
    True
    """
    q = exercises._question(qid)
    if q is None:
        return _box([w.HTML(f"<b>There is no exercise {html.escape(str(qid))}.</b>")], {})
    key = f"answer.{qid}"
    saved = journal.get(key)
    if q.kind == "choice":
        answer = w.RadioButtons(options=[(label, k) for k, label in q.options.items()],
                                value=saved if saved in q.options else None,
                                description=q.label, style=LABEL_STYLE, layout=WIDE)
    else:
        answer = w.Text(value=saved, placeholder=q.placeholder, description=q.label,
                        style=LABEL_STYLE, continuous_update=False, layout=w.Layout(width="420px"))
    check_button = w.Button(description="Check", button_style="primary", icon="check",
                            tooltip=f"Check your answer to exercise {qid}")
    hint_button = w.Button(description="Hint", icon="lightbulb-o", tooltip="A hint that does not give the answer away")
    feedback = w.HTML(_status("Saved answers stay in your journal after a restart.") if not saved
                      else _status("Your saved answer is filled in. Press Check to see the feedback again."))

    def do_check(_=None):
        value = answer.value
        if value is None or str(value).strip() == "":
            feedback.value = exercises.Feedback(qid, False, "Type or choose an answer first.", kind="unreadable")._repr_html_()
            return
        journal.save(key, str(value))
        feedback.value = exercises.check(qid, value)._repr_html_()

    def do_hint(_=None):
        feedback.value = (f'<div class="bl-hint" role="status"><strong>Hint.</strong> {html.escape(q.hint)}</div>')

    check_button.on_click(do_check)
    hint_button.on_click(do_hint)
    controls = {"answer": answer, "check": check_button, "hint": hint_button}
    return _box([answer, w.HBox([check_button, hint_button]), feedback], controls, None, feedback, "bl-exercise",
                probe=False)


def journal_entry(key: str, label: str = "Your notes", placeholder: str = "Write here. It is saved as you go.",
                  rows: int = 4) -> w.VBox:
    """A text box whose contents are saved to the journal whenever they change.

    >>> box = journal_entry("test.entry", "Notes")
    >>> box.controls["text"].value = "A first thought"
    >>> journal.get("test.entry")
    'A first thought'
    """
    area = w.Textarea(value=journal.get(key), placeholder=placeholder, description=label, style=LABEL_STYLE,
                      rows=rows, continuous_update=False, layout=w.Layout(width="95%"))
    save_button = w.Button(description="Save", icon="save", tooltip="Save now (it also saves when you click away)")
    status = w.HTML(_status("Saved in your journal." if area.value else "Not written yet."))

    def do_save(_=None):
        try:
            journal.save(key, area.value)
        except OSError as exc:
            status.value = _status(f"Could not save ({exc.strerror}). Copy your text somewhere safe.")
            return
        status.value = _status(f"Saved in your journal ({journal.path().name}).")

    area.observe(do_save, names="value")
    save_button.on_click(do_save)
    return _box([area, w.HBox([save_button, status])], {"text": area, "save": save_button}, None, status,
                "bl-journal", probe=False)


POSITIONS = [
    ("Refugees: China must protect them", "refugees"),
    ("Migrants: China may return them", "migrants"),
    ("It depends on the person", "depends"),
    ("I am not sure yet", "unsure"),
]


def opening_position() -> w.VBox:
    """The student's first answer to the central question, saved for lesson 05.

    >>> box = opening_position()
    >>> box.controls["position"].value = "depends"
    >>> box.controls["why"].value = "Some fled hunger, some persecution."
    >>> journal.opening_answer()
    'It depends on the person. Why: Some fled hunger, some persecution.'
    """
    labels = dict((v, k) for k, v in POSITIONS)
    saved = journal.get(journal.OPENING_KEY + ".position")
    position = w.RadioButtons(options=POSITIONS, value=saved if saved in labels else None,
                              description="Where do you stand today?", style=LABEL_STYLE, layout=WIDE)
    why = w.Textarea(value=journal.get(journal.OPENING_KEY + ".why"), rows=3, continuous_update=False,
                     description="Why, in a sentence or two?", style=LABEL_STYLE, layout=w.Layout(width="95%"),
                     placeholder="There is no wrong answer today. You will come back to this in lesson 05.")
    status = w.HTML(_status("Saved." if saved else "Not saved yet."))

    def do_save(_=None):
        if position.value is None:
            status.value = _status("Choose a position first; the reason is saved with it.")
            journal.save(journal.OPENING_KEY + ".why", why.value)
            return
        journal.save(journal.OPENING_KEY + ".position", position.value)
        journal.save(journal.OPENING_KEY + ".why", why.value)
        text = labels[position.value].split(":")[0] if position.value != "depends" else "It depends on the person"
        if position.value == "unsure":
            text = "Not sure yet"
        journal.save(journal.OPENING_KEY, f"{text}. Why: {why.value.strip() or '(no reason given)'}")
        status.value = _status("Saved in your journal. Lesson 05 will show it to you again.")

    position.observe(do_save, names="value")
    why.observe(do_save, names="value")
    return _box([position, why, status], {"position": position, "why": why}, None, status, "bl-opening", probe=False)


# --- setup check and glossary -----------------------------------------------------------

def _version(name: str) -> str:
    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return "not installed"


def setup_check() -> w.VBox:
    """Versions, datasets, journal and a live chart: proof that everything works.

    >>> box = setup_check()
    >>> box.controls["bars"].value = 7
    >>> len(box.figure.data[0].x)
    7
    """
    checks = []
    try:
        counts = {name: len(data.load(name)) for name in data.names()}
        checks.append(("Datasets", True, f"{len(counts)} tables, {sum(counts.values())} rows, all valid"))
    except data.DataError as exc:
        checks.append(("Datasets", False, str(exc)))
    try:
        journal.save("setup.check", "ok")
        checks.append(("Journal", True, f"saves to {journal.path()}"))
    except OSError as exc:
        checks.append(("Journal", False, f"cannot write {journal.path()}: {exc.strerror}"))
    packages = ["pandas", "plotly", "ipywidgets", "anywidget", "jupyterlab"]
    versions = " · ".join([f"Python {platform.python_version()}"] + [f"{p} {_version(p)}" for p in packages])
    results = "".join(f"<li>{'✔' if ok else '✘'} <b>{html.escape(n)}</b>: {html.escape(m)}</li>" for n, ok, m in checks)
    table = w.HTML(f'<ul style="margin:0">{results}<li>Installed: {html.escape(versions)}</li></ul>')
    slider = w.IntSlider(value=5, min=1, max=10, description="Bars:", style=LABEL_STYLE, continuous_update=True)
    fig = go.FigureWidget(charts.tiny_check_chart(5))
    text = w.HTML()

    def update(_change=None):
        n = slider.value
        with fig.batch_update():
            fig.data[0].x, fig.data[0].y = [str(x) for x in range(1, n + 1)], [x * x for x in range(1, n + 1)]
            fig.layout.title.text = f"Setup check: the squares of 1 to {n}"
        text.value = ("<p><b>Works?</b> If you can see the chart and moving the slider changes the number of bars, "
                      f"your set-up is ready. Bar chart of the squares of 1 to {n}, rising from 1 to {n * n}.</p>")

    slider.observe(update, names="value")
    update()
    return _box([table, slider, fig, text], {"bars": slider}, fig, text, "bl-setup-check")


def glossary_browser(frame: pd.DataFrame | None = None) -> w.VBox:
    """Choose a term; see its meaning, its Korean and Chinese forms, who uses it and why it matters.

    >>> box = glossary_browser()
    >>> box.controls["term"].value = "refugee"
    >>> "Refugee" in box.text.value or "refugee" in box.text.value
    True
    """
    frame = data.load("glossary") if frame is None else frame
    pick = w.Dropdown(options=[(t, i) for t, i in zip(frame["term"], frame["term_id"])],
                      value="refugee" if "refugee" in set(frame["term_id"]) else frame["term_id"].iloc[0],
                      description="Term:", style=LABEL_STYLE, layout=w.Layout(width="420px"))
    card = w.HTML()

    def cell(value):
        return "" if pd.isna(value) else html.escape(str(value))

    def update(_change=None):
        r = frame[frame["term_id"] == pick.value].iloc[0]
        korean = cell(r["korean"]) + (f" <i>({cell(r['korean_romanised'])})</i>" if pd.notna(r["korean_romanised"]) else "")
        chinese = cell(r["chinese"]) + (f" <i>({cell(r['chinese_pinyin'])})</i>" if pd.notna(r["chinese_pinyin"]) else "")
        card.value = (f'<div class="bl-card" role="region" aria-label="Glossary entry"><h4 style="margin:4px 0">{cell(r["term"])}</h4>'
                      f"<p>{cell(r['definition'])}</p>"
                      f"<p><b>Korean:</b> {korean or '—'} &nbsp; <b>Chinese:</b> {chinese or '—'}</p>"
                      f"<p><b>Who uses it:</b> {cell(r['used_by'])}</p>"
                      f"<p><b>Why the word matters:</b> {cell(r['connotation'])}</p>"
                      f'<p style="color:#555;font-size:90%">Source: {html.escape(data.cite(str(r["source_id"]), url=False))}</p></div>')

    pick.observe(update, names="value")
    update()
    return _box([pick, card], {"term": pick}, None, card, "bl-glossary")


# --- lesson 02 ---------------------------------------------------------------------------

def _legs_table(legs: pd.DataFrame) -> str:
    rows = "".join(
        f"<tr><td>{r.leg}</td><td>{html.escape(r.from_name)} → {html.escape(r.to_name)}</td>"
        f"<td style='text-align:right'>{int(r.approx_km):,}</td><td>{html.escape(str(r.countries_crossed).replace(';', ', '))}</td>"
        f"<td>{html.escape(data.short_cite(r.source_id))}</td></tr>" for r in legs.itertuples())
    total = int(legs["approx_km"].sum())
    return ('<table class="bl-legs"><caption>Legs of the route (straight-line distances; real journeys are longer)'
            '</caption><tr><th scope="col">leg</th><th scope="col">from → to</th><th scope="col">km</th>'
            f'<th scope="col">countries</th><th scope="col">source</th></tr>{rows}'
            f"<tr><td></td><td><b>Total</b></td><td style='text-align:right'><b>{total:,}</b></td><td></td><td></td></tr></table>")


def border_map() -> w.VBox:
    """The border region from shipped geometry; choose a route to highlight its legs.

    >>> box = border_map()
    >>> box.controls["route"].value = "RT01"
    >>> "Ulaanbaatar" in box.text.value
    True
    """
    routes = data.load("routes")
    names = routes.drop_duplicates("route_id")
    options = [("None: show the border region", "")] + [(f"{n} ({i})", i) for i, n in zip(names["route_id"], names["route_name"])]
    pick = w.Dropdown(options=options, value="", description="Route:", style=LABEL_STYLE, layout=w.Layout(width="560px"))
    fig = go.FigureWidget(charts.border_map())
    route_trace = len(fig.data) - 1
    town_labels = next(t.text for t in fig.data if t.name == charts.TOWNS)
    text = w.HTML()

    def update(_change=None):
        legs = charts.route_legs(pick.value, routes) if pick.value else None
        xs, ys = [], []
        if legs is not None:
            for r in legs.itertuples():
                xs += [r.from_lon, r.to_lon, None]
                ys += [r.from_lat, r.to_lat, None]
        lon, lat = charts.route_view(legs) if legs is not None else (charts.BORDER_REGION["lon"], charts.BORDER_REGION["lat"])
        mid = charts.math.radians((lat[0] + lat[1]) / 2)
        with fig.batch_update():
            fig.data[route_trace].x, fig.data[route_trace].y = xs, ys
            fig.layout.xaxis.range, fig.layout.yaxis.range = lon, lat
            fig.layout.yaxis.scaleratio = 1 / charts.math.cos(mid)
            charts.hide_town_labels(fig, hide=lon[1] - lon[0] > 15, names=town_labels)
            fig.layout.title.text = ("The border and the routes onward" if legs is None
                                     else f"Route: {legs['route_name'].iloc[0]}")
        words = charts.words_html(charts.route_description(legs), "Map")
        notes = ""
        if legs is not None:
            notes = _legs_table(legs) + f"<p style='color:#555'>{html.escape(str(legs['notes'].iloc[0]))}</p>"
        text.value = words + notes

    pick.observe(update, names="value")
    update()
    return _box([pick, fig, text], {"route": pick}, fig, text, "bl-border-map")


def arrivals_timeline() -> w.VBox:
    """Arrivals in South Korea by year: switch between counts by sex and the female share.

    >>> box = arrivals_timeline()
    >>> box.controls["view"].value = "share"
    >>> [t.visible for t in box.figure.data]
    [False, False, False, True, True]
    """
    fig = go.FigureWidget(charts.arrivals("counts"))
    view = w.ToggleButtons(options=[("Counts by sex", "counts"), ("Women's share (%)", "share")], value="counts",
                           description="Show:", style=LABEL_STYLE,
                           tooltips=["Arrivals each year, men and women stacked", "Women as a percentage of arrivals"])
    text = w.HTML()

    def update(_change=None):
        counts = view.value == "counts"
        with fig.batch_update():
            for i, trace in enumerate(fig.data):
                trace.visible = counts if i < 3 else not counts
            fig.layout.yaxis.title.text = "Arrivals in South Korea (people)" if counts else "Women among arrivals (%)"
            fig.layout.yaxis.rangemode = "tozero"
        text.value = charts.words_html(charts.description(fig))

    view.observe(update, names="value")
    update()
    return _box([view, fig, text], {"view": view}, fig, text, "bl-arrivals")


def china_estimates_explorer(frame: pd.DataFrame | None = None) -> w.VBox:
    """Estimates of North Koreans in China by year, coloured by who made them; filter by what is counted.

    >>> box = china_estimates_explorer()
    >>> box.controls["measure"].value = "stock"
    >>> "cumulative" in box.text.value
    False
    """
    frame = data.load("china_estimates") if frame is None else frame
    fig = go.FigureWidget(charts.china_estimates(frame))
    measure = w.Dropdown(options=[("Every estimate", "all"), ("Stock: living in China at the time", "stock"),
                                  ("Cumulative: crossings over a period", "cumulative"),
                                  ("All North Korean escapees, not only in China", "displaced_all")],
                         value="all", description="Counting:", style=LABEL_STYLE, layout=w.Layout(width="460px"))
    scale = w.ToggleButtons(options=[("Log scale", "log"), ("Ordinary scale", "linear")], value="log",
                            description="Scale:", style=LABEL_STYLE,
                            tooltips=["Equal steps for each tenfold", "Equal steps for equal numbers"])
    text = w.HTML()

    def update(_change=None):
        part = frame if measure.value == "all" else frame[frame["measure"] == measure.value]
        rows = charts.china_rows(part)
        series = charts.china_series(rows)
        log = scale.value == "log"
        with fig.batch_update():
            for trace, (xs, ys, hover) in zip(fig.data, series.values()):
                trace.x, trace.y, trace.hovertext = xs, ys, hover
            if log:
                fig.layout.yaxis.update(charts.log_axis(6_000, 400_000))
            else:
                fig.layout.yaxis.update(type="linear", tickvals=None, ticktext=None, tickformat=",")
            fig.layout.yaxis.title.text = "People (low to high; log scale)" if log else "People (low to high)"
        kinds = ", ".join(sorted(rows["measure"].unique())) or "none"
        text.value = charts.words_html(charts.china_description(rows) + f" Measures shown: {kinds}.")

    measure.observe(update, names="value")
    scale.observe(update, names="value")
    update()
    return _box([w.HBox([measure, scale]), fig, text], {"measure": measure, "scale": scale}, fig, text,
                "bl-china-estimates")


# --- lesson 03 ---------------------------------------------------------------------------

def _when(row) -> str:
    if pd.notna(row["date"]):
        return row["date"].strftime("%d %b %Y").lstrip("0")
    return str(row["date_text"]) if pd.notna(row["date_text"]) else "date unknown"


def treaty_table(view: str, choice: str, frame: pd.DataFrame | None = None) -> str:
    """HTML table: for a treaty, each state's status; for a state, its status under each treaty.

    >>> "signed, not ratified" in treaty_table("state", "CN")
    True
    """
    frame = data.load("treaty_status") if frame is None else frame
    pairs = ([(s, choice) for s in charts.STATES] if view == "treaty" else [(choice, t) for t in charts.TREATY_NAMES])
    rows = []
    for state, treaty in pairs:
        summary = charts.treaty_status_summary(state, treaty, frame)
        since = summary["since"].strftime("%d %b %Y").lstrip("0") if pd.notna(summary["since"]) else summary["since_text"]
        part = frame[(frame["state"] == state) & (frame["treaty_short"] == treaty)]
        steps = "; ".join(f"{a.replace('_', ' ')} {_when(r)}" + ("" if r["preferred"] else " (disputed or wrong: see notes)")
                          for a, (_, r) in zip(part["action"], part.iterrows()))
        reservations = "; ".join(part["reservations"].dropna().unique()) or "none recorded"
        relevance = next((x for x in part[part["preferred"]]["relevance"].dropna()), "")
        cites = ", ".join(sorted({data.short_cite(x) for x in part["source_id"]}))
        label = charts.STATES[state] if view == "treaty" else charts.TREATY_NAMES[treaty]
        colour = {"party": "#0b6e4f", "signed, not ratified": "#8a5a00", "not a party": "#a23b00"}[summary["status"]]
        rows.append(f"<tr><th scope='row'>{html.escape(label)}</th><td style='color:{colour}'><b>{summary['status']}</b>"
                    f"{(' since ' + html.escape(since)) if since and summary['status'] == 'party' else ''}</td>"
                    f"<td>{html.escape(steps) or '—'}</td><td>{html.escape(reservations)}</td>"
                    f"<td>{html.escape(str(relevance))}</td><td style='font-size:90%'>{html.escape(cites)}</td></tr>")
    head = "state" if view == "treaty" else "treaty"
    return (f"<table class='bl-treaty-table'><tr><th scope='col'>{head}</th><th scope='col'>status</th>"
            "<th scope='col'>steps recorded</th><th scope='col'>reservations</th><th scope='col'>why it matters here</th>"
            f"<th scope='col'>sources</th></tr>{''.join(rows)}</table>")


def treaty_explorer() -> w.VBox:
    """Choose a treaty or a state: who is bound, since when, with which reservations; with a timeline.

    >>> box = treaty_explorer()
    >>> box.controls["view"].value = "state"
    >>> box.controls["choice"].value = "KP"
    >>> "not a party" in box.text.value
    True
    """
    frame = data.load("treaty_status")
    view = w.ToggleButtons(options=[("By treaty", "treaty"), ("By state", "state")], value="treaty",
                           description="View:", style=LABEL_STYLE,
                           tooltips=["Pick a treaty, compare the three states", "Pick a state, see every treaty"])
    choice = w.Dropdown(options=[(n, c) for c, n in charts.TREATY_NAMES.items()], value="REFCONV1951",
                        description="Choose:", style=LABEL_STYLE, layout=w.Layout(width="520px"))
    fig = go.FigureWidget(charts.treaty_timeline(frame))
    text = w.HTML()

    def set_options(_change=None):
        options = ([(n, c) for c, n in charts.TREATY_NAMES.items()] if view.value == "treaty"
                   else [(n, c) for c, n in charts.STATES.items()])
        choice.options = options  # selects the first option
        update()

    def update(_change=None):
        if choice.value is None:
            return
        text.value = treaty_table(view.value, choice.value, frame)
        with fig.batch_update():
            for trace, code in zip(fig.data, charts.STATES):
                if view.value == "state":
                    trace.opacity = 1.0 if code == choice.value else 0.2
                else:
                    trace.opacity = 1.0
            order = list(charts.TREATY_NAMES)
            fig.layout.yaxis.ticktext = [("▶ " if view.value == "treaty" and t == choice.value else "") + charts.TREATY_NAMES[t]
                                         for t in order]

    view.observe(set_options, names="value")
    choice.observe(update, names="value")
    update()
    words = w.HTML(charts.description_html(fig))
    return _box([w.HBox([view, choice]), text, fig, words], {"view": view, "choice": choice}, fig, text,
                "bl-treaty-explorer")


def _statement_card(r) -> str:
    quote = f"<blockquote style='margin:4px 0 4px 12px'>“{html.escape(str(r['quote']))}”</blockquote>" if pd.notna(r["quote"]) else ""
    who = html.escape(str(r["speaker"])) + (f", {html.escape(str(r['role']))}" if pd.notna(r["role"]) else "")
    venue = f" · {html.escape(str(r['venue']))}" if pd.notna(r["venue"]) else ""
    theme = charts.THEME_LABELS.get(r["theme"], r["theme"])
    return (f"<div class='bl-statement' style='border-left:4px solid "
            f"{charts.STATE_COLOURS['CN'] if r['country'] == 'CN' else charts.PALETTE[0]};padding:2px 10px;margin:6px 0'>"
            f"<b>{html.escape(_when(r))}</b> · {who}{venue} · <i>{html.escape(theme)}</i><br>"
            f"{html.escape(str(r['summary']))}{quote}"
            f"<span style='color:#555;font-size:90%'>Source: {html.escape(data.cite(str(r['source_id']), url=False))}</span></div>")


def filter_statements(frame: pd.DataFrame, who: str = "all", theme: str = "all", years=(1999, 2030)) -> pd.DataFrame:
    """The statements a browser shows for these filters, oldest first.

    >>> len(filter_statements(data.load("statements"), who="CN")) > 20
    True
    """
    years_col = charts.statement_years(frame)
    mask = years_col.between(*years).fillna(False)
    if who == "CN":
        mask &= frame["country"] == "CN"
    elif who == "others":
        mask &= frame["country"] != "CN"
    if theme != "all":
        mask &= frame["theme"] == theme
    return frame[mask].assign(_year=years_col[mask]).sort_values(["_year", "date"], na_position="last")


def statements_browser() -> w.VBox:
    """Official statements by speaker, theme and period, each with its source.

    >>> box = statements_browser()
    >>> box.controls["who"].value = "CN"
    >>> box.controls["theme"].value = "mass_influx_fear"
    >>> "Showing 1 " in box.text.value
    True
    """
    frame = data.load("statements")
    years = charts.statement_years(frame)
    who = w.Dropdown(options=[("Everyone", "all"), ("China's officials", "CN"), ("UN, UNHCR, South Korea and others", "others")],
                     value="all", description="Who speaks:", style=LABEL_STYLE)
    themes = [t for t in charts.THEME_LABELS if t in set(frame["theme"])]
    theme = w.Dropdown(options=[("Every theme", "all")] + [(charts.THEME_LABELS[t], t) for t in themes], value="all",
                       description="Theme:", style=LABEL_STYLE, layout=w.Layout(width="380px"))
    period = w.IntRangeSlider(value=(int(years.min()), int(years.max())), min=int(years.min()), max=int(years.max()),
                              description="Years:", style=LABEL_STYLE, continuous_update=False,
                              layout=w.Layout(width="460px"))
    fig = go.FigureWidget(charts.statements_chart(frame))
    base = [(list(t.x), list(t.y), list(t.hovertext)) for t in fig.data]
    ids = [list(frame[frame["country"] == "CN"]["stmt_id"]), list(frame[frame["country"] != "CN"]["stmt_id"])]
    text = w.HTML()

    def update(_change=None):
        shown = filter_statements(frame, who.value, theme.value, period.value)
        keep = set(shown["stmt_id"])
        with fig.batch_update():
            for trace, (xs, ys, hs), order in zip(fig.data, base, ids):
                pick = [i for i, s in enumerate(order) if s in keep]
                trace.x, trace.y, trace.hovertext = [xs[i] for i in pick], [ys[i] for i in pick], [hs[i] for i in pick]
        cn = int((shown["country"] == "CN").sum())
        cards = "".join(_statement_card(r) for _, r in shown.iterrows()) or "<p>No statement matches these filters.</p>"
        text.value = (f"<p role='status'><b>Showing {len(shown)} statements</b> ({cn} by China's officials, "
                      f"{len(shown) - cn} by others), oldest first.</p>"
                      f"<div style='max-height:420px;overflow-y:auto'>{cards}</div>")

    for control in (who, theme, period):
        control.observe(update, names="value")
    update()
    words = w.HTML(charts.description_html(fig))
    return _box([w.HBox([who, theme]), period, fig, words, text], {"who": who, "theme": theme, "period": period},
                fig, text, "bl-statements")



# --- lessons 04 and 05 --------------------------------------------------------------------

ELEMENTS = [("outside_country", "Outside their country of nationality"),
            ("well_founded_fear", "A well-founded fear"),
            ("persecution", "Of persecution"),
            ("convention_ground", "For a Convention ground (race, religion, nationality, social group, political opinion)"),
            ("unable_or_unwilling", "Unable or, owing to that fear, unwilling to seek their state's protection"),
            ("sur_place", "A refugee sur place (the risk arose after leaving)"),
            ("cat_art3_applies", "CAT Art 3 forbids return (substantial grounds to fear torture)"),
            ("art31_applies", "Art 31 protects them from penalties for illegal entry")]
ANSWERS = [("yes", "yes"), ("no", "no"), ("arguable", "arguable")]


def grade_case(case_id: str, answers: dict, cases: pd.DataFrame | None = None) -> dict:
    """Compare a student's element answers with the expected ones for a vignette.

    >>> r = grade_case("CS06", {"outside_country": "yes", "persecution": "no"})
    >>> r["right"], r["answered"]
    (2, 2)
    """
    cases = data.load("cases") if cases is None else cases
    row = cases[cases["case_id"] == case_id]
    if row.empty:
        raise data.DataError("datasets/cases.csv", f"there is no case '{case_id}'.")
    row = row.iloc[0]
    marks = {}
    for col, _label in ELEMENTS:
        given, expected = answers.get(col), str(row[col])
        marks[col] = None if given is None else given == expected
    answered = sum(v is not None for v in marks.values())
    return {"marks": marks, "right": sum(bool(v) for v in marks.values()), "answered": answered,
            "expected": {c: str(row[c]) for c, _ in ELEMENTS}, "feedback": str(row["feedback"]),
            "source_id": str(row["source_id"])}


def status_checker() -> w.VBox:
    """Status determination: pick a vignette, judge each element, check against the expected answers.

    >>> box = status_checker()
    >>> box.controls["case"].value = "CS06"
    >>> box.controls["persecution"].value = "no"
    >>> box.controls["check"].click()
    >>> "1 of 1" in box.text.value
    True
    """
    cases = data.load("cases")
    pick = w.Dropdown(options=[(f"{r.case_id}: {r.title}", r.case_id) for r in cases.itertuples()],
                      value=cases["case_id"].iloc[0], description="Case:", style=LABEL_STYLE,
                      layout=w.Layout(width="680px"))
    summary = w.HTML()
    toggles = {col: w.ToggleButtons(options=ANSWERS, value=None, description=label, style=LABEL_STYLE,
                                    tooltips=["This element is met", "This element is not met",
                                              "Reasonable people could disagree on the evidence"])
               for col, label in ELEMENTS}
    for t in toggles.values():
        t.style.description_width = "330px"
        t.style.button_width = "80px"
    check = w.Button(description="Check my answers", button_style="primary", icon="check",
                     layout=w.Layout(width="auto"))
    text = w.HTML(_status("Judge each element, then press Check. Your answers are saved in your journal."))

    def load_case(_change=None):
        r = cases[cases["case_id"] == pick.value].iloc[0]
        label = " <i>(a composite vignette: no real person)</i>" if r["kind"] == "composite" else ""
        summary.value = (f"<div class='bl-card' role='region' aria-label='Case'><h4 style='margin:4px 0'>"
                         f"{html.escape(str(r['title']))}{label}</h4><p>{html.escape(str(r['summary']))}</p>"
                         f"<p style='color:#555'>When: {html.escape(str(r['date_text']))} · Source: "
                         f"{html.escape(data.cite(str(r['source_id']), url=False))}</p></div>")
        saved = journal.get(f"status.{pick.value}")
        values = dict(part.split("=", 1) for part in saved.split(";") if "=" in part) if saved else {}
        for col, t in toggles.items():
            t.value = values.get(col) if values.get(col) in ("yes", "no", "arguable") else None
        text.value = _status("Judge each element, then press Check. Your answers are saved in your journal.")

    def do_check(_=None):
        answers = {c: t.value for c, t in toggles.items() if t.value}
        journal.save(f"status.{pick.value}", ";".join(f"{c}={v}" for c, v in answers.items()))
        if not answers:
            text.value = _status("Choose yes, no or arguable for at least one element first.")
            return
        result = grade_case(pick.value, answers, cases)
        items = []
        for col, label in ELEMENTS:
            mark = result["marks"][col]
            sign = "—" if mark is None else ("✔" if mark else "✘")
            items.append(f"<li>{sign} {html.escape(label)}: expected <b>{result['expected'][col]}</b>"
                         + (f", you said {html.escape(answers[col])}" if col in answers else "") + "</li>")
        text.value = (f"<div role='status'><p><b>{result['right']} of {result['answered']}</b> of your answers match "
                      f"the expected ones. 'Arguable' means the evidence supports both readings.</p><ul>{''.join(items)}"
                      f"</ul><p>{html.escape(result['feedback'])}</p><p style='color:#555'>Source: "
                      f"{html.escape(data.cite(result['source_id'], url=False))}</p></div>")

    pick.observe(load_case, names="value")
    check.on_click(do_check)
    load_case()
    controls = {"case": pick, **toggles, "check": check}
    return _box([pick, summary, *toggles.values(), check, text], controls, None, text, "bl-status-checker")


def argument_map() -> w.VBox:
    """The argument map: filter by question, choose a claim to read it, mark the ones you find strongest.

    >>> box = argument_map()
    >>> box.controls["claim"].value = "AR03"
    >>> "AR03" in box.text.value
    True
    """
    arguments, links = data.load("arguments"), data.load("argument_links")
    question = w.Dropdown(options=[("Every question", "all")] + [(v, k) for k, v in charts.QUESTION_LABELS.items()],
                          value="all", description="Question:", style=LABEL_STYLE)
    claim = w.Dropdown(options=[(f"{r.arg_id}: {r.claim[:70]}", r.arg_id) for r in arguments.itertuples()],
                       value=arguments["arg_id"].iloc[0], description="Claim:", style=LABEL_STYLE,
                       layout=w.Layout(width="680px"))
    strong = w.Checkbox(value=False, description="I find this claim strong (saved in my journal)", indent=False,
                        layout=w.Layout(width="auto"))
    fig = go.FigureWidget(charts.argument_map())
    text = w.HTML()
    key = "04.strongest"

    def marked() -> list:
        return [x for x in journal.get(key).split(";") if x]

    layout = charts.argument_layout(arguments)

    def update(_change=None):
        _nodes, series = charts.argument_series(question.value, claim.value, layout, links)
        with fig.batch_update():
            for trace, part in zip(fig.data, series.values()):
                trace.x, trace.y = part["x"], part["y"]
                if "text" in part:
                    trace.text, trace.hovertext, trace.marker.size = part["text"], part["hover"], part["size"]
        r = arguments[arguments["arg_id"] == claim.value].iloc[0]
        incoming = links[links["to_arg"] == claim.value]
        outgoing = links[links["from_arg"] == claim.value]
        lines = "".join(f"<li>{html.escape(x.from_arg)} <b>{x.relation}</b> it: {html.escape(str(x.note))}</li>"
                        for x in incoming.itertuples())
        lines += "".join(f"<li>It <b>{x.relation}</b> {html.escape(x.to_arg)}: {html.escape(str(x.note))}</li>"
                         for x in outgoing.itertuples())
        with strong.hold_trait_notifications():
            strong.value = claim.value in marked()
        text.value = (f"<div class='bl-card' role='region' aria-label='Claim'><h4 style='margin:4px 0'>{html.escape(r['arg_id'])}"
                      f" · {html.escape(charts.SIDE_LABELS[r['side']])}</h4><p><b>{html.escape(str(r['claim']))}</b></p>"
                      f"<p><i>Evidence:</i> {html.escape(str(r['evidence']))}</p>"
                      f"<p><i>How strong:</i> {html.escape(str(r['strength_note']))}</p><ul>{lines or '<li>No links.</li>'}</ul>"
                      f"<p style='color:#555'>Source: {html.escape(data.cite(str(r['source_id']), url=False))}</p>"
                      f"<p>Marked strong in your journal: {html.escape(', '.join(marked()) or 'none yet')}</p></div>")

    def toggle_strong(change):
        chosen = set(marked())
        (chosen.add if change["new"] else chosen.discard)(claim.value)
        journal.save(key, ";".join(sorted(chosen)))
        update()

    question.observe(update, names="value")
    claim.observe(update, names="value")
    strong.observe(toggle_strong, names="value")
    update()
    words = w.HTML(charts.description_html(fig))
    return _box([question, fig, words, claim, strong, text], {"question": question, "claim": claim, "strong": strong},
                fig, text, "bl-argument-map")


def _role_titles(ids, roles) -> str:
    titles = roles.set_index("role_id")["title"]
    return ", ".join(titles.get(i, i) for i in str(ids).split(";") if i and i != "<NA>") or "none recorded"


def options_board() -> w.VBox:
    """Policy options: who backs each, trade-offs and evidence; the student's ranking is saved.

    >>> box = options_board()
    >>> box.controls["option"].value = "OP05"
    >>> "OP05" in box.text.value
    True
    """
    options, roles = data.load("options"), data.load("roles")
    pick = w.Dropdown(options=[(f"{r.option_id}: {r.title}", r.option_id) for r in options.itertuples()],
                      value=options["option_id"].iloc[0], description="Option:", style=LABEL_STYLE,
                      layout=w.Layout(width="680px"))
    saved = dict(p.split("=", 1) for p in journal.get("05.ranking").split(";") if "=" in p)
    choices = [("—", "")] + [(str(i), str(i)) for i in range(1, len(options) + 1)]
    ranks = {r.option_id: w.Dropdown(options=choices, value=saved.get(r.option_id, ""),
                                     description=f"{r.option_id} rank:", style=LABEL_STYLE,
                                     layout=w.Layout(width="160px")) for r in options.itertuples()}
    fig = go.FigureWidget(charts.options_support(options))
    text, status = w.HTML(), w.HTML()

    def show(_change=None):
        r = options[options["option_id"] == pick.value].iloc[0]
        args = ", ".join(str(r["evidence_args"]).split(";")) if pd.notna(r["evidence_args"]) else "none listed"
        text.value = (f"<div class='bl-card' role='region' aria-label='Option'><h4 style='margin:4px 0'>"
                      f"{html.escape(r['option_id'])}: {html.escape(str(r['title']))}</h4><p>{html.escape(str(r['summary']))}</p>"
                      f"<p><b>Proposed by:</b> {html.escape(str(r['proposed_by']))}</p>"
                      f"<p><b>Would back it:</b> {html.escape(_role_titles(r['backed_by'], roles))}<br>"
                      f"<b>Would oppose it:</b> {html.escape(_role_titles(r['opposed_by'], roles))}</p>"
                      f"<p><b>Trade-offs:</b> {html.escape(str(r['trade_offs']))}</p>"
                      f"<p><b>Claims in the argument map:</b> {html.escape(args)}</p>"
                      f"<p style='color:#555'>Source: {html.escape(data.cite(str(r['source_id']), url=False))}</p></div>")

    def save_ranking(_change=None):
        chosen = {k: d.value for k, d in ranks.items() if d.value}
        journal.save("05.ranking", ";".join(f"{k}={v}" for k, v in sorted(chosen.items())))
        taken = [v for v in chosen.values()]
        clash = sorted({v for v in taken if taken.count(v) > 1})
        order = sorted(chosen, key=lambda k: int(chosen[k]))
        status.value = _status(("Two options share rank " + ", ".join(clash) + ". " if clash else "")
                               + ("Your order: " + " > ".join(order) + ". Saved in your journal." if order
                                  else "Give each option a rank; 1 is your first choice."))

    pick.observe(show, names="value")
    for d in ranks.values():
        d.observe(save_ranking, names="value")
    show()
    save_ranking()
    words = w.HTML(charts.description_html(fig))
    grid = w.GridBox(list(ranks.values()), layout=w.Layout(grid_template_columns="repeat(5, 170px)"))
    return _box([fig, words, pick, text, w.HTML("<b>Your ranking</b> (1 = first choice):"), grid, status],
                {"option": pick, **{f"rank:{k}": d for k, d in ranks.items()}}, fig, text, "bl-options-board")


def role_card_html(role_id: str, roles: pd.DataFrame | None = None) -> str:
    roles = data.load("roles") if roles is None else roles
    r = roles[roles["role_id"] == role_id].iloc[0]
    facts = "".join(f"<li>{html.escape(f.strip())}</li>" for f in str(r["key_facts"]).split(" | ") if f.strip())
    return (f"<div class='bl-card' role='region' aria-label='Role card' style='border:2px solid #333;padding:6px 12px'>"
            f"<h4 style='margin:4px 0'>{html.escape(str(r['title']))}</h4>"
            f"<p><b>Your mandate.</b> {html.escape(str(r['mandate']))}</p><p><b>Your goals.</b> {html.escape(str(r['goals']))}</p>"
            f"<p><b>Your constraints.</b> {html.escape(str(r['constraints']))}</p><p><b>Facts you can use.</b></p><ul>{facts}</ul>"
            f"<p><b>You might open with</b> (our words, not a quotation): {html.escape(str(r['first_line']))}</p>"
            f"<p style='color:#555'>Source: {html.escape(data.cite(str(r['source_id']), url=False))}</p></div>")


def role_cards() -> w.VBox:
    """The role cards for the options role play, one at a time (the handouts print them all).

    >>> box = role_cards()
    >>> box.controls["role"].value = "RL04"
    >>> "UNHCR" in box.text.value
    True
    """
    roles = data.load("roles")
    pick = w.Dropdown(options=[(f"{r.role_id}: {r.title}", r.role_id) for r in roles.itertuples()],
                      value=roles["role_id"].iloc[0], description="Role:", style=LABEL_STYLE,
                      layout=w.Layout(width="560px"))
    card = w.HTML()
    pick.observe(lambda _=None: setattr(card, "value", role_card_html(pick.value, roles)), names="value")
    card.value = role_card_html(pick.value, roles)
    return _box([pick, card], {"role": pick}, None, card, "bl-role-cards")


def final_position() -> w.VBox:
    """The opening answer from lesson 00 beside a box for the answer now.

    >>> box = final_position()
    >>> box.controls["final"].value = "It depends; but no return to torture."
    >>> journal.get("05.final")
    'It depends; but no return to torture.'
    """
    opening = journal.opening_answer()
    shown = (html.escape(opening) if opening else
             "<i>No opening answer is saved in your journal (lesson 00, 'The central question'). Answer anyway.</i>")
    then = w.HTML(f"<div class='bl-card' role='region' aria-label='Your opening answer'><b>Your answer in lesson 00:</b>"
                  f"<p>{shown}</p></div>")
    box = journal_entry("05.final", "Your answer now, with evidence from each lesson:", rows=8)
    box.controls["text"].layout.width = "98%"
    return _box([then, box], {"final": box.controls["text"]}, None, box.text, "bl-final", probe=False)


# --- the static equivalents, one per widget -------------------------------------------------

def _s_estimates(frame=None):
    frame = data.load("famine_estimates") if frame is None else frame
    cols = ["est_id", "estimator", "method_group", "low", "high", "period", "unit", "source_id"]
    return StaticView("Estimate explorer", _chart(charts.famine_estimates(frame)), _table(frame[cols], "Every estimate"))


def _s_per_capita(estimates=None, population=None):
    est = data.load("famine_estimates") if estimates is None else estimates
    rows = []
    for r in charts.estimate_ranges(est).sort_values("est_id").itertuples():
        x = per_capita_rate(r.est_id, "high", "wb2026", est, population)
        rows.append({"estimate": r.est_id, "deaths (high)": int(x["deaths"]), "population": x["population"],
                     "year": str(x["population_year"]), "share %": round(x["share_pct"], 2),
                     "per 100,000 a year": None if x["per_100k_year"] is None else round(x["per_100k_year"])})
    table = pd.DataFrame(rows).astype({"deaths (high)": "Int64", "population": "Int64", "per 100,000 a year": "Int64"})
    return StaticView("Per-capita calculator", _table(table, "High figure of each estimate against the World Bank "
                                                         "2026 population in its first year (blank: no period given)"))


def _s_exercise(qid):
    q = exercises._question(qid)
    if q is None:
        return StaticView(f"Exercise {qid}", "<p>Unknown exercise.</p>")
    if q.kind == "choice":
        body = "".join(f"<li>☐ {html.escape(label)}</li>" for label in q.options.values())
        body = f"<p><b>{html.escape(q.label)}</b></p><ul style='list-style:none'>{body}</ul>"
    else:
        body = f"<p><b>{html.escape(q.label)}</b> ______________________</p>"
    return StaticView(f"Exercise {qid} (self-check)", body, f"<p><i>Hint:</i> {html.escape(q.hint)}</p>")


def _s_journal(key, label="Your notes", placeholder="", rows=4):
    lines = "".join("<div style='border-bottom:1px solid #999;height:1.8em'></div>" for _ in range(max(rows, 3)))
    return StaticView("Journal entry", f"<p><b>{html.escape(label)}</b></p>{lines}")


def _s_opening():
    items = "".join(f"<li>☐ {html.escape(label)}</li>" for label, _ in POSITIONS)
    return StaticView("Your opening position", f"<ul style='list-style:none'>{items}</ul>",
                      _s_journal("", "Why, in a sentence or two?").parts[0])


def _s_setup():
    return StaticView("Setup check", "<p>The setup check runs only in JupyterLab: run <code>make lab</code>.</p>")


def _s_glossary(frame=None):
    frame = data.load("glossary") if frame is None else frame
    cols = ["term", "definition", "korean", "korean_romanised", "chinese", "chinese_pinyin", "used_by", "connotation",
            "source_id"]
    return StaticView("Glossary browser", _table(frame[cols], "Words matter"))


def _s_border_map():
    routes = data.load("routes")
    legs = pd.concat([charts.route_legs(r, routes) for r in routes["route_id"].unique()])
    table = legs[["route_name", "leg", "from_name", "to_name", "approx_km", "countries_crossed", "source_id"]]
    return StaticView("Border map", _chart(charts.border_map()), _table(table, "Routes and their legs "
                                                                                 "(straight-line km)"))


def _s_arrivals():
    fig = charts.arrivals("counts")
    counts = [True, True, True, False, False]
    fig.update_layout(updatemenus=[dict(type="buttons", direction="right", x=0, y=1.16, xanchor="left", buttons=[
        dict(label="Counts by sex", method="update", args=[{"visible": counts}, {"yaxis.title.text": "Arrivals (people)"}]),
        dict(label="Women's share (%)", method="update",
             args=[{"visible": [not v for v in counts]}, {"yaxis.title.text": "Women among arrivals (%)"}])])])
    return StaticView("Arrivals timeline", _chart(fig), data.arrivals_by_year(1996, 2025).to_html())


def _s_china(frame=None):
    frame = data.load("china_estimates") if frame is None else frame
    cols = ["est_id", "year", "estimator", "estimator_type", "measure", "value_text", "source_id"]
    return StaticView("China estimates explorer", _chart(charts.china_estimates(frame)), _table(frame[cols]))


def _s_treaty():
    tables = "".join(f"<h4>{charts.STATES[s]}</h4>" + treaty_table("state", s) for s in charts.STATES)
    return StaticView("Treaty explorer", _chart(charts.treaty_timeline()), tables)


def _s_statements():
    frame = data.load("statements")
    cards = "".join(_statement_card(r) for _, r in filter_statements(frame).iterrows())
    return StaticView("Statements browser", _chart(charts.statements_chart(frame)), cards)



def _s_status():
    cases = data.load("cases")
    cols = ["case_id", "title", "kind"] + [c for c, _ in ELEMENTS]
    table = cases[cols].rename(columns={c: label.split(" (")[0] for c, label in ELEMENTS})
    cards = "".join(f"<h4>{html.escape(str(r.title))}</h4><p>{html.escape(str(r.summary))}</p>"
                    f"<p><i>Feedback:</i> {html.escape(str(r.feedback))}</p>" for r in cases.itertuples())
    return StaticView("Status checker", _table(table, "Expected answers for each vignette"), cards)


def _s_arguments():
    arguments = data.load("arguments")
    links = data.load("argument_links")
    return StaticView("Argument map", _chart(charts.argument_map()),
                      _table(arguments[["arg_id", "side", "question", "claim", "source_id"]], "Claims"),
                      _table(links[["from_arg", "relation", "to_arg", "note"]], "Links"))


def _s_options():
    options, roles = data.load("options"), data.load("roles")
    table = options.assign(backed_by=options["backed_by"].map(lambda x: _role_titles(x, roles)),
                           opposed_by=options["opposed_by"].map(lambda x: _role_titles(x, roles)))
    return StaticView("Options board", _chart(charts.options_support(options)),
                      _table(table[["option_id", "title", "proposed_by", "backed_by", "opposed_by", "trade_offs"]]),
                      "<p><b>Your ranking</b> (1 = first choice): ______________________________</p>")


def _s_roles():
    roles = data.load("roles")
    return StaticView("Role cards", "".join(role_card_html(r) for r in roles["role_id"]))


def _s_final():
    return StaticView("Your answer now", "<p><b>Your answer in lesson 00:</b> ____________________</p>",
                      _s_journal("", "Your answer now, with evidence from each lesson:", rows=8).parts[0])


for _name, _fallback in {"estimate_explorer": _s_estimates, "per_capita_calculator": _s_per_capita,
                         "exercise": _s_exercise, "journal_entry": _s_journal, "opening_position": _s_opening,
                         "setup_check": _s_setup, "glossary_browser": _s_glossary, "border_map": _s_border_map,
                         "arrivals_timeline": _s_arrivals, "china_estimates_explorer": _s_china,
                         "treaty_explorer": _s_treaty, "statements_browser": _s_statements,
                         "status_checker": _s_status, "argument_map": _s_arguments, "options_board": _s_options,
                         "role_cards": _s_roles, "final_position": _s_final}.items():
    globals()[_name] = _static(_fallback)(globals()[_name])
