"""Tables read with their headers: every chunk cut below a table's header carries its caption and column
headers, and an answer from a row quotes the header it relies on."""
from __future__ import annotations

from pathlib import Path

import pytest

from index.chunking import chunk_filing
from index.reader import read_filing
from qa.models import Filters

CAPTION = "Net sales by product line were as follows (in millions):"
PRODUCTS = ["Blue widgets", "Red widgets", "Green widgets", "Gadgets", "Gizmos", "Sprockets", "Cogs", "Levers",
            "Pulleys", "Springs", "Valves", "Pumps", "Gears", "Bearings", "Hinges", "Latches", "Bolts", "Rivets",
            "Brackets", "Clamps", "Fittings", "Couplings", "Washers", "Spindles", "Rollers", "Shafts"]


def _html_10k(path: Path, company: str, year_ended: str, signed: str, item_7: str) -> Path:
    """A 10-K in HTML at `path`: its cover, `item_7` as its Item 7, its signatures."""
    path.write_text(f"""<html><body>
<div>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</div><div>FORM 10-K</div>
<div>ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934</div>
<div>For the fiscal year ended {year_ended}</div>
<div>{company}</div><div>(Exact name of registrant as specified in its charter)</div>
<div>Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations</div>
{item_7}
<div>SIGNATURES</div>
<p>Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report
to be signed on its behalf by the undersigned, thereunto duly authorized. Date: {signed}</p>
</body></html>""")
    return path


def _tables_10k(folder: Path) -> Path:
    rows = "".join(f"<tr><td>{name}</td><td>$</td><td>{1000 + 37 * i:,}</td><td>$</td><td>{900 + 31 * i:,}</td>"
                   f"<td>$</td><td>{800 + 29 * i:,}</td></tr>\n" for i, name in enumerate(PRODUCTS))
    return _html_10k(folder / "acme_10k.htm", "Acme Widgets, Inc.", "September 28, 2024", "November 1, 2024", f"""\
<p>Acme sells widgets and other parts to manufacturers in forty countries.</p>
<div>{CAPTION}</div>
<table>
<tr><td></td><td colspan="2">Years ended</td></tr>
<tr><td></td><td colspan="2">September 28, 2024</td><td colspan="2">September 30, 2023</td><td colspan="2">September 24, 2022</td></tr>
{rows}<tr><td>Total net sales</td><td>$</td><td>48,211</td><td>$</td><td>41,377</td><td>$</td><td>37,990</td></tr>
</table>
<p>Net sales rose because customers bought more blue widgets.</p>""")


def test_chunks_below_a_table_header_carry_its_caption_and_column_headers(tmp_path, embedder):
    filing = read_filing(_tables_10k(tmp_path))
    chunks = chunk_filing(filing, embedder.count_tokens, embedder.token_offsets, embedder.max_tokens)
    table = [c for c in chunks if "Total net sales" in c.text or "Spindles" in c.text]
    below = [c for c in table if CAPTION not in c.text]
    assert below, "the table is long enough to be cut below its header"
    for chunk in below:
        assert chunk.table_header.startswith(CAPTION) and "September 28, 2024" in chunk.table_header
        start = chunk.table_header_start
        assert filing.text[start:start + len(chunk.table_header)] == chunk.table_header  # verbatim, with offsets
        assert " ".join(chunk.table_header.split()) in chunk.embedding_text
        assert embedder.count_tokens([chunk.embedding_text])[0] <= embedder.max_tokens - 2  # nothing cut off
    opening = next(c for c in chunks if CAPTION in c.text)
    assert opening.table_header == ""  # the header is in the chunk's own text
    prose = next(c for c in chunks if "forty countries" in c.text)
    assert prose.table_header == ""


def test_a_number_from_a_table_row_is_answered_with_the_header_it_relies_on(assistant, tmp_path):
    assistant.ingest([_tables_10k(tmp_path)])
    answer = assistant.ask("What were Acme's total net sales in fiscal 2024?")
    assert not answer.refused, answer.text
    header, row = answer.citations[0], answer.citations[1]
    assert header.quote.startswith(CAPTION) and "September 28, 2024" in header.quote
    assert "48,211" in row.quote and row.char_start > header.char_end
    text = assistant.filing_text(row.filing.filing_id)
    for citation in answer.citations:
        assert text[citation.char_start:citation.char_end] == citation.quote
    # the row read against the header's columns, every word from the two quotes
    assert "Total net sales: September 28, 2024 $ 48,211; September 30, 2023 $ 41,377; September 24, 2022 " \
           "$ 37,990 (in millions). [1][2]" in answer.text


def _overview_10k(folder: Path) -> Path:
    """Southern Company's financial overview (EX-99.06 of January 2007) in small: one group of rows per subsidiary,
    each group's rows labelled alike."""
    groups = "".join(f"<tr><td>{name} -</td></tr>\n"
                     f"<tr><td>Operating Revenues</td><td>$ {i}10</td><td>$ {i}20</td></tr>\n"
                     f"<tr><td>Net Income Available to Common</td><td>{i}87</td><td>{i}44</td></tr>\n"
                     for i, name in enumerate(["Alpha Power", "Beta Power", "Gamma Power"], 1))
    return _html_10k(folder / "acme_overview_10k.htm", "Acme Utilities, Inc.", "December 31, 2006", "February 1, 2007",
                     f"""<div>Financial Overview (In Millions of Dollars)</div>
<table>
<tr><td></td><td>12 Months Ended December</td></tr>
<tr><td></td><td>2006</td><td>2005</td></tr>
{groups}</table>""")


def test_a_row_is_answered_with_the_label_of_its_group_and_not_with_another_groups_row(assistant, tmp_path):
    assistant.ingest([_overview_10k(tmp_path)])
    answer = assistant.ask("What was Beta Power's net income available to common in 2006?")
    assert not answer.refused, answer.text
    assert "Beta Power - Net Income Available to Common: " in answer.text and "287" in answer.text
    assert "187" not in answer.text and "387" not in answer.text  # Alpha's and Gamma's are not Beta's
    assert any(c.quote == "Beta Power -" for c in answer.citations)
    text = assistant.filing_text(answer.citations[0].filing.filing_id)
    assert all(text[c.char_start:c.char_end] == c.quote for c in answer.citations)


def test_a_chunk_holding_the_line_item_asked_for_is_raised(assistant, tmp_path, monkeypatch):
    assistant.ingest([_tables_10k(tmp_path)])
    assistant.index.refresh_lexical()
    question = "What were Acme's total net sales in fiscal 2024?"

    def scores() -> dict[str, float]:
        passages = assistant.retriever.retrieve(question, Filters(), 20).passages
        return {p.chunk.chunk_id: p.score for p in passages}

    raised = scores()
    monkeypatch.setattr("qa.retrieval.LINE_ITEM_BOOST", 0.0)
    plain = scores()
    texts = {p.chunk.chunk_id: p.chunk.text for p in assistant.retriever.retrieve(question, Filters(), 20).passages}
    doubled = {chunk_id for chunk_id, score in plain.items() if raised[chunk_id] == pytest.approx(2 * score, rel=1e-4)}
    assert doubled == {chunk_id for chunk_id, text in texts.items() if "Total net sales\t" in text}
    assert all(raised[chunk_id] == pytest.approx(score, rel=1e-4) for chunk_id, score in plain.items() if chunk_id not in doubled)


@pytest.mark.parametrize("text, kinds", [
    ("Based on the balance sheet, what were 3M's total liabilities?", {"balance sheet"}),
    ("CONSOLIDATED STATEMENTS OF FINANCIAL POSITION", {"balance sheet"}),
    ("according to its P&L", {"income"}), ("Consolidated Statements of Operations", {"income"}),
    ("Relying on the cash flow statement", {"cash flows"}), ("Consolidated Statement of Cash Flows", {"cash flows"}),
    ("Consolidated Statements of Comprehensive Income", set()), ("Financial position remained strong.", set())])
def test_a_financial_statement_is_known_however_it_is_named(text, kinds):
    from qa.vocabulary import statements_named
    assert statements_named(text) == kinds


def test_chunks_of_the_financial_statement_the_question_names_are_raised(assistant, tmp_path, monkeypatch):
    rows = "".join(f"<tr><td>{name} inventories</td><td>{1000 + 37 * i:,}</td><td>{900 + 31 * i:,}</td></tr>\n"
                   for i, name in enumerate(PRODUCTS))
    assistant.ingest([_html_10k(tmp_path / "acme_10k.htm", "Acme Widgets, Inc.", "September 28, 2024",
                                "November 1, 2024", f"""\
<p>Inventories rose in fiscal 2024 as Acme stocked more widgets ahead of the holiday season.</p>
<div>Consolidated Statements of Financial Position (In millions)</div>
<table>
<tr><td></td><td>September 28, 2024</td><td>September 30, 2023</td></tr>
{rows}<tr><td>Total inventories</td><td>48,211</td><td>41,377</td></tr>
</table>
<p>Inventories are stated at the lower of cost and net realisable value.</p>""")])
    assistant.index.refresh_lexical()
    # named as analysts name it, not as the filing titles it
    question = "Based on the balance sheet, what were Acme's inventories at September 28, 2024?"

    def passages() -> dict[str, tuple[float, str]]:
        retrieved = assistant.retriever.retrieve(question, Filters(), 20).passages
        return {p.chunk.chunk_id: (p.score, f"{p.chunk.table_header}\n{p.chunk.text}") for p in retrieved}

    raised = passages()
    monkeypatch.setattr("qa.retrieval.STATEMENT_BOOST", 0.0)
    plain = passages()
    statement = {chunk_id for chunk_id, (_, text) in plain.items() if "Statements of Financial Position" in text}
    assert len(statement) >= 2, "the statement is cut into chunks, the later ones carrying its title in their header"
    assert len(statement) < len(plain)
    for chunk_id, (score, _) in plain.items():
        assert raised[chunk_id][0] == pytest.approx(score * (2 if chunk_id in statement else 1), rel=1e-4)


@pytest.mark.parametrize("row, holds", [("2024\tChange\t2023", False), ("June 28, 2025\tJune 29, 2024", False),
                                        ("Three Months Ended", False), ("Net sales\t$\t1,204", True),
                                        ("Margin\t(3) %", True), ("Change\t(1)\t(3)", True),
                                        ("Shares Purchased\tDollar Value Under the Program (1)", False),
                                        # superscript marks the text glued to their words (Nordstrom, March 2023)
                                        ("Executive\t2022    Bonus1\t2023    Base Salary2", False),
                                        # a mark after a unit (Cabot's proxy of January 2024)
                                        ("Name\tYear\tSalary ($)(2)\tTotal ($)", False)])
def test_header_rows_hold_periods_and_labels_body_rows_hold_amounts(row, holds):
    from index.chunking import _holds_amount

    assert _holds_amount(row) is holds


def test_a_header_row_with_a_footnote_mark_is_the_header_of_the_rows_below():
    from index.chunking import sentence_spans, table_headers

    text = ("The following table provides information on our repurchases in the fourth quarter of 2024.\n"
            "Total Number of Shares Purchased\tAverage Price Paid per Share\tApproximate Dollar Value of Shares "
            "that May Yet Be Purchased Under the Program (1)\n"
            "October 1, 2024 - October 31, 2024\t1,200\t$\t210.50\t$\t2,007,611,768\n"
            "November 1, 2024 - November 30, 2024\t—\t$\t—\t$\t2,007,611,768\n")
    spans = sentence_spans(text, 0, len(text))
    headers = {text[a:b].split("\t")[0]: header for (a, b, _), header in zip(spans, table_headers(text, spans))}
    header = headers["October 1, 2024 - October 31, 2024"]
    assert header and "May Yet Be Purchased Under the Program (1)" in text[slice(*header)]
    assert headers["November 1, 2024 - November 30, 2024"] == header


def test_a_header_row_of_long_column_names_is_the_header_of_the_rows_below():
    from index.chunking import sentence_spans, table_headers

    # the Summary Compensation Table of Cabot's proxy of January 2024: a header row of some 90 tokens
    text = ("Summary Compensation Table\n"
            "Name and Principal Position\tYear\tSalary ($)(2)\tStock Awards ($)(3)\tOption Awards ($)(4)\t"
            "Non-Equity Incentive Plan Compensation ($)\tChange in Pension Value and Nonqualified Deferred "
            "Compensation Earnings ($)(5)\tAll Other Compensation ($)(6)\tTotal ($)\n"
            "Jane Q. Roe President and CEO\t2023\t1,083,750\t3,509,911\t1,890,051\t1,045,704\t26,843\t235,251"
            "\t7,791,510\n")
    spans = sentence_spans(text, 0, len(text))
    header = table_headers(text, spans)[-1]
    assert header and text[slice(*header)].endswith("All Other Compensation ($)(6)\tTotal ($)")


def test_a_long_sentence_right_above_a_table_that_introduces_it_with_a_colon_is_its_caption():
    from index.chunking import sentence_spans, table_headers

    # Foot Locker's 8-K of May 2022, a PDF: the proposal's sentence over "Votes For Votes Against Abstentions"
    introduction = ("With respect to the proposal to ratify the appointment of KPMG LLP as the Company's independent "
                    "registered public accounting firm\nfor the 2022 fiscal year, the votes were cast for the "
                    "proposal as set forth below:")
    for above, captioned in ((introduction, True), (introduction.replace("below:", "below."), False)):
        text = f"Proposal 4.\n{above}\nVotes For\tVotes Against\tAbstentions\n75,612,318\t1,854,695\t84,193\n"
        spans = sentence_spans(text, 0, len(text))
        header = table_headers(text, spans)[-1]
        assert header and text[slice(*header)].endswith("Votes For\tVotes Against\tAbstentions")
        assert ("ratify the appointment of KPMG LLP" in text[slice(*header)]) is captioned


@pytest.mark.parametrize("header, row, read", [
    ("Net sales (in millions):\n2024\t2023", "Total net sales\t$\t391,035\t$\t383,285",
     "Total net sales: 2024 $ 391,035; 2023 $ 383,285 (in millions)"),
    ("(Dollars in millions)\t2024\tChange\t2023", "Products\t$\t1,204\t9\t%\t$\t1,100",
     "Products: 2024 $ 1,204; Change 9%; 2023 $ 1,100 (Dollars in millions)"),
    ("2024\t2023\t2024\t2023", "Net sales\t1\t2\t3\t4", ""),  # two periods named alike: no reading
    # a row of spanning cells above the dates (Apple's 10-Q of June 2025): each date read with its span
    ("Three Months Ended\tNine Months Ended\nJune 28,  2025\tJune 29,  2024\tJune 28,  2025\tJune 29,  2024",
     "iPhone\t$\t44,582\t$\t39,296\t$\t160,561\t$\t154,961",
     "iPhone: Three Months Ended June 28, 2025 $ 44,582; Three Months Ended June 29, 2024 $ 39,296; "
     "Nine Months Ended June 28, 2025 $ 160,561; Nine Months Ended June 29, 2024 $ 154,961"),
    # dates over two rows under the spans (Apple's release of July 2004), a loss in parentheses
    ("THREE MONTHS ENDED\tNINE MONTHS ENDED\nJune 26,\tJune 28,\tJune 26,\tJune 28,\n2004\t2003\t2004\t2003",
     "Operating income (loss)\t72\t9\t198\t(32\t)",
     "Operating income (loss): THREE MONTHS ENDED June 26, 2004 72; THREE MONTHS ENDED June 28, 2003 9; "
     "NINE MONTHS ENDED June 26, 2004 198; NINE MONTHS ENDED June 28, 2003 (32)"),
    ("Years ended\tTotal\n2024\t2023\t2024", "Net sales\t1\t2\t3", ""),  # spans that do not fit, periods alike
    ("2024\t2023\t2022", "Net sales\t1\t2", ""),  # columns and figures differ in number
    # a label cell over the row labels is no period (Boeing's 10-K of 2022): three figures under two years
    ("Years ended December 31\t2022\t2021", "Sales of products\t$55,893\t$51,386\t$47,142", ""),
    ("Years ended December 31\t2022\t2021\t2020", "Sales of products\t$55,893\t$51,386\t$47,142",
     "Sales of products: Years ended December 31 2022 $55,893; Years ended December 31 2021 $51,386; "
     "Years ended December 31 2020 $47,142"),
    # the period over the years in the label column (MGM's release of February 2023), a column of changes
    ("Three Months Ended December 31,\t2022\t2021\t%", "Average daily rate (ADR)\t$\t260\t$\t201\t30 %",
     "Average daily rate (ADR): Three Months Ended December 31, 2022 $ 260; Three Months Ended December 31, 2021 "
     "$ 201; % 30 %"),
    ("2024\t2023", "Chief Executive Officer\tJane Roe\tJohn Doe", ""),  # not figures
    # a row of figures alone is of its caption (a proposal over its vote counts), and reads nothing without one
    ("The stockholders ratified the appointment of BDO USA, P.C.\nFor\tAgainst\tAbstain",
     "292,485,982\t659,149\t32,364", "The stockholders ratified the appointment of BDO USA, P.C: For 292,485,982; "
     "Against 659,149; Abstain 32,364"),
    ("For\tAgainst\tAbstain", "292,485,982\t659,149\t32,364", ""),
    ("Selected data\n\tRevenue\tNet income", "2024\t1,204\t330", "2024: Revenue 1,204; Net income 330"),
    # quarters named over two rows, a loss in parentheses after its dollar sign (Apple's 10-K of 1994)
    ("Fourth\tThird\tSecond\tFirst\nQuarter\tQuarter\tQuarter\tQuarter",
     "Net income (loss) $\t2,664\t$(188,316)\t$\t110,900\t$\t161,341",
     "Net income (loss) $: Fourth Quarter 2,664; Third Quarter $(188,316); Second Quarter $ 110,900; "
     "First Quarter $ 161,341"),
])
def test_a_row_is_read_against_its_header_only_when_the_columns_fit(header, row, read):
    from qa.tables import read_row

    assert read_row(header, row) == read


def _passage_of(text: str, table_header: str = "", table_header_start: int = -1):
    from index.models import Chunk, FilingRef
    from qa.models import Passage

    filing = FilingRef(company="Acme Widgets, Inc.", form="10-Q", filing_date="2025-08-01", filing_id="acme",
                       source="acme.htm")
    return Passage(1, Chunk("acme#1", filing, text, "Part I Item 2", "MD&A", 1000, 1000 + len(text), 1, 0,
                            table_header, table_header_start), 1.0)


def test_a_row_takes_the_header_rows_above_it_in_its_passage_or_else_its_chunks_header():
    from qa.quotes import passage_sentences

    text = ("Operating expenses:\nResearch\t125\t120\nTotal operating expenses\t487\t419\n"
            "Sales grew in every region during the quarter.\n"
            "Net sales by region (in millions):\n2025\t2024\nAmericas\t41,198\t37,678\n")
    sentences = {s.text: s for s in passage_sentences(_passage_of(text, "Three Months Ended\n2025\t2024", 400))}
    # rows of the table the passage was cut from inside: the chunk's header ("Operating expenses:" names no column)
    assert sentences["Research\t125\t120"].header == "Three Months Ended\n2025\t2024"
    assert sentences["Total operating expenses\t487\t419"].header_start == 400
    americas = sentences["Americas\t41,198\t37,678"]  # below header rows of its own, in the passage
    assert americas.header == "Net sales by region (in millions):\n2025\t2024"
    assert text[americas.header_start - 1000:].startswith(americas.header)  # filing offsets
    assert sentences["Sales grew in every region during the quarter."].header == ""


def test_a_chunk_opening_at_its_tables_header_rows_reads_them_on_from_the_caption_it_carries():
    from qa.quotes import passage_sentences

    # Apple's 8-K of March 2019: a proposal's sentence ends one chunk, its vote table opens the next
    caption = "A management proposal to ratify the appointment of Ernst & Young LLP was approved."
    text = "For\tAgainst\tAbstained\n4,034,437,468\t64,880,273\t12,827,525\n"
    filing_text = f"{caption}\n{text}"
    row = next(s for s in passage_sentences(_passage_of(text, caption, 1000 - len(caption) - 1))
               if s.text.startswith("4,034"))
    assert row.header == f"{caption}\nFor\tAgainst\tAbstained"
    assert filing_text[row.header_start - (1000 - len(caption) - 1):].startswith(row.header)  # one exact quote


def test_a_table_right_below_another_takes_its_own_header_rows():
    from qa.quotes import passage_sentences

    # MGM's release of February 2023 stacks its hotel statistics under its casino statistics, caption between
    text = ("Three Months Ended December 31,\t2022\t2021\n(Dollars in millions)\nCasino revenue\t$\t742\t$\t697\n"
            "Slots win %\t9.4 %\t9.2 %\n"
            "The following table shows key hotel statistics:\n"
            "Three Months Ended December 31,\t2022\t2021\t%\nChange\n"
            "Occupancy\t91 %\t86 %\t5 %\nAverage daily rate (ADR)\t$\t260\t$\t201\t30 %\n")
    sentences = {s.text: s for s in passage_sentences(_passage_of(text))}
    casino = "Three Months Ended December 31,\t2022\t2021\n(Dollars in millions)"
    assert sentences["Slots win %\t9.4 %\t9.2 %"].header == casino
    hotel = "The following table shows key hotel statistics:\nThree Months Ended December 31,\t2022\t2021\t%\nChange"
    assert sentences["Occupancy\t91 %\t86 %\t5 %"].header == hotel
    assert sentences["Average daily rate (ADR)\t$\t260\t$\t201\t30 %"].header == hotel


def test_a_statements_caption_of_several_lines_heads_its_rows_and_a_chunk_opening_at_its_header_rows():
    from index.chunking import _table_headers, sentence_spans
    from qa.quotes import passage_sentences

    # PepsiCo's 2022 10-K: a page of its cash flow statement under its title, company, periods and unit
    caption = ("Consolidated Statement of Cash Flows (continued)\nPepsiCo, Inc. and Subsidiaries\n"
               "Fiscal years ended December 31, 2022, December 25, 2021 and December 26, 2020\n(in millions)")
    text = (f"Net Cash Used for Investing Activities\t(2,430)\t(3,269)\n(Continued on following page)\n62\n\n"
            f"Table of Contents\n{caption}\n2022\t2021\t2020\nFinancing Activities\n"
            "Cash dividends paid\t(6,172)\t(5,815)\t(5,509)\n")
    sentences = {s.text: s for s in passage_sentences(_passage_of(text))}
    assert sentences["Cash dividends paid\t(6,172)\t(5,815)\t(5,509)"].header == f"{caption}\n2022\t2021\t2020"
    # the header row itself is headed by the caption: a chunk cut there embeds the statement's title
    spans = sentence_spans(text, 0, len(text))
    headers = _table_headers(text, spans, [len(text[a:b].split()) for a, b, _ in spans])
    header_row = next(k for k, (a, b, _) in enumerate(spans) if text[a:b] == "2022\t2021\t2020")
    (start, end), _ = headers[header_row]
    assert text[start:end] == caption


def test_a_chunk_opening_below_a_header_row_carries_the_header_rows_above_it():
    from index.chunking import _table_headers, sentence_spans

    # Meta's 2024 10-K: a chunk opened at the unit line under the segment table's years, and lost the years
    caption = ("Segment profitability\nThe following table sets forth income (loss) from operations by segment:\n"
               "Year Ended December 31,")
    text = (f"{caption}\n2024\t2023\t2022\t2024 vs 2023 % change\n(in millions, except percentages)\n"
            "Family of Apps\t$\t87,109\t$\t62,871\t$\t42,661\t39\t%\n"
            "Reality Labs\t(17,729)\t(16,120)\t(13,717)\t(10)\t%\n")
    spans = sentence_spans(text, 0, len(text))
    headers = _table_headers(text, spans, [len(text[a:b].split()) for a, b, _ in spans])
    carried = {text[a:b]: text[slice(*header[0])] for (a, b, _), header in zip(spans, headers) if header[0]}
    assert carried["2024\t2023\t2022\t2024 vs 2023 % change"] == caption
    assert carried["(in millions, except percentages)"] == f"{caption}\n2024\t2023\t2022\t2024 vs 2023 % change"


def test_rows_below_two_label_lines_under_the_header_take_the_header():
    from qa.quotes import passage_sentences
    from qa.tables import read_row

    # Best Buy's 2023 10-K: "Assets" and "Current assets" between the balance sheet's dates and its first row
    text = ("Consolidated Balance Sheets\nJanuary 28, 2023\tJanuary 29, 2022\nAssets\nCurrent assets\n"
            "Cash and cash equivalents\t$\t1,874\t$\t2,936\nTotal current assets\t8,802\t10,539\n"
            "Property and equipment\nLand and buildings\t688\t671\n")
    sentences = {s.text: s for s in passage_sentences(_passage_of(text))}
    total = sentences["Total current assets\t8,802\t10,539"]
    # the labels of the first rows' group ("Current assets") are no column of every row: the land is no current asset
    assert total.header == "Consolidated Balance Sheets\nJanuary 28, 2023\tJanuary 29, 2022"
    assert sentences["Land and buildings\t688\t671"].header == total.header
    # so a chunk that opens at one of those label lines carries the header for the rows below it
    assert sentences["Current assets"].header == total.header
    assert read_row(total.header, total.text) == \
        "Total current assets: January 28, 2023 8,802; January 29, 2022 10,539"


@pytest.mark.parametrize("text, rows, header", [
    # 3M's 2018 10-K: three label lines between the balance sheet's liabilities and its equity, two between its
    # assets and its liabilities
    ("December 31,\tDecember 31,\n(Dollars in millions)\t2018\t2017\nTotal assets\t$\t36,500\t$\t37,987\n"
     "Liabilities\nCurrent liabilities\nAccounts payable\t2,266\t1,945\nTotal liabilities\t$\t26,652\t$\t26,365\n"
     "Commitments and contingencies (Note 16)\nEquity\n3M Company shareholders' equity:\n"
     "Additional paid-in capital\t5,643\t5,352\n",
     ["Accounts payable\t2,266\t1,945", "Total liabilities\t$\t26,652\t$\t26,365",
      "Additional paid-in capital\t5,643\t5,352"],
     "December 31,\tDecember 31,\n(Dollars in millions)\t2018\t2017"),
    # Apple's release of July 2004: its statement of operations, with caption lines, right under its balance sheet
    ("June 26, 2004\tSeptember 27, 2003\nTotal liabilities and shareholders' equity\t$\t7,223\t$\t6,815\n"
     "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(In millions, except per share amounts)\n"
     "THREE MONTHS ENDED\tNINE MONTHS ENDED\nJune 26,\tJune 28,\tJune 26,\tJune 28,\n2004\t2003\t2004\t2003\n"
     "Operating income (loss)\t72\t9\t198\t(32\t)\n",
     ["Operating income (loss)\t72\t9\t198\t(32\t)"],
     "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(In millions, except per share amounts)\n"
     "THREE MONTHS ENDED\tNINE MONTHS ENDED\nJune 26,\tJune 28,\tJune 26,\tJune 28,\n2004\t2003\t2004\t2003"),
    # 1-800-FLOWERS.COM's 8-K of December 2023: each vote's counts under a sentence, which is no label line
    ("Nominee\tFor\tWithheld\nLarry Zarin\t287,913,509\t1,327,206\n"
     "3. The stockholders approved, on an advisory basis, the Company\u2019s executive compensation.\n"
     "For\tAgainst\tAbstain\n285,361,185\t3,360,097\t519,433\n",
     ["285,361,185\t3,360,097\t519,433"],
     "The stockholders approved, on an advisory basis, the Company\u2019s executive compensation.\n"
     "For\tAgainst\tAbstain"),
    # J&J's recast sales of 2023-08-30 (a PDF): each quarter's table under the one before, its columns' years on a
    # line without cells
    ("(Unaudited; Dollars in Millions) SECOND QUARTER\nPercent Change\n2022 2021 Total Operations Currency\n"
     "U.S.\t$\t9,200\t8,900\t3.4 %\nWorldwide\t$\t20,215\t19,458\t3.9 %\n"
     "(Unaudited; Dollars in Millions) THIRD QUARTER\nPercent Change\n2022 2021 Total Operations Currency\n"
     "Sales to customers by geographic area\nU.S.\t$\t10,794\t10,338\t4.4 %\n",
     ["U.S.\t$\t10,794\t10,338\t4.4 %"],
     "(Unaudited; Dollars in Millions) THIRD QUARTER\nPercent Change\n2022 2021 Total Operations Currency\n"
     "Sales to customers by geographic area"),
])
def test_rows_past_label_lines_keep_their_tables_header_and_a_new_tables_rows_take_their_own(text, rows, header):
    from qa.quotes import passage_sentences

    sentences = {s.text: s for s in passage_sentences(_passage_of(text))}
    for row in rows:
        assert sentences[row].header == header


def test_a_header_row_naming_quarters_is_a_header_not_a_row_of_amounts():
    from qa.quotes import passage_sentences

    # Apple's summary data, EX-99.2 of 2011-01-18: the columns are quarters ("Q1 2011"), the rows segments
    header = ("Q1 2011 Unaudited Summary Data\nQ4 2010\tQ1 2010\tQ1 2011\tSequential Change\n"
              "CPU Units K\tRevenue $M\tCPU Units K\tRevenue $M\tCPU Units K\tRevenue $M")
    text = (f"{header}\nAmericas\t1,460\t7,186\t1,187\t6,092\t1,360\t9,218\t- 7%\n"
            "Asia Pacific\t455\t2,732\t313\t1,813\t516\t4,987\t13%\n")
    sentences = {s.text: s for s in passage_sentences(_passage_of(text))}
    assert sentences["Asia Pacific\t455\t2,732\t313\t1,813\t516\t4,987\t13%"].header == header


def test_a_chunk_holding_a_row_labelled_with_a_name_asked_about_is_read_though_ranked_below(
        assistant, tmp_path, monkeypatch):
    rows = "".join(f"<tr><td>{name}</td><td>{1000 + 37 * i:,}</td><td>{900 + 31 * i:,}</td></tr>\n"
                   for i, name in enumerate(PRODUCTS))
    # prose naming the product again and again outranks the table of forty products that gives its figure
    prose = "".join(f"<p>In {place}, Spindles net sales grew as customers in {place} ordered Spindles in fiscal 2024 "
                    f"for new plants, and Spindles orders from {place} rose again late in the year.</p>\n"
                    for place in ("Ohio", "Texas", "Quebec", "Bavaria", "Lombardy", "Osaka", "Busan", "Gujarat"))
    assistant.ingest([_html_10k(tmp_path / "acme_10k.htm", "Acme Widgets, Inc.", "September 28, 2024",
                                "November 1, 2024", f"""{prose}
<div>{CAPTION}</div>
<table>
<tr><td></td><td>September 28, 2024</td><td>September 30, 2023</td></tr>
{rows}</table>""")])
    assistant.index.refresh_lexical()
    monkeypatch.setattr("qa.retrieval.RARE_NAME", 1.01)  # in a filing of a few chunks no name is rare
    question = "What were Acme Widgets' Spindles net sales in fiscal 2024?"
    retrieval = assistant.retriever.retrieve(question, Filters(), 2)
    assert not any("Spindles\t" in p.chunk.text for p in retrieval.passages)
    assert [p for p in retrieval.named_rows if "Spindles\t1,851" in p.chunk.text]
    extract = assistant.answerer.answer(question, retrieval.search_text, retrieval.passages,
                                        retrieval.named_companies, retrieval.named_rows)
    assert "1,851" in extract.text and not extract.refused
    monkeypatch.setattr("qa.retrieval.NAMED_ROWS", 0)
    assert not assistant.retriever.retrieve(question, Filters(), 2).named_rows


def test_a_labels_years_on_rows_of_their_own_take_the_label_of_the_first():
    from qa.quotes import passage_sentences

    # Procter & Gamble's segment results (10-Q of April 2025): "Grooming 2025 ..." over "2024 ..."
    text = ("Net Sales\tNet Earnings\nGrooming\t2025\t1,505\t321\n2024\t1,539\t303\n"
            "Health Care\t2025\t3,000\t700\n2024\t2,900\t650\n2023\t2,800\t600\n"
            "Total\t9,000\t2,000\n2024\t8,000\t1,900\n")
    passage = _passage_of(text)
    groups = {s.text: s for s in passage_sentences(passage)}
    assert groups["2024\t1,539\t303"].group == "Grooming"
    assert groups["2023\t2,800\t600"].group == "Health Care"
    assert text[groups["2023\t2,800\t600"].group_start - 1000:].startswith("Health Care")  # filing offsets
    assert groups["2024\t8,000\t1,900"].group == ""  # under a row with no year cell: no pair
