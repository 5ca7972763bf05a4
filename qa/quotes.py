"""Sentences of retrieved passages, kept as exact spans of the filing text, and citations built from them."""
from __future__ import annotations

from dataclasses import dataclass

from index.chunking import sentence_spans
from qa.models import Citation, Passage


@dataclass(frozen=True)
class Sentence:
    """A sentence (or table row) of a passage; start/end are offsets in the filing's extracted text."""

    passage: Passage
    start: int
    end: int
    text: str  # exact slice of the filing text
    table_row: bool = False

    @property
    def flat(self) -> str:
        """The sentence on one line, as an answer shows it."""
        return " ".join(self.text.split())


def passage_sentences(passage: Passage) -> list[Sentence]:
    chunk = passage.chunk
    return [Sentence(passage, chunk.char_start + a, chunk.char_start + b, chunk.text[a:b], row)
            for a, b, row in sentence_spans(chunk.text, 0, len(chunk.text))]


def cite_table_header(n: int, passage: Passage) -> Citation:
    """Citation [n] quoting the caption and column headers of the table a passage was cut from (above it)."""
    chunk = passage.chunk
    start = chunk.table_header_start
    return Citation(n, chunk.filing, chunk.section, chunk.section_title, chunk.page, chunk.table_header, start,
                    start + len(chunk.table_header), passage.rank)


def cite(n: int, sentences: list[Sentence]) -> Citation:
    """Citation [n] quoting consecutive sentences of one passage, from the first one's start to the last one's end."""
    passage = sentences[0].passage
    chunk = passage.chunk
    start, end = min(s.start for s in sentences), max(s.end for s in sentences)
    quote = chunk.text[start - chunk.char_start:end - chunk.char_start]
    return Citation(n, chunk.filing, chunk.section, chunk.section_title, chunk.page, quote, start, end, passage.rank)
