"""Editions from one source: navigation, the student edition and the offline handout pack."""

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from borderline import editions, lessons
from conftest import ROOT


def test_lessons_and_notebooks_are_in_sync():
    stale = lessons.sync(check=True)
    assert stale == [], f"out of date: {stale}. Run `make sync` (python -m borderline sync) and commit."


def test_navigation_follows_the_lesson_numbers():
    order = lessons.order()
    assert [n for n, _, _ in order] == sorted(n for n, _, _ in order)
    for i, (_n, _t, name) in enumerate(order):
        nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        last = nb.cells[-1]
        assert "nav" in last.metadata.get("tags", [])
        if i + 1 < len(order):
            assert f"]({order[i + 1][2]})" in last.source
        if i > 0:
            assert f"]({order[i - 1][2]})" in last.source
        assert "](../lessons.md)" in last.source


def _copy_lessons(tmp_path):
    import shutil

    shutil.copytree(ROOT / "lessons", tmp_path / "lessons")
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns("my-journal*"))
    shutil.copy(ROOT / "lessons.md", tmp_path / "lessons.md")
    return tmp_path


def test_sync_check_notices_an_edited_sentence_and_sync_repairs_it(tmp_path):
    root = _copy_lessons(tmp_path)
    md = root / "lessons" / "01-famine.md"
    text = md.read_text()
    md.write_text(text.replace("It is also a lesson in numbers", "It is also, above all, a lesson in numbers", 1))
    folders = dict(lessons_folder=root / "lessons", notebooks_folder=root / "notebooks", syllabus=root / "lessons.md")
    assert lessons.sync(check=True, **folders) == ["notebooks/01-famine.ipynb"]
    lessons.sync(**folders)
    assert lessons.sync(check=True, **folders) == []
    nb = nbformat.read(root / "notebooks" / "01-famine.ipynb", as_version=4)
    assert "above all, a lesson in numbers" in nb.cells[0].source
    old = nbformat.read(ROOT / "notebooks" / "01-famine.ipynb", as_version=4)
    assert [c.get("id") for c in nb.cells] == [c.get("id") for c in old.cells], "cell ids are kept"


def test_sync_check_notices_stale_minutes_in_the_syllabus(tmp_path):
    root = _copy_lessons(tmp_path)
    md = root / "lessons" / "02-crossing-the-border.md"
    md.write_text(md.read_text().replace("exercise_minutes: 40", "exercise_minutes: 35", 1))
    folders = dict(lessons_folder=root / "lessons", notebooks_folder=root / "notebooks", syllabus=root / "lessons.md")
    assert "lessons.md" in lessons.sync(check=True, **folders)


def test_a_one_sentence_change_is_a_one_line_diff():
    text = (ROOT / "lessons" / "01-famine.md").read_text()
    sentence = "It is also a lesson in numbers"
    assert sum(sentence in line for line in text.splitlines()) == 1


def test_round_trip_keeps_tags_details_and_front_matter():
    import jupytext

    for md in lessons.lesson_files():
        text = md.read_text()
        assert lessons.canonical(text) == text, f"{md.name}: run `make sync`"
        nb = jupytext.read(md)
        assert nb.metadata["borderline"] == lessons.front_matter(md)
        built = nbformat.read(ROOT / "notebooks" / (md.stem + ".ipynb"), as_version=4)
        assert [c.metadata.get("tags") for c in nb.cells] == [c.metadata.get("tags") for c in built.cells]
        assert [c.source for c in nb.cells] == [c.source for c in built.cells]
        assert built.metadata["borderline"] == nb.metadata["borderline"]
    assert any("<details" in c.source for c in jupytext.read(ROOT / "lessons" / "05-responses-and-debate.md").cells)


def test_every_lesson_lists_every_source_it_cites():
    for md in lessons.lesson_files():
        text = md.read_text()
        block = text.split(lessons.SOURCES_START, 1)[1]
        for sid in lessons.cited_ids(text, md.with_suffix("") / "exercises.yaml"):
            assert f"**[{sid}]**" in block, f"{md.name}: [{sid}] is cited but not in its Sources list"


# --- the student edition -------------------------------------------------------------------

@pytest.fixture(scope="module")
def student_edition(tmp_path_factory):
    return editions.student(tmp_path_factory.mktemp("editions") / "student")


def _solution_sentences(path):
    """Distinctive sentences from the model answers and instructor notes of one source notebook."""
    nb = nbformat.read(path, as_version=4)
    sentences = []
    for cell in nb.cells:
        if set(cell.metadata.get("tags", [])) & editions.REMOVED_IN_STUDENT_EDITION:
            text = re.sub(r"<[^>]+>|\*\*|[*_`>]", "", cell.source)
            sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 60]
    return sentences


def test_student_edition_has_no_answers_or_instructor_notes(student_edition):
    for path in editions.notebooks():
        built = nbformat.read(student_edition / "notebooks" / path.name, as_version=4)
        assert not any(set(c.metadata.get("tags", [])) & editions.REMOVED_IN_STUDENT_EDITION for c in built.cells)
        text = "\n".join(c.source for c in built.cells)
        leaked = [s for s in _solution_sentences(path) if s in text]
        assert leaked == [], f"{path.name} leaks model-answer text: {leaked[:1]}"
        assert '<details class="bl-solution"' not in text and "> **For the seminar lead.**" not in text


def test_student_edition_keeps_every_exercise_and_check(student_edition):
    for path in editions.notebooks():
        source = nbformat.read(path, as_version=4)
        built = nbformat.read(student_edition / "notebooks" / path.name, as_version=4)
        calls = lambda nb: re.findall(r"bl\.(?:exercise|journal_entry)\(\"([\d.\w]+)\"", "\n".join(c.source for c in nb.cells))  # noqa: E731
        assert calls(built) == calls(source)
        prompts = lambda nb: [c.source for c in nb.cells if c.source.startswith("**Exercise ")]  # noqa: E731
        assert prompts(built) == prompts(source)


def test_student_syllabus_has_no_instructor_notes(student_edition):
    text = (student_edition / "lessons.md").read_text()
    assert "**Instructor notes.**" not in text and "## 01 · The famine" in text


def test_student_edition_runs_under_nbval(student_edition):
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
                             "--nbval-cell-timeout=120", "-o", "addopts=", str(student_edition / "notebooks")],
                            capture_output=True, text=True, timeout=600, cwd=student_edition)
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"{len(editions.notebooks())} passed" in result.stdout or " passed" in result.stdout


# --- the handout pack ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    return editions.handouts(tmp_path_factory.mktemp("editions") / "handouts")


def test_one_page_and_one_source_packet_per_lesson(handouts):
    for _n, _t, name in lessons.order():
        stem = Path(name).stem
        assert (handouts / f"{stem}.html").stat().st_size > 100_000
        assert (handouts / f"{stem}-sources.html").exists()


def test_pages_need_no_network(handouts):
    for page in handouts.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=[\"']https?:", text), page.name
        assert not re.search(r"<link[^>]+href=[\"']https?:", text), page.name
        assert "require.js" not in text and "cdn.plot.ly" not in text.split("</script>")[-1]


PLOTLY_HEAD = __import__("plotly.offline", fromlist=["get_plotlyjs"]).get_plotlyjs()[:400]


def test_plotly_is_embedded_once_per_lesson_page(handouts):
    for _n, _t, name in lessons.order():
        text = (handouts / f"{Path(name).stem}.html").read_text(encoding="utf-8")
        assert text.count(PLOTLY_HEAD) == 1
        if _n != "00":  # lesson 00's only chart is the live setup check
            assert text.count("Plotly.newPlot") >= 1


def test_widgets_become_static_views_with_answers_and_notes_shown(handouts):
    text = (handouts / "01-famine.html").read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-view+json" not in text
    assert "bl-static" in text and "Every estimate" in text
    assert '<details class="bl-solution" open>' in text
    assert "For the seminar lead" in text


def test_index_links_resolve(handouts):
    index = (handouts / "index.html").read_text(encoding="utf-8")
    links = re.findall(r"href='([^']+)'", index)
    assert len(links) >= 2 * len(lessons.order())
    for link in links:
        assert (handouts / link).exists(), link


def test_source_packets_quote_briefly_with_full_references(handouts):
    text = (handouts / "03-chinas-position-sources.html").read_text(encoding="utf-8")
    quotes = re.findall(r"<blockquote>“([^”]+)”</blockquote>", text)
    assert quotes and all(len(q.split()) <= 60 for q in quotes)
    assert text.count("class='src'") == len(quotes)


def test_handout_pages_draw_every_chart_offline_in_chromium(handouts):
    import browser as lab

    reason = lab.chromium_missing()
    if reason:
        pytest.skip("browser check skipped: " + reason)
    with lab.browser() as b:
        for page_path in sorted(handouts.glob("*.html")):
            requests = []
            page = b.new_page()
            page.on("request", lambda r: requests.append(r.url))
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_path.as_uri())
            page.wait_for_load_state("load")
            expected = page_path.read_text(encoding="utf-8").count("Plotly.newPlot(")
            page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {expected}",
                                   timeout=30_000)
            outside = [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
            assert outside == [], f"{page_path.name}: {outside[:3]}"
            assert errors == [], f"{page_path.name}: {errors[:2]}"
            page.close()
