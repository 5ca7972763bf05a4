"""Domain types of the index: what a filing is, where its sections lie, what a chunk carries."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Section:
    """A span of a filing's extracted text: an Item, an exhibit, the cover or the signature block."""

    name: str  # "Item 5.02", "Part I Item 2", "EX-99.1", "SIGNATURE", "COVER"
    title: str  # "Departure of Directors or Certain Officers; ...", "" when unknown
    char_start: int
    char_end: int
    pages: tuple[int, ...] = ()  # 1-based PDF pages the section covers; empty for non-PDF filings


@dataclass(frozen=True)
class FilingMetadata:
    """What a filing says about itself (SEC header, inline-XBRL facts, cover page, signature)."""

    company: str = ""
    cik: str = ""
    form: str = ""
    filing_date: str = ""  # ISO date
    period: str = ""  # ISO date: period of report, fiscal year or quarter end, or date of the event
    accession: str = ""


LABEL_SEPARATOR = " \u00b7 "
ACCESSION = re.compile(r"\d{10}-\d{2}-\d{6}")  # EDGAR's accession number: filer agent, year, sequence


@dataclass(frozen=True)
class FilingRef(FilingMetadata):
    """A filing's identity and where it was read from: what chunks, registry rows and citations hold."""

    filing_id: str = ""
    source: str = ""  # the file it was read from

    def label(self, *details: str) -> str:
        """"ImmunoGen, Inc. · 8-K · 2001-03-07", then any details given (a section's name, its title)."""
        parts = [self.company or "Unknown company", self.form or "filing", self.filing_date or self.period, *details]
        return LABEL_SEPARATOR.join(p for p in parts if p)

    def to_json(self) -> dict:
        return asdict(self)

    def edgar_index_url(self) -> str:
        """The filing's index page on EDGAR, where its documents are listed; "" without a CIK and accession."""
        if not (self.cik.isdigit() and ACCESSION.fullmatch(self.accession)):
            return ""
        return (f"https://www.sec.gov/Archives/edgar/data/{int(self.cik)}/{self.accession.replace('-', '')}/"
                f"{self.accession}-index.htm")


@dataclass
class Filing:
    """One filing read from disk: its extracted text, metadata and sections in document order."""

    source: str
    text: str
    metadata: FilingMetadata
    sections: list[Section]
    content_hash: str  # sha256 of the file's bytes
    page_starts: list[int] = field(default_factory=list)  # char offset where each PDF page begins
    warnings: list[str] = field(default_factory=list)  # what is wrong with the file, though it could be read

    @property
    def filing_id(self) -> str:
        return self.metadata.accession or f"sha256-{self.content_hash[:20]}"

    @property
    def ref(self) -> FilingRef:
        return FilingRef(**asdict(self.metadata), filing_id=self.filing_id, source=self.source)

    def page_of(self, offset: int) -> int | None:
        """1-based page holding the character at `offset`, or None for a filing without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect_right(self.page_starts, offset))

    def to_summary(self) -> dict:
        """The `filings-qa parse --json` record."""
        return {
            "source": self.source,
            **asdict(self.metadata),
            "warnings": self.warnings,
            "sections": [
                {
                    "name": s.name,
                    "title": s.title,
                    "char_start": s.char_start,
                    "char_end": s.char_end,
                    "pages": list(s.pages),
                }
                for s in self.sections
            ],
        }


@dataclass(frozen=True)
class Chunk:
    """An embeddable piece of one section, traceable to its characters in the filing's text."""

    chunk_id: str
    filing: FilingRef
    text: str  # exact slice text[char_start:char_end] of the filing's extracted text
    section: str
    section_title: str
    char_start: int
    char_end: int
    page: int | None = None
    n_tokens: int = 0
    # For a chunk cut from a table below its header: the table's caption and column headers ("Net sales by
    # region (in millions)", "Three Months Ended June 28, 2025 ..."), an exact slice of the filing's text from
    # offset table_header_start, which the chunk's own text does not hold. Embedded and indexed with the text,
    # and quoted beside a row that answers.
    table_header: str = ""
    table_header_start: int = -1

    @property
    def header(self) -> str:
        """"ImmunoGen, Inc. · 8-K · 2001-03-07 · EX-99.1": embedded and indexed with the text, never quoted."""
        return self.filing.label(self.section)

    @property
    def embedding_text(self) -> str:
        table = f"{' '.join(self.table_header.split())}\n" if self.table_header else ""
        return f"{self.header}\n{table}{' '.join(self.text.split())}"


PENDING, COMPLETE = "pending", "complete"
# The version of reading and chunking that made a filing's text and chunks: raised whenever they change what a
# filing's text or chunks hold, so that `ingest` reads again a file an earlier version indexed, as it does a
# changed file. 1: PDF date cells on one header row, tables under tables with their own header; 2: a table's
# header also kept by rows below its label lines (up to three between rows), and a sentence, or a row of headings
# below label lines, opening another table; 3: a table's caption of up to four short lines (a statement's title,
# company, periods and unit), carried by a chunk that opens at the table's header rows; a stand-alone exhibit dated
# by its head whether or not its letterhead names the company; 4: a line naming two years or more between two
# tables' rows (a PDF's header row without cells) opens the second table; 5: a chunk that opens at a table's second
# header line or below carries the header rows above it, not only the caption; 6: a header cell naming a quarter
# or half ("Q1 2011", "4Q22") holds no amount; the SGML tables of a fixed-width text that looks like markup are
# read as tables; 7: a fixed-width text whose only tags are SGML's layout tags is text, not HTML, however short;
# 8: a header cell giving a period's length ("3 Months Ended December") holds no amount, and a chunk opening inside
# a group of rows opens at the group's label line when it fits; 9: a chunk opening at a table keeps all its caption
# lines, and an overlap does not open at a caption line above rows that carry it as their header; 10: a fixed-width
# text's table lines outside SGML table tags (a label, then figures) are rows; 11: a footnote's mark after a header
# cell's words ("Under the Program (1)") is no amount, so that the row is a header; 12: a PDF word's last letter
# that kerning parts from it is joined again ("Balance Shee t"); 13: a numbered item set in cells is prose, not a
# row, and a PDF line of a label and one amount is a row; 14: a PDF line of words alone over a row of as many figures
# is its header row; 15: a long sentence right above a table that introduces it with a colon is its caption, and a
# footnote mark glued to a header cell's word ("Base Salary2") is no amount; 16: an HTML table cell is short by
# the text a reader sees, not its markup's indentation, so that a header cell of several lines stays on its row,
# a footnote's mark after a unit ("Salary ($)(2)") is no amount, and a table's header row is carried however many
# words its cells take, up to twice the header's tokens; 17: a cell's lines are joined by one space ("North
# America", not "North  America"); 18: a row of figures without a label closes its group of rows, as its total
# (Apple's "404 437" under "Inventories:"), which moves where chunks cut; 19: a Form 24F-2's items, numbered
# without "Item", are its sections, and a registration statement's prospectus is one, not its cover page; 20: a
# press release pasted after an old report's signature in wrapped lines is its own section, the exhibit the
# report lists; 21: a filing no signature dates is dated by the date its head gives itself (a prospectus "DATED
# DECEMBER 12, 2024", a proxy statement's letter); 22: a numbered item's sentence ending with a colon is prose, not
# a table's row, so the header row below it heads the table (Apple's 8-K of March 2019: "1.<tab>The individuals
# listed below were elected ...:" over "For Against Abstained Broker Non-Vote"); 23: a line of justified PDF prose
# holding figures is prose, not a table's row cut at its wide gaps (PepsiCo's 2022 10-K: "We employed approximately
# 315,000 people worldwide ... including approximately 132,000 people within the United States"); 24: a line opening
# with a bullet opens a sentence, so a list's items are no longer one sentence (Amcor's release of August 2023); 25:
# a heading's item number in a cell ("ITEM 2.<tab>PROPERTIES") is no amount, so the table under it has its header
# rows (Wells Fargo's 2024 10-K: "Approximate square footage (in millions)").
INDEXING_VERSION = 25


@dataclass(frozen=True)
class FilingRecord:
    """A filing as the index's registry lists it."""

    filing: FilingRef
    content_hash: str
    sections: int
    chunks: int
    status: str  # PENDING until its last chunk is stored, then COMPLETE
    ingested_at: str
    added_by: str = ""  # the signed-in user who uploaded it through the web chat
    indexed_by: int = 0  # the INDEXING_VERSION that made its text and chunks (0: one before versions were kept)

    def to_json(self) -> dict:
        """The `filings-qa list --json` record: the filing's fields, then the registry's."""
        record = asdict(self)
        return record.pop("filing") | record


@dataclass(frozen=True)
class Activity:
    """One change to the index made through the web chat, and who made it."""

    at: str  # ISO time, UTC
    user: str
    action: str  # "added", "removed"
    filing_id: str
    detail: str  # the filing's label, kept because a removed filing's row is gone


def file_stem(filing_id: str) -> str:
    """A file name for what is kept per filing: letters, digits and -_. only."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in filing_id)


def chunk_id_of(filing_id: str, number: int) -> str:
    """The id of a filing's chunk number `number`: a filing's chunk ids follow from its chunk count."""
    return f"{filing_id}#{number:05d}"


def previous_chunk_id(chunk_id: str) -> str:
    """The id of the chunk before this one in its filing ("" for a filing's first)."""
    filing_id, _, number = chunk_id.rpartition("#")
    return chunk_id_of(filing_id, int(number) - 1) if number.isdigit() and int(number) > 0 else ""
