"""What every view shares: the container with its controls, small messages, and live-or-static dispatch.

Builders never display anything; the notebook shows what they return. Every container
carries ``.controls`` (a dict of its labelled controls), and most carry ``.figure`` (a plotly
FigureWidget) and ``.text`` (an HTML widget), so a test can set
``box.controls["scale"].value = "linear"`` and read the result.

>>> toggle = w.Checkbox(description="On")
>>> box = box_of([toggle], {"on": toggle}, css="bl-example")
>>> box.controls["on"] is toggle and "bl-probe" in toggle._dom_classes
True
"""

from __future__ import annotations

import functools
import html

import ipywidgets as w
import traitlets

from ..charts import data_table_html, description_html, figure_html
from ..charts.kept import plain, trusted
from ..tables import table_html
from ..views import StaticView, static_mode, view
from ..widget_parts import LABEL_STYLE, column, shared
from ..widget_parts import html as html_widget

__all__ = [
    "LABEL_STYLE",
    "box_of",
    "note",
    "status",
    "chart_html",
    "table_html",
    "StaticView",
    "view",
    "static_mode",
    "pick_value",
    "number_box",
    "name_each_button",
    "YearRange",
    "patch_annotations",
    "live_figure",
]

# A long radio option wraps onto lines of its own, beside its button: ipywidgets gives each option one line's
# height, so a second line ran over the next option.
RADIO_CSS = (
    ".bl-widget .widget-radio-box label{display:flex;align-items:flex-start;height:auto;"
    "min-height:var(--jp-widgets-radio-item-height);line-height:1.4;padding:3px 0;white-space:normal}"
    ".bl-widget .widget-radio-box input{order:-1;float:none;flex:0 0 auto;height:auto;margin-top:0.2em}"
)
_CSS = (
    "<style>.bl-widget .widget-html-content{line-height:1.45}"
    + RADIO_CSS
    + ".bl-widget table{border-collapse:collapse;margin:4px 0}"
    ".bl-widget th,.bl-widget td{padding:3px 8px;vertical-align:top;border-bottom:1px solid #e4e4e4}"
    ".bl-widget caption{text-align:left;color:#444}</style>"
)


def box_of(children, controls, figure=None, text=None, css="bl-widget", probe=True) -> w.VBox:
    """The container every view returns, with ``.controls``, ``.figure`` and ``.text``.

    The first control is marked ``bl-probe``: the browser tests operate it and check that the view changes.
    A figure among the children gets the data behind it ("Data behind this chart") under it and its words.

    >>> box_of([], {}).controls, box_of([], {}).figure
    ({}, None)
    """
    children = with_data_table(list(children), figure)
    for control in _descendants(children):
        name_each_button(control)
    box = column([html_widget(_CSS), *children], "bl-widget", css, layout=shared(width="100%"))
    if probe and controls:
        next(iter(controls.values())).add_class("bl-probe")
    box.controls, box.figure, box.text = controls, figure, text
    return box


def _descendants(widgets):
    for widget in widgets:
        yield widget
        yield from _descendants(getattr(widget, "children", ()) or ())


def name_each_button(control) -> None:
    """Give each button of a row of toggle buttons the question it answers as its tooltip (the ``title`` a
    screen reader reads with the button), since ipywidgets ties a group's label to none of its buttons:
    "Yes" alone does not say yes to what.

    >>> pick = w.ToggleButtons(options=["Yes", "No"], description="Of persecution")
    >>> name_each_button(pick); pick.tooltips
    ('Of persecution: Yes', 'Of persecution: No')
    """
    if isinstance(control, w.ToggleButtons) and not control.tooltips and control.description:
        question = control.description.rstrip(": ")
        control.tooltips = tuple(f"{question}: {label}" for label in control._options_labels)


def note(message: str) -> w.HTML:
    """A small grey line of text.

    >>> "Hello" in note("Hello").value
    True
    """
    return html_widget(f'<p style="color:#555;margin:2px 0">{html.escape(message)}</p>')


def status(message: str) -> str:
    """A quiet status message (escaped), as HTML.

    >>> status("Saved <now>.")
    '<span style="color:#555;font-size:90%">Saved &lt;now&gt;.</span>'
    """
    return f'<span style="color:#555;font-size:90%">{html.escape(message)}</span>'


def with_data_table(children: list, figure) -> list:
    """``children`` with the data behind ``figure`` put after it and the words under it (an HTML widget), if
    the figure keeps a data table; the table follows the figure when a view changes it (``fig.layout.meta``).

    >>> import plotly.graph_objects as go
    >>> from borderline.charts import famine_comparison
    >>> fig, words = go.FigureWidget(famine_comparison()), w.HTML("words")
    >>> parts = with_data_table([fig, words], fig)
    >>> parts[1] is words and "Data behind this chart" in parts[2].value
    True
    """
    if figure is None or not data_table_html(figure) or not any(c is figure for c in children):
        return children
    table = html_widget(data_table_html(figure), "bl-data-behind")
    figure.layout.on_change(lambda *_: setattr(table, "value", data_table_html(figure)), "meta")
    at = next(i for i, c in enumerate(children) if c is figure) + 1
    if at < len(children) and isinstance(children[at], w.HTML):
        at += 1
    return children[:at] + [table] + children[at:]


@functools.lru_cache(maxsize=1)
def _figure_widget():
    """plotly's FigureWidget with its front-end code loaded once per page (``figure.figure_class``), told not
    to echo back what the page reports after each redraw.

    After every redraw plotly.js sends the kernel the whole drawn state of the chart ("deltas", some 15 kB for
    the border map); ipywidgets would send each such message straight back to the page ("echo_update"), and the
    page would parse it again, while the student's next change waits behind it. The kernel still reads them.
    The setting is on plotly's class, so it holds for every FigureWidget in the kernel, as it should.
    """
    import plotly.graph_objects as go

    from .figure import figure_class

    for name, trait in go.FigureWidget.class_traits().items():
        if name.startswith("_js2py_"):
            trait.metadata["echo_update"] = False
    return figure_class()


def live_figure(fig=None):
    """The live chart of a view: a plotly FigureWidget of ``fig`` that echoes nothing back to the page and
    leaves plotly's front-end code to the page's one loader (``figure.plotly_code``).

    >>> import plotly.graph_objects as go
    >>> chart = live_figure(go.Figure(go.Bar(x=[1], y=[2])))
    >>> isinstance(chart, go.FigureWidget), chart.trait_metadata("_js2py_traceDeltas", "echo_update")
    (True, False)

    Built from the chart's already checked data; what a view changes later is checked as ever:

    >>> import pandas as pd
    >>> chart.data[0].y = pd.Series([5])  # made a plain array, which the page can be sent
    >>> type(chart.data[0].y).__name__
    'ndarray'
    """
    live = _figure_widget()
    if fig is None:
        return live()
    # The chart was checked by plotly when it was built; building the widget from its plain data without checking
    # it all again takes 3-6 ms, not 7-20. Changes made afterwards are checked as ever.
    return trusted(live, plain(fig))


def patch_annotations(fig, annotations: list) -> None:
    """Put ``annotations`` (dicts) in place of a figure's, changing only what differs: with as many as before,
    each annotation gets just its changed properties (a smaller message; plotly.js still replots the chart,
    as an annotation can move the axes); with a different number, the list is replaced.

    >>> import plotly.graph_objects as go
    >>> fig = go.Figure(layout=dict(annotations=[dict(text="a", x=0), dict(text="b", x=1)]))
    >>> patch_annotations(fig, [dict(text="a", x=0), dict(text="B", x=1)])
    >>> [a.text for a in fig.layout.annotations]
    ['a', 'B']
    """
    current = fig.layout.annotations
    if len(current) != len(annotations):
        fig.layout.annotations = annotations
        return
    for now, wanted in zip(current, annotations, strict=True):
        have = now.to_plotly_json()
        changed = {k: v for k, v in wanted.items() if have.get(k) != v}
        changed.update({k: None for k in have if k not in wanted})
        if changed:
            now.update(changed)


def chart_html(fig) -> str:
    """A figure, its 'Chart in words' paragraph and the data behind it as HTML, for a static view.

    >>> from borderline.charts import famine_comparison
    >>> page = chart_html(famine_comparison())
    >>> page.count("Chart in words"), page.count("Data behind this chart")
    (1, 1)
    """
    return figure_html(fig) + description_html(fig) + data_table_html(fig)


def pick_value(options, start=None):
    """The value a dropdown starts at: ``start`` if it is one of the options, else the first option.

    >>> pick_value([("A", "a"), ("B", "b")], "b"), pick_value([("A", "a"), ("B", "b")], "zzz")
    ('b', 'a')
    """
    values = [v for _, v in options]
    return start if start in values else values[0]


def row_picker(rows, key: str, description: str, width: str = "680px") -> w.Dropdown:
    """A dropdown of a table's rows, each shown as "id: title", starting at the first row.

    >>> import pandas as pd
    >>> pick = row_picker(pd.DataFrame({"k": ["a1", "b2"], "title": ["First", "Second"]}), "k", "Row:")
    >>> pick.options[1], pick.value
    (('b2: Second', 'b2'), 'a1')
    """
    return w.Dropdown(
        options=[(f"{row[key]}: {row['title']}", row[key]) for _, row in rows.iterrows()],
        value=rows[key].iloc[0],
        description=description,
        style=LABEL_STYLE,
        layout=w.Layout(width=width),
    )


def number_box(value: int, low: int, high: int, description: str) -> w.BoundedIntText:
    """A labelled whole-number box (a native number input: a screen reader reads its label, and the arrow
    keys step it), used where a slider would do: ipywidgets' sliders give their handle no accessible name.

    >>> box = number_box(5, 1, 10, "Bars:")
    >>> box.value, box.min, box.max, box.description
    (5, 1, 10, 'Bars:')
    """
    return w.BoundedIntText(
        value=value,
        min=low,
        max=high,
        step=1,
        description=description,
        style=LABEL_STYLE,
        continuous_update=True,
        layout=w.Layout(width="190px"),
    )


class YearRange(w.HBox):
    """Two labelled year boxes ("from" and "to") that act as one control whose ``value`` is ``(first, last)``.

    It replaces a range slider, whose two handles have no accessible name: each box is a native number input
    with its own label, stepped with the arrow keys. A "from" after the "to" moves the "to" with it.

    >>> years = YearRange(2000, 2024, "From:", "to:")
    >>> years.value, years.min, years.max
    ((2000, 2024), 2000, 2024)
    >>> years.first.value = 2030
    >>> years.value
    (2024, 2024)
    >>> years.value = (2010, 2012)
    >>> years.first.value, years.last.value
    (2010, 2012)
    """

    value = traitlets.Tuple()

    def __init__(self, low: int, high: int, first_label: str, last_label: str):
        self.min, self.max = low, high
        self.first = number_box(low, low, high, first_label)
        self.last = number_box(high, low, high, last_label)
        super().__init__([self.first, self.last])
        self.description = f"{first_label} {last_label}"  # what the two labels read together
        self.value = (low, high)
        self.first.observe(self._from_boxes, names="value")
        self.last.observe(self._from_boxes, names="value")

    def _from_boxes(self, change) -> None:
        first, last = self.first.value, self.last.value
        if first > last:  # keep the range the right way round, moving the box not being edited
            other = self.last if change["owner"] is self.first else self.first
            other.value = first if other is self.last else last
            return  # the moved box's own change sets the value
        self.value = (first, last)

    @traitlets.observe("value")
    def _to_boxes(self, change) -> None:
        first, last = change["new"]
        if (self.first.value, self.last.value) != (first, last):
            self.first.value, self.last.value = first, last
