"""Editions from one source: the student edition and the offline handout pack.

The lessons in ``lessons/`` are the only source (``make sync`` builds ``notebooks/`` from them).
Model answers live in each lesson's ``exercises.yaml`` and appear through cells tagged
``solution``; instructor notes are cells tagged ``instructor``.

- ``student()`` writes ``build/student/``: the notebooks without those cells, and exercise files
  without model answers (the self-checks still work).
- ``handouts()`` writes ``build/handouts/``: one static HTML page per lesson that works with
  no network (plotly.js embedded once per page, widgets replaced by static views, model
  answers and instructor notes visible), printable source packets, role cards and an index.

>>> [p.suffix for p in notebooks()][:1]
['.ipynb']
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import shutil
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
REMOVED_IN_STUDENT_EDITION = {"solution", "instructor"}

__all__ = ["student", "handouts", "notebooks", "source_packet", "role_cards"]


def notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The lesson notebooks in a folder, in file-name order.

    >>> all(p.name[:2].isdigit() for p in notebooks())
    True
    """
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def _say(message: str) -> None:
    print(message, flush=True)


# --- the student edition ---------------------------------------------------------------


def _strip(nb):
    from nbconvert.preprocessors import TagRemovePreprocessor

    remover = TagRemovePreprocessor(remove_cell_tags=REMOVED_IN_STUDENT_EDITION, enabled=True)
    nb, _ = remover.preprocess(nb, {})
    return nb


def student(out: Path = BUILD / "student") -> Path:
    """Write the student edition: no model answers, no instructor notes; everything else intact."""
    if out.exists():
        shutil.rmtree(out)
    (out / "notebooks").mkdir(parents=True)
    for path in notebooks():
        nb = _strip(nbformat.read(path, as_version=4))
        nbformat.write(nb, out / "notebooks" / path.name)
        _say(f"student edition: {path.name} ({len(nb.cells)} cells)")
    _student_exercises(out / "lessons")
    syllabus = (ROOT / "lessons.md").read_text(encoding="utf-8")
    syllabus = re.sub(r"^\*\*Instructor notes\.\*\*.*\n?", "", syllabus, flags=re.M)
    (out / "lessons.md").write_text(syllabus, encoding="utf-8")
    _say(f"student edition written to {out}")
    return out


def _student_exercises(out: Path) -> None:
    """Copy each lesson's exercises.yaml without its model answers."""
    import yaml

    from .exercise_bank import _TextLoader

    for path in sorted((ROOT / "lessons").glob("[0-9][0-9]-*/exercises.yaml")):
        content = yaml.load(path.read_text(encoding="utf-8"), Loader=_TextLoader)
        for entry in content.get("exercises", []):
            entry.pop("model_answer", None)
        target = out / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            "# Student edition: model answers removed.\n"
            + yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=10**9),
            encoding="utf-8",
        )
        _say(f"student edition: {path.parent.name}/exercises.yaml ({len(content.get('exercises', []))} exercises)")


# --- the handout pack -------------------------------------------------------------------

PAGE_CSS = """
body{font-family:Arial,Helvetica,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
h1{font-size:1.8rem} h2{font-size:1.35rem;border-bottom:1px solid #ccc;margin-top:2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem} th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;vertical-align:top;text-align:left}
blockquote{border-left:4px solid #0072B2;margin:.6rem 0;padding:.2rem .8rem;background:#f4f8fb}
pre,code{background:#f5f5f5;font-size:.9rem} body pre,body .highlight pre{padding:.4rem;white-space:pre-wrap;overflow-wrap:anywhere;overflow:visible}
details{border:1px solid #ccc;padding:.3rem .6rem;margin:.6rem 0} summary{cursor:pointer}
.jp-InputPrompt,.jp-OutputPrompt{display:none} .bl-static-note{color:#555}
nav.bl-top{font-size:.9rem;margin-bottom:1rem} nav.bl-top a{margin-right:1rem}
sup.bl-noteref{line-height:0} sup.bl-noteref a{text-decoration:none;padding:0 .1em} section.bl-notes{font-size:.85rem}
@media print{nav.bl-top{display:none} details{border:none} .js-plotly-plot{page-break-inside:avoid}}
"""


def _page(title: str, body: str, plotly_js: bool = False, nav_links: str = "", lang: str = "en") -> str:
    script = ""
    if plotly_js:
        from plotly.offline import get_plotlyjs

        script = f"<script>{get_plotlyjs()}</script>"
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'><style>{PAGE_CSS}</style>{script}"
        f"</head><body>{nav_links}{body}</body></html>\n"
    )


@contextlib.contextmanager
def environment(**values):
    """Set environment variables (a value of None unsets one) for the kernels started inside; restore after.

    >>> with environment(BORDERLINE_EXAMPLE="1"):
    ...     os.environ["BORDERLINE_EXAMPLE"]
    '1'
    >>> "BORDERLINE_EXAMPLE" in os.environ
    False
    """
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = str(value)
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def execute(nb, path: Path, timeout: int = 180, **env):
    """Run notebook ``nb`` (read from ``path``) headless in a kernel of its own, in its own folder, with
    ``env`` set for that kernel; return it with its outputs.

    >>> import tempfile
    >>> run = execute(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import os; os.environ['X']")]),
    ...               Path(tempfile.mkdtemp()) / "scratch.ipynb", X="set")
    >>> run.cells[0].outputs[0]["data"]["text/plain"]
    "'set'"
    """
    from nbclient import NotebookClient

    with environment(**env):
        NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            # ipykernel warns at every start that a kernel over TCP is unencrypted (true, and beside the point)
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        ).execute()
    return nb


def _execute_static(nb, path: Path, timeout: int = 180):
    return execute(nb, path, timeout, BORDERLINE_STATIC="1")


def _html_body(nb) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb)
    # The instructor pack shows model answers open.
    return body.replace('<details class="bl-solution">', '<details class="bl-solution" open>')


QUOTE = re.compile(r"[\"“]([^\"”]{25,320})[\"”][^\[\n]{0,80}\[([A-Z][A-Z0-9_]*(?:; ?[A-Z][A-Z0-9_]*)*)\]")
SOURCING = [
    "Who wrote or said this, and in what role?",
    "When, and what had just happened?",
    "For whom, and for what purpose?",
    "What does it claim, and what does it leave out?",
    "Which other source in this packet agrees or disagrees?",
]


def source_packet(path: Path) -> str:
    """Short quoted excerpts from a lesson, each with its full source line, and guiding questions.

    >>> packet = source_packet(notebooks()[-1])
    >>> packet.startswith("<h1>Source packet:") and "Read each excerpt like a historian" in packet
    True
    """
    from . import data
    from .exercise_bank import lesson_exercises

    nb = nbformat.read(path, as_version=4)
    text = "\n".join(
        c.source
        for c in nb.cells
        if c.cell_type == "markdown"
        and not set(c.metadata.get("tags", [])) & (REMOVED_IN_STUDENT_EDITION | {"sources"})
    )
    text += "\n" + "\n".join(q.prompt for q in lesson_exercises(path.name[:2]).values())
    seen, items = set(), []
    for quote, ids in QUOTE.findall(text):
        key = quote.strip().lower()
        if key in seen:
            continue
        seen.add(key)
        refs = "; ".join(html.escape(data.cite(i.strip())) for i in re.split(r"; ?", ids))
        items.append(f"<li><blockquote>“{html.escape(quote.strip())}”</blockquote><p class='src'>{refs}</p></li>")
    questions = re.search(r"## Discussion questions\n\n(.*?)(?:\n## |\Z)", text, flags=re.S)
    discussion = ""
    if questions:
        lines = [re.sub(r"^\d+\.\s*", "", q).strip() for q in questions.group(1).splitlines() if re.match(r"^\d+\.", q)]
        discussion = (
            "<h2>Questions for discussion</h2><ol>" + "".join(f"<li>{html.escape(q)}</li>" for q in lines) + "</ol>"
        )
    title = nb.cells[0].source.splitlines()[0].lstrip("# ")
    sourcing = "<h2>Read each excerpt like a historian</h2><ol>" + "".join(f"<li>{q}</li>" for q in SOURCING) + "</ol>"
    return (
        f"<h1>Source packet: {html.escape(title)}</h1><p>{len(items)} short excerpts quoted in the lesson, each with "
        f"its full reference. Quotations are brief; read the sources for context.</p>{sourcing}"
        f"<h2>Excerpts</h2><ol class='packet'>{''.join(items)}</ol>{discussion}"
    )


def role_cards() -> str:
    """Printable role cards for the options role play (empty if the roles table is not there).

    Each card is drawn by ``cards.role_card_html``, the same renderer as the live view.

    >>> cards = role_cards()
    >>> cards == "" or cards.count("class='bl-card'") >= 2
    True
    """
    from . import cards, data
    from .i18n import ui

    if "roles" not in data.names():
        return ""
    printed = "".join(
        f"<section class='card' style='margin:1rem 0;page-break-inside:avoid'>{cards.role_card_html(r)}</section>"
        for _, r in data.load("roles").iterrows()
    )
    return (
        f"<h1>{ui('Role cards: the options role play')}</h1><p>"
        + ui(
            "You play a decision-maker, never a refugee. Argue your option from the evidence; expect questions from the other groups."
        )
        + f"</p><h2>{ui('One card per group')}</h2>"
        + printed
    )


def _lesson_pages(out: Path, path: Path, lang: str) -> tuple[str, str]:
    """Write one lesson's page and source packet; return their file names."""
    from .i18n import ui
    from .notes import numbered

    started = time.perf_counter()
    nb = executed(path)
    page = out / path.with_suffix(".html").name
    links = "<nav class='bl-top'><a href='index.html'>All handouts</a></nav>"
    title = nb.cells[0].source.splitlines()[0].lstrip("# ")
    body = numbered(_html_body(nb), lang)  # [SOURCE_ID] as numbered notes, listed at the end
    page.write_text(_page(title, body, plotly_js=True, nav_links=links, lang=lang), encoding="utf-8")
    packet = out / f"{path.stem}-sources.html"
    packet.write_text(
        _page(f"{ui('Sources', lang=lang)}: {path.stem}", source_packet(path), nav_links=links, lang=lang),
        encoding="utf-8",
    )
    _say(
        f"      wrote {page.name} ({page.stat().st_size / 1e6:.1f} MB) and {packet.name} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return page.name, packet.name


def _index(order, entries, cards: bool, extras: dict | None = None) -> str:
    extras = extras or {}

    def more(name: str) -> str:
        return " · ".join(f"<a href='{href}'>{html.escape(label)}</a>" for label, href in extras.get(name, []))

    rows = "".join(
        f"<tr><td>{html.escape(n)}</td><td><a href='{p}'>{html.escape(t)}</a></td>"
        f"<td><a href='{s}'>source packet</a></td><td>{more(name)}</td></tr>"
        for (n, t, name), (p, s) in zip(order, entries)
    )
    extra = "<p><a href='role-cards.html'>Role cards for the options role play</a></p>" if cards else ""
    return (
        f"<h1>Borderline: the instructor's handout pack</h1><p>Every page works offline: open it in any browser, "
        f"project it, or print it. Charts are drawn in the page; widgets appear as static views with the data "
        f"behind them; model answers and instructor notes are shown.</p><table><tr><th>#</th><th>lesson</th>"
        f"<th>for students</th><th>for the room</th></tr>{rows}</table>{extra}"
    )


# Further parts of the pack (worksheets, keys, slides ...): each is called as
# part(out, order, notebooks_folder, lang) and returns {notebook name: [(label, file name), ...]}.
PACK_PARTS: list = []
# The lesson notebooks of the current build, executed with static views, by notebook name (for the parts).
# Notebooks run with static views in this handouts build, by path: the pack's parts share them.
EXECUTED: dict = {}


def executed(path: Path):
    """A notebook run with static views, once per handouts build (the lesson page, worksheet and slides share it).

    >>> EXECUTED[Path("x.ipynb").resolve()] = "already run"
    >>> executed(Path("x.ipynb"))
    'already run'
    >>> EXECUTED.clear()
    """
    key = Path(path).resolve()
    if key not in EXECUTED:
        EXECUTED[key] = _execute_static(nbformat.read(key, as_version=4), key)
    return EXECUTED[key]


def _pack_parts(out: Path, order, notebooks_folder: Path, lang: str) -> dict:
    extras: dict = {}
    for part in PACK_PARTS:
        for name, links in (part(out, order, notebooks_folder, lang) or {}).items():
            extras.setdefault(name, []).extend(links)
    return extras


def handouts(out: Path = BUILD / "handouts", notebooks_folder: Path = NOTEBOOKS, lang: str = "en") -> Path:
    """Write the offline instructor pack: lesson pages, source packets, role cards and an index.

    ``notebooks_folder`` and ``lang`` build it from a translated edition (see ``borderline.localised``).
    """
    from .lessons import order as lesson_order

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    order = lesson_order()
    entries = []
    EXECUTED.clear()
    for i, (_n, _t, name) in enumerate(order, start=1):
        _say(f"[{i}/{len(order)}] {name}: running the notebook with static views ...")
        entries.append(_lesson_pages(out, notebooks_folder / name, lang))
    cards = role_cards()
    if cards:
        (out / "role-cards.html").write_text(_page("Role cards", cards, lang=lang), encoding="utf-8")
        _say("      wrote role-cards.html")
    from . import (
        room,  # noqa: F401  (adds the worksheets, keys, glance pages and activity cards to PACK_PARTS)
        slides,  # noqa: F401  (adds the slides for projection to PACK_PARTS)
    )

    extras = _pack_parts(out, order, notebooks_folder, lang)
    (out / "index.html").write_text(
        _page("Borderline handouts", _index(order, entries, bool(cards), extras), lang=lang), encoding="utf-8"
    )
    _say(f"handouts written to {out} (open index.html)")
    return out
