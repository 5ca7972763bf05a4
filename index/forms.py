"""What the SEC forms look like: item numbers and titles, parts, exhibit types.

All form knowledge of the project lives here, as data; `sections.py` applies it.
Item titles follow the current form instructions (17 CFR 249.308, 249.310, 249.308a, 249.220f).
"""
from __future__ import annotations

import re

# Form 8-K before 23 August 2004: Items 1 to 12, plain integers.
# ImmunoGen 8-K of 2001-03-07 uses Item 5 (Other Events) and Item 7 (exhibits);
# Cisco 8-K of 1995-12-06 uses Item 2 (acquisition).
FORM_8K_LEGACY_ITEMS: dict[str, str] = {
    "1": "Changes in Control of Registrant",
    "2": "Acquisition or Disposition of Assets",
    "3": "Bankruptcy or Receivership",
    "4": "Changes in Registrant's Certifying Accountant",
    "5": "Other Events",
    "6": "Resignations of Registrant's Directors",
    "7": "Financial Statements, Pro Forma Financial Information and Exhibits",
    "8": "Change in Fiscal Year",
    "9": "Regulation FD Disclosure",
    "10": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
    "11": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "12": "Results of Operations and Financial Condition",
}

# Form 8-K from 23 August 2004: section.item numbers (Apple 8-K of 2011-01-18 uses 5.02, 9.01).
FORM_8K_ITEMS: dict[str, str] = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety - Reporting of Shutdowns and Patterns of Violations",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement of a Registrant",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation under an Off-Balance Sheet Arrangement",
    "2.05": "Costs Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modification to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed Interim Review",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain Officers; Compensatory Arrangements of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Director Nominations",
    "6.01": "ABS Informational and Computational Material",
    "6.02": "Change of Servicer or Trustee",
    "6.03": "Change in Credit Enhancement or Other External Support",
    "6.04": "Failure to Make a Required Distribution",
    "6.05": "Securities Act Updating Disclosure",
    "6.06": "Static Pool",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}

# Form 10-K: items are unique across the form; the part only groups them.
# Item 1C (Cybersecurity) exists from fiscal 2023 (NVIDIA 10-K of 2025-02-26);
# Item 6 became [Reserved] in 2021 (Apple 10-K of 2024-11-01).
FORM_10K_ITEMS: dict[str, tuple[str, str]] = {
    "1": ("Part I", "Business"),
    "1A": ("Part I", "Risk Factors"),
    "1B": ("Part I", "Unresolved Staff Comments"),
    "1C": ("Part I", "Cybersecurity"),
    "2": ("Part I", "Properties"),
    "3": ("Part I", "Legal Proceedings"),
    "4": ("Part I", "Mine Safety Disclosures"),
    "5": ("Part II", "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities"),
    "6": ("Part II", "[Reserved]"),
    "7": ("Part II", "Management's Discussion and Analysis of Financial Condition and Results of Operations"),
    "7A": ("Part II", "Quantitative and Qualitative Disclosures About Market Risk"),
    "8": ("Part II", "Financial Statements and Supplementary Data"),
    "9": ("Part II", "Changes in and Disagreements with Accountants on Accounting and Financial Disclosure"),
    "9A": ("Part II", "Controls and Procedures"),
    "9B": ("Part II", "Other Information"),
    "9C": ("Part II", "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections"),
    "10": ("Part III", "Directors, Executive Officers and Corporate Governance"),
    "11": ("Part III", "Executive Compensation"),
    "12": ("Part III", "Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters"),
    "13": ("Part III", "Certain Relationships and Related Transactions, and Director Independence"),
    "14": ("Part III", "Principal Accountant Fees and Services"),
    "15": ("Part IV", "Exhibits and Financial Statement Schedules"),
    "16": ("Part IV", "Form 10-K Summary"),
}

# Form 10-Q: the same number means different items in Part I and Part II, so the part
# is part of the section name (Apple 10-Q of 2024-08-01: Part I Item 2 is MD&A,
# Part II Item 2 is Unregistered Sales of Equity Securities).
FORM_10Q_ITEMS: dict[tuple[str, str], str] = {
    ("Part I", "1"): "Financial Statements",
    ("Part I", "2"): "Management's Discussion and Analysis of Financial Condition and Results of Operations",
    ("Part I", "3"): "Quantitative and Qualitative Disclosures About Market Risk",
    ("Part I", "4"): "Controls and Procedures",
    ("Part II", "1"): "Legal Proceedings",
    ("Part II", "1A"): "Risk Factors",
    ("Part II", "2"): "Unregistered Sales of Equity Securities and Use of Proceeds",
    ("Part II", "3"): "Defaults Upon Senior Securities",
    ("Part II", "4"): "Mine Safety Disclosures",
    ("Part II", "5"): "Other Information",
    ("Part II", "6"): "Exhibits",
}

FORM_10Q_PARTS: tuple[str, ...] = ("Part I", "Part II")

# Form 20-F (foreign private issuers). AEGON 20-F of 2001-03-28 is a text filing
# wrapped in HTML whose item headings are upper case ("ITEM 4. INFORMATION ON THE COMPANY").
FORM_20F_ITEMS: dict[str, str] = {
    "1": "Identity of Directors, Senior Management and Advisers",
    "2": "Offer Statistics and Expected Timetable",
    "3": "Key Information",
    "4": "Information on the Company",
    "4A": "Unresolved Staff Comments",
    "5": "Operating and Financial Review and Prospects",
    "6": "Directors, Senior Management and Employees",
    "7": "Major Shareholders and Related Party Transactions",
    "8": "Financial Information",
    "9": "The Offer and Listing",
    "10": "Additional Information",
    "11": "Quantitative and Qualitative Disclosures About Market Risk",
    "12": "Description of Securities Other than Equity Securities",
    "13": "Defaults, Dividend Arrearages and Delinquencies",
    "14": "Material Modifications to the Rights of Security Holders and Use of Proceeds",
    "15": "Controls and Procedures",
    "16": "[Reserved]",
    "16A": "Audit Committee Financial Expert",
    "16B": "Code of Ethics",
    "16C": "Principal Accountant Fees and Services",
    "16D": "Exemptions from the Listing Standards for Audit Committees",
    "16E": "Purchases of Equity Securities by the Issuer and Affiliated Purchasers",
    "16F": "Change in Registrant's Certifying Accountant",
    "16G": "Corporate Governance",
    "16H": "Mine Safety Disclosure",
    "16I": "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections",
    "16J": "Insider Trading Policies",
    "16K": "Cybersecurity",
    "17": "Financial Statements",
    "18": "Financial Statements",
    "19": "Exhibits",
}

# Exhibit types by their number before the dot (Item 601 of Regulation S-K).
EXHIBIT_TITLES: dict[str, str] = {
    "1": "Underwriting Agreement",
    "2": "Plan of Acquisition, Reorganization, Arrangement, Liquidation or Succession",
    "3": "Articles of Incorporation and Bylaws",
    "4": "Instruments Defining the Rights of Security Holders",
    "5": "Opinion re Legality",
    "8": "Opinion re Tax Matters",
    "10": "Material Contracts",
    "13": "Annual Report to Security Holders",
    "14": "Code of Ethics",
    "16": "Letter re Change in Certifying Accountant",
    "17": "Correspondence on Departure of Director",
    "19": "Insider Trading Policies and Procedures",
    "21": "Subsidiaries of the Registrant",
    "23": "Consents of Experts and Counsel",
    "24": "Power of Attorney",
    "31": "Rule 13a-14(a)/15d-14(a) Certifications",
    "32": "Section 1350 Certifications",
    "97": "Policy Relating to Recovery of Erroneously Awarded Compensation",
    "99": "Additional Exhibits",
}

# Inner documents of a full submission that hold no prose to index:
# XBRL (EX-101.*), images, archives and data files (Apple 8-K of 2024-02-01 carries EX-101.SCH ...
# and a JSON FilingSummary; Oracle 8-K of 2014-06-19 a uuencoded GRAPHIC).
SKIPPED_DOCUMENT_TYPES = re.compile(
    r"^(EX-101|EX-104|GRAPHIC|ZIP|PDF|XML|JSON|EXCEL|XBRL|COVER|FILENAME|JPG|GIF|PNG)", re.I
)
SKIPPED_DOCUMENT_SUFFIXES = (
    ".jpg", ".jpeg", ".gif", ".png", ".pdf", ".zip", ".xml", ".xsd", ".json", ".xlsx", ".xls", ".js", ".css",
)

# Forms whose items this module knows, by family; a filing's form is matched on its prefix.
FORM_FAMILIES: dict[str, str] = {
    "8-K": "8-K",
    "8-K/A": "8-K",
    "8-K12B": "8-K",
    "8-K12G3": "8-K",
    "10-K": "10-K",
    "10-K/A": "10-K",
    "10-K405": "10-K",
    "10-KSB": "10-K",
    "10-KT": "10-K",
    "10-Q": "10-Q",
    "10-Q/A": "10-Q",
    "10-QSB": "10-Q",
    "20-F": "20-F",
    "20-F/A": "20-F",
}

# Form names as they appear on cover pages and in SEC headers, longest first so that
# "10-K405" wins over "10-K". Used to detect a form from a cover page.
KNOWN_FORMS: tuple[str, ...] = (
    "10-K405", "10-KSB", "10-QSB", "10-KT", "8-K12B", "8-K12G3", "10-K/A", "10-Q/A", "8-K/A", "20-F/A",
    "10-K", "10-Q", "8-K", "20-F", "6-K", "40-F", "DEF 14A", "DEFA14A", "PRE 14A", "S-1", "S-3/A", "S-3",
    "S-4", "S-8", "F-1", "424B5", "424B4", "424B3", "424B2", "SC 13D", "SC 13G", "SC TO-T/A", "SC TO-T",
    "24F-2NT", "11-K", "N-CSR",
)


def form_family(form: str) -> str:
    """The family whose item scheme a form uses ("" when the form has no known items)."""
    return FORM_FAMILIES.get(form.upper().strip(), "")


def legacy_8k_numbering(item_numbers: list[str]) -> bool:
    """8-K items before August 2004 are bare integers; after, they are section.item numbers."""
    return bool(item_numbers) and not any("." in n for n in item_numbers)


def item_title(family: str, number: str, part: str = "", legacy: bool = False) -> str:
    """The official title of an item, or "" when the form does not define it."""
    number = number.upper()
    if family == "8-K":
        return (FORM_8K_LEGACY_ITEMS if legacy else FORM_8K_ITEMS).get(number, "")
    if family == "10-K":
        return FORM_10K_ITEMS.get(number, ("", ""))[1]
    if family == "10-Q":
        return FORM_10Q_ITEMS.get((part, number), "")
    if family == "20-F":
        return FORM_20F_ITEMS.get(number, "")
    return ""


def is_item_of(family: str, number: str, part: str = "") -> bool:
    """Whether the form defines this item (in this part, for a 10-Q); any item of an unknown form counts.

    Pfizer's 10-Q of 2023 (PDF) cites "Item 1A. Risk Factors" of its 10-K at a line start inside
    Part I, where a 10-Q has no Item 1A.
    """
    number = number.upper()
    if family == "8-K":
        return number in FORM_8K_ITEMS or number in FORM_8K_LEGACY_ITEMS
    if family == "10-K":
        return number in FORM_10K_ITEMS
    if family == "10-Q":
        return (part, number) in FORM_10Q_ITEMS if part else any(n == number for _, n in FORM_10Q_ITEMS)
    if family == "20-F":
        return number in FORM_20F_ITEMS
    return True


def item_order(number: str) -> tuple[int, int, str]:
    """Sort key of an item number: 1 < 1A < 1B < 2 < ... and 1.01 < 2.02 < 9.01."""
    m = re.match(r"(\d+)(?:\.(\d+))?([A-Z]?)", number.upper())
    if not m:
        return (999, 0, number)
    return (int(m.group(1)), int(m.group(2) or 0), m.group(3))


def exhibit_title(exhibit_type: str) -> str:
    """Title of an exhibit type such as EX-99.1 or EX-10.2 ("" when unknown)."""
    m = re.match(r"EX-(\d+)", exhibit_type.upper())
    return EXHIBIT_TITLES.get(m.group(1), "") if m else ""


def normalise_exhibit_type(raw: str) -> str:
    """'EX-99.1', 'ex-99', 'Exhibit 99.1', '99.1' -> 'EX-99.1'; anything else unchanged."""
    m = re.match(r"^\s*(?:EX(?:HIBIT)?[-\s]*)?(\d+(?:\.\d+)*[A-Z]?)\s*$", raw, re.I)
    return f"EX-{m.group(1).upper()}" if m else raw.strip().upper()


# What analysts call forms and sections in plain words, for filters inferred from a question.
# Keys are lower-case phrases matched on word boundaries; section values are section names as
# index/sections.py writes them, matched exactly or as a prefix before a dot ("EX-99" covers EX-99.1).
FORM_NAMES_IN_QUESTIONS: dict[str, tuple[str, ...]] = {
    "annual report": ("10-K", "10-K405", "20-F"),
    "10-k": ("10-K", "10-K405", "10-K/A", "10-KSB"),
    "10-q": ("10-Q", "10-Q/A", "10-QSB"),
    "quarterly report": ("10-Q",),
    "8-k": ("8-K", "8-K/A"),
    "current report": ("8-K",),
    "20-f": ("20-F",),
    "6-k": ("6-K",),
    "proxy": ("DEF 14A", "DEFA14A", "PRE 14A"),
    "prospectus": ("424B5", "424B4", "424B3", "424B2", "S-1", "S-3", "S-3/A"),
    "24f-2": ("24F-2NT",),
}

SECTION_NAMES_IN_QUESTIONS: dict[str, tuple[str, ...]] = {
    "risk factors": ("Item 1A", "Part II Item 1A", "Item 3"),  # 20-F risk factors sit in Item 3
    "md&a": ("Item 7", "Part I Item 2", "Item 5"),  # 20-F: Operating and Financial Review is Item 5
    "management's discussion": ("Item 7", "Part I Item 2", "Item 5"),
    "legal proceedings": ("Item 3", "Part II Item 1"),
    "cybersecurity": ("Item 1C",),
    "market risk": ("Item 7A", "Part I Item 3"),
    "controls and procedures": ("Item 9A", "Part I Item 4"),
    "executive compensation": ("Item 11",),
    # a 10-K describes the business, and since 2020 its human capital and headcount, in Item 1; a 20-F in
    # Item 4 and its employees in Item 6 (Amcor 10-K of 2023-08-17, NVIDIA 10-K of 2025-02-26)
    "its business": ("Item 1", "Item 4"),
    "human capital": ("Item 1", "Item 6"),
    "headcount": ("Item 1", "Item 6"),
    "press release": ("EX-99",),
    "earnings release": ("EX-99",),
    "signed": ("SIGNATURE",),
    "signature": ("SIGNATURE",),
}

# Analysts' words and the words filings use for the same thing; a question is searched with both.
# (NVIDIA 10-K of 2025-02-26 gives its "headcount" as "employees"; ImmunoGen 8-K of 2001-03-07
# names its CFO "Vice President and Chief Financial Officer".)
FILING_WORDS_FOR: dict[str, str] = {
    "headcount": "employees",
    "workforce": "employees",
    "staff": "employees",
    "people": "employees employed",
    "cfo": "chief financial officer",
    "ceo": "chief executive officer",
    "coo": "chief operating officer",
    "eps": "earnings per share",
    "capex": "capital expenditures",
    "roe": "return on equity",
    "revenue": "revenues net sales",
    "auditor": "independent registered public accounting firm accountant",
    "pp&e": "property plant and equipment",
    "buyback": "repurchase",
    "hired": "appointed",
    "fired": "terminated",
    "quit": "resigned",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "ipo": "initial public offering",
    "earn": "net income profit earnings",
    "earned": "net income profit earnings",
}
