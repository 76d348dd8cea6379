"""A lesson's work as a file a student can hand in: each prompt with the student's shareable answer.

The lesson passes its own number. Its exercises come from its ``exercises.yaml`` (see
``exercise_bank``) and the register of ``exercises``, in order; after them come the journal
entries that the lesson's widgets saved under its ``NN.`` keys with a label (an opening or a
final position). An entry the student keeps private is listed as "(kept private)" and its text
never leaves the journal.

Until a student chooses, self-check answers and writing exercises are shareable (they are the
coursework a seminar lead asks for), and reflections are private (they are about the student).
A free journal box is private unless the lesson says otherwise.

``write_work`` writes ``my-work-NN.html`` and ``my-work-NN.md`` beside the journal. There is no
PDF writer (none works offline without a heavy dependency): printing the HTML page from the
browser ("Save as PDF") makes one.

>>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
>>> from .exercises import Question, register
>>> _ = register(Question("99.7", "writing", hint="", explain="", prompt="Why did people cross?", tag="writing"))
>>> _ = register(Question("99.8", "writing", hint="", explain="", prompt="How do you feel?", tag="reflection"))
>>> journal.save("99.7", "For food, at first."); journal.save("99.8", "Unsettled.")
>>> text = work_markdown("99")
>>> "For food, at first." in text, "Unsettled" in text, "(kept private)" in text
(True, False, True)
>>> from .exercises import QUESTIONS; del QUESTIONS["99.7"], QUESTIONS["99.8"]
"""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass
from pathlib import Path

from . import exercise_bank, exercises, journal
from .exercise_view import _heading, markdown_html
from .i18n import language, ui

__all__ = ["Item", "shared_by_default", "lesson_items", "work_markdown", "work_html", "work_paths", "write_work"]


@dataclass
class Item:
    """One entry of a lesson's work: its heading, prompt, the student's answer and whether it is shared.

    >>> Item("k", "Notes", "", "mine", False).shown()
    '(kept private)'
    """

    key: str
    title: str
    prompt: str
    answer: str
    share: bool
    saved: str = ""

    def shown(self) -> str:
        """What an export shows of the answer: the text if shared, else only that it is private.

        >>> Item("k", "Notes", "", "", True).shown()
        '(not answered)'
        """
        if not self.share:
            return ui("(kept private)")
        return self.answer if self.answer.strip() else ui("(not answered)")


def shared_by_default(q) -> bool:
    """Whether an exercise's answer goes into the export before the student chooses: all but reflections.

    >>> q = exercises.Question("9.1", "writing", hint="", explain="", tag="reflection")
    >>> shared_by_default(q), shared_by_default(exercises.Question("9.2", "number", hint="", explain=""))
    (False, True)
    """
    return q.tag != "reflection"


def _questions(lesson: str) -> list:
    found = dict(exercise_bank.lesson_exercises(lesson))
    for qid, q in exercises.QUESTIONS.items():
        if qid.startswith(lesson + ".") and qid not in found:
            found[qid] = q
    return list(found.values())


def answer_key(q) -> str:
    """The journal key that holds a student's answer to exercise ``q``.

    >>> answer_key(exercises.Question("9.2", "number", hint="", explain=""))
    'answer.9.2'
    """
    if q.kind == "writing":
        return q.journal_key or q.qid
    return f"answer.{q.qid}"


def lesson_items(lesson: str) -> list[Item]:
    """The lesson's exercises and labelled journal entries, with the student's answers and choices.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> journal.save("97.notes", "A thought.", label="Your notes")
    >>> [(i.title, i.share) for i in lesson_items("97")]
    [('Your notes', False)]
    """
    lesson = str(lesson).strip()
    stored = journal.entries()
    items, covered = [], set()
    for q in _questions(lesson):
        key = answer_key(q)
        covered.add(key)
        found = stored.get(key) or {}
        text = found.get("text", "")
        if q.kind == "choice" and text in q.options:
            text = q.options[text]
        share = found.get("share")
        share = shared_by_default(q) if share is None else bool(share)
        items.append(Item(key, _heading(q), q.prompt.strip(), text, share, found.get("saved", "")))
    for key, found in sorted(stored.items()):
        if key.startswith(lesson + ".") and key not in covered and found.get("label"):
            items.append(
                Item(key, found["label"], "", found.get("text", ""), bool(found.get("share")), found.get("saved", ""))
            )
    return items


def _intro(lesson: str) -> tuple[str, str]:
    title = ui("My work: lesson {lesson}", lesson=lesson)
    when = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    note = ui(
        "Exported from my Borderline journal on {when}. Entries I keep private are listed without their text.",
        when=when,
    )
    return title, note


def work_markdown(lesson: str, items: list[Item] | None = None) -> str:
    """The lesson's work as Markdown: each prompt and the shared answer (private ones only named).

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> work_markdown("99").splitlines()[0]
    '# My work: lesson 99'
    """
    items = lesson_items(lesson) if items is None else items
    title, note = _intro(lesson)
    lines = [f"# {title}", "", f"*{note}*", ""]
    if not items:
        lines += [ui("Nothing is saved for this lesson yet."), ""]
    for item in items:
        lines += [f"## {item.title}", ""]
        if item.prompt:
            lines += [item.prompt, ""]
        shown = item.shown()
        if item.share and item.answer.strip():
            quoted = [f"> {line}  " if line else ">" for line in shown.splitlines()]  # two spaces: a line break
            lines += [f"**{ui('My answer:')}**", "", *quoted, ""]
        else:
            lines += [f"*{shown}*", ""]
    return "\n".join(lines)


_PAGE_CSS = (
    "body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#222}"
    "section{border-top:1px solid #ccc;padding:.4em 0 .8em}"
    ".answer{white-space:pre-wrap;border-left:4px solid #0b6e4f;padding:.3em .8em;background:#f4faf7}"
    ".private,.missing{color:#555;font-style:italic}"
    ".print-note{color:#555;font-size:90%}"
    "@media print{.print-note{display:none}section{break-inside:avoid}}"
)


def work_html(lesson: str, items: list[Item] | None = None) -> str:
    """The lesson's work as one self-contained HTML page, ready to hand in or print to PDF.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> page = work_html("99"); page.startswith("<!DOCTYPE html>"), "<h1>My work: lesson 99</h1>" in page
    (True, True)
    """
    items = lesson_items(lesson) if items is None else items
    title, note = _intro(lesson)
    printing = ui("To make a PDF, print this page from your browser and choose Save as PDF.")
    parts = [f"<h1>{html.escape(title)}</h1>", f"<p><em>{html.escape(note)}</em></p>"]
    parts.append(f'<p class="print-note">{html.escape(printing)}</p>')
    if not items:
        parts.append(f"<p>{html.escape(ui('Nothing is saved for this lesson yet.'))}</p>")
    for item in items:
        shown = html.escape(item.shown())
        if item.share and item.answer.strip():
            answer = f'<p><b>{html.escape(ui("My answer:"))}</b></p><div class="answer">{shown}</div>'
        else:
            answer = f'<p class="{"missing" if item.share else "private"}">{shown}</p>'
        prompt = markdown_html(item.prompt) if item.prompt else ""
        parts.append(f"<section><h2>{html.escape(item.title)}</h2>{prompt}{answer}</section>")
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language())}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_PAGE_CSS}</style></head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body></html>\n"
    )


def work_paths(lesson: str) -> tuple[Path, Path]:
    """Where the lesson's work is written: ``my-work-NN.html`` and ``.md`` beside the journal.

    >>> import os; os.environ["BORDERLINE_JOURNAL"] = "/tmp/j/my-journal.json"
    >>> [p.name for p in work_paths("99")]
    ['my-work-99.html', 'my-work-99.md']
    """
    folder = journal.path().parent
    name = "my-work-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in str(lesson).strip())
    return folder / f"{name}.html", folder / f"{name}.md"


def write_work(lesson: str) -> tuple[Path, Path, list[Item]]:
    """Write the lesson's work (HTML and Markdown) beside the journal; returns both paths and the items.

    Raises ``journal.JournalError`` with a message to show if the journal cannot be read or the
    files cannot be written.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> page, text, items = write_work("97")
    >>> page.read_text(encoding="utf-8").count("<h1>"), text.exists(), items
    (1, True, [])
    """
    items = lesson_items(lesson)
    page, text = work_paths(lesson)
    try:
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(work_html(lesson, items), encoding="utf-8")
        text.write_text(work_markdown(lesson, items), encoding="utf-8")
    except OSError as exc:
        message = ui(
            "Borderline could not write {name} in {folder} ({reason}). Your journal is unchanged.",
            name=page.name,
            folder=str(page.parent),
            reason=exc.strerror or type(exc).__name__,
        )
        raise journal.JournalError(message) from None
    return page, text, items
