"""CONTRIBUTING.md stays true: a new lesson built from a fixture folder works with no change to borderline/."""

import re
import shutil

import nbformat
import pytest

from borderline import exercise_bank, lesson_sync
from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "example-lesson"


@pytest.fixture
def example(tmp_path, monkeypatch):
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "notebooks").mkdir()
    monkeypatch.setenv("BORDERLINE_LESSONS", str(tmp_path / "lessons"))
    exercise_bank._parsed.cache_clear()
    yield tmp_path
    exercise_bank._parsed.cache_clear()


def _sync(root, check=False):
    return lesson_sync.sync(
        check=check, lessons_folder=root / "lessons", notebooks_folder=root / "notebooks", syllabus=None
    )


def test_sync_builds_the_notebook_with_its_sources_and_navigation(example):
    made = _sync(example)
    assert made == ["lessons/90-example/sources.txt", "lessons/90-example.md", "notebooks/90-example.ipynb"]
    assert _sync(example, check=True) == []
    sources = (example / "lessons" / "90-example" / "sources.txt").read_text().splitlines()
    for cited in ["HN2007", "S004"]:  # one from the text, one only from the exercises file
        assert cited in sources
    assert "OGRADA" in sources, "the sources behind the chart's table (famine_comparison) are listed"
    nb = nbformat.read(example / "notebooks" / "90-example.ipynb", as_version=4)
    assert nb.metadata["borderline"]["title"] == "An example lesson"
    assert "nav" in nb.cells[-1].metadata["tags"] and "Contents" in nb.cells[-1].source


def test_the_new_lesson_runs_and_shows_its_exercises(example):
    from nbclient import NotebookClient

    _sync(example)
    path = example / "notebooks" / "90-example.ipynb"
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = "\n".join(str(o.get("data", {})) for o in outputs)
    assert "Exercise 90.1." in shown and "Exercise 90.2 (reflection)." in shown
    assert "Model answer" in shown and "3,500,000" in shown
    assert "James D. Seymour" in shown, "the Sources cell shows full references"


def test_the_example_needs_nothing_from_the_package_about_it():
    package = "\n".join(p.read_text() for p in (ROOT / "borderline").rglob("*.py"))
    assert not re.search(r"\b90[.-]", package)


def test_contributing_describes_the_layout_it_tests():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    for must in [
        "lessons/NN-slug.md",
        "exercises.yaml",
        "make sync",
        "datasets/sources.csv",
        "formula",
        "datapackage.json",
        "registry.uses",
        "tests/fixtures/example-lesson",
    ]:
        assert must in text, must
