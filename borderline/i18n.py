"""The language of an edition, and the interface words of the package in that language.

An edition built for another language (``make edition-ko``) writes ``borderline-edition.json``
at its top; a kernel running a notebook in that edition finds it one folder up (notebooks run
in ``notebooks/``) and shows buttons, messages and chart labels in that language.
``BORDERLINE_LANG`` overrides it. The English is the key: ``ui("Check")`` is "Check" in English
and the Korean from ``locale/ko.yaml`` in the Korean edition; a missing entry falls back to English.

>>> ui("Check", lang="en")
'Check'
>>> ui("Check", lang="ko")
'확인'
>>> ui("Exercise {qid}.", lang="ko", qid="9.9")
'연습 9.9.'
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import yaml

# PyYAML's C parser (libyaml, in its wheels) where there is one: some ten times faster than the Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LOCALE = Path(__file__).resolve().parent / "locale"
EDITION_FILE = "borderline-edition.json"


def language() -> str:
    """The edition's language code ("en" unless an edition file or BORDERLINE_LANG says otherwise).

    >>> language() in {"en", "ko"}
    True
    """
    if os.environ.get("BORDERLINE_LANG"):
        return os.environ["BORDERLINE_LANG"]
    for folder in (Path.cwd(), Path.cwd().parent):
        marker = folder / EDITION_FILE
        if marker.exists():
            try:
                return str(json.loads(marker.read_text(encoding="utf-8")).get("language", "en"))
            except (OSError, ValueError):
                return "en"
    return "en"


@lru_cache(maxsize=8)
def catalogue(lang: str) -> dict:
    """The interface words for one language ({} for English or an unknown language).

    >>> catalogue("ko")["Hint"]
    '힌트'
    """
    path = LOCALE / f"{lang}.yaml"
    if lang == "en" or not path.exists():
        return {}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}


def ui(text: str, lang: str | None = None, **values) -> str:
    """``text`` in the edition's language, with ``{name}`` fields filled from ``values``.

    >>> ui("No entry for this sentence yet.", lang="ko")
    'No entry for this sentence yet.'
    """
    chosen = catalogue(lang or language()).get(text, text)
    return chosen.format(**values) if values else chosen
