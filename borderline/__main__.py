"""Command line: ``python -m borderline check|student|handouts|nav``."""

from __future__ import annotations

import argparse
import sys


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="borderline", description="Borderline curriculum tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every dataset and say what to fix")
    sub.add_parser("student", help="write the student edition to build/student")
    sub.add_parser("handouts", help="write the offline handout pack to build/handouts")
    nav = sub.add_parser("nav", help="rewrite the previous/contents/next cell of every notebook")
    nav.add_argument("--check", action="store_true", help="only report notebooks whose links are out of date")
    args = parser.parse_args(argv)
    if args.command == "check":
        from . import data

        failures = 0
        for name in data.names():
            try:
                print(f"ok    {name}: {len(data.load(name))} rows")
            except data.DataError as exc:
                failures += 1
                print(f"FIX   {exc}")
        return 1 if failures else 0
    from . import editions

    if args.command == "nav":
        return editions.main(["nav"] + (["--check"] if args.check else []))
    return editions.main([args.command])


if __name__ == "__main__":
    sys.exit(main())
