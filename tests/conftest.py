"""Shared test set-up: a private journal, and a scratch copy of the datasets."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Notebook kernels started by nbval inherit this, so tests never touch a student's journal.
os.environ.setdefault("BORDERLINE_JOURNAL", str(Path(tempfile.mkdtemp(prefix="bl-journal-")) / "journal.json"))


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
