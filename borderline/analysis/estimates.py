"""Estimates as ranges: a low and a high figure for every row that gives one.

>>> import pandas as pd
>>> frame = pd.DataFrame({"est_id": ["a", "b"], "estimator": ["One (x)", "Two"], "measure": ["total", "total"],
...                       "method_group": ["not stated", "refugee survey"],
...                       "low": pd.array([None, 5], dtype="Int64"), "high": pd.array([10, 8], dtype="Int64")})
>>> estimate_ranges(frame)[["est_id", "low_plot", "high_plot", "label"]].values.tolist()
[['b', 5, 8, 'b  Two'], ['a', 10, 10, 'a  One']]
"""

from __future__ import annotations

import pandas as pd

from .. import data


def with_range(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows with at least one figure, with ``low_plot`` and ``high_plot`` each filled from the other.

    >>> frame = pd.DataFrame({"low": pd.array([None, None, 2], dtype="Int64"),
    ...                       "high": pd.array([None, 4, 3], dtype="Int64")})
    >>> with_range(frame)[["low_plot", "high_plot"]].values.tolist()
    [[4, 4], [2, 3]]
    """
    rows = frame[frame["high"].notna() | frame["low"].notna()].copy()
    rows["low_plot"] = rows["low"].fillna(rows["high"])
    rows["high_plot"] = rows["high"].fillna(rows["low"])
    return rows


def method_order() -> list[str]:
    """The values of famine_estimates.method_group in display order (labels.csv).

    >>> set(method_order()) >= set(data.load("famine_estimates")["method_group"])
    True
    """
    return list(data.labels("famine_estimates.method_group"))


def estimate_ranges(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of famine_estimates that can be drawn: totals with a figure, by method, highest first.

    Each row gets a plain-text ``label``: its id and the estimator's name up to the first
    bracket, comma, dash or semicolon.

    >>> ranges = estimate_ranges(data.load("famine_estimates"))
    >>> bool((ranges["measure"] == "total").all() and (ranges["low_plot"] <= ranges["high_plot"]).all())
    True
    """
    rows = with_range(frame[frame["measure"] == "total"])
    short = rows["estimator"].str.split(r" \(|, | - |; ", regex=True).str[0].str.slice(0, 34)
    rows["label"] = rows["est_id"] + "  " + short
    rows["method_rank"] = rows["method_group"].map({m: i for i, m in enumerate(method_order())})
    return rows.sort_values(["method_rank", "high_plot"], ascending=[True, False])


def value_span(rows: pd.DataFrame) -> tuple[float, float]:
    """The smallest low and the largest high figure of some ranges.

    >>> value_span(pd.DataFrame({"low_plot": [3, 1], "high_plot": [9, 4]}))
    (1.0, 9.0)
    """
    return float(rows["low_plot"].min()), float(rows["high_plot"].max())


def china_ranges(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows of china_estimates that give a figure, as ranges, oldest first.

    >>> frame = data.load("china_estimates")
    >>> ranges = china_ranges(frame)
    >>> len(ranges) == int((frame["low"].notna() | frame["high"].notna()).sum())
    True
    >>> ranges["year"].is_monotonic_increasing
    True
    """
    return with_range(frame).sort_values(["year", "est_id"])
