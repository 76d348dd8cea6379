"""Every registered exercise against hostile and odd typed answers.

No exception reaches the student, nothing echoed is unescaped or invisible, a very long answer is
refused before it is read, and a right answer written in a common other way ("3.5m", "3,500,000",
"350만", "三百五十万", full-width digits, "35%" for a percentage) is accepted, or gets a message saying
how to write it. Check times are measured in tests/bench.py (``bench_answers``), not here.
"""

from __future__ import annotations

import math
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borderline import answers, exercise_bank, exercises
from borderline.exercises import check

EXERCISES = exercise_bank.all_exercises()
NUMERIC = [q for q in EXERCISES.values() if q.kind in ("number", "percent")]
MEGABYTE = 1_000_000

HOSTILE = [
    "",
    " ",
    "\x00",
    "\x00" * 50,
    "1" * MEGABYTE,
    "x" * MEGABYTE,
    "3.5 million " + "a" * MEGABYTE,
    "9" * 199,
    "9" * 400,
    "1e309",
    "-1e309",
    "1E6",
    "3.5×10^6",
    "inf",
    "-inf",
    "nan",
    "NaN",
    "Infinity",
    "∞",
    "ＮａＮ",
    "１２３",
    "３，５００，０００",
    "٣٥٠",
    "३५०",
    "𝟑𝟓𝟎",
    "①",
    "350만",
    "三百五十万",
    "三百五十萬",
    "삼백오십만",
    "五百三千",
    "百分之三十五",
    "3-4 million",
    "3–4 million",
    "between 3 and 4 million",
    "300만~400만",
    "35%",
    "0.35",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>16",
    "16<script>alert(1)</script>",
    "</code><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "&lt;script&gt;",
    "{typed}",
    "{0}{1}{__class__}",
    "{qid.__class__.__init__.__globals__}",
    "%s%s%n",
    "\u202e16\u202c",
    "\u202e</code><script>",
    "\u200b16\u200b",
    "16\u2066",
    "\ufeff16",
    "\r\n16\t",
    "\u2028\u2029",
    "\udcff16",
    "🙂",
    "﷽",
    "0x1F",
    "1_000",
    "--5",
    "++5",
    "1,5",
    "1.5.5",
    "__import__('os').system('true')",
]
ODD_TYPES = [None, True, False, 0, -1, 10**400, float("nan"), float("inf"), -0.0, b"16", [16], {"a": 1}, 3 + 4j]

# characters a hostile answer is built from: digits of many scripts, CJK numerals, markup, controls
PIECES = st.sampled_from(
    list("0123456789,. -+%~<>&\"'{}\\/e")
    + list("０１２３４５６７８９٣३𝟑①½")
    + list("一二三四五六七八九十百千万萬亿億만억천백십삼오")
    + ["\u202e", "\u200b", "\x00", "\n", "\ufeff", "\u2066", "<script>", "</code>", "{typed}", "%s"]
    + ["million", "m", "k", "thousand", "about", "people", "명", "人", "to", "between", "and"]
)
HOSTILE_TEXT = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.lists(PIECES, max_size=12).map("".join),
    st.builds(lambda n, junk: f"{n}{junk}", st.integers(-(10**30), 10**30), st.lists(PIECES, max_size=4).map("".join)),
)
ANYTHING = st.one_of(HOSTILE_TEXT, st.sampled_from(ODD_TYPES), st.floats(), st.integers())


def _assert_safe(feedback, answer):
    """What a student sees of any answer: no traceback message, escaped markup, nothing invisible."""
    assert isinstance(feedback, exercises.Feedback)
    assert isinstance(feedback.correct, bool)
    assert "Something went wrong" not in feedback.message, (answer, feedback.message)
    assert feedback.message.strip(), answer
    page = feedback._repr_html_()
    for tag in ("<script", "<img", "<svg", "</code><"):
        assert tag not in page.lower(), (answer, page)
    assert len(feedback.answer_text) <= 80
    hidden = [c for c in feedback.answer_text + feedback.message if unicodedata.category(c) in ("Cc", "Cf", "Cs")]
    assert not hidden, (answer, hidden)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(EXERCISES)), ANYTHING)
def test_any_answer_to_any_exercise_is_answered_safely(qid, answer):
    _assert_safe(check(qid, answer), answer)


@pytest.mark.parametrize("answer", HOSTILE + ODD_TYPES, ids=lambda a: repr(a)[:30])
def test_every_exercise_answers_each_hostile_case(answer):
    for qid in EXERCISES:
        _assert_safe(check(qid, answer), answer)


def test_markup_is_echoed_escaped():
    for q in NUMERIC:
        page = check(q.qid, "<script>alert(1)</script>")._repr_html_()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_huge_answer_is_refused_before_it_is_read(monkeypatch):
    seen = []
    real = answers.visible
    monkeypatch.setattr(answers, "visible", lambda text: seen.append(len(str(text))) or real(text))
    for q in EXERCISES.values():
        for huge in ("1" * MEGABYTE, "3.5 million " + "a" * MEGABYTE):
            feedback = check(q.qid, huge)
            if q.kind in ("number", "percent"):
                assert "too long" in feedback.message and "just the number" in feedback.message
            assert not feedback.correct or q.kind == "writing"
    assert seen and max(seen) <= 5 * answers.MAX_LENGTH  # never normalised or scanned whole


@pytest.mark.parametrize(
    "text,message",
    [
        ("1e309", "exponent"),
        ("-1e309", "exponent"),
        ("3.5×10^6", "exponent"),
        ("inf", "could not find a number"),
        ("nan", "could not find a number"),
        ("∞", "could not find a number"),
        ("3-4 million", "range.*Type one number"),
        ("between 3 and 4 million", "range"),
        ("300만~400만", "range"),
        ("350万至400万", "range"),
        ("五百三千", "in digits"),
        ("the answer is 16", "start the answer with the number"),
        ("9" * 400, "too long"),
    ],
)
def test_odd_numbers_get_a_message_saying_what_to_type(text, message):
    with pytest.raises(answers.AnswerError, match=message):
        answers.parse_number(text)


def test_invisible_characters_are_dropped_not_read():
    assert answers.parse_number("\u202e16\u202c") == answers.parse_number("1\u200b6") == 16
    assert answers.parse_number("\ufeff350만\u2066") == 3_500_000
    assert answers.shown("ok\u202e</code>") == "ok</code>"


# --- a right answer written another way --------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def _section(n: int) -> str:
    out, gap = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            out += ("零" if gap else "") + _DIGITS[d] + name
            gap = False
        elif out:
            gap = True
    return out


def chinese(n: int) -> str:
    """n in Chinese numerals, written independently of the parser: 3500000 is 三百五十万."""
    yi, rest = divmod(n, 10**8)
    wan, low = divmod(rest, 10**4)
    text = _section(yi) + "亿" if yi else ""
    if wan:
        text += ("零" if text and wan < 1000 else "") + _section(wan) + "万"
    if low:
        text += ("零" if text and low < 1000 else "") + _section(low)
    return text[1:] if text.startswith("一十") else (text or "零")


def test_the_chinese_numerals_of_the_test_are_right():
    assert [chinese(n) for n in (16, 161, 1050, 11500, 737000, 3500000)] == [
        "十六",
        "一百六十一",
        "一千零五十",
        "一万一千五百",
        "七十三万七千",
        "三百五十万",
    ]


_FULL = str.maketrans("0123456789,.%", "０１２３４５６７８９，．％")


def _forms(q) -> tuple[list[str], list[str]]:
    """Ways of writing q's answer that must be accepted, and ways that must get a how-to-write message."""
    v = float(q.answer)
    r = float(f"{v:.3g}")
    text = f"{r:g}" if r < 1e5 else f"{round(r)}"
    accept = [text, f" {text} ", f"about {text}", f"≈{text}", f"~{text}", text.translate(_FULL), f"\u202e{text}"]
    hint = [f"{r * 0.9:g}-{r * 1.1:g}", f"{r * 0.9:g} to {r * 1.1:g}"]
    if re.fullmatch(r"\d+\.\d{1,2}", text):
        accept.append(text.replace(".", ","))
    whole = round(v)
    if whole and math.isclose(whole, v, rel_tol=q.tolerance):
        accept += [chinese(whole), chinese(whole).replace("万", "萬")]
    if q.kind == "percent":
        accept += [f"{text}%", f"{text} %", f"{text} percent", f"{text}퍼센트", f"{text}%".translate(_FULL)]
        if whole and math.isclose(whole, v, rel_tol=q.tolerance):
            accept.append("百分之" + chinese(whole))
        hint.append(f"{v / 100:.4g}")
    elif r >= 1000:
        n = round(r)
        accept += [f"{n:,}", f"{n:,}".replace(",", " "), f"{n:,}".replace(",", "\u202f"), f"{n:,} people"]
        accept += [f"{n:,}".translate(_FULL), f"{n:,}명", f"{n}人", f"{n / 1e3:g}k", f"{n / 1e3:g} thousand"]
        hint.append(f"{n / 1e3:g}")  # thousands without the word
        if n >= 10_000:
            accept += [f"{n / 1e4:g}만", f"{n / 1e4:g}万", f"약 {n / 1e4:g}만 명", f"{n / 1e4:g}萬"]
            if n % 10_000:
                accept.append(f"{n // 10_000}만 {n % 10_000}")
        if n >= 100_000:
            accept += [f"{n / 1e6:g} million", f"{n / 1e6:g}m", f"{n / 1e6:g}M", f"{n / 1e6:g} mn"]
            hint.append(f"{n / 1e6:g}")  # millions without the word
        if n >= 1_000_000:
            accept.append(f"{n:,}".replace(",", "."))  # 3.500.000: only thousands can have two dots
        elif n % 1000:
            hint.append(f"{n:,}".replace(",", "."))  # 11.500 is eleven and a half: say how to write thousands
    return accept, hint


def test_every_numeric_exercise_has_forms_to_try():
    assert NUMERIC, "no number or percent exercises were found"
    assert any(float(q.answer) >= 10_000 for q in NUMERIC) and any(q.kind == "percent" for q in NUMERIC)


@pytest.mark.parametrize("qid", [q.qid for q in NUMERIC])
def test_a_right_answer_written_another_way_is_accepted(qid):
    q = EXERCISES[qid]
    accept, _ = _forms(q)
    refused = {form: check(qid, form).message for form in accept if not check(qid, form).correct}
    assert not refused, (q.answer, refused)


@pytest.mark.parametrize("qid", [q.qid for q in NUMERIC])
def test_a_right_answer_written_ambiguously_is_told_how_to_write_it(qid):
    q = EXERCISES[qid]
    _, hint = _forms(q)
    for form in hint:
        feedback = check(qid, form)
        assert not feedback.correct, form
        assert not feedback.message.startswith("Not yet: that is too"), (form, feedback.message)
        assert re.search(r"\b(write|type|multiply)\b", feedback.message, re.I), (form, feedback.message)
        assert re.search(r"\d", feedback.message), (form, feedback.message)  # an example of how


def test_the_how_to_write_messages_do_not_give_the_answer_away():
    for q in NUMERIC:
        _, hint = _forms(q)
        shown = {f"{float(q.answer):.3g}"} | ({f"{float(q.answer):,.0f}"} if float(q.answer) >= 100 else set())
        for form in hint:
            message = check(q.qid, form).message.replace(
                answers.shown(form), ""
            )  # an echo of the input is no give-away
            assert not any(re.search(rf"(?<![\d,.]){re.escape(s)}(?![\d,])", message) for s in shown), message


def test_the_exercise_widget_shows_hostile_input_escaped(journal_file):
    from borderline import exercise_view

    for q in [q for q in EXERCISES.values() if q.kind != "writing"][:6]:
        box = exercise_view.exercise(q.qid)
        if q.kind == "choice":
            continue  # radio buttons: nothing is typed
        for text in ("<script>alert(1)</script>", "\u202e</code><b>16", "x" * MEGABYTE):
            box.controls["answer"].value = text
            box.controls["check"].click()
            assert "<script" not in box.text.value and "<b>" not in box.text.value
            assert "\u202e" not in box.text.value
