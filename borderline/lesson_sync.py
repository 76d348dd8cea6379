"""``make sync``: rebuild what is derived from the lessons, or (``check=True``) list what is stale.

For each ``lessons/NN-slug.md`` it writes ``lessons/NN-slug/sources.txt``, brings the navigation
cell up to date, puts the Markdown in jupytext's canonical form, and builds
``notebooks/NN-slug.ipynb`` (outputs cleared, cell ids kept); then it rewrites the syllabus
table in ``lessons.md`` from the lessons' front matter. It also measures each lesson's reading
time (``lessons.lesson_minutes``) and writes it into the front matter and the line of minutes in
the lesson's Time block, so a stale ``reading_minutes`` is caught like a stale navigation cell.

>>> sync(check=True)  # the committed lessons, notebooks and syllabus agree
[]
"""

from __future__ import annotations

import re
from pathlib import Path

from .lessons import (
    LESSONS,
    MINUTES_LINE,
    NAV_START,
    NOTEBOOKS,
    ROOT,
    SOURCES_HEADER,
    SYLLABUS,
    SYLLABUS_MARKS,
    lesson_files,
    lesson_minutes,
    minutes_line,
    nav_text,
    order,
    source_ids,
    sources_file,
    syllabus_table,
)


def lesson_text(md: Path, index: int, lessons) -> str:
    """A lesson's Markdown with its derived navigation block brought up to date (and in canonical form).

    >>> md = lesson_files()[0]
    >>> lesson_text(md, 0, order()) == md.read_text(encoding="utf-8")  # committed lessons are up to date
    True
    """
    text = md.read_text(encoding="utf-8")
    # the navigation cell always comes last
    text = re.sub(rf"(?ms)^{re.escape(NAV_START)}\n.*\Z", "", text).rstrip("\n") + "\n"
    return canonical(text + f"\n{NAV_START}\n\n{nav_text(index, lessons)}\n", md)


def _with_minutes(nb, md: Path) -> None:
    """Write the measured minutes into the front matter and the Time block's line of minutes."""
    from .exercise_bank import read_file

    meta = nb.metadata.get("borderline")
    if not meta or "teaching_minutes" not in meta:
        return
    exercises = read_file(md.with_suffix("") / "exercises.yaml", str(meta["lesson"]))
    meta.update(lesson_minutes(nb, exercises))
    for cell in nb.cells:
        if cell.cell_type == "markdown" and MINUTES_LINE.search(cell.source):
            cell.source = MINUTES_LINE.sub(minutes_line(meta), cell.source, count=1)
            break


def canonical(text: str, md: Path | None = None) -> str:
    """A lesson's Markdown as jupytext writes it back (so a round trip changes nothing); given the
    lesson's path ``md``, with its measured minutes written in too.

    >>> canonical(lesson_files()[0].read_text(encoding="utf-8")) == lesson_files()[0].read_text(encoding="utf-8")
    True
    """
    import jupytext
    from jupytext.config import load_jupytext_configuration_file

    config = load_jupytext_configuration_file(str(ROOT / "jupytext.toml"))
    nb = jupytext.reads(text, fmt="md:myst")
    if md is not None:
        _with_minutes(nb, Path(md))
    return jupytext.writes(nb, fmt="md:myst", config=config)


def _notebook_json(md: Path, existing: Path) -> str:
    """The notebook jupytext builds from ``md``, keeping the cell ids of ``existing`` (as ``--update`` does)."""
    import jupytext
    from jupytext.combine import combine_inputs_with_outputs

    nb = jupytext.reads(md.read_text(encoding="utf-8"), fmt="md:myst")
    meta = dict(nb.metadata.get("borderline", {}))
    if existing.exists():
        nb = combine_inputs_with_outputs(nb, jupytext.read(existing), fmt={"extension": ".md", "format_name": "myst"})
    if meta:  # the lesson's front matter wins over what the old notebook held (e.g. new minutes)
        nb.metadata["borderline"] = meta
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.setdefault("language_info", {"name": "python"})
    return jupytext.writes(nb, fmt="ipynb").rstrip("\n") + "\n"


def sync(
    check: bool = False,
    lessons_folder: Path = LESSONS,
    notebooks_folder: Path = NOTEBOOKS,
    syllabus: Path | None = SYLLABUS,
) -> list[str]:
    """Bring derived blocks and notebooks up to date; with ``check=True`` only list what is stale.

    >>> sync(check=True)  # the committed lessons and notebooks agree
    []
    """
    stale = []
    lessons = order(lessons_folder)
    for i, md in enumerate(lesson_files(lessons_folder)):
        listed = SOURCES_HEADER + "".join(f"{sid}\n" for sid in source_ids(md))
        target = sources_file(md)
        if not target.exists() or target.read_text(encoding="utf-8") != listed:
            stale.append(str(target.relative_to(lessons_folder.parent)))
            if not check:
                target.parent.mkdir(exist_ok=True)
                target.write_text(listed, encoding="utf-8")
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
