"""Facts corrected for issue 12: each test pins one corrected fact in the data, so a regression fails.

The figures and dates come from the sources named in each row (see datasets/sources.csv);
these tests only hold the data to what those sources say.
"""

import re

import pandas as pd
import pytest

from borderline import data

MIRROR = "reference_mirror"


def _table(name, key):
    return data.load(name).set_index(key)


def _ids(row):
    """The source ids of a row: source_id plus more_sources."""
    more = row.get("more_sources")
    extra = [] if pd.isna(more) else str(more).split(";")
    return [row["source_id"], *[x for x in extra if x]]


def _quality():
    sources = data.load("sources")
    return dict(zip(sources["source_id"], sources["quality"]))


# 1. USCR: 50,000 in China; the 100,000 were displaced inside North Korea


def test_c09_is_50000_in_china_not_150000():
    c09 = _table("china_estimates", "est_id").loc["C09"]
    assert c09["year"] == 2000 and c09["source_id"] == "USCR2001"
    assert c09["low"] == 50000 and c09["high"] == 50000
    assert "150,000" not in c09["value_text"]
    assert "inside North Korea" in c09["notes"]


def test_no_uscr_row_adds_the_displaced_to_china():
    est = data.load("china_estimates")
    uscr = est[est["estimator"].str.contains("Committee for Refugees")]
    assert len(uscr) >= 3  # WRS 2001, WRS 2002, USCRI 2008
    for _, row in uscr.iterrows():
        assert row["high"] < 150000 and row["low"] + row["high"] != 150000, row["est_id"]
        assert not re.search(r"150,?000", row["value_text"]), row["est_id"]


def test_uscri_2008_is_the_definitional_example():
    c37 = _table("china_estimates", "est_id").loc["C37"]
    assert c37["source_id"] == "USCRI2008" and c37["low"] == 11000
    assert "5,000-8,000 children" in c37["notes"]


# 4. The State Department: 30,000-50,000 dated 2006; 75,000-125,000 in 2000


def test_state_department_figures_are_dated_2006_and_2000():
    est = _table("china_estimates", "est_id")
    assert est.loc["C30", "year"] == 2006 and (est.loc["C30", "low"], est.loc["C30", "high"]) == (30000, 50000)
    assert est.loc["C38", "year"] == 2000 and (est.loc["C38", "low"], est.loc["C38", "high"]) == (75000, 125000)
    assert est.loc["C38", "estimator_type"] == "government_us"


# 3. The Special Rapporteur: about 2,000 in autumn 2022, then over a thousand on 20 Mar 2023


def test_r31_is_the_autumn_2022_figure_of_2000():
    rep = _table("repatriations", "rep_id")
    r31 = rep.loc["R31"]
    assert r31["year"] == 2022
    assert pd.Timestamp("2022-09-01") <= r31["date"] <= pd.Timestamp("2022-10-31")
    assert r31["low"] >= 2000


def test_r28_over_a_thousand_is_dated_20_march_2023_and_comes_after_r31():
    rep = _table("repatriations", "rep_id")
    r28, r31 = rep.loc["R28"], rep.loc["R31"]
    assert r28["date"] == pd.Timestamp("2023-03-20")
    assert r28["low"] == 1000 and pd.isna(r28["high"])
    assert r31["date"] < r28["date"], "the 2,000 figure came first; 'over a thousand' is not a fall from a later peak"


def test_the_rapporteur_events_are_in_order():
    ev = _table("events", "event_id")
    assert ev.loc["EV46", "date"] == pd.Timestamp("2022-09-15")
    assert ev.loc["EV35", "date"] == pd.Timestamp("2023-03-20")
    assert "not a rise" in ev.loc["EV35", "notes"]


# 12. HRW's 1,076 may double-count early 2024


def test_r22_warns_that_670_and_406_may_overlap():
    rep = _table("repatriations", "rep_id")
    assert rep.loc["R22", "low"] == 1076
    assert (
        "overlap" in rep.loc["R22", "notes"] and "670" in rep.loc["R22", "notes"] and "406" in rep.loc["R22", "notes"]
    )


# 5. South Korea acceded (it did not ratify) to the Covenants and the CAT


@pytest.mark.parametrize("treaty,day", [("ICCPR", "1990-04-10"), ("ICESCR", "1990-04-10"), ("CAT", "1995-01-09")])
def test_south_korea_acceded(treaty, day):
    ts = data.load("treaty_status")
    kr = ts[(ts["state"] == "KR") & (ts["treaty_short"] == treaty)]
    assert set(kr["action"]) == {"accession"}, (
        "South Korea never signed these treaties, so it cannot have ratified them"
    )
    preferred = kr[kr["preferred"]]
    assert len(preferred) == 1 and preferred.iloc[0]["date"] == pd.Timestamp(day)


# 7. China signed the CAT on 12 Dec 1986 (the UN record); one secondary source gives another day


def test_china_cat_signature_preferred_row_is_12_december_1986():
    ts = data.load("treaty_status")
    rows = ts[(ts["state"] == "CN") & (ts["treaty_short"] == "CAT") & (ts["action"] == "signature")]
    preferred = rows[rows["preferred"]]
    assert len(preferred) == 1
    row = preferred.iloc[0]
    assert row["date"] == pd.Timestamp("1986-12-12") and row["source_id"] == "UNTC_CAT"
    for _, other in rows[~rows["preferred"]].iterrows():
        assert "secondary source" in other["notes"] and "disputed" not in other["notes"].lower()


# 9. The note to foreign missions is dated 31 May 2002 and is a primary Chinese document


def test_st06_is_the_consular_department_note_of_31_may_2002():
    st = _table("statements", "stmt_id")
    st06 = st.loc["ST06"]
    assert st06["date"] == pd.Timestamp("2002-05-31") and st06["source_id"] == "HRW2002_APPB"
    assert "no right of asylum" in st06["quote"]
    src = _table("sources", "source_id").loc["HRW2002_APPB"]
    assert src["quality"] == "government" and bool(src["primary"])
    assert st.loc["ST58", "date"] == pd.Timestamp("2002-06-13") and st.loc["ST58", "speaker"] == "Liu Jianchao"


# 10. The North Korean Human Rights Act became law on 18 Oct 2004


def test_nkhra_became_law_on_18_october_2004():
    ev = _table("events", "event_id").loc["EV44"]
    assert ev["date"] == pd.Timestamp("2004-10-18") and ev["source_id"] == "WH2004OCT18"
    assert "signed" in ev["description"]
    st57 = _table("statements", "stmt_id").loc["ST57"]
    assert st57["date"] == pd.Timestamp("2004-10-18") and "Became law" in st57["date_text"]


# 13. China's 2012 Exit and Entry Administration Law, welcomed by the CAT Committee


def test_exit_entry_law_2012_is_in_the_data_with_the_cat_welcome():
    ev = _table("events", "event_id").loc["EV45"]
    assert ev["date"] == pd.Timestamp("2012-06-30") and "1 July 2013" in ev["description"]
    st60 = _table("statements", "stmt_id").loc["ST60"]
    assert st60["country"] == "CN" and "CAT_CO5_2016" in _ids(st60)
    cat = _table("sources", "source_id").loc["CAT_CO5_2016"]
    assert cat["quality"] == "un_document" and "Exit-Entry Administration Law" in cat["notes"]


# Primary Chinese documents: the original Chinese beside the English


def test_at_least_three_chinese_statements_carry_the_original_chinese():
    st = data.load("statements")
    zh = st[st["quote_zh"].notna() & (st["quote_zh"].str.len() > 0)]
    assert len(zh) >= 3
    assert set(zh["country"]) == {"CN"}
    for _, row in zh.iterrows():
        assert re.search(r"[\u4e00-\u9fff]", row["quote_zh"]), row["stmt_id"]
        assert "难民" in row["quote_zh"], row["stmt_id"]  # each is about refugee status


# Source quality: no legal or UN claim rests only on a mirror


def test_every_source_has_a_quality():
    sources = data.load("sources")
    assert sources["quality"].notna().all() and sources["primary"].notna().all()
    assert (sources["quality"] == MIRROR).any(), "mirrors are labelled, not hidden"


def _mirror_only(frame, key):
    q = _quality()
    bad = []
    for _, row in frame.iterrows():
        ids = _ids(row)
        if all(q.get(i) == MIRROR for i in ids):
            bad.append(row[key])
    return bad


def test_treaty_articles_rest_on_more_than_a_mirror():
    arts = data.load("treaty_articles")
    assert _mirror_only(arts, "article_id") == []
    q = _quality()
    for _, row in arts.iterrows():  # the main source of a treaty text is the text itself, not a copy site
        assert q[row["source_id"]] == "primary_legal" or q[row["source_id"]] == "un_document", row["article_id"]


def test_treaty_status_claims_rest_on_more_than_a_mirror():
    ts = data.load("treaty_status")
    preferred = ts[ts["preferred"]]  # rows marked FALSE are kept only to show an error or a variant
    assert (
        _mirror_only(
            preferred.assign(key=preferred["state"] + " " + preferred["treaty_short"] + " " + preferred["action"]),
            "key",
        )
        == []
    )


def test_un_statements_rest_on_more_than_a_mirror():
    st = data.load("statements")
    assert _mirror_only(st[st["country"] == "UN"], "stmt_id") == []


def test_un_document_rows_cite_the_un_document_not_only_a_copy():
    # the COI report is cited through the UN document system, not only a third-party copy
    src = _table("sources", "source_id")
    assert src.loc["COI_A_HRC_25_63", "quality"] == "un_document"
    for name in ("arguments", "statements", "events"):
        frame = data.load(name)
        for _, row in frame.iterrows():
            ids = _ids(row)
            assert "COI2014" not in ids, (name, row.iloc[0])


# The North Korean voice: short published testimony with headnotes


def test_testimony_rows_are_short_attributed_and_carry_a_content_note():
    t = data.load("testimony")
    assert len(t) >= 3
    q = _quality()
    for _, row in t.iterrows():
        assert row["source_id"] in q
        assert 0 < len(row["quote"]) <= 200
        assert len(re.findall(r"[.!?](\s|$)", row["quote"])) <= 2, row["doc_id"]
        for col in ("speaker_description", "venue", "to_whom", "why", "content_note"):
            assert isinstance(row[col], str) and row[col].strip(), (row["doc_id"], col)
        if not row["named"]:
            assert "not named" in row["speaker_description"], row["doc_id"]
