"""A text box for a student's own words, saved to the journal as they write (writing exercises use it too).

>>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
>>> journal_entry("test.entry", "Notes").controls["text"].value
''
"""

from __future__ import annotations

import html

import ipywidgets as w

from .. import journal, registry
from ..i18n import ui
from .base import LABEL_STYLE, StaticView, box_of, status, view


@registry.uses()
@view
def journal_entry(key: str, label: str = "Your notes", placeholder: str = "", rows: int = 4) -> w.VBox:
    """A text box whose contents are saved to the journal whenever they change.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> box = journal_entry("test.entry", "Notes")
    >>> box.controls["text"].value = "A first thought"
    >>> journal.get("test.entry")
    'A first thought'
    """
    area = w.Textarea(
        value=journal.get(key),
        placeholder=placeholder or ui("Write here. It is saved as you go."),
        description=ui(label),
        style=LABEL_STYLE,
        rows=rows,
        continuous_update=False,
        layout=w.Layout(width="95%"),
    )
    save_button = w.Button(
        description=ui("Save"), icon="save", tooltip=ui("Save now (it also saves when you click away)")
    )
    saved = w.HTML(status(ui("Saved in your journal.") if area.value else ui("Not written yet.")))

    def do_save(_=None):
        try:
            journal.save(key, area.value)
        except OSError as exc:
            saved.value = status(ui("Could not save ({reason}). Copy your text somewhere safe.", reason=exc.strerror))
            return
        saved.value = status(ui("Saved in your journal ({name}).", name=journal.path().name))

    area.observe(do_save, names="value")
    save_button.on_click(do_save)
    return box_of(
        [area, w.HBox([save_button, saved])],
        {"text": area, "save": save_button},
        None,
        saved,
        "bl-journal",
        probe=False,
    )


@registry.static_view(journal_entry)
def journal_entry_static(key, label="Your notes", placeholder="", rows=4) -> StaticView:
    """A journal entry in the handouts: its label and lines to write on.

    >>> journal_entry_static("k", "Notes", rows=3)._repr_html_().count("border-bottom:1px solid #999")
    3
    """
    lines = "".join("<div style='border-bottom:1px solid #999;height:1.8em'></div>" for _ in range(max(rows, 3)))
    return StaticView(ui("Journal entry"), f"<p><b>{html.escape(ui(label))}</b></p>{lines}")
