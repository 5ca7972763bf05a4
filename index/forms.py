"""What the SEC forms look like: one schema per form family (items, parts, cover page), exhibit types.

All form knowledge of the project lives here, as data; `sections.py`, `metadata.py` and `reader.py` apply it.
Item titles follow the current form instructions (17 CFR 249.308, 249.310, 249.308a, 249.220f).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FormSchema:
    """How the forms of one family are laid out: their items, the parts these are numbered in, their cover."""

    family: str  # "10-Q": the form a cover names without writing "FORM X"; the prefix of the family's variants
    forms: tuple[str, ...]  # the forms whose items these are: "10-Q", "10-Q/A", "10-QSB"
    items: Mapping[str, str] = field(default_factory=dict)  # number -> official title, numbers unique in the form
    items_by_part: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # part -> number -> title, in order
    legacy_items: Mapping[str, str] = field(default_factory=dict)  # older numbering, read when all headings use it
    event_report: bool = False  # the cover dates the event ("Date of Report"); the filing follows it within days
    quarterly: bool = False  # the cover's period is a quarter end, named above any fiscal year end
    # the cover's period ends the fiscal year or quarter whose figures the report gives (not so an event's date)
    periodic: bool = False
    cover_phrase: re.Pattern[str] | None = None  # names the form on a cover that writes no "FORM X"
    combined_filing: bool = False  # co-registrants may file one report together, the parent submitting it
    # its items are numbered without the word "Item" ("12.  Calculation of registration fee:")
    bare_item_numbers: bool = False
    # where a registration statement's prospectus begins, after its facing page and before the items of Part II
    prospectus_start: re.Pattern[str] | None = None

    @property
    def annual(self) -> bool:
        """A report of a fiscal year (10-K, 20-F)."""
        return self.periodic and not self.quarterly

    def fiscal_years(self, period: str) -> frozenset[int]:
        """The fiscal years a periodic report's figures may be named after, by its period's end (ISO date); none for
        a form that reports no period, or without a period. A year ending in January to March may be named after the
        year before (Ulta's fiscal 2022 ended January 28, 2023; Best Buy's fiscal 2023 ended January 28, 2023); a
        quarter may be in the fiscal year named after the next (Apple's first quarter ends in December)."""
        if not (self.periodic and period):
            return frozenset()
        end = int(period[:4])
        if self.quarterly:
            return frozenset({end, end + 1})
        return frozenset({end, end - 1}) if int(period[5:7]) <= 3 else frozenset({end})

    @property
    def parts(self) -> tuple[str, ...]:
        """The parts items are numbered within, in form order; () when numbers are unique across the form."""
        return tuple(self.items_by_part)

    def has_item(self, number: str, part: str = "") -> bool:
        """Whether the form defines this item (in this part, for items numbered within parts).

        A form without items takes any item. Pfizer's 10-Q of 2023 (PDF) cites "Item 1A. Risk Factors"
        of its 10-K at a line start inside Part I, where a 10-Q has no Item 1A.
        """
        if not (self.items or self.items_by_part):
            return True
        number = number.upper()
        return number in self._numbering(part) or number in self.legacy_items

    def reads_legacy_numbering(self, heading_numbers: list[str]) -> bool:
        """Whether all of a filing's item headings follow the form's older numbering, and some only it (Form 24F-2's
        items 1 to 9 are in both)."""
        return (bool(self.legacy_items and heading_numbers) and all(n in self.legacy_items for n in heading_numbers)
                and any(n not in self.items for n in heading_numbers))

    def item_title(self, number: str, part: str = "", legacy: bool = False) -> str:
        """The official title of an item, or "" when the form does not define it."""
        return self._numbering(part, legacy).get(number.upper(), "")

    def item_sort_key(self, number: str, part: str = "") -> tuple:
        """Items in form order: by part when numbered within parts, then 1 < 1A < 1B < 2 and 1.01 < 2.02 < 9.01."""
        return (self.parts.index(part) if self.parts else 0, _number_order(number))

    def _numbering(self, part: str, legacy: bool = False) -> Mapping[str, str]:
        if self.items_by_part:
            return self.items_by_part.get(part, {})
        return self.legacy_items if legacy and self.legacy_items else self.items


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
FORM_10K_ITEMS: dict[str, str] = {
    # Part I
    "1": "Business",
    "1A": "Risk Factors",
    "1B": "Unresolved Staff Comments",
    "1C": "Cybersecurity",
    "2": "Properties",
    "3": "Legal Proceedings",
    "4": "Mine Safety Disclosures",
    # Part II
    "5": "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities",
    "6": "[Reserved]",
    "7": "Management's Discussion and Analysis of Financial Condition and Results of Operations",
    "7A": "Quantitative and Qualitative Disclosures About Market Risk",
    "8": "Financial Statements and Supplementary Data",
    "9": "Changes in and Disagreements with Accountants on Accounting and Financial Disclosure",
    "9A": "Controls and Procedures",
    "9B": "Other Information",
    "9C": "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections",
    # Part III
    "10": "Directors, Executive Officers and Corporate Governance",
    "11": "Executive Compensation",
    "12": "Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters",
    "13": "Certain Relationships and Related Transactions, and Director Independence",
    "14": "Principal Accountant Fees and Services",
    # Part IV
    "15": "Exhibits and Financial Statement Schedules",
    "16": "Form 10-K Summary",
}

# Form 10-Q: the same number means different items in Part I and Part II, so the part
# is part of the section name (Apple 10-Q of 2024-08-01: Part I Item 2 is MD&A,
# Part II Item 2 is Unregistered Sales of Equity Securities).
FORM_10Q_ITEMS: dict[str, dict[str, str]] = {
    "Part I": {
        "1": "Financial Statements",
        "2": "Management's Discussion and Analysis of Financial Condition and Results of Operations",
        "3": "Quantitative and Qualitative Disclosures About Market Risk",
        "4": "Controls and Procedures",
    },
    "Part II": {
        "1": "Legal Proceedings",
        "1A": "Risk Factors",
        "2": "Unregistered Sales of Equity Securities and Use of Proceeds",
        "3": "Defaults Upon Senior Securities",
        "4": "Mine Safety Disclosures",
        "5": "Other Information",
        "6": "Exhibits",
    },
}

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

# The cover phrases name the report under its "FORM X" title (ImmunoGen 8-K of 2001-03-07: "CURRENT REPORT";
# Apple 10-K of 1994-12-13, Apple 10-Q of 1998-02-09: "... REPORT PURSUANT TO SECTION 13 OR 15(d)").
# A combined report lists every co-registrant as a filer (Southern Company 8-K of 2005-01-25).
FORM_8K = FormSchema(
    family="8-K",
    forms=("8-K", "8-K/A", "8-K12B", "8-K12G3"),
    items=FORM_8K_ITEMS,
    legacy_items=FORM_8K_LEGACY_ITEMS,
    # The date of report wins over a year end cited in the first pages (BlackRock 8-K of 2023-02-24, Item 5.02:
    # "Annual Report on Form 10-K for the year ended December 31, 2022").
    event_report=True,
    cover_phrase=re.compile(r"\bcurrent report\b", re.I),
    combined_filing=True,
)
FORM_10K = FormSchema(
    family="10-K",
    forms=("10-K", "10-K/A", "10-K405", "10-KSB", "10-KT"),
    items=FORM_10K_ITEMS,
    periodic=True,
    cover_phrase=re.compile(r"\bannual report pursuant to section 13", re.I),
    combined_filing=True,
)
FORM_10Q = FormSchema(
    family="10-Q",
    forms=("10-Q", "10-Q/A", "10-QSB"),
    items_by_part=FORM_10Q_ITEMS,
    # The quarter wins over the 10-K "for the fiscal year ended ..." that the first pages cite
    # (Tesla 10-Q of 2025-07-24, Pfizer 10-Q of 2023 (PDF)).
    quarterly=True,
    periodic=True,
    cover_phrase=re.compile(r"\bquarterly report pursuant to section 13", re.I),
    combined_filing=True,
)
FORM_20F = FormSchema(family="20-F", forms=("20-F", "20-F/A"), items=FORM_20F_ITEMS, periodic=True,
                      combined_filing=True)
# A 6-K, a foreign issuer's current report, furnishes what the issuer publishes at home under no items:
# any "Item N" heading counts (Alcon 6-K of 2023-02-13 is read as one body).
FORM_6K = FormSchema(family="6-K", forms=("6-K", "6-K/A"), event_report=True)
# Proxy statements answer Schedule 14A without item headings (Cabot DEF 14A of 2024-01-26): no items are
# checked, any "Item N" heading counts.
PROXY_STATEMENT = FormSchema(family="DEF 14A", forms=("DEF 14A", "DEFA14A", "PRE 14A"))
# Form 24F-2, a fund's annual notice of securities sold and the fee it owes, numbers its items "1." to "9."
# since 1997; the older form (Common Sense Trust - Growth Fund's notice of 1995-12-28) "1." to "13.", its fee
# under "12. Calculation of registration fee:" in lines (i) to (vii).
FORM_24F2_ITEMS: dict[str, str] = {
    "1": "Name and address of issuer",
    "2": "Name of each series or class of securities for which this Form is filed",
    "3": "Investment Company Act File Number and Securities Act File Number",
    "4": "Last day of fiscal year for which this Form is filed",
    "5": "Calculation of registration fee",
    "6": "Prepaid shares",
    "7": "Interest due",
    "8": "Total of the amount of the registration fee due plus any interest due",
    "9": "Date the registration fee and any interest payment was sent to the Commission's lockbox depository",
}
FORM_24F2_LEGACY_ITEMS: dict[str, str] = {
    "1": "Name and address of issuer",
    "2": "Name of each series or class of funds for which this notice is filed",
    "3": "Investment Company Act File Number and Securities Act File Number",
    "4": "Last day of fiscal year for which this notice is filed",
    "5": "Notice filed more than 180 days after the close of the fiscal year",
    "6": "Date of termination of issuer's declaration under rule 24f-2(a)(1)",
    "7": "Securities registered in a prior fiscal year other than pursuant to rule 24f-2, unsold at its beginning",
    "8": "Securities registered during the fiscal year other than pursuant to rule 24f-2",
    "9": "Number and aggregate sale price of securities sold during the fiscal year",
    "10": "Number and aggregate sale price of securities sold in reliance upon registration pursuant to rule 24f-2",
    "11": "Number and aggregate sale price of securities issued in connection with dividend reinvestment plans",
    "12": "Calculation of registration fee",
    "13": "Fees remitted to the Commission's lockbox depository",
}
FORM_24F2 = FormSchema(family="24F-2", forms=("24F-2NT", "24F-2NT/A", "24F-2"), items=FORM_24F2_ITEMS,
                       legacy_items=FORM_24F2_LEGACY_ITEMS, bare_item_numbers=True)
# A registration statement files its prospectus as Part I, under no items, and numbers only the items of Part II
# ("Information not required in prospectus"); the prospectus opens below the facing page with its own cover,
# "SUBJECT TO COMPLETION" or "PROSPECTUS" (Page America Group's S-3/A of 1995-05-25). Form S-1 and F-1 number
# Part II from 13, Form S-3 and F-3 from 14.
PROSPECTUS_START = re.compile(r"^[ \t]*(?:SUBJECT TO COMPLETION\b[^\n]*|PROSPECTUS(?: SUPPLEMENT)?)[ \t]*$", re.M)
FORM_S1_ITEMS: dict[str, str] = {
    "13": "Other Expenses of Issuance and Distribution",
    "14": "Indemnification of Directors and Officers",
    "15": "Recent Sales of Unregistered Securities",
    "16": "Exhibits and Financial Statement Schedules",
    "17": "Undertakings",
}
FORM_S3_ITEMS: dict[str, str] = {
    "14": "Other Expenses of Issuance and Distribution",
    "15": "Indemnification of Directors and Officers",
    "16": "Exhibits",
    "17": "Undertakings",
}
FORM_S1 = FormSchema(family="S-1", forms=("S-1", "S-1/A", "F-1", "F-1/A"), items=FORM_S1_ITEMS,
                     prospectus_start=PROSPECTUS_START)
FORM_S3 = FormSchema(family="S-3", forms=("S-3", "S-3/A", "F-3", "F-3/A"), items=FORM_S3_ITEMS,
                     prospectus_start=PROSPECTUS_START)
# In the order their cover phrases are tried.
SCHEMAS: tuple[FormSchema, ...] = (FORM_8K, FORM_10K, FORM_10Q, FORM_20F, FORM_6K, PROXY_STATEMENT, FORM_24F2,
                                    FORM_S1, FORM_S3)
# Any other form (424B5, SC TO-T, an exhibit filed alone): no items are checked.
UNLISTED_FORM = FormSchema(family="", forms=())

# Form names as they appear on cover pages and in SEC headers, longest first so that
# "10-K405" wins over "10-K". Used to detect a form from a cover page.
KNOWN_FORMS: tuple[str, ...] = (
    "10-K405", "10-KSB", "10-QSB", "10-KT", "8-K12B", "8-K12G3", "10-K/A", "10-Q/A", "8-K/A", "20-F/A",
    "10-K", "10-Q", "8-K", "20-F", "6-K", "40-F", "DEF 14A", "DEFA14A", "PRE 14A", "S-1", "S-3/A", "S-3",
    "S-4", "S-8", "F-1", "424B5", "424B4", "424B3", "424B2", "SC 13D", "SC 13G", "SC TO-T/A", "SC TO-T",
    "24F-2NT", "11-K", "N-CSR",
)


def schema_of(form: str) -> FormSchema:
    """The schema a form follows, by the form's name as a cover page or SEC header writes it."""
    form = form.upper().strip()
    listed = next((schema for schema in SCHEMAS if form in schema.forms), None)
    if listed:
        return listed
    # A variant whose items no schema lists ("10-QSB/A", "8-K15D5") still has its family's cover page.
    family = next((schema for schema in SCHEMAS if form.startswith(schema.family)), None)
    if family is None:
        return UNLISTED_FORM
    return FormSchema(family.family, (form,), event_report=family.event_report, quarterly=family.quarterly,
                      periodic=family.periodic, prospectus_start=family.prospectus_start)


def forms_named(name: str) -> frozenset[str]:
    """The forms a form's name stands for: the form, its amendment and, for a family's name, every form of the
    family ("10-K": 10-K/A, 10-K405, 10-KSB, 10-KT)."""
    name = " ".join(name.upper().split())
    family = next((schema.forms for schema in SCHEMAS if schema.family == name), ())
    return frozenset((name, f"{name}/A", *family))


def _number_order(number: str) -> tuple[int, int, str]:
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


# How filing agents name the file of an EX-99 exhibit: "ex99-1.htm", "ex991.htm", "exhibit99_1.htm",
# "d812345dex991.htm" (Donnelley), "aapl-20240801xex99d1.htm" (Workiva writes the dot as "d").
EX99_FILE_NAME = re.compile(r"ex(?:hibit)?[-_]?99(?:[-_.d]?(\d{1,2}))?(?!\d)", re.I)


def ex99_type(file_name: str) -> str:
    """'EX-99.1' for a file named as an EX-99 exhibit ('ex99-1.htm', 'd812345dex991.htm'), else ""."""
    m = EX99_FILE_NAME.search(file_name.rsplit(".", 1)[0])
    return "" if m is None else f"EX-99.{int(m.group(1))}" if m.group(1) else "EX-99"
