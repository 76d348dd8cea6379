"""Load the curriculum's datasets, validated, with proper types.

Every table in ``datasets/`` is described in ``datasets/datapackage.json``.
``load(name)`` reads one table, checks every cell against that description and
returns a pandas DataFrame; nothing here formats anything for display (see
``borderline.tables``).

- ``loading``: ``load``, ``names``, ``schema``, ``data_dir`` and the checks;
- ``sources``: ``cite``, ``short_cite``, ``source_line``, ``sources_used``, ``bibliography``;
- ``tables``: ``rows`` and ``arrivals_by_year``, small DataFrames for reading in a lesson;
- ``labels``: labels, colours and chart notes kept as dataset rows;
- ``geo``: the shipped country outlines (``borders``);
- ``errors``: ``DataError`` and ``BorderlineError``;
- ``cache``: the checked copy of each table kept on disk, so a fresh kernel need not check the CSV again.

>>> famine = load("famine_estimates")
>>> str(famine["low"].dtype), famine["est_id"].is_unique
('Int64', True)
"""

from .errors import BorderlineError, DataError
from .geo import borders
from .labels import chart_note, chart_notes, colours, in_language, label, label_rows, labels, note_text, shorts, symbols
from .loading import ID_LIST, PACKAGE_DIR, data_dir, load, names, schema
from .sources import Bibliography, bibliography, cite, own_wording, short_cite, source_line, sources_used
from .tables import arrivals_by_year, rows

__all__ = [
    "DataError",
    "BorderlineError",
    "load",
    "cite",
    "short_cite",
    "source_line",
    "names",
    "data_dir",
    "schema",
    "sources_used",
    "bibliography",
    "Bibliography",
    "borders",
    "rows",
    "arrivals_by_year",
    "labels",
    "label",
    "label_rows",
    "shorts",
    "colours",
    "symbols",
    "chart_notes",
    "chart_note",
    "in_language",
    "note_text",
    "PACKAGE_DIR",
    "ID_LIST",
    "own_wording",
]
