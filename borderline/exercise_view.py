"""What a student sees of an exercise: its prompt, an answer box with Check and Hint, or a
writing box saved to the journal; and, in a separate cell, the collapsed model answer.

Everything shown comes from the lesson's ``exercises.yaml`` (see ``exercise_bank``).

>>> from .exercises import Question, register
>>> _ = register(Question("99.5", "number", hint="Rate times population.", explain="11,500.", answer=11_500,
...                       prompt="How many deaths a year?", model_answer="50 per 100,000 of 23 million."))
>>> box = exercise("99.5")
>>> box.controls["answer"].value = "11,500"
>>> box.controls["check"].click()
>>> "Correct" in box.text.value
True
>>> "<details" in model_answer("99.5")._repr_html_()
True
"""

from __future__ import annotations

import html
import os

import ipywidgets as w
import mistune
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import TextStyle

from . import exercises, journal
from .i18n import ui
from .widget_parts import LABEL_STYLE, column, row, shared
from .widget_parts import html as html_widget


def _html(value: str = "") -> w.HTML:
    return html_widget(value)


def _button(**kwargs) -> w.Button:
    return w.Button(layout=shared(), style=shared(w.ButtonStyle), **kwargs)


_MARKDOWN = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])


def markdown_html(text: str) -> str:
    """Lesson Markdown (from an exercises file) as HTML.

    >>> markdown_html("A **bold** claim [SOURCE_ID].")
    '<p>A <strong>bold</strong> claim [SOURCE_ID].</p>\\n'
    """
    return _MARKDOWN(str(text))


def _heading(q) -> str:
    if q.tag:
        return ui("Exercise {qid} ({tag}).", qid=q.qid, tag=ui(q.tag))
    return ui("Exercise {qid}.", qid=q.qid)


def prompt_html(q) -> str:
    """The exercise's heading and prompt as one HTML block (used by the widget and by printed pages).

    >>> q = exercises.Question("9.3", "number", hint="", explain="", answer=1, prompt="How many?")
    >>> "Exercise 9.3." in prompt_html(q) and "How many?" in prompt_html(q)
    True
    """
    body = markdown_html(f"**{_heading(q)}** {q.prompt.strip()}")
    return f'<div class="bl-prompt" id="exercise-{html.escape(q.qid)}">{body}</div>'


def _status(message: str) -> str:
    return f'<span style="color:#555;font-size:90%">{html.escape(message)}</span>'


def _answer_control(q, saved: str):
    if q.kind == "choice":
        return w.RadioButtons(
            options=[(label, k) for k, label in q.options.items()],
            value=saved if saved in q.options else None,
            description=q.label,
            style=shared(DescriptionStyle, **LABEL_STYLE),
            layout=shared(width="auto"),
        )
    return w.Text(
        value=saved,
        placeholder=ui(q.placeholder),
        description=q.label,
        style=shared(TextStyle, **LABEL_STYLE),
        continuous_update=False,
        layout=shared(width="420px"),
    )


def _prompt_css(q) -> str:
    """For a choice, the rule that lets a long option wrap beside its button (``widgets.base.RADIO_CSS``)."""
    from .widgets.base import RADIO_CSS

    return f"<style>{RADIO_CSS}</style>" if q.kind == "choice" else ""


def _box(children, controls, text, css):
    box = column(children, "bl-widget", css)
    box.controls, box.text, box.figure = controls, text, None
    return box


def _self_check(q) -> w.VBox:
    from .export import answer_key

    key = answer_key(q)  # the one rule for where an answer is kept (the export reads it back)
    try:
        saved, problem = journal.get(key), ""
    except journal.JournalError as exc:  # the widget still checks answers; the message says why nothing is kept
        saved, problem = "", str(exc)
    answer = _answer_control(q, saved)
    check_button = _button(
        description=ui("Check"),
        button_style="primary",
        icon="check",
        tooltip=ui("Check your answer to exercise {qid}", qid=q.qid),
    )
    hint_button = _button(
        description=ui("Hint"), icon="lightbulb-o", tooltip=ui("A hint that does not give the answer away")
    )
    feedback = _html(
        _journal_problem(problem)
        if problem
        else _status(ui("Saved answers stay in your journal after a restart."))
        if not saved
        else _status(ui("Your saved answer is filled in. Press Check to see the feedback again."))
    )

    def do_check(_=None):
        value = answer.value
        if value is None or str(value).strip() == "":
            feedback.value = exercises.Feedback(
                q.qid, False, ui("Type or choose an answer first."), kind="unreadable"
            )._repr_html_()
            return
        result = exercises.check(q.qid, value)._repr_html_()
        try:
            journal.save(key, str(value))
        except journal.JournalError as exc:
            result += _journal_problem(str(exc))
        feedback.value = result

    def do_hint(_=None):
        feedback.value = (
            f'<div class="bl-hint" role="status"><strong>{ui("Hint")}.</strong> {html.escape(q.hint)}</div>'
        )

    check_button.on_click(do_check)
    hint_button.on_click(do_hint)
    controls = {"answer": answer, "check": check_button, "hint": hint_button}
    return _box(
        [
            _html(_prompt_css(q) + prompt_html(q)),
            answer,
            row([check_button, hint_button]),
            feedback,
        ],
        controls,
        feedback,
        "bl-exercise",
    )


def _journal_problem(message: str) -> str:
    from .widgets.entry import problem_html

    return problem_html(message)


def _writing(q) -> w.VBox:
    from .export import answer_key, shared_by_default
    from .widgets import journal_entry

    default = q.placeholder == exercises.Question.placeholder
    entry = journal_entry(
        answer_key(q),
        q.label,
        rows=q.rows,
        placeholder=ui("Write here. It is saved as you go.") if default else q.placeholder,
        share=shared_by_default(q),
    )
    return _box([_html(prompt_html(q)), entry], entry.controls, entry.text, "bl-writing")


def exercise(qid: str):
    """The exercise ``qid`` as a widget: prompt, answer box and feedback (or a journal box for writing).

    The last answer is kept in the journal, so it is still there after a restart. While the
    handouts are built (``BORDERLINE_STATIC=1``) it returns a static view instead.

    >>> "There is no exercise" in exercise("no such id").value
    True
    """
    q = exercises._question(qid)
    if q is None:
        return w.HTML(f"<b>There is no exercise {html.escape(str(qid))}.</b> Check the number in the lesson.")
    if os.environ.get("BORDERLINE_STATIC") == "1":
        return StaticExercise(q)
    return _writing(q) if q.kind == "writing" else _self_check(q)


class StaticExercise:
    """An exercise on paper: the prompt, and the options if it has any (never the answer).

    >>> q = exercises.Question("9.4", "choice", hint="", explain="", answer="a", options={"a": "yes", "b": "no"},
    ...                        feedback={"a": "Correct: yes.", "b": "No."})
    >>> html_text = StaticExercise(q)._repr_html_()
    >>> "<li>yes</li>" in html_text and "Correct" not in html_text
    True
    """

    def __init__(self, q):
        self.q = q

    def _repr_html_(self) -> str:
        q, extra = self.q, ""
        if q.kind == "choice":
            items = "".join(f"<li>{html.escape(label)}</li>" for label in q.options.values())
            extra = f"<ul class='bl-options'>{items}</ul>"
        else:
            extra = f"<p class='bl-answer-line'>{html.escape(q.label)} ______________________</p>"
        return f'<div class="bl-static bl-exercise">{prompt_html(q)}{extra}</div>'


class ModelAnswer:
    """A model answer, collapsed until the reader opens it (in JupyterLab and in static HTML).

    >>> q = exercises.Question("9.5", "writing", hint="", explain="", model_answer="A *strong* answer.")
    >>> text = ModelAnswer(q)._repr_html_()
    >>> text.startswith('<details class="bl-solution">') and "<em>strong</em>" in text
    True
    """

    def __init__(self, q):
        self.q = q

    def _repr_html_(self) -> str:
        if not self.q.model_answer:
            return ""
        return (
            f'<details class="bl-solution"><summary><b>{ui("Model answer")}</b> '
            f"{ui('(try the exercise first, then click to open)')}</summary>\n\n"
            f"{markdown_html(self.q.model_answer)}\n</details>"
        )

    def __str__(self) -> str:
        return self.q.model_answer


def model_answer(qid: str):
    """The model answer of exercise ``qid``, collapsed (a cell tagged ``solution`` calls this).

    >>> "There is no exercise" in model_answer("no such id").value
    True
    """
    q = exercises._question(qid)
    if q is None:
        return w.HTML(f"<b>There is no exercise {html.escape(str(qid))}.</b>")
    return ModelAnswer(q)
