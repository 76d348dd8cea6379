"""plotly's widget code sent to the page once per kernel, not once per chart.

plotly's FigureWidget is an anywidget whose front-end code (some 5 MB: plotly.js and the widget) travels with
each chart: every FigureWidget sends it to the page again, the page loads it again as a module of its own (a
copy of plotly.js per chart), and a notebook run headless keeps it again in its widget state. Here it travels
once per kernel, in a loader widget (``plotly_code``) that loads it in the page under a name that carries
plotly's version; each chart's own code (``Figure``) is a few lines that wait for that module and then do what
plotly's code does. Nothing is fetched from anywhere: the code still comes from the kernel, as before.

>>> chart = figure_class()()
>>> len(chart._esm) < 2000 and KEY in chart._esm
True
>>> len(plotly_code().bundle) > 1_000_000
True
"""

from __future__ import annotations

import functools
import json

import anywidget
import plotly
import traitlets

KEY = f"borderline-plotly-widget-{plotly.__version__}"

# The loader: load the code once per page (a second kernel's loader finds it there).
LOADER_ESM = """export default {
  initialize({ model }) {
    const key = model.get("key");
    if (!globalThis[key]) {
      const url = URL.createObjectURL(new Blob([model.get("bundle")], { type: "text/javascript" }));
      globalThis[key] = import(url);
    }
  },
};
"""

# A chart: wait for the loaded code (the loader's model may reach the page after the chart's), then use it.
STUB_ESM = """const key = %s;
async function plotlyWidget() {
  for (let waited = 0; !globalThis[key]; waited += 20) {
    if (waited > 60000) {
      throw new Error("The chart's code has not reached the page. Run the lesson's cells again from the top.");
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return (await globalThis[key]).default;
}
export default async () => (await plotlyWidget())();
"""


class PlotlyCode(anywidget.AnyWidget):
    """The widget that carries plotly's front-end code to the page; it shows nothing and need not be displayed.

    >>> PlotlyCode(bundle="export default {}").key == KEY
    True
    """

    _esm = LOADER_ESM
    key = traitlets.Unicode(KEY).tag(sync=True)
    bundle = traitlets.Unicode("").tag(sync=True)


@functools.lru_cache(maxsize=1)
def plotly_code() -> PlotlyCode:
    """This kernel's one loader of plotly's front-end code (opened before the first chart that needs it).

    >>> plotly_code() is plotly_code()
    True
    """
    from plotly.basewidget import BaseFigureWidget

    return PlotlyCode(bundle=str(BaseFigureWidget._esm))


@functools.lru_cache(maxsize=1)
def figure_class():
    """plotly's FigureWidget with the short front-end code; creating one makes sure the loader is open first.

    >>> import plotly.graph_objects as go
    >>> issubclass(figure_class(), go.FigureWidget)
    True
    >>> figure_class()(go.Figure(go.Bar(x=[1]), layout_title_text="Arrivals"))
    <live chart: Arrivals, 1 trace>
    """
    import plotly.graph_objects as go

    class Figure(go.FigureWidget):
        _esm = STUB_ESM % json.dumps(KEY)

        def __init__(self, *args, **kwargs):
            plotly_code()
            super().__init__(*args, **kwargs)

        def __repr__(self):
            # plotly's repr prints every point of every trace: a notebook shows a widget's repr as its plain-text
            # output, and building it for the border map took 60 ms of the cell's time
            traces = len(self.data)
            return f"<live chart: {self.layout.title.text or 'untitled'}, {traces} trace{'' if traces == 1 else 's'}>"

    return Figure
