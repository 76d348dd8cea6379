"""The China estimates explorer: how many North Koreans are in China, filtered by what is counted.

>>> box = china_estimates_explorer()
>>> box.controls["scale"].value = "linear"
>>> box.figure.layout.yaxis.type
'linear'
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from .. import charts, data, registry
from ..i18n import ui
from ..widget_parts import html as html_widget
from ..widget_parts import row
from .base import LABEL_STYLE, StaticView, box_of, chart_html, live_figure, table_html, view
from .estimates import scale_toggle


@registry.uses("china_estimates")
@view
def china_estimates_explorer(frame: pd.DataFrame | None = None) -> w.VBox:
    """Estimates of North Koreans in China by year, coloured by who made them; filter by what is counted.

    >>> box = china_estimates_explorer()
    >>> box.controls["measure"].value = box.controls["measure"].options[1][1]
    >>> "Measures shown: " + box.controls["measure"].value in box.text.value
    True
    """
    frame = data.load("china_estimates") if frame is None else frame
    fig = live_figure(charts.china_estimates(frame))
    kinds = [(label, m) for m, label in data.labels("china_estimates.measure").items() if m in set(frame["measure"])]
    measure = w.Dropdown(
        options=[(ui("Every estimate"), "all")] + kinds,
        value="all",
        description=ui("Counting:"),
        style=LABEL_STYLE,
        layout=w.Layout(width="460px"),
    )
    scale, shorts = scale_toggle(), data.shorts("china_estimates.measure")
    text = html_widget()
    log_axis = charts.china_log_axis()

    def update(_change=None, redraw=True):
        rows = charts.china_rows(frame if measure.value == "all" else frame[frame["measure"] == measure.value])
        log = scale.value == "log"
        if redraw:
            with fig.batch_update():
                for trace, (xs, ys, hover) in zip(fig.data, charts.china_series(rows).values(), strict=False):
                    trace.x, trace.y, trace.hovertext = xs, ys, hover
                if log:
                    fig.layout.yaxis.update(log_axis)
                else:
                    fig.layout.yaxis.update(type="linear", tickvals=None, ticktext=None, tickformat=",")
                fig.layout.yaxis.title.text = charts.china_y_title(log)
        present = set(rows["measure"])
        named = [label for m, label in shorts.items() if m in present] + sorted(present - set(shorts))
        measures = ", ".join(named) or ui("none")
        text.value = charts.words_html(
            charts.china_description(rows) + " " + ui("Measures shown: {measures}.", measures=measures)
        )

    measure.observe(update, names="value")
    scale.observe(update, names="value")
    update(redraw=False)  # the chart as built shows every estimate on the log scale the controls start at
    return box_of(
        [row([measure, scale]), fig, text], {"measure": measure, "scale": scale}, fig, text, "bl-china-estimates"
    )


@registry.static_view(china_estimates_explorer)
def china_estimates_explorer_static(frame: pd.DataFrame | None = None) -> StaticView:
    """The China estimates explorer in the handouts: the chart and the table.

    >>> "bl-static" in china_estimates_explorer_static()._repr_html_()
    True
    """
    frame = data.load("china_estimates") if frame is None else frame
    cols = ["est_id", "year", "estimator", "estimator_type", "measure", "value_text", "source_id"]
    return StaticView(
        ui("China estimates explorer"), chart_html(charts.china_estimates(frame)), table_html(frame[cols])
    )
