"""What the question-answering layer takes and returns: filters, passages, citations, answers."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace


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
    """A retrieved chunk of a filing, with its place in the filing's extracted text."""

    rank: int
    chunk_id: str
    filing_id: str
    company: str
    form: str
    filing_date: str
    accession: str
    section: str
    section_title: str
    source: str
    text: str  # exact slice text[char_start:char_end] of the filing's extracted text
    char_start: int
    char_end: int
    page: int | None
    score: float

    def to_json(self) -> dict:
        return {"rank": self.rank, "chunk_id": self.chunk_id, "filing_id": self.filing_id, "company": self.company,
                "form": self.form, "filing_date": self.filing_date, "source": self.source, "section": self.section,
                "section_title": self.section_title, "page": self.page, "char_start": self.char_start,
                "char_end": self.char_end, "text": self.text, "score": self.score}


@dataclass(frozen=True)
class Citation:
    """[n] in an answer: a verbatim quote of one filing's extracted text and where it lies."""

    n: int
    filing_id: str
    company: str
    form: str
    filing_date: str
    accession: str
    section: str
    section_title: str
    source: str
    page: int | None
    quote: str  # exact substring text[char_start:char_end] of the filing's extracted text
    char_start: int
    char_end: int
    passage_rank: int  # the passage the quote lies in (Passage.rank)

    def to_json(self) -> dict:
        return asdict(self)


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

    def as_turn(self) -> Turn:
        cited = list(dict.fromkeys(c.filing_id for c in self.citations))
        companies = list(dict.fromkeys(c.company for c in self.citations if c.company))
        return Turn(self.question, self.text, self.filters, tuple(cited), tuple(companies))

    def to_json(self, question_id: str | None = None) -> dict:
        """The record of `filings-qa ask --json` and of the chat's API."""
        record = {"id": question_id} if question_id is not None else {}
        return record | {
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
        }
