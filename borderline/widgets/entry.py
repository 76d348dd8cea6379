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
from ..widget_parts import html as html_widget
from ..widget_parts import row
from .base import LABEL_STYLE, StaticView, box_of, status, view


def problem_html(message: str) -> str:
    """A journal problem, as an alert in a widget's status line (escaped).

    >>> problem_html("Your journal is a folder.")
    '<span class="bl-journal-problem" role="alert" style="color:#a23b00">⚠ Your journal is a folder.</span>'
    """
    return f'<span class="bl-journal-problem" role="alert" style="color:#a23b00">⚠ {html.escape(message)}</span>'


def share_checkbox(value: bool) -> w.Checkbox:
    """The "Share this in my export" box of a journal entry: ticked, the entry goes into the exported file.

    >>> share_checkbox(False).description
    'Share this in my export'
    """
    return w.Checkbox(
        value=bool(value),
        description=ui("Share this in my export"),
        tooltip=ui("Ticked: this goes into the file you hand in. Not ticked: it stays private in your journal."),
        indent=False,
        layout=w.Layout(width="auto"),
    )


def saved_message(message: str) -> str:
    """A status line after a save: any notice about the journal (a damaged file set aside), then ``message``.

    >>> saved_message("Saved.")
    '<span style="color:#555;font-size:90%">Saved.</span>'
    """
    notes = journal.notices()
    return (problem_html(" ".join(notes)) + " " if notes else "") + status(message)


def share_message(share: bool) -> str:
    """What the status line says when the student ticks or unticks "Share this in my export".

    >>> share_message(False)
    'Private: it stays in your journal and is left out of your export.'
    """
    if share:
        return ui("Shared: it will be in your export.")
    return ui("Private: it stays in your journal and is left out of your export.")


@registry.uses()
@view
def journal_entry(
    key: str, label: str = "Your notes", placeholder: str = "", rows: int = 4, share: bool = False
) -> w.VBox:
    """A text box whose contents are saved to the journal whenever they change.

    ``share`` is whether a new entry goes into the student's export until they choose
    ("Share this in my export"). If the journal cannot be read or written, the status line
    says why and what to do, and nothing already saved is touched.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> box = journal_entry("test.entry", "Notes")
    >>> box.controls["text"].value = "A first thought"
    >>> journal.get("test.entry"), journal.shared("test.entry")
    ('A first thought', False)
    >>> box.controls["share"].value = True
    >>> journal.shared("test.entry")
    True
    """
    problem = ""
    try:
        stored = journal.entry(key) or {}
    except journal.JournalError as exc:
        stored, problem = {}, str(exc)
    area = w.Textarea(
        value=stored.get("text", ""),
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
    share_box = share_checkbox(share if stored.get("share") is None else stored["share"])
    if problem:
        first = problem_html(problem)
    else:
        first = saved_message(ui("Saved in your journal.") if area.value else ui("Not written yet."))
    saved = html_widget(first)

    def do_save(_=None):
        try:
            journal.save(key, area.value, share=share_box.value, label=ui(label))
        except journal.JournalError as exc:
            saved.value = problem_html(str(exc))
            return
        saved.value = saved_message(ui("Saved in your journal ({name}).", name=journal.path().name))

    def do_share(_=None):
        try:
            journal.set_share(key, share_box.value)
        except journal.JournalError as exc:
            saved.value = problem_html(str(exc))
            return
        saved.value = saved_message(share_message(share_box.value))

    area.observe(do_save, names="value")
    save_button.on_click(do_save)
    share_box.observe(do_share, names="value")
    return box_of(
        [area, row([save_button, share_box]), saved],
        {"text": area, "save": save_button, "share": share_box},
        None,
        saved,
        "bl-journal",
        probe=False,
    )


@registry.static_view(journal_entry)
def journal_entry_static(key, label="Your notes", placeholder="", rows=4, share=False) -> StaticView:
    """A journal entry in the handouts: its label and lines to write on.

    >>> journal_entry_static("k", "Notes", rows=3)._repr_html_().count("border-bottom:1px solid #999")
    3
    """
    lines = "".join("<div style='border-bottom:1px solid #999;height:1.8em'></div>" for _ in range(max(rows, 3)))
    return StaticView(ui("Journal entry"), f"<p><b>{html.escape(ui(label))}</b></p>{lines}")
