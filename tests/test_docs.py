"""Every public function of the package shows how to use it in a docstring example that runs as a test."""

import importlib
import inspect

import pytest

MODULES = ["data", "charts", "widgets", "exercises", "journal", "editions"]
# Functions whose example would display output or build every notebook; their tests say why.
EXEMPT = {"charts.show": "displays output: tests/test_charts.py::test_show_displays_figure_and_words",
          "editions.student": "builds every notebook: tests/test_editions.py",
          "editions.handouts": "builds every notebook: tests/test_editions.py"}


@pytest.mark.parametrize("name", MODULES)
def test_public_functions_have_runnable_examples(name):
    module = importlib.import_module(f"borderline.{name}")
    missing = []
    for public in module.__all__:
        obj = getattr(module, public)
        if inspect.isfunction(obj) and f"{name}.{public}" not in EXEMPT and ">>>" not in (obj.__doc__ or ""):
            missing.append(public)
    assert missing == [], f"borderline.{name}: add a docstring example to {missing}"
