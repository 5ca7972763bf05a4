"""Chunks: within one section, within the model's window, exact slices of the filing's text."""
from __future__ import annotations

from conftest import FIXTURES, SAMPLE
from index.chunking import chunk_filing, row_groups, sentence_spans, table_headers
from index.models import Filing, FilingMetadata, Section
from index.reader import read_filing


def chunks_of(filing, embedder, max_tokens=256):
    return chunk_filing(filing, embedder.count_tokens, embedder.token_offsets, max_tokens)


def test_chunks_stay_in_their_section_and_are_exact_slices(embedder):
    for path in (SAMPLE, FIXTURES / "acme_submission.txt", FIXTURES / "acme_10q.htm"):
        filing = read_filing(path)
        bounds = {s.name: (s.char_start, s.char_end) for s in filing.sections}
        chunks = chunks_of(filing, embedder)
        assert chunks
        for chunk in chunks:
            start, end = bounds[chunk.section]
            assert start <= chunk.char_start < chunk.char_end <= end
            assert filing.text[chunk.char_start:chunk.char_end] == chunk.text
        assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_every_chunk_fits_the_model_window_with_its_header(embedder):
    filing = read_filing(SAMPLE)
    chunks = chunks_of(filing, embedder)
    full_lengths = embedder.count_tokens([c.embedding_text for c in chunks])
    assert max(full_lengths) + 2 <= embedder.max_tokens
    assert chunks[0].header == "ImmunoGen, Inc. \u00b7 8-K \u00b7 2001-03-07 \u00b7 COVER"
    exhibit = next(c for c in chunks if c.section == "EX-99.1")
    assert (exhibit.filing.company, exhibit.filing.form, exhibit.filing.filing_date) == ("ImmunoGen, Inc.", "8-K", "2001-03-07")
    assert exhibit.section_title and exhibit.filing.source == str(SAMPLE)


def _synthetic(text: str) -> Filing:
    return Filing("memory", text, FilingMetadata(company="Acme", form="10-K", filing_date="2024-01-01"),
                  [Section("Item 7", "MD&A", 0, len(text))], "0" * 64)


def test_long_sections_split_on_sentences_with_a_small_overlap(embedder):
    sentences = [f"In quarter {i} the company sold {i * 1000} widgets to customers in region {i}." for i in range(60)]
    filing = _synthetic(" ".join(sentences))
    chunks = chunks_of(filing, embedder, max_tokens=128)
    assert len(chunks) > 3
    for chunk in chunks:
        assert chunk.text.startswith("In quarter") and chunk.text.endswith(".")  # sentence boundaries
    for before, after in zip(chunks, chunks[1:]):
        assert after.char_start < before.char_end  # overlap: the next chunk repeats the last sentence
        assert before.char_end - after.char_start < 200


def test_a_sentence_longer_than_the_window_is_cut_at_token_boundaries(embedder):
    filing = _synthetic(" ".join(f"word{i}" for i in range(800)))
    chunks = chunks_of(filing, embedder, max_tokens=128)
    assert len(chunks) > 3
    assert all(c.n_tokens <= 128 for c in chunks)
    assert "".join(filing.text[c.char_start:c.char_end] for c in chunks).replace(" ", "") == \
        filing.text.replace(" ", "")


def test_a_table_keeps_its_caption(embedder):
    prose = " ".join(f"Sentence number {i} talks about widgets and gadgets." for i in range(14))
    rows = "\n".join(f"Region {i}\t{i * 10}\t{i * 20}" for i in range(30))
    filing = _synthetic(f"{prose}\nNet sales by region (in millions):\n{rows}")
    chunks = chunks_of(filing, embedder, max_tokens=128)
    table_start = filing.text.index("Region 0")
    opening = next(c for c in chunks if c.char_start <= table_start < c.char_end)
    assert "Net sales by region (in millions):" in opening.text


def test_sentences_end_at_headlines_but_not_at_wrapped_lines_or_titles():
    html_blocks = ("Exhibit 99.1\nApple Reports Third Quarter Results\nCUPERTINO, California—July 14, 2004—Apple "
                   "today announced financial results for its fiscal 2004 third quarter. Dr. Smith agreed.")
    fixed_width = ("On March 5, 2001, ImmunoGen announced the appointment of Gregg D.\n"
                   "Beloff as Vice President and Chief Financial Officer. Mr. Beloff was\n"
                   "most recently a Vice President of Adams, Harkness & Hill.")
    for text, expected in [
        (html_blocks, ["Exhibit 99.1", "Apple Reports Third Quarter Results",
                       "CUPERTINO, California—July 14, 2004—Apple today announced financial results for its "
                       "fiscal 2004 third quarter.", "Dr. Smith agreed."]),
        (fixed_width, [" ".join(s.split()) for s in fixed_width.replace("Officer. ", "Officer.|").split("|")]),
    ]:
        spans = sentence_spans(text, 0, len(text))
        assert [" ".join(text[a:b].split()) for a, b, _ in spans] == expected


def test_a_line_opening_with_a_bullet_opens_a_sentence():
    # an earnings release's highlights as a PDF sets them (Amcor's of August 2023): items ending in ";" or "and",
    # wrapped lines, the last item two sentences
    text = ("Fiscal 2023 Full Year Highlights\n"
            "\u2022 Adjusted EPS of 73.3 cps and Adjusted Free Cash Flow of $848 million, in line with guidance in\n"
            "May. Adjusted EBIT of $1,608 million;\n"
            "\u2022 Strong cash returns to shareholders of $1.2 billion; and\n"
            "\u00b7 Fiscal 2024 outlook: Adjusted EPS of 67-71 cents per share. Adjusted Free Cash Flow of $850-950\n"
            "million.")
    spans = sentence_spans(text, 0, len(text))
    assert [" ".join(text[a:b].split()) for a, b, _ in spans] == [
        "Fiscal 2023 Full Year Highlights",
        "\u2022 Adjusted EPS of 73.3 cps and Adjusted Free Cash Flow of $848 million, in line with guidance in May.",
        "Adjusted EBIT of $1,608 million;", "\u2022 Strong cash returns to shareholders of $1.2 billion; and",
        "\u00b7 Fiscal 2024 outlook: Adjusted EPS of 67-71 cents per share.", "Adjusted Free Cash Flow of $850-950 million."]


def test_a_numbered_item_set_in_cells_is_prose_and_heads_the_table_below_it():
    # Apple's 8-K of March 2019 sets each proposal's number and sentence in two cells above its vote counts
    text = ("2.\tA management proposal to ratify the appointment of Ernst & Young LLP was approved.\n"
            "For\tAgainst\tAbstained\n4,034,437,468\t64,880,273\t12,827,525\n"
            "3.\tAn advisory resolution to approve executive compensation was approved.\n"
            "For\tAgainst\tAbstained\n2,529,567,261\t168,817,766\t11,413,512\n"
            "2024\tRevenue\n")
    spans = sentence_spans(text, 0, len(text))
    rows = {text[a:b]: row for a, b, row in spans}
    assert not rows["A management proposal to ratify the appointment of Ernst & Young LLP was approved."]
    assert rows["4,034,437,468\t64,880,273\t12,827,525"] and rows["2024\tRevenue"]
    headers = {text[a:b]: text[slice(*header)] if header else ""
               for (a, b, _), header in zip(spans, table_headers(text, spans))}
    assert headers["2,529,567,261\t168,817,766\t11,413,512"].startswith("An advisory resolution")
    # and so is an item whose sentence ends with a colon, above its table's header row
    text = ("1.\tThe individuals listed below were elected at the Annual Meeting to serve as directors:\n"
            "For\tAgainst\tAbstained\tBroker Non-Vote\nJames Bell\t2,664,386,155\t40,229,756\t5,182,628\t1,402,346,727\n")
    spans = sentence_spans(text, 0, len(text))
    headers = {text[a:b]: text[slice(*header)] if header else ""
               for (a, b, _), header in zip(spans, table_headers(text, spans))}
    assert headers["James Bell\t2,664,386,155\t40,229,756\t5,182,628\t1,402,346,727"].endswith(
        "For\tAgainst\tAbstained\tBroker Non-Vote")


def test_an_item_heading_set_in_cells_above_a_table_is_no_row_of_figures():
    # Wells Fargo's 2024 10-K sets "ITEM 2." and its title in two cells right above its table of the space it
    # occupies: the item's number is no figure, so the header row below it still heads the table
    text = ("ITEM 2.\tPROPERTIES\nDecember 31, 2024\tApproximate square footage (in millions)\n"
            "We occupy properties in:\nTop U.S. locations:\nCharlotte-Concord-Gastonia, NC-SC\t5.7\n"
            "All other U.S. locations\t28.3\nTotal United States\t55.1\n")
    spans = sentence_spans(text, 0, len(text))
    headers = {text[a:b]: text[slice(*header)] if header else ""
               for (a, b, _), header in zip(spans, table_headers(text, spans))}
    assert headers["Total United States\t55.1"].endswith("Approximate square footage (in millions)")
    # a row of figures labelled with a note's number still holds its figures
    text = "2024\t2023\nGoodwill (Note 9)\t1,234\t1,100\nNote 9\t1,234\t1,100\n"
    spans = sentence_spans(text, 0, len(text))
    headers = [text[slice(*header)] if header else "" for header in table_headers(text, spans)]
    assert headers[1:] == ["2024\t2023", "2024\t2023"], headers


def test_a_table_row_knows_the_label_line_naming_its_group_of_rows():
    # Apple's release of 2024-02-01: segments under "(1) Net sales by reportable segment:", below per-share rows
    text = ("Shares used in computing earnings per share:\nBasic\t15,509,763\t15,892,723\n"
            "(1) Net sales by reportable segment:\nAmericas\t$\t50,430\t$\t49,278\nGreater China\t20,819\t23,905\n"
            "Total net sales\t$\t119,575\t$\t117,154\nOperating income\t$\t40,373\t$\t36,016\n")
    spans = sentence_spans(text, 0, len(text))
    groups = {text[a:b]: text[slice(*group)] if group else None
              for (a, b, _), group in zip(spans, row_groups(text, spans))}
    assert groups["Basic\t15,509,763\t15,892,723"] == "Shares used in computing earnings per share:"
    assert groups["Greater China\t20,819\t23,905"] == "(1) Net sales by reportable segment:"
    assert groups["Total net sales\t$\t119,575\t$\t117,154"] == "(1) Net sales by reportable segment:"
    assert groups["Operating income\t$\t40,373\t$\t36,016"] is None  # the total closed the group above it
    assert groups["(1) Net sales by reportable segment:"] is None  # a label line is no row
    # Apple's 10-Q of February 1998: a group's total without a label closes the group too
    text = ("Inventories:\nPurchased parts\t99\t141\nFinished goods\t300\t281\n404\t437\n"
            "Deferred tax assets\t233\t259\n")
    spans = sentence_spans(text, 0, len(text))
    groups = {text[a:b]: text[slice(*group)] if group else None
              for (a, b, _), group in zip(spans, row_groups(text, spans))}
    assert groups["404\t437"] == groups["Finished goods\t300\t281"] == "Inventories:"
    assert groups["Deferred tax assets\t233\t259"] is None
    # but a PDF's row of figures under its label's line closes none (Pfizer's 10-Q of August 2023)
    text = "Revenues:\nAlpha\t1,488\t8,848\nBeta alliance revenues\n1,388\t2,000\nGamma\t5\t6\n"
    spans = sentence_spans(text, 0, len(text))
    groups = {text[a:b]: group for (a, b, _), group in zip(spans, row_groups(text, spans))}
    assert groups["Gamma\t5\t6"] is not None


def test_a_chunk_cut_inside_a_group_of_rows_keeps_its_label_and_both_header_rows(embedder):
    # Southern Company's financial overview (EX-99.06 of January 2007): one group of rows per subsidiary, under a
    # header row of periods' lengths over a header row of years
    header = "3 Months Ended December\t12 Months Ended December\n2006\t2005\t% Change\t2006\t2005\t% Change\n"
    groups = "".join(f"Subsidiary {name} -\nOperating Revenues\t$ {i}10\t$ {i}20\t1.0%\t$ {i}30\t$ {i}40\t2.0%\n"
                     f"Earnings Before Income Taxes\t{i}1\t{i}2\t3.0%\t{i}3\t{i}4\t4.0%\n"
                     f"Net Income Available to Common\t{i}5\t{i}6\t5.0%\t{i}7\t{i}8\t6.0%\n"
                     for i, name in enumerate(["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta"],
                                              1))
    filing = _synthetic(f"Financial Overview\n(In Millions of Dollars)\n\n{header}{groups}")
    chunks = chunks_of(filing, embedder, max_tokens=128)
    below = [c for c in chunks if header not in c.text]
    assert below, "the table is long enough to be cut below its header"
    assert all(any(line in c.text for c in chunks) for line in groups.splitlines())  # no line left out
    for chunk in below:
        assert chunk.table_header == header.strip()  # both header rows, not the years alone
        spans = sentence_spans(chunk.text, 0, len(chunk.text))
        for (a, b, row), group in zip(spans, row_groups(chunk.text, spans)):
            if row:  # every row's group label is in its chunk
                assert group is not None and chunk.text[slice(*group)].startswith("Subsidiary"), chunk.text[a:b]


def test_a_chunk_cut_below_a_caption_ending_in_a_label_line_keeps_the_caption(embedder):
    # J&J's recast sales (a PDF, EX-99.2 of 2023-08-30): the header rows come without cells, so the label line
    # under them is the last line of the table's caption, which every chunk cut from its rows carries, wherever
    # the paragraph above the table makes the chunks cut
    caption = ("(Unaudited; Dollars in Millions) SECOND QUARTER\nPercent Change\n2023 2022 Total Operations Currency\n"
               "Sales to customers by geographic area\n")
    rows = "".join(f"Region {i}\t$\t{i},110\t{i},220\t{i}.5 %\t{i}.1\t({i}.4)\n" for i in range(1, 30))
    for sentences in range(2, 12):
        prose = " ".join(f"Sentence number {i} talks about widgets." for i in range(sentences))
        chunks = chunks_of(_synthetic(f"{prose}\n{caption}{rows}"), embedder, max_tokens=128)
        assert all(any(line in c.text for c in chunks) for line in f"{caption}{rows}".splitlines())
        for chunk in chunks:
            if "Region" in chunk.text:
                assert caption in chunk.text or chunk.table_header == caption.strip(), (sentences, chunk.text)


def test_sentence_offsets_are_blingfires_own_found_faster():
    import blingfire

    from index.chunking import _sentence_offsets

    runs = ["Net sales were $391.0 billion. They rose 2% from fiscal 2023.",
            "Dr. Jane Roe, our CFO, said: \u201cWe grew.\u201d The Board\u2019s vote was 9\u20130.",
            "One sentence without a stop", "  Spaces  before and after.  Another one.  "]
    for run in runs:
        assert _sentence_offsets(run) == blingfire.text_to_sentences_and_offsets(run)[1]
