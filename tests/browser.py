"""Drive JupyterLab in Debian's headless Chromium: shared by the browser tests and the benchmark.

Nothing here may reach the network: every request the page makes is routed, and any request
to a host other than 127.0.0.1 is aborted and recorded.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("BORDERLINE_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
# A cell that calls one of these draws a chart (a figure, or a view with a live chart): cell_report counts them
CHART_CALLS = re.compile(
    r"bl\.(show|estimate_explorer|per_capita_calculator|setup_check|border_map|arrivals_timeline|"
    r"china_estimates_explorer|treaty_explorer|statements_browser|argument_map|options_board)\("
)


def undrawn(cells: list) -> list[str]:
    """The cells of a ``cell_report`` that drew fewer charts than their source calls for, each as
    "source: drawn of expected"; empty when every chart drew."""
    short = []
    for c in cells:
        expected = len(CHART_CALLS.findall(c["source"]))
        if c["drawn"] < expected:
            short.append(f"{c['source'][:40]}: {c['drawn']} of {expected} charts drawn")
    return short


def chromium_missing() -> str:
    """Why the browser tests cannot run here, or '' if they can."""
    if not Path(CHROMIUM).exists():
        return (
            f"no Chromium at {CHROMIUM}. Install it with `sudo apt-get install chromium` "
            "(or set BORDERLINE_CHROMIUM to its path) to run the browser tests."
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed: run `make setup`."
    return ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def jupyterlab(workdir: Path, source: Path = ROOT):
    """A JupyterLab server on 127.0.0.1 with a token, serving a scratch copy of the curriculum
    (or of an edition folder such as build/ko/self-learner)."""
    shutil.copytree(
        source / "notebooks", workdir / "notebooks", ignore=shutil.ignore_patterns("my-journal*", ".ipynb_checkpoints")
    )
    for extra in ["lessons.md", "borderline-edition.json"]:
        if (source / extra).exists():
            shutil.copy(source / extra, workdir / extra)
    if source != ROOT and (source / "lessons").exists():
        shutil.copytree(source / "lessons", workdir / "lessons")
    token, port = secrets.token_hex(16), _free_port()
    env = dict(os.environ, BORDERLINE_JOURNAL=str(workdir / "journal.json"))
    started = time.perf_counter()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--allow-root",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={workdir}",
            "--LabApp.extension_manager=readonly",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        deadline = time.time() + 90
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if time.time() > deadline or process.poll() is not None:
                    raise RuntimeError("JupyterLab did not start within 90 s") from None
                time.sleep(0.3)
        yield {
            "url": f"http://127.0.0.1:{port}",
            "token": token,
            "ready_s": time.perf_counter() - started,
            "journal": workdir / "journal.json",
        }
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield b
        finally:
            b.close()


def new_page(b, outside: list):
    """A page whose requests outside 127.0.0.1 are aborted and listed in ``outside``."""
    page = b.new_page(viewport={"width": 1280, "height": 900})

    def route(r):
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return page


def open_notebook(page, server, name: str, workspace: str):
    page.goto(f"{server['url']}/lab/workspaces/{workspace}/tree/notebooks/{name}?token={server['token']}&reset")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=90_000)
    accept_kernel_dialog(page)


def accept_kernel_dialog(page, wait_s: float = 4.0) -> None:
    """On a cold server JupyterLab may ask which kernel to start before the kernel list has loaded."""
    deadline = time.time() + wait_s
    while time.time() < deadline:
        dialog = page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
        if dialog.count():
            dialog.first.click()
            return
        time.sleep(0.25)


def menu(page, top: str, command: str):
    page.click(f".lm-MenuBar-itemLabel:text-is('{top}')", timeout=15_000)
    page.click(f"li.lm-Menu-item[data-command='{command}']", timeout=15_000)


def run_all(page) -> None:
    """Run All, first answering a dialog in the way (on a cold server JupyterLab may ask which kernel to start,
    before or just after the click)."""
    for _ in range(3):
        for _ in range(3):  # the one on top first: JupyterLab may stack two
            if not page.locator(".jp-Dialog").count():
                break
            top = page.locator(".jp-Dialog").last
            accept = top.locator(".jp-Dialog-button.jp-mod-accept")
            (accept.first if accept.count() else top.locator(".jp-Dialog-button").last).click(timeout=10_000)
            page.wait_for_timeout(300)
        try:
            menu(page, "Run", "runmenu:run-all")
            return
        except Exception:  # a dialog came up in between: answer it and try again
            continue
    menu(page, "Run", "runmenu:run-all")


def prompt_state(page) -> dict:
    """How many code cells are running (busy), not yet run (pending), and in all (total)."""
    return page.evaluate("""() => {
        const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt')]
            .map(p => p.textContent.trim());
        return {busy: prompts.filter(t => t.includes('*')).length,
                pending: prompts.filter(t => t === '[ ]:' || t === '').length, total: prompts.length};
    }""")


def toolbar_items(page) -> dict:
    """The notebook toolbar's item names, and the status bar's text (where the kernel's busy or idle shows)."""
    return page.evaluate("""() => ({
        toolbar: [...document.querySelectorAll('.jp-NotebookPanel-toolbar > [data-jp-item-name]')]
            .map(e => e.dataset.jpItemName),
        status: document.querySelector('#jp-main-statusbar')?.textContent || ''})""")


def run_all_and_wait(page, timeout_s: float = 180) -> float:
    """Run every cell and wait until none is running; returns seconds taken."""
    started = time.perf_counter()
    run_all(page)
    deadline = time.time() + timeout_s
    retries, quiet_since = 2, time.time()
    while time.time() < deadline:
        time.sleep(0.5)
        state = prompt_state(page)
        if state["total"] and not state["busy"] and not state["pending"]:
            return time.perf_counter() - started
        if state["busy"] or state["pending"] < state["total"]:
            quiet_since = time.time()
        elif retries and time.time() - quiet_since > 20:
            # On a loaded machine a cold server can drop the first Run All while its kernel connects.
            run_all(page)
            retries, quiet_since = retries - 1, time.time()
    shot = ROOT / "build" / "screenshots" / "timeout.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    raise TimeoutError(f"cells still running after {timeout_s} s ({state}); screenshot: {shot}")


def cell_report(page) -> list[dict]:
    """For each code cell: its source, whether it has output, errors, widget errors and charts."""
    return page.evaluate("""() => [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')].map(c => ({
        source: (c.querySelector('.jp-InputArea-editor') || {}).textContent || '',
        outputs: c.querySelectorAll('.jp-OutputArea-output').length,
        errors: c.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length,
        widgetErrors: (c.querySelector('.jp-OutputArea') || {textContent: ''}).textContent.includes('Error displaying widget'),
        charts: c.querySelectorAll('.js-plotly-plot').length,
        drawn: [...c.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelector('.main-svg .plot, .main-svg .cartesianlayer')).length,
        widgets: c.querySelectorAll('.bl-widget').length,
    }))""")


def overflowing_text(page) -> list[str]:
    """Text the reader cannot see whole: clipped widget labels and buttons, radio options taller than their
    line (their second line runs over the next option), chart titles wider than the chart."""
    return page.evaluate("""() => {
        const bad = [];
        for (const e of document.querySelectorAll('.jp-NotebookPanel .bl-widget .widget-label, '
                + '.jp-NotebookPanel .bl-widget button, .jp-NotebookPanel .bl-widget .widget-radio-box label')) {
            if (e.offsetParent && e.scrollWidth > e.clientWidth + 2) bad.push('label: ' + e.textContent.trim().slice(0, 40));
            if (!e.offsetParent || !e.parentElement.matches('.widget-radio-box')) continue;
            const text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => {
                const r = document.createRange(); r.selectNodeContents(n); return r.getBoundingClientRect().height; });
            if (Math.max(0, ...text) > e.getBoundingClientRect().height + 2)
                bad.push('option: ' + e.textContent.trim().slice(0, 40));
        }
        for (const svg of document.querySelectorAll('.jp-NotebookPanel .main-svg')) {
            const width = svg.getBoundingClientRect().width;
            for (const t of svg.querySelectorAll('text.gtitle, text.xtitle, text.ytitle')) {
                const box = t.getBoundingClientRect(), frame = svg.getBoundingClientRect();
                if (box.width && (box.left < frame.left - 2 || box.right > frame.left + width + 2))
                    bad.push('chart: ' + t.textContent.trim().slice(0, 40));
            }
        }
        return bad;
    }""")


def _fingerprint(page, index: int) -> str:
    return page.evaluate(
        """(i) => {
        const w = document.querySelectorAll('.jp-NotebookPanel .bl-widget')[i];
        const svg = [...w.querySelectorAll('.main-svg')].map(s => s.innerHTML.length + ':' + s.innerHTML.slice(-400)).join('|');
        return w.innerText + '#' + svg;
    }""",
        index,
    )


def _click_until_active(probe, tries: int = 3) -> None:
    """Click a toggle button that is not pressed; on a loaded machine a click can be lost, so check
    that the button became pressed (the widget's own state) and click again if it did not."""
    target = probe.locator("button:not(.mod-active)").first
    label = target.inner_text()
    for _ in range(tries):
        target.click()
        pressed = probe.locator("button.mod-active")
        deadline = time.time() + 3
        while time.time() < deadline:
            if pressed.count() and pressed.first.inner_text() == label:
                return
            time.sleep(0.05)
        target = probe.locator(f"button:not(.mod-active):has-text('{label}')").first


def operate_probes(page, timeout_s: float = 20.0) -> list[dict]:
    """Operate the control marked bl-probe in every widget; report whether the view changed and how fast."""
    results = []
    count = page.evaluate("document.querySelectorAll('.jp-NotebookPanel .bl-widget').length")
    for i in range(count):
        probe = page.locator(".jp-NotebookPanel .bl-widget").nth(i).locator(".bl-probe").first
        if probe.count() == 0:
            continue
        probe.scroll_into_view_if_needed()
        kind = probe.evaluate("""e => e.querySelector('select') ? 'select'
            : e.querySelector('.noUi-handle') ? 'slider'
            : e.querySelector('input[type=checkbox]') ? 'checkbox'
            : e.querySelector('button') ? 'buttons' : 'other'""")
        before = _fingerprint(page, i)
        started = time.perf_counter()
        if kind == "select":
            values = probe.locator("select option").evaluate_all("os => os.map(o => o.value)")
            current = probe.locator("select").input_value()
            probe.locator("select").select_option(next(v for v in values if v != current))
        elif kind == "slider":
            probe.locator(".noUi-handle").first.focus()
            page.keyboard.press("ArrowLeft")
        elif kind == "checkbox":
            probe.locator("input[type=checkbox]").click()
        elif kind == "buttons":
            _click_until_active(probe)
        else:
            continue
        changed, elapsed = False, None
        while time.perf_counter() - started < timeout_s:
            if _fingerprint(page, i) != before:
                changed, elapsed = True, time.perf_counter() - started
                break
            time.sleep(0.01)
        results.append(
            {"widget": i, "kind": kind, "changed": changed, "ms": None if elapsed is None else elapsed * 1000}
        )
    return results


AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
AXE_KNOWN = ROOT / "tests" / "axe-known-issues.yaml"
# What the curriculum renders inside JupyterLab: every cell's outputs (widgets, charts, HTML) and rendered markdown.
LAB_OURS = ".jp-OutputArea-output, .jp-RenderedMarkdown"
# What fails: serious and critical violations, and headings that skip a level (issue 16 named them).
AXE_IMPACTS = ("serious", "critical")
AXE_RULES = ("heading-order",)


def known_axe_issues() -> list[dict]:
    """The violations that belong to JupyterLab (or another tool), from tests/axe-known-issues.yaml."""
    import yaml

    entries = yaml.safe_load(AXE_KNOWN.read_text(encoding="utf-8")) or []
    for entry in entries:
        missing = {"id", "within", "from", "why"} - set(entry)
        if missing:
            raise ValueError(f"{AXE_KNOWN.name}: entry {entry.get('id')!r} lacks {sorted(missing)}")
    return entries


def axe_violations(page, ours: str = LAB_OURS) -> dict:
    """Run axe-core in the page and sort each failing element into ``ours`` (inside an element matching
    ``ours``: always a failure), ``known`` (matched by an entry of the known-issues file) or ``unlisted``
    (neither: a failure too). ``unused`` lists the known-issue entries that matched nothing here."""
    if not AXE.exists():
        raise RuntimeError(f"axe-core is missing ({AXE.relative_to(ROOT)}): run `make web`")
    known = known_axe_issues()
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    nodes = page.evaluate(
        """async ({ours, known, impacts, rules}) => {
        const result = await axe.run(document, {resultTypes: ['violations'], iframes: false});
        const out = [];
        for (const v of result.violations) for (const n of v.nodes) {
            const impact = n.impact || v.impact;
            if (!impacts.includes(impact) && !rules.includes(v.id)) continue;
            const last = n.target[n.target.length - 1];
            let el = null;
            try { el = document.querySelector(Array.isArray(last) ? last[last.length - 1] : last); } catch (e) {}
            const mine = !!(el && el.closest(ours));
            const entry = !mine && el ? known.findIndex(k => k.id === v.id && el.closest(k.within)) : -1;
            const cell = el && el.closest('.jp-Cell');
            const source = cell && cell.querySelector('.jp-InputArea-editor');
            out.push({id: v.id, impact, help: v.help, target: n.target.flat().join(' '), html: n.html.slice(0, 160),
                      where: mine ? 'ours' : entry >= 0 ? 'known' : 'unlisted', entry,
                      cell: cell ? (source && source.textContent || cell.innerText || '').trim().slice(0, 60) : ''});
        }
        return out;
    }""",
        {"ours": ours, "known": known, "impacts": list(AXE_IMPACTS), "rules": list(AXE_RULES)},
    )
    found = {where: [n for n in nodes if n["where"] == where] for where in ("ours", "known", "unlisted")}
    used = {n["entry"] for n in found["known"]}
    found["unused"] = [f"{k['id']} within {k['within']}" for i, k in enumerate(known) if i not in used]
    return found


def axe_counts(found: dict) -> str:
    """One line for the test log: how many failing elements are ours, known (by rule) and unlisted."""
    by_rule: dict[str, int] = {}
    for n in found["known"]:
        by_rule[n["id"]] = by_rule.get(n["id"], 0) + 1
    known = ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items()))
    total = sum(len(found[w]) for w in ("ours", "known", "unlisted"))
    return (
        f"axe: ours {len(found['ours'])}, known {len(found['known'])}"
        + (f" ({known})" if known else "")
        + f", unlisted {len(found['unlisted'])}, total {total}"
    )


def log_axe(page_name: str, found: dict) -> None:
    """Note one page's counts for the end-of-run summary (tests/conftest.py prints build/axe-counts.txt)."""
    from conftest import AXE_LOG

    AXE_LOG.parent.mkdir(parents=True, exist_ok=True)
    with AXE_LOG.open("a", encoding="utf-8") as log:
        log.write(f"{page_name}: {axe_counts(found)}\n")


def axe_report(found: dict) -> list[str]:
    """The failures, one readable line each: rule, impact, where (cell or selector) and the element."""
    return [
        f"{n['id']} ({n['impact']}): {n['help']} | {n['cell'] or n['target']} | {n['html']}"
        for n in found["ours"] + found["unlisted"]
    ]


def drive_by_keyboard(page, timeout_s: float = 20.0) -> dict:
    """Reach the marked control (bl-probe) of the first widget that has one with the Tab key alone, starting
    from the widget's own container (a known element, not a control); change it with one key (an arrow for
    a dropdown, number box or slider, Space for a checkbox, Enter for a button) and report whether the view
    changed. Nothing is clicked."""
    boxes = page.locator(".jp-NotebookPanel .bl-widget")
    index = next((i for i in range(boxes.count()) if boxes.nth(i).locator(".bl-probe").count()), None)
    if index is None:
        return {"widget": None, "changed": False, "why": "no widget with a marked control"}
    box = boxes.nth(index)
    box.scroll_into_view_if_needed()
    box.evaluate("b => { b.tabIndex = -1; b.focus(); }")
    focused = """b => {
        const e = document.activeElement, probe = b.querySelector('.bl-probe');
        if (!probe || !probe.contains(e)) return null;
        return {tag: e.tagName.toLowerCase(), type: e.type || '', role: e.getAttribute('role') || '',
                pressed: e.classList.contains('mod-active'), last: e.tagName === 'SELECT'
                    ? e.selectedIndex === e.options.length - 1
                    : e.getAttribute('role') === 'slider' ? e.getAttribute('aria-valuenow') === e.getAttribute('aria-valuemax')
                    : e.type === 'number' ? e.value === e.max : false,
                name: e.getAttribute('aria-label') || (e.labels && e.labels[0] ? e.labels[0].textContent : '')
                    || e.textContent.trim().slice(0, 30)};
    }"""
    tabs, target = 0, None
    while tabs < 20:  # a chart's "data behind" details and links come before a control placed under it
        page.keyboard.press("Tab")
        tabs += 1
        target = box.evaluate(focused)
        if target and not (target["tag"] == "button" and target["pressed"]):
            break
    if not target:
        return {"widget": index, "tabs": tabs, "changed": False, "why": "Tab never reached the control"}
    if target["tag"] == "select" or target["role"] == "slider" or target["type"] == "number":
        key = ("ArrowUp" if target["last"] else "ArrowDown") if target["tag"] == "select" else None
        key = key or (("ArrowLeft" if target["last"] else "ArrowRight") if target["role"] == "slider" else None)
        key = key or ("ArrowDown" if target["last"] else "ArrowUp")
    else:
        key = "Space" if target["type"] in ("checkbox", "radio") else "Enter"
    before = _fingerprint(page, index)
    page.keyboard.press(key)
    deadline = time.time() + timeout_s
    changed = False
    while time.time() < deadline and not changed:
        after = _fingerprint(page, index)
        changed = after != before
        time.sleep(0.05)
    chart = changed and "#" in before and before.split("#", 1)[1] != after.split("#", 1)[1]
    return {"widget": index, "tabs": tabs, "control": target, "key": key, "changed": changed, "chart_changed": chart}
