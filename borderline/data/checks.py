"""Checks across the rows of a table and between tables: unique keys, low not above high, ids that resolve.

>>> from borderline.data.cells import read
>>> from borderline.data.loading import data_dir, schema
>>> resource = schema("famine_comparison")
>>> check_table(read(data_dir() / resource["path"], resource), resource, "datasets/famine_comparison.csv", data_dir())
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .cells import _PATTERN_FIXES, ID_LIST
from .errors import DataError


def _load(name: str, folder: Path) -> pd.DataFrame:
    from .loading import load  # the checks of one table load the tables it points to

    return load(name, folder)


def _check_keys(frame: pd.DataFrame, key, rel: str) -> None:
    cols = [key] if isinstance(key, str) else key
    dup = frame[frame.duplicated(cols, keep="first")]
    if len(dup):
        line = int(dup["_line"].iloc[0])
        value = ", ".join(str(dup[c].iloc[0]) for c in cols)
        same = (frame[cols].astype(str) == dup[cols].iloc[0].astype(str)).all(axis=1)
        first = int(frame.loc[same, "_line"].iloc[0])
        key = "/".join(cols)
        raise DataError(
            rel,
            f"'{value}' is used twice (rows {first} and {line}); each row needs its own {key}.",
            row=line,
            column=cols[0],
            fix=f"give row {line} a new, unused {key}, or delete it if it is a copy of row {first}.",
        )


def _check_ranges(frame: pd.DataFrame, rel: str) -> None:
    bad = frame[(frame["low"].notna()) & (frame["high"].notna()) & (frame["low"] > frame["high"])]
    if len(bad):
        r = bad.iloc[0]
        raise DataError(
            rel,
            f"low ({r['low']}) is larger than high ({r['high']}).",
            row=int(r["_line"]),
            column="low",
            fix="swap them, or correct the figure.",
        )


def _check_foreign(frame: pd.DataFrame, fk: dict, resource: dict, rel: str, folder: Path) -> None:
    target = fk["reference"]["resource"] or resource["name"]
    source = frame if target == resource["name"] else _load(target, folder)
    known = set(source[fk["reference"]["fields"]].dropna())
    col = fk["fields"]
    for value, line in zip(frame[col], frame["_line"], strict=False):
        if pd.notna(value) and value not in known:
            raise DataError(
                rel,
                f"'{value}' is not in {target}.csv.",
                row=int(line),
                column=col,
                fix=f"use an existing {fk['reference']['fields']} from datasets/{target}.csv, "
                "or add a row for it there first.",
            )


def _check_more_sources(frame: pd.DataFrame, rel: str, folder: Path) -> None:
    known = set(_load("sources", folder)["source_id"])
    for value, line in zip(frame["more_sources"], frame["_line"], strict=False):
        if pd.isna(value):
            continue
        if not ID_LIST.match(value):
            raise DataError(
                rel,
                f"'{value}' is not a list of source ids.",
                row=int(line),
                column="more_sources",
                fix=_PATTERN_FIXES[ID_LIST.pattern],
            )
        for sid in value.split(";"):
            if sid not in known:
                raise DataError(
                    rel,
                    f"'{sid}' is not in sources.csv.",
                    row=int(line),
                    column="more_sources",
                    fix="add the source to datasets/sources.csv first, or correct the id.",
                )


def check_table(frame: pd.DataFrame, resource: dict, rel: str, folder: Path) -> None:
    """Raise a DataError for the first duplicate key, low above high, or id that does not resolve.

    >>> import pandas as pd
    >>> from borderline.data.paths import data_dir
    >>> frame = pd.DataFrame({"k": ["a", "a"], "_line": [2, 3]})
    >>> check_table(frame, {"name": "t", "schema": {"primaryKey": "k"}}, "t.csv", data_dir())
    Traceback (most recent call last):
    ...
    borderline.data.errors.DataError: t.csv, row 3, column 'k': 'a' is used twice (rows 2 and 3); each row needs its own k. Fix: give row 3 a new, unused k, or delete it if it is a copy of row 2.
    """
    schema_ = resource["schema"]
    if schema_.get("primaryKey"):
        _check_keys(frame, schema_["primaryKey"], rel)
    if {"low", "high"} <= set(frame.columns):
        _check_ranges(frame, rel)
    for fk in schema_.get("foreignKeys", []):
        _check_foreign(frame, fk, resource, rel, folder)
    if "more_sources" in frame.columns and resource["name"] != "sources":
        _check_more_sources(frame, rel, folder)
