"""Metadata from SEC headers, cover pages and signature blocks, on small hand-written examples."""
from __future__ import annotations

import pytest

from index import metadata, sgml


SGML_HEADER = """<SEC-DOCUMENT>0000111111-24-000007.txt : 20240315
<SEC-HEADER>0000111111-24-000007.hdr.sgml : 20240315
ACCESSION NUMBER:\t\t0000111111-24-000007
CONFORMED SUBMISSION TYPE:\t8-K
CONFORMED PERIOD OF REPORT:\t20240312
FILED AS OF DATE:\t\t20240315
FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE POWER CO
\t\tCENTRAL INDEX KEY:\t\t\t0000222222
FILER:
\tCOMPANY DATA:
\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE HOLDINGS CORP /DE/
\t\tCENTRAL INDEX KEY:\t\t\t0000111111
</SEC-HEADER>
"""


def header_metadata(text: str = SGML_HEADER):
    return metadata.from_sec_header(sgml.header_fields(text))


def test_sec_header_fields():
    meta = header_metadata()
    assert meta.form == "8-K"
    assert meta.filing_date == "2024-03-15"
    assert meta.period == "2024-03-12"
    assert meta.accession == "0000111111-24-000007"


def test_combined_report_names_the_filer_that_submitted_it():
    # The parent's CIK begins the accession number; the subsidiary is listed first.
    meta = header_metadata()
    assert meta.company == "EXAMPLE HOLDINGS CORP"
    assert meta.cik == "111111"


def test_other_forms_keep_the_first_entity_of_the_header():
    meta = header_metadata(SGML_HEADER.replace("TYPE:\t8-K", "TYPE:\tSC 13D"))
    assert meta.company == "EXAMPLE POWER CO"


@pytest.mark.parametrize("conformed, expected", [
    ("WELLS FARGO & COMPANY/MN", "WELLS FARGO & COMPANY"),
    ("1895 Bancorp of Wisconsin, Inc. /MD/", "1895 Bancorp of Wisconsin, Inc."),
    ("APPLE COMPUTER INC /CA/ /DE/", "APPLE COMPUTER INC"),
    ("AT&T INC.", "AT&T INC."),
])
def test_state_suffix_stripping(conformed, expected):
    assert metadata.strip_state_suffix(conformed) == expected


def test_normalised_company_ignores_suffixes_case_and_punctuation():
    assert metadata.normalised_company("Apple Computer, Inc.") == metadata.normalised_company("APPLE COMPUTER INC /CA/")
    assert metadata.normalised_company("Sears, Roebuck and Co.") == metadata.normalised_company("SEARS ROEBUCK & CO")
    assert metadata.normalised_company("Oracle Corporation") != metadata.normalised_company("Apple Inc.")


@pytest.mark.parametrize("name, text, expected", [
    ("ORACLE CORP", "ORACLE CORP\nOracle Corporation announced results. Oracle Corporation grew.", "Oracle Corporation"),
    ("SEARS ROEBUCK & CO", "Sears, Roebuck and Co. reported sales.", "Sears, Roebuck and Co."),
    ("EXAMPLE WIDGETS INC", "The Example Widgets, Inc. Savings Plan. Example Widgets, Inc. makes widgets. "
                            "Example Widgets, Inc. sells them.", "Example Widgets, Inc."),
    ("ACME CO", "The Acme Company makes anvils. The Acme Company ships them.", "The Acme Company"),
    ("ACME CO", "ACME CO makes anvils.", "ACME CO"),
    ("ImmunoGen, Inc.", "IMMUNOGEN, INC.", "ImmunoGen, Inc."),
])
def test_prefer_written_casing(name, text, expected):
    assert metadata.prefer_written_casing(name, text) == expected


def test_cover_name_above_exact_name_note():
    cover = "FORM 8-K\nEXAMPLE WIDGETS, INC.\t0-12345\n(Exact name of registrant as specified in its charter)\n"
    assert metadata.company_from_cover(cover) == "EXAMPLE WIDGETS, INC."


def test_cover_name_above_registrant_name_note_of_a_6k():
    cover = "FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\nEXAMPLE AG\n(Registrant Name)\nZurich, Switzerland\n"
    assert metadata.company_from_cover(cover) == "EXAMPLE AG"


def test_cover_of_a_combined_filing_names_its_first_registrant():
    cover = (
        "FORM 8-K\nCommission\tRegistrant, State of Incorporation,\tIRS Employer\n"
        "File Number\tAddress and Telephone Number\tIdentification No.\n"
        "1-1111\tExample Holdings Company  (A Delaware Corporation)  1 Main Street\t11-1111111\n"
        "1-2222\tExample Power Company  (A Georgia Corporation)  2 Main Street\t22-2222222\n"
    )
    assert metadata.company_from_cover(cover) == "Example Holdings Company"


def test_cover_without_note_falls_back_to_an_entity_name_line():
    cover = "FORM 10-K\nANNUAL REPORT\nCommission file number 1-9999\nEXAMPLE GEARS COMPANY\nState of Incorporation: Delaware\n"
    assert metadata.company_from_cover(cover) == "EXAMPLE GEARS COMPANY"


def test_cover_without_any_name():
    assert metadata.company_from_cover("FORM 8-K\nCURRENT REPORT\n" + "Some prose. " * 30) == ""


def test_cover_form_and_period():
    cover = "FORM 10-Q\nQUARTERLY REPORT PURSUANT TO SECTION 13\nFor the quarterly period ended June 29, 2024\n"
    assert metadata.form_from_cover(cover) == "10-Q"
    assert metadata.period_from_cover(cover, "10-Q") == "2024-06-29"
    assert metadata.period_from_cover("Date of Report (Date of earliest event reported): March 5, 2001", "8-K") \
        == "2001-03-05"


@pytest.mark.parametrize("text, expected", [
    ("March 30, 2021", "2021-03-30"),
    ("Sept. 5, 2001", "2001-09-05"),
    ("on this 29th day of January 2025", "2025-01-29"),
    ("19941213", "1994-12-13"),
    ("February 30, 2020 or March 1, 2020", "2020-03-01"),
    ("no date here", ""),
])
def test_parse_date(text, expected):
    assert metadata.parse_date(text) == expected


@pytest.mark.parametrize("block, expected", [
    ("SIGNATURES\nthe registrant has duly caused this report to be signed, thereunto duly authorized, "
     "as of February 6, 2025.\nEXAMPLE, INC.", "2025-02-06"),
    ("SIGNATURES\nsigned on its behalf in the City of Springfield, on this 29th day of January 2025.", "2025-01-29"),
    ("SIGNATURE\nEXAMPLE, INC.\n/s/ Jane Doe\nDate: March 30, 2021  Jane Doe, Chief Financial Officer", "2021-03-30"),
    ("SIGNATURES\nthis Annual Report for the fiscal year ended December 31, 2024 to be signed\n"
     "February 20, 2025\t/s/ Jane Doe", "2025-02-20"),
    ("SIGNATURES\n/s/ Jane Doe", ""),
])
def test_signature_date(block, expected):
    assert metadata.signature_date(block) == expected


def test_signature_date_ignores_dates_far_below_the_signatures():
    block = "SIGNATURES\n/s/ Jane Doe\n" + "x" * metadata.SIGNATURE_DATE_CHARS + "\nDated as of September 30, 1991"
    assert metadata.signature_date(block) == ""


def test_a_document_no_signature_dates_dates_itself_at_its_head():
    # Flushing Financial's preliminary prospectus supplement of December 2024 and Cabot's proxy statement letter
    prospectus = ("Filed Pursuant to Rule 424(b)(5)\nSUBJECT TO COMPLETION, DATED DECEMBER 12, 2024\n"
                  "(To Prospectus dated November 29, 2024)\n")
    assert metadata.own_date(prospectus) == "2024-12-12"
    letter = ("The Annual Meeting will be held virtually:\nThursday, March 7, 2024 at 4:00 p.m. ET\n"
              "Boston, MA 02210\nJanuary 26, 2024\nDear Fellow Stockholders:\n")
    assert metadata.own_date(letter) == "2024-01-26"
    # another document's date in brackets, and a date in a sentence, are not its own
    assert metadata.own_date("(To Prospectus dated November 29, 2024)\nThe meeting is on March 7, 2024.\n") == ""


def test_merge_takes_the_first_known_value():
    merged = metadata.merge(metadata.FilingMetadata(form="8-K"), metadata.FilingMetadata(form="10-K", company="X"))
    assert (merged.form, merged.company) == ("8-K", "X")


# --- the shared corpus, when present -------------------------------------------------------------

@pytest.fixture
def corpus_metadata(corpus):
    from index.reader import read_filing

    return lambda name: read_filing(corpus / "filings" / name).metadata


@pytest.mark.corpus
@pytest.mark.parametrize("name, company, filing_date", [
    ("southernco_8-K_2005-01-25.txt", "Southern Company", "2005-01-25"),
    ("wellsfargo_10-K_2025-02-25.htm", "Wells Fargo & Company", "2025-02-25"),
    ("oracle_8-K_2019-07-10.txt", "Oracle Corporation", "2019-07-10"),
    ("fb_3M_2018_10K.pdf", "3M Company", "2019-02-07"),
    ("procter-gamble_10-Q_2025-04-24.htm", "The Procter & Gamble Company", "2025-04-24"),
])
def test_corpus_metadata(corpus_metadata, name, company, filing_date):
    meta = corpus_metadata(name)
    assert (meta.company, meta.filing_date) == (company, filing_date)


@pytest.mark.parametrize(("head", "company"), [
    ("Ulta Beauty Announces Fourth Quarter Results\nBOLINGBROOK, Ill.--(BUSINESS WIRE)-- Ulta Beauty, Inc. "
     "(NASDAQ: ULTA) today announced results.", "Ulta Beauty, Inc."),
    ("Page 1 of 15\nExhibit 99.1\nMGM RESORTS INTERNATIONAL REPORTS FOURTH QUARTER RESULTS\nLas Vegas, Nevada, "
     "February 8, 2023 \u2013 MGM Resorts International (NYSE: MGM) today reported results.", "MGM Resorts International"),
    ("Amcor reports fiscal 2023 results and provides outlook for fiscal 2024\nNet sales of $14,694 million.",
     "Amcor"),
    ("Quarterly highlights\nNet sales rose.\nAbout Example Widgets\nExample Widgets makes widgets.", "Example Widgets"),
    ("Net sales rose in the quarter.", ""),
])
def test_company_of_a_release_filed_on_its_own(head, company):
    assert metadata.company_from_release(head) == company


def test_release_exhibit_type():
    assert metadata.release_exhibit_type("Exhibit 99.2\nAcme Announces Results") == "EX-99.2"
    assert metadata.release_exhibit_type("Acme Corp. (NYSE: ACM) today reported earnings.") == "EX-99.1"
    assert metadata.release_exhibit_type("The undersigned hereby certifies the report.") == ""


def test_company_of_a_prospectus_from_what_its_we_refers_to():
    text = ("TABLE OF CONTENTS\nABOUT THIS PROSPECTUS SUPPLEMENT\nUnless the context indicates otherwise, the terms "
            "\u201cFFIC,\u201d the \u201cCompany,\u201d \u201cwe,\u201d \u201cour\u201d and \u201cus\u201d in this "
            "prospectus supplement refer to Example Financial Corporation and its subsidiaries.\n")
    assert metadata.company_from_references(text) == "Example Financial Corporation"
    assert metadata.company_from_references("We refer to the notes.") == ""
