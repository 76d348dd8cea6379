"""Charts of famine estimates: deaths by method, famines compared, a death rate beside a reference rate.

>>> fig = famine_comparison()
>>> fig.layout.xaxis.title.text
'Excess deaths as a share of the population (%)'
>>> fig.layout.meta["description"].startswith("Bar chart")
True
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import estimate_ranges, method_order, value_span
from ..i18n import ui
from .kept import kept
from .style import NEUTRAL, PALETTE, data_table, fmt_int, log_axis, style


def who_made(rows: pd.DataFrame, column: str, value: float, name: str = "estimator") -> str:
    """Who made the rows whose ``column`` equals ``value``: the first name (before any bracket), and how many more.

    >>> rows = pd.DataFrame({"estimator": ["A (x)", "B", "C"], "high_plot": [9, 9, 1]})
    >>> who_made(rows, "high_plot", 9), who_made(rows, "high_plot", 1)
    ('A and 1 other', 'C')
    """
    names = [str(n).split(" (")[0] for n in rows.loc[rows[column] == value, name]]
    if len(names) == 2:
        return ui("{name} and 1 other", name=names[0])
    if len(names) > 2:
        return ui("{name} and {count} others", name=names[0], count=len(names) - 1)
    return names[0] if names else ""


def estimate_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """``analysis.estimate_ranges`` with the hover text of each range.

    >>> rows = estimate_rows(data.load("famine_estimates"))
    >>> bool(rows["hover"].str.contains("Source:").all())
    True
    """
    rows = estimate_ranges(frame)
    words = {w: ui(w) for w in ("Period", "Method", "Source")}
    rows["hover"] = [
        f"<b>{html.escape(str(e))}</b><br>{ui('{low} to {high}', low=fmt_int(lo), high=fmt_int(hi))} "
        f"{html.escape(str(u))}<br>{words['Period']}: {html.escape(str(p))}<br>"
        f"{words['Method']}: {html.escape(str(m) if pd.notna(m) else data.label('famine_estimates.method_group', g))}<br>"
        f"{words['Source']}: {html.escape(data.short_cite(s))}"
        for e, lo, hi, u, p, m, g, s in zip(
            rows["estimator"].tolist(),
            rows["low_plot"].tolist(),
            rows["high_plot"].tolist(),
            rows["unit"].tolist(),
            rows["period"].tolist(),
            rows["method"].tolist(),
            rows["method_group"].tolist(),
            rows["source_id"].tolist(),
            strict=False,
        )
    ]
    return rows


def estimate_series(rows: pd.DataFrame) -> dict:
    """method -> (xs, ys, hovertext): plain lists a chart or a widget callback can use directly.

    >>> series = estimate_series(estimate_rows(data.load("famine_estimates")))
    >>> list(series)[:len(method_order())] == method_order()
    True
    """
    series = {method: ([], [], []) for method in method_order()}
    for method, lo, hi, label, text in zip(
        rows["method_group"].tolist(),
        rows["low_plot"].tolist(),
        rows["high_plot"].tolist(),
        rows["label"].tolist(),
        rows["hover"].tolist(),
        strict=False,
    ):
        xs, ys, hover = series.setdefault(method, ([], [], []))
        xs += [lo, hi, None]
        ys += [label, label, None]
        hover += [text, text, None]
    return series


def estimates_description(rows: pd.DataFrame, total_rows: int | None = None) -> str:
    """The words for the famine estimates chart: how many ranges, how far apart and who made the extremes,
    and the lowest and highest median by method.

    >>> estimates_description(estimate_rows(data.load("famine_estimates")).iloc[:0])
    'No estimate matches the current filter.'
    """
    if rows.empty:
        return ui("No estimate matches the current filter.")
    lo, hi = value_span(rows)
    by = rows.groupby("method_group")["high_plot"].median().sort_values()
    names = data.labels("famine_estimates.method_group")
    found = dict(count=len(rows), first=int(rows["year_published"].min()), last=int(rows["year_published"].max()))
    found |= dict(low=fmt_int(lo), high=fmt_int(hi), factor=f"{hi / lo:.0f}")
    found |= dict(low_by=who_made(rows, "low_plot", lo), high_by=who_made(rows, "high_plot", hi))
    text = ui(
        "Range chart of {count} estimates of deaths in North Korea's famine, published from {first} to {last}, one line per estimate from its low to its high figure. They run from {low} ({low_by}) to {high} ({high_by}), a factor of about {factor}.",
        **found,
    )
    low_m, high_m = by.index[0], by.index[-1]
    text += " " + ui(
        "By method, the median high figure runs from {low} ({low_method}) to {high} ({high_method}).",
        low=fmt_int(by.iloc[0]),
        low_method=names.get(low_m, low_m),
        high=fmt_int(by.iloc[-1]),
        high_method=names.get(high_m, high_m),
    )
    if total_rows is not None and total_rows > len(rows):
        text += " " + ui(
            "{count} more estimates are hidden by the filter or give no figure.", count=total_rows - len(rows)
        )
    return text


@registry.uses("famine_estimates")
@kept
def famine_estimates(frame: pd.DataFrame | None = None, log_x: bool = True) -> go.Figure:
    """Every famine death estimate as a low-high range, grouped by method.

    >>> fig = famine_estimates()
    >>> fig.layout.xaxis.type, famine_estimates(log_x=False).layout.xaxis.type
    ('log', 'linear')
    """
    frame = data.load("famine_estimates") if frame is None else frame
    rows = estimate_rows(frame)
    colours, names = data.colours("famine_estimates.method_group"), data.labels("famine_estimates.method_group")
    fig = go.Figure(
        [
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines+markers",
                name=names.get(method, method),
                meta=method,  # the widget finds a method's trace by this, whatever the language of the legend
                line=dict(color=colours.get(method, NEUTRAL), width=6),
                marker=dict(size=9, symbol="line-ns-open", line=dict(width=2)),
                hovertext=hover,
                hoverinfo="text",
                connectgaps=False,
            )
            for method, (xs, ys, hover) in estimate_series(rows).items()
            if xs
        ]
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["label"])[::-1], tickfont=dict(size=11))
    if log_x:
        fig.update_xaxes(
            **log_axis(*value_span(estimate_ranges(data.load("famine_estimates")))), showgrid=True, gridcolor="#eee"
        )
    else:
        fig.update_xaxes(type="linear", tickformat=",", showgrid=True, gridcolor="#eee")
    return style(
        fig,
        ui("How many died in North Korea's famine? Every estimate, by method"),
        estimates_x_title(log_x),
        ui("Estimate"),
        rows["source_id"],
        estimates_description(rows),
        height=max(420, 22 * len(rows) + 160),
        table=estimates_table(rows),
    )


def estimates_table(rows: pd.DataFrame) -> dict:
    """The data behind the famine estimates chart (``data_table``): each estimate's figures, period, method and source.

    >>> table = estimates_table(estimate_rows(data.load("famine_estimates")))
    >>> table["columns"][:3], table["csv"]
    (['Estimate', 'Low', 'High'], 'datasets/famine_estimates.csv')
    """
    names = data.labels("famine_estimates.method_group")
    frame = rows.assign(
        method_name=rows["method_group"].map(lambda g: names.get(g, g)), cite=rows["source_id"].map(data.short_cite)
    )
    columns = dict(label=ui("Estimate"), low_plot=ui("Low"), high_plot=ui("High"), unit=ui("What is counted"))
    columns |= dict(
        period=ui("Period"), method_name=ui("Method"), year_published=ui("Year published"), cite=ui("Source")
    )
    return data_table(frame, columns, "famine_estimates")


def estimates_x_title(log: bool) -> str:
    """The x-axis title of the famine estimates chart, on a log or an ordinary scale.

    >>> estimates_x_title(True)
    'Deaths (low to high estimate; log scale)'
    """
    return ui("Deaths (low to high estimate; log scale)") if log else ui("Deaths (low to high estimate)")


def _highlighted(rows: pd.DataFrame, chart: str, key: str):
    note = data.chart_note(chart, "highlight")
    return rows[key] == note["ref"] if note is not None else pd.Series(False, index=rows.index)


@registry.uses("famine_comparison")
@kept
def famine_comparison(frame: pd.DataFrame | None = None) -> go.Figure:
    """Famines by excess deaths as a share of the population (preferred rows), one highlighted.

    The highlighted famine is the ``highlight`` row for this chart in chart_notes.csv.

    >>> fig = famine_comparison()
    >>> every = data.load("famine_comparison")
    >>> len(fig.data[0].y) == int((every["preferred"] & every["pct_low"].notna()).sum())
    True
    """
    frame = data.load("famine_comparison") if frame is None else frame
    rows = frame[frame["preferred"] & frame["pct_low"].notna()].copy()
    rows["mid"] = (rows["pct_low"] + rows["pct_high"]) / 2
    rows["name"] = rows["famine"].str.replace(r" \(.*\)", "", regex=True) + " " + rows["start_year"].astype(str)
    rows = rows.sort_values("mid")
    mark = _highlighted(rows, "famine_comparison", "famine_id")
    hover = [
        f"<b>{html.escape(n)}</b><br>"
        + ui("{low} to {high} excess deaths", low=fmt_int(lo), high=fmt_int(hi))
        + "<br>"
        + ui("{low}-{high}% of the population", low=f"{pl:g}", high=f"{ph:g}")
        for n, lo, hi, pl, ph in zip(
            rows["name"], rows["low"], rows["high"], rows["pct_low"], rows["pct_high"], strict=False
        )
    ]
    fig = go.Figure(
        go.Bar(
            x=rows["mid"].astype(float),
            y=rows["name"],
            orientation="h",
            marker_color=[PALETTE[3] if m else PALETTE[0] for m in mark],
            error_x=dict(type="data", array=(rows["pct_high"] - rows["mid"]).astype(float), visible=True, color="#444"),
            hovertext=hover,
            hoverinfo="text",
            name=ui("Excess deaths, % of population"),
        )
    )
    fig.update_xaxes(ticksuffix="%", showgrid=True, gridcolor="#eee")
    title, x_title = (
        ui("North Korea's famine beside other twentieth-century famines"),
        ui("Excess deaths as a share of the population (%)"),
    )
    words = comparison_description(rows, mark)
    frame = rows.sort_values("mid", ascending=False).assign(cite=lambda r: r["source_id"].map(data.short_cite))
    columns = dict(name=ui("Famine"), country=ui("Country"), start_year=ui("From (year)"), end_year=ui("To (year)"))
    columns |= dict(low=ui("Excess deaths, low"), high=ui("Excess deaths, high"), pct_low=ui("% of population, low"))
    columns |= dict(pct_high=ui("% of population, high"), cite=ui("Source"))
    table = data_table(frame, columns, "famine_comparison")
    return style(fig, title, x_title, ui("Famine"), rows["source_id"], words, height=460, table=table)


def comparison_description(rows: pd.DataFrame, mark: pd.Series) -> str:
    """The words for the famine comparison: how many famines, the lowest and highest share, where the highlighted one stands.

    >>> rows = pd.DataFrame({"name": ["A", "B"], "mid": [1.0, 2.0], "pct_low": [1.0, 2.0], "pct_high": [1.0, 2.0],
    ...                      "source_id": [data.load("sources")["source_id"].iloc[0]] * 2})
    >>> comparison_description(rows, pd.Series([True, False])).endswith("Famines with a higher share: B.")
    True
    """
    top, bottom = rows.loc[rows["mid"].idxmax()], rows.loc[rows["mid"].idxmin()]
    text = ui(
        "Bar chart of {count} twentieth-century famines by excess deaths as a share of the population (the middle of each range), from {low}% ({lowest}) to {high}% ({highest}).",
        count=len(rows),
        low=f"{float(bottom['mid']):g}",
        lowest=bottom["name"],
        high=f"{float(top['mid']):g}",
        highest=top["name"],
    )
    if mark.any():
        top = rows[mark.to_numpy()].iloc[0]
        higher = rows[rows["mid"] > top["mid"]]["name"].tolist()
        found = dict(famine=top["name"], low=f"{top['pct_low']:g}", high=f"{top['pct_high']:g}")
        found |= dict(source=data.short_cite(top["source_id"]), higher=", ".join(higher) if higher else ui("none"))
        text += " " + ui(
            "{famine} (highlighted) is at {low}-{high}% ({source}). Famines with a higher share: {higher}.", **found
        )
    return text


def reference() -> dict:
    """The value the per-capita comparison sets a rate beside (chart_notes.csv, ``per_capita`` reference).

    ``value``, ``text`` (the bar's name), ``short`` (for use inside a sentence) and ``source_id``.

    >>> ref = reference()
    >>> ref["value"] > 0 and ref["source_id"] in set(data.load("sources")["source_id"])
    True
    """
    note = data.chart_note("per_capita", "reference")
    return {
        "value": float(note["value"]),
        "text": str(note["text"]),
        "short": str(note["short"]),
        "source_id": str(note["source_id"]),
    }


def per_capita_parts(rate_per_100k_year: float, label: str):
    """Bar values, names, labels and the description for the per-capita comparison.

    >>> values, names, labels, text = per_capita_parts(reference()["value"] * 4, "x")
    >>> values[0] / values[1], names[0], "4.0 times smaller" in text
    (4.0, 'x', True)
    """
    ref = reference()
    names = [label, ref["text"]]
    values = [float(rate_per_100k_year), ref["value"]]
    found = dict(
        label=label, rate=f"{values[0]:,.0f}", reference=ref["short"], times=f"{values[0] / ref['value']:,.1f}"
    )
    text = ui(
        "Bar chart comparing two death rates per 100,000 people per year: {label} at {rate}, and {reference}, which is {times} times smaller.",
        **found,
    )
    return values, names, [f"{v:,.0f}" for v in values], text


@registry.uses()
@kept
def per_capita(rate_per_100k_year: float, label: str, sources) -> go.Figure:
    """Bar chart: a chosen death rate beside the reference rate in chart_notes.csv.

    >>> sid = data.load("sources")["source_id"].iloc[0]
    >>> per_capita(1000, "x", [sid]).data[0].x[0]
    1000.0
    """
    values, names, labels, text = per_capita_parts(rate_per_100k_year, label)
    fig = go.Figure(
        go.Bar(
            x=values,
            y=names,
            orientation="h",
            marker_color=[PALETTE[0], PALETTE[3]],
            text=labels,
            textposition="outside",
            cliponaxis=False,
            hovertemplate=ui("{name}: {rate} deaths per 100,000 a year", name="%{y}", rate="%{x:,.0f}")
            + "<extra></extra>",
        )
    )
    fig.update_xaxes(rangemode="tozero", showgrid=True, gridcolor="#eee")
    return style(
        fig,
        ui("Deaths per 100,000 people per year"),
        ui("Deaths per 100,000 people per year"),
        "",
        list(sources) + [reference()["source_id"]],
        text,
        height=300,
        table=per_capita_table(values, names),
    )


def per_capita_table(values, names) -> dict:
    """The data behind the per-capita comparison (``data_table``): each bar's name and rate.

    >>> per_capita_table([1200.0, 50.0], ["x", "y"])["rows"]
    [['x', '1,200'], ['y', '50']]
    """
    frame = pd.DataFrame({"name": list(names), "rate": [round(float(v), 1) for v in values]})
    return data_table(frame, {"name": ui("Rate"), "rate": ui("Deaths per 100,000 people per year")})
