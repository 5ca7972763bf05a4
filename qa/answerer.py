"""The offline answerer: picks the sentences of the retrieved passages that answer the question.

Each sentence is scored by lexical evidence and by its passage's retrieval rank (where the embedding
model's judgement enters): the question's rare words it contains (weighted by inverse document frequency),
whether it states the kind of fact asked for (a number, a date, a person, a name, a reason) that the
question does not already give, whether it adds to the question rather than restating it, and whether the
question's names and years appear in it or its passage. Below a calibrated score the answer is a refusal.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from qa.vocabulary import FILING_WORDS_FOR
from index.lexical import terms
from index.lexicon import LEGAL_SUFFIXES, MONTHS, YEAR, YEAR_IN_TEXT
from qa.filters import company_aliases
from qa.retrieval import with_filing_words
from qa.models import Citation, Passage
from qa.quotes import Sentence, cite, passage_sentences

# The best sentence must score this much for an answer; below it the filings "do not say".
# Calibrated on ../shared/eval/dev_qa.jsonl with `filings-qa eval` (see README, Answer quality).
REFUSAL_THRESHOLD = 0.2
MAX_SENTENCES = 3
SCORED_PASSAGES = 12  # passages whose sentences are scored
# Share of a sentence's score that comes from its passage's retrieval rank (dense and BM25 fused); the rest
# is lexical evidence. Cosine similarity of question and sentence embeddings was measured on the dev set and
# left out: it ranked the evidence sentence first less often (17 of 37 at weight 0.35, 21 without it) and
# cost about a second per question on a CPU.
PRIOR_WEIGHT = 0.125
RUNNER_UP = 0.8  # share of the best sentence's score from which another sentence joins the answer
FACT_DISTANCE = 6  # words between a number and the thing it counts, stopwords not counted
NOT_FOUND = "The indexed filings do not say."

_QUESTION_NOISE = frozenset(terms(
    "what which who whom when where why how many much did does do was were is are the a an company companies "
    "according filing filings report reported say said describe mention give get total"))
_YEAR = re.compile(rf"^{YEAR}$")
_MONTH = "(?:" + "|".join(month.capitalize() for month in MONTHS) + ")"  # as written in prose dates
_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b{_MONTH},?\s+\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b")
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-zA-Z'-]+\b")
_FOCUS = re.compile(r"\b(?:what|which|how many|how much)\s+(?:(?:was|were|is|are)\s+)?(?:the\s+)?"
                    r"(?!(?:did|does|do)\b)"
                    r"((?:[\w&'-]+\s+){0,3}?[\w&'-]+)\s+(?:did|does|do|was|were|is|are|has|have|had|in|of|for|at|"
                    r"on|under|will|would)\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w&.-]*[A-Za-z0-9]\b")
_NAME_RUN = re.compile(r"\b[A-Z][\w&.'-]*[A-Za-z0-9](?:\s+[A-Z][\w&.'-]*[A-Za-z0-9])*")
# "What share of X": the kind of number asked for, not the thing it measures
_MEASURES = frozenset(terms("share percentage percent proportion portion amount number"))
_REASON = re.compile(r"\b(?:because|due to|as a result|result(?:ed|s|ing)? from|owing to|attributable to|driven by|"
                     r"caused by|reflect(?:s|ed|ing)?|in order to|so that|reasons?)\b", re.I)
# Capitalised words that are titles, bodies and document words, not the name of a person or a company.
_NOT_NAMES = frozenset(
    "the a an chief officer president vice executive financial operating director directors board "
    "senior general counsel chairman treasurer secretary annual report united states securities "
    "exchange commission item exhibit form press release committee principal accounting controller "
    "registrant group management our we".split()) | LEGAL_SUFFIXES
# A question's name held by fewer than this share of chunks is distinctive: a passage that lacks it is about
# something else (a question about Flushing Financial is not answered from Meta's 10-K).
DISTINCTIVE_NAME = 0.01
NOVELTY_ENOUGH = 0.4  # share of a sentence's words not in the question from which it is not a mere restatement


@dataclass(frozen=True)
class ScoredSentence:
    sentence: Sentence
    score: float
    filled: frozenset[str]  # kinds of fact asked for that the sentence states
    # whether it may answer: its passage holds the question's distinctive names and years, and it states
    # a kind of fact asked for (when the question asks for one)
    eligible: bool


@dataclass(frozen=True)
class Asked:
    """What a question asks for, and what it already says (an answer must add to it, not restate it)."""

    slots: tuple[str, ...]  # kinds of fact asked for: "number", "date", "person", "name", "reason"
    focus: dict[str, float]  # weighted terms of the thing asked about ("employees" in "how many employees")
    known_numbers: frozenset[str]
    known_words: frozenset[str]  # lower-case words of the question and of its filing words

    @classmethod
    def of(cls, question: str, search_text: str, focus: dict[str, float]) -> "Asked":
        words = re.findall(r"[\w&'-]+", search_text.lower())
        return cls(_slots(question), focus, frozenset(t for t in terms(question) if t[0].isdigit()),
                   frozenset(w.removesuffix("'s") for w in words))

    def filled_by(self, text: str) -> frozenset[str]:
        return frozenset(slot for slot in self.slots if _FILLS[slot](self, text))


@dataclass
class Extract:
    text: str
    citations: list[Citation]
    confidence: float
    refused: bool
    ranked_passages: list[Passage]  # the passages reordered by the evidence their sentences hold


class ExtractiveAnswerer:
    def __init__(self, document_frequency: Callable[[str], int], documents: Callable[[], int]):
        self.document_frequency = document_frequency
        self.documents = documents

    def answer(self, question: str, search_text: str, passages: list[Passage]) -> Extract:
        scored = self.score(question, search_text, passages[:SCORED_PASSAGES])
        ranked = _rerank(passages, scored)
        eligible = [s for s in scored if s.eligible]
        if not eligible or eligible[0].score < REFUSAL_THRESHOLD:
            confidence = eligible[0].score if eligible else 0.0
            return Extract(NOT_FOUND, [], confidence, True, ranked)
        chosen = _select(eligible)
        reranked = {p.chunk.chunk_id: p for p in ranked}
        citations = [cite(n, [replace(s.sentence, passage=reranked[s.sentence.passage.chunk.chunk_id])])
                     for n, s in enumerate(chosen, 1)]
        text = " ".join(f"{_ensure_stop(s.sentence.flat)} [{c.n}]" for s, c in zip(chosen, citations))
        return Extract(text, citations, eligible[0].score, False, ranked)

    def score(self, question: str, search_text: str, passages: list[Passage]) -> list[ScoredSentence]:
        """Sentences of the passages, best first."""
        weights = self._term_weights(search_text)
        total = sum(weights.values()) or 1.0
        focus = {t: weights[t] for t in _focus_terms(question) if t in weights}
        focus_total = sum(focus.values())
        asked = Asked.of(question, search_text, focus)
        question_terms = set(terms(search_text))
        named = _names_in(question)
        names = [word for name in named for word in name]
        # a name is in a passage when one of its distinctive words is ("Steve" for "Steve Jobs")
        distinctive = [words for words in ([w for w in name if self._is_distinctive(w)] for name in named) if words]
        years = set(YEAR_IN_TEXT.findall(question))
        scored: list[ScoredSentence] = []
        for passage in passages:
            chunk, filing = passage.chunk, passage.chunk.filing
            context = set(terms(f"{filing.company} {filing.form} {chunk.section} {chunk.section_title}"))
            passage_terms = set(terms(chunk.text))
            passage_words = chunk.text.lower() + " " + filing.company.lower()
            passage_words += " " + " ".join(company_aliases(filing.company))
            name_share = _share(names, lambda n: n.lower() in passage_words)
            year_share = _share(years, lambda y: y in chunk.text or _year_near(y, filing.filing_date))
            on_topic = year_share > 0 and all(any(w.lower() in passage_words for w in words) for words in distinctive)
            prior = 1.0 / (1 + math.log(passage.rank))
            for sentence in passage_sentences(passage):
                if len(sentence.text.split()) < 4:
                    continue
                own = set(terms(sentence.text))
                held = [t for t in weights if t in own]
                nearby = sum(weights[t] for t in weights if t not in own and (t in context or t in passage_terms))
                # the passage's other sentences and its filing's company, form and section are context
                # the answer sentence may lean on ("the January 2000 8-K" need not be in the sentence)
                coverage = (sum(weights[t] for t in held) + 0.6 * nearby) / total
                filled = asked.filled_by(sentence.text)
                fact = len(filled) / len(asked.slots) if asked.slots else 1.0
                focus_share = sum(focus[t] for t in focus if t in own) / focus_total if focus else 1.0
                # long run-on "sentences" (exhibit lists, tables without stops) hold many words by chance
                brevity = 1.0 / (1.0 + max(0, len(own) - 40) / 60)
                # a headline that repeats the question ("ImmunoGen appoints new CFO") answers nothing
                novelty = len(own - question_terms - context) / len(own) if own else 0.0
                lexical = (coverage * brevity * (0.3 + 0.7 * fact) * (0.15 + 0.85 * name_share)
                           * (0.5 + 0.5 * year_share) * (0.4 + 0.6 * focus_share)
                           * (0.5 + 0.5 * min(1.0, novelty / NOVELTY_ENOUGH)))
                states_value = bool(filled & _VALUES) or not set(asked.slots) & _VALUES
                scored.append(ScoredSentence(sentence, (1 - PRIOR_WEIGHT) * lexical + PRIOR_WEIGHT * prior, filled,
                                             on_topic and states_value))
        return sorted(scored, key=lambda s: s.score, reverse=True)

    def _is_distinctive(self, name: str) -> bool:
        names_terms = terms(name)
        return bool(names_terms) and min(self.document_frequency(t) for t in names_terms) < (
            DISTINCTIVE_NAME * max(1, self.documents()))

    def _term_weights(self, search_text: str) -> dict[str, float]:
        documents = max(1, self.documents())
        weights = {}
        for term in dict.fromkeys(terms(search_text)):
            if term in _QUESTION_NOISE or _YEAR.match(term):
                continue  # years are checked against the passage and its filing date instead
            weights[term] = math.log(1 + documents / (1 + self.document_frequency(term)))
        return weights


def _slots(question: str) -> tuple[str, ...]:
    """The kinds of fact a question asks for; a question of several parts asks for several."""
    lowered = question.lower()
    cues = {
        "number": r"\b(how (many|much|big|large|fast)|what (percent|share|price|amount)|how did .* (change|trend|fall|rise))\b"
                  r"|\b(salary|revenue|revenues|sales|eps|price|ratio|rate|roe|earn|earnings|income|gain|fee)\b",
        "date": r"\b(when|until when|on what date|what date|by when)\b",
        "person": r"\b(who|whom)\b",
        "name": r"^\s*where\b|\b(which|what) (company|companies|firm|bank|auditor|accountant|business|subsidiary|"
                r"exchange|entity)\b",
        "reason": r"\bwhy\b",
    }
    return tuple(slot for slot, cue in cues.items() if re.search(cue, lowered))


def _focus_terms(question: str) -> list[str]:
    """Terms of what the question asks for: "What [total revenue] did Oracle report", "How many
    [employees] did IBM have". An answer sentence should hold them, not just the question's names."""
    focus = []
    for match in _FOCUS.finditer(question):  # each part of "what gain ..., and how much cash ..."
        names = set(terms(" ".join(_CAPITALISED.findall(match.group(1)))))
        focus += [t for t in terms(with_filing_words(match.group(1))) if t not in _QUESTION_NOISE
                  and t not in names and t not in _MEASURES and not _YEAR.match(t)]
    return list(dict.fromkeys(focus))


def _states_number(asked: Asked, text: str) -> bool:
    """A number the question does not give, near what was asked about when that is known
    ("1,556,000 full-time and part-time employees"), not anywhere in the sentence."""
    sequence = terms(_without_dates(text))
    numbers = [i for i, t in enumerate(sequence) if t[0].isdigit() and t not in asked.known_numbers]
    if not asked.focus:
        return bool(numbers)
    about = [i for i, t in enumerate(sequence) if t in asked.focus]
    return any(abs(n - a) <= FACT_DISTANCE for n in numbers for a in about)


def _states_date(asked: Asked, text: str) -> bool:
    return any(not set(match.lower().replace(",", " ").split()) <= asked.known_words for match in _DATE.findall(text))


def _is_new_name(asked: Asked, words: list[str]) -> bool:
    lowered = [w.lower().removesuffix("'s") for w in words]
    return not any(w in asked.known_words or w in _NOT_NAMES for w in lowered)


def _states_person(asked: Asked, text: str) -> bool:
    return any(_is_new_name(asked, re.findall(r"[A-Za-z'-]{2,}", match)) for match in _PERSON.findall(text))


def _states_name(asked: Asked, text: str) -> bool:
    """A proper name the question does not give (a company, a firm, a place); a sentence's first word is
    capitalised by position, so it does not count."""
    return any(_is_new_name(asked, [word]) and not re.fullmatch(_MONTH, word)
               for word in _CAPITALISED.findall(text)[1:])


# Kinds of fact a sentence states or not, beyond doubt; a sentence that states none of those asked for
# cannot answer. Names and reasons are only recognised loosely, so they only weigh in the score.
_VALUES = frozenset({"number", "date", "person"})
_FILLS: dict[str, Callable[[Asked, str], bool]] = {
    "number": _states_number, "date": _states_date, "person": _states_person, "name": _states_name,
    "reason": lambda asked, text: _REASON.search(text) is not None,
}


def _without_dates(text: str) -> str:
    """The text without what a number asked for never is: dates, years, item and exhibit numbers, form
    names (10-K, S-8, 401(k)), registration numbers and footnote marks like (1)."""
    text = _DATE.sub(" ", text)
    return re.sub(rf"\b{YEAR}\b" r"|\b(?:item|exhibit|ex-)\s*\d+(?:\.\d+)?|\(\d{1,2}\)|\b\d+\([a-z]\)"
                  r"|\b\d+-[a-z][\w-]*|\b[a-z]{1,2}-\d+\b|\b\d{3}-\d{5,}\b", " ", text, flags=re.I)


def _names_in(question: str) -> list[list[str]]:
    """Names of the question, each as its capitalised words ("Steve Jobs", "AFC Gamma"): the words after
    the question's first word that are not analysts' shorthand (CFO), quarters, fiscal years or months."""
    names = []
    for run in _NAME_RUN.finditer(question):
        words = [w.removesuffix("'s") for w in _CAPITALISED.findall(run.group())[1 if run.start() == 0 else 0:]
                 if w.lower() not in _QUESTION_NOISE and not w.isdigit() and w.lower() not in FILING_WORDS_FOR
                 and not re.fullmatch(r"Q[1-4]|FY\d*|" + _MONTH, w)]
        if words:
            names.append(words)
    return names


def _share(items, present: Callable[[str], bool]) -> float:
    return sum(1 for i in items if present(i)) / len(items) if items else 1.0


def _year_near(year: str, filing_date: str) -> bool:
    return bool(filing_date) and int(filing_date[:4]) in (int(year), int(year) + 1)


def _select(scored: list[ScoredSentence]) -> list[ScoredSentence]:
    """The best sentence and up to two more nearly as good: another part of a multi-part question, the answer
    in other words, or the same fact in an 8-K item and in its press release."""
    chosen: list[ScoredSentence] = []
    for candidate in scored:
        if len(chosen) == MAX_SENTENCES or candidate.score < RUNNER_UP * scored[0].score:
            break
        if candidate.sentence.flat not in {c.sentence.flat for c in chosen}:
            chosen.append(candidate)
    # in the filing's order, so that the answer reads as the filing does
    return sorted(chosen, key=lambda s: (s.sentence.passage.rank, s.sentence.start))


def _rerank(passages: list[Passage], scored: list[ScoredSentence]) -> list[Passage]:
    best: dict[str, float] = {}
    for s in scored:
        best.setdefault(s.sentence.passage.chunk.chunk_id, s.score)
    order = sorted(passages, key=lambda p: (-best.get(p.chunk.chunk_id, -1.0), p.rank))
    return [replace(p, rank=rank) for rank, p in enumerate(order, 1)]


def _ensure_stop(text: str) -> str:
    return text if text[-1:] in ".!?:;" else text + "."
