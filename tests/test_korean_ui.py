"""The Korean edition draws every chart, view and message in Korean; the English edition stays English.

Each chart and view a lesson shows is built with ``BORDERLINE_LANG=ko`` and its title, axis titles,
legend, 'chart in words', control labels and messages are checked for Hangul and for ``{fields}``
left unfilled; the same builders in English must show no Hangul. The interface words themselves
are checked against ``borderline/locale/ko.yaml``: every ``ui("...")`` key the package uses has an
entry, and a Korean entry uses only fields its English key has.
"""

import ast
import html
import re

import ipywidgets as w
import pytest
import yaml

from borderline import answers, charts, data, i18n, widgets
from borderline.cards import glossary_card_html
from borderline.charts.style import marked_events
from conftest import ROOT

HANGUL = re.compile(r"[\uac00-\ud7a3]")
UNFILLED = re.compile(r"(?<![%$])\{[a-z_]+\}")  # plotly's own %{x} is not a field
LOCALE = ROOT / "borderline" / "locale" / "ko.yaml"

# The charts a lesson shows with bl.show, and the ones inside its views.
CHARTS = {
    "famine_estimates": lambda: charts.famine_estimates(),
    "famine_estimates (ordinary scale)": lambda: charts.famine_estimates(log_x=False),
    "famine_comparison": lambda: charts.famine_comparison(),
    "per_capita": lambda: charts.per_capita(1000, "x", [data.load("sources")["source_id"].iloc[0]]),
    "china_estimates": lambda: charts.china_estimates(),
    "border_map": lambda: charts.border_map(),
    "border_map (a route)": lambda: charts.border_map(data.load("routes")["route_id"].iloc[0]),
    "arrivals": lambda: charts.arrivals(),
    "arrivals (share)": lambda: charts.arrivals("share"),
    "repatriations": lambda: charts.repatriations(),
    "grand_timeline": lambda: charts.grand_timeline(),
    "treaty_timeline": lambda: charts.treaty_timeline(),
    "statements_chart": lambda: charts.statements_chart(),
    "argument_map": lambda: charts.argument_map(),
    "options_support": lambda: charts.options_support(),
    "tiny_check_chart": lambda: charts.tiny_check_chart(3),
}

# The views a lesson calls, with arguments like the lessons' (journal keys are the test's own).
VIEWS = {
    "setup_check": lambda: widgets.setup_check(),
    "opening_position": lambda: widgets.opening_position("t.opening", revisit="9"),
    "glossary_browser": lambda: widgets.glossary_browser(start="refugee"),
    "estimate_explorer": lambda: widgets.estimate_explorer(),
    "per_capita_calculator": lambda: widgets.per_capita_calculator(),
    "border_map": lambda: widgets.border_map(),
    "arrivals_timeline": lambda: widgets.arrivals_timeline(),
    "china_estimates_explorer": lambda: widgets.china_estimates_explorer(),
    "statements_browser": lambda: widgets.statements_browser(),
    "treaty_explorer": lambda: widgets.treaty_explorer(),
    "status_checker": lambda: widgets.status_checker(),
    "argument_map": lambda: widgets.argument_map("t.strongest"),
    "options_board": lambda: widgets.options_board("t.ranking"),
    "role_cards": lambda: widgets.role_cards(),
    "final_position": lambda: widgets.final_position("t.final", opening="t.opening"),
    "journal_entry": lambda: widgets.journal_entry("t.notes"),
    "export_my_work": lambda: widgets.export_my_work("9"),
}
# Dropdowns whose choices are rows of a dataset (estimates, cases, claims, options, roles): data, not interface.
DATA_CHOICES = {"estimate", "population", "case", "claim", "option", "role"}


def chart_words(fig) -> dict:
    """What a reader sees of a figure, by part."""
    words = {
        "title": fig.layout.title.text or "",
        "x axis": fig.layout.xaxis.title.text or "",
        "y axis": fig.layout.yaxis.title.text or "",
        "chart in words": charts.description(fig),
        "source line": fig.layout.annotations[-1].text if fig.layout.annotations else "",  # style() adds it last
    }
    words |= {f"legend {i}": t.name for i, t in enumerate(fig.data) if t.name and t.showlegend is not False}
    return words


@pytest.fixture
def korean(monkeypatch, journal_file):
    monkeypatch.setenv("BORDERLINE_LANG", "ko")


@pytest.fixture
def english(monkeypatch, journal_file):
    monkeypatch.setenv("BORDERLINE_LANG", "en")


@pytest.mark.parametrize("name", CHARTS)
def test_a_chart_is_korean_in_the_korean_edition(name, korean):
    fig = CHARTS[name]()
    for part, text in chart_words(fig).items():
        if text or part in ("title", "chart in words"):
            assert HANGUL.search(text), f"{name}: the {part} is not Korean: {text[:120]!r}"
        assert not UNFILLED.search(text), f"{name}: the {part} has an unfilled field: {text[:160]!r}"
    assert not fig.layout.annotations or fig.layout.annotations[-1].text.startswith("출처")
    hover = " ".join(str(h) for t in fig.data for h in (t.hovertext or ()) if h) + str(fig.data[0].hovertemplate)
    assert not UNFILLED.search(hover), f"{name}: a hover text has an unfilled field"
    assert "Noto Sans CJK KR" in fig.layout.font.family


@pytest.mark.parametrize("name", CHARTS)
def test_the_same_chart_is_english_in_the_english_edition(name, english):
    for part, text in chart_words(CHARTS[name]()).items():
        assert not HANGUL.search(text), f"{name}: the {part} is not English: {text[:120]!r}"
        assert not UNFILLED.search(text), f"{name}: the {part} has an unfilled field: {text[:160]!r}"


def controls_of(box) -> dict:
    return {key: c for key, c in box.controls.items() if isinstance(c, w.DOMWidget)}


def labels_of(control) -> list[str]:
    return [str(label) for label in getattr(control, "_options_labels", ())]


@pytest.mark.parametrize("name", VIEWS)
def test_a_view_is_korean_in_the_korean_edition(name, korean):
    box = VIEWS[name]()
    for key, control in controls_of(box).items():
        description = control.description or ""
        assert description and HANGUL.search(description), f"{name}: control {key!r} reads {description!r}"
        choices = labels_of(control)
        if isinstance(control, (w.ToggleButtons, w.RadioButtons)):
            assert all(HANGUL.search(label) for label in choices), f"{name}: {key!r} offers {choices}"
        elif isinstance(control, w.Dropdown) and key not in DATA_CHOICES and not key.startswith("rank:"):
            assert any(HANGUL.search(label) for label in choices), f"{name}: {key!r} offers {choices[:3]}"
    if box.text is not None:
        assert HANGUL.search(box.text.value), f"{name}: the text under the view is not Korean: {box.text.value[:160]!r}"
        assert not UNFILLED.search(box.text.value), f"{name}: the text has an unfilled field"
    if box.figure is not None:
        for part, text in chart_words(box.figure).items():
            assert not UNFILLED.search(text), f"{name}: the {part} has an unfilled field"
        assert HANGUL.search(box.figure.layout.title.text)


@pytest.mark.parametrize("name", VIEWS)
def test_the_same_view_is_english_in_the_english_edition(name, english):
    box = VIEWS[name]()
    for key, control in controls_of(box).items():
        assert not HANGUL.search(control.description or ""), f"{name}: control {key!r} reads {control.description!r}"
        assert not any(HANGUL.search(label) for label in labels_of(control) if key != "term"), f"{name}: {key!r}"
    if box.text is not None and name != "glossary_browser":  # the glossary shows each term's Korean form
        assert not HANGUL.search(box.text.value), f"{name}: the text under the view is not English"


def test_a_view_answers_in_korean_when_it_is_used(korean):
    box = widgets.status_checker()
    box.controls["check"].click()
    assert "고르십시오" in box.text.value  # nothing judged yet
    first = next(iter(data.labels("cases.element")))
    box.controls[first].value = box.controls[first].options[0][1]
    box.controls["check"].click()
    assert "예상 답과 일치합니다" in box.text.value and not UNFILLED.search(box.text.value)
    explorer = widgets.estimate_explorer()
    explorer.controls["scale"].value = "linear"
    assert (
        HANGUL.search(explorer.figure.layout.xaxis.title.text) and "로그" not in explorer.figure.layout.xaxis.title.text
    )
    china = widgets.china_estimates_explorer()
    china.controls["measure"].value = "cumulative"
    assert "표시된 측정 방식: 누적." in china.text.value


@pytest.mark.parametrize("name", VIEWS)
def test_a_static_view_is_korean_in_the_korean_edition(name, korean, monkeypatch):
    monkeypatch.setenv("BORDERLINE_STATIC", "1")
    page = VIEWS[name]()._repr_html_()
    note = re.search(r'<p class="bl-static-note"><em>(.*?)</em></p>', page).group(1)
    assert "JupyterLab에서는" in note and HANGUL.search(note.split(":")[0]), note
    assert not UNFILLED.search(page)


def test_the_glossary_is_korean_in_the_korean_edition(korean):
    row = data.load("glossary").iloc[0]
    card = glossary_card_html(row)
    assert str(row["definition_ko"])[:20] in card and str(row["definition"])[:20] not in card
    assert "누가 쓰는가" in card and "Who uses it" not in card
    assert widgets.glossary_browser().controls["term"].options[0][0].startswith(str(row["korean"]).split(" (")[0])


def test_typed_answers_are_explained_in_korean(korean):
    with pytest.raises(answers.AnswerError, match="범위로 보입니다"):
        answers.parse_number("2-3 million")
    with pytest.raises(answers.AnswerError, match="숫자를 찾지 못했습니다"):
        answers.parse_number("lots")


def test_every_label_has_its_korean():
    labels = data.load("labels")
    assert labels["label_ko"].notna().all(), labels[labels["label_ko"].isna()][["field", "value"]]
    assert (labels["short_ko"].notna() | labels["short"].isna()).all(), "a short label needs its short_ko"


def test_the_label_cache_knows_the_language(monkeypatch):
    english = data.labels("arguments.side")
    monkeypatch.setenv("BORDERLINE_LANG", "ko")
    korean = data.labels("arguments.side")
    monkeypatch.setenv("BORDERLINE_LANG", "en")
    assert data.labels("arguments.side") == english != korean
    assert all(HANGUL.search(label) for label in korean.values())
    assert data.label("places.role", "border town") == "Crossing and handover towns"


def ui_keys() -> dict:
    """Every literal key of ui(...) in the package (implicit concatenation joined), with where it is used.

    Keys built at runtime (f-strings with fields, variables) are exempt.
    """
    keys = {}
    for path in sorted((ROOT / "borderline").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ui" and node.args:
                first = node.args[0]
                if isinstance(first, ast.JoinedStr) and all(isinstance(v, ast.Constant) for v in first.values):
                    first = ast.Constant("".join(v.value for v in first.values))
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    keys.setdefault(first.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return keys


def test_the_key_finder_sees_the_kinds_of_call_the_package_uses():
    keys = ui_keys()
    assert keys and "Chart in words" in keys and "Check" in keys
    assert any(k.startswith("A writing exercise has no single right answer") and k.endswith(".") for k in keys)
    assert len(
        re.findall(r"\bui\(\s*[\"']", "\n".join(p.read_text() for p in (ROOT / "borderline").rglob("*.py")))
    ) >= len(keys)


def test_every_ui_key_has_a_korean_entry():
    catalogue = yaml.safe_load(LOCALE.read_text(encoding="utf-8"))
    missing = {k: where for k, where in ui_keys().items() if k not in catalogue}
    assert not missing, "add to borderline/locale/ko.yaml:\n" + "\n".join(f"{w}: {k!r}" for k, w in missing.items())


def test_a_korean_entry_uses_only_the_fields_of_its_english_key():
    catalogue = yaml.safe_load(LOCALE.read_text(encoding="utf-8"))
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in catalogue.items())
    fields = re.compile(r"\{(\w*)\}")
    wrong = {k: v for k, v in catalogue.items() if not set(fields.findall(v)) <= set(fields.findall(k))}
    assert not wrong, wrong
    assert i18n.catalogue("ko") == catalogue


def test_every_chart_note_a_reader_sees_has_its_korean():
    notes = data.load("chart_notes")
    seen = notes[notes["text"].notna() & (notes["kind"] != "label_position")]
    assert seen["text_ko"].notna().all(), seen[seen["text_ko"].isna()]["note_id"].tolist()
    assert all(HANGUL.search(t) for t in seen["text_ko"]), "a text_ko is not Korean"
    assert (notes["short_ko"].notna() == notes["short"].notna()).all(), "a short text needs its short_ko"
    assert notes[notes["kind"] == "label_position"]["text_ko"].isna().all(), "a plotly position is not translated"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_chart_shows_its_notes_in_the_edition_language(lang, monkeypatch, journal_file):
    monkeypatch.setenv("BORDERLINE_LANG", lang)
    notes = data.load("chart_notes")
    shown, other = ("text_ko", "text") if lang == "ko" else ("text", "text_ko")
    sentences = notes[(notes["kind"] == "note") & notes["chart"].isin(CHARTS)]
    assert not sentences.empty
    for row in sentences.itertuples():
        words = charts.description(CHARTS[row.chart]())
        assert getattr(row, shown) in words, f"{row.chart}: the note is not in its words: {words[-200:]!r}"
        assert getattr(row, other) not in words, f"{row.chart}: the note shows the other edition"
    for chart in notes["chart"].unique():
        for row in data.chart_notes(chart).itertuples():
            if row.kind != "label_position" and isinstance(row.text, str):
                assert bool(HANGUL.search(row.text)) == (lang == "ko"), f"{chart}: {row.text!r}"
    ref = charts.reference()
    assert bool(HANGUL.search(ref["text"])) == bool(HANGUL.search(ref["short"])) == (lang == "ko")
    treaties = charts.description(charts.treaty_timeline())
    assert data.chart_note("treaty_timeline", "split")["text"] in treaties
    assert data.chart_notes("border_map", "label_position")["text"].str.fullmatch(r"[a-z ]+").all()


ROLE_TEXT = ["title", "mandate", "goals", "constraints", "key_facts", "first_line"]


def test_every_event_title_has_its_korean_with_the_same_numbers():
    events = data.load("events")
    assert events["title_ko"].notna().all() and events["title_ko"].map(HANGUL.search).all()
    digits = re.compile(r"\d[\d,]*")
    for row in events.itertuples():
        assert sorted(digits.findall(row.title)) == sorted(digits.findall(row.title_ko)), row.event_id


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_event_lines_are_keyed_in_the_edition_language(lang, monkeypatch):
    monkeypatch.setenv("BORDERLINE_LANG", lang)
    event = marked_events("treaty_timeline").iloc[0]
    shown, other = ("title_ko", "title") if lang == "ko" else ("title", "title_ko")
    row = data.load("events").set_index("event_id").loc[event["event_id"]]
    words = charts.description(charts.treaty_timeline())
    assert row[shown] in words and row[other] not in words


def test_every_role_has_its_korean_with_the_same_facts():
    roles = data.load("roles")
    for column in ROLE_TEXT:
        assert roles[f"{column}_ko"].notna().all() and roles[f"{column}_ko"].map(HANGUL.search).all(), column
    for row in roles.itertuples():
        english, korean = row.key_facts.split(" | "), row.key_facts_ko.split(" | ")
        cited = re.compile(r"\[[A-Z0-9_; ]+\]$")
        assert [cited.search(f).group() for f in english] == [cited.search(f).group() for f in korean], row.role_id


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_role_card_is_in_the_edition_language(lang, monkeypatch, journal_file):
    monkeypatch.setenv("BORDERLINE_LANG", lang)
    role = data.load("roles").iloc[0]
    shown, other = ("_ko", "") if lang == "ko" else ("", "_ko")
    card = widgets.role_cards().text.value
    for column in ROLE_TEXT:
        first = str(role[column + shown]).split(" | ")[0]
        assert html.escape(first) in card, column
        assert html.escape(str(role[column + other]).split(" | ")[0]) not in card, column
    assert card.count("<li>") == len(role["key_facts"].split(" | "))


OPTION_TEXT = ["title", "summary", "proposed_by", "trade_offs", "cost_borne_by"]


def test_every_option_has_its_korean_with_the_same_sources():
    options = data.load("options")
    for column in OPTION_TEXT:
        korean = options[f"{column}_ko"]
        assert korean.notna().all() and korean.map(HANGUL.search).all(), column
        for english, translated in zip(options[column], korean):
            assert re.findall(r"\[[A-Z0-9_; ]+\]", english) == re.findall(r"\[[A-Z0-9_; ]+\]", translated), column


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_options_board_is_in_the_edition_language(lang, monkeypatch, journal_file):
    monkeypatch.setenv("BORDERLINE_LANG", lang)
    options = data.load("options")
    shown, other = ("_ko", "") if lang == "ko" else ("", "_ko")
    box = widgets.options_board("t.ranking")
    pick = box.controls["option"]
    assert [value for _, value in pick.options] == options["option_id"].tolist()
    for row in options.itertuples():
        pick.value = row.option_id
        card = box.text.value
        assert f"{row.option_id}: {html.escape(getattr(row, 'title' + shown))}</h3>" in card, row.option_id
        for column in ["summary", "proposed_by", "trade_offs"]:
            assert html.escape(getattr(row, column + shown)) in card, (row.option_id, column)
            assert html.escape(getattr(row, column + other)) not in card, (row.option_id, column)
        assert data.cite(row.source_id, url=False) in html.unescape(card)
    assert [label.split(": ", 1)[1] for label, _ in pick.options] == options["title" + shown].tolist()


def test_every_case_has_its_korean():
    cases = data.load("cases")
    for column in ["title", "summary"]:
        assert cases[f"{column}_ko"].notna().all() and cases[f"{column}_ko"].map(HANGUL.search).all(), column
    composite = cases["kind"] == "composite"
    assert cases.loc[composite, "summary_ko"].str.startswith("합성 사례 - 실존 인물이 아닙니다.").all()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_status_checker_shows_each_case_in_the_edition_language(lang, monkeypatch, journal_file):
    monkeypatch.setenv("BORDERLINE_LANG", lang)
    cases = data.load("cases")
    shown, other = ("_ko", "") if lang == "ko" else ("", "_ko")
    box = widgets.status_checker()
    pick = box.controls["case"]
    assert [value for _, value in pick.options] == cases["case_id"].tolist()
    assert [label.split(": ", 1)[1] for label, _ in pick.options] == cases["title" + shown].tolist()
    for row in cases.itertuples():
        pick.value = row.case_id
        card = next(c.value for c in widgets_in(box) if isinstance(c, w.HTML) and "aria-label='" in c.value)
        for column in ["title", "summary"]:
            assert html.escape(getattr(row, column + shown)) in card, (row.case_id, column)
            assert html.escape(getattr(row, column + other)) not in card, (row.case_id, column)
        assert data.cite(row.source_id, url=False) in html.unescape(card)


def widgets_in(box):
    """Every widget inside ``box``, depth first."""
    for child in getattr(box, "children", ()):
        yield child
        yield from widgets_in(child)
