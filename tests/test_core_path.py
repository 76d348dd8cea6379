"""The core path of each lesson fits a 90-minute session: at most 2,500 words of student reading
(``borderline.lessons.reading_words``), no wall of text, "Going deeper" blocks labelled and never
needed by a core exercise, honest minutes, and a named pre-reading that the lesson's plan uses."""

import re

import jupytext
import pytest

from borderline import exercise_bank, lesson_sync, lessons
from borderline.lessons import DEEPER, NOT_READ, plain_words, reading_minutes, reading_words, section_words
from conftest import ROOT

CORE_WORDS = 2500
CELL_WORDS = 400
LESSONS = lessons.lesson_files()
LABEL = re.compile(r"^(#+ Going deeper:|\*\*Going deeper\.\*\*)")


@pytest.fixture(params=LESSONS, ids=lambda p: p.stem)
def lesson(request):
    return request.param, jupytext.read(request.param)


def _tags(cell):
    return set(cell.metadata.get("tags", []))


def test_the_core_reading_is_at_most_2500_words(lesson):
    md, nb = lesson
    words = reading_words(nb)
    assert words <= CORE_WORDS, f"{md.name}: {words} core words; mark detail `deeper` (see CONTRIBUTING.md)"


def test_no_markdown_cell_is_a_wall_of_text(lesson):
    md, nb = lesson
    for cell in nb.cells:
        if cell.cell_type == "markdown" and not _tags(cell) & NOT_READ:
            words = plain_words(cell.source)
            assert words <= CELL_WORDS, f"{md.name}: a cell of {words} words starts {cell.source[:60]!r}; split it"


def test_every_deeper_block_is_labelled(lesson):
    md, nb = lesson
    previous_deeper = False
    for cell in nb.cells:
        tags = _tags(cell)
        if tags & {"solution", "instructor"}:
            continue  # neither starts nor breaks a block
        deeper = DEEPER in tags
        if deeper and not previous_deeper:
            assert cell.cell_type == "markdown" and LABEL.match(cell.source), (
                f"{md.name}: a deeper block starts without a 'Going deeper:' heading: {cell.source[:60]!r}"
            )
        previous_deeper = deeper


def test_exercises_in_deeper_blocks_and_only_those_are_level_deeper(lesson):
    md, nb = lesson
    number = lessons.front_matter(md)["lesson"]
    questions = exercise_bank.lesson_exercises(number)
    for cell in nb.cells:
        for qid in re.findall(r'bl\.exercise\("([\d.]+)"\)', cell.source):
            where = "deeper" if DEEPER in _tags(cell) else "core"
            assert questions[qid].level == where, f"{qid} sits in a {where} cell: set level: {where}"


def test_exercise_minutes_are_the_sum_of_the_core_exercises(lesson):
    md, _nb = lesson
    meta = lessons.front_matter(md)
    questions = exercise_bank.lesson_exercises(meta["lesson"]).values()
    missing = [q.qid for q in questions if not q.minutes]
    assert not missing, f"give these exercises a 'minutes' field: {missing}"
    assert meta["exercise_minutes"] == sum(q.minutes for q in questions if q.level == "core")


def test_reading_minutes_are_measured(lesson):
    md, nb = lesson
    assert lessons.front_matter(md)["reading_minutes"] == reading_minutes(reading_words(nb)), "run `make sync`"


def test_pre_reading_names_real_sections_and_enough_minutes(lesson):
    md, nb = lesson
    pre = lessons.front_matter(md).get("pre_reading")
    assert pre and pre.get("sections"), f"{md.name}: add pre_reading: {{minutes: N, sections: [...]}}"
    headings = [c.source.splitlines()[0][3:].strip() for c in nb.cells if c.source.startswith("## ")]
    for section in pre["sections"]:
        assert section in headings, f"{md.name}: no section headed {section!r}"
    measured = reading_minutes(sum(section_words(nb, s) for s in pre["sections"]))
    assert pre["minutes"] >= measured, f"{md.name}: the pre-reading takes about {measured} minutes"


def test_each_plan_in_lessons_md_names_its_pre_reading(lesson):
    md, _nb = lesson
    meta = lessons.front_matter(md)
    text = (ROOT / "lessons.md").read_text(encoding="utf-8")
    part = text.split(f"## {meta['lesson']} · ", 1)[1].split("\n## ", 1)[0]
    minutes = meta["pre_reading"]["minutes"]
    assert re.search(rf"^Pre-reading \({minutes} minutes?\): ", part, flags=re.M), (
        f"lessons.md, lesson {meta['lesson']}: add 'Pre-reading ({minutes} minutes): ...' above the plan table"
    )


def test_written_alternatives_the_lessons_promise_exist():
    text = (ROOT / "lessons.md").read_text(encoding="utf-8")
    assert "### Written alternatives" in text
    for md in LESSONS:
        if "written-alternatives" in md.read_text(encoding="utf-8"):
            number = lessons.front_matter(md)["lesson"]
            part = text.split("### Written alternatives", 1)[1].split("\n## ", 1)[0]
            assert f"**Lesson {number}" in part, f"lessons.md has no written alternative for lesson {number}"


def test_sync_check_catches_stale_reading_minutes(tmp_path):
    import shutil

    shutil.copytree(ROOT / "lessons", tmp_path / "lessons")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns("my-journal*"))
    md = tmp_path / "lessons" / LESSONS[0].name
    meta = lessons.front_matter(md)
    text = md.read_text(encoding="utf-8")
    md.write_text(text.replace(f"reading_minutes: {meta['reading_minutes']}", "reading_minutes: 99", 1))
    folders = dict(lessons_folder=tmp_path / "lessons", notebooks_folder=tmp_path / "notebooks", syllabus=None)
    assert f"lessons/{md.name}" in lesson_sync.sync(check=True, **folders)


def test_the_minutes_line_of_each_plan_matches_the_lesson(lesson):
    md, _nb = lesson
    meta = lessons.front_matter(md)
    text = (ROOT / "lessons.md").read_text(encoding="utf-8")
    part = text.split(f"## {meta['lesson']} · ", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"^\*\*Minutes\.\*\* Reading (\d+) · teaching (\d+) · exercises (\d+) · total (\d+)", part, re.M)
    assert found, (
        f"lessons.md, lesson {meta['lesson']}: no '**Minutes.** Reading R · teaching T · exercises E · total N'"
    )
    expected = (
        meta["reading_minutes"],
        meta["teaching_minutes"],
        meta["exercise_minutes"],
        lessons.total_minutes(meta),
    )
    assert tuple(map(int, found.groups())) == expected, f"lessons.md, lesson {meta['lesson']}: write {expected}"
