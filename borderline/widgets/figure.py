"""plotly's widget code reaches the page once, not once per chart, and from the server where it can.

plotly's FigureWidget is an anywidget whose front-end code (some 5 MB: plotly.js and the widget) travels with
each chart: every FigureWidget sends it to the page again, the page loads it again as a module of its own (a
copy of plotly.js per chart), and a notebook run headless keeps it again in its widget state. Here one loader
widget per kernel (``plotly_code``) loads it in the page once, under a name that carries plotly's version; each
chart's own code (``Figure``) is a few lines that wait for that module and then do what plotly's code does.

Where the code comes from: in JupyterLab (on a laptop or a hub) the server extension ``borderline_server``
serves plotly's file at ``PlotlyCode.path`` under the server's address, so the page imports it as a file the
browser keeps in its cache (the second lesson needs no copy, and the kernel sends nothing). Where that fails
(JupyterLite, another front end, a server without the extension, another plotly version on the server), the
loader asks its kernel, which then sends the code once, as before. Nothing comes from outside the machine.

>>> chart = figure_class()()
>>> len(chart._esm) < 2000 and KEY in chart._esm
True
>>> code = plotly_code()
>>> code.bundle, code.path == f"borderline/plotly-widget/{plotly.__version__}.js" or code.path == ""
('', True)
>>> code.wanted = True
>>> len(code.bundle) > 1_000_000
True
"""

from __future__ import annotations

import functools
import json
import sys

import anywidget
import plotly
import traitlets

KEY = f"borderline-plotly-widget-{plotly.__version__}"
# Where borderline_server serves plotly's widget code, under the server's base address (the same path there).
SERVED_AT = "borderline/plotly-widget/{version}.js"

# The loader: load the code once per page (a second kernel's loader finds it there). From the server's file if
# the page has a server address and the file is there; else from the kernel, which sends it when asked.
LOADER_ESM = """function serverBase() {
  const config = document.getElementById("jupyter-config-data");
  try {
    const base = config && JSON.parse(config.textContent).baseUrl;
    return base ? new URL(base, location.href).href : null;
  } catch (e) {
    return null;
  }
}

async function fromKernel(model) {
  if (!model.get("bundle")) {
    const sent = new Promise((resolve) => model.on("change:bundle", resolve));
    model.set("wanted", true);
    model.save_changes();
    await sent;
  }
  const url = URL.createObjectURL(new Blob([model.get("bundle")], { type: "text/javascript" }));
  return import(url);
}

async function load(model) {
  const base = serverBase(), path = model.get("path");
  if (base && path) {
    try {
      return await import(new URL(path, base).href);
    } catch (e) {
      console.info("Borderline: plotly's widget code comes from the kernel instead (" + e + ")");
    }
  }
  return fromKernel(model);
}

export default {
  initialize({ model }) {
    const key = model.get("key");
    if (!globalThis[key]) {
      globalThis[key] = load(model);
      globalThis[key].catch(() => delete globalThis[key]);  // a later loader tries again
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


def _bundle() -> str:
    from plotly.basewidget import BaseFigureWidget

    return str(BaseFigureWidget._esm)


class PlotlyCode(anywidget.AnyWidget):
    """The widget that brings plotly's front-end code to the page; it shows nothing and need not be displayed.
    ``bundle`` stays empty (nothing travels) until the page sets ``wanted``.

    >>> PlotlyCode().key == KEY
    True
    """

    _esm = LOADER_ESM
    key = traitlets.Unicode(KEY).tag(sync=True)
    path = traitlets.Unicode("").tag(sync=True)
    wanted = traitlets.Bool(False).tag(sync=True)
    bundle = traitlets.Unicode("").tag(sync=True)

    @traitlets.observe("wanted")
    def _send_bundle(self, change) -> None:
        if change["new"] and not self.bundle:
            self.bundle = _bundle()


@functools.lru_cache(maxsize=1)
def plotly_code() -> PlotlyCode:
    """This kernel's one loader of plotly's front-end code (opened before the first chart that needs it). In
    Pyodide (JupyterLite) there is no server to ask, so the loader goes straight to the kernel.

    >>> plotly_code() is plotly_code()
    True
    """
    served = "" if sys.platform == "emscripten" else SERVED_AT.format(version=plotly.__version__)
    return PlotlyCode(path=served)


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

        @traitlets.observe("_js2py_traceDeltas")
        def _handler_js2py_traceDeltas(self, change):
            # After each redraw the page reports every default plotly.js filled in, for every trace (15-20 kB).
            # plotly's handler folds them into the kernel's copy, and fails on a trace whose points are an array:
            # the kernel then spent some 90 ms writing out the error, which nobody saw, while the student's next
            # change waited. No view reads those defaults, so the report only ends the edit, as plotly's does.
            report = change["new"]
            if not report:
                return
            if report.get("trace_edit_id") == self._last_trace_edit_id:
                self._trace_edit_in_process = False
                if not self._layout_edit_in_process:
                    while self._waiting_edit_callbacks:
                        self._waiting_edit_callbacks.pop()()
            self._js2py_traceDeltas = None

        def __repr__(self):
            # plotly's repr prints every point of every trace: a notebook builds a widget's repr as its plain-text
            # output, some 15-20 ms of the border map's cell, and keeps it in a saved notebook
            traces = len(self.data)
            return f"<live chart: {self.layout.title.text or 'untitled'}, {traces} trace{'' if traces == 1 else 's'}>"

    return Figure
