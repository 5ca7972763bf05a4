"""Section detection: Items (by Part for 10-Q), exhibits, signature block and cover page.

Works on the filing's extracted text, one line per block, so that every heading starts a line.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from index import forms
from index.models import Section

COVER = "COVER"
SIGNATURE = "SIGNATURE"
BODY = "BODY"
PROSPECTUS = "PROSPECTUS"

ITEM_HEADING = re.compile(
    r"^[ \t]*(?:PART[ \t]+(?P<part>IV|I{1,3})\b[ \t]*[,.:\-\u2013\u2014]?[ \t]*)?"
    # "1A" but not the "B" of "ITEM 1BUSINESS" (a PDF that lost the space).
    r"ITEMS?[ \t]*(?P<number>\d{1,2}(?:\.\d{1,2})?(?:[A-Z](?![A-Z]))?)(?![\d.]\d)"
    # One heading for several items: "ITEMS 10, 11, 12 and 13." (American Express 10-K 2022, PDF).
    r"(?P<more>(?:[ \t]*(?:,|and|&|through|to|-|\u2013)[ \t]*\d{1,2}[A-Z]?\b)*)"
    # "Item 1. - Business" (Amcor 10-K 2023, PDF) puts two separators before the title.
    r"[ \t]*(?:[.:\-\u2013\u2014)][ \t]*){0,2}(?P<rest>[^\n]*)$",
    re.I | re.M,
)
# An item numbered without "Item", for the forms that write so: "12.  Calculation of registration fee:" (Form 24F-2);
# its empty groups are read as ITEM_HEADING's
BARE_ITEM_HEADING = re.compile(r"^[ \t]*(?P<number>\d{1,2})\.[ \t]+(?P<more>)(?P<part>)(?P<rest>[^\n]*)$", re.M)
PART_HEADING = re.compile(r"^[ \t]*PART[ \t]+(IV|I{1,3})\b[ \t]*[.:\-\u2013\u2014]?[^\n]{0,80}$", re.I | re.M)
# "SIGNATURE S": a PDF's letter-spaced heading (3M 10-K 2018).
SIGNATURE_HEADING = re.compile(r"^[ \t]*SIGNATURE[ \t]?S?[ \t]*:?[ \t]*$", re.I | re.M)
# The sentence that opens every signature block, for filings without a heading over it
# (Rock of Ages 8-K 2000 writes "Securities and Exchange Act"; Procter & Gamble 10-Q 2025, Premier
# Financial Bancorp 8-K 2021 have no heading at all).
SIGNATURE_SENTENCE = re.compile(
    r"^[ \t]*Pursuant\s+to\s+the\s+requirements\s+of\s+(?:Section\s+13\s+or\s+15\s*\(d\)\s+of\s+)?"
    r"the\s+Securities\s+(?:and\s+)?Exchange\s+Act\s+of\s+1934[\s\S]{0,80}?duly\s+caused",
    re.I | re.M,
)
# A table-of-contents line ends with its page number or runs dot leaders to it.
TOC_LINE_END = re.compile(r"(?:\.{4,}|\s)\s*(?:page\s*)?[0-9]{1,3}\s*$|\.{4,}", re.I)
PAGE_NUMBER_ONLY = re.compile(r"^\s*(?:page\s*)?\d{1,3}\s*$", re.I)
RESERVED = re.compile(r"\[?\s*reserved\s*\]?\.?", re.I)

# Headings whose content stands in another section: the gap to the next heading is tiny.
SHORT_SECTION_CHARS = 120
# Weight lost by a 10-Q heading read in the other part than the PART heading above it says;
# a table of contents' "PART II" line must not make the real Part I items Part II ones (Netflix 10-Q 2025).
OTHER_PART_PENALTY = 0.1

# Untagged exhibits after the signature of a plain-text filing (ImmunoGen 8-K of 2001-03-07):
# an "EXHIBIT 99.1" line, or a press release's all-capitals headline followed by its dateline.
EXHIBIT_LINE = re.compile(r"^[ \t]*EXHIBIT[ \t]+(?:NO\.?[ \t]*)?(\d{1,3}(?:\.\d{1,2})?)[ \t]*[.:]?[ \t]*$", re.I | re.M)
DATELINE = re.compile(
    r"/\s*PRNewswire|/\s*Business\s*Wire|GLOBE\s*NEWSWIRE|FOR IMMEDIATE RELEASE|"
    r"^[A-Z][A-Za-z .'-]{2,40},\s*[A-Z][A-Za-z.]*\.?,?\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{4})[^\n]{0,40}--",
    re.M,
)
HEADLINE_WINDOW_CHARS = 600
HEADLINE_MAX_CHARS = 200  # longer all-capitals lines are legends and disclaimers, not headlines
# The lines of a signature block: the sentences that open it, signatures, names with their titles, dates.
SIGNATURE_LINE = re.compile(
    r"/s/|\(signed\)|^\s*(?:by|name|title|date|dated)\s*:|\bsignatures?\b|pursuant to the requirements|"
    r"hereby certif|know all (?:persons|men)|attorneys?[- ]in[- ]fact|power of attorney|\bofficer\b|\bdirector\b|"
    r"\bpresident\b|\bchairman\b|\bsecretary\b|\btreasurer\b|\bcontroller\b|\bregistrant\b|\bcapacity\b",
    re.I)
SIGNED = re.compile(r"/s/|\(signed\)", re.I)
PARAGRAPH_CHARS = 300  # a line this long is a paragraph of prose, which no signature block holds
HEADING_LINES = 12  # heading lines looked at above that paragraph
UNNAMED_EXHIBIT = "EXHIBIT 1"  # a document pasted after the signature, of no number the report gives
TRAILING_MIN_CHARS = 1000  # less after a signature block is a page footer, not a document
_DATE_OR_PAGE = re.compile(r"[A-Z][a-z]+\.? \d{1,2}, \d{4}|\b(?:19|20)\d\d\b|\bF-\d+\b|\bpage \d+", re.I)
FINANCIAL_STATEMENTS = re.compile(r"financial statements|balance sheets?|statements? of (?:operations|income|cash)|"
                                  r"schedule [ivx]+\b", re.I)
# An entry of an exhibit list: "99.1 The Registrant's Press Release dated March 5, 2001."
EXHIBIT_LIST_ENTRY = re.compile(
    r"^[ \t]*(?:EX(?:HIBIT)?[-\s]*(?:NO\.?\s*)?)?(\d{1,3}\.\d{1,2}|\d{1,3})[ \t]+(?=[A-Z\"'(])", re.I | re.M
)


@dataclass(frozen=True)
class DocumentSpan:
    """One document of a filing (main form or exhibit) inside the extracted text."""

    type: str  # "8-K", "EX-99.1", "" when unknown
    description: str
    start: int
    end: int


@dataclass(frozen=True)
class _Heading:
    start: int  # offset of the heading line
    line_end: int
    number: str  # "5.02", "1A"
    part: str  # "Part I" ... for items numbered within parts (10-Q), "" otherwise
    rest: str
    also: tuple[str, ...] = ()  # further items under the same heading: ("11", "12", "13")
    penalty: float = 0.0


def detect_sections(text: str, documents: list[DocumentSpan], form: str) -> list[Section]:
    sections: list[Section] = []
    for index, document in enumerate(documents):
        if document.type.startswith("EX-"):
            sections.append(_exhibit_section(document))
        elif index == 0 or not document.type:
            sections.extend(_main_document_sections(text, document, form))
        else:
            sections.append(Section(document.type, document.description, document.start, document.end))
    return [s for s in sections if text[s.char_start:s.char_end].strip()]


def _exhibit_section(document: DocumentSpan) -> Section:
    name = forms.normalise_exhibit_type(document.type)
    description = document.description
    if not description or forms.normalise_exhibit_type(description) == name:
        description = forms.exhibit_title(name)
    return Section(name, description, document.start, document.end)


def _main_document_sections(text: str, document: DocumentSpan, form: str) -> list[Section]:
    schema = forms.schema_of(form)
    start, end = document.start, document.end
    headings = _item_headings(text, start, end, schema)
    legacy = schema.reads_legacy_numbering([h.number for h in headings])
    sections: list[Section] = []
    body_start = headings[0].start if headings else start

    signature = _signature_heading(text, headings[-1].line_end if headings else start, end)
    items_end = signature if signature is not None else end
    exhibits = _untagged_exhibits(text, signature, end, headings) if signature is not None else []

    prospectus = schema.prospectus_start.search(text, start, body_start) if schema.prospectus_start else None
    cover_end = prospectus.start() if prospectus else body_start
    if text[start:cover_end].strip():
        sections.append(Section(COVER, "Cover page", start, cover_end))
    if prospectus:
        sections.append(Section(PROSPECTUS, "Prospectus", cover_end, body_start))
    for i, heading in enumerate(headings):
        section_end = headings[i + 1].start if i + 1 < len(headings) else items_end
        sections.append(Section(_item_name(heading), _item_title(heading, schema, legacy),
                                heading.start, section_end))
    if not headings:
        sections.append(Section(BODY, document.description or form, start, items_end))
    if signature is not None and not exhibits and (trailing := _after_signature(text, signature, end)):
        listed = _listed_exhibit_numbers(text, headings, signature)
        if trailing[0] == UNNAMED_EXHIBIT and len(listed) == 1:  # the one exhibit the report lists (Apple, 1999)
            trailing = (forms.normalise_exhibit_type(listed[0]), *trailing[1:])
        exhibits = [trailing]
    if signature is not None:
        signature_end = exhibits[0][1] if exhibits else end
        sections.append(Section(SIGNATURE, "Signatures", signature, signature_end))
    for i, (name, exhibit_start, title) in enumerate(exhibits):
        exhibit_end = exhibits[i + 1][1] if i + 1 < len(exhibits) else end
        sections.append(Section(name, title, exhibit_start, exhibit_end))
    return sections


def _item_headings(text: str, start: int, end: int, schema: forms.FormSchema) -> list[_Heading]:
    """Item headings in document order, without table-of-contents lines and cross references."""
    part_headings = [(m.start(), _part_name(m.group(1))) for m in PART_HEADING.finditer(text, start, end)]
    candidates: list[_Heading] = []
    pattern = BARE_ITEM_HEADING if schema.bare_item_numbers else ITEM_HEADING
    for m in pattern.finditer(text, start, end):
        rest = m.group("rest").strip()
        # "Item 7 of this report ..." continues a sentence; a heading's title starts with a capital.
        if rest and not (rest[0].isupper() or rest[0] in "\"'(\u201c[\t"):
            continue
        # A "[Reserved]" item is followed by the page number of the page it ends (Amazon 10-K of 2025-02-07,
        # Item 6).
        reserved = RESERVED.fullmatch(rest) is not None
        if TOC_LINE_END.search(rest) or (not reserved and _next_line_is_page_number(text, m.end(), end)):
            continue
        number = m.group("number").upper()
        also = tuple(n.upper() for n in re.findall(r"\d{1,2}[A-Z]?", m.group("more")))
        for part, penalty in _part_readings(m, part_headings, schema):
            if schema.has_item(number, part):
                candidates.append(_Heading(m.start(), m.end(), number, part, rest, also, penalty))
    return _best_heading_sequence(candidates, schema, end)


def _part_readings(
    m: re.Match, part_headings: list[tuple[int, str]], schema: forms.FormSchema
) -> list[tuple[str, float]]:
    """(part, penalty) the heading may belong to: only items numbered within parts (10-Q) depend on it.

    A part written on the heading's line is sure; otherwise the PART heading above is preferred
    (the form's first part when none is above), and the other parts stay possible at a small penalty.
    """
    if not schema.parts:
        return [("", 0.0)]
    if m.group("part"):
        return [(_part_name(m.group("part")), 0.0)]
    above = _part_before(part_headings, m.start()) or schema.parts[0]
    return [(part, 0.0 if part == above else OTHER_PART_PENALTY) for part in schema.parts]


def _part_name(roman: str) -> str:
    return f"Part {roman.upper()}"


def _part_before(part_headings: list[tuple[int, str]], offset: int) -> str:
    current = ""
    for position, name in part_headings:
        if position > offset:
            break
        current = name
    return current


def _next_line_is_page_number(text: str, line_end: int, end: int) -> bool:
    next_end = text.find("\n", line_end + 1, end)
    following = text[line_end + 1: next_end if next_end > 0 else end]
    return PAGE_NUMBER_ONLY.match(following) is not None


def _best_heading_sequence(candidates: list[_Heading], schema: forms.FormSchema, end: int) -> list[_Heading]:
    """The heaviest run of headings in strictly increasing item order.

    A heading followed by content weighs 1; one followed at once by another heading weighs little,
    so a table of contents without page numbers loses to the real headings that repeat it,
    while an item that only says "None" or "incorporated by reference" is still kept.
    """
    if not candidates:
        return []
    weights = []
    for i, heading in enumerate(candidates):
        next_start = next((c.start for c in candidates[i + 1:] if c.start > heading.start), end)
        weight = 1.0 if next_start - heading.line_end > SHORT_SECTION_CHARS else 0.2
        weights.append(weight - heading.penalty)
    keys = [schema.item_sort_key(h.number, h.part) for h in candidates]
    best = list(weights)
    previous = [-1] * len(candidates)
    for i in range(len(candidates)):
        for j in range(i):
            # ">=" prefers the later of equal runs: real headings follow the table of contents.
            if (candidates[j].start < candidates[i].start and keys[j] < keys[i]
                    and best[j] + weights[i] >= best[i]):
                best[i], previous[i] = best[j] + weights[i], j
    i = max(range(len(candidates)), key=lambda k: (best[k], k))
    chosen = []
    while i >= 0:
        chosen.append(candidates[i])
        i = previous[i]
    return chosen[::-1]


def _item_name(heading: _Heading) -> str:
    return f"{heading.part} Item {heading.number}" if heading.part else f"Item {heading.number}"


def _item_title(heading: _Heading, schema: forms.FormSchema, legacy: bool) -> str:
    numbers = (heading.number, *heading.also)
    official = [schema.item_title(n, heading.part, legacy) for n in numbers]
    if all(official):
        return "; ".join(official)
    title = heading.rest.split("\t")[0].strip(" .:-")
    return title[:120]


def _signature_heading(text: str, start: int, end: int) -> int | None:
    m = SIGNATURE_HEADING.search(text, start, end) or SIGNATURE_SENTENCE.search(text, start, end)
    return m.start() if m else None


def _untagged_exhibits(text: str, start: int, end: int, headings: list[_Heading]) -> list[tuple[str, int, str]]:
    """(name, start, title) of exhibits pasted after the signature without <DOCUMENT> tags."""
    starts: list[tuple[int, str, str]] = []  # offset, number from an "EXHIBIT n" line or "", headline
    explicit = list(EXHIBIT_LINE.finditer(text, start, end))
    if explicit:
        starts = [(m.start(), m.group(1), "") for m in explicit]
    else:
        for m in DATELINE.finditer(text, start, end):
            headline = _headline_before(text, start, m.start())
            if headline is not None and (not starts or headline[0] > starts[-1][0]):
                starts.append((headline[0], "", headline[1]))
    if not starts:
        return []
    listed = _listed_exhibit_numbers(text, headings, start)
    exhibits = []
    for i, (offset, number, headline) in enumerate(starts):
        if not number:
            number = listed[i] if i < len(listed) else ""
        name = forms.normalise_exhibit_type(number) if number else f"EXHIBIT {i + 1}"
        exhibits.append((name, offset, headline or forms.exhibit_title(name)))
    return exhibits


def _after_signature(text: str, start: int, end: int) -> tuple[str, int, str] | None:
    """(name, start, title) of what a filing pastes after its signature block without a tag: a press release
    (Philips 6-K of 2023-01-30), the financial statements (Commonwealth Income & Growth Fund V 10-K of 2016,
    Loncor 20-F of 2016) or a schedule (Medicis 10-K of 1999). It begins at the first paragraph or row of
    figures that no signature line explains, with the short heading lines just above it."""
    lines, offset = [], start
    for line in text[start:end].split("\n"):
        lines.append((offset, line.strip()))
        offset += len(line) + 1
    first = next((i for i, (_, line) in enumerate(lines) if not SIGNATURE_LINE.search(line) and (
        len(line) >= PARAGRAPH_CHARS or ("\t" in line and _holds_figure(line)) or _opens_wrapped_paragraph(lines, i))),
        None)
    if first is None:
        return None
    # the heading lines above it, up to a line of the signature block, the name printed under a signature or the
    # number of the page before
    for _ in range(HEADING_LINES):
        above = lines[first - 1][1] if first > 0 else ""
        if (first < 2 or len(above) > HEADLINE_MAX_CHARS or SIGNATURE_LINE.search(above)
                or SIGNED.search(lines[first - 2][1]) or PAGE_NUMBER_ONLY.match(above)):
            break
        first -= 1
    begin = lines[first][0]
    if end - begin < TRAILING_MIN_CHARS or not text[start:begin].strip():
        return None
    shown = [line for _, line in lines[first:first + HEADING_LINES] if re.search(r"[A-Za-z]", line)]
    title = next((line for line in shown if sum(word.isalpha() for word in line.split()) >= 3),
                 shown[0] if shown else "").split("\t")[0][:120]
    # its kind, read around its start: a heading such as "Balance Sheets" may sit just above it
    name = "FINANCIAL STATEMENTS" if FINANCIAL_STATEMENTS.search(text[max(start, begin - 200):begin + 600]) \
        else UNNAMED_EXHIBIT
    return name, begin, title


def _opens_wrapped_paragraph(lines: list[tuple[int, str]], i: int) -> bool:
    """Whether line i opens a paragraph of prose that fixed-width text wraps onto lines of its own (Apple's 8-K of
    1999-09-07 pastes its press release after the signature in lines of 76 characters): no signature line among
    its lines, and as long as a paragraph."""
    if i and lines[i - 1][1] or not lines[i][1]:
        return False
    paragraph = list(itertools.takewhile(bool, (line for _, line in lines[i:])))
    return (len(paragraph) > 1 and sum(map(len, paragraph)) >= PARAGRAPH_CHARS
            and not any(SIGNATURE_LINE.search(line) for line in paragraph))


def _holds_figure(row: str) -> bool:
    """A cell with a figure beyond a date or a page number ("F-2") in a tab-separated row."""
    return any(re.search(r"\d", _DATE_OR_PAGE.sub("", cell)) for cell in row.split("\t")[1:])


def _headline_before(text: str, floor: int, dateline: int) -> tuple[int, str] | None:
    """The all-capitals headline nearest above a press release's dateline, with the lines it wraps onto.

    Searching upwards matters: the previous release may end in an all-capitals disclaimer
    (ImmunoGen 8-K of 2001-03-07, end of EX-99.1).
    """
    window_start = max(floor, text.rfind("\n", floor, max(floor, dateline - HEADLINE_WINDOW_CHARS)) + 1)
    lines = text[window_start:dateline].split("\n")
    starts = [window_start]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    nearest = next((i for i in range(len(lines) - 1, -1, -1) if _is_headline(lines[i])), None)
    if nearest is None:
        return None
    first = nearest
    while first > 0 and _is_headline(lines[first - 1]):
        first -= 1
    return starts[first], " ".join(line.strip() for line in lines[first:nearest + 1])


def _is_headline(line: str) -> bool:
    letters = sum(c.isalpha() for c in line)
    return letters >= 12 and line.upper() == line and 3 <= len(line.split()) and len(line) <= HEADLINE_MAX_CHARS


def _listed_exhibit_numbers(text: str, headings: list[_Heading], limit: int) -> list[str]:
    """Exhibit numbers of the exhibit list in the item that files exhibits (8-K Item 7 or 9.01 ...)."""
    numbers = []
    for i, heading in enumerate(headings):
        heading_end = headings[i + 1].start if i + 1 < len(headings) else limit
        body = text[heading.line_end:heading_end]
        if "xhibit" not in body and "XHIBIT" not in body:
            continue
        for m in EXHIBIT_LIST_ENTRY.finditer(body):
            if m.group(1) not in numbers and not re.fullmatch(r"\d{4}", m.group(1)):
                numbers.append(m.group(1))
    return numbers
