"""The options role play: the options board (with the student's ranking saved) and the role cards.

>>> import html
>>> box = role_cards()
>>> role = data.load("roles").iloc[-1]
>>> box.controls["role"].value = role["role_id"]
>>> html.escape(str(role["title"])) in box.text.value
True
"""

from __future__ import annotations

import ipywidgets as w

from .. import charts, data, journal, registry
from ..analysis import parse_ranking, ranking_summary, role_titles
from ..cards import option_card_html, role_card_html
from ..i18n import ui
from ..widget_parts import html as html_widget
from .base import LABEL_STYLE, StaticView, box_of, chart_html, live_figure, row_picker, status, table_html, view
from .entry import problem_html


def ranking_message(chosen: dict) -> str:
    """What the options board says about a ranking: clashes, then the order.

    >>> ranking_message({"a": "1", "b": "1"})
    'Two options share rank 1. Your order: a > b. Saved in your journal.'
    >>> ranking_message({})
    'Give each option a rank; 1 is your first choice.'
    """
    clash, order = ranking_summary(chosen)
    shared = ui("Two options share rank {ranks}.", ranks=", ".join(clash)) + " " if clash else ""
    if not order:
        return shared + ui("Give each option a rank; 1 is your first choice.")
    return shared + ui("Your order: {order}. Saved in your journal.", order=" > ".join(order))


def rank_controls(option_ids: list, saved: dict) -> dict:
    """A rank dropdown (blank, 1 to n) for each option, starting at the saved ranking.

    >>> ranks = rank_controls(["a", "b"], {"b": "1"})
    >>> ranks["a"].value, ranks["b"].value, ranks["a"].options[-1]
    ('', '1', ('2', '2'))
    """
    choices = [("—", "")] + [(str(i), str(i)) for i in range(1, len(option_ids) + 1)]
    return {
        i: w.Dropdown(
            options=choices,
            value=saved.get(i, ""),
            description=ui("{option} rank:", option=i),
            style=LABEL_STYLE,
            layout=w.Layout(width="160px"),
        )
        for i in option_ids
    }


@registry.uses("options", "roles")
@view
def options_board(key: str) -> w.VBox:
    """Policy options: who backs each, trade-offs and evidence; the student's ranking is saved under ``key``.

    >>> import os, tempfile; os.environ["BORDERLINE_JOURNAL"] = os.path.join(tempfile.mkdtemp(), "j.json")
    >>> box = options_board("t.ranking")
    >>> first = box.controls["option"].options[0][1]
    >>> box.controls[f"rank:{first}"].value = "1"
    >>> journal.get("t.ranking") == f"{first}=1"
    True
    """
    options, roles = data.in_language(data.load("options")), data.in_language(data.load("roles"))
    pick = row_picker(options, "option_id", ui("Option:"))
    ranks = rank_controls(list(options["option_id"]), parse_ranking(journal.get(key)))
    fig = live_figure(charts.options_support(options))
    text, message = html_widget(), html_widget()
    by_id = options.set_index("option_id", drop=False)

    def show(_change=None):
        text.value = option_card_html(by_id.loc[pick.value], roles)

    def save_ranking(_change=None):
        chosen = {k: d.value for k, d in ranks.items() if d.value}
        try:
            journal.save(key, ";".join(f"{k}={v}" for k, v in sorted(chosen.items())))
        except journal.JournalError as exc:
            message.value = problem_html(str(exc))
            return
        message.value = status(ranking_message(chosen))

    pick.observe(show, names="value")
    for d in ranks.values():
        d.observe(save_ranking, names="value")
    show()
    save_ranking()
    grid = w.GridBox(list(ranks.values()), layout=w.Layout(grid_template_columns="repeat(5, 170px)"))
    children = [
        fig,
        html_widget(charts.description_html(fig)),
        pick,
        text,
        html_widget(your_ranking()),
        grid,
        message,
    ]
    controls = {"option": pick, **{f"rank:{k}": d for k, d in ranks.items()}}
    return box_of(children, controls, fig, text, "bl-options-board")


def your_ranking(line: str = "") -> str:
    """The heading of the ranking, with an optional line to write on (for the handouts).

    >>> your_ranking()
    '<b>Your ranking</b> (1 = first choice):'
    """
    heading = f"<b>{ui('Your ranking')}</b> {ui('(1 = first choice):')}"
    return heading + (f" {line}" if line else "")


@registry.static_view(options_board)
def options_board_static(key: str = "") -> StaticView:
    """The options board in the handouts: the chart, the options as a table, a line for the ranking.

    >>> "Your ranking" in options_board_static()._repr_html_()
    True
    """
    options, roles = data.in_language(data.load("options")), data.in_language(data.load("roles"))
    table = options.assign(
        backed_by=options["backed_by"].map(lambda x: role_titles(x, roles)),
        opposed_by=options["opposed_by"].map(lambda x: role_titles(x, roles)),
    )
    return StaticView(
        ui("Options board"),
        chart_html(charts.options_support(options)),
        table_html(table[["option_id", "title", "proposed_by", "backed_by", "opposed_by", "trade_offs"]]),
        f"<p>{your_ranking('______________________________')}</p>",
    )


@registry.uses("roles")
@view
def role_cards() -> w.VBox:
    """The role cards, one at a time (the handouts print them all); see ``cards.role_card_html``.

    >>> box = role_cards()
    >>> "(our words, not a quotation)" in box.text.value
    True
    """
    roles = data.in_language(data.load("roles"))  # the Korean titles in the Korean edition
    by_id = roles.set_index("role_id", drop=False)
    pick = row_picker(roles, "role_id", ui("Role:"), width="560px")
    card = html_widget(role_card_html(by_id.loc[pick.value]))
    pick.observe(lambda _=None: setattr(card, "value", role_card_html(by_id.loc[pick.value])), names="value")
    return box_of([pick, card], {"role": pick}, None, card, "bl-role-cards")


@registry.static_view(role_cards)
def role_cards_static() -> StaticView:
    """Every role card, for printing.

    >>> role_cards_static()._repr_html_().count("aria-label='Role card'") == len(data.load("roles"))
    True
    """
    return StaticView(ui("Role cards"), "".join(role_card_html(r) for _, r in data.load("roles").iterrows()))
