"""HTML and inline-XBRL documents to plain text: one line per block, one line per table row.

lxml parses (it repairs the broken markup of 1990s filings); this module only decides
where lines break, which content is hidden, and how table cells are separated.
"""
from __future__ import annotations

import re

import lxml.etree
import lxml.html

# Elements that start a new line of text.
BLOCK_TAGS = frozenset(
    "p div br tr li ul ol h1 h2 h3 h4 h5 h6 table thead tbody tfoot caption center blockquote "
    "pre hr section article header footer dl dt dd address form fieldset page".split()
)
CELL_TAGS = frozenset(("td", "th"))
# Elements whose content is never shown to a reader. ix:header holds the XBRL contexts and
# hidden facts of an inline-XBRL filing (Apple 10-K of 2024-11-01).
HIDDEN_TAGS = frozenset(("script", "style", "head", "title", "ix:header", "noscript", "template"))
HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)
CELL_SEPARATOR = "\t"
# A table cell this short (as a reader sees it: the markup's indentation aside) is one value or label: its inner
# blocks stay on the row's line ("Change in / Pension Value / ... ($)(5)", a header cell of Cabot's proxy of January
# 2024 written as one <p> a line). Longer cells are layout tables holding whole pages (Medicis 10-K of 1999-09-28).
SHORT_CELL_CHARS = 400

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b]+")

# dei facts of an inline-XBRL cover page that give a filing's metadata.
DEI_FACTS = ("dei:EntityRegistrantName", "dei:DocumentType", "dei:EntityCentralIndexKey",
             "dei:DocumentPeriodEndDate")


def looks_like_html(text: str) -> bool:
    head = text[:4000].lower()
    return any(tag in head for tag in ("<html", "<body", "<div", "<p>", "<p ", "<table", "<font", "<br"))


def parse_html(markup: str) -> lxml.html.HtmlElement:
    # lxml refuses str input that carries an encoding declaration (Workiva iXBRL files do).
    markup = _XML_DECLARATION.sub("", markup, count=1)
    return lxml.html.document_fromstring(markup)


def dei_facts(root: lxml.html.HtmlElement) -> dict[str, str]:
    """The registrant's name, form, CIK and period from inline-XBRL dei tags, when present."""
    facts: dict[str, str] = {}
    for element in root.iter("ix:nonnumeric"):
        name = element.get("name", "")
        if name in DEI_FACTS and name not in facts:
            value = _SPACES.sub(" ", element.text_content()).strip()
            if value:
                facts[name] = value
    return facts


def html_to_text(root: lxml.html.HtmlElement) -> str:
    """Visible text of a parsed HTML document, blocks on their own lines, cells tab-separated."""
    parts: list[str] = []
    skipped: set = set()  # elements, which keeps their lxml proxies alive
    short_cells: set = set()  # cells whose blocks are joined on one line
    preformatted = 0
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if not tag or tag in HIDDEN_TAGS or HIDDEN_STYLE.search(element.get("style", "")):
                walker.skip_subtree()
                skipped.add(element)
                continue
            if tag in CELL_TAGS and len(_SPACES.sub(" ", element.text_content()).strip()) <= SHORT_CELL_CHARS:
                short_cells.add(element)
            if tag in BLOCK_TAGS:
                parts.append(" " if short_cells and not preformatted else "\n")
            if tag == "pre":
                preformatted += 1
            if element.text:
                parts.append(_superscript(element.text) if tag == "sup" else _inline(element.text, preformatted))
        else:
            if element not in skipped:
                if tag == "pre":
                    preformatted -= 1
                if tag in CELL_TAGS:
                    short_cells.discard(element)
                    parts.append(CELL_SEPARATOR)
                elif tag in BLOCK_TAGS:
                    parts.append(" " if short_cells and not preformatted else "\n")
            if element.tail and element is not root:
                parts.append(_inline(element.tail, preformatted))
    return tidy_lines("".join(parts))


def _superscript(text: str) -> str:
    """A footnote mark as the reader sees it: "$18.3 Million<sup>1</sup>" is "$18.3 Million¹", not a figure of
    18.3 million and one (ABVC BioPharma's release of April 2025). Marks of other characters ("st", "TM") stay."""
    mark = text.strip()
    return mark.translate(_SUPERSCRIPTS) if _FOOTNOTE_MARK.fullmatch(mark) else _inline(text, 0)


_SUPERSCRIPTS = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
_FOOTNOTE_MARK = re.compile(r"\(?\d{1,2}(?:,\d{1,2})*\)?")


def _inline(text: str, preformatted: int) -> str:
    if preformatted:
        return text.replace("\r\n", "\n").replace("\u00a0", " ")
    return _SPACES.sub(" ", text)


_RUN_OF_SPACES = re.compile(r" {2,}")


def tidy_lines(text: str) -> str:
    """Strip each line, drop empty cells and empty lines. A cell's lines are joined by one space ("North<br>
    America" is "North America" in Coca-Cola's 2024 10-K), as the reader sees them."""
    lines = []
    for line in text.split("\n"):
        if CELL_SEPARATOR in line:
            cells = [_RUN_OF_SPACES.sub(" ", c.strip()) for c in line.split(CELL_SEPARATOR)]
            line = CELL_SEPARATOR.join(c for c in cells if c)
        else:
            line = line.strip()
        if line:
            lines.append(line)
    return "\n".join(lines)
