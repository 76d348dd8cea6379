"""Lessons as text: ``lessons/NN-slug.md`` (MyST Markdown) is what authors edit; the notebook
``notebooks/NN-slug.ipynb`` that students open is built from it by jupytext.

This module reads the lessons' front matter (number, title, minutes) and works out what each
lesson cites and loads; ``borderline.lesson_sync.sync()`` derives everything that must not be
kept by hand:

- the navigation cell at the end of each lesson (previous, contents, next);
- each lesson's list of sources (``lessons/NN-slug/sources.txt``, shown by the lesson's
  ``bl.lesson_sources`` cell), from the ``[IDS]`` its text and exercises cite and the tables
  its code cells load (directly, or through a builder marked with ``registry.uses``);
- the syllabus table in ``lessons.md`` (between its ``syllabus`` markers);
- the paired notebook, outputs cleared, cell ids kept.

``lesson_sync.sync(check=True)`` changes nothing and lists what is out of date.

>>> numbers = [n for n, _title, _nb in order()]
>>> numbers == sorted(numbers) and len(numbers) == len(lesson_files())
True
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
NOTEBOOKS = ROOT / "notebooks"
SYLLABUS = ROOT / "lessons.md"
CITATION = re.compile(r"\[([A-Z][A-Z0-9_]+(?:; ?[A-Z][A-Z0-9_]+)*)(?:; our arithmetic)?\](?!\()")
CELL = re.compile(r"(?ms)^```\{code-cell\}[^\n]*\n(?::[^\n]*\n)*\n?(.*?)^```$")
NAV_START = '+++ {"tags": ["nav"]}'
SOURCES_START = '+++ {"tags": ["sources"]}'
SYLLABUS_MARKS = ("<!-- syllabus: made by `make sync` from each lesson's front matter -->", "<!-- /syllabus -->")
WORDS_PER_MINUTE = 200
NOT_READ = {"instructor", "solution", "nav", "sources"}
DEEPER = "deeper"
MINUTES_LINE = re.compile(r"(?m)^\*\*(?:Reading|Teaching): [^\n]*$")


def lesson_files(folder: Path = LESSONS) -> list[Path]:
    """The lesson Markdown files, in number order.

    >>> all(p.suffix == ".md" and p.name[:2].isdigit() for p in lesson_files())
    True
    """
    return sorted(folder.glob("[0-9][0-9]-*.md"))


def front_matter(path: Path) -> dict:
    """The ``borderline`` block of a lesson's front matter (lesson, title, minutes).

    >>> sorted(front_matter(lesson_files()[0]))[:3]
    ['deeper_minutes', 'exercise_minutes', 'lesson']
    """
    text = Path(path).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, flags=re.S)
    meta = yaml.safe_load(match.group(1)) if match else {}
    return (meta or {}).get("borderline", {})


def order(folder: Path = LESSONS) -> list[tuple[str, str, str]]:
    """(number, title, notebook file name) for each lesson, in number order.

    >>> n, title, notebook = order()[0]
    >>> notebook.startswith(n + "-") and notebook.endswith(".ipynb")
    True
    """
    return [(front_matter(p)["lesson"], front_matter(p)["title"], p.stem + ".ipynb") for p in lesson_files(folder)]


# --- reading time ------------------------------------------------------------------------


def plain_words(markdown: str) -> int:
    """How many words a student reads in a piece of Markdown: ``[SOURCE_ID]`` citations, HTML
    tags, link targets, table rules and other Markdown syntax are not words.

    >>> plain_words("## A title\\n\\nTwo **bold** words [SRC_A; SRC_B], a [link](x.ipynb) and <b>a tag</b>.")
    10
    >>> plain_words("| a | b |\\n|---|---|\\n| 1,400 km | 9 October 2023 |")
    7
    """
    text = MINUTES_LINE.sub("", CITATION.sub("", markdown))
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[#*_`>|~]", " ", text)
    return sum(1 for token in text.split() if re.search(r"\w", token))


def reading_words(notebook, deeper: bool = False) -> int:
    """Words of student reading in a notebook's markdown cells: the core path (cells not tagged
    ``deeper``), or with ``deeper=True`` the "Going deeper" cells. Cells for the seminar lead, model
    answers, the navigation and the Sources list are not counted.

    >>> import nbformat
    >>> cell = nbformat.v4.new_markdown_cell
    >>> nb = nbformat.v4.new_notebook(cells=[cell("One two three [S1]."), cell("Four five.")])
    >>> nb.cells[1].metadata["tags"] = ["deeper"]
    >>> reading_words(nb), reading_words(nb, deeper=True)
    (3, 2)
    """
    total = 0
    for cell in notebook.cells:
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type == "markdown" and not tags & NOT_READ and (DEEPER in tags) == deeper:
            total += plain_words(cell.source)
    return total


def section_words(notebook, heading: str) -> int:
    """Core reading words of one section: from the ``## heading`` cell to the next ``## `` heading.

    >>> import nbformat
    >>> cell = nbformat.v4.new_markdown_cell
    >>> nb = nbformat.v4.new_notebook(cells=[cell("## 1. One\\n\\nA b c."), cell("More."), cell("## 2. Two\\n\\nD.")])
    >>> section_words(nb, "1. One"), section_words(nb, "2. Two")
    (6, 3)
    """
    inside, cells = False, []
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            inside = cell.source.splitlines()[0][3:].strip() == heading
        if inside:
            cells.append(cell)
    return reading_words(type(notebook)(cells=cells, metadata={}))


def reading_minutes(words: int) -> int:
    """Minutes to read ``words`` at 200 words a minute, rounded up.

    >>> reading_minutes(2500), reading_minutes(201), reading_minutes(0)
    (13, 2, 0)
    """
    return -(-int(words) // WORDS_PER_MINUTE)


def lesson_minutes(notebook, exercises: dict) -> dict:
    """The minutes ``make sync`` writes into a lesson's front matter: ``reading_minutes`` (the core
    path), ``deeper_minutes`` (reading and exercises of its "Going deeper" blocks) and, when every
    exercise has ``minutes``, ``exercise_minutes`` (the sum over core exercises).

    >>> import nbformat
    >>> from borderline.exercises import Question
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("word " * 450)])
    >>> qs = {"9.1": Question("9.1", "number", "", "", minutes=2), "9.2": Question("9.2", "writing", "", "", minutes=8)}
    >>> lesson_minutes(nb, qs)
    {'reading_minutes': 3, 'deeper_minutes': 0, 'exercise_minutes': 10}
    >>> qs["9.2"].level = "deeper"
    >>> lesson_minutes(nb, qs)
    {'reading_minutes': 3, 'deeper_minutes': 8, 'exercise_minutes': 2}
    """
    deeper_exercises = sum(q.minutes or 0 for q in exercises.values() if q.level == DEEPER)
    found = {
        "reading_minutes": reading_minutes(reading_words(notebook)),
        "deeper_minutes": reading_minutes(reading_words(notebook, deeper=True)) + deeper_exercises,
    }
    if exercises and all(q.minutes for q in exercises.values()):
        found["exercise_minutes"] = sum(q.minutes for q in exercises.values() if q.level != DEEPER)
    return found


def total_minutes(meta: dict) -> int:
    """A lesson's total minutes for a student working alone: core reading, teaching and exercises.

    >>> total_minutes({"reading_minutes": 12, "teaching_minutes": 30, "exercise_minutes": 38})
    80
    """
    return meta.get("reading_minutes", 0) + meta["teaching_minutes"] + meta["exercise_minutes"]


def minutes_line(meta: dict, lang: str = "en") -> str:
    """The line of minutes in a lesson's Time block, from its front matter (``make sync`` writes it;
    a translated edition shows it in ``lang``).

    >>> meta = {"reading_minutes": 12, "teaching_minutes": 30, "exercise_minutes": 38, "deeper_minutes": 20}
    >>> minutes_line(meta)
    '**Reading: 12 min · Teaching: 30 min · Exercises: 38 min · Total: 80 min** · Going deeper, optional: 20 min more'
    >>> minutes_line(meta, "ko")
    '**읽기 12분 · 강의 30분 · 연습 38분 · 합계 80분** · 더 깊이(선택): 20분 더'
    """
    from .i18n import ui

    r, t, e = meta.get("reading_minutes", 0), meta["teaching_minutes"], meta["exercise_minutes"]
    line = ui(
        "Reading: {reading} min · Teaching: {teaching} min · Exercises: {exercises} min · Total: {total} min",
        lang=lang,
        reading=r,
        teaching=t,
        exercises=e,
        total=total_minutes(meta),
    )
    line = f"**{line}**"
    if meta.get("deeper_minutes"):
        line += " · " + ui("Going deeper, optional: {minutes} min more", lang=lang, minutes=meta["deeper_minutes"])
    return line


# --- derived blocks ------------------------------------------------------------------------


def nav_text(index: int, lessons) -> str:
    """The navigation line at the end of lesson ``index``.

    >>> nav_text(0, order()).count("Next:")
    1
    """
    parts = []
    if index > 0:
        n, t, f = lessons[index - 1]
        parts.append(f"◀ Previous: [Lesson {n}: {t}]({f})")
    parts.append("[Contents: the syllabus](../lessons.md)")
    if index + 1 < len(lessons):
        n, t, f = lessons[index + 1]
        parts.append(f"Next: [Lesson {n}: {t}]({f}) ▶")
    return "---\n\n" + " · ".join(parts)


def code_cells(text: str) -> list[str]:
    """The source of every code cell in a lesson's Markdown.

    >>> code_cells("```{code-cell}\\nbl.load('x')\\n```\\n")
    ["bl.load('x')\\n"]
    """
    return [m.group(1) for m in CELL.finditer(text)]


def tables_loaded(text: str) -> list[str]:
    """Tables a lesson's code cells read: ``bl.load("t")``, ``bl.rows("t", ...)`` and marked builders.

    >>> tables_loaded('```{code-cell}\\nbl.rows("events", "X1")\\n```\\n')
    ['events']
    """
    from . import (  # noqa: F401  (importing the builders fills the registry)
        charts,  # noqa: F401
        registry,
        widgets,
    )

    found: list[str] = []
    for source in code_cells(text):
        found += re.findall(r'bl\.(?:data\.)?(?:load|rows)\(\s*"([a-z_]+)"', source)
        for name in re.findall(r"bl\.(?:charts\.|widgets\.)?([a-z_]+)\(", source):
            found += registry.tables_of(name)
    return list(dict.fromkeys(found))


def _without_derived(text: str) -> str:
    for start in (NAV_START, SOURCES_START):
        text = re.sub(rf"(?ms)^{re.escape(start)}\n.*?(?=^\+\+\+|^```|\Z)", "", text)
    return text


def cited_ids(text: str, exercises_file: Path | None = None) -> list[str]:
    """Source ids cited in brackets in a lesson's text (and its exercises file), in order of first use.

    >>> cited_ids("As [SRC_B] and [SRC_A; SRC_B] say.")
    ['SRC_B', 'SRC_A']
    """
    text = _without_derived(text)
    if exercises_file and exercises_file.exists():
        text += exercises_file.read_text(encoding="utf-8")
    ids = [i.strip() for group in CITATION.findall(text) for i in group.split(";")]
    return list(dict.fromkeys(ids))


def source_ids(md: Path) -> list[str]:
    """Every source a lesson cites or whose table it loads, in bibliography order.

    >>> ids = source_ids(lesson_files()[0])
    >>> set(cited_ids(lesson_files()[0].read_text())) <= set(ids)
    True
    """
    from . import data

    text = md.read_text(encoding="utf-8")
    wanted = set(cited_ids(text, md.with_suffix("") / "exercises.yaml"))
    wanted.update(data.sources_used(*tables_loaded(text)))
    ordered = [s for s in data.load("sources")["source_id"] if s in wanted]
    unknown = sorted(wanted - set(ordered))
    if unknown:
        raise data.DataError(
            md.relative_to(ROOT) if md.is_relative_to(ROOT) else md,
            f"cites sources that are not in the bibliography: {', '.join(unknown)}.",
            "add them to datasets/sources.csv or correct the ids.",
        )
    return ordered


SOURCES_HEADER = "# Made by `make sync`: every source this lesson cites or draws its data from, one id a line.\n"


def sources_file(md: Path) -> Path:
    """Where a lesson's derived list of source ids is kept (``lessons/NN-slug/sources.txt``).

    >>> sources_file(Path("lessons/42-example.md")).as_posix()
    'lessons/42-example/sources.txt'
    """
    return md.with_suffix("") / "sources.txt"


def sources_cell(lesson: str) -> str:
    """The code of the Sources cell: it shows the full references listed in sources.txt.

    >>> sources_cell("42")
    'bl.lesson_sources("42")'
    """
    return f'bl.lesson_sources("{lesson}")'


def syllabus_table(lessons_folder: Path = LESSONS) -> str:
    """The syllabus table for lessons.md, from each lesson's front matter.

    >>> syllabus_table().splitlines()[0]
    '| # | lesson | notebook | reading | teaching | exercises | total |'
    """
    rows = ["| # | lesson | notebook | reading | teaching | exercises | total |", "|---|---|---|---|---|---|---|"]
    for md in lesson_files(lessons_folder):
        m = front_matter(md)
        r, t, e = m.get("reading_minutes", 0), m["teaching_minutes"], m["exercise_minutes"]
        link = f"[{md.stem}](notebooks/{md.stem}.ipynb)"
        rows.append(f"| {m['lesson']} | {m['title']} | {link} | {r} | {t} | {e} | {total_minutes(m)} |")
    return "\n".join(rows)


def lesson_sources(lesson: str):
    """The full references of one lesson, from its ``sources.txt`` (the Sources cell of every lesson).

    >>> n = order()[0][0]
    >>> listed = sources_file(lesson_files()[0]).read_text().splitlines()
    >>> lesson_sources(n).ids == [x for x in listed if x and not x.startswith("#")]
    True
    """
    from .data import BorderlineError, bibliography
    from .exercise_bank import lessons_dirs

    for folder in lessons_dirs():
        hits = sorted(folder.glob(f"{lesson}-*/sources.txt")) if folder.is_dir() else []
        if hits:
            lines = hits[0].read_text(encoding="utf-8").splitlines()
            return bibliography(extra=[x.strip() for x in lines if x.strip() and not x.startswith("#")])
    raise BorderlineError(
        f"The list of sources for lesson {lesson} (lessons/{lesson}-.../sources.txt) is missing. "
        "Run `make sync` to make it."
    )
