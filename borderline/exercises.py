"""Self-checks: typed answers in, feedback out, never a traceback.

Numbers are read the way people type them ("3.5 million", "3,500,000",
"3.5m", "about 11 500", "1.04%"). Nothing a student types is ever evaluated
as code, and anything echoed back is HTML-escaped.

>>> parse_number("about 3.5 million")
3500000.0
>>> parse_number("11 500 deaths")
11500.0
>>> _ = register(Question("99.5", "number", hint="Rate times population.", explain="11,500.", answer=11_500))
>>> check("99.5", "11,500").correct
True
>>> check("99.5", "lots").correct
False
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

from .answers import MAX_LENGTH, AnswerError, normalise, parse_number, parse_percent, shown
from .i18n import ui

__all__ = [
    "AnswerError",
    "parse_number",
    "parse_percent",
    "Feedback",
    "Question",
    "check",
    "hint",
    "QUESTIONS",
    "register",
]


@dataclass
class Feedback:
    """The result of a check. Shown as HTML in a notebook; ``str()`` gives plain text.

    >>> f = Feedback("9.1", False, "Not yet.", "<b>7</b>")
    >>> "&lt;b&gt;7&lt;/b&gt;" in f._repr_html_(), str(f)
    (True, 'Not yet.')
    """

    qid: str
    correct: bool
    message: str
    answer_text: str = ""
    kind: str = "checked"  # checked | unreadable | unknown

    def __post_init__(self):
        self.answer_text = shown(self.answer_text, 80)  # no control or bidi characters, never a page of text
        self.message = str(self.message)

    def _repr_html_(self) -> str:
        colour, icon = (
            ("#0b6e4f", "✔") if self.correct else (("#8a5a00", "?") if self.kind != "checked" else ("#a23b00", "✘"))
        )
        echoed = f" {ui('You typed:')} <code>{html.escape(self.answer_text)}</code>." if self.answer_text else ""
        return (
            f'<div class="bl-feedback" role="status" style="border-left:4px solid {colour};padding:4px 10px;">'
            f'<strong style="color:{colour}">{icon} {ui("Exercise {qid}.", qid=html.escape(self.qid))}</strong>{echoed} '
            f"{html.escape(self.message)}</div>"
        )

    def __str__(self) -> str:
        return self.message


@dataclass
class Question:
    """One self-check. ``kind`` is "number", "percent" or "choice".

    For numbers, ``answer`` and a relative ``tolerance``; ``wrong`` lists
    (value, message) pairs for common slips. For choices, ``options`` maps a key
    to its label and ``feedback`` gives one message per option. A lesson's questions
    are read from its ``exercises.yaml`` (see ``exercise_bank``).

    >>> q = Question("9.2", "number", hint="Divide.", explain="About 16.", answer=16, tolerance=0.06,
    ...              wrong=[(3_280_000, "That is the difference: divide.")])
    >>> q.check("15.9").correct, q.check("3,280,000").message
    (True, 'That is the difference: divide.')
    """

    qid: str
    kind: str
    hint: str
    explain: str
    answer: float | str | None = None
    tolerance: float = 0.03
    options: dict = field(default_factory=dict)
    feedback: dict = field(default_factory=dict)
    wrong: list = field(default_factory=list)
    label: str = "Your answer"
    placeholder: str = "type a number, e.g. 3.5 million"
    prompt: str = ""
    model_answer: str = ""
    tag: str = ""
    journal_key: str = ""
    rows: int = 4
    level: str = "core"
    minutes: int | None = None

    def check(self, given) -> Feedback:
        if self.kind == "writing":
            return Feedback(
                self.qid,
                True,
                ui(
                    "A writing exercise has no single right answer; your text is saved in "
                    "your journal. Compare it with the model answer when you have finished."
                ),
                given,
            )
        if self.kind == "choice":
            return self._check_choice(given)
        try:
            value = parse_percent(given) if self.kind == "percent" else parse_number(given)
        except AnswerError as exc:
            return Feedback(self.qid, False, str(exc), given, kind="unreadable")
        target = float(self.answer)
        if math.isclose(value, target, rel_tol=self.tolerance):
            return Feedback(self.qid, True, ui("Correct. ") + self.explain, given)
        for slip, message in self.wrong:
            if math.isclose(value, slip, rel_tol=self.tolerance):
                return Feedback(self.qid, False, message, given)
        how = self._how_to_write(given, value, target)
        if how:
            return Feedback(self.qid, False, how, given, kind="unreadable")
        direction = "too high" if value > target else "too low"
        return Feedback(self.qid, False, ui(f"Not yet: that is {direction}. Hint: {{hint}}", hint=self.hint), given)

    def _how_to_write(self, given, value: float, target: float) -> str:
        """A message on how to write the answer when the digits fit but the way of writing them does not."""
        typed = normalise(given)

        def fits(factor):
            return math.isclose(value * factor, target, rel_tol=self.tolerance)

        if self.kind == "percent" and not re.search(r"%|percent|퍼센트", typed) and fits(100):
            return ui("That looks like a fraction. This question asks for a percentage: multiply by 100 (0.25 is 25%).")
        if self.kind == "number" and re.fullmatch(r"\D*\d{1,3}\.\d{3}\D*", typed) and fits(1000):
            return ui("A dot is read as a decimal point here. For thousands write 2,500 or 2500, not 2.500.")
        if self.kind == "number" and target >= 1000 and not re.search(r"[a-z]", typed) and (fits(1e3) or fits(1e6)):
            return ui(
                "Not yet as written. If you mean thousands or millions, write the word or every digit: "
                "2.5 thousand, 1.2 million or 1,200,000."
            )
        return ""

    def _check_choice(self, given) -> Feedback:
        typed = normalise(given) if len(str(given)) <= 5 * MAX_LENGTH else ""
        lookup = {normalise(k): k for k in self.options} | {normalise(v): k for k, v in self.options.items()}
        key = lookup.get(typed, typed)
        if key not in self.options:
            return Feedback(
                self.qid,
                False,
                ui("Choose one of the options: {options}.", options=", ".join(self.options)),
                given,
                kind="unreadable",
            )
        right = key == self.answer
        message = self.feedback.get(key, "")
        if right:
            message = ui("Correct. ") + message
        return Feedback(self.qid, right, message, self.options[key])


QUESTIONS: dict[str, Question] = {}


def register(question: Question) -> Question:
    """Add a self-check to the register that ``check`` and the exercise widget use.

    >>> q = register(Question("99.9", "number", hint="h", explain="e", answer=1))
    >>> check("99.9", "1").correct
    True
    >>> del QUESTIONS["99.9"]
    """
    QUESTIONS[question.qid] = question
    return question


def _question(qid) -> Question | None:
    """A registered question, else the one in its lesson's exercises.yaml (see exercise_bank)."""
    from . import exercise_bank

    key = str(qid).strip()
    return QUESTIONS.get(key) or exercise_bank.find(key)


def check(qid, answer) -> Feedback:
    """Check an answer to exercise ``qid``; always returns Feedback, never raises.

    >>> _ = register(Question("99.1", "number", hint="Divide the larger by the smaller.", explain="", answer=16))
    >>> check("99.1", "16").correct
    True
    >>> print(check("99.1", "<b>16</b>").answer_text)
    <b>16</b>
    >>> "&lt;b&gt;" in check("99.1", "<b>16</b>")._repr_html_()
    True
    """
    try:
        q = _question(qid)
        if q is None:
            return Feedback(
                str(qid)[:20],
                False,
                ui("There is no exercise with that number. Check the number in the exercise's heading."),
                kind="unknown",
            )
        return q.check(answer)
    except Exception as exc:  # a self-check must never show a traceback
        if type(exc).__name__ == "ExerciseFileError":  # the lesson's exercises.yaml needs fixing: say where
            return Feedback(str(qid)[:20], False, f"This exercise cannot be checked: {exc}", kind="unknown")
        return Feedback(
            str(qid)[:20],
            False,
            f"Something went wrong while checking ({type(exc).__name__}). Try typing the answer again as plain digits.",
            _safe_text(answer),
            kind="unreadable",
        )


def _safe_text(answer) -> str:
    try:
        return str(answer)
    except Exception:  # an object whose str() fails is echoed as nothing
        return ""


def hint(qid) -> str:
    """The hint for an exercise (it points the way without giving the answer).

    >>> _ = register(Question("99.2", "number", hint="Divide the larger by the smaller.", explain="", answer=16))
    >>> "Divide" in hint("99.2")
    True
    """
    q = _question(qid)
    return q.hint if q else "There is no exercise with that number."
