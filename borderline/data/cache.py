"""Copies on disk of what a kernel makes from the datasets: each checked table, and each chart.

Reading and checking one table takes some 4 ms, and building one chart 20-120 ms; a lesson
loads ten tables and draws several charts, and every fresh kernel would do it all again. A copy
loads in a fraction of a millisecond. Like Python's ``.pyc`` files, a copy belongs to one
version of what it was made from, and its name carries a hash of that. For a table: its CSV,
``datapackage.json``, every table it points to (``sources.csv`` above all), and the package and
library versions (``package_hash``). For a chart (``charts.kept``): every file
of the datasets, the package and library versions, the edition's language and the chart's
arguments. Edit a CSV and what depends on it is made afresh, so a broken row is
reported as before (a broken table is never copied). A copy that cannot be read is ignored and
replaced; where the folder cannot be written, everything is made every time, as before.

The folder is ``BORDERLINE_CACHE``, else ``$XDG_CACHE_HOME/borderline``, else
``~/.cache/borderline``; ``BORDERLINE_CACHE=off`` turns the copies off. In the browser
(JupyterLite) there are none. After the user's own folder a kernel looks in the shared ones
(``shared_dirs``), which ``python -m borderline keep --shared`` fills and no kernel writes.

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

KEEP = 3  # copies kept per name (a table: an instructor's edited datasets beside the shipped ones)


def cache_dir() -> Path | None:
    """Where the copies go, or None when they are off.

    >>> import os; saved = dict(os.environ)
    >>> os.environ["BORDERLINE_CACHE"] = "off"
    >>> cache_dir() is None
    True
    >>> os.environ["BORDERLINE_CACHE"] = ""; os.environ["XDG_CACHE_HOME"] = "/tmp/xdg"
    >>> cache_dir()
    PosixPath('/tmp/xdg/borderline')
    >>> os.environ.clear(); os.environ.update(saved)
    """
    chosen = os.environ.get("BORDERLINE_CACHE", "")
    if chosen.lower() in {"off", "0", "no", "false"} or sys.platform == "emscripten":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "borderline"


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

    digest = hashlib.blake2b(package_hash(), digest_size=16)
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


def shared_dirs() -> list[Path]:
    """Folders of copies made for everyone, read but never written by a kernel: ``BORDERLINE_SHARED_CACHE``
    (folders joined by ``os.pathsep``), else ``share/borderline`` in the Python environment, where a hub
    image or ``make setup`` puts them (``python -m borderline keep --shared``). Only folders that exist count.

    >>> import os, tempfile; saved = os.environ.get("BORDERLINE_SHARED_CACHE")
    >>> os.environ["BORDERLINE_SHARED_CACHE"] = tempfile.gettempdir() + os.pathsep + "/no/such/folder"
    >>> shared_dirs() == [Path(tempfile.gettempdir())]
    True
    >>> _ = os.environ.pop("BORDERLINE_SHARED_CACHE") if saved is None else os.environ.update(BORDERLINE_SHARED_CACHE=saved)
    """
    chosen = os.environ.get("BORDERLINE_SHARED_CACHE")
    folders = [Path(p) for p in chosen.split(os.pathsep) if p] if chosen is not None else [default_shared_dir()]
    return [f for f in folders if f.is_dir()]


def default_shared_dir() -> Path:
    """Where copies for every user of this Python environment go: ``share/borderline`` under ``sys.prefix``.

    >>> default_shared_dir().parts[-2:]
    ('share', 'borderline')
    """
    return Path(sys.prefix) / "share" / "borderline"


def get(name: str, version: str | None, where=None):
    """The copy kept under ``name`` for this version, or None (no copy, copies off, or one that cannot be read).
    Without ``where``: the user's own folder, then the shared ones.

    >>> get("sources", None) is None
    True
    """
    own = Path(where) if where else cache_dir()
    if version is None or own is None:
        return None
    for folder in [own] if where else [own, *shared_dirs()]:
        found = _read(_path(name, version, folder), writable=folder == own)
        if found is not None:
            return found
    return None


def _read(path: Path, writable: bool):
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except OSError:  # no copy yet, or no folder to keep one in
        return None
    except Exception:  # a copy cut short or from elsewhere: never worse than making it again
        if writable:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        return None


def put(name: str, version: str | None, value, where=None, keep: int = KEEP) -> bool:
    """Keep ``value`` under ``name`` for this version (written whole, then renamed, so a reader never sees half);
    False where it cannot be written. Older copies under the name beyond the last ``keep`` are removed.

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
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        # readable by all (a shared folder serves everyone): a copy holds only what the datasets hold, never a
        # student's work, and in a home folder the folder's own permissions keep it private
        os.chmod(temporary, 0o644)
        os.replace(temporary, _path(name, version, where))
    except Exception:  # a read-only or full disk: the value is simply made again next time
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return False
    _prune(name, where, keep)
    return True


def _prune(name: str, where: Path, keep: int) -> None:
    try:
        copies = sorted(where.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in copies[keep:]:
            old.unlink(missing_ok=True)
    except OSError:  # another kernel pruned first
        pass


@functools.lru_cache(maxsize=1)
def package_hash() -> bytes:
    """A hash of every file of the package (code, interface words) and of the Python, pandas, numpy and plotly
    versions: what reads and checks a table, and what draws a chart. Once per kernel, as the code a kernel runs is the code it imported.

    >>> package_hash() == package_hash() and len(package_hash())
    16
    """
    import numpy
    import plotly

    package = Path(__file__).resolve().parent.parent
    versions = f"{sys.version}|{pd.__version__}|{numpy.__version__}|{plotly.__version__}"
    digest = hashlib.blake2b(versions.encode(), digest_size=16)
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.digest()


def folder_hash(folder: Path) -> bytes:
    """A hash of every file in a folder and below (the datasets, with the map geometry): what a chart is made of.
    Each file is read again only when its size or modification time changes.

    >>> import shutil, tempfile
    >>> from borderline.data.paths import data_dir
    >>> elsewhere = Path(tempfile.mkdtemp()) / "datasets"
    >>> folder_hash(data_dir()) == folder_hash(Path(shutil.copytree(data_dir(), elsewhere)))
    True
    """
    folder = Path(folder)
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(_files(folder)):
        # named from the folder down: each student's copy of the course, wherever it is, is the same version
        digest.update(os.path.relpath(path, folder).encode() + b"\0" + _file_hash(Path(path)))
    return digest.digest()


def _files(folder: Path) -> list[str]:
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                found += _files(Path(entry.path))
            elif entry.is_file():
                found.append(entry.path)
    return found
