"""A student's private journal: reflections and answers that survive a restart.

Entries are saved at once, atomically (a temporary file beside the journal is written, flushed
and then renamed over the old one), to ``my-journal.json`` in the notebook's working directory:
the folder of the notebook the student has open, which is where JupyterLab starts its kernel.
With ``make lab`` that is ``notebooks/my-journal.json``, which git ignores; on a JupyterHub it is
the student's own copy of the curriculum, which nbgitpuller pulled into their home, so every
student has their own journal, in their own home, that no other student can read. The journal
follows the copy of the curriculum the student works in, never the installed package: a hub
installs the package once for everyone, and a journal beside it would be shared by every student
or refused to all of them. (The home folder was the other choice; the working directory won
because it keeps the journal beside the notebooks and the exported work, where the student can
see, download and hand it in from JupyterLab's file browser, and a second copy of the curriculum,
such as the Korean edition, keeps its own.) A kernel whose working directory is inside the
installed package uses the home folder instead. ``BORDERLINE_JOURNAL`` names another file (the
tests use this). A folder the student cannot write to gives ``JournalError`` with what to do, and
the text they typed stays in the box. Two notebooks open at once
take turns through a lock and each re-reads the file before it writes, so neither loses the
other's entries; a writer killed halfway leaves the old file whole, and the next save clears
its unfinished temporary file.

What cannot be read or written (a read-only folder, a journal path that is a folder, a journal
larger than ``MAX_BYTES``) raises ``JournalError``, whose message says what to do; the widgets
show it in their status line. Nothing saved is ever overwritten by a failed save. A damaged
file is set aside under a new name, never overwritten, and a fresh one is started;
``notices()`` says so once.

Each entry may carry ``share``: True if the student lets it into an export of their work,
False if it stays private. An entry without the flag is decided by whoever exports it
(``export_markdown`` keeps it private).

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
import errno
import json
import os
import stat
import tempfile
from pathlib import Path

from .data.errors import BorderlineError
from .i18n import ui

__all__ = [
    "MAX_BYTES",
    "JournalError",
    "path",
    "save",
    "get",
    "entry",
    "entries",
    "shared",
    "set_share",
    "notices",
    "export_markdown",
]

_VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
"""The largest journal read or written: years of typing are well under 1 MB; a bigger file is not a journal."""

_NOTICES: list[str] = []


class JournalError(BorderlineError):
    """The journal cannot be read or written; the message tells the student what to do.

    >>> str(JournalError("Your journal is a folder."))
    'Your journal is a folder.'
    >>> isinstance(JournalError("x"), BorderlineError)
    True
    """


def path() -> Path:
    """Where the journal lives: ``BORDERLINE_JOURNAL`` if set, else ``my-journal.json`` in the working
    directory (the open notebook's folder), or in the home folder if that directory is inside the package.

    >>> import os; os.environ["BORDERLINE_JOURNAL"] = "/tmp/doctest-journal.json"
    >>> str(path())
    '/tmp/doctest-journal.json'
    >>> saved = os.environ.pop("BORDERLINE_JOURNAL")
    >>> path() == Path.cwd().resolve() / "my-journal.json"
    True
    >>> os.environ["BORDERLINE_JOURNAL"] = saved
    """
    override = os.environ.get("BORDERLINE_JOURNAL")
    if override:
        return Path(override)
    here, package = Path.cwd().resolve(), Path(__file__).resolve().parent
    if here == package or package in here.parents:
        here = Path.home()
    return here / "my-journal.json"


def _keep_safe() -> str:
    return ui("Nothing already in your journal was changed; copy the text you just wrote somewhere safe.")


def _os_problem(target: Path, exc: OSError) -> JournalError:
    """A student-facing JournalError for an operating-system error on the journal's folder."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        problem = ui(
            "Borderline cannot write in the folder {folder} (it is read-only). Open the curriculum from a "
            "folder you can write to, or ask your seminar lead.",
            folder=str(target.parent),
        )
    elif exc.errno == errno.ENOSPC:
        problem = ui(
            "The disk holding your journal {name} is full. Free some space, then save again.", name=target.name
        )
    elif exc.errno in (errno.EISDIR, errno.ENOTDIR):
        problem = _folder_message(target)
    else:
        problem = ui(
            "Borderline could not use your journal {path} ({reason}).",
            path=str(target),
            reason=exc.strerror or type(exc).__name__,
        )
    return JournalError(problem)


def _folder_message(target: Path) -> str:
    return ui(
        "Your journal {path} is a folder, not a file. Rename or move that folder (or set BORDERLINE_JOURNAL "
        "to a file name), then save again.",
        path=str(target),
    )


def _too_big_message(target: Path, size: int) -> str:
    return ui(
        "Your journal {name} is {size} MB, more than the {limit} MB a journal may hold, so Borderline did not "
        "open it and will not write to it. Rename it (for example to {name}.big) to start a new journal, "
        "and ask your seminar lead to look at the old one.",
        name=target.name,
        size=f"{size / 1e6:.0f}",
        limit=f"{MAX_BYTES / 1e6:.0f}",
    )


@contextlib.contextmanager
def _writing():
    """A failed save says that nothing saved was changed and that the new text should be kept safe."""
    try:
        yield
    except JournalError as exc:
        raise JournalError(f"{exc} {_keep_safe()}") from None


@contextlib.contextmanager
def _locked(target: Path):
    """Hold an exclusive lock so two open notebooks cannot lose each other's entries.

    Yields True if the lock is held (then no other writer is halfway through a save).
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = open(target.with_name(target.name + ".lock"), "a+")
    except OSError as exc:
        raise _os_problem(target, exc) from None
    try:
        held = False
        try:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX)
            held = True
        except (ImportError, AttributeError, OSError):  # Windows, Pyodide (no flock), an odd file system: unlocked
            pass
        yield held
    finally:
        handle.close()


def _fresh() -> dict:
    return {"version": _VERSION, "entries": {}}


def _load(target: Path) -> dict | None:
    """The journal's content; None if the file is damaged. Raises JournalError if it cannot be read."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return _fresh()
    except OSError as exc:
        raise _os_problem(target, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise JournalError(_folder_message(target))
    if info.st_size > MAX_BYTES:
        raise JournalError(_too_big_message(target, info.st_size))
    try:
        raw = target.read_bytes()
    except OSError as exc:
        raise _os_problem(target, exc) from None
    try:
        content = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(content, dict) or not isinstance(content.get("entries"), dict):
        return None
    if not all(isinstance(e, dict) and isinstance(e.get("text", ""), str) for e in content["entries"].values()):
        return None
    return content


def _set_aside(target: Path) -> dict:
    """Rename a damaged journal (never overwrite it) and start a fresh one; called under the lock."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = target.with_name(f"{target.stem}.damaged-{stamp}{target.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = target.with_name(f"{target.stem}.damaged-{stamp}-{n}{target.suffix}")
    try:
        target.rename(aside)
    except OSError as exc:
        message = ui(
            "Your journal {name} is damaged (it is not a journal Borderline can read) and could not be set "
            "aside ({reason}). Rename it yourself, then save again.",
            name=target.name,
            reason=exc.strerror or type(exc).__name__,
        )
        raise JournalError(message) from None
    note = ui(
        "Your journal was damaged, so it was kept whole as {aside} and a new journal was started. "
        "Your seminar lead can help you recover entries from the old file.",
        aside=aside.name,
    )
    _NOTICES.append(note)
    return {**_fresh(), "note": note}


def _read(target: Path, locked: bool = False) -> dict:
    """The journal's content; a damaged file is set aside, under the lock (``locked``: already held)."""
    content = _load(target)
    if content is not None:
        return content
    if locked:
        return _set_aside(target)
    with _locked(target):
        content = _load(target)  # another notebook may have set it aside meanwhile
        return content if content is not None else _set_aside(target)


def _leftovers(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.*.tmp"))


def _write(target: Path, content: dict, lock_held: bool) -> None:
    data = json.dumps(content, ensure_ascii=False, indent=1).encode("utf-8")
    if len(data) > MAX_BYTES:
        message = ui(
            "This would make your journal larger than {limit} MB, so it was not saved. Shorten the text.",
            limit=f"{MAX_BYTES / 1e6:.0f}",
        )
        raise JournalError(message)
    if lock_held:  # no other writer is halfway through: an unfinished file is from one that was killed
        for stale in _leftovers(target):
            with contextlib.suppress(OSError):
                stale.unlink()
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise _os_problem(target, exc) from None
    except BaseException:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


def save(key: str, text: str, share: bool | None = None, label: str | None = None) -> None:
    """Save one entry (replacing an earlier one with the same key).

    ``share`` sets whether it may go into an export (None keeps what was chosen before);
    ``label`` is the question it answers, shown in an export. Raises ``JournalError`` if the
    journal cannot be written; the file is then left as it was.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> save("k", "first", share=True); save("k", "second"); get("k"), shared("k")
    ('second', True)
    """
    target = path()
    with _writing(), _locked(target) as held:
        content = _read(target, locked=True)
        old = content["entries"].get(str(key)) or {}
        new = {**old, "text": str(text), "saved": _now()}
        if share is not None:
            new["share"] = bool(share)
        if label:
            new["label"] = str(label)
        content["entries"][str(key)] = new
        _write(target, content, held)


def set_share(key: str, share: bool) -> None:
    """Mark an entry shareable (True) or private (False); an entry not written yet keeps the choice for later.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> save("k", "mine"); set_share("k", False); shared("k", default=True)
    False
    """
    target = path()
    with _writing(), _locked(target) as held:
        content = _read(target, locked=True)
        old = content["entries"].get(str(key))
        if old is not None and old.get("share") is bool(share):
            return
        content["entries"][str(key)] = {**(old or {"text": "", "saved": _now()}), "share": bool(share)}
        _write(target, content, held)


def entry(key: str) -> dict | None:
    """The whole stored entry for ``key`` ({"text", "saved", and "share", "label" if set}), or None.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> save("k", "mine", label="Your notes"); entry("k")["label"], entry("nothing")
    ('Your notes', None)
    """
    found = _read(path())["entries"].get(str(key))
    return dict(found) if found is not None else None


def get(key: str, default: str = "") -> str:
    """The saved text for ``key``, or ``default``.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> get("never written", default="(empty)")
    '(empty)'
    """
    found = entry(key)
    return found.get("text", "") if found and found.get("text") else default


def shared(key: str, default: bool = False) -> bool:
    """Whether ``key`` may go into an export: the student's choice, else ``default``.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> save("k", "mine"); shared("k"), shared("k", default=True)
    (False, True)
    """
    found = entry(key)
    choice = found.get("share") if found else None
    return default if choice is None else bool(choice)


def entries() -> dict:
    """All entries: key -> {"text", "saved", ...}.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> save("a", "1"); sorted(entries())
    ['a']
    """
    return {k: dict(v) for k, v in _read(path())["entries"].items()}


def notices() -> list[str]:
    """Messages about the journal not yet shown (a damaged file set aside); each is returned once.

    >>> notices()
    []
    """
    found, _NOTICES[:] = list(_NOTICES), []
    return found


def export_markdown() -> str:
    """The shareable entries of the whole journal as Markdown; the others are listed as kept private.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> save("a", "open", share=True); save("b", "secret")
    >>> text = export_markdown(); text.startswith("# My Borderline journal"), "secret" in text
    (True, False)
    """
    lines = ["# " + ui("My Borderline journal"), ""]
    for key, found in sorted(entries().items()):
        body = found.get("text", "") if found.get("share") else ui("(kept private)")
        lines += [f"## {key} ({ui('saved')} {found.get('saved', '')})", "", body, ""]
    return "\n".join(lines)
