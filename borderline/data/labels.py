"""Words and marks kept as dataset rows, not in code.

- ``datasets/labels.csv``: the label (and optional short label, colour and marker symbol)
  for each value of a field, in display order; ``field`` is ``table.column`` for an enum
  column, or the name of a view for a value set that belongs to one view. In the Korean
  edition (``i18n.language() == "ko"``) ``label_ko`` and ``short_ko`` are shown where given.
- ``datasets/chart_notes.csv``: what a chart or view adds to its data: sentences (``note``),
  the events it marks (``marker``), the row it highlights (``highlight``), a reference value
  (``reference``), a dividing year (``split``), where place names go (``label_position``)
  and countries left off a map (``omit``). Every row has a ``source_id``.

>>> sides = labels("arguments.side")
>>> set(sides) == set(load("arguments")["side"])
True
>>> all(colour.startswith("#") for colour in colours("arguments.side").values())
True
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from .. import i18n
from .loading import data_dir, load, stamp


@lru_cache(maxsize=8)
def _grouped(name: str, key: str, order: tuple, folder: str, when: float) -> dict:
    """A table split by one column, each part in order; built once per version of the file (views look up a lot).
    The table is sorted once, then split: sorting each part took 6-9 ms a table in a fresh kernel."""
    table = load(name).sort_values([*order], na_position="last", kind="stable")
    parts = {k: table.take(rows).reset_index(drop=True) for k, rows in table.groupby(key, sort=False).indices.items()}
    parts[None] = table.iloc[:0].reset_index(drop=True)  # the part of a value that has no rows
    return parts


def _part(name: str, key: str, order: tuple, value: str) -> pd.DataFrame:
    parts = _grouped(name, key, order, str(data_dir()), stamp(name))
    return parts.get(value, parts[None]).copy()


def label_rows(field: str) -> pd.DataFrame:
    """The rows of ``labels.csv`` for one field, in display order.

    >>> label_rows("arguments.side").columns.tolist()[:3]
    ['field', 'value', 'label']
    >>> label_rows("no.such_field").empty
    True
    """
    return _part("labels", "field", ("order", "value"), field)


@lru_cache(maxsize=64)
def _words(field: str, lang: str, folder: str, when: float) -> tuple[dict, dict]:
    """(value -> label, value -> short label) in one language; the language is part of the cache key."""
    part = label_rows(field)

    def pick(*columns):
        found = [None] * len(part)
        for column in columns:
            if column in part.columns:
                found = [f if f is not None else (v if pd.notna(v) else None) for f, v in zip(found, part[column])]
        return dict(zip(part["value"], found, strict=False))

    korean = ("label_ko",) if lang == "ko" else ()
    short = ("short_ko", "label_ko") if lang == "ko" else ()
    return pick(*korean, "label"), pick(*short, "short", "label")


def _lookup(field: str) -> tuple[dict, dict]:
    return _words(field, i18n.language(), str(data_dir()), stamp("labels"))


def labels(field: str) -> dict:
    """value -> label for one field, in display order (``label_ko`` in the Korean edition, where given).

    >>> first = label_rows("arguments.side").iloc[0]
    >>> labels("arguments.side")[first["value"]] == first["label"]
    True
    >>> import os; os.environ["BORDERLINE_LANG"] = "ko"
    >>> labels("arguments.side")[first["value"]] == first["label_ko"]
    True
    >>> del os.environ["BORDERLINE_LANG"]
    """
    return dict(_lookup(field)[0])


def label(field: str, value, default=None) -> str:
    """The label of one value (``default``, else the value itself, if it has none).

    >>> label("arguments.side", "no-such-value")
    'no-such-value'
    >>> label("arguments.side", "no-such-value", default="")
    ''
    """
    found = _lookup(field)[0].get(value)
    if found is None:
        return str(value) if default is None else default
    return found


def shorts(field: str) -> dict:
    """value -> short label (the label where no short one is given), in display order.

    In the Korean edition: ``short_ko``, else ``label_ko``, else the English.

    >>> part = label_rows("arguments.side")
    >>> list(shorts("arguments.side")) == list(part["value"])
    True
    """
    return dict(_lookup(field)[1])


def colours(field: str) -> dict:
    """value -> colour for the values of a field that have one, in display order.

    >>> set(colours("arguments.side")) <= set(labels("arguments.side"))
    True
    """
    return dict(_marks(field, str(data_dir()), stamp("labels"))[0])


def symbols(field: str) -> dict:
    """value -> plotly marker symbol for the values of a field that have one.

    >>> all(isinstance(s, str) for s in symbols("places.role").values())
    True
    """
    return dict(_marks(field, str(data_dir()), stamp("labels"))[1])


@lru_cache(maxsize=64)
def _marks(field: str, folder: str, when: float) -> tuple[dict, dict]:
    """(value -> colour, value -> symbol) of one field, for the values that have one; once per version of the
    file, as charts ask for them again and again."""
    part = label_rows(field)
    pick = lambda column: {v: m for v, m in zip(part["value"], part[column], strict=False) if pd.notna(m)}  # noqa: E731
    return pick("colour"), pick("symbol")


def chart_notes(chart: str, kind: str | None = None) -> pd.DataFrame:
    """The rows of ``chart_notes.csv`` for one chart (and kind), in order.

    In the Korean edition ``text`` and ``short`` hold ``text_ko`` and ``short_ko`` where those are given.

    >>> notes = chart_notes("treaty_timeline", "marker")
    >>> set(notes["kind"]) == {"marker"} and bool(notes["event_id"].notna().all())
    True
    >>> import os; os.environ["BORDERLINE_LANG"] = "ko"
    >>> row = chart_notes("repatriations", "note").iloc[0]
    >>> row["text"] == row["text_ko"]
    True
    >>> del os.environ["BORDERLINE_LANG"]
    >>> chart_notes("repatriations", "note").iloc[0]["text"] == row["text_ko"]
    False
    """
    return _notes(chart, kind, i18n.language(), str(data_dir()), stamp("chart_notes")).copy()


@lru_cache(maxsize=128)
def _notes(chart: str, kind: str | None, lang: str, folder: str, when: float) -> pd.DataFrame:
    """The notes of one chart (and kind) in one language; once per version of the file (a chart asks for several)."""
    part = _in_language(_part("chart_notes", "chart", ("order", "note_id"), chart), lang)
    return part if kind is None else part[part["kind"] == kind].reset_index(drop=True)


def _in_language(part: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``part`` with each ``<column>_ko`` cell that is given in place of ``<column>`` when ``lang`` is "ko"."""
    if lang != "ko":
        return part
    for column in [c for c in part.columns if f"{c}_ko" in part.columns]:
        korean = part[f"{column}_ko"]
        part[column] = korean.where(korean.notna() & (korean.astype(str).str.strip() != ""), part[column])
    return part


def in_language(rows):
    """A table (or one row) in the edition's language: in the Korean edition each non-empty
    ``<column>_ko`` cell stands in for ``<column>``; in English the rows come back unchanged.

    >>> import os; os.environ["BORDERLINE_LANG"] = "ko"
    >>> in_language({"title": "T", "title_ko": "제목", "goals": "G", "goals_ko": ""})["title"]
    '제목'
    >>> in_language({"title": "T", "title_ko": "제목", "goals": "G", "goals_ko": ""})["goals"]
    'G'
    >>> del os.environ["BORDERLINE_LANG"]
    >>> in_language(pd.DataFrame({"title": ["T"], "title_ko": ["제목"]}))["title"].tolist()
    ['T']
    """
    if isinstance(rows, pd.DataFrame):
        return _in_language(rows.copy(), i18n.language())
    one = pd.DataFrame([dict(rows)])
    found = _in_language(one, i18n.language()).iloc[0]
    return found if isinstance(rows, pd.Series) else found.to_dict()


def chart_note(chart: str, kind: str):
    """The first note of one kind for a chart, as a row (a pandas Series), or None.

    >>> chart_note("no_such_chart", "note") is None
    True
    >>> bool(chart_note("per_capita", "reference")["value"] > 0)
    True
    """
    found = _first_note(chart, kind, i18n.language(), str(data_dir()), stamp("chart_notes"))
    return None if found is None else found.copy()


@lru_cache(maxsize=64)
def _first_note(chart: str, kind: str, lang: str, folder: str, changed: float):
    # keyed on the language and on when chart_notes.csv last changed: an edited note is read again
    part = chart_notes(chart, kind)
    return None if part.empty else part.iloc[0]


def note_text(chart: str) -> str:
    """The sentences (kind ``note``) a chart adds to its description, joined; '' if none.

    >>> note_text("no_such_chart")
    ''
    >>> note_text("repatriations").endswith(".")
    True
    """
    return " ".join(str(t) for t in chart_notes(chart, "note")["text"].dropna())
