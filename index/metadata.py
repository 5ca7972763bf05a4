"""Filing metadata from what the filing itself says: SEC header, inline-XBRL dei facts, cover page.

The file name is never used: users' files have arbitrary names.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import fields
from datetime import date

from index.forms import KNOWN_FORMS, SCHEMAS, schema_of
from index.lexicon import LEGAL_SUFFIX_WORD, MONTH_NUMBERS, MONTH_WORD
from index.models import FilingMetadata

_MONTH_DAY_YEAR = re.compile(r"\b" + MONTH_WORD + r"\s+(\d{1,2})\s*,?\s*(\d{4})\b", re.I)
# "on this 29th day of January 2025" (Meta 10-K of 2025-01-30, signature).
_DAY_OF_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+" + MONTH_WORD + r"\s*,?\s*(\d{4})\b", re.I)
_ISO_OR_COMPACT = re.compile(r"\b(\d{4})-?(\d{2})-?(\d{2})\b")

# Cover-page phrases (Form 8-K, 10-K, 10-Q general instructions). A 6-K writes "(Registrant Name)"
# (Alcon 6-K of 2023-02-13).
REGISTRANT_NAME_NOTE = re.compile(
    r"\(?\s*(?:exact\s+name\s+of\s+(?:the\s+)?registrant|name\s+of\s+registrant\b|registrant['\u2019]?s?\s+name\b)", re.I
)
# A combined filing lists its registrants in a table under this heading, one row per
# "commission file number, name (state) address, IRS number" (LG&E and KU 8-K of 2003-03-25,
# Southern Company and Georgia Power 8-K of 2013-12-17).
COMBINED_REGISTRANTS_HEADING = re.compile(r"registrant,?\s+state\s+of\s+incorporation", re.I)
COMBINED_REGISTRANT_ROW = re.compile(r"^[ \t]*\d{1,3}-\d{3,6}\t+([^\t\n(]+?)(?:\s{2,}|\t|\(|$)", re.M)
# A line that is nothing but an entity's name: "3M COMPANY" on the 3M 10-K (PDF of 2019), whose cover
# has no "(Exact name of registrant ...)" note.
ENTITY_NAME_LINE = re.compile(
    rf"^[ \t]*([A-Z0-9][^\n]{{0,80}}?\b(?:{LEGAL_SUFFIX_WORD}|trust|bancorp)\.?)[ \t]*$",
    re.I | re.M,
)
NAME_LINKING_WORDS = frozenset(("of", "and", "the", "&", "de", "du", "la"))
PROSE_LINE_CHARS = 200  # the cover's heading block ends at the first line this long
DATE_OF_REPORT = re.compile(r"date of report[^:\n]{0,60}[:\n]?\s*(.{0,80})", re.I)
FISCAL_YEAR_ENDED = re.compile(r"for the (?:fiscal )?year ended\s*:?\s*(.{0,60})", re.I)
QUARTER_ENDED = re.compile(r"for the (?:quarterly period|quarter) ended\s*:?\s*(.{0,60})", re.I)
# The signing date lies near the top of a signature block; further down come exhibit indexes
# whose "dated as of" lines name older documents (Apple 10-K of 1994-12-13).
SIGNATURE_DATE_CHARS = 2500
PERIOD_END_BEFORE = re.compile(r"(?:ended|ending|period|year)\W{0,3}$", re.I)
_FORM_ON_COVER = re.compile(
    r"\bFORM\s+(" + "|".join(re.escape(f).replace(r"\ ", r"\s*") for f in KNOWN_FORMS) + r")(?![\w-])",
    re.I,
)
# EDGAR's conformed names carry the state of incorporation to tell same-named filers apart:
# "WELLS FARGO & COMPANY/MN", "1895 Bancorp of Wisconsin, Inc. /MD/", "APPLE COMPUTER INC /DE/".
_STATE_SUFFIX = re.compile(r"\s*/[A-Z]{2,4}/?\s*$")
# Abbreviations of conformed names and how the filing itself may spell them out ("ORACLE CORP" is
# "Oracle Corporation" in its text, "SEARS ROEBUCK & CO" is "Sears, Roebuck and Co.").
_SPELLED_OUT = {
    "CORP": "corp|corporation", "INC": "inc|incorporated", "CO": "co|company", "LTD": "ltd|limited",
    "INTL": "intl|international", "&": "&|and", "AND": "and|&",
}
# Words left out when comparing names: the legal suffixes, an article, a holding company's "Holdings".
_NOT_DISTINCTIVE = re.compile(rf"\b(?:{LEGAL_SUFFIX_WORD}|the|holdings?)\b\.?", re.I)


# A stand-alone press release or earnings release (MGM Resorts, Ulta Beauty, Amcor earnings PDFs of 2023) names
# its company in its dateline, with a ticker, or opens its headline with it.
RELEASE_HEAD_CHARS = 4000
TICKER_AFTER_NAME = re.compile(
    r"\((?:NYSE|NASDAQ|Nasdaq|AMEX|NYSE American|NYSE MKT|OTCQB|OTCQX|TSX|ASX|LSE|Euronext)[^:()]{0,20}:"
    r"\s*[A-Z][A-Z.\-]{0,9}\)")
RELEASE_NAME_BREAK = re.compile(r"--|\u2014|\u2013|\)|\n|/")  # what stands before the name in a dateline
HEADLINE_NAME = re.compile(
    r"^[ \t]*(?:Exhibit[ \t]+\d+(?:\.\d+)?[ \t]*\n[ \t]*)?([A-Z][\w&.,'\u2019 -]{1,60}?)[ \t]+"
    r"(?i:reports|reported|announces|announced|provides|declares|completes|posts|delivers)\b", re.M)
ABOUT_HEADING = re.compile(r"^[ \t]*About ([A-Z][\w&.,'\u2019 -]{1,60})[ \t]*$", re.M)
REFERENCES_CHARS = 100_000  # the definitions of "we" open a prospectus, after its cover and contents
WE_REFERS_TO = re.compile(
    r"[\"\u201c]we,?[\"\u201d][^.]{0,200}?\brefers? to (?:the activities [^.]{0,60}? of )?"
    rf"([A-Z][\w&.,'\u2019 -]{{1,80}}?\b{LEGAL_SUFFIX_WORD}\.?)(?=[\s,.;)])", re.I)
EXHIBIT_AT_TOP = re.compile(r"^\s*(?:Page \d+ of \d+\s*)?Exhibit[ \t]+(\d+(?:\.\d+)?)\b", re.I)


def parse_date(text: str) -> str:
    """First date in `text` as ISO (YYYY-MM-DD), or "" when none is readable."""
    return next((found for _, found in dates_in(text)), "")


def dates_in(text: str) -> list[tuple[int, str]]:
    """(offset, ISO date) of every readable date in `text`, in text order; written-out months first at a tie."""
    found = []
    for m in _MONTH_DAY_YEAR.finditer(text):
        found.append((m.start(), _iso(int(m.group(3)), _month_number(m.group(1)), int(m.group(2)))))
    for m in _DAY_OF_MONTH_YEAR.finditer(text):
        found.append((m.start(), _iso(int(m.group(3)), _month_number(m.group(2)), int(m.group(1)))))
    if not found:  # digits only: SEC header values such as 19941213
        for m in _ISO_OR_COMPACT.finditer(text):
            found.append((m.start(), _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
    return sorted((offset, iso) for offset, iso in found if iso)


def _month_number(word: str) -> int:
    return MONTH_NUMBERS[word.lower()]


def _iso(year: int, month: int | None, day: int) -> str:
    try:
        return date(year, month or 0, day).isoformat()
    except ValueError:
        return ""


def from_sec_header(fields: dict[str, list[str]]) -> FilingMetadata:
    first = lambda name: fields.get(name, [""])[0]  # noqa: E731 - tiny local accessor
    form = first("CONFORMED SUBMISSION TYPE").upper()
    accession = first("ACCESSION NUMBER")
    company, cik = _main_filer(fields, form, accession)
    return FilingMetadata(
        company=strip_state_suffix(company),
        cik=cik,
        form=form,
        filing_date=parse_date(first("FILED AS OF DATE")),
        period=parse_date(first("CONFORMED PERIOD OF REPORT")),
        accession=accession,
    )


def _main_filer(fields: dict[str, list[str]], form: str, accession: str) -> tuple[str, str]:
    """(name, CIK) of the registrant a reader calls "the company".

    A combined report lists every co-registrant as a filer, subsidiaries first in EDGAR's order
    (Southern Company 8-K of 2005-01-25 starts with Alabama Power); the parent files it itself,
    so its CIK begins the accession number. Other forms (tender offers, 13D) keep the first entity.
    """
    names = fields.get("COMPANY CONFORMED NAME", [""])
    ciks = [cik.lstrip("0") for cik in fields.get("CENTRAL INDEX KEY", [""])]
    submitter = accession.split("-")[0].lstrip("0")
    if schema_of(form).combined_filing and len(names) == len(ciks) and submitter in ciks:
        index = ciks.index(submitter)
        return names[index], ciks[index]
    return names[0], ciks[0]


def strip_state_suffix(name: str) -> str:
    """'WELLS FARGO & COMPANY/MN' -> 'WELLS FARGO & COMPANY'."""
    while (stripped := _STATE_SUFFIX.sub("", name)) != name:
        name = stripped
    return name.strip()


def from_dei_facts(facts: dict[str, str]) -> FilingMetadata:
    return FilingMetadata(
        company=strip_state_suffix(facts.get("dei:EntityRegistrantName", "")),
        cik=facts.get("dei:EntityCentralIndexKey", "").lstrip("0"),
        form=facts.get("dei:DocumentType", "").upper(),
        period=parse_date(facts.get("dei:DocumentPeriodEndDate", "")),
    )


def form_from_cover(cover: str) -> str:
    m = _FORM_ON_COVER.search(cover)
    if m:
        return " ".join(m.group(1).upper().split())
    for schema in SCHEMAS:
        if schema.cover_phrase and schema.cover_phrase.search(cover):
            return schema.family
    return ""


def company_from_cover(cover: str) -> str:
    """The registrant's name as the cover page writes it, or "" when the cover names none."""
    return strip_state_suffix(_first_combined_registrant(cover) or _name_above_note(cover) or _entity_name_line(cover))


def _first_combined_registrant(cover: str) -> str:
    """The registrant of a combined filing's first row: the one a reader calls "the company"."""
    heading = COMBINED_REGISTRANTS_HEADING.search(cover)
    row = COMBINED_REGISTRANT_ROW.search(cover, heading.end()) if heading else None
    return row.group(1).strip() if row else ""


def _name_above_note(cover: str) -> str:
    """The line just above '(Exact name of registrant as specified in its charter)'."""
    m = REGISTRANT_NAME_NOTE.search(cover)
    if not m:
        return ""
    lines = [ln.strip(" \t-_=|") for ln in cover[: m.start()].rstrip(" \t(").split("\n")]
    name = next((line for line in reversed(lines) if line), "")
    # "IMMUNOGEN, INC.\t0-17999" on one row: the name is the first cell.
    name = name.split("\t")[0].strip()
    return name if 1 < len(name) <= 120 else ""


def _entity_name_line(cover: str) -> str:
    """The first line of the cover's heading block that is only an entity's name ("3M COMPANY")."""
    prose = next((m.start() for m in re.finditer(r"^[^\n]{%d,}$" % PROSE_LINE_CHARS, cover, re.M)), len(cover))
    for m in ENTITY_NAME_LINE.finditer(cover, 0, prose):
        words = m.group(1).split()
        if len(words) <= 8 and all(w[0].isupper() or w[0].isdigit() or w.lower() in NAME_LINKING_WORDS
                                   for w in words):
            return m.group(1)
    return ""


def company_from_release(text: str) -> str:
    """The company a press release or earnings release is from, when nothing else names it: the name its
    dateline gives with a ticker ("-- Ulta Beauty, Inc. (NASDAQ: ULTA) today announced"), else the name its
    headline opens with ("Amcor reports fiscal 2023 results"), else the name of its "About X" paragraph."""
    head = text[:RELEASE_HEAD_CHARS]
    if ticker := TICKER_AFTER_NAME.search(head):
        name = RELEASE_NAME_BREAK.split(head[max(0, ticker.start() - 120):ticker.start()])[-1].strip(" ,")
        if name[:1].isupper():
            return strip_state_suffix(name)
    if headline := HEADLINE_NAME.search(head):
        return headline.group(1).strip()
    about = ABOUT_HEADING.search(text)
    return about.group(1).strip() if about else ""


def company_from_references(text: str) -> str:
    """The company a document's "we" is, as a prospectus defines it: "the terms “FFIC,” the “Company,” “we,”
    “our” and “us” ... refer to Flushing Financial Corporation and its subsidiaries" (Flushing Financial
    424B5 of 2024-12-12, whose cover names its company only in a logo)."""
    m = WE_REFERS_TO.search(text, 0, REFERENCES_CHARS)
    return m.group(1).strip() if m else ""


def release_exhibit_type(text: str) -> str:
    """"EX-99.1" for a document that calls itself "Exhibit 99.1" at its top or reads as a press release."""
    head = text[:RELEASE_HEAD_CHARS]
    if exhibit := EXHIBIT_AT_TOP.search(head[:300]):
        return f"EX-{exhibit.group(1)}"
    return "EX-99.1" if TICKER_AFTER_NAME.search(head) or HEADLINE_NAME.search(head) else ""


def period_from_cover(cover: str, form: str) -> str:
    schema = schema_of(form)
    periods = [QUARTER_ENDED, FISCAL_YEAR_ENDED] if schema.quarterly else [FISCAL_YEAR_ENDED, QUARTER_ENDED]
    patterns = [DATE_OF_REPORT, *periods] if schema.event_report else [*periods, DATE_OF_REPORT]
    for pattern in patterns:
        m = pattern.search(cover)
        if m and (found := parse_date(m.group(1))):
            return found
    return ""


def signature_date(signature_block: str) -> str:
    """The date the report was signed: the first date near the top of the block that ends no period."""
    window = signature_block[:SIGNATURE_DATE_CHARS]
    for offset, found in dates_in(window):
        if not PERIOD_END_BEFORE.search(window[max(0, offset - 12):offset]):
            return found
    return ""


# A document that no signature dates may date itself at its head: a prospectus "SUBJECT TO COMPLETION, DATED
# DECEMBER 12, 2024" (Flushing Financial's 424B5), a proxy statement's letter by a date on a line of its own (Cabot's
# DEF 14A of January 2024: "January 26, 2024" over "Dear Fellow Cabot Corporation Stockholders"); not another
# document's date in brackets ("(To Prospectus dated November 29, 2024)") nor a meeting's in a sentence.
_OWN_DATE_LINE = re.compile(r"^[ \t]*(?:[^()\n]*\bdated\s+)?(" + MONTH_WORD + r"\s+\d{1,2}\s*,?\s*\d{4})[ \t]*$",
                            re.I | re.M)


def own_date(head: str) -> str:
    """The date a document gives itself at its head (`_OWN_DATE_LINE`), as ISO; "" when none."""
    line = _OWN_DATE_LINE.search(head)
    return parse_date(line.group(1)) if line else ""


def normalised_company(name: str) -> str:
    """Comparable form of a company name: 'Apple Computer, Inc.' == 'APPLE COMPUTER INC /CA/'."""
    name = strip_state_suffix(name).replace("&", " and ").replace("'", "").replace("\u2019", "")
    name = _NOT_DISTINCTIVE.sub(" ", name.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name).split())


def prefer_written_casing(name: str, text: str) -> str:
    """The name as the filing writes it in mixed case ('ImmunoGen, Inc.', 'Oracle Corporation'), else as given.

    SEC headers and cover pages often spell the registrant in capitals only, and conformed names
    abbreviate (CORP, INC, CO) what the filing spells out.
    """
    if not name or not name.isupper():
        return name
    tokens = re.findall(r"[A-Za-z0-9]+|&", name)
    if not tokens:
        return name
    alternatives = [_SPELLED_OUT.get(t.upper(), re.escape(t)) for t in tokens]
    # A leading capital "The" belongs to the name when the filing writes it ("The Coca-Cola Company").
    pattern = re.compile(
        r"(?:(?-i:The)\s+)?\b" + r"[\s,.'\-]*".join(f"(?:{a})" for a in alternatives) + r"\b\.?", re.I
    )
    # The most frequent spelling: a title such as "The Adobe Inc. 401(k) Plan" must not win over "Adobe Inc.".
    spellings = Counter(
        m.group(0).strip() for m in pattern.finditer(text, 0, 400_000)
        if not m.group(0).isupper() and not m.group(0).islower() and "\n" not in m.group(0)
    )
    return spellings.most_common(1)[0][0] if spellings else name


def merge(*sources: FilingMetadata) -> FilingMetadata:
    """Field by field, the first source that knows a value wins."""
    def first_known(name: str) -> str:
        return next((value for source in sources if (value := getattr(source, name))), "")

    return FilingMetadata(**{field.name: first_known(field.name) for field in fields(FilingMetadata)})
