"""A package installed once for many students (a hub image) finds each student's own copy of the course."""

import shutil

from conftest import ROOT


def test_data_dir_finds_the_course_datasets_from_the_working_directory(tmp_path, monkeypatch):
    """A package installed into site-packages has no datasets/ beside it: the student's copy has."""
    from borderline.data import paths

    monkeypatch.delenv("BORDERLINE_DATA", raising=False)
    monkeypatch.setattr(paths, "PACKAGE_DIR", tmp_path / "site-packages" / "borderline")
    course = tmp_path / "home" / "borderline"
    shutil.copytree(ROOT / "datasets", course / "datasets")
    (course / "notebooks").mkdir()
    monkeypatch.chdir(course / "notebooks")
    assert paths.data_dir() == course / "datasets"
    from borderline.data import loading

    assert len(loading.load("sources")) == len(loading.load("sources", ROOT / "datasets"))
    monkeypatch.setenv("BORDERLINE_DATA", str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"
