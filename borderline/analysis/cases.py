"""Status determination: compare a student's judgement of each element of a case with the expected one.

The elements are the columns of ``cases.csv`` listed under ``cases.element`` in labels.csv,
in that order; the answers a student can give are the values those columns allow.

>>> import pandas as pd
>>> cases = pd.DataFrame([{"case_id": "x", "a": "yes", "b": "arguable", "feedback": "Well done.", "source_id": "SRC"}])
>>> r = grade_case("x", {"a": "yes", "b": "no"}, cases, columns=["a", "b"])
>>> r["right"], r["answered"], r["marks"]
(1, 2, {'a': True, 'b': False})
"""

from __future__ import annotations

import pandas as pd

from .. import data


def elements() -> list[str]:
    """The columns of cases.csv a student judges, in order.

    >>> set(elements()) <= set(data.load("cases").columns)
    True
    """
    return list(data.labels("cases.element"))


def answers() -> list[str]:
    """The answers an element allows (the enum of its column in datapackage.json).

    >>> answers() == [f for f in data.schema("cases")["schema"]["fields"] if f["name"] == elements()[0]][0]["constraints"]["enum"]
    True
    """
    fields = {f["name"]: f for f in data.schema("cases")["schema"]["fields"]}
    return list(fields[elements()[0]]["constraints"]["enum"])


def parse_answers(saved: str, allowed=None) -> dict:
    """Answers saved in the journal as 'element=answer;...' (answers not ``allowed`` dropped).

    >>> parse_answers("a=yes;b=maybe;c=no") == {"a": "yes", "c": "no"}
    True
    """
    allowed = set(answers() if allowed is None else allowed)
    pairs = dict(part.split("=", 1) for part in (saved or "").split(";") if "=" in part)
    return {k: v for k, v in pairs.items() if v in allowed}


def grade_case(case_id: str, given: dict, cases: pd.DataFrame | None = None, columns: list | None = None) -> dict:
    """Marks (True, False, or None where no answer was given) against the expected answers.

    >>> r = grade_case(data.load("cases")["case_id"].iloc[0], {})
    >>> r["answered"], r["right"], set(r["marks"].values())
    (0, 0, {None})
    """
    cases = data.load("cases") if cases is None else cases
    columns = elements() if columns is None else columns
    row = cases[cases["case_id"] == case_id]
    if row.empty:
        raise data.DataError("datasets/cases.csv", f"there is no case '{case_id}'.")
    row = row.iloc[0]
    marks = {c: None if given.get(c) is None else given.get(c) == str(row[c]) for c in columns}
    return {
        "marks": marks,
        "right": sum(bool(v) for v in marks.values()),
        "answered": sum(v is not None for v in marks.values()),
        "expected": {c: str(row[c]) for c in columns},
        "feedback": str(row["feedback"]),
        "source_id": str(row["source_id"]),
    }
