"""Every chart meets the house style: title, axis titles, source line, palette, description."""

import pytest

from borderline import charts, widgets

BUILDERS = {
    "famine_estimates": lambda: charts.famine_estimates(),
    "famine_estimates_linear": lambda: charts.famine_estimates(log_x=False),
    "famine_comparison": lambda: charts.famine_comparison(),
    "per_capita": lambda: charts.per_capita(1200, "E02 (high)", ["REUTERS1998A", "WB2026"]),
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
    assert used and used <= set(charts.PALETTE) | {charts.NEUTRAL} | set(charts.HIGHLIGHT_LAND.values()) | {charts.LAND, "#9A9A9A"}


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
