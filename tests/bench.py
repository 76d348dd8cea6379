"""Benchmark: prints figures against the budgets in DESIGN.md; never fails a build.

For each notebook: the time to execute it headless against the floor (a fresh
kernel that only runs the imports cell, ``import borderline as bl``, which loads
pandas, plotly and ipywidgets), with the tables and charts an earlier kernel kept
and, once, with none kept yet (a student's first run); and the kernel's peak memory. For each widget:
the median in-kernel callback time over 100 driven changes. In JupyterLab in
headless Chromium: the cold start of lesson 01 to its first chart, and for every
interactive widget a control change to the chart redrawn, beside plotly.js alone
redrawing the same change (tests/redraw.py).

Run with ``make bench``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("BORDERLINE_JOURNAL", str(Path(tempfile.mkdtemp()) / "bench-journal.json"))
# The floor: a fresh kernel that runs the lesson's imports cell and loads the libraries a lesson uses (plotly
# loads its figure classes lazily), building nothing.
LIBRARIES = "import pandas, ipywidgets, plotly.graph_objects as _go; _go.Figure, _go.FigureWidget"
# The kernel's peak resident memory in kB: VmHWM, which starts afresh when the kernel process starts. (Linux's
# ru_maxrss does not: a child inherits its parent's peak across fork and exec, so after `make bench` has built
# every widget in its own process, each kernel reported the bench's peak, not its own.)
MEMORY_CELL = (
    "import resource as _r, pathlib as _p; _s = _p.Path('/proc/self/status')\n"
    "_hwm = [l.split()[1] for l in _s.read_text().splitlines() if l.startswith('VmHWM')] if _s.exists() else []\n"
    "print(_hwm[0] if _hwm else _r.getrusage(_r.RUSAGE_SELF).ru_maxrss)"
)
RUNS = 3


def _execute(nb) -> tuple[float, int]:
    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(MEMORY_CELL))
    client = NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
        # ipykernel warns at every start that a kernel over TCP is unencrypted (true, and beside the point here)
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    peak_kb = int(nb.cells[-1].outputs[0]["text"].strip())
    return elapsed, peak_kb


def _first_run(nb) -> float:
    """The notebook in a kernel with no copies of tables or charts yet (borderline/data/cache.py): a student's
    very first run, or the first after a dataset was edited."""
    from borderline.editions import environment

    # an empty folder of its own, and not those `make setup` kept for every user
    with environment(BORDERLINE_CACHE=tempfile.mkdtemp(prefix="bench-copies-"), BORDERLINE_SHARED_CACHE=""):
        return _execute(nb)[0]


def bench_notebooks() -> None:
    print(f"Notebook execution (headless, fresh kernel each run; median of {RUNS} runs, floor and lesson in turn)")
    print(f"floor: a fresh kernel running the imports cell and: {LIBRARIES}")
    print("full: the lesson, with the tables and charts an earlier kernel kept (borderline/data/cache.py);")
    print("first: the lesson once with none kept yet (a student's first run, or the first after an edit)")
    print(
        f"{'notebook':34} {'floor s':>8} {'full s':>8} {'ratio':>6} {'budget':>7} {'first s':>8} {'ratio':>6} {'peak MB':>8}"
    )
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        floor_nb = nbformat.v4.new_notebook(
            cells=[c for c in nb.cells if c.cell_type == "code"][:1] + [nbformat.v4.new_code_cell(LIBRARIES)],
            metadata=nb.metadata,
        )
        first = _first_run(nb)
        _execute(nb)  # keeps the tables and charts, should the bench's folder have none yet
        # floor and lesson in turn, so that a slower spell of the machine weighs on both alike
        floors, fulls = [], []
        for _ in range(RUNS):
            floors.append(_execute(floor_nb)[0])
            fulls.append(_execute(nb))
        floor = statistics.median(floors)
        full = statistics.median(t for t, _ in fulls)
        peak = max(m for _, m in fulls) / 1024
        ratio = full / floor
        verdict = "ok" if ratio <= 1.5 else "OVER"
        print(
            f"{path.name:34} {floor:8.2f} {full:8.2f} {ratio:6.2f} {verdict:>7} {first:8.2f} {first / floor:6.2f} {peak:8.0f}"
        )


def _median_ms(action, n=100) -> float:
    times = []
    for i in range(n):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_widgets() -> None:
    sys.path.insert(0, str(ROOT))
    import borderline as bl

    print("\nWidget callbacks (in-kernel, median of 100 driven changes; budget 50 ms)")
    cases = []
    box = bl.estimate_explorer()
    methods = [k for k in box.controls if k.startswith("method:")]
    cases.append(
        (
            "estimate explorer: method checkbox",
            lambda i: setattr(
                box.controls[methods[i % len(methods)]], "value", not box.controls[methods[i % len(methods)]].value
            ),
        )
    )
    cases.append(
        ("estimate explorer: scale", lambda i: setattr(box.controls["scale"], "value", ["log", "linear"][i % 2]))
    )
    setup = bl.setup_check()
    cases.append(("setup check: slider", lambda i: setattr(setup.controls["bars"], "value", 1 + i % 10)))
    # (label, builder, control): each change picks the control's next option
    cycled = [
        ("per-capita calculator: estimate", bl.per_capita_calculator, "estimate"),
        ("glossary browser: term", bl.glossary_browser, "term"),
        ("border map: route", bl.border_map, "route"),
        ("arrivals timeline: view", bl.arrivals_timeline, "view"),
        ("China estimates: measure", bl.china_estimates_explorer, "measure"),
        ("treaty explorer: treaty", bl.treaty_explorer, "choice"),
        ("statements browser: speaker", bl.statements_browser, "who"),
        ("argument map: question", lambda: bl.argument_map("bench.strongest"), "question"),
        ("argument map: claim", lambda: bl.argument_map("bench.strongest"), "claim"),
        ("status checker: case", bl.status_checker, "case"),
        ("options board: option", lambda: bl.options_board("bench.ranking"), "option"),
    ]
    for label, builder, name in cycled:
        control = builder().controls[name]
        values = [v for _, v in control.options]
        cases.append((label, lambda i, c=control, v=values: setattr(c, "value", v[(i + 1) % len(v)])))
    ex = bl.exercise("01.5")
    cases.append(
        (
            "exercise check (saves to journal)",
            lambda i: (setattr(ex.controls["answer"], "value", f"{11000 + i}"), ex.controls["check"].click()),
        )
    )
    for name, action in cases:
        ms = _median_ms(action)
        print(f"{name:42} {ms:8.2f} ms  {'ok' if ms < 50 else 'OVER'}")


REDRAW_BUDGET_MS, WORST_BUDGET_MS, FLOOR_RATIO = 100, 250, 3.0
COLD_RUNS = 5


def _fresh_kernels(server) -> None:
    """Shut down every kernel of the server, so that the next notebook opened starts its own."""
    import json
    import urllib.request

    base, token = server["url"], server["token"]
    with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10) as r:
        sessions = json.load(r)
    for s in sessions:
        req = urllib.request.Request(f"{base}/api/sessions/{s['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(req, timeout=30).close()


def _first_chart(lab, server, b, name: str, run: int) -> float:
    """Seconds from opening ``name`` (a fresh kernel) and running every cell to its first chart drawn."""
    _fresh_kernels(server)
    page = lab.new_page(b, [])
    try:
        started = time.perf_counter()
        page.goto(f"{server['url']}/lab/workspaces/cold{run}/tree/notebooks/{name}?token={server['token']}&reset")
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=90_000)
        lab.run_all(page)
        dialog = page.locator(".jp-Dialog .jp-Dialog-button")  # a cold server may ask for a kernel
        chart = page.locator(".jp-NotebookPanel .js-plotly-plot .main-svg")
        deadline, clicked = time.time() + 120, time.time()
        while not chart.count():
            # a Run All before the kernel was chosen, or dropped while it connected, is run again
            state = lab.prompt_state(page)
            started_running = state["busy"] or state["pending"] < state["total"]
            if dialog.count() or (time.time() - clicked > 5 and not started_running):
                lab.run_all(page)
                clicked = time.time()
            if time.time() > deadline:
                raise TimeoutError(f"no chart drawn in {name} within 120 s")
            page.wait_for_timeout(50)
        seconds = time.perf_counter() - started
        lab.run_all_and_wait(page)
        return seconds
    except Exception as exc:
        shown = page.locator(".jp-Dialog")
        words = shown.first.inner_text()[:120].replace("\n", " | ") if shown.count() else ""
        said = (str(exc).strip().splitlines() or [""])[0][:160]
        raise RuntimeError(
            f"{type(exc).__name__}" + (f" ({said})" if said else "") + (f"; dialog on screen: {words}" if words else "")
        ) from None
    finally:
        page.close()


def bench_cold_start(lab, server, b, name: str = "01-famine.ipynb") -> None:
    """What a student waits for: from opening the lesson (a fresh kernel each time) and running every
    cell to the first chart drawn, until ``COLD_RUNS`` runs have finished (at most ``COLD_RUNS + 3`` tries).
    A run that fails is reported, and tried again."""
    times, failed, tries = [], [], 0
    while len(times) < COLD_RUNS and tries < COLD_RUNS + 3:
        tries += 1
        try:
            times.append(_first_chart(lab, server, b, name, tries))
        except RuntimeError as exc:
            failed.append(f"try {tries}: {exc}")
    runs = ", ".join(f"{t:.1f}" for t in times)
    median = f"median {statistics.median(times):.1f} s of {len(times)}" if times else "no run finished"
    print(f"Cold start, {name}: open, Run All, first chart drawn: {median} (each {runs} s; a fresh kernel each run)")
    for line in failed:
        print(f"  cold start failed, {line}")


def _verdict(median: float, worst: float, ratio: float | None) -> str:
    over = []
    if not median < REDRAW_BUDGET_MS:
        over.append("median")
    if not worst < WORST_BUDGET_MS:
        over.append("worst")
    if ratio is not None and not ratio <= FLOOR_RATIO:
        over.append("ratio")
    return "ok" if not over else "OVER: " + ",".join(over)


def bench_browser(changes: int = 20, lessons: tuple = ()) -> None:
    """Every interactive widget in every lesson, in JupyterLab in headless Chromium: a control change to the
    chart's ``plotly_afterplot`` (or, for a view with no chart, to its last text change), against the same
    change drawn by plotly.js alone (tests/redraw.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import redraw

    import browser as lab

    reason = lab.chromium_missing()
    if reason:
        print(f"\nBrowser figures skipped: {reason}")
        return
    print(
        f"\nIn the browser (JupyterLab in headless Chromium). Budgets: median under {REDRAW_BUDGET_MS} ms, worst under "
        f"{WORST_BUDGET_MS} ms, within {FLOOR_RATIO:g}x of plotly.js alone redrawing the same change"
    )
    with tempfile.TemporaryDirectory() as tmp, lab.jupyterlab(Path(tmp)) as server, lab.browser() as b:
        print(f"JupyterLab start to ready: {server['ready_s']:.1f} s")
        if not lessons:
            bench_cold_start(lab, server, b)
        print(
            f"{changes} changes per widget, each timed from the change to the chart redrawn (to the text, where a change"
            " redraws no chart); kind: chart, text, or how many of each; ratio: the chart changes' median to the floor's"
        )
        print(
            f"{'lesson':6} {'widget':22} {'run all s':>9} {'ctls':>4} {'kind':>5} {'median':>7} {'worst':>6} "
            f"{'floor':>6} {'fl.worst':>8} {'ratio':>6}  verdict"
        )
        for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
            if lessons and path.name[:2] not in lessons:
                continue
            outside = []
            page = lab.new_page(b, outside)
            lab.open_notebook(page, server, path.name, f"bench{path.name[:2]}")
            run_all = lab.run_all_and_wait(page)
            page.wait_for_timeout(800)
            for w in redraw.widgets(page):
                r = redraw.time_changes(page, w["index"], w["controls"], n=changes)
                times = r["chart"] + r["text"]  # every change a student makes, to what it redraws
                kind = "chart" if not r["text"] else "text" if not r["chart"] else f"{len(r['chart'])}+{len(r['text'])}"
                median, worst = redraw.summary(times)
                floor, floor_worst = redraw.summary(redraw.time_floor(page, w["index"], r["pairs"]))
                ratio = redraw.summary(r["chart"])[0] / floor if r["pairs"] else None
                name = w["css"].split()[0].removeprefix("bl-")
                print(
                    f"{path.name[:2]:6} {name[:22]:22} {run_all:9.1f} {w['controls']:4d} {kind:>5} {median:7.0f} "
                    f"{worst:6.0f} {floor:6.1f} {floor_worst:8.1f} {(f'{ratio:.1f}x' if ratio else '-'):>6}  "
                    f"{_verdict(median, worst, ratio)}" + (f" ({len(times)} timed)" if len(times) < changes else "")
                )
            if outside:
                print(f"       requests outside 127.0.0.1: {outside[:2]}")
            page.close()


def bench_answers() -> None:
    """Check time of every registered exercise over the hostile corpus of tests/test_hostile_input.py."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    from test_hostile_input import EXERCISES, HOSTILE, NUMERIC, ODD_TYPES, _forms

    from borderline.exercises import check

    corpus = HOSTILE + ODD_TYPES + [form for q in NUMERIC for forms in _forms(q) for form in forms]
    times, worst = [], (0.0, "", "")
    for qid in EXERCISES:
        for answer in corpus:
            start = time.perf_counter()
            check(qid, answer)
            ms = (time.perf_counter() - start) * 1000
            times.append(ms)
            if ms > worst[0]:
                worst = (ms, qid, repr(answer)[:30])
    verdict = "ok" if worst[0] < 50 else "OVER"
    print(f"\nTyped-answer checks ({len(times)} = {len(EXERCISES)} exercises x {len(corpus)} answers; budget 50 ms)")
    print(f"median {statistics.median(times):.3f} ms, worst {worst[0]:.2f} ms ({worst[1]}, {worst[2]}) {verdict}")


if __name__ == "__main__":
    # python tests/bench.py [part ...] [lesson ...]: e.g. "browser 03 04" for two lessons in the browser only
    parts = [a for a in sys.argv[1:] if not a.isdigit()] or ["answers", "widgets", "notebooks", "browser"]
    lessons = tuple(a for a in sys.argv[1:] if a.isdigit())
    if "answers" in parts:
        bench_answers()
    if "widgets" in parts:
        bench_widgets()
    if "notebooks" in parts:
        bench_notebooks()
    if "browser" in parts:
        bench_browser(lessons=lessons)
