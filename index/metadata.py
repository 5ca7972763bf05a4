"""Filing metadata from what the filing itself says: SEC header, inline-XBRL dei facts, cover page.

The file name is never used: users' files have arbitrary names.
"""
from __future__ import annotations

import re
from datetime import date

from index.forms import KNOWN_FORMS
from index.models import FilingMetadata

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTH_ABBREVIATIONS = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
_DATE_WORDS = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})\s*,?\s*(\d{4})\b",
    re.I,
)
_ISO_OR_COMPACT = re.compile(r"\b(\d{4})-?(\d{2})-?(\d{2})\b")

# Cover-page phrases (Form 8-K, 10-K, 10-Q general instructions).
EXACT_NAME = re.compile(r"\(?\s*exact name of (?:the )?registrant", re.I)
DATE_OF_REPORT = re.compile(r"date of report[^:\n]{0,60}[:\n]?\s*(.{0,80})", re.I)
FISCAL_YEAR_ENDED = re.compile(r"for the (?:fiscal )?year ended\s*:?\s*(.{0,60})", re.I)
QUARTER_ENDED = re.compile(r"for the (?:quarterly period|quarter) ended\s*:?\s*(.{0,60})", re.I)
SIGNATURE_DATE = re.compile(r"^\s*(?:date|dated)\s*[:.]?\s*(.{0,60})$", re.I | re.M)
REPORT_KIND_FORMS = (
    (re.compile(r"\bcurrent report\b", re.I), "8-K"),
    (re.compile(r"\bannual report pursuant to section 13", re.I), "10-K"),
    (re.compile(r"\bquarterly report pursuant to section 13", re.I), "10-Q"),
)
_FORM_ON_COVER = re.compile(
    r"\bFORM\s+(" + "|".join(re.escape(f).replace(r"\ ", r"\s*") for f in KNOWN_FORMS) + r")(?![\w-])",
    re.I,
)
_LEGAL_SUFFIX = re.compile(
    r"\b(incorporated|inc|corporation|corp|company|co|ltd|limited|llc|plc|n\.?v|s\.?a|the|holdings?)\b\.?", re.I
)


def parse_date(text: str) -> str:
    """First date in `text` as ISO (YYYY-MM-DD), or "" when none is readable."""
    m = _DATE_WORDS.search(text)
    if m:
        month = MONTHS.get(m.group(1).lower()) or MONTH_ABBREVIATIONS.get(m.group(1).lower()[:4].rstrip("t")) \
            or MONTH_ABBREVIATIONS.get(m.group(1).lower()[:3])
        return _iso(int(m.group(3)), month, int(m.group(2)))
    m = _ISO_OR_COMPACT.search(text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return ""


def _iso(year: int, month: int | None, day: int) -> str:
    try:
        return date(year, month or 0, day).isoformat()
    except ValueError:
        return ""


def from_sec_header(fields: dict[str, list[str]]) -> FilingMetadata:
    first = lambda name: fields.get(name, [""])[0]  # noqa: E731 - tiny local accessor
    return FilingMetadata(
        company=first("COMPANY CONFORMED NAME"),
        cik=first("CENTRAL INDEX KEY").lstrip("0"),
        form=first("CONFORMED SUBMISSION TYPE").upper(),
        filing_date=parse_date(first("FILED AS OF DATE")),
        period=parse_date(first("CONFORMED PERIOD OF REPORT")),
        accession=first("ACCESSION NUMBER"),
    )


def from_dei_facts(facts: dict[str, str]) -> FilingMetadata:
    return FilingMetadata(
        company=facts.get("dei:EntityRegistrantName", ""),
        cik=facts.get("dei:EntityCentralIndexKey", "").lstrip("0"),
        form=facts.get("dei:DocumentType", "").upper(),
        period=parse_date(facts.get("dei:DocumentPeriodEndDate", "")),
    )


def form_from_cover(cover: str) -> str:
    m = _FORM_ON_COVER.search(cover)
    if m:
        return " ".join(m.group(1).upper().split())
    for pattern, form in REPORT_KIND_FORMS:
        if pattern.search(cover):
            return form
    return ""


def company_from_cover(cover: str) -> str:
    """The registrant's name: the line(s) just above '(Exact name of registrant as specified ...)'."""
    m = EXACT_NAME.search(cover)
    if not m:
        return ""
    before = cover[: m.start()].rstrip(" \t(")
    lines = [ln.strip(" \t-_=|") for ln in before.split("\n")]
    name = ""
    for line in reversed(lines):
        if line:
            name = line
            break
    # "IMMUNOGEN, INC.\t0-17999" on one row: the name is the first cell.
    name = name.split("\t")[0].strip()
    return name if 1 < len(name) <= 120 else ""


def period_from_cover(cover: str, form: str) -> str:
    patterns = [QUARTER_ENDED, FISCAL_YEAR_ENDED] if form.startswith("10-Q") else [FISCAL_YEAR_ENDED, QUARTER_ENDED]
    patterns.insert(0, DATE_OF_REPORT) if form.startswith(("8-K", "6-K")) else patterns.append(DATE_OF_REPORT)
    for pattern in patterns:
        m = pattern.search(cover)
        if m and (found := parse_date(m.group(1))):
            return found
    return ""


def signature_date(signature_block: str) -> str:
    for m in SIGNATURE_DATE.finditer(signature_block):
        if found := parse_date(m.group(1)):
            return found
    return ""


def normalised_company(name: str) -> str:
    """Comparable form of a company name: 'Apple Computer, Inc.' == 'APPLE COMPUTER INC'."""
    name = name.replace("&", " and ").replace("'", "").replace("\u2019", "")
    name = _LEGAL_SUFFIX.sub(" ", name.lower())
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name).split())


def prefer_written_casing(name: str, text: str) -> str:
    """The name as the filing writes it in mixed case ('ImmunoGen, Inc.'), else as given.

    SEC headers and cover pages often spell the registrant in capitals only.
    """
    if not name or not name.isupper():
        return name
    words = re.findall(r"[A-Za-z0-9]+", name)
    if not words:
        return name
    pattern = re.compile(r"\b" + r"[\s,.&'\-]*".join(re.escape(w) for w in words) + r"\b\.?", re.I)
    for m in pattern.finditer(text, 0, 400_000):
        candidate = m.group(0)
        if not candidate.isupper() and not candidate.islower() and "\n" not in candidate:
            return candidate.strip()
    return name


def merge(*sources: FilingMetadata) -> FilingMetadata:
    """Field by field, the first source that knows a value wins."""
    merged = FilingMetadata()
    for field in merged.__dataclass_fields__:
        for source in sources:
            if value := getattr(source, field):
                setattr(merged, field, value)
                break
    return merged
