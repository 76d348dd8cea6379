"""Country outlines shipped with the datasets (``datasets/geo/borders.geojson``), read offline.

>>> {f["geometry"]["type"] for f in borders()["features"]} <= {"Polygon", "MultiPolygon"}
True
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import DataError
from .loading import _rel, data_dir


@lru_cache(maxsize=2)
def _borders(path: str, stamp: float) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(
            _rel(Path(path)),
            f"the border geometry cannot be read ({exc}).",
            "restore datasets/geo/borders.geojson from git.",
        ) from None


def borders() -> dict:
    """Country borders (Natural Earth, GeoJSON), one feature per country, keyed by ``iso_a2``.

    >>> all(len(f["properties"]["iso_a2"]) == 2 for f in borders()["features"])
    True
    """
    path = data_dir() / "geo" / "borders.geojson"
    if not path.exists():
        raise DataError(_rel(path), "the border geometry is missing.", "restore it from git.")
    return _borders(str(path), path.stat().st_mtime)
