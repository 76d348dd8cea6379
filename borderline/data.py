"""Load the curriculum's datasets, validated, with proper types.

Every table in ``datasets/`` is described in ``datasets/datapackage.json``.
``load(name)`` reads one table, checks every cell against that description and
returns a pandas DataFrame. A broken cell (a typo in a number, a missing
column, a ``source_id`` that is not in the bibliography) raises one
:class:`DataError` that names the file, the row and the column, and says what
to fix.

>>> famine = load("famine_estimates")
>>> int(famine.set_index("est_id").loc["E01", "low"])
220000
>>> cite("S004").startswith("James D. Seymour")
True
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["DataError", "load", "cite", "source_line", "names", "data_dir", "schema", "sources_used", "bibliography", "borders", "rows",
           "arrivals_by_year"]

PACKAGE_DIR = Path(__file__).resolve().parent
ID_LIST = re.compile(r"^[A-Z][A-Z0-9_]*(;[A-Z][A-Z0-9_]*)*$")
_PATTERN_FIXES = {
    ID_LIST.pattern: "separate ids with ';' and no spaces, e.g. HN2007;OFK2005.",
    "^[A-Z][A-Z0-9_]*$": "use one upper-case id such as HN2007 (capital letters, digits and _ only).",
}


class BorderlineError(Exception):
    """Base class for errors that the curriculum explains to a person."""


class DataError(BorderlineError, ValueError):
    """A dataset cell, row or file that does not match the description.

    Attributes name where to look, so an instructor can fix the CSV.
    """

    def __init__(self, file, problem, fix="", row=None, column=None):
        self.file, self.row, self.column = str(file), row, column
        self.problem, self.fix = problem, fix
        where = self.file
        if row is not None:
            where += f", row {row}"
        if column is not None:
            where += f", column '{column}'"
        message = f"{where}: {problem}"
        if fix:
            message += f" Fix: {fix}"
        super().__init__(message)


def data_dir() -> Path:
    """The folder holding the CSV files (``BORDERLINE_DATA`` overrides it).

    >>> data_dir().name
    'datasets'
    """
    override = os.environ.get("BORDERLINE_DATA")
    return Path(override) if override else PACKAGE_DIR.parent / "datasets"


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(data_dir().parent))
    except ValueError:
        return str(path)


def _package(folder: Path) -> dict:
    path = folder / "datapackage.json"
    if not path.exists():
        raise DataError(_rel(path), "the data package description is missing.",
                        "restore datasets/datapackage.json from git.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(_rel(path), f"is not valid JSON (line {exc.lineno}: {exc.msg}).",
                        "undo the last edit to this file.") from None


def names(folder: Path | None = None) -> list[str]:
    """The names of the tables ``load`` accepts.

    >>> "sources" in names()
    True
    """
    return [r["name"] for r in _package(folder or data_dir())["resources"]]


def schema(name: str, folder: Path | None = None) -> dict:
    """The resource description of one table (fields, keys, title).

    >>> schema("glossary")["schema"]["primaryKey"]
    'term_id'
    """
    folder = folder or data_dir()
    for resource in _package(folder)["resources"]:
        if resource["name"] == name:
            return resource
    known = ", ".join(names(folder))
    raise DataError("datasets/datapackage.json", f"there is no table called '{name}'.",
                    f"use one of: {known}.")


# --- reading cells -----------------------------------------------------------

_TRUE, _FALSE = {"TRUE", "true", "True"}, {"FALSE", "false", "False"}


def _cast(value: str, field: dict):
    """Return the typed value of one non-empty cell, or raise ValueError(reason, fix)."""
    kind = field.get("type", "string")
    if kind in ("integer", "year"):
        text = value.replace(",", "").replace("_", "").strip()
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError(f"'{value}' is not a whole number",
                             "write digits only, for example 3500000 (no words, units or decimals).")
        return int(text)
    if kind == "number":
        text = value.replace(",", "").strip()
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"'{value}' is not a number",
                             "write digits with an optional decimal point, for example 3.5.") from None
    if kind == "boolean":
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise ValueError(f"'{value}' is not TRUE or FALSE", "write TRUE or FALSE.")
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"'{value}' is not a date written YYYY-MM-DD",
                             "write the date as YYYY-MM-DD, or leave it empty and use the date_text column.")
        try:
            return pd.Timestamp(value).date()
        except ValueError:
            raise ValueError(f"'{value}' is not a real calendar date", "check the day and month.") from None
    return value


def _check_constraints(value, field: dict):
    c = field.get("constraints", {})
    if "enum" in c and value not in c["enum"]:
        raise ValueError(f"'{value}' is not one of the allowed values",
                         "use one of: " + ", ".join(map(str, c["enum"])) + ".")
    if "minimum" in c and value < c["minimum"]:
        raise ValueError(f"{value} is below the minimum {c['minimum']}", "check the figure.")
    if "maximum" in c and value > c["maximum"]:
        raise ValueError(f"{value} is above the maximum {c['maximum']}", "check the figure.")
    if "pattern" in c and not re.fullmatch(c["pattern"], str(value)):
        fix = _PATTERN_FIXES.get(c["pattern"], f"it must match the pattern {c['pattern']}; compare the rows above it.")
        raise ValueError(f"'{value}' does not have the expected form", fix)


def _read(path: Path, resource: dict) -> pd.DataFrame:
    fields = resource["schema"]["fields"]
    rel = _rel(path)
    if not path.exists():
        raise DataError(rel, "the file is missing.", "restore it from git or remove it from datapackage.json.")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError:
        raise DataError(rel, "the file is not saved as UTF-8 text.",
                        "save it again as 'CSV UTF-8' from your spreadsheet program.") from None
    if not rows:
        raise DataError(rel, "the file is empty.", "restore it from git.")
    header = [h.strip() for h in rows[0]]
    expected = [f["name"] for f in fields]
    missing = [n for n in expected if n not in header]
    if missing:
        raise DataError(rel, f"the header has no column '{missing[0]}'.", column=missing[0],
                        fix="the first line must name these columns: " + ",".join(expected) + ".")
    extra = [h for h in header if h not in expected]
    if extra:
        raise DataError(rel, f"the header has an unexpected column '{extra[0]}'.", column=extra[0],
                        fix="remove it, or describe it in datasets/datapackage.json.")
    index = {name: header.index(name) for name in expected}
    records = []
    for line_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise DataError(rel, f"this line has {len(row)} cells but the header has {len(header)}.", row=line_no,
                            fix="a comma inside a text cell needs the whole cell in double quotes.")
        record = {}
        for f in fields:
            raw = row[index[f["name"]]].strip()
            if raw == "":
                if f.get("constraints", {}).get("required"):
                    raise DataError(rel, "this cell is empty but is required.", row=line_no,
                                    column=f["name"], fix=f"fill in {f.get('title', f['name'])}.")
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
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=expected + ["_line"])
    return _typed(frame, fields)


def _typed(frame: pd.DataFrame, fields: list[dict]) -> pd.DataFrame:
    for f in fields:
        kind, col = f.get("type", "string"), f["name"]
        if kind in ("integer", "year"):
            frame[col] = frame[col].astype("Int64")
        elif kind == "number":
            frame[col] = frame[col].astype("Float64")
        elif kind == "boolean":
            frame[col] = frame[col].astype("boolean")
        elif kind == "date":
            frame[col] = pd.to_datetime(frame[col])
        else:
            frame[col] = frame[col].astype("string")
    return frame


def _check_table(frame: pd.DataFrame, resource: dict, rel: str, folder: Path):
    schema_ = resource["schema"]
    key = schema_.get("primaryKey")
    if key:
        cols = [key] if isinstance(key, str) else key
        dup = frame[frame.duplicated(cols, keep="first")]
        if len(dup):
            line = int(dup["_line"].iloc[0])
            value = ", ".join(str(dup[c].iloc[0]) for c in cols)
            raise DataError(rel, f"'{value}' is used twice; each row needs its own {'/'.join(cols)}.",
                            row=line, column=cols[0], fix="give this row a new, unused id.")
    if {"low", "high"} <= set(frame.columns):
        bad = frame[(frame["low"].notna()) & (frame["high"].notna()) & (frame["low"] > frame["high"])]
        if len(bad):
            r = bad.iloc[0]
            raise DataError(rel, f"low ({r['low']}) is larger than high ({r['high']}).",
                            row=int(r["_line"]), column="low", fix="swap them, or correct the figure.")
    for fk in schema_.get("foreignKeys", []):
        target = fk["reference"]["resource"] or resource["name"]
        if target == resource["name"]:
            known = set(frame[fk["reference"]["fields"]].dropna())
        else:
            known = set(load(target, folder)[fk["reference"]["fields"]].dropna())
        col = fk["fields"]
        for value, line in zip(frame[col], frame["_line"]):
            if pd.notna(value) and value not in known:
                raise DataError(rel, f"'{value}' is not in {target}.csv.", row=int(line), column=col,
                                fix=f"use an existing {fk['reference']['fields']} from datasets/{target}.csv, "
                                    "or add a row for it there first.")
    if "more_sources" in frame.columns and resource["name"] != "sources":
        known = set(load("sources", folder)["source_id"])
        for value, line in zip(frame["more_sources"], frame["_line"]):
            if pd.isna(value):
                continue
            if not ID_LIST.match(value):
                raise DataError(rel, f"'{value}' is not a list of source ids.", row=int(line),
                                column="more_sources", fix="separate ids with ';' and no spaces, e.g. HN2007;OFK2005.")
            for sid in value.split(";"):
                if sid not in known:
                    raise DataError(rel, f"'{sid}' is not in sources.csv.", row=int(line), column="more_sources",
                                    fix="add the source to datasets/sources.csv first, or correct the id.")


@lru_cache(maxsize=64)
def _load_cached(name: str, folder: str, stamp: float) -> pd.DataFrame:
    folder_path = Path(folder)
    resource = schema(name, folder_path)
    path = folder_path / resource["path"]
    frame = _read(path, resource)
    _check_table(frame, resource, _rel(path), folder_path)
    return frame


def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Return one validated table as a DataFrame (a fresh copy each call).

    Integers are nullable ``Int64``, booleans ``boolean``, text ``string``.
    Raises :class:`DataError` naming file, row and column if the CSV is broken.

    >>> load("sources").columns[0]
    'source_id'
    """
    folder = Path(folder) if folder else data_dir()
    resource = schema(name, folder)
    path = folder / resource["path"]
    stamp = max(path.stat().st_mtime if path.exists() else 0,
                (folder / "datapackage.json").stat().st_mtime,
                (folder / "sources.csv").stat().st_mtime if (folder / "sources.csv").exists() else 0)
    frame = _load_cached(name, str(folder), stamp).copy()
    return frame.drop(columns="_line")


# --- citations ----------------------------------------------------------------

@dataclass(frozen=True)
class _Source:
    source_id: str
    title: str
    author: str
    date: str
    url: str


@lru_cache(maxsize=4)
def _source_index(folder: str, stamp: float) -> dict:
    """source_id -> (_Source, short label); built once per version of sources.csv (charts cite a lot)."""
    table = load("sources", Path(folder))
    get = lambda row, col: "" if pd.isna(row[col]) else str(row[col])  # noqa: E731
    index = {}
    for _, row in table.iterrows():
        source = _Source(row["source_id"], get(row, "title"), get(row, "author_publisher"), get(row, "date"),
                         get(row, "url"))
        index[row["source_id"]] = (source, get(row, "short") or f"{source.author} {source.date[:4]}".strip())
    return index


def _sources() -> dict:
    folder = data_dir()
    path = folder / "sources.csv"
    stamp = max(path.stat().st_mtime if path.exists() else 0, (folder / "datapackage.json").stat().st_mtime)
    return _source_index(str(folder), stamp)


def _source(source_id: str) -> _Source:
    index = _sources()
    if source_id not in index:
        raise DataError("datasets/sources.csv", f"there is no source '{source_id}'.",
                        "check the id, or add the source to datasets/sources.csv.")
    return index[source_id][0]


def cite(source_id: str, url: bool = True) -> str:
    """A one-line citation: author, title, date (and address).

    >>> cite("S003", url=False)
    'Joel R. Charny (Refugees International); International Herald Tribune, reprinted by YaleGlobal, "Help the Refugees Who Reach China" (2005-06-14).'
    """
    s = _source(source_id)
    text = f'{s.author}, "{s.title}" ({s.date}).'
    if url and s.url:
        text += f" {s.url}"
    return text


def short_cite(source_id: str) -> str:
    """A short label for charts: publisher and year.

    >>> short_cite("S004")
    'James D. Seymour / HRIC 2000'
    """
    _source(source_id)  # raises a clear error for an unknown id
    return _sources()[source_id][1]


def source_line(source_ids, most: int = 4) -> str:
    """The 'Source:' line printed under a chart.

    >>> source_line(["OGRADA", "S004"])
    'Sources: Ó Gráda c. 2007; James D. Seymour / HRIC 2000. Full references: datasets/sources.csv'
    """
    ids = []
    for value in source_ids:
        for sid in str(value).split(";"):
            if sid and sid != "<NA>" and sid not in ids:
                ids.append(sid)
    labels = list(dict.fromkeys(short_cite(s) for s in ids))
    word = "Source" if len(labels) == 1 else "Sources"
    more = f" and {len(labels) - most} more" if len(labels) > most else ""
    return f"{word}: {'; '.join(labels[:most])}{more}. Full references: datasets/sources.csv"


def sources_used(*tables: str) -> list[str]:
    """Every source id cited by the given tables, in bibliography order.

    >>> "OGRADA" in sources_used("famine_comparison")
    True
    """
    wanted = set()
    for name in tables:
        frame = load(name)
        for col in ("source_id", "more_sources"):
            if col in frame.columns:
                for value in frame[col].dropna():
                    wanted.update(str(value).split(";"))
    order = list(load("sources")["source_id"])
    return [s for s in order if s in wanted]


class Bibliography:
    """A list of full citations that shows as HTML in a notebook and as text elsewhere."""

    def __init__(self, ids):
        self.ids = list(ids)

    def __str__(self) -> str:
        return "\n".join(f"- [{s}] {cite(s)}" for s in self.ids)

    def _repr_html_(self) -> str:
        import html as _html

        items = "".join(f"<li><code>{_html.escape(s)}</code> {_html.escape(cite(s))}</li>" for s in self.ids)
        return f'<ul class="bl-bibliography">{items}</ul>'


def bibliography(*tables: str, extra=()) -> Bibliography:
    """The full references behind one or more tables (plus any extra ids).

    >>> len(bibliography("famine_comparison").ids) >= 2
    True
    """
    ids = sources_used(*tables)
    ids += [s for s in extra if s not in ids]
    return Bibliography(ids)


@lru_cache(maxsize=2)
def _borders(path: str, stamp: float) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(_rel(Path(path)), f"the border geometry cannot be read ({exc}).",
                        "restore datasets/geo/borders.geojson from git.") from None


def borders() -> dict:
    """Country borders for East Asia (Natural Earth, GeoJSON), shipped in the repository.

    >>> sorted(f["properties"]["iso_a2"] for f in borders()["features"])[:3]
    ['BN', 'CN', 'FM']
    """
    path = data_dir() / "geo" / "borders.geojson"
    if not path.exists():
        raise DataError(_rel(path), "the border geometry is missing.", "restore it from git.")
    return _borders(str(path), path.stat().st_mtime)


# --- small tables for reading in a notebook ---------------------------------------------

_HIDDEN = {"notes", "more_sources", "description", "method", "feedback", "summary"}


def _styled(frame: pd.DataFrame):
    """A DataFrame shown without its index, whole numbers with thousands separators (years left alone)."""
    counts = [c for c in frame.columns if str(frame[c].dtype) == "Int64" and "year" not in c
              and not c.startswith("period_") and c != "leg"]
    dates = [c for c in frame.columns if str(frame[c].dtype).startswith("datetime")]
    formats = {c: "{:,}" for c in counts} | {c: (lambda d: "" if pd.isna(d) else d.strftime("%d %b %Y")) for c in dates}
    return frame.style.hide(axis="index").format(formats, na_rep="")


def rows(name: str, *ids: str, columns=None, **where):
    """Some rows of a table, picked by id or by column value, shown without clutter.

    >>> rows("famine_estimates", "E21", "E22").data["est_id"].tolist()
    ['E21', 'E22']
    >>> rows("population", year=1995).data["year"].unique().tolist()
    [1995]
    """
    frame = load(name)
    key = schema(name)["schema"].get("primaryKey")
    if ids:
        key = key if isinstance(key, str) else frame.columns[0]
        unknown = [i for i in ids if i not in set(frame[key])]
        if unknown:
            raise DataError(f"datasets/{name}.csv", f"there is no row '{unknown[0]}'.", f"check the {key} column.")
        frame = frame[frame[key].isin(ids)]
    for col, value in where.items():
        if col not in frame.columns:
            raise DataError(f"datasets/{name}.csv", f"there is no column '{col}'.",
                            "use one of: " + ", ".join(frame.columns) + ".")
        frame = frame[frame[col] == value]
    if columns is None:
        columns = [c for c in frame.columns if c not in _HIDDEN]
    elif isinstance(columns, str):
        columns = columns.split()
    return _styled(frame[list(columns)])


def arrivals_by_year(first: int, last: int, total: bool = True):
    """Arrivals in South Korea by year (preferred single-year figures), with a total row if asked.

    >>> table = arrivals_by_year(2002, 2019).data
    >>> int(table.iloc[-1]["women"]), int(table.iloc[-1]["total"])
    (23566, 31533)
    """
    frame = load("arrivals")
    part = frame[frame["preferred"] & (frame["year_start"] == frame["year_end"])
                 & frame["year_start"].between(first, last)]
    table = pd.DataFrame({"year": part["year_start"].astype(str), "men": part["male"], "women": part["female"],
                          "total": part["total"], "source": part["source_id"]})
    total_row = total
    total = pd.DataFrame([{"year": f"{first}-{last}", "men": table["men"].sum(min_count=1),
                           "women": table["women"].sum(min_count=1), "total": table["total"].sum(), "source": ""}])
    table = pd.concat([table, total], ignore_index=True) if total_row else table
    for col in ("men", "women", "total"):
        table[col] = table[col].astype("Int64")
    return _styled(table)
