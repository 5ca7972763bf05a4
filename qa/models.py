"""What the question-answering layer returns: passages of filings, with where they come from."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk of a filing, with its place in the filing's extracted text."""

    rank: int
    chunk_id: str
    filing_id: str
    company: str
    form: str
    filing_date: str
    section: str
    section_title: str
    source: str
    text: str
    char_start: int
    char_end: int
    page: int | None
    score: float


@dataclass
class Answer:
    question: str
    text: str
    passages: list[Passage] = field(default_factory=list)
    latency_ms: float = 0.0
