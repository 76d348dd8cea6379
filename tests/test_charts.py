"""Every chart meets the house style: title, axis titles, source line, palette, description."""

import pytest

from borderline import analysis, charts, data
from borderline.charts.style import TRACE_TYPES, marked_events

BUILDERS = {
    "famine_estimates": lambda: charts.famine_estimates(),
    "famine_estimates_linear": lambda: charts.famine_estimates(log_x=False),
    "famine_comparison": lambda: charts.famine_comparison(),
    "per_capita": lambda: charts.per_capita(1200, "E02 (high)", ["REUTERS1998A", "WB2026"]),
    "border_map": lambda: charts.border_map(),
    "border_map_route": lambda: charts.border_map("RT03"),
    "arrivals_counts": lambda: charts.arrivals("counts"),
    "arrivals_share": lambda: charts.arrivals("share"),
    "china_estimates": lambda: charts.china_estimates(),
    "repatriations": lambda: charts.repatriations(),
    "treaty_timeline": lambda: charts.treaty_timeline(),
    "statements_chart": lambda: charts.statements_chart(),
}


@pytest.fixture(params=sorted(BUILDERS))
def fig(request):
    return BUILDERS[request.param]()


def test_has_title_and_axis_titles(fig):
    assert fig.layout.title.text
    assert fig.layout.xaxis.title.text
    assert fig.layout.yaxis.title.text is not None


def test_has_a_source_line_that_names_sources(fig):
    notes = [a.text for a in fig.layout.annotations]
    assert any(t.startswith("Source") and "datasets/sources.csv" in t for t in notes)


def test_has_a_description_generated_from_the_data(fig):
    text = charts.description(fig)
    assert len(text) > 60 and any(ch.isdigit() for ch in text)


LAND_TINTS = {"#FBE3C4", "#DCEBF7", "#E3F1E8"}  # pale fills for the highlighted countries of the map
SAFE = set(charts.PALETTE) | {charts.NEUTRAL, charts.LAND, "#9A9A9A"} | LAND_TINTS


def test_every_colour_in_labels_csv_is_from_the_safe_palette():
    # Colours of coded values live in datasets/labels.csv; only the map's land fills may be pale tints.
    table = data.load("labels").dropna(subset=["colour"])
    land = table["field"] == "borders.iso_a2"
    assert set(table[~land]["colour"]) <= set(charts.PALETTE) | {charts.NEUTRAL}
    assert set(table[land]["colour"]) <= LAND_TINTS


def test_uses_only_the_colour_blind_safe_palette(fig):
    used = set()
    for trace in fig.data:
        marker = getattr(trace, "marker", None)
        colour = getattr(marker, "color", None) if marker is not None else None
        if isinstance(colour, str):
            used.add(colour)
        elif colour is not None:
            used.update(c for c in colour if isinstance(c, str))
        line = getattr(trace, "line", None)
        if line is not None and isinstance(getattr(line, "color", None), str):
            used.add(line.color)
    assert used and used <= SAFE, used - SAFE


def test_description_changes_with_the_data():
    all_rows = charts.famine_estimates()
    famine = data.load("famine_estimates")
    some = charts.famine_estimates(famine[famine["method_group"] == "census reconstruction"])
    assert charts.description(all_rows) != charts.description(some)
    assert "4 estimates" in charts.description(some) or "estimates" in charts.description(some)


def test_hover_names_the_source():
    fig = charts.famine_estimates()
    hovers = [h for t in fig.data for h in t.hovertext if h]
    assert all("Source:" in h for h in hovers)


def test_year_axes_are_never_fractional():
    fig = charts.famine_comparison()
    assert all("." not in str(y) for y in fig.data[0].y)


def test_show_displays_figure_and_words(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    charts.show(charts.famine_comparison())
    assert len(shown) == 2 and "Chart in words" in shown[1].data


def test_maps_need_no_map_service():
    """Borders are ordinary traces from shipped geometry: no geo subplot, so no topojson download."""
    for fig in (charts.border_map(), charts.border_map("RT01")):
        assert not any(t.type in ("scattergeo", "choropleth", "scattermapbox", "scattermap") for t in fig.data)
        assert fig.layout.geo.to_plotly_json() == {}


def test_map_keeps_the_aspect_of_the_latitude():
    fig = charts.border_map()
    assert fig.layout.yaxis.scaleanchor == "x" and 1.2 < fig.layout.yaxis.scaleratio < 1.5


def test_treaty_status_uses_preferred_rows_only():
    # The Legacarta row claiming North Korean ratification of CAT is kept to teach the error, never used.
    assert analysis.treaty_status_summary("KP", "CAT")["status"] == "not a party"
    assert str(analysis.treaty_status_summary("CN", "ICESCR")["since"].date()) == "2001-06-27"


def test_timeline_description_dates_china_s_obligations_correctly():
    text = charts.description(charts.treaty_timeline())
    before, after = text.split("By the famine of the mid-1990s China was bound by:")[1].split("Later:")
    assert "Torture" in before and "Economic, Social" not in before and "Economic, Social" in after


# --- what the old docstring examples asserted, with the lesson's own ids -------------------------


def test_famine_comparison_cites_o_grada_and_highlights_north_korea():
    fig = charts.famine_comparison()
    assert fig.layout.annotations[0].text.startswith("Source: Ó Gráda")
    assert len(fig.data[0].y) >= 10
    highlighted = [y for y, c in zip(fig.data[0].y, fig.data[0].marker.color, strict=False) if c == charts.PALETTE[3]]
    assert len(highlighted) == 1 and "North Korea" in highlighted[0]


def test_per_capita_compares_with_seed_004():
    fig = charts.per_capita(1000, "E02", ["REUTERS1998A"])
    assert fig.data[0].x == (1000.0, 50.0) and "Seed 004" in fig.data[0].y[1]
    assert "Seymour" in fig.layout.annotations[0].text


def test_routes_and_the_map_of_a_route():
    assert analysis.route_legs("RT01")[["from_name", "to_name"]].iloc[0].tolist() == ["Yanji", "Ulaanbaatar"]
    assert charts.description(charts.border_map("RT02")).startswith("Map of the route")
    assert "Natural Earth" in charts.border_map().layout.annotations[0].text


def test_map_leaves_out_countries_no_route_reaches_and_places_crowded_names():
    fig = charts.border_map()
    lons = [x for t in fig.data if t.fill == "toself" for x in t.x if x is not None]
    assert max(lons) < 160  # no Pacific islands (Guam, Micronesia, Palau)
    towns = next(t for t in fig.data if t.name == charts.town_group())
    position = dict(zip(towns.text, towns.textposition, strict=False))
    assert position["Musan"] == "bottom left" and position["Sinuiju"] == "bottom center"
    assert position["Dandong"] == "top center"


def test_arrivals_by_year_and_the_events_marked():
    assert int(analysis.arrivals_frame().set_index("year").loc[2009, "total"]) == 2914
    fig = charts.arrivals()
    marks = [a.text for a in fig.layout.annotations if not a.text.startswith("Source")]
    assert marks == ["1", "2", "3", "4", "5"]  # numbers on the lines, never a clipped title
    assert "(1) 2002: 25 North Koreans enter the Spanish" in charts.description(fig)


def test_treaty_status_summaries():
    assert analysis.treaty_status_summary("CN", "CAT")["status"] == "party"
    assert str(analysis.treaty_status_summary("CN", "CAT")["since"].date()) == "1988-11-03"
    assert analysis.treaty_status_summary("CN", "ICCPR")["status"] == "signed, not ratified"
    assert analysis.treaty_status_summary("KP", "REFCONV1951")["status"] == "not a party"
    assert [t.name for t in charts.treaty_timeline().data] == ["China", "North Korea", "South Korea"]
    text = charts.description(charts.treaty_timeline())
    assert "Signed, not ratified: China: Covenant on Civil and Political Rights" in text
    assert "Not a party: North Korea: Refugee Convention (1951)" in text


def test_statements_and_argument_map_traces():
    assert [t.name for t in charts.statements_chart().data] == [
        "China's officials",
        "UN, UNHCR, South Korea and others",
    ]
    assert [t.name for t in charts.argument_map().data][:3] == ["supports", "rebuts", "qualifies"]


def test_grand_timeline_has_a_lane_per_lesson():
    fig = charts.grand_timeline()
    assert [t.name for t in fig.data] == ["Lesson 01", "Lesson 02", "Lesson 03", "Lesson 04", "Lesson 05"]
    assert "earlier events" in charts.description(fig)


def test_chart_notes_sources_appear_under_the_chart():
    line = charts.repatriations().layout.annotations[0].text
    assert "Dong-A Ilbo 2004" in line
    assert "research institute under China's State Council" in charts.description(charts.repatriations())


def test_event_marks_on_a_category_axis_sit_on_its_categories():
    # plotly.js reads "2011" in a shape on a category axis as the 2,011th category: it hid the arrivals bars
    fig = charts.arrivals()
    years = list(fig.layout.xaxis.categoryarray)
    marks = [s.x0 for s in fig.layout.shapes if s.xref == "x"] + [a.x for a in fig.layout.annotations if a.xref == "x"]
    assert marks and all(isinstance(x, int) and 0 <= x < len(years) for x in marks), marks
    assert list(fig.layout.xaxis.range) == [-0.5, len(years) - 0.5]


def test_the_house_template_styles_every_trace_type_the_charts_draw(fig):
    # house_template keeps plotly's simple_white styling for these types only: a new type would lose it
    assert {t.type for t in fig.data} <= set(TRACE_TYPES)
    assert fig.layout.template.layout.plot_bgcolor == "white"


def test_the_argument_map_and_timelines_keep_every_box_and_mark():
    arguments = data.load("arguments")
    boxes = [a for a in charts.argument_map().layout.annotations if a.xref == "x"]
    assert sum("<b>" in a.text for a in boxes) == len(arguments)
    fig = charts.treaty_timeline()
    assert len(fig.layout.shapes) == len(marked_events("treaty_timeline")) > 0
