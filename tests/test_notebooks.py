"""Notebook structure: the fixed opening and closing blocks, clean cells, valid tags, true links."""

import re

import nbformat
import pytest

from borderline import data, exercise_bank
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
TAGS = {"solution", "instructor", "nav", "sources", "raises-exception", "deeper", "slide"}
OPENING = ["Overview", "Questions this lesson answers", "Prerequisites", "Time"]
CLOSING = ["Key points", "Discussion questions", "What's next", "Sources"]
CITATION = re.compile(r"\[([A-Z][A-Z0-9_]+(?:; ?[A-Z][A-Z0-9_]+)*)\](?!\()")
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)]*)?\)")


def _nb(path):
    return nbformat.read(path, as_version=4)


def _md(nb):
    return [c for c in nb.cells if c.cell_type == "markdown"]


def _headings(nb, level):
    marks = "#" * level + " "
    return [line[len(marks) :].strip() for c in _md(nb) for line in c.source.splitlines() if line.startswith(marks)]


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:2] == ["00-start-here.ipynb", "01-famine.ipynb"]


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.stem)
def nb(request):
    return _nb(request.param)


def _path(nb):
    lesson = nb.metadata["borderline"]["lesson"]
    return next(p for p in NOTEBOOKS if p.name.startswith(lesson + "-"))


def test_valid_and_committed_clean(nb):
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:40]
    assert "widgets" not in nb.metadata, "saved widget state: strip it (nbstripout)"
    assert _path(nb).stat().st_size < 100_000


def test_one_h1_title_in_the_first_cell(nb):
    assert len(_headings(nb, 1)) == 1
    meta = nb.metadata["borderline"]
    assert nb.cells[0].source.startswith(f"# Lesson {meta['lesson']}: {meta['title']}\n")
    assert _path(nb).name.split("-")[0] == meta["lesson"]


def test_opening_and_closing_blocks_in_order(nb):
    h2 = [re.sub(r"^\d+\.\s*", "", h) for h in _headings(nb, 2)]
    assert h2[:4] == OPENING
    assert h2[-4:] == CLOSING
    numbered = [h for h in _headings(nb, 2) if re.match(r"^\d+\.", h)]
    assert numbered == sorted(numbered, key=lambda h: int(h.split(".")[0]))


def test_objectives_are_a_numbered_list(nb):
    overview = next(c.source for c in _md(nb) if c.source.startswith("## Overview"))
    items = re.findall(r"^\d+\. ", overview, flags=re.M)
    assert 2 <= len(items) <= 6


def test_time_matches_metadata(nb):
    from borderline.lessons import minutes_line

    meta = nb.metadata["borderline"]
    assert any(minutes_line(meta) in c.source for c in _md(nb)), "run `make sync`"


def test_content_note_present_and_before_imports(nb):
    sources = [c.source for c in nb.cells]
    note = next(i for i, s in enumerate(sources) if s.startswith("## Content note"))
    imports = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    assert note < imports


def test_one_imports_cell_and_short_code_cells(nb):
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].source == "import borderline as bl"
    for cell in code[1:]:
        assert "import " not in cell.source, cell.source
        assert len(cell.source.splitlines()) <= 3, cell.source
        assert "bl." in cell.source


def test_tags_are_valid_and_solutions_collapsed(nb):
    for cell in nb.cells:
        tags = set(cell.metadata.get("tags", []))
        assert tags <= TAGS, tags
        if "solution" in tags:
            # The model answer comes from the exercises file as a <details> block, which stays
            # collapsed in JupyterLab after Run All and in static HTML; the student edition drops the cell.
            if cell.cell_type == "code":
                assert re.fullmatch(r'bl\.model_answer\("\d\d\.\d+"\)', cell.source), cell.source
            else:  # a model answer for a view that is not an exercise (the final position in lesson 05)
                assert cell.source.startswith('<details class="bl-solution"><summary><b>Model answer</b>')
                assert cell.source.rstrip().endswith("</details>")
        if "instructor" in tags:
            assert cell.source.startswith("> **For the seminar lead.**")


def _calls(nb, name):
    return [m for c in nb.cells if c.cell_type == "code" for m in re.findall(rf'bl\.{name}\("([\d.]+)"\)', c.source)]


def test_every_exercise_in_the_file_is_placed_once_in_order(nb):
    lesson = nb.metadata["borderline"]["lesson"]
    in_file = list(exercise_bank.lesson_exercises(lesson))
    assert _calls(nb, "exercise") == in_file, "each exercise in exercises.yaml is placed once, in file order"
    assert all(q.startswith(lesson + ".") for q in in_file)
    numbers = [int(q.split(".")[1]) for q in in_file]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_every_model_answer_follows_its_exercise(nb):
    cells = [c for c in nb.cells if c.cell_type == "code"]
    answers = exercise_bank.lesson_exercises(nb.metadata["borderline"]["lesson"])
    for i, cell in enumerate(cells):
        m = re.fullmatch(r'bl\.model_answer\("([\d.]+)"\)', cell.source)
        if m:
            assert cells[i - 1].source == f'bl.exercise("{m.group(1)}")', m.group(1)
            assert answers[m.group(1)].model_answer.strip(), f"{m.group(1)} has no model_answer in exercises.yaml"
    with_answers = [q for q, e in answers.items() if e.model_answer.strip()]
    assert _calls(nb, "model_answer") == with_answers


def test_no_exercise_prompt_is_left_in_the_lesson_text(nb):
    for c in _md(nb):
        assert not c.source.startswith("**Exercise "), "prompts live in the lesson's exercises.yaml: " + c.source[:40]


def test_every_citation_resolves():
    known = set(data.load("sources")["source_id"])
    texts = {
        p.name: "\n".join(c.source for c in _nb(p).cells if "sources" not in c.metadata.get("tags", []))
        for p in NOTEBOOKS
    }
    texts["lessons.md"] = (ROOT / "lessons.md").read_text()
    for path in sorted((ROOT / "lessons").glob("*/exercises.yaml")):
        texts[str(path.relative_to(ROOT))] = path.read_text()
    for name, text in texts.items():
        for group in CITATION.findall(text):
            for sid in re.split(r"; ?", group):
                assert sid in known, f"{name} cites [{sid}], which is not in datasets/sources.csv"


def test_every_local_link_resolves():
    docs = {p: "\n".join(c.source for c in _nb(p).cells) for p in NOTEBOOKS}
    for extra in ["README.md", "lessons.md", "datasets/README.md"]:
        docs[ROOT / extra] = (ROOT / extra).read_text()
    for path, text in docs.items():
        for target, _anchor in LINK.findall(text):
            if re.match(r"^[a-z]+:", target) or target.startswith("<"):
                continue
            assert (path.parent / target).exists(), f"{path.name} links to missing {target}"


def test_lessons_md_lists_every_notebook_with_the_same_title_and_minutes():
    text = (ROOT / "lessons.md").read_text()
    rows = re.findall(r"^\| (\d\d) \| ([^|]+) \| ([^|]+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", text, flags=re.M)
    table = {r[0]: r for r in rows}
    assert list(table) == ["00", "01", "02", "03", "04", "05"]
    for path in NOTEBOOKS:
        meta = _nb(path).metadata["borderline"]
        number, title, link, r, t, e, total = table[meta["lesson"]]
        assert title.strip() == meta["title"]
        assert f"(notebooks/{path.name})" in link
        assert (int(r), int(t), int(e), int(total)) == (
            meta["reading_minutes"],
            meta["teaching_minutes"],
            meta["exercise_minutes"],
            meta["reading_minutes"] + meta["teaching_minutes"] + meta["exercise_minutes"],
        )
        assert f"## {meta['lesson']} · {meta['title']}\n" in text


def test_the_central_question_runs_through_every_notebook(nb):
    text = "\n".join(c.source for c in nb.cells).lower()
    assert "refugee" in text and "migrant" in text


def test_lessons_with_exercises_have_at_least_four_with_model_answers():
    for path in NOTEBOOKS:
        nb = _nb(path)
        if nb.metadata["borderline"]["lesson"] == "00":
            continue
        checks = sum(
            q.kind != "writing" for q in exercise_bank.lesson_exercises(nb.metadata["borderline"]["lesson"]).values()
        )
        solutions = sum("solution" in c.metadata.get("tags", []) for c in nb.cells)
        assert checks >= 4 and solutions >= 4


def test_syllabus_has_each_lesson_once_and_no_leftovers():
    text = (ROOT / "lessons.md").read_text()
    assert "(coming)" not in text and text.count("<!--") == 2  # only the syllabus markers
    for number in ["00", "01", "02", "03", "04", "05"]:
        assert len(re.findall(rf"^## {number} · ", text, flags=re.M)) == 1
