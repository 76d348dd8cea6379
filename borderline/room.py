"""What the room needs on paper: a worksheet, an answer key, a page at a glance and activity cards.

Each lesson gets four printable pages in the handout pack (``make handouts``), written by
``part`` through ``editions.PACK_PARTS``:

- a **worksheet**: for each section with exercises, the charts and static views those exercises
  need (no code), each prompt with space to write, options as tick boxes, never an answer;
- an **answer key**: the same prompts with the answer, the explanation and the model answer;
- the lesson **at a glance**: the question, objectives, timings, pre-reading, what to print,
  the sensitive parts and what to drop when time is short, on one printed page;
- **activity cards**: one per planned activity (time box, grouping, steps, what to collect).

What is not in the lesson's front matter or its notebook comes from ``lessons/NN-slug/plan.yaml``
(see ``load_plan``). Citations become numbered notes (``borderline.notes``). Where Chromium and
Playwright are installed, each page is also printed to PDF.

>>> part in __import__("borderline.editions", fromlist=["PACK_PARTS"]).PACK_PARTS
True
"""

from __future__ import annotations

import html
import numbers
import os
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import nbformat  # noqa: F401 (the examples build notebooks with it)
import yaml

from . import editions, notes
from .data import BorderlineError
from .exercise_view import markdown_html, prompt_html
from .i18n import ui

PLAN_FIELDS = {"question": str, "print": list, "sensitive": list, "skip": list, "activities": list}
REQUIRED = {"question"}
ACTIVITY_FIELDS = {
    "title": str,
    "section": str,
    "when": str,
    "minutes": int,
    "grouping": str,
    "steps": list,
    "collect": str,
    "materials": str,
    "see": str,
}
ACTIVITY_REQUIRED = {"title", "minutes", "grouping", "steps", "collect"}
SENSITIVE_FIELDS = {"section": str, "note": str}
EXERCISE_CELL = re.compile(r"bl\.exercise\(\s*[\"']([^\"']+)[\"']\s*\)")
SKIPPED_TAGS = editions.REMOVED_IN_STUDENT_EDITION | {"sources", "nav", "stale-note"}
PAGES = ("worksheet", "key", "glance", "cards")
LONG_TABLE = 12  # rows: a longer table behind a chart is left to the lesson page


class PlanFileError(BorderlineError, ValueError):
    """A plan.yaml that does not fit the schema; the message names the file, the entry and the field.

    >>> str(PlanFileError("lessons/99-x/plan.yaml", "is missing.", "add 'question:'.", "question"))
    "lessons/99-x/plan.yaml, field 'question': is missing. Fix: add 'question:'."
    """

    def __init__(self, file, problem, fix="", field=None):
        where = str(file) + (f", field '{field}'" if field else "")
        super().__init__(f"{where}: {problem}" + (f" Fix: {fix}" if fix else ""))


# --- the plan file --------------------------------------------------------------------------


def plan_file(lesson: str) -> Path | None:
    """The plan.yaml beside a lesson's exercises (``lessons/NN-slug/plan.yaml``), or None.

    >>> plan_file("99") is None
    True
    """
    for folder in [editions.ROOT / "lessons"]:
        hits = sorted(folder.glob(f"{lesson}-*/plan.yaml")) if folder.is_dir() else []
        if hits:
            return hits[0]
    return None


def _check(value, kind, file, field):
    if kind is int:
        try:
            return int(str(value))
        except ValueError:
            raise PlanFileError(
                file, f"{value!r} is not a whole number of minutes.", "write digits, e.g. 10.", field
            ) from None
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        what = "a list (lines starting with '- ')" if kind is list else "text"
        raise PlanFileError(file, f"must be {what}.", "", field)
    return value


def _fields(entry, allowed: dict, required: set, file, where: str) -> dict:
    if not isinstance(entry, dict):
        raise PlanFileError(file, "is not a set of 'name: value' fields.", "start the entry with '- title:'.", where)
    names = set(allowed) | {f"{name}_ko" for name, kind in allowed.items() if kind is str}
    for name in entry:
        if name not in names:
            raise PlanFileError(file, "is not a known field.", f"use only: {', '.join(allowed)}.", f"{where}{name}")
    checked = {}
    for name, value in entry.items():
        kind = allowed.get(name, str)
        checked[name] = _check(value, kind, file, f"{where}{name}") if value is not None else value
    for name in [n for n in allowed if n in required]:
        if entry.get(name) in (None, "", []):
            raise PlanFileError(file, "is missing or empty.", f"add '{name}:'.", f"{where}{name}")
    return checked


def load_plan(lesson: str, path: Path | None = None) -> dict:
    """A lesson's plan.yaml, checked: question, print list, sensitive parts, skip paths, activities.

    Returns {} if the lesson has no plan file. A mistake raises ``PlanFileError`` naming the field.

    >>> import tempfile
    >>> bad = Path(tempfile.mkdtemp()) / "plan.yaml"
    >>> _ = bad.write_text("question: Why?\\nactivities:\\n- title: Game\\n  minutes: ten\\n")
    >>> try:
    ...     load_plan("99", bad)
    ... except PlanFileError as error:
    ...     print(str(error).split(": ", 1)[1])
    'ten' is not a whole number of minutes. Fix: write digits, e.g. 10.
    """
    path = path or plan_file(lesson)
    if path is None:
        return {}
    file = path.relative_to(editions.ROOT) if path.is_relative_to(editions.ROOT) else path
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        near = f" near line {mark.line + 1}" if mark else ""
        raise PlanFileError(file, f"is not valid YAML{near}.", "check the indentation and quotes there.") from None
    plan = _fields(content, PLAN_FIELDS, REQUIRED, file, "")
    for name in ("print", "skip"):
        for i, line in enumerate(plan.get(name) or []):
            _check(line, str, file, f"{name}[{i + 1}]")
    plan["sensitive"] = [
        _fields(s, SENSITIVE_FIELDS, set(SENSITIVE_FIELDS), file, f"sensitive[{i + 1}].")
        for i, s in enumerate(plan.get("sensitive") or [])
    ]
    plan["activities"] = [
        _fields(a, ACTIVITY_FIELDS, ACTIVITY_REQUIRED, file, f"activities[{i + 1}].")
        for i, a in enumerate(plan.get("activities") or [])
    ]
    for i, activity in enumerate(plan["activities"]):
        for j, step in enumerate(activity["steps"]):
            _check(step, str, file, f"activities[{i + 1}].steps[{j + 1}]")
    return plan


class _Text:
    """Plan text in the page's language: the ``_ko`` field where there is one, else the English (counted).

    >>> t = _Text("ko"); t({"note": "N", "note_ko": "주"}, "note"), t({"note": "N"}, "note"), t.english
    ('주', 'N', 1)
    """

    def __init__(self, lang: str):
        self.lang, self.english = lang, 0

    def __call__(self, entry: dict, field: str) -> str:
        if self.lang != "en":
            translated = entry.get(f"{field}_{self.lang}")
            if translated:
                return str(translated)
            if entry.get(field):
                self.english += 1
        return str(entry.get(field) or "")

    def note(self) -> str:
        if not self.english:
            return ""
        message = ui(
            "{count} passages on this page are not yet translated; they are shown in English.",
            lang=self.lang,
            count=self.english,
        )
        return f"<p class='rm-stale'><strong>{html.escape(message)}</strong></p>"


# --- reading the executed lesson --------------------------------------------------------------


def _tags(cell) -> set:
    return set(cell.metadata.get("tags", []))


def _output_html(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        bundle = output.get("data", {})
        if "text/html" in bundle:
            parts.append(str(bundle["text/html"]))
        elif "image/png" in bundle:
            parts.append(f"<img alt='' src='data:image/png;base64,{bundle['image/png']}'>")
        elif "text/plain" in bundle:
            parts.append(f"<pre>{html.escape(str(bundle['text/plain']))}</pre>")
    return "".join(parts)


def sections(nb) -> list[dict]:
    """The sections of a lesson that hold exercises: heading, and in order the views each exercise needs and its id.

    A view is the output of a code cell of the same section that comes before the exercise
    (never the code); cells tagged ``solution`` or ``instructor`` are left out.

    >>> cell = nbformat.v4.new_code_cell
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## 1. Rates"),
    ...     cell("bl.show(chart)", outputs=[nbformat.v4.new_output("display_data", {"text/html": "<p>chart</p>"})]),
    ...     cell('bl.exercise("99.1")'), nbformat.v4.new_markdown_cell("## 2. No exercise here")])
    >>> [(s["heading"], s["items"]) for s in sections(nb)]
    [('1. Rates', [('view', '<p>chart</p>'), ('exercise', '99.1', False)])]
    """
    found, current, pending = [], None, []
    for cell in nb.cells:
        tags = _tags(cell)
        if tags & SKIPPED_TAGS:
            continue
        if cell.cell_type == "markdown":
            heading = re.match(r"##\s+(.+)", cell.source.strip())
            if heading:
                current, pending = {"heading": heading.group(1).strip(), "items": []}, []
                found.append(current)
            continue
        if cell.cell_type != "code" or current is None:
            continue
        exercise = EXERCISE_CELL.search(cell.source)
        if exercise:
            current["items"] += [("view", v) for v in pending]
            current["items"].append(("exercise", exercise.group(1), "deeper" in tags))
            pending = []
        elif _output_html(cell):
            pending.append(_output_html(cell))
    return [s for s in found if any(item[0] == "exercise" for item in s["items"])]


def objectives(nb) -> list[str]:
    """The numbered objectives of a lesson (its Overview cell), as Markdown lines.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"),
    ...     nbformat.v4.new_markdown_cell("## Overview\\n\\nYou will:\\n\\n1. count;\\n2. compare.")])
    >>> objectives(nb)
    ['count;', 'compare.']
    """
    for cell in nb.cells[1:]:
        if cell.cell_type == "markdown" and not _tags(cell) & SKIPPED_TAGS:
            items = re.findall(r"^\d+\.\s+(.+)$", cell.source, flags=re.M)
            if items:
                return items
    return []


def _meta(nb, path: Path | None = None) -> dict:
    meta = dict(nb.metadata.get("borderline", {}))
    if path is not None:
        from .lessons import LESSONS, front_matter

        md = LESSONS / (path.stem + ".md")
        if md.exists():
            meta = {**front_matter(md), **meta}
    return meta


# --- what goes on each page ---------------------------------------------------------------------

ROOM_CSS = """
main{max-width:46rem;margin:0 auto}
.rm-meta{color:#444} .rm-question{font-size:1.15rem;border-left:4px solid #0072B2;padding:.2rem .8rem;background:#f4f8fb}
.rm-name{display:flex;gap:2rem;margin:1rem 0} .rm-name span{flex:1;border-bottom:1px solid #555;padding-bottom:.2rem}
.rm-exercise{margin:1rem 0 1.4rem;break-inside:avoid} .rm-deeper{display:inline-block;font-size:.8rem;font-weight:bold;
border:1px solid #8a5a00;color:#6b4500;padding:0 .4rem;border-radius:3px;margin-bottom:.3rem}
.rm-hint{font-size:.88rem;color:#444;font-style:italic}
.rm-lines div{border-bottom:1px solid #888;height:2rem}
.rm-box{border:1px solid #888;min-height:5rem;margin:.4rem 0;padding:.2rem .4rem;color:#666;font-size:.8rem}
.rm-answerline{margin:.5rem 0} .rm-answerline span{display:inline-block;min-width:12rem;border-bottom:1px solid #555;height:1.4rem}
ul.rm-options{list-style:none;padding-left:.4rem} ul.rm-options li{margin:.35rem 0}
ul.rm-options li::before{content:"";display:inline-block;width:.95rem;height:.95rem;border:1.5px solid #333;margin-right:.6rem;vertical-align:-.15rem}
.rm-view{margin:.6rem 0} .rm-view table{font-size:.78rem} .rm-view th,.rm-view td{padding:.1rem .35rem}
.rm-answer{border-left:4px solid #0b6e4f;background:#f3faf6;padding:.3rem .8rem;margin:.4rem 0}
.rm-answer .rm-right{font-weight:bold}
.rm-glance{font-size:.88rem;line-height:1.35} .rm-glance h1{font-size:1.4rem;margin:.2rem 0 .4rem}
.rm-glance h2{font-size:1rem;margin:.7rem 0 .25rem;border-bottom:1px solid #bbb}
.rm-glance ol,.rm-glance ul{margin:.2rem 0;padding-left:1.3rem} .rm-glance li{margin:.1rem 0}
.rm-cols{display:grid;grid-template-columns:1fr 1fr;gap:0 1.4rem}
.rm-card{border:2px solid #333;border-radius:6px;padding:.4rem 1rem .6rem;margin:1rem 0;break-inside:avoid}
.rm-card h2{margin-top:.3rem;border:none} .rm-card dl{display:grid;grid-template-columns:auto 1fr;gap:.15rem .8rem;margin:.3rem 0}
.rm-card dt{font-weight:bold} .rm-card dd{margin:0}
.rm-stale{background:#fff8e5;padding:.3rem .6rem}
@page{margin:14mm 14mm 16mm}
@media print{body{margin:0;padding:0;max-width:none;font-size:10.5pt} main{max-width:none}
 nav.bl-top,a.bl-back{display:none} .rm-section{break-before:page} .rm-section.rm-first{break-before:auto}
 h2{break-after:avoid} .rm-view{break-inside:avoid} .rm-view details,.rm-view .updatemenu-container{display:none} .rm-glance{font-size:8.6pt} .rm-card{font-size:10pt}
 .rm-answer,.rm-question{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
"""


def _page(title: str, body: str, lang: str, charts: bool = False) -> str:
    links = f"<nav class='bl-top'><a href='index.html'>{ui('All handouts', lang=lang)}</a></nav>"
    page = editions._page(title, f"<main>{body}</main>", plotly_js=charts, nav_links=links, lang=lang)
    return page.replace("</style>", ROOM_CSS + notes.NOTES_CSS + "</style>", 1)


def _heading(meta: dict, kind: str, lang: str) -> tuple[str, str]:
    lesson = ui("Lesson {n}: {title}", lang=lang, n=meta.get("lesson", ""), title=meta.get("title", ""))
    names = {
        "worksheet": ui("Worksheet", lang=lang),
        "key": ui("Answer key", lang=lang),
        "glance": ui("At a glance", lang=lang),
        "cards": ui("Activity cards", lang=lang),
    }
    return f"{names[kind]}: {lesson}", f"{html.escape(names[kind])}: {html.escape(lesson)}"


def _md(text: str) -> str:
    return markdown_html(text.strip())


def _title(heading: str) -> str:
    """A section heading as HTML: its number kept as text (Markdown would make "2. ..." a list)."""
    number, rest = re.match(r"(\d+\.\s+)?(.*)", heading.strip(), flags=re.S).groups()
    return html.escape(number or "") + _inline(rest)


def _compact(view: str, lang: str) -> str:
    """A view for the worksheet: a long table of the data behind a chart gives way to a line saying where it is."""
    if "Plotly.newPlot(" not in view:
        return view

    def shorten(match):
        rows = match.group(0).count("<tr") - 1
        if rows <= LONG_TABLE:
            return match.group(0)
        line = ui(
            "The table of the data behind this chart ({rows} rows) is on the lesson's handout page.",
            lang=lang,
            rows=rows,
        )
        return f"<p class='rm-meta'>{html.escape(line)}</p>"

    return re.sub(r"<table\b.*?</table>", shorten, view, flags=re.S)


def _inline(text: str) -> str:
    """Markdown for inside a line: the HTML without the paragraph around it."""
    out = _md(text).strip()
    return out[3:-4] if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1 else out


def _space(q, lang: str) -> str:
    """Room to answer, sized by kind: tick boxes, a working box and an answer line, or ruled lines."""
    if q.kind == "choice":
        items = "".join(f"<li>{_inline(label)}</li>" for label in q.options.values())
        return f"<p class='rm-hint'>{ui('Tick one.', lang=lang)}</p><ul class='rm-options'>{items}</ul>"
    if q.kind == "writing":
        lines = max(5, min(14, 2 * int(getattr(q, "rows", 4) or 4)))
        label = html.escape(q.label) if q.label != "Your answer" else ui("Your answer", lang=lang)
        rule = "<div></div>" * lines
        return f"<p><b>{label}</b></p><div class='rm-lines' role='img' aria-label='{html.escape(ui('Space to write', lang=lang), quote=True)}'>{rule}</div>"
    working = html.escape(ui("Working", lang=lang))
    return (
        f"<div class='rm-box'>{working}</div><p class='rm-answerline'><b>{html.escape(q.label)}</b> <span></span></p>"
    )


def answer_text(q) -> str:
    """The answer to a self-check as a reader would write it (numbers rounded, percentages with %).

    >>> from borderline.exercises import Question
    >>> answer_text(Question("99.1", "number", hint="", explain="", answer=15.909, tolerance=0.06))
    '15.9 (accepted within ±6%)'
    >>> answer_text(Question("99.2", "percent", hint="", explain="", answer=1.037, tolerance=0.04))
    '1.04% (accepted within ±4%)'
    """
    if q.kind == "choice":
        return q.options.get(q.answer, q.answer)
    if q.kind == "writing":
        return ""
    value = float(q.answer)
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    if q.kind == "percent":
        text += "%"
    tolerance = float(getattr(q, "tolerance", 0) or 0)
    return text + (f" (accepted within ±{tolerance:.0%})" if tolerance else "")


ROW_ID = re.compile(r"\b[A-Z]{1,4}\d{1,3}\b")


def named_rows(prompt: str) -> list[tuple[str, str]]:
    """The dataset rows a prompt names by id ("row X12"), as (table, id), in order; citations in
    brackets are sources, not rows. On paper a student cannot open the table, so the sheet prints them.

    >>> from borderline import data
    >>> table = "china_estimates"; first = data.load(table)["est_id"].iloc[0]
    >>> sid = data.load("sources")["source_id"].iloc[0]
    >>> named_rows(f"Read row {first} [{sid}].") == [(table, first)], named_rows(f"No row here [{sid}].")
    (True, [])
    """
    prose = re.sub(r"\[[^\]]*\]", " ", prompt)
    index = _row_index()
    found = []
    for token in ROW_ID.findall(prose):
        tables = index.get(token, [])
        named = [t for t in tables if f"{t}.csv" in prose]
        table = (named or tables)[0] if len(named or tables) == 1 else None  # ambiguous ids are left out
        if table and (table, token) not in found:
            found.append((table, token))
    return found


@lru_cache(maxsize=1)
def _row_index() -> dict:
    from . import data

    index = {}
    for name in data.names():
        if name in ("sources", "labels", "chart_notes"):
            continue
        key = data.schema(name)["schema"].get("primaryKey")
        if isinstance(key, str):
            for value in data.load(name)[key].astype(str):
                index.setdefault(value, []).append(name)
    return index


def _cell_text(column, value, is_date: bool = False) -> str:
    """A cell as a reader writes it: counts with thousands separators (years left alone), dates spelt out."""
    if is_date or hasattr(value, "strftime"):
        import pandas as pd

        return pd.Timestamp(value).strftime("%d %b %Y")
    if isinstance(value, numbers.Number) and not isinstance(value, bool) and "year" not in str(column):
        return f"{float(value):,.0f}" if float(value).is_integer() else f"{float(value):,}"
    return str(value)


def _rows_html(q, lang: str) -> str:
    """The rows the prompt names, each as one line of its non-empty cells (for the sheet and the key)."""
    from . import data

    items = []
    for table, row_id in named_rows(q.prompt):
        frame = data.load(table)
        key = data.schema(table)["schema"]["primaryKey"]
        picked = data.in_language(frame[frame[key].astype(str) == row_id])
        dates = {c for c in picked.columns if str(picked[c].dtype).startswith("datetime")}
        row = picked.iloc[0]  # every column, the notes too
        cells = "; ".join(
            f"<i>{html.escape(str(col))}</i>: {html.escape(_cell_text(col, value, col in dates))}"
            for col, value in row.items()
            if not str(col).endswith("_ko") and str(value).strip() not in ("", "nan", "<NA>", "NaT", "None")
        )
        items.append(f"<li><b>{html.escape(row_id)}</b> ({html.escape(table)}.csv): {cells}</li>")
    if not items:
        return ""
    return f"<div class='rm-rows'><p class='rm-meta'>{ui('The rows this exercise names', lang=lang)}:</p><ul>{''.join(items)}</ul></div>"


def _exercise(q, deeper: bool, lang: str, key: bool) -> str:
    badge = f"<span class='rm-deeper'>{ui('Going deeper', lang=lang)}</span>" if deeper else ""
    body = badge + prompt_html(q) + _rows_html(q, lang)
    if key:
        body += _key(q, lang)
    else:
        body += _space(q, lang)
        if q.hint:
            body += f"<p class='rm-hint'>{ui('Hint', lang=lang)}: {html.escape(q.hint)}</p>"
    return f"<section class='rm-exercise' aria-label='{html.escape(q.qid, quote=True)}'>{body}</section>"


def _key(q, lang: str) -> str:
    parts = []
    if q.kind == "choice":
        parts.append(
            f"<p><b>{ui('Answer', lang=lang)}:</b> <span class='rm-right'>{_inline(answer_text(q))}</span></p>"
        )
        parts.append(_md(q.feedback.get(q.answer, "")))
    elif q.kind != "writing":
        parts.append(
            f"<p><b>{ui('Answer', lang=lang)}:</b> <span class='rm-right'>{html.escape(answer_text(q))}</span></p>"
        )
        slips = [(value, message) for value, message in getattr(q, "wrong", []) if message]
        if slips:
            items = "".join(f"<li>{html.escape(m)}</li>" for _v, m in slips)
            parts.append(f"<p><b>{ui('Common slips', lang=lang)}:</b></p><ul>{items}</ul>")
    if q.explain:
        parts.append(_md(q.explain))
    if q.model_answer:
        parts.append(f"<p><b>{ui('Model answer', lang=lang)}</b></p>{_md(q.model_answer)}")
    if not parts:
        parts.append(f"<p>{ui('No model answer: read for evidence and reasons.', lang=lang)}</p>")
    return f"<div class='rm-answer'>{''.join(parts)}</div>"


def exercise_pages(nb, questions: dict, plan: dict, lang: str = "en", key: bool = False) -> tuple[str, str, bool]:
    """(title, body, has charts) of the worksheet, or with ``key=True`` the answer key, of one executed lesson.

    >>> from borderline.exercises import Question
    >>> q = Question("99.1", "choice", hint="Look again.", explain="Because B.", answer="b",
    ...              options={"a": "A", "b": "B"}, feedback={"a": "No.", "b": "Yes, B."}, prompt="Which?")
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## 1. Part"),
    ...     nbformat.v4.new_code_cell('bl.exercise("99.1")')])
    >>> nb.metadata["borderline"] = {"lesson": "99", "title": "Test"}
    >>> _, sheet, _ = exercise_pages(nb, {"99.1": q}, {"question": "Why?"})
    >>> _, key, _ = exercise_pages(nb, {"99.1": q}, {"question": "Why?"}, key=True)
    >>> "Because B." in sheet, "Because B." in key, "Which?" in sheet
    (False, True, True)
    """
    meta, text = _meta(nb), _Text(lang)
    title, heading = _heading(meta, "key" if key else "worksheet", lang)
    head = f"<h1>{heading}</h1>"
    if not key:
        head += f"<div class='rm-name'><span>{ui('Name', lang=lang)}:</span><span>{ui('Date', lang=lang)}:</span></div>"
    if plan.get("question"):
        head += (
            f"<p class='rm-question'><b>{ui('The question', lang=lang)}:</b> {html.escape(text(plan, 'question'))}</p>"
        )
    if key:
        head += f"<p class='rm-meta'>{ui('For the seminar lead: keep this page away from students.', lang=lang)}</p>"
    else:
        head += (
            f"<p class='rm-meta'>{ui('Answer on this sheet. The charts are the ones in the lesson.', lang=lang)}</p>"
        )
    body, charts, seen = [], False, set()
    for i, section in enumerate(sections(nb)):
        first = " rm-first" if i == 0 else ""
        parts = [f"<h2>{_title(section['heading'])}</h2>"]
        for item in section["items"]:
            if item[0] == "view":
                if not key:
                    charts = charts or "Plotly.newPlot(" in item[1]
                    parts.append(f"<div class='rm-view'>{_compact(item[1], lang)}</div>")
                continue
            q = questions.get(item[1])
            if q is None or item[1] in seen:
                continue
            seen.add(item[1])
            deeper = item[2] or str(getattr(q, "level", "")) == "deeper"
            parts.append(_exercise(q, deeper, lang, key))
        body.append(f"<section class='rm-section{first}'>{''.join(parts)}</section>")
    return title, notes.numbered(text.note() + head + "".join(body), lang), charts


def plan_rows(lesson: str, syllabus: Path | None = None) -> list[tuple[str, str]]:
    """The rows of a lesson's seminar plan in ``lessons.md`` (its ``## NN · Title`` part): (minutes, activity).
    Links become their text, since the page they point into is not printed with them.

    >>> import tempfile
    >>> md = Path(tempfile.mkdtemp()) / "lessons.md"
    >>> _ = md.write_text("## 99 · T\\n\\n| min | activity | notes |\\n|---|---|---|\\n| 0-5 | Recap; the [norms](#n) | x |\\n")
    >>> plan_rows("99", md), plan_rows("98", md)
    ([('0-5', 'Recap; the norms')], [])
    """
    syllabus = syllabus or editions.ROOT / "lessons.md"
    text = syllabus.read_text(encoding="utf-8") if syllabus.exists() else ""
    if f"## {lesson} · " not in text:
        return []
    part = text.split(f"## {lesson} · ", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d+-\d+) \| (.+?) \|", part, flags=re.M)
    return [(when, re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", activity).strip()) for when, activity in rows]


def _timeline(meta: dict, plan: dict, lang: str, text) -> str:
    """The seminar's minutes, row by row from lessons.md, each planned activity's card named in its row;
    without a plan in lessons.md, the activity cards alone."""
    cards = plan.get("activities", [])

    def card_line(a) -> str:
        return (
            f"{html.escape(text(a, 'title'))} ({ui('{n} min', lang=lang, n=a['minutes'])}; "
            f"{html.escape(text(a, 'grouping'))})"
        )

    rows = plan_rows(str(meta.get("lesson", "")))
    if not rows:
        return "".join(f"<li><b>{html.escape(a.get('when') or '')}</b> {card_line(a)}</li>" for a in cards)
    out = (
        []
        if lang == "en"
        else [f"<li class='rm-meta'>{ui('The rows of the plan are from lessons.md, in English.', lang=lang)}</li>"]
    )
    for when, activity in rows:
        first, last = map(int, when.split("-"))
        here = [a for a in cards if first <= int(str(a.get("when", "0-0")).split("-")[0]) < last]
        card = "".join(f"<br><i>{ui('Card', lang=lang)}:</i> {card_line(a)}" for a in here)
        out.append(f"<li><b>{when}</b> {_inline(activity)}{card}</li>")
    return "".join(out)


def glance_page(
    nb, plan: dict, lang: str = "en", files: dict | None = None, path: Path | None = None
) -> tuple[str, str]:
    """(title, body) of the lesson at a glance: question, objectives, timings, printing, sensitive parts, skips.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T"),
    ...     nbformat.v4.new_markdown_cell("## Overview\\n\\n1. count.")])
    >>> nb.metadata["borderline"] = {"lesson": "99", "title": "T", "teaching_minutes": 40, "exercise_minutes": 30}
    >>> _, body = glance_page(nb, {"question": "Why?", "activities": [], "sensitive": []})
    >>> "count." in body and "40" in body and "Pre-reading" in body
    True
    """
    meta, text, files = _meta(nb, path), _Text(lang), files or {}
    title, heading = _heading(meta, "glance", lang)
    dash = "—"

    def minutes(name):
        value = meta.get(name)
        return ui("{n} min", lang=lang, n=value) if value not in (None, "") else dash

    pre = meta.get("pre_reading") or {}
    if pre:
        sections_ = pre.get("sections") or []
        sections_ = sections_ if isinstance(sections_, list) else [sections_]
        sections_ = ", ".join(_title(str(x)) for x in sections_)
        pre_text = (
            f"{minutes_text(pre.get('minutes'), lang)}: {sections_}"
            if sections_
            else minutes_text(pre.get("minutes"), lang)
        )
    else:
        pre_text = dash
    timings = (
        f"<ul><li>{ui('Teaching', lang=lang)}: {minutes('teaching_minutes')}</li>"
        f"<li>{ui('Exercises', lang=lang)}: {minutes('exercise_minutes')}</li>"
        f"<li>{ui('Reading', lang=lang)}: {minutes('reading_minutes')}</li>"
        f"<li>{ui('Pre-reading', lang=lang)}: {pre_text}</li></ul>"
    )
    goals = "".join(f"<li>{_inline(o)}</li>" for o in objectives(nb)) or f"<li>{dash}</li>"
    activities = _timeline(meta, plan, lang, text) or f"<li>{dash}</li>"
    printing = (
        "".join(f"<li>{html.escape(text({'x': p}, 'x'))}</li>" for p in plan.get("print") or []) or f"<li>{dash}</li>"
    )
    sensitive = (
        "".join(
            f"<li><b>{html.escape(text(s, 'section'))}.</b> {html.escape(text(s, 'note'))}</li>"
            for s in plan.get("sensitive", [])
        )
        or f"<li>{ui('No section needs a content note.', lang=lang)}</li>"
    )
    skips = (
        "".join(f"<li>{html.escape(text({'x': s}, 'x'))}</li>" for s in plan.get("skip") or []) or f"<li>{dash}</li>"
    )
    links = " · ".join(f"<a href='{html.escape(f)}'>{html.escape(label)}</a>" for label, f in files.items())
    body = (
        f"<div class='rm-glance'><h1>{heading}</h1>"
        + (
            f"<p class='rm-question'><b>{ui('The question', lang=lang)}:</b> {html.escape(text(plan, 'question'))}</p>"
            if plan.get("question")
            else ""
        )
        + f"<h2>{ui('Objectives', lang=lang)}</h2><ol>{goals}</ol>"
        f"<div class='rm-cols'><div><h2>{ui('Time', lang=lang)}</h2>{timings}"
        f"<h2>{ui('In the seminar session', lang=lang)}</h2><ul>{activities}</ul></div>"
        f"<div><h2>{ui('Sensitive parts', lang=lang)}</h2><ul>{sensitive}</ul>"
        f"<h2>{ui('If time is short', lang=lang)}</h2><ul>{skips}</ul>"
        f"<h2>{ui('What to print', lang=lang)}</h2><ul>{printing}</ul></div></div>"
        + (f"<p class='rm-meta'>{links}</p>" if links else "")
        + "</div>"
    )
    return title, notes.numbered(text.note() + body, lang)


def minutes_text(value, lang: str = "en") -> str:
    """A number of minutes for a page ('—' if not given).

    >>> minutes_text(20), minutes_text(None)
    ('20 min', '—')
    """
    return ui("{n} min", lang=lang, n=value) if value not in (None, "") else "—"


def cards_page(meta: dict, plan: dict, lang: str = "en") -> tuple[str, str]:
    """(title, body) of the activity cards of one lesson: time box, grouping, steps, what to collect.

    >>> plan = {"activities": [{"title": "Game", "minutes": 10, "grouping": "Pairs", "steps": ["Talk."],
    ...                         "collect": "Slips."}]}
    >>> _, body = cards_page({"lesson": "99", "title": "T"}, plan)
    >>> body.count("class='rm-card'"), "<li>Talk.</li>" in body
    (1, True)
    """
    text = _Text(lang)
    title, heading = _heading(meta, "cards", lang)
    cards = []
    for a in plan.get("activities", []):
        rows = [
            (ui("Section", lang=lang), html.escape(text(a, "section"))),
            (
                ui("In the plan", lang=lang),
                html.escape(ui("minutes {when}", lang=lang, when=a["when"])) if a.get("when") else "",
            ),
            (ui("Time box", lang=lang), html.escape(ui("{n} min", lang=lang, n=a["minutes"]))),
            (ui("Grouping", lang=lang), html.escape(text(a, "grouping"))),
            (ui("Materials", lang=lang), html.escape(text(a, "materials"))),
        ]
        facts = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows if v)
        steps = "".join(f"<li>{_inline(s)}</li>" for s in a["steps"])
        see = (
            f"<p>{ui('See also', lang=lang)}: <a href='{html.escape(a['see'])}'>{html.escape(a['see'])}</a></p>"
            if a.get("see")
            else ""
        )
        cards.append(
            f"<section class='rm-card' aria-label='{html.escape(text(a, 'title'), quote=True)}'>"
            f"<h2>{html.escape(text(a, 'title'))}</h2><dl>{facts}</dl>"
            f"<h3>{ui('Steps', lang=lang)}</h3><ol>{steps}</ol>"
            f"<p><b>{ui('What to collect', lang=lang)}:</b> {html.escape(text(a, 'collect'))}</p>{see}</section>"
        )
    lead = ui("One card per planned activity of the seminar plan; cut along the borders.", lang=lang)
    return title, notes.numbered(
        text.note() + f"<h1>{heading}</h1><p class='rm-meta'>{lead}</p>" + "".join(cards), lang
    )


# --- writing the pages ---------------------------------------------------------------------------


@contextmanager
def _edition(notebooks_folder: Path, lang: str):
    """Exercises from the edition's own lessons folder (translated), interface words in its language."""
    lessons = Path(notebooks_folder).parent / "lessons"
    chosen = {"BORDERLINE_LESSONS": str(lessons)} if lessons.is_dir() else {}
    with editions.environment(BORDERLINE_LANG=lang, **chosen):
        yield


def lesson_pages(out: Path, notebooks_folder: Path, name: str, lang: str = "en") -> list[tuple[str, str]]:
    """Write the four pages of one lesson into ``out``; return [(label, file name), ...] for the index.

    Pages are ``NN-slug-worksheet.html``, ``-key.html``, ``-glance.html`` and ``-cards.html``.
    A lesson with no exercises gets no worksheet or key; one with no activities no cards.

    >>> import tempfile
    >>> path = editions.notebooks()[1]
    >>> editions.EXECUTED[path.resolve()] = nbformat.read(path, as_version=4)  # as if run (no charts)
    >>> written = lesson_pages(Path(tempfile.mkdtemp()), path.parent, path.name)
    >>> [f.rsplit("-", 1)[1] for _label, f in written]
    ['glance.html', 'worksheet.html', 'key.html', 'cards.html']
    >>> del editions.EXECUTED[path.resolve()]
    """
    from .exercise_bank import lesson_exercises

    stem, lesson = Path(name).stem, name[:2]
    plan = load_plan(lesson)
    written = []
    with _edition(notebooks_folder, lang):
        nb = editions.executed(Path(notebooks_folder) / name)
        questions = lesson_exercises(lesson)
        pages = []
        if questions:
            for kind, key in (("worksheet", False), ("key", True)):
                title, body, charts = exercise_pages(nb, questions, plan, lang, key=key)
                pages.append((kind, title, body, charts))
        labels = {
            "worksheet": ui("worksheet", lang=lang),
            "key": ui("answer key", lang=lang),
            "glance": ui("at a glance", lang=lang),
            "cards": ui("activity cards", lang=lang),
        }
        files = {labels[k]: f"{stem}-{k}.html" for k, *_ in pages}
        if plan.get("activities"):
            files[labels["cards"]] = f"{stem}-cards.html"
            title, body = cards_page(_meta(nb), plan, lang)
            pages.append(("cards", title, body, False))
        title, body = glance_page(nb, plan, lang, files, path=Path(notebooks_folder) / name)
        pages.insert(0, ("glance", title, body, False))
        for kind, title, body, charts in pages:
            target = out / f"{stem}-{kind}.html"
            target.write_text(_page(title, body, lang, charts), encoding="utf-8")
            written.append((labels[kind], target.name))
    return written


def print_pdfs(pages: list[Path]) -> str:
    """Print each page to a PDF beside it in headless Chromium; return a one-line report.

    Needs Playwright for Python and Chromium (``BORDERLINE_CHROMIUM``, default /usr/bin/chromium);
    without them it prints nothing and says why. No request leaves the machine: only file: and
    data: addresses are allowed.

    >>> print_pdfs([])
    'no pages to print'
    """
    if not pages:
        return "no pages to print"
    chromium = os.environ.get("BORDERLINE_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return f"PDFs skipped: no Chromium at {chromium} (install it, or set BORDERLINE_CHROMIUM)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "PDFs skipped: Playwright for Python is not installed (make setup)"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=flags)
        try:
            context = browser.new_context(viewport={"width": 700, "height": 1000})
            context.route(
                "**/*",
                lambda route: route.continue_() if route.request.url.startswith(("file:", "data:")) else route.abort(),
            )
            for path in pages:
                page = context.new_page()
                page.goto(Path(path).resolve().as_uri())
                charts = Path(path).read_text(encoding="utf-8").count("Plotly.newPlot(")
                if charts:
                    page.wait_for_function(
                        f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {charts}", timeout=60_000
                    )
                page.emulate_media(media="print")
                page.pdf(path=str(Path(path).with_suffix(".pdf")), format="A4", print_background=True)
                page.close()
        finally:
            browser.close()
    return f"wrote {len(pages)} PDFs"


def pdf_pages(pdf: Path) -> int:
    """How many pages a PDF written by Chromium has (it counts the /Type /Page objects).

    >>> import tempfile
    >>> fake = Path(tempfile.mkdtemp()) / "x.pdf"
    >>> _ = fake.write_bytes(b"<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type /Page >>")
    >>> pdf_pages(fake)
    2
    """
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", Path(pdf).read_bytes()))


def part(out: Path, order, notebooks_folder: Path, lang: str) -> dict:
    """The room's pages for every lesson of the pack (a ``PACK_PARTS`` entry), and their PDFs.

    Returns {notebook name: [(label, file name), ...]} for the index of the pack.

    >>> part(Path("."), [], Path("."), "en")
    {}
    """
    links, written = {}, []
    for _n, _title, name in order:
        pages = lesson_pages(out, notebooks_folder, name, lang)
        links[name] = pages
        written += [out / f for _label, f in pages]
        editions._say(f"      wrote {', '.join(f for _label, f in pages)}")
    if written and os.environ.get("BORDERLINE_PDF", "1") != "0":
        report = print_pdfs(written)
        editions._say(f"      {report}")
        if report.startswith("wrote"):
            for pages in links.values():
                pages += [(f"{label} (PDF)", Path(f).with_suffix(".pdf").name) for label, f in list(pages)]
    return links


if part not in editions.PACK_PARTS:
    editions.PACK_PARTS.append(part)
