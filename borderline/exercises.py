"""Self-checks: typed answers in, feedback out, never a traceback.

Numbers are read the way people type them ("3.5 million", "3,500,000",
"3.5m", "about 11 500", "1.04%"). Nothing a student types is ever evaluated
as code, and anything echoed back is HTML-escaped.

>>> parse_number("about 3.5 million")
3500000.0
>>> parse_number("11 500 deaths")
11500.0
>>> check("01.5", "11,500").correct
True
>>> check("01.5", "lots").correct
False
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["AnswerError", "parse_number", "parse_percent", "Feedback", "Question", "check", "hint", "QUESTIONS",
           "register"]


class AnswerError(ValueError):
    """A typed answer that cannot be read as a number; the message says what to type."""


_SCALES = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "000s": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mio": 1e6, "m": 1e6, "mil": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9,
}
_HEDGES = r"(about|around|approximately|approx\.?|roughly|circa|ca\.?|c\.|nearly|almost|some|over|under|" \
          r"more than|less than|at least|up to|maybe|perhaps|i think|it is|it's|its|=|~|≈)"
_NUMBER = re.compile(r"^(?P<num>[+-]?(\d{1,3}((,\d{3})+|( \d{3})+)|\d+)(\.\d+)?|[+-]?\.\d+)"
                     r"\s*(?P<scale>[a-z0-9]+s?)?\s*(?P<rest>.*)$")


def _normalise(text) -> str:
    text = unicodedata.normalize("NFKC", str(text))
    text = text.replace("\u2212", "-").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(?<=\d)'(?=\d{3})", "", text).replace("\u2019", "'")
    text = re.sub(r"[\u00a0\u2009\u202f\u2007]", " ", text)
    return " ".join(text.strip().lower().split())


def parse_number(text) -> float:
    """Read one number from what a person typed.

    >>> parse_number("3,500,000")
    3500000.0
    >>> parse_number("3.5m")
    3500000.0
    >>> parse_number("~2.1 Million people")
    2100000.0
    >>> parse_number("220k")
    220000.0
    >>> parse_number("3,5 million")
    3500000.0
    >>> parse_number("2-3 million")
    Traceback (most recent call last):
    ...
    borderline.exercises.AnswerError: That looks like a range (2-3 million). Type one number, for example the middle of the range.
    """
    if isinstance(text, bool):
        raise AnswerError("Type a number, for example 3,500,000 or 3.5 million.")
    if isinstance(text, (int, float)):
        if math.isfinite(text):
            return float(text)
        raise AnswerError("Type an ordinary number, for example 3,500,000.")
    raw = _normalise(text)
    shown = str(text).strip()[:60]
    if not raw:
        raise AnswerError("The answer is empty. Type a number, for example 3,500,000 or 3.5 million.")
    s = raw
    for _ in range(3):
        s = re.sub(rf"^{_HEDGES}\s*", "", s)
    s = s.rstrip(" .!?")
    if re.search(r"\d\s*(-|to|–)\s*\d", s):
        raise AnswerError(f"That looks like a range ({shown}). Type one number, for example the middle of the range.")
    # a decimal comma: "3,5 million" (a comma followed by one or two digits)
    s = re.sub(r"^(\d+),(\d{1,2})(?!\d)", r"\1.\2", s)
    m = _NUMBER.match(s)
    if not m:
        raise AnswerError(f"I could not find a number in '{shown}'. Type digits, for example 3,500,000 or 3.5 million.")
    num = float(m.group("num").replace(",", "").replace(" ", ""))
    scale, rest = m.group("scale"), m.group("rest")
    if scale:
        if scale in _SCALES:
            num *= _SCALES[scale]
        elif scale in ("%", "percent", "per"):
            rest = scale + " " + rest
        elif not scale.isalpha():
            raise AnswerError(f"I could not read '{shown}' as one number. Type digits only, for example 11500.")
        else:
            rest = scale + " " + rest  # a unit word such as "deaths" or "people"
    rest = rest.strip()
    if re.search(r"\d", rest):
        raise AnswerError(f"I found more than one number in '{shown}'. Type just one.")
    return num


def parse_percent(text) -> float:
    """Read a percentage; "1.04%", "1.04 percent" and "1.04" all give 1.04.

    >>> parse_percent("1.04 %")
    1.04
    >>> parse_percent("about 1 percent")
    1.0
    """
    if isinstance(text, str):
        cleaned = re.sub(r"\s*(%|per ?cent)\s*$", "", _normalise(text))
        return parse_number(cleaned)
    return parse_number(text)


@dataclass
class Feedback:
    """The result of a check. Shown as HTML in a notebook; ``str()`` gives plain text."""

    qid: str
    correct: bool
    message: str
    answer_text: str = ""
    kind: str = "checked"  # checked | unreadable | unknown

    def _repr_html_(self) -> str:
        colour, icon = ("#0b6e4f", "✔") if self.correct else (("#8a5a00", "?") if self.kind != "checked" else ("#a23b00", "✘"))
        echoed = f" You typed: <code>{html.escape(self.answer_text)}</code>." if self.answer_text else ""
        return (f'<div class="bl-feedback" role="status" style="border-left:4px solid {colour};padding:4px 10px;">'
                f'<strong style="color:{colour}">{icon} Exercise {html.escape(self.qid)}.</strong>{echoed} '
                f"{html.escape(self.message)}</div>")

    def __str__(self) -> str:
        return self.message


@dataclass
class Question:
    """One self-check. ``kind`` is "number", "percent" or "choice".

    For numbers, ``answer`` and a relative ``tolerance``; ``wrong`` lists
    (value, message) pairs for common slips. For choices, ``options`` maps a key
    to its label and ``feedback`` gives one message per option.
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

    def check(self, given) -> Feedback:
        if self.kind == "writing":
            return Feedback(self.qid, True, "A writing exercise has no single right answer; your text is saved in "
                            "your journal. Compare it with the model answer when you have finished.",
                            str(given).strip()[:80])
        if self.kind == "choice":
            return self._check_choice(given)
        shown = str(given).strip()[:80]
        try:
            value = parse_percent(given) if self.kind == "percent" else parse_number(given)
        except AnswerError as exc:
            return Feedback(self.qid, False, str(exc), shown, kind="unreadable")
        target = float(self.answer)
        if math.isclose(value, target, rel_tol=self.tolerance):
            return Feedback(self.qid, True, "Correct. " + self.explain, shown)
        for slip, message in self.wrong:
            if math.isclose(value, slip, rel_tol=self.tolerance):
                return Feedback(self.qid, False, message, shown)
        direction = "too high" if value > target else "too low"
        return Feedback(self.qid, False, f"Not yet: that is {direction}. Hint: {self.hint}", shown)

    def _check_choice(self, given) -> Feedback:
        typed = _normalise(given)
        lookup = {_normalise(k): k for k in self.options} | {_normalise(v): k for k, v in self.options.items()}
        key = lookup.get(typed, typed)
        if key not in self.options:
            return Feedback(self.qid, False, "Choose one of the options: " + ", ".join(self.options) + ".",
                            str(given)[:80], kind="unreadable")
        right = key == self.answer
        message = self.feedback.get(key, "")
        if right:
            message = "Correct. " + message
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

    >>> check("01.1", "16").correct
    True
    >>> print(check("01.1", "<b>16</b>").answer_text)
    <b>16</b>
    >>> "&lt;b&gt;" in check("01.1", "<b>16</b>")._repr_html_()
    True
    """
    try:
        q = _question(qid)
        if q is None:
            return Feedback(str(qid)[:20], False, "There is no exercise with that number. Check the number in the "
                            "exercise's heading, for example \"01.1\".", kind="unknown")
        return q.check(answer)
    except Exception as exc:  # a self-check must never show a traceback
        return Feedback(str(qid)[:20], False, f"Something went wrong while checking ({type(exc).__name__}). "
                        "Try typing the answer again as plain digits.", str(answer)[:80], kind="unreadable")


def hint(qid) -> str:
    """The hint for an exercise (it points the way without giving the answer).

    >>> "divide" in hint("01.1")
    True
    """
    q = _question(qid)
    return q.hint if q else "There is no exercise with that number."
