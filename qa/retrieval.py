"""Hybrid retrieval: dense search in Chroma and BM25 over the same chunks, fused by reciprocal rank.

Explicit filters restrict both searches. Filters inferred from the question add a second, narrowed
pair of searches to the candidates (a third pair, without the section, for a financial statement named) and raise
the score of each candidate that satisfies them.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from qa.vocabulary import FILING_WORDS_FOR, OWING, PERIOD_NAMING, PLACES, statements_named, without_instructions
from index.lexical import ChunkFilter, ChunkTable, terms
from index.lexicon import MONTHS
from index.store import FilingIndex
from qa.filters import FilterResolver, Inferred
from qa.models import Filters, Passage
from qa.tables import CELL, GENERIC_LABEL, label_terms

RRF_K = 60  # the usual reciprocal-rank-fusion constant: ranks beyond a few dozen barely count
CANDIDATES = 40  # taken from each ranked list before fusion
# Chroma's metadata filters take 150 ms and more on a collection of 200k chunks, so filters are applied in
# memory: to the DENSE_POOL nearest chunks, fetched once per question (5 ms); a filter that leaves fewer than
# CANDIDATES of them is searched among its own chunks: exactly, with their stored vectors, when they are at
# most EXACT_LIMIT, else by a Chroma search restricted to their ids.
DENSE_POOL = 1000
EXACT_LIMIT = 1500
# How much a candidate's fused score rises when it holds a table row labelled with the question's words (a
# statement's line item: "Total liabilities" for "What were Amcor's total liabilities ..."): dense search ranks
# tables of figures low (Amcor's balance sheet came 19th), and a chunk outside the SCORED_PASSAGES is never read.
# Spot checks (evaluation/spot_checks.jsonl) at 1.0: evidence among the first five 45 to 47 of 50, answers holding
# the needle 32 to 37; at 0.5: 46 and 36. Rows labelled with one word ("Revenue") or with the question's names
# ("Greater China") are too common to say anything: raising them cost the tuning half answers.
LINE_ITEM_BOOST = 1.0
# How much a candidate's fused score rises when it is part of the financial statement the question names ("Based on
# the statement of financial position, what was ... Boeing's inventories"): its title is in its table's header or
# its opening lines. STATEMENT_TITLE_LINES: the lines of a chunk's opening where a statement's title may be.
STATEMENT_BOOST = 1.0
STATEMENT_TITLE_LINES = 3
# A chunk holding a table row labelled with a rare name the question asks about ("Ibrance" among forty products)
# ranks below the prose that names it, and a chunk outside the scored passages is never read: up to NAMED_ROWS such
# chunks among the CANDIDATES are read too. Round 17, spot checks: evidence among the first five 241 to 244, needles
# 209 to 212, dev tuning half alike. A name is rare when fewer than RARE_NAME of the chunks hold it: with any name,
# rows labelled "Domestic" or "Greater China" in many tables were read before the evidence (a held-out spot check's
# evidence out of the first five, the tuning half's Greater China comparison third to sixth).
NAMED_ROWS = 2
RARE_NAME = 0.01
_QUESTION_WORDS = frozenset(terms("what which who how when where why did does do was were is are q1 q2 q3 q4 fy"))
# How much a candidate's fused score rises for each inferred filter it satisfies.
# A follow-up's earlier filing ("and who signed it?") counts most.
BOOSTS = {"company": 1.0, "date": 0.5, "form": 0.3, "section": 0.5, "earlier_filing": 2.0}


@dataclass
class Retrieval:
    passages: list[Passage]
    search_text: str  # the question with the filings' words for its analysts' words
    filters: Filters  # explicit filters merged with the inferred ones, for display
    inferred: Inferred = field(default_factory=Inferred)
    # passages ranked below the k that hold a table row labelled with a name the question asks about, for the
    # answerer to read too
    named_rows: list[Passage] = field(default_factory=list)

    @property
    def named_companies(self) -> dict[str, tuple[str, ...]]:
        """The indexed companies the question names, each with the tickers it names it by (not the companies an
        explicit filter fixed: every passage is theirs)."""
        company = self.inferred.boosts.get("company")
        return {c: self.inferred.symbols.get(c, ()) for c in company.companies} if company else {}


class HybridRetriever:
    def __init__(self, index: FilingIndex, embed: Callable[[list[str]], np.ndarray]):
        self.index = index
        self.embed = embed
        self._resolver: FilterResolver | None = None
        self._resolver_generation: str | None = None

    def resolver(self) -> FilterResolver:
        """Filters resolved against the filings searchable at the index's last refresh."""
        generation = self.index.generation
        if self._resolver is None or self._resolver_generation != generation:
            lexical = self.index.lexical.snapshot()
            self._resolver, self._resolver_generation = FilterResolver(lexical.table, lexical.rows_holding), generation
        return self._resolver

    def retrieve(self, question: str, filters: Filters, k: int, earlier_filings: tuple[str, ...] = ()) -> Retrieval:
        """The k best passages among the filings searchable at the index's last refresh (`refresh_lexical`, which
        callers make once per question); `earlier_filings` (cited by the turn a follow-up refers to) are raised."""
        resolver = self.resolver()
        query = with_filing_words(question)
        query_vector = self.embed([query])[0]
        lexical = self.index.lexical.snapshot()  # one table and its scores throughout
        hard = resolver.resolve(filters)
        inferred = resolver.infer(question)
        # what the user fixed is not also boosted
        fixed = {"company": filters.company, "form": filters.form, "section": filters.section,
                 "date": filters.since or filters.until}
        boosts = {name: f for name, f in inferred.boosts.items() if not fixed[name]}
        if earlier_filings and not filters.filing_id:
            boosts["earlier_filing"] = ChunkFilter(filing_ids=earlier_filings)
        statements = statements_named(question)

        bm25 = lexical.scores(lexical_query(query))
        table = lexical.table
        pool = self.index.nearest(query_vector, min(DENSE_POOL, len(table))) if len(table) else []
        ranked_lists = []
        for chunk_filter in searched_filters(hard, boosts, bool(statements)):
            mask = table.mask(chunk_filter)
            ranked_lists += [self._dense(query_vector, pool, table, mask), _top(bm25, mask, table.chunk_ids)]

        fused: dict[str, float] = defaultdict(float)
        for ranked in ranked_lists:
            for rank, chunk_id in enumerate(ranked, 1):
                fused[chunk_id] += 1.0 / (RRF_K + rank)
        if boosts:
            masks = {name: lexical.table.mask(f) for name, f in boosts.items()}
            for chunk_id in fused:
                row = lexical.table.row_of.get(chunk_id)
                if row is not None:
                    fused[chunk_id] *= 1.0 + sum(BOOSTS[name] for name, mask in masks.items() if mask[row])

        chunks = self.index.chunks(sorted(fused, key=fused.get, reverse=True)[:max(k, CANDIDATES)])
        asked = _line_item_words(query)
        for chunk in chunks:
            if _holds_line_item(chunk.text, asked):
                fused[chunk.chunk_id] *= 1.0 + LINE_ITEM_BOOST
            if statements and statements & statements_named("\n".join(
                    [chunk.table_header, *chunk.text.splitlines()[:STATEMENT_TITLE_LINES]]), titles_only=True):
                fused[chunk.chunk_id] *= 1.0 + STATEMENT_BOOST
        chunks = sorted(chunks, key=lambda chunk: fused[chunk.chunk_id], reverse=True)
        passages = [Passage(rank, chunk, round(fused[chunk.chunk_id], 6)) for rank, chunk in enumerate(chunks, 1)]
        names = {t for t in _names_asked(question, inferred)
                 if lexical.document_frequency(t) < RARE_NAME * len(table)}
        named_rows = [p for p in passages[k:] if names and _holds_named_row(p.chunk.text, names)][:NAMED_ROWS]
        shown = filters.merged(Filters(**{k: v for k, v in inferred.described.__dict__.items()
                                          if k in boosts or (k in ("since", "until") and "date" in boosts)}))
        return Retrieval(passages[:k], query, shown, Inferred(boosts, inferred.described, inferred.symbols),
                         named_rows)

    def _dense(self, query_vector: np.ndarray, pool: list[tuple[str, float]], table: ChunkTable,
               mask: np.ndarray) -> list[str]:
        """The CANDIDATES chunks nearest the query among those the mask keeps (rows of `table`, which holds
        only chunks of complete filings)."""
        rows = ((chunk_id, table.row_of.get(chunk_id)) for chunk_id, _ in pool)
        kept = [chunk_id for chunk_id, row in rows if row is not None and mask[row]]
        allowed = int(mask.sum())
        if len(kept) >= CANDIDATES or len(kept) == allowed:
            return kept[:CANDIDATES]
        allowed_ids = [str(i) for i in table.chunk_ids[mask]]
        if allowed > EXACT_LIMIT:
            return [chunk_id for chunk_id, _ in self.index.nearest(query_vector, CANDIDATES, allowed_ids)]
        vectors = self.index.vectors(allowed_ids)
        ids = list(vectors)
        similarity = np.stack([vectors[i] for i in ids]) @ np.asarray(query_vector, dtype=np.float32)
        return [ids[i] for i in np.argsort(-similarity)[:CANDIDATES]]


def _line_item_words(search_text: str) -> set[str]:
    """The terms a line item the question asks for may be labelled with: its words but its names (capitalised),
    with the filing words for its analysts' words."""
    names = terms(" ".join(re.findall(r"\b[A-Z][\w&.'-]*", search_text)))
    return set(terms(search_text)) - set(names)


def _names_asked(question: str, inferred: Inferred) -> set[str]:
    """The terms of the names a question asks about: its capitalised words but the first, months and the words of
    the companies it names ("Ibrance" in "What were Pfizer's worldwide Ibrance revenues ...")."""
    words = re.findall(r"(?<!^)\b(?:[A-Z]|[a-z]+[A-Z])[\w&'-]*", without_instructions(question).strip())  # and "iPad"
    company = inferred.boosts.get("company")
    companies = " ".join(company.companies) if company else ""
    return set(terms(" ".join(words))) - set(terms(" ".join([*MONTHS, companies]))) - _QUESTION_WORDS


def _holds_named_row(text: str, names: set[str]) -> bool:
    """Whether the text holds a table row of figures whose label holds one of the names."""
    return any(CELL in line and re.search(r"\d", line.split(CELL, 1)[1]) and names & set(label_terms(line))
               for line in text.splitlines())


def _holds_line_item(text: str, asked: set[str]) -> bool:
    """Whether the text holds a table row labelled with two words or more, all the question's but "total", "net"
    and "other", which a statement adds to its line items ("Total liabilities\t12,913" for "What were Amcor's
    liabilities ...", "Total net sales" for "How much revenue ... (net sales)")."""
    for line in text.splitlines():
        if CELL not in line:
            continue
        label = label_terms(line)
        named = set(label) - GENERIC_LABEL
        if len(label) >= 2 and named and named <= asked:
            return True
    return False


def lexical_query(search_text: str) -> str:
    """What BM25 searches for: the search text without the word that names its period ("fiscal", "FY"), which is
    prose's (qa.vocabulary.PERIOD_NAMING)."""
    return PERIOD_NAMING.sub(" ", search_text)


def with_filing_words(question: str) -> str:
    """The question, without instructions to whoever answers (the unit to answer in, how to go about it), with the
    words filings use for its analysts' words ("headcount" -> "employees")."""
    question = without_instructions(question)
    added = [" ".join(phrases) for phrases in analysts_words(question).values()]
    return f"{question} ({'; '.join(added)})" if added else question


# each analysts' phrase as a question may write it, with a hyphen or a space alike ("top-line figure" is the top
# line), compiled once
_ANALYSTS_PHRASES = [(term, re.compile(r"(?<![\w&])" + r"[\s-]".join(map(re.escape, re.split(r"[ -]", term)))
                                       + r"(?![\w&])", re.I)) for term in FILING_WORDS_FOR]


_NAME_AFTER = re.compile(r"\s+[A-Z]")  # a capitalised word next: a name


def analysts_words(question: str) -> dict[str, tuple[str, ...]]:
    """The analysts' words of the question (qa.vocabulary.FILING_WORDS_FOR), with the phrases filings use for each.
    A word capitalised inside a sentence is part of a name, not the analysts' word ("Best Buy" asks about no deal);
    abbreviations in capitals (CFO, EPS, RevPAR) are the analysts' words. A word inside a longer analysts' phrase
    is that phrase's ("employee turnover" is no revenue, "inventory turnover" no sales)."""
    found: dict[str, tuple[int, int]] = {}
    for term, written in _ANALYSTS_PHRASES:
        for match in written.finditer(question):
            word = match.group().split()[0]
            if term in PLACES and not word.isupper():
                continue
            if term in OWING and _NAME_AFTER.match(question, match.end()):
                continue  # what others owe the company named (qa.vocabulary.OWING)
            if opens_sentence(question, match.start()) or not (word[0].isupper() and word[1:].islower()):
                found[term] = match.span()
                break
    return {term: FILING_WORDS_FOR[term] for term, (start, end) in found.items()
            if not any(s <= start and end <= e and e - s > end - start for s, e in found.values())}


def opens_sentence(text: str, position: int) -> bool:
    """Whether the word at `position` is the first of a sentence of `text` (capitalised by position, not as a name)."""
    before = text[:position].rstrip()
    return not before or before[-1] in ".?!"


def searched_filters(hard: ChunkFilter, boosts: dict[str, ChunkFilter], names_statement: bool) -> list[ChunkFilter]:
    """The filters each searched on its own: the user's; theirs with all that the question suggests; and, for a
    question naming a financial statement, theirs with all but the section of statements, which may not hold it
    (PepsiCo's 2022 10-K sets its statements of income and cash flows in Item 7, its Item 8 only points to them)."""
    if not boosts:
        return [hard]
    searched = [hard, _both(hard, Inferred(boosts).conjunction())]
    others = {name: f for name, f in boosts.items() if name != "section"}
    if names_statement and others and len(others) < len(boosts):
        searched.append(_both(hard, Inferred(others).conjunction()))
    return searched


def _both(first: ChunkFilter, second: ChunkFilter) -> ChunkFilter:
    """Both filters at once; what the first one sets is kept (the user's explicit choice)."""
    dated = first if first.since or first.until else second
    return replace(ChunkFilter(**{k: getattr(first, k) or getattr(second, k) for k in first.__dict__}),
                   since=dated.since, until=dated.until, keep_undated=dated.keep_undated)


def _top(scores: np.ndarray, mask: np.ndarray, chunk_ids: np.ndarray) -> list[str]:
    masked = np.where(mask, scores, 0.0)
    if not len(masked):
        return []
    count = min(CANDIDATES, len(masked))
    top = np.argpartition(-masked, count - 1)[:count]
    top = top[np.argsort(-masked[top])]
    return [str(chunk_ids[i]) for i in top if masked[i] > 0]

