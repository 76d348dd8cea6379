"""Translations beside the source: ``lessons/<lang>/NN-slug.yaml``, one catalogue per lesson.

A catalogue holds, for each English markdown cell (by its notebook cell id) and for each
exercise, the translated text and a short hash of the English it was made from. When the
English changes, the hash no longer matches and the translation is *stale*: the edition shows
the English for that cell and says so at the top of the lesson.

Numbers, citations and data are never copied into a catalogue: code cells are not translated
(they draw from the shared datasets), and ``[SOURCE_ID]`` brackets stay as they are.

>>> source_hash("# A title")
'450336df224e'
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
SKIP_TAGS = {"nav", "sources"}
EXERCISE_FIELDS = ("prompt", "label", "placeholder", "hint", "explain", "model_answer")


class _Dumper(yaml.SafeDumper):
    """YAML with multi-line text as readable blocks."""


_Dumper.add_representer(
    str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None)
)


def dump(content: dict) -> str:
    """Catalogue YAML: keys in order, text in blocks, no wrapping (one sentence changed = one line changed).

    >>> print(dump({"id": "c1", "text": "Line one.\\nLine two."}), end="")
    id: c1
    text: |-
      Line one.
      Line two.
    """
    return yaml.dump(content, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**9)


def source_hash(text: str) -> str:
    """A short, stable fingerprint of an English text.

    >>> len(source_hash("anything")), source_hash("a") == source_hash("a"), source_hash("a") == source_hash("b")
    (12, True, False)
    """
    return hashlib.sha1(str(text).encode("utf-8")).hexdigest()[:12]


def cell_hash(text: str) -> str:
    """The fingerprint of a markdown cell's English. The line of minutes that ``make sync`` writes
    into a lesson's Time block is left out: an edition writes that line in its own language, so a
    change of minutes leaves the translation current.

    >>> a = "## Time\\n\\n**Reading: 9 min · Teaching: 5 min · Exercises: 5 min · Total: 19 min**"
    >>> cell_hash(a) == cell_hash(a.replace("9 min", "12 min")), cell_hash("# A title") == source_hash("# A title")
    (True, True)
    """
    from .lessons import MINUTES_LINE

    return source_hash(MINUTES_LINE.sub("**minutes**", str(text)))


def catalogue_path(lang: str, notebook: Path, root: Path = ROOT) -> Path:
    """Where the catalogue of one lesson in one language lives.

    >>> catalogue_path("ko", Path("notebooks/42-example.ipynb")).relative_to(ROOT).as_posix()
    'lessons/ko/42-example.yaml'
    """
    return root / "lessons" / lang / (Path(notebook).stem + ".yaml")


def translatable_cells(nb) -> list:
    """The markdown cells a translator translates (not the derived navigation or sources).

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Text"), nbformat.v4.new_code_cell("1")])
    >>> [c.source for c in translatable_cells(nb)]
    ['Text']
    """
    return [c for c in nb.cells if c.cell_type == "markdown" and not SKIP_TAGS & set(c.metadata.get("tags", []))]


def exercise_source(q) -> dict:
    """The English fields of an exercise that a translator translates.

    >>> from .exercises import Question
    >>> exercise_source(Question("9.1", "choice", hint="H", explain="", answer="a", options={"a": "A"}, feedback={"a": "F"}))
    {'label': 'Your answer', 'placeholder': 'type a number, e.g. 3.5 million', 'hint': 'H', 'options': {'a': 'A'}, 'feedback': {'a': 'F'}}
    """
    fields = {f: getattr(q, f) for f in EXERCISE_FIELDS if getattr(q, f, "")}
    if q.kind == "choice":
        fields["options"] = dict(q.options)
        fields["feedback"] = dict(q.feedback)
    if q.wrong:
        fields["slips"] = [message for _value, message in q.wrong]
    return fields


def exercise_hash(q) -> str:
    """The fingerprint of an exercise's translatable English.

    >>> from .exercises import Question
    >>> a, b = (Question("9.1", "number", hint=h, explain="", answer=1) for h in ("Divide.", "Multiply."))
    >>> exercise_hash(a) == exercise_hash(b)
    False
    """
    return source_hash(yaml.safe_dump(exercise_source(q), sort_keys=True, allow_unicode=True))


def template(lang: str, notebook: Path) -> dict:
    """A catalogue for one lesson with the English filled in, ready to be translated.

    >>> t = template("ko", sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))[0])
    >>> sorted(t) == ["cells", "exercises", "language", "lesson", "title"] and all(c["todo"] for c in t["cells"])
    True
    """
    from .exercise_bank import lesson_exercises

    nb = nbformat.read(notebook, as_version=4)
    lesson = nb.metadata["borderline"]["lesson"]
    cells = [
        {"id": c.id, "source_hash": cell_hash(c.source), "todo": True, "text": c.source} for c in translatable_cells(nb)
    ]
    exercises = {
        qid: {"source_hash": exercise_hash(q), "todo": True, **exercise_source(q)}
        for qid, q in lesson_exercises(lesson).items()
    }
    return {
        "lesson": lesson,
        "language": lang,
        "title": nb.metadata["borderline"]["title"],
        "cells": cells,
        "exercises": exercises,
    }


def load(lang: str, notebook: Path, root: Path = ROOT) -> dict:
    """A lesson's catalogue in ``lang`` ({} if there is none).

    >>> load("xx", Path("notebooks/42-example.ipynb"))
    {}
    """
    path = catalogue_path(lang, notebook, root)
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def stale(lang: str, notebook: Path, root: Path = ROOT) -> list[str]:
    """Cell ids and exercise ids whose translation is missing, not done yet (``todo``), or was made
    from other English (its ``source_hash`` no longer matches).

    >>> first = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))[0]
    >>> len(stale("xx", first)) == len(template("xx", first)["cells"]) + len(template("xx", first)["exercises"])
    True
    """
    from .exercise_bank import lesson_exercises

    nb = nbformat.read(notebook, as_version=4)
    found = load(lang, notebook, root)
    cells = {c["id"]: c for c in found.get("cells", [])}
    out = [
        c.id
        for c in translatable_cells(nb)
        if c.id not in cells or cells[c.id].get("todo") or cells[c.id].get("source_hash") != cell_hash(c.source)
    ]
    done = found.get("exercises", {}) or {}
    for qid, q in lesson_exercises(nb.metadata["borderline"]["lesson"]).items():
        if qid not in done or done[qid].get("todo") or done[qid].get("source_hash") != exercise_hash(q):
            out.append(qid)
    return out


def _merge(translated: dict | None, english: dict, main: str) -> dict:
    """Keep a translation; if its English has changed, mark it todo and show the new English beside it."""
    if not translated or translated.get("todo") and "new_source_hash" not in translated:
        return english
    if translated.get("source_hash") == english["source_hash"]:
        return translated
    merged = dict(translated)
    merged.update(
        {
            "todo": True,
            "new_source_hash": english["source_hash"],
            "english": english.get(main)
            if main == "text"
            else {k: v for k, v in english.items() if k not in ("source_hash", "todo")},
        }
    )
    return merged


def write_template(lang: str, notebook: Path, root: Path = ROOT) -> Path:
    """Write (or extend) a catalogue: keep every translated entry, add the English for new ones.

    >>> import tempfile
    >>> first = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))[0]
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_template("xx", first, root=Path(tmp))
    ...     len(stale("xx", first, root=Path(tmp))) > 0 and path.name == first.stem + ".yaml"
    True
    """
    fresh = template(lang, notebook)
    old = load(lang, notebook, root)
    kept = {c["id"]: c for c in old.get("cells", [])}
    fresh["cells"] = [_merge(kept.get(c["id"]), c, "text") for c in fresh["cells"]]
    done = old.get("exercises") or {}
    fresh["exercises"] = {q: _merge(done.get(q), e, "prompt") for q, e in fresh["exercises"].items()}
    if old.get("title"):
        fresh["title"] = old["title"]
    path = catalogue_path(lang, notebook, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(fresh), encoding="utf-8")
    return path
