"""Reading one CSV file: every cell checked against its field in ``datapackage.json`` and typed.

>>> from borderline.data.loading import data_dir, schema
>>> frame = read(data_dir() / "sources.csv", schema("sources"))
>>> frame.columns[0], str(frame["source_id"].dtype), "_line" in frame.columns
('source_id', 'string', True)
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from .errors import DataError
from .paths import _rel

ID_LIST = re.compile(r"^[A-Z][A-Z0-9_]*(;[A-Z][A-Z0-9_]*)*$")
_PATTERN_FIXES = {
    ID_LIST.pattern: "separate ids with ';' and no spaces, e.g. AUTHOR2001;OTHER2005.",
    "^[A-Z][A-Z0-9_]*$": "use one upper-case id such as AUTHOR2001 (capital letters, digits and _ only).",
}
_TRUE, _FALSE = {"TRUE", "true", "True"}, {"FALSE", "false", "False"}

# --- reading cells -----------------------------------------------------------


def _number(value: str, kind: str):
    if kind in ("integer", "year"):
        text = value.replace(",", "").replace("_", "").strip()
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError(
                f"'{value}' is not a whole number",
                "write digits only, for example 3500000 (no words, units or decimals).",
            )
        return int(text)
    try:
        return float(value.replace(",", "").strip())
    except ValueError:
        raise ValueError(
            f"'{value}' is not a number", "write digits with an optional decimal point, for example 3.5."
        ) from None


def _date(value: str):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(
            f"'{value}' is not a date written YYYY-MM-DD",
            "write the date as YYYY-MM-DD, or leave it empty and use the date_text column.",
        )
    try:
        return pd.Timestamp(value).date()
    except ValueError:
        raise ValueError(f"'{value}' is not a real calendar date", "check the day and month.") from None


def _cast(value: str, field: dict):
    """Return the typed value of one non-empty cell, or raise ValueError(reason, fix)."""
    kind = field.get("type", "string")
    if kind in ("integer", "year", "number"):
        return _number(value, kind)
    if kind == "boolean":
        if value in _TRUE | _FALSE:
            return value in _TRUE
        raise ValueError(f"'{value}' is not TRUE or FALSE", "write TRUE or FALSE.")
    if kind == "date":
        return _date(value)
    return value


def _check_constraints(value, field: dict):
    c = field.get("constraints", {})
    if "enum" in c and value not in c["enum"]:
        raise ValueError(
            f"'{value}' is not one of the allowed values", "use one of: " + ", ".join(map(str, c["enum"])) + "."
        )
    if "minimum" in c and value < c["minimum"]:
        raise ValueError(f"{value} is below the minimum {c['minimum']}", "check the figure.")
    if "maximum" in c and value > c["maximum"]:
        raise ValueError(f"{value} is above the maximum {c['maximum']}", "check the figure.")
    if "pattern" in c and not re.fullmatch(c["pattern"], str(value)):
        fix = _PATTERN_FIXES.get(c["pattern"], f"it must match the pattern {c['pattern']}; compare the rows above it.")
        raise ValueError(f"'{value}' does not have the expected form", fix)


def _csv_rows(path: Path, rel: str) -> list[list[str]]:
    if not path.exists():
        raise DataError(rel, "the file is missing.", "restore it from git or remove it from datapackage.json.")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError:
        raise DataError(
            rel, "the file is not saved as UTF-8 text.", "save it again as 'CSV UTF-8' from your spreadsheet program."
        ) from None
    if not rows:
        raise DataError(rel, "the file is empty.", "restore it from git.")
    return rows


def _check_header(header: list[str], expected: list[str], rel: str) -> None:
    missing = [n for n in expected if n not in header]
    if missing:
        raise DataError(
            rel,
            f"the header has no column '{missing[0]}'.",
            column=missing[0],
            fix="the first line must name these columns: " + ",".join(expected) + ".",
        )
    extra = [h for h in header if h not in expected]
    if extra:
        raise DataError(
            rel,
            f"the header has an unexpected column '{extra[0]}'.",
            column=extra[0],
            fix="remove it, or describe it in datasets/datapackage.json.",
        )


def _record(row: list[str], index: dict, fields: list[dict], rel: str, line_no: int) -> dict:
    record = {}
    for f in fields:
        raw = row[index[f["name"]]].strip()
        if raw == "":
            if f.get("constraints", {}).get("required"):
                raise DataError(
                    rel,
                    "this cell is empty but is required.",
                    row=line_no,
                    column=f["name"],
                    fix=f"fill in {f.get('title', f['name'])}.",
                )
            record[f["name"]] = None
            continue
        try:
            value = _cast(raw, f)
            _check_constraints(value, f)
        except ValueError as exc:
            reason, fix = exc.args if len(exc.args) == 2 else (str(exc), "")
            raise DataError(rel, reason + ".", fix, row=line_no, column=f["name"]) from None
        record[f["name"]] = value
    record["_line"] = line_no
    return record


def read(path: Path, resource: dict) -> pd.DataFrame:
    """One CSV file as a typed DataFrame, with each row's line number in ``_line`` (see the module example).

    >>> from borderline.data.loading import data_dir, schema
    >>> read(data_dir() / "no-such.csv", schema("sources"))
    Traceback (most recent call last):
    ...
    borderline.data.errors.DataError: datasets/no-such.csv: the file is missing. Fix: restore it from git or remove it from datapackage.json.
    """
    fields = resource["schema"]["fields"]
    rel = _rel(path)
    rows = _csv_rows(path, rel)
    header = [h.strip() for h in rows[0]]
    expected = [f["name"] for f in fields]
    _check_header(header, expected, rel)
    index = {name: header.index(name) for name in expected}
    records = []
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise DataError(
                rel,
                f"this line has {len(row)} cells but the header has {len(header)}.",
                row=line_no,
                fix="a comma inside a text cell needs the whole cell in double quotes.",
            )
        records.append(_record(row, index, fields, rel, line_no))
    frame = pd.DataFrame.from_records(records, columns=expected + ["_line"])
    return _typed(frame, fields)


def _typed(frame: pd.DataFrame, fields: list[dict]) -> pd.DataFrame:
    dtypes = {"integer": "Int64", "year": "Int64", "number": "Float64", "boolean": "boolean"}
    for f in fields:
        kind, col = f.get("type", "string"), f["name"]
        if kind == "date":
            frame[col] = pd.to_datetime(frame[col])
        else:
            frame[col] = frame[col].astype(dtypes.get(kind, "string"))
    return frame
