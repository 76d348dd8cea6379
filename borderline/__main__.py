"""Command line: ``python -m borderline check`` validates every dataset."""

from __future__ import annotations

import argparse
import sys


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="borderline", description="Borderline curriculum tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every dataset and say what to fix")
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
    return 2


if __name__ == "__main__":
    sys.exit(main())
