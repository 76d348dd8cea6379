"""The statements browser: official statements by speaker group, theme and period, each with its source.

>>> box = statements_browser()
>>> box.controls["who"].value = list(data.labels("statements.group"))[0]
>>> "Showing" in box.text.value
True
"""

from __future__ import annotations

import html

import ipywidgets as w

from .. import charts, data, registry
from ..analysis import filter_statements, groups, in_group, years_of
from ..cards import statement_card_html
from ..i18n import ui
from ..widget_parts import html as html_widget
from ..widget_parts import row
from .base import LABEL_STYLE, StaticView, YearRange, box_of, chart_html, live_figure, view


def _controls(frame):
    names, themes = data.labels("statements.group"), data.labels("statements.theme")
    years = years_of(frame)
    who = w.Dropdown(
        options=[(ui("Everyone"), "all")] + [(n, g) for g, n in names.items()],
        value="all",
        description=ui("Who speaks:"),
        style=LABEL_STYLE,
    )
    theme = w.Dropdown(
        options=[(ui("Every theme"), "all")] + [(label, t) for t, label in themes.items() if t in set(frame["theme"])],
        value="all",
        description=ui("Theme:"),
        style=LABEL_STYLE,
        layout=w.Layout(width="380px"),
    )
    period = YearRange(int(years.min()), int(years.max()), ui("Years from:"), ui("to:"))
    return who, theme, period


@registry.uses("statements")
@view
def statements_browser() -> w.VBox:
    """Official statements by speaker, theme and period, each with its source.

    >>> box = statements_browser()
    >>> first = box.controls["period"].min
    >>> box.controls["period"].value = (first, first)
    >>> shown = filter_statements(data.load("statements"), years=(first, first))
    >>> box.text.value.count("class='bl-statement'") == len(shown) > 0
    True
    """
    frame = data.load("statements")
    who, theme, period = _controls(frame)
    fig = live_figure(charts.statements_chart(frame))
    base = [(list(t.x), list(t.y), list(t.hovertext)) for t in fig.data]
    ids = [list(frame[in_group(frame, g)]["stmt_id"]) for g in groups()]
    themes, colours, first = data.labels("statements.theme"), data.colours("statements.group"), groups()[0]
    first_name = data.labels("statements.group")[first]
    text = html_widget()

    def update(_change=None, redraw=True):
        shown = filter_statements(frame, who.value, theme.value, period.value)
        keep = set(shown["stmt_id"])
        if redraw:
            with fig.batch_update():
                for trace, (xs, ys, hs), order in zip(fig.data, base, ids, strict=False):
                    pick = [i for i, s in enumerate(order) if s in keep]
                    trace.x, trace.y = [xs[i] for i in pick], [ys[i] for i in pick]
                    trace.hovertext = [hs[i] for i in pick]
        mine = int(in_group(shown, first).sum())
        cards = "".join(statement_card_html(r, themes, colours) for r in shown.to_dict("records")) or (
            f"<p>{ui('No statement matches these filters.')}</p>"
        )
        counts = dict(mine=mine, group=first_name, others=len(shown) - mine)
        text.value = (
            "<p role='status'><b>"
            + ui("Showing {count} statements", count=len(shown))
            + "</b> "
            + ui("({mine} by {group}, {others} by others), oldest first.", **counts)
            + f"</p><div class='bl-scroll' role='region' tabindex='0' aria-label='{html.escape(ui('Statements shown'))}' "
            + f"style='max-height:420px;overflow-y:auto'>{cards}</div>"
        )

    for control in (who, theme, period):
        control.observe(update, names="value")
    update(redraw=False)  # the chart as built shows every statement, as the controls do at first
    words = html_widget(charts.description_html(fig))
    return box_of(
        [row([who, theme]), period, fig, words, text],
        {"who": who, "theme": theme, "period": period},
        fig,
        text,
        "bl-statements",
    )


@registry.static_view(statements_browser)
def statements_browser_static() -> StaticView:
    """The statements browser in the handouts: the chart and every statement as a card.

    >>> statements_browser_static()._repr_html_().count("class='bl-statement'") == len(data.load("statements"))
    True
    """
    frame = data.load("statements")
    cards = "".join(statement_card_html(r) for _, r in filter_statements(frame).iterrows())
    return StaticView(ui("Statements browser"), chart_html(charts.statements_chart(frame)), cards)
