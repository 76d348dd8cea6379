"""Exercises as plain text: one ``exercises.yaml`` per lesson folder, read and checked here.

A lesson's exercises live in ``lessons/NN-slug/exercises.yaml`` beside the lesson's Markdown.
Each entry holds the whole exercise: prompt, kind, options and feedback (or answer, tolerance
and slips), hint, explanation and model answer. This module knows no lesson: it finds the file
from the exercise id (exercise "NN.M" is in the folder whose name starts "NN-"), checks every field
against the schema below, and turns a computed answer (a ``formula``, see ``borderline.formulas``)
into a number.

Two optional fields say where an exercise sits in the lesson's time: ``level`` (``core``, the
default, or ``deeper`` for an exercise inside a "Going deeper" block) and ``minutes`` (a whole
number: what a student working alone needs for it, e.g. 2 for a number or a choice, 5 to 10 for
writing). ``make sync`` adds up the minutes of the core exercises for the lesson's time.

>>> sorted(KINDS), LEVELS
(['choice', 'number', 'percent', 'writing'], ('core', 'deeper'))
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml

from .data import PACKAGE_DIR, BorderlineError
from .formulas import evaluate
from .i18n import SAFE_LOADER

KINDS = {"number", "percent", "choice", "writing"}
COMMON = {
    "id": True,
    "kind": True,
    "prompt": True,
    "label": False,
    "hint": False,
    "model_answer": False,
    "tag": False,
    "level": False,
    "minutes": False,
}
LEVELS = ("core", "deeper")
BY_KIND = {
    "number": {"answer": True, "tolerance": False, "slips": False, "explain": False, "placeholder": False},
    "percent": {"answer": True, "tolerance": False, "slips": False, "explain": False, "placeholder": False},
    "choice": {"options": True, "answer": True, "feedback": True, "explain": False},
    "writing": {"journal_key": False, "rows": False, "placeholder": False},
}


class ExerciseFileError(BorderlineError, ValueError):
    """An exercises.yaml entry that does not match the schema; the message names lesson, exercise and field.

    >>> str(ExerciseFileError("lessons/99-x/exercises.yaml", "kind is missing.", "add 'kind:'.", "99.1", "kind"))
    "lessons/99-x/exercises.yaml, exercise 99.1, field 'kind': kind is missing. Fix: add 'kind:'."
    """

    def __init__(self, file, problem, fix="", exercise=None, field=None):
        where = str(file)
        if exercise:
            where += f", exercise {exercise}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}" + (f" Fix: {fix}" if fix else ""))


class _TextLoader(SAFE_LOADER):
    """YAML with every scalar read as text, so "no", "2021_2022" and "1.10" stay as typed. With PyYAML's C
    parser (``i18n.SAFE_LOADER``) a lesson's file reads in about 1 ms, with the Python one in 14.

    >>> yaml.load("{a: no, b: 1.10}", Loader=_TextLoader)
    {'a': 'no', 'b': '1.10'}
    """


_TextLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag == "tag:yaml.org,2002:null"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def lessons_dirs() -> list[Path]:
    """Where lesson folders are looked for, in order: ``BORDERLINE_LESSONS``, ``../lessons`` of the
    working folder (a notebook runs in ``notebooks/``), ``./lessons``, and the repository's.

    >>> lessons_dirs()[-1].name
    'lessons'
    """
    found = []
    if os.environ.get("BORDERLINE_LESSONS"):
        found.append(Path(os.environ["BORDERLINE_LESSONS"]))
    found += [Path.cwd().parent / "lessons", Path.cwd() / "lessons", PACKAGE_DIR.parent / "lessons"]
    return found


def exercise_file(lesson: str) -> Path | None:
    """The exercises.yaml of a lesson number such as "02", or None.

    >>> exercise_file("99") is None
    True
    >>> all(exercise_file(p.name[:2]).parent == p for d in lessons_dirs()[-1:] for p in d.glob("[0-9][0-9]-*/"))
    True
    """
    for folder in lessons_dirs():
        hits = sorted(folder.glob(f"{lesson}-*/exercises.yaml")) if folder.is_dir() else []
        if hits:
            return hits[0]
    return None


def _rel(path: Path) -> str:
    parts = path.resolve().parts
    return "/".join(parts[-3:]) if len(parts) >= 3 else str(path)


# --- reading and checking a lesson's file -----------------------------------------------


def _number(value, where, field, file):
    if isinstance(value, dict):
        if set(value) != {"formula"}:
            raise ExerciseFileError(
                file,
                "a computed value needs exactly one key, 'formula'.",
                'write it as  formula: table["ROW"].column',
                where,
                field,
            )
        try:
            return evaluate(value["formula"])
        except (ValueError, BorderlineError) as exc:
            raise ExerciseFileError(
                file,
                f"the formula {value['formula']!r} failed: {exc}.",
                "check the table, row id and column names in datasets/.",
                where,
                field,
            ) from None
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        pass
    try:  # a slip may be a formula too: 'table["ROW_A"].high - table["ROW_B"].high'
        return evaluate(str(value))
    except (ValueError, BorderlineError):
        raise ExerciseFileError(
            file,
            f"{value!r} is neither a number nor a formula.",
            'write plain digits (0.03, 11500) or a formula such as table["ROW_ID"].column.',
            where,
            field,
        ) from None


def _check_fields(entry: dict, file, index: int) -> str:
    qid = str(entry.get("id", "")).strip()
    where = qid or f"number {index + 1}"
    kind = str(entry.get("kind", ""))
    if kind not in KINDS:
        raise ExerciseFileError(
            file,
            f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}.",
            "set kind to number, percent, choice or writing.",
            where,
            "kind",
        )
    allowed = COMMON | BY_KIND[kind]
    for name in entry:
        if name not in allowed:
            raise ExerciseFileError(
                file, f"'{name}' is not a field of a {kind} exercise.", f"use only: {', '.join(allowed)}.", where, name
            )
    for name, required in allowed.items():
        if required and (entry.get(name) in (None, "", {}, [])):
            raise ExerciseFileError(file, "this field is missing or empty.", f"add '{name}:'.", where, name)
    return where


def _check_choice(entry: dict, file, where: str) -> None:
    options, feedback = entry["options"], entry["feedback"]
    if not isinstance(options, dict) or not isinstance(feedback, dict):
        raise ExerciseFileError(file, "options and feedback must be 'key: text' lists.", "", where, "options")
    if str(entry["answer"]) not in options:
        raise ExerciseFileError(
            file,
            f"the answer {entry['answer']!r} is not one of the option keys.",
            f"use one of: {', '.join(options)}.",
            where,
            "answer",
        )
    extra = [k for k in feedback if k not in options]
    missing = [k for k in options if k not in feedback]
    if extra or missing:
        raise ExerciseFileError(
            file,
            "feedback must have one message per option "
            f"(missing: {', '.join(missing) or 'none'}; unknown: {', '.join(extra) or 'none'}).",
            "give every option key one feedback line.",
            where,
            "feedback",
        )


def _question(entry: dict, file, index: int, lesson: str):
    from .exercises import Question

    where = _check_fields(entry, file, index)
    if not where.startswith(lesson + "."):
        raise ExerciseFileError(
            file,
            f"the id does not start with the lesson number {lesson}.",
            f'use an id such as "{lesson}.1".',
            where,
            "id",
        )
    kind = entry["kind"]
    q = Question(
        qid=where,
        kind=kind,
        hint=str(entry.get("hint", "")),
        explain=str(entry.get("explain", "")),
        prompt=str(entry["prompt"]),
        model_answer=str(entry.get("model_answer", "")),
        tag=str(entry.get("tag", "")),
        label=str(entry.get("label", "Your answer")),
    )
    if entry.get("placeholder"):
        q.placeholder = str(entry["placeholder"])
    q.level, q.minutes = _level_and_minutes(entry, file, where)
    if kind == "choice":
        _check_choice(entry, file, where)
        q.options = {str(k): str(v) for k, v in entry["options"].items()}
        q.feedback = {str(k): str(v) for k, v in entry["feedback"].items()}
        q.answer = str(entry["answer"])
    elif kind == "writing":
        q.journal_key = str(entry.get("journal_key") or where)
        q.rows = int(_number(entry.get("rows", 4), where, "rows", file))
    else:
        q.answer = _number(entry["answer"], where, "answer", file)
        q.tolerance = _number(entry.get("tolerance", 0.03), where, "tolerance", file)
        q.wrong = [(_slip(s, q.answer, where, file), str(s.get("message", ""))) for s in entry.get("slips") or []]
    return q


def _level_and_minutes(entry: dict, file, where: str) -> tuple[str, int | None]:
    level = str(entry.get("level") or "core")
    if level not in LEVELS:
        raise ExerciseFileError(
            file,
            f"level {level!r} is neither core nor deeper.",
            "write  level: deeper  for an exercise inside a 'Going deeper' block, or leave the field out (core).",
            where,
            "level",
        )
    minutes = entry.get("minutes")
    if minutes is None:
        return level, None
    if not str(minutes).isdigit() or int(minutes) < 1:
        raise ExerciseFileError(
            file,
            f"minutes {minutes!r} is not a whole number of minutes.",
            "write the minutes a student working alone needs, e.g.  minutes: 2  for a number, 5 to 10 for writing.",
            where,
            "minutes",
        )
    return level, int(minutes)


def read_file(path: Path, lesson: str) -> dict:
    """Every exercise in one exercises.yaml (checked), by id, in file order; {} if there is no file.

    >>> read_file(Path("no/such/exercises.yaml"), "99")
    {}
    """
    path = Path(path)
    return _parsed(str(path), path.stat().st_mtime, str(lesson)) if path.exists() else {}


def _slip(slip, answer, where, file) -> float:
    if not isinstance(slip, dict) or "value" not in slip or not slip.get("message"):
        raise ExerciseFileError(
            file,
            "each slip needs a value and a message.",
            "write  - value: 1150  and  message: what went wrong",
            where,
            "slips",
        )
    value = slip["value"]
    if isinstance(value, str) and "answer" in value:
        return evaluate(value, answer=answer)
    return _number(value, where, "slips", file)


@lru_cache(maxsize=32)
def _parsed(path: str, stamp: float, lesson: str) -> dict:
    file = _rel(Path(path))
    try:
        content = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_TextLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" near line {mark.line + 1}" if mark else ""
        raise ExerciseFileError(file, f"is not valid YAML{line}.", "check the indentation and quotes there.") from None
    except UnicodeDecodeError:
        raise ExerciseFileError(file, "is not UTF-8 text.", "save the file as UTF-8.") from None
    entries = (content or {}).get("exercises") if isinstance(content, dict) else None
    if not isinstance(entries, list):
        raise ExerciseFileError(file, "has no 'exercises:' list.", "start the file with  exercises:  and a list.")
    questions = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ExerciseFileError(file, f"entry {i + 1} is not a set of fields.", "start each entry with  - id:")
        q = _question(entry, file, i, lesson)
        if q.qid in questions:
            raise ExerciseFileError(file, "this id is used twice.", "give each exercise its own id.", q.qid, "id")
        questions[q.qid] = q
    return questions


def lesson_exercises(lesson: str) -> dict:
    """Every exercise of one lesson, by id, in file order ({} if the lesson has no file).

    >>> lesson_exercises("99")
    {}
    """
    path = exercise_file(str(lesson))
    if path is None:
        return {}
    return read_file(path, str(lesson))


def find(qid: str):
    """The exercise with this id, or None.

    >>> find("no such id") is None
    True
    """
    qid = str(qid).strip()
    lesson = qid.split(".")[0]
    if not (len(lesson) == 2 and lesson.isdigit()):
        return None
    return lesson_exercises(lesson).get(qid)


def all_exercises() -> dict:
    """Every exercise of every lesson folder, by id.

    >>> all(q.qid == qid for qid, q in all_exercises().items())
    True
    """
    found = {}
    for folder in lessons_dirs():
        for path in sorted(folder.glob("[0-9][0-9]-*/exercises.yaml")) if folder.is_dir() else []:
            for qid, q in lesson_exercises(path.parent.name[:2]).items():
                found.setdefault(qid, q)
    return found
