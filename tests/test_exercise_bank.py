"""The exercises files: every mistake an author can make gets one message naming lesson, exercise and field."""

import math

import pytest

from borderline import exercise_bank
from borderline.exercise_bank import ExerciseFileError, evaluate

GOOD = """exercises:
- id: '77.1'
  kind: choice
  prompt: Pick one.
  options:
    'no': 'no'
    '2021_2022': 2021 and 2022
  answer: '2021_2022'
  feedback:
    'no': Not that.
    '2021_2022': Right.
- id: '77.2'
  kind: number
  prompt: How many?
  answer:
    formula: famine_estimates["E10"].high / famine_estimates["E01"].high
  slips:
  - value: answer * 100
    message: Too big by a hundred.
  hint: Divide.
"""


@pytest.fixture
def lesson(tmp_path, monkeypatch):
    folder = tmp_path / "lessons" / "77-test"
    folder.mkdir(parents=True)
    monkeypatch.setenv("BORDERLINE_LESSONS", str(tmp_path / "lessons"))
    exercise_bank._parsed.cache_clear()

    def write(text):
        (folder / "exercises.yaml").write_text(text, encoding="utf-8")
        exercise_bank._parsed.cache_clear()
        return folder / "exercises.yaml"

    yield write
    exercise_bank._parsed.cache_clear()


def test_a_good_file_loads_with_keys_kept_as_typed(lesson):
    lesson(GOOD)
    q = exercise_bank.find("77.1")
    assert list(q.options) == ["no", "2021_2022"] and q.answer == "2021_2022"
    n = exercise_bank.find("77.2")
    assert math.isclose(n.answer, 3_500_000 / 220_000) and math.isclose(n.wrong[0][0], n.answer * 100)
    assert n.check("15.9").correct and not n.check("1591").correct


@pytest.mark.parametrize(
    "edit, field, words",
    [
        (("kind: choice", "kind: quiz"), "kind", "not one of"),
        (("answer: '2021_2022'", "answer: 'maybe'"), "answer", "not one of the option keys"),
        (("    'no': Not that.\n", ""), "feedback", "missing: no"),
        (("  prompt: How many?\n", ""), "prompt", "missing"),
        (('famine_estimates["E10"]', 'famine_estimates["E99"]'), "answer", "no row E99"),
        ((".high / famine", ".highest / famine"), "answer", "no column 'highest'"),
        (("  hint: Divide.", "  hint: Divide.\n  colour: red"), "colour", "not a field"),
        (("    message: Too big by a hundred.\n", ""), "slips", "value and a message"),
        (("- id: '77.2'", "- id: '78.2'"), "id", "lesson number 77"),
        (("  hint: Divide.", "  hint: Divide.\n  level: extra"), "level", "neither core nor deeper"),
        (("  hint: Divide.", "  hint: Divide.\n  minutes: two"), "minutes", "whole number of minutes"),
    ],
)
def test_each_mistake_names_lesson_exercise_and_field(lesson, edit, field, words):
    lesson(GOOD.replace(*edit))
    with pytest.raises(ExerciseFileError) as err:
        exercise_bank.lesson_exercises("77")
    message = str(err.value)
    assert "77-test/exercises.yaml" in message and f"field '{field}'" in message and words in message, message
    assert "exercise 77." in message or "exercise 78." in message


def test_level_and_minutes_are_optional_and_read(lesson):
    lesson(GOOD.replace("  hint: Divide.", "  hint: Divide.\n  level: deeper\n  minutes: 3"))
    assert exercise_bank.find("77.1").level == "core" and exercise_bank.find("77.1").minutes is None
    assert exercise_bank.find("77.2").level == "deeper" and exercise_bank.find("77.2").minutes == 3


def test_broken_yaml_and_duplicates_are_explained(lesson):
    lesson(GOOD.replace("  kind: number", "  kind: [number"))
    with pytest.raises(ExerciseFileError, match="not valid YAML near line"):
        exercise_bank.lesson_exercises("77")
    lesson(GOOD.replace("'77.2'", "'77.1'"))
    with pytest.raises(ExerciseFileError, match="used twice"):
        exercise_bank.lesson_exercises("77")


def test_a_broken_file_shows_a_message_not_a_traceback_in_the_widget(lesson):
    from borderline import exercises

    lesson(GOOD.replace("kind: choice", "kind: quiz"))
    feedback = exercises.check("77.1", "no")
    assert not feedback.correct and "77-test/exercises.yaml" in feedback.message


@pytest.mark.parametrize(
    "formula",
    [
        "__import__('os')",
        "open('x')",
        "famine_estimates[E01].high",
        "2 ** 1000",
        "famine_estimates['E01', 'E10'].high",
        "lambda: 1",
    ],
)
def test_formulas_allow_only_arithmetic_over_cells(formula):
    with pytest.raises(ValueError):
        evaluate(formula)


def test_sum_over_rows():
    assert evaluate('sum(famine_estimates["E01", "E10"].high)') == 3_720_000
