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
    return [
        Sentence(passage, passage.char_start + a, passage.char_start + b, passage.text[a:b], row)
        for a, b, row in sentence_spans(passage.text, 0, len(passage.text))
    ]


def cite(n: int, sentences: list[Sentence]) -> Citation:
    """Citation [n] quoting consecutive sentences of one passage, from the first one's start to the last one's end."""
    passage = sentences[0].passage
    start, end = min(s.start for s in sentences), max(s.end for s in sentences)
    quote = passage.text[start - passage.char_start:end - passage.char_start]
    return Citation(n, passage.filing_id, passage.company, passage.form, passage.filing_date, passage.accession,
                    passage.section, passage.section_title, passage.source, passage.page, quote, start, end,
                    passage.rank)
