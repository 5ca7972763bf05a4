"""Filters: the user's explicit ones, resolved to values in the index, and those a question implies.

Explicit filters are hard limits. Inferred ones (a company or its acronym named in the question,
a form, a year, a section by its common name) only raise the matching passages, so they can
never empty a result that the unfiltered search would give.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np

from qa.vocabulary import (FILING_WORDS_FOR, FORM_NAMES_IN_QUESTIONS, PERIOD_NAMING, SECTION_NAMES_IN_QUESTIONS,
                           days_named, named_in, years_asked)
from index.lexical import ChunkFilter, ChunkTable, terms
from index.lexicon import LEGAL_PREFIXES, LEGAL_SUFFIXES, MONTH_NUMBERS
from qa.models import Filters

# A word in capitals that no company's name gives ("ORCL", "NVDA") names the companies whose chunks hold at least
# this share of its occurrences: a ticker, as press releases ("NASDAQ: IMGN") and 10-K covers print it. Measured
# on the corpus index: ORCL, IMGN, NVDA, FFIC, TSLA, WFC occur only in their company's chunks, AAPL only in
# Apple's under its two names, MGM in 57 of 58; LOW is spread over many companies, the top one holding 11%.
TICKER_SHARE = 0.9
TICKER_COMPANIES = 2  # a company filing under an earlier name too (Apple Computer, Apple)
# a word in capitals on its own ("ORCL", "AAPL's"), not part of another (the LG of LG&E, the U of U.S.)
_CAPITALS = re.compile(r"(?<![\w&.'-])[A-Z]{2,5}(?=(?:'s)?(?![\w&'-]|\.\w))")


class FilterError(ValueError):
    """An explicit filter that cannot be applied. `field` names it (a `Filters` field), so that each caller can
    say it in its own words (--since, "Filed on or after"); the message says what is wrong with its value."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field




def _words(name: str) -> list[str]:
    """Lower-case words of a name, keeping '&' and inner hyphens and dots ("1-800-flowers.com")."""
    return re.findall(r"[a-z0-9&]+(?:[-.][a-z0-9]+)*", name.lower().replace("'s ", " "))


def _core(company: str) -> list[str]:
    words = _words(company)
    while words and words[-1] in LEGAL_SUFFIXES | {"the", "and"}:
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return words


def initials(core: list[str]) -> set[str]:
    """A name's initials, its "and" left out or written "&" ("LGE" and "LG&E" of Louisville Gas and Electric)."""
    return {"".join(w if w == "&" else w[0] for w in core if w != "and"),
            "".join("&" if w in ("&", "and") else w[0] for w in core)}


@lru_cache(maxsize=4096)  # asked for every passage of every answer
def company_aliases(company: str) -> frozenset[str]:
    """Ways a question names a company: its name without legal suffixes, its initials ("IBM", "P&G"),
    its first word ("Apple" for Apple Computer, Inc.), its name without a title it does not go by ("Philips"), and
    a name of two words by their first letters run together ("AmEx" for American Express Company)."""
    core = _core(company)
    if not core:
        return frozenset()
    aliases = {" ".join(core)}
    if len(core) >= 2 and core[0] in LEGAL_PREFIXES:
        aliases.add(" ".join(core[1:]))
    significant = [w for w in core if w != "and"]
    if len(significant) >= 2:
        aliases |= {short for short in initials(core) if len(short) >= 3}
        if len(core[0]) >= 4 and not core[0][0].isdigit():
            aliases.add(core[0])
        if "of" in core[2:]:  # "1895 Bancorp of Wisconsin" -> "1895 bancorp"
            aliases.add(" ".join(core[:core.index("of")]))
        if len(core) == 2 and all(w.isalpha() and len(w) >= 4 for w in core):
            aliases |= {core[0][:i] + core[1][:j] for i in (2, 3) for j in (2, 3)}
    elif core[0].endswith(".com"):
        aliases.add(core[0].removesuffix(".com"))
    return frozenset(aliases)


@dataclass(frozen=True)
class Inferred:
    """Filters a question implies, each as its own boost, and how to describe them."""

    boosts: dict[str, ChunkFilter] = field(default_factory=dict)  # "company", "date", "form", "section"
    described: Filters = field(default_factory=Filters)
    symbols: dict[str, tuple[str, ...]] = field(default_factory=dict)  # company: the tickers it is named by

    def conjunction(self) -> ChunkFilter:
        merged: dict = {}
        for chunk_filter in self.boosts.values():
            merged |= {k: v for k, v in chunk_filter.__dict__.items() if v}
        return ChunkFilter(**merged)


class FilterResolver:
    """Resolves filters against what the index holds (its companies, forms and section names)."""

    def __init__(self, table: ChunkTable, rows_holding: Callable[[str], np.ndarray] | None = None):
        """`rows_holding`: the rows of `table` whose chunks hold a stemmed term (tickers are found by it)."""
        self.table = table
        self.companies = table.distinct("company")
        self.forms = table.distinct("form")
        self.sections = table.distinct("section")
        self._aliases = {c: company_aliases(c) for c in self.companies}
        self._cores = {c: tuple(_core(c)) for c in self.companies}  # one company spelled two ways has one core
        self._rows_holding = rows_holding

    # --- explicit ------------------------------------------------------------------------------
    def resolve(self, filters: Filters) -> ChunkFilter:
        companies: tuple[str, ...] = ()
        if filters.company:
            companies = self.companies_named(filters.company)
            if not companies:
                raise FilterError("company", f"no indexed company matches {filters.company!r}")
        forms = tuple(f for f in self.forms if f.upper().startswith(filters.form.strip().upper())) \
            if filters.form else ()
        if filters.form and not forms:
            raise FilterError("form", f"no indexed filing has the form {filters.form!r} "
                                      f"(indexed: {', '.join(self.forms)})")
        sections = self._sections_matching([filters.section]) if filters.section else ()
        if filters.section and not sections:
            raise FilterError("section", f"no indexed section is named {filters.section!r}")
        since, until = _date_number(filters.since, "since"), _date_number(filters.until, "until")
        if since and until and since > until:
            raise FilterError("until",
                              f"{filters.until.strip()} is earlier than the start date {filters.since.strip()}")
        return ChunkFilter(companies, forms, sections, (filters.filing_id,) if filters.filing_id else (), since, until)

    def companies_named(self, name: str) -> tuple[str, ...]:
        """Indexed companies whose name contains the given one, or that it names by an alias."""
        wanted = " ".join(_core(name)) or name.lower().strip()
        return tuple(c for c in self.companies
                     if wanted in " ".join(_words(c)) or wanted in self._aliases[c])

    # --- inferred ------------------------------------------------------------------------------
    def cased(self, question: str) -> str:
        """A question typed all in lower case with the indexed companies it names written as names ("who is
        nvidia's cfo?" -> "who is NVIDIA's cfo?"): a word's capital is what tells a name from a word ("Apple's
        board", "apple juice"), and one who writes none leaves that to the index, though they may write abbreviations
        in capitals ("tesla capex 2023? (purchases of PP&E ...)"). Other questions as they are."""
        if _CAPITALISED_WORD.search(question):
            return question
        for company in sorted(self.companies, key=str.isupper):  # "Apple", not "APPLE COMPUTER INC"'s "APPLE"
            written = {w.lower(): w for w in re.findall(r"[\w&.-]+", company)}
            shorts = initials(_core(company))
            for alias in sorted(self._aliases[company], key=len, reverse=True):
                where = re.compile(rf"(?<![\w&-]){re.escape(alias)}(?![\w&-])")
                if not where.search(question) or not (" " in alias or "&" in alias or self._only_names(alias)):
                    continue  # not named; or a word like "common" of Common Sense Trust, "best" of Best Buy
                spelled = " ".join(written.get(w, w.upper() if alias in shorts else w.capitalize())
                                   for w in alias.split())
                question = where.sub(spelled, question)
        return question

    def _only_names(self, alias: str) -> bool:
        """Whether the index holds this one word (nearly) only in the filings of the companies it names ("nvidia",
        "apple"), not in everyone's ("common", "international")."""
        holders = self._companies_holding(alias)
        named = [c for c in self.companies if alias in self._aliases[c]]
        return holders.size > 0 and np.isin(holders, named).mean() >= TICKER_SHARE

    def _companies_holding(self, word: str) -> np.ndarray:
        """The company of each chunk holding this one word (none when the index cannot say, or it is no word)."""
        stemmed = terms(word)
        if self._rows_holding is None or len(stemmed) != 1:
            return np.array([], dtype=str)
        return self.table.columns["company"][self._rows_holding(stemmed[0])]

    def infer(self, question: str) -> Inferred:
        boosts: dict[str, ChunkFilter] = {}
        described: dict[str, str] = {}
        companies = self._companies_in(question)
        symbols = self._tickers_in(question, companies)
        companies += tuple(c for c in symbols if c not in companies)
        # and the same company as other filings spell it ("APPLE COMPUTER INC" in the header of Apple's 10-Q of
        # February 1999, "Apple Computer, Inc." elsewhere)
        cores = {self._cores[c] for c in companies}
        companies += tuple(c for c in self.companies if c not in companies and self._cores[c] in cores)
        if companies:
            boosts["company"] = ChunkFilter(companies=companies)
            described["company"] = " | ".join(companies)
        years = sorted({int(y) for y in years_asked(question)})
        if years:
            # a filing reports on the year before it too: fiscal 2024 is in a 10-K filed in 2025; and a fiscal year
            # named for the calendar year it ends in is reported on from the July before (Oracle's fiscal 2025 began
            # in June 2024: its first quarter is in a 10-Q of September 2024)
            since = f"{years[0] - 1}-07-01" if PERIOD_NAMING.search(question) else f"{years[0]}-01-01"
            until = f"{years[-1] + 1}-12-31"
            # a day named (a period's end, a balance's) is reported by filings filed after it: Apple's 10-Q of
            # February 1998 says nothing of the quarter ended December 26, 1998
            since = max(since, min(days_named(question), default=since))
            boosts["date"] = ChunkFilter(since=_date_number(since), until=_date_number(until), keep_undated=True)
            described |= {"since": since, "until": until}
        forms = tuple(form for form in named_in(question, FORM_NAMES_IN_QUESTIONS) if form in self.forms)
        if forms:
            boosts["form"] = ChunkFilter(forms=forms)
            described["form"] = " | ".join(forms)
        sections = self._sections_matching(list(named_in(question, SECTION_NAMES_IN_QUESTIONS)), items_by_prefix=False)
        if sections:
            boosts["section"] = ChunkFilter(sections=sections)
            described["section"] = " | ".join(sections)
        return Inferred(boosts, Filters(**described), symbols)

    def _companies_in(self, question: str) -> tuple[str, ...]:
        text = " " + " ".join(_words(question)) + " "
        return tuple(c for c, aliases in self._aliases.items()
                     if any(_names(question, text, alias, _words(c)) for alias in aliases))

    def _tickers_in(self, question: str, named: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """{company: its tickers in the question}: words in capitals that are not a named company's alias, an
        analyst's shorthand, a form or a month, held (nearly) only by the chunks of one or two companies."""
        if self._rows_holding is None:
            return {}
        known = {alias for c in named for alias in self._aliases[c]} | set(FILING_WORDS_FOR) | set(MONTH_NUMBERS)
        found: dict[str, tuple[str, ...]] = {}
        for word in dict.fromkeys(_CAPITALS.findall(question)):
            if word.lower() in known or re.fullmatch(r"Q[1-4]|H[12]|FY|[1-4]Q", word):
                continue
            holding = self._companies_holding(word)
            counts = Counter(holding.tolist()).most_common(TICKER_COMPANIES + 1)
            holders = {c: n for c, n in counts if n >= (1 - TICKER_SHARE) * len(holding)}
            if (len(holders) <= TICKER_COMPANIES and holding.size
                    and sum(holders.values()) >= TICKER_SHARE * len(holding)):
                for company in holders:
                    found[company] = found.get(company, ()) + (word,)
        return found

    def _sections_matching(self, names: list[str], items_by_prefix: bool = True) -> tuple[str, ...]:
        """The indexed sections these names name: exactly, an exhibit by its prefix ("EX-99" covers EX-99.1), and,
        when `items_by_prefix`, an item by its number before a dot (a user's "Item 5" covers an 8-K's Item 5.02;
        the statements a question names, in a 10-K's Item 8, are not an 8-K's Item 8.01)."""
        wanted = [n.lower() for n in names]
        return tuple(s for s in self.sections
                     if any(s.lower() == w or items_by_prefix and s.lower().startswith(w + ".")
                            or (w.startswith("ex-") and s.lower().startswith(w)) for w in wanted))


_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]")  # a word written with a capital, not an abbreviation in capitals


def _names(question: str, words: str, alias: str, company_words: list[str]) -> bool:
    """Whether the question names this alias. A one-word alias must be capitalised and neither open nor close
    another name: "Apple's board" and "Apple CEO" name Apple; "apple juice", "American Monument" and "Richard A.
    Johnson" (a director of Foot Locker) do not."""
    if f" {alias} " not in words:
        return False
    if " " in alias or "&" in alias:
        return True
    for match in re.finditer(rf"\b{re.escape(alias)}\b(?:'s)?\s*((?-i:[A-Z][a-z]+))?", question, re.I):
        written, following = question[match.start():match.start() + len(alias)], (match.group(1) or "").lower()
        # (a month after it dates what is asked: "ExperTelligence Nov 2007 8-K", "ExperTelligence's August 2009 8-K")
        opens_other_name = following and following not in MONTH_NUMBERS and not any(
            w.startswith(following[:5]) for w in company_words)
        # a first name or an initial before it, not the question's first word ("Did Apple ...")
        closes_other_name = re.search(r"(?<!^)(?<![.?!]\s)\b(?:[A-Z][a-z]+|[A-Z]\.)\s+$", question[:match.start()])
        if (written[0].isupper() or written[0].isdigit()) and (not opens_other_name or written.isupper()) \
                and not closes_other_name:
            return True
    return False


def _date_number(value: str, field: str = "") -> int:
    if not value:
        return 0
    try:
        return int(date.fromisoformat(value.strip()).strftime("%Y%m%d"))
    except ValueError:
        raise FilterError(field, f"{value!r} is not a date like 2024-01-31") from None
