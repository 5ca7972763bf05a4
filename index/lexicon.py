"""Facts of the language filings and questions are written in, declared once: month names, how a year is
written, and the legal suffixes of company names. Readers, the answerer and the evaluation derive their
patterns from these."""
from __future__ import annotations

import re

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
# Every way a month is written, lower case, to its number: the name, its first three letters, and "sept".
MONTH_NUMBERS: dict[str, int] = {
    alias: number for number, month in enumerate(MONTHS, 1)
    for alias in (month, month[:3], *(["sept"] if month == "september" else []))}


def _longest_first(words) -> str:
    """An alternation of the words in which a longer word is tried before its prefix."""
    return "|".join(sorted(set(words), key=lambda word: (-len(word), word)))


# A month as written in a date ("Sept.", "march", "DEC"): match case-insensitively.
MONTH_ALIASES = _longest_first(MONTH_NUMBERS)
MONTH_WORD = f"({MONTH_ALIASES})" + r"\.?"

# Numbers written as words ("for a period of five years", "twelve directors"). "One" is left out: it is mostly a
# pronoun ("one of our customers").
NUMBER_WORDS = frozenset(
    "zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion "
    "trillion dozen".split())

# A year a filing or a question speaks of; filings also cite the laws of 1933 and 1934, which are years too
# (a number asked for is never one of them).
YEAR = r"(?:19|20)\d\d"
YEAR_IN_TEXT = re.compile(rf"\b{YEAR}\b")
# A period named by its label, as a header cell or an analyst writes it: "Q1 2011", "4Q22", "Q2 '23", "H1", "FY24",
# "fiscal '24". Its digits are no amount (a table's header row) and no number a question gives (but its year).
PERIOD_LABEL = re.compile(r"\b(?:Q[1-4]|[1-4]Q|H[12]|[12]H)(?:\s?'?\d{2}\b)?|\b(?:FY|fiscal)\s?'?\d{2}(?:\d{2})?\b",
                          re.I)

# The scales a table states its amounts in ("in millions", "(Dollars in thousands)").
AMOUNT_SCALE = "(?:thousands|millions|billions)"

# Words that end a company's legal name, lower case ("Acme Widgets, Inc.", "Koninklijke Philips N.V.",
# "SAP SE"). Comparing or naming a company leaves them out.
LEGAL_SUFFIXES = frozenset(
    "incorporated inc corporation corp company companies co limited ltd llc plc n.v nv s.a sa ag se l.p lp".split())
# Words that open a company's legal name as a title the company does not go by: a Dutch company's royal title
# ("Koninklijke Philips N.V." is Philips; Koninklijke Ahold Delhaize, Koninklijke KPN).
LEGAL_PREFIXES = frozenset({"koninklijke"})
# The same as a pattern, dots optional ("N.V." and "NV"); suffixes are letters and dots only.
LEGAL_SUFFIX_WORD = "(?:" + _longest_first(suffix.replace(".", r"\.?") for suffix in LEGAL_SUFFIXES) + ")"
