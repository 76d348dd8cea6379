"""One HTML renderer for each card and table, used by the live views and by the handouts alike.

Every value is HTML-escaped; every card ends with its source.

>>> role = data.load("roles").iloc[0]
>>> card = role_card_html(role)
>>> "(our words, not a quotation)" in card and card.count("<li>") == len(str(role["key_facts"]).split(" | "))
True
"""

from __future__ import annotations

import html

import pandas as pd

from . import data, i18n
from .analysis import when_text
from .i18n import ui
from .tables import missing

STATUS_COLOURS = {"party": "#0b6e4f", "signed, not ratified": "#8a5a00", "not a party": "#a23b00"}


def _e(value) -> str:
    return "" if missing(value) else html.escape(str(value))


def _source(source_id, style="color:#555") -> str:
    return f"<p style='{style}'>{ui('Source')}: {html.escape(data.cite(str(source_id), url=False))}</p>"


def _aria(label: str) -> str:
    return html.escape(ui(label), quote=True)


def role_card_html(role) -> str:
    """A role card for the options role play: mandate, goals, constraints, facts as a list, an opening line.

    ``role`` is a row of roles.csv (a pandas Series or a dict). The live ``role_cards`` view
    and the printed handouts (``borderline.editions``) both call this, so they cannot drift apart.

    >>> card = role_card_html({"title": "T", "mandate": "M", "goals": "G", "constraints": "C",
    ...                        "key_facts": "One | Two", "first_line": "Hello", "source_id": data.load("sources")["source_id"].iloc[0]})
    >>> "<ul><li>One</li><li>Two</li></ul>" in card and "(our words, not a quotation): Hello" in card
    True

    In the Korean edition the role's ``_ko`` columns are shown where given (``data.in_language``).
    """
    role = data.in_language(role)
    facts = "".join(f"<li>{_e(f.strip())}</li>" for f in str(role["key_facts"]).split(" | ") if f.strip())
    parts = [(ui("Your mandate."), "mandate"), (ui("Your goals."), "goals"), (ui("Your constraints."), "constraints")]
    return (
        f"<div class='bl-card' role='region' aria-label='{_aria('Role card')}' style='border:2px solid #333;padding:6px 12px'>"
        f"<h3 style='margin:4px 0;font-size:1.05em'>{_e(role['title'])}</h3>"
        + "".join(f"<p><b>{heading}</b> {_e(role[column])}</p>" for heading, column in parts)
        + f"<p><b>{ui('Facts you can use.')}</b></p><ul>{facts}</ul>"
        f"<p><b>{ui('You might open with')}</b> {ui('(our words, not a quotation)')}: {_e(role['first_line'])}</p>"
        f"{_source(role['source_id'])}</div>"
    )


def glossary_card_html(row) -> str:
    """A glossary entry: the term, its meaning, its Korean and Chinese forms, who uses it and why it matters.

    In the Korean edition the meaning, the users and the connotation are the ``_ko`` columns (where given).

    >>> "Who uses it" in glossary_card_html(data.load("glossary").iloc[0])
    True
    """

    def forms(word, romanised):
        return _e(row[word]) + (f" <i>({_e(row[romanised])})</i>" if _e(row[romanised]) else "")

    def text(column):
        korean = column + "_ko"
        return _e(row[korean]) if i18n.language() == "ko" and korean in row and _e(row[korean]) else _e(row[column])

    return (
        f'<div class="bl-card" role="region" aria-label="{_aria("Glossary entry")}"><h3 style="margin:4px 0;font-size:1.05em">'
        f"{_e(row['term'])}</h3><p>{text('definition')}</p>"
        f"<p><b>{ui('Korean:')}</b> {forms('korean', 'korean_romanised') or '—'} &nbsp; "
        f"<b>{ui('Chinese:')}</b> {forms('chinese', 'chinese_pinyin') or '—'}</p>"
        f"<p><b>{ui('Who uses it:')}</b> {text('used_by')}</p>"
        f"<p><b>{ui('Why the word matters:')}</b> {text('connotation')}</p>"
        + _source(row["source_id"], "color:#555;font-size:90%")
        + "</div>"
    )


def legs_table_html(legs: pd.DataFrame) -> str:
    """The legs of a route as a table with a total (from ``analysis.route_legs``).

    >>> from borderline.analysis import route_legs
    >>> legs = route_legs(data.load("routes")["route_id"].iloc[0])
    >>> f"<b>{int(legs['approx_km'].sum()):,}</b>" in legs_table_html(legs)
    True
    """
    rows = "".join(
        f"<tr><td>{r.leg}</td><td>{_e(r.from_name)} → {_e(r.to_name)}</td>"
        f"<td style='text-align:right'>{int(r.approx_km):,}</td><td>{_e(str(r.countries_crossed).replace(';', ', '))}</td>"
        f"<td>{_e(data.short_cite(r.source_id))}</td></tr>"
        for r in legs.itertuples()
    )
    total = int(legs["approx_km"].sum())
    heads = (ui("leg"), ui("from → to"), ui("km"), ui("countries"), ui("source"))
    heads = "".join(f'<th scope="col">{h}</th>' for h in heads)
    caption = ui("Legs of the route (straight-line distances; real journeys are longer)")
    return (
        f'<table class="bl-legs"><caption>{caption}</caption><tr>{heads}</tr>{rows}'
        f"<tr><td></td><td><b>{ui('Total')}</b></td><td style='text-align:right'><b>{total:,}</b></td><td></td><td></td></tr></table>"
    )


def treaty_table_html(lines: list[dict], head: str) -> str:
    """A treaty table from ``analysis.treaty_rows``: status (coloured), steps, reservations, relevance, sources.

    >>> html_ = treaty_table_html([{"name": "X", "status": "party", "since": "1 Jan 2000", "steps": "",
    ...                             "reservations": "none", "relevance": "", "sources": "S"}], "state")
    >>> "<b>party</b> since 1 Jan 2000" in html_ and "<td>—</td>" in html_
    True
    """
    rows = "".join(
        f"<tr><th scope='row'>{_e(r['name'])}</th><td style='color:{STATUS_COLOURS[r['status']]}'><b>{ui(r['status'])}</b>"
        f"{(' ' + ui('since {date}', date=_e(r['since']))) if r['since'] else ''}</td>"
        f"<td>{_e(r['steps']) or '—'}</td><td>{_e(ui(r['reservations']))}</td>"
        f"<td>{_e(r['relevance'])}</td><td style='font-size:90%'>{_e(r['sources'])}</td></tr>"
        for r in lines
    )
    heads = (ui("state") if head == "state" else ui("treaty"), ui("status"), ui("steps recorded"))
    heads += (ui("reservations"), ui("why it matters here"), ui("sources"))
    heads_html = "".join(f"<th scope='col'>{_e(h)}</th>" for h in heads)
    return f"<table class='bl-treaty-table'><tr>{heads_html}</tr>{rows}</table>"


def statement_card_html(row, themes: dict | None = None, colours: dict | None = None) -> str:
    """A statement: when, who, where, theme, summary, quotation and source, edged in its speaker group's colour.

    ``themes`` (theme -> label) and ``colours`` (group -> colour) default to labels.csv;
    a browser passes them in so that it reads labels.csv once, not once per card.

    >>> card = statement_card_html(data.load("statements").iloc[0])
    >>> card.startswith("<div class='bl-statement'") and "Source:" in card
    True
    """
    themes = data.labels("statements.theme") if themes is None else themes
    colours = data.colours("statements.group") if colours is None else colours
    quote = f"<blockquote style='margin:4px 0 4px 12px'>“{_e(row['quote'])}”</blockquote>" if _e(row["quote"]) else ""
    who = _e(row["speaker"]) + (f", {_e(row['role'])}" if _e(row["role"]) else "")
    venue = f" · {_e(row['venue'])}" if _e(row["venue"]) else ""
    edge = colours.get(row["country"], colours.get("others", "#0072B2"))
    return (
        f"<div class='bl-statement' style='border-left:4px solid {edge};padding:2px 10px;margin:6px 0'>"
        f"<b>{_e(when_text(row))}</b> · {who}{venue} · <i>{_e(themes.get(row['theme'], row['theme']))}</i><br>"
        f"{_e(row['summary'])}{quote}"
        f"<span style='color:#555;font-size:90%'>{ui('Source')}: "
        f"{html.escape(data.cite(str(row['source_id']), url=False))}</span></div>"
    )


def case_card_html(row) -> str:
    """A case for the status checker: title (with a note for a composite vignette), summary, date and source.

    >>> "<h3" in case_card_html(data.load("cases").iloc[0])
    True
    """
    row = data.in_language(row)  # the case's _ko columns in the Korean edition, where given
    note = data.label("cases.kind", row["kind"], default="")
    label = f" <i>({_e(note)})</i>" if note else ""
    return (
        f"<div class='bl-card' role='region' aria-label='{_aria('Case')}'><h3 style='margin:4px 0;font-size:1.05em'>"
        f"{_e(row['title'])}{label}</h3><p>{_e(row['summary'])}</p>"
        f"<p style='color:#555'>{ui('When:')} {_e(row['date_text'])} · {ui('Source')}: "
        f"{html.escape(data.cite(str(row['source_id']), url=False))}</p></div>"
    )


def grade_html(result: dict, given: dict, element_labels: dict) -> str:
    """The result of ``analysis.grade_case`` as a list: each element's expected answer beside the student's.

    >>> result = {"marks": {"a": True}, "expected": {"a": "yes"}, "right": 1, "answered": 1, "feedback": "F",
    ...           "source_id": data.load("sources")["source_id"].iloc[0]}
    >>> "1 of 1" in grade_html(result, {"a": "yes"}, {"a": "Element A"})
    True
    """
    items, answer = [], data.shorts("cases.answer")
    for col, text in element_labels.items():
        mark = result["marks"][col]
        sign = "—" if mark is None else ("✔" if mark else "✘")
        expected = f"<b>{_e(answer.get(result['expected'][col], result['expected'][col]))}</b>"
        said = ui(", you said {answer}", answer=_e(answer.get(given[col], given[col]))) if col in given else ""
        items.append(f"<li>{sign} {_e(text)}: {ui('expected {answer}', answer=expected)}{said}</li>")
    score = f"<b>{ui('{right} of {answered}', right=result['right'], answered=result['answered'])}</b>"
    arguable = _e(answer.get("arguable", "arguable").capitalize())
    meaning = ui("'{arguable}' means the evidence supports both readings.", arguable=arguable)
    return (
        f"<div role='status'><p>{ui('{score} of your answers match the expected ones.', score=score)} {meaning}"
        f"</p><ul>{''.join(items)}</ul><p>{_e(result['feedback'])}</p>"
        f"{_source(result['source_id'])}</div>"
    )


def claim_card_html(row, links: pd.DataFrame, side_label: str, marked: list, where: tuple = ()) -> str:
    """A claim of the argument map: side, claim, where it sits on the map (``where``: the heading of its
    column and the name of its band), evidence, strength, its links, and the claims marked strong.

    >>> claim = data.load("arguments").iloc[0]
    >>> card = claim_card_html(claim, data.load("argument_links"), "Side", [], ("Column", "Band"))
    >>> claim["arg_id"] in card and "none yet" in card and "“Column”" in card
    True
    """
    incoming, outgoing = links[links["to_arg"] == row["arg_id"]], links[links["from_arg"] == row["arg_id"]]
    names = data.labels("argument_links.relation")

    def relation(x):
        return f"<b>{_e(names.get(x.relation, x.relation))}</b>"

    lines = "".join(
        f"<li>{ui('{claim} {relation} it', claim=_e(x.from_arg), relation=relation(x))}: {_e(x.note)}</li>"
        for x in incoming.itertuples()
    )
    lines += "".join(
        f"<li>{ui('It {relation} {claim}', claim=_e(x.to_arg), relation=relation(x))}: {_e(x.note)}</li>"
        for x in outgoing.itertuples()
    )
    place = ""
    if where:
        column, band = where
        spot = ui(
            "box {claim}, in the column “{column}”, the band “{band}”", claim=row["arg_id"], column=column, band=band
        )
        place = f"<p><i>{ui('On the map:')}</i> {_e(spot)}</p>"
    return (
        f"<div class='bl-card' role='region' aria-label='{_aria('Claim')}'><h3 style='margin:4px 0;font-size:1.05em'>{_e(row['arg_id'])}"
        f" · {_e(side_label)}</h3><p><b>{_e(row['claim'])}</b></p>{place}"
        f"<p><i>{ui('Evidence:')}</i> {_e(row['evidence'])}</p>"
        f"<p><i>{ui('How strong:')}</i> {_e(row['strength_note'])}</p><ul>{lines or '<li>' + ui('No links.') + '</li>'}</ul>"
        f"{_source(row['source_id'])}"
        f"<p>{ui('Marked strong in your journal:')} {_e(', '.join(marked) or ui('none yet'))}</p></div>"
    )


def option_card_html(row, roles: pd.DataFrame) -> str:
    """A policy option: summary, who proposed it, who would back or oppose it, trade-offs, evidence, source.

    >>> option = data.load("options").iloc[0]
    >>> option["option_id"] in option_card_html(option, data.load("roles"))
    True
    """
    from .analysis import role_titles

    row = data.in_language(row)  # the option's _ko columns in the Korean edition, where given
    args = ", ".join(str(row["evidence_args"]).split(";")) if _e(row["evidence_args"]) else ui("none listed")
    backed, opposed = (ui(role_titles(row[c], roles)) for c in ("backed_by", "opposed_by"))  # 'none recorded'
    return (
        f"<div class='bl-card' role='region' aria-label='{_aria('Option')}'><h3 style='margin:4px 0;font-size:1.05em'>"
        f"{_e(row['option_id'])}: {_e(row['title'])}</h3><p>{_e(row['summary'])}</p>"
        f"<p><b>{ui('Proposed by:')}</b> {_e(row['proposed_by'])}</p>"
        f"<p><b>{ui('Would back it:')}</b> {_e(backed)}<br><b>{ui('Would oppose it:')}</b> {_e(opposed)}</p>"
        f"<p><b>{ui('Trade-offs:')}</b> {_e(row['trade_offs'])}</p>"
        f"<p><b>{ui('Claims in the argument map:')}</b> {_e(args)}</p>"
        f"{_source(row['source_id'])}</div>"
    )
