"""Lessons as text: ``lessons/NN-slug.md`` (MyST Markdown) is what authors edit; the notebook
``notebooks/NN-slug.ipynb`` that students open is built from it by jupytext.

This module reads the lessons' front matter (number, title, minutes), and ``sync()`` derives
everything that must not be kept by hand:

- the navigation cell at the end of each lesson (previous, contents, next);
- each lesson's Sources list, from the ``[IDS]`` its text and exercises cite and the tables
  its code cells load (directly, or through a builder marked with ``registry.uses``);
- the syllabus table in ``lessons.md`` (between its ``syllabus`` markers);
- the paired notebook, outputs cleared, cell ids kept.

``sync(check=True)`` changes nothing and lists what is out of date.

>>> [n for n, _title, _nb in order()][:2]
['00', '01']
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


def lesson_files(folder: Path = LESSONS) -> list[Path]:
    """The lesson Markdown files, in number order.

    >>> lesson_files()[0].name
    '00-start-here.md'
    """
    return sorted(folder.glob("[0-9][0-9]-*.md"))


def front_matter(path: Path) -> dict:
    """The ``borderline`` block of a lesson's front matter (lesson, title, minutes).

    >>> front_matter(lesson_files()[1])["title"]
    'The famine'
    """
    text = Path(path).read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, flags=re.S)
    meta = yaml.safe_load(match.group(1)) if match else {}
    return (meta or {}).get("borderline", {})


def order(folder: Path = LESSONS) -> list[tuple[str, str, str]]:
    """(number, title, notebook file name) for each lesson, in number order.

    >>> order()[1]
    ('01', 'The famine', '01-famine.ipynb')
    """
    return [(front_matter(p)["lesson"], front_matter(p)["title"], p.stem + ".ipynb") for p in lesson_files(folder)]


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

    >>> tables_loaded('```{code-cell}\\nbl.rows("events", "EV01")\\n```\\n')
    ['events']
    """
    from . import registry, widgets  # noqa: F401  (importing the builders fills the registry)
    from . import charts  # noqa: F401

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

    >>> cited_ids("As [S004] and [HN2007; S004] say.")
    ['S004', 'HN2007']
    """
    text = _without_derived(text)
    if exercises_file and exercises_file.exists():
        text += exercises_file.read_text(encoding="utf-8")
    ids = [i.strip() for group in CITATION.findall(text) for i in group.split(";")]
    return list(dict.fromkeys(ids))


def sources_text(md: Path) -> str:
    """The Markdown of a lesson's Sources list: every source it cites or whose table it loads."""
    from . import data

    text = md.read_text(encoding="utf-8")
    wanted = set(cited_ids(text, md.with_suffix("") / "exercises.yaml"))
    wanted.update(data.sources_used(*tables_loaded(text)))
    ordered = [s for s in data.load("sources")["source_id"] if s in wanted]
    unknown = sorted(wanted - set(ordered))
    if unknown:
        raise data.DataError(md.relative_to(ROOT) if md.is_relative_to(ROOT) else md,
                             f"cites sources that are not in the bibliography: {', '.join(unknown)}.",
                             "add them to datasets/sources.csv or correct the ids.")
    lines = [f"- **[{s}]** {data.cite(s)}" for s in ordered]
    return (f"The {len(ordered)} sources this lesson cites or draws its data from (made by `make sync`):\n\n"
            + "\n".join(lines))


def syllabus_table(lessons_folder: Path = LESSONS) -> str:
    """The syllabus table for lessons.md, from each lesson's front matter."""
    rows = ["| # | lesson | notebook | teaching | exercises | total |", "|---|---|---|---|---|---|"]
    for md in lesson_files(lessons_folder):
        m = front_matter(md)
        t, e = m["teaching_minutes"], m["exercise_minutes"]
        rows.append(f"| {m['lesson']} | {m['title']} | [{md.stem}](notebooks/{md.stem}.ipynb) | {t} | {e} | {t + e} |")
    return "\n".join(rows)


# --- sync ----------------------------------------------------------------------------------

def _set_block(text: str, start: str, body: str) -> str:
    """Put ``body`` in the markdown cell that begins with ``start`` (appended at the end if absent)."""
    block = f"{start}\n\n{body}\n"
    pattern = re.compile(rf"(?ms)^{re.escape(start)}\n.*?(?=^\+\+\+|^```|\Z)")
    if pattern.search(text):
        return pattern.sub(lambda _m: block + ("\n" if not _m.group(0).endswith("\n\n") and _m.end() < len(text) else ""),
                           text, count=1)
    return text.rstrip("\n") + "\n\n" + block


def lesson_text(md: Path, index: int, lessons) -> str:
    """A lesson's Markdown with its derived blocks (sources, navigation) brought up to date."""
    text = md.read_text(encoding="utf-8")
    text = _set_block(text, SOURCES_START, sources_text(md))
    # the navigation cell always comes last
    text = re.sub(rf"(?ms)^{re.escape(NAV_START)}\n.*\Z", "", text).rstrip("\n") + "\n"
    return canonical(text + f"\n{NAV_START}\n\n{nav_text(index, lessons)}\n")


def canonical(text: str) -> str:
    """A lesson's Markdown as jupytext writes it back (so a round trip changes nothing).

    >>> canonical(lesson_files()[0].read_text(encoding="utf-8")) == lesson_files()[0].read_text(encoding="utf-8")
    True
    """
    import jupytext
    from jupytext.config import load_jupytext_configuration_file

    config = load_jupytext_configuration_file(str(ROOT / "jupytext.toml"))
    return jupytext.writes(jupytext.reads(text, fmt="md:myst"), fmt="md:myst", config=config)


def _notebook_json(md: Path, existing: Path) -> str:
    """The notebook jupytext builds from ``md``, keeping the cell ids of ``existing`` (as ``--update`` does)."""
    import jupytext
    from jupytext.combine import combine_inputs_with_outputs

    nb = jupytext.reads(md.read_text(encoding="utf-8"), fmt="md:myst")
    if existing.exists():
        nb = combine_inputs_with_outputs(nb, jupytext.read(existing), fmt={"extension": ".md", "format_name": "myst"})
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.setdefault("language_info", {"name": "python"})
    return jupytext.writes(nb, fmt="ipynb").rstrip("\n") + "\n"


def sync(check: bool = False, lessons_folder: Path = LESSONS, notebooks_folder: Path = NOTEBOOKS,
         syllabus: Path | None = SYLLABUS) -> list[str]:
    """Bring derived blocks and notebooks up to date; with ``check=True`` only list what is stale."""
    stale = []
    lessons = order(lessons_folder)
    for i, md in enumerate(lesson_files(lessons_folder)):
        wanted = lesson_text(md, i, lessons)
        if wanted != md.read_text(encoding="utf-8"):
            stale.append(str(md.relative_to(lessons_folder.parent)))
            if not check:
                md.write_text(wanted, encoding="utf-8")
        nb = notebooks_folder / (md.stem + ".ipynb")
        built = _notebook_json(md, nb) if not (check and stale and stale[-1].endswith(md.name)) else None
        if built is not None and (not nb.exists() or built != nb.read_text(encoding="utf-8")):
            stale.append(str(nb.relative_to(notebooks_folder.parent)))
            if not check:
                nb.write_text(built, encoding="utf-8")
    if syllabus is not None and syllabus.exists():
        stale += _sync_syllabus(syllabus, lessons_folder, check)
    return list(dict.fromkeys(stale))


def _sync_syllabus(syllabus: Path, lessons_folder: Path, check: bool) -> list[str]:
    text = syllabus.read_text(encoding="utf-8")
    start, end = SYLLABUS_MARKS
    if start not in text or end not in text:
        return [f"{syllabus.name} (add the syllabus markers)"]
    head, rest = text.split(start, 1)
    _old, tail = rest.split(end, 1)
    wanted = f"{head}{start}\n{syllabus_table(lessons_folder)}\n{end}{tail}"
    if wanted == text:
        return []
    if not check:
        syllabus.write_text(wanted, encoding="utf-8")
    return [syllabus.name]
