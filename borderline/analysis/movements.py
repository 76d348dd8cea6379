"""Counts of people moving: arrivals in South Korea by year, and recorded forced returns.

>>> frame = arrivals_frame()
>>> bool(frame["year"].is_monotonic_increasing and (frame["share"].dropna() <= 100).all())
True
"""

from __future__ import annotations

import pandas as pd

from .. import data


def arrivals_frame(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Preferred single-year arrival counts, with the women's share (%) where known.

    >>> frame = pd.DataFrame({"preferred": [True, True, False], "year_start": [2001, 2000, 2001],
    ...                       "year_end": [2001, 2000, 2001], "total": [10, 8, 99], "female": [5, None, 1]})
    >>> rows = arrivals_frame(frame)
    >>> rows["year"].tolist(), rows["share"].isna().tolist(), float(rows["share"].iloc[1])
    ([2000, 2001], [True, False], 50.0)
    """
    frame = data.load("arrivals") if frame is None else frame
    rows = frame[frame["preferred"] & (frame["year_start"] == frame["year_end"])].copy()
    rows["year"] = rows["year_start"].astype(int)
    rows["share"] = (rows["female"] / rows["total"] * 100).astype("Float64")
    return rows.sort_values("year")


def arrival_blocks(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Preferred rows covering several years that give the women's share, with a year to draw them at.

    The year is the middle of the block, or its last year where it has no first year.

    >>> frame = pd.DataFrame({"preferred": [True], "year_start": pd.array([1999], dtype="Int64"),
    ...                       "year_end": pd.array([2001], dtype="Int64"), "female_pct": [45.0]})
    >>> arrival_blocks(frame)["at"].tolist()
    ['2000']
    """
    frame = data.load("arrivals") if frame is None else frame
    blocks = frame[
        frame["preferred"] & (frame["year_start"] != frame["year_end"]).fillna(True) & frame["female_pct"].notna()
    ].copy()
    middle = ((blocks["year_start"].fillna(blocks["year_end"]) + blocks["year_end"]) // 2).astype("Int64")
    blocks["at"] = middle.astype(str)
    return blocks


def forced_returns(frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Recorded forced returns with a figure, one per year and event, oldest first, with ``when`` and ``label``.

    >>> rows = forced_returns()
    >>> bool((rows["measure"] == "forced_return").all() and rows["low"].notna().all())
    True
    """
    frame = data.load("repatriations") if frame is None else frame
    rows = frame[(frame["measure"] == "forced_return") & frame["low"].notna()].copy()
    rows = rows.drop_duplicates(subset=["year", "event"], keep="first")
    rows["when"] = rows["date"].dt.strftime("%d %b %Y").where(rows["date"].notna(), rows["date_text"])
    rows["label"] = [axis_label(w, y, e) for w, y, e in zip(rows["when"], rows["year"], rows["event"], strict=True)]
    rows["label"] = _unique(list(rows["label"]))
    return rows.sort_values(["year", "rep_id"])


def axis_label(when, year, event, width: int = 42) -> str:
    """A short label for one event on a chart axis: its date (or, when the date is a long phrase, its year)
    and the start of its name, cut at a word with an ellipsis; the whole of it is in the hover and the table.

    >>> axis_label("14 Jul 2021", 2021, "About 50 returned by bus from Dandong to Sinuiju")
    '14 Jul 2021: About 50 returned by bus…'
    >>> axis_label("sent from Russia to China on 30 Dec 1999", 1999, "Seven refugees")
    '1999: Seven refugees'
    """
    when = str(when) if len(str(when)) <= 16 else str(int(year))
    return cut_at_word(f"{when}: {event}", width)


def cut_at_word(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` characters, else cut at the last whole word with an ellipsis.

    >>> cut_at_word("over 7,000 (about ten percent of the total)", 24), cut_at_word("about 60", 24)
    ('over 7,000 (about ten…', 'about 60')
    """
    text = str(text)
    if len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0].rstrip(",;:(") + "…"


def _unique(labels: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def lanes(frame: pd.DataFrame) -> list[str]:
    """The lesson numbers named in an events table's ``lesson`` column (';'-separated), sorted.

    >>> lanes(pd.DataFrame({"lesson": ["02;03", "01", None]}))
    ['01', '02', '03']
    """
    found = {part for value in frame["lesson"].dropna() for part in str(value).split(";") if part}
    return sorted(found)
