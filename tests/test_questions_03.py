"""Lesson 03 self-checks: every answer is recomputed from the datasets, so edits cannot leave it wrong."""

import datetime as dt
import math
import re

import pandas as pd

from borderline import data, exercise_bank

Q = exercise_bank.all_exercises()


def _date(table, **where):
    """The single date in `table` whose columns match `where`."""
    rows = data.load(table)
    for col, value in where.items():
        rows = rows[rows[col] == value]
    assert len(rows) == 1, where
    return rows["date"].iloc[0]


def _full_years(start, end) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def test_03_1_the_mass_influx_line_is_anonymous_and_second_hand():
    row = data.load("statements").set_index("stmt_id").loc["ST02"]
    assert row["speaker"] == "Unnamed Chinese official" and row["country"] == "CN"
    assert "Christian Science Monitor" in row["venue"]
    assert row["source_id"] == "S004" and "Second-hand" in row["notes"]
    assert "thousands or millions" in row["quote"]
    assert row["theme"] == "mass_influx_fear"
    assert Q["03.1"].answer == "anon"


def test_03_2_the_core_of_the_position_did_not_change():
    st = data.load("statements")
    cn = st[st["country"] == "CN"].set_index("stmt_id")
    status = cn[cn["theme"] == "illegal_economic_migrants"]
    # the "not refugees" line spans the whole record, from the seven in 2000 to the UN review of 2024
    assert {"ST01", "ST04", "ST30", "ST31", "ST32"} <= set(status.index)
    dated = status["date"].dropna()
    assert dated.min().year == 2002 and dated.max().year == 2024
    assert "not refugees" in cn.loc["ST04", "quote"] and "not refugees" in cn.loc["ST31", "quote"]
    # the 2024 nuance accepts the principle, not that it covers these people
    assert cn.loc["ST33", "source_id"] == "KBSDE2024JUL" and "non-refoulement" in cn.loc["ST33", "summary"]
    assert "exception" in cn.loc["ST18", "notes"]
    assert Q["03.2"].answer == "same"


def test_03_3_the_known_texts_exempt_disaster_crossers():
    bi = data.load("bilateral_instruments").set_index("inst_id")
    assert "disasters" in bi.loc["BI1964", "exemptions"] and bi.loc["BI1964", "source_id"] == "WILSON1964"
    assert "disasters" in bi.loc["BI1998", "exemptions"]
    assert "criminals" in bi.loc["BI1986", "exemptions"]
    assert "no text" in bi.loc["BI1960", "date_text"]
    assert Q["03.3"].answer == "practice"


def test_03_4_full_years_between_accession_and_the_1998_revision():
    accession = _date("treaty_status", state="CN", treaty_short="REFCONV1951", action="accession")
    assert accession == pd.Timestamp("1982-09-24")
    text = data.load("bilateral_instruments").set_index("inst_id").loc["BI1998", "date_text"]
    assert text.startswith("Jul 1998")
    # the day in July is not reported: the answer must hold for every possible day
    answers = {_full_years(accession, dt.date(1998, 7, day)) for day in range(1, 32)}
    assert answers == {15}
    q = Q["03.4"]
    assert math.isclose(q.answer, 15) and q.check("15").correct and q.check("15 years").correct
    assert not q.check("16").correct  # subtracting the years overcounts


def test_03_5_treaties_binding_china_when_the_seven_were_returned():
    ts = data.load("treaty_status")
    five = ["REFCONV1951", "PROTOCOL1967", "CAT", "ICESCR", "ICCPR"]  # the treaties the exercise asks about
    cn = ts[(ts["state"] == "CN") & ts["treaty_short"].isin(five)]
    if "preferred" in cn.columns:
        cn = cn[cn["preferred"].fillna(True).astype(bool)]
    returned_by = pd.Timestamp("2000-01-11")
    ev = data.load("events").set_index("event_id").loc["EV14"]
    assert "11 January 2000" in ev["date_text"]
    in_force = cn[cn["action"] == "entry_into_force"]
    bound = set(in_force[in_force["date"] <= returned_by]["treaty_short"])
    assert bound == {"REFCONV1951", "PROTOCOL1967", "CAT"}
    assert set(in_force[in_force["date"] > returned_by]["treaty_short"]) == {"ICESCR"}
    assert set(cn[cn["treaty_short"] == "ICCPR"]["action"]) == {"signature", "not_party"}
    assert Q["03.5"].answer == "three"


def test_03_6_the_faithful_paraphrase_keeps_the_qualifier():
    provisions = data.load("bilateral_instruments").set_index("inst_id").loc["BI1995", "provisions"]
    qualifier = "in consultation and cooperation with the Government"
    assert qualifier in provisions
    q = Q["03.6"]
    assert qualifier in q.options[q.answer]
    assert all(qualifier not in label for key, label in q.options.items() if key != q.answer)


def test_03_7_returns_recorded_1996_to_1998():
    rows = data.load("repatriations").set_index("rep_id").loc[["R01", "R02", "R03"]]
    assert list(rows["year"]) == [1996, 1997, 1998]
    assert (rows["low"] == rows["high"]).all() and (rows["measure"] == "forced_return").all()
    assert set(rows["source_id"]) == {"DONGA2004"}
    total = int(rows["low"].sum())
    assert total == 12_328
    assert math.isclose(Q["03.7"].answer, total)
    assert Q["03.7"].check("12,328").correct


def test_03_choice_questions_have_feedback_for_every_option():
    for qid in ["03.1", "03.2", "03.3", "03.5", "03.6"]:
        q = Q[qid]
        assert q.answer in q.options and set(q.feedback) == set(q.options), qid
        assert all(q.feedback[k].strip() for k in q.options), qid


def test_03_hints_do_not_give_the_number_away():
    for qid in ["03.4", "03.7"]:
        q = Q[qid]
        for token in re.findall(r"\d[\d,.]*", q.hint):
            value = float(token.replace(",", "").rstrip("."))
            assert not math.isclose(value, float(q.answer), rel_tol=q.tolerance), (qid, token)


def test_03_common_slips_are_recognised_and_not_accepted():
    for qid in ["03.4", "03.7"]:
        q = Q[qid]
        for value, message in q.wrong:
            assert not math.isclose(value, float(q.answer), rel_tol=q.tolerance), (qid, value)
            fb = q.check(str(value))
            assert not fb.correct and fb.message == message, (qid, value, fb.message)
