"""Benchmark: prints figures against the budgets in DESIGN.md; never fails a build.

For each notebook: the time to execute it headless against the floor (a fresh
kernel that only runs the imports cell), and the kernel's peak memory. For each
widget: the median in-kernel callback time over 100 driven changes.

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
MEMORY_CELL = "import resource as _r; print(_r.getrusage(_r.RUSAGE_SELF).ru_maxrss)"
RUNS = 3


def _execute(nb) -> tuple[float, int]:
    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(MEMORY_CELL))
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    peak_kb = int(nb.cells[-1].outputs[0]["text"].strip())
    return elapsed, peak_kb


def bench_notebooks() -> None:
    print(f"Notebook execution (headless, fresh kernel each run; median of {RUNS} runs)")
    print(f"{'notebook':34} {'floor s':>8} {'full s':>8} {'ratio':>6} {'budget':>7} {'peak MB':>8}")
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        floor_nb = nbformat.v4.new_notebook(
            cells=[c for c in nb.cells if c.cell_type == "code"][:1], metadata=nb.metadata
        )
        floors = [_execute(floor_nb)[0] for _ in range(RUNS)]
        fulls = [_execute(nb) for _ in range(RUNS)]
        floor = statistics.median(floors)
        full = statistics.median(t for t, _ in fulls)
        peak = max(m for _, m in fulls) / 1024
        ratio = full / floor
        verdict = "ok" if ratio <= 1.5 else "OVER"
        print(f"{path.name:34} {floor:8.2f} {full:8.2f} {ratio:6.2f} {verdict:>7} {peak:8.0f}")


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


def bench_browser(repeats: int = 5) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import browser as lab

    reason = lab.chromium_missing()
    if reason:
        print(f"\nBrowser figures skipped: {reason}")
        return
    print("\nIn the browser (JupyterLab in headless Chromium; budget: a control change redrawn in under 200 ms)")
    with tempfile.TemporaryDirectory() as tmp, lab.jupyterlab(Path(tmp)) as server, lab.browser() as b:
        print(f"JupyterLab start to ready: {server['ready_s']:.1f} s")
        print(f"{'notebook':34} {'run all s':>9} {'redraw median ms':>17} {'max ms':>8} {'widgets':>8} {'verdict':>8}")
        for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
            outside = []
            page = lab.new_page(b, outside)
            lab.open_notebook(page, server, path.name, f"bench{path.name[:2]}")
            started = time.perf_counter()
            lab.run_all_and_wait(page)
            page.wait_for_timeout(500)
            run_all = time.perf_counter() - started
            times = []
            for _ in range(repeats):
                times += [p["ms"] for p in lab.operate_probes(page) if p["ms"] is not None]
            median = statistics.median(times) if times else float("nan")
            verdict = "ok" if times and median < 200 else ("n/a" if not times else "OVER")
            print(
                f"{path.name:34} {run_all:9.1f} {median:17.0f} {max(times or [0]):8.0f} "
                f"{len(times) // max(repeats, 1):8d} {verdict:>8}" + (f"  OUTSIDE: {outside[:2]}" if outside else "")
            )
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
    bench_answers()
    bench_widgets()
    bench_notebooks()
    bench_browser()
