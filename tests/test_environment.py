"""One set of pins everywhere: requirements.txt, environment.yml, the Makefile and CI."""

import re

from conftest import ROOT


def _pins():
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not pinned exactly: {line}"
            pins[name.lower()] = version
    return pins


def test_requirements_pin_the_stack_exactly():
    pins = _pins()
    for name in ["jupyterlab", "ipywidgets", "plotly", "pandas", "nbval", "pytest", "frictionless", "hypothesis"]:
        assert name in pins


def test_environment_yml_installs_the_same_pins():
    env = (ROOT / "environment.yml").read_text()
    assert "-r requirements.txt" in env
    for name, version in _pins().items():
        assert not re.search(rf"\b{re.escape(name)}\s*[=<>]=?\s*(?!{re.escape(version)})[\d.]+", env), name
    python = re.search(r"python\s*=\s*([\d.]+)", env).group(1)
    pyproject = (ROOT / "pyproject.toml").read_text()
    minimum = re.search(r'requires-python = ">=([\d.]+)"', pyproject).group(1)
    assert tuple(map(int, python.split("."))) >= tuple(map(int, minimum.split(".")))


def test_installed_versions_match_the_pins():
    import importlib.metadata as md

    for name, version in _pins().items():
        assert md.version(name) == version, name


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make lab" in readme
    assert "make test" in ci


def test_make_lab_is_loopback_only_with_token():
    makefile = (ROOT / "Makefile").read_text()
    lab = makefile.split("\nlab:")[1].split("\n\n")[0]
    assert "$(LAB_FLAGS)" in lab
    flags = makefile.split("LAB_FLAGS :=")[1].split("\n\n")[0]
    assert "--ServerApp.ip=127.0.0.1" in flags and "extension_manager=readonly" in flags
    assert "token" not in flags.lower()


def test_arrow_keys_in_widgets_change_the_control_not_the_cell():
    """JupyterLab's command mode takes the arrow keys to move between cells, even when a widget's dropdown
    or slider has the focus; the overrides give them back to the control. Each disabled default must be
    JupyterLab's exactly (or the disabling silently does nothing), and is re-added for focus outside widgets."""
    import json
    import sys
    from pathlib import Path

    overrides = json.loads((ROOT / "borderline" / "lab_overrides.json").read_text(encoding="utf-8"))
    shortcuts = overrides["@jupyterlab/shortcuts-extension:shortcuts"]["shortcuts"]
    schema = Path(sys.prefix) / "share/jupyter/lab/schemas/@jupyterlab/notebook-extension/tracker.json"
    defaults = json.loads(schema.read_text(encoding="utf-8"))["jupyter.lab.shortcuts"]
    disabled = [s for s in shortcuts if s.get("disabled")]
    assert {s["keys"][0] for s in disabled} == {"ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"}
    for s in disabled:
        entry = {k: s[k] for k in ("command", "keys", "selector")}
        assert entry in [{k: d.get(k) for k in ("command", "keys", "selector")} for d in defaults], entry
        again = [
            t for t in shortcuts if not t.get("disabled") and t["command"] == s["command"] and t["keys"] == s["keys"]
        ]
        assert [t["selector"] for t in again] == [s["selector"] + ":not(.jupyter-widgets *)"], s["command"]
    installed = Path(sys.prefix) / "share/jupyter/lab/settings/overrides.json"
    assert json.loads(installed.read_text(encoding="utf-8")) == overrides, "run `make setup` to install the overrides"


def test_toolbar_override_disables_only_the_execution_indicator():
    """The notebook toolbar's execution indicator re-measures the toolbar each time the kernel goes busy or
    idle (about 15 ms of page work per widget change in a CPU profile; within the bench's noise). The override disables that one item by its
    JupyterLab name (a name JupyterLab does not know would disable nothing) and lists no other item, so
    save, run, restart and the kernel name stay; the status bar still shows busy and idle."""
    import json
    import sys
    from pathlib import Path

    overrides = json.loads((ROOT / "borderline" / "lab_overrides.json").read_text(encoding="utf-8"))
    toolbar = overrides["@jupyterlab/notebook-extension:panel"]["toolbar"]
    assert toolbar == [{"name": "executionProgress", "disabled": True}]
    schema = Path(sys.prefix) / "share/jupyter/lab/schemas/@jupyterlab/notebook-extension/panel.json"
    defaults = [
        item["name"] for item in json.loads(schema.read_text(encoding="utf-8"))["jupyter.lab.toolbars"]["Notebook"]
    ]
    assert "executionProgress" in defaults and {"save", "run", "restart", "kernelName"} <= set(defaults)


def test_the_server_sends_kernel_messages_without_nagle(tmp_path):
    """The server extension borderline_server is enabled in this environment (setup installs its config), and
    in a real JupyterLab server it puts its connection class in place of the default one."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "jupyter", "lab", "--show-config"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    log = done.stdout + done.stderr
    assert "borderline_server | extension was successfully loaded" in log, log[-2000:]
    assert "kernel websockets send each message at once" in log, log[-2000:]


def test_the_prompt_connection_turns_nagle_off_before_connecting(monkeypatch):
    from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

    import borderline_server

    calls = []
    monkeypatch.setattr(ZMQChannelsWebsocketConnection, "connect", lambda self: calls.append("connect") or "future")
    handler = type("Handler", (), {"set_nodelay": lambda self, on: calls.append(("nodelay", on))})()
    probe = type("Probe", (borderline_server.PromptKernelConnection,), {"websocket_handler": handler})
    assert probe.__new__(probe).connect() == "future"
    assert calls == [("nodelay", True), "connect"]


def test_the_server_serves_plotlys_widget_code_to_a_signed_in_user(tmp_path):
    """The loader's first choice (borderline/widgets/figure.py): plotly's widget code from the server, at the path
    the kernel gives, kept by the browser; nobody signed out gets it, and another version is not there."""
    import urllib.error
    import urllib.request

    import plotly
    import pytest
    from plotly.basewidget import BaseFigureWidget

    import browser
    from borderline.widgets.figure import plotly_code

    with browser.jupyterlab(tmp_path) as server:
        url = f"{server['url']}/{plotly_code().path}"
        with urllib.request.urlopen(f"{url}?token={server['token']}", timeout=30) as reply:
            body, headers = reply.read(), reply.headers
        assert headers["Content-Type"].startswith("text/javascript") and "immutable" in headers["Cache-Control"]
        assert body.decode("utf-8") == str(BaseFigureWidget._esm)
        # signed out: sent to the login page (a redirect, not followed here), never the code
        no_redirects = urllib.request.build_opener(
            type("Stay", (urllib.request.HTTPRedirectHandler,), {"redirect_request": lambda *args: None})
        )
        for wrong, codes in [
            (url, {302, 403}),
            (url.replace(plotly.__version__, "0.0.1") + f"?token={server['token']}", {404}),
        ]:
            with pytest.raises(urllib.error.HTTPError) as refused:
                no_redirects.open(wrong, timeout=30)
            assert refused.value.code in codes, wrong
            assert "login" in refused.value.headers.get("Location", "login"), refused.value.headers


def test_importing_borderline_freezes_what_the_imports_built():
    # borderline/__init__.py: the garbage collector leaves the libraries' objects alone (gc.freeze). In a fresh
    # process, since the test process may have frozen already.
    import subprocess
    import sys

    # And at exit, what was built after the import (atexit), so that the last collections skip it too.
    script = (
        "import atexit, gc; assert gc.get_freeze_count() == 0; import borderline; at_import = gc.get_freeze_count()\n"
        "later = [[i] for i in range(20_000)]; atexit._run_exitfuncs(); print(at_import, gc.get_freeze_count())"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    at_import, at_exit = map(int, out.stdout.split())
    assert at_import > 50_000 and at_exit >= at_import + 20_000, out


def test_a_notebook_starts_its_kernel_without_asking():
    """On a server's first open JupyterLab could ask which kernel to start (the bench met the "Select Kernel"
    dialog there); the overrides start the notebook's own kernel, a setting JupyterLab's schema must know."""
    import json
    import sys
    from pathlib import Path

    overrides = json.loads((ROOT / "borderline" / "lab_overrides.json").read_text(encoding="utf-8"))
    schema = Path(sys.prefix) / "share/jupyter/lab/schemas/@jupyterlab/notebook-extension/tracker.json"
    known = json.loads(schema.read_text(encoding="utf-8"))["properties"]
    assert overrides["@jupyterlab/notebook-extension:tracker"]["autoStartDefaultKernel"] is True
    assert known["autoStartDefaultKernel"]["type"] == "boolean"
