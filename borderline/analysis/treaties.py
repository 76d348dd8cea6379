"""Treaty status: whether a state is bound by a treaty, and since when (preferred rows only).

A state is a party once it has ratified or acceded; it is bound from the entry into force
where one is recorded, else from the date it joined.

>>> import pandas as pd
>>> frame = pd.DataFrame({"state": ["AA", "AA", "BB"], "treaty_short": ["T1", "T1", "T1"],
...                       "action": ["signature", "ratification", "signature"],
...                       "date": pd.to_datetime(["1980-01-02", "1990-03-04", "1985-05-06"]),
...                       "date_text": [None, None, None], "preferred": [True, True, True]})
>>> treaty_status_summary("AA", "T1", frame)["status"], str(treaty_status_summary("AA", "T1", frame)["since"].date())
('party', '1990-03-04')
>>> treaty_status_summary("BB", "T1", frame)["status"], treaty_status_summary("CC", "T1", frame)["status"]
('signed, not ratified', 'not a party')
"""

from __future__ import annotations

import pandas as pd

from .. import data
from .dates import when_text

BINDING = {"ratification", "accession"}
STATUSES = ("party", "signed, not ratified", "not a party")


def _records(rows: pd.DataFrame) -> list:
    """The rows a summary reads, as plain tuples (action, date, date_text): a treaty table is small, and
    filtering a DataFrame for each (state, treaty) pair cost a treaty chart some 80 ms."""
    return list(zip(rows["action"], rows["date"], rows["date_text"], strict=True))


def _joined(rows: list, actions: set) -> dict:
    force = [d for a, d, _ in rows if a == "entry_into_force" and pd.notna(d)]
    joined = [(d, t) for a, d, t in rows if a in BINDING]
    dates = force or [d for d, _ in joined if pd.notna(d)]
    since = min(dates) if dates else pd.NaT
    how = "accession" if "accession" in actions else "ratification"
    texts = [t for _, t in joined if pd.notna(t)]
    text = "" if pd.notna(since) or not texts else str(texts[0])
    return {"status": "party", "since": since, "how": how, "since_text": text}


def _by_pair(frame: pd.DataFrame) -> dict:
    """{(state, treaty): its preferred rows (``_records``)}: a frame read once, for the functions that ask
    about many pairs."""
    preferred = frame[frame["preferred"]]
    pairs: dict = {}
    for pair, row in zip(zip(preferred["state"], preferred["treaty_short"]), _records(preferred), strict=True):
        pairs.setdefault(pair, []).append(row)
    return pairs


def _summary(rows: list) -> dict:
    actions = {a for a, _, _ in rows}
    if actions & BINDING:
        return _joined(rows, actions)
    if "signature" in actions:
        return {"status": "signed, not ratified", "since": pd.NaT, "how": "signature", "since_text": ""}
    return {"status": "not a party", "since": pd.NaT, "how": "", "since_text": ""}


def treaty_status_summary(state: str, treaty: str, frame: pd.DataFrame | None = None) -> dict:
    """{"status", "since", "how", "since_text"} for one state and treaty (preferred rows only).

    >>> summary = treaty_status_summary("no-state", "no-treaty")
    >>> summary["status"], pd.isna(summary["since"])
    ('not a party', True)
    """
    frame = data.load("treaty_status") if frame is None else frame
    rows = frame[(frame["state"] == state) & (frame["treaty_short"] == treaty) & frame["preferred"]]
    return _summary(_records(rows))


def _summaries(frame: pd.DataFrame, pairs) -> list[dict]:
    """``treaty_status_summary`` for each (state, treaty) of ``pairs``, the frame read once."""
    groups = _by_pair(frame)
    return [_summary(groups.get(pair, [])) for pair in pairs]


def _steps(part: pd.DataFrame) -> str:
    return "; ".join(
        f"{r['action'].replace('_', ' ')} {when_text(r)}"
        + ("" if r["preferred"] else " (disputed or wrong: see notes)")
        for _, r in part.iterrows()
    )


def treaty_rows(view: str, choice: str, frame: pd.DataFrame | None = None) -> list[dict]:
    """One dict per line of a treaty table: for a treaty, each state; for a state, each treaty.

    Keys: ``name`` (the state or treaty), ``status``, ``since``, ``steps``, ``reservations``,
    ``relevance`` and ``sources`` (short citations).

    >>> states = list(data.labels("treaty_status.state"))
    >>> [r["name"] for r in treaty_rows("state", states[0])] == list(data.labels("treaty_status.treaty_short").values())
    True
    >>> {r["status"] for r in treaty_rows("state", states[0])} <= set(STATUSES)
    True
    """
    frame = data.load("treaty_status") if frame is None else frame
    states, treaties = data.labels("treaty_status.state"), data.labels("treaty_status.treaty_short")
    pairs = [(s, choice) for s in states] if view == "treaty" else [(choice, t) for t in treaties]
    lines = []
    for (state, treaty), summary in zip(pairs, _summaries(frame, pairs), strict=True):
        since = (
            summary["since"].strftime("%d %b %Y").lstrip("0") if pd.notna(summary["since"]) else summary["since_text"]
        )
        part = frame[(frame["state"] == state) & (frame["treaty_short"] == treaty)]
        lines.append(
            {
                "name": states[state] if view == "treaty" else treaties[treaty],
                "status": summary["status"],
                "since": since if summary["status"] == "party" else "",
                "steps": _steps(part),
                "reservations": "; ".join(part["reservations"].dropna().unique()) or "none recorded",
                "relevance": next((x for x in part[part["preferred"]]["relevance"].dropna()), ""),
                "sources": ", ".join(sorted({data.short_cite(x) for x in part["source_id"]})),
            }
        )
    return lines


def bound_by(state: str, year: int, frame: pd.DataFrame | None = None) -> tuple[list, list]:
    """(treaties binding ``state`` by the end of ``year``, [(treaty, year) it joined later]).

    >>> state = list(data.labels("treaty_status.state"))[0]
    >>> before, later = bound_by(state, 1900)
    >>> before, all(y > 1900 for _, y in later)
    ([], True)
    """
    frame = data.load("treaty_status") if frame is None else frame
    before, later = [], []
    treaties = list(data.labels("treaty_status.treaty_short"))
    for treaty, r in zip(treaties, _summaries(frame, [(state, t) for t in treaties]), strict=True):
        if r["status"] == "party" and pd.notna(r["since"]):
            (before.append(treaty) if r["since"].year <= year else later.append((treaty, r["since"].year)))
    return before, later


def with_status(status: str, frame: pd.DataFrame | None = None) -> list[tuple[str, str]]:
    """Every (state, treaty) pair with the given status, in label order.

    >>> all(s in data.labels("treaty_status.state") for s, _ in with_status("not a party"))
    True
    """
    frame = data.load("treaty_status") if frame is None else frame
    pairs = [(s, t) for s in data.labels("treaty_status.state") for t in data.labels("treaty_status.treaty_short")]
    return [pair for pair, r in zip(pairs, _summaries(frame, pairs), strict=True) if r["status"] == status]
