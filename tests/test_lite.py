"""The JupyterLite site (make lite): lesson 01 of the student edition runs in Chromium with nothing installed.

The site in build/lite is built once (or reused if it is current), served by Python's http.server on
127.0.0.1, and opened through the Lite interface. Chromium resolves no host but 127.0.0.1 and sends
anything else to a closed proxy port, so nothing can leave; every request the page and its workers make
is recorded, and the test fails if one was for another host. (Playwright's request routing is not used:
with it, the kernel's synchronous file requests through JupyterLite's service worker never return.)
Timings are printed.
"""

import functools
import http.server
import json
import os
import threading
import time

import pytest

import browser as lab
from conftest import ROOT

pytestmark = pytest.mark.browser
REASON = lab.chromium_missing()
if REASON and os.environ.get("CI") == "true":
    raise RuntimeError("CI must run the browser tests, but " + REASON)
if REASON:
    pytest.skip("JupyterLite browser test skipped: " + REASON, allow_module_level=True)

LESSON = "01-famine.ipynb"
SHOTS = ROOT / "build" / "screenshots"
BOOT_S = 240  # Pyodide boot and the first imports: 30-90 s on a loaded 2-core machine
# Nothing but loopback resolves, so a request the routing missed (a service worker's) cannot leave either.
OFFLINE = [
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",  # and an address that is not a name goes to a closed port
    "--proxy-bypass-list=127.0.0.1",
]


@pytest.fixture(scope="module")
def site():
    from borderline import lite

    started = time.perf_counter()
    reused = lite.current()
    out = lite.OUT if reused else lite.build()
    manifest = json.loads((out / lite.MANIFEST).read_text(encoding="utf-8"))
    print(
        f"\nlite site: {'reused' if reused else 'built'} in {time.perf_counter() - started:.1f} s, "
        f"{manifest['bytes'] / 1e6:.0f} MB, {len(manifest['packages'])} packages"
    )
    return out


class _Server(http.server.ThreadingHTTPServer):
    request_queue_size = 128  # Pyodide fetches many wheels at once; the default backlog of 5 drops some


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(site):
    handler = functools.partial(_Quiet, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def _wait(page, script: str, timeout_s: float, what: str):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        found = page.evaluate(script)
        if found:
            return found
        time.sleep(0.5)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "lite-timeout.png"))
    raise TimeoutError(f"{what} not within {timeout_s} s; screenshot: {SHOTS / 'lite-timeout.png'}")


def test_lesson_01_runs_offline_with_a_chart_and_a_self_check(served):
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    timings = {}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=lab.CHROMIUM, args=lab.FLAGS + OFFLINE)
        try:
            context = b.new_context(viewport={"width": 1280, "height": 900})

            def seen(request):
                if not request.url.startswith(lab.LOCAL):
                    outside.append(request.url)

            context.on("request", seen)
            page = context.new_page()
            logs: list[str] = []
            page.on("console", lambda m: logs.append(m.text) if m.type in ("error", "warning") else None)
            started = time.perf_counter()
            page.goto(f"{served}/lab/index.html?path=notebooks/{LESSON}", timeout=120_000)
            page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=120_000)
            timings["open"] = time.perf_counter() - started
            lab.accept_kernel_dialog(page)
            timings["run_all_with_boot"] = lab.run_all_and_wait(page, timeout_s=BOOT_S + 240)
            time.sleep(2)
            cells = lab.cell_report(page)
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "lite-01.png"), full_page=False)

            errors = [c["source"][:50] for c in cells if c["errors"]]
            assert errors == [], f"cells wrote errors: {errors}\nconsole: {logs[-10:]}"
            assert not any(c["widgetErrors"] for c in cells), "Error displaying widget"
            assert page.locator(".jp-NotebookPanel .js-plotly-plot .main-svg").count() > 0, "no plotly chart drew"
            assert lab.undrawn(cells) == [], "charts that did not draw"

            # A self-check: type into the first number box of an exercise and press Check.
            box = page.locator(".jp-NotebookPanel .bl-widget:has(button:has-text('Check')):has(input[type=text])").first
            box.scroll_into_view_if_needed()
            field = box.locator("input[type=text]").first
            before = box.inner_text()  # the typed value is not part of the text, so only feedback changes it
            field.fill("1")
            checked = time.perf_counter()
            box.locator("button:has-text('Check')").first.click()
            deadline = time.time() + 30
            while time.time() < deadline and box.inner_text() == before:
                time.sleep(0.2)
            timings["check"] = time.perf_counter() - checked
            after = box.inner_text()
            assert after != before, "pressing Check showed no feedback"
            print(
                f"\nself-check feedback: {after[len(before) :].strip()[:120] if after.startswith(before) else after[-120:]}"
            )
        finally:
            b.close()
    print("lite timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    assert outside == [], f"requests outside 127.0.0.1: {outside[:10]}"
