"""What the room needs on paper: worksheets, answer keys, the lesson at a glance, activity cards, numbered notes.

These tests build the pages from the lessons' notebooks without running them (no charts), so
they are quick; tests/test_editions.py checks the pages of a real build of the handout pack.
"""

import html
import re

import nbformat
import pytest

from borderline import data, editions, exercise_bank, lessons, notes, room
from conftest import ROOT

LESSONS = [(n, name) for n, _title, name in lessons.order()]
CITE = re.compile(r" ?\[[A-Z][A-Z0-9_]+(?:; ?[A-Z][A-Z0-9_]+)*(?:; our arithmetic)?\]")


def _text(page: str) -> str:
    """The words of a page: notes' numbers, tags and entities removed, spaces collapsed."""
    page = re.sub(r"<sup class='bl-noteref'>.*?</sup>(?: \(our arithmetic\))?", "", page)
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return _words(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def _words(text: str) -> str:
    """Text as lower-case words only, so Markdown and HTML renderings of one sentence compare equal."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def _sentences(markdown: str) -> list[str]:
    """Sentences of an answer field long enough to be distinctive, as they read on a page."""
    lines = re.sub(r"^\s*(?:\d+\.|[-*])\s+", "", CITE.sub("", markdown), flags=re.M).splitlines()
    return [_words(s) for line in lines for s in re.split(r"(?<=[.!?])\s+", line) if len(s.strip()) > 40]


def _pages(name: str):
    nb = nbformat.read(editions.NOTEBOOKS / name, as_version=4)
    questions = exercise_bank.lesson_exercises(name[:2])
    plan = room.load_plan(name[:2])
    _, sheet, _ = room.exercise_pages(nb, questions, plan)
    _, key, _ = room.exercise_pages(nb, questions, plan, key=True)
    return questions, sheet, key


@pytest.mark.parametrize("lesson,name", LESSONS)
def test_every_exercise_is_in_the_worksheet_without_its_answer_and_in_the_key_with_it(lesson, name):
    questions, sheet, key = _pages(name)
    assert questions, f"lesson {lesson} has exercises"
    sheet_text, key_text = _text(sheet), _text(key)
    looked_for = 0
    for qid, q in questions.items():
        assert sheet.count(f'id="exercise-{qid}"') == 1, f"{qid} is not in the worksheet once"
        assert key.count(f'id="exercise-{qid}"') == 1, f"{qid} is not in the answer key once"
        answers = _sentences(q.explain) + _sentences(q.model_answer)
        answers += [s for k, f in (q.feedback or {}).items() for s in _sentences(f)]
        given = _words(CITE.sub("", q.prompt + " " + " ".join((q.options or {}).values())))  # a student sees these
        leaked = [s for s in answers if s in sheet_text and s not in given]
        looked_for += len(answers)
        assert leaked == [], f"{qid}: the worksheet shows answer text: {leaked[:1]}"
        for sentence in _sentences(q.explain) + _sentences(q.model_answer):
            assert sentence in key_text, f"{qid}: the key lacks {sentence!r}"
        if q.kind in ("number", "percent"):
            assert _words(room.answer_text(q).split(" (")[0]) in key_text
        if q.kind == "choice":
            assert all(_words(label) in sheet_text for label in q.options.values())
    assert looked_for > 3, "the test must have answer sentences to look for"
    assert "rm-options" in sheet or all(q.kind != "choice" for q in questions.values())
    assert " model answer " not in sheet_text and "rm-answer'" not in sheet


@pytest.mark.parametrize("lesson,name", LESSONS)
def test_every_row_a_prompt_names_is_printed_beside_it(lesson, name):
    """On paper a student cannot open "row C25 of china_estimates.csv", so the sheet prints the row."""
    questions, sheet, _key = _pages(name)
    for q in questions.values():
        for table, row_id in room.named_rows(q.prompt):
            assert f"<b>{row_id}</b> ({table}.csv): " in sheet, f"{q.qid}: row {row_id} is not on the worksheet"


def test_worksheet_shows_the_views_before_each_exercise_and_no_code():
    cell = nbformat.v4.new_code_cell
    view = nbformat.v4.new_output("display_data", {"text/html": "<div class='chart'>the chart</div>"})
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("## 1. First"),
            cell("bl.show(bl.charts.something())", outputs=[view]),
            cell('bl.exercise("99.1")'),
            nbformat.v4.new_code_cell('bl.model_answer("99.1")', metadata={"tags": ["solution"]}),
            nbformat.v4.new_markdown_cell("## 2. Second"),
            cell('bl.exercise("99.2")', metadata={"tags": ["deeper"]}),
        ]
    )
    nb.metadata["borderline"] = {"lesson": "99", "title": "Test"}
    from borderline.exercises import Question

    questions = {
        "99.1": Question(
            "99.1", "writing", hint="", explain="", prompt="Why?", model_answer="Because the view shows it."
        ),
        "99.2": Question("99.2", "number", hint="Divide.", explain="It is 4.", answer=4, prompt="How many?"),
    }
    _, sheet, _ = room.exercise_pages(nb, questions, {"question": "The question?"})
    assert "the chart" in sheet and "bl.show" not in sheet and "bl.exercise" not in sheet
    assert "Because the view shows it." not in sheet and "It is 4." not in sheet
    assert sheet.index("the chart") < sheet.index('id="exercise-99.1"') < sheet.index('id="exercise-99.2"')
    assert sheet.count("Going deeper") == 1 and sheet.index("Going deeper") > sheet.index('id="exercise-99.1"')
    assert sheet.count("class='rm-section") == 2 and "rm-lines" in sheet and "rm-answerline" in sheet
    _, key, _ = room.exercise_pages(nb, questions, {"question": "The question?"}, key=True)
    assert "the chart" not in key and "Because the view shows it." in key and "It is 4." in key


def test_a_long_table_behind_a_chart_gives_way_on_the_worksheet():
    rows = "".join(f"<tr><td>{i}</td></tr>" for i in range(room.LONG_TABLE + 5))
    chart = "<script>Plotly.newPlot('x', [])</script>"
    assert "<table>" not in room._compact(f"{chart}<table><tr><th>h</th></tr>{rows}</table>", "en")
    assert "<table>" in room._compact(f"<table><tr><th>h</th></tr>{rows}</table>", "en"), "no chart: keep the table"
    assert "<table>" in room._compact(f"{chart}<table><tr><td>1</td></tr></table>", "en"), "short: keep it"


@pytest.mark.parametrize("lesson,name", LESSONS)
def test_every_lesson_has_a_plan_with_a_question_and_activity_cards(lesson, name):
    plan = room.load_plan(lesson)
    assert "?" in plan["question"][-2:]
    assert plan["activities"] and plan["print"] and plan["skip"]
    for activity in plan["activities"]:
        assert activity["minutes"] > 0 and len(activity["steps"]) >= 3 and activity["collect"]
    nb = nbformat.read(editions.NOTEBOOKS / name, as_version=4)
    headings = {s["heading"] for s in room.sections(nb)} | {
        c.source.strip().splitlines()[0].lstrip("# ") for c in nb.cells if c.cell_type == "markdown" and c.source
    }
    for entry in plan["activities"] + plan["sensitive"]:
        if entry.get("section"):
            assert any(h.startswith(entry["section"].rstrip(".")) for h in headings), (
                f"{lesson}: no section {entry['section']!r} in the lesson"
            )
    _, body = room.cards_page(nb.metadata["borderline"], plan)
    assert body.count("class='rm-card'") == len(plan["activities"])


@pytest.mark.parametrize("lesson,name", LESSONS)
def test_each_card_keeps_the_time_box_of_the_plan_in_lessons_md(lesson, name):
    """A card's ``when`` starts where a row of the lesson's 90-minute plan starts and ends where one ends,
    and its minutes fit inside it, so the printed card and the printed plan never disagree."""
    text = (ROOT / "lessons.md").read_text(encoding="utf-8")
    part = text.split(f"## {lesson} · ", 1)[1].split("\n## ", 1)[0]
    rows = [tuple(map(int, r)) for r in re.findall(r"^\| (\d+)-(\d+) \|", part, flags=re.M)]
    starts, ends = {a for a, _ in rows}, {b for _, b in rows}
    for activity in room.load_plan(lesson)["activities"]:
        first, last = map(int, activity["when"].split("-"))
        assert first in starts and last in ends, (
            f"lessons/{name[:-6]}/plan.yaml, {activity['title']!r}: when {activity['when']} is not a span of "
            f"the plan in lessons.md (rows {', '.join(f'{a}-{b}' for a, b in rows)})"
        )
        assert 0 < activity["minutes"] <= last - first, f"{activity['title']!r}: {activity['minutes']} minutes"


def test_the_plans_have_a_card_for_every_activity_the_syllabus_names():
    titles = " | ".join(a["title"].lower() for n, _ in LESSONS for a in room.load_plan(n)["activities"])
    for activity in ["headline", "bath", "who said it", "steelman swap", "status checker in pairs", "role play"]:
        assert activity in titles, f"no activity card for {activity!r}"


def test_role_play_card_points_to_the_role_cards_and_keeps_students_as_decision_makers():
    plans = [room.load_plan(n) for n, _ in LESSONS]
    card = next(a for p in plans for a in p["activities"] if "role play" in a["title"].lower())
    assert "role-cards.html" in card.get("materials", "") and "decision-makers" in card["grouping"]
    assert "refugees" not in card["grouping"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("activities:\n- title: x\n", "field 'question': is missing or empty. Fix: add 'question:'."),
        ("question: Why?\ncolour: red\n", "field 'colour': is not a known field."),
        ("question: Why?\nactivities:\n- title: Game\n  minutes: ten\n", "'ten' is not a whole number"),
        ("question: Why?\nactivities:\n- title: Game\n", "field 'activities[1].minutes': is missing"),
        ("question: Why?\nskip: Only one line\n", "field 'skip': must be a list"),
        ("question: [Why?\n", "is not valid YAML near line"),
    ],
)
def test_a_broken_plan_file_says_what_to_fix(tmp_path, text, expected):
    path = tmp_path / "plan.yaml"
    path.write_text(text)
    with pytest.raises(room.PlanFileError) as error:
        room.load_plan("99", path)
    assert expected in str(error.value) and str(path) in str(error.value)


def test_the_glance_page_has_every_part_and_a_dash_for_what_is_missing():
    name = LESSONS[1][1]
    nb = nbformat.read(editions.NOTEBOOKS / name, as_version=4)
    plan = room.load_plan(name[:2])
    _, body = room.glance_page(nb, plan, files={"worksheet": "w.html"}, path=editions.NOTEBOOKS / name)
    text = _text(body)
    for heading in ["The question", "Objectives", "Time", "What to print", "Sensitive parts", "If time is short"]:
        assert _words(heading) in text
    assert len(re.findall(r"<ol><li>", body)) >= 1 and len(room.objectives(nb)) >= 3
    assert _words(plan["activities"][0]["title"]) in text and _words(plan["skip"][0]) in text
    meta = nb.metadata["borderline"]
    assert f"Teaching: {meta['teaching_minutes']} min" in body
    if not meta.get("pre_reading"):
        assert "Pre-reading: —" in body
    nb.metadata["borderline"] = {"lesson": "99", "title": "T"}
    _, bare = room.glance_page(nb, {"question": "Why?"})
    assert "Teaching: —" in bare and "Reading: —" in bare


def test_the_korean_pages_use_korean_words_and_say_what_is_still_in_english():
    name = LESSONS[1][1]
    nb = nbformat.read(editions.NOTEBOOKS / name, as_version=4)
    plan = room.load_plan(name[:2])
    _, body = room.glance_page(nb, plan, lang="ko")
    assert "한눈에 보기" in body and "학습 목표" in body and plan["question_ko"] in body
    assert "아직 번역되지 않아 영어로" in body, "English plan text is counted and said"
    _, cards = room.cards_page(nb.metadata["borderline"], plan, lang="ko")
    assert plan["activities"][0]["title_ko"] in cards and "진행 순서" in cards


# --- numbered notes -----------------------------------------------------------------------------


def test_citations_become_numbered_notes_listed_at_the_end():
    a, b = data.load("sources")["source_id"].iloc[:2]
    page = notes.numbered(
        f"<p>One [{a}], two [{a}; {b}], sum [{b}; our arithmetic], not a source [NOT_A_SOURCE].</p>"
        f"<script>var x = '[{a}]';</script><code>[{a}]</code><a title='[{a}]'>link</a>"
    )
    body, listed = page.split("<section class='bl-notes'", 1)
    assert body.count("href='#note-1'") == 2 and body.count("href='#note-2'") == 2
    assert "aria-label='note 1'" in body and "(our arithmetic)" in body and "[NOT_A_SOURCE]" in body
    assert f"var x = '[{a}]'" in body and f"<code>[{a}]</code>" in body and f"title='[{a}]'" in body
    assert "One<sup" in body, "no space before the note number"
    assert listed.count("<li id='note-") == 2 and data.cite(a) in html.unescape(listed)
    assert "href='#ref-1-1'" in listed and len(set(re.findall(r"id='(ref-[\d-]+)'", body))) == 4


def test_the_pdf_page_count_reads_chromium_pdfs(tmp_path):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R] >>\n2 0 obj << /Type /Page /Parent 1 0 R >>")
    assert room.pdf_pages(pdf) == 1
