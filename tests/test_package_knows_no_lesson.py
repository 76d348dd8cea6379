"""The helper package knows no lesson: no row ids, source ids, lesson numbers or journal keys in borderline/.

Lessons pass what is theirs (a journal key, the row a view starts at) in their code cells;
labels, chart markers and chart notes are rows of datasets/labels.csv and datasets/chart_notes.csv.
This test reads every .py file under borderline/ and fails naming the file, the line and what it found.
"""

import re
from functools import lru_cache

import pytest

from borderline import data
from conftest import ROOT

PACKAGE = ROOT / "borderline"
ROW_ID = re.compile(r"\b(?:E|C|R|P|L|A|N|EV|ST|AM|AN|AR|RT|OP|RL|CS|NT)\d{2}\b")
LESSON = [
    re.compile(r"(?<![\d.])0[0-5]\.(?:\d|[a-z_]{2,})"),  # exercise ids and journal keys: 01.5, 04.strongest
    re.compile(r"\blessons?\s+0[0-5]\b", re.IGNORECASE),  # "lesson 05"
    re.compile(r"\b0[0-5]-[a-z]{3,}"),
]  # notebook names: 01-famine


@lru_cache(maxsize=1)
def dataset_ids() -> re.Pattern:
    """Every id in the datasets' id columns that looks like an id (upper case, or with a digit)."""
    ids = set()
    for name in data.names():
        frame = data.load(name)
        key = data.schema(name)["schema"].get("primaryKey")
        columns = {key} if isinstance(key, str) else set()
        columns |= {c for c in frame.columns if c.endswith("_id") or c in ("source_id", "more_sources")}
        for column in columns & set(frame.columns):
            for value in frame[column].dropna().astype(str):
                for part in value.split(";"):
                    if re.fullmatch(r"[A-Z][A-Z0-9_-]{2,}", part) or re.fullmatch(
                        r"[a-z][a-z_]*\d{2,}[a-z0-9_]*", part
                    ):
                        ids.add(part)
    return re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")(?![\w-])")


def findings(text: str) -> list[str]:
    """'line N: what' for every row id, dataset id, lesson number or journal key in some source text."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        hits = [m.group(0) for m in ROW_ID.finditer(line)] + [m.group(1) for m in dataset_ids().finditer(line)]
        hits += [m.group(0) for pattern in LESSON for m in pattern.finditer(line)]
        found += [f"line {number}: {hit!r} in {line.strip()[:90]!r}" for hit in dict.fromkeys(hits)]
    return found


FILES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", FILES)
def test_module_knows_no_lesson(path):
    found = findings((PACKAGE / path).read_text(encoding="utf-8"))
    assert not found, (
        f"borderline/{path} knows a lesson (pass it in from the lesson, or make it a dataset row):\n" + "\n".join(found)
    )


@pytest.mark.parametrize(
    "line",
    [
        'KEY_EVENTS = ["EV17", "EV24"]',  # a row id
        'pick = w.Dropdown(value="E02")',  # a default row
        'journal.get("05.ranking")',  # a journal key
        'OPENING_KEY = "00.opening"',
        "You will come back to this in lesson 05.",  # a lesson number
        'sources = ["NPM_WORLDATLAS"]',  # a source id without digits
        'cite("S004")',
        'series = "wb2026"',  # a lower-case id with digits
        "see notebooks/01-famine.ipynb",
    ],
)
def test_the_check_catches_lesson_knowledge(line):
    assert findings(line), line


@pytest.mark.parametrize(
    "line",
    [
        "PALETTE = ['#0072B2']",
        "x = round(0.05, 2)  # noqa: E731",
        'f"Lesson {lane}"',
        "ratio = 1.04",
        'label("arguments.side", value)',
        "years = (2002, 2019)",
    ],
)
def test_the_check_leaves_ordinary_code_alone(line):
    assert not findings(line), line
