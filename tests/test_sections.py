"""Section detection on small hand-written filings, and on the shared corpus when it is present."""
from __future__ import annotations

import pytest

from index.sections import DocumentSpan, detect_sections

FILLER = "The company describes this matter at length in the paragraphs that follow here. " * 3


def sections_of(text: str, form: str) -> list:
    return detect_sections(text, [DocumentSpan(form, "", 0, len(text))], form)


def names(text: str, form: str) -> list[str]:
    return [s.name for s in sections_of(text, form)]


def section_text(text: str, form: str, name: str) -> str:
    section = next(s for s in sections_of(text, form) if s.name == name)
    return text[section.char_start:section.char_end]


LEGACY_8K = f"""FORM 8-K
CURRENT REPORT
EXAMPLE WIDGETS, INC.
(Exact name of registrant as specified in its charter)
ITEM 5. OTHER EVENTS
{FILLER}
ITEM 7. FINANCIAL STATEMENTS AND EXHIBITS
(c) Exhibits.
99.1 Press release dated May 2, 2001.
SIGNATURE
Pursuant to the requirements of the Securities Exchange Act of 1934, the Registrant has duly caused this report
to be signed on its behalf.
Date: May 3, 2001
"""


def test_legacy_8k_items_keep_plain_numbers_and_old_titles():
    sections = sections_of(LEGACY_8K, "8-K")
    assert [s.name for s in sections] == ["COVER", "Item 5", "Item 7", "SIGNATURE"]
    assert sections[1].title == "Other Events"
    assert sections[2].title.startswith("Financial Statements, Pro Forma")


def test_sections_cover_the_text_in_order():
    sections = sections_of(LEGACY_8K, "8-K")
    assert sections[0].char_start == 0 and sections[-1].char_end == len(LEGACY_8K)
    assert all(a.char_end == b.char_start for a, b in zip(sections, sections[1:]))


def test_new_8k_items_use_section_dot_item_numbers():
    text = f"""FORM 8-K
Item 5.02 Departure of Directors or Certain Officers.
{FILLER}
Item 9.01. Financial Statements and Exhibits.
(d) Exhibits.
SIGNATURES
Pursuant to the requirements of the Securities Exchange Act of 1934 ...
"""
    sections = sections_of(text, "8-K")
    assert [s.name for s in sections] == ["COVER", "Item 5.02", "Item 9.01", "SIGNATURE"]
    assert sections[1].title.startswith("Departure of Directors or Certain Officers")


TOC_WITH_PAGES = """TABLE OF CONTENTS
Item 1. Business 3
Item 1A. Risk Factors 8
Item 7. Management's Discussion and Analysis 20
Item 8. Financial Statements 30
"""
TOC_WITHOUT_PAGES = """TABLE OF CONTENTS
Item 1. Business
Item 1A. Risk Factors
Item 7. Management's Discussion and Analysis
Item 8. Financial Statements
"""


@pytest.mark.parametrize("toc", [TOC_WITH_PAGES, TOC_WITHOUT_PAGES], ids=["page numbers", "no page numbers"])
def test_10k_table_of_contents_lines_are_not_sections(toc):
    body = f"""Item 1. Business
We make widgets. {FILLER}
Item 1A. Risk Factors
Widgets may fail. {FILLER}
Item 7. Management's Discussion and Analysis
Sales grew. {FILLER}
Item 8. Financial Statements
Balance sheet. {FILLER}
SIGNATURES
"""
    text = f"FORM 10-K\nANNUAL REPORT\n{toc}{body}"
    sections = sections_of(text, "10-K")
    assert [s.name for s in sections] == ["COVER", "Item 1", "Item 1A", "Item 7", "Item 8", "SIGNATURE"]
    assert sections[1].char_start == text.index(body)
    assert "TABLE OF CONTENTS" in section_text(text, "10-K", "COVER")


def test_10k_incorporated_by_reference_item_stays_a_short_section():
    text = f"""FORM 10-K
Item 9A. Controls and Procedures
{FILLER}
Item 10. Directors, Executive Officers and Corporate Governance
Incorporated by reference to the Proxy Statement.
Item 11. Executive Compensation
None.
Item 15. Exhibits and Financial Statement Schedules
{FILLER}
"""
    assert names(text, "10-K") == ["COVER", "Item 9A", "Item 10", "Item 11", "Item 15"]
    assert section_text(text, "10-K", "Item 11").strip().endswith("None.")


def test_10k_heading_with_two_separators_and_combined_items():
    text = f"""FORM 10-K
Item 1. - Business
{FILLER}
Item 9. - Changes in and Disagreements with Accountants
{FILLER}
ITEMS 10, 11, 12 and 13. DIRECTORS, EXECUTIVE OFFICERS; EXECUTIVE COMPENSATION
{FILLER}
ITEM 14. PRINCIPAL ACCOUNTANT FEES AND SERVICES
{FILLER}
"""
    sections = sections_of(text, "10-K")
    assert [s.name for s in sections] == ["COVER", "Item 1", "Item 9", "Item 10", "Item 14"]
    assert "Executive Compensation" in sections[3].title


TEN_Q_BODY = f"""PART I - FINANCIAL INFORMATION
Item 1. Financial Statements
{FILLER}
Item 2. Management's Discussion and Analysis
{FILLER} Readers should see Part I,
Item 1A. Risk Factors of our annual report for more.
{FILLER}
PART II - OTHER INFORMATION
Item 1. Legal Proceedings
{FILLER}
Item 2. Unregistered Sales of Equity Securities
{FILLER}
Item 6. Exhibits
{FILLER}
SIGNATURES
"""


def test_10q_items_are_named_by_part():
    sections = sections_of(f"FORM 10-Q\n{TEN_Q_BODY}", "10-Q")
    assert [s.name for s in sections] == [
        "COVER", "Part I Item 1", "Part I Item 2", "Part II Item 1", "Part II Item 2", "Part II Item 6", "SIGNATURE",
    ]
    assert sections[4].title == "Unregistered Sales of Equity Securities and Use of Proceeds"


def test_10q_part_ii_line_of_the_table_of_contents_does_not_rename_part_i_items():
    toc = "Item 1. Financial Statements\nItem 2. MD&A 24\nPART II. OTHER INFORMATION\nItem 6. Exhibits 40\n"
    body = TEN_Q_BODY.replace("PART I - FINANCIAL INFORMATION\n", "")
    text = f"FORM 10-Q\n{toc}{body}"
    assert names(text, "10-Q")[1:4] == ["Part I Item 1", "Part I Item 2", "Part II Item 1"]


PRESS_RELEASE_8K = f"""FORM 8-K
ITEM 5. OTHER EVENTS
{FILLER}
ITEM 7. FINANCIAL STATEMENTS AND EXHIBITS
(c) Exhibits.
99.1 The Registrant's Press Release dated March 5, 2001.
99.2 The Registrant's Press Release dated March 5, 2001.
SIGNATURE
Pursuant to the requirements of the Securities Exchange Act of 1934, the Registrant has duly caused this report
to be signed on its behalf.
Date: March 7, 2001

EXAMPLE WIDGETS NAMES NEW TREASURER
SPRINGFIELD, Ill., March 5 /PRNewswire/ -- Example Widgets, Inc. today named a treasurer.
THIS RELEASE CONTAINS FORWARD-LOOKING STATEMENTS THAT ARE SUBJECT TO RISKS AND UNCERTAINTIES.

EXAMPLE WIDGETS AND ACME GEARS FORM ALLIANCE
SPRINGFIELD, Ill., March 5 /PRNewswire/ -- Example Widgets, Inc. and Acme Gears today formed an alliance.
"""


def test_untagged_exhibits_after_signature_take_numbers_from_the_exhibit_list():
    sections = sections_of(PRESS_RELEASE_8K, "8-K")
    assert [s.name for s in sections] == ["COVER", "Item 5", "Item 7", "SIGNATURE", "EX-99.1", "EX-99.2"]
    first = section_text(PRESS_RELEASE_8K, "8-K", "EX-99.1")
    second = section_text(PRESS_RELEASE_8K, "8-K", "EX-99.2")
    assert first.startswith("EXAMPLE WIDGETS NAMES NEW TREASURER") and "FORWARD-LOOKING" in first
    assert second.startswith("EXAMPLE WIDGETS AND ACME GEARS FORM ALLIANCE")
    assert sections[5].title == "EXAMPLE WIDGETS AND ACME GEARS FORM ALLIANCE"


def test_explicit_exhibit_lines_after_signature():
    text = LEGACY_8K + "\nEXHIBIT 99.1\nPress release text.\n"
    sections = sections_of(text, "8-K")
    assert sections[-1].name == "EX-99.1"
    assert section_text(text, "8-K", "EX-99.1").startswith("EXHIBIT 99.1")


def test_signature_block_without_heading_is_found_by_its_opening_sentence():
    text = f"""FORM 8-K
Item 8.01 Other Events.
{FILLER}
Pursuant to the requirements of the Securities and Exchange Act of 1934, the registrant has duly caused this
report to be signed on its behalf.
Date: March 30, 2021
"""
    assert names(text, "8-K") == ["COVER", "Item 8.01", "SIGNATURE"]
    assert section_text(text, "8-K", "SIGNATURE").startswith("Pursuant to the requirements")


def test_cross_reference_sentences_are_not_headings():
    text = f"""FORM 10-K
Item 1. Business
{FILLER}
Item 7 of this report discusses results.
{FILLER}
Item 7. Management's Discussion and Analysis
{FILLER}
"""
    sections = sections_of(text, "10-K")
    assert [s.name for s in sections] == ["COVER", "Item 1", "Item 7"]
    assert sections[2].char_start == text.index("Item 7. Management")


def test_tagged_exhibit_documents_keep_their_type():
    main = f"FORM 8-K\nItem 2.02 Results of Operations.\n{FILLER}\n"
    exhibit = "Example Widgets reports record quarter."
    text = main + "\n\n" + exhibit
    documents = [DocumentSpan("8-K", "", 0, len(main)), DocumentSpan("EX-99.1", "", len(main) + 2, len(text))]
    sections = detect_sections(text, documents, "8-K")
    assert [s.name for s in sections] == ["COVER", "Item 2.02", "EX-99.1"]
    assert sections[-1].title == "Additional Exhibits"


# --- the shared corpus, when present -------------------------------------------------------------

@pytest.fixture
def corpus_filing(corpus):
    from index.reader import read_filing

    return lambda name: read_filing(corpus / "filings" / name)


@pytest.mark.corpus
def test_immunogen_8k_sections_and_exhibits(corpus_filing):
    filing = corpus_filing("immunogen_8-K_2001-03-07.txt")
    assert [s.name for s in filing.sections] == ["COVER", "Item 5", "Item 7", "SIGNATURE", "EX-99.1", "EX-99.2"]
    text = {s.name: filing.text[s.char_start:s.char_end] for s in filing.sections}
    assert "Chief Financial Officer" in text["EX-99.1"] and "Millennium" not in text["EX-99.1"]
    assert text["EX-99.2"].lstrip().startswith("MILLENNIUM")
    assert filing.metadata.company == "ImmunoGen, Inc."
    assert filing.metadata.form == "8-K"


@pytest.mark.corpus
@pytest.mark.parametrize("name, expected", [
    ("netflix_10-Q_2025-07-18.htm", "Part I Item 2"),
    ("fb_Pfizer_2023Q2_10Q.pdf", "Part I Item 2"),
    ("fb_AMCOR_2023_10K.pdf", "Item 7"),
    ("procter-gamble_10-Q_2025-04-24.htm", "SIGNATURE"),
    ("rockofages_8-K_2000-09-27.txt", "SIGNATURE"),
    ("commonsensetrust_24F-2NT_1995-12-28.txt", "Item 12"),
])
def test_corpus_filings_have_their_usual_sections(corpus_filing, name, expected):
    assert expected in [s.name for s in corpus_filing(name).sections]


def test_reserved_item_followed_by_its_page_number_is_a_section():
    text = (f"FORM 10-K\nItem 5. Market for Registrant's Common Equity\n{FILLER}\nItem 6. [Reserved]\n32\n"
            f"Item 7. Management's Discussion and Analysis\n{FILLER}\n")
    assert names(text, "10-K") == ["COVER", "Item 5", "Item 6", "Item 7"]
    assert "Item 6" not in section_text(text, "10-K", "Item 5")


RELEASE = ("Amsterdam, the Netherlands - Example N.V. today presented its plan to grow. " + FILLER * 4 + "\n") * 3


def test_press_release_pasted_after_the_signature_is_its_own_section():
    text = (f"FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\n{FILLER}\nSIGNATURES\nPursuant to the requirements of the "
            "Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf.\n"
            "EXAMPLE N.V.\n/s/ J. Jansen\n(Chief Legal Officer)\nPress information\nJanuary 30, 2023\n"
            f"Example presents its plan to grow\n{RELEASE}")
    sections = {s.name: s for s in sections_of(text, "6-K")}
    assert list(sections) == ["BODY", "SIGNATURE", "EXHIBIT 1"]
    assert sections["EXHIBIT 1"].title == "Example presents its plan to grow"
    assert "/s/ J. Jansen" in section_text(text, "6-K", "SIGNATURE")
    assert "today presented its plan" not in section_text(text, "6-K", "SIGNATURE")


def test_a_wrapped_press_release_after_an_old_8k_signature_is_the_exhibit_its_items_list():
    # Apple's 8-K of 1999-09-07: fixed-width text (no line a paragraph long), the exhibit index on the page between
    wrapped = "\n".join(["CUPERTINO, California -- September 3, 1999 -- Example today announced it has",
                         "reached a settlement, subject to court approval, of a shareholder derivative",
                         "action which has been pending since January 1996. The settlement requires the",
                         "company to amend its by-laws and its policy on trading in company securities."])
    text = (f"FORM 8-K\nCURRENT REPORT\nItem 5.\tOther Events.\n{FILLER}\nItem 7.\tFinancial Statements and "
            "Exhibits.\n(c) Exhibits\n99.1      Text of press release dated September 3, 1999.\n3\nSIGNATURE\n"
            "Pursuant to the requirements of the Securities Exchange Act of 1934, the\nregistrant has duly caused "
            "this report to be signed on its behalf by the\nundersigned, thereunto duly authorized.\n\n"
            "By:/S/ Jane Roe\nJane Roe,\nChief Financial Officer\n\nDate: September 3, 1999\n\n4\n\n"
            "INDEX TO EXHIBITS\n\nExhibit   Document   Page\n99.1      Text of Press Release   6\n\n5\n\n"
            f"Example Reaches Settlement of Shareholder Action\n\n" + f"{wrapped}\n\n" * 4)
    sections = {s.name: s for s in sections_of(text, "8-K")}
    assert list(sections) == ["COVER", "Item 5", "Item 7", "SIGNATURE", "EX-99.1"]
    assert sections["EX-99.1"].title == "Example Reaches Settlement of Shareholder Action"
    assert "/S/ Jane Roe" in section_text(text, "8-K", "SIGNATURE")
    assert "reached a settlement" not in section_text(text, "8-K", "SIGNATURE")


def test_financial_statements_after_a_10k_signature_are_their_own_section():
    rows = "\n".join(f"Item {n} of the balance\t{1000 + n:,}\t{900 + n:,}" for n in range(60))
    text = (f"FORM 10-K\nItem 15. Exhibits and Financial Statement Schedules\n{FILLER}\nSIGNATURES\nPursuant to the "
            "requirements of the Securities Exchange Act of 1934, the Registrant has duly caused this report to be "
            "signed.\nBy: /s/ Jane Roe\nChief Executive Officer\nBalance Sheets\nDecember 31,\t2015\t2014\n"
            f"{rows}\n")
    sections = {s.name: s for s in sections_of(text, "10-K")}
    assert list(sections)[-2:] == ["SIGNATURE", "FINANCIAL STATEMENTS"]
    assert section_text(text, "10-K", "FINANCIAL STATEMENTS").startswith("Balance Sheets")


NOTICE_24F2 = """FORM 24F-2
ANNUAL NOTICE OF SECURITIES SOLD
PURSUANT TO RULE 24F-2
1.  Name and address of issuer:
    Example Growth Fund
9.  Number and aggregate sale price of securities sold during the fiscal year:
        1,019,524                               $15,907,470
12.  Calculation of registration fee:
    (i)  Aggregate sale price of securities sold during the
         fiscal year in reliance on rule 24f-2 (from Item 10): $    15,907,479
   (vii) Fee due [line (i) or line (v) multiplied by
line (vi)]\t$\t5,485.33
13.  Check box if fees are being remitted to the Commission's lockbox depository.
"""


def test_a_24f2_notices_items_numbered_without_item_are_its_sections():
    # Common Sense Trust - Growth Fund's notice of 1995-12-28: the older form's items 1 to 13, its fee in item 12
    sections = sections_of(NOTICE_24F2, "24F-2NT")
    assert [(s.name, s.title) for s in sections] == [
        ("COVER", "Cover page"), ("Item 1", "Name and address of issuer"),
        ("Item 9", "Number and aggregate sale price of securities sold during the fiscal year"),
        ("Item 12", "Calculation of registration fee"),
        ("Item 13", "Fees remitted to the Commission's lockbox depository")]
    assert "Fee due" in section_text(NOTICE_24F2, "24F-2NT", "Item 12")
    # the form of 1997 on numbers its items 1 to 9, its fee in item 5; lines "(i)" are no items, nor is a
    # numbered line of another form
    current = NOTICE_24F2.replace("12.  Calculation", "5.  Calculation").replace("13.  Check", "9.  Date")
    assert [s.title for s in sections_of(current, "24F-2NT")][2:4] == ["Calculation of registration fee",
                                                                        "Date the registration fee and any interest "
                                                                        "payment was sent to the Commission's "
                                                                        "lockbox depository"]
    assert names("1.  A list of the matters we describe.\n" + FILLER, "S-3") == ["BODY"]


def test_a_registration_statements_prospectus_is_its_own_section_after_the_facing_page():
    # Page America Group's S-3/A of 1995-05-25: the prospectus is Part I, under no items, below the facing page
    text = ("AMENDMENT NO. 2 TO FORM S-3\nREGISTRATION STATEMENT UNDER THE SECURITIES ACT OF 1933\nEXAMPLE PAGING, INC.\n"
            "The Registrant hereby amends this Registration Statement on such date as may be necessary.\n"
            "           SUBJECT TO COMPLETION, DATED MAY 25, 1995\nPROSPECTUS\nEXAMPLE PAGING, INC.\n"
            f"INVESTMENT CONSIDERATIONS\n{FILLER}\nPART II.\nINFORMATION NOT REQUIRED IN PROSPECTUS\n"
            f"Item 14.  OTHER EXPENSES OF ISSUANCE AND DISTRIBUTION\n{FILLER}\nItem 17.  UNDERTAKINGS\n{FILLER}\n")
    assert names(text, "S-3/A") == ["COVER", "PROSPECTUS", "Item 14", "Item 17"]
    assert section_text(text, "S-3/A", "PROSPECTUS").startswith("           SUBJECT TO COMPLETION")
    assert "INVESTMENT CONSIDERATIONS" not in section_text(text, "S-3/A", "COVER")
