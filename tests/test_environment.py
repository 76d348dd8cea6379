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
