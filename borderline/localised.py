"""Editions in another language, built from the English lessons and the catalogues beside them.

``edition("ko")`` writes ``build/ko/``:

- ``self-learner/``: every lesson with its markdown in Korean where a current translation
  exists (English where none does, and a note at the top of the lesson saying how many
  passages), exercises with Korean prompts, options, hints and feedback, model answers collapsed;
- ``student/``: the same without model answers or instructor notes;
- ``handouts/``: the offline pages of the instructor pack, in Korean.

Each edition folder holds ``borderline-edition.json``, from which the kernel takes the language
of buttons, messages and chart labels (see ``borderline.i18n``). Figures, citations and code
cells are never translated: they come from the shared datasets.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import yaml

from . import translations
from .i18n import EDITION_FILE, ui
from .lessons import MINUTES_LINE, minutes_line

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"


def translate_notebook(nb, catalogue: dict, lang: str):
    """The notebook with each markdown cell in ``lang`` where its translation is current.

    Returns (notebook, ids of cells left in English).

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hello", id="c1")])
    >>> nb.metadata["borderline"] = {"lesson": "99", "title": "Hello"}
    >>> cat = {"title": "안녕", "cells": [{"id": "c1", "source_hash": translations.source_hash("# Hello"), "text": "# 안녕"}]}
    >>> out, left = translate_notebook(nb, cat, "ko")
    >>> out.cells[0].source, left, out.metadata["borderline"]["title"]
    ('# 안녕', [], '안녕')
    """
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    done = {c["id"]: c for c in catalogue.get("cells", []) if not c.get("todo")}
    left = []
    for cell in translations.translatable_cells(nb):
        entry = done.get(cell.id)
        if entry and entry.get("source_hash") == translations.cell_hash(cell.source):
            english, cell.source = cell.source, str(entry["text"])
            if MINUTES_LINE.search(english):  # the Time block's minutes, from the front matter, in lang
                line = minutes_line(nb.metadata["borderline"], lang)
                cell.source = re.sub(r"(?m)^\*\*.*$", lambda _m, line=line: line, cell.source, count=1)
        else:
            left.append(cell.id)
    for cell in nb.cells:
        if "nav" in cell.metadata.get("tags", []):
            cell.source = translate_nav(cell.source, lang)
    nb.metadata["borderline"]["language"] = lang
    if catalogue.get("title") and nb.cells and nb.cells[0].id not in left:
        nb.metadata["borderline"]["title"] = catalogue["title"]
    if left:
        note = nbformat.v4.new_markdown_cell(
            "> **"
            + ui(
                "This lesson has {count} passages not yet translated, or whose English has changed since "
                "translation; they are shown in English.",
                lang=lang,
                count=len(left),
            )
            + "**",
            id=f"l{nb.metadata['borderline']['lesson']}-stale",
        )
        note.metadata["tags"] = ["stale-note"]
        nb.cells.insert(1, note)
    return nb, left


def translate_nav(source: str, lang: str) -> str:
    """The navigation line at the end of a lesson, in ``lang``, with the lessons' translated titles.

    >>> translate_nav("◀ Previous: [Lesson 41: Old](41-old.ipynb) · [Contents: the syllabus](../lessons.md)", "ko")
    '◀ 이전: [41강: Old](41-old.ipynb) · [차례: 강의 계획](../lessons.md)'
    """
    import re

    from .editions import notebooks

    titles = {}
    for path in notebooks():
        title = translations.load(lang, path).get("title")
        if title:
            titles[path.name] = title

    def lesson_link(m):
        number, title, target = m.group(1), m.group(2), m.group(3)
        return f"[{ui('Lesson {n}: {title}', lang=lang, n=number, title=titles.get(target, title))}]({target})"

    out = re.sub(r"\[Lesson (\d\d): ([^\]]+)\]\(([^)]+)\)", lesson_link, source)
    for english in ("◀ Previous:", "Next:", "Contents: the syllabus"):
        out = out.replace(english, ui(english, lang=lang))
    return out


def translate_exercises(lesson: str, catalogue: dict) -> dict:
    """The lesson's exercises file content with translated fields laid over the English.

    >>> lesson = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))[-1].name[:2]
    >>> content = translate_exercises(lesson, {})  # no catalogue: the English, unchanged
    >>> [str(e["id"]) for e in content["exercises"]] == list(__import__("borderline").exercise_bank.lesson_exercises(lesson))
    True
    """
    from .exercise_bank import _TextLoader, exercise_file, lesson_exercises

    path = exercise_file(lesson)
    content = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextLoader)
    english = lesson_exercises(lesson)
    done = catalogue.get("exercises") or {}
    for entry in content.get("exercises", []):
        qid = str(entry["id"])
        t = done.get(qid)
        if not t or t.get("todo") or t.get("source_hash") != translations.exercise_hash(english[qid]):
            continue
        for field in translations.EXERCISE_FIELDS:
            # a placeholder is laid over only where the English sets one (not the package's default)
            if t.get(field) and (field != "placeholder" or "placeholder" in entry):
                entry[field] = t[field]
        for field in ("options", "feedback"):
            if t.get(field):
                entry[field] = {k: t[field].get(k, v) for k, v in entry[field].items()}
        for slip, message in zip(entry.get("slips") or [], t.get("slips") or [], strict=False):
            slip["message"] = message
    return content


def _write_edition(out: Path, lang: str, student: bool) -> list[tuple[str, int]]:
    from .editions import REMOVED_IN_STUDENT_EDITION, _strip, notebooks

    (out / "notebooks").mkdir(parents=True)
    (out / EDITION_FILE).write_text(json.dumps({"language": lang}) + "\n", encoding="utf-8")
    report = []
    for path in notebooks():
        catalogue = translations.load(lang, path)
        nb, left = translate_notebook(nbformat.read(path, as_version=4), catalogue, lang)
        if student:
            nb = _strip(nb)
        nbformat.write(nb, out / "notebooks" / path.name)
        content = translate_exercises(path.name[:2], catalogue)
        if student:
            for entry in content.get("exercises", []):
                entry.pop("model_answer", None)
        target = out / "lessons" / path.stem / "exercises.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=10**9), encoding="utf-8")
        report.append((path.name, len(left)))
    assert REMOVED_IN_STUDENT_EDITION  # the student edition drops the same cells as the English one
    return report


def edition(lang: str, out: Path | None = None, handouts: bool = True) -> Path:
    """Build the self-learner and student editions (and the handouts) in ``lang``.

    >>> import tempfile, contextlib, io
    >>> with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()):
    ...     out = edition("ko", out=Path(tmp) / "ko", handouts=False)
    ...     made = sorted(p.name for p in out.iterdir()), (out / "student" / EDITION_FILE).exists()
    >>> made
    (['self-learner', 'student'], True)
    """
    from .editions import _say

    out = out or BUILD / lang
    if out.exists():
        shutil.rmtree(out)
    for name, student in (("self-learner", False), ("student", True)):
        for notebook, left in _write_edition(out / name, lang, student):
            _say(f"{lang} {name}: {notebook}" + (f" ({left} passages still in English)" if left else ""))
    if handouts:
        from .editions import handouts as build_handouts

        build_handouts(out / "handouts", notebooks_folder=out / "self-learner" / "notebooks", lang=lang)
    _say(f"{lang} editions written to {out}")
    return out
