"""Shared test set-up: a private journal, and a scratch copy of the datasets."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Notebook kernels started by nbval inherit this, so tests never touch a student's journal.
os.environ.setdefault("BORDERLINE_JOURNAL", str(Path(tempfile.mkdtemp(prefix="bl-journal-")) / "journal.json"))
# and the copies of tables and charts (borderline/data/cache.py) go to a scratch folder, not the user's ~/.cache,
os.environ.setdefault("BORDERLINE_CACHE", tempfile.mkdtemp(prefix="bl-tables-"))
os.environ.setdefault("BORDERLINE_SHARED_CACHE", "")  # nor read the copies `make setup` kept for everyone


@pytest.fixture
def journal_file(tmp_path, monkeypatch):
    path = tmp_path / "my-journal.json"
    monkeypatch.setenv("BORDERLINE_JOURNAL", str(path))
    return path


@pytest.fixture
def datasets_copy(tmp_path):
    """A scratch copy of datasets/ that a test may break."""
    target = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", target)
    return target


# The browser tests note axe-core's counts here (one line per page checked); the summary prints them,
# so every run shows how many violations were ours (always 0, or the run fails) and how many JupyterLab's.
AXE_LOG = ROOT / "build" / "axe-counts.txt"


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the controller, not an xdist worker
        AXE_LOG.unlink(missing_ok=True)


def pytest_terminal_summary(terminalreporter):
    if AXE_LOG.exists():
        terminalreporter.section("axe-core: serious and critical violations by page")
        for line in sorted(AXE_LOG.read_text(encoding="utf-8").splitlines()):
            terminalreporter.write_line(line)
