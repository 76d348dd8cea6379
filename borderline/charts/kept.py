"""Charts kept between kernels: a chart is made from the datasets, the package and its arguments alone, so
the copy made by one kernel serves the next (``data.cache`` keeps it, and says when it is made afresh).

A chart built from scratch takes 20-120 ms, most of it plotly checking every property as the figure
grows; rebuilt from its kept, already checked data it takes about a millisecond. The figure is the
same, and a change made to it afterwards is checked as ever.

>>> @kept
... def squares(n: int = 3) -> go.Figure:
...     return go.Figure(go.Bar(x=list(range(n)), y=[i * i for i in range(n)]))
>>> squares().data[0].y == squares().data[0].y == (0, 1, 4)
True
"""

from __future__ import annotations

import functools
import hashlib

import pandas as pd
import plotly.graph_objects as go

from .. import i18n
from ..data import cache
from ..data.paths import data_dir

KEEP = 12  # copies kept per chart: its variants (a route, a claim, an edited table)


class _NotKept(Exception):
    """An argument that cannot be part of a version (the chart is built, not kept)."""


def _argument(value) -> bytes:
    if value is None or isinstance(value, (str, bool, int, float)):
        return repr(value).encode()
    if isinstance(value, (list, tuple)):
        return b"[" + b",".join(_argument(v) for v in value) + b"]"
    if isinstance(value, pd.DataFrame):
        try:
            rows = pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes()
        except TypeError as exc:  # a cell holding a list or a dict
            raise _NotKept from exc
        return repr((list(value.columns), [str(t) for t in value.dtypes])).encode() + rows
    raise _NotKept


def version(builder, args: tuple, kwargs: dict) -> str | None:
    """What a chart is made of, as a hash: the package, the datasets, the language and the arguments
    (None for an argument that cannot be hashed, such as a dict: that chart is built every time).

    >>> version(version, (1, "a"), {}) == version(version, (1, "a"), {}) != version(version, (2, "a"), {})
    True
    >>> version(version, ({"a": 1},), {}) is None
    True
    """
    digest = hashlib.blake2b(cache.package_hash(), digest_size=16)
    digest.update(f"{builder.__module__}.{builder.__qualname__}|{i18n.language()}".encode())
    try:
        for value in args:
            digest.update(b"\0" + _argument(value))
        for name in sorted(kwargs):
            digest.update(b"\0" + name.encode() + b"=" + _argument(kwargs[name]))
        digest.update(cache.folder_hash(data_dir()))
    except (_NotKept, OSError):
        return None
    return digest.hexdigest()


def plain(fig) -> dict:
    """A figure's data and layout as plain values, each part's as plotly checked it (a figure's own
    ``to_plotly_json`` writes number arrays as base64 text instead).

    >>> plain(go.Figure(go.Bar(x=[1])))["data"][0]["x"]
    [1]
    """
    return {"data": [trace.to_plotly_json() for trace in fig.data], "layout": fig.layout.to_plotly_json()}


def trusted(figure_class, spec: dict):
    """A figure (or FigureWidget) made from ``spec``, data plotly has already checked, without checking it
    again; what is changed afterwards is checked as ever.

    >>> fig = trusted(go.Figure, plain(go.Figure(go.Bar(x=[1], y=[2]))))
    >>> fig.data[0].y = pd.Series([5])  # checked, so made a plain array
    >>> type(fig.data[0].y).__name__
    'ndarray'
    """
    fig = figure_class(spec, _validate=False)
    for part in (fig, fig.layout, *fig.data):
        part._validate = True
    return fig


def kept(builder):
    """Decorator for a chart builder: the chart from its kept copy where there is one for this version,
    else built and kept.

    >>> kept(lambda: go.Figure())().layout.title.text is None
    True
    """
    name = f"chart-{builder.__name__}"

    @functools.wraps(builder)
    def build(*args, **kwargs):
        made_of = version(builder, args, kwargs) if cache.cache_dir() else None
        spec = cache.get(name, made_of)
        if isinstance(spec, dict):
            return trusted(go.Figure, spec)
        fig = builder(*args, **kwargs)
        cache.put(name, made_of, plain(fig), keep=KEEP)
        return fig

    return build
