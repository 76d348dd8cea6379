"""A first answer to the central question, and the answer at the end beside it, both kept in the journal.

The lesson names the journal keys, so this module knows no lesson: ``opening_position(key)``
saves under ``key`` (and ``key.position``, ``key.why``); ``final_position(key, opening=...)``
shows what was saved under ``opening``. Keys follow the convention ``NN.name``, ``NN`` being
the lesson that writes them. The choices are the ``opening_position.choice`` rows of labels.csv.

>>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
>>> first = list(data.labels("opening_position.choice"))[0]
>>> box = opening_position("t.opening")
>>> box.controls["position"].value = first
>>> journal.get("t.opening").startswith(data.shorts("opening_position.choice")[first] + ". Why:")
True
"""

from __future__ import annotations

import html

import ipywidgets as w

from .. import data, journal, registry
from ..i18n import ui
from ..widget_parts import html as html_widget
from ..widget_parts import shared
from .base import LABEL_STYLE, StaticView, box_of, status, view
from .entry import journal_entry, journal_entry_static, problem_html, saved_message, share_checkbox, share_message

CHOICES = "opening_position.choice"


def _lesson_of(key: str) -> str:
    return key.split(".")[0]


@registry.uses()
@view
def opening_position(key: str, revisit: str | None = None) -> w.VBox:
    """The student's first answer to the central question, saved under ``key``.

    ``revisit`` names the lesson that shows it again, for the note under the box.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> box = opening_position("t.opening")
    >>> box.controls["why"].value = "Some fled hunger, some persecution."
    >>> journal.get("t.opening.why")
    'Some fled hunger, some persecution.'
    """
    labels, shorts = data.labels(CHOICES), data.shorts(CHOICES)
    problem = ""
    try:
        saved, reason, share = journal.get(key + ".position"), journal.get(key + ".why"), journal.shared(key)
    except journal.JournalError as exc:
        saved, reason, share, problem = "", "", False, str(exc)
    position = w.RadioButtons(
        options=[(label, v) for v, label in labels.items()],
        value=saved if saved in labels else None,
        description=ui("Where do you stand today?"),
        style=LABEL_STYLE,
        layout=shared(width="auto"),
    )
    later = " " + ui("You will come back to this in lesson {lesson}.", lesson=revisit) if revisit else ""
    why = w.Textarea(
        value=reason,
        rows=3,
        continuous_update=False,
        description=ui("Why, in a sentence or two?"),
        style=LABEL_STYLE,
        layout=w.Layout(width="95%"),
        placeholder=ui("There is no wrong answer today.") + later,
    )
    share_box = share_checkbox(share)
    message = html_widget(
        problem_html(problem) if problem else saved_message(ui("Saved.") if saved else ui("Not saved yet."))
    )
    again = " " + ui("Lesson {lesson} will show it to you again.", lesson=revisit) if revisit else ""

    def do_save(_=None):
        try:
            journal.save(key + ".why", why.value)
            if position.value is None:
                message.value = status(ui("Choose a position first; the reason is saved with it."))
                return
            journal.save(key + ".position", position.value)
            reason = why.value.strip() or ui("(no reason given)")
            text = ui("{position}. Why: {reason}", position=shorts[position.value], reason=reason)
            journal.save(key, text, share=share_box.value, label=ui("Your opening position"))
        except journal.JournalError as exc:
            message.value = problem_html(str(exc))
            return
        message.value = saved_message(ui("Saved in your journal.") + again)

    def do_share(_=None):
        try:
            journal.set_share(key, share_box.value)
        except journal.JournalError as exc:
            message.value = problem_html(str(exc))
            return
        message.value = saved_message(share_message(share_box.value))

    position.observe(do_save, names="value")
    why.observe(do_save, names="value")
    share_box.observe(do_share, names="value")
    return box_of(
        [position, why, share_box, message],
        {"position": position, "why": why, "share": share_box},
        None,
        message,
        "bl-opening",
        probe=False,
    )


@registry.static_view(opening_position)
def opening_position_static(key: str, revisit: str | None = None) -> StaticView:
    """The opening position in the handouts: the choices to tick and lines for the reason.

    >>> opening_position_static("k")._repr_html_().count("☐") == len(data.labels(CHOICES))
    True
    """
    items = "".join(f"<li>☐ {html.escape(label)}</li>" for label in data.labels(CHOICES).values())
    return StaticView(
        ui("Your opening position"),
        f"<ul style='list-style:none'>{items}</ul>",
        journal_entry_static("", ui("Why, in a sentence or two?")).parts[0],
    )


@registry.uses()
@view
def final_position(key: str, opening: str) -> w.VBox:
    """The answer saved under ``opening`` beside a box for the answer now, saved under ``key``.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> box = final_position("t.final", opening="t.opening")
    >>> box.controls["final"].value = "It depends; but no return to torture."
    >>> journal.get("t.final")
    'It depends; but no return to torture.'
    """
    lesson = html.escape(_lesson_of(opening))
    try:
        saved, problem = journal.get(opening), ""
    except journal.JournalError as exc:
        saved, problem = "", str(exc)
    missing = ui("No opening answer is saved in your journal (lesson {lesson}). Answer anyway.", lesson=lesson)
    shown = html.escape(saved) if saved else (problem_html(problem) if problem else f"<i>{missing}</i>")
    label = html.escape(ui("Your opening answer"), quote=True)
    then = html_widget(
        f"<div class='bl-card' role='region' aria-label='{label}'><b>{_answer_in(lesson)}</b><p>{shown}</p></div>"
    )
    box = journal_entry(key, ui("Your answer now, with evidence from each lesson:"), rows=8, share=True)
    box.controls["text"].layout.width = "98%"
    controls = {"final": box.controls["text"], "share": box.controls["share"]}
    return box_of([then, box], controls, None, box.text, "bl-final", probe=False)


def _answer_in(lesson: str) -> str:
    return ui("Your answer in lesson {lesson}:", lesson=lesson)


@registry.static_view(final_position)
def final_position_static(key: str, opening: str) -> StaticView:
    """The final position in the handouts: a line for the opening answer and lines for the answer now.

    >>> "Your answer now" in final_position_static("k", "n.opening")._repr_html_()
    True
    """
    return StaticView(
        ui("Your answer now"),
        f"<p><b>{_answer_in(html.escape(_lesson_of(opening)))}</b> ____________________</p>",
        journal_entry_static("", ui("Your answer now, with evidence from each lesson:"), rows=8).parts[0],
    )
