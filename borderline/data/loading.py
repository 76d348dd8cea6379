"""Read one table of ``datasets/``, check every cell against ``datapackage.json``, type it.

``load(name)`` returns a pandas DataFrame. A broken cell (a typo in a number, a missing
column, a ``source_id`` that is not in the bibliography) raises one :class:`DataError`
that names the file, the row and the column, and says what to fix.

>>> frame = load("sources")
>>> frame.columns[0], str(frame["source_id"].dtype)
('source_id', 'string')
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import cache
from .cells import ID_LIST, read
from .checks import check_table
from .errors import DataError
from .paths import PACKAGE_DIR, _rel, data_dir

__all__ = ["PACKAGE_DIR", "ID_LIST", "data_dir", "names", "schema", "stamp", "load"]


@lru_cache(maxsize=4)
def _package_read(path: str, mtime: float) -> dict:
    """The parsed description, read once per version of the file (treat it as read-only)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(
            _rel(Path(path)), f"is not valid JSON (line {exc.lineno}: {exc.msg}).", "undo the last edit to this file."
        ) from None


def _package(folder: Path) -> dict:
    path = folder / "datapackage.json"
    if not path.exists():
        raise DataError(
            _rel(path), "the data package description is missing.", "restore datasets/datapackage.json from git."
        )
    return _package_read(str(path), path.stat().st_mtime)


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
    raise DataError("datasets/datapackage.json", f"there is no table called '{name}'.", f"use one of: {known}.")


@lru_cache(maxsize=64)
def _load_cached(name: str, folder: str, stamp: float) -> pd.DataFrame:
    folder_path = Path(folder)
    resource = schema(name, folder_path)
    version = cache.key(resource, folder_path, folder_path / "datapackage.json")
    copy = cache.get(name, version)
    if isinstance(copy, pd.DataFrame):
        for target in cache.references(resource):
            load(target, folder_path)  # a table it points to that has broken since still says so, as it would
        return copy
    path = folder_path / resource["path"]
    frame = read(path, resource)
    check_table(frame, resource, _rel(path), folder_path)
    frame = frame.drop(columns="_line")  # the line numbers serve the checks; every caller would drop them
    cache.put(name, version, frame)
    return frame


def stamp(name: str, folder: Path | None = None) -> float:
    """When the table, its description or the bibliography last changed: a cache key for derived lookups.

    >>> stamp("sources") >= (data_dir() / "sources.csv").stat().st_mtime
    True
    """
    folder = Path(folder) if folder else data_dir()
    path = folder / schema(name, folder)["path"]
    return max(
        path.stat().st_mtime if path.exists() else 0,
        (folder / "datapackage.json").stat().st_mtime,
        (folder / "sources.csv").stat().st_mtime if (folder / "sources.csv").exists() else 0,
    )


def load(name: str, folder: Path | None = None) -> pd.DataFrame:
    """Return one validated table as a DataFrame (a fresh copy each call).

    Integers are nullable ``Int64``, booleans ``boolean``, text ``string``.
    Raises :class:`DataError` naming file, row and column if the CSV is broken.

    >>> load("sources").columns[0]
    'source_id'
    >>> str(load("famine_estimates")["low"].dtype)
    'Int64'
    """
    folder = Path(folder) if folder else data_dir()
    return _load_cached(name, str(folder), stamp(name, folder)).copy()
