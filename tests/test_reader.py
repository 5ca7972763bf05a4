"""Reading filings of every format into text, metadata and sections."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, SAMPLE, make_pdf
from index.reader import FilingError, read_filing


def section_text(filing, name: str) -> str:
    section = next(s for s in filing.sections if s.name == name)
    return filing.text[section.char_start:section.char_end]


def test_sgml_submission_metadata_from_header_and_exhibit_documents():
    filing = read_filing(FIXTURES / "acme_submission.txt")
    meta = filing.metadata
    assert (meta.form, meta.cik, meta.accession) == ("8-K", "999999", "0000999999-03-000042")
    assert (meta.filing_date, meta.period) == ("2003-06-12", "2003-06-10")
    assert meta.company == "Acme Widgets, Inc."  # the filing's own casing, not the header's capitals
    assert filing.filing_id == "0000999999-03-000042"
    assert [s.name for s in filing.sections] == ["COVER", "Item 5", "Item 7", "SIGNATURE", "EX-99.1"]
    assert section_text(filing, "Item 5").startswith("ITEM 5.  OTHER EVENTS")
    assert next(s for s in filing.sections if s.name == "Item 5").title == "Other Events"


def test_html_exhibit_text_drops_hidden_content_and_keeps_table_rows():
    filing = read_filing(FIXTURES / "acme_submission.txt")
    exhibit = section_text(filing, "EX-99.1")
    assert '"Demand for widgets has never been higher," said Jane Q. Doe.' in exhibit
    assert "Springfield\t40,000\t$\t12.5" in exhibit  # one table row per line, cells tab-separated
    assert "Hidden text" not in filing.text
    assert "begin 644" not in filing.text  # the uuencoded GRAPHIC document is skipped
    assert "<P>" not in filing.text and "<PAGE>" not in filing.text


def test_footnote_marks_are_superscripts_not_digits_glued_to_a_figure():
    from index.html_text import html_to_text, parse_html

    text = html_to_text(parse_html("<p>Over $18.3 Million<SUP>1</SUP> of licensing income in the 1<sup>st</sup> "
                                   "quarter<sup>(2)</sup></p>"))
    assert text == "Over $18.3 Million¹ of licensing income in the 1st quarter⁽²⁾"


def test_a_table_cell_written_as_several_indented_paragraphs_stays_on_its_row():
    from index.html_text import html_to_text, parse_html

    # a header cell of Cabot's proxy of January 2024: one <p> a line, indented far beyond the words a reader sees
    indent = "\n" + " " * 60
    cell = "".join(f"{indent}<p>{indent}<span>{words}</span>{indent}</p>" for words in ("Change in", "Pension Value",
                                                                                        "($)(5)"))
    text = html_to_text(parse_html(f"<table><tr><td>Name</td><td>{cell}</td><td>Total ($)</td></tr>"
                                   "<tr><td>Jane Roe</td><td>26,843</td><td>7,791,510</td></tr></table>"))
    header, row = text.splitlines()
    assert header.split("\t") == ["Name", "Change in Pension Value ($)(5)", "Total ($)"]  # one space between lines
    assert row == "Jane Roe\t26,843\t7,791,510"


def test_a_cells_lines_are_joined_by_one_space_as_a_reader_sees_them():
    from index.html_text import html_to_text, parse_html

    # Coca-Cola's 10-K of 2025: segment names over two lines, "North<br>America"
    text = html_to_text(parse_html("<table><tr><td></td><td><p>North </p><p> America</p></td><td>Asia<br/> Pacific"
                                   "</td></tr><tr><td>Operating income</td><td>4,336</td><td>2,148</td></tr></table>"))
    assert text.splitlines()[0] == "North America\tAsia Pacific"


def test_inline_xbrl_10q_metadata_from_dei_and_items_by_part():
    filing = read_filing(FIXTURES / "acme_10q.htm")
    meta = filing.metadata
    assert (meta.company, meta.form, meta.cik, meta.period) == ("Acme Widgets, Inc.", "10-Q", "999999", "2024-06-29")
    assert meta.filing_date == "2024-08-02"  # the signature date: the file has no SEC header
    names = [s.name for s in filing.sections]
    # Table-of-contents rows are not sections; Part I Item 2 is not Part II Item 2.
    assert names == ["COVER", "Part I Item 1", "Part I Item 2", "Part II Item 1", "Part II Item 2", "SIGNATURE"]
    assert "blue widgets in Europe" in section_text(filing, "Part I Item 2")
    assert "repurchased 2 million shares" in section_text(filing, "Part II Item 2")
    assert "context data never shown" not in filing.text  # ix:header is hidden content
    assert "Total net sales\t$\t1,530\t$\t1,410" in section_text(filing, "Part I Item 1")


def test_plain_text_8k_exhibits_after_signature_follow_the_exhibit_list():
    filing = read_filing(FIXTURES / "acme_plain_8k.txt")
    assert (filing.metadata.company, filing.metadata.form) == ("Acme Widgets, Inc.", "8-K")
    assert filing.metadata.filing_date == "1999-02-04" and filing.metadata.period == "1999-02-02"
    assert [s.name for s in filing.sections] == ["COVER", "Item 5", "Item 7", "SIGNATURE", "EX-99.1", "EX-99.2"]
    first, second = section_text(filing, "EX-99.1"), section_text(filing, "EX-99.2")
    assert first.startswith("ACME WIDGETS NAMES NEW CHIEF OPERATING OFFICER")
    assert "FORWARD-LOOKING" in first  # the release's own legend stays with it
    assert second.startswith("ACME WIDGETS TO SELL GADGET DIVISION")
    assert filing.filing_id.startswith("sha256-")  # no accession number without a header


def test_immunogen_sample_sections_and_metadata():
    filing = read_filing(SAMPLE)
    assert filing.metadata.company == "ImmunoGen, Inc." and filing.metadata.form == "8-K"
    assert [s.name for s in filing.sections] == ["COVER", "Item 5", "Item 7", "SIGNATURE", "EX-99.1", "EX-99.2"]
    assert "Gregg D. Beloff" in section_text(filing, "EX-99.1")
    assert section_text(filing, "EX-99.2").startswith("MILLENNIUM AND IMMUNOGEN FORM")


def test_pdf_text_keeps_page_numbers(tmp_path):
    path = tmp_path / "report.bin"  # the name says nothing: the content does
    path.write_bytes(make_pdf([
        ["UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "FORM 10-K", "ACME WIDGETS, INC.",
         "(Exact name of registrant as specified in its charter)", "For the fiscal year ended December 31, 2023",
         "Item 1. Business", "We make widgets in Springfield."],
        ["Item 7. Management Discussion", "Sales rose 9 percent.", "SIGNATURES", "Date: February 20, 2024"],
    ]))
    filing = read_filing(path)
    assert (filing.metadata.company, filing.metadata.form) == ("ACME WIDGETS, INC.", "10-K")
    assert filing.metadata.period == "2023-12-31"
    pages = {s.name: s.pages for s in filing.sections}
    assert pages["Item 1"] == (1,) and pages["Item 7"] == (2,) and pages["SIGNATURE"] == (2,)
    assert filing.page_of(filing.text.index("Sales rose")) == 2


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    (b"%PDF-1.4 this is not really a pdf", "cannot read PDF"),
    ((FIXTURES / "not_a_filing.txt").read_bytes(), "not an SEC filing"),
])
def test_unreadable_files_raise_one_line_errors(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(FilingError, match=message) as error:
        read_filing(path)
    assert "\n" not in str(error.value)


def test_parse_cli_prints_one_json_line_per_file_and_errors_inline(tmp_path):
    empty = tmp_path / "empty.htm"
    empty.write_text("")
    result = subprocess.run([sys.executable, "-m", "ui", "parse", str(SAMPLE), str(empty), "--json"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["company"] == "ImmunoGen, Inc." and first["form"] == "8-K"
    assert [s["name"] for s in first["sections"]][1:] == ["Item 5", "Item 7", "SIGNATURE", "EX-99.1", "EX-99.2"]
    assert all(s["char_start"] < s["char_end"] for s in first["sections"])
    assert second == {"source": str(empty), "error": "empty file"}


def _old_10k(after_table: str = "", prose_first: bool = True) -> str:
    """A 1997-style plain-text 10-K with one fixed-width table, and `after_table` after it; its prose before the
    table, or after it when not `prose_first`."""
    # long enough to read as fixed-width text when wrapped in markup
    prose = "The Company designs, manufactures and markets personal computers.\n" * 220
    if not prose_first:
        prose, after_table = "", prose + after_table
    return """<SEC-DOCUMENT>
<DOCUMENT>
<TYPE>10-K
<TEXT>
ANNUAL REPORT PURSUANT TO SECTION 13 OF THE SECURITIES EXCHANGE ACT OF 1934
ACME WIDGETS, INC.
(Exact name of registrant as specified in its charter)
Item 1. Business
""" + prose + """Item 6. Selected Financial Data
<TABLE>
<CAPTION>
FIVE FISCAL YEARS ENDED SEPTEMBER 26, 1997          1997       1996
- ------------------------------------------------  ---------  ---------
                                              (IN MILLIONS)
<S>                                               <C>        <C>
Net sales.......................................  $   7,081  $   9,833

Net income (loss)...............................  $  (1,045) $    (816)
</TABLE>
""" + after_table + """</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


OLD_10K_ROWS = ("FIVE FISCAL YEARS ENDED SEPTEMBER 26, 1997\t1997\t1996\n(IN MILLIONS)\n"
                "Net sales.......................................\t$\t7,081\t$\t9,833\n"
                "Net income (loss)...............................\t$\t(1,045) $\t(816)")


def test_fixed_width_tables_of_text_submissions_become_rows_of_cells(tmp_path):
    path = tmp_path / "old_10k.txt"
    path.write_text(_old_10k())
    text = read_filing(path).text
    assert OLD_10K_ROWS in text
    assert "-----" not in text and "<S>" not in text


def test_table_lines_of_a_fixed_width_text_outside_table_tags_become_rows_and_justified_prose_stays(tmp_path):
    # Sears' release of July 2004 sets its tables without <TABLE>; Apple's 10-K of 1994 justifies its paragraphs
    # with two spaces between words, some of them years
    after = ("    Domestic Retail Stores:\n"
             "                               July 3,  June 28, January 3,\n"
             "      Full-line                   871      869       871\n"
             "      Specialty                 1,109    1,307     1,105\n"
             "    Operating income/ (loss)     $   160     $  750       $(145)\n\n"
             "The  Company  sold  more  widgets  in  fiscal  1997  than  in  1996.\n"
             "approximately $122 million, $170 million, and $160 million in  1994,  1993,\n"
             "February  14,  2002\n")
    path = tmp_path / "old_10k.txt"
    path.write_text(_old_10k(after_table=after))
    text = read_filing(path).text
    lines = text.splitlines()
    for row in ["Full-line\t871\t869\t871", "Specialty\t1,109\t1,307\t1,105",
                "Operating income/ (loss)\t$\t160\t$\t750\t$(145)"]:
        assert row in lines
    for line in after.splitlines()[6:]:
        assert line in lines  # as written


def test_a_fixed_width_text_wrapped_in_markup_keeps_its_table(tmp_path):
    # AEGON's 20-F of 2001-03-28: a fixed-width text in <html><body><div>, a <TABLE> in its first lines
    path = tmp_path / "old_10k.txt"
    path.write_text(_old_10k(prose_first=False).replace("<TEXT>\n", "<TEXT>\n<html><body><div>\n")
                    .replace("</TEXT>", "</div></body></html>\n</TEXT>"))
    text = read_filing(path).text
    assert OLD_10K_ROWS in text
    assert "<S>" not in text and "<TABLE>" not in text


def test_a_short_fixed_width_exhibit_whose_only_tags_are_sgml_layout_keeps_its_table_rows(tmp_path):
    # Southern Company's 8-K of 2005-01-25: each exhibit opens with a <TABLE> and holds no other markup
    table = _old_10k().split("Item 6. Selected Financial Data\n")[1].split("</TEXT>")[0]
    path = tmp_path / "8k.txt"
    path.write_text("<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nCURRENT REPORT PURSUANT TO SECTION 13 OF THE "
                    "SECURITIES EXCHANGE ACT OF 1934\nACME WIDGETS, INC.\nItem 7. Exhibits\n</TEXT>\n</DOCUMENT>\n"
                    f"<DOCUMENT>\n<TYPE>EX-99.05\n<TEXT>\nExhibit 99.05 Selected Financial Data\n{table}</TEXT>\n"
                    "</DOCUMENT>\n</SEC-DOCUMENT>\n")
    assert OLD_10K_ROWS in read_filing(path).text


def test_a_text_filing_with_many_unclosed_table_tags_is_read_within_the_time_a_file_may_take(tmp_path):
    from index.limits import LimitedReader, ReadLimits

    path = tmp_path / "unclosed.txt"
    path.write_text(_old_10k("Item 7. Management's Discussion\n" + "<TABLE>\n" * 200_000))
    # each unclosed tag searched to the end of the file took hours; read in one pass, it takes well under a second
    with LimitedReader(ReadLimits(50 * 2**20, 10_000_000, max_seconds=30)) as reader:
        text = reader.read(path).text
    assert OLD_10K_ROWS in text and "Item 7. Management's Discussion" in text and "<TABLE>" not in text


def test_earnings_release_pdf_gets_its_company_form_and_date_from_its_text(tmp_path):
    path = tmp_path / "release.pdf"
    # (make_pdf writes no parentheses, so the dateline has no ticker: the headline names the company)
    path.write_bytes(make_pdf([["Acme Widgets Reports Record Fourth Quarter Results",
                                "DAYTON, Ohio, February 8, 2024 -- Acme Widgets, Inc. today reported",
                                "net sales of $1,204 million for the fourth quarter of fiscal 2023."]]))
    filing = read_filing(path)
    assert (filing.metadata.company, filing.metadata.form, filing.metadata.filing_date) == \
           ("Acme Widgets", "EX-99.1", "2024-02-08")
    assert [s.name for s in filing.sections] == ["EX-99.1"]


def test_a_release_whose_letterhead_names_its_company_is_dated_by_its_head(tmp_path):
    # Buckle's release of 2024-11-22: the company on the letterhead, the date only in "For Immediate Release"
    path = tmp_path / "release.htm"
    path.write_text("<html><body><p>Exhibit 99.1</p><p>Acme Widgets, Inc.</p><p>2407 W. 24th St. Dayton, OH</p>"
                    "<p>For Immediate Release: November 22, 2024</p><p>ACME WIDGETS, INC. REPORTS THIRD QUARTER "
                    "NET INCOME</p><p>Net sales for the fiscal quarter ended November 2, 2024 were $293.6 million, "
                    "and the company operated 445 stores.</p></body></html>")
    assert (read_filing(path).metadata.form, read_filing(path).metadata.filing_date) == ("EX-99.1", "2024-11-22")


def test_pdf_table_rows_keep_their_cells_apart_and_prose_stays_prose(tmp_path):
    path = tmp_path / "tables.pdf"
    path.write_bytes(make_pdf([["FORM 10-Q", "Quarterly report of Acme Widgets, Inc.",
                                "Net sales by region, in millions:", "Region\t2024\t2023", "Americas\t$ 1,204\t$ 1,100",
                                "Europe\t$ 330\t$ 310", "Sales rose in every region because demand grew.",
                                "Region names\tare\twords only"]]))
    lines = read_filing(path).text.split("\n")
    assert "Region\t2024\t2023" in lines and "Americas\t$ 1,204\t$ 1,100" in lines and "Europe\t$ 330\t$ 310" in lines
    assert "Sales rose in every region because demand grew." in lines
    assert not any("\t" in line for line in lines if line.startswith("Region names"))  # no figures: not a row


def test_a_pdf_line_of_justified_prose_holding_figures_is_prose_not_a_row(tmp_path):
    # PepsiCo's 2022 10-K justifies "We employed approximately 315,000 people worldwide as of December 31, 2022,
    # including approximately 132,000 people" with gaps as wide as a table's between columns
    path = tmp_path / "justified.pdf"
    path.write_bytes(make_pdf([["FORM 10-K", "Annual report of Acme Widgets, Inc.",
                                "We\temployed approximately 3,150 people worldwide\tas\tof December 31, 2022, including"
                                "\tapproximately 1,320 people", "Units sold\t1,204 million\t1,100 million\t998 million"]]))
    lines = read_filing(path).text.split("\n")
    assert ("We employed approximately 3,150 people worldwide as of December 31, 2022, including approximately 1,320 "
            "people") in lines
    assert "Units sold\t1,204 million\t1,100 million\t998 million" in lines  # a figure may carry its unit


def test_a_pdf_line_of_a_label_and_one_amount_is_a_row_but_a_contents_line_is_not(tmp_path):
    # the vote counts of PepsiCo's 8-K of May 2023: "For 901,248,622" over "Against 110,102,370"
    path = tmp_path / "votes.pdf"
    path.write_bytes(make_pdf([["FORM 8-K", "Acme Widgets, Inc. annual meeting results",
                                "(3) The shareholders approved, on an advisory basis, executive compensation:",
                                "For\t901,248,622", "Against\t110,102,370", "Risk Factors\t12",
                                "Total assets were\t$ 4.2 billion."]]))
    lines = read_filing(path).text.split("\n")
    assert "For\t901,248,622" in lines and "Against\t110,102,370" in lines
    assert "Risk Factors 12" in lines  # a page number, not an amount
    assert "Total assets were $ 4.2 billion." in lines  # a sentence's end, not a row


def test_a_pdf_line_of_words_over_a_row_of_as_many_figures_is_its_header_row(tmp_path):
    # Foot Locker's 8-K of May 2022: "Votes For   Votes Against   Abstentions" over the counts of a proposal
    path = tmp_path / "votes.pdf"
    path.write_bytes(make_pdf([["FORM 8-K", "Acme Widgets, Inc. annual meeting results",
                                "Votes For\tVotes Against\tAbstentions", "57,172,731\t13,324,080\t170,172",
                                "Region names\tare\twords only", "Americas\t$ 1,204\t$ 1,100\t$ 990\t$ 870"]]))
    lines = read_filing(path).text.split("\n")
    assert "Votes For\tVotes Against\tAbstentions" in lines and "57,172,731\t13,324,080\t170,172" in lines
    assert "Region names are words only" in lines  # more figures below than its cells: no header of theirs


def test_a_pdf_header_row_of_periods_alone_keeps_its_cells_apart(tmp_path):
    # a balance sheet's two dates above its rows, with no label cell (Best Buy's 2023 10-K)
    path = tmp_path / "balance.pdf"
    path.write_bytes(make_pdf([["FORM 10-K", "Consolidated Balance Sheets of Acme Widgets, Inc.",
                                "$ in millions", "\tJanuary 28, 2023\tJanuary 29, 2022", "Assets", "Current assets",
                                "Merchandise inventories\t5,140\t5,965", "Fiscal years\tfew\twords"]]))
    lines = read_filing(path).text.split("\n")
    assert "January 28, 2023\tJanuary 29, 2022" in lines and "Merchandise inventories\t5,140\t5,965" in lines
    assert "Fiscal years few words" in lines  # cells of words only: prose


def test_a_pdf_header_of_dates_set_on_two_lines_each_is_one_row(tmp_path):
    # pdfium reads a statement's date cells set on two lines one line at a time (Adobe's 2022 10-K)
    path = tmp_path / "income.pdf"
    path.write_bytes(make_pdf([["FORM 10-K", "Consolidated Statements of Income of Acme Widgets, Inc.",
                                "Years Ended", "December 2,", "2022", "December 3,", "2021", "Revenue:",
                                "Total revenue\t17,606\t15,785", "Sales grew in 2022.", "June 3,", "2022 was a day."]]))
    lines = read_filing(path).text.split("\n")
    assert "December 2, 2022\tDecember 3, 2021" in lines and "Total revenue\t17,606\t15,785" in lines
    assert "June 3," in lines and "2022 was a day." in lines  # a lone date in prose stays as it is


def test_a_word_pdfium_splits_at_a_ligature_glyph_is_joined_again(tmp_path):
    # pdfium reads some fonts' "ff" glyph as "f" and a space: the fixture's text is what it reads from such a PDF
    path = tmp_path / "ligatures.pdf"
    path.write_bytes(make_pdf([["FORM 10-K", "Annual report of Acme Widgets, Inc.",
                                "Rates could materially adversely af ect our results of operations.",
                                "Our of icers expect the ef ective tax rate to dif er; if costs rise, proceeds of the",
                                "offering fall. The chef asked if ice was sold."]]))
    text = read_filing(path).text
    assert "materially adversely affect our results of operations." in text
    assert "Our officers expect the effective tax rate to differ; if costs rise, proceeds of the" in text
    assert "The chef asked if ice was sold." in text  # two words as they stand: not joined


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_filing_in_utf16_or_utf32_with_its_byte_order_mark_is_read(tmp_path, encoding):
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / f"immunogen-{encoding}.txt"
    data = text.encode(encoding)
    path.write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
    filing = read_filing(path)
    assert filing.metadata.company == "ImmunoGen, Inc." and "Gregg D. Beloff" in filing.text


def test_text_under_200000_nested_elements_is_read(tmp_path):
    path = tmp_path / "deep.htm"
    levels = 200_000
    path.write_text("<html><body>" + "<div>" * levels + "<p>FORM 8-K</p><p>CURRENT REPORT</p><p>Acme Widgets, Inc. "
                    "announced quarterly earnings of $5 million.</p>" + "</div>" * levels + "</body></html>")
    filing = read_filing(path)  # the HTML parser drops what lies this deep: the text is read tag by tag
    assert filing.metadata.form == "8-K" and "announced quarterly earnings of $5 million." in filing.text


CUT_OFF_IN_EXHIBIT = ("the file ends without </TEXT>, </DOCUMENT>, </SEC-DOCUMENT>: its last document (EX-99.1) is "
                      "cut off; 2 of the 3 documents its header counts are in it; read as far as it goes")


def test_a_submission_cut_off_in_a_document_is_read_as_far_as_it_goes_with_a_warning():
    filing = read_filing(FIXTURES / "acme_submission_cut.txt")  # acme_submission.txt cut in its press release
    assert filing.warnings == [CUT_OFF_IN_EXHIBIT]
    assert [s.name for s in filing.sections] == ["COVER", "Item 5", "Item 7", "SIGNATURE", "EX-99.1"]
    assert section_text(filing, "EX-99.1").endswith("employs 85 people. \"Demand for widg")
    assert read_filing(FIXTURES / "acme_submission.txt").warnings == []


def test_a_submission_cut_off_between_documents_is_read_with_a_warning(tmp_path):
    whole = (FIXTURES / "acme_submission.txt").read_text()
    path = tmp_path / "cut.txt"
    path.write_text(whole[:whole.index("</DOCUMENT>") + len("</DOCUMENT>\n")])
    filing = read_filing(path)
    assert filing.warnings == ["the file ends without </SEC-DOCUMENT>; 1 of the 3 documents its header counts are "
                               "in it; read as far as it goes"]
    assert "EX-99.1" not in {s.name for s in filing.sections} and filing.metadata.form == "8-K"


def test_parse_cli_warns_of_a_cut_off_submission_and_refuses_text_over_the_limit():
    from typer.testing import CliRunner

    from ui.cli import app

    result = CliRunner().invoke(app, ["parse", str(SAMPLE), str(FIXTURES / "acme_submission_cut.txt"),
                                      "--max-text-chars", "5000"])
    assert result.exit_code == 0
    assert f"{SAMPLE}: error: 12,222 characters of text are over the limit of 5,000 a file\n" in result.stdout
    assert f"  warning: {CUT_OFF_IN_EXHIBIT}\n" in result.stdout


def test_a_words_last_letter_pdfium_parts_by_kerning_is_joined_again(tmp_path):
    # the fixture's text is what pdfium reads from such a PDF (3M's 2018 10-K: "Consolidated Balance Shee t")
    path = tmp_path / "kerning.pdf"
    path.write_bytes(make_pdf([["FORM 10-K", "Acme Widgets, Inc. Consolidated Balance Shee t",
                                "Consolidated Statement of Incom e", "Note 4 (a) and part e of the plan."]]))
    text = read_filing(path).text
    assert "Consolidated Balance Sheet" in text and "Consolidated Statement of Income" in text
    assert "part e of the plan" in text  # a word as it stands and a letter: not joined
