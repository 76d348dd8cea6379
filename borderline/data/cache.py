"""A copy on disk of each checked table, so a fresh kernel need not read and check the CSV again.

Reading and checking one table takes some 4 ms, and a lesson loads ten or more in its first
charts; the checked copy loads in a fraction of a millisecond. Like Python's ``.pyc`` files, a
copy belongs to one version of what it was made from: its name carries a hash of the table's
CSV, of ``datapackage.json``, of every table it points to (``sources.csv`` above all), of the
code that reads and checks tables, and of the Python and pandas versions. Edit a CSV and the
next kernel reads and checks it again, so a broken row is reported as before; a broken table is
never copied. A copy that cannot be read is ignored (and replaced); where the folder cannot be
written, tables are read from their CSV every time, as before.

The folder is ``BORDERLINE_CACHE``, else ``$XDG_CACHE_HOME/borderline/tables``, else
``~/.cache/borderline/tables``; ``BORDERLINE_CACHE=off`` turns the copies off. In the browser
(JupyterLite) there are none.

>>> import pandas as pd, tempfile
>>> folder = tempfile.mkdtemp()
>>> key = "0123abcd"
>>> put("demo", key, pd.DataFrame({"a": [1, 2]}), folder) and get("demo", key, folder)["a"].tolist()
[1, 2]
>>> get("demo", "another-version", folder) is None
True
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import pandas as pd

KEEP = 3  # copies kept per table (an instructor's edited datasets beside the shipped ones)
_CODE = ("cells.py", "checks.py", "loading.py", "errors.py", "paths.py", "cache.py")


def cache_dir() -> Path | None:
    """Where the copies go, or None when they are off.

    >>> import os; os.environ["BORDERLINE_CACHE"] = "off"
    >>> cache_dir() is None
    True
    >>> del os.environ["BORDERLINE_CACHE"]
    >>> cache_dir().parts[-2:]
    ('borderline', 'tables')
    """
    chosen = os.environ.get("BORDERLINE_CACHE", "")
    if chosen.lower() in {"off", "0", "no", "false"} or sys.platform == "emscripten":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "borderline" / "tables"


@functools.lru_cache(maxsize=1)
def _code_hash() -> str:
    digest = hashlib.blake2b(f"{sys.version}|{pd.__version__}|{pickle.HIGHEST_PROTOCOL}".encode(), digest_size=16)
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def _file_hash(path: Path) -> bytes:
    # sources.csv and datapackage.json are part of almost every table's key: hashed once per version of the file
    status = path.stat()
    return _hashed(str(path), status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=64)
def _hashed(path: str, mtime_ns: int, size: int) -> bytes:
    return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).digest()


def references(resource: dict) -> list[str]:
    """The other tables whose rows a table's checks look up: its foreign keys' tables, and ``sources`` for
    a ``more_sources`` column.

    >>> references({"name": "t", "schema": {"fields": [{"name": "more_sources"}],
    ...     "foreignKeys": [{"fields": "x", "reference": {"resource": "places", "fields": "place_id"}}]}})
    ['places', 'sources']
    """
    name, schema_ = resource["name"], resource["schema"]
    found = [fk["reference"]["resource"] for fk in schema_.get("foreignKeys", [])]
    if name != "sources" and any(f["name"] == "more_sources" for f in schema_.get("fields", [])):
        found.append("sources")
    return list(dict.fromkeys(t for t in found if t and t != name))


def key(resource: dict, folder: Path, package: Path) -> str | None:
    """The version of a checked table: a hash of everything its checks read (None if a file is missing,
    so the table is read and its error reported as usual).

    >>> from borderline.data.loading import data_dir, schema
    >>> k = key(schema("routes"), data_dir(), data_dir() / "datapackage.json")
    >>> len(k), k == key(schema("routes"), data_dir(), data_dir() / "datapackage.json")
    (32, True)
    """
    from .loading import schema

    digest = hashlib.blake2b(_code_hash().encode(), digest_size=16)
    try:
        digest.update(_file_hash(package))
        digest.update(_file_hash(folder / resource["path"]))
        for target in references(resource):
            digest.update(b"\0" + target.encode() + b"\0")
            digest.update(_file_hash(folder / schema(target, folder)["path"]))
    except Exception:  # a missing file or table: read the CSV, whose checks say what is wrong
        return None
    return digest.hexdigest()


def _path(name: str, version: str, where: Path) -> Path:
    return where / f"{name}-{version}.pickle"


def get(name: str, version: str | None, where=None) -> pd.DataFrame | None:
    """The checked copy of a table for this version, or None (no copy, copies off, or one that cannot be read).

    >>> get("sources", None) is None
    True
    """
    where = Path(where) if where else cache_dir()
    if version is None or where is None:
        return None
    path = _path(name, version, where)
    try:
        with path.open("rb") as fh:
            frame = pickle.load(fh)
    except OSError:  # no copy yet, or no folder to keep one in
        return None
    except Exception:  # a copy cut short or from elsewhere: never worse than reading the CSV
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None
    return frame if isinstance(frame, pd.DataFrame) else None


def put(name: str, version: str | None, frame: pd.DataFrame, where=None) -> bool:
    """Keep a checked table for this version (written whole, then renamed, so a reader never sees half);
    False where it cannot be written. Older copies of the table beyond the last few are removed.

    >>> put("sources", None, pd.DataFrame())
    False
    """
    where = Path(where) if where else cache_dir()
    if version is None or where is None:
        return False
    temporary = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where, prefix=f".{name}-", delete=False) as fh:
            temporary = Path(fh.name)
            pickle.dump(frame, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, _path(name, version, where))
    except Exception:  # a read-only or full disk: the table is simply read from its CSV next time
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return False
    _prune(name, where)
    return True


def _prune(name: str, where: Path) -> None:
    try:
        copies = sorted(where.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in copies[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:  # another kernel pruned first
        pass
