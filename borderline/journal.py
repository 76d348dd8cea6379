"""A student's private journal: reflections and answers that survive a restart.

Entries are saved at once, atomically (a temporary file is written, flushed
and then renamed over the old one), to ``notebooks/my-journal.json``, which
git ignores. ``BORDERLINE_JOURNAL`` names another file (the tests use this).
A damaged file is set aside, never overwritten, and a fresh one is started.

>>> import os, tempfile
>>> os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
>>> save("example.opening", "Mostly migrants, I think.")
>>> get("example.opening")
'Mostly migrants, I think.'

Lessons name their own keys (by convention ``NN.name``, NN being the lesson that writes them);
this module knows none of them.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import tempfile
from pathlib import Path

__all__ = ["path", "save", "get", "entries", "export_markdown"]

_VERSION = 1


def path() -> Path:
    """Where the journal lives.

    >>> import os; os.environ["BORDERLINE_JOURNAL"] = "/tmp/doctest-journal.json"
    >>> str(path())
    '/tmp/doctest-journal.json'
    """
    override = os.environ.get("BORDERLINE_JOURNAL")
    if override:
        return Path(override)
    notebooks = Path(__file__).resolve().parent.parent / "notebooks"
    return (notebooks if notebooks.is_dir() else Path.cwd()) / "my-journal.json"


@contextlib.contextmanager
def _locked(target: Path):
    """Hold an exclusive lock so two open notebooks cannot lose each other's entries."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.with_name(target.name + ".lock")
    handle = open(lock_path, "a+")
    try:
        try:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX)
        except (ImportError, OSError):  # Windows or an odd file system: carry on unlocked
            pass
        yield
    finally:
        handle.close()


def _read(target: Path) -> dict:
    if not target.exists():
        return {"version": _VERSION, "entries": {}}
    try:
        content = json.loads(target.read_text(encoding="utf-8"))
        if not isinstance(content, dict) or not isinstance(content.get("entries"), dict):
            raise ValueError("unexpected layout")
        return content
    except (ValueError, UnicodeDecodeError):
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = target.with_name(f"{target.stem}.damaged-{stamp}{target.suffix}")
        target.replace(aside)
        return {"version": _VERSION, "entries": {}, "note": f"A damaged journal was kept as {aside.name}."}


def _write(target: Path, content: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".journal-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(content, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def save(key: str, text: str) -> None:
    """Save one entry (replacing an earlier one with the same key).

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> save("k", "first"); save("k", "second"); get("k")
    'second'
    """
    target = path()
    with _locked(target):
        content = _read(target)
        content["entries"][str(key)] = {"text": str(text), "saved": _dt.datetime.now().isoformat(timespec="seconds")}
        _write(target, content)


def get(key: str, default: str = "") -> str:
    """The saved text for ``key``, or ``default``.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> get("never written", default="(empty)")
    '(empty)'
    """
    target = path()
    if not target.exists():
        return default
    with _locked(target):
        entry = _read(target)["entries"].get(str(key))
    return entry["text"] if entry else default


def entries() -> dict:
    """All entries: key -> {"text", "saved"}.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> save("a", "1"); sorted(entries())
    ['a']
    """
    target = path()
    if not target.exists():
        return {}
    with _locked(target):
        return dict(_read(target)["entries"])


def export_markdown() -> str:
    """The whole journal as Markdown, for printing or handing in.

    >>> export_markdown().startswith("# My Borderline journal")
    True
    """
    lines = ["# My Borderline journal", ""]
    for key, entry in sorted(entries().items()):
        lines += [f"## {key} (saved {entry.get('saved', '')})", "", entry.get("text", ""), ""]
    return "\n".join(lines)
