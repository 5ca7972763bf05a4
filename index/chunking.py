"""Chunks sized for the embedding model, never crossing a section, split at sentence ends.

Every chunk is an exact slice of the filing's extracted text, so its offsets trace it back.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import blingfire

from index.lexicon import AMOUNT_SCALE, MONTH_WORD, PERIOD_LABEL, YEAR_IN_TEXT
from index.models import Chunk, Filing, chunk_id_of

SPECIAL_TOKENS = 2  # [CLS] and [SEP] around every input
OVERLAP_TOKENS = 32  # the tail of the previous chunk that opens the next one
BLANK_LINE = re.compile(r"\n[ \t]*\n")
FULL_STOP = re.compile(r"[.!?][\"\u201d')]*\s*$")  # a sentence's end, not a heading's or a label's
HEADING_WIDTH = 0.6  # a line shorter than this share of its block's widest line may be a heading
# a line opening with a list's bullet (3M's "·", Best Buy's private-use "\uf0b7" from a Symbol font)
BULLET_ITEM = re.compile(r"\n(?=[ \t]*[\u2022\u00b7\u25e6\u25aa\u25cf\u25a0\u2023\u2043\uf0b7\uf0a7][ \t\u00a0\u200a])")
_TITLE_ONLY = re.compile(r"\s*(?:Mr|Mrs|Ms|Dr|Messrs|Prof|No)\.\s*")  # a "sentence" blingfire ends at a title

# A table's caption and header rows are embedded with every chunk cut from below them, within this many tokens
# (a caption and two or three header rows of periods and units).
MAX_TABLE_HEADER_TOKENS = 64
CAPTION_CHARS = 200  # a longer line above a table is a paragraph, not its caption
# but a sentence right above it that introduces it with a colon is its caption up to this length: Foot Locker's
# 8-K of May 2022, a PDF, "With respect to the proposal to ratify the appointment of KPMG LLP ..., the votes were
# cast for the proposal as set forth below:" (210 characters) over "Votes For Votes Against Abstentions"
INTRODUCING_CHARS = 400
MAX_CAPTION_LINES = 4  # a statement's title, its company, its periods and its unit
# Label lines that may stand between two rows of one table: a balance sheet's "Assets" and "Current assets" above
# its first row (Best Buy's 2023 10-K), and "Commitments and contingencies (Note 16)", "Equity", "3M Company
# shareholders' equity:" between its liabilities and its equity (3M's 2018 10-K)
MAX_LABEL_LINES = 3
# "June 28, 2025", "Sept. 30": a date in a header cell, which is no amount
_DATE_IN_CELL = re.compile(rf"\b{MONTH_WORD}\s*\d{{1,2}}\b", re.I)

# "3 Months Ended December", "13 Weeks Ended": a period's length in a header cell, which is no amount either
# (Southern Company's financial overview, EX-99.06 of January 2007, over its "2006 2005 % Change" row)
_PERIOD_LENGTH = re.compile(r"\b\d{1,2}[\s-]+(?:weeks?|months?)\s+(?:ended|ending)\b", re.I)

# a line under a table's header rows that still belongs to them: its unit ("(Dollars in millions)") or the second
# line of a cell ("% / Change")
_HEADER_LINE = re.compile(rf"^\(.*\)$|\b(?:{AMOUNT_SCALE}|change|unaudited)\b", re.I)

TokenCounter = Callable[[Sequence[str]], list[int]]
# Character offsets of each token of a text: used to cut a unit longer than a whole chunk.
TokenOffsets = Callable[[str], list[tuple[int, int]]]


@dataclass(frozen=True)
class _Unit:
    """A sentence or a table row: the smallest piece a chunk is built of."""

    start: int
    end: int
    tokens: int
    table_row: bool
    # a table row below its table's header: the caption and header rows above it (offsets) and their tokens
    table_header: tuple[int, int] | None = None
    table_header_tokens: int = 0
    group_start: int | None = None  # a table row: where the label line naming its group of rows starts


def chunk_filing(
    filing: Filing,
    count_tokens: TokenCounter,
    token_offsets: TokenOffsets,
    max_tokens: int = 256,
    overlap_tokens: int = OVERLAP_TOKENS,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    filing_ref = filing.ref
    for section in filing.sections:
        header = filing_ref.label(section.name)
        budget = max_tokens - SPECIAL_TOKENS - count_tokens([header])[0] - 1
        units = _units(filing.text, section.char_start, section.char_end, count_tokens, token_offsets, budget)
        for start, end, tokens, table_header in _pack(units, budget, overlap_tokens):
            header_start, header_end = table_header or (-1, -1)
            chunks.append(Chunk(chunk_id_of(filing_ref.filing_id, len(chunks)), filing_ref, filing.text[start:end],
                                section.name, section.title, start, end, filing.page_of(start), tokens,
                                filing.text[header_start:header_end] if table_header else "", header_start))
    return chunks


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(start, end, is_table_row) of the sentences and table rows of text[start:end], in order."""
    spans: list[tuple[int, int, bool]] = []
    for run_start, run_end, is_table_row in _runs(text, start, end):
        if is_table_row:
            spans.append((run_start, run_end, True))
            continue
        # Line breaks inside a paragraph of fixed-width text are layout, not sentence ends;
        # replacing them keeps the offsets. A line opening with a bullet opens a sentence: blingfire joins a
        # list's items ending in ";" or none into one sentence of the whole list.
        run = text[run_start:run_end].replace("\n", " ")
        item_starts = [0, *(item.start() + 1 - run_start for item in BULLET_ITEM.finditer(text, run_start, run_end)),
                       len(run)]
        offsets = [(item_start + a, item_start + b) for item_start, item_end in zip(item_starts, item_starts[1:])
                   for a, b in _sentence_offsets(run[item_start:item_end])]
        sentences: list[tuple[int, int, bool]] = []
        for a, b in offsets:
            if not run[a:b].strip():
                continue
            if sentences and _TITLE_ONLY.fullmatch(run[sentences[-1][0] - run_start:sentences[-1][1] - run_start]):
                sentences[-1] = (sentences[-1][0], run_start + b, False)  # "Dr." opens the next sentence
            else:
                sentences.append((run_start + a, run_start + b, False))
        spans.extend(sentences)
    return spans


def _sentence_offsets(run: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence blingfire finds in the run. Its sentences are found in the run in order: the
    offsets blingfire gives itself are mapped from UTF-8 bytes byte by byte in Python, four times the time of
    finding them (a fifth of a whole-corpus ingest's reading and chunking); they are asked for only when a
    sentence is not the run's text as it stands."""
    offsets, cursor = [], 0
    for sentence in blingfire.text_to_sentences(run).split("\n"):
        start = run.find(sentence, cursor)
        if start < 0:
            return blingfire.text_to_sentences_and_offsets(run)[1]
        offsets.append((start, start + len(sentence)))
        cursor = start + len(sentence)
    return offsets


def _units(text: str, start: int, end: int, count_tokens: TokenCounter, token_offsets: TokenOffsets,
           budget: int) -> list[_Unit]:
    spans = sentence_spans(text, start, end)
    counts = count_tokens([text[a:b] for a, b, _ in spans]) if spans else []
    headers = _table_headers(text, spans, counts)
    groups = row_groups(text, spans)
    units: list[_Unit] = []
    for (a, b, row), tokens, (header, header_tokens), group in zip(spans, counts, headers, groups):
        if tokens + header_tokens <= budget:
            units.append(_Unit(a, b, tokens, row, header, header_tokens, group[0] if group else None))
        else:
            units.extend(_split_long(text, a, b, row, token_offsets, budget))
    return units


def table_headers(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int] | None]:
    """For each of the spans (as sentence_spans gives them), the span of its table's caption and header rows when it
    is a table row below header rows in `text`, else None. A row of the table `text` opens with, cut from below
    its header, has none here (its chunk's table_header holds it). Tokens are estimated as words and punctuation
    marks (the tokenizer splits rare words further, so a header is trimmed a little later than at ingestion; it
    only decides how much of a header an answer quotes)."""
    counts = [len(_WORDS_AND_MARKS.findall(text[a:b])) for a, b, _ in spans]
    # a caption with no header rows ("Operating expenses:" above the rows) names no column; one with the columns'
    # years on a line of their own does (J&J's recast sales of 2023-08-30, a PDF: "2022 2021 Total Operations
    # Currency" under "THIRD QUARTER")
    return [header if header and ("\t" in text[header[0]:header[1]] or _names_years(text[header[0]:header[1]]))
            else None
            for header, _ in _table_headers(text, spans, counts)]


def row_groups(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int] | None]:
    """For each of the spans that is a table row, the span of the label line above it that names its group of rows,
    else None: "Net sales by reportable segment:" over "Greater China 20,819 23,905" (Apple's release of 2024-02-01),
    "Revenue:" over "Subscription revenue", "Year Ended Jan 29, 2023" over a segment's "Revenue" (NVIDIA's 2024
    10-K). It is the nearest label line up the row's run of rows, unless a "Total" row above closes the group
    first, or a row of figures without a label, the group's total as old statements set it (Apple's 10-Q of
    February 1998: "404 437" under "Inventories:", its parts, and over "Deferred tax assets")."""
    groups: list[tuple[int, int] | None] = []
    for k, (_, _, is_row) in enumerate(spans):
        group, above = None, k - 1
        while is_row and above >= 0 and _next_to(text, spans, above):
            line = text[spans[above][0]:spans[above][1]]
            if not spans[above][2]:
                group = spans[above][:2] if is_label(line) else None
                break
            if _TOTAL_ROW.match(line) or _FIGURES_ONLY.fullmatch(line) and above and spans[above - 1][2]:
                break  # (a row of figures under a label line of its own is a PDF's row, its label above it)
            above -= 1
        groups.append(group)
    return groups


def opens_with_table(text: str, spans: list[tuple[int, int, bool]]) -> int:
    """How many of the first spans are rows of a table `text` was cut from inside (with the short label lines
    between them, as many as a table holds: "Operating expenses:", or "Investing activities" over a label's
    first line in Best Buy's 2023 10-K, a PDF); 0 when it opens with a paragraph."""
    opening = 0
    while opening < len(spans):
        following = opening
        while (following < len(spans) and following - opening < MAX_LABEL_LINES and not spans[following][2]
               and spans[following][1] - spans[following][0] <= CAPTION_CHARS):
            following += 1
        if following == len(spans) or not spans[following][2]:
            break
        opening = following + 1
    return opening if any(row for *_, row in spans[:opening]) else 0


_WORDS_AND_MARKS = re.compile(r"\w+|[^\w\s]")
# a numbered item or note set in cells, its number and one sentence: prose, not a table's row (Apple's 8-K of
# March 2019 numbers its proposals "2.<tab>A management proposal to ratify ... was approved." above each vote table,
# and the first "1.<tab>The individuals listed below were elected ... and qualified:" above the table's header row)
_LIST_ITEM = re.compile(r"[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])[ \t]*\t[ \t]*"
                        r"(?:[^\t]+[.!?][\"\u201d')]*|[^\t]{40,}:)\s*")
# what a PDF's pages repeat at their top or bottom, which captions nothing
_RUNNING_HEAD = re.compile(r"\s*(?:table of contents|page \d+(?: of \d+)?|\d+)\s*", re.I)
_TOTAL_ROW = re.compile(r"\s*total\b", re.I)
_FIGURES_ONLY = re.compile(r"[\s$€£(),.%—–-]*\d[\d\s$€£(),.%—–-]*")
# "Program (1)", "Salary ($)(2)" (Cabot's proxy of January 2024); not a cell "(1)", a negative one; or a
# superscript mark the text glued to its word ("2023 Base Salary2" over Nordstrom's 8-K of March 2023)
_WORD_FOOTNOTE = re.compile(r"(?<=[A-Za-z)])\s*\(\d{1,2}\)|(?<=[a-z])\d\b")
# a form's item, part or note numbered in a heading's cell ("ITEM 2.<tab>PROPERTIES" over Wells Fargo's 2024 10-K
# table of the space it occupies), which is no amount
_HEADING_NUMBER = re.compile(r"^\s*(?:item|part|note)\s+(?:\d{1,2}[A-C]?|[IVX]{1,4})\b\.?", re.I)


def _table_headers(text: str, spans: list[tuple[int, int, bool]], counts: list[int]
                   ) -> list[tuple[tuple[int, int] | None, int]]:
    """For each span, when it is a table row below its table's header: the span of the caption line and header
    rows above it, and their tokens; else (None, 0).

    A table is a run of rows on consecutive lines (with the short label lines between them). Its header rows
    are its first rows that hold no amount (only labels, periods and dates: "Three Months Ended",
    "June 28, 2025", "2024"); its caption is the short line just above it ("Net sales by region (in
    millions):"). Only the lines nearest the rows are kept when all of them would take more than
    MAX_TABLE_HEADER_TOKENS.
    """
    found: list[tuple[tuple[int, int] | None, int]] = [(None, 0)] * len(spans)
    i = 0
    while i < len(spans):
        if not spans[i][2]:
            i += 1
            continue
        last = i  # the table: spans i..last, rows and the label lines between them ("Hedged assets:")
        has_amounts = _holds_amount(text[spans[i][0]:spans[i][1]])
        while last + 1 < len(spans) and _next_to(text, spans, last):
            # the next row, past short label lines
            step = 1
            while (not spans[last + step][2] and step <= MAX_LABEL_LINES and last + step + 1 < len(spans)
                   and is_label(text[spans[last + step][0]:spans[last + step][1]])
                   and _next_to(text, spans, last + step)):
                step += 1
            if not spans[last + step][2]:
                break
            row = text[spans[last + step][0]:spans[last + step][1]]
            if has_amounts and (_names_periods(row) or step > 1 and (not _holds_amount(row) or any(
                    _names_years(text[slice(*spans[k][:2])]) for k in range(last + 1, last + step)))):
                # a new table's header row right below this table, or below the caption lines above it (Apple's
                # release of July 2004: "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "(In millions
                # ...)" and "THREE MONTHS ENDED / NINE MONTHS ENDED" under its balance sheet), or a line of years
                # between them, a header row that a PDF's text gives without its cells (J&J's recast sales of
                # 2023-08-30: "THIRD QUARTER", "Percent Change", "2022 2021 Total Operations Currency")
                break
            has_amounts = has_amounts or _holds_amount(row)
            last += step
        body = i
        while body <= last and not _holds_amount(text[spans[body][0]:spans[body][1]]):
            body += 1
        above = list(range(i, body))  # header rows
        # label lines below the last of them name the first rows' group ("Revenue:", "Current assets"), not every
        # row's column: they are not the header, but a unit or a header cell's second line is
        while above and not spans[above[-1]][2] and not _HEADER_LINE.search(text[slice(*spans[above[-1]][:2])]):
            body = above.pop()  # a chunk opening at such a label line still carries the header (Adobe's 2022 10-K)
        # the caption: the short lines just above, a statement's title, its company, its periods and its unit
        # over a page's header row ("Consolidated Statement of Cash Flows (continued)", "PepsiCo, Inc. and
        # Subsidiaries", "Fiscal years ended December 31, 2022, ...", "(in millions)" in PepsiCo's 2022 10-K)
        # (the line right above may be a sentence that heads the table: "The stockholders approved ...")
        caption = i
        while (caption - 1 >= 0 and i - caption < MAX_CAPTION_LINES and not spans[caption - 1][2]
               and _captions(text[slice(*spans[caption - 1][:2])], caption == i) and _next_to(text, spans, caption - 1)
               and not _RUNNING_HEAD.fullmatch(text[slice(*spans[caption - 1][:2])])
               and (caption == i or all(is_label(text[slice(*spans[k][:2])]) for k in (caption - 1, caption)))):
            caption -= 1
        above[:0] = range(caption, i)
        # (but the header row right above the rows, up to twice as long, names their columns: a proxy's Summary
        # Compensation Table writes each column's name in full, "Change in Pension Value and Nonqualified ...")
        while above and sum(counts[k] for k in above) > MAX_TABLE_HEADER_TOKENS and not (
                len(above) == 1 and counts[above[0]] <= 2 * MAX_TABLE_HEADER_TOKENS and spans[above[0]][2]):
            above.pop(0)
        if above and body <= last:
            header = ((spans[above[0]][0], spans[above[-1]][1]), sum(counts[k] for k in above))
            found[body:last + 1] = [header] * (last + 1 - body)
        for k in range(i, body):
            # a chunk that opens at a header row carries the caption and the header rows above it, which the chunk
            # before holds (Meta's 2024 10-K: a chunk opening at "(in millions, except percentages)" under its
            # segment table's "2024 2023 2022")
            before = [t for t in above if t < k]
            if before:
                found[k] = ((spans[before[0]][0], spans[before[-1]][1]), sum(counts[t] for t in before))
        i = last + 1
    return found


def _captions(line: str, right_above: bool) -> bool:
    """Whether a line above a table's header may be its caption: a short one, or the sentence right above that
    introduces it ("... as set forth below:")."""
    return len(line) <= CAPTION_CHARS or right_above and len(line) <= INTRODUCING_CHARS and line.rstrip().endswith(":")


def is_label(line: str) -> bool:
    """A short line that names a group of rows ("Current liabilities", "Equity:"), not a sentence: a sentence
    between two tables ends the first (the vote counts of 1-800-FLOWERS.COM's 8-K of December 2023 stand under one
    sentence each)."""
    return len(line) <= CAPTION_CHARS and FULL_STOP.search(line) is None


def _next_to(text: str, spans: list[tuple[int, int, bool]], k: int) -> bool:
    """Whether span k + 1 starts on the line after span k ends."""
    return not text[spans[k][1]:spans[k + 1][0]].strip() and text.count("\n", spans[k][1], spans[k + 1][0]) <= 1


def _names_periods(row: str) -> bool:
    """A header row of periods: two cells or more that are years or dates ("Three Months Ended December 31,",
    "2022", "2021", "%"), and no amount. Below a table's figures it opens another table (MGM's fourth-quarter 2022
    release, EX-99.1 of 2023-02-08, puts its hotel statistics right under its casino statistics)."""
    cells = row.split("\t")
    return not _holds_amount(row) and sum(
        1 for cell in cells if YEAR_IN_TEXT.search(cell) or _DATE_IN_CELL.search(cell)) >= 2


def _names_years(line: str) -> bool:
    """Whether a line names two years or more: a table's columns, though a PDF's text may give it without cells."""
    return len(YEAR_IN_TEXT.findall(line)) >= 2


def _holds_amount(row: str) -> bool:
    """A cell with a figure that is not a year, a date, a period's label ("Q1 2011" over the segments of Apple's
    summary data, EX-99.2 of 2011-01-18) or a footnote's mark after a word ("... Under the Program (1)" over IBM's
    2024 repurchases) or a heading's item number ("ITEM 2."): a row of values, not of headers."""
    return any(any(c.isdigit() for c in PERIOD_LABEL.sub("", YEAR_IN_TEXT.sub("", _DATE_IN_CELL.sub(
        "", _PERIOD_LENGTH.sub("", _WORD_FOOTNOTE.sub("", _HEADING_NUMBER.sub("", cell)))))))
               for cell in row.split("\t"))


def _runs(text: str, start: int, end: int):
    """(start, end, is_table_row) of paragraph runs and table rows (tab-separated cells, but for a numbered item's
    number and its sentence) in text[start:end].

    A run ends at a blank line, before a table row, and after a heading line.
    """
    block_start = start
    for blank in [*BLANK_LINE.finditer(text, start, end), None]:
        block_end = blank.start() if blank else end
        run_start = None
        offset = block_start
        lines = text[block_start:block_end].split("\n")
        width = max(len(line.strip()) for line in lines)
        for line, next_line in zip(lines, [*lines[1:], ""]):
            line_end = offset + len(line)
            if line.strip() and "\t" in line.strip(" \t") and not _LIST_ITEM.fullmatch(line):
                if run_start is not None:
                    yield run_start, offset - 1, False
                    run_start = None
                yield offset, line_end, True
            elif line.strip():
                run_start = offset if run_start is None else run_start
                if _is_heading(line.strip(), next_line.strip(), width):
                    yield run_start, line_end, False
                    run_start = None
            offset = line_end + 1
        if run_start is not None:
            yield run_start, block_end, False
        block_start = blank.end() if blank else end


def _is_heading(line: str, next_line: str, width: int) -> bool:
    """A short line without closing punctuation followed by a capitalised one: a headline or a one-line block
    of HTML text ("Apple Reports Third Quarter Results" above "CUPERTINO, California--July 14, 2004--").
    Lines of a wrapped paragraph in fixed-width text are about as long as the widest line, so stay joined."""
    return (bool(next_line) and len(line) < HEADING_WIDTH * width and line[-1] not in ",;:(&-"
            and (next_line[0].isupper() or next_line[0].isdigit() or next_line[0] in "\"\u201c(\u2022"))


def _split_long(text: str, start: int, end: int, table_row: bool, token_offsets: TokenOffsets,
                budget: int) -> list[_Unit]:
    """Cut a unit longer than a chunk at token boundaries, budget tokens at a time."""
    offsets = token_offsets(text[start:end])
    pieces = []
    for first in range(0, len(offsets), budget):
        window = offsets[first:first + budget]
        piece_start = start + window[0][0] if first else start
        piece_end = start + offsets[first + budget][0] if first + budget < len(offsets) else end
        pieces.append(_Unit(piece_start, piece_end, len(window), table_row))
    return pieces


def _pack(units: list[_Unit], budget: int, overlap_tokens: int
          ) -> list[tuple[int, int, int, tuple[int, int] | None]]:
    """(start, end, tokens, table header) of chunks: units in order, each chunk within budget (less its table
    header's tokens when it opens below a table's header), a small overlap."""
    chunks: list[tuple[int, int, int, tuple[int, int] | None]] = []
    current: list[_Unit] = []

    def room(first: _Unit) -> int:
        return budget - first.table_header_tokens

    for unit in units:
        if current and sum(u.tokens for u in current) + unit.tokens > room(current[0]):
            carried = _overlap(current, overlap_tokens)
            # A table keeps its caption: the caption lines that would end a chunk open the next (all of them that
            # are its header's: J&J's recast sales, a PDF, put "SECOND QUARTER" three lines above the label line
            # over its rows), when they fit there with the row
            if unit.table_row and not current[-1].table_row and len(current) > 1:
                first = len(current) - 1
                while (first > 1 and not current[first - 1].table_row and unit.table_header
                       and current[first - 1].start >= unit.table_header[0]):
                    first -= 1
                if sum(u.tokens for u in current[first:]) + unit.tokens <= room(current[first]):
                    carried, current = current[first:], current[:first]
            else:
                carried = _from_group_label(current, carried, unit, room)
            chunks.append(_span(current))
            fits = carried and sum(u.tokens for u in carried) + unit.tokens <= room(carried[0])
            current = carried if fits else []
        current.append(unit)
    if current:
        chunks.append(_span(current))
    return chunks


def _overlap(units: list[_Unit], overlap_tokens: int) -> list[_Unit]:
    carried: list[_Unit] = []
    for unit in reversed(units[1:]):
        if sum(u.tokens for u in carried) + unit.tokens > overlap_tokens:
            break
        carried.insert(0, unit)
    # a caption line opening the next chunk would part the rows below it from the rest of their caption, which
    # they carry as their table's header when the chunk opens at them
    while carried and carried[0].table_header is None and any(
            u.table_header and u.table_header[0] <= carried[0].start < u.table_header[1] for u in carried[1:]):
        carried.pop(0)
    return carried


def _from_group_label(current: list[_Unit], carried: list[_Unit], unit: _Unit, room: Callable[[_Unit], int]
                      ) -> list[_Unit]:
    """The units carried into the next chunk, from the label line naming the group of rows it opens in when that
    fits (within half a chunk): the next chunk's rows of Georgia Power's figures keep their "Georgia Power -" above
    them (Southern Company's financial overview, EX-99.06 of January 2007, one group of rows per subsidiary)."""
    if not unit.table_row or unit.group_start is None:
        return carried  # the table ends with this chunk, or its next rows have no label line
    # the overlap is the end of the chunk: the label is looked for before it
    label = next((k for k, u in enumerate(current[:len(current) - len(carried)]) if u.start == unit.group_start), None)
    if label is None:
        return carried
    extended = current[label:]
    if extended[0].table_header != (carried or [unit])[0].table_header:
        return carried  # a label line among the table's caption lines (J&J's recast sales, a PDF) has no header
    tokens = sum(u.tokens for u in extended)
    return extended if tokens <= room(extended[0]) // 2 and tokens + unit.tokens <= room(extended[0]) else carried


def _span(units: list[_Unit]) -> tuple[int, int, int, tuple[int, int] | None]:
    return units[0].start, units[-1].end, sum(u.tokens for u in units), units[0].table_header
