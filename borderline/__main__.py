"""The one command line: ``python -m borderline lab|check|sync|student|handouts|...``.

``make check``, ``make sync``, ``make student`` and ``make handouts`` call it. ``python -m borderline lab``
does what ``make lab`` does, for machines without make (borderline/launch.py; it needs nothing installed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _check() -> int:
    from . import data

    failures = 0
    for name in data.names():
        try:
            print(f"ok    {name}: {len(data.load(name))} rows")
        except data.DataError as exc:
            failures += 1
            print(f"FIX   {exc}")
    from . import exercise_bank, lessons

    for md in lessons.lesson_files():
        try:
            found = exercise_bank.lesson_exercises(md.name[:2])
            print(f"ok    {md.stem}: {len(found)} exercises")
        except exercise_bank.ExerciseFileError as exc:
            failures += 1
            print(f"FIX   {exc}")
    return 1 if failures else 0


def _sync(check: bool) -> int:
    from . import lesson_sync

    stale = lesson_sync.sync(check=check)
    if check:
        if stale:
            print("out of date: " + ", ".join(stale) + "\nRun `make sync` (python -m borderline sync) and commit.")
        return 1 if stale else 0
    print("updated: " + (", ".join(stale) or "nothing (all up to date)"))
    return 0


def _stale(lang: str) -> int:
    from . import editions, translations

    total = 0
    for path in editions.notebooks():
        left = translations.stale(lang, path)
        total += len(left)
        print(f"{path.stem}: {len(left)} to translate" + (f" ({', '.join(left)})" if left else ""))
    print(
        f"{total} passages in all; `python -m borderline translate {lang}` adds them to lessons/{lang}/ for a translator."
    )
    return 0


def main(argv=None) -> int:
    """Parse the command line and run one command; returns the exit code.

    >>> main(["check"]) in (0, 1)  # doctest: +ELLIPSIS
    ok ...
    True
    """
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["lab"]:  # before anything that needs the installed packages
        from .launch import main as lab

        return lab(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m borderline", description="Borderline curriculum tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("lab", help="set up (first time only) and open the curriculum in JupyterLab, as `make lab` does")
    sub.add_parser(
        "settings", help="install Borderline's JupyterLab settings in this environment (conda, Binder, a hub image)"
    )
    sub.add_parser("check", help="validate every dataset and exercises file and say what to fix")
    keep = sub.add_parser(
        "keep", help="run the lessons once so their checked tables and charts are kept for the next kernels"
    )
    keep.add_argument("lessons", nargs="*", help="lesson numbers, such as 02 (default: every lesson)")
    keep.add_argument("--shared", action="store_true", help="keep them for every user of this Python environment")
    keep.add_argument("--lang", choices=["en", "ko"], default="en", help="the edition's language (default: en)")
    keep.add_argument("--notebooks", type=Path, help="the course's notebooks folder (default: this checkout's)")
    sync = sub.add_parser(
        "sync", help="rebuild derived blocks (sources, navigation, syllabus) and the notebooks from lessons/*.md"
    )
    sync.add_argument("--check", action="store_true", help="change nothing; list what is out of date")
    sub.add_parser("pack", help="zip the built handouts (and the JupyterLite site, if built) into one seminar pack")
    sub.add_parser("student", help="write the student edition to build/student")
    sub.add_parser("handouts", help="write the offline handout pack to build/handouts")
    sub.add_parser("lite", help="write the JupyterLite site (the student edition in the browser) to build/lite")
    edition = sub.add_parser("edition", help="write the editions in another language to build/LANG")
    edition.add_argument("lang", choices=["ko"], help="language code")
    edition.add_argument("--no-handouts", action="store_true", help="skip the handout pages (faster)")
    stale = sub.add_parser("stale", help="list translated passages whose English has changed (or is untranslated)")
    stale.add_argument("lang", choices=["ko"])
    translate = sub.add_parser("translate", help="add new or changed English passages to lessons/LANG/ catalogues")
    translate.add_argument("lang", choices=["ko"])
    args = parser.parse_args(argv)
    if args.command == "settings":
        from .launch import install_settings

        for path in install_settings(Path(sys.prefix)):
            print(f"installed {path}")
        return 0
    if args.command == "check":
        return _check()
    if args.command == "keep":
        from .keep import default_folder, folder_summary, keep

        folder = default_folder(args.shared)
        if folder is None:
            print("keep: copies are off (BORDERLINE_CACHE=off), so there is nothing to keep.")
            return 0
        for line in keep(folder, args.lessons, args.lang, args.notebooks):
            print(line)
        print(folder_summary(folder))
        return 0
    if args.command == "sync":
        return _sync(args.check)
    if args.command == "edition":
        from . import localised

        localised.edition(args.lang, handouts=not args.no_handouts)
        return 0
    if args.command == "stale":
        return _stale(args.lang)
    if args.command == "lite":
        from . import lite

        try:
            lite.build()
        except lite.LiteError as exc:
            print(f"lite: could not build the site: {exc}")
            return 1
        return 0
    if args.command == "translate":
        from . import editions, translations

        for path in editions.notebooks():
            print(f"updated {translations.write_template(args.lang, path).relative_to(translations.ROOT)}")
        return _stale(args.lang)
    if args.command == "pack":
        from . import data, pack

        try:
            print(f"wrote {pack.write()}")
        except data.BorderlineError as exc:
            print(f"pack: {exc}")
            return 1
        return 0
    from . import editions

    if args.command == "student":
        editions.student()
    else:
        editions.handouts()
    return 0


if __name__ == "__main__":
    sys.exit(main())
