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

import html

import pandas as pd
import plotly.graph_objects as go

from . import data

__all__ = ["PALETTE", "style", "description", "show", "famine_estimates", "famine_comparison",
           "per_capita", "fmt_int", "tiny_check_chart"]

# Okabe & Ito (2008) colours, safe for the common forms of colour blindness.
# Yellow is last: it is hard to read on white.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
FONT = "Arial, Helvetica, sans-serif"


def fmt_int(value) -> str:
    """A whole number with thousands separators.

    >>> fmt_int(3500000)
    '3,500,000'
    """
    return f"{int(round(float(value))):,}"


def style(fig: go.Figure, title: str, x_title: str, y_title: str, sources, description_text: str,
          height: int = 420) -> go.Figure:
    """Apply the house style: title, axis titles, source line, description."""
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
    fig.update_xaxes(title_text=x_title, automargin=True)
    fig.update_yaxes(title_text=y_title, automargin=True)
    fig.add_annotation(text=data.source_line(sources), xref="paper", yref="paper", x=0, y=0,
                       yshift=-78, xanchor="left", yanchor="top", showarrow=False,
                       font=dict(size=11, color="#555"), align="left")
    return fig


def description(fig) -> str:
    """The text description stored with a figure."""
    meta = fig.layout.meta or {}
    return meta.get("description", "") if isinstance(meta, dict) else ""


def description_html(fig) -> str:
    text = html.escape(description(fig))
    return f'<p class="bl-description" role="note"><strong>Chart in words.</strong> {text}</p>'


def show(fig) -> None:
    """Display a figure and, under it, its description in words."""
    from IPython.display import HTML, display

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
    rows["label"] = rows["est_id"] + "  " + rows["estimator"].str.slice(0, 38)
    rows["method_rank"] = rows["method_group"].map({m: i for i, m in enumerate(METHOD_ORDER)})
    return rows.sort_values(["method_rank", "high_plot"], ascending=[True, False])


def _estimate_traces(rows: pd.DataFrame) -> list[go.Scatter]:
    traces = []
    for i, method in enumerate(METHOD_ORDER):
        part = rows[rows["method_group"] == method]
        if part.empty:
            continue
        xs, ys, hover = [], [], []
        for _, r in part.iterrows():
            text = (f"<b>{html.escape(r['estimator'])}</b><br>{fmt_int(r['low_plot'])} to {fmt_int(r['high_plot'])} "
                    f"{html.escape(str(r['unit']))}<br>Period: {html.escape(str(r['period']))}<br>"
                    f"Method: {html.escape(str(r['method'] or method))}<br>Source: {html.escape(data.short_cite(r['source_id']))}")
            xs += [r["low_plot"], r["high_plot"], None]
            ys += [r["label"], r["label"], None]
            hover += [text, text, None]
        traces.append(go.Scatter(x=xs, y=ys, mode="lines+markers", name=method,
                                 line=dict(color=PALETTE[i % len(PALETTE)], width=6),
                                 marker=dict(size=9, symbol="line-ns-open", line=dict(width=2)),
                                 hovertext=hover, hoverinfo="text", connectgaps=False))
    return traces


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
    fig.update_xaxes(type="log" if log_x else "linear", tickformat="~s", showgrid=True, gridcolor="#eee")
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


def per_capita(rate_per_100k_year: float, label: str, sources) -> go.Figure:
    """Bar chart: a chosen estimate's death rate beside seed 004's 50 per 100,000.

    >>> per_capita(1000, "E02", ["REUTERS1998A"]).data[0].x[0]
    1000.0
    """
    names = [label, "Seed 004: 'about 50 per 100,000' at the peak"]
    values = [float(rate_per_100k_year), 50.0]
    fig = go.Figure(go.Bar(x=values, y=names, orientation="h", marker_color=[PALETTE[0], PALETTE[3]],
                           text=[f"{v:,.0f}" for v in values], textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x:,.0f} deaths per 100,000 a year<extra></extra>"))
    ratio = values[0] / 50.0
    text = (f"Bar chart comparing two death rates per 100,000 people per year: {label} at {values[0]:,.0f}, "
            f"and seed 004's 50, which is {ratio:,.1f} times smaller.")
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
