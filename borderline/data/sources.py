"""Citations: every row of every table points to ``sources.csv`` through ``source_id``.

>>> first = load("sources").iloc[0]
>>> cite(first["source_id"], url=False) == f'{first["author_publisher"]}, "{first["title"]}" ({first["date"]}).'
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..i18n import ui
from .errors import DataError
from .loading import data_dir, load


@dataclass(frozen=True)
class _Source:
    source_id: str
    title: str
    author: str
    date: str
    url: str


@lru_cache(maxsize=4)
def _source_index(folder: str, stamp: float) -> dict:
    """source_id -> (_Source, short label); built once per version of sources.csv (charts cite a lot)."""
    table = load("sources", Path(folder))
    text = lambda col: ["" if pd.isna(v) else str(v) for v in table[col]]  # noqa: E731
    index = {}
    for sid, title, author, date, url, short in zip(
        table["source_id"], *map(text, ("title", "author_publisher", "date", "url", "short")), strict=True
    ):
        source = _Source(sid, title, author, date, url)
        index[sid] = (source, short or f"{author} {date[:4]}".strip())
    return index


def _sources() -> dict:
    folder = data_dir()
    path = folder / "sources.csv"
    stamp = max(path.stat().st_mtime if path.exists() else 0, (folder / "datapackage.json").stat().st_mtime)
    return _source_index(str(folder), stamp)


def _source(source_id: str) -> _Source:
    index = _sources()
    if source_id not in index:
        raise DataError(
            "datasets/sources.csv",
            f"there is no source '{source_id}'.",
            "check the id, or add the source to datasets/sources.csv.",
        )
    return index[source_id][0]


def cite(source_id: str, url: bool = True) -> str:
    """A one-line citation: author, title, date (and address).

    >>> first = load("sources").iloc[0]
    >>> cite(first["source_id"]).endswith(first["url"])
    True
    >>> cite("NO_SUCH_SOURCE")
    Traceback (most recent call last):
    ...
    borderline.data.errors.DataError: datasets/sources.csv: there is no source 'NO_SUCH_SOURCE'. Fix: check the id, or add the source to datasets/sources.csv.
    """
    s = _source(source_id)
    text = f'{s.author}, "{s.title}" ({s.date}).'
    if url and s.url:
        text += f" {s.url}"
    return text


def short_cite(source_id: str) -> str:
    """A short label for charts: the ``short`` column (else publisher and year).

    >>> first = load("sources").iloc[0]
    >>> short_cite(first["source_id"]) == first["short"]
    True
    """
    index = _sources()
    if source_id not in index:
        _source(source_id)  # raises a clear error
    return index[source_id][1]


def source_line(source_ids, most: int = 4) -> str:
    """The 'Source:' line printed under a chart; ids may be repeated or joined by ';'.

    >>> a, b = load("sources")["source_id"].iloc[:2]
    >>> source_line([a, f"{a};{b}"]) == f"Sources: {short_cite(a)}; {short_cite(b)}. Full references: datasets/sources.csv"
    True
    >>> source_line([a]).startswith("Source: ")
    True
    """
    ids = []
    for value in source_ids:
        for sid in str(value).split(";"):
            if sid and sid != "<NA>" and sid not in ids:
                ids.append(sid)
    labels = list(dict.fromkeys(short_cite(s) for s in ids))
    word = ui("Source") if len(labels) == 1 else ui("Sources")
    more = ui(" and {count} more", count=len(labels) - most) if len(labels) > most else ""
    return ui(
        "{word}: {sources}{more}. Full references: datasets/sources.csv",
        word=word,
        sources="; ".join(labels[:most]),
        more=more,
    )


def sources_used(*tables: str) -> list[str]:
    """Every source id cited by the given tables (``source_id`` and ``more_sources``), in bibliography order.

    >>> used = sources_used("famine_comparison")
    >>> set(load("famine_comparison")["source_id"]) <= set(used)
    True
    """
    wanted = set()
    for name in tables:
        frame = load(name)
        for col in ("source_id", "more_sources"):
            if col in frame.columns:
                for value in frame[col].dropna():
                    wanted.update(str(value).split(";"))
    order = list(load("sources")["source_id"])
    return [s for s in order if s in wanted]


def own_wording() -> set:
    """The ids of sources of kind ``project``: the curriculum's own wording, never evidence.

    >>> sources = load("sources")
    >>> own_wording() == set(sources[sources["kind"] == "project"]["source_id"])
    True
    """
    sources = load("sources")
    return set(sources[sources["kind"] == "project"]["source_id"])


class Bibliography:
    """A list of full citations that shows as HTML in a notebook and as text elsewhere.

    >>> sid = load("sources")["source_id"].iloc[0]
    >>> str(Bibliography([sid])) == f"- [{sid}] {cite(sid)}"
    True
    >>> Bibliography([sid])._repr_html_().startswith('<ul class="bl-bibliography" style="overflow-wrap:anywhere"><li>')
    True
    """

    def __init__(self, ids):
        self.ids = list(ids)

    def __str__(self) -> str:
        return "\n".join(f"- [{s}] {cite(s)}" for s in self.ids)

    def _repr_html_(self) -> str:
        items = "".join(f"<li><code>{html.escape(s)}</code> {html.escape(cite(s))}</li>" for s in self.ids)
        # long addresses wrap, so the list never scrolls sideways (a scrolling region must take keyboard focus)
        return f'<ul class="bl-bibliography" style="overflow-wrap:anywhere">{items}</ul>'


def bibliography(*tables: str, extra=()) -> Bibliography:
    """The full references behind one or more tables (plus any extra ids).

    >>> sid = load("sources")["source_id"].iloc[0]
    >>> ids = bibliography("famine_comparison", extra=[sid]).ids
    >>> ids[:-1] == sources_used("famine_comparison") and ids[-1] == sid
    True
    """
    ids = sources_used(*tables)
    ids += [s for s in extra if s not in ids]
    return Bibliography(ids)
