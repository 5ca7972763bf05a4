"""Sentences of retrieved passages, kept as exact spans of the filing text, and citations built from them."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from index.chunking import is_label, opens_with_table, row_groups, sentence_spans, table_headers
from index.lexicon import YEAR
from index.sections import SIGNED
from qa.models import Citation, Passage
from qa.tables import CURRENCY_SIGN, year_cell


@dataclass(frozen=True)
class Sentence:
    """A sentence (or table row) of a passage; start/end are offsets in the filing's extracted text."""

    passage: Passage
    start: int
    end: int
    text: str  # exact slice of the filing text
    table_row: bool = False
    # a table row's caption and header rows, exact filing text at header_start (above the row in its passage,
    # or above the passage when the passage was cut from inside the table); "" when none is known
    header: str = ""
    header_start: int = -1
    # a table row's group: the label line above it that names the rows it stands among ("Net sales by reportable
    # segment:"), "" when none
    group: str = ""
    group_start: int = -1  # the group's offset in the filing's extracted text

    @property
    def flat(self) -> str:
        """The sentence on one line, as an answer shows it."""
        return " ".join(self.text.split())


# a signature set as a table's row ("/S/ JEFFREY KARBOWSKI<tab>Chief Accounting Officer<tab>January 27, 2025",
# Netflix's 10-K of 2025)
_SIGNATURE_ROW = re.compile(rf"[ \t]*(?:by:?[ \t]*)?(?:{SIGNED.pattern})", re.I)
_FIGURE = rf"{CURRENCY_SIGN.pattern}?[ \t]*\(?\d[\d,.]*\)?[ \t]*%?"
_VALUE_LINE = re.compile(rf"[ \t]*{_FIGURE}[ \t]*")
# the figures a form's item asks for, on a line of their own below it with a rule under them (Form 24F-2 of 1995's
# "Number and aggregate sale price of securities sold during the fiscal year:" over "19,019,524   $315,907,470")
_VALUES_LINE = re.compile(rf"[ \t]*{_FIGURE}(?:[ \t]+{_FIGURE})*[ \t]*(?:\n[ \t]*_{{3,}})?\s*")
# a row of figures alone, its label on the lines above it (pypdfium2's text of Pfizer's 2023 10-Q product table:
# "Comirnaty direct sales and alliance revenues", "Active immunization to prevent COVID-19", "1,488\t8,848\t...")
_FIGURES_ROW = re.compile(r"[$€£(\s]*\d[\d,.]*\)?%?(?:\t[$€£(\s]*(?:\d[\d,.]*\)?%?|[—–-]+))+\s*")
# (and a rule under them: Alcon's 6-K of February 2023, "(Address of principal executive office)" over "_____")
# (words in brackets: a footnote's mark under a table's last rows, "(1)", captions nothing)
# (beside each other with no tab: NexPoint Capital's 8-K of December 2023, "(Address of Principal Executive
# Offices)(Zip Code)"; or closed on the line below: Sophiris Bio's 8-K of March 2016, "(State or other jurisdiction"
# over "of incorporation)")
_CAPTION_WORDS = r"[^()\n]*[A-Za-z]{2}[^()\n]*"
_CAPTION = rf"\({_CAPTION_WORDS}(?:\n{_CAPTION_WORDS}\))?\)?"
_CAPTIONS_BELOW = re.compile(rf"\s*{_CAPTION}(?:[ \t]*{_CAPTION})*\s*(?:\n[ \t]*_{{3,}}\s*)?")
_CLOSES_CAPTION = re.compile(rf"{_CAPTION_WORDS}\)(?:\t[^()\n]*\))*\s*")
_YEARS_ROW = re.compile(rf"\s*{YEAR}(?:\t\s*{YEAR})*\s*")
_GOES_ON_OF_PERSON = re.compile(r"\s*(?:He|She)\s+[a-z]")  # a sentence whose subject is he or she
_OPENS_WITH_TITLED_NAME = re.compile(r"\s*(?:Mr|Ms|Mrs|Dr)\.\s+[A-Z][\w'’-]+\s+(?!said\b)[a-z]")
MAX_ROW_LABEL_LINES = 2  # a row's label and its second column's text (a product and its indication)
# the number of a form's box before its label ("11\tAGGREGATE ..."), and a box referred to ("IN ROW (11)")
_BOX_NUMBER = re.compile(r"^\s*\d{1,2}\t|\(\d{1,2}\)")


def passage_sentences(passage: Passage) -> list[Sentence]:
    chunk = passage.chunk
    spans = sentence_spans(chunk.text, 0, len(chunk.text))
    opening = opens_with_table(chunk.text, spans)
    sentences = []
    labels_read: list[tuple[int, int]] = []  # label lines read as their rows' (not a group's of the rows below)
    for k, ((a, b, row), header, group) in enumerate(zip(spans, table_headers(chunk.text, spans),
                                                       row_groups(chunk.text, spans))):
        if group and any(start <= group[0] and group[1] <= end for start, end in labels_read):
            group = None
        signature = row and _SIGNATURE_ROW.match(chunk.text, a) is not None
        if signature:
            # a signature's cells say who signed, as what and when; the lines above it are the signatures before
            # it and the names printed under them, which head and group nothing
            group = None
            header_text, header_start = "", -1
        elif header and header[0] == 0 and chunk.table_header and (
                chunk.table_header_start + len(chunk.table_header) + 1 == chunk.char_start):
            # a chunk opening at its table's header rows carries the caption above them from the chunk before (a
            # vote's proposal over "For Against Abstained" in Apple's 8-K of March 2019): the header reads on from it
            header_text, header_start = f"{chunk.table_header}\n{chunk.text[:header[1]]}", chunk.table_header_start
        elif header:
            header_text, header_start = chunk.text[header[0]:header[1]], chunk.char_start + header[0]
        elif row and k < opening:
            header_text, header_start = chunk.table_header, chunk.table_header_start
        else:
            header_text, header_start = "", -1
        sentence = Sentence(passage, chunk.char_start + a, chunk.char_start + b, chunk.text[a:b], row,
                            header_text, header_start, chunk.text[slice(*group)] if group else "",
                            chunk.char_start + group[0] if group else -1)
        if row and sentences and (pair := _year_pair_label(sentences[-1], sentence)):
            sentence = replace(sentence, group=pair[0], group_start=pair[1])
        if (sentences and _CLOSES_CAPTION.fullmatch(sentence.text) and _on_line_above(sentences[-1], sentence)
                and sentences[-1].text.count("(") > sentences[-1].text.count(")")):
            # the rest of a caption in brackets opened on the line above: one sentence with it
            sentence = _read_on(sentences.pop(), sentence)
        if _CAPTIONS_BELOW.fullmatch(sentence.text) and (above := _take_lines_above(
                sentences, sentence, lambda line: not line.text.endswith(")"))) is not sentence:
            # a cover page's captions in brackets under the values they name (Buckle's 8-K of November 2024:
            # "2407 West 24th Street," and "Kearney, Nebraska 68845-4915" over "(Address of principal executive
            # offices) (Zip Code)"; PepsiCo's 8-K of May 2023: "North Carolina 1-1183 13-1584302" over "(State or
            # other jurisdiction" and "of incorporation)"): one sentence with them
            sentence = replace(sentence, start=above.start, table_row=False, header="", header_start=-1, group="",
                               group_start=-1, text=chunk.text[above.start - chunk.char_start:
                                                              sentence.end - chunk.char_start])
        elif sentences and (_VALUE_LINE.fullmatch(sentence.text) and _labels(sentences[-1], sentence)
                          or _VALUES_LINE.fullmatch(sentence.text) and _asks_for(sentences[-1], sentence)):
            # a figure alone on the line under its label is that label's value, as a form's boxes are set
            # (the cover of Icahn's 2025 tender offer amendment: "11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY
            # EACH REPORTING PERSON" over "67,570,593"), and so are the figures below an item that asks for them
            label = sentences.pop()
            end = sentence.start + len(sentence.text.partition("\n")[0].rstrip())  # not the rule under the values
            sentence = replace(label, end=end, text=chunk.text[label.start - chunk.char_start:end - chunk.char_start])
        elif row and sentence.text[:1].islower() and sentences and not sentences[-1].table_row and _on_line_above(
                sentences[-1], sentence) and is_label(sentences[-1].text) and not sentences[-1].text.endswith(":"):
            # a row whose label goes on from the line above, as a PDF breaks a long label (Best Buy's 2023 10-K:
            # "Additions to property and equipment, net of $35, ... of non-cash" over "capital expenditures (930)");
            # a line ending with a colon heads the rows below it (Apple's "Net sales by category:" over "iPhone")
            above = sentences.pop()
            labels_read.append((above.start - chunk.char_start, a))
            sentence = replace(sentence, start=above.start, group="", group_start=-1,
                               text=chunk.text[above.start - chunk.char_start:sentence.end - chunk.char_start])
        elif (not row and sentences and _GOES_ON_OF_PERSON.match(sentence.text) and not sentences[-1].table_row
              and _OPENS_WITH_TITLED_NAME.match(sentences[-1].text)
              and "\n" not in chunk.text[sentences[-1].end - chunk.char_start:a]):
            # a sentence going on of the person the sentence before names is one with it, so that what he did says
            # who he is ("Mr. Zapolsky has served as ... since May 2023. He served as our Secretary from September
            # 2012 to January 2024", Amazon's 10-K for 2024)
            sentence = _read_on(sentences.pop(), sentence)
        elif row and _FIGURES_ROW.fullmatch(sentence.text) and not _YEARS_ROW.fullmatch(sentence.text):
            above = _take_lines_above(sentences, sentence, lambda line: not line.table_row and is_label(line.text)
                                      and re.search(r"[A-Za-z]", line.text) is not None)
            if above is not sentence:
                labels_read.append((above.start - chunk.char_start, a))
                sentence = replace(sentence, start=above.start, group="", group_start=-1,
                                   text=chunk.text[above.start - chunk.char_start:sentence.end - chunk.char_start])
        sentences.append(sentence)
    return sentences


_YEAR_CELL = re.compile(rf"\s*{YEAR}\s*")


def _year_pair_label(above: Sentence, row: Sentence) -> tuple[str, int] | None:
    """The label (and its offset) a row of a year shares with the row above, when a table gives each label's years on
    rows of their own, the label on the first ("Grooming 2025 1,505 ..." over "2024 1,539 ...": Procter & Gamble's
    segment results in its 10-Q of April 2025); None otherwise."""
    cells, above_cells = row.text.split("\t"), above.text.split("\t")
    if not (above.table_row and _YEAR_CELL.fullmatch(cells[0]) and _on_line_above(above, row)):
        return None
    if year_cell(above.text) and re.search(r"[A-Za-z]", above_cells[0]):
        return above_cells[0], above.start
    return (above.group, above.group_start) if _YEAR_CELL.fullmatch(above_cells[0]) and above.group else None


def _read_on(above: Sentence, below: Sentence) -> Sentence:
    """The sentence above read on to the end of the one below it, as one sentence with the above's table and group."""
    chunk = above.passage.chunk
    return replace(above, end=below.end, text=chunk.text[above.start - chunk.char_start:below.end - chunk.char_start])


def _take_lines_above(sentences: list[Sentence], below: Sentence, fits: Callable[[Sentence], bool]) -> Sentence:
    """The topmost of the sentences each on the line right above the next (below `below`, MAX_ROW_LABEL_LINES at
    most) that `fits` accepts, taken off the end of `sentences`; `below` itself when the line above is not one."""
    above = below
    for _ in range(MAX_ROW_LABEL_LINES):
        if not (sentences and _on_line_above(sentences[-1], above) and fits(sentences[-1])):
            break
        above = sentences.pop()
    return above


def _labels(label: Sentence, value: Sentence) -> bool:
    """Whether the sentence is a label on the line right above the value: short, with no figure but box numbers,
    and no sentence (a page number under a paragraph's last sentence is no value of it)."""
    return (_on_line_above(label, value) and is_label(label.text)
            and not re.search(r"\d", _BOX_NUMBER.sub("", label.text)))


def _asks_for(item: Sentence, values: Sentence) -> bool:
    """Whether the sentence is a form's item, ending with a colon, right above the values (a blank line between)."""
    return not item.table_row and item.text.endswith(":") and _line_breaks_between(item, values) in (1, 2)


def _on_line_above(above: Sentence, below: Sentence) -> bool:
    return _line_breaks_between(above, below) == 1


def _line_breaks_between(above: Sentence, below: Sentence) -> int | None:
    """How many line breaks part the two sentences of one passage; None when anything but white space does."""
    chunk = above.passage.chunk
    between = chunk.text[above.end - chunk.char_start:below.start - chunk.char_start]
    return between.count("\n") if between.strip() == "" else None


def cite_table_header(n: int, sentence: Sentence) -> Citation:
    """Citation [n] quoting the caption and column headers of a table row's table."""
    return _cite_text(n, sentence.passage, sentence.header, sentence.header_start)


def cite_row_group(n: int, sentence: Sentence) -> Citation:
    """Citation [n] quoting the label line that names a table row's group of rows."""
    return _cite_text(n, sentence.passage, sentence.group, sentence.group_start)


def _cite_text(n: int, passage: Passage, quote: str, start: int) -> Citation:
    chunk = passage.chunk
    return Citation(n, chunk.filing, chunk.section, chunk.section_title, chunk.page, quote, start, start + len(quote),
                    passage.rank)


def cite(n: int, sentences: list[Sentence]) -> Citation:
    """Citation [n] quoting consecutive sentences of one passage, from the first one's start to the last one's end."""
    passage = sentences[0].passage
    chunk = passage.chunk
    start, end = min(s.start for s in sentences), max(s.end for s in sentences)
    quote = chunk.text[start - chunk.char_start:end - chunk.char_start]
    return Citation(n, chunk.filing, chunk.section, chunk.section_title, chunk.page, quote, start, end, passage.rank)
