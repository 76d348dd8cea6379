"""The status checker: pick a case, judge each element of the legal test, check against the expected answers.

The elements, their wording and the answers' tooltips are rows of labels.csv (``cases.element``,
``cases.answer``); the answers a student can give are the values the case columns allow.

>>> box = status_checker()
>>> set(box.controls) >= set(data.labels("cases.element"))
True
"""

from __future__ import annotations

import html

import ipywidgets as w

from .. import data, journal, registry
from ..analysis import answers, grade_case, parse_answers
from ..cards import case_card_html, grade_html
from ..i18n import ui
from ..widget_parts import html as html_widget
from .base import LABEL_STYLE, StaticView, box_of, row_picker, status, table_html, view
from .entry import problem_html


def prompt() -> str:
    """What the status checker asks before any answer is checked.

    >>> prompt()
    'Judge each element, then press Check. Your answers are saved in your journal.'
    """
    return ui("Judge each element, then press Check. Your answers are saved in your journal.")


def _toggles() -> dict:
    tips, names = data.labels("cases.answer"), data.shorts("cases.answer")
    toggles = {
        col: w.ToggleButtons(
            options=[(names.get(a, a), a) for a in answers()],
            value=None,
            description=label,
            style=LABEL_STYLE,
            tooltips=[tips.get(a, a) for a in answers()],
        )
        for col, label in data.labels("cases.element").items()
    }
    for t in toggles.values():
        t.style.description_width = "330px"
        t.style.button_width = "80px"
    return toggles


@registry.uses("cases")
@view
def status_checker(key: str = "status") -> w.VBox:
    """Status determination: answers for each case are saved in the journal under ``key.<case_id>``.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> box = status_checker()
    >>> first = next(iter(data.labels("cases.element")))
    >>> box.controls[first].value = answers()[0]
    >>> box.controls["check"].click()
    >>> "of 1</b> of your answers match" in box.text.value
    True
    """
    cases = data.in_language(data.load("cases"))  # the Korean titles and vignettes in the Korean edition
    pick = row_picker(cases, "case_id", ui("Case:"))
    summary, toggles = html_widget(), _toggles()
    check = w.Button(
        description=ui("Check my answers"), button_style="primary", icon="check", layout=w.Layout(width="auto")
    )
    text = html_widget(status(prompt()))
    by_id, allowed = cases.set_index("case_id", drop=False), answers()

    def load_case(_change=None):
        summary.value = case_card_html(by_id.loc[pick.value])
        values = parse_answers(journal.get(f"{key}.{pick.value}"), allowed)
        for col, t in toggles.items():
            t.value = values.get(col)
        text.value = status(prompt())

    def do_check(_=None):
        given = {c: t.value for c, t in toggles.items() if t.value}
        try:
            journal.save(f"{key}.{pick.value}", ";".join(f"{c}={v}" for c, v in given.items()))
        except journal.JournalError as exc:  # the check still runs; the message says nothing was kept
            text.value = problem_html(str(exc))
            return
        if not given:
            names = [data.shorts("cases.answer").get(a, a) for a in answers()]
            choices = dict(choices=", ".join(names[:-1]), last=names[-1])
            text.value = status(ui("Choose {choices} or {last} for at least one element first.", **choices))
            return
        text.value = grade_html(grade_case(pick.value, given, cases), given, data.labels("cases.element"))

    pick.observe(load_case, names="value")
    check.on_click(do_check)
    load_case()
    controls = {"case": pick, **toggles, "check": check}
    return box_of([pick, summary, *toggles.values(), check, text], controls, None, text, "bl-status-checker")


@registry.static_view(status_checker)
def status_checker_static(key: str = "status") -> StaticView:
    """The status checker in the handouts: the expected answers for each case, and each case with its feedback.

    >>> "Expected answers for each vignette" in status_checker_static()._repr_html_()
    True
    """
    cases = data.in_language(data.load("cases"))  # the Korean titles and vignettes in the Korean edition
    elements = data.labels("cases.element")
    table = cases[["case_id", "title", "kind", *elements]].rename(
        columns={c: label.split(" (")[0] for c, label in elements.items()}
    )
    cards = "".join(
        f"<h3>{html.escape(str(r.title))}</h3><p>{html.escape(str(r.summary))}</p>"
        f"<p><i>{ui('Feedback:')}</i> {html.escape(str(r.feedback))}</p>"
        for r in cases.itertuples()
    )
    return StaticView(ui("Status checker"), table_html(table, ui("Expected answers for each vignette")), cards)
