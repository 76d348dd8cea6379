"""Lesson 05 self-checks: every answer is recomputed from the datasets, so edits cannot leave it wrong."""

import math
import re

import pandas as pd

from borderline import data, exercise_bank

Q = exercise_bank.all_exercises()
CHOICES = ["05.1", "05.2", "05.4", "05.5", "05.6", "05.7"]
NUMBERS = ["05.3"]


def _table(name):
    """A validated table; lesson 05's new tables indexed by their id column."""
    frame = data.load(name)
    return frame.set_index(frame.columns[0])


def _ids(value) -> list[str]:
    return [v for v in str(value).split(";") if v] if pd.notna(value) else []


def test_05_1_unhcr_says_some_not_all_and_has_no_access():
    st = _table("statements")
    assert "some of whom" in st.loc["ST35", "quote"] and st.loc["ST35", "source_id"] == "UNHCR2000JAN13"
    assert "may well" in st.loc["ST38", "quote"]
    assert "don't have access" in st.loc["ST42", "quote"] and st.loc["ST42", "theme"] == "access"
    assert "never declared all" in _table("arguments").loc["AN02", "claim"]
    unhcr = _table("roles").loc["RL04", "key_facts"]
    assert "definitely meet the criteria" in unhcr and "detained North Koreans" in unhcr
    assert Q["05.1"].answer == "some"


def test_05_2_south_koreas_two_firsts():
    st = _table("statements")
    council, review = st.loc["ST54"], st.loc["ST56"]
    assert council["country"] == "KR" and "2012" in council["date_text"] and "first time" in council["summary"].lower()
    assert review["country"] == "KR" and review["date"].year == 2024 and "first time" in review["summary"].lower()
    ev = _table("events")
    assert ev.loc["EV30", "year"] == 2012 and ev.loc["EV40", "year"] == 2024 and ev.loc["EV32", "year"] == 2014
    assert Q["05.2"].answer == "2012_2024"
    assert Q["05.2"].options[Q["05.2"].answer] == "2012 and 2024"


def test_05_3_resettlement_ratio_from_the_us_role_card():
    facts = _table("roles").loc["RL06", "key_facts"]
    us = int(re.search(r"resettled only (\d+) North Koreans", facts).group(1))
    rok = int(re.search(r"South Korea resettled ([\d,]+)", facts).group(1).replace(",", ""))
    assert (us, rok) == (37, 5_961) and "[USPL110_346]" in facts
    q = Q["05.3"]
    assert math.isclose(q.answer, rok / us)
    assert q.check("161").correct and q.check("about 160").correct and not q.check(str(rok - us)).correct
    # Congress's South Korean figure agrees with MOU's own annual figures for 2005-2007 to within 0.1%
    arr = data.load("arrivals")
    mou = arr[arr["preferred"] & (arr["year_start"] == arr["year_end"]) & arr["year_start"].between(2005, 2007)]
    assert len(mou) == 3 and abs(int(mou["total"].sum()) - rok) / rok < 0.001


def test_05_4_the_october_2023_count_is_a_range():
    notes = _table("events").loc["EV37", "notes"]
    assert "more than 500" in notes and "about 600" in notes and "no figure" in notes
    rep = _table("repatriations")
    assert rep.loc["R18", "value_text"].startswith("more than 500") and rep.loc["R19", "value_text"].startswith(
        "about 600"
    )
    assert str(rep.loc["R18", "date"].date()) == str(rep.loc["R19", "date"].date()) == "2023-10-09"
    assert rep.loc["R32", "value_text"] == "about 2,600" and "single NGO claim" in rep.loc["R32", "notes"]
    assert Q["05.4"].answer == "range"


def test_05_5_to_05_7_answers_match_the_move_labels_in_comments_csv():
    moves = _table("comments")["move"]
    q5 = Q["05.5"]
    assert set(q5.options) <= set(moves.index)
    assert [k for k in q5.options if moves[k] == "whataboutism"] == [q5.answer] == ["CM02"]
    excerpts = _table("comments")["excerpt"]
    for key, label in q5.options.items():
        assert excerpts[key] in label, key  # the options quote the dataset's verbatim excerpts
    assert Q["05.6"].answer == moves["CM04"] == "ad_hominem"
    assert set(Q["05.6"].options) <= {"whataboutism", "tu_quoque", "fair_point", "ad_hominem", "other"}
    assert Q["05.7"].answer == moves["CM03"] == "tu_quoque"
    assert moves["CM06"] != "tu_quoque"  # the comment CM03 replies to is not itself a 'you too'


def test_comments_are_from_seed_001_and_excerpts_are_short():
    comments = _table("comments")
    assert set(comments["source_id"]) == {"S001"}
    for cid, excerpt in comments["excerpt"].dropna().items():
        assert len(excerpt.split()) <= 20, cid
    assert {"whataboutism", "tu_quoque", "ad_hominem", "fair_point"} <= set(comments["move"])


def test_options_and_roles_link_to_rows_that_exist():
    roles = set(_table("roles").index)
    args = set(_table("arguments").index)
    sources = set(data.load("sources")["source_id"])
    options = _table("options")
    assert len(options) >= 6 and len(roles) >= 6
    for oid, row in options.iterrows():
        backed, opposed = _ids(row["backed_by"]), _ids(row["opposed_by"])
        assert backed and set(backed) <= roles and set(opposed) <= roles, oid
        assert not set(backed) & set(opposed), oid
        assert set(_ids(row["evidence_args"])) <= args, oid
    for rid, facts in _table("roles")["key_facts"].items():
        parts = facts.split(" | ")
        assert 3 <= len(parts) <= 4, rid
        for part in parts:
            cited = re.findall(r"\[([A-Z][A-Z0-9_; ]+)\]", part)
            assert cited, (rid, part[:40])
            for group in cited:
                assert set(re.split(r"; ?", group)) <= sources, (rid, group)
    # the status quo is China's own option, backed by China's roles and argued from its own claims
    assert set(_ids(options.loc["OP01", "backed_by"])) == {"RL01", "RL02"}
    assert {"AM01", "AM02", "AM05"} <= set(_ids(options.loc["OP01", "evidence_args"]))


def test_no_role_is_a_refugee():
    for rid, title in _table("roles")["title"].items():
        assert not re.search(
            r"\b(a|an|the)\s+(north korean\s+)?(refugee|defector|escapee|migrant|wom[ae]n)s?\b(?!-| agency)",
            title.lower(),
        ), (rid, title)


def test_05_choice_questions_have_feedback_for_every_option():
    for qid in CHOICES:
        q = Q[qid]
        assert q.answer in q.options and set(q.feedback) == set(q.options), qid
        assert all(q.feedback[k].strip() for k in q.options), qid


def test_05_hints_do_not_give_the_answer_away():
    for qid in NUMBERS:
        q = Q[qid]
        for token in re.findall(r"\d[\d,.]*", q.hint):
            value = float(token.replace(",", "").rstrip("."))
            assert not math.isclose(value, float(q.answer), rel_tol=q.tolerance), (qid, token)
    for qid in CHOICES:
        q = Q[qid]
        assert q.options[q.answer].lower() not in q.hint.lower(), qid
        assert q.answer.lower() not in q.hint.lower().split(), qid


def test_05_common_slips_are_recognised_and_not_accepted():
    for qid in NUMBERS:
        q = Q[qid]
        for value, message in q.wrong:
            assert not math.isclose(value, float(q.answer), rel_tol=q.tolerance), (qid, value)
            fb = q.check(str(value))
            assert not fb.correct and fb.message == message, (qid, value, fb.message)
