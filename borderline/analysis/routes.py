"""Routes: each leg with its places' names and coordinates, the path to draw and a view around it.

>>> first = data.load("routes").sort_values("leg").iloc[0]
>>> legs = route_legs(first["route_id"])
>>> legs["from_place"].iloc[0] == first["from_place"] and {"from_name", "to_lat"} <= set(legs.columns)
True
"""

from __future__ import annotations

import math

import pandas as pd

from .. import data


def route_legs(route_id: str, routes: pd.DataFrame | None = None, places: pd.DataFrame | None = None) -> pd.DataFrame:
    """The legs of one route in order, with place names and coordinates.

    >>> route_legs("no-such-route")
    Traceback (most recent call last):
    ...
    borderline.data.errors.DataError: datasets/routes.csv: there is no route 'no-such-route'.
    """
    routes = data.load("routes") if routes is None else routes
    places = (data.load("places") if places is None else places).set_index("place_id")
    legs = routes[routes["route_id"] == route_id].sort_values("leg").copy()
    if legs.empty:
        raise data.DataError("datasets/routes.csv", f"there is no route '{route_id}'.")
    for end in ("from", "to"):
        ids = legs[f"{end}_place"]
        legs[f"{end}_name"] = ids.map(places["name"])
        legs[f"{end}_lon"] = ids.map(places["lon"]).astype(float)
        legs[f"{end}_lat"] = ids.map(places["lat"]).astype(float)
    return legs


def route_path(legs: pd.DataFrame | None) -> tuple[list, list]:
    """Longitudes and latitudes of each leg, with a gap (None) after each: one line trace.

    >>> legs = pd.DataFrame({"from_lon": [1.0], "to_lon": [2.0], "from_lat": [3.0], "to_lat": [4.0]})
    >>> route_path(legs)
    ([1.0, 2.0, None], [3.0, 4.0, None])
    >>> route_path(None)
    ([], [])
    """
    xs, ys = [], []
    if legs is not None:
        for r in legs.itertuples():
            xs += [r.from_lon, r.to_lon, None]
            ys += [r.from_lat, r.to_lat, None]
    return xs, ys


def route_view(legs: pd.DataFrame, pad: float = 2.0) -> tuple[tuple, tuple]:
    """(lon range, lat range) around a route: padded, and at least 8 by 6 degrees.

    >>> legs = pd.DataFrame({"from_lon": [100.0], "to_lon": [101.0], "from_lat": [10.0], "to_lat": [11.0]})
    >>> route_view(legs)
    ((96.5, 104.5), (7.5, 13.5))
    """
    lons = list(legs["from_lon"]) + list(legs["to_lon"])
    lats = list(legs["from_lat"]) + list(legs["to_lat"])
    lon = (min(lons) - pad, max(lons) + pad)
    lat = (min(lats) - pad, max(lats) + pad)
    if lon[1] - lon[0] < 8:
        mid = sum(lon) / 2
        lon = (mid - 4, mid + 4)
    if lat[1] - lat[0] < 6:
        mid = sum(lat) / 2
        lat = (mid - 3, mid + 3)
    return lon, lat


def aspect(lat: tuple) -> float:
    """How much a degree of latitude is stretched against a degree of longitude at these latitudes.

    >>> round(aspect((0.0, 0.0)), 3), round(aspect((59.0, 61.0)), 3)
    (1.0, 2.0)
    """
    return 1 / math.cos(math.radians((lat[0] + lat[1]) / 2))


def simplify(ring: list, tolerance: float = 0.02) -> list:
    """Ramer-Douglas-Peucker: drop points closer than ``tolerance`` degrees to the simplified line.

    >>> simplify([[0, 0], [1, 0.001], [2, 0], [2, 2]])
    [[0, 0], [2, 0], [2, 2]]
    """
    if len(ring) < 3:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = ring[first], ring[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        index, far = None, tolerance
        for i in range(first + 1, last):
            x, y = ring[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if (dx or dy) else math.hypot(x - x1, y - y1)
            if d > far:
                index, far = i, d
        if index is not None:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(ring, keep, strict=False) if k]
