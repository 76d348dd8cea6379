"""Browser tests: every notebook in JupyterLab in headless Chromium, offline by guarantee.

Skipped (with the reason) when Chromium is missing; CI installs it and never skips.
Screenshots go to build/screenshots/.
"""

import json
import os
import re
import time

import pytest

import browser as lab
from conftest import ROOT

pytestmark = pytest.mark.browser
REASON = lab.chromium_missing()
if REASON and os.environ.get("CI") == "true":
    raise RuntimeError("CI must run the browser tests, but " + REASON)
if REASON:
    pytest.skip("browser tests skipped: " + REASON, allow_module_level=True)

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with lab.jupyterlab(tmp_path_factory.mktemp("lab")) as running:
        yield running


@pytest.fixture(scope="module")
def chromium():
    with lab.browser() as b:
        yield b


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_renders_and_responds_offline(server, chromium, name):
    outside = []
    page = lab.new_page(chromium, outside)
    try:
        lab.open_notebook(page, server, name, f"t{name[:2]}")
        lab.run_all_and_wait(page)
        time.sleep(1.5)  # let the last charts draw
        cells = lab.cell_report(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name[:-6]}.png"))
        print(f"\nscreenshot: {SHOTS / (name[:-6] + '.png')}")

        assert [c["source"][:40] for c in cells if c["errors"]] == [], "cells wrote errors"
        assert not any(c["widgetErrors"] for c in cells), "Error displaying widget"
        silent = [c["source"][:40] for c in cells[1:] if c["outputs"] == 0]
        assert silent == [], f"cells with no output: {silent}"
        assert lab.undrawn(cells) == [], "charts that did not draw"
        assert lab.overflowing_text(page) == [], "text that does not fit its place"
        if any(c["drawn"] for c in cells):  # plotly's widget code came from the server's file, not the kernel
            served = page.evaluate(
                "() => performance.getEntriesByType('resource').filter(e => e.name.includes('/borderline/plotly-widget/'))"
                ".map(e => e.name)"
            )
            assert len(served) == 1, f"plotly's widget code loaded from the server {len(served)} times: {served}"

        found = lab.axe_violations(page)
        lab.log_axe(f"JupyterLab {name}", found)
        assert found["ours"] == [], "axe-core, on what the curriculum renders:\n" + "\n".join(lab.axe_report(found))
        assert found["unlisted"] == [], "axe-core, not in tests/axe-known-issues.yaml:\n" + "\n".join(
            lab.axe_report(found)
        )

        keyboard = lab.drive_by_keyboard(page)
        print(f"{name}: keyboard {keyboard}")
        assert keyboard["changed"], f"driven by keyboard alone, the widget did not change: {keyboard}"
        assert keyboard["control"]["name"].strip(), f"the control reached by Tab has no name: {keyboard}"

        probes = lab.operate_probes(page)
        if any(c["drawn"] for c in cells):
            assert probes, "no control was operated"
        unchanged = [p for p in probes if not p["changed"]]
        assert unchanged == [], f"controls that changed nothing: {unchanged}"
        page.screenshot(path=str(SHOTS / f"{name[:-6]}-after.png"))
        assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"
    finally:
        page.close()


def test_student_work_survives_a_kernel_restart_and_a_reload(server, chromium):
    outside = []
    page = lab.new_page(chromium, outside)
    text = "Two words that pick sides before the evidence does."
    try:
        lab.open_notebook(page, server, "00-start-here.ipynb", "journal")
        lab.run_all_and_wait(page)
        # The overrides drop only the toolbar's execution indicator (tests/test_environment.py): the rest
        # of the toolbar stays, and the status bar still says whether the kernel is busy or idle.
        # The kernel can stay busy a moment after the last prompt fills (widget messages), so wait for Idle.
        deadline = time.time() + 20
        while True:
            bar = lab.toolbar_items(page)
            if "Idle" in bar["status"] or time.time() > deadline:
                break
            time.sleep(0.25)
        assert {"save", "run", "interrupt", "restart", "kernelName"} <= set(bar["toolbar"]), bar
        assert "executionProgress" not in bar["toolbar"] and "Idle" in bar["status"], bar
        box = page.locator(".bl-journal textarea").first
        box.scroll_into_view_if_needed()
        box.fill(text)
        box.blur()  # the journal saves when the box loses focus
        deadline = time.time() + 10
        while time.time() < deadline:
            if server["journal"].exists() and text in server["journal"].read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert text in json.loads(server["journal"].read_text())["entries"]["00.2"]["text"]

        lab.menu(page, "Kernel", "kernelmenu:restart")
        page.click(".jp-Dialog-button.jp-mod-accept", timeout=15_000)
        time.sleep(2)
        page.reload()
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
        lab.accept_kernel_dialog(page)
        lab.run_all_and_wait(page)
        again = page.locator(".bl-journal textarea").first
        again.scroll_into_view_if_needed()
        assert again.input_value() == text
        assert outside == []
    finally:
        page.close()


@pytest.fixture(scope="module")
def korean_server(tmp_path_factory):
    from borderline import localised

    edition = localised.edition("ko", out=tmp_path_factory.mktemp("ko-build"), handouts=False)
    with lab.jupyterlab(tmp_path_factory.mktemp("lab-ko"), source=edition / "self-learner") as running:
        yield running


@pytest.mark.parametrize("name", NOTEBOOKS[:2])
def test_korean_edition_runs_draws_every_chart_and_nothing_overflows(korean_server, chromium, name):
    outside = []
    page = lab.new_page(chromium, outside)
    try:
        lab.open_notebook(page, korean_server, name, f"ko{name[:2]}")
        lab.run_all_and_wait(page)
        time.sleep(1.5)
        cells = lab.cell_report(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"ko-{name[:-6]}.png"), full_page=False)
        assert [c["source"][:40] for c in cells if c["errors"]] == [], "cells wrote errors"
        assert not any(c["widgetErrors"] for c in cells), "Error displaying widget"
        assert lab.undrawn(cells) == [], "charts that did not draw"
        text = page.inner_text(".jp-NotebookPanel .jp-Notebook")
        assert re.search(r"[\uac00-\ud7a3]{20,}", text.replace(" ", "")), "no Korean text on the page"
        assert lab.overflowing_text(page) == []
        assert outside == [], f"requests left 127.0.0.1: {outside[:5]}"
    finally:
        page.close()
