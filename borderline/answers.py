"""Numbers as people type them: "3.5 million", "3,500,000", "3.5m", "about 11 500", "350만", "三百五十万", "1.04%".

Nothing a student types is ever evaluated as code. A text that cannot be read as one number
raises :class:`AnswerError`, whose message says what to type instead. Control, bidi and
zero-width characters are dropped, and an answer longer than ``MAX_LENGTH`` characters is
refused before it is read.

>>> parse_number("about 3.5 million")
3500000.0
>>> parse_number("三百五十万")
3500000.0
"""

from __future__ import annotations

import math
import re
import unicodedata

from .i18n import ui

MAX_LENGTH = 200  # characters; a longer answer is refused with a message before any parsing


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
    "lakh": 1e5,
    "lakhs": 1e5,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "m": 1e6,
    "mil": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
}
_HEDGES = (
    r"(about|around|approximately|approx\.?|roughly|circa|ca\.?|c\.|nearly|almost|some|over|under|"
    r"more than|less than|at least|up to|maybe|perhaps|i think|it is|it's|its|=|~|≈|약|대략|약간|"
    r"总共|一共|总计|合计|共|大约|大概|差不多|将近|約|约)"
)

# --- Korean and Chinese numbers: 350만, 3.5억, 1만 1500, 三百五十万, 三百五十萬, 삼백오십만 -----------------
_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_HANGUL_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "십": 10, "백": 100, "천": 1000}
_BIG = {"万": 1e4, "萬": 1e4, "만": 1e4, "亿": 1e8, "億": 1e8, "억": 1e8}
_ALL_DIGITS = _DIGITS | _HANGUL_DIGITS
_CJK = "".join(_ALL_DIGITS) + "".join(_SMALL) + "".join(_BIG)
_STARTS = "".join(_ALL_DIGITS) + "".join(_SMALL)
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CJK_TOKEN = re.compile(rf"(?:{_ARABIC}|[{_STARTS}])(?:{_ARABIC}|[{_CJK}]|(?<=[{''.join(_BIG)}])\s+(?=\d))*")
_HANGUL_ONLY = re.compile(rf"[{''.join(_HANGUL_DIGITS)}십백천만억]+")
_SYLLABLE = re.compile(r"[가-힣]")
_COUNTERS = set("명건개원회번년세")


def _cjk_value(token: str) -> float | None:
    """The value of one Korean or Chinese number (digits may be Arabic), or None if it is not well formed."""
    total, section, current, last_big, last_small, digit_run = 0.0, 0.0, None, math.inf, math.inf, False
    for piece in re.findall(rf"{_ARABIC}|\S", token):
        if piece[0].isdigit():
            if current is not None:
                return None
            current, digit_run = float(piece.replace(",", "")), False
        elif piece in _ALL_DIGITS:
            if current is not None and not digit_run:
                return None
            current, digit_run = (current or 0) * 10 + _ALL_DIGITS[piece], True
        elif piece in _SMALL:
            unit = _SMALL[piece]
            if unit >= last_small:
                return None
            section += (1 if current is None else current) * unit
            current, last_small, digit_run = None, unit, False
        else:
            unit = _BIG[piece]
            if unit >= last_big or (current is None and section == 0):
                return None
            total += (section + (current or 0)) * unit
            section, current, last_big, last_small, digit_run = 0.0, None, unit, math.inf, False
    return total + section + (current or 0)


def _plain(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def _east_asian(s: str, shown: str) -> str:
    """``s`` with each Korean or Chinese number replaced by its digits ("350만" becomes "3500000")."""
    s = re.sub(rf"百分之\s*((?:{_ARABIC}|[{_CJK}])+)", r"\1%", s)  # 百分之三十五: 35%
    out, pos = [], 0
    for m in _CJK_TOKEN.finditer(s):
        token = m.group()
        if not re.search(f"[{_CJK}]", token):
            continue  # plain digits, read later
        if _HANGUL_ONLY.fullmatch(token):  # 삼백오십만, but not the 이 of 명이 or the 사 of 사람
            before = s[m.start() - 1] if m.start() else " "
            after = s[m.end()] if m.end() < len(s) else " "
            unit = re.search("[십백천만억]", token)
            if not unit or _SYLLABLE.match(before) or (_SYLLABLE.match(after) and after not in _COUNTERS):
                continue
        value = _cjk_value(token)
        if value is None:
            raise AnswerError(
                ui(
                    "Write the number in digits ('{typed}' uses number words). For example 3,500,000, 3.5 million, 350만 or 350万.",
                    typed=shown,
                )
            )
        out += [s[pos : m.start()], _plain(value)]
        pos = m.end()
    return "".join(out + [s[pos:]])


_NUMBER = re.compile(
    r"^(?P<num>[+-]?(\d{1,3}((,\d{3})+|( \d{3})+)|\d+)(\.\d+)?|[+-]?\.\d+)"
    r"\s*(?P<scale>[a-z0-9]+s?)?\s*(?P<rest>.*)$"
)
_FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75"}


def visible(text) -> str:
    """Text without control, bidi, zero-width or other invisible characters (tabs and newlines become spaces).

    >>> visible("3\\u200b500\\u202e\\tpeople")
    '3500 people'
    """
    out = []
    for ch in str(text):
        category = unicodedata.category(ch)
        if category[0] != "C":
            out.append(ch)
        elif ch in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85":
            out.append(" ")
    return "".join(out)


def shown(text, limit: int = 60) -> str:
    """What may be echoed back of a typed answer: visible characters only, at most ``limit`` of them.

    >>> shown("  350\\u202e만  ")
    '350만'
    >>> shown("9" * 100, limit=10)
    '999999999…'
    """
    s = " ".join(visible(str(text)[: limit * 4]).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def normalise(text) -> str:
    """Text folded for comparison: Unicode compatibility forms, one kind of dash and space, lower case.

    >>> normalise("  ３,５００  Million ")
    '3,500 million'
    >>> normalise("3½ m")
    '3.5 m'
    """
    text = re.sub(r"(?<=\d)\s*([½¼¾])", lambda m: _FRACTIONS[m.group(1)], str(text))
    text = unicodedata.normalize("NFKC", visible(text))
    text = re.sub(r"[\u2010-\u2015\u2212\ufe58\ufe63]", "-", text)
    text = text.replace("\u066b", ".").replace("\u066c", ",")  # Arabic decimal and thousands separators
    text = re.sub(r"(?<=\d)'(?=\d{3})", "", text).replace("\u2019", "'")
    text = re.sub(r"[\u00a0\u2009\u202f\u2007]", " ", text)
    return " ".join(text.strip().lower().split())


def _too_long(text: str) -> None:
    if len(text) > MAX_LENGTH:
        raise AnswerError(
            ui(
                "That answer is too long ({count} characters): write just the number, for example 3,500,000 or 3.5 million.",
                count=f"{len(text):,}",
            )
        )


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
    >>> parse_number("350万"), parse_number("1만 1500"), parse_number("三百五十萬")
    (3500000.0, 11500.0, 3500000.0)
    >>> parse_number("2-3 million")
    Traceback (most recent call last):
    ...
    borderline.answers.AnswerError: That looks like a range (2-3 million). Type one number, for example the middle of the range.
    >>> parse_number("1e309")
    Traceback (most recent call last):
    ...
    borderline.answers.AnswerError: I could not read '1e309': it has an exponent. Write the number out, for example 3,500,000 or 3.5 million.
    """
    if isinstance(text, bool):
        raise AnswerError(ui("Type a number, for example 3,500,000 or 3.5 million."))
    if isinstance(text, (int, float)):
        try:
            if math.isfinite(text):
                return float(text)
        except OverflowError:
            pass
        raise AnswerError(ui("Type an ordinary number, for example 3,500,000."))
    raw = str(text)
    _too_long(raw)
    typed = shown(raw)
    cleaned = _cleaned(normalise(raw), typed)
    m = _NUMBER.match(cleaned)
    if not m:
        if re.search(r"\d", cleaned):
            raise AnswerError(
                ui(
                    "I could not read '{typed}': start the answer with the number, for example 3,500,000 or 3.5 million.",
                    typed=typed,
                )
            )
        raise AnswerError(
            ui(
                "I could not find a number in '{typed}'. Type digits, for example 3,500,000 or 3.5 million.",
                typed=typed,
            )
        )
    num = float(m.group("num").replace(",", "").replace(" ", ""))
    scale, rest = m.group("scale"), m.group("rest")
    if scale:
        if scale in _SCALES:
            num *= _SCALES[scale]
        elif not scale.isalpha() and scale not in ("%", "percent", "per"):
            raise AnswerError(
                ui("I could not read '{typed}' as one number. Type digits only, for example 11500.", typed=typed)
            )
        else:
            rest = scale + " " + rest  # a percent sign, or a unit word such as "deaths" or "people"
    if re.search(r"\d", rest.strip()):
        raise AnswerError(ui("I found more than one number in '{typed}'. Type just one.", typed=typed))
    if not math.isfinite(num):
        raise AnswerError(ui("Type an ordinary number, for example 3,500,000."))
    return num


def _cleaned(raw: str, shown: str) -> str:
    """Typed text without hedges and East Asian units, or an AnswerError for what cannot be one number."""
    if not raw:
        raise AnswerError(ui("The answer is empty. Type a number, for example 3,500,000 or 3.5 million."))
    if re.search(r"\d\s*e\s*[+-]?\s*\d|\d\s*[x×*]\s*10\s*(\^|\*\*)", raw):
        raise AnswerError(
            ui(
                "I could not read '{typed}': it has an exponent. Write the number out, for example 3,500,000 or 3.5 million.",
                typed=shown,
            )
        )
    s = _east_asian(raw, shown)
    for _ in range(3):
        s = re.sub(rf"^{_HEDGES}\s*", "", s)
    s = s.rstrip(" .!?")
    if re.search(r"\d\s*(-|to|~|至|到|에서|부터|or)\s*[+-]?\.?\d", s) or re.search(r"\bbetween\b.*\d.*\band\b.*\d", s):
        raise AnswerError(
            ui("That looks like a range ({typed}). Type one number, for example the middle of the range.", typed=shown)
        )
    s = re.sub(r"^\d{1,3}(?:\.\d{3}){2,}(?![\d.,])", lambda m: m.group().replace(".", ""), s)  # 3.500.000
    s = re.sub(r"^(\d{1,2}(?:,\d{2})+,\d{3})(?![\d,])", lambda m: m.group(1).replace(",", ""), s)  # 35,00,000
    # a decimal comma: "3,5 million" (a comma followed by one or two digits)
    return re.sub(r"^(\d+),(\d{1,2})(?!\d)", r"\1.\2", s)


def parse_percent(text) -> float:
    """Read a percentage; "1.04%", "1.04 percent" and "1.04" all give 1.04.

    >>> parse_percent("1.04 %")
    1.04
    >>> parse_percent("about 1 percent"), parse_percent("百分之三十五"), parse_percent("35퍼센트")
    (1.0, 35.0, 35.0)
    """
    if isinstance(text, str):
        _too_long(text)
        s = normalise(text)
        if "百分之" in s:
            s = _east_asian(s, shown(text))
        return parse_number(re.sub(r"\s*(%|per ?cent|퍼센트|프로)\s*$", "", s))
    return parse_number(text)
