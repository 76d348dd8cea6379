"""Getting started: a setup check that proves everything works, and a glossary browser.

>>> box = glossary_browser()
>>> "Who uses it" in box.text.value
True
"""

from __future__ import annotations

import html
import importlib.metadata as md
import platform

import ipywidgets as w

from .. import charts, data, i18n, journal, registry
from ..cards import glossary_card_html
from ..i18n import ui
from ..widget_parts import html as html_widget
from .base import LABEL_STYLE, StaticView, box_of, live_figure, number_box, pick_value, table_html, view

PACKAGES = ["pandas", "plotly", "ipywidgets", "anywidget", "jupyterlab"]


def version(name: str) -> str:
    """The installed version of a package, or 'not installed'.

    >>> version("no-such-package-here")
    'not installed'
    """
    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return ui("not installed")


def checks() -> list[tuple[str, bool, str]]:
    """(what, ok, message) for the datasets and the journal.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> [(name, ok) for name, ok, _ in checks()]
    [('Datasets', True), ('Journal', True)]
    """
    found = []
    try:
        counts = {name: len(data.load(name)) for name in data.names()}
        tables = ui("{tables} tables, {rows} rows, all valid", tables=len(counts), rows=sum(counts.values()))
        found.append((ui("Datasets"), True, tables))
    except data.DataError as exc:
        found.append((ui("Datasets"), False, str(exc)))
    try:
        journal.save("setup.check", "ok")
        found.append((ui("Journal"), True, ui("saves to {path}", path=journal.path())))
    except (OSError, journal.JournalError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        found.append((ui("Journal"), False, ui("cannot write {path}: {reason}", path=journal.path(), reason=reason)))
    return found


@registry.uses()
@view
def setup_check() -> w.VBox:
    """Versions, datasets, journal and a live chart: proof that everything works.

    >>> box = setup_check()
    >>> box.controls["bars"].value = 7
    >>> len(box.figure.data[0].x)
    7
    """
    versions = " · ".join([f"Python {platform.python_version()}"] + [f"{p} {version(p)}" for p in PACKAGES])
    results = "".join(
        f"<li>{'✔' if ok else '✘'} <b>{html.escape(n)}</b>: {html.escape(m)}</li>" for n, ok, m in checks()
    )
    installed = ui("Installed: {versions}", versions=html.escape(versions))
    table = html_widget(f'<ul style="margin:0">{results}<li>{installed}</li></ul>')
    slider = number_box(5, 1, 10, ui("Bars:"))
    fig = live_figure(charts.tiny_check_chart(5))
    text = html_widget()

    def update(_change=None):
        n = slider.value
        with fig.batch_update():
            fig.data[0].x, fig.data[0].y = [str(x) for x in range(1, n + 1)], [x * x for x in range(1, n + 1)]
            fig.layout.title.text = ui("Setup check: the squares of 1 to {n}", n=n)
        works = ui(
            "If you can see the chart and changing the number of bars (type it, or use the arrow keys) "
            "changes it, your set-up is ready."
        )
        bars = ui("Bar chart of the squares of 1 to {n}, rising from 1 to {square}.", n=n, square=n * n)
        text.value = f"<p><b>{ui('Works?')}</b> {works} {bars}</p>"

    slider.observe(update, names="value")
    update()
    return box_of([table, slider, fig, text], {"bars": slider}, fig, text, "bl-setup-check")


@registry.static_view(setup_check)
def setup_check_static() -> StaticView:
    """The setup check in the handouts: it only runs in JupyterLab, so it says so.

    >>> "make lab" in setup_check_static()._repr_html_()
    True
    """
    only = ui("The setup check runs only in JupyterLab: run {command}.", command="<code>make lab</code>")
    return StaticView(ui("Setup check"), f"<p>{only}</p>")


def term_name(row) -> str:
    """How the glossary names a term: the English term; in the Korean edition its Korean form first.

    >>> term_name({"term": "refugee", "korean": "난민 (in law)"})
    'refugee'
    >>> import os; os.environ["BORDERLINE_LANG"] = "ko"
    >>> term_name({"term": "refugee", "korean": "난민 (in law)"})
    '난민 (refugee)'
    >>> del os.environ["BORDERLINE_LANG"]
    """
    korean = str(row["korean"]).split(" (")[0] if isinstance(row["korean"], str) else ""
    return f"{korean} ({row['term']})" if i18n.language() == "ko" and korean else str(row["term"])


@registry.uses("glossary")
@view
def glossary_browser(start: str | None = None, frame=None) -> w.VBox:
    """Choose a term; see its meaning, its Korean and Chinese forms, who uses it and why it matters.

    ``start`` is the term_id shown first (else the first term).

    >>> frame = data.load("glossary")
    >>> box = glossary_browser(start=frame["term_id"].iloc[-1])
    >>> str(frame["term"].iloc[-1]) in box.text.value
    True
    """
    frame = data.load("glossary") if frame is None else frame
    options = [(term_name(r), r["term_id"]) for _, r in frame.iterrows()]
    pick = w.Dropdown(
        options=options,
        value=pick_value(options, start),
        description=ui("Term:"),
        style=LABEL_STYLE,
        layout=w.Layout(width="420px"),
    )
    card = html_widget()
    by_id = frame.set_index("term_id", drop=False)

    def update(_change=None):
        card.value = glossary_card_html(by_id.loc[pick.value])

    pick.observe(update, names="value")
    update()
    return box_of([pick, card], {"term": pick}, None, card, "bl-glossary")


@registry.static_view(glossary_browser)
def glossary_browser_static(start=None, frame=None) -> StaticView:
    """The glossary in the handouts: every term as a table.

    >>> data.schema("glossary")["title"] in glossary_browser_static()._repr_html_()
    True
    """
    frame = data.load("glossary") if frame is None else frame
    ko = "_ko" if i18n.language() == "ko" else ""
    cols = ["term", "definition" + ko, "korean", "korean_romanised", "chinese", "chinese_pinyin", "used_by" + ko]
    cols += ["connotation" + ko, "source_id"]
    return StaticView(ui("Glossary browser"), table_html(frame[cols], ui(data.schema("glossary")["title"])))
