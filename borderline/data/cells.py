"""Reading one CSV file: every cell checked against its field in ``datapackage.json`` and typed.

>>> from borderline.data.loading import data_dir, schema
>>> frame = read(data_dir() / "sources.csv", schema("sources"))
>>> frame.columns[0], str(frame["source_id"].dtype), "_line" in frame.columns
('source_id', 'string', True)
"""

from __future__ import annotations

import csv
import datetime
import io
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


_SPREADSHEET = "Spreadsheets often change cells like this when saving: set the column's format to text"


def _separated(value: str, kind: str):
    """The reason and fix for a number written with a comma ("1,000" or a decimal comma "3,5")."""
    text = value.strip()
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text):
        digits = text.replace(",", "")
        other = f" (or {text.replace(',', '.')} if the comma is a decimal point)" if kind == "number" else ""
        return (
            f"'{value}' has a comma in it",
            f"write {digits}{other}: digits only, no thousands separators. {_SPREADSHEET} or General, "
            f"then type {digits}.",
        )
    if kind == "number" and re.fullmatch(r"-?\d+,\d+", text):
        return f"'{value}' has a decimal comma", f"write {text.replace(',', '.')} with a decimal point."
    return f"'{value}' is not a number", "write digits only, with an optional decimal point, for example 3.5."


def _number(value: str, kind: str):
    if re.search(r"\d,\d", value):
        raise ValueError(*_separated(value, kind))
    if re.fullmatch(r"-?\d+(\.\d+)?[eE][+-]?\d+", value.strip()):
        exact = float(value)
        digits = f"{exact:.0f}" if exact.is_integer() else f"{exact:f}".rstrip("0")
        raise ValueError(
            f"'{value}' is written in scientific notation",
            f"write {digits}. {_SPREADSHEET} or Number, then type {digits}.",
        )
    if kind in ("integer", "year"):
        text = value.replace("_", "").strip()
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


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _date_guess(value: str) -> list[str]:
    """The YYYY-MM-DD dates a spreadsheet's rewriting of a date may stand for (24/09/1982: 1982-09-24)."""
    text = value.strip()
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?", text)
    if m:
        return [m.group(1)]
    m = re.fullmatch(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})", text)
    if m:
        return [d for d in [_iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))] if d]
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        found = [_iso(year, b, a), _iso(year, a, b)]  # day first (24/09/1982), then month first (09/24/1982)
        return list(dict.fromkeys(d for d in found if d))
    return []


def _date(value: str):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        guesses = _date_guess(value)
        if len(guesses) == 1:
            raise ValueError(
                f"'{value}' is not a date in the form YYYY-MM-DD ({guesses[0]})",
                f"{_SPREADSHEET}, or type {guesses[0]}.",
            )
        if len(guesses) == 2:
            raise ValueError(
                f"'{value}' is not a date in the form YYYY-MM-DD ({guesses[0]} if the day comes first, "
                f"{guesses[1]} if the month does)",
                f"{_SPREADSHEET}, then type the date as YYYY-MM-DD.",
            )
        if re.fullmatch(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}", value.strip()):
            raise ValueError(
                f"'{value}' is not a date in the form YYYY-MM-DD",
                f"{_SPREADSHEET}, then type the date as YYYY-MM-DD with the year in full (four digits).",
            )
        raise ValueError(
            f"'{value}' is not a date in the form YYYY-MM-DD",
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
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as some spreadsheets write, is dropped
    except UnicodeDecodeError:
        raise _not_utf8(raw, rel) from None
    return list(csv.reader(io.StringIO(text, newline="")))  # Windows line endings are read as line endings


def _not_utf8(raw: bytes, rel: str) -> DataError:
    """Where a file saved in Latin-1 or Windows-1252 first has a character that is not UTF-8."""
    rows = list(csv.reader(io.StringIO(raw.decode("latin-1"), newline="")))
    header = [h.strip() for h in rows[0]] if rows else []
    fix = (
        "save it again as UTF-8: in Excel choose 'CSV UTF-8 (Comma delimited)'; in LibreOffice tick "
        "'Edit filter settings' and choose the character set 'Unicode (UTF-8)'."
    )
    for row_no, row in enumerate(rows, start=1):
        for col_no, cell in enumerate(row):
            try:
                cell.encode("latin-1").decode("utf-8")
            except UnicodeDecodeError:
                shown = cell.encode("latin-1").decode("cp1252", errors="replace").strip()[:40]
                column = header[col_no] if col_no < len(header) and row_no > 1 else None
                return DataError(
                    rel,
                    f"the file is not saved as UTF-8 text ('{shown}' looks like Latin-1 or Windows-1252).",
                    fix,
                    row=row_no,
                    column=column,
                )
    return DataError(rel, "the file is not saved as UTF-8 text.", fix)


def _check_shape(rows: list[list[str]], expected: list[str], rel: str) -> None:
    """An emptied file, or one whose columns are separated by semicolons or tabs, explained."""
    if not any(cell.strip() for row in rows for cell in row):
        raise DataError(
            rel,
            "the file is empty: it has no header and no rows.",
            f"restore it from git (git checkout -- {rel}), or undo the edit in your spreadsheet and save again; "
            "the first line must name the columns " + ",".join(expected) + ".",
            row=1,
            column=expected[0],
        )
    first = ",".join(rows[0])
    found = sum(h.strip() in expected for h in rows[0])
    for sep, word in ((";", "semicolons (;)"), ("\t", "tabs")):
        parts = [p.strip().strip('"') for p in first.split(sep)]
        if len(parts) > 1 and sum(p in expected for p in parts) > found:
            raise DataError(
                rel,
                f"the columns are separated by {word}, not commas.",
                "save it again with commas between the columns: in Excel choose 'CSV UTF-8 (Comma delimited)'; "
                "in LibreOffice tick 'Edit filter settings' and choose ',' as the field delimiter.",
                row=1,
                column=expected[0],
            )


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
    expected = [f["name"] for f in fields]
    _check_shape(rows, expected, rel)
    header = [h.strip() for h in rows[0]]
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
                fix="a comma inside a text cell needs the whole cell in double quotes, and a number "
                "needs no thousands separator (write 1000, not 1,000).",
            )
        records.append(_record(row, index, fields, rel, line_no))
    if not records:
        raise DataError(
            rel,
            "the file has its header but no rows.",
            f"add the rows under the header, or restore the file from git (git checkout -- {rel}).",
            row=2,
            column=expected[0],
        )
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
