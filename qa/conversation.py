"""Follow-up questions without an LLM: "and who signed it?", "what about 2023?".

A follow-up is resolved against the latest turn: its filters carry over, a year alone swaps the
years of the earlier question, and "it" or "they" become the filing or the company it cited.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexicon import YEAR_IN_TEXT
from qa.models import Filters, Turn

# Earlier exchanges a follow-up is resolved against: the LLM reads them all, the offline resolver the latest.
HISTORY_TURNS = 3

_OPENER = re.compile(r"^\s*(?:and|also|what about|how about|and what about|and how about)\b[\s,]*", re.I)
_FILING_PRONOUN = re.compile(r"\b(it|this filing|that filing|the filing|this one|that one)\b", re.I)
_COMPANY_PRONOUN = re.compile(r"\b(they|them|their|its)\b", re.I)


@dataclass(frozen=True)
class Resolved:
    question: str  # standalone, as searched
    filters: Filters  # the user's filters, with the earlier turn's carried over
    earlier_filings: tuple[str, ...] = ()  # filings the earlier answer cited, raised in the search


def resolve_follow_up(question: str, filters: Filters, history: list[Turn], filing_label: dict[str, str],
                      names_company: bool) -> Resolved:
    """The question as a standalone one; `names_company` says whether it names an indexed company itself."""
    if not history or not is_follow_up(question, names_company):
        return Resolved(question, filters)
    earlier = history[-1]
    carried = earlier.filters.merged(filters)
    rest = _OPENER.sub("", question).strip()
    years = YEAR_IN_TEXT.findall(rest)
    if years and len(YEAR_IN_TEXT.sub("", rest).split()) <= 2:
        # "what about 2023?": the earlier question, asked of the new year(s)
        base = earlier.question
        swapped = (YEAR_IN_TEXT.sub(years[0], base) if YEAR_IN_TEXT.search(base)
                   else f"{base.rstrip('?')} in {years[0]}?")
        return Resolved(swapped, _without_dates(carried))
    company = earlier.companies[0] if earlier.companies else ""
    if earlier.filing_ids and _FILING_PRONOUN.search(rest):
        label = filing_label.get(earlier.filing_ids[0], "")
        rest = _FILING_PRONOUN.sub(lambda m: label or m.group(1), rest, count=1)
    elif company and _COMPANY_PRONOUN.search(rest):
        rest = _COMPANY_PRONOUN.sub(lambda m: f"{company}'s" if m.group(1).lower() in ("their", "its")
                                    else company, rest, count=1)
    elif company and not names_company:
        rest = f"{rest.rstrip('?')} ({company})?"
    return Resolved(rest[:1].upper() + rest[1:], carried, earlier.filing_ids[:1])


def is_follow_up(question: str, names_company: bool) -> bool:
    words = question.split()
    return bool(_OPENER.match(question) or _FILING_PRONOUN.search(question) and not names_company
                or _COMPANY_PRONOUN.search(question) and not names_company
                or len(words) <= 5 and not names_company)


def _without_dates(filters: Filters) -> Filters:
    return Filters(**{**filters.__dict__, "since": "", "until": ""})
