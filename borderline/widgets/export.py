"""The "Export my work" control: a lesson's prompts with the student's shareable answers, in a file to hand in.

The lesson passes its own number (``export_my_work(lesson)``); what goes into the file is
decided in ``borderline.export``. The control lists what the student has written for the
lesson, each with a "Share" box, and its button writes ``my-work-NN.html`` and ``.md`` beside
the journal, with links to both.

>>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
>>> box = export_my_work("99")
>>> box.controls["export"].click()
>>> "my-work-99.html" in box.text.value
True
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import ipywidgets as w

from .. import export, journal, registry
from ..i18n import ui
from ..widget_parts import html as html_widget
from ..widget_parts import shared
from .base import StaticView, box_of, status, view
from .entry import problem_html, saved_message

_PREVIEW = 48


def _link(target: Path) -> str:
    """A link to ``target`` relative to the notebook's folder (JupyterLab opens it), else its full path."""
    try:
        href = Path(os.path.relpath(target, Path.cwd())).as_posix()
    except ValueError:  # another drive on Windows
        href = target.as_uri()
    return f'<a href="{html.escape(href, quote=True)}" target="_blank" rel="noopener">{html.escape(target.name)}</a>'


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"


@registry.uses()
@view
def export_my_work(lesson: str) -> w.VBox:
    """A list of the lesson's answers with a "Share" box each, and a button that writes them to a file.

    Private entries are written as "(kept private)" only. If the journal cannot be read or the
    file cannot be written, the line under the button says why.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> journal.save("99.notes", "Mine alone.", label="Your notes", share=True)
    >>> box = export_my_work("99")
    >>> box.controls["share:99.notes"].value = False
    >>> journal.shared("99.notes")
    False
    """
    intro = html_widget(
        "<p><b>{}</b> {}</p>".format(
            html.escape(ui("Export my work.")),
            html.escape(
                ui(
                    "Tick what you want to hand in, then press the button: it writes this lesson's prompts "
                    "with your ticked answers to a file. Unticked entries stay private in your journal."
                )
            ),
        )
    )
    choices = w.VBox([], layout=shared(width="100%"))
    button = w.Button(
        description=ui("Export my work"),
        icon="download",
        button_style="primary",
        tooltip=ui("Write this lesson's prompts with your shared answers to a file you can hand in"),
        layout=w.Layout(width="auto"),
    )
    result = html_widget(status(ui("Nothing exported yet.")))
    controls = {"export": button}

    def on_share(key):
        def flip(change):
            try:
                journal.set_share(key, change["new"])
            except journal.JournalError as exc:
                result.value = problem_html(str(exc))

        return flip

    def refresh():
        for name in [k for k in controls if k.startswith("share:")]:
            del controls[name]
        try:
            items = [i for i in export.lesson_items(lesson) if i.answer.strip()]
        except journal.JournalError as exc:
            choices.children = ()
            result.value = problem_html(str(exc))
            return False
        boxes = []
        for item in items:
            box = w.Checkbox(
                value=item.share,
                description=ui("Share {title}", title=f"{item.title} {_preview(item.answer)}"),
                indent=False,
                layout=w.Layout(width="auto"),
            )
            box.observe(on_share(item.key), names="value")
            controls[f"share:{item.key}"] = box
            boxes.append(box)
        if not boxes:
            boxes = [html_widget(status(ui("Nothing is saved for this lesson yet.")))]
        choices.children = tuple(boxes)
        return True

    def do_export(_=None):
        if not refresh():
            return
        try:
            page, text, items = export.write_work(lesson)
        except journal.JournalError as exc:
            result.value = problem_html(str(exc))
            return
        kept = sum(1 for i in items if not i.share and i.answer.strip())
        shared = sum(1 for i in items if i.share and i.answer.strip())
        message = ui(
            "Wrote {page} and {markdown} in {folder}: {shared} answers shared, {kept} kept private. "
            "Hand in either file; to make a PDF, open the HTML page in your browser and print it.",
            page=page.name,
            markdown=text.name,
            folder=str(page.parent),
            shared=shared,
            kept=kept,
        )
        result.value = saved_message(message) + " " + _link(page) + " · " + _link(text)

    refresh()
    button.on_click(do_export)
    return box_of([intro, choices, button, result], controls, None, result, "bl-export", probe=False)


@registry.static_view(export_my_work)
def export_my_work_static(lesson: str) -> StaticView:
    """The export control in the handouts: what it does in JupyterLab, and where the file goes.

    >>> "my-work-99.html" in export_my_work_static("99")._repr_html_()
    True
    """
    page, _ = export.work_paths(lesson)
    text = ui(
        "In JupyterLab this button writes the lesson's prompts with the student's shared answers to "
        "{name} (and a Markdown copy) beside their journal, to hand in. Private entries are listed "
        "without their text.",
        name=page.name,
    )
    return StaticView(ui("Export my work"), f"<p>{html.escape(text)}</p>")
