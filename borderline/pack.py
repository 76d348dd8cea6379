"""``make pack``: one zip a seminar lead copies to a USB stick and opens on a machine with no Python.

It holds the instructor pack (``make handouts``: lesson pages, source packets, worksheets, answer keys,
lesson-at-a-glance pages, activity cards, role cards, slides, their PDFs) and, when it has been built, the
JupyterLite site (``make lite``), with ``START-HERE.html`` at the top saying what each part is and how to
open it. Everything in it is a file that opens from the folder it was copied to: no server, no network.
The JupyterLite site is the one exception a browser imposes: it runs from a web server (any static one),
and the start page says so.
"""

from __future__ import annotations

import html
import zipfile
from pathlib import Path

from .i18n import ui

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
NAME = "borderline-seminar-pack"


def start_page(has_lite: bool, lang: str = "en") -> str:
    """The page at the top of the pack: what is inside, and how to open each part.

    >>> page = start_page(has_lite=False)
    >>> "handouts/index.html" in page and "lite/" not in page
    True
    """
    parts = [
        (
            "handouts/index.html",
            ui("The instructor pack", lang=lang),
            ui(
                "Every lesson with its charts, answers and notes; the source packets; for each lesson a worksheet, "
                "an answer key, a lesson at a glance and activity cards (with PDFs to print); the role cards; "
                "the slides. Opens straight from this folder in any browser.",
                lang=lang,
            ),
        )
    ]
    if has_lite:
        parts.append(
            (
                "lite/index.html",
                ui("The lessons in the browser (JupyterLite)", lang=lang),
                ui(
                    "The student edition running in the browser, nothing installed. A browser runs it only from "
                    "a web server: put the lite folder on the course's web space, or on a machine with Python run "
                    "python -m http.server inside it and open the address it prints.",
                    lang=lang,
                ),
            )
        )
    items = "".join(
        f"<li><a href='{href}'>{html.escape(title)}</a>: {html.escape(text)}</li>" for href, title, text in parts
    )
    title = ui("Borderline: the seminar pack", lang=lang)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        "<style>body{font-family:Arial,Helvetica,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
        "line-height:1.5;color:#222} li{margin:.6rem 0}</style></head><body><main>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(ui('Refugees or migrants? What is in this folder:', lang=lang))}</p>"
        f"<ul>{items}</ul></main></body></html>"
    )


def write(handouts: Path | None = None, lite: Path | None = None, out: Path | None = None, lang: str = "en") -> Path:
    """Write the zip (``build/borderline-seminar-pack.zip``) from the built handouts and, if given and
    built, the JupyterLite site; return its path. Files keep their folders, under ``borderline-seminar-pack/``.

    >>> import tempfile
    >>> tmp = Path(tempfile.mkdtemp()); (tmp / "h").mkdir(); _ = (tmp / "h" / "index.html").write_text("<p>x</p>")
    >>> path = write(tmp / "h", tmp / "no-lite", tmp / "pack.zip")
    >>> sorted(zipfile.ZipFile(path).namelist())
    ['borderline-seminar-pack/START-HERE.html', 'borderline-seminar-pack/handouts/index.html']
    """
    from .data import BorderlineError

    handouts = handouts or BUILD / "handouts"
    lite = lite if lite is not None else BUILD / "lite"
    out = out or BUILD / f"{NAME}.zip"
    if not (handouts / "index.html").exists():
        raise BorderlineError(f"There is no instructor pack in {handouts}: run `make handouts` first.")
    has_lite = bool(lite) and (lite / "index.html").exists()
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{NAME}/START-HERE.html", start_page(has_lite, lang))
        for folder, name in [(handouts, "handouts")] + ([(lite, "lite")] if has_lite else []):
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                z.write(path, f"{NAME}/{name}/{path.relative_to(folder).as_posix()}")
    return out
