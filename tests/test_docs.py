"""Every public name of the package shows how to use it in a docstring example that runs as a test.

The check walks every module of the package and the server extension borderline_server (not only ``__all__``): every function and class
whose name does not start with ``_`` and that is defined in that module needs a ``>>>`` example
with at least one expected output line, so that the example asserts something.
``pytest --doctest-modules`` (on by default, see pyproject.toml) runs the examples.
"""

import doctest
import importlib
import inspect
import pkgutil

import pytest

import borderline

MODULES = sorted(m.name for m in pkgutil.walk_packages(borderline.__path__, "borderline.")) + ["borderline_server"]
# Functions whose example would build every notebook; their tests say why.
EXEMPT = {
    "borderline.editions.student": "builds every notebook: tests/test_editions.py",
    "borderline.editions.handouts": "builds every notebook: tests/test_editions.py",
    "borderline.lite.build": "builds the JupyterLite site: tests/test_lite.py",
}
_PARSER = doctest.DocTestParser()


def public_names(module) -> list[tuple[str, object]]:
    return [
        (name, obj)
        for name, obj in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and getattr(obj, "__module__", None) == module.__name__
    ]


def without_examples(name: str) -> list[str]:
    module = importlib.import_module(name)
    missing = []
    for public, obj in public_names(module):
        if f"{name}.{public}" in EXEMPT:
            continue
        examples = _PARSER.get_examples(obj.__doc__ or "")
        if not any(e.want.strip() for e in examples):
            missing.append(public)
    return missing


@pytest.mark.parametrize("name", MODULES)
def test_public_names_have_examples_that_assert_something(name):
    missing = without_examples(name)
    assert missing == [], f"{name}: add a docstring example with expected output to {missing}"


def test_the_check_would_catch_a_missing_example():
    def undocumented():
        return 1

    def only_calls():
        """>>> only_calls()"""

    assert not any(e.want.strip() for e in _PARSER.get_examples(only_calls.__doc__))
    assert _PARSER.get_examples(undocumented.__doc__ or "") == []
