"""Rates: deaths as a share of a population, and per 100,000 people per year.

>>> import pandas as pd
>>> est = pd.DataFrame([{"est_id": "x", "estimator": "A", "low": 100, "high": 400, "period": "2001-2004",
...                      "period_start": 2001, "period_end": 2004, "source_id": "SRC"}])
>>> pop = pd.DataFrame([{"series_id": "s", "series": "Census", "year": 2001, "population": 100_000,
...                      "kind": "census", "preferred": True, "source_id": "POP"}])
>>> r = per_capita_rate("x", "high", "s", est, pop)
>>> r["share_pct"], r["years"], r["per_100k_year"]
(0.4, 4, 100.0)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import data


def preferred_series(population: pd.DataFrame) -> str:
    """The id of the population series marked ``preferred``.

    >>> pop = pd.DataFrame({"series_id": ["a", "b"], "preferred": [False, True]})
    >>> preferred_series(pop)
    'b'
    """
    chosen = population[population["preferred"].fillna(False).astype(bool)]["series_id"]
    if chosen.empty:
        raise data.DataError(
            "datasets/population.csv",
            "no population series is marked preferred.",
            "set preferred to TRUE on the rows of one series.",
        )
    return str(chosen.iloc[0])


def population_in(series_id: str, year: int, population: pd.DataFrame) -> tuple:
    """(population, year used, series name, source id): the given year, else the nearest the series has.

    >>> pop = pd.DataFrame({"series_id": ["s", "s"], "year": [1990, 2000], "population": [10, 20],
    ...                     "series": ["S", "S"], "source_id": ["A", "B"]})
    >>> population_in("s", 1999, pop)
    (20, 2000, 'S', 'B')
    """
    # positions, not boolean-indexed frames: a widget asks this on every change, and each pandas filter copies
    # every column of the table
    at = np.flatnonzero(population["series_id"].to_numpy() == series_id)
    if not len(at):
        raise data.DataError("datasets/population.csv", f"there is no population series '{series_id}'.")
    years = population["year"].to_numpy(dtype="float64", na_value=np.nan)[at]
    exact = np.flatnonzero(years == year)
    pos = at[exact[0]] if len(exact) else at[np.argsort(np.abs(years - year), kind="stable")[0]]
    return (
        int(population["population"].iat[pos]),
        int(population["year"].iat[pos]),
        str(population["series"].iat[pos]),
        str(population["source_id"].iat[pos]),
    )


def _figures(row) -> tuple[float, float]:
    low = row["low"] if pd.notna(row["low"]) else row["high"]
    high = row["high"] if pd.notna(row["high"]) else row["low"]
    if pd.isna(low):
        raise data.DataError("datasets/famine_estimates.csv", f"estimate {row['est_id']} gives no figure to work with.")
    return float(low), float(high)


def fallback_year(population: pd.DataFrame) -> int:
    """The year whose population an estimate with no period is set against.

    It is the ``year`` row for ``per_capita`` in chart_notes.csv, else the middle year of the series.

    >>> fallback_year(data.load("population")) == int(data.chart_note("per_capita", "year")["value"])
    True
    """
    note = data.chart_note("per_capita", "year")
    return int(note["value"]) if note is not None else int(population["year"].median())


def per_capita_rate(
    est_id: str,
    which: str = "high",
    series_id: str | None = None,
    estimates: pd.DataFrame | None = None,
    population: pd.DataFrame | None = None,
) -> dict:
    """Deaths as a share of the population and per 100,000 per year.

    ``which`` is "low", "high" or "midpoint"; ``series_id`` defaults to the preferred
    population series. The population is taken in the first year the estimate covers
    (or the nearest year the series has; see ``fallback_year`` for an estimate with no period);
    without a period there is no yearly rate.

    >>> est = pd.DataFrame([{"est_id": "x", "estimator": "A", "low": None, "high": 50, "period": "unknown",
    ...                      "period_start": None, "period_end": None, "source_id": "SRC"}])
    >>> pop = pd.DataFrame([{"series_id": "s", "series": "S", "year": 1995, "population": 1000,
    ...                      "preferred": True, "source_id": "POP"}])
    >>> r = per_capita_rate("x", "midpoint", estimates=est, population=pop)
    >>> r["deaths"], r["share_pct"], r["per_100k_year"], r["sources"]
    (50.0, 5.0, None, ['SRC', 'POP'])
    """
    est = data.load("famine_estimates") if estimates is None else estimates
    pop = data.load("population") if population is None else population
    at = np.flatnonzero(est["est_id"].to_numpy() == est_id)
    if not len(at):
        raise data.DataError("datasets/famine_estimates.csv", f"there is no estimate '{est_id}'.")
    r = est.iloc[at[0]]
    low, high = _figures(r)
    deaths = {"low": low, "high": high, "midpoint": (low + high) / 2}[which]
    start = int(r["period_start"]) if pd.notna(r["period_start"]) else None
    end = int(r["period_end"]) if pd.notna(r["period_end"]) else None
    series_id = series_id or preferred_series(pop)
    people, pop_year, series, pop_source = population_in(series_id, start or fallback_year(pop), pop)
    years = (end - start + 1) if start and end else None
    return {
        "est_id": est_id,
        "estimator": str(r["estimator"]),
        "deaths": deaths,
        "which": which,
        "population": people,
        "population_year": pop_year,
        "series": series,
        "years": years,
        "period": str(r["period"]),
        "share_pct": deaths / people * 100,
        "per_100k_year": deaths / years / people * 100_000 if years else None,
        "sources": [str(r["source_id"]), pop_source],
    }


def series_options(population: pd.DataFrame) -> list[tuple[str, str]]:
    """(name, id) of each population series that is not a bare claim, the preferred one first.

    >>> pop = pd.DataFrame({"series_id": ["a", "b", "c"], "series": ["A", "B", "C"],
    ...                     "kind": ["estimate", "claim", "census"], "preferred": [False, False, True]})
    >>> series_options(pop)
    [('C', 'c'), ('A', 'a')]
    """
    seen = population.drop_duplicates("series_id")
    seen = seen[seen["kind"] != "claim"]
    order = seen.sort_values(["preferred", "kind"], ascending=[False, True])
    return [(s, i) for s, i in zip(order["series"], order["series_id"], strict=False)]
