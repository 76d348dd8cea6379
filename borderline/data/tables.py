"""Small tables picked from the datasets: plain DataFrames (``borderline.tables`` formats them).

>>> frame = rows("population", year=1995)
>>> frame["year"].unique().tolist()
[1995]
>>> "notes" in frame.columns
False
"""

from __future__ import annotations

import pandas as pd

from .errors import DataError
from .loading import load, schema

HIDDEN = {"notes", "more_sources", "description", "method", "feedback", "summary"}


def rows(name: str, *ids: str, columns=None, **where) -> pd.DataFrame:
    """Some rows of a table, picked by id or by column value, without the long text columns.

    ``columns`` is a list or a space-separated string; by default every column but
    the long ones in ``HIDDEN``.

    >>> first = load("famine_estimates")["est_id"].iloc[:2].tolist()
    >>> rows("famine_estimates", *first)["est_id"].tolist() == first
    True
    >>> rows("population", columns="year population").columns.tolist()
    ['year', 'population']
    >>> rows("population", "no-such-row")
    Traceback (most recent call last):
    ...
    borderline.data.errors.DataError: datasets/population.csv: there is no row 'no-such-row'. Fix: check the row_id column.
    """
    frame = load(name)
    key = schema(name)["schema"].get("primaryKey")
    if ids:
        key = key if isinstance(key, str) else frame.columns[0]
        unknown = [i for i in ids if i not in set(frame[key])]
        if unknown:
            raise DataError(f"datasets/{name}.csv", f"there is no row '{unknown[0]}'.", f"check the {key} column.")
        frame = frame[frame[key].isin(ids)]
    for col, value in where.items():
        if col not in frame.columns:
            raise DataError(
                f"datasets/{name}.csv", f"there is no column '{col}'.", "use one of: " + ", ".join(frame.columns) + "."
            )
        frame = frame[frame[col] == value]
    if columns is None:
        columns = [c for c in frame.columns if c not in HIDDEN]
    elif isinstance(columns, str):
        columns = columns.split()
    return frame[list(columns)].reset_index(drop=True)


def arrivals_by_year(first: int, last: int, total: bool = True) -> pd.DataFrame:
    """Arrivals in South Korea by year (preferred single-year figures), with a total row if asked.

    >>> table = arrivals_by_year(2002, 2019)
    >>> int(table.iloc[-1]["women"]), int(table.iloc[-1]["total"])
    (23566, 31533)
    >>> table.iloc[-1]["year"], len(arrivals_by_year(2002, 2019, total=False))
    ('2002-2019', 18)
    """
    frame = load("arrivals")
    part = frame[
        frame["preferred"] & (frame["year_start"] == frame["year_end"]) & frame["year_start"].between(first, last)
    ]
    table = pd.DataFrame(
        {
            "year": part["year_start"].astype(str),
            "men": part["male"],
            "women": part["female"],
            "total": part["total"],
            "source": part["source_id"],
        }
    )
    if total:
        sums = pd.DataFrame(
            [
                {
                    "year": f"{first}-{last}",
                    "men": table["men"].sum(min_count=1),
                    "women": table["women"].sum(min_count=1),
                    "total": table["total"].sum(),
                    "source": "",
                }
            ]
        )
        table = pd.concat([table, sums], ignore_index=True)
    for col in ("men", "women", "total"):
        table[col] = table[col].astype("Int64")
    return table.reset_index(drop=True)
