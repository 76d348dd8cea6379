"""Numbers as people type them: "3.5 million", "3,500,000", "3.5m", "about 11 500", "350만", "1.04%".

Nothing a student types is ever evaluated as code. A text that cannot be read as one number
raises :class:`AnswerError`, whose message says what to type instead.

>>> parse_number("about 3.5 million")
3500000.0
"""

from __future__ import annotations

import math
import re
import unicodedata

from .i18n import ui


class AnswerError(ValueError):
    """A typed answer that cannot be read as a number; the message says what to type.

    >>> try:
    ...     parse_number("lots")
    ... except AnswerError as exc:
    ...     print("digits" in str(exc))
    True
    """


_SCALES = {
    "thousand": 1e3,
    "thousands": 1e3,
    "k": 1e3,
    "000s": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "m": 1e6,
    "mil": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
}
_HEDGES = (
    r"(about|around|approximately|approx\.?|roughly|circa|ca\.?|c\.|nearly|almost|some|over|under|"
    r"more than|less than|at least|up to|maybe|perhaps|i think|it is|it's|its|=|~|≈|약|대략|약간|约|大约|大概)"
)
# Korean and Chinese number words after digits: 350만, 3.5억, 350万 (the digits are read, the unit multiplies).
_EAST_ASIAN_UNITS = {"만": 1e4, "万": 1e4, "萬": 1e4, "억": 1e8, "亿": 1e8, "億": 1e8, "천": 1e3, "千": 1e3}
_EAST_ASIAN = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([만万萬억亿億천千])")
_NUMERALS = re.compile(r"[一二三四五六七八九十百两零〇]|[일이삼사오육칠팔구십백]+\s*[만억천]")


def _east_asian(s: str) -> str:
    def scaled(m):
        value = float(m.group(1).replace(",", "")) * _EAST_ASIAN_UNITS[m.group(2)]
        return f"{value:.0f}" if value.is_integer() else repr(value)

    return _EAST_ASIAN.sub(scaled, s)


_NUMBER = re.compile(
    r"^(?P<num>[+-]?(\d{1,3}((,\d{3})+|( \d{3})+)|\d+)(\.\d+)?|[+-]?\.\d+)"
    r"\s*(?P<scale>[a-z0-9]+s?)?\s*(?P<rest>.*)$"
)


def normalise(text) -> str:
    """Text folded for comparison: Unicode compatibility forms, one kind of dash and space, lower case.

    >>> normalise("  ３,５００  Million ")
    '3,500 million'
    """
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
    >>> parse_number("약 350만 명")
    3500000.0
    >>> parse_number("350万")
    3500000.0
    >>> parse_number("2-3 million")
    Traceback (most recent call last):
    ...
    borderline.answers.AnswerError: That looks like a range (2-3 million). Type one number, for example the middle of the range.
    """
    if isinstance(text, bool):
        raise AnswerError(ui("Type a number, for example 3,500,000 or 3.5 million."))
    if isinstance(text, (int, float)):
        if math.isfinite(text):
            return float(text)
        raise AnswerError(ui("Type an ordinary number, for example 3,500,000."))
    shown = str(text).strip()[:60]
    m = _NUMBER.match(_cleaned(normalise(text), shown))
    if not m:
        raise AnswerError(
            ui(
                "I could not find a number in '{typed}'. Type digits, for example 3,500,000 or 3.5 million.",
                typed=shown,
            )
        )
    num = float(m.group("num").replace(",", "").replace(" ", ""))
    scale, rest = m.group("scale"), m.group("rest")
    if scale:
        if scale in _SCALES:
            num *= _SCALES[scale]
        elif not scale.isalpha() and scale not in ("%", "percent", "per"):
            raise AnswerError(
                ui("I could not read '{typed}' as one number. Type digits only, for example 11500.", typed=shown)
            )
        else:
            rest = scale + " " + rest  # a percent sign, or a unit word such as "deaths" or "people"
    if re.search(r"\d", rest.strip()):
        raise AnswerError(ui("I found more than one number in '{typed}'. Type just one.", typed=shown))
    return num


def _cleaned(raw: str, shown: str) -> str:
    """Typed text without hedges and East Asian units, or an AnswerError for what cannot be one number."""
    if not raw:
        raise AnswerError(ui("The answer is empty. Type a number, for example 3,500,000 or 3.5 million."))
    if _NUMERALS.search(raw):
        raise AnswerError(
            ui(
                "Write the number in digits ('{typed}' uses number words). For example 3,500,000, 3.5 million, 350만 or 350万.",
                typed=shown,
            )
        )
    s = _east_asian(raw)
    for _ in range(3):
        s = re.sub(rf"^{_HEDGES}\s*", "", s)
    s = s.rstrip(" .!?")
    if re.search(r"\d\s*(-|to|–)\s*\d", s):
        raise AnswerError(
            ui("That looks like a range ({typed}). Type one number, for example the middle of the range.", typed=shown)
        )
    # a decimal comma: "3,5 million" (a comma followed by one or two digits)
    return re.sub(r"^(\d+),(\d{1,2})(?!\d)", r"\1.\2", s)


def parse_percent(text) -> float:
    """Read a percentage; "1.04%", "1.04 percent" and "1.04" all give 1.04.

    >>> parse_percent("1.04 %")
    1.04
    >>> parse_percent("about 1 percent")
    1.0
    """
    if isinstance(text, str):
        cleaned = re.sub(r"\s*(%|per ?cent)\s*$", "", normalise(text))
        return parse_number(cleaned)
    return parse_number(text)
