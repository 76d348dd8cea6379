"""Time what a student feels in JupyterLab: a control change to the chart redrawn, against plotly.js alone.

Used by the benchmark (tests/bench.py), never by a timed test. Every measure runs inside the page, with
``performance.now()``, so the timer adds nothing to what it times:

- ``widgets``: the widgets a student can change, each with its number of controls (dropdowns, toggle-button rows, checkboxes,
  number boxes), in page order;
- ``time_changes``: change those controls in turn, ``n`` times; each change is timed from the change to the
  last ``plotly_afterplot`` of the widget's chart (a listener attached to the chart), or, for a change that
  redraws no chart, to the last change of the widget's text; the chart's state before and after is kept;
- ``time_floor``: the same visual changes done by plotly.js alone (``Plotly.react`` from the state before to
  the state after, in a div of the same size in the same page): what a redraw costs with no kernel at all.

A change that redraws no chart (a text-only view) is timed to the widget's last text change instead.
"""

from __future__ import annotations

import statistics

from plotly.offline import get_plotlyjs  # the plotly.js the package ships, as the slides use it

WIDGETS = """() => [...document.querySelectorAll('.jp-NotebookPanel .bl-widget')].map((w, i) => ({
    index: i,
    css: [...w.classList].filter(c => c.startsWith('bl-') && c !== 'bl-widget').join(' '),
    probe: !!w.querySelector('.bl-probe'),
    charts: w.querySelectorAll('.js-plotly-plot').length,
    controls: w.querySelectorAll('select, .widget-toggle-buttons, input[type=checkbox], input[type=number]').length,
}))"""

# One change of control ``c`` in widget ``i``, timed in the page. Resolves to
# {chart_ms, view_ms, before, after} once nothing has changed for ``quiet`` ms (or ``limit`` ms pass).
CHANGE = """async ([i, c, quiet, limit, keep]) => {
    const w = document.querySelectorAll('.jp-NotebookPanel .bl-widget')[i];
    const all = [...w.querySelectorAll('select, .widget-toggle-buttons, input[type=checkbox], input[type=number]')];
    const el = all[c];
    const own = el.closest('.widget-dropdown, .widget-toggle-buttons, .widget-checkbox, .widget-inline-hbox') || el;
    const gd = w.querySelector('.js-plotly-plot');
    const snap = () => gd && keep ? structuredClone({data: gd.data, layout: gd.layout}) : null;
    const before = snap();
    let lastPlot = null, lastText = null;
    const onPlot = () => { lastPlot = performance.now(); };
    const watcher = new MutationObserver(records => {
        for (const r of records) {
            const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
            if (t && !own.contains(t) && !t.closest('.js-plotly-plot')) { lastText = performance.now(); return; }
        }
    });
    if (gd) gd.on('plotly_afterplot', onPlot);
    watcher.observe(w, {childList: true, subtree: true, characterData: true});
    const t0 = performance.now();
    if (el.tagName === 'SELECT') {
        el.selectedIndex = (el.selectedIndex + 1) % el.options.length;
        el.dispatchEvent(new Event('change', {bubbles: true}));
    } else if (el.classList.contains('widget-toggle-buttons')) {
        const buttons = [...el.querySelectorAll('button')];
        const at = buttons.findIndex(b => b.classList.contains('mod-active'));
        buttons[(at + 1) % buttons.length].click();
    } else if (el.type === 'checkbox') {
        el.click();
    } else {
        const v = Number(el.value), up = el.max === '' || v < Number(el.max);
        el.value = String(up ? v + 1 : v - 1);
        el.dispatchEvent(new Event('input', {bubbles: true}));
        el.dispatchEvent(new Event('change', {bubbles: true}));
    }
    const sleep = ms => new Promise(r => setTimeout(r, ms));
    while (performance.now() - t0 < limit) {
        await sleep(5);
        const last = Math.max(lastPlot || 0, lastText || 0);
        if (last && performance.now() - last > quiet) break;
    }
    if (gd) gd.removeListener('plotly_afterplot', onPlot);
    watcher.disconnect();
    return {chart_ms: lastPlot && lastPlot - t0, view_ms: Math.max(lastPlot || 0, lastText || 0) ? Math.max(lastPlot || 0, lastText || 0) - t0 : null,
            before, after: lastPlot ? snap() : null};
}"""

# The floor: in a div the size of widget ``i``'s chart, draw each kept "before" state with plotly.js alone
# (untimed), then time Plotly.react to its "after" state, to the afterplot event.
FLOOR = """async ([i, pairs]) => {
    const w = document.querySelectorAll('.jp-NotebookPanel .bl-widget')[i];
    const gd = w.querySelector('.js-plotly-plot');
    const box = gd.getBoundingClientRect();
    const div = document.createElement('div');
    div.style.cssText = `position:fixed;left:0;top:0;z-index:100000;background:#fff;width:${box.width}px;height:${box.height}px`;
    document.body.appendChild(div);
    const config = Object.assign({}, gd._context ? {displaylogo: gd._context.displaylogo,
        displayModeBar: gd._context.displayModeBar, responsive: false} : {});
    const times = [];
    try {
        for (const [before, after] of pairs) {
            await Plotly.newPlot(div, structuredClone(before.data), structuredClone(before.layout), config);
            const data = structuredClone(after.data), layout = structuredClone(after.layout);
            let done = null;
            div.on('plotly_afterplot', () => { done = performance.now(); });
            const t0 = performance.now();
            await Plotly.react(div, data, layout, config);
            while (done === null && performance.now() - t0 < 5000) await new Promise(r => setTimeout(r, 1));
            times.push(done - t0);
            div.removeAllListeners('plotly_afterplot');
        }
    } finally {
        Plotly.purge(div);
        div.remove();
    }
    return times;
}"""


def widgets(page) -> list[dict]:
    """The interactive widgets on the page: those with a marked control and something to change."""
    return [w for w in page.evaluate(WIDGETS) if w["probe"] and w["controls"]]


def time_changes(page, index: int, count: int, n: int = 20, quiet_ms: int = 150, limit_ms: int = 1500) -> dict:
    """Change each of widget ``index``'s ``count`` controls in turn until ``n`` changes have shown something
    (at most ``2 n`` tries: a change can show nothing, such as unticking a method no shown row uses; a change
    with nothing to show after ``limit_ms`` counts as such);
    return the times, the chart states kept and how many tries showed nothing."""
    chart, view, pairs, silent = [], [], [], 0
    for k in range(2 * n):
        if len(chart) + len(view) >= n:
            break
        r = page.evaluate(CHANGE, [index, k % count, quiet_ms, limit_ms, True])
        if r["view_ms"] is None:
            silent += 1
        elif r["chart_ms"] is not None:
            chart.append(r["chart_ms"])
            pairs.append([r["before"], r["after"]])
        else:
            view.append(r["view_ms"])
    return {"chart": chart, "text": view, "pairs": pairs, "silent": silent}


def time_floor(page, index: int, pairs: list) -> list[float]:
    """The same chart changes done by plotly.js alone, in the page (plotly.js, the build the widget uses, is added once)."""
    if not pairs:
        return []
    if not page.evaluate("() => typeof window.Plotly === 'object' && !!window.Plotly.react"):
        # plotly.min.js is a UMD bundle: hide any AMD loader so that it sets window.Plotly
        page.evaluate("() => { window.__define = window.define; window.define = undefined; }")
        page.add_script_tag(content=get_plotlyjs())
        page.evaluate("() => { window.define = window.__define; }")
    return page.evaluate(FLOOR, [index, pairs])


def summary(times: list[float]) -> tuple[float, float]:
    """(median, worst) of a list of milliseconds; NaN for an empty list.

    >>> summary([10.0, 30.0, 20.0])
    (20.0, 30.0)
    """
    if not times:
        return float("nan"), float("nan")
    return statistics.median(times), max(times)
