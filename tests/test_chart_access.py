"""Charts a screen reader can use: words that say what to notice, the data as a table, the argument map in words."""

import re
from html.parser import HTMLParser

import plotly.graph_objects as go
import pytest

from borderline import analysis, charts, data, widgets

# Every chart builder a lesson or a view uses (the setup check's probe chart draws no dataset).
BUILDERS = {
    "famine_estimates": lambda: charts.famine_estimates(),
    "famine_comparison": lambda: charts.famine_comparison(),
    "per_capita": lambda: charts.per_capita(1200, "E02 (high)", ["REUTERS1998A"]),
    "china_estimates": lambda: charts.china_estimates(),
    "border_map": lambda: charts.border_map(),
    "border_map_route": lambda: charts.border_map("RT03"),
    "arrivals": lambda: charts.arrivals(),
    "repatriations": lambda: charts.repatriations(),
    "grand_timeline": lambda: charts.grand_timeline(),
    "treaty_timeline": lambda: charts.treaty_timeline(),
    "statements_chart": lambda: charts.statements_chart(),
    "options_support": lambda: charts.options_support(),
    "argument_map": lambda: charts.argument_map(),
}

# What each description must say beyond counts: a value, a year or a name that only the data can give.
NOTICED = {
    "famine_estimates": lambda: ["100,000", "3,500,000", "The Economist", "1998"],
    "famine_comparison": lambda: ["Cambodia 1975", "9%", "3-4%"],
    "per_capita": lambda: ["1,200", "24.0 times"],
    "china_estimates": lambda: ["6,000", "400,000", "2006", "Phoenix Weekly"],
    "border_map": lambda: ["Yalu and Tumen", "Dandong"],
    "border_map_route": lambda: ["Yanji", "Bangkok", "km"],
    "arrivals": lambda: ["2,914 in 2009", "63 in 2021"],
    "repatriations": lambda: ["1999", "09 Oct 2023"],
    "grand_timeline": lambda: ["2023", "1600"],
    "treaty_timeline": lambda: ["(2001)", "Convention against Torture"],
    "statements_chart": lambda: ["Illegal economic migrants", "2000 to 2024"],
    "options_support": lambda: ["OP02", "OP01"],
    "argument_map": lambda: ["AM03", data.load("arguments").set_index("arg_id").loc["AM03", "short"]],
}


@pytest.fixture(params=sorted(BUILDERS))
def built(request):
    return request.param, BUILDERS[request.param]()


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text))


def test_every_description_says_what_to_notice_not_only_counts(built):
    name, fig = built
    text = charts.description(fig)
    for wanted in NOTICED[name]():
        assert wanted in text, f"{name}: the chart in words does not mention {wanted!r}: {text}"
    # something beyond counts: on a chart of quantities, a year or a figure with a thousands separator or a unit
    # (the map, the argument map and the options board show places, claims and positions: NOTICED names theirs)
    if name not in ("argument_map", "border_map", "options_support"):
        assert re.search(r"\b(1[6-9]|20)\d\d\b|\d,\d{3}|%|km", text), text


def test_descriptions_stay_short(built):
    name, fig = built
    if name in ("treaty_timeline", "border_map"):  # lists of treaties and places, in sentences of their own
        return
    assert sentences(charts.description(fig)) <= 5, charts.description(fig)


def test_famine_extremes_name_who_made_them():
    rows = charts.estimate_rows(data.load("famine_estimates"))
    low, high = analysis.value_span(rows)
    text = charts.estimates_description(rows)
    assert f"{charts.fmt_int(low)} ({charts.who_made(rows, 'low_plot', low)})" in text


class Table(HTMLParser):
    """The parts of a data table a screen reader relies on."""

    def __init__(self):
        super().__init__()
        self.tags, self.col_headers, self.row_headers, self.caption, self._in = [], [], [], "", None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        scope = dict(attrs).get("scope")
        self._in = (tag, scope)

    def handle_data(self, text):
        tag, scope = self._in or (None, None)
        if tag == "th" and scope == "col":
            self.col_headers.append(text)
        elif tag == "th" and scope == "row":
            self.row_headers.append(text)
        elif tag == "caption":
            self.caption += text


def parsed(page: str) -> Table:
    table = Table()
    table.feed(page)
    return table


def test_every_chart_offers_its_data_as_a_table(built):
    name, fig = built
    page = charts.data_table_html(fig)
    table = parsed(page)
    assert page.startswith('<details class="bl-data-table"><summary>Data behind this chart</summary>'), name
    assert table.caption == fig.layout.title.text
    assert len(table.col_headers) >= 2 and "thead" in table.tags and "tbody" in table.tags
    kept = charts.table_of(fig)
    assert table.row_headers and len(table.row_headers) == len(kept["rows"]) <= max(charts.TABLE_ROWS, 40)
    assert all(len(row) == len(table.col_headers) for row in kept["rows"])


def test_a_long_table_says_where_every_row_is():
    fig = charts.statements_chart()
    page = charts.data_table_html(fig)
    total = len(data.load("statements"))
    assert total > charts.TABLE_ROWS
    assert f"The first {charts.TABLE_ROWS} of {total} rows; every row is in datasets/statements.csv." in page
    assert page.count('<th scope="row">') == charts.TABLE_ROWS


def test_the_table_holds_the_data_drawn():
    fig = charts.arrivals()
    rows = {r[0]: r for r in charts.table_of(fig)["rows"]}
    assert rows["2009"][1] == "2,914"  # the peak the words name
    famine = charts.famine_comparison()
    first = charts.table_of(famine)["rows"][0]  # highest share first, as the words say
    assert first[0] == "Cambodia 1975" and f"({first[0]})." in charts.description(famine).split(". ")[0] + "."


def test_show_puts_the_table_under_the_chart(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    charts.show(charts.repatriations())
    assert "Chart in words" in shown[1].data and "Data behind this chart" in shown[1].data


def test_static_handouts_carry_the_table(monkeypatch):
    monkeypatch.setenv("BORDERLINE_STATIC", "1")
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    charts.show(charts.grand_timeline())
    assert "Data behind this chart" in shown[0].data and '<th scope="col">' in shown[0].data
    page = widgets.estimate_explorer()._repr_html_()
    assert page.count("Data behind this chart") == 1


def test_a_view_puts_the_table_under_its_chart_and_keeps_it_current(journal_file):
    box = widgets.per_capita_calculator()
    tables = [c for c in box.children if "Data behind this chart" in getattr(c, "value", "")]
    assert len(tables) == 1 and box.children.index(tables[0]) == box.children.index(box.figure) + 1
    box.controls["estimate"].value = box.controls["estimate"].options[-1][1]
    assert box.figure.data[0].y[0] in tables[0].value  # the chosen estimate, not the one the view opened with


def test_every_view_with_a_chart_shows_its_data(journal_file):
    for box in (widgets.estimate_explorer(), widgets.treaty_explorer(), widgets.options_board("t.ranking")):
        assert sum("Data behind this chart" in getattr(c, "value", "") for c in box.children) == 1


# --- the argument map --------------------------------------------------------------------------


def box_texts(fig) -> list[str]:
    return [a.text.replace("<br>", " ") for a in fig.layout.annotations if a.text and a.text.startswith("<b>")]


def test_the_argument_map_draws_labelled_claim_boxes():
    fig = charts.argument_map()
    arguments = data.load("arguments")
    texts = box_texts(fig)
    assert len(texts) == len(arguments)
    sides = data.shorts("arguments.side")
    for r in arguments.itertuples():
        assert any(r.short in t and t.startswith(f"<b>{r.arg_id} · {sides[r.side]}</b>") for t in texts), r.arg_id
    colours = {a.bordercolor for a in fig.layout.annotations if a.text.startswith("<b>")}
    assert colours == set(data.colours("arguments.side").values()) <= set(charts.PALETTE) | {charts.NEUTRAL}


def test_the_argument_map_writes_the_relation_on_its_links():
    fig = charts.argument_map()
    (trace,) = [t for t in fig.data if t.mode == "text"]
    words, tones = list(trace.text), list(trace.textfont.color)
    assert len(words) >= len(data.load("argument_links")) * 2 // 3
    assert set(words) == set(data.labels("argument_links.relation").values())
    colour = dict(
        zip(data.labels("argument_links.relation").values(), data.colours("argument_links.relation").values())
    )
    assert all(colour[w] == c for w, c in zip(words, tones, strict=True))  # each word in its relation's colour
    assert trace.textfont.shadow == "auto" and not trace.showlegend  # legible over its line; the lines have the legend


def test_short_claims_are_short_and_korean_too():
    arguments = data.load("arguments")
    assert arguments["short"].str.split().str.len().max() <= 9
    assert arguments["short_ko"].notna().all() and (arguments["short_ko"].str.len() > 0).all()


def test_the_outline_lists_every_claim_and_every_link():
    arguments, links = data.load("arguments"), data.load("argument_links")
    page = charts.argument_outline_html(arguments, links)
    for r in arguments.itertuples():
        assert f"<li><strong>{r.arg_id}</strong> (" in page and r.short in page
    relations = data.labels("argument_links.relation")
    for r in links.itertuples():
        claim = page.split(f"<li><strong>{r.from_arg}</strong> (")[1].split("</ul></li>")[0]
        assert f"{relations[r.relation]} <strong>{r.to_arg}</strong>" in claim, r.link_id


def test_the_argument_map_view_shows_the_outline_and_follows_the_question(journal_file):
    box = widgets.argument_map("t.strongest")
    pages = [getattr(c, "value", "") for c in box.children]
    assert any('class="bl-outline"' in p for p in pages) and any("Data behind this chart" in p for p in pages)
    question = next(iter(data.labels("arguments.question")))
    box.controls["question"].value = question
    shown = data.load("arguments").query("question == @question")
    assert sorted(t.split(" · ")[0].removeprefix("<b>") for t in box_texts(box.figure)) == sorted(shown["arg_id"])
    words = next(t for t in box.figure.data if t.mode == "text")
    assert set(words.text) <= set(data.labels("argument_links.relation").values())  # the question's own links
    assert box.figure.layout.annotations[-1].text.startswith("Source")
    before = box.figure.layout.annotations
    box.controls["claim"].value = shown["arg_id"].iloc[-1]  # a claim changes its card, not the map
    assert box.figure.layout.annotations == before
    assert data.labels("arguments.question")[question] in box.text.value and "On the map:" in box.text.value


def test_the_argument_map_in_the_handouts_has_the_outline(monkeypatch):
    monkeypatch.setenv("BORDERLINE_STATIC", "1")
    page = widgets.argument_map("t.strongest")._repr_html_()
    assert 'class="bl-outline"' in page and "Data behind this chart" in page


def test_a_figure_with_no_table_shows_none():
    assert charts.data_table_html(go.Figure()) == "" and charts.data_table_html(charts.tiny_check_chart(2)) == ""
