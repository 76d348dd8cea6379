"""Slides for projection: each lesson's cells tagged ``slide``, one per slide, offline.

``part()`` is a part of the handout pack (see ``editions.PACK_PARTS``): for each lesson it writes
``slides/NN-slug.html``, a reveal.js slide show of the cells tagged ``slide`` (the title, the key
question of each section, the charts and static views), code hidden, charts scaled to fit a 16:9
slide with their titles and source lines. Everything it loads sits in the ``slides/`` folder:
reveal.js copied from ``web/node_modules`` (``make web``) and one shared copy of plotly.js.
No CDN, no require.js, no MathJax.

>>> nb = nbformat.v4.new_notebook(cells=[
...     nbformat.v4.new_markdown_cell("## 1. Rivers\\n\\nLong prose."),
...     nbformat.v4.new_markdown_cell("**Key question:** Why here?", metadata={"tags": ["slide"]}),
...     nbformat.v4.new_code_cell("x = 1")])
>>> [c.source for c in slide_notebook(nb).cells]
['## 1. Rivers\\n\\n**Key question:** Why here?']
"""

from __future__ import annotations

import copy
import html
import re
import shutil
from pathlib import Path

import nbformat  # noqa: F401 (the examples build notebooks with it)

from . import editions
from .i18n import ui

SLIDE_TAG = "slide"
REVEAL = editions.ROOT / "web" / "node_modules" / "reveal.js"
# What the slides need from reveal.js: the script, its style sheet and one theme.
# reveal.js's zoom plugin: Alt+click (Ctrl+click on Linux) magnifies part of a slide, for a dense chart such
# as an argument map that must be shrunk to fit.
REVEAL_FILES = ["dist/reveal.js", "dist/reveal.css", "dist/theme/white.css", "dist/plugin/zoom.js", "LICENSE"]
WIDTH, HEIGHT = 1280, 720  # 16:9; reveal.js scales the whole slide to the screen
FOLDER = "slides"

__all__ = ["slide_notebook", "slides_html", "part"]

_HEADING = re.compile(r"^#{1,3} +(.+?)\s*$", flags=re.M)

# Everything a slide page loads is a file beside it: no jQuery, require.js, mermaid or MathJax.
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}<script src="plotly.min.js"></script>{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_css -%}<style>{{ resources.borderline_css }}</style>{%- endblock html_head_css -%}
{%- block footer_js -%}
<script src="{{ resources.reveal.url_prefix }}/dist/reveal.js"></script>
<script src="{{ resources.reveal.url_prefix }}/dist/plugin/zoom.js"></script>
<script>{{ resources.borderline_js }}</script>
{%- endblock footer_js -%}
"""

# Projection: large type, left-aligned text, a slide number that stands out; "Chart in words"
# stays for screen readers only (on a chart's slide the script below hides the rest of the
# static view: its data table and notes stay in the handout page).
SLIDE_CSS = """
html body .reveal{font-family:Arial,Helvetica,'Noto Sans CJK KR',sans-serif;color:#222}
html body .reveal .slides section{text-align:left;font-size:34px}
html body .reveal .jp-RenderedHTMLCommon{font-size:inherit;line-height:1.35;color:#222;padding:0}
html body .reveal .jp-RenderedHTMLCommon :is(h1,h2){font-family:inherit;text-transform:none;font-weight:bold;letter-spacing:0;color:#0b3d66}
html body .reveal .jp-RenderedHTMLCommon h1{font-size:1.9em;line-height:1.1;margin:0 0 .5em}
html body .reveal .jp-RenderedHTMLCommon h2{font-size:1.35em;line-height:1.15;margin:0 0 .6em}
html body .reveal .jp-RenderedHTMLCommon :is(p,li,td,th){font-size:1em;line-height:1.35}
html body .reveal .jp-RenderedHTMLCommon strong{color:#0b3d66}
html body .reveal .jp-RenderedHTMLCommon blockquote{border-left:6px solid #0072B2;margin:.4em 0;padding:.1em .6em;background:#f4f8fb;font-style:normal}
html body .reveal .jp-OutputArea-output{overflow:visible}
html body .reveal .slide-number{font-size:22px;background:#0b3d66;color:#fff;padding:4px 10px;right:12px;bottom:12px}
.reveal .bl-description{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.jp-InputPrompt,.jp-OutputPrompt{display:none}
"""

# Each chart is drawn at a width that suits its height, then zoomed as one piece (fonts, title
# and source line together) to fill the slide; text that would run off a slide is set smaller.
# Slide numbers and keyboard navigation are reveal's.
SLIDE_JS = """
(function () {
  var W = %(width)d, H = %(height)d, PAD = 40;
  function onlyCharts(el) {  // on a chart's slide, hide all but the charts and their words
    [].forEach.call(el.children, function (child) {
      if (child.querySelector('.plotly-graph-div')) onlyCharts(child);
      else if (!child.matches('.plotly-graph-div, .bl-description, script')) child.style.display = 'none';
    });
  }
  function fitCharts(slide) {
    slide.querySelectorAll('.jp-OutputArea-output').forEach(function (out) {
      if (out.querySelector('.plotly-graph-div')) onlyCharts(out);
    });
    var plots = slide.querySelectorAll('.js-plotly-plot');
    plots.forEach(function (gd) {
      var box = gd.parentElement;
      var h = (gd.layout && gd.layout.height) || 450;
      var w = Math.round(Math.min(1400, Math.max(928, h * 1.75)));
      box.style.width = w + 'px'; box.style.height = h + 'px'; box.style.margin = '0 auto';
      box.style.zoom = Math.min((W - PAD) / w, (H - PAD) / plots.length / h);
      Plotly.relayout(gd, {width: w, height: h});
    });
  }
  function fitText(slide) {
    if (slide.querySelector('.js-plotly-plot')) return;
    var size = 34;
    slide.style.fontSize = '';
    while (slide.scrollHeight > H - PAD && size > 20) {
      size -= 2;
      slide.style.fontSize = size + 'px';
    }
  }
  Reveal.initialize({
    hash: true, controls: true, progress: true, center: true, transition: 'none',
    slideNumber: 'c/t', showSlideNumber: 'all', width: W, height: H, margin: 0.03,
    keyboard: true, navigationMode: 'linear', plugins: [RevealZoom]
  }).then(function () {
    document.querySelectorAll('.reveal .slides > section').forEach(fitCharts);
    fitText(Reveal.getCurrentSlide());
    Reveal.layout();
    Reveal.on('slidechanged', function (event) { fitText(event.currentSlide); Reveal.layout(); });
    document.body.dataset.blSlidesReady = '1';
  });
})();
"""


def slide_notebook(nb):
    """The notebook cut to its cells tagged ``slide``, each made one slide.

    A markdown slide that starts without a heading (a section's key question) gets the heading of
    its section above it; a code cell with no output is left out.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title", metadata={"tags": ["slide"]})])
    >>> cell = slide_notebook(nb).cells[0]
    >>> cell.source, cell.metadata["slideshow"]
    ('# Title', {'slide_type': 'slide'})
    """
    nb = copy.deepcopy(nb)
    heading, kept = None, []
    for cell in nb.cells:
        headings = _HEADING.findall(cell.source) if cell.cell_type == "markdown" else []
        if SLIDE_TAG in cell.metadata.get("tags", []):
            if cell.cell_type == "markdown" and heading and not cell.source.lstrip().startswith("#"):
                cell.source = f"## {heading}\n\n{cell.source}"
            if cell.cell_type == "markdown" or cell.get("outputs"):
                cell.metadata["slideshow"] = {"slide_type": "slide"}
                kept.append(cell)
        if headings:
            heading = headings[-1]
    nb.cells = kept
    return nb


def slides_html(nb, lang: str = "en") -> str:
    """A reveal.js slide show of an executed notebook's ``slide`` cells, inputs hidden, offline.

    The page loads ``plotly.min.js`` and ``reveal.js/`` from its own folder (``part`` puts them there).

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Hello", metadata={"tags": ["slide"]})])
    >>> page = slides_html(nb)
    >>> page.count("<section"), '<script src="reveal.js/dist/reveal.js">' in page, re.findall("(?:src|href)=.https?:", page)
    (2, True, [])
    >>> '<html lang="ko">' in slides_html(nb, lang="ko")
    True
    """
    from jinja2 import DictLoader
    from nbconvert import SlidesExporter

    exporter = SlidesExporter(
        extra_loaders=[DictLoader({"borderline-slides.html.j2": _TEMPLATE})],
        template_file="borderline-slides.html.j2",
        reveal_url_prefix="reveal.js",
        reveal_theme="white",
        reveal_number="c/t",
        reveal_width=str(WIDTH),
        reveal_height=str(HEIGHT),
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code=lang,
    )
    resources = {
        "borderline_css": SLIDE_CSS,
        "borderline_js": SLIDE_JS % {"width": WIDTH, "height": HEIGHT},
    }
    page, _ = exporter.from_notebook_node(slide_notebook(nb), resources=resources)
    title = html.escape(nb.cells[0].source.splitlines()[0].lstrip("# ")) if nb.cells else ""
    title = f"{title} · {ui('Slides', lang=lang)}"
    return re.sub(r"<title>.*?</title>", f"<title>{title}</title>", page, count=1, flags=re.S)


def _copy_assets(folder: Path) -> None:
    from plotly.offline import get_plotlyjs

    for name in REVEAL_FILES:
        target = folder / "reveal.js" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REVEAL / name, target)
    (folder / "plotly.min.js").write_text(get_plotlyjs(), encoding="utf-8")


def part(out: Path, order, notebooks_folder: Path, lang: str) -> dict:
    """Write ``slides/NN-slug.html`` for each lesson; return the index links (``editions.PACK_PARTS``).

    Uses the notebooks as already run for the handout pages. Without reveal.js it writes nothing
    and says to run ``make web``.

    >>> import tempfile; from unittest import mock
    >>> with mock.patch(__name__ + ".REVEAL", Path("/nowhere")):
    ...     part(Path(tempfile.mkdtemp()), [], editions.NOTEBOOKS, "en")
    slides skipped: reveal.js is not installed; run `make web` to install it (web/node_modules/reveal.js)
    {}
    """
    if not (REVEAL / "dist" / "reveal.js").exists():
        editions._say(
            "slides skipped: reveal.js is not installed; run `make web` to install it (web/node_modules/reveal.js)"
        )
        return {}
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    _copy_assets(folder)
    links = {}
    for _n, _t, name in order:
        nb = editions.executed(notebooks_folder / name)
        page = folder / Path(name).with_suffix(".html").name
        page.write_text(slides_html(nb, lang=lang), encoding="utf-8")
        count = len(slide_notebook(nb).cells)
        editions._say(f"      wrote {FOLDER}/{page.name} ({count} slides)")
        links[name] = [(ui("Slides", lang=lang), f"{FOLDER}/{page.name}")]
    return links


editions.PACK_PARTS.append(part)
