"""A PDF filing's page rendered by pdfium with a quote's printed lines marked; the filing's file kept in the data
folder, where the page is rendered from."""
from __future__ import annotations

import io
import re

from PIL import Image

from conftest import SAMPLE, make_pdf
from index.pages import render_quote
from index.reader import read_filing

PAGES = [["FORM 8-K", "ACME WIDGETS, INC.", "Item 5.02 Departure of Directors or Certain Officers.",
          "The registrant appointed Jane Roe as Chief Financial Officer."],
         ["Item 9.01 Financial Statements and Exhibits.", "Net sales\t2024\t2023",
          "Widgets\t$ 1,200\t$ 1,100", "The board thanked John Doe for his service as interim officer.",
          "SIGNATURE"]]


def marked(pixel: tuple[int, int, int]) -> bool:
    """The translucent yellow laid over the page: over paper or over printed letters."""
    red, green, blue = pixel
    return red >= 100 and blue < 180 and green < red and red - blue > 80


def test_the_quote_is_marked_on_the_page_it_is_printed_on(tmp_path):
    pdf = make_pdf(PAGES)
    path = tmp_path / "acme.pdf"
    path.write_bytes(pdf)
    filing = read_filing(path)
    quote = "thanked John Doe for his service"
    start = filing.text.index(quote)
    # its passage begins on page 1: the page is found from there
    page = render_quote(pdf, filing.text, start, start + len(quote), first_page=1)
    assert (page.page, page.pages) == (2, 2) and len(page.boxes) == 1
    image = Image.open(io.BytesIO(page.png)).convert("RGB")
    assert image.size == (page.width, page.height)
    box = page.boxes[0]
    inside = [image.getpixel((x, y)) for x in range(box.left + 3, box.right - 3)
              for y in range(box.top + 3, box.bottom - 3)]
    assert sum(map(marked, inside)) > 0.9 * len(inside)
    everywhere = image.get_flattened_data()
    area = (box.right - box.left + 1) * (box.bottom - box.top + 1)
    assert sum(map(marked, everywhere)) <= area  # nothing else on the page is marked
    # the quote's words lie on the fourth line of page 2: below the three lines above it, left of the page's middle
    assert box.top > 3 * 14 * page.width / 612 and box.left < page.width / 2

    row = "Widgets\t$ 1,200"  # a table row: its cells are tab-separated in the text, spaced apart on the page
    start = filing.text.index(row)
    cells = render_quote(pdf, filing.text, start, start + len(row), first_page=2)
    assert cells.page == 2 and len(cells.boxes) == 1 and cells.boxes[0].right - cells.boxes[0].left > 88


def test_a_quote_after_a_word_joined_at_a_ligature_is_marked_where_it_is_printed(tmp_path):
    # pdfium reads "af ect" where a ligature is printed; the text reads "affect", one letter more than pdfium gives.
    # In Helvetica a space is as wide as an f, so the words after it are printed where they are on the line above.
    pdf = make_pdf([["FORM 8-K", "Rates may adversely affect our results of operations.",
                     "Rates may adversely af ect our results of operations."]])
    path = tmp_path / "ligature.pdf"
    path.write_bytes(pdf)
    text = read_filing(path).text
    first, second = (m.start() for m in re.finditer("our results", text))
    (printed,) = render_quote(pdf, text, first, first + len("our results"), first_page=1).boxes
    (joined,) = render_quote(pdf, text, second, second + len("our results"), first_page=1).boxes
    assert (joined.left, joined.right) == (printed.left, printed.right) and joined.top >= printed.bottom - 4
    # a filing indexed before ligatures were mended holds "af ect" as pdfium reads it: its quotes are marked too
    split = text.rindex("affect")
    as_read = f"{text[:split]}af ect{text[split + len('affect'):]}"  # as long: the quote's offsets stay
    assert render_quote(pdf, as_read, second, second + len("our results"), first_page=1).boxes == (joined,)


def test_a_quote_of_a_header_whose_dates_are_made_one_row_is_marked_in_new_and_old_indexes(tmp_path):
    pdf = make_pdf([["FORM 10-K", "Years Ended", "December 2,", "2022", "December 3,", "2021",
                     "Total revenue\t17,606\t15,785"]])
    path = tmp_path / "income.pdf"
    path.write_bytes(pdf)
    text = read_filing(path).text
    start = text.index("December 2, 2022\tDecember 3, 2021")
    boxes = render_quote(pdf, text, start, start + len("December 2, 2022"), first_page=1).boxes
    assert len(boxes) == 2 and boxes[1].top >= boxes[0].bottom - 4  # the cell's two printed lines, one below the other
    # a filing indexed before: each line of a date cell on a line of its own (as long: the quote's offsets stay)
    as_read = text.replace("December 2, 2022\tDecember 3, 2021", "December 2,\n2022\nDecember 3,\n2021")
    assert render_quote(pdf, as_read, start, start + len("December 2, 2022"), first_page=1).boxes == boxes


def test_a_quote_of_justified_prose_holding_figures_is_marked_in_new_and_old_indexes(tmp_path):
    pdf = make_pdf([["FORM 10-K", "We\temployed approximately 3,150 people worldwide\tas\tof December 31, 2022"]])
    path = tmp_path / "justified.pdf"
    path.write_bytes(pdf)
    text = read_filing(path).text
    start = text.index("3,150 people")
    boxes = render_quote(pdf, text, start, start + len("3,150 people"), first_page=1).boxes
    assert len(boxes) == 1
    # a filing indexed before read the line as a table's row, its cells tab-separated (as long: the offsets stay)
    as_read = text.replace("We employed approximately 3,150 people worldwide as of",
                           "We\temployed approximately 3,150 people worldwide\tas\tof")
    assert as_read != text
    assert render_quote(pdf, as_read, start, start + len("3,150 people"), first_page=1).boxes == boxes


def test_a_page_whose_text_is_not_the_filings_is_shown_without_marks(tmp_path):
    pdf = make_pdf(PAGES)
    other = make_pdf([["Another text altogether."], ["Still another."]])
    path = tmp_path / "acme.pdf"
    path.write_bytes(pdf)
    filing = read_filing(path)
    page = render_quote(other, filing.text, 10, 20, first_page=2)
    assert page.page == 2 and page.boxes == ()


def test_ingest_keeps_each_filings_file_and_a_removal_deletes_it(assistant, tmp_path):
    pdf = tmp_path / "acme.pdf"
    pdf.write_bytes(make_pdf(PAGES))
    report = assistant.ingest([SAMPLE, pdf])
    kept = {o.filing_id: assistant.original_file(o.filing_id) for o in report.outcomes}
    assert {path.read_bytes() for path in kept.values()} == {SAMPLE.read_bytes(), pdf.read_bytes()}
    assert all(path.is_relative_to(assistant.settings.data) for path in kept.values())
    assert {path.name for path in kept.values()} == {SAMPLE.name, "acme.pdf"}
    pdf.write_bytes(b"changed since")  # what is shown is the file as it was indexed, kept in the data folder

    (pdf_id,) = [o.filing_id for o in report.outcomes if o.source.endswith(".pdf")]
    answer = assistant.ask("Who did Acme appoint as Chief Financial Officer?")
    citation = next(c for c in answer.citations if c.filing.filing_id == pdf_id)
    page = assistant.page_image(citation)
    assert page.page == 1 and page.boxes
    sample_citation = assistant.ask("Who did ImmunoGen appoint as CFO?").citations[0]
    assert assistant.page_image(sample_citation) is None  # a text filing has no pages

    sample_id = next(filing_id for filing_id in kept if filing_id != pdf_id)
    assert assistant.remove(sample_id)
    assert assistant.original_file(sample_id) is None and not kept[sample_id].exists()


def test_a_filing_indexed_before_files_were_kept_gets_its_file_when_ingested_again(assistant):
    (outcome,) = assistant.ingest([SAMPLE]).outcomes
    kept = assistant.original_file(outcome.filing_id)
    kept.unlink()
    kept.parent.rmdir()
    assert assistant.original_file(outcome.filing_id) is None
    assert assistant.ingest([SAMPLE]).count("unchanged") == 1
    assert assistant.original_file(outcome.filing_id).read_bytes() == SAMPLE.read_bytes()
