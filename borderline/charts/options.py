"""Who backs and who opposes each policy option: a diverging bar chart.

>>> fig = options_support()
>>> [t.name for t in fig.data]
['actors who back it', 'actors who oppose it']
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import data, registry
from ..analysis import count_ids
from ..i18n import ui
from .kept import kept
from .style import PALETTE, data_table, style, with_notes


@registry.uses("options")
@kept
def options_support(options: pd.DataFrame | None = None) -> go.Figure:
    """For each policy option, how many of the role-play actors back it and how many oppose it.

    >>> fig = options_support()
    >>> list(fig.data[0].x) == count_ids(data.load("options")["backed_by"]).tolist()
    True
    """
    options = data.load("options") if options is None else options
    backed, opposed = count_ids(options["backed_by"]), count_ids(options["opposed_by"])
    labels = options["option_id"] + "  " + options["title"].str.split(r" \(|:", regex=True).str[0].str.slice(0, 40)
    back = dict(
        name=ui("actors who back it"),
        marker_color=PALETTE[0],
        hovertemplate=ui("{option}: backed by {count} actors", option="%{y}", count="%{x}") + "<extra></extra>",
    )
    oppose = dict(
        name=ui("actors who oppose it"),
        marker_color=PALETTE[3],
        customdata=opposed,
        hovertemplate=ui("{option}: opposed by {count} actors", option="%{y}", count="%{customdata}")
        + "<extra></extra>",
    )
    fig = go.Figure(
        [go.Bar(y=labels, x=backed, orientation="h", **back), go.Bar(y=labels, x=-opposed, orientation="h", **oppose)]
    )
    fig.update_layout(barmode="relative")
    fig.update_yaxes(categoryorder="array", categoryarray=list(labels)[::-1])
    most = int(max(backed.max(), opposed.max()))
    ticks = list(range(-most - most % 2, most + most % 2 + 1, 2))
    fig.update_xaxes(tickvals=ticks, ticktext=[str(abs(v)) for v in ticks], zeroline=True)
    best, worst = options.loc[backed.idxmax()], options.loc[opposed.idxmax()]
    text = ui(
        "Diverging bar chart of {count} policy options: to the right, how many of the role-play actors back each; to the left, how many oppose it. The most widely backed is {option} ({title}), by {backers} actors; the most opposed is {worst} ({worst_title}), by {opponents}.",
        count=len(options),
        option=best["option_id"],
        title=best["title"],
        backers=int(backed.max()),
        worst=worst["option_id"],
        worst_title=worst["title"],
        opponents=int(opposed.max()),
    )
    title, x_title = ui("Who backs and who opposes each option"), ui("Number of actors (opposing | backing)")
    words = with_notes(text, "options_support")
    frame = options.assign(backers=backed, opponents=opposed)
    columns = dict(option_id=ui("Option"), title=ui("Title"), backers=ui("actors who back it"))
    table = data_table(frame, columns | dict(opponents=ui("actors who oppose it")), "options")
    return style(fig, title, x_title, ui("Option"), options["source_id"].unique(), words, height=460, table=table)
