"""Where the datasets are: ``datasets/`` beside the package, or the folder ``BORDERLINE_DATA`` names.

A package installed into site-packages (a hub image) has no ``datasets/`` beside it; then the
curriculum's own ``datasets/`` is found from the working directory: the nearest folder, from the
working directory up, holding ``datasets/datapackage.json`` (a student's copy, pulled by nbgitpuller).

>>> data_dir().name
'datasets'
>>> PACKAGE_DIR.name
'borderline'
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the borderline/ folder


def data_dir() -> Path:
    """The folder holding the CSV files (``BORDERLINE_DATA`` overrides it).

    >>> data_dir().name
    'datasets'
    """
    override = os.environ.get("BORDERLINE_DATA")
    if override:
        return Path(override)
    beside = _beside(PACKAGE_DIR)
    if beside is not None:
        return beside
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "datasets" / "datapackage.json").is_file():
            return folder / "datasets"
    return PACKAGE_DIR.parent / "datasets"


@functools.lru_cache(maxsize=4)
def _beside(package: Path) -> Path | None:
    # looked for once: charts ask for the folder hundreds of times, and a checkout does not move under a kernel
    beside = package.parent / "datasets"
    return beside if (beside / "datapackage.json").is_file() else None


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(data_dir().parent))
    except ValueError:
        return str(path)
