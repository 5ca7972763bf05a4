"""Read one filing from disk, whatever its format, into text, metadata and sections.

The format is told from the content (SGML submission, HTML or inline XBRL, plain text, PDF, or the manifest
of a filing fetched from EDGAR, which names its documents), never from the file name.
"""
from __future__ import annotations

import bisect
import codecs
import contextlib
import functools
import hashlib
import html
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from index import edgar_folder, forms, metadata, sgml
from index.html_text import dei_facts, html_to_text, looks_like_html, parse_html
from index.lexicon import MONTH_WORD, YEAR
from index.models import Filing, FilingMetadata, Section
from index.sections import SIGNATURE, DocumentSpan, detect_sections

DOCUMENT_SEPARATOR = "\n\n"
PDF_COLUMN_GAP = 1.0  # in line heights: a wider gap between two words of a PDF line separates table cells
PDF_MIN_LINE_HEIGHT = 4.0  # points: a character box flatter than this (a dash, a dot) measures no line
PDF_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")
# pdfium reads the "ff" ligature glyph of some fonts as an "f" and a space (American Express's 2022 10-K: "could
# materially adversely af ect our results"; Amcor's 2023 10-K, 3M's 2018 10-K). A word split so is joined again
# with the letters that make a known English word, where one of its halves is none: "af ect" reads "affect",
# "of icers" "officers", and "of the" or "of ices" stay as they are.
LIGATURE_SPLIT = re.compile(r"(?<![A-Za-z])([A-Za-z]*)f ([a-z]+)(?![A-Za-z])")
LIGATURE_LETTERS = ("ff", "fi", "fl", "ffi", "ffl")
# pdfium reads a gap of some fonts' kerning before a word's last letter as a space (3M's 2018 10-K titles its
# statements "Consolidated Statement of Incom e", "Consolidated Balance Shee t"): the letter is joined again when
# the word before it is no English word and the two are one ("Shee t" reads "Sheet"; "party e" stays). Only white
# space changes.
LAST_LETTER_SPLIT = re.compile(r"(?<![A-Za-z])([A-Za-z]{2,}) ([a-z])(?![A-Za-z])")
PDF_PERIOD_CELL = re.compile(rf"(?:{MONTH_WORD}\s+\d{{1,2}},?\s+)?{YEAR}", re.I)  # "January 28, 2023", "2022"
# the one figure of a row of two cells, its label's amount ("Against   65,112,424": the vote counts of PepsiCo's 8-K
# of May 2023); grouped in thousands or with cents, unlike a page number after a contents line
PDF_LABELLED_AMOUNT = re.compile(r"[$€£]?\s?\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?|[$€£]?\s?\d+\.\d+")
# a table's figure cell holds a digit and at most two words ("$ 4.2 billion", "1,234 million shares"); a cell of
# justified prose cut at its wide gaps holds more ("employed approximately 315,000 people worldwide", PepsiCo's 2022
# 10-K; "with 2021 driven by higher revenues", Boeing's 2022 10-K). Measured on the corpus's 1,619 PDF pages: 103
# lines are no longer rows, justified prose and contents lines, and a few rows whose text cell runs long (Boeing's
# executive officers: "Brian J. West 53 Executive Vice President and Chief Financial Officer since August 2021 ...")
PDF_FIGURE_CELL_WORDS = 2
PDF_MONTH_DAY = re.compile(rf"{MONTH_WORD}\s+\d{{1,2}},?", re.I)  # the upper line of a date cell set on two lines
PDF_YEAR_OPENING = re.compile(rf"({YEAR})\s+(\S.*)")  # its lower line, with the next cell: "2022 % Change"
COVER_CHARS = 8000  # the cover page of a form lies within its first few thousand characters
# Byte-order marks, UTF-32's first: its little-endian mark begins with UTF-16's.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                    (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF8, "utf-8-sig"))
WIDE_BOMS = tuple(bom for bom, name in BYTE_ORDER_MARKS if name != "utf-8-sig")
PDF_SIGNATURE = b"%PDF-"
# pdfium is not thread-safe, not even for two documents: the process makes one pdfium call at a time (an ingest
# reading a PDF and the web chat rendering a page happen in different threads)
PDFIUM = threading.Lock()
BINARY_SIGNATURES = (b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf")
# Layout tags of 1990s plain-text submissions (<PAGE>, <S>, <C> column markers in tables).
SGML_LAYOUT_TAGS = re.compile(r"</?(?:PAGE|S|C|TABLE|CAPTION|FN|F\d{1,2})>", re.I)
# A fixed-width table of a plain-text submission (Apple 10-K of 1997-12-05, "FIVE FISCAL YEARS ENDED ..."): its
# columns are runs of two or more spaces apart.
SGML_TABLE_OPEN, SGML_TABLE_CLOSE = re.compile(r"<TABLE>", re.I), re.compile(r"</TABLE>", re.I)
COLUMN_GAP = re.compile(r"[ \t]{2,}")
RULE_LINE = re.compile(r"[-=_\s]+")  # the rules under a header and above a total: layout, like <S> and <C>
# A cell of figures in a fixed-width table outside SGML's <TABLE> tags (Sears' release of July 2004: "Merchandise
# sales and services     $8,700  $ 8,851   $16,403"): amounts, percentages, dashes for none, a currency sign alone
FIGURE_CELL = re.compile(r"(?:[$€£]?\s?\(?-?\d(?:[\d,.]*\d)?\)?\s?%?|[-—–]{1,2}|[$€£])"
                         r"(?:\s[$€£]?\s?\(?-?\d(?:[\d,.]*\d)?\)?\s?%?)*")
ANY_TAG = re.compile(r"<[^>]*>")
TAG_BUT_SGML_TABLE = re.compile(r"<(?!/?TABLE>)[^>]*>")
BLOCK_TAG = re.compile(r"</?(?:p|div|br|tr|li|h[1-6]|table|section)\b[^>]*>", re.I)
HIDDEN_BLOCK = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.I | re.S)
HTML_LINE_TAGS = re.compile(r"<(?:p|br|tr|li|h[1-6])[\s/>]", re.I)
# Words that any SEC filing or exhibit uses; a text with none of them is not a filing.
FILING_VOCABULARY = re.compile(
    r"securities and exchange commission|exchange act|\bform\s+\d|registrant|press release|"
    r"fiscal|quarter|annual report|earnings|net (?:income|sales|revenues?)|shareholders|stockholders",
    re.I,
)


class FilingError(Exception):
    """A file that cannot be read as a filing; the message is one line for the user."""


def read_filing(path: str | Path, max_text_chars: int | None = None) -> Filing:
    """The filing in `path`; one with more than `max_text_chars` characters of text is refused (FilingError)."""
    path = Path(path)
    if not path.is_file():  # a pipe would block the read for good
        raise FilingError(not_a_file(path) if not path.is_dir() else "a folder, not a file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FilingError(f"cannot read file: {error.strerror or error}") from error
    if not raw.strip():
        raise FilingError("empty file")
    content_hash = hashlib.sha256(raw).hexdigest()
    edgar = FilingMetadata()  # what EDGAR says of a filing fetched from it, which beats what its text says
    if (fetched := edgar_folder.read_manifest(raw)) is not None:
        text, documents, meta = _fetched_text(path.parent, fetched)
        edgar, page_starts, warnings = fetched.metadata, [], []
    elif raw.lstrip()[:len(PDF_SIGNATURE)] == PDF_SIGNATURE:
        text, page_starts = _pdf_text(raw)
        documents = [DocumentSpan("", "", 0, len(text))]
        meta, warnings = FilingMetadata(), []
    else:
        wide = raw.startswith(WIDE_BOMS)  # UTF-16 and UTF-32 hold zero bytes in every character
        if raw[:8].startswith(BINARY_SIGNATURES) or not wide and b"\x00" in raw[:8192]:
            raise FilingError("binary file, not a filing (supported: EDGAR .txt, HTML, inline XBRL, PDF)")
        text, documents, meta, warnings = _submission_text(_decode(raw))
        page_starts = []
    if not text.strip():
        raise FilingError("no readable text in the file")
    if max_text_chars is not None and len(text) > max_text_chars:
        raise FilingError(f"{len(text):,} characters of text are over the limit of {max_text_chars:,} a file")
    if not FILING_VOCABULARY.search(text[:200_000]):
        raise FilingError("not an SEC filing: none of the words a filing or exhibit uses")

    # EDGAR names a company as it is called now; the filing names it as it was called then
    meta = metadata.merge(replace(edgar, company=""), meta)
    main = documents[0]
    cover = text[main.start: main.start + COVER_CHARS]
    first_type = main.type if not main.type.startswith("EX-") else ""
    form = meta.form or first_type or metadata.form_from_cover(cover) or main.type
    cover_meta = FilingMetadata(
        company=metadata.company_from_cover(cover),
        form=form,
        period=metadata.period_from_cover(cover, form),
    )
    meta = metadata.merge(meta, cover_meta)
    if (not meta.form or meta.form.startswith("EX-")) and (
            exhibit := meta.form or metadata.release_exhibit_type(text)):
        # a release or exhibit filed on its own: its body the exhibit it is, dated by its head and named by its text
        # when its cover names no company (Buckle's release of 2024-11-22 names the company on its letterhead and
        # is dated only by "For Immediate Release: November 22, 2024")
        meta = replace(meta, company=meta.company or metadata.company_from_release(text), form=exhibit,
                       filing_date=meta.filing_date or metadata.parse_date(text[:metadata.RELEASE_HEAD_CHARS]))
        documents = [replace(documents[0], type=exhibit), *documents[1:]]
    if not meta.company:
        meta = replace(meta, company=metadata.company_from_references(text) or edgar.company)
    sections = detect_sections(text, documents, meta.form)
    if not meta.filing_date:
        # A current report is filed within days of its event; a period end is never a filing date.
        event_date = meta.period if forms.schema_of(meta.form).event_report else ""
        meta = replace(meta, filing_date=_signature_date(text, sections) or event_date
                       or metadata.own_date(text[:metadata.RELEASE_HEAD_CHARS]))
    meta = replace(meta, company=metadata.prefer_written_casing(meta.company, text))
    filing = Filing(str(path), text, meta, sections, content_hash, page_starts, warnings)
    if page_starts:
        filing.sections = [_with_pages(filing, s) for s in sections]
    return filing


def is_pdf(path: Path) -> bool:
    """Whether the file is a PDF, by its content as `read_filing` tells it."""
    with path.open("rb") as handle:
        return handle.read(1024).lstrip()[:len(PDF_SIGNATURE)] == PDF_SIGNATURE


def not_a_file(path: Path) -> str:
    """Why a path that is neither a file nor a folder cannot be read."""
    if path.is_symlink():
        return "a symbolic link to nothing, or to itself (a loop)"
    if path.exists():
        return "not a regular file (a pipe, socket or device): skipped"
    return "no such file or folder"


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without its signature), UTF-16 or UTF-32 by their byte-order mark, else Windows-1252."""
    encoding = next((name for bom, name in BYTE_ORDER_MARKS if raw.startswith(bom)), "utf-8")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _submission_text(text: str) -> tuple[str, list[DocumentSpan], FilingMetadata, list[str]]:
    """Extracted text of every prose document, their spans, what the SGML header and dei facts say, and a warning
    when the submission is cut off before its end."""
    if sgml.is_sgml_submission(text):
        parts, fields = sgml.documents(text), sgml.header_fields(text)
        cut_off = sgml.cut_off(text, parts, fields)
        return (*_parts_text(parts, metadata.from_sec_header(fields)), [cut_off] if cut_off else [])
    return (*_parts_text([sgml.SubmissionDocument("", "", "", text)], FilingMetadata()), [])


def _fetched_text(folder: Path, fetched: edgar_folder.FetchedFiling) -> tuple[str, list[DocumentSpan], FilingMetadata]:
    """A filing fetched from EDGAR read as one submission: its documents in the manifest's order (the primary
    document, then its exhibits), or the documents of the full submission it is."""
    parts: list[sgml.SubmissionDocument] = []
    header = FilingMetadata()
    for document in fetched.documents:
        try:
            body = _decode(edgar_folder.document_path(folder, document.name).read_bytes())
        except (OSError, edgar_folder.UnsafeName) as error:
            raise FilingError(f"cannot read {document.name!r} of the fetched filing: {error}") from error
        if sgml.is_sgml_submission(body):
            parts += sgml.documents(body)
            header = metadata.merge(header, metadata.from_sec_header(sgml.header_fields(body)))
        else:
            parts.append(sgml.SubmissionDocument(document.type, "", document.name, body))
    return _parts_text(parts, header)


def _parts_text(parts: list[sgml.SubmissionDocument], meta: FilingMetadata) -> tuple[str, list[DocumentSpan],
                                                                                       FilingMetadata]:
    pieces: list[str] = []
    spans: list[DocumentSpan] = []
    offset = 0
    for part in parts:
        if _is_skipped(part):
            continue
        body_text, facts = _document_text(part.body)
        if not body_text.strip():
            continue
        if facts:
            meta = metadata.merge(meta, metadata.from_dei_facts(facts))
        if pieces:
            pieces.append(DOCUMENT_SEPARATOR)
            offset += len(DOCUMENT_SEPARATOR)
        pieces.append(body_text)
        spans.append(DocumentSpan(part.type, part.description, offset, offset + len(body_text)))
        offset += len(body_text)
    return "".join(pieces), spans or [DocumentSpan("", "", 0, 0)], meta


def _is_skipped(part: sgml.SubmissionDocument) -> bool:
    return bool(
        forms.SKIPPED_DOCUMENT_TYPES.match(part.type)
        or part.filename.lower().endswith(forms.SKIPPED_DOCUMENT_SUFFIXES)
        or sgml.is_binary_body(part.body)
    )


def _document_text(body: str) -> tuple[str, dict[str, str]]:
    markup = _is_markup(body)
    if markup and not _is_plain_text_in_html(body):
        root = parse_html(body)
        text = html_to_text(root)
        if text.strip():
            return text, dei_facts(root)
        # libxml2 drops what lies deeper than a few hundred elements (a file of 50,000 nested <div>s read as
        # empty): such markup is read tag by tag, a block tag breaking the line
        body = HIDDEN_BLOCK.sub("", body)
        return _plain_text(html.unescape(ANY_TAG.sub("", BLOCK_TAG.sub("\n", body)))), {}
    if markup:
        # a fixed-width text wrapped in markup (AEGON's 20-F of 2001 in <html><body><div>): its SGML tables stay
        # tables
        body = html.unescape(TAG_BUT_SGML_TABLE.sub("", body))
    return _plain_text(body), {}


def _is_markup(body: str) -> bool:
    """Markup, not a fixed-width text whose only tags are SGML's layout tags: the exhibits of Southern Company's 8-K
    of 2005-01-25 open with <TABLE> and <CAPTION>, and read as HTML ran each table's rows into one line."""
    return looks_like_html(body) and any(not SGML_LAYOUT_TAGS.fullmatch(tag.group()) for tag in ANY_TAG.finditer(body))


def _is_plain_text_in_html(body: str) -> bool:
    """A fixed-width text filing wrapped in <html><body><div> (AEGON 20-F of 2001-03-28)."""
    newlines = body.count("\n")
    return newlines > 200 and len(HTML_LINE_TAGS.findall(body)) * 50 < newlines


def _plain_text(body: str) -> str:
    body = _with_table_rows(body)
    body = SGML_LAYOUT_TAGS.sub("", body)
    lines = [_fixed_width_row(line.rstrip()) for line in body.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _fixed_width_row(line: str) -> str:
    """A line of a fixed-width table outside SGML's table tags as a row, its cells tab-separated: a label, then two
    cells or more of figures, runs of two or more spaces apart. Any other line as it is: a justified paragraph's
    words are two spaces apart too (Apple's 10-K of 1994), but not all of them figures."""
    if "\t" in line:
        return line
    cells = COLUMN_GAP.split(line.strip())
    if len(cells) < 3 or not re.search(r"[A-Za-z]", cells[0]) or not all(map(FIGURE_CELL.fullmatch, cells[1:])):
        return line
    return "\t".join(cells)


def _with_table_rows(body: str) -> str:
    """The body with each <TABLE> ... </TABLE> of it read by `_table_rows`. Each table ends at the first </TABLE>
    after it opens; once an opening tag has none after it, no later one has. Every end tag is found once, so a file
    of many unclosed <TABLE> tags is read in one pass (a pattern searched the rest of the file for each of them)."""
    closes = [match.span() for match in SGML_TABLE_CLOSE.finditer(body)]
    pieces, done = [], 0
    for opening in SGML_TABLE_OPEN.finditer(body):
        if opening.start() < done:
            continue
        k = bisect.bisect_left(closes, (opening.end(), -1))
        if k == len(closes):
            break
        pieces += [body[done:opening.start()], _table_rows(body[opening.end():closes[k][0]])]
        done = closes[k][1]
    return "".join(pieces) + body[done:]


def _table_rows(table: str) -> str:
    """A fixed-width table as the HTML reader writes tables: one line per row, its cells tab-separated, without
    blank lines or rules (a row's cells and its label stay as written)."""
    lines = (COLUMN_GAP.sub("\t", SGML_LAYOUT_TAGS.sub("", line).strip()) for line in table.split("\n"))
    return "\n" + "\n".join(line for line in lines if line and not RULE_LINE.fullmatch(line)) + "\n"


@contextlib.contextmanager
def pdf_document(raw: bytes) -> Iterator:
    """The PDF opened by pdfium (a pypdfium2.PdfDocument), under the process's one pdfium lock; closed, with
    every page taken from it, on leaving."""
    import pypdfium2  # imported here: only PDFs need it

    with PDFIUM:
        try:
            document = pypdfium2.PdfDocument(raw)
        except pypdfium2.PdfiumError as error:
            raise FilingError(f"cannot read PDF: {error}") from error
        try:
            yield document
        finally:
            document.close()


def _pdf_text(raw: bytes) -> tuple[str, list[int]]:
    pages: list[str] = []
    with pdf_document(raw) as document:
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            pages.append(pdf_page_text(text_page).text)
            text_page.close()
            page.close()
    if not any(p.strip() for p in pages):
        raise FilingError("PDF has no extractable text (scanned images?)")
    page_starts, offset = [], 0
    for page_text in pages:
        page_starts.append(offset)
        offset += len(page_text) + len(DOCUMENT_SEPARATOR)
    return DOCUMENT_SEPARATOR.join(pages), page_starts


@dataclass(frozen=True)
class PdfPageText:
    """A PDF page's text as the filing's text holds it (pages are joined by DOCUMENT_SEPARATOR)."""

    text: str
    # positions in `text` of the letters a ligature glyph stands for beyond the one pdfium reads ("affect": the
    # second f); they have no character box of their own
    added: frozenset[int] = frozenset()


def pdf_page_text(text_page, mend_ligatures: bool = True, stack_periods: bool = True,
                  join_last_letters: bool = True, wordy_figures: bool = False) -> PdfPageText:
    """`mend_ligatures=False`: the words split as pdfium reads them, `stack_periods=False`: a header's date cells
    on lines of their own, `join_last_letters=False`: a word's last letter parted by kerning, and
    `wordy_figures=True`: any cell holding a digit a figure (prose with figures cut into cells), as earlier readers
    wrote them."""
    lines = _pdf_lines(text_page, wordy_figures)
    text = "\n".join(_with_period_rows(lines) if stack_periods else lines).strip("\n")
    if join_last_letters:
        text = LAST_LETTER_SPLIT.sub(_joined_last_letter, text)
    if not mend_ligatures:
        return PdfPageText(text)
    pieces, added, end, length = [], set(), 0, 0
    for split in LIGATURE_SPLIT.finditer(text):
        letters = _ligature_letters(split.group(1), split.group(2))
        if letters is None:
            continue
        kept = text[end:split.start()] + split.group(1)
        pieces += [kept, letters]
        length += len(kept)
        added |= set(range(length + 1, length + len(letters)))  # the first letter is the glyph pdfium read
        length += len(letters)
        end = split.start(2)
    pieces.append(text[end:])
    return PdfPageText("".join(pieces), frozenset(added))


def _with_period_rows(lines: list[str]) -> list[str]:
    """The lines, a table header's date cells that pdfium reads one to a line made one row of tab-separated cells.

    A statement's column headers are often set as cells of two lines ("December 2," over "2022"), which pdfium
    reads cell by cell (Adobe's 2022 10-K: "Years Ended / December 2, / 2022 / December 3, / 2021 / ..."; Pfizer's
    10-Q of July 2023 ends the run with "2022 % Change"). Two or more such cells in a row become one header row;
    only white space changes."""
    rows: list[str] = []
    i = 0
    while i < len(lines):
        cells: list[str] = []
        j = i
        while j < len(lines):
            line, below = lines[j].strip(), lines[j + 1].strip() if j + 1 < len(lines) else ""
            if PDF_PERIOD_CELL.fullmatch(line):
                cells.append(line)
                j += 1
            elif PDF_MONTH_DAY.fullmatch(line) and PDF_PERIOD_CELL.fullmatch(below):
                cells.append(f"{line} {below}")
                j += 2
            elif PDF_MONTH_DAY.fullmatch(line) and (opening := PDF_YEAR_OPENING.fullmatch(below)) and cells:
                cells += [f"{line} {opening.group(1)}", opening.group(2)]
                j += 2
                break
            else:
                break
        if len(cells) >= 2:
            rows.append("\t".join(cells))
            i = j
        else:
            rows.append(lines[i])
            i += 1
    return rows


def _joined_last_letter(split: re.Match) -> str:
    words = _english_words()
    word, letter = split.groups()
    return word + letter if word.lower() not in words and words[f"{word}{letter}".lower()] else split.group()


def _ligature_letters(before: str, after: str) -> str | None:
    """The letters of the ligature in "<before>f <after>", or None when the two are words as they stand or no
    joining of them is one."""
    words = _english_words()
    if f"{before}f".lower() in words and after in words:
        return None
    joined = max(LIGATURE_LETTERS, key=lambda letters: words[f"{before}{letters}{after}".lower()])
    return joined if words[f"{before}{joined}{after}".lower()] else None


@functools.lru_cache(maxsize=1)
def _english_words():
    """pyspellchecker's English word frequencies (in its wheel; read once, in about 0.3 s, when a PDF needs it)."""
    from spellchecker import SpellChecker

    return SpellChecker(distance=1).word_frequency


def _pdf_lines(text_page, wordy_figures: bool = False) -> list[str]:
    """The page's lines as pdfium reads them, a table's rows with their cells tab-separated.

    pdfium writes the cells of a table row as words of one line; where the gap before a word is wider than
    PDF_COLUMN_GAP line heights, the word opens another cell. Justified prose has wide gaps too, so a line
    keeps its cells only when it reads as a row of figures (most of its cells after the first are figures: a digit
    and at most PDF_FIGURE_CELL_WORDS words).
    A line of words alone whose cells are as many as those of the row of figures under it is that table's header
    row ("Votes For   Votes Against   Abstentions   Broker Non-Votes" over Foot Locker's vote counts, 8-K of May
    2022). Only white space is changed (`pages.py` finds a quote's characters on the page by that).
    Measured on the corpus PDFs: about 6 ms a page.
    """
    raw = text_page.get_text_range()  # its character indices are pdfium's, line breaks ("\r\n") included
    chars = text_page.count_chars()
    read: list[tuple[str, list[str], bool]] = []  # each line, its cells, and whether it is a row
    for match in PDF_LINE.finditer(raw):
        line, offset = match.group(1), match.start(1)
        cells: list[str] = []
        word_start, previous_right = 0, None
        for k, char in enumerate(line):
            if char == " " or offset + k >= chars:
                continue
            opens = k > 0 and line[k - 1] == " "
            if not opens and k + 1 < len(line) and line[k + 1] != " ":
                continue  # only a word's first and last characters bound the gaps between words
            left, bottom, right, top = text_page.get_charbox(offset + k)
            if previous_right is not None and opens and left - previous_right > PDF_COLUMN_GAP * max(
                    top - bottom, PDF_MIN_LINE_HEIGHT):
                cells.append(line[word_start:k].strip())
                word_start = k
            previous_right = right
        cells.append(line[word_start:].strip())
        figures = sum(any(c.isdigit() for c in cell) and (
            wordy_figures or len(re.findall(r"[A-Za-z]+", cell)) <= PDF_FIGURE_CELL_WORDS) for cell in cells[1:])
        # a row of figures, or a header row of periods only, which has no label cell (Best Buy's 2023 10-K balance
        # sheet: "January 28, 2023   January 29, 2022" above the rows)
        is_row = (len(cells) >= 3 and figures >= max(2, (len(cells) - 1) / 2)
                  or len(cells) >= 2 and all(PDF_PERIOD_CELL.fullmatch(cell) for cell in cells)
                  or len(cells) == 2 and PDF_LABELLED_AMOUNT.fullmatch(cells[1]) is not None
                  and re.search(r"[A-Za-z]", cells[0]) is not None and cells[0][-1] not in ".!?")
        read.append((line, cells, is_row))
    heads = {k for k, ((_, cells, is_row), (_, below, below_is_row)) in enumerate(zip(read, read[1:]))
             if not is_row and len(cells) >= 3 and len(cells) == len(below) and below_is_row
             and not any(c.isdigit() for cell in cells for c in cell)}
    return ["\t".join(cells) if is_row or k in heads else line.rstrip() for k, (line, cells, is_row) in enumerate(read)]


def _signature_date(text: str, sections: list[Section]) -> str:
    for section in sections:
        if section.name == SIGNATURE:
            return metadata.signature_date(text[section.char_start:section.char_end])
    return ""


def _with_pages(filing: Filing, section: Section) -> Section:
    first = filing.page_of(section.char_start)
    last = filing.page_of(max(section.char_start, section.char_end - 1))
    return Section(section.name, section.title, section.char_start, section.char_end, tuple(range(first, last + 1)))
