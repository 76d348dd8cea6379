"""Lesson 04 self-checks: every answer is checked against the datasets, so edits cannot leave it wrong."""

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from borderline import data, exercise_bank

Q = exercise_bank.all_exercises()

CHOICES = ["04.1", "04.2", "04.3", "04.4", "04.5", "04.6", "04.7", "04.8", "04.10"]


def _articles():
    return data.load("treaty_articles").set_index("article_id")


def _status(state, treaty, action):
    ts = data.load("treaty_status")
    rows = ts[(ts["state"] == state) & (ts["treaty_short"] == treaty) & (ts["action"] == action)]
    if "preferred" in rows.columns:
        rows = rows[rows["preferred"].fillna(True).astype(bool)]
    assert len(rows) == 1, (state, treaty, action)
    return rows.iloc[0]


def test_04_1_hunger_is_not_a_convention_ground_and_the_dateline_is_gone():
    art = _articles()
    assert "Hunger or poverty is not one of the five grounds" in art.loc["RC-1A2", "notes"]
    grounds = ["race", "religion", "nationality", "particular social group", "political opinion"]
    assert all(g in art.loc["RC-1A2", "quote"] for g in grounds)
    assert "food" not in art.loc["RC-1A2", "quote"] and "hunger" not in art.loc["RC-1A2", "quote"]
    # the Protocol removes the 1951 dateline and binds China from 1982, long before 1997
    assert "1 January 1951" in art.loc["PR-I", "quote"]
    assert art.loc["PR-I", "binds_cn_since"].year == 1982
    # recognition is not required for Art 33 protection
    assert "ROUNDTABLE2001" in art.loc["RC-33-1", "more_sources"]
    case = data.load("cases").set_index("case_id").loc["CS05"]
    assert case["kind"] == "composite" and case["outside_country"] == "yes"
    assert "nothing to eat" in case["summary"] and "1997" in case["summary"]
    assert Q["04.1"].answer == "ground"


def test_04_2_the_verified_unhcr_wording():
    st = data.load("statements").set_index("stmt_id")
    lubbers = st.loc["ST38"]
    assert lubbers["speaker"] == "Ruud Lubbers" and lubbers["quote"] == "may well be considered refugees"
    assert lubbers["date"] == pd.Timestamp("2003-09-29") and lubbers["source_id"] == "KBS2003SEP30"
    # seed 004's line is unverified; UNHCR spoke of "some", never "all"
    assert "regardless of their motivation" in st.loc["ST35", "notes"] and "not found" in st.loc["ST35", "notes"]
    assert "some of whom" in st.loc["ST35", "quote"]
    an02 = data.load("arguments").set_index("arg_id").loc["AN02"]
    assert "never declared all" in an02["claim"]
    # Guterres conceded economic motives but pointed to punishment on return
    assert st.loc["ST39", "theme"] == "sur_place" and "severe punishment" in st.loc["ST39", "quote"]
    q = Q["04.2"]
    assert q.answer == "maywell" and "29 September 2003" in q.options["maywell"]
    assert "may well be considered refugees" in q.options["maywell"]


def test_04_3_the_only_exceptions_are_individual():
    art = _articles()
    para = art.loc["RC-33-2", "paraphrase"]
    assert "danger to the security" in para and "particularly serious crime" in para
    assert not art.loc["RC-33-2", "absolute"]
    am05 = data.load("arguments").set_index("arg_id").loc["AM05"]
    assert "no mass-influx exception" in am05["strength_note"]
    an04 = data.load("arguments").set_index("arg_id").loc["AN04"]
    assert "person by person" in an04["claim"] and "not relied on them" in an04["claim"]
    q = Q["04.3"]
    assert q.answer == "crime" and "particularly serious crime" in q.options["crime"]


def test_04_4_icescr_did_not_bind_china_in_july_2000():
    seed = data.load("sources").set_index("source_id").loc["S004", "date"]
    written = pd.Timestamp(str(seed))
    assert written == pd.Timestamp("2000-07-20")
    binds = _articles().loc["ICESCR-11", "binds_cn_since"]
    assert binds == pd.Timestamp("2001-06-27") and binds > written
    deposit = _status("CN", "ICESCR", "ratification")
    assert deposit["date"] == pd.Timestamp("2001-03-27") and "28 Feb 2001" in deposit["notes"]
    signature = _status("CN", "ICESCR", "signature")
    assert signature["date_text"].startswith("Oct 1997")
    q = Q["04.4"]
    assert q.answer == "no2001"
    assert "27 March 2001" in q.options["no2001"] and "27 June 2001" in q.options["no2001"]


def test_04_5_iccpr_article_12_binds_the_dprk_not_china():
    art = _articles().loc["ICCPR-12"]
    assert art["binds_kp_since"] == pd.Timestamp("1981-12-14")
    assert pd.isna(art["binds_cn_since"])
    assert _status("CN", "ICCPR", "signature")["date"] == pd.Timestamp("1998-10-05")
    _status("CN", "ICCPR", "not_party")
    attempt = _status("KP", "ICCPR", "withdrawal_attempt")
    assert attempt["date_text"].startswith("Aug 1997")
    assert Q["04.5"].answer == "dprk"


def test_04_6_cat_article_3_is_the_strongest_lever_for_cs03():
    case = data.load("cases").set_index("case_id").loc["CS03"]
    assert case["kind"] == "composite"
    assert case["cat_art3_applies"] == "yes" and case["art31_applies"] == "no"
    assert {case["well_founded_fear"], case["persecution"], case["convention_ground"]} == {"arguable"}
    art = _articles()
    assert art.loc["CAT-3", "absolute"] and art.loc["CAT-3", "binds_cn_since"] == pd.Timestamp("1988-11-03")
    # every other option is weaker for a stated reason in the data
    assert not art.loc["RC-33-1", "absolute"]
    assert "Not a non-refoulement rule" in art.loc["ICESCR-11", "notes"]
    assert pd.isna(art.loc["ICCPR-12", "binds_cn_since"])
    absolute = set(art.index[art["absolute"].fillna(False).astype(bool)])
    assert absolute == {"CAT-3"}
    assert Q["04.6"].answer == "cat3"


def test_04_7_the_sourced_fact_is_the_disaster_exemption():
    args = data.load("arguments").set_index("arg_id")
    assert args.loc["AR09", "source_id"] == "WILSON1964" and "DONGA2007JAN23" in args.loc["AR09", "more_sources"]
    assert "exempt" in args.loc["AR09", "claim"]
    assert "Vienna Convention" in args.loc["AR08", "notes"] and "dropped" in args.loc["AR08", "notes"]
    bi = data.load("bilateral_instruments").set_index("inst_id")
    assert "disasters" in bi.loc["BI1964", "exemptions"] and "disasters" in bi.loc["BI1998", "exemptions"]
    assert Q["04.7"].answer == "exempt"


def test_04_8_the_coi_warned_china_but_found_no_crime_by_china():
    an03 = data.load("arguments").set_index("arg_id").loc["AN03"]
    assert "not a court" in an03["claim"] and "found no crime by China" in an03["claim"]
    st = data.load("statements").set_index("stmt_id")
    assert st.loc["ST45", "quote"] == "aiding and abetting crimes against humanity"
    assert "China and other States" in st.loc["ST47", "venue"]
    assert "cannot accept this accusation" in st.loc["ST21", "quote"]
    q = Q["04.8"]
    assert q.answer == "dprk" and "not a court" in q.options["dprk"]


def test_04_10_the_claims_that_rebut_am02():
    links = data.load("argument_links")
    rebuttals = set(links[(links["to_arg"] == "AM02") & (links["relation"] == "rebuts")]["from_arg"])
    assert rebuttals == {"AR01", "AR03", "AR10"}
    q = Q["04.10"]
    assert set(re.findall(r"A[MRN]\d\d", q.options[q.answer])) == rebuttals
    # every wrong option names claims that exist but do not rebut AM02
    ids = set(data.load("arguments")["arg_id"])
    for key, label in q.options.items():
        named = set(re.findall(r"A[MRN]\d\d", label))
        assert named and named <= ids, key
        if key != q.answer:
            assert not named & rebuttals, key


def test_04_choice_questions_have_feedback_for_every_option():
    for qid in CHOICES:
        q = Q[qid]
        assert q.kind == "choice", qid
        assert q.answer in q.options and set(q.feedback) == set(q.options), qid
        assert all(q.feedback[k].strip() for k in q.options), qid
        assert q.check(q.answer).correct and q.check(q.options[q.answer]).correct, qid
        assert not any(q.check(k).correct for k in q.options if k != q.answer), qid


def test_04_hints_do_not_give_the_answer_away():
    for qid in CHOICES:
        q = Q[qid]
        right = q.options[q.answer].lower()
        assert right not in q.hint.lower(), qid
        # no quoted phrase of four words or more from the right option appears in the hint
        words = re.findall(r"[a-z']+", right)
        for i in range(len(words) - 3):
            assert " ".join(words[i : i + 4]) not in " ".join(re.findall(r"[a-z']+", q.hint.lower())), (
                qid,
                words[i : i + 4],
            )


def _notebook():
    here = Path(__file__).resolve()
    for path in [
        here.parent / "out" / "04-treaty-arguments.ipynb",
        here.parent.parent / "notebooks" / "04-treaty-arguments.ipynb",
    ]:
        if path.exists():
            return nbformat.read(path, as_version=4)
    pytest.skip("notebook 04 not built yet")


def test_04_every_self_check_in_the_notebook_is_registered():
    nb = _notebook()
    calls = [m for c in nb.cells if c.cell_type == "code" for m in re.findall(r'bl\.exercise\("([\d.]+)"\)', c.source)]
    assert [q for q in calls if Q[q].kind != "writing"] == CHOICES
    assert [q for q in calls if Q[q].kind == "writing"] == ["04.9", "04.11", "04.12"]
