"""The offline answerer: picks the sentences of the retrieved passages that answer the question.

Each sentence is scored by its embedding similarity to the question and by lexical evidence: the
question's rare words it contains (weighted by inverse document frequency), whether it holds the
kind of fact asked for (a number, a date, a name), and whether the question's names and years
appear in it or its passage. Below a calibrated score the answer is a refusal.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from index.lexical import terms
from qa.retrieval import with_filing_words
from qa.models import Citation, Passage
from qa.quotes import Sentence, cite, passage_sentences

# The best sentence must score this much for an answer; below it the filings "do not say".
# Calibrated on ../shared/eval/dev_qa.jsonl with `filings-qa eval` (see README, Answer quality).
REFUSAL_THRESHOLD = 0.33
MAX_SENTENCES = 3
SCORED_PASSAGES = 12  # passages whose sentences are scored
EMBEDDED_SENTENCES = 64  # sentences (best by lexical evidence) embedded per question
CORROBORATION = 0.85  # share of the best score from which a sentence of another section is cited too
FACT_DISTANCE = 6  # words between a number and the thing it counts, stopwords not counted
NOT_FOUND = "The indexed filings do not say."

_QUESTION_NOISE = frozenset(terms(
    "what which who whom when where why how many much did does do was were is are the a an company companies "
    "according filing filings report reported say said describe mention give get total"))
_NUMBER = re.compile(r"(?<![\w.])(?:\$\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|percent|million|billion|thousand))?", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b{_MONTH},?\s+\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b")
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-zA-Z'-]+\b")
_FOCUS = re.compile(r"\b(?:what|which|how many|how much)\s+(?:(?:was|were|is|are)\s+)?(?:the\s+)?"
                    r"(?!(?:did|does|do)\b)"
                    r"((?:[\w&'-]+\s+){0,3}?[\w&'-]+)\s+(?:did|does|do|was|were|is|are|has|have|had|in|of|for|at|"
                    r"on|under|will|would)\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w&.-]*[A-Za-z0-9]\b")


@dataclass(frozen=True)
class ScoredSentence:
    sentence: Sentence
    score: float
    covered: frozenset[str]  # question terms the sentence holds


@dataclass
class Extract:
    text: str
    citations: list[Citation]
    confidence: float
    refused: bool
    ranked_passages: list[Passage]  # the passages reordered by the evidence their sentences hold


class ExtractiveAnswerer:
    def __init__(self, embed: Callable[[list[str]], np.ndarray], document_frequency: Callable[[str], int],
                 documents: Callable[[], int]):
        self.embed = embed
        self.document_frequency = document_frequency
        self.documents = documents

    def answer(self, question: str, search_text: str, passages: list[Passage]) -> Extract:
        scored = self.score(question, search_text, passages[:SCORED_PASSAGES])
        ranked = _rerank(passages, scored)
        if not scored or scored[0].score < REFUSAL_THRESHOLD:
            confidence = scored[0].score if scored else 0.0
            return Extract(NOT_FOUND, [], confidence, True, ranked)
        chosen = _select(scored)
        reranked = {p.chunk_id: p for p in ranked}
        citations = [cite(n, [replace(s.sentence, passage=reranked[s.sentence.passage.chunk_id])])
                     for n, s in enumerate(chosen, 1)]
        text = " ".join(f"{_ensure_stop(s.sentence.flat)} [{c.n}]" for s, c in zip(chosen, citations))
        return Extract(text, citations, scored[0].score, False, ranked)

    def score(self, question: str, search_text: str, passages: list[Passage]) -> list[ScoredSentence]:
        """Sentences of the passages, best first."""
        weights = self._term_weights(search_text)
        total = sum(weights.values()) or 1.0
        wanted = _wanted_fact(question)
        focus = {t: weights[t] for t in _focus_terms(question) if t in weights}
        focus_total = sum(focus.values())
        names = _names_in(question)
        years = set(re.findall(r"\b(?:19|20)\d\d\b", question))
        candidates: list[tuple[Sentence, float, frozenset[str], float]] = []
        for passage in passages:
            context = set(terms(f"{passage.company} {passage.form} {passage.section} {passage.section_title}"))
            passage_terms = set(terms(passage.text))
            passage_words = passage.text.lower() + " " + passage.company.lower()
            name_share = _share(names, lambda n: n.lower() in passage_words)
            year_share = _share(years, lambda y: y in passage.text or _year_near(y, passage.filing_date))
            prior = 1.0 / (1 + math.log(passage.rank))
            for sentence in passage_sentences(passage):
                if len(sentence.text.split()) < 4:
                    continue
                own = set(terms(sentence.text))
                covered = frozenset(t for t in weights if t in own)
                nearby = sum(weights[t] for t in weights if t not in own and (t in context or t in passage_terms))
                # the passage's other sentences and its filing's company, form and section are context
                # the answer sentence may lean on ("the January 2000 8-K" need not be in the sentence)
                coverage = (sum(weights[t] for t in covered) + 0.6 * nearby) / total
                fact = 1.0 if _holds_fact(sentence.text, wanted, focus) else 0.0
                focus_share = sum(focus[t] for t in focus if t in own) / focus_total if focus else 1.0
                # long run-on "sentences" (exhibit lists, tables without stops) hold many words by chance
                brevity = 1.0 / (1.0 + max(0, len(own) - 40) / 60)
                lexical = (coverage * brevity * (0.3 + 0.7 * fact) * (0.15 + 0.85 * name_share)
                           * (0.5 + 0.5 * year_share) * (0.4 + 0.6 * focus_share))
                candidates.append((sentence, lexical, covered, prior))
        if not candidates:
            return []
        candidates.sort(key=lambda c: c[1], reverse=True)
        embedded = candidates[:EMBEDDED_SENTENCES]
        vectors = self.embed([question] + [c[0].flat for c in embedded])
        similarities = vectors[1:] @ vectors[0]
        scored = [ScoredSentence(s, 0.55 * lexical + 0.35 * max(0.0, float(sim)) + 0.1 * prior, covered)
                  for (s, lexical, covered, prior), sim in zip(embedded, similarities)]
        return sorted(scored, key=lambda s: s.score, reverse=True)

    def _term_weights(self, search_text: str) -> dict[str, float]:
        documents = max(1, self.documents())
        weights = {}
        for term in dict.fromkeys(terms(search_text)):
            if term in _QUESTION_NOISE or _YEAR.match(term):
                continue  # years are checked against the passage and its filing date instead
            weights[term] = math.log(1 + documents / (1 + self.document_frequency(term)))
        return weights


def _wanted_fact(question: str) -> re.Pattern | None:
    """The kind of fact the question asks for, as a pattern its answer must match."""
    lowered = question.lower()
    if re.search(r"\b(how (many|much|big|large|fast)|what (percent|share|price|amount)|how did .* (change|trend|fall|rise))\b"
                 r"|\b(salary|revenue|revenues|sales|eps|price|ratio|rate|roe|earn|earnings|income|gain|fee)\b", lowered):
        return _NUMBER
    if re.match(r"\s*(when|until when|on what date|what date|by when)\b", lowered):
        return _DATE
    if re.match(r"\s*(who|whom)\b", lowered):
        return _PERSON
    return None


def _focus_terms(question: str) -> list[str]:
    """Terms of what the question asks for: "What [total revenue] did Oracle report", "How many
    [employees] did IBM have". An answer sentence should hold them, not just the question's names."""
    match = _FOCUS.search(question)
    if not match:
        return []
    names = set(terms(" ".join(_CAPITALISED.findall(match.group(1)))))
    return [t for t in terms(with_filing_words(match.group(1)))
            if t not in _QUESTION_NOISE and t not in names and not _YEAR.match(t)]


def _holds_fact(text: str, wanted: re.Pattern | None, focus: dict[str, float]) -> bool:
    """Whether the sentence holds the kind of fact asked for; a number must stand near what was asked
    about ("1,556,000 full-time and part-time employees"), not anywhere in the sentence."""
    if wanted is None:
        return True
    text = _without_dates(text)
    if wanted is not _NUMBER or not focus:
        return wanted.search(text) is not None
    sequence = terms(text)
    numbers = [i for i, t in enumerate(sequence) if t[0].isdigit()]
    asked = [i for i, t in enumerate(sequence) if t in focus]
    return any(abs(n - a) <= FACT_DISTANCE for n in numbers for a in asked)


def _without_dates(text: str) -> str:
    """The text without what a number asked for never is: dates, years, item and exhibit numbers, form
    names (10-K, S-8, 401(k)), registration numbers and footnote marks like (1)."""
    text = _DATE.sub(" ", text)
    return re.sub(r"\b(?:19|20)\d\d\b|\b(?:item|exhibit|ex-)\s*\d+(?:\.\d+)?|\(\d{1,2}\)|\b\d+\([a-z]\)"
                  r"|\b\d+-[a-z][\w-]*|\b[a-z]{1,2}-\d+\b|\b\d{3}-\d{5,}\b", " ", text, flags=re.I)


def _names_in(question: str) -> list[str]:
    """Capitalised words of the question after its first word (names, places, products)."""
    words = _CAPITALISED.findall(question)[1:] if question[:1].isupper() else _CAPITALISED.findall(question)
    return [w.removesuffix("'s") for w in words if w.lower() not in _QUESTION_NOISE and not w.isdigit()
            and not re.fullmatch(r"Q[1-4]|FY|" + _MONTH, w)]


def _share(items, present: Callable[[str], bool]) -> float:
    return sum(1 for i in items if present(i)) / len(items) if items else 1.0


def _year_near(year: str, filing_date: str) -> bool:
    return bool(filing_date) and int(filing_date[:4]) in (int(year), int(year) + 1)


def _select(scored: list[ScoredSentence]) -> list[ScoredSentence]:
    """The best sentence, and up to two more that add question terms it lacks (multi-part questions)."""
    best = scored[0]
    chosen = [best]
    covered = set(best.covered)
    for candidate in scored[1:]:
        if len(chosen) == MAX_SENTENCES or candidate.score < 0.75 * best.score:
            break
        new_terms = candidate.covered - covered
        # a fact stated in the 8-K item and again in its press release is cited in both places
        corroborates = candidate.score >= CORROBORATION * best.score and all(
            (c.sentence.passage.filing_id, c.sentence.passage.section)
            != (candidate.sentence.passage.filing_id, candidate.sentence.passage.section) for c in chosen)
        if (new_terms or corroborates) and candidate.sentence.text not in {c.sentence.text for c in chosen}:
            chosen.append(candidate)
            covered |= new_terms
    # in the filing's order, so that the answer reads as the filing does
    return sorted(chosen, key=lambda s: (s.sentence.passage.rank, s.sentence.start))


def _rerank(passages: list[Passage], scored: list[ScoredSentence]) -> list[Passage]:
    best: dict[str, float] = {}
    for s in scored:
        best.setdefault(s.sentence.passage.chunk_id, s.score)
    order = sorted(passages, key=lambda p: (-best.get(p.chunk_id, -1.0), p.rank))
    return [replace(p, rank=rank) for rank, p in enumerate(order, 1)]


def _ensure_stop(text: str) -> str:
    return text if text[-1:] in ".!?:;" else text + "."
