"""`python -m borderline lab` does what `make lab` does, on a machine with nothing but Python (issue 14)."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from borderline import launch
from conftest import ROOT


def test_it_runs_with_nothing_installed():
    # -S: no site-packages, so neither pandas nor plotly nor jupyter can be imported, as on a fresh machine
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")} | {"PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-S", "-m", "borderline", "lab", "--dry-run", "--port", "8899"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "--ServerApp.port=8899" in done.stdout and "notebooks/00-start-here.ipynb" in done.stdout


def test_it_opens_jupyterlab_with_the_makefiles_flags():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    block = makefile.split("LAB_FLAGS :=", 1)[1].split("\n\n", 1)[0]
    flags = {f.replace("$(CURDIR)", str(ROOT)).replace("$(PORT)", "8888") for f in re.findall(r"--[\w.]+=\S+", block)}
    command = launch.lab_command(ROOT, ROOT / ".venv", 8888)
    assert flags and flags <= set(command), flags - set(command)
    assert command[-1] == "notebooks/00-start-here.ipynb" and "make lab" in makefile


def test_it_installs_again_only_when_the_pins_change(tmp_path):
    venv = tmp_path / ".venv"
    python = launch.venv_python(venv)
    python.parent.mkdir(parents=True)
    python.touch()
    (tmp_path / "requirements.txt").write_text("x==1\n")
    assert launch.needs_setup(tmp_path, venv)  # never installed
    (venv / ".installed").touch()
    assert not launch.needs_setup(tmp_path, venv)
    later = time.time() + 5
    os.utime(tmp_path / "requirements.txt", (later, later))
    assert launch.needs_setup(tmp_path, venv)  # the pins changed after the install


def test_a_failed_install_says_what_to_do(tmp_path, monkeypatch):
    (tmp_path / "requirements.txt").write_text("x==1\n")
    monkeypatch.setattr(launch.venv_module, "create", lambda *a, **k: None)
    monkeypatch.setattr(launch.subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 1))
    with pytest.raises(SystemExit) as stop:
        launch.setup(tmp_path, tmp_path / ".venv", say=lambda _m: None)
    assert "run `python -m borderline lab` again" in str(stop.value)
    assert not (tmp_path / ".venv" / ".installed").exists()


def test_the_readme_says_how_to_start_without_make():
    assert "python -m borderline lab" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert Path(launch.__file__).parent == ROOT / "borderline"
