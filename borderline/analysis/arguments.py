"""The argument map and the policy options: where each claim goes, who backs each option.

>>> import pandas as pd
>>> claims = pd.DataFrame({"arg_id": ["a", "b", "c"], "side": ["migrants", "refugees", "migrants"],
...                        "question": ["q1", "q1", "q2"]})
>>> layout = argument_layout(claims, sides=["migrants", "neutral", "refugees"], questions=["q1", "q2"])
>>> layout[["arg_id", "x", "y"]].values.tolist()
[['a', 0.0, 0.0], ['b', 2.0, 0.0], ['c', 0.0, -1.8]]
"""

from __future__ import annotations

import pandas as pd

from .. import data


def argument_layout(arguments: pd.DataFrame, sides: list | None = None, questions: list | None = None) -> pd.DataFrame:
    """x by side, y by question: each question a band, each side's claims stacked in its own column.

    ``sides`` and ``questions`` default to the display order in labels.csv.

    >>> layout = argument_layout(data.load("arguments"))
    >>> len(layout) == len(data.load("arguments")) and round(float(layout["y"].max()), 9) == 0
    True
    """
    sides = list(data.labels("arguments.side")) if sides is None else sides
    order = list(data.labels("arguments.question")) if questions is None else questions
    rows = arguments.copy()
    rows["q"] = rows["question"].map({q: i for i, q in enumerate(order)}).fillna(len(order))
    rows = rows.sort_values(["q", "side", "arg_id"])
    rows["slot"] = rows.groupby(["question", "side"]).cumcount()
    height = rows.groupby("q")["slot"].max() + 1
    top = (-(height + 0.8).cumsum() + height + 0.8).to_dict()
    rows["x"] = rows["side"].map({s: float(i) for i, s in enumerate(sides)}) + (rows["slot"] % 2) * 0.12
    rows["y"] = rows["q"].map(top) - rows["slot"]
    return rows


def count_ids(values: pd.Series) -> pd.Series:
    """How many ';'-separated ids each cell holds (0 for an empty cell).

    >>> count_ids(pd.Series(["a;b", None, "c"])).tolist()
    [2, 0, 1]
    """
    return values.fillna("").map(lambda s: len([x for x in str(s).split(";") if x]))


def role_titles(ids, roles: pd.DataFrame) -> str:
    """The titles of the roles named by ';'-separated ids, joined by commas.

    >>> roles = pd.DataFrame({"role_id": ["a", "b"], "title": ["First", "Second"]})
    >>> role_titles("b;a", roles), role_titles(None, roles)
    ('Second, First', 'none recorded')
    """
    titles = roles.set_index("role_id")["title"]
    return (
        ", ".join(titles.get(i, i) for i in str(ids).split(";") if i and i not in ("<NA>", "None")) or "none recorded"
    )


def parse_ranking(saved: str) -> dict:
    """A ranking saved in the journal as 'id=rank;...' read back as a dict.

    >>> parse_ranking("a=2;b=1;junk")
    {'a': '2', 'b': '1'}
    """
    return dict(p.split("=", 1) for p in (saved or "").split(";") if "=" in p)


def ranking_summary(chosen: dict) -> tuple[list, list]:
    """(ranks given to more than one option, the options in the order ranked).

    >>> ranking_summary({"a": "2", "b": "1", "c": "2"})
    (['2'], ['b', 'a', 'c'])
    """
    taken = list(chosen.values())
    clash = sorted({v for v in taken if taken.count(v) > 1})
    return clash, sorted(chosen, key=lambda k: int(chosen[k]))
