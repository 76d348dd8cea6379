"""Citations as numbered notes, for printed and projected pages.

In a lesson, a source is cited by its id in square brackets. On a printed page those ids
interrupt the reading (and a screen reader spells them out), so ``numbered`` turns each
bracket into superscript note numbers that link to a numbered list of full references at
the end of the page. A link reads as "note 3" to a screen reader; each note links back.
Ids that are not rows of ``datasets/sources.csv`` are left as they were.

>>> sid = data.load("sources")["source_id"].iloc[0]
>>> page = numbered(f"<p>A claim [{sid}], and again [{sid}; our arithmetic].</p>")
>>> page.count("href='#note-1'"), "our arithmetic" in page, f"[{sid}" in page
(2, True, False)
"""

from __future__ import annotations

import html
import re

from . import data
from .i18n import ui

BRACKET = re.compile(r" ?\[([A-Z][A-Z0-9_]+(?:; ?[A-Z][A-Z0-9_]+)*)(; our arithmetic)?\]")
# Text is rewritten only outside tags, scripts, styles and code.
_TOKENS = re.compile(
    r"(<script\b.*?</script>|<style\b.*?</style>|<(?:pre|code)\b.*?</(?:pre|code)>|<[^>]+>)", re.S | re.I
)
NOTES_CSS = (
    "sup.bl-noteref{line-height:0} sup.bl-noteref a{text-decoration:none;padding:0 .1em}"
    "section.bl-notes{font-size:.85rem;border-top:1px solid #999;margin-top:2rem}"
    "section.bl-notes ol{padding-left:2rem} section.bl-notes li{margin:.15rem 0}"
    "@media print{a.bl-back{display:none}}"
)


class Notes:
    """The notes of one page: each source gets a number at its first citation and keeps it.

    >>> sid = data.load("sources")["source_id"].iloc[0]
    >>> notes = Notes()
    >>> notes.number(sid), notes.number(sid), len(notes.order)
    (1, 1, 1)
    """

    def __init__(self, lang: str | None = None):
        self.lang, self.order, self._refs = lang, [], {}
        self._known = set(data.load("sources")["source_id"])

    def number(self, source_id: str) -> int:
        if source_id not in self.order:
            self.order.append(source_id)
        return self.order.index(source_id) + 1

    def ref(self, source_id: str) -> str:
        """The superscript link for one citation of a source.

        >>> sid = data.load("sources")["source_id"].iloc[0]
        >>> Notes(lang="en").ref(sid)
        "<a href='#note-1' id='ref-1-1' aria-label='note 1'>1</a>"
        """
        n = self.number(source_id)
        self._refs[n] = self._refs.get(n, 0) + 1
        label = html.escape(ui("note {n}", lang=self.lang, n=n), quote=True)
        return f"<a href='#note-{n}' id='ref-{n}-{self._refs[n]}' aria-label='{label}'>{n}</a>"

    def replace(self, match: re.Match) -> str:
        """One bracketed citation as superscript note numbers (unknown ids keep their bracket).

        >>> Notes().replace(BRACKET.search("[NOT_A_SOURCE]"))
        '[NOT_A_SOURCE]'
        """
        ids = [i.strip() for i in match.group(1).split(";")]
        if not all(i in self._known for i in ids):
            return match.group(0)
        links = ", ".join(self.ref(i) for i in ids)
        arithmetic = f" ({ui('our arithmetic', lang=self.lang)})" if match.group(2) else ""
        return f"<sup class='bl-noteref'>{links}</sup>{arithmetic}"

    def html(self) -> str:
        """The numbered list of full references ('' if nothing was cited).

        >>> sid = data.load("sources")["source_id"].iloc[0]
        >>> notes = Notes(lang="en"); _ = notes.ref(sid)
        >>> notes.html().startswith("<section class='bl-notes' aria-labelledby='bl-notes-head'><h2 id='bl-notes-head'>Notes</h2>")
        True
        """
        if not self.order:
            return ""
        back = html.escape(ui("back to the text", lang=self.lang), quote=True)
        items = "".join(
            f"<li id='note-{n}'>{html.escape(data.cite(sid))} <code class='bl-note-id'>{html.escape(sid)}</code> "
            f"<a class='bl-back' href='#ref-{n}-1' aria-label='{back}'>↩</a></li>"
            for n, sid in enumerate(self.order, start=1)
        )
        return (
            f"<section class='bl-notes' aria-labelledby='bl-notes-head'><h2 id='bl-notes-head'>"
            f"{ui('Notes', lang=self.lang)}</h2><ol>{items}</ol></section>"
        )


def numbered(body: str, lang: str | None = None, notes: Notes | None = None) -> str:
    """The page body with each ``[SOURCE_ID]`` as a superscript note number and the notes at its end.

    Scripts, styles, code and tag attributes are left untouched. Pass ``notes`` to number
    several parts of one page together and place the list yourself (``notes.html()``).

    >>> numbered("<p>No citations here.</p>")
    '<p>No citations here.</p>'
    """
    own = notes is None
    notes = notes or Notes(lang)
    parts = _TOKENS.split(body)
    for i in range(0, len(parts), 2):  # even items are text between tags
        parts[i] = BRACKET.sub(notes.replace, parts[i])
    return "".join(parts) + (notes.html() if own else "")
