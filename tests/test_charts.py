"""Every chart meets the house style: title, axis titles, source line, palette, description."""

import pytest

from borderline import charts

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


SAFE = (set(charts.PALETTE) | {charts.NEUTRAL, charts.LAND, "#9A9A9A"} | set(charts.HIGHLIGHT_LAND.values())
        | set(charts.METHOD_COLOURS.values()) | set(charts.ESTIMATOR_COLOURS.values()) | set(charts.STATE_COLOURS.values()))


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
    from borderline import data

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
    assert charts.treaty_status_summary("KP", "CAT")["status"] == "not a party"
    assert str(charts.treaty_status_summary("CN", "ICESCR")["since"].date()) == "2001-06-27"


def test_timeline_description_dates_china_s_obligations_correctly():
    text = charts.description(charts.treaty_timeline())
    before, after = text.split("By the famine of the mid-1990s China was bound by:")[1].split("Later:")
    assert "Torture" in before and "Economic, Social" not in before and "Economic, Social" in after
