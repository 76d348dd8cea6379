"""``python -m borderline lab``: what ``make lab`` does, for machines without ``make`` (stock Windows, locked-down
lab machines). Standard library only, because it runs before anything is installed.

It creates the private environment ``.venv`` beside the curriculum (once), installs the pinned packages from
``requirements.txt`` and the helper package into it, copies JupyterLab's offline settings, and opens JupyterLab
on the first lesson on 127.0.0.1 with the token kept and no extension manager or update checks, exactly as the
Makefile does (both use the same ``.venv`` and the same stamp file, so either route can follow the other).

>>> cmd = lab_command(Path("/c"), Path("/c/.venv"), 8888)
>>> cmd[1:4], "--ServerApp.ip=127.0.0.1" in cmd, cmd[-1] == FIRST_NOTEBOOK
(['-m', 'jupyter', 'lab'], True, True)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv as venv_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the first lesson, as `make lab` opens it (the lowest-numbered notebook)
FIRST_NOTEBOOK = next((f"notebooks/{p.name}" for p in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))), "notebooks")
# What the environment is built from: a change to any of them means installing again (as in the Makefile).
INPUTS = ("requirements.txt", "pyproject.toml", "borderline/lab_overrides.json", "borderline/server_config.json")


def venv_python(venv: Path) -> Path:
    """The environment's own Python (``Scripts\\python.exe`` on Windows, ``bin/python`` elsewhere).

    >>> venv_python(Path("/x/.venv")).name in ("python", "python.exe")
    True
    """
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def needs_setup(root: Path, venv: Path) -> bool:
    """Whether the environment is missing or older than what it is built from (the stamp file says when).

    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> needs_setup(tmp, tmp / ".venv")
    True
    """
    stamp = venv / ".installed"
    if not stamp.exists() or not venv_python(venv).exists():
        return True
    built = stamp.stat().st_mtime
    return any((root / name).exists() and (root / name).stat().st_mtime > built for name in INPUTS)


def setup_steps(root: Path, venv: Path) -> list[list[str]]:
    """The install commands, in order (each a list of arguments), as the Makefile runs them.

    >>> [s[3:5] for s in setup_steps(Path("/c"), Path("/c/.venv"))]
    [['install', '--quiet'], ['install', '--quiet'], ['install', '--quiet']]
    """
    python = str(venv_python(venv))
    return [
        [python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
        [python, "-m", "pip", "install", "--quiet", "-r", str(root / "requirements.txt")],
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(root)],
    ]


def lab_command(root: Path, venv: Path, port: int) -> list[str]:
    """The command that opens JupyterLab on the first lesson (the flags of the Makefile's ``LAB_FLAGS``).

    >>> cmd = lab_command(Path("/c"), Path("/c/.venv"), 8888)
    >>> cmd[1:4], "--ServerApp.ip=127.0.0.1" in cmd, cmd[-1] == FIRST_NOTEBOOK
    (['-m', 'jupyter', 'lab'], True, True)
    """
    command = [str(venv_python(venv)), "-m", "jupyter", "lab", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}"]
    command += [f"--ServerApp.root_dir={root}", "--LabApp.extension_manager=readonly"]
    command += ["--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command + [FIRST_NOTEBOOK]


# Borderline's settings for JupyterLab, by file in borderline/, and where each goes in an environment: the
# offline and keyboard settings (lab_overrides.json), and the switch that turns on the server extension
# borderline_server (server_config.json).
SETTINGS = {
    "lab_overrides.json": ("share", "jupyter", "lab", "settings", "overrides.json"),
    "server_config.json": ("etc", "jupyter", "jupyter_server_config.d", "borderline.json"),
}


def install_settings(prefix: Path, source: Path = ROOT / "borderline") -> list[Path]:
    """Copy Borderline's JupyterLab settings (``SETTINGS``) into the environment at ``prefix``; return where.
    ``make setup`` and ``python -m borderline lab`` do it; so does ``python -m borderline settings``, for a
    conda environment, Binder or a hub's image.

    >>> import tempfile
    >>> [p.name for p in install_settings(Path(tempfile.mkdtemp()))]
    ['overrides.json', 'borderline.json']
    """
    written = []
    for name, where in SETTINGS.items():
        target = prefix.joinpath(*where)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
        written.append(target)
    return written


def setup(root: Path = ROOT, venv: Path | None = None, say=print) -> Path:
    """Create and fill the environment if it needs it; return its Python. Stops with a plain message
    (never a traceback) if this Python is too old or an install step fails.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp()); python = venv_python(root / ".venv")
    >>> python.parent.mkdir(parents=True); python.touch(); (root / ".venv" / ".installed").touch()
    >>> setup(root) == python  # already set up: nothing to do
    True
    """
    venv = venv or root / ".venv"
    if sys.version_info < (3, 11):  # noqa: UP036 (this runs under whatever Python the user has)
        raise SystemExit(f"Borderline needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not needs_setup(root, venv):
        return venv_python(venv)
    if not venv_python(venv).exists():
        say(f"Creating the private environment {venv} ...")
        venv_module.create(venv, with_pip=True)
    for step in setup_steps(root, venv):
        say("Installing: " + " ".join(step[3:]))
        if subprocess.run(step, cwd=root).returncode != 0:
            raise SystemExit(
                "An install step failed (see the lines above). Check the network connection to the package "
                f"registry and run `python -m borderline lab` again; nothing was half-changed in {venv.name}."
            )
    install_settings(venv, root / "borderline")
    say("Running each lesson once, so its tables and charts are ready for the first real run ...")
    # as `make setup` does; a lesson that fails here is only slower at its first run, so this never stops the set-up
    subprocess.run([str(venv_python(venv)), "-m", "borderline", "keep", "--shared"], cwd=root)
    (venv / ".installed").touch()
    return venv_python(venv)


def main(argv: list[str]) -> int:
    """``python -m borderline lab [--port N] [--dry-run]``: set up once, then open JupyterLab.

    ``--dry-run`` prints what it would do and changes nothing.

    >>> main(["--dry-run", "--port", "8890"])  # doctest: +ELLIPSIS
    set up: ...
    open: ... -m jupyter lab ... --ServerApp.port=8890 ... notebooks/...ipynb
    0
    """
    import argparse

    parser = argparse.ArgumentParser(prog="python -m borderline lab", description="Set up once, then open JupyterLab")
    parser.add_argument("--port", type=int, default=8888)
    parser.add_argument("--dry-run", action="store_true", help="print the steps; change nothing")
    args = parser.parse_args(argv)
    venv = ROOT / ".venv"
    command = lab_command(ROOT, venv, args.port)
    if args.dry_run:
        print(
            "set up: " + ("needed, " + "; ".join(" ".join(s[3:]) for s in setup_steps(ROOT, venv)))
            if needs_setup(ROOT, venv)
            else "set up: already done"
        )
        print("open: " + " ".join(command))
        return 0
    setup(ROOT, venv)
    try:
        return subprocess.call(command, cwd=ROOT)
    except KeyboardInterrupt:
        return 0
