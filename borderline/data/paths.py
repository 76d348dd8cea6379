"""Where the datasets are: ``datasets/`` beside the package, or the folder ``BORDERLINE_DATA`` names.

>>> data_dir().name
'datasets'
>>> PACKAGE_DIR.name
'borderline'
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the borderline/ folder


def data_dir() -> Path:
    """The folder holding the CSV files (``BORDERLINE_DATA`` overrides it).

    >>> data_dir().name
    'datasets'
    """
    override = os.environ.get("BORDERLINE_DATA")
    return Path(override) if override else PACKAGE_DIR.parent / "datasets"


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(data_dir().parent))
    except ValueError:
        return str(path)
