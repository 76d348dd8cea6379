"""JupyterHub, tested: five students on one hub, each with their own home, copy and journal.

The hub (hub/jupyterhub_config.py) runs on 127.0.0.1 with a shared password, configurable-http-proxy
and LocalProcessSpawner; every student is a unix user made for the test (home mode 0700) and removed
afterwards. One student works in Chromium as a class does: logs in, is given the course by the hub's
nbgitpuller link, opens lesson 01, runs every cell and types into a journal box. Four more are driven
through the hub's REST API, two at a time: nbgitpuller copies the course into each home, lesson 01 runs
cell by cell in a kernel of their own server (started in the notebook's folder, as JupyterLab does).
Each saves a journal entry from their kernel. Then: every journal is in its student's home and holds
only that student's entries, nothing was written beside the installed package, and no student can
read another's journal or list their home. Skipped (with the reason) where users cannot be made or
Chromium is missing; under CI=true that is an error. About 70 s on two cores; tests/bench_hub.py
measures memory and time per student.
"""

import os
import pwd
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import hubs
import pytest

import browser
from conftest import ROOT

pytestmark = pytest.mark.browser
STUDENTS = 5  # one in Chromium, four through the REST API and kernel websockets
AT_ONCE = 2  # lessons run at the same time (two cores)
LESSON = f"{hubs.PULL_INTO}/notebooks/01-famine.ipynb"

REASON = hubs.missing() or browser.chromium_missing()
if REASON and os.environ.get("CI") == "true":
    raise RuntimeError("CI must run the hub test, but " + REASON)
if REASON:
    pytest.skip("hub test skipped: " + REASON, allow_module_level=True)


def _student_in_chromium(hub, name: str) -> str:
    """One student the way a class works: log in with the shared password; the hub starts their server and
    its first page, an nbgitpuller link, copies the course into their home and opens lesson 00. They open
    lesson 01, run every cell and type into a journal box. Returns what they typed."""
    outside: list[str] = []
    typed = f"{name} wrote this in the browser."
    with browser.browser() as b:
        page = browser.new_page(b, outside)
        page.goto(f"{hub.url}/hub/login")
        page.fill("#username_input", name)
        page.fill("#password_input", hub.password)
        page.click("#login_submit")
        page.wait_for_url("**/lab/tree/borderline/notebooks/00-start-here.ipynb*", timeout=240_000)
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=120_000)
        page.goto(f"{hub.url}/user/{name}/lab/workspaces/hub-check/tree/{LESSON}?reset")
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=120_000)
        browser.accept_kernel_dialog(page)
        seconds = browser.run_all_and_wait(page, timeout_s=240)
        cells = browser.cell_report(page)
        assert not [c["source"] for c in cells if c["errors"] or c["widgetErrors"]], "cells failed in the browser"
        assert sum(c["drawn"] for c in cells) >= 1, "lesson 01 drew no chart in the browser"
        box = page.locator(".jp-NotebookPanel .bl-widget:has(textarea)").first
        box.scroll_into_view_if_needed()
        box.locator("textarea").fill(typed)
        box.locator("button:has-text('Save')").click()
        journal = Path(pwd.getpwnam(name).pw_dir) / LESSON.replace("01-famine.ipynb", "my-journal.json")
        deadline = time.time() + 30
        while time.time() < deadline and not (journal.exists() and typed in journal.read_text(encoding="utf-8")):
            time.sleep(0.25)
    assert outside == [], f"the hub's pages asked for the network: {outside[:3]}"
    print(
        f"\nhub test: {name} logged in, was given the course, ran lesson 01 in Chromium in {seconds:.0f} s "
        f"({sum(c['drawn'] for c in cells)} charts drawn) and typed into a journal box"
    )
    return typed


def test_five_students_each_keep_their_own_journal_in_their_own_home():
    started = time.perf_counter()
    workdir = hubs.scratch()
    beside_package = ROOT / "notebooks" / "my-journal.json"
    before = beside_package.stat().st_mtime_ns if beside_package.exists() else None
    try:
        with hubs.unix_users(STUDENTS) as names:
            python = hubs.user_python(workdir, names[0])
            repo = hubs.course_repo(workdir)
            with hubs.hub(workdir, names, python, repo) as hub:
                by_api, in_browser = names[1:], names[0]
                for name in by_api:
                    hub.start(name)

                def one(name):
                    hub.wait_ready(name)
                    events = hub.pull(name)
                    assert events and events[-1]["phase"] == "finished", (name, events[-3:])
                    return hubs.run_lesson(hub, name, LESSON)

                with ThreadPoolExecutor(AT_ONCE) as pool:
                    running = pool.map(one, by_api)
                    typed = _student_in_chromium(hub, in_browser)
                    results = dict(zip(by_api, running))
                # the browser student's run was checked in Chromium; add the same saved entry as the others
                results[in_browser] = {"errors": [], "journal": hubs.saved_entry(hub, in_browser, LESSON)}

            for name, result in results.items():
                home = Path(pwd.getpwnam(name).pw_dir)
                journal = home / LESSON.replace("01-famine.ipynb", "my-journal.json")
                assert result["errors"] == [], (name, result["errors"])
                assert name == in_browser or result["first_chart_s"] is not None, f"{name}: lesson 01 sent no chart"
                assert result["journal"]["path"] == str(journal), name
                if name == in_browser:
                    assert typed in journal.read_text(encoding="utf-8")
                assert (home.stat().st_mode & 0o777) == 0o700
                assert journal.stat().st_uid == pwd.getpwnam(name).pw_uid
                texts = {k: e["text"] for k, e in result["journal"]["entries"].items()}
                assert texts.get("hub.check") == f"written by {name}"
                on_disk = journal.read_text(encoding="utf-8")
                assert f"written by {name}" in on_disk
                assert not [other for other in names if other != name and other in on_disk], name
                other = names[(names.index(name) + 1) % len(names)]
                for target in (journal, home):
                    attempt = hubs._as(other, "cat" if target == journal else "ls", str(target), cwd="/")
                    assert attempt.returncode != 0 and "Permission denied" in attempt.stderr, (other, target)
            print(f"hub test: {STUDENTS} students in {time.perf_counter() - started:.0f} s")
    except BaseException:
        log = workdir / "hub.log"
        print("hub log (last lines):\n" + (log.read_text(errors="replace")[-6000:] if log.exists() else "(none)"))
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    assert (beside_package.stat().st_mtime_ns if beside_package.exists() else None) == before
