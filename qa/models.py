"""What the question-answering layer takes and returns: filters, passages, citations, answers; and the index's
types it hands on (a filing's reference, its sections, registry rows), so that callers need only `qa`."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace

from index.models import COMPLETE, Activity, Chunk, FilingRecord, FilingRef, Section
from index.pages import Box, PageImage

__all__ = ["Activity", "Answer", "Box", "COMPLETE", "Chunk", "Citation", "FilingRecord", "FilingRef", "Filters",
           "PageImage", "Passage", "Section", "Turn"]


@dataclass(frozen=True)
class Filters:
    """Narrow a search. Empty fields mean "any". Dates are ISO (YYYY-MM-DD), inclusive."""

    company: str = ""  # a company name as indexed, matched case-insensitively
    form: str = ""  # "8-K", "10-K", ... ("10-K" also matches "10-K405" and "10-K/A")
    since: str = ""
    until: str = ""
    section: str = ""  # "Item 1A", "EX-99" (prefix: EX-99 covers EX-99.1, EX-99.2), "SIGNATURE"
    filing_id: str = ""

    def is_empty(self) -> bool:
        return not any(asdict(self).values())

    def merged(self, other: "Filters") -> "Filters":
        """These filters, with the fields `other` sets taking precedence."""
        return replace(self, **{k: v for k, v in asdict(other).items() if v})

    def describe(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in asdict(self).items() if v)


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, with its rank among the passages of an answer and its retrieval score."""

    rank: int
    chunk: Chunk
    score: float

    def to_json(self) -> dict:
        chunk = self.chunk
        return {"rank": self.rank, "chunk_id": chunk.chunk_id, **chunk.filing.to_json(), "section": chunk.section,
                "section_title": chunk.section_title, "page": chunk.page, "char_start": chunk.char_start,
                "char_end": chunk.char_end, "text": chunk.text, "score": self.score}

    @classmethod
    def from_json(cls, record: dict) -> "Passage":
        chunk = Chunk(record["chunk_id"], _filing_of(record), record["text"], record["section"],
                      record["section_title"], record["char_start"], record["char_end"], record["page"])
        return cls(record["rank"], chunk, record["score"])


@dataclass(frozen=True)
class Citation:
    """[n] in an answer: a verbatim quote of one filing's extracted text and where it lies."""

    n: int
    filing: FilingRef
    section: str
    section_title: str
    page: int | None
    quote: str  # exact substring text[char_start:char_end] of the filing's extracted text
    char_start: int
    char_end: int
    passage_rank: int  # the passage the quote lies in (Passage.rank)

    def to_json(self) -> dict:
        record = asdict(self)
        return {"n": self.n, **record.pop("filing"), **record}

    @classmethod
    def from_json(cls, record: dict) -> "Citation":
        return cls(filing=_filing_of(record), **{f.name: record[f.name] for f in fields(cls) if f.name != "filing"})


def _filing_of(record: dict) -> FilingRef:
    """The filing whose fields a citation's or passage's JSON record holds beside its own."""
    return FilingRef(**{f.name: record[f.name] for f in fields(FilingRef)})


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation, as follow-up questions need it."""

    question: str
    answer: str = ""
    filters: Filters = field(default_factory=Filters)
    filing_ids: tuple[str, ...] = ()  # filings the answer cited, best first
    companies: tuple[str, ...] = ()


@dataclass
class Answer:
    question: str
    text: str  # sentences each ending with [n]; or the refusal / instruction shown to the user
    refused: bool = False
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)  # what the search was narrowed by, given or inferred
    resolved_question: str = ""  # the question as searched, after resolving a follow-up
    flags: list[str] = field(default_factory=list)  # warnings, e.g. an LLM claim without a valid citation
    confidence: float = 0.0  # evidence score of the answer, compared to the refusal threshold
    latency_ms: float = 0.0
    answered_at: str = ""  # when it was composed: ISO time, UTC, to the second

    def as_turn(self) -> Turn:
        cited = list(dict.fromkeys(c.filing.filing_id for c in self.citations))
        companies = list(dict.fromkeys(c.filing.company for c in self.citations if c.filing.company))
        return Turn(self.question, self.text, self.filters, tuple(cited), tuple(companies))

    def to_json(self, question_id: str | None = None) -> dict:
        """The record of `filings-qa ask --json` and of the chat's API (`id`: the question's in a batch)."""
        return {
            "id": question_id,
            "question": self.question,
            "resolved_question": self.resolved_question or self.question,
            "answer": self.text,
            "refused": self.refused,
            "confidence": round(self.confidence, 4),
            "filters": {k: v for k, v in asdict(self.filters).items() if v},
            "flags": list(self.flags),
            "citations": [c.to_json() for c in self.citations],
            "passages": [p.to_json() for p in self.passages],
            "latency_ms": self.latency_ms,
            "answered_at": self.answered_at,
        }

    @classmethod
    def from_json(cls, record: dict) -> "Answer":
        """The answer a `to_json` record holds (a saved conversation's)."""
        return cls(record["question"], record["answer"], record["refused"],
                   [Citation.from_json(c) for c in record["citations"]],
                   [Passage.from_json(p) for p in record["passages"]], Filters(**record["filters"]),
                   record["resolved_question"], record["flags"], record["confidence"], record["latency_ms"],
                   record["answered_at"])
