"""Make the copies of the checked tables and the charts ahead of time, so that even a student's first run
of a lesson finds them (``python -m borderline keep``; ``make setup`` runs it once with ``--shared``).

Each lesson notebook is run once, headless, in a kernel of its own, with a scratch journal (a student's
work is never touched). Its kernel keeps what it makes (``data.cache``): in the user's own folder, or
with ``--shared`` in ``share/borderline`` of the Python environment, which every user of that
environment reads (a hub image: every student). A copy is only ever used for the version of the
datasets and the package it was made from, so copies made for other datasets are simply not used.

>>> folder_summary(None)
'no folder'
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .data import cache


def keep(into: Path | None = None, lessons=(), lang: str = "en", notebooks_folder: Path | None = None) -> list[str]:
    """Run the lesson notebooks (those whose numbers are in ``lessons``, else all) so that their kernels keep
    their tables and charts in ``into`` (else the user's own folder); returns one line per lesson.

    >>> keep(lessons=["99"])
    []
    """
    from nbformat import read

    from .editions import NOTEBOOKS, execute, notebooks

    folder = notebooks_folder or NOTEBOOKS
    chosen = [p for p in notebooks(folder) if not lessons or p.name[:2] in lessons]
    report = []
    with tempfile.TemporaryDirectory(prefix="borderline-keep-") as scratch:
        env = dict(BORDERLINE_JOURNAL=Path(scratch) / "journal.json", BORDERLINE_LANG=None if lang == "en" else lang)
        if into is not None:
            env["BORDERLINE_CACHE"] = into
        for path in chosen:
            try:
                execute(read(path, as_version=4), path, timeout=300, **env)
                report.append(f"{path.name}: kept")
            except Exception as exc:  # a lesson that fails here fails its tests too; the others are kept
                report.append(f"{path.name}: not kept ({type(exc).__name__}: {str(exc).splitlines()[0][:120]})")
    return report


def folder_summary(folder: Path | None) -> str:
    """How many copies a folder holds, and their size.

    >>> folder_summary(None)
    'no folder'
    """
    if folder is None or not Path(folder).is_dir():
        return "no folder"
    files = list(Path(folder).glob("*.pickle"))
    size = sum(f.stat().st_size for f in files) / 1e6
    return f"{len(files)} copies, {size:.1f} MB, in {folder}"


def default_folder(shared: bool) -> Path | None:
    """The shared folder of this Python environment, or the user's own.

    >>> default_folder(True) == cache.default_shared_dir()
    True
    """
    return cache.default_shared_dir() if shared else cache.cache_dir()
