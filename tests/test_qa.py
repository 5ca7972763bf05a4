"""Retrieval and cited answers over the ImmunoGen sample and small fixtures: hybrid search, filters,
refusals, follow-ups, the BM25 index kept in step, and the `ask` command."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, SAMPLE
from index.lexical import ChunkFilter, terms
from index.sections import SIGNATURE
from index.store import FilingIndex
from qa.answerer import (_ASKS_SIGNATURE, NOT_FOUND, Asked, ExtractiveAnswerer, _asks_signature, _company_row,
                         _context_end, _each_asks, _focus_terms, _names_held, _names_in, _listed_line_items,
                         _reports_on_year, _role_part, _slots, _states_number, parts_of)
from qa.assistant import Assistant
from qa.filters import FilterError, FilterResolver, company_aliases
from index.models import chunk_id_of, previous_chunk_id
from qa.models import Chunk, FilingRef, Filters, Passage
from qa.quotes import passage_sentences
from qa.retrieval import analysts_words, lexical_query, with_filing_words
from qa.scorer import AnswerScorer
from qa.vocabulary import PLACES, period_kinds, quarters_named, vote_kind_asked, years_asked
from ui.cli import app


@pytest.fixture
def answerer(embedder) -> ExtractiveAnswerer:
    """An answerer over an index where every term is in one chunk of 1000: only the passages given decide."""
    return ExtractiveAnswerer(lambda term: 1, lambda: 1000, embedder.embed)


@pytest.fixture
def immunogen(assistant: Assistant) -> Assistant:
    report = assistant.ingest([SAMPLE])
    assert report.count("ingested") == 1
    return assistant


def _verbatim(assistant: Assistant, answer) -> bool:
    return all(assistant.index.filing_text(c.filing.filing_id)[c.char_start:c.char_end] == c.quote
               for c in answer.citations)


def test_cfo_question_names_beloff_and_cites_the_press_release(immunogen):
    answer = immunogen.ask("Who did ImmunoGen appoint as CFO in March 2001?")
    assert not answer.refused
    assert "Gregg D. Beloff" in answer.text
    assert "EX-99.1" in {c.section for c in answer.citations}
    assert all(f"[{c.n}]" in answer.text for c in answer.citations)
    assert _verbatim(immunogen, answer)
    cited = answer.citations[0]
    assert (cited.filing.company, cited.filing.form, cited.filing.filing_date) == ("ImmunoGen, Inc.", "8-K", "2001-03-07")
    assert cited.filing.source.endswith("immunogen_8-K_2001-03-07.txt")


def test_each_part_of_a_question_of_several_is_searched_for_in_the_company_the_question_names(immunogen):
    from qa.conversation import Resolved

    assert immunogen.ingest([FIXTURES / "acme_10q.htm"]).count("ingested") == 1
    question = ("Acme Widgets 10-Q for June 2024: what were total net sales, and how many shares did the company "
                "repurchase?")
    # the whole question's first passage only, so that what the parts add shows
    retrieval = immunogen.retriever.retrieve(question, Filters(), 1)
    added = immunogen._read_for_parts(Resolved(question, Filters()), retrieval)
    assert any("repurchased 2 million shares" in p.chunk.text for p in added)
    # the part naming no company is searched in Acme's filings, and no passage is read twice
    assert {p.chunk.filing.company for p in added} == {"Acme Widgets, Inc."}
    ids = [p.chunk.chunk_id for p in [*retrieval.passages, *added]]
    assert len(ids) == len(set(ids))
    # a question of one part is searched once
    single = "What were Acme Widgets' total net sales in the June 2024 quarter?"
    assert immunogen._read_for_parts(Resolved(single, Filters()), immunogen.retriever.retrieve(single, Filters(), 1)) \
        == []


def test_exact_terms_are_found_by_bm25(immunogen):
    answer = immunogen.ask("Gina Brazier", k=3)
    assert "Gina Brazier" in answer.passages[0].chunk.text


def test_number_questions_get_the_number(immunogen):
    answer = immunogen.ask("How many people did Millennium Pharmaceuticals employ?")
    assert "1,300" in answer.text and not answer.refused


@pytest.mark.parametrize("question", [
    "How many years of access to ImmunoGen's TAP technology does Millennium get?",
    "For how long can Millennium use ImmunoGen's TAP technology?",
    "What is the term of Millennium's access to the TAP technology?",
])
def test_a_question_about_a_length_of_time_is_answered_with_the_period(immunogen, question):
    answer = immunogen.ask(question)
    assert not answer.refused, answer.text
    assert any("for a period of five years" in c.quote for c in answer.citations), answer.text


def test_unrelated_question_is_refused_with_the_nearest_passages(immunogen):
    answer = immunogen.ask("What was the total revenue of the Eiffel Tower restaurant in 1889?")
    assert answer.refused
    assert answer.text.startswith(NOT_FOUND)
    assert answer.citations == [] and answer.passages


def test_explicit_filters_restrict_and_inferred_ones_never_empty(immunogen):
    only_signature = immunogen.ask("Who signed the report?", Filters(section="SIGNATURE"))
    assert only_signature.passages and {p.chunk.section for p in only_signature.passages} == {"SIGNATURE"}
    press = immunogen.ask("TAP technology", Filters(section="EX-99"), k=10)
    assert {p.chunk.section for p in press.passages} <= {"EX-99.1", "EX-99.2"}
    # a question naming an indexed company, a form and a year that match nothing together still answers
    inferred = immunogen.ask("What did ImmunoGen say in its 10-K for 2019 about the CFO?")
    assert inferred.passages
    with pytest.raises(FilterError, match="no indexed company"):
        immunogen.ask("Who is the CFO?", Filters(company="Nonexistent Corp"))
    with pytest.raises(FilterError, match="date like") as bad_date:
        immunogen.ask("Who is the CFO?", Filters(since="March 2001"))
    assert bad_date.value.field == "since"
    with pytest.raises(FilterError, match="2001-01-01 is earlier than the start date 2001-03-01") as reversed_dates:
        immunogen.ask("Who is the CFO?", Filters(since="2001-03-01", until="2001-01-01"))
    assert reversed_dates.value.field == "until"
    assert immunogen.ask("Who is the CFO?", Filters(until="1999-12-31")).passages == []


def test_follow_up_carries_the_earlier_filing(immunogen):
    first = immunogen.ask("Who did ImmunoGen appoint as CFO?")
    follow_up = immunogen.ask("and who signed it?", history=[first.as_turn()])
    assert "ImmunoGen" in follow_up.resolved_question
    assert follow_up.passages[0].chunk.section == "SIGNATURE"
    assert follow_up.citations and follow_up.citations[0].filing.filing_id == first.citations[0].filing.filing_id


def test_bm25_index_follows_ingest_and_removal(immunogen, settings):
    lexical = immunogen.index.refresh_lexical()
    assert len(lexical.table) == immunogen.index.chunk_count() > 0
    reopened = FilingIndex(settings).refresh_lexical()  # from the saved term counts
    assert list(reopened.table.chunk_ids) == list(lexical.table.chunk_ids)
    assert reopened.snapshot().scores("Beloff").max() > 0
    filing_id = immunogen.filings()[0].filing.filing_id
    assert immunogen.remove(filing_id)
    assert len(immunogen.index.lexical.table) == 0
    assert immunogen.ask("Who is the CFO?").text.startswith("The index holds no filings")


def test_filters_resolve_against_the_index(immunogen):
    resolver = immunogen.retriever.resolver()
    assert resolver.resolve(Filters(company="immunogen")).companies == ("ImmunoGen, Inc.",)
    assert resolver.resolve(Filters(form="8-k")).forms == ("8-K",)
    assert set(resolver.resolve(Filters(section="ex-99")).sections) == {"EX-99.1", "EX-99.2"}
    inferred = resolver.infer("What did ImmunoGen's press release say in 2001?")
    assert inferred.boosts["company"] == ChunkFilter(companies=("ImmunoGen, Inc.",))
    assert inferred.boosts["section"].sections == ("EX-99.1", "EX-99.2")
    assert inferred.boosts["date"].since == 20010101


def test_company_names_in_questions():
    assert {"ibm", "international business machines"} <= company_aliases("International Business Machines Corporation")
    assert "p&g" in company_aliases("The Procter & Gamble Company")
    assert {"lg&e", "lge"} <= company_aliases("Louisville Gas and Electric Company")  # "and" written "&" or not
    assert "j&j" in company_aliases("Johnson & Johnson")
    assert "philips" in company_aliases("Koninklijke Philips N.V.")  # a royal title the company does not go by
    from index.lexical import ChunkTable

    companies = ["Apple Computer, Inc.", "American Express Company", "ROCK OF AGES CORP"]
    table = ChunkTable({"chunk_id": ["1", "2", "3"], "filing_id": ["a", "b", "c"], "company": companies,
                        "form": ["8-K"] * 3, "section": ["Item 5"] * 3}, [20000101] * 3)
    resolver = FilterResolver(table)
    assert resolver.infer("What did Apple's board give Steve Jobs?").boosts["company"].companies == (companies[0],)
    rock = resolver.infer("Which retailer did Rock of Ages buy from American Monument Corporation?")
    assert rock.boosts["company"].companies == (companies[2],)  # "American Monument" is not American Express
    assert "company" not in resolver.infer("Is apple juice a good business?").boosts
    # a person's surname is no company's first word
    assert "company" not in resolver.infer("How many votes did Jane A. Apple receive at the meeting?").boosts
    assert "company" not in resolver.infer("How many votes did Jane Apple receive at the meeting?").boosts
    assert resolver.infer("Did Apple report iPhone sales?").boosts["company"].companies == (companies[0],)
    # a month after a company's name dates the filing, it opens no other name
    assert resolver.infer("Apple Nov 2007 8-K: how many shares?").boosts["company"].companies == (companies[0],)
    # a company its filings spell in two ways is named by both spellings; a day named is reported after it
    companies = ["Apple Computer, Inc.", "APPLE COMPUTER INC", "Apple Inc."]
    table = ChunkTable({"chunk_id": ["1", "2", "3"], "filing_id": ["a", "b", "c"], "company": companies,
                        "form": ["10-Q"] * 3, "section": ["Part I Item 1"] * 3}, [19980209, 19990208, 20240801])
    inferred = FilterResolver(table).infer("What were Apple Computer's net sales in the quarter ended Dec 26, 1998?")
    assert set(inferred.boosts["company"].companies) == {"Apple Computer, Inc.", "APPLE COMPUTER INC"}
    assert inferred.boosts["date"].since == 19981226


def test_a_ticker_names_the_company_whose_chunks_hold_it():
    import numpy as np

    from index.lexical import ChunkTable

    companies = ["Oracle Corporation", "Oracle Corporation", "Apple Computer, Inc.", "Apple Inc.", "LG&E Energy Corp.",
                 "Kentucky Utilities Co", "Lowe's Companies, Inc.", "PepsiCo, Inc."]
    table = ChunkTable({"chunk_id": [str(i) for i in range(8)], "filing_id": list("abcdefgh"), "company": companies,
                        "form": ["8-K"] * 8, "section": ["Item 5"] * 8}, [20000101] * 8)
    holders = {"orcl": [0, 1], "aapl": [2, 3], "low": [0, 2, 4, 6, 7], "lg": [4, 5]}  # rows whose chunks hold a term
    resolver = FilterResolver(table, lambda term: np.array(holders.get(term, []), dtype=np.int64))
    oracle = resolver.infer("How did ORCL shareholders vote on the climate proposal?")
    assert oracle.boosts["company"].companies == ("Oracle Corporation",)
    assert oracle.symbols == {"Oracle Corporation": ("ORCL",)}
    # a company that filed under two names has its ticker under both
    assert set(resolver.infer("What did AAPL's board approve?").boosts["company"].companies) == set(companies[2:4])
    # a word in capitals held by the chunks of many companies names none; a part of a name is no word of its own
    assert "company" not in resolver.infer("Why did LOW sales fall?").boosts
    assert resolver.infer("Who signed the LG&E report?").symbols == {}



def test_a_question_in_lower_case_names_the_companies_the_index_holds_as_names():
    import numpy as np

    from index.lexical import ChunkTable

    companies = ["NVIDIA Corporation", "International Business Machines Corporation", "Apple Inc.",
                 "ROCK OF AGES CORP", "Common Sense Trust"]
    table = ChunkTable({"chunk_id": [str(i) for i in range(5)], "filing_id": list("abcde"), "company": companies,
                        "form": ["10-K"] * 5, "section": ["Item 1"] * 5}, [20250101] * 5)
    # rows whose chunks hold a term: a company's own name, and words every filing uses
    holders = {"nvidia": [0], "ibm": [1], "appl": [2], "common": [0, 1, 2, 3, 4], "intern": [0, 1, 2, 4]}
    resolver = FilterResolver(table, lambda term: np.array(holders.get(term, []), dtype=np.int64))
    assert resolver.cased("how many employees did nvidia and ibm have?") == \
        "how many employees did NVIDIA and IBM have?"
    lower = resolver.cased("what did rock of ages and apple's board decide?")
    assert lower == "what did ROCK OF AGES and Apple's board decide?"
    assert set(resolver.infer(lower).boosts["company"].companies) == {companies[2], companies[3]}
    # a word every filing uses is no name, though a company's name begins with it
    assert resolver.cased("what did international sales and common stock do?") == \
        "what did international sales and common stock do?"
    assert "company" not in resolver.infer(resolver.cased("what was the common stock's price?")).boosts
    # capitals say what is a name
    assert resolver.cased("What did apple's board decide?") == "What did apple's board decide?"
    # abbreviations in capitals are no capital initials of names
    assert resolver.cased("nvidia capex FY24 (purchases of PP&E)?") == "NVIDIA capex FY24 (purchases of PP&E)?"


def test_instructions_to_whoever_answers_are_not_searched_and_a_statement_says_where_to_look():
    from index.lexical import ChunkTable

    question = ("Assume that you are a public equities analyst. Answer the following question by primarily using "
                "information that is shown in the cash flow statement: what were Acme's FY2022 capital expenditures? "
                "Give a response to the question by relying on the details shown in the cash flow statement.")
    searched = with_filing_words(question).lower()
    for instruction in ("analyst", "assume", "response", "relying", "details", "primarily"):
        assert instruction not in searched, searched
    # the filing's words for capex, and the statement's title, are searched
    assert "payments to acquire property plant and equipment" in searched and "statements of cash flows" in searched
    # how the question names its period is no word an answer must hold: the year is checked as years are
    answerer = ExtractiveAnswerer(lambda term: 1, lambda: 1000, lambda texts: None)
    assert set(answerer._term_weights(with_filing_words(question))) >= set(terms("capital expenditures"))
    period = "What were Acme's total liabilities at the end of FY2018?"
    assert set(answerer._term_weights(with_filing_words(period))) == set(terms("Acme liabilities"))
    table = ChunkTable({"chunk_id": ["1", "2", "3"], "filing_id": ["a", "b", "c"], "company": ["Acme Corp"] * 3,
                        "form": ["10-K", "10-Q", "8-K"], "section": ["Item 8", "Part I Item 1", "Item 8.01"]},
                       [20230101] * 3)
    resolver = FilterResolver(table, lambda term: np.array([], dtype=np.int64))
    # the statements' sections, not an 8-K's Item 8.01 (Other Events); a user's own "Item 8" filter covers it
    assert set(resolver.infer(question).boosts["section"].sections) == {"Item 8", "Part I Item 1"}
    assert set(resolver.resolve(Filters(section="Item 8")).sections) == {"Item 8", "Item 8.01"}


def test_a_statement_row_answers_without_naming_its_statement(answerer):
    passage = _passage("Acme Widgets, Inc.", "Cash flows – investing activities:\n"
                       "Payments to acquire property, plant and equipment\t(1,222)\t(980)\n"
                       "Proceeds from disposals of property, plant and equipment\t35\t529\n")

    def row(question: str, label: str = "Payments") -> dict[str, float]:
        scored = answerer.scored_sentences(question, with_filing_words(question), [passage])
        return next(s.features for s in scored if s.sentence.text.startswith(label))

    asked = row("What were Acme Widgets' capital expenditures in 2022?")
    # the payments row holds what is asked, capex in a cash flow statement's words; the proceeds row does not
    assert asked["own_coverage"] > row("What were Acme Widgets' capital expenditures in 2022?", "Proceeds")["own_coverage"]
    # naming the statement asks no more words of the row
    for where in ("in the cash flow statement", "in the consolidated statements of cash flows"):
        assert row(f"What were Acme Widgets' capital expenditures in 2022, {where}?")["own_coverage"] == \
            pytest.approx(asked["own_coverage"])


def test_question_understanding():
    assert "employees" in with_filing_words("How did NVIDIA's headcount change?")
    # an analyst's word capitalised inside a sentence belongs to a name; abbreviations in capitals do not
    assert with_filing_words("What were Best Buy's merchandise inventories?") == \
        "What were Best Buy's merchandise inventories?"
    assert "acquire" in with_filing_words("Which company did Cisco buy? Buy means acquired here.")
    assert "chief financial officer" in with_filing_words("Who is Best Buy's CFO?")
    assert "revenue per available room" in with_filing_words("What was MGM's RevPAR?")
    assert "stock-based compensation" in with_filing_words("ADBE stock-based comp FY22 per the cash flow statement?")
    assert with_filing_words("KO comp sales FY24?") == "KO comp sales FY24?"  # "comp" alone may be comparable
    assert _focus_terms("What total revenue did Oracle report for its fourth quarter?")[0] == terms("revenue")[0]
    assert _focus_terms("What did Apple earn?") == []
    # every part of a question has its focus
    assert _focus_terms("What gain did J&J expect, and how much cash did the IPO bring in?") == terms("gain cash")
    assert _slots("Who replaced Brett Kaufman as CFO, and what is his base salary?") == ("number", "person")
    assert _slots("Which officer signed Johnson & Johnson's August 30, 2023 Form 8-K?") == ("person",)
    # the company's name may stand before the role asked
    assert _slots("Which Acme executive headed the Access Business Unit in 1995?") == ("person",)
    assert _slots("What did the Acme executive say?") == ()
    # a measure asks about what it is of, and for a figure
    carrying = "What was the carrying value of Boeing's inventories at December 31, 2022?"
    assert _focus_terms(carrying) == terms("inventories") and _slots(carrying) == ("number",)
    assert _focus_terms("What is the term of Millennium's access to the TAP technology?") == terms("access technology")
    # a place asked by its kind: a city's name does not say "city", its sentence says what it is the place of
    assert _focus_terms("In which city is Acme's principal executive office located?") == ["princip", "execut", "offic"]
    # a reason asked, by "why" or by what drove a change, asks no figure, unless another part does
    assert _slots("Acme FY24 10-K: R&D expense rose 14% in 2024 - what mainly drove the increase?") == ("reason",)
    assert _slots("What was the main reason Acme's operating cash flow fell 41% in 2024?") == ("reason",)
    assert _slots("Why did Acme's revenue fall in 2024?") == ("reason",)
    # and by its driver, words a sentence does not hold ("was primarily driven by", P&G's 10-Q of April 2025)
    question = "Acme's nine-month effective tax rate fell to 20.5% from 20.6%: what was the main driver?"
    assert _slots(question) == ("reason",) and _focus_terms(question) == []
    assert "number" in _slots("Acme gross margin was down y/y - to what level, and why?")
    # a ticker is a name, which filings call a symbol
    assert _slots("Under what ticker do Acme's shares trade on the OTCQB?") == ("name",)
    assert "symbol" in with_filing_words("Under what ticker do Acme's shares trade?")
    # a thing of a kind known by its name asks its name, not the units it grants; "exchange ratio" is a figure
    assert _slots("Under which Acme plan will the restricted stock units granted to the new director be issued?") == (
        "name",)
    assert "number" in _slots("What exchange ratio will Acme shareholders receive?")
    assert _slots("Which Acme business unit were the acquired company's employees folded into?") == ("name",)
    assert _slots("What return on invested capital (ROIC) did Acme report?") == ("number",)  # a return is a rate
    assert _slots("What was Acme's total share count outstanding?") == ("number",)  # a count is a number of things
    # "where" after a clause asks a place, though its verb may be one of money
    assert _slots("Before joining Acme, where did its new CFO spend seven years as an audit manager?") == ("name",)
    assert _names_in("Who replaced Brett Kaufman as CFO of AFC Gamma?") == [["Brett", "Kaufman"], ["AFC", "Gamma"]]

    question = "How many employees did Amazon have?"
    asked = Asked.of(question, with_filing_words(question), {t: 1.0 for t in terms("employees")})
    assert asked.filled_by("As of December 31, 2024, we employed approximately 1,556,000 employees.") == {"number"}
    assert not asked.filled_by("(1) The IBM 2014 Employees Stock Purchase Plan, filed on Form S-8.")
    # a name with a number is no count: NVIDIA's 10-K of 2023 on its employees and COVID-19
    assert not asked.filled_by("We kept our employees safe during fiscal year 2023 and the COVID-19 pandemic.")
    # an answer to "who" names someone the question does not
    question = "Who replaced Brett Kaufman as CFO?"
    asked = Asked.of(question, with_filing_words(question), {})
    assert not asked.filled_by("Brett Kaufman's employment as Chief Financial Officer will terminate.")
    assert asked.filled_by("The Board appointed Brandon Hetzel as Chief Financial Officer.") == {"person"}
    # a heading in capitals names no company
    question = "Which company did Cisco Systems buy in September 1995?"
    asked = Asked.of(question, with_filing_words(question), {})
    assert not asked.filled_by("Filed with the UNITED STATES SECURITIES AND EXCHANGE COMMISSION")
    assert asked.filled_by("On September 29, 1995, Cisco acquired Combinet, Inc.") == {"name"}


def test_a_count_of_years_in_figures_is_the_value_only_when_a_length_of_time_is_asked():
    growth = "What comparable sales growth did Acme Widgets report for 2024?"
    asked = Asked.of(growth, with_filing_words(growth), {"sale": 1.0, "growth": 1.0})
    assert not asked.filled_by("Jane Roe brings 20 years of experience in sales to drive growth.")
    assert asked.filled_by("Comparable sales growth was 4 percent in 2024.") == {"number"}
    headcount = "ACME headcount worldwide at YE22?"
    asked = Asked.of(headcount, with_filing_words(headcount), {"employe": 1.0})
    assert not asked.filled_by("In 2022, Acme employees completed over 1 million hours of training.")
    assert asked.filled_by("We employed approximately 315,000 employees worldwide.") == {"number"}
    assert years_asked(headcount) == ["2022"] and not _names_in(headcount)  # a year's end, no name
    salary = "What salary will Acme Widgets pay its new CFO?"
    assert Asked.of(salary, with_filing_words(salary), {"salari": 1.0}).filled_by(
        "Mr. Smith will be paid a salary of $250,000 a year.") == {"number"}
    term = "What is the term of the license Acme Widgets granted?"
    assert Asked.of(term, with_filing_words(term), {"licens": 1.0}).filled_by(
        "The license runs for 5 years.") == {"number"}


def _quoted(answerer: ExtractiveAnswerer, question: str, passage: Passage) -> list[str]:
    """The sentences an answer from this Acme Widgets passage quotes."""
    assessment = answerer.assess(question, with_filing_words(question), [passage], {"Acme Widgets, Inc.": ()})
    return [s.sentence.text for s in assessment.chosen]


def _answer(answerer: ExtractiveAnswerer, question: str, text: str):
    """The answer to the question from one Acme Widgets passage of this text."""
    return _answer_from(answerer, question, _passage("Acme Widgets, Inc.", text))


def _answer_from(answerer: ExtractiveAnswerer, question: str, *passages: Passage):
    """The answer to the question from these Acme Widgets passages."""
    return answerer.answer(question, with_filing_words(question), list(passages), {"Acme Widgets, Inc.": ()})


def _answered_with(answerer: ExtractiveAnswerer, question: str, needle: str, *passages: Passage) -> bool:
    """Whether the answer to the question from these passages is given, and holds the needle."""
    answer = _answer_from(answerer, question, *passages)
    return not answer.refused and needle in answer.text


def _ranked(answerer: ExtractiveAnswerer, question: str, *passages: Passage) -> list:
    """The passages' scored sentences for the question, best first."""
    return sorted(answerer.scored_sentences(question, with_filing_words(question), list(passages)),
                  key=lambda s: s.score, reverse=True)


def _states(answerer: ExtractiveAnswerer, question: str, text: str, form: str = "10-K") -> bool:
    """Whether the best sentence of one Acme Widgets passage of this text states the value the question asks for."""
    return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form=form))[0].states_value_asked


def _row_states(answerer: ExtractiveAnswerer, question: str, passage: Passage, opening: str) -> bool:
    """Whether the passage's sentence opening with `opening` states the value the question asks for."""
    return next(s for s in _ranked(answerer, question, passage) if s.sentence.text.startswith(opening)
                ).states_value_asked


def _feature(answerer: ExtractiveAnswerer, question: str, text: str, name: str) -> float:
    """A feature of the answer to the question from one Acme Widgets passage of this text."""
    passage = _passage("Acme Widgets, Inc.", text)
    return answerer.assess(question, with_filing_words(question), [passage], {"Acme Widgets, Inc.": ()}).features[name]


def _signature_page(rows: str) -> Passage:
    """An Acme Widgets 10-K's signature block: its opening sentence, then these rows."""
    passage = _passage("Acme Widgets, Inc.", "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act "
                       "of 1934, this report has been signed below by the following persons on behalf of the "
                       f"registrant.\n{rows}")
    return replace(passage, chunk=replace(passage.chunk, section=SIGNATURE, section_title="Signatures"))


def _passage(company: str, text: str, rank: int = 1, form: str = "10-K", filed: str = "2025-02-01") -> Passage:
    filing = FilingRef(company=company, form=form, filing_date=filed, accession="0000000000-25-000001",
                       filing_id=company, source="f.htm")
    return Passage(rank, Chunk(f"{company}#{rank}", filing, text, "Item 1", "Business", 0, len(text)), 1.0)


def test_answer_must_come_from_the_company_asked_about_and_state_what_was_asked(answerer):
    question = "How many employees did Flushing Financial have at the end of 2024?"
    search_text = with_filing_words(question)
    named = {"Flushing Financial Corporation": ()}  # the indexed company the question names, as retrieval finds it
    meta = _passage("Meta Platforms, Inc.", "As of December 31, 2024, we had 74,067 employees worldwide.")
    assert answerer.answer(question, search_text, [meta], named).refused  # another company's headcount
    flushing = _passage("Flushing Financial Corporation", "As of December 31, 2024, we had 549 full-time "
                        "equivalent employees.")
    answer = answerer.answer(question, search_text, [meta, flushing], named)
    assert not answer.refused and "549" in answer.text and answer.citations[0].filing.company.startswith("Flushing")
    unstated = _passage("Flushing Financial Corporation", "Our employees are our most important asset, and we "
                        "invest in their training.")
    assert answerer.answer(question, search_text, [unstated], named).refused  # no number of employees
    # named by its ticker, which the passage does not print, the company's filing is still about the question
    question = "How many employees did FFIC have at the end of 2024?"
    search_text = with_filing_words(question)
    by_ticker = answerer.assess(question, search_text, [flushing], {"Flushing Financial Corporation": ("FFIC",)})
    assert by_ticker.features["off_topic"] == 0.0
    assert answerer.assess(question, search_text, [flushing]).features["off_topic"] == 1.0


def test_ask_command_human_json_and_batch(immunogen, settings, tmp_path):
    runner = CliRunner()
    data = ["--data", str(settings.data)]
    human = runner.invoke(app, ["ask", "Who did ImmunoGen appoint as CFO?", *data])
    assert human.exit_code == 0, human.output
    assert "Gregg D. Beloff" in human.output and "Sources:" in human.output and "EX-99.1" in human.output
    single = json.loads(runner.invoke(app, ["ask", "Who did ImmunoGen appoint as CFO?", "--json", *data]).stdout)
    assert single["id"] is None and single["answered_at"]  # the same fields as a batch's answers

    questions = tmp_path / "questions.jsonl"
    questions.write_text(json.dumps({"id": "cfo", "question": "Who did ImmunoGen appoint as CFO?"}) + "\n"
                         + json.dumps({"id": "x", "question": "What is the height of the Eiffel Tower?"}) + "\n")
    batch = runner.invoke(app, ["ask", "--questions", str(questions), "--json", "--k", "3", *data])
    assert batch.exit_code == 0, batch.output
    records = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [r["id"] for r in records] == ["cfo", "x"]
    assert set(records[0]) >= {"id", "question", "answer", "refused", "citations", "passages", "latency_ms"}
    assert set(records[0]["citations"][0]) >= {"n", "filing_id", "company", "form", "filing_date", "section",
                                              "section_title", "source", "page", "quote", "char_start", "char_end"}
    assert len(records[0]["passages"]) == 3 and records[1]["refused"] is True

    bad = runner.invoke(app, ["ask", "Who?", "--company", "Nobody Inc", *data])
    assert bad.exit_code == 2 and "--company: no indexed company matches 'Nobody Inc'" in bad.output
    reversed_dates = runner.invoke(app, ["ask", "Who?", "--since", "2001-03-01", "--until", "2001-01-01", *data])
    assert reversed_dates.exit_code == 2
    assert "--until: 2001-01-01 is earlier than the start date" in reversed_dates.output
    assert runner.invoke(app, ["ask", *data]).exit_code == 2


def test_dense_search_under_a_filter_finds_the_same_chunks_by_every_path(immunogen, monkeypatch):
    from qa import retrieval

    table = immunogen.index.refresh_lexical().snapshot().table
    vector = immunogen.embedder.embed(["Who is the new chief financial officer?"])[0]
    mask = table.mask(ChunkFilter(sections=("EX-99.1", "EX-99.2")))
    assert 3 < mask.sum() < len(table)
    everything = immunogen.index.nearest(vector, len(table))
    monkeypatch.setattr(retrieval, "CANDIDATES", 3)
    expected = [chunk_id for chunk_id, _ in everything if mask[table.row_of[chunk_id]]][:3]
    dense = immunogen.retriever._dense
    assert dense(vector, everything, table, mask) == expected  # enough of the filter's chunks in the pool
    assert dense(vector, everything[:1], table, mask) == expected  # exactly, over the chunks' stored vectors
    monkeypatch.setattr(retrieval, "EXACT_LIMIT", 0)
    assert dense(vector, everything[:1], table, mask) == expected  # Chroma restricted to the filter's chunks


def test_numbers_written_as_words_answer_how_many_questions(immunogen):
    answer = immunogen.ask("How many years of access to ImmunoGen's TAP technology does Millennium get?")
    assert not answer.refused and "for a period of five years" in answer.text
    assert _verbatim(immunogen, answer)


def test_near_miss_about_an_indexed_company_is_refused(immunogen):
    # ImmunoGen is indexed and the press release counts Millennium's employees, not ImmunoGen's
    answer = immunogen.ask("How many employees did ImmunoGen have at the end of 2000?")
    assert answer.refused and answer.text.startswith(NOT_FOUND) and answer.passages


def test_period_words_are_not_the_number_asked_for():
    asked = Asked.of("What were net sales in the quarter?", "What were net sales in the quarter?",
                     {term: 1.0 for term in terms("net sales")})
    assert not asked.filled_by("Net sales rose in the first nine months as stores reopened.")
    assert asked.filled_by("Net sales were twelve million dollars.")
    # nor are the numbers of a table or a note that names them (American Express's 2022 10-K, Apple's of 2024)
    assert not asked.filled_by("TABLE 2: NET SALES SUMMARY")
    assert not asked.filled_by("Net sales by segment are shown in Note 13, Segment Information.")


def test_an_answer_to_a_question_of_two_parts_quotes_a_sentence_for_each(answerer):
    question = "Who replaced Jane Roe as CFO of Acme Widgets in March 2023, and what is his base salary?"
    passage = _passage("Acme Widgets, Inc.", "Jane Roe will leave Acme Widgets on March 31, 2023 to pursue other "
                       "interests. On March 17, 2023, the Board appointed John Smith as Chief Financial Officer of "
                       "Acme Widgets. Mr. Smith will be paid $250,000 a year.")
    # the salary sentence scores well below the appointment (it lacks most of the question's words), yet it is
    # the only one that states the second thing asked for
    quoted = " ".join(_quoted(answerer, question, passage))
    assert "John Smith" in quoted and "$250,000" in quoted, quoted


def test_when_asks_the_date_of_what_its_verb_says(answerer):
    # AFC Gamma's 8-K of March 2023 dates both the new CFO's appointment and when he first joined the company
    assert _focus_terms("When did new CFO John Smith first join Acme Widgets, and in what role?") == ["join"]
    assert _focus_terms("When does the tender offer expire?") == ["expir"]
    passage = _passage("Acme Widgets, Inc.", "On March 17, 2023, the Board of Directors of Acme Widgets appointed "
                       "John Smith as the Chief Financial Officer and Treasurer of Acme Widgets. Mr. Smith, age 36, "
                       "joined the Company in September 2020 as Controller.")
    quoted = _quoted(answerer, "When did new CFO John Smith first join Acme Widgets?", passage)
    assert quoted[0].startswith("Mr. Smith, age 36, joined"), quoted


def test_a_question_of_two_parts_is_answered_when_a_part_asked_alone_would_be(embedder):
    # a sentence holds the words of one part, not of the whole: its coverage of the whole is lower
    question = "Who replaced Jane Roe as CFO of Acme Widgets in March 2023, and what is his base salary?"
    passage = _passage("Acme Widgets, Inc.", "Jane Roe will leave Acme Widgets on March 31, 2023 to pursue other "
                       "interests. On March 17, 2023, the Board appointed John Smith as Chief Financial Officer of "
                       "Acme Widgets. Mr. Smith will be paid $250,000 a year.")
    # a scorer that answers when a sentence holds more than 65% of the question's words (log 0.65 = -0.43)
    scorer = AnswerScorer(("own_coverage",), (0.0,), (1.0,), (10.0,), 4.3, 0.5)
    answerer = ExtractiveAnswerer(lambda term: 1, lambda: 1000, embedder.embed, scorer)
    answer = answerer.answer(question, with_filing_words(question), [passage], {"Acme Widgets, Inc.": ()})
    assert not answer.refused and "John Smith" in answer.text
    # a clause that says when is no part: asked with it, the price is still refused where no sentence states one
    question = "What was Acme Widgets' closing price on March 17, 2023, when the Board appointed John Smith?"
    assert parts_of(question) == []
    assert answerer.answer(question, with_filing_words(question), [passage], {"Acme Widgets, Inc.": ()}).refused


def test_a_cost_and_its_reason_are_both_quoted_and_a_fact_told_twice_once(answerer):
    question = "Why did Acme Widgets' Bolt deal fall through, and what did it cost Acme Widgets in fiscal 2023?"
    cost = ("We recorded a termination cost related to the Bolt transaction of $1.35 billion in fiscal year 2023 "
            "reflecting the write-off of the prepayment.")
    passage = _passage("Acme Widgets, Inc.", f"{cost} We recorded a termination cost of $1.35 billion in fiscal year "
                       "2023 reflecting the write-off. The parties ended the Bolt deal because of significant "
                       "regulatory challenges.")
    quoted = _quoted(answerer, question, passage)
    # "what did it cost" asks for an amount; the reason has none, yet it answers the other part
    assert quoted[0] == cost and any("regulatory challenges" in q for q in quoted), quoted
    assert sum("$1.35 billion" in q for q in quoted) == 1, quoted  # the cost told again adds nothing
    # a sentence without an amount does not answer what something cost
    spent = "What did Acme Widgets spend on the Bolt transaction in fiscal 2023?"
    vague = _passage("Acme Widgets, Inc.", "Acme Widgets spent heavily on the Bolt transaction in fiscal 2023, "
                     "as the board had planned.")
    assert answerer.answer(spent, with_filing_words(spent), [vague], {"Acme Widgets, Inc.": ()}).refused


def test_a_question_asked_as_financebench_asks_it(answerer):
    question = ("What is the FY2018 capital expenditure amount (in USD millions) for Acme Widgets? Give a response "
                "to the question by relying on the details shown in the cash flow statement.")
    assert years_asked(question) == ["2018"]
    assert years_asked("FY23 against FY 2024 and 2025") == ["2023", "2024", "2025"]
    # a quarter's or a half's year as analysts write it
    assert years_asked("Acme's sales in 2Q24 against Q3'23, 1H25 and fiscal '22") == ["2024", "2023", "2025", "2022"]
    assert years_asked("ACME Q2 FY24 (qtr ended Jul 29 '23) revenue?") == ["2024", "2023"]  # a day's year
    assert _names_in("What did Acme Widgets sell in H1'25?") == [["Acme", "Widgets"]]
    # a fiscal year's end, a unit of energy and a net asset value are no names a passage must hold
    assert _names_in("What were Acme Widgets' sales at FYE22, in millions of KWHs, and its NAV?") == [
        ["Acme", "Widgets"]]
    # nor a legal suffix left alone when the company's name opens a chat line
    assert _names_in("Acme Co Q4'04 earnings pack: what were Georgia Power's 2004 operating revenues?") == [
        ["Georgia", "Power"]]
    searched = with_filing_words(question)
    assert "USD" not in searched and "purchases of property plant and equipment" in searched  # units are no search
    assert _names_in(question) == [["Acme", "Widgets"]]  # "Give" opens a sentence, "USD" is the unit asked for
    assert _slots(question) == ("number",)
    assert _names_in("How much did Acme Widgets pay in dividends in 2018 (USD millions)?") == [["Acme", "Widgets"]]
    # a statement without periods the rows can be read against: its header is written once, before its first row
    text = ("Consolidated Statements of Cash Flows (Dollars in millions)\nYears ended December 31\t2018\t2017\n"
            "Purchases of property, plant and equipment (PP&E)\t(1,577)\t(1,373)\t(1,420)\n"
            "Proceeds from sale of PP&E and other assets\t262\t49\t58\n")
    statement = _passage("Acme Widgets, Inc.", text)
    answer = answerer.answer(question, searched, [statement], {"Acme Widgets, Inc.": ()})
    assert not answer.refused and "(1,577)" in answer.text, answer.text
    assert answer.text.count("Years ended December 31") <= 1 and answer.citations[0].quote.startswith("Consolidated")
    assert _verbatim_quotes(answer, text)


def _verbatim_quotes(answer, text: str) -> bool:
    return all(text[c.char_start:c.char_end] == c.quote for c in answer.citations)


def test_an_analysts_word_is_held_only_by_the_whole_phrase_filings_use_for_it(embedder):
    # "CFO" is a rare word in filings; the words of its phrase are common ones
    answerer = ExtractiveAnswerer(lambda term: 5 if term == "cfo" else 300, lambda: 1000, embedder.embed)
    question = "Who is Acme Widgets' CFO, and since when has he been an executive officer?"
    # IBM's 10-K of 2025 lists its officers so: "Chief Commercial Officer" shares two of the three words
    passage = _passage("Acme Widgets, Inc.", "Executive officers:\nAge\tOfficer since\n"
                       "Robert Roe, Executive Vice President and Chief Commercial Officer of Acme Widgets\t50\t2023\n"
                       "James Doe, Senior Vice President, Finance and Chief Financial Officer\t58\t2008\n")
    assessment = answerer.assess(question, with_filing_words(question), [passage], {"Acme Widgets, Inc.": ()})
    best = max(assessment.chosen, key=lambda s: s.score).sentence.text
    assert best.startswith("James Doe"), best


def test_a_reason_named_in_one_sentence_and_told_in_the_next_is_quoted_with_both(answerer):
    question = "Why did Acme Widgets say its 2023 financial statements can no longer be relied upon?"
    passage = _passage("Acme Widgets, Inc.", "On April 10, 2025, the Board concluded that the financial statements of "
                       "Acme Widgets for 2023 should no longer be relied upon due to errors in those financial "
                       "statements. The Company determined that it incorrectly applied accounting guidance on "
                       "share-based payments and misstated interest expense. The Company will file an amended "
                       "annual report as soon as practicable.")
    quoted = _quoted(answerer, question, passage)
    assert quoted[0].startswith("On April 10, 2025") and any("incorrectly applied" in q for q in quoted), quoted
    assert not any("amended annual report" in q for q in quoted), quoted
    # the heading of what comes next is no explanation
    heading = _passage("Acme Widgets, Inc.", "Acme Widgets and Bolt agreed to end the Bolt deal because of "
                       "significant regulatory challenges preventing its completion.\nOther Income (Expense), Net\n"
                       "Interest income rose to $18 million on higher rates.")
    quoted = _quoted(answerer, "Why did Acme Widgets end its Bolt deal?", heading)
    assert quoted[0].startswith("Acme Widgets and Bolt agreed") and not any("Other Income" in q for q in quoted), quoted


def test_each_part_of_a_question_of_several_is_answered(embedder, monkeypatch, answerer):
    passage = _passage("Acme Widgets, Inc.", (
        "Acme Widgets, Inc. issued approximately 1,600,000 shares of its common stock to acquire Junglo Corp. "
        "Acme Widgets also issued options to purchase about 200,000 shares to Junglo employees. "
        "Acme Widgets issued 40,000 shares to the advisers of Junglo. "
        "The Acme Widgets shares issued for Junglo were valued at $45 per share. "
        "A further 160,000 went into escrow to secure indemnification obligations of the sellers."))
    question = "How many Acme Widgets shares were issued for Junglo, and how many of them went into escrow?"
    assert parts_of(question) == ["How many Acme Widgets shares were issued for Junglo",
                                "how many of them went into escrow"]
    quoted = " ".join(_quoted(answerer, question, passage))
    assert "1,600,000" in quoted and "160,000" in quoted
    # asked as a question of one part, the escrow is not among the best sentences for the whole question
    monkeypatch.setattr("qa.answerer.parts_of", lambda question: [])
    assert "160,000" not in " ".join(_quoted(answerer, question, passage))
    # the passages the answer quotes come first, a part's too, though its sentence scores low for the whole question
    monkeypatch.undo()
    permissive = replace(AnswerScorer.load(), threshold=0)
    answers = ExtractiveAnswerer(lambda term: 1, lambda: 1000, embedder.embed, permissive)
    issued, escrow = passage.chunk.text.rsplit(" A further", 1)
    passages = [_passage("Acme Widgets, Inc.", issued, 1),
                # another company's filing: it scores high for the whole question, and answers nothing of it
                _passage("Globex Corp.", "Globex Corp. issued 900,000 shares of its stock to Acme Widgets for Junglo.",
                         2),
                _passage("Acme Widgets, Inc.", f"A further{escrow}", 3)]
    answer = answers.answer(question, with_filing_words(question), passages, {"Acme Widgets, Inc.": ()})
    assert "160,000" in answer.text
    assert [p.chunk.chunk_id for p in answer.ranked_passages] == ["Acme Widgets, Inc.#1", "Acme Widgets, Inc.#3",
                                                                  "Globex Corp.#2"]
    # a premise that asks nothing stays with the part after it; a question of one part has no parts
    assert parts_of("Under Acme's 2019 plan, what rate takes effect in 2020, and how much of it is fuel?") == [
        "Under Acme's 2019 plan what rate takes effect in 2020", "how much of it is fuel"]
    assert parts_of("Apple expensed a charge in 1997; what did the deal finally cost?") == []
    # two things each after the preposition they share are two parts, the rest of the question around each
    assert parts_of("What were Acme's segment assets of Defense, Space & Security and of Global Services at December "
                    "31, 2022?") == [
        "What were Acme's segment assets of Defense, Space & Security at December 31, 2022?",
        "What were Acme's segment assets of Global Services at December 31, 2022?"]
    assert parts_of("How many votes were withheld for Christopher G. McCann and for Dina Colombo?") == [
        "How many votes were withheld for Christopher G. McCann?", "How many votes were withheld for Dina Colombo?"]
    # a list of questions pasted as one has only its first parts answered, each at the cost of a scoring (but a
    # part that names nothing to look for: "why")
    many = ("How many Acme Widgets shares were issued for Junglo, who got them, when were they issued, why, where "
            "are they traded, and how many went into escrow?")
    assert len(parts_of(many)) == 6
    monkeypatch.setattr(answerer, "_part_answer", lambda part, *rest: asked.append(part))
    asked: list[str] = []
    answerer.assess(many, with_filing_words(many), [passage], {"Acme Widgets, Inc.": ()})
    assert asked == [part for part in parts_of(many)[:4] if part != "why"]
    monkeypatch.undo()
    # the two sides of a comparison are parts: each side's figure is answered, a side that asks nothing of its own
    # asked of the first side's words without its periods
    assert parts_of("How did Acme's sales in the June 2025 quarter compare with its sales in fiscal 2023?") == [
        "How did Acme's sales in the June 2025 quarter", "How did Acme's sales in the quarter its sales in fiscal 2023"]


def test_the_word_naming_a_period_is_not_searched_by_its_words(tmp_path):
    from index.lexical import LexicalIndex

    texts = ["Years Ended December 2, 2022 December 3, 2021\nTotal revenue\t17,606\t15,785\nTotal operating expenses\t"
             "9,343\t8,118\nOperating income\t6,098\t5,802\nInterest expense\t(112)\t(113)\nNet income\t4,756\t4,822",
             "In fiscal 2022 our fiscal year had 52 weeks, and fiscal 2022 operating costs rose.",
             # other chunks, so that the words of the question are rarer than the word "fiscal" in a filing
             "Fiscal 2023 will see new products.", "Our fiscal year ends in December.", "We lease offices in Ohio.",
             "The board met six times.", "Employees numbered 1,200.", "Risk factors follow."]
    lexical = LexicalIndex(tmp_path / "bm25")
    lexical.refresh(1, {"acme": "1"}, lambda ids: {"acme": ([f"acme#{n}" for n in range(len(texts))], texts, [
        {"filing_id": "acme", "company": "Acme", "form": "10-K", "section": "Item 8", "filing_date_num": 20230120}]
        * len(texts))})
    question = with_filing_words("What was Acme's operating income in fiscal 2022?")
    statement, prose = lexical.snapshot().scores(lexical_query(question))[:2]
    assert statement > prose  # the income statement, not prose about the year
    assert "fiscal" not in lexical_query(question) and "FY" not in lexical_query("Acme's FY2022 revenue")
    # searched with the period's word, the prose would come first
    statement, prose = lexical.snapshot().scores(question)[:2]
    assert prose > statement


def test_a_row_labelled_with_what_is_asked_comes_before_rows_labelled_with_more(answerer):
    # the rows of an income statement all hold "revenue"; only one is labelled with nothing but what is asked
    statement = _passage("Acme Widgets, Inc.", "Years Ended\tDecember 2, 2022\tDecember 3, 2021\nRevenue:\n"
                         "Subscription revenue\t16,388\t14,573\nProduct revenue\t532\t555\n"
                         "Total revenue\t17,606\t15,785\n")
    question = "What is Acme Widgets' FY2022 total revenue?"
    scored = _ranked(answerer, question, statement)
    assert scored[0].sentence.text.startswith("Total revenue")
    # rows only compete with rows: a prose sentence's score is what it was
    prose = _passage("Acme Widgets, Inc.", "Total revenue of Acme Widgets rose to $17.6 billion in fiscal 2022.", 2)
    alone, = answerer.scored_sentences(question, with_filing_words(question), [prose])
    beside = next(s for s in answerer.scored_sentences(question, with_filing_words(question), [statement, prose])
                  if not s.sentence.table_row and "17.6" in s.sentence.text)
    assert beside.score == pytest.approx(alone.score)


def test_a_total_row_is_the_total_of_what_its_table_is_of(answerer):
    # a note's breakdown: no row is labelled with what is asked, the caption over them says it
    note = _passage("Acme Widgets, Inc.", "Note 7 - Inventories\nInventories at December 31 consisted of the "
                    "following:\n2022\t2021\nLong-term contracts in progress\t$582\t$872\nCommercial aircraft "
                    "programs\t67,702\t68,106\nTotal\t$78,151\t$78,823\n")
    question = "What was the carrying value of Acme Widgets' inventories at December 31, 2022?"
    assert _ranked(answerer, question, note)[0].sentence.text.startswith("Total")
    # a total under a caption that is not what is asked is no better than any other row
    costs = _passage("Acme Widgets, Inc.", "Note 9 - Capitalized costs\nCosts at December 31 consisted of the "
                     "following:\n2022\t2021\nInventories\t$582\t$872\nTooling\t67,702\t68,106\n"
                     "Total\t$78,151\t$78,823\n")
    assert _ranked(answerer, question, costs)[0].sentence.text.startswith("Inventories")


def test_a_name_is_held_as_a_whole_word_and_one_no_passage_holds_is_off_topic(embedder):
    # every word common, so that only the passages can tell that the index does not hold the name
    answerer = ExtractiveAnswerer(lambda term: 500, lambda: 1000, embedder.embed)
    question = "What comparable sales did Lowe's report for the second quarter of 2024?"
    other = _passage("Acme Widgets, Inc.", "Comparable sales were 2.1% lower in the second quarter of 2024.")
    features = answerer.assess(question, with_filing_words(question), [other]).features
    assert features["off_topic"] == 1.0 and features["names"] < 0  # "lower" does not hold "Lowe"
    lowes = _passage("Lowe's Companies, Inc.", "Lowe's comparable sales decreased 5.1% in the second quarter of 2024.")
    features = answerer.assess(question, with_filing_words(question), [other, lowes]).features
    assert features["off_topic"] == 0.0 and features["names"] == pytest.approx(0.0, abs=0.01)


def test_a_name_the_question_abbreviates_is_held_written_in_full(answerer):
    # NVIDIA's 10-K for fiscal 2023: "under examination by the Internal Revenue Service", asked of the IRS
    question = "Which of Acme Widgets' fiscal years were under IRS examination?"
    full = "We are currently under examination by the Internal Revenue Service for our fiscal years 2018 and 2019."
    assert _feature(answerer, question, full, "off_topic") == 0.0
    # but not by words that only begin with its letters
    assert _feature(answerer, question, full.replace("the Internal Revenue Service", "its regulators in Sweden"),
                    "off_topic") == 1.0


def test_a_name_is_held_by_its_rarest_word_not_by_a_commoner_one(embedder):
    # Southern Company's 2007 overview has no Savannah Electric (merged into Georgia Power), but "Electric" is in
    # its rows: both words are rarer than the distinctive share, "Savannah" the rarer
    frequencies = {"savannah": 5, "electr": 126}
    answerer = ExtractiveAnswerer(lambda term: frequencies.get(term, 1), lambda: 14_000, embedder.embed)
    question = "What were Savannah Electric's operating revenues for full-year 2006?"
    rows = _passage("Southern Company", "12 Months Ended December\n2006\t2005\nOther Electric Revenues\t465\t446",
                    form="8-K", filed="2007-01-25")
    named = _passage("Southern Company", "Savannah Electric's operating revenues were $412 million in 2006.",
                     form="8-K", filed="2006-01-25")
    named = replace(named, chunk=replace(named.chunk, filing=replace(named.chunk.filing, filing_id="another")))
    on_topic = {s.sentence.passage.chunk.text: s.on_topic
                for s in answerer.scored_sentences(question, with_filing_words(question), [rows, named])}
    assert on_topic == {rows.chunk.text: False, named.chunk.text: True}


def test_how_much_with_a_word_for_money_asks_a_sum_whatever_follows_it(answerer):
    question = "How much did Acme Widgets pay Deloitte & Touche in audit fees for fiscal 2023?"
    contents = _passage("Acme Widgets, Inc.", "How Our Board Operates 13", form="DEF 14A", filed="2024-01-26")
    assert answerer.answer(question, with_filing_words(question), [contents]).refused  # a page number is no fee
    assert Asked.of(question, with_filing_words(question), {"fee": 1.0}).asks_money


def test_what_is_asked_goes_on_past_an_abbreviation_in_brackets():
    assert _focus_terms("What was Acme Insurance's statutory (SAP) combined ratio for 2009?", filing_words=False) == [
        "statutori", "combin", "ratio"]
    assert _focus_terms("What was Acme Foods' Frito-Lay North America (FLNA) division net revenue in 2022?",
                        filing_words=False) == ["divis", "net", "revenu"]
    # and past an abbreviation's spelling (Tesla's "FSD (Full Self-Driving)")
    assert _focus_terms("How much FSD (Full Self-Driving) revenue did Acme recognize in Q2 2025?",
                        filing_words=False) == ["revenu"]


def test_what_a_change_or_a_sum_is_of_is_read_before_its_verb():
    assert _focus_terms("How much did MGM China's net revenues fall in Q4 2022?") == ["net", "revenu"]
    assert _focus_terms("How much did tariffs cost Acme in Q3 FY25, in $?") == ["tariff", "cost"]


def test_a_filing_cannot_report_a_period_ending_in_a_month_after_it_was_filed_whatever_quarter_it_names(answerer):
    question = "How much revenue did Acme Widgets' online store generate in the December 1998 quarter?"
    text = "The Company generated $15 million in revenue from its online store during the first quarter of 1998."
    early = _passage("Acme Widgets, Inc.", text, form="10-Q", filed="1998-02-09")  # on the December 1997 quarter
    assert answerer.answer(question, with_filing_words(question), [early]).refused
    later = _passage("Acme Widgets, Inc.", text.replace("1998", "1999"), form="10-Q", filed="1999-02-09")
    assert "$15 million" in answerer.answer(question, with_filing_words(question), [later]).text


def test_a_filing_cannot_give_a_result_on_a_day_named_after_it_was_filed(answerer):
    question = "How many Sprocket stores did Acme Widgets operate at the end of fiscal 2024 (February 3, 2024)?"
    text = "Acme Widgets operated 22 Sprocket stores, up from 18 a year earlier."

    def passage(form: str, filed: str, period: str) -> Passage:
        plain = _passage("Acme Widgets, Inc.", text, form=form, filed=filed)
        return replace(plain, chunk=replace(plain.chunk, filing=replace(plain.chunk.filing, period=period)))

    # a second-quarter report of fiscal 2024, which ends in February 2024: its year, not its day
    early = passage("10-Q", "2023-09-01", "2023-07-29")
    assert answerer.answer(question, with_filing_words(question), [early]).refused
    later = passage("10-K", "2024-03-20", "2024-02-03")
    assert not answerer.answer(question, with_filing_words(question), [later]).refused


def test_a_figure_of_a_region_is_given_with_the_regions_name(answerer):
    products = _passage("Acme Pharma Inc.", "Three Months Ended July 2, 2023\n(MILLIONS)\tU.S.\tInternational\t"
                        "Worldwide\nIbrance\t$\t850\t$\t397\t$\t1,247\n", form="10-Q", filed="2023-08-09")

    def states(question: str, passage: Passage = products) -> bool:
        return _ranked(answerer, question, passage)[0].states_value_asked

    assert states("How much Ibrance revenue did Acme Pharma generate in the second quarter of 2023?")
    assert states("How much Ibrance revenue did Acme Pharma generate in the US in the second quarter of 2023?")
    assert not states("How much Ibrance revenue did Acme Pharma generate in China in the second quarter of 2023?")
    # the region may be in the heading above the sentence, or in an abbreviated name the rows go by
    bullets = _passage("Acme Resorts, Inc.", "MGM China\n\u2022 Net revenues of $175 million in the current quarter "
                       "compared to $315 million in the prior year quarter.\n", form="8-K", filed="2023-02-08")
    assert states("What were Acme Resorts' MGM China net revenues in the fourth quarter of 2022?", bullets)
    division = _passage("Acme Foods, Inc.", "Net revenue by division\n2022\t2021\nLatAm\t$\t9,779\t$\t8,108\n")
    assert states("What was Acme Foods' Latin America (LatAm) division net revenue in 2022?", division)
    # a row named in words and by its abbreviation is the region a question names either way
    regions = _passage("Acme Media, Inc.", "Three Months Ended\nJune 30, 2025\tJune 30, 2024\n"
                       "(in thousands)\nAsia-Pacific (APAC)\t1,305,253\t1,051,833\n", form="10-Q", filed="2025-07-18")
    assert _row_states(answerer, "Acme Media Q2 2025 revenue from Asia-Pacific?", regions, "Asia-Pacific")
    assert _row_states(answerer, "Acme Media Q2 2025 APAC revenue?", regions, "Asia-Pacific")
    # but not another table's rows above it: the footnote under a table of stores by state names no state
    stores = _passage("Acme Stores, Inc.", "U.S. Stores (1)\nKentucky\t9\tTexas\t100\nLouisiana\t15\tUtah\t11\n"
                      "(1) Includes 20 outlet stores and 14 stand-alone stores.")
    assert not any(s.states_value_asked for s in _ranked(
        answerer, "How many Acme Stores stores were there in Texas?", stores) if s.sentence.text.startswith("(1)"))


def test_a_figure_of_a_model_is_given_with_the_models_number(answerer):
    costs = _passage("Acme Aircraft Company", "We expensed abnormal production costs of $325 on the 777X program "
                     "during the year ended December 31, 2022.")

    def states(question: str) -> bool:
        return _ranked(answerer, question, costs)[0].states_value_asked

    assert states("How much of Acme Aircraft's 2022 abnormal production costs related to the 777X program?")
    assert not states("How much of Acme Aircraft's 2022 abnormal production costs related to the 767 program?")
    # a sum of money is no model's number
    assert states("How much of Acme Aircraft's 2022 abnormal production costs exceeded $300 on the 777X program?")


def test_a_meeting_dated_by_its_year_is_not_another_years_meeting(answerer):
    # the passage names 2022 too (the year whose results the meeting heard)
    votes = ("Acme Widgets held its {year} Annual Meeting of Shareholders on May 3, {year}, after its results for "
             "2022.\n"
             "Nominee\tFor\tAgainst\tAbstain\nJane Q. Doe\t1,005,178,935\t12,334,137\t2,634,817\n")
    question = "How many votes were cast for Jane Q. Doe's election as an Acme Widgets director at the 2022 annual meeting?"

    def refused(year: int) -> bool:
        passage = _passage("Acme Widgets, Inc.", votes.format(year=year), form="8-K", filed=f"{year}-05-05")
        return answerer.answer(question, with_filing_words(question), [passage]).refused

    assert refused(2023) and not refused(2022)


def test_a_vice_president_abbreviated_is_the_analysts_word_not_a_name():
    question = "Who took over the duties of Acme's Senior VP of Manufacturing after Mark Gherardi resigned?"
    assert not any("VP" in name for name in _names_in(question))
    assert "vice president" in with_filing_words(question)


def test_a_number_beside_another_stem_of_the_word_asked_about_states_it(answerer):
    # 3M's 2018 10-K: "employed", which the stemmer cuts to "employ", not to the question's "employe"
    question = "How many employees did Acme Widgets have in total as of December 31, 2018?"
    passage = _passage("Acme Widgets, Inc.", "At December 31, 2018, the Company employed 93,516 people (full-time "
                       "equivalents), with 37,412 employed in the United States.", filed="2019-02-07")
    assert "93,516" in answerer.answer(question, with_filing_words(question), [passage]).text
    shares = "Acme had 1,200 shareholders of record at December 31, 2018."  # "share" is no stem of it
    asked = Asked.of("How many shares did Acme Widgets buy back in 2018?",
                     with_filing_words("How many shares did Acme Widgets buy back in 2018?"), {"share": 1.0})
    assert "number" not in asked.filled_by(shares)


def test_the_companys_row_among_rows_labelled_alike_without_a_header_is_looked_for_in_its_passage(answerer):
    # Sears' release of July 2004: its 13 weeks' and 26 weeks' income statements are fixed-width tables whose
    # headers are not read; the 26 weeks' larger "Total revenues" is no company total of the quarter's
    question = "What were Acme Widgets' total revenues for the second quarter of 2004 (13 weeks ended July 3, 2004)?"
    quarter = _passage("Acme Widgets, Inc.", "For the 13 Weeks Ended July 3, 2004\n\nMerchandise sales\t7,673\t1,108\n"
                       "Total revenues\t7,673\t1,108\t8,781", form="8-K", filed="2004-07-22")
    half = _passage("Acme Widgets, Inc.", "For the 26 Weeks Ended July 3, 2004\n\nMerchandise sales\t14,462\t2,113\n"
                    "Total revenues\t14,462\t2,113\t16,575", rank=2, form="8-K", filed="2004-07-22")
    text = answerer.answer(question, with_filing_words(question), [quarter, half], {"Acme Widgets, Inc.": ()}).text
    assert text.startswith("Total revenues 7,673 1,108 8,781.")


def test_a_place_abbreviated_in_capitals_is_the_analysts_word_not_a_name():
    question = "How many people did 3M employ at the end of 2018, split US vs international?"
    assert analysts_words(question)["us"] == PLACES["us"] and _names_in(question) == []
    assert "us" not in analysts_words("Tell us how many people 3M employed in 2018.")


def test_a_verb_asked_in_the_present_is_held_by_its_irregular_past(answerer):
    # a stemmer keeps "pay" and "paid" apart; a cash flow statement says "Cash dividends paid"
    question = "How much did Acme Widgets pay in cash dividends in 2022?"
    assert "paid" in with_filing_words(question) and "paid" in lexical_query(with_filing_words(question))
    row, = _ranked(answerer, question, _passage("Acme Widgets, Inc.", "Cash dividends paid\t(6,172)\t(5,815)"))
    without = _ranked(answerer, "How much did Acme Widgets return in cash dividends in 2022?",
                      _passage("Acme Widgets, Inc.", "Cash dividends paid\t(6,172)\t(5,815)"))[0]
    assert row.features["own_coverage"] > without.features["own_coverage"]


def test_a_person_named_after_a_title_is_the_person_asked_for(answerer):
    question = "Who was Acme Widgets' CFO when it reported 2006 results?"
    call = _passage("Acme Widgets, Inc.", "The analyst call will be at 1 p.m., at which time Chief Financial Officer "
                    "Thomas A. Fanning will discuss earnings.")
    scored, = answerer.scored_sentences(question, with_filing_words(question), [call])
    assert scored.filled == {"person"}  # not "Officer Thomas", a title and a first name
    titles_only = _passage("Acme Widgets, Inc.", "The Chief Financial Officer of Acme Widgets will discuss earnings.")
    scored, = answerer.scored_sentences(question, with_filing_words(question), [titles_only])
    assert not scored.filled
    # nor does a sentence naming no role a person the question asks by role: a release's dateline names none
    question = "Who is Acme Cancer's Chief Executive Officer, according to its December 3, 2024 press release?"
    release = _passage("Acme Cancer, Ltd.", "HAMILTON, BERMUDA, December 3, 2024 - Acme Cancer, Ltd. today announced "
                       "that the Israeli Ministry of Health has approved the use of Low Volume UNO in a trial. \u201cWe "
                       "are pleased,\u201d stated Dr. Selena Chaisson, Chief Executive Officer of Acme Cancer.",
                       form="EX-99.1", filed="2024-12-03")
    filled = {s.sentence.text[:8]: s.filled for s in answerer.scored_sentences(question, with_filing_words(question),
                                                                              [release])}
    assert filled == {"HAMILTON": frozenset(), "\u201cWe are ": frozenset({"person"})}
    # the names that say which release is asked about may be in its other passage (its headline)
    question = "Who is Acme Cancer's Chief Medical Officer quoted in the Dec 3, 2024 release on the Israeli approval?"
    headline = _passage("Acme Cancer, Ltd.", "HAMILTON, BERMUDA, December 3, 2024 - Acme Cancer, Ltd. today announced "
                        "that the Israeli Ministry of Health has approved its trial.", form="EX-99.1", filed="2024-12-03")
    quote = _passage("Acme Cancer, Ltd.", "\u201cWe are excited to begin,\u201d said Dr. Jedidiah Monson, Chief Medical "
                     "Officer of Acme Cancer.", rank=2, form="EX-99.1", filed="2024-12-03")
    quoted = next(s for s in answerer.scored_sentences(question, with_filing_words(question), [headline, quote])
                  if "Monson" in s.sentence.text)
    assert quoted.on_topic and quoted.filled == {"person"}
    from qa.answerer import _role_asked

    assert _role_asked(question)  # a chief medical officer is told from other chiefs by "medical"
    # but not the names of what is asked: a table of regions is not of Costa, though the 10-K names it elsewhere
    question = "What net operating revenues did Acme's Costa coffee business generate in 2024?"
    regions = _passage("Acme Beverages, Inc.", "Year Ended December 31,\t2024\t2023\nUnited States\t$\t18,362\t$\t"
                       "16,550\nInternational\t28,699\t29,204\n", filed="2025-02-20")
    costa = _passage("Acme Beverages, Inc.", "Most of our coffee revenues come through Costa, which operates coffee "
                     "shops.", rank=2, filed="2025-02-20")
    rare_costa = ExtractiveAnswerer(lambda term: 5 if term == "costa" else 300, lambda: 1000, answerer.embed)
    assert not any(s.on_topic for s in rare_costa.scored_sentences(question, with_filing_words(question),
                                                                   [regions, costa]) if s.sentence.passage is regions)
    # nor do the words of a body's or a report's name (an audit committee's charter in an 8-K of March 2016)
    question = "Who chairs Acme Widgets' audit committee?"
    charter = _passage("Acme Widgets, Inc.", "Committee members and the Committee chair will be recommended by the "
                       "Corporate Governance and Nominating Committee. The Committee shall review the Quarterly Reports.")
    assert not any(s.filled for s in answerer.scored_sentences(question, with_filing_words(question), [charter]))


def test_the_months_a_question_names_are_looked_for_in_the_passage_and_its_date(answerer):
    question = "What total revenue did Acme Widgets report for the quarter ended November 30, 2024?"
    assert [_ranked(answerer, question, _passage("Acme Widgets, Inc.", text))[0].features["months"] for text in (
        "Total revenues were $14.1 billion for the quarter ended November 30, 2024.",
        "Total revenues were $13.3 billion for the three months ended August 31, 2024.",
        "Total revenues were $14.1 billion for the quarter ended Nov. 30, 2024.")] == [1.0, 0.0, 1.0]
    # a filing dated in the month holds it (an 8-K filed on 2025-02-01 for "in February 2025")
    question = "What did Acme Widgets announce in February 2025?"
    passage = _passage("Acme Widgets, Inc.", "Acme Widgets announced a new credit facility of $500 million.")
    assert answerer.assess(question, with_filing_words(question), [passage]).features["months"] == 1.0


def test_a_table_row_is_read_with_the_label_of_its_group_of_rows(answerer):
    # the segment's row says "Greater China" only; its group's label says what the figures are
    release = _passage("Acme Widgets, Inc.", "Three Months Ended\nDecember 30, 2023\tDecember 31, 2022\n"
                       "Net sales by reportable segment:\nAmericas\t$\t50,430\t$\t49,278\n"
                       "Greater China\t20,819\t23,905\nTotal net sales\t$\t119,575\t$\t117,154\n")
    question = "How much revenue did Acme Widgets generate in Greater China in the December 2023 quarter?"
    scored = _ranked(answerer, question, release)
    assert scored[0].sentence.text.startswith("Greater China") and scored[0].states_value_asked
    assert scored[0].sentence.group == "Net sales by reportable segment:"


def test_a_row_labelled_with_the_questions_words_states_the_figure_asked_for(answerer):
    # a chunk cut from inside a table: its title ("Net sales by reportable segment") is in the chunk before
    rows = _passage("Acme Widgets, Inc.", "Europe\t24,014\t21,884\t10\t%\nGreater China\t15,369\t14,728\t4\t%\n"
                    "Japan\t5,782\t5,097\t13\t%\n", form="10-Q", filed="2025-08-01")
    question = "How much revenue did Acme Widgets make in Greater China in the June 2025 quarter?"
    scored = {s.sentence.text.split("\t")[0]: s for s in
              answerer.scored_sentences(question, with_filing_words(question), [rows])}
    assert scored["Greater China"].states_value_asked and not scored["Japan"].states_value_asked
    assert scored["Greater China"].score > scored["Japan"].score
    # a row labelled with the company's own name is no figure of what is asked about it (a store count's row)
    stores = _passage("Acme Widgets, Inc.", "Acme Widgets\t908\t907\nAcme Mobile\t12\t11\n", filed="2025-08-01")
    revenue = "How much revenue did Acme Widgets make in the June 2025 quarter?"
    row = next(s for s in answerer.scored_sentences(revenue, with_filing_words(revenue), [stores],
                                                    {"Acme Widgets, Inc.": ()}) if s.sentence.text.startswith("Acme W"))
    assert not row.states_value_asked
    # nor is a row labelled with the period asked alone: it says when, not what (a table of rate scenarios)
    scenarios = _passage("Acme Widgets, Inc.", "Scenario\tLow\tHigh\nFourth quarter of 2022\t4%\t9%\n")
    income = "What was Acme Widgets' net income for the fourth quarter of 2022?"
    assert not next(s for s in answerer.scored_sentences(income, with_filing_words(income), [scenarios])
                    if s.sentence.text.startswith("Fourth")).states_value_asked


def test_a_table_row_labelled_with_the_questions_words_is_a_line_item_it_names():
    from qa.retrieval import _holds_line_item, _line_item_words

    asked = _line_item_words(with_filing_words("What were Acme Widgets' total liabilities at June 30, 2023?"))
    assert _holds_line_item("Current liabilities:\nTotal liabilities\t$\t12,913\t$\t13,285\n", asked)
    assert _holds_line_item("Liabilities\t$\t12,913\t$\t13,285\n", asked) is False  # one word says little
    assert not _holds_line_item("Total liabilities were $12,913 million.", asked)  # prose, not a row
    assert not _holds_line_item("Acme Widgets\t12,913\n", asked)  # the question's names are no line item
    assert not _holds_line_item("Total other\t12,913\n", asked)


def test_a_name_is_held_by_its_abbreviation_in_brackets(answerer):
    question = "What was Acme Widgets' Frito-Lay North America (FLNA) division net revenue in 2022?"
    assert _names_in(question) == [["Acme", "Widgets"], ["Frito-Lay", "North", "America", "FLNA"]]
    row = _passage("Acme Widgets, Inc.", "Net Revenue\t2022\t2021\nFLNA\t$\t23,291\t$\t19,608\n")
    best = _ranked(answerer, question, row)[0]
    assert best.on_topic and best.features["names"] == pytest.approx(0.0, abs=0.01)


def test_a_row_labelled_in_the_questions_words_is_no_restatement_of_it(answerer):
    cash_flows = _passage("Acme Widgets, Inc.", "Condensed Consolidated Statements of Cash Flows\n(In thousands)\n"
                          "Fiscal Years\t2022\t2021\nNet cash provided by operating activities\t1,481,915\t1,059,265\n"
                          "Net cash used in investing activities\t(314,584)\t(176,484)\n"
                          "Net cash used in financing activities\t(861,014)\t(1,497,216)\n")
    question = "What was Acme Widgets' net cash provided by operating activities for fiscal 2022, in thousands?"
    scored = {s.sentence.text.split("\t")[0]: s for s in _ranked(answerer, question, cash_flows)}
    assert next(iter(scored)) == "Net cash provided by operating activities"
    assert scored["Net cash provided by operating activities"].features["novelty"] == pytest.approx(0.0, abs=0.01)
    # a headline that says no more than the question does is one
    headline = _passage("Acme Widgets, Inc.", "Acme Widgets reports net cash provided by operating activities for "
                        "fiscal 2022 of $1.5 billion.")
    assert _ranked(answerer, question, headline)[0].features["novelty"] < -0.1


def test_how_many_asks_for_a_count_which_a_row_of_money_is_not(answerer):
    question = "How many paid Creative Cloud subscribers did Acme Widgets have at the end of fiscal 2022?"

    def states(row: str) -> bool:
        table = _passage("Acme Widgets, Inc.", f"Fiscal Years\t2022\t2021\n{row}\n")
        return next(s.states_value_asked for s in answerer.scored_sentences(question, with_filing_words(question),
                                                                            [table]) if s.sentence.text == row)

    assert not states("Creative Cloud\t$\t10,459\t$\t9,546")  # revenue, in dollars
    assert states("Creative Cloud paid subscribers\t31,200\t29,900")


def test_a_sentence_about_another_quarter_than_the_one_asked_is_marked(answerer):
    assert quarters_named("its fiscal second quarter of 2025, 2Q24 and Q3'23, not the quarter ended May 31") == {2, 3}
    question = "What total revenue did Acme Widgets report for its fiscal second quarter of 2025?"

    def other_quarter(text: str) -> float:
        return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text))[0].features["other_quarter"]

    assert [other_quarter(text) for text in (
        "Total revenues were $13.3 billion in the first quarter of fiscal 2025.",
        "Total revenues were $14.1 billion in the second quarter of fiscal 2025.",
        "Total revenues were $14.1 billion in the three months ended November 30, 2024.")] == [1.0, 0.0, 0.0]
    # the quarter a release's outlook is for is not the one its passage reports (Apple's release of January 2011)
    release = _passage("Acme Widgets, Inc.", "Acme sold 19.45 million widgets during the quarter, a seven percent "
                       "unit decline. Looking ahead to the second fiscal quarter of 2011, we expect revenue of about "
                       "$22 billion.", form="8-K", filed="2011-01-18")
    assert _row_states(answerer, "How many widgets did Acme Widgets sell in its fiscal Q1 2011?", release, "Acme sold")


def test_a_price_asked_for_is_a_sum_of_money_in_prose():
    question = "What was the repricing price in Acme Widgets' December 1997 option exchange program?"
    asked = Asked.of(question, with_filing_words(question), {t: 1.0 for t in _focus_terms(question)})
    assert asked.asks_money
    assert "number" not in asked.filled_by("Approximately 2.9 million options were exchanged and repriced.")
    assert "number" in asked.filled_by("Options with an exercise price above $13.6875 were repriced at $13.6875.")
    assert "number" in asked.filled_by("Repricing price\t13.6875\t9.50")  # a row's currency is in its header
    for ratio in ("What was Acme Widgets' CEO pay ratio for fiscal 2023?",
                  "What was Acme Widgets' cost of sales as a percentage of net sales in fiscal 2023?"):
        assert not Asked.of(ratio, ratio, {t: 1.0 for t in _focus_terms(ratio)}).asks_money


def test_a_sentence_naming_only_other_years_stands_behind_one_naming_the_year_asked(answerer, monkeypatch):
    passage = _passage("Acme Widgets, Inc.", "On May 14, 1996, the Board of Directors approved an option exchange "
                       "program at an exercise price of $9.25. In December 1997 the Board of Directors approved an "
                       "option exchange program at an exercise price of $13.6875.")
    question = "What was the exercise price of Acme Widgets' December 1997 option exchange program?"
    best = max(answerer.scored_sentences(question, with_filing_words(question), [passage]), key=lambda s: s.score)
    assert "13.6875" in best.sentence.text

    def may_1996(question: str) -> float:
        return next(s.score for s in answerer.scored_sentences(question, with_filing_words(question), [passage])
                    if s.sentence.text.startswith("On May"))

    price, when = question, "When did Acme Widgets' Board approve the option exchange program its 1997 report names?"
    penalised = may_1996(price), may_1996(when)
    monkeypatch.setattr("qa.answerer.OTHER_YEAR", 1.0)
    assert may_1996(price) > penalised[0]
    assert may_1996(when) == penalised[1]  # when a date is asked for, another year may be the answer


def test_a_statement_row_says_the_fiscal_year_its_header_dates_and_non_operating_is_not_operating(answerer):
    question = "What was Acme Widgets' operating income in fiscal 2022?"
    statement = _passage("Acme Widgets, Inc.", "Years Ended\tDecember 2, 2022\tDecember 3, 2021\n"
                         "Revenue\t17,606\t15,785\nOperating income\t6,098\t5,802\n")
    other = _passage("Acme Widgets, Inc.", "Non-operating income (expense) for fiscal 2022 and 2021 was as "
                     "follows:\nInterest income\t$\t61\t$\t17\nOther\t1\t—\n")
    scored = answerer.scored_sentences(question, with_filing_words(question), [other, statement])
    best = max(scored, key=lambda s: s.score)
    assert best.sentence.text.startswith("Operating income")


    def row_coverage(header: str) -> float:
        table = _passage("Acme Widgets, Inc.", f"{header}\nRevenue\t17,606\t15,785\nOperating income\t6,098\t5,802\n")
        return next(s.features["own_coverage"] for s in
                    answerer.scored_sentences(question, with_filing_words(question), [table])
                    if s.sentence.text.startswith("Operating income"))

    # the header's "December 2, 2022" says "fiscal 2022"
    assert row_coverage("Years Ended\tDecember 2, 2022\tDecember 3, 2021") > row_coverage(
        "Years Ended\tDecember 3, 2021\tNovember 27, 2020")


def test_a_figure_of_another_period_is_not_the_figure_asked_for(answerer):

    def states(question: str, text: str) -> bool:
        passage = _passage("Acme Widgets, Inc.", text)
        return next(s.states_value_asked for s in answerer.scored_sentences(question, with_filing_words(question),
                                                                            [passage]) if "9,3" in s.sentence.text)

    annual = "Years Ended December 31\t2022\t2021\nNet revenue\t86,392\t79,474\nNet income\t8,910\t7,618\n"
    assert states("What was Acme Widgets' net revenue in 2022?", annual.replace("86,392", "9,392"))
    # a row's figures are for the years its header names
    assert not states("What was Acme Widgets' net revenue in 2023?", annual.replace("86,392", "9,392"))
    # whole years are no quarter
    assert not states("What was Acme Widgets' net revenue in the fourth quarter of 2022?",
                      annual.replace("86,392", "9,392"))
    quarter = "Three Months Ended\tDecember 31, 2022\tDecember 31, 2021\nNet revenue\t9,392\t8,474\nNet income\t1\t2\n"
    assert states("What was Acme Widgets' net revenue in the fourth quarter of 2022?", quarter)
    # a year ended early in the year may be named after the year before (a retailer's fiscal 2022)
    retail = "Fiscal Year Ended\tJanuary 28, 2023\nNet sales\t$\t9,315\nNet income\t$\t1,242\n"
    assert states("What were Acme Widgets' net sales in fiscal 2022?", retail)
    assert not states("What were Acme Widgets' net sales in fiscal 2021?", retail)
    # prose about another quarter, and an annual report's passage that names no quarter, state the year's figure
    assert not states("What was Acme Widgets' net revenue in the fourth quarter of 2022?",
                      "Net revenue was $9,392 million in the third quarter of 2022, up 5%.")
    assert not states("What was Acme Widgets' net revenue in the fourth quarter of 2022?",
                      "Net revenue was $9,392 million in 2022, up 5% from 2021.")
    assert states("What was Acme Widgets' net revenue in the fourth quarter of 2022?",
                  "Net revenue was $9,392 million in the fourth quarter of 2022, up 5%.")
    # a sentence that names no quarter is of its passage's quarter (a fourth-quarter release's highlights)
    highlights = "Fourth quarter highlights:\nNet revenues were $9,392 million, up 5% from the prior year."
    assert states("What were Acme Widgets' net revenues in the fourth quarter of 2022?", highlights)
    assert not states("What were Acme Widgets' net revenues in the first quarter of 2023?", highlights)
    # ... unless it names a whole year's figure
    assert not states("What were Acme Widgets' net revenues in the fourth quarter of 2022?",
                      "Fourth quarter sales rose 5%. Acme Widgets generated 2022 net revenues of $9,392 million.")
    assert not states("What were Acme Widgets' net revenues in the fourth quarter of 2022?",
                      "Fourth quarter sales rose 5%. Net revenues were $9,392 million in the current year.")
    assert states("What were Acme Widgets' net revenues in the fourth quarter of 2022?",
                  "Fourth quarter sales rose 5%. Net revenues were $9,392 million in the current year quarter.")
    # a year-to-date period names the quarter it ends with: a second quarter's "three and six months"
    year_to_date = "Net revenues were $9,392 million and $18,310 million in the three and six months ended July 2, 2023."
    assert not states("What were Acme Widgets' net revenues in the third quarter of 2023?", year_to_date)
    assert states("What were Acme Widgets' net revenues in the second quarter of 2023?", year_to_date)
    # a period ending in another month than the one asked, give or take the days a fiscal quarter ends early or late
    june = "Three Months Ended June 30\t2023\t2022\nNet revenue\t9,392\t8,474\n"
    assert not states("What was Acme Widgets' net revenue for the quarter ended September 30, 2023?", june)
    assert states("What was Acme Widgets' net revenue for the June 2023 quarter?", june.replace("June 30", "July 1"))
    # a row labelled with another year than the one asked
    assert not states("What was Acme Widgets' net revenue in the fourth quarter of 2022?",
                      "Quarterly results\tAmount\nNet revenue, fourth quarter of 2023\t9,392\n")
    assert states("What was Acme Widgets' net revenue in the fourth quarter of 2022?",
                  "Quarterly results\tAmount\nNet revenue, fourth quarter of 2022\t9,392\n")


def test_what_is_asked_about_is_read_past_a_long_name_and_not_in_a_comparison(answerer):
    assert _focus_terms("What were Acme Widgets International's consolidated net revenues for 2022?") == [
        "consolid", "net", "revenu"]

    def states(question: str, text: str) -> bool:
        return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text))[0].states_value_asked

    comparable = "What comparable sales growth did Acme Widgets report for 2022?"
    assert states(comparable, "Comparable sales grew 4.2% in 2022.")
    assert not states(comparable, "Acme Widgets will put 90% of its R&D in its businesses, compared to 70% in 2022.")
    # a scale is no figure without its number: a chart's axis
    assert not states("What were Acme Widgets' net sales in 2022?", "Net sales\n$ million")


def test_a_value_the_filing_leaves_blank_is_not_answered_with_a_figure_near_its_words(answerer):
    question = "At what price per share was Acme Widgets' December 2024 common stock offering priced?"

    def chosen(price_row: str) -> list[str]:
        # a preliminary prospectus: the price is filled in only when the offering is priced
        prospectus = _passage("Acme Widgets, Inc.", f"Per Share\tTotal\n{price_row}\n"
                              "The last reported closing price of our common stock on December 11, 2024 was $17.41 "
                              "per share.")
        assessment = answerer.assess(question, with_filing_words(question), [prospectus], {"Acme Widgets, Inc.": ()})
        return [s.sentence.text for s in assessment.chosen]

    assert chosen("Public offering price\t$\t$") == []
    assert chosen("Public offering price\t$\t16.00\t$\t50,000,000")
    offering = _passage("Acme Widgets, Inc.", "We are offering \u2007\u2007\u2007\u2007 shares at a price of $ "
                        "\u2007\u2007\u2007\u2007 per share. Our closing price on December 11, 2024 was $17.41.")
    assert answerer.assess(question, with_filing_words(question), [offering]).chosen == []


def test_a_line_item_asked_in_an_analysts_paraphrase_is_read_from_the_row_the_filing_labels(answerer):
    balance_sheet = _passage("Acme Widgets, Inc.", "Consolidated Balance Sheets\nDecember 31,\t2024\t2023\n"
                             "Inventories:\nRaw materials\t120\t111\nFinished goods\t300\t281\n"
                             "Property, plant and equipment, net\t44,502\t43,715\n"
                             "Total stockholders' equity\t77,314\t72,913\n")

    def stated(question: str) -> str:
        return next(s.sentence.text for s in _ranked(answerer, question, balance_sheet) if s.states_value_asked)

    # the words analysts use for a line item that its label does not print (qa.vocabulary.FILING_WORDS_FOR)
    assert stated("How much finished product did Acme Widgets hold in inventory at December 31, 2024?").startswith(
        "Finished goods")
    assert stated("What were Acme Widgets' net fixed assets at the end of 2024?").startswith("Property")
    assert stated("What was Acme Widgets' book value at December 31, 2024?").startswith("Total stockholders")
    answer = _answer_from(answerer, "What was Acme Widgets' book value at December 31, 2024?", balance_sheet)
    assert not answer.refused and "77,314" in answer.text
    # and a plan's room for more grants, as its prose says it
    plan = _passage("Acme Widgets, Inc.", "The number of common shares currently available for future grants under "
                    "the Plan is 4,735,000 common shares.")
    answer = _answer_from(answerer, "How much headroom was left in Acme Widgets' stock option plan?", plan)
    assert not answer.refused and "4,735,000" in answer.text


def test_a_row_under_groups_of_groups_is_of_what_every_group_line_names(answerer):
    investments = _passage("Acme Widgets, Inc.", "Summary of Investments\nFair value as of December 31,\t2009\t2008\n"
                           "Fixed Maturities:\nBonds, available for sale:\nU.S. Treasury\t5,263\t5,244\n"
                           "Corporate securities\t85,403\t80,000\n")

    def states(question: str) -> bool:
        return next(s.states_value_asked for s in _ranked(answerer, question, investments)
                    if s.sentence.text.startswith("U.S."))

    # "Bonds" is in the second line of the row's group: the row is of bonds, and of no kind of them it does not name
    assert not states("What was the fair value of Acme Widgets' municipal bonds at December 31, 2009?")
    assert states("What was the fair value of Acme Widgets' U.S. Treasury bonds at December 31, 2009?")


def test_a_quarterly_report_named_by_its_quarter_names_no_period_of_what_is_asked(answerer):
    note = _passage("Acme Widgets, Inc.", "Other income included the following:\nThree months ended June 30,\tSix "
                    "months ended June 30,\nMillions\t2025\t2024\t2025\t2024\nReal estate income\t$\t102\t$\t57\t$"
                    "\t166\t$\t122\n", form="10-Q", filed="2025-07-24")

    def states(question: str) -> bool:
        return next(s.states_value_asked for s in _ranked(answerer, question, note) if s.sentence.text.startswith("Re"))

    # a whole year asked, from a report the question names by its quarter: no column is the year's
    assert not states("How much real estate income did Acme Widgets record for full-year 2024, per its 10-Q for the "
                      "quarter ended June 30, 2025?")
    # the report's quarter is the period asked when the question names no other
    assert states("How much real estate income did Acme Widgets record, per its 10-Q for the quarter ended June 30, "
                  "2025?")


def test_a_row_labelled_with_part_of_what_is_asked_is_another_line_item(answerer):
    statement = _passage("Acme Widgets, Inc.", "Consolidated Statements of Operations\nFiscal Years\t2022\t2021\n"
                         "Net sales\t$\t10,208\t$\t8,630\nGain on consolidation of a joint venture, net\t—\t(1,562)\n"
                         "Net income\t$\t1,242\t$\t1,1148\n")

    def states(question: str, label: str) -> bool:
        return next(s.states_value_asked for s in _ranked(answerer, question, statement)
                    if s.sentence.text.startswith(label))

    assert states("What were Acme Widgets' net sales in fiscal 2022?", "Net sales")
    assert not states("What were Acme Widgets' e-commerce net sales in fiscal 2022?", "Net sales")  # the total
    assert not states("What were Acme Widgets' consolidated net revenues in fiscal 2022?", "Gain on consolidation")
    # the statement's title is no word of the row's: "Operations" over "Net income" is not operating income
    assert not states("What was Acme Widgets' operating income in fiscal 2022?", "Net income")
    assert states("What was Acme Widgets' net income in fiscal 2022?", "Net income")
    # the rest of what is asked may be said by the table's title, or by the row's group of rows
    categories = _passage("Acme Widgets, Inc.", "Net sales by category (in millions):\nThree Months Ended\t"
                          "June 28, 2025\tJune 29, 2024\niPhone\t$\t44,582\t$\t39,296\n", form="10-Q",
                          filed="2025-08-01")
    assert next(s.states_value_asked for s in _ranked(answerer, "What were Acme Widgets' iPhone sales in the June "
                                                      "2025 quarter?", categories) if s.sentence.text.startswith("iP"))
    channels = _passage("Acme Widgets, Inc.", "Fiscal Years\t2022\t2021\nNet sales by channel:\n"
                        "Stores\t$\t8,000\t$\t7,001\nE-commerce\t$\t2,208\t$\t1,629\n")
    assert next(s.states_value_asked for s in _ranked(answerer, "What were Acme Widgets' e-commerce net sales in "
                                                      "fiscal 2022?", channels) if s.sentence.text.startswith("E-c"))
    # "gross" says the figure is before what is deducted from it, not which line item (Amcor's 10-K for fiscal 2023)
    components = _passage("Acme Widgets, Inc.", "Note 9 - Property, Plant, and Equipment, Net\nJune 30,\t2023\t2022"
                          "\nBuildings and improvements\t1,483\t1,323\nAccumulated depreciation\t(4,008)\t(3,846)\n")
    assert next(s.states_value_asked for s in _ranked(answerer, "Acme Widgets FY2023 property, plant and equipment "
                                                      "note: gross buildings and improvements at June 30, 2023?",
                                                      components) if s.sentence.text.startswith("Buildings"))
    # a region is a part of the company, as a segment is, which its row's label names (Apple's 10-K of 1994)
    transfers = _passage("Acme Widgets, Inc.", "(In thousands)\n1994\t1993\n"
                         "Transfers between geographic areas (eliminated in consolidation):\n"
                         "United States\t$\t408,635\t$\t420,323\nPacific\t1,633,413\t1,772,440\n")
    assert next(s.states_value_asked for s in _ranked(answerer, "How much did Acme Widgets' Pacific region transfer "
                                                      "between geographic areas in fiscal 1994?", transfers)
                if s.sentence.text.startswith("Pacific"))


def test_a_row_holding_nothing_of_the_measure_asked_states_no_figure_of_it(answerer):
    results = _passage("Acme Resorts, Inc.", "Three Months Ended\tDecember 31, 2022\tDecember 31, 2021\n"
                       "Desert Strip Resorts net revenues\t$\t2,297\t$\t1,806\n"
                       "Revenue per available room (REVPAR)\t$\t238\t$\t173\n", form="8-K")

    def states(question: str, label: str) -> bool:
        return next(s.states_value_asked for s in _ranked(answerer, question, results)
                    if s.sentence.text.startswith(label))

    revpar = "What was Acme Resorts' Desert Strip RevPAR for the fourth quarter of 2022?"
    assert not states(revpar, "Desert Strip")  # its names and another measure: no RevPAR
    assert states(revpar, "Revenue per available room")
    assert states("What were Acme Resorts' Desert Strip net revenues for the fourth quarter of 2022?", "Desert Strip")
    # a row labelled with the question's names alone is labelled with its words: what is asked about
    votes = _passage("Acme Resorts, Inc.", "Nominee\tFor\tAgainst\tAbstain\nKathryn J. Moor\t57,172,731\t"
                     "1,203,114\t88,305\nJohn Q. Public\t56,001,200\t2,010,334\t90,112\n", form="8-K")
    assert next(s.states_value_asked for s in _ranked(
        answerer, "How many votes were cast for Kathryn J. Moor at Acme Resorts' 2024 annual meeting?", votes)
        if s.sentence.text.startswith("Kathryn"))


def test_the_heading_a_blank_line_above_a_tables_header_says_what_its_rows_measure(answerer):
    sales = _passage("Acme Power Company", "Exhibit 99.05\n\n      Kilowatt-Hour Sales\n     (In Millions of KWHs)\n\n"
                     "12 Months Ended December\n2004\t2003\tChange\nTotal Retail Sales-\t157,143\t151,618\t3.6%\n",
                     form="8-K", filed="2005-01-25")
    question = "What were Acme Power's total retail kilowatt-hour sales for full-year 2004?"
    assert next(s.states_value_asked for s in _ranked(answerer, question, sales) if s.sentence.text.startswith("Total"))


def test_a_quarter_asked_by_its_last_month_is_not_answered_with_a_years_figure(answerer):
    question = "How much revenue did Acme Widgets make in Greater China in the December 2023 quarter?"

    def states(form: str, header: str) -> bool:
        table = _passage("Acme Widgets, Inc.", f"Net sales by reportable segment:\n{header}\n"
                         "Greater China\t$\t20,819\t$\t23,905\n", form=form)
        return next(s.states_value_asked for s in _ranked(answerer, question, table)
                    if s.sentence.text.startswith("Greater China"))

    assert states("10-Q", "Three Months Ended\tDecember 30, 2023\tDecember 31, 2022")
    assert not states("10-K", "2023\t2022")  # an annual report's table that names no quarter: fiscal years
    assert not states("10-Q", "Years Ended\tDecember 30, 2023\tDecember 31, 2022")
    assert quarters_named(question) == set()  # not a quarter by its number: which one depends on the fiscal year


def test_a_year_to_date_is_not_a_quarter_nor_a_quarter_a_year_to_date(answerer):

    def states(question: str, header: str) -> bool:
        table = _passage("Acme Widgets, Inc.", f"Reconciliation (in millions)\n{header}\nJune 26,\tJune 28,\n"
                         "2004\t2003\nOperating income\t$\t198\t$\t18\n", form="10-Q")
        return next(s.states_value_asked for s in _ranked(answerer, question, table)
                    if s.sentence.text.startswith("Operating income"))

    quarter = "What was Acme Widgets' operating income in its fiscal Q3 2004 (quarter ended June 26, 2004)?"
    assert not states(quarter, "NINE MONTHS ENDED")
    assert states(quarter, "THREE MONTHS ENDED\tNINE MONTHS ENDED")
    nine_months = "What was Acme Widgets' operating income for the first nine months of fiscal 2004?"
    assert not states(nine_months, "Three Months Ended")
    assert states(nine_months, "Nine Months Ended")
    # a year named with no quarter or month asks the whole year, which a quarter's or nine months' table is not
    whole_year = "What was Acme Widgets' operating income in fiscal 2004?"
    assert not states(whole_year, "Three Months Ended")
    assert not states(whole_year, "Three- and nine-month periods ended")
    assert states(whole_year, "Twelve Months Ended")


def test_the_largest_or_smallest_asked_is_the_tables_row_with_the_highest_or_lowest_figure(answerer):
    from qa.tables import first_figure

    assert [first_figure(row) for row in ("Net sales\t$\t391,035\t2\t%", "Loss\t(1,045)\t(3)", "Gain\t—\t12",
                                          "Note\tsee below", "Net loss\t$(188,316)", "292,485,982\t659,149")] == [
        391035.0, -1045.0, 0.0, None, -188316.0, 292485982.0]  # a row of figures alone: its first
    properties = _passage("Acme Widgets, Inc.", "Top U.S. locations:\nCharlotte, NC\t5.7\n"
                          "San Francisco metro area (including headquarters)\t2.4\nMinneapolis, MN\t3.0\n"
                          "St. Louis, MO\t1.9\nAll other U.S. locations\t28.3\nTotal United States\t55.1\n")

    def answer(question: str) -> str:
        return answerer.assess(question, with_filing_words(question), [properties]).chosen[0].sentence.text

    assert answer("Which metro area houses Acme Widgets' largest U.S. real estate footprint?").startswith("Charlotte")
    assert answer("Which metro area houses Acme Widgets' smallest U.S. real estate footprint?").startswith("St. L")
    assert answer("Which metro area houses Acme Widgets' headquarters?").startswith("San Francisco")


def test_a_forecast_or_a_page_reference_is_no_figure_of_a_result(answerer):

    def states(question: str, text: str) -> bool:
        return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text))[0].states_value_asked

    guidance = "Net sales are expected to be between $151.0 billion and $155.5 billion in the first quarter of 2025."
    assert not states("What were Acme Widgets' net sales in the first quarter of 2025?", guidance)
    assert states("What net sales did Acme Widgets expect for the first quarter of 2025?", guidance)
    # a range of amounts is guidance whatever heads it (an earnings release's outlook), though not how a figure moved
    question = "Acme Widgets capex for the fourth quarter of fiscal 2022?"

    def released(text: str) -> bool:
        passage = _passage("Acme Widgets, Inc.", text, form="EX-99.1", filed="2023-03-09")
        return _ranked(answerer, question, passage)[0].states_value_asked

    assert not released("Capital expenditures $400 million to $475 million")
    assert released("Capital expenditures decreased $10 million to $75 million in the fourth quarter of fiscal 2022.")
    # nor is a date expected a date that was
    assert not states("When did Acme Widgets complete its acquisition of Beta Corp.?",
                      "The acquisition of Beta Corp. is expected to close on March 1, 2024.")
    assert states("When did Acme Widgets complete its acquisition of Beta Corp.?",
                  "The acquisition of Beta Corp. closed on March 1, 2024.")
    # a contract's terms are written in the future tense, and are no forecast
    assert states("What salary did Acme Widgets agree to pay its new CFO?", "Mr. Smith's salary will be $250,000.")
    reference = ("The following information is incorporated herein by reference: segment information and revenue "
                 "by classes of products—pages 69 to 74.")
    assert not states("What were Acme Widgets' segment revenues in 2021?", reference)
    # a result stated before an expectation is a result, though a definition's aside parts it from its measure
    backlog = ("Remaining performance obligations, as defined in Note 1 of our Annual Report on Form 10-K for the "
               "fiscal year ended May 31, 2024, were $99.1 billion as of August 31, 2024, of which we expect to "
               "recognize approximately 38% as revenues over the next twelve months.")
    assert states("How much were Acme Widgets' remaining performance obligations as of August 31, 2024?", backlog)
    # the period of the document a question asks from is not the period it asks about
    comparable = ("Comparable sales increased 15.6% compared to an increase of 37.9% in fiscal 2021, driven by a "
                  "10.8% increase in transactions.")
    assert states("ACME full-year fiscal 2021 comp sales growth, per the Q4 FY22 earnings release?", comparable)
    # a pro forma figure is what would have been after transactions still to come
    pro_forma = ("After giving effect to the anticipated repositioning transactions and the net proceeds of the "
                 "offering, the pro forma Tier 1 leverage ratio would have been 8.1% as of September 30, 2024.")
    assert states("Acme Widgets Dec 2024 prospectus supplement: pro forma Tier 1 leverage ratio after the offering?",
                  pro_forma)


def test_a_caption_ruled_off_its_table_names_the_periods_of_its_columns(answerer):
    statement = _passage("Acme Widgets, Inc.", "See notes to unaudited condensed financial statements.\n\nJUNGLEE CORP."
                         "\nCONDENSED STATEMENTS OF OPERATIONS\nSIX MONTH PERIODS ENDED JUNE 30, 1998 AND 1997\n"
                         + "-" * 60 + "\n\n1998\t1997\n(Unaudited)\t(Unaudited)\nREVENUES:\nLicense\t$\t836,827\t$\t625,000"
                         "\nTotal net revenues\t1,398,204\t678,376\n", form="8-K", filed="1998-08-27")
    assert _row_states(answerer, "What revenue did Junglee report for the six months ended June 30, 1998?", statement,
                       "Total net revenues")
    assert not _row_states(answerer, "What revenue did Junglee report for the three months ended June 30, 1998?",
                           statement, "Total net revenues")  # the six months', not the quarter's


def test_a_rows_label_says_what_its_figures_are_whatever_a_cell_of_words_between_them_says(answerer):
    products = _passage("Acme Pharma Inc.", "Three Months Ended\tSix Months Ended\nPRODUCT\tPRIMARY INDICATION\t"
                        "July 2, 2023\tJuly 2, 2023\nAcmeprin alliance revenues and direct sales\tNonvalvular atrial "
                        "fibrillation, deep vein thrombosis, pulmonary embolism\t1,762\t3,636\n", form="10-Q")
    assert _row_states(answerer, "How much Acmeprin revenue did Acme Pharma record in the six months ended July 2, "
                       "2023?", products, "Acmeprin")


def test_a_row_of_another_year_below_a_persons_row_is_theirs(answerer):
    # a proxy's Summary Compensation Table (Cabot's of January 2024): a person's later rows are labelled by year alone
    header = ("Name and Principal Position\tYear\tSalary ($)(2)\tStock Awards ($)(3)\tNon-Equity Incentive Plan "
              "Compensation ($)\tAll Other Compensation ($)(6)\tTotal ($)")
    table = _passage("Acme Widgets, Inc.", f"Summary Compensation Table\n{header}\nJane Q. Roebuck    President and "
                     "CEO\t2023\t1,083,750\t3,509,911\t1,045,704\t235,251\t7,791,510\n2022\t1,035,000\t3,087,436\t"
                     "1,838,657\t308,354\t7,948,029\n", form="DEF 14A", filed="2024-01-26")
    question = "Acme proxy (Jan 2024): Jane Roebuck's total compensation for fiscal 2022?"
    rare_surname = ExtractiveAnswerer(lambda term: 5 if term == "roebuck" else 300, lambda: 1000, answerer.embed)
    assert _row_states(rare_surname, question, table, "2022")


def test_a_sentence_opening_with_of_these_counts_what_the_sentence_before_counted(answerer):
    # Netflix's 10-K of January 2025
    staff = _passage("Acme Media, Inc.", "As of December 31, 2024, we had approximately 14,000 full-time employees. "
                     "Of these, approximately 9,600 (69%) were located in the United States and Canada, 2,200 (16%) "
                     "in Europe.")
    question = "About how many of Acme Media's full-time employees were located in the US and Canada at the end of 2024?"
    assert _row_states(answerer, question, staff, "Of these")


def test_a_name_in_the_caption_a_chunk_of_a_table_carries_is_held_by_the_chunk(answerer):
    # MGM's release of February 2023: two tables of gaming statistics, the second's caption in its header only
    header = "Three Months Ended December 31,\t2022\t2021\n(Dollars in millions)"
    strip = _passage("Acme Resorts, Inc.", f"The following table shows key gaming statistics for Las Vegas Strip "
                     f"Resorts:\n{header}\nSlots handle\t$\t6,668\t$\t5,286\n", form="EX-99.1", filed="2023-02-08")
    caption = "The following table shows key gaming statistics for Regional Operations:\n"
    regional = _passage("Acme Resorts, Inc.", "Slots handle\t$\t7,036\t$\t6,768\n", rank=2, form="EX-99.1",
                        filed="2023-02-08")
    regional = replace(regional, chunk=replace(regional.chunk, table_header=f"{caption}{header}", table_header_start=0))
    ranked = _ranked(answerer, "Acme Resorts 4Q22 Regional Operations slots handle?", strip, regional)
    assert "7,036" in ranked[0].sentence.text
    # but not when the chunk opens with a caption of its own: the header it carries is an earlier table's (PepsiCo's
    # votes of May 2023, a proposal's caption carried over the next one's)
    votes = _passage("Acme Widgets, Inc.", "(7) The shareholder proposal regarding a report on climate lobbying was "
                     "defeated:\nFor\t158,917,578\nAgainst\t830,627,354\n", form="8-K", filed="2023-05-05")
    votes = replace(votes, chunk=replace(votes.chunk, table_header="(5) The shareholder proposal regarding "
                                         "independent Board Chair was defeated:", table_header_start=0))
    assert "board chair" not in _names_held(votes, {}) and "board chair" in _names_held(replace(votes, chunk=replace(
        votes.chunk, text="For\t158,917,578\nAgainst\t830,627,354\n")), {})


def test_a_balance_at_the_end_of_a_period_is_the_balance_of_what_its_caption_names(answerer):
    goodwill = _passage("Acme Widgets, Inc.", "The following table provides information related to the carrying value "
                        "of our goodwill by operating segment (in millions):\nNorth America\tTotal\n2023\nBalance at "
                        "beginning of year\t$\t10,677\t$\t18,782\nBalance at end of year\t$\t10,677\t$\t18,358\n")
    question = "What was Acme Widgets' goodwill at the end of 2023?"
    assert _row_states(answerer, question, goodwill, "Balance at end of year")
    assert not _row_states(answerer, question, goodwill, "Balance at beginning of year")
    # a day named in full is the balance's, no month the question asks about
    assert _row_states(answerer, "Acme Widgets goodwill at December 31, 2023?", goodwill, "Balance at end of year")


def test_what_a_measure_was_over_a_period_asks_for_a_figure_and_not_another_period_s(answerer):
    question = "What was Acme Widgets' Las Vegas slots handle for the full year 2022?"
    assert _slots(question) == ("number",)
    quarter = _passage("Acme Widgets, Inc.", "Key gaming statistics for Las Vegas:\nThree Months Ended December 31,"
                       "\t2022\t2021\nSlots handle\t$\t6,668\t$\t5,286\n", form="EX-99.1", filed="2023-02-08")
    assert not _row_states(answerer, question, quarter, "Slots handle")  # the quarter's, not the year's
    assert _row_states(answerer, "What was Acme Widgets' Las Vegas slots handle in 4Q22?", quarter, "Slots handle")
    assert _slots("What was Acme Widgets' slots handle in 4Q22?") == ("number",)
    assert _slots("What was the purpose of Acme Widgets' 8-K?") == ()  # no period: not a figure


def test_a_filing_dated_before_the_quarter_asked_ended_does_not_report_it(answerer):
    filing = FilingRef(company="Acme Widgets, Inc.", form="EX-99.1", filing_date="2025-02-05", filing_id="r")

    def states(question: str, text: str = "Net revenues were $4.2 billion, up 8%.") -> bool:
        release = Passage(1, Chunk("r#1", filing, text, "EX-99.1", "", 0, len(text)), 1.0)
        return _ranked(answerer, question, release)[0].states_value_asked

    assert states("What were Acme Widgets' net revenues for the fourth quarter of 2024?")
    assert not states("What were Acme Widgets' net revenues for the first quarter of 2025?")  # not ended yet
    assert states("What net revenues did Acme Widgets expect for the first quarter of 2025?",  # a forecast
                  "Net revenues are expected to be between $4.2 billion and $4.4 billion.")
    # a fiscal quarter may end a year before its name says; a release that names the quarter reports it
    assert states("What were Acme Widgets' net revenues for the first quarter of fiscal 2025?")
    assert states("What were Acme Widgets' net revenues for the first quarter of 2025?",
                  "Net revenues were $4.2 billion in the first quarter, up 8%.")
    # a period asked by the month it ends in, fiscal or not
    assert not states("What were Acme Widgets' net revenues for the three months ended March 31, 2025?")
    assert not states("What were Acme Widgets' net revenues for the fiscal quarter ended March 31, 2025?")
    assert states("What were Acme Widgets' net revenues for the three months ended December 31, 2024?")


def test_revenues_are_a_sum_of_money_unless_how_they_changed_is_asked(answerer):
    growth = _passage("Acme Widgets, Inc.", "Freight revenues increased 4% in the second quarter of 2025 compared to "
                      "the same period in 2024, driven by volume increases.")
    amount = _passage("Acme Widgets, Inc.", "Freight revenues were $5,843 million in the second quarter of 2025.")

    def states(question: str, passage: Passage) -> bool:
        return _ranked(answerer, question, passage)[0].states_value_asked

    asked = "What were Acme Widgets' freight revenues in the second quarter of 2025?"
    assert not states(asked, growth) and states(asked, amount)
    assert states("How did Acme Widgets' freight revenues change in the second quarter of 2025?", growth)


def test_a_row_labelled_with_part_of_an_analysts_word_s_filing_phrase_gives_no_figure_of_it(answerer):
    rows = _passage("Acme Widgets, Inc.", "Years ended December 31,\t2024\t2023\nDepreciation and amortization\t1,979"
                    "\t2,144\nEarnings before interest, taxes, depreciation and amortization\t5,101\t4,870\n")
    asked = "What was Acme Widgets' EBITDA for 2024?"
    assert not _row_states(answerer, asked, rows, "Depreciation")
    assert _row_states(answerer, asked, rows, "Earnings before")


def test_votes_on_a_proposal_the_passage_never_names_answer_no_question_about_it(answerer):
    votes = _passage("Acme Widgets, Inc.", "(5) The shareholder proposal regarding an independent Board Chair was "
                     "defeated:\nFor\t158,917,578\nAgainst\t1,230,000\n(7) The shareholder proposal regarding a report "
                     "on impacts of reproductive healthcare legislation was defeated:\nFor\t101,243,997\nAgainst\t"
                     "2,450,000\n", form="8-K", filed="2023-05-05")

    def states(question: str) -> bool:
        return any(s.states_value_asked for s in _ranked(answerer, question, votes))

    assert not states("How many votes were cast for the shareholder proposal requesting a report on plastic "
                      "packaging at Acme Widgets' May 3, 2023 annual meeting?")
    assert states("How many votes were cast for the shareholder proposal on reproductive healthcare legislation at "
                  "Acme Widgets' May 3, 2023 annual meeting?")
    assert states("How many votes were cast for the independent Board Chair proposal at Acme Widgets' 2023 annual "
                  "meeting?")


def test_a_kind_of_a_measure_is_no_other_kind_of_it(answerer):
    def states(question: str, text: str) -> bool:
        return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text))[0].states_value_asked

    question = "How much cash did Acme Widgets generate from operating activities in 2024?"
    assert not states(question, "In 2024, net cash used for financing activities was $8.5 billion, primarily reflecting "
                                "the return of operating cash flow to our shareholders.")
    assert states(question, "In 2024, net cash provided by operating activities was $10.8 billion.")
    rows = _passage("Acme Widgets, Inc.", "Years ended\t2024\t2023\nNet cash used for financing activities\t(8,523)"
                    "\t(10,780)\nNet cash provided by operating activities\t10,811\t11,616\n")
    assert not _row_states(answerer, question, rows, "Net cash used for financing")
    assert _row_states(answerer, question, rows, "Net cash provided by operating")
    eps = _passage("Acme Widgets, Inc.", "Earnings per share\nYears ended\t2024\t2023\nBasic\t$\t9.86\t$\t10.04\n"
                   "Diluted\t$\t9.85\t$\t10.02\n")
    assert not _row_states(answerer, "What was Acme Widgets' diluted EPS in 2024?", eps, "Basic")
    assert _row_states(answerer, "What was Acme Widgets' diluted EPS in 2024?", eps, "Diluted")


def test_an_analysts_abbreviation_is_held_by_a_row_that_leaves_out_expenses(answerer):
    # Apple's release of July 2004: "Selling, general, and administrative" is its SG&A
    rows = _passage("Acme Widgets, Inc.", "NINE MONTHS ENDED\nJune 26, 2004\tJune 28, 2003\nSelling, general, and "
                    "administrative\t1,042\t898\n", form="EX-99.1", filed="2004-07-14")
    assert _row_states(answerer, "Acme Widgets SG&A for the first nine months of fiscal 2004?", rows, "Selling")
    # and a row need not say "expense" of what an analyst calls one
    rows = _passage("Acme Widgets, Inc.", "% Increase\t% Increase (Decrease)\n2014\t% of Revenues\t2013\t% of "
                    "Revenues\t(Decrease) in US $\nResearch and development\t1,349\t12%\t1,264\t12%\t7%\n",
                    form="EX-99.1", filed="2014-06-19")
    assert _row_states(answerer, "Acme Widgets Q4 FY14 R&D expense?", rows, "Research")


def test_a_part_of_a_measure_computed_from_it_is_no_figure_of_it(answerer):
    # 3M's 2018 10-K: free cash flow's table gives its parts first
    rows = _passage("Acme Widgets, Inc.", "Free Cash Flow (non-GAAP measure)\nYears ended December 31\n(Millions)\t2018"
                    "\t2017\nNet cash provided by operating activities\t$\t6,439\t$\t6,240\nPurchases of property, "
                    "plant and equipment (PP&E)\t(1,577)\t(1,373)\nFree cash flow\t$\t4,862\t$\t4,867\n")
    question = "ACME FCF for 2018?"
    assert not _row_states(answerer, question, rows, "Net cash provided")
    assert _row_states(answerer, question, rows, "Free cash flow")


def test_a_tax_or_interest_rate_is_a_percentage(answerer):
    rows = _passage("Acme Widgets, Inc.", "Years ended\t2024\t2023\nProvision for income taxes\t29,749\t16,741\n"
                    "Effective tax rate\t24.1\t%\t14.7\t%\n")
    assert not _row_states(answerer, "What was Acme Widgets' effective tax rate for 2024?", rows, "Provision")
    assert _row_states(answerer, "What was Acme Widgets' effective tax rate for 2024?", rows, "Effective")
    # a margin may be a sum of money
    margins = _passage("Acme Widgets, Inc.", "Years ended\t2024\t2023\nTotal gross margin\t$\t180,683\t$\t169,148\n")
    assert _row_states(answerer, "What was Acme Widgets' gross margin in 2024?", margins, "Total gross margin")


def test_a_per_share_amount_is_written_to_the_cent_or_said_per_share(answerer):
    rows = _passage("Acme Widgets, Inc.", "Earnings per common share\nYears ended December 31,\t2024\t2023\n"
                    "Net income\t$\t7,514\t$\t8,060\nDiluted\t752\t790\nDiluted EPS\t$\t9.85\t$\t10.02\n")
    question = "ACME diluted EPS FY24?"
    assert not _row_states(answerer, question, rows, "Net income")
    assert not _row_states(answerer, question, rows, "Diluted\t752")
    assert _row_states(answerer, question, rows, "Diluted EPS")
    # but the shares a per-share figure is computed over are a count of shares (Apple's 10-Q of February 1999)
    shares = _passage("Acme Widgets, Inc.", "Three Months Ended\nDecember 26, 1998\tDecember 26, 1997\nDiluted earnings "
                      "per share\t$ 0.95\t$ 0.33\nDenominator for diluted earnings per share -\nadjusted weighted-average "
                      "shares\t172,062\t139,839\n", form="10-Q", filed="1999-02-08")
    assert _row_states(answerer, "Acme Widgets Q1 FY1999 (quarter ended Dec 26 1998): diluted weighted shares used for "
                       "EPS?", shares, "Denominator")
    question = "How many shares (in thousands) did Acme Widgets use to calculate diluted earnings per share in 1998?"
    assert not Asked.of(question, with_filing_words(question), {}).asks_per_share
    guidance = _passage("Acme Widgets, Inc.", "For fiscal 2025 the company expects adjusted EPS of 70 to 74 cents per "
                        "share.", form="8-K")
    assert _ranked(answerer, "What adjusted EPS did Acme Widgets guide to for fiscal 2025?", guidance)[0
                   ].states_value_asked


def test_a_table_scaled_in_thousands_gives_no_rate_unless_a_row_of_percentages(answerer):
    header = "Three months ended\nDecember 31, 2024\tDecember 31, 2023\n"
    question = "What was hotel occupancy at Acme Widgets' Regional Operations properties in the fourth quarter of 2024?"
    scaled = _passage("Acme Widgets, Inc.", f"Adjusted Property EBITDAR (In thousands)\n{header}"
                      "Regional Operations\t319,517\t309,250\n", form="8-K", filed="2025-02-08")
    assert not _row_states(answerer, question, scaled, "Regional Operations")
    rates = _passage("Acme Widgets, Inc.", f"Hotel occupancy (In thousands, except percentages)\n{header}"
                     "Regional Operations\t91.2\t%\t88.0\t%\n", form="8-K", filed="2025-02-08")
    assert _row_states(answerer, question, rates, "Regional Operations")
    # a row of percentages in a table scaled in thousands is a rate
    percentages = _passage("Acme Widgets, Inc.", f"(In thousands, except percentages)\n{header}"
                           "Regional Operations\t91.2\t%\t88.0\t%\n", form="8-K", filed="2025-02-08")
    assert _row_states(answerer, question, percentages, "Regional Operations")


def test_the_amount_of_a_change_is_no_level_of_spending(answerer):
    def states(question: str, text: str) -> bool:
        return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text))[0].states_value_asked

    asked = "How much did Acme Widgets spend on research and development in the second quarter of 2025?"
    assert not states(asked, "Research and development expenses decreased $167 million in the second quarter of 2025.")
    rows = _passage("Acme Widgets, Inc.", "Three Months Ended June 29, 2025\nResearch and development expenses"
                    "\t$\t2,648\nResearch and development expenses increase/(decrease)\t$\t(167)\n", 1, "10-Q",
                    "2025-08-01")
    assert _row_states(answerer, asked, rows, "Research and development expenses\t")
    assert not _row_states(answerer, asked, rows, "Research and development expenses increase")
    assert not states(asked, "The reduction to research and development expenses for the second quarter of 2025 was "
                             "$45 million.")
    assert states(asked, "Research and development expenses decreased $167 million, or 6%, in the second quarter of "
                         "2025 to $2.6 billion.")
    assert states("How much did Acme Widgets' research and development expenses change in the second quarter of "
                  "2025?", "Research and development expenses decreased $167 million in the second quarter of 2025.")


def test_who_signed_a_filing_is_answered_from_its_signature_block(answerer):
    filing = FilingRef(company="Acme Widgets, Inc.", form="8-K", filing_date="2023-08-30", filing_id="k")
    release = ("Acme Widgets reports updated financials after the separation of its consumer business. "
               "Jane Roe, Chief Financial Officer, presented the updated financials to investors.")
    signature = ("Date: August 30, 2023 By: /s/ John Q. Public\nJohn Q. Public\nController\n"
                 "(Principal Accounting Officer)\nACME WIDGETS CAPITAL CORP.\nBy: /s/ Richard Roe\nTreasurer")
    passages = [Passage(1, Chunk("k#1", filing, release, "EX-99.1", "", 0, len(release)), 1.0),
                Passage(2, Chunk("k#2", filing, signature, SIGNATURE, "Signatures", 0, len(signature)), 1.0)]
    question = ("Which officer signed Acme Widgets' August 30, 2023 Form 8-K reporting updated financials after "
                "the separation of its consumer business?")
    chosen = answerer.assess(question, with_filing_words(question), passages, {"Acme Widgets, Inc.": ()}).chosen
    assert "Jane Roe" not in " ".join(s.sentence.text for s in chosen)
    # quoted with the signer's title under it, up to the next signer's company
    assert chosen[0].sentence.text == signature.partition("\nACME")[0]
    assert chosen[0].sentence.end - chosen[0].sentence.start == len(chosen[0].sentence.text)


def test_a_periodic_report_is_about_the_fiscal_year_of_its_period():
    def report(form: str, period: str, filed: str) -> FilingRef:
        return FilingRef(company="Acme Widgets, Inc.", form=form, period=period, filing_date=filed)

    annual = report("10-K", "2022-12-31", "2023-02-08")  # filed in 2023, about 2022
    assert _reports_on_year(annual, "2022") and not _reports_on_year(annual, "2023")
    retail = report("10-K", "2023-01-28", "2023-03-17")  # fiscal 2022 or fiscal 2023, as the company names it
    assert _reports_on_year(retail, "2022") and _reports_on_year(retail, "2023")
    december_quarter = report("10-Q", "2023-12-30", "2024-02-02")  # fiscal 2024's first quarter
    assert _reports_on_year(december_quarter, "2023") and _reports_on_year(december_quarter, "2024")
    release = report("8-K", "2023-02-08", "2023-02-08")  # the year's results, or an event of the year
    assert _reports_on_year(release, "2022") and _reports_on_year(release, "2023")
    assert not _reports_on_year(release, "2021")
    meeting = report("8-K", "2025-05-07", "2025-05-07")  # after April: the year's events, not the year before
    assert _reports_on_year(meeting, "2025") and not _reports_on_year(meeting, "2024")


def test_a_figure_alone_under_its_label_is_read_with_it():
    # a form's boxes: the label, then its value on the line below (Schedule TO and 13D covers)
    cover = _passage("Acme Widgets, Inc.", "NUMBER OF SHARES BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH:\n"
                     "11\tAGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON\n67,570,593\n"
                     "13\tPERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)\n67.2%\n"
                     "Revenue\t17,606\t15,785\n1,204\nThe Board met four times in the year.\n47\n")
    texts = [s.text for s in passage_sentences(cover)]
    assert "11\tAGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON\n67,570,593" in texts
    assert "13\tPERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)\n67.2%" in texts  # "(11)" names a box
    assert "Revenue\t17,606\t15,785" in texts  # under a row of figures, a figure is no value of its label
    assert "The Board met four times in the year." in texts  # nor a page number under a sentence
    sentence = next(s for s in passage_sentences(cover) if s.text.endswith("67,570,593"))
    assert cover.chunk.text[sentence.start:sentence.end] == sentence.text  # still an exact span


def test_a_row_of_figures_under_its_label_lines_is_read_with_them(answerer):
    from qa.tables import first_figure, read_row, row_label

    # a PDF's text of a product table: the label, then its indication, each on a line above the row's figures
    header = "PRODUCT PRIMARY INDICATION OR CLASS\nJuly 2, 2023\tJuly 3, 2022"
    table = _passage("Acme Widgets, Inc.", f"{header}\nPrimary Care\t$\t5,810\t$\t20,979\n"
                     "Widget direct sales and alliance revenues\nActive immunization to prevent COVID-19\n"
                     "1,488\t8,848\nWidgetvid\tCOVID-19 in certain high-risk patients\t143\t8,115\n2023\t2022\n",
                     form="10-Q")
    rows = {row_label(s.text): s for s in passage_sentences(table) if s.table_row}
    merged = rows["Widget direct sales and alliance revenues"]
    assert merged.text.endswith("\n1,488\t8,848") and first_figure(merged.text) == 1488.0
    assert table.chunk.text[merged.start:merged.end] == merged.text  # still an exact span
    assert rows["2023"].text == "2023\t2022"  # a row of years is a header, not a label's figures
    assert merged.group == rows["Widgetvid"].group == ""  # the label lines are no group of the rows below
    assert read_row(header, rows["Widgetvid"].text) == "Widgetvid: July 2, 2023 143; July 3, 2022 8,115"
    question = "How much revenue did Acme Widgets record from Widget direct sales and alliance revenues?"
    assert _ranked(answerer, question, table)[0].sentence.text == merged.text


def test_a_question_about_non_gaap_figures_reads_non_gaap_as_it_is_written(answerer):
    release = _passage("Acme Widgets, Inc.", "Non-GAAP diluted EPS was $1.25 in fiscal 2023, up 8% from the prior "
                       "year. GAAP diluted EPS was $0.98 in fiscal 2023, up 5% from the prior year.")
    assert _ranked(answerer, "What non-GAAP diluted EPS did Acme Widgets report for fiscal 2023?",
                   release)[0].sentence.text.startswith("Non-GAAP")
    assert _ranked(answerer, "What GAAP diluted EPS did Acme Widgets report for fiscal 2023?",
                   release)[0].sentence.text.startswith("GAAP")


def test_a_label_broken_over_two_lines_is_one_row_and_the_table_goes_on_past_its_label_lines(answerer):
    from qa.tables import read_row, row_label

    # pypdfium2's text of a cash flow statement cut from inside: a group's name and a label's first line between
    # rows, the label's last words on the line of its figures
    header = ("Consolidated Statements of Cash Flows\n$ in millions\n"
              "Fiscal Years Ended\tJanuary 28, 2023\tJanuary 29, 2022")
    text = ("Total cash provided by operating activities\t1,824\t3,252\nInvesting activities\n"
            "Additions to property and equipment, net of $35 and $46, respectively, of non-cash\n"
            "capital expenditures\t(930)\t(737)\nPurchases of investments\t(46)\t(233)\n")
    filing = FilingRef(company="Acme Widgets, Inc.", form="10-K", filing_date="2023-03-17", period="2023-01-28",
                       filing_id="k")
    table = Passage(1, Chunk("k#1", filing, text, "Item 8", "", 0, len(text), table_header=header), 1.0)
    rows = {row_label(s.text): s for s in passage_sentences(table) if s.table_row}
    label = "Additions to property and equipment, net of $35 and $46, respectively, of non-cash capital expenditures"
    merged = rows[label]
    assert table.chunk.text[merged.start:merged.end] == merged.text  # still an exact span
    assert merged.header == rows["Purchases of investments"].header == header  # past "Investing activities"
    assert rows["Purchases of investments"].group == ""  # a label's first line is no group of the rows below
    read = f"{label}: January 28, 2023 (930); January 29, 2022 (737) (in millions)"
    assert read_row(header, merged.text) == read
    question = "How much did Acme Widgets spend on additions to property and equipment in fiscal 2023?"
    assert _ranked(answerer, question, table)[0].sentence.text == merged.text


def test_what_money_was_spent_on_is_what_is_asked_and_a_group_of_rows_may_be_part_of_it(answerer):
    assert _focus_terms("How much did Acme Widgets spend on additions to property and equipment in fiscal 2023?",
                        filing_words=False) == ["addit", "properti", "equip"]
    balance_sheet = _passage("Acme Widgets, Inc.", "Consolidated Balance Sheets\nJanuary 28, 2023\tJanuary 29, 2022\n"
                             "Property and equipment\nLand and buildings\t688\t671\n"
                             "Fixtures and equipment\t3,928\t5,419\n")
    question = "How much did Acme Widgets spend on additions to property and equipment in fiscal 2023?"
    # the group's "property and equipment" is part of what is asked, the rest ("additions") is said nowhere
    assert not any(s.states_value_asked for s in _ranked(answerer, question, balance_sheet) if s.sentence.table_row)
    assert next(s.states_value_asked for s in _ranked(answerer, "What was the value of Acme Widgets' land and "
                                                      "buildings at January 28, 2023?", balance_sheet)
                if s.sentence.text.startswith("Land"))


def test_a_filing_does_not_report_a_year_after_the_last_it_is_about(answerer):

    def states(question: str, text: str, form: str, period: str) -> bool:
        filing = FilingRef(company="Acme Widgets, Inc.", form=form, filing_date="2025-08-01", period=period,
                           filing_id=form)
        passage = Passage(1, Chunk(f"{form}#1", filing, text, "Item 7", "", 0, len(text)), 1.0)
        return _ranked(answerer, question, passage)[0].states_value_asked

    annual = "Research and development expense was $2,852 million, up 27%."
    assert states("What was Acme Widgets' research and development expense in 2022?", annual, "10-K", "2022-12-31")
    # an annual report of 2022 is about no later year, whatever its text names
    assert not states("What was Acme Widgets' research and development expense in 2023?", annual, "10-K",
                      "2022-12-31")
    assert not states("How many employees did Acme Widgets have at the end of 2023?",
                      "We had approximately 156,000 employees.", "10-K", "2022-12-31")
    # a forecast asked is of a later year
    assert states("What research and development expense did Acme Widgets expect for 2023?",
                  "Research and development expense is expected to be about $3.2 billion in 2023.", "10-K",
                  "2022-12-31")
    # a quarterly report's passage that names no whole year gives its quarter's figures, not a year's
    quarterly = "Data Center revenue was $41.1 billion, up 56% from a year ago."
    assert not states("What was Acme Widgets' Data Center revenue for fiscal year 2026?", quarterly, "10-Q",
                      "2025-07-27")
    assert states("What was Acme Widgets' Data Center revenue in the second quarter of fiscal 2026?", quarterly,
                  "10-Q", "2025-07-27")
    assert period_kinds("for the three- and nine-month periods ended June 28, 2025") == {"quarter", "year to date"}
    # a sentence naming a quarter of the last year is no later year's quarter
    assert not states("What were Acme Widgets' AWS net sales in the first quarter of 2025?",
                      "In the first quarter of 2024 the leap year added approximately $1.5 billion in net sales.",
                      "10-K", "2024-12-31")


def test_the_company_s_row_is_the_largest_of_its_filing_s_rows_labelled_alike_not_another_entity_s(answerer):
    header = "Year Ended December 31,\t2024\t2023\n"
    segment = _passage("Acme Widgets, Inc.", f"Europe (EMEA)\n{header}Paid net membership additions\t12,320\t12,084\n")
    company = _passage("Acme Widgets, Inc.", f"Results of operations\n{header}Paid net membership additions\t41,350"
                       "\t29,529\n", rank=2)
    investees = _passage("Acme Widgets, Inc.", "A summary of financial information for our equity method investees in "
                         f"the aggregate follows.\n{header}Paid net membership additions\t99,043\t93,862\n", rank=3)
    named = {"Acme Widgets, Inc.": ()}

    def answer(question: str, *passages: Passage) -> str:
        chosen = answerer.assess(question, with_filing_words(question), list(passages), named).chosen
        return chosen[0].sentence.text

    question = "How many paid net membership additions did Acme Widgets report for 2024?"
    assert "41,350" in answer(question, segment, company)  # the segment's row scores as well, but is a part
    assert "41,350" in answer(question, segment, company, investees)  # the investees' are others' figures
    # a question that names a segment asks its figure
    assert "12,320" in answer("How many paid net membership additions did Acme Widgets report in EMEA for 2024?",
                              segment, company)


def test_the_company_s_total_row_sums_its_segments_rows_which_are_no_part_of_the_answer(answerer):
    header = "Three Months Ended\nJuly 29, 2025\tJuly 30, 2024\n"
    domestic = _passage("Acme Widgets, Inc.", f"Domestic Segment\n{header}Revenue\t$\t8,890\t$\t9,569\n", 1,
                        "10-Q", "2025-09-01")
    segments = _passage("Acme Widgets, Inc.", f"Segments\n{header}Revenue by reportable segment\n"
                        "Domestic\t$\t8,890\t$\t9,569\nInternational\t693\t760\nTotal revenue\t$\t9,583\t$\t10,329\n",
                        2, "10-Q", "2025-09-01")
    chosen = answerer.assess("What was Acme Widgets' revenue for the quarter ended July 29, 2025?",
                             "What was Acme Widgets' revenue for the quarter ended July 29, 2025?",
                             [domestic, segments], {"Acme Widgets, Inc.": ()}).chosen
    assert [c.sentence.text for c in chosen] == ["Total revenue\t$\t9,583\t$\t10,329"]


def test_a_rows_note_reference_is_not_its_figure(answerer):
    # the statement's row refers to note 8; the five-year summary gives the same row in thousands
    statement = _passage("Acme Mining Inc.", "CONSOLIDATED STATEMENTS OF FINANCIAL POSITION\nNotes\tDecember 31,\t"
                         "December 31,\n2015\t2014\nExploration and evaluation assets\t8\t27,836,230\t29,590,927\n")
    summary = _passage("Acme Mining Inc.", "Selected financial data (in thousands)\n2015\t2014\t2013\n"
                       "Exploration and evaluation assets\t27,836\t29,591\t30,893\n", rank=2)
    question = "What was the carrying amount of Acme Mining's exploration and evaluation assets at December 31, 2015?"
    chosen = answerer.assess(question, with_filing_words(question), [statement, summary],
                             {"Acme Mining Inc.": ()}).chosen
    assert "27,836,230" in chosen[0].sentence.text


def test_rows_labelled_alike_under_other_measures_are_not_the_companys_row(answerer):
    periods = "\tSix months ended June 30,\n{head}\t2025\t2024\n"
    text = ("The following tables summarize freight revenues, revenue carloads and average revenue per car:\n"
            f"Freight revenues{periods.format(head='Millions')}Grain & grain products\t$\t1,914\t$\t1,844\n\n"
            f"Revenue carloads{periods.format(head='Thousands')}Grain & grain products\t430\t410\n\n"
            f"Average revenue per car{periods.format(head='Dollars')}Grain & grain products\t$\t4,451\t$\t4,493\n")
    question = ("How much freight revenue did Acme Rail earn from grain & grain products in the first six months "
                "of 2025?")
    chosen = answerer.assess(question, with_filing_words(question), [_passage("Acme Rail Corporation", text)],
                             {"Acme Rail Corporation": ()}).chosen
    assert "1,914" in chosen[0].sentence.text


def test_an_exhibit_number_is_no_figure_and_a_bonus_or_severance_is_an_amount(answerer):

    def states(question: str, text: str) -> bool:
        return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form="8-K"))[0].states_value_asked

    exhibits = "Financial Statements and Exhibits.\n(d)\tExhibits:\n99.1\tAcme Widgets, Inc. press release dated April 28"
    assert not states("How many shares did Acme Widgets repurchase in the first quarter of 2022?", exhibits)
    # a PDF's exhibit list has no cells: a line opens with the exhibit's number and title
    assert not states("What was the carrying value of Acme Widgets' inventories at December 31, 2022?",
                      "10.6 Delta Inventory Supply Agreement, dated as of December 1, 2006, by and between Acme "
                      "Widgets, Inc. and United Launch Alliance")
    assert not states("How many shares did Acme Widgets repurchase in the first quarter of 2022?",
                      "2.1 \u2014 Agreement of Merger by and between Acme Widgets, Inc. and GenDerm Corporation, dated "
                      "November 28, 2021(14)")  # the number and the title parted by a dash
    # an asterisk marks an exhibit filed herewith
    assert not states("What fee did Acme Widgets pay its information agent?", "(h)\tNot applicable.\n107*\tFiling "
                      "Fee Table")
    assert states("How many shares did Acme Widgets repurchase in the first quarter of 2022?",
                  "Acme Widgets repurchased\n2.5 million shares in the first quarter of 2022.")
    assert states("How many shares did Acme Widgets repurchase in the first quarter of 2022?",
                  "Shares repurchased\t4,200,000\t3,100,000")
    # a bonus or a severance asked is an amount: a sentence naming the officer without one does not answer
    named = "The Board extended the terms of the employment agreements with Jane Roe, Chief Financial Officer."
    assert not states("What severance would Acme Widgets pay Jane Roe on a change in control?", named)
    assert not states("What annual bonus target does Jane Roe have as Acme Widgets' CFO?", named)
    assert states("What annual bonus target does Jane Roe have as Acme Widgets' CFO?",
                  "Ms. Roe's annual bonus target is 100% of her base salary of $600,000.")


def test_guidance_asked_is_answered_by_a_forecast_not_by_a_result(answerer):

    def states(question: str, text: str, figure: str) -> bool:
        scored = _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form="EX-99.1", filed="2023-03-09"))
        return next(s for s in scored if figure in s.sentence.text).states_value_asked

    question = "What diluted EPS range did Acme Widgets guide to for fiscal 2023?"
    assert not states(question, "Diluted earnings per share increased 23.5% to $6.68.", "6.68")
    # a line of an outlook is a forecast by its heading above it (Ulta's release of March 2023)
    outlook = ("Fiscal 2023 Outlook\nFor fiscal 2023, the Company plans to:\nFY23 Outlook\n"
               "Net sales $10.95 billion to $11.05 billion\nComparable sales 4% to 5%\nNew stores, net 25-30\n"
               "Operating margin 14.7% to 15.0%\nDiluted earnings per share $24.70 to $25.40\n")
    assert states(question, outlook, "24.70")
    # however far below the heading its line is: the list's lead heads each of its lines
    longer = outlook + ("Share repurchases approximately $900 million\nEffective tax rate approximately 24.6%\n"
                        "Remodel and relocation projects 20-30\nNew distribution centers 2\n"
                        "Interest income approximately $20 million\nWeighted average diluted shares 50.1 million\n"
                        "Capital expenditures $400 million to $475 million\n"
                        "Depreciation and amortization expense $245 million to $250 million\n")
    assert states("What D&A expense did Acme Widgets guide to for fiscal 2023?", longer, "$245 million")
    # but a blank line ends the list
    assert not states("What D&A expense did Acme Widgets guide to for fiscal 2023?", longer.replace(
        "\nDepreciation", "\n\nDepreciation"), "$245 million")
    # and a bullet under the sentence that introduces it as expected (Flushing Financial's prospectus supplement)
    question = "What average yield did Acme Widgets expect on the debt securities it would sell?"
    listed = ("The timing of the repositioning will depend on market conditions. We expect that the repositioning "
              "transactions will involve the following:\n•\nThe sale of debt securities of approximately $400 "
              "million with an average yield of approximately 2.05%.\n")
    assert states(question, listed, "2.05%")
    # but not a result after a sentence that expects something else (Boeing's 2022 10-K: 737-7 and 737-10 are models)
    question = "How many 737 deliveries does Acme Widgets expect in 2023?"
    told = ("We currently expect the 737-7 to be certified and delivered in 2023. We have 27 737-7 aircraft in "
            "inventory and have delivered a total of 1,033 737 MAX aircraft.\n")
    assert not states(question, told, "1,033")
    # a list item's lead heads its second sentence, and a heading's year is that of the items under it, which name
    # none (Amcor's release of August 2023)
    question = "What free cash flow did Acme Widgets guide to for fiscal 2024?"
    highlights = ("Fiscal 2023 Full Year Highlights\n"
                  "\u2022 Adjusted EPS of 73.3 cps and Adjusted Free Cash Flow of $848 million, in line with guidance "
                  "provided in\nMay. Adjusted EBIT of $1,608 million;\n"
                  "\u2022 Fiscal 2024 outlook: Adjusted EPS of 67-71 cents per share. Adjusted Free Cash Flow of "
                  "$850-950\nmillion.\n")
    assert states(question, highlights, "$850-950")
    assert not states(question, highlights, "$848")
    # but an item of its own is not the item above it
    own_item = highlights.replace(" Adjusted Free Cash Flow of $850", "\n\u2022 Adjusted Free Cash Flow of $850")
    assert not states(question, own_item, "$850-950")
    # a quarterly report forecasts its year, and a chat line's context names the report's quarter, not the period
    # asked (Tesla's 10-Q of July 2025)
    outlook = _passage("Acme Widgets, Inc.", "Owing to the pipeline of projects under development, we currently "
                       "expect our capital expenditures to exceed $9.00 billion in 2025.", form="10-Q",
                       filed="2025-07-24")
    question = "ACME Q2 2025 10-Q: what does Acme Widgets expect its 2025 capital expenditures to be?"
    assert _row_states(answerer, question, outlook, "Owing")
    assert not _row_states(answerer, "ACME Q2 2025 10-Q: what were Acme Widgets' 2025 capital expenditures?",
                           outlook, "Owing")
    # "For the year" is the whole year (Sears' outlook of July 2004), a "year-ago quarter" no year
    assert period_kinds("For the year, the company now expects earnings per share of $2.66 to $2.86.") == {"year"}
    assert period_kinds("a 183 percent increase in iPods over the year-ago quarter") == frozenset()
    question = "How many 737 deliveries does Acme Widgets expect in 2023?"
    assert not Asked.of(question, question, {"737": 1.0, "deliveri": 1.0}).filled_by(
        "We expect the 737-7 and the 737-10 to be certified and delivered in 2023.")
    # a forecast of another year than the one asked (Pfizer's 10-Q of August 2023 forecasts only 2023)
    forecast = _passage("Acme Widgets, Inc.", "As of August 1, 2023, we forecasted revenues in 2023 of $67 billion "
                        "to $70 billion.", form="10-Q", filed="2023-08-09")
    assert not _row_states(answerer, "ACME Q2 2023 10-Q: what revenue did Acme Widgets forecast for 2024?",
                           forecast, "As of")
    assert _row_states(answerer, "ACME Q2 2023 10-Q: what revenue did Acme Widgets forecast for 2023?",
                       forecast, "As of")
    # nor is a result of another year stated before the sentence's forecast (Meta's 10-K for 2024)
    told = _passage("Acme Widgets, Inc.", "Our investments in Reality Labs reduced our 2024 overall operating profit "
                    "by approximately $17.73 billion, and we expect our Reality Labs operating losses to increase in "
                    "2025.")
    assert not _row_states(answerer, "How large an operating loss does Acme Widgets forecast for Reality Labs in 2025?",
                           told, "Our investments")


def test_a_measure_taken_at_another_frequency_is_another_measure(answerer):
    # Meta's 10-K for 2024 gives daily active people, not monthly active users
    text = "Daily active people (DAP) was 3.35 billion on average for December 2024, an increase of 5%."
    assert not _row_states(answerer, "How many monthly active users did Acme Widgets have in December 2024?",
                           _passage("Acme Widgets, Inc.", text), "Daily")
    assert _row_states(answerer, "How many daily active people did Acme Widgets have in December 2024?",
                       _passage("Acme Widgets, Inc.", text), "Daily")


def test_a_word_inside_a_longer_analysts_phrase_is_that_phrases():
    assert analysts_words("What was Acme Widgets' overall employee turnover rate in 2024?") == {
        "employee turnover": ("turnover rate", "attrition")}  # no revenue
    assert "turnover" not in analysts_words("What was Acme Widgets' inventory turnover in 2024?")
    assert "turnover" in analysts_words("What was Acme Widgets' turnover in 2024?")


def test_what_is_asked_ends_at_a_comma_a_bracket_or_a_clause_and_when_there_asks_no_date():
    assert "salari" in _focus_terms("What is Jane Roe's current annual base salary, on which her severance is based?")
    assert "ratio" in _focus_terms("What exchange ratio (Peoples shares per Premier share) was set in the merger?")
    assert "revenu" in _focus_terms("What were Combinet's annual revenues when Cisco agreed to acquire it in 1995?")
    assert _slots("What were Combinet's annual revenues when Cisco agreed to acquire it in 1995?") == ("number",)
    assert "date" in _slots("When did Jane Roe resign?")
    assert "date" in _slots("Who is Acme's CFO, and since when has he been an executive officer?")
    assert "date" in _slots("Who replaced Jane Roe and when does he start?")


def test_a_loss_asked_is_an_amount_and_a_sentence_opening_with_another_year_gives_that_years(answerer):

    def states(question: str, text: str) -> bool:
        return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text))[0].states_value_asked

    assert not states("What was Acme Widgets' Reality Labs operating loss in 2024?",
                      "We expect our Reality Labs operating losses to increase in 2025.")
    assert not states("What was Acme Widgets' overall employee turnover rate in fiscal year 2024?",
                      "In fiscal year 2025, our overall turnover rate was 2.5%.")
    assert states("What was Acme Widgets' overall employee turnover rate in fiscal year 2025?",
                  "In fiscal year 2025, our overall turnover rate was 2.5%.")
    assert states("What did the aircraft that Acme Widgets' board gave its CEO cost the company?",
                  "In December 1999, the Board approved a bonus in the form of an aircraft with a total cost to "
                  "the company of approximately $90 million.")  # no year asked: the opening year is the event's


def test_money_spent_in_a_quarter_asked_by_its_length_is_no_balance_nor_a_years_figure(answerer):
    question = ("How much did Acme Widgets spend on property, plant and equipment in the three months ended "
                "June 29, 2024?")

    def states(text: str, form: str = "10-Q", filed: str = "2024-08-02") -> bool:
        return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form=form, filed=filed)
                       )[0].states_value_asked

    assert not states("Property, Plant and Equipment, Net\nJune 29, 2024\tSeptember 30, 2023\n"
                      "Gross property, plant and equipment\t$\t117,129\t$\t114,599\n")  # a balance
    assert states("Three Months Ended\nJune 29, 2024\tJuly 1, 2023\n"
                  "Payments for acquisition of property, plant and equipment\t(2,151)\t(2,093)\n")
    assert not states("Depreciation expense on property, plant and equipment was $8.2 billion during 2024.",
                      form="10-K", filed="2024-11-01")  # an annual report's year
    # the same days over two columns each end a period (the three and the six months: Best Buy's 10-Q of August
    # 2023, whose header rows above them were cut off), never two balances
    assert states("June 29, 2024\tJuly 1, 2023\tJune 29, 2024\tJuly 1, 2023\n"
                  "Payments for acquisition of property, plant and equipment\t(2,151)\t(2,093)\t(4,302)\t(4,001)\n")


def test_a_word_in_capitals_only_the_company_uses_is_still_asked_about(answerer):
    # retrieval takes "ECCR" for a ticker of the one company whose filings use it
    named = {"Acme Widgets, Inc.": ("ECCR",)}
    question = "Under Acme Widgets' 2019 rate plan, by how much was the ECCR tariff set to increase in 2020?"
    table = _passage("Acme Widgets, Inc.", "Acme Widgets will recover estimated increases through its tariffs as "
                     "follows:\nTariff\t2020\t2021\t2022\n(in millions)\nECCR\t318\t55\t184\n", form="8-K",
                     filed="2019-12-17")
    scored = answerer.scored_sentences(question, with_filing_words(question), [table], named)
    assert next(s for s in scored if s.sentence.text.startswith("ECCR")).states_value_asked


def test_a_year_in_a_captions_sentence_about_an_event_is_no_columns_period(answerer):
    votes = _passage("Acme Widgets, Inc.", "1. The following nominees for directors were elected to serve a one-year "
                     "term expiring at the 2024 annual meeting of stockholders:\nNominee\tFor\tWithheld\t"
                     "Broker Non-Votes\nLeonard J. Elmore\t277,367,302\t11,873,413\t3,936,780\n", form="8-K",
                     filed="2023-12-15")
    question = "How many votes were withheld from Leonard J. Elmore at Acme Widgets' December 2023 annual meeting?"
    assert _ranked(answerer, question, votes)[0].states_value_asked
    # a caption naming its columns' years still dates them
    statement = _passage("Acme Widgets, Inc.", "The following table sets forth our results for the years ended "
                         "December 31, 2022 and 2021:\nNet sales\t$\t4,200\t$\t3,900\n")
    assert not _ranked(answerer, "What were Acme Widgets' net sales in 2023?", statement)[0].states_value_asked


def test_a_figure_of_a_year_named_as_its_period_is_no_quarters(answerer):

    def states(text: str) -> bool:
        passage = _passage("Acme Widgets, Inc.", text, form="6-K", filed="2023-01-30")
        return _ranked(answerer, "What comparable sales growth did Acme Widgets report for Q4 2022?", passage
                       )[0].states_value_asked

    assert not states("Acme Widgets will invest 9% of sales in R&D, compared with 10.5% of sales in 2022.")
    assert states("Comparable sales grew 4% in the fourth quarter of 2022.")  # "Q4" gives no known 4


def test_a_headcount_asked_is_a_count_which_a_percentage_is_not(answerer):
    question = "What was Acme Widgets' average headcount in the second quarter of 2025?"
    assert _slots(question) == ("number",)
    measures = _passage("Acme Widgets, Inc.", "Workforce productivity improved 9% in the second quarter of 2025 as "
                        "car miles increased 6% and employees decreased 3%.\nThree months ended June 30,\n2025\t2024\n"
                        "Total employees (average)\t29,711\t30,556", form="10-Q", filed="2025-07-24")
    assert _quoted(answerer, question, measures)[0] == "Total employees (average)\t29,711\t30,556"


def test_a_row_of_percentages_gives_no_sum_of_money(answerer):
    question = "What were Acme Widgets' revenues for the three months ended June 30, 2025?"
    statement = _passage("Acme Widgets, Inc.", "Three Months Ended\nJune 30, 2025\tJune 30, 2024\n"
                         "As a percentage of revenues\t48\t%\t54\t%\nRevenues\t$\t11,079\t$\t9,559",
                         form="10-Q", filed="2025-07-18")
    assert _quoted(answerer, question, statement)[0] == "Revenues\t$\t11,079\t$\t9,559"


def test_what_is_asked_is_read_past_a_segment_s_long_name_ends_at_from_and_is_what_how_did_compares():
    assert _focus_terms("What were Procter & Gamble's Fabric & Home Care net sales for the nine months ended March "
                        "31, 2025?") == ["net", "sale"]
    assert _focus_terms("What was Meta's 2024 revenue from the Asia-Pacific region?", filing_words=False) == ["revenu"]
    # "what level of" asks what it is the level of; "to what level" a level
    assert _focus_terms("What level of capital spending did Acme expect for 2019?", filing_words=False) == [
        "capit", "spend"]
    assert _focus_terms("Acme gross margin was down - to what level, and why?", filing_words=False) == ["level"]
    # a chat line's periods, labelled or in brackets, are asides
    assert _focus_terms("ACME Q2 FY24 (qtr ended Jul 29 '23) Domestic computing & mobile phones revenue?",
                        filing_words=False) == ["comput", "mobil", "phone", "revenu"]
    # a measure is what is counted when nothing else is
    assert _focus_terms("How many shares did Acme Fund redeem in fiscal 1995?", filing_words=False) == ["share"]
    assert _focus_terms("What share of Acme's sales was from China?", filing_words=False) == ["sale"]
    # and is what a comparison's "how did" asks about
    assert _focus_terms("How did NVIDIA's data center revenue for the quarter compare with fiscal 2023's?",
                        filing_words=False) == ["data", "center", "revenu"]


def test_a_value_left_blank_is_a_blank_of_most_of_what_is_asked(answerer):
    question = "What was Acme Widgets' common equity Tier 1 capital ratio at September 30, 2024?"
    prospectus = _passage("Acme Widgets, Inc.", "We are offering for sale \u2007\u2007\u2007\u2007 shares of our "
                          "common stock.\nAs of September 30, 2024\nCommon equity Tier 1 capital ratio\t10.16%",
                          form="424B5", filed="2024-12-11")
    assert _quoted(answerer, question, prospectus) == ["Common equity Tier 1 capital ratio\t10.16%"]
    # and one holding less of the question than a sentence stating its value leaves another value blank: the shares
    # offered, not those issued and outstanding (Flushing Financial's 424B5 of December 2024)
    question = ("How many shares of Acme Widgets common stock were issued and outstanding at September 30, 2024, per "
                "its December 2024 prospectus?")
    prospectus = _passage("Acme Widgets, Inc.", "We are offering for sale \u2007\u2007\u2007\u2007 shares of our "
                          "common stock, $0.01 par value per share (our \u201ccommon stock\u201d). The number of shares "
                          "outstanding after this offering is based on 29,068,903 shares of our common stock issued and "
                          "outstanding as of September 30, 2024.", form="424B5", filed="2024-12-11")
    assert "29,068,903" in " ".join(_quoted(answerer, question, prospectus))


def test_a_line_of_underscores_under_a_heading_is_no_value_left_blank(answerer):
    report = _passage("Acme Widgets, Inc.", "Fourth\tThird\tSecond\tFirst\nQuarter\tQuarter\tQuarter\tQuarter\n1994\n"
                      "Net income\t$\t114,655\t$\t138,101\t$\t17,404\t$\t40,018\n\nInterest and Other Income "
                      "(Expense), Net\n" + "_" * 75 + "\n", form="10-K", filed="1994-12-13")
    assert _quoted(answerer, "What was Acme Widgets' net income in the second quarter of fiscal 1994?", report) == [
        "Net income\t$\t114,655\t$\t138,101\t$\t17,404\t$\t40,018"]
    blank = _passage("Acme Widgets, Inc.", "Public offering price per share\t$____\nNet income\t$\t114,655\n")
    assert _quoted(answerer, "What is Acme Widgets' public offering price per share?", blank) == []


def test_an_analysts_word_for_an_amount_asks_for_a_number_and_a_year_to_date_is_no_quarter():
    question = "What is Acme Widgets' ARPU?"
    assert _slots(question) == ()
    assert Asked.of(question, with_filing_words(question), {}).slots == ("number",)  # average revenue per user
    # measures of balance sheets, insurers and hotels are amounts; a committee or a release named by one is none
    assert _slots("What were Acme Widgets' gross premiums written in Texas in 2009?") == ("number",)
    assert _slots("What was hotel occupancy at Acme Widgets' resorts in 2022?") == ("number",)
    assert _slots("What percentage of Acme Widgets' shares did Roe Capital acquire?") == ("number",)
    assert _slots("Who chairs Acme Widgets' compensation committee?") == ("person",)
    # a name asked as "the name of" (Cisco's 8-K of October 1995: "Mathilda Acquisition Corporation"), though the
    # question dates its filing
    assert _slots("Acme's 8-K (Sept 1995): what was the name of the subsidiary that merged into Bolt?") == ("name",)
    assert period_kinds("In 2025, we delivered approximately 721,000 vehicles through the second quarter.") == {
        "year to date"}
    assert period_kinds("Year-to-date revenue was $2.1 billion.") == {"year to date"}
    assert period_kinds("In the second quarter of 2025, we delivered 384,000 vehicles.") == {"quarter"}
    assert period_kinds("3 Months Ended December\t12 Months Ended December") == {"quarter", "year"}
    # the first six months, as a question says it, are a year to date ending with the second quarter
    assert period_kinds("in the first six months of 2025") == {"year to date"}
    assert quarters_named("in the first six months of 2025") == {2}
    # a first half as analysts write it; "H1" alone names no period
    assert period_kinds("freight revenue, 1H 2025") == period_kinds("H1'25") == {"year to date"}
    assert quarters_named("1H 2025") == {2} and period_kinds("the H1 units") == frozenset()
    # an ordinal's suffix a PDF sets on a line of its own
    assert quarters_named("3\nrd Quarter") == {3} and quarters_named("the 2nd fiscal quarter") == {2}
    # a trailing period's columns name the quarter it ends with (Oracle's fiscal 2014 results)
    assert period_kinds("FREE CASH FLOW\u2014TRAILING 4-QUARTERS\nFiscal 2014\nQ1\tQ2\tQ3\tQ4") == {"trailing"}
    # a year's total beside its quarters (the same release's geographic revenues)
    assert period_kinds("Fiscal 2013\tFiscal 2014\nQ1\tQ2\tQ3\tQ4\tTOTAL\tQ1\tQ2\tQ3\tQ4\tTOTAL") == {"quarter", "year"}
    assert period_kinds("Revenue for the trailing twelve months (TTM)") == {"trailing"}


def test_how_large_asks_for_what_follows_and_a_part_of_a_company_is_no_line_item(answerer):
    question = "How large was the up-front technology access fee Millennium agreed to pay under its Acme Widgets deal?"
    assert "fee" in _focus_terms(question)
    release = _passage("Acme Widgets, Inc.", "The terms call for an undisclosed up-front technology access fee. "
                       "Each product is 100- to 1000-fold more potent than existing chemotherapeutics.", form="8-K")
    assert _quoted(answerer, question, release) == []
    segments = _passage("Acme Widgets, Inc.", "Year Ended December 31,\n2024\t2023\nNet sales:\n"
                        "Advertising services\t$\t56,214\t$\t46,906")
    assert _quoted(answerer, "What were Acme Widgets' advertising business net sales in 2024?", segments) == [
        "Advertising services\t$\t56,214\t$\t46,906"]


def test_a_percentage_asked_is_a_figure_with_its_sign_and_a_sentence_opening_with_an_events_year_is_that_years(
        answerer):

    def states(question: str, text: str) -> bool:
        return _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form="DEF 14A"))[0].states_value_asked

    question = "What percentage of votes cast approved Acme Widgets' say-on-pay proposal at its 2024 annual meeting?"
    assert not states(question, "Proposal 2 — Advisory Approval of Executive Compensation\t71")  # a page number
    assert states(question, "At our 2024 Annual Meeting, 96.19% of the votes cast approved our say-on-pay proposal.")
    assert not states(question, "At our 2023 Annual Meeting, 96.19% of the votes cast approved our say-on-pay "
                      "proposal.")


def test_analysts_shorthand_for_line_items_is_searched_as_filings_write_them():
    assert analysts_words("TSLA reg credit revenue Q2'25 vs Q2'24?")["reg credit"] == ("regulatory credits",)
    assert "(revenue revenues; third quarter)" in with_filing_words("Apple iPhone rev Q3 FY25 vs Q3 FY24?")
    assert "operating income)" in with_filing_words("KO FY24 op income, and why did it fall?")
    # a profit named by its line is that line
    assert with_filing_words("What was Acme's gross profit in 2022?").endswith("(gross margin)")
    assert "operating income" in with_filing_words("What was Acme's operating profit in 2022?")
    question = "JNJ Stelara WW rev Q2'25?"
    assert Asked.of(question, with_filing_words(question), {}).slots == ("number",)  # revenue is an amount


def test_a_footnote_mark_glued_to_a_word_is_no_figure(answerer):
    question = "How many stock options did Acme Widgets grant its chief executive officer in March 2023?"
    grants = _passage("Acme Widgets, Inc.", "Executive\t2022    Bonus1\t2023    Base Salary2\n"
                      "Jane Roe    Chief Executive Officer\t$—\t$758,500", form="8-K", filed="2023-03-03")
    assert _quoted(answerer, question, grants) == []


def test_an_analysts_word_in_capitals_is_asked_about_and_eps_is_held_with_a_loss_in_brackets(answerer):
    assert _focus_terms("What was Acme Widgets' RevPAR for full-year 2022?", filing_words=False) == ["revpar"]
    results = _passage("Acme Widgets, Inc.", "First\tFirst\nQuarter\tQuarter\n1998\t1997\n"
                       "Net income (loss)\t$47\t$(120)\nDiluted earnings (loss) per share\t$0.33\t$(0.96)",
                       form="10-Q", filed="1998-02-10")
    assert "Diluted earnings (loss) per share\t$0.33\t$(0.96)" in _quoted(
        answerer, "What was Acme Widgets' diluted EPS for the first quarter of fiscal 1998?", results)


def test_a_headcount_is_looked_for_where_annual_reports_give_it():
    from index.lexical import ChunkTable

    table = ChunkTable({"chunk_id": ["1", "2", "3"], "filing_id": ["a", "b", "c"], "company": ["Acme Corp"] * 3,
                        "form": ["10-K", "10-Q", "20-F"], "section": ["Item 1", "Part I Item 1", "Item 6"]},
                       [20250101] * 3)
    resolver = FilterResolver(table, lambda term: np.array([], dtype=np.int64))
    # a 10-K's human capital in Item 1, a 20-F's employees in Item 6; not a 10-Q's financial statements
    for question in ("How many employees did Acme have as of December 31, 2024?",
                     "What was Acme's employee turnover rate in fiscal 2024?"):
        assert set(resolver.infer(question).boosts["section"].sections) == {"Item 1", "Item 6"}


def test_what_money_was_paid_for_is_asked_about_by_its_name_and_an_event_dated_before_the_filing_is_in_it(answerer):
    question = "What price did Acme Widgets agree to pay for Tetra Drones under its February 2021 letter of intent?"
    # an annual report for fiscal 2020, filed after the letter of intent it reports as a subsequent event
    annual = _passage("Acme Widgets, Inc.", 'On February 26, 2021, the Company signed a Letter of Intent (the "LOI") '
                      'to acquire Tetra Drones Ltd. ("Tetra"). Pursuant to the LOI, the Company will acquire Tetra for '
                      "the sum of £350,000 GBP, payable on an installment basis.", filed="2021-03-15")
    annual = replace(annual, chunk=replace(annual.chunk, filing=replace(annual.chunk.filing, period="2020-11-30")))
    assert ("Pursuant to the LOI, the Company will acquire Tetra for the sum of £350,000 GBP, payable on an installment "
            "basis.") in _quoted(answerer, question, annual)


def test_vs_without_its_dot_sets_a_comparison_s_two_sides_and_is_no_word_an_answer_holds():
    assert parts_of("What was AMZN's International segment op income in FY24 vs FY23?") == [
        "What was AMZN's International segment op income in FY24", "What was AMZN's International segment op income in FY23"]
    answerer = ExtractiveAnswerer(lambda term: 1, lambda: 1000, lambda texts: None)
    assert "vs" not in answerer._term_weights("KO FY24 operating income vs FY23")


def test_a_month_abbreviated_with_its_year_is_a_date_not_a_name():
    question = "IMGN's new CFO in Mar '01 — who was it and where did he come from?"
    assert _names_in(question) == [] and years_asked(question) == ["2001"]
    assert years_asked("JWN March '23 equity grants") == ["2023"]


def test_a_row_counting_things_gives_no_sum_of_money_and_a_row_of_sums_no_count(answerer):
    revenues = _passage("Acme Widgets, Inc.", "Streaming revenues (in thousands)\nJune 30, 2025\tJune 30, 2024\n"
                        "EMEA\t3,538,175\t3,007,772\n", form="10-Q", filed="2025-07-18")
    stores = _passage("Acme Widgets, Inc.", "Retail stores\nJune 30, 2025\tJune 30, 2024\nEMEA\t16\t15\n",
                      rank=2, form="10-Q", filed="2025-07-18")
    members = "How many paid memberships did Acme Widgets have in EMEA as of June 30, 2025?"
    revenue = "What revenues did Acme Widgets earn in EMEA in the quarter ended June 30, 2025?"

    assert not _row_states(answerer, members, revenues, "EMEA") and _row_states(answerer, revenue, revenues, "EMEA")
    assert not _row_states(answerer, revenue, stores, "EMEA")
    assert _row_states(answerer, members.replace("paid memberships", "stores"), stores, "EMEA")


def test_a_periods_word_qualifies_what_is_asked_unless_periods_are_counted(answerer):
    assert _focus_terms("What quarterly cash dividend did Acme declare with its third-quarter results?") == [
        "cash", "dividend"]
    assert _focus_terms("How many quarters of growth did Acme report?") == ["quarter"]
    release = _passage("Acme Widgets, Inc.", "Acme announced today that net income for the fiscal quarter ended "
                       "November 2, 2024 was $44.2 million, or $0.89 per share.", form="8-K", filed="2024-11-22")
    question = "What quarterly cash dividend did Acme Widgets declare with its third-quarter fiscal 2024 results?"
    assert not _quoted(answerer, question, release)  # the quarter's earnings are no dividend


def test_a_row_labelled_with_the_questions_words_gives_no_figure_of_another_measure_its_header_names(answerer):
    segments = _passage("Acme Widgets, Inc.", "Operating Segments\tQ1 2011 CPU Units K\tQ1 2011 Revenue $M\n"
                        "Japan\t162\t1,433\nEurope\t1,203\t4,015\n", form="8-K", filed="2011-01-18")

    assert not _row_states(answerer, "How many iPads did Acme Widgets sell in Japan in the first quarter of fiscal "
                                     "2011?", segments, "Japan")
    assert _row_states(answerer, "What was Acme Widgets' revenue in Japan in the first quarter of fiscal 2011?",
                       segments, "Japan")
    # compensation is a sum of money, as the salary a header names is
    pay = _passage("Acme Widgets, Inc.", "Name and Principal Position\tYear\tSalary\tAll other\tTotal\n"
                   "Jane Q. Roe\t2015\t$93,840\t$19,128\t$112,968\n", form="20-F", filed="2016-03-30")
    assert _row_states(answerer, "What total compensation did Acme Widgets report for CEO Jane Q. Roe for 2015?", pay,
                       "Jane")


def test_a_filing_phrase_is_held_with_a_word_between_its_words(answerer):
    flows = _passage("Acme Widgets, Inc.", "Consolidated Statements of Cash Flows (In millions)\nYear Ended\t"
                     "Jan 29, 2023\tJan 30, 2022\nPurchases related to property and equipment and intangible assets"
                     "\t(1,833)\t(976)\n", filed="2023-02-24")
    assert _row_states(answerer, "What was Acme Widgets' capex in fiscal 2023?", flows, "Purchases")


def test_a_total_row_states_the_total_of_what_its_header_names_but_not_a_month_asked(answerer):
    carloads = _passage("Acme Rail Corp.", "Revenue carloads\tThree months ended June 30,\nThousands\t2025\t2024\n"
                        "Grain\t200\t190\nCoal\t300\t310\nTotal\t2,114\t2,037\n", form="10-Q", filed="2025-07-24")

    assert _row_states(answerer, "How many revenue carloads did Acme Rail haul in the second quarter of 2025?",
                       carloads, "Total")
    # June's is no row here
    assert not _row_states(answerer, "How many revenue carloads did Acme Rail haul in June 2025?", carloads, "Total")


def test_an_auxiliary_or_adverb_of_the_subject_is_not_what_is_asked(answerer):
    question = "How much did Acme Widgets still have available under its share repurchase authorization?"
    assert not {"still", "have"} & set(_focus_terms(question))
    authorization = _passage("Acme Widgets, Inc.", "As of January 26, 2025, we were authorized, subject to certain "
                             "specifications, to repurchase up to $38.7 billion of our common stock.")
    assert _quoted(answerer, question, authorization)


def test_a_row_of_another_table_than_the_statement_a_question_names_weighs_less(answerer, monkeypatch):
    from qa.vocabulary import statements_named

    note = _passage("Acme Widgets, Inc.", "Total stock-based compensation costs included in our Consolidated "
                    "Statements of Income for fiscal 2022 and 2021 were as follows:\n(in millions)\t2022\t2021\n"
                    "Cost of revenue\t$\t97\t$\t70\n", rank=3, filed="2023-01-20")
    statement = _passage("Acme Widgets, Inc.", "CONSOLIDATED STATEMENTS OF INCOME\n(In millions)\nYears Ended\t"
                         "December 2, 2022\tDecember 3, 2021\nTotal revenue\t17,606\t15,785\n", filed="2023-01-20")
    # a note's caption names the statement; only a statement's title opens a line with its name
    assert statements_named(note.chunk.text) == {"income"} and not statements_named(note.chunk.text, titles_only=True)
    assert statements_named(statement.chunk.text, titles_only=True) == {"income"}
    question = "What is Acme Widgets' FY2022 total revenue? Answer based on the income statement."

    def scores() -> dict[str, float]:
        return {s.sentence.text.split("\t")[0]: s.score for s in _ranked(answerer, question, note, statement)
                if s.sentence.table_row}

    weighed = scores()
    monkeypatch.setattr("qa.answerer.OTHER_STATEMENT", 1.0)
    plain = scores()
    assert weighed["Total revenue"] == pytest.approx(plain["Total revenue"])
    assert weighed["Cost of revenue"] < plain["Cost of revenue"]


def test_a_caption_in_the_passage_below_a_header_carried_from_above_says_what_its_rows_are(answerer):
    header = "Fiscal Years Ended\t2023\t2022\n"
    text = ("Revenue by product category\n\nDomestic:\nComputing and Mobile Phones\t$\t18,191\t$\t20,693\n"
            "Appliances\t6,381\t6,784\nInternational:\nAppliances\t355\t383\n")
    filing = FilingRef(company="Acme Widgets, Inc.", form="10-K", filing_date="2023-03-17",
                       accession="0000000000-23-000001", filing_id="acme", source="f.htm")
    # a chunk cut below its table's header carries the header from 100 characters above it
    chunk = Chunk("acme#2", filing, text, "Item 8", "Financial Statements", 100, 100 + len(text),
                  table_header=header, table_header_start=0)
    question = "What were Acme Widgets' Domestic appliances revenues in fiscal 2023?"
    rows = [s for s in _ranked(answerer, question, Passage(1, chunk, 1.0)) if s.sentence.text.startswith("Appl")]
    assert rows[0].states_value_asked and "6,381" in rows[0].sentence.text


@pytest.mark.parametrize("question, focus, slots", [
    ("ACME paid memberships at end of Q2'25?", ["paid", "membership"], ("number",)),
    ("ACME iPhone rev Q3 FY25 vs Q3 FY24?", ["rev", "revenu"], ("number",)),  # "iPhone" is a name
    ("Acme CEO Jane Smith total pay FY23?", ["pay", "paid"], ("number",)),  # the role of a person it names: no part
    ("Acme compensation committee chair?", ["compens", "committe", "chair"], ("person",)),
    ("What were Acme's net sales in 2024?", ["net", "sale"], ("number",)),  # a question word: as before
    # what it names last, before its question mark, but a pronoun
    ("Acme's March 2023 6-K: what were Acme's full-year 2022 net sales?", ["net", "sale"], ("number",)),
    ("Acme fuel surcharge revenue Q2'25: what was it?", [], ("number",)),
    # a line item named with "from" is asked whole, but "from" a document is where it is
    ("ACME Q3 FY24: income from operations, $K?", ["incom", "oper"], ("number",)),
    ("What was Acme's net cash from operating activities from the 10-K?", ["net", "cash", "oper", "activ"],
     ("number",))])
def test_a_question_typed_as_a_chat_line_asks_for_what_it_names_before_its_period(question, focus, slots):
    assert _focus_terms(question) == focus and _slots(question) == slots


def test_a_question_naming_a_measure_last_is_refused_by_a_cover_page_that_gives_other_figures(answerer):
    cover = _passage("Acme Widgets, Inc.", "FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\n\nPURSUANT TO RULE 13a-16 OR "
                     "15d-16 UNDER THE\n\nSECURITIES EXCHANGE ACT OF 1934", form="6-K", filed="2023-02-13")
    assert _quoted(answerer, "Acme Widgets' February 2023 6-K: what were Acme Widgets' 2022 net sales?", cover) == []


def test_an_abbreviation_the_question_spells_out_is_read_in_full_in_a_sentence(answerer):
    report = _passage("Acme Widgets, Inc.", "Our annual worldwide ARPP in 2024, which represents the sum of quarterly "
                      "ARPP during such period, was $49.63, an increase of 15% from 2023. Revenue grew 22% in 2024.")
    question = "Acme Widgets 10-K for 2024: what was annual worldwide average revenue per person (ARPP) for 2024?"
    assert any("$49.63" in q for q in _quoted(answerer, question, report))
    # a word with a hyphen may give an initial for each of its parts (NVIDIA's 10-K for fiscal 2023)
    from qa.answerer import _spelled_out
    assert [full for _, full in _spelled_out("How much crypto-mining processor (CMP) revenue did Acme book?")] == [
        "crypto mining processor"]
    assert [full for _, full in _spelled_out("What did Frito-Lay North America (FLNA) earn?")] == [
        "Frito Lay North America"]


def test_a_footnote_mark_is_no_figure_and_zero_is_one(answerer):
    footnote = _passage("Acme Widgets, Inc.", "Executive\t2022 Bonus1\t2023 Base Salary2\n\n1 Acme Widgets follows a "
                        "pay-for-performance philosophy.", form="8-K")
    question = "How many performance share units was Acme Widgets' CEO granted in March 2023?"
    assert _quoted(answerer, question, footnote) == []
    payout = _passage("Acme Widgets, Inc.", "On February 28, 2023, the Committee approved results which yielded zero "
                      "bonus payout for the Executives.\n2 Base salary amounts are unchanged.", form="8-K")
    assert _quoted(answerer, "What 2022 bonuses did Acme Widgets' executives receive?", payout)


def test_a_biography_sentence_about_he_is_read_with_the_name_its_paragraph_opens_with(answerer):
    biographies = _passage("Acme Widgets, Inc.", "Set forth below is certain information concerning the members of the "
                           "Executive and Supervisory Boards of the Company.\n\nKees Storm started his career at an "
                           "accountancy firm in 1970. In May 1993 he became Chairman of the Executive Board of Acme "
                           "Widgets.\n\nPaul van de Geijn started his career at Acme Widgets in 1971 at the legal "
                           "department. In 1984 he became Vice-president of Acme Widgets and since 1991 he is also CEO "
                           "of Acme Widgets Netherlands.\n\nDon Shepard began his career with Life Investors in 1970.",
                           form="20-F", filed="2001-03-30")
    question = "Which Acme Widgets Executive Board member has also been CEO of Acme Widgets Netherlands since 1991?"
    quoted = _quoted(answerer, question, biographies)
    assert any(q.startswith("Paul van de Geijn") and "since 1991" in q for q in quoted), quoted


def test_a_length_of_time_asked_is_a_number_of_periods(answerer):
    charter = _passage("Acme Widgets, Inc.", "Pursuant to the Audit Committee Charter, the Audit Committee shall be "
                       "comprised of two (2) or more independent directors appointed under exceptional "
                       "circumstances.\n\nSuch member may not serve for more than two years, and may not serve as "
                       "the Committee chair.", form="8-K")
    question = ("Under Acme Widgets' audit committee charter, for how long at most may a non-independent director "
                "appointed under exceptional circumstances serve on the audit committee?")
    assert "two years" in _quoted(answerer, question, charter)[0]


def test_a_technology_named_by_a_number_is_no_count(answerer):
    launch = _passage("Acme Widgets, Inc.", "On December 3, 2019, Acme Widgets launched its new SS1 Shoe-Scanner, a "
                      "floor-mounted 3D imaging system that inspects footwear.", form="20-F")
    assert _quoted(answerer, "How many SS1 shoe scanners did Acme Widgets sell in fiscal 2020?", launch) == []


def test_a_hyphenated_per_share_figure_is_asked_to_the_cent(answerer):
    buyback = _passage("Acme Widgets, Inc.", "Acme Widgets expects to purchase $2.0 billion to $4.0 billion of its own "
                       "stock in 2019.", filed="2019-02-07")
    assert _quoted(answerer, "What 2019 earnings-per-share guidance did Acme Widgets give?", buyback) == []


def test_a_question_asking_what_a_company_projects_asks_a_forecast(answerer):
    results = _passage("Acme Widgets, Inc.", "Gross premiums written in 2009 decreased 1% to $179.6 million as compared "
                       "to 2008.", filed="2010-03-12")
    assert _quoted(answerer, "Acme Widgets 2009 10-K: what gross premiums written does Acme Widgets project for "
                   "2010?", results) == []
    # nor what it budgets (Apple's 10-K for 1994 on its research and development in 1995)
    costs = _passage("Acme Widgets, Inc.", "Research and development\t$\t564\t-15%\t$\t665", filed="1994-12-01")
    assert _quoted(answerer, "How much did Acme Widgets budget for research and development in 1995?", costs) == []
    plan = _passage("Acme Widgets, Inc.", "The Company has budgeted $620 million for research and development in "
                    "1995.", filed="1994-12-01")
    assert _quoted(answerer, "How much did Acme Widgets budget for research and development in 1995?", plan) != []


def test_what_will_be_in_a_year_not_over_when_filed_is_a_forecast(answerer):
    # Johnson & Johnson's 8-K of August 2023 on the gain it expected from the Kenvue exchange offer
    gain = _passage("Acme Widgets, Inc.", "Acme Widgets will now present its Consumer Health business as discontinued "
                    "operations, including a gain of approximately $20 billion in the third quarter of 2023.",
                    form="8-K", filed="2023-08-30")
    question = "How large a gain did Acme Widgets expect to record in Q3 2023 on the separation?"
    assert _quoted(answerer, question, gain)
    # a contract's terms are no forecast of a year past
    past = _passage("Acme Widgets, Inc.", "Acme Widgets will record a gain of approximately $20 billion in the third "
                    "quarter of 2023.", form="8-K", filed="2024-08-30")
    assert not _quoted(answerer, question, past)


def test_what_would_be_or_was_estimated_asks_no_result_of_a_year_the_filing_cannot_report(answerer):
    # Georgia Power's rate plan, in Southern Company's 8-K of December 2013, on the tariffs of January 2014
    plan = _passage("Acme Widgets, Inc.", "Under the plan, effective January 1, 2014, Acme Widgets will collect an "
                    "additional $1.5 million through its Demand-Side Management tariff.", form="8-K",
                    filed="2013-12-17")
    assert _quoted(answerer, "How much additional revenue would Acme Widgets collect through its Demand-Side "
                   "Management tariff effective January 1, 2014?", plan)
    # nor what was estimated
    rates = _passage("Acme Widgets, Inc.", "Effective January 1, 2015, the traditional base tariff rates will increase "
                     "by an estimated $101.4 million.", form="8-K", filed="2013-12-17")
    assert _quoted(answerer, "By how much were Acme Widgets' traditional base tariff rates estimated to increase "
                   "effective January 1, 2015?", rates)


def test_a_page_number_gives_no_figure(answerer):
    question = "What return on invested capital did Acme Widgets report for the second quarter of 2025?"
    plan = _passage("Acme Widgets, Inc.", "The capital plan may be revised if laws affect our ability to generate "
                    "sufficient returns on these investments.\n27", form="10-Q", filed="2025-07-24")
    assert _quoted(answerer, question, plan) == []


def test_rows_of_a_reconciling_group_are_no_total_it_names(answerer):
    header = "Year Ended December 31,\t2024\t2023\n"
    text = ("Cash flows from operating activities:\nNet income\t$\t8,711,631\t$\t5,408,091\n"
            "Adjustments to reconcile net income to net cash provided by operating activities:\n"
            "Additions to content assets\t(16,223,617)\t(12,554,703)\n"
            "Change in content liabilities\t(11,363)\t(624,003)\n")
    filing = FilingRef(company="Acme Widgets, Inc.", form="10-K", filing_date="2025-01-27",
                       accession="0000000000-25-000002", filing_id="acme-cf", source="f.htm")
    chunk = Chunk("acme-cf#1", filing, text, "Item 8", "Financial Statements", 100, 100 + len(text),
                  table_header=header, table_header_start=0)
    quoted = _quoted(answerer, "What free cash flow did Acme Widgets report for 2024?", Passage(1, chunk, 1.0))
    assert not any("Additions to content assets" in q for q in quoted), quoted


def test_a_chat_line_question_is_answered_with_what_it_names_not_another_figure(answerer):
    release = _passage("Acme Widgets, Inc.", "Revenues for the quarter were $11.1 billion, up 16%. We operated 1,212 "
                       "retail stores at the end of the quarter.", form="10-Q", filed="2025-07-18")
    quoted = _quoted(answerer, "ACME retail stores at end of Q2'25?", release)
    assert quoted and all("stores" in q for q in quoted)


def test_a_net_loss_is_searched_as_the_line_item_statements_label_it():
    assert "net income (loss)" in with_filing_words("What net loss did Acme report for the third quarter of 1993?")


def test_a_row_under_quarters_named_over_two_header_rows_gives_the_quarter_asked(answerer):
    quarters = _passage("Acme Widgets, Inc.", "Fourth\tThird\tSecond\tFirst\nQuarter\tQuarter\tQuarter\tQuarter\n"
                        "Net income (loss) $\t2,664\t$(188,316)\t$\t110,900\t$\t161,341\n", filed="1994-12-13")
    question = "What net loss did Acme Widgets report for the third quarter of fiscal 1993?"
    assert _row_states(answerer, question, quarters, "Net income")


def test_passages_the_answer_does_not_quote_are_shown_by_their_best_sentence_and_their_retrieval_rank(monkeypatch):
    from qa.answerer import ScoredSentence, _rerank
    from qa.quotes import Sentence

    first, ninth = _passage("Acme Widgets, Inc.", "Net sales rose.", rank=1), _passage("Acme Widgets, Inc.",
                                                                                          "Costs fell.", rank=9)
    scored = [ScoredSentence(Sentence(p, 0, 10, p.chunk.text[:10]), score, frozenset(), {})
              for p, score in ((ninth, 0.50), (first, 0.45))]
    assert [p.chunk.chunk_id for p in _rerank([first, ninth], scored, [])] == [first.chunk.chunk_id,
                                                                              ninth.chunk.chunk_id]
    monkeypatch.setattr("qa.answerer.RERANK_PRIOR", 0.0)  # by the sentences alone, the ninth's comes first
    assert [p.chunk.chunk_id for p in _rerank([first, ninth], scored, [])] == [ninth.chunk.chunk_id,
                                                                              first.chunk.chunk_id]


def test_the_names_a_question_asks_about_are_capitalised_or_camel_cased_but_not_its_companies():
    from qa.filters import Inferred
    from qa.retrieval import _names_asked

    company = Inferred({"company": ChunkFilter(companies=("Acme Widgets, Inc.",))})
    assert _names_asked("What was Acme Widgets' iPad revenue in June 2024?", company) == {"ipad"}
    assert _names_asked("What were Acme Widgets' Ibrance sales?", company) == {"ibranc"}


@pytest.mark.parametrize("question", ["What was the record date for the dividend Acme declared in June 2022?",
                                      "What was the effective date of Acme's merger?", "What is the date of the meeting?"])
def test_what_was_the_date_asks_a_date(question):
    assert "date" in _slots(question)


def test_what_year_asks_a_year_the_question_does_not_give(answerer):
    question = "Since what year has Acme Widgets paid dividends, according to its 2018 10-K?"
    assert _slots(question) == ("year",) and _focus_terms(question) == []
    dividends = _passage("Acme Widgets, Inc.", "This marked the 61st consecutive year of dividend increases. Acme has "
                         "paid dividends since 1916.", filed="2019-02-07")
    assert _quoted(answerer, question, dividends) == ["Acme has paid dividends since 1916."]


_VOTES_BY_COLUMN = ("Item 5.07 Submission of Matters to a Vote of Security Holders.\n"
                    "2. The stockholders ratified the appointment of BDO USA, P.C. as the Company's independent "
                    "registered public accounting firm for the fiscal year ending June 30, 2024.\n"
                    "For\tAgainst\tAbstain\tBroker Non-Votes\n292,485,982\t659,149\t32,364\t-\n"
                    "3. The stockholders approved, on an advisory basis, the compensation paid to the Company's named "
                    "executive officers in 2023.\nFor\tAgainst\tAbstain\tBroker Non-Votes\n"
                    "285,361,185\t3,360,097\t519,433\t3,936,780\n"
                    "4. A shareholder proposal entitled \u201cTrue Diversity Board Policy\u201d was not approved.\n"
                    "For\tAgainst\tAbstain\tBroker Non-Votes\n45,732,679\t2,627,300,224\t36,765,636\t3,936,780\n")
_VOTES_BY_ROW = ("Item 5.07 Submission of Matters to a Vote of Security Holders.\n"
                 "(2) The shareholders ratified the appointment of KPMG LLP as the independent registered public "
                 "accounting firm for fiscal year 2024:\nFor\t1,125,448,378\nAgainst\t65,112,424\nAbstain\t2,556,412\n"
                 "(3) The shareholders approved, on an advisory basis, the executive compensation:\n"
                 "For\t901,248,622\nAgainst\t110,102,370\nAbstain\t8,796,897\nBroker Non-Votes\t172,969,325\n"
                 "(5) The shareholder proposal regarding an independent Board Chair was defeated:\n"
                 "For\t250,838,697\nAgainst\t746,982,272\n")

_DIRECTOR_VOTES = ("(1) The following 3 persons were elected to serve as directors of Acme Widgets:\n"
                   "Nominee\tFor\tAgainst\tAbstain\tBroker Non-Votes\n"
                   "Mary Major\t1,013,305,062\t4,427,794\t2,415,033\t172,969,325\n"
                   "John Doe\t970,556,463\t46,852,800\t2,738,626\t172,969,325\n"
                   "Jane Roe\t985,425,035\t32,153,405\t2,569,449\t172,969,325\n")


@pytest.mark.parametrize("question", [
    # Apple's 8-K of March 2019: "which director received fewer FOR votes: Andrea Jung or Art Levinson?"
    "At Acme Widgets' 2024 annual meeting, which director received fewer FOR votes: John Doe or Jane Roe?",
    "Acme Widgets' 2024 annual meeting: which director drew more FOR votes, John Doe or Jane Roe, and how many each?",
    # the two names after a dash (IFF's 8-K of May 2025), and the nominees asked of by that word, with the sentence
    # below the table that counts them all (Foot Locker's 8-K of May 2022: "each of the ten nominees ... was duly
    # elected")
    "At Acme Widgets' 2024 annual meeting, which director received fewer FOR votes — John Doe or Jane Roe?",
    "At Acme Widgets' 2024 annual meeting, which director nominee got more FOR votes, John Doe or Jane Roe?",
])
@pytest.mark.parametrize("below", ["", "Based on the votes set forth above, each of the three nominees was duly "
                                          "elected.\n"])
def test_of_two_nominees_to_choose_between_each_ones_votes_are_quoted(answerer, question, below):
    text = f"{_DIRECTOR_VOTES.replace('Nominee', 'Name')}{below}"
    answer = answerer.answer(question, with_filing_words(question),
                             [_passage("Acme Widgets, Inc.", text, form="8-K")], {"Acme Widgets, Inc.": ()})
    assert "John Doe: For 970,556,463" in answer.text and "Jane Roe: For 985,425,035" in answer.text
    assert "Mary Major" not in answer.text
    # a sentence naming neither of the two gives no figure of theirs
    assert not _states(answerer, question, "Each of the three nominees received more than 900 million votes.", "8-K")


_FREQUENCY_VOTES = (
    # PepsiCo's 8-K of May 2023: the frequency vote's rows under the directors' table, whose header they do not share
    f"{_DIRECTOR_VOTES}(4) The shareholders approved, on an advisory basis, the holding of an advisory vote on "
    "executive compensation every year:\nOne Year\t994,856,204\nTwo Years\t4,331,004\nThree Years\t17,603,165\n"
    "Abstain\t3,357,516\n")


def test_a_frequency_vote_is_counted_by_its_choices(answerer):
    question = "How many votes backed holding the say-on-pay vote every year in Acme Widgets' 2024 frequency vote?"
    answer = answerer.answer(question, with_filing_words(question),
                             [_passage("Acme Widgets, Inc.", _FREQUENCY_VOTES, form="8-K")], {"Acme Widgets, Inc.": ()})
    assert "One Year 994,856,204" in answer.text and "Two Years" not in answer.text
    # a question on that vote naming no choice asks each choice's votes
    question = "Following its 2024 say-on-pay frequency vote, how often will Acme Widgets hold the advisory vote?"
    answer = answerer.answer(question, with_filing_words(question),
                             [_passage("Acme Widgets, Inc.", _FREQUENCY_VOTES, form="8-K")], {"Acme Widgets, Inc.": ()})
    assert "One Year 994,856,204" in answer.text
    # a table that tells no choice by its columns' cells counts each choice's votes "For" it (Foot Locker's 8-K of May
    # 2022, a PDF: "Votes For" over a line "1 Year 2 Years 3 Years ...")
    text = ("On the frequency of the advisory vote on pay, every 1, 2, or 3 years, the votes were cast as set forth "
            "below:\n1 Year 2 Years\nVotes For\n3 Years Abstentions Broker Non-Votes\n"
            "66,076,265\t43,060\t4,352,683\t194,975\t6,884,223\n")
    question = "At Acme Widgets' 2022 meeting, how many votes were cast for the 1-year say-on-pay frequency option?"
    scored = _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form="8-K"))
    assert next(s for s in scored if "66,076,265" in s.sentence.text).states_value_asked
    # (but a director's "three-year term" asks no frequency vote's choice)
    assert vote_kind_asked("How many votes were cast for Jane Roe's election to a three-year term?") == "for"


@pytest.mark.parametrize("question, text, first", [
    # a row of figures alone is read under its proposal, though the proposal names another year than the meeting's
    ("How many votes were cast for ratifying BDO as Acme Widgets' auditor at its December 2023 annual meeting?",
     _VOTES_BY_COLUMN, "292,485,982\t659,149\t32,364\t-"),
    ("How many votes were cast against say-on-pay at Acme Widgets' 2024 annual meeting?", _VOTES_BY_COLUMN,
     "285,361,185\t3,360,097\t519,433\t3,936,780"),
    # a proposal named by its title in quotes (Apple's 8-K of March 2019), whose capitals are no company's name
    ("How many votes were cast FOR the shareholder proposal titled \"True Diversity Board Policy\" at Acme Widgets' "
     "annual meeting?", _VOTES_BY_COLUMN, "45,732,679\t2,627,300,224\t36,765,636\t3,936,780"),
    # a row labelled with a kind of votes gives that kind, on the proposal its group names
    ("How many votes were cast against ratifying KPMG at Acme Widgets' 2024 annual meeting?", _VOTES_BY_ROW,
     "Against\t65,112,424"),
    ("How many votes were cast for say-on-pay at Acme Widgets' annual meeting?", _VOTES_BY_ROW,
     "For\t901,248,622"),
    # the broker non-votes of the compensation vote are none of KPMG's
    ("How many broker non-votes were recorded on ratifying KPMG at Acme Widgets' 2024 annual meeting?",
     _VOTES_BY_ROW, None),
    # a director's votes withheld are no votes against, which no column of the director's table counts
    ("How many votes were cast against director Jane Roe at Acme Widgets' annual meeting?",
     "1. The following nominees were elected as directors:\nNominee\tFor\tWithheld\tBroker Non-Votes\n"
     "Jane Roe\t288,767,638\t473,077\t3,936,780\n", None),
    # a kind of votes counted for each nominee, asked of none, is given by a nominee's row (Apple's 8-K of March
    # 2019: the same broker non-votes on each director's row)
    ("How many broker non-votes were recorded in the director elections at Acme Widgets' 2019 annual meeting?",
     "1.\tThe individuals listed below were elected at the Annual Meeting to serve as directors:\n"
     "For\tAgainst\tAbstained\tBroker Non-Vote\nJames Bell\t2,664,386,155\t40,229,756\t5,182,628\t1,402,346,727\n",
     "James Bell\t2,664,386,155\t40,229,756\t5,182,628\t1,402,346,727"),
    # shares that abstained are votes (Apple's 8-K of March 2019)
    ("How many shares abstained on the proposal to ratify BDO as Acme Widgets' auditor at its December 2023 annual "
     "meeting?", _VOTES_BY_COLUMN, "292,485,982\t659,149\t32,364\t-"),
    # a nominee the question names has the votes of the row labelled with the name (PepsiCo's 8-K of May 2023)
    ("How many shares were voted against Jane Roe's re-election to Acme Widgets' board at the 2024 annual meeting?",
     _DIRECTOR_VOTES, "Jane Roe\t985,425,035\t32,153,405\t2,569,449\t172,969,325"),
])
def test_the_votes_asked_are_read_from_the_row_of_their_proposal_and_kind(answerer, question, text, first):
    passage = _passage("Acme Widgets, Inc.", text, form="8-K")
    stating = [s.sentence.text for s in _ranked(answerer, question, passage) if s.states_value_asked]
    assert (stating[0] if stating else None) == first


def test_a_ticker_the_question_names_the_filer_by_is_no_name_its_votes_must_hold(answerer):
    # PepsiCo's 8-K of May 2023: "ratifying KPMG as PEP's independent auditor"; the rows name KPMG, not PEP
    question = "How many votes were cast against ratifying KPMG as ACWI's independent auditor at its 2024 meeting?"
    stating = [s.sentence.text for s in answerer.scored_sentences(
        question, with_filing_words(question), [_passage("Acme Widgets, Inc.", _VOTES_BY_ROW, form="8-K")],
        {"Acme Widgets, Inc.": ("ACWI",)}) if s.states_value_asked]
    assert stating == ["Against\t65,112,424"]


def test_a_row_of_figures_alone_is_answered_with_its_caption_and_columns(answerer):
    question = ("How many votes were cast for ratifying BDO as Acme Widgets' auditor at its December 2023 annual "
                "meeting?")
    answer = answerer.answer(question, with_filing_words(question),
                             [_passage("Acme Widgets, Inc.", _VOTES_BY_COLUMN, form="8-K")], {"Acme Widgets, Inc.": ()})
    assert ("The stockholders ratified the appointment of BDO USA, P.C. as the Company's independent registered public "
            "accounting firm for the fiscal year ending June 30, 2024: For 292,485,982; Against 659,149; Abstain "
            "32,364; Broker Non-Votes -.") in answer.text
    assert _verbatim_quotes(answer, _VOTES_BY_COLUMN)


def test_each_proposals_row_of_votes_is_its_own_and_no_part_of_another(answerer):
    # the rows labelled "For" under each proposal are no segments of a company whose largest is the whole
    question = "How many votes were cast against say-on-pay at Acme Widgets' annual meeting?"
    answer = answerer.answer(question, with_filing_words(question),
                             [_passage("Acme Widgets, Inc.", _VOTES_BY_ROW, form="8-K")], {"Acme Widgets, Inc.": ()})
    assert "Against 110,102,370" in answer.text and "746,982,272" not in answer.text


def test_a_meetings_year_is_no_period_of_the_votes_cast_there(answerer):
    # IFF's 8-K of May 2025: the 2025 meeting votes on the pay of 2024
    text = ("Item 5.07 Submission of Matters to a Vote of Security Holders.\n"
            "The proposal to ratify the selection of PricewaterhouseCoopers LLP as the Company's independent "
            "registered public accounting firm for 2025 received the following votes:\n"
            "For\tAgainst\tAbstain\n212,026,858\t19,312,560\t74,738\n"
            "The advisory proposal to approve the compensation paid to the Company's named executive officers in "
            "2024 received the following votes:\nFor\tAgainst\tAbstain\tBroker Non-Votes\n"
            "187,853,527\t33,680,007\t206,512\t9,674,110\n")
    question = "How many votes were cast against Acme Widgets' say-on-pay proposal at its 2025 annual meeting?"
    stating = [s for s in _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form="8-K"))
               if s.states_value_asked]
    assert stating[0].sentence.text.startswith("187,853,527")
    assert stating[0].features["other_year"] == pytest.approx(0.0, abs=0.01)  # its caption's 2024 weighs nothing


def test_a_signers_title_under_the_signature_tells_whom_a_role_asked_names(answerer):
    # Wells Fargo's 10-K of 2025: each signer's name and title on lines of their own under "By: /s/ ..."
    signatures = _signature_page(
        "By:\t/s/ JANE Q. ROE\nJane Q. Roe\nPresident and Chief Executive Officer\nFebruary 25, 2025\n"
        "By:\t/s/ JOHN P. DOE\nJohn P. Doe\nExecutive Vice President, Chief Accounting Officer and Controller\n"
        "February 25, 2025\n")
    question = "Who is Acme Widgets' Chief Accounting Officer, as shown on the signature page of its 10-K?"
    assert _focus_terms(question) == ["chief", "account", "offic"]  # the role asked, not any person
    best = _ranked(answerer, question, signatures)[0]
    assert "JOHN P. DOE" in best.sentence.text and "Chief Accounting Officer" in best.sentence.text
    answer = answerer.answer(question, with_filing_words(question), [signatures], {"Acme Widgets, Inc.": ()})
    assert "John P. Doe" in answer.text
    # a signature naming the office a question asks for is asked for, as a signature is by "who signed"
    question = "Who was Acme Widgets' chief accounting officer when it filed its 10-K for 2024?"
    best = _ranked(answerer, question, signatures)[0]
    assert best.features["signature_asked"] and "Chief Accounting Officer" in best.sentence.text


def test_a_signature_row_is_quoted_with_the_name_printed_under_it_not_the_one_above(answerer):
    # Netflix's 10-K of 2025: "/S/ NAME<tab>title<tab>date" rows, each signer's name printed on the line below
    signatures = _signature_page(
        "Signature\tTitle\tDate\n"
        "/S/ JANE Q. ROE\tChief Financial Officer (principal financial officer)\tJanuary 27, 2025\nJane Q. Roe\n"
        "/S/ JOHN P. DOE\tChief Accounting Officer (principal accounting officer)\tJanuary 27, 2025\nJohn P. Doe\n"
        "/S/ MARY SMITH\tDirector\tJanuary 27, 2025\nMary Smith\n")
    question = "Who signed Acme Widgets' 10-K as chief accounting officer?"
    answer = answerer.answer(question, with_filing_words(question), [signatures], {"Acme Widgets, Inc.": ()})
    assert "John P. Doe" in answer.text and "Jane Q. Roe" not in answer.text and "Mary Smith" not in answer.text


def test_an_executive_vice_president_is_no_chief_executive(answerer):
    # NVIDIA's 10-K of February 2025: its CFO signs as "Executive Vice President and Chief Financial Officer
    # (Principal Financial Officer)" above its CEO's signature
    signatures = _signature_page(
        "/s/ JANE Q. ROE\tExecutive Vice President and Chief Financial Officer (Principal Financial Officer)\t"
        "February 26, 2025\nJane Q. Roe\n"
        "/s/ JOHN P. DOE\tPresident, Chief Executive Officer and Director (Principal Executive Officer)\t"
        "February 26, 2025\nJohn P. Doe\n")
    question = "Who signed Acme Widgets' fiscal 2025 10-K as principal executive officer?"
    answer = answerer.answer(question, with_filing_words(question), [signatures], {"Acme Widgets, Inc.": ()})
    assert "John P. Doe" in answer.text and "Jane Q. Roe" not in answer.text
    # but an executive vice president is one of the executive officers
    from qa.answerer import _names_role, _role_asked
    role = _role_asked("Who is Acme Widgets' executive officer in charge of Canada?")
    assert role and _names_role("Executive Vice President, Human Resources and Acme Canada", role)


def test_an_exhibit_index_row_answers_about_its_document_only(answerer):
    # NVIDIA's 10-K for fiscal 2023: "Certificate of Incorporation" rows under "Incorporated by Reference"; Alcon's 6-K
    # of February 2023 dates its press release only in its exhibit index
    index = _passage("Acme Widgets, Inc.", "EXHIBIT INDEX\nIncorporated by Reference\nExhibit No.\tExhibit Description"
                     "\tSchedule/Form\tFile Number\tExhibit\tFiling Date\n3.1\tRestated Certificate of Incorporation "
                     "of Acme Widgets, Inc.\t10-K\t0-23985\t3.1\t3/18/2022\n99.1\tPress release issued by Acme "
                     "Widgets, Inc. dated February 12, 2023\t6-K\t0-23985\t99.1\t2/13/2023\n")
    incorporated = "When was Acme Widgets incorporated, per its 10-K?"
    assert not _row_states(answerer, incorporated, index, "3.1\t")
    assert _row_states(answerer, "On what date was Acme Widgets' press release issued?", index, "99.1\t")


def test_a_total_under_its_parts_totals_gives_the_whole_and_a_parts_total_its_part(answerer):
    # PepsiCo's 2022 10-K: the provision for income taxes, its current and deferred parts each totalled in a row of
    # figures alone, and the whole in a row whose currency signs stand in cells of their own
    note = _passage("Acme Widgets, Inc.", "The provision for income taxes consisted of the following:\n2022\t2021\n"
                    "Current:\nU.S. Federal\t$\t1,137\t$\t702\nForeign\t1,027\t955\n2,164\t1,657\nDeferred:\n"
                    "U.S. Federal\t22\t375\nForeign\t(709)\t(14)\n(687)\t361\n$\t1,477\t$\t2,018\n", filed="2023-02-09")
    question = "Acme Widgets FY22 provision for income taxes ($M)?"
    assert _row_states(answerer, question, note, "$\t1,477")
    assert not _row_states(answerer, question, note, "2,164")  # the current provision
    assert _row_states(answerer, "Acme Widgets FY22 current provision for income taxes ($M)?", note, "2,164")


def test_the_place_asked_of_is_what_an_answer_must_name(answerer):
    question = "In which city are Acme Widgets' principal executive offices located, per its March 2021 8-K?"
    assert _focus_terms(question) == ["princip", "execut", "offic"]
    # the address under its caption decides whether to answer, not the date line an answer quotes beside it
    cover = _passage("Acme Widgets, Inc.", "Date of Report (Date of earliest event reported):\tMarch 29, 2021\n"
                     "ACME WIDGETS, INC.\n(Exact name of registrant as specified in its charter)\n"
                     "510 Lake Cook Road,\tSuite 100,\tDeerfield,\tIllinois\t60015\n"
                     "(Address of principal executive offices)\t(Zip Code)\n", form="8-K", filed="2021-03-30")
    assessment = answerer.assess(question, with_filing_words(question), [cover], {"Acme Widgets, Inc.": ()})
    assert "Deerfield" in assessment.deciding.sentence.text
    # where a company was incorporated is asked by the verb, which the cover's caption and a business description
    # hold, not the registrant's name above them
    for question in ("In which state is the holding company incorporated, per Acme Widgets' 8-K?",
                     "Under the laws of what jurisdiction is Acme Widgets, Inc. incorporated?",
                     "When and in which state was Acme Widgets originally incorporated?"):
        assert _focus_terms(question) == ["incorpor"]
    cover = _passage("Acme Widgets, Inc.", "ACME WIDGETS, INC.\n(Exact Name of Registrant as Specified in its "
                     "Charter)\nMaryland\t001-40609\t61-1993378\n(State or Other Jurisdiction of Incorporation)\t"
                     "(Commission File No.)\t(I.R.S. Employer Identification No.)\n", form="8-K", filed="2024-12-27")
    question = "In which state is the holding company incorporated, per Acme Widgets' 8-K?"
    assessment = answerer.assess(question, with_filing_words(question), [cover], {"Acme Widgets, Inc.": ()})
    assert "Maryland" in assessment.deciding.sentence.text
    # a demonstrative is the article of what is asked
    assert _focus_terms("The 8-K lists a former address. What was that former address?") == ["former", "address"]


def test_gaap_and_plural_abbreviations_are_no_names_and_gaap_excludes_adjusted_figures(answerer):
    assert _names_in("What was NVDA's FY2025 GAAP net income?") == [["NVDA"]]  # statements write no "GAAP" by rows
    assert ["GAAP"] in _names_in("What non-GAAP EPS did Acme Widgets report?")  # adjusted figures' passages do
    # nor is an abbreviation's plural a name: it is what is asked
    question = "How many GPUs did Acme Widgets ship in fiscal 2023?"
    assert _names_in(question) == [["Acme", "Widgets"]] and _focus_terms(question) == ["gpus"]
    statement = _passage("Acme Widgets, Inc.", "Consolidated Statements of Income\n(In millions)\tJan 26, 2025\t"
                         "Jan 28, 2024\nNet income\t$\t72,880\t$\t29,760\n", filed="2025-02-26")
    assert _row_states(answerer, "Acme Widgets FY2025 (year ended Jan 26, 2025) GAAP net income, $M?", statement,
                       "Net income")
    guidance = _passage("Acme Widgets, Inc.", "Acme Widgets will recognize a benefit of $0.28 to its full-year 2023 "
                        "Adjusted Diluted EPS.", form="8-K", filed="2023-08-30")
    assert not _row_states(answerer, "What GAAP (unadjusted) diluted EPS did Acme Widgets guide for full-year 2023?",
                           guidance, "Acme Widgets will")


def test_a_plan_asked_for_is_a_forecast_which_a_result_does_not_give(answerer):
    question = "How much capital spending does Acme Widgets plan for 2023?"
    result = _passage("Acme Widgets, Inc.", "Capital spending was $5.2 billion, mostly for manufacturing capacity.",
                      filed="2023-02-09")
    assert not _row_states(answerer, question, result, "Capital spending")
    plan = _passage("Acme Widgets, Inc.", "Acme Widgets plans to invest $5.5 billion in capital spending in 2023.",
                    filed="2023-02-09")
    assert _row_states(answerer, question, plan, "Acme Widgets plans")


def test_what_a_question_asks_of_a_person_or_a_balance_is_read_from_its_words(answerer):
    from qa.answerer import _slots
    # a person by a body or a post, whatever words qualify it (Apple's 8-K of December 1996, Loncor's 20-F)
    assert _slots("Which former Acme executive was to lead the next-generation OS development?") == ("person",)
    assert _slots("Which audit committee member has sat on the board only since March 31, 2011?") == ("person",)
    assert _slots("What principal executive office address does Acme's 8-K cover give?") == ()
    # a price paid, and a balance asked by "what" (Rock of Ages' 8-K of September 2000, Sophiris Bio's of March 2016)
    assert _slots("What did Acme Widgets pay for American Monument Corporation in September 2000?") == ("number",)
    question = "What accumulated deficit did Acme Widgets report at December 31, 2015?"
    assert _slots(question) == ("number",)
    assert not _states(answerer, question, "On March 23, 2016, Acme Widgets issued a press release announcing its "
                       "financial results for the year ended December 31, 2015.", form="8-K")
    assert _states(answerer, question, "As of December 31, 2015, Acme Widgets had an accumulated deficit of $112.4 "
                   "million.", form="8-K")


def test_the_day_a_release_was_issued_is_no_date_something_is_expected(answerer):
    # ABVC BioPharma's release of April 2025 gives no date for its pivotal trial, only its own dateline
    question = "When does Acme Widgets expect to start the pivotal Phase III trial?"
    release = _passage("Acme Widgets, Inc.", "Silicon Valley, CA (April 16, 2025) – Acme Widgets, Inc. today announced "
                       "its financial results for the fiscal year ended December 31, 2024.", form="8-K",
                       filed="2025-04-16")
    assert not _row_states(answerer, question, release, "Silicon Valley")
    expected = _passage("Acme Widgets, Inc.", "Acme Widgets expects to start the pivotal Phase III trial in the second "
                        "half of 2026.", form="8-K", filed="2025-04-16")
    assert _row_states(answerer, question, expected, "Acme Widgets expects")


def test_a_total_under_the_group_the_question_names_is_not_the_companys_total(answerer):
    # Oracle's 10-Q of September 2024: its services' revenues by region, and its total revenues by offering
    text = ("Three Months Ended August 31,\n(Dollars in millions)\t2024\t2023\nServices Revenues:\n"
            "Americas\t$\t767\t$\t895\nEMEA\t327\t323\nTotal revenues\t1,263\t1,383\n"
            "Our total revenues by offerings were as follows:\nThree Months Ended August 31,\n(Dollars in millions)\t"
            "2024\t2023\nRevenues by Offerings:\nCloud services and license support\t$\t8,982\t$\t7,780\n"
            "Total revenues\t$\t11,389\t$\t10,356\n")
    table = _passage("Acme Widgets, Inc.", text, form="10-Q", filed="2024-09-10")
    question = "ACME Q1 FY25 (quarter ended Aug 31, 2024): services revenues, $M?"
    chosen = answerer.assess(question, with_filing_words(question), [table], {"Acme Widgets, Inc.": ()}).chosen
    quoted = " ".join(c.sentence.text for c in chosen)
    assert "1,263" in quoted and "11,389" not in quoted


def test_a_share_of_a_whole_is_a_percentage_not_a_sum(answerer):
    question = "What share of Acme Widgets' online sales did customers pick up in its stores?"
    share = _passage("Acme Widgets, Inc.", "During these same periods, the percentage of online sales picked up in "
                     "our stores by our customers was also consistent at just over 40%.")
    assert _ranked(answerer, question, share)[0].states_value_asked
    total = _passage("Acme Widgets, Inc.", "Online sales of $2.8 billion were picked up in stores or delivered.")
    assert not _ranked(answerer, question, total)[0].states_value_asked
    # a percentage in words is one too: "up to twenty percent of the Board" (Apple's proxy access bylaw of 2015)
    bylaw = _passage("Acme Widgets, Inc.", "Shareholders may nominate directors constituting up to twenty percent of "
                     "the Board.", form="8-K")
    assert _ranked(answerer, "Up to what share of Acme Widgets' Board can shareholders nominate?", bylaw
                   )[0].states_value_asked


def test_a_word_in_capitals_that_abbreviates_the_company_named_is_its_ticker(answerer):
    # "SO" of Southern Company, which its release never writes and the index cannot tell from the word "so"
    question = "Acme Widgets Jan 2007 earnings 8-K: what earnings did AW post for Q4 2006, in $ millions?"
    release = _passage("Acme Widgets, Inc.", "Acme Widgets also reported fourth quarter earnings of $188.4 million, "
                       "or 25 cents a share.", form="8-K", filed="2007-01-25")
    assessment = answerer.assess(question, with_filing_words(question), [release], {"Acme Widgets, Inc.": ()})
    assert assessment.chosen and not assessment.features["off_topic"]


def test_a_person_may_bear_the_companys_name(answerer):
    # Nordstrom's 8-K of March 2023: "Peter E. Nordstrom President, Nordstrom Inc. and Chief Brand Officer"
    table = _passage("Acme Widgets, Inc.", "Name and Title\t2022 Bonus\t2023 Base Salary\nPeter E. Acme President, "
                     "Acme Widgets Inc. and Chief Brand Officer\t$—\t$758,500\n", form="8-K", filed="2023-03-20")
    question = "Acme Widgets March 2023 8-K: who holds the title President, Acme Widgets Inc. and Chief Brand Officer?"
    assert _row_states(answerer, question, table, "Peter E. Acme")


def test_a_firm_serving_the_filer_asked_by_its_role_and_a_jurisdiction_are_names():
    # ExperTelligence's 8-K of November 2007 says only that it will "use its current transfer agent"
    assert _slots("Acme Widgets Nov 2007 8-K: which transfer agent is handling the certificate exchanges?") == ("name",)
    assert _slots("Which court must approve the settlement?") == ("name",)
    # and so is a jurisdiction, a place (Amcor plc's "Bailiwick of Jersey")
    assert _slots("Under the laws of which jurisdiction is Acme Widgets plc incorporated?") == ("name",)
    assert _slots("What trustee fee was paid out of the December 15, 1998 distribution?") == ("number",)


def test_a_row_labelled_by_its_quarter_gives_what_its_header_names(answerer):
    # Ulta's release of March 2023: a store count's quarters as rows, the header in words over them
    stores = _passage("Acme Widgets, Inc.", "Store Update\nTotal stores open at end of the quarter\tStores opened\n"
                      "Net sales\t100\t200\n3\nrd Quarter\t1,343\t18\n4\nth Quarter\t1,355\t12\n", form="8-K",
                      filed="2023-03-09")
    question = "How many stores did Acme Widgets have open at the end of the third quarter of fiscal 2022?"
    assert _row_states(answerer, question, stores, "3\nrd Quarter")
    assert not _row_states(answerer, question, stores, "4\nth Quarter")  # another quarter's
    assert not _row_states(answerer, question, stores, "Net sales")


def test_a_person_named_by_title_and_surname_is_the_person_the_question_names(answerer):
    agreement = _passage("Acme Widgets, Inc.", "Mr. Hetzel will also be eligible to receive annual incentive bonuses, "
                         "with target bonuses for fiscal years 2023 and 2024 equal to $75,000 and $112,500.",
                         form="8-K", filed="2023-03-20")
    other = _passage("Acme Widgets, Inc.", "Mr. Kaufman will receive a bonus of $50,000 for fiscal year 2023.",
                     form="8-K", filed="2023-03-20")
    question = "What is Brandon Hetzel's target bonus for fiscal 2023 at Acme Widgets?"
    assert _ranked(answerer, question, agreement)[0].on_topic
    assert not _ranked(answerer, question, other)[0].on_topic


def test_shorthand_for_lengths_and_months_is_no_word_an_answer_must_hold(answerer):
    # headers write them in full ("Thirteen Weeks Ended November 2, 2024"); the periods are checked as periods
    weights = answerer._term_weights("BKE Q3 FY24 selling expenses (13 wks ended Nov 2, 2024), $K?")
    assert "sell" in weights and not {"wks", "nov"} & set(weights)


def test_a_firm_named_by_its_initials_is_the_firm_the_question_names(answerer):
    fees = _passage("Acme Widgets, Inc.", "Fees for professional services rendered by D&T for fiscal 2023 and 2022 "
                    "were as follows:\nFiscal 2023\tFiscal 2022\nAudit Fees\t$\t4,775,800\t$\t5,121,000\n",
                    form="DEF 14A", filed="2024-01-26")
    assert _ranked(answerer, "How much did Acme Widgets pay Deloitte & Touche in audit fees for fiscal 2023?",
                   fees)[0].on_topic
    assert not _ranked(answerer, "How much did Acme Widgets pay Ernst & Young in audit fees for fiscal 2023?",
                       fees)[0].on_topic


def test_a_name_in_what_is_asked_is_in_the_passage_that_gives_its_figure(answerer):
    regions = _passage("Acme Pharma Inc.", "Sales by geographic area\n2025\t2024\nEurope\t5,387\t5,214\n")
    assert _row_states(answerer, "What were Acme Pharma's sales in Europe in 2025?", regions, "Europe")
    # the region's sales of all products are not one product's
    assert not _row_states(answerer, "What were ACMEZUMAB sales in Europe at Acme Pharma in 2025?", regions, "Europe")
    # but the name of whose they are is no part ("Amex's" loans are American Express's, whatever its filing says)
    assert _row_states(answerer, "What were Acmex's sales in Europe in 2025?", regions, "Europe")


def test_a_person_given_another_role_only_is_not_the_role_asked(answerer):
    release = _passage("Acme Widgets, Inc.", "“Our fourth quarter results punctuate an exceptional year,” said Jane Q. "
                       "Roe, chief executive officer. John P. Doe, Executive Vice President and Chief Financial "
                       "Officer, will host the call. Mary Major joined the board as a director. Richard Roe was "
                       "named President and Chief Operating Officer.", form="8-K")

    def names_person(question: str, opening: str) -> bool:
        return next(s for s in _ranked(answerer, question, release) if s.sentence.text.startswith(opening)
                    ).states_value_asked

    question = "Who was Acme Widgets' chief financial officer in its fourth quarter release?"
    assert not names_person(question, "“Our fourth")
    assert names_person(question, "John P. Doe")
    assert names_person("Who is Acme Widgets' CEO?", "“Our fourth")
    # a role that is not the question's other words ("Whom did Acme appoint as President"); a vice president is no
    # president (Coca-Cola's executive officers in its 2024 10-K)
    assert names_person("Whom did Acme Widgets appoint as President in 2025?", "Richard Roe")
    assert not names_person("Whom did Acme Widgets appoint as President in 2025?", "John P. Doe")
    assert names_person("Who joined Acme Widgets' board?", "Mary Major")  # no role asked
    # an earnings release is a document the question names, no figure it asks for
    assert _slots("Who was Acme Widgets' CFO, as named in its fourth-quarter earnings release?") == ("person",)
    assert _slots("Who reported Acme Widgets' earnings, and how much were they?") == ("number", "person")


def test_a_person_in_the_role_asked_of_another_part_of_the_company_is_not_the_one_asked(answerer):
    # 3M's executive officers in its 10-K for 2018: each executive vice president heads a business group
    officers = _passage("Acme Widgets, Inc.", "Executive Officers\nName\tAge\tPresent Position\nJames L. Bauman\t59\t"
                        "Executive Vice President, Industrial Business\nAshish K. Khandpur\t51\tExecutive Vice "
                        "President, Electronics & Energy Business Group\n")
    question = "Who was Executive Vice President of the Electronics & Energy Business Group at Acme Widgets?"
    assert not _row_states(answerer, question, officers, "James L. Bauman")
    assert _row_states(answerer, question, officers, "Ashish K. Khandpur")
    # the part may be named by a heading above the list (a supervisory board's members, AEGON's 20-F for 2000)
    board = _passage("Acme Widgets, Inc.", "Members of the Supervisory Board\nM. Tabaksblat, 63, Chairman, is a "
                     "former chief executive of Unilever. He joined in 1990.\n")
    assert _row_states(answerer, "Who was Chairman of Acme Widgets' Supervisory Board?", board, "M. Tabaksblat")
    # a role joined to another by a comma names no part ("EVP, President and CEO of Boeing Defense")
    assert _role_part("Who was Acme's EVP, President and CEO?") == frozenset()
    assert _role_part("Who is Acme's President, Europe operating unit?") == frozenset(terms("Europe"))


def test_a_name_is_never_read_across_the_cells_of_a_table(answerer):
    # GAINSCO's 10-K for 2009: the column heads of its restricted stock awards name nobody
    awards = _passage("Acme Widgets, Inc.", "The following table outlines the restricted stock activity:\n"
                      "Restricted\tUnrecognized\tRestricted\tUnrecognized\n2009\t2008\n"
                      "Shares granted\t100\t200\n")
    assert not _row_states(answerer, "Who chaired Acme Widgets' audit committee?", awards, "Restricted")


def test_the_kind_of_fact_asked_is_read_from_how_the_question_asks_it(answerer):
    # a role only a firm holds asks a firm's name, unless a person's role is asked beside it
    assert _slots("Acme 8-K from February 2002 - who is the new certifying accountant?") == ("name",)
    assert _slots("Who were the underwriters of Acme Widgets' offering?") == ("name",)
    # a firm that advises or serves the company is asked by its name (Cabot's compensation consultant, its proxy of
    # 2024), but what it is paid is a figure
    assert _slots("Which independent compensation consultant advises Acme's Compensation Committee?") == ("name",)
    assert _slots("Which bank is the trustee for Acme Widgets' senior notes?") == ("name",)
    assert _slots("What trustee fee was paid out of Acme Trust's December distribution?") == ("number",)
    assert _slots("Who was Acme Widgets' CEO when it changed auditors in August 2009?") == ("person",)
    # a date asked of a rate case, a dividend: a date, no figure, unless one is asked in so many words; and
    # "date" is no part of what it is of
    question = "By what date is Acme Widgets required to file its next general rate case under the 2013 ARP?"
    assert _slots(question) == ("date",) and "date" not in _focus_terms(question)
    assert _slots("When was Acme Widgets' dividend paid and how much was it?") == ("number", "date")
    # a place asked by its kind asks a name, not the sales its words hold; "where" after a chat line's context too
    assert _slots("Acme Sept 2000 8-K: in which Connecticut towns did Acme have its sales locations?") == ("name",)
    assert _slots("What state tax rate applied to Acme Widgets?") == ("number",)
    assert _slots("Acme August 1998 8-K on the Junglee deal: where was Junglee based?") == ("name",)
    # "under what name" asks a name, and "name" is no part of what it is of
    question = "ACME FY2024 10-K: under what name was Acme Widgets originally incorporated in New York in 1911?"
    assert _slots(question) == ("name",) and "name" not in _focus_terms(question)
    # a clause saying when, before what is asked, asks no date; a question opening with "when was" does
    assert _slots("When Acme Widgets bought Combinet in 1995, in what year had Combinet been founded?") == ("year",)
    assert _slots("When was Combinet founded, and who founded it?") == ("date", "person")
    # a question asking yes or no is answered by a sentence saying so, not by a row of figures
    question = "ACME FY2023 10-K: did any single customer account for 10% or more of total revenue in fiscal 2023?"
    assert _slots(question) == ("whether",)
    assert _slots("Did Acme Widgets pay a dividend in 2023, and how much was it?") == ("number",)
    told = _passage("Acme Widgets, Inc.", "Revenue by customer\nTotal revenue\t$\t26,974\t$\t26,914\n"
                    "No customer represented 10% or more of total revenue for fiscal years 2023 and 2022.\n")
    assert _row_states(answerer, question, told, "No customer")
    assert not _row_states(answerer, question, told, "Total revenue")


def test_a_chat_line_s_context_before_a_colon_or_dash_is_not_what_it_asks(answerer):
    # names, periods and a meeting before the separator; what is asked after it
    assert _focus_terms("IFF 2025 AGM: votes against John Ferraro?")[:2] == ["vote", "against"]
    assert ["AGM"] not in _names_in("IFF 2025 AGM: votes against John Ferraro?")  # analysts' shorthand, no name
    assert _focus_terms("FL May '22 annual meeting: votes FOR ratifying KPMG as auditor?")[:2] == ["vote", "against"]
    # a measure before the dash is what is asked, the words after it a follow-up
    assert _focus_terms("Acme CEO Jane Smith total comp FY23 — up or down vs FY22?") == ["comp", "compens"]
    assert _focus_terms("NFLX paid memberships end of Q2'25?") == ["paid", "membership"]
    # a document the question is about is context too, and what is asked ends where the circumstances begin
    assert _focus_terms("ACME Dec 2024 prospectus supplement: pro forma leverage ratio after the offering?") == [
        "pro", "forma", "leverag", "ratio"]
    # the statement a figure is read from says where it is, not what it is (and is still searched)
    question = "ACME Q1 FY25 10-Q: what were capital expenditures per the cash flow statement, in $ millions?"
    assert _focus_terms(question, filing_words=False) == ["capit", "expenditur"]
    assert "cash flow statement" in with_filing_words(question)
    # a document named by its kind and dated to the day ("Apple January 18, 2011 8-K data sheet:")
    assert _focus_terms("Acme January 18, 2011 8-K data sheet: Asia Pacific segment revenue in Q1 fiscal 2011?")[
        :2] == ["segment", "revenu"]
    rows = _passage("Acme Widgets, Inc.", "Executive\t2022    Bonus1\t2023    Base Salary2\n"
                    "Jane Q. Roe    Chief Executive Officer\t$—\t$758,500\n"
                    "Kenneth J. Dwyer  Chief Customer Officer\t$—\t$895,000\n", form="8-K", filed="2023-03-06")
    # a row labelled with the person the question names gives what its header names
    question = "Acme Widgets — Kenneth Dwyer's 2023 base salary?"
    assert _row_states(answerer, question, rows, "Kenneth J. Dwyer")
    assert not _row_states(answerer, question, rows, "Jane Q. Roe")
    # or with the office it names the person by, in words many chunks hold (no distinctive name), whose row comes first
    common_words = ExtractiveAnswerer(lambda term: 300, lambda: 1000, answerer.embed)
    question = "Acme Widgets March 2023 8-K: what 2023 base salary did the Chief Customer Officer get?"
    assert _row_states(common_words, question, rows, "Kenneth J. Dwyer")
    assert _ranked(common_words, question, rows)[0].sentence.text.startswith("Kenneth J. Dwyer")


def test_a_table_of_balances_at_days_gives_no_revenue_unless_its_header_names_it(answerer):
    # Tesla's 10-K of 2025: long-lived assets by country at December 31 are no revenue of Germany
    assets = _passage("Acme Widgets, Inc.", "Long-lived assets by geographic region (in millions):\n"
                      "December 31, 2024\tDecember 31, 2023\nUnited States\t$\t35,836\t$\t26,629\n"
                      "Germany\t4,175\t4,258\n")
    revenue = "How much revenue did Acme Widgets generate in Germany in 2024?"
    assert not _row_states(answerer, revenue, assets, "Germany")
    assert _row_states(answerer, "What were Acme Widgets' long-lived assets in Germany at December 31, 2024?", assets,
                       "Germany")
    # 3M's 10-K of 2018 splits "Year ended December 31," above its net sales by product line
    sales = _passage("Acme Widgets, Inc.", "December 31,\nNet Sales (Millions)\t2018\t2017\t2016\n"
                     "Oral Care\t1,353\t1,322\t1,274\n")
    assert _row_states(answerer, "What were Acme Widgets' Oral Care net sales in 2018?", sales, "Oral Care")
    # but deferred revenue is a balance at a day (Adobe's balance sheet of December 2, 2022)
    balances = _passage("Acme Widgets, Inc.", "December 2,\tDecember 3,\n2022\t2021\nCurrent liabilities:\n"
                        "Deferred revenue\t5,297\t4,733\n")
    assert _row_states(answerer, "ACME current deferred revenue at FYE22 (Dec 2, 2022), $M?", balances, "Deferred")


def test_a_balance_asked_at_a_day_no_column_of_its_table_is_dated_is_not_stated(answerer):
    # Tesla's 10-Q of July 2025: its accrued liabilities at June 30, 2025 and December 31, 2024 give no customer
    # deposits at June 30, 2024
    accrued = _passage("Acme Widgets, Inc.", "Accrued liabilities consisted of the following (in millions):\n"
                       "June 30, 2025\tDecember 31, 2024\nCustomer deposits\t1,412\t993\n", form="10-Q",
                       filed="2025-07-23")
    assert not _row_states(answerer, "What were Acme Widgets' customer deposits at June 30, 2024?", accrued,
                           "Customer deposits")
    # a column a few days off is the same balance (a fiscal quarter ends on a weekday: June 28 for June 30)
    assert _row_states(answerer, "What were Acme Widgets' customer deposits as of June 28, 2025?", accrued,
                       "Customer deposits")
    # a header stacking each day's month over its year dates no column by a day of its own (Amazon's balance sheet)
    stacked = _passage("Acme Widgets, Inc.", "CONSOLIDATED BALANCE SHEETS\nDecember 31,\n2023\t2024\n"
                       "Customer deposits\t1,412\t993\n")
    assert _row_states(answerer, "What were Acme Widgets' customer deposits at December 31, 2024?", stacked,
                       "Customer deposits")


def test_money_spent_on_doing_something_is_the_row_of_what_was_done(answerer):
    # Apple's 10-K for 1994: "Repurchase of common stock" in its cash flows is what it spent repurchasing stock
    flows = _passage("Acme Widgets, Inc.", "Consolidated Statements of Cash Flows\nThree fiscal years ended\t1994\t"
                     "1993\t1992\nRepurchase of common stock\t--\t(273,454)\t(212,625)\n", filed="1994-12-13")
    assert _row_states(answerer, "How much did Acme Widgets spend repurchasing its common stock in fiscal 1993?",
                       flows, "Repurchase")


def test_a_balance_asked_at_a_day_written_short_is_no_whole_years_figure(answerer):
    # NVIDIA's 10-Q of August 2025: its inventories at "Jul 27, 2025" and "Jan 26, 2025"
    inventories = _passage("Acme Widgets, Inc.", "Certain balance sheet components are as follows:\n"
                           "Jul 27, 2025\tJan 26, 2025\nInventories:\t(In millions)\nFinished goods\t8,708\t3,273\n",
                           form="10-Q", filed="2025-08-27")
    assert _row_states(answerer, "ACME 10-Q: finished goods inventory at Jul 27, 2025?", inventories, "Finished")


def test_a_row_of_a_table_whose_other_rows_write_a_currency_sign_counts_no_units(answerer):
    # Apple's 10-Q of August 2025: only the first row of its net sales by category writes "$"
    question = "How many Mac units did Acme Widgets sell in the June 2025 quarter?"
    sales = _passage("Acme Widgets, Inc.", "Products and Services Performance\nThree Months Ended\n"
                     "June 28, 2025\tJune 29, 2024\niPhone\t$\t44,582\t$\t39,296\nMac\t8,046\t7,009\n", form="10-Q",
                     filed="2025-08-01")
    assert not _row_states(answerer, question, sales, "Mac")
    units = _passage("Acme Widgets, Inc.", "Products and Services Performance\nThree Months Ended\n"
                     "June 28, 2025\tJune 29, 2024\niPhone\t44,582\t39,296\nMac\t8,046\t7,009\n", form="10-Q",
                     filed="2025-08-01")
    assert _row_states(answerer, question, units, "Mac")


def test_a_generic_word_alone_beside_a_figure_says_nothing_of_what_is_asked():
    asked = Asked.of("What was Acme's net cash provided by operating activities in 2023?", "",
                     {t: 1.0 for t in terms("net cash provided operating activities")})
    assert not _states_number(asked, "Earnings in 2023 included net losses on equity securities of $539 million.")
    assert _states_number(asked, "Net cash provided by operating activities was $4.2 billion in 2023.")


def test_a_count_of_units_of_time_is_stated_only_as_a_number_of_those_units():
    question = "How many weeks of channel inventory did Acme's resellers hold at the end of fiscal 1997?"
    asked = Asked.of(question, question, {t: 1.0 for t in terms("weeks channel inventory")})
    assert not _states_number(asked, "Inventories\t225\t1,113\t(687)")  # dollars of its own inventory
    assert _states_number(asked, "Resellers held about 6 weeks of channel inventory at year end.")
    vacation = "How many days of annual vacation does Acme's new CFO get?"
    assert _states_number(Asked.of(vacation, vacation, {t: 1.0 for t in terms("days vacation")}),
                          "He is entitled to eighteen (18) days of paid vacation per year.")
    # a measure named by its unit asks no count of it, nor does a question of parts in each of them
    assert Asked.of("How many days sales outstanding did Acme report?", "", {}).time_unit == ""
    assert Asked.of("What was Acme's operating cash flow, and how many years has it been profitable?", "",
                    {}).time_unit == ""


def test_a_row_of_a_year_under_its_labels_first_row_gives_the_labels_figure_of_that_year(answerer):
    segments = _passage("Acme Widgets, Inc.", "Three Months Ended March 31\nNet Sales\tNet Earnings\n"
                        "Grooming\t2025\t1,505\t321\n2024\t1,539\t303\nHealth Care\t2025\t3,000\t700\n"
                        "2024\t2,900\t650\n", form="10-Q", filed="2025-04-24")
    question = "What were Acme Widgets' Grooming net sales for the quarter ended March 31, 2024?"
    stating = [s.sentence.text for s in _ranked(answerer, question, segments) if s.states_value_asked]
    assert stating == ["2024\t1,539\t303"]  # not the label's row of 2025, nor another label's 2024


def test_a_chat_line_s_context_may_date_its_document_and_aside_in_brackets(answerer):
    # P&G's 10-Q and J&J's recast 8-K: the period and an aside say which document, not what is asked
    assert _focus_terms("Acme 10-Q for the quarter ended March 31, 2025: Fabric & Home Care net sales for the three "
                        "months?") == ["net", "sale"]
    assert _focus_terms("ACME 8-K dated Aug 30, 2023 (recast after the exchange offer): U.S. sales for Q2 2023?"
                        ) == ["sale"]
    assert _focus_terms("ACME fiscal Q1 2024 earnings release: net sales of iPhone?") == ["net", "sale"]  # a name
    # a length of quarters is a period, not what is measured (Oracle's "FREE CASH FLOW—TRAILING 4-QUARTERS")
    assert _focus_terms("Acme's Q4 FY2014 earnings 8-K: what was trailing-four-quarter free cash flow as of Q4 fiscal "
                        "2014 ($ millions)?")[:4] == [
        "trail", "free", "cash", "flow"]


def test_which_kind_of_firm_asks_for_a_name():
    assert _slots("Acme 8-K: which independent registered public accounting firm did the audit committee consult?"
                  ) == ("name",)
    assert "name" not in _slots("What was the company's revenue in 2024?")


def test_a_proxys_shorthand_and_an_old_statements_share_count_are_read_in_the_filings_words(answerer):
    assert ["NEO"] not in _names_in("How many votes were cast FOR the say-on-pay (NEO compensation) proposal?")
    # Apple's 10-Q of February 1999: "Shares used in computing earnings per share" over its basic and diluted rows
    shares = _passage("Acme Widgets, Inc.", "Shares used in computing earnings per share (in thousands):\n"
                      "Three Months Ended\nDecember 26, 1998\tDecember 26, 1997\nDiluted\t172,062\t139,839\n",
                      form="10-Q", filed="1999-02-08")
    assert _row_states(answerer, "Acme Q1 FY1999 (quarter ended Dec 26 1998): diluted weighted shares used for EPS?",
                       shares, "Diluted")


def test_a_count_is_no_sum_of_money_model_number_or_ratio(answerer):
    question = "How many streaming memberships did Acme have at June 30, 2025?"
    asked = Asked.of(question, question, {"stream": 1.0, "membership": 1.0})
    assert not asked.filled_by("As of June 30, 2025, deferred revenue was $1,728 million, most of it related to "
                               "streaming membership fees billed.")
    assert asked.filled_by("Acme had 301 million streaming memberships at June 30, 2025.")
    question = "How many iPhone units did Acme sell in fiscal 2024?"
    asked = Asked.of(question, question, {"iphon": 1.0, "unit": 1.0})
    assert not asked.filled_by("The iPhone line includes iPhone 16 Pro, iPhone 16, iPhone 15 and iPhone SE.")
    assert asked.filled_by("About 300 iPhone units were sold in fiscal 2024.")
    # Union Pacific's 10-Q: a productivity "per horsepower day" is no count of locomotives
    statistics = _passage("Acme Rail Corp.", "Operating statistics\n2025\t2024\nLocomotives in service\t7,010\t7,120\n"
                          "Locomotive productivity (GTMs per horsepower day)\t141\t134\n", filed="2026-02-06")
    question = "How many locomotives did Acme Rail have in 2025?"
    assert _row_states(answerer, question, statistics, "Locomotives in service")
    assert not _row_states(answerer, question, statistics, "Locomotive productivity")


def test_a_month_labels_its_row_of_a_monthly_table(answerer):
    # Wells Fargo's 10-K of 2025: shares bought each month, at a price in dollars, which is no count of shares
    repurchases = _passage("Acme Widgets, Inc.", "The following table shows Acme repurchases of its common stock for "
                           "each calendar month in the quarter ended December 31, 2024.\nCalendar month\tTotal number "
                           "of shares repurchased\tWeighted average price paid per share\nOctober\t31,060,091\t$\t64.39"
                           "\nNovember\t20,027,179\t$\t74.90\n", filed="2025-02-25")
    question = "How many shares of its common stock did Acme Widgets buy back in October 2024?"
    assert _row_states(answerer, question, repurchases, "October")
    assert not _row_states(answerer, question, repurchases, "November")  # another month's
    sums = _passage("Acme Widgets, Inc.", "Subscription revenue by offering\n2024\t2023\nCreative Suite\t$\t10,459"
                    "\t$\t9,000\n", filed="2025-02-25")
    assert not _row_states(answerer, "How many Creative Suite subscribers did Acme Widgets have in 2024?", sums,
                           "Creative Suite")


def test_the_answer_holds_the_names_of_what_is_asked_or_its_passage_only_does(answerer):
    question = "How many daily active users did the Facebook app have in December 2024?"
    family = ("Our apps are Facebook, Instagram and WhatsApp. Family daily active people (DAP) was 3.35 billion on "
              "average for December 2024.")
    assert _feature(answerer, question, family, "own_names") == 0.0
    alone = "Facebook daily active users (DAUs) were 2.11 billion on average for December 2024."
    assert _feature(answerer, question, alone, "own_names") == 1.0


def test_the_answer_lacking_the_rarest_word_asked_is_told_to_the_scorer(answerer):
    # Medicis' 10-K for fiscal 1999 gives the shares of two customers, not that of Bindley Western, which its
    # passage names as a customer only
    question = "What share of Acme Widgets' fiscal 1999 revenues came from Bindley Western Industries?"
    others = ("During fiscal 1999, McKesson and Cardinal accounted for 18.0% and 14.1% respectively, of the Company's "
              "revenues. Our customers include Bindley Western Industries and other wholesalers.")
    assert _feature(answerer, question, others, "unsaid_rarest") == 1.0
    stating = "During fiscal 1999, Bindley Western Industries accounted for 9.5% of the Company's revenues."
    assert _feature(answerer, question, stating, "unsaid_rarest") == 0.0
    # how the answer is to be given and where it is read are no words the answer must hold
    question = ("Answer in USD thousands based on the statement of operations: what was Acme Widgets' full-year 2024 "
                "general and administrative expense?")
    row = "Year ended December 31,\n2024\t2023\nGeneral and administrative\t4,226,617\t2,507,239\n"
    assert _feature(answerer, question, row, "unsaid_rarest") == 0.0


def test_a_figure_asked_of_the_us_is_not_the_whole_companys(answerer):
    # Coca-Cola's 10-K for 2024: income before income taxes in the U.S. is a row of its tax note, not the total of
    # its statement of income ("U.S." ends in a stop, and its letters are no search term)
    question = "What was Acme Widgets' U.S. income before income taxes in 2024?"
    total = "Year Ended December 31,\t2024\t2023\nIncome before income taxes\t13,086\t12,952\n"
    assert not _states(answerer, question, total)
    by_country = ("Income before income taxes consisted of the following:\nYear Ended December 31,\t2024\t2023\n"
                  "United States\t3,757\t2,766\nInternational\t9,329\t10,186\n")
    assert _row_states(answerer, question, _passage("Acme Widgets, Inc.", by_country), "United States")


def test_a_stake_asked_is_a_figure_and_a_day_in_figures_names_its_year():
    # Apple's 8-K of December 2015 on proxy access: "owning at least three percent"
    assert _slots("What minimum ownership stake does a nominating shareholder need under Acme's bylaws?") == (
        "number",)
    # Page America's S-3/A of May 1995: "At December 31, 1994, the Company had a working capital deficiency"
    assert years_asked("Acme S-3/A: working capital deficiency at 12/31/94?") == ["1994"]
    assert years_asked("Acme's cash at 6/30/2025?") == ["2025"]


def test_two_measures_asked_of_one_period_are_two_parts():
    # Buckle's release of November 2024 gives its net sales and its comparable store sales in two sentences
    assert parts_of("Acme 8-K: what were net sales and comparable store sales for the quarter ended November 2, 2024?"
                  ) == ["Acme 8-K: what were net sales for the quarter ended November 2, 2024?",
                        "Acme 8-K: what were comparable store sales for the quarter ended November 2, 2024?"]
    assert parts_of("How many stores and employees did Acme have?") == ["How many stores did Acme have?",
                                                                       "How many employees did Acme have?"]
    # one line item's name is no two measures
    assert parts_of("What were Acme's cash and cash equivalents at year end?") == []
    assert parts_of("What was Acme's research and development expense in 2024?") == []
    # two abbreviations sharing their measure's word (Apple's release of January 2011: its R&D and its SG&A)
    assert parts_of("Acme's December 2010 quarter: what were R&D and SG&A expenses?") == [
        "Acme's December 2010 quarter: what were R&D expenses?", "Acme's December 2010 quarter: what were SG&A "
        "expenses?"]
    # money paid is a measure (NVIDIA's cash flows for fiscal 2023)
    assert parts_of("ACME FY2023 cash flow: dividends paid, and payments for taxes on RSUs?")[-1].endswith(
        "payments for taxes on RSUs?")
    assert analysts_words("payments for taxes on RSUs")["rsus"] == ("restricted stock units",)
    # a chat line's second measure after a first of any words (Tesla's 10-Q of July 2025, Ulta's release of March
    # 2023)
    assert parts_of("ACME 10-Q for Q2 2025: cash from operations and capex for the first half of 2025?") == [
        "ACME 10-Q for Q2 2025: cash from operations for the first half of 2025?",
        "ACME 10-Q for Q2 2025: capex for the first half of 2025?"]
    assert parts_of("Acme Q4 release: cash and cash equivalents and total assets at January 28, 2023?") == [
        "Acme Q4 release: cash and cash equivalents at January 28, 2023?", "Acme Q4 release: total assets at January "
        "28, 2023?"]
    assert parts_of("Acme Q4 release: cash and cash equivalents at January 28, 2023?") == []
    # a flow of cash is a measure (Amcor's release of August 2023 guides to both)
    assert parts_of("What adjusted EPS and free cash flow did Acme guide to for fiscal 2024?") == [
        "What adjusted EPS did Acme guide to for fiscal 2024?", "What free cash flow did Acme guide to for fiscal 2024?"]


def test_a_frequency_asked_is_a_length_of_time():
    # 1-800-FLOWERS.COM's 8-K of December 2023: "three years" to be the frequency of say-on-pay votes
    question = "What frequency did Acme's stockholders pick for future say-on-pay votes?"
    asked = Asked.of(question, with_filing_words(question), {"frequenc": 1.0})
    assert asked.filled_by("The stockholders determined, on an advisory basis, \u201cthree years\u201d to be the "
                           "frequency for future non-binding advisory votes on executive compensation.")
    # and how far ahead of an event asks a length of time, which a year in the sentence is not (Georgia Power's 8-K of
    # December 2019)
    question = "How far ahead of each scheduled rate increase must Acme make its compliance filings?"
    asked = Asked.of(question, with_filing_words(question), {"compliance": 1.0, "filing": 1.0})
    assert asked.asks_duration
    assert not asked.filled_by("Acme will increase its rates on January 1, 2020 based on compliance filings.")


def test_a_title_and_a_place_name_no_person():
    # Wells Fargo's 2024 10-K lists each executive officer's name on a line above the titles
    question = "Who is Acme's Senior EVP for technology?"
    asked = Asked.of(question, question, {})
    assert not asked.filled_by("Senior Executive Vice President and Head of Technology since August 2024; Chief "
                               "Information Officer and Global Head of Engineering at Bank of New York Mellon.")
    assert asked.filled_by("Bridget Engle has been Senior Executive Vice President and Head of Technology since "
                           "August 2024.")


def test_a_name_in_capitals_before_an_office_names_a_person():
    # American Express's 10-K for 2022 lists its executive officers as "LAUREEN E. SEEGER \u2014 Chief Legal Officer"
    question = "Who was Acme's Chief Legal Officer?"
    asked = Asked.of(question, question, {})
    assert asked.filled_by("LAUREEN E. SEEGER \u2014 Chief Legal Officer")
    assert asked.filled_by("JANE Q. ROE, Executive Vice President")
    # a heading in capitals is no name
    assert not asked.filled_by("LEGAL PROCEEDINGS \u2014 see Note 12 for the matters before the courts")


def test_how_many_dollars_asks_a_sum_and_those_acted_on_count_no_level():
    question = "How many dollars of tariff-related costs did Acme incur in the June 2025 quarter?"
    assert _focus_terms(question) == ["tariff", "relat", "cost"]
    asked = Asked.of(question, question, {"tariff": 1.0, "cost": 1.0})
    assert asked.asks_money and not asked.asks_count
    # Apple's 10-Q of February 1998: employees terminated under a restructuring are no headcount
    question = "How many employees did Acme have at quarter-end?"
    asked = Asked.of(question, question, {"employe": 1.0})
    assert not asked.filled_by("The restructuring consists of terminating approximately 3,600 full-time employees, "
                               "approximately 3,000 of whom have been terminated through December 26, 1997.")
    assert asked.filled_by("At December 26, 1997, the Company had 8,437 regular employees.")
    question = "How many employees did Acme terminate under the restructuring?"
    asked = Asked.of(question, question, {"employe": 1.0})
    assert asked.filled_by("The restructuring consists of terminating approximately 3,600 full-time employees.")


def test_a_pronoun_is_no_word_of_what_is_asked():
    # "its common stock" is the common stock: a row under "repurchases of common stock" holds what is asked
    assert _focus_terms("How many shares of its common stock did Acme buy back in October 2024?") == ["common",
                                                                                                     "stock"]


def test_an_executive_officers_name_above_their_titles_is_read_and_quoted_with_them(answerer):
    # Wells Fargo's 2024 10-K: "Information About Our Executive Officers", a name line over each officer's titles
    officers = _passage("Acme Widgets, Inc.", "Ms. Roe has served with the Company for 5 years.\nBridget Engle (age 61)"
                        "\nSenior Executive Vice President and Head of Technology since August 2024;\nChief Information"
                        " Officer at Bank of New York Mellon from June 2017 to June 2024.\nMs. Engle has served with "
                        "the Company for less than 1 year.\n")
    best = next(s for s in _ranked(answerer, "Who is Acme Widgets' Senior EVP and Head of Technology?", officers)
                if s.states_value_asked)
    assert best.sentence.text.startswith("Bridget Engle (age 61)\nSenior Executive Vice President and Head of Tech")
    assert officers.chunk.text[best.sentence.start:best.sentence.end] == best.sentence.text  # verbatim


def test_a_title_and_surname_right_after_the_verb_asked_name_a_person():
    # Foot Locker's 8-K of May 2022 names its new audit committee financial expert by title and surname alone
    question = "After Jane Roe retired, whom did the Acme board designate as audit committee financial expert?"
    asked = Asked.of(question, question, {})
    assert asked.filled_by("In light of Jane Roe's retirement, the Board designated Ms. Nicosia as the audit "
                           "committee financial expert.")
    # but not one the sentence says something else of (AFC Gamma's departing CFO "will remain employed")
    question = "Who was appointed Acme's chief financial officer?"
    assert not Asked.of(question, question, {}).filled_by("The company's external manager said Mr. Kaufman will "
                                                           "remain employed through April 17.")


def test_a_quarter_of_a_fiscal_year_may_end_late_in_the_calendar_year_before(answerer):
    # Apple's first quarter of fiscal 2024 ended December 30, 2023 (its 8-K of February 2024)
    header = "Three Months Ended\nDecember 30, 2023\tDecember 31, 2022"
    text = "Net sales by reportable segment:\nAmericas\t$\t50,430\t$\t49,278\nGreater China\t20,819\t23,905\n"
    filing = FilingRef(company="Acme Widgets, Inc.", form="EX-99.1", filing_date="2024-02-01", filing_id="r")
    release = Passage(1, Chunk("r#1", filing, text, "EX-99.1", "", 0, len(text), table_header=header), 1.0)
    assert _row_states(answerer, "ACME Q1 FY24 Greater China net sales?", release, "Greater China")
    # but a calendar year's first quarter is not one ending in the December before
    assert not _row_states(answerer, "ACME Q1 2024 Greater China net sales?", release, "Greater China")


def test_a_measure_of_something_asks_about_what_it_is_of_and_what_qualifies_it():
    # Apple's 10-Q of February 1998: its market share, in a sentence naming the market, not the share, near the figure
    question = ("Acme 10-Q for the quarter ended Dec 26, 1997: what was Acme's estimated share of the worldwide "
                "personal computer market in that quarter?")
    assert _focus_terms(question) == terms("estimated worldwide personal computer market")
    asked = Asked.of(question, with_filing_words(question), {t: 1.0 for t in _focus_terms(question)})
    assert asked.filled_by("During the first quarter of 1998 compared with the comparable period of 1997, the "
                           "Company's estimated share of the worldwide and U.S. personal computer markets decreased "
                           "to 2.6% from 4.3%.") == {"number"}


def test_analysts_abbreviations_of_statement_lines_and_exchanges_are_no_names():
    # Buckle's release of November 2024 ("General and administrative"), Southern Company's of January 2005
    # ("Non-fuel O & M"), Oracle's cover page of June 2022 ("New York Stock Exchange")
    assert _names_in("What were Acme's Q3 FY24 G&A expenses, in $K?") == [["Acme"]]
    assert "general and administrative" in with_filing_words("What were Acme's Q3 FY24 G&A expenses, in $K?")
    assert _names_in("What was Acme's non-fuel O&M expense for 2004?") == [["Acme"]]
    assert "operation and maintenance" in with_filing_words("What was Acme's non-fuel O&M expense for 2004?")
    assert _names_in("Which other Acme security is registered on the NYSE?") == [["Acme"]]
    # Page America Group's S-3/A of 1995: "the last reported sales price ... on the American Stock Exchange"
    assert _names_in("What was Acme's last reported AMEX sale price?") == [["Acme"]]
    assert "american stock exchange" in with_filing_words("What was Acme's last reported AMEX sale price?")


def test_a_name_of_several_distinctive_words_is_held_by_its_first_as_a_company_is_called_for_short(embedder):
    # Johnson & Johnson's 10-Q of July 2025 calls Intra-Cellular Therapies "Intra-Cellular" once it has named it
    rarest = set(terms("Therapies Grand"))
    answerer = ExtractiveAnswerer(lambda term: 1 if term in rarest else 5, lambda: 1000, embedder.embed)
    question = "What total consideration did Acme Widgets transfer for Intra-Cellular Therapies?"
    price = _passage("Acme Widgets, Inc.", "The Company acquired all the outstanding shares of Intra-Cellular’s "
                     "common stock in an all-cash merger for total consideration transferred of $14.5 billion.",
                     form="10-Q")
    best = _ranked(answerer, question, price)[0]
    assert best.on_topic and "$14.5 billion" in best.sentence.text
    # but not by the company's own name: Sears' store counts are not those of its Sears Grand stores
    stores = _passage("Acme Widgets, Inc.", "As of July 3, 2004, Acme operated 871 full-line stores.", form="8-K")
    ranked = answerer.scored_sentences("How many Acme Grand stores was Acme operating as of July 3, 2004?",
                                       with_filing_words("How many Acme Grand stores"), [stores],
                                       {"Acme Widgets, Inc.": ("Acme",)})
    assert not ranked[0].on_topic


def test_who_signed_a_document_about_a_role_asks_for_the_signer_whatever_the_role():
    from qa.answerer import _context_end, _role_asked
    # AFC Gamma's 8-K of March 2023 on its CFO change was signed by its Chief Legal Officer
    question = "Acme Widgets (ACME) March 20, 2023 8-K on the CFO change: who signed it on the company's behalf?"
    assert question[:_context_end(question)].endswith("change: ")
    assert _role_asked(question) == frozenset() and _slots(question) == ("person",)
    assert _role_asked("Acme Widgets 8-K on the CFO change: who is the new CFO?")  # the role asked after it
    # not a role the premise names before "who" (Coca-Cola's 2024 10-K)
    assert _role_asked("Per the executive officer list in Acme's 10-K, who is President of its Europe unit?") == (
        _role_asked("Who is President?"))
    # an officer's title abbreviated (Wells Fargo's 2024 10-K: "Senior EVP and Head of Technology")
    assert _role_asked("Acme's 10-K executive officer list: who is Senior EVP and Head of Technology?") == (
        _role_asked("Who is Acme's executive vice president?"))
    # of two roles joined, the last (Wells Fargo's "Senior EVP and Chief Operating Officer")
    assert _role_asked("Acme's 10-K: who is its Senior EVP and Chief Operating Officer?") == (
        _role_asked("Who is Acme's chief operating officer?"))
    assert _role_asked("Who signed Acme Widgets' 10-K as its chief financial officer?")


def test_a_line_ending_with_a_colon_heads_the_rows_below_it_even_one_whose_label_opens_in_lower_case(answerer):
    # Apple's release of February 2024: "Net sales by category:" over "iPhone" and the other categories
    header = "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(In millions)\nDecember 30, 2023\tDecember 31, 2022"
    text = ("(1) Net sales by category:\niPhone\t$\t69,702\t$\t65,775\nMac\t7,780\t7,735\n"
            "Wearables, Home and Accessories\t11,953\t13,482\n")
    filing = FilingRef(company="Acme Widgets, Inc.", form="8-K", filing_date="2024-02-01", filing_id="r")
    table = Passage(1, Chunk("r#1", filing, text, "EX-99.1", "", 0, len(text), table_header=header), 1.0)
    rows = {s.text.partition("\t")[0]: s for s in passage_sentences(table) if s.table_row}
    assert rows["iPhone"].group == rows["Wearables, Home and Accessories"].group == "(1) Net sales by category:"
    question = "What were Acme Widgets' net sales of Wearables, Home and Accessories in the December 2023 quarter?"
    assert _ranked(answerer, question, table)[0].sentence.text.startswith("Wearables")


def test_a_percentage_named_as_what_is_asked_is_answered_by_a_percentage_only():
    question = "AAPL 10-Q for Q3 FY25: what was the Services gross margin percentage?"
    asked = Asked.of(question, with_filing_words(question), {t: 1.0 for t in _focus_terms(question)})
    assert asked.asks_percentage
    assert not asked.filled_by("Gross margin\tServices\t20,725\t17,917")
    assert asked.filled_by("Gross margin percentage\tServices\t75.6\t%\t74.0\t%") == {"number"}


def test_a_forms_lines_give_their_values_and_the_rules_under_them_are_no_blanks(answerer):
    # Common Sense Trust's 24F-2 notice of December 1995: each line of the fee calculation over a rule of its own
    text = ("12.  Calculation of registration fee:\n\n"
            "    (ii) Aggregate price of shares issued in connection with\n"
            "         dividend reinvestment plans (from item 11, if\n"
            "         applicable):                                          +    168,462,102\n"
            "                                                                _______________\n\n"
            "   (iii) Aggregate price of shares redeemed or repurchased\n"
            "         during the fiscal year (if applicable):               -    365,263,456\n"
            "                                                                _______________\n")
    notice = _passage("Acme Growth Fund", text, form="24F-2NT", filed="1995-12-28")
    question = ("What aggregate price of shares did Acme Growth Fund redeem or repurchase during its fiscal year "
                "ended October 31, 1995?")
    assert _ranked(answerer, question, notice)[0].sentence.text.startswith("(iii)")
    answer = answerer.answer(question, with_filing_words(question), [notice], {"Acme Growth Fund": ()})
    assert not answer.refused and "365,263,456" in answer.text
    # a chat line may name its document as a notice
    question = "Acme Growth Fund 24F-2 notice for the fiscal year ended 10/31/95: aggregate price of shares redeemed?"
    assert _focus_terms(question, filing_words=False) == terms("aggregate price redeemed")


def test_a_quarter_named_by_its_month_in_short_is_a_period_and_a_fiscal_years_month_may_be_the_year_before():
    from qa.answerer import _is_month, _period_months, _period_reported_from
    question = "AAPL Dec-qtr FY24 Greater China net sales?"
    assert _names_in(question) == [["Greater", "China"]] and _period_months(question) == {12}
    assert not _is_month("Quarter ended") and not _is_month("Dec-qtr")  # a row's label is no month for these
    # Apple's quarter ended December 30, 2023 is the first of its fiscal 2024
    assert _period_reported_from(question, {"2024"}, set(), {12}) == "2023-12"
    assert _period_reported_from("What were Acme's net sales in the December 2024 quarter?", {"2024"}, set(),
                                 {12}) == "2024-12"


def test_a_groups_total_without_a_label_answers_for_the_group(answerer):
    # Apple's 10-Q of February 1998: total inventories as a row of figures under the group's parts
    header = "CONDENSED CONSOLIDATED BALANCE SHEETS\n(In millions)\nDecember 26, 1997\tSeptember 26, 1997"
    text = "Inventories:\nPurchased parts\t99\t141\nWork in process\t5\t15\nFinished goods\t300\t281\n404\t437\n"
    filing = FilingRef(company="Acme Widgets, Inc.", form="10-Q", filing_date="1998-02-09", filing_id="q")
    table = Passage(1, Chunk("q#1", filing, text, "Part I Item 1", "", 0, len(text), table_header=header), 1.0)
    question = "What were Acme Widgets' total inventories at December 26, 1997?"
    assert _ranked(answerer, question, table)[0].sentence.text == "404\t437"


def test_votes_answer_only_a_question_asking_votes(answerer):
    # 1-800-FLOWERS.COM's 8-K of December 2023: the votes on a plan's amendment, not the shares it adds
    header = "The stockholders approved an amendment to the Plan to increase the authorized shares:\n" \
             "For\tAgainst\tAbstain\tBroker Non-Votes"
    text = "286,524,932\t2,684,422\t31,361\t3,936,780\n"
    filing = FilingRef(company="Acme Widgets, Inc.", form="8-K", filing_date="2023-12-15", filing_id="v")
    votes = Passage(1, Chunk("v#1", filing, text, "Item 5.07", "", 0, len(text), table_header=header), 1.0)
    question = "By how many shares did Acme Widgets' approved amendment to the Plan increase the authorized shares?"
    assert not _row_states(answerer, question, votes, "286,524,932")
    assert _row_states(answerer, "How many votes were cast for Acme Widgets' amendment to the Plan?", votes,
                       "286,524,932")
    assert vote_kind_asked("How many shares voted against the amendment?") == "against"
    # the shares entitled to vote are no votes cast: the table of votes does not answer them
    question = "How many shares were outstanding and entitled to vote at Acme Widgets' meeting?"
    assert vote_kind_asked(question) == ""
    assert not _row_states(answerer, question, votes, "286,524,932")


def test_a_cover_pages_captions_in_brackets_read_with_the_values_above_them(answerer):
    # Buckle's 8-K of November 2024: its address on two lines over the captions that name it
    text = ("Nebraska\t001-12951\n(State of incorporation)\t(Commission File Number)\n2407 West 24th Street,\n"
            "Kearney,\tNebraska\t68845-4915\n(Address of principal executive offices)\t(Zip Code)\n")
    cover = replace(_passage("Acme Widgets, Inc.", text, form="8-K"), chunk=replace(
        _passage("Acme Widgets, Inc.", text, form="8-K").chunk, section="COVER"))
    sentences = [s.text for s in passage_sentences(cover)]
    assert "2407 West 24th Street,\nKearney,\tNebraska\t68845-4915\n(Address of principal executive offices)\t" \
           "(Zip Code)" in sentences
    question = "Where is Acme Widgets headquartered, according to the cover page of its 8-K?"
    assert "principal executive offices" in with_filing_words(question)
    assert "Kearney" in _ranked(answerer, question, cover)[0].sentence.text
    # a rule under the caption (Alcon's 6-K of February 2023), and a country named by its people's word ("Swiss")
    text = ("ACME WIDGETS AG\n(Registrant Name)\nRue Louis-d'Affry 6\n1701, Fribourg, Switzerland\n"
            "(Address of principal executive office)\n_________________\nIndicate by check mark whether the "
            "registrant files annual reports under cover of Form 20-F or Form 40-F.\n")
    cover = replace(_passage("Acme Widgets AG", text, form="6-K"), chunk=replace(
        _passage("Acme Widgets AG", text, form="6-K").chunk, section="COVER"))
    assert ("Rue Louis-d'Affry 6\n1701, Fribourg, Switzerland\n(Address of principal executive office)\n"
            "_________________") in [s.text for s in passage_sentences(cover)]
    question = "In which Swiss city is Acme Widgets' principal executive office located?"
    answer = answerer.assess(question, with_filing_words(question), [cover], {"Acme Widgets AG": ()})
    assert any("Fribourg" in s.sentence.text and s.on_topic for s in answer.chosen)
    # captions side by side with no tab (NexPoint Capital's 8-K of December 2023), and a caption closed on the line
    # below (Sophiris Bio's of March 2016)
    text = ("British Columbia\t001-36054\t98-1008712\n(State or other jurisdiction\t(Commission File Number)\t"
            "(IRS Employer Identification No.)\nof incorporation)\n300 Crescent Court, Suite 700\nDallas, Texas 75201\n"
            "(Address of Principal Executive Offices)(Zip Code)\n")
    cover = replace(_passage("Acme Widgets, Inc.", text, form="8-K"), chunk=replace(
        _passage("Acme Widgets, Inc.", text, form="8-K").chunk, section="COVER"))
    assert [s.text.rstrip() for s in passage_sentences(cover)] == [
        "British Columbia\t001-36054\t98-1008712\n(State or other jurisdiction\t(Commission File Number)\t"
        "(IRS Employer Identification No.)\nof incorporation)",
        "300 Crescent Court, Suite 700\nDallas, Texas 75201\n(Address of Principal Executive Offices)(Zip Code)"]
    # each caption on two lines of its own (PepsiCo's 8-K of May 2023): the first names the values above it
    text = ("PepsiCo, Inc.\n(Exact name of registrant as specified in its charter)\nNorth Carolina\t1-1183\t13-1584302\n"
            "(State or other jurisdiction\nof incorporation)\n(Commission\nFile Number)\n(IRS Employer\n"
            "Identification No.)\n")
    cover = replace(_passage("Acme Widgets, Inc.", text, form="8-K"), chunk=replace(
        _passage("Acme Widgets, Inc.", text, form="8-K").chunk, section="COVER"))
    assert "North Carolina\t1-1183\t13-1584302\n(State or other jurisdiction\nof incorporation)" in [
        s.text.rstrip() for s in passage_sentences(cover)]
    question = "In which state is Acme Widgets incorporated?"
    assert "North Carolina" in _ranked(answerer, question, cover)[0].sentence.text
    # "which state's laws" asks a place's name as "which state" does (BlackRock's 8-K of February 2023)
    from qa.answerer import _slots
    assert _slots("Under which state's laws is Acme Widgets incorporated?") == ("name",)


def test_a_chat_lines_context_may_name_the_statement_a_figure_is_read_from(answerer):
    from qa.answerer import _context_end, _focus_terms
    # "NVDA FY2025 10-K balance sheet: accounts receivable, net at January 26, 2025?": what is asked follows the colon
    question = "ACME FY2025 10-K balance sheet: accounts receivable, net at January 26, 2025?"
    assert question[:_context_end(question)].endswith("sheet: ")
    # or the part of a document it is read from (Flushing Financial's prospectus supplement of December 2024)
    table = "ACME Dec 2024 prospectus supplement capitalization table: total due to depositors at September 30, 2024?"
    assert table[:_context_end(table)].endswith("table: ")
    assert _focus_terms(question, filing_words=False) == ["account", "receiv"]
    balance = _passage("Acme Widgets, Inc.", "Jan 26, 2025\tJan 28, 2024\nAccounts receivable, net\t23,065\t9,999\n")
    assert _row_states(answerer, question, balance, "Accounts receivable")


def test_a_chat_lines_context_may_name_a_part_of_its_document_after_the_form(answerer):
    from qa.answerer import _context_end, _focus_terms
    # in words of its own, not one a part of a document is commonly called (NVIDIA's "balance sheet components")
    question = "ACME FY2025 10-K balance sheet components: work-in-process inventory at January 26, 2025, in $ millions?"
    assert question[:_context_end(question)].endswith("components: ")
    assert _focus_terms(question, filing_words=False) == ["work", "process", "inventori"]
    components = _passage("Acme Widgets, Inc.", "Certain balance sheet components are as follows:\n"
                          "Jan 26, 2025\tJan 28, 2024\nInventories:\t(In millions)\nRaw materials\t3,408\t1,719\n"
                          "Work in process\t3,399\t1,505\n")
    assert _row_states(answerer, question, components, "Work in process")
    assert not _row_states(answerer, question, components, "Raw materials")
    # and it may say whose document it is read from ("PepsiCo Beverages North America (PBNA), per PepsiCo's 2022 10-K:")
    source = "Acme Beverages North America (ABNA), per Acme's 2022 10-K: total assets at year-end 2022?"
    assert source[:_context_end(source)].endswith("10-K: ")


def test_a_division_named_in_full_is_its_rows_initials_and_no_region(answerer):
    # PepsiCo's 2022 10-K labels its Frito-Lay North America division "FLNA" in its tables of divisions
    table = _passage("Acme Widgets, Inc.", "Depreciation and other amortization of each division are as follows:\n"
                     "2022\t2021\nFLNA\t$\t653\t$\t594\nEurope\t$\t301\t$\t315\n")
    question = "Acme's Frito-Lay North America division: depreciation and other amortization in 2022?"
    assert _row_states(answerer, question, table, "FLNA")
    assert not _row_states(answerer, question, table, "Europe")
    # but a company's region named as a company is its region ("Sears Canada's" sales)
    regions = _passage("Acme Widgets, Inc.", "Net sales\n2022\t2021\nUnited States\t$\t400\t$\t380\n"
                       "Canada\t$\t100\t$\t90\n")
    assert not _row_states(answerer, "What were Widget Canada's net sales in 2022?", regions, "United States")


def test_the_year_of_the_document_a_chat_line_names_is_no_period_of_what_it_asks(answerer):
    # PepsiCo's 2022 10-K gives its divisions' capital spending of 2022, 2021 and 2020, none of 2019
    table = _passage("Acme Widgets, Inc.", "Capital Spending\n2022\t2021\t2020\nEurope\t668\t752\t730\n")
    assert not _row_states(answerer, "ACME 2022 10-K: how much capital spending did the Europe division have in 2019?",
                           table, "Europe")
    assert _row_states(answerer, "ACME 2022 10-K: how much capital spending did the Europe division have in 2021?",
                       table, "Europe")
    # but a period's last day is one of the periods asked, wherever written (Oracle's fiscal 2025 began in June 2024)
    quarter = _passage("Acme Widgets, Inc.", "Three Months Ended August 31,\n2024\t2023\nServices\t1,234\t1,111\n")
    assert _row_states(answerer, "ACME 10-Q for the quarter ended August 31, 2024: how much revenue came from "
                       "services in Q1 FY25?", quarter, "Services")
    # and only a quarter: a whole year asked is no quarter the document is of (P&G's 10-Q of April 2025)
    charges = _passage("Acme Widgets, Inc.", "For the three months ended March 31, 2025, the Company incurred total "
                       "before tax charges of $55.", form="10-Q", filed="2025-04-24")
    assert not _row_states(answerer, "ACME 10-Q for the quarter ended March 31, 2025: what after-tax cost from new "
                           "tariffs did ACME estimate for fiscal 2026?", charges, "For the three months")
    # a year the question names only with its document is still the period asked
    assert _row_states(answerer, "ACME 2022 10-K: how much capital spending did the Europe division have?", table,
                       "Europe")


def test_a_word_of_counted_things_that_qualifies_another_asks_no_count(answerer):
    from qa.answerer import Asked
    # Boeing's 2022 10-K: "BCC's gross customer financing and investment portfolio ... totaled $1,549 million"
    question = "What was Acme Capital's gross customer financing and investment portfolio at December 31, 2022?"
    asked = Asked.of(question, with_filing_words(question), {})
    assert not asked.asks_count
    assert _row_states(answerer, question, _passage("Acme Widgets, Inc.", (
        "Acme Capital's gross customer financing and investment portfolio at December 31, 2022 totaled "
        "$1,549 million.")), "Acme Capital")
    # the things counted, and what may follow them, do ask one
    for counted in ("How many customers did Acme Widgets have?", "Acme Widgets headcount worldwide at YE22?",
                    "Acme Widgets 2025 AGM: votes against John Doe?"):
        assert Asked.of(counted, with_filing_words(counted), {}).asks_count, counted


def test_a_sum_in_cents_per_share_counts_no_shares(answerer):
    # Amcor's release of August 2023: "GAAP diluted earnings per share (EPS) of 70.5 cps" is no count of shares
    question = "How many shares does Acme Widgets expect to repurchase in fiscal 2024?"
    assert not _states(answerer, question, "GAAP Net Income of $1,048 million; GAAP diluted earnings per share "
                       "(EPS) of 70.5 cps, in line with guidance provided in May.")
    assert _states(answerer, question, "Acme Widgets expects to repurchase about 12 million shares in fiscal 2024.")


def test_a_footnotes_mark_under_a_tables_last_rows_captions_none_of_them():
    # the capital ratios of Flushing Financial's prospectus supplement of December 2024, over its footnote's "(1)"
    text = ("Actual\tAs adjusted\nTotal risk-based capital ratio\t14.24%\t%\nTier 1 leverage ratio\t7.91%\t%\n(1)\n")
    rows = [s.text for s in passage_sentences(_passage("Acme Widgets, Inc.", text)) if s.table_row]
    assert rows[-2:] == ["Total risk-based capital ratio\t14.24%\t%", "Tier 1 leverage ratio\t7.91%\t%"]


def test_a_laws_name_is_no_person(answerer):
    # LG&E's 8-K of March 2003 names the officers who certified its 10-K by their offices alone
    question = "Who was the Chief Executive Officer who certified Acme Widgets' 2002 10-K?"
    roles = ("On March 25, 2003, the Chief Executive Officer and the Chief Financial Officer of Acme Widgets each "
             "certified, pursuant to § 906 of the Sarbanes-Oxley Act of 2002, that the report complies.")
    assert "person" not in _ranked(answerer, question, _passage("Acme Widgets, Inc.", roles))[0].filled
    signer = "On February 20, 2025, the report was certified by Chief Executive Officer Erin May."
    assert "person" in _ranked(answerer, question, _passage("Acme Widgets, Inc.", signer))[0].filled


def test_where_something_was_done_asks_a_place_of_what_was_done(answerer):
    from qa.answerer import _focus_terms
    # P&G's 10-Q of April 2025: its restructuring was "primarily in certain Enterprise Markets, including Argentina
    # and Nigeria"
    question = "In which Enterprise Markets was Acme's limited market portfolio restructuring primarily carried out?"
    assert _slots(question) == ("name",)
    assert {"portfolio", "restructur"} <= set(_focus_terms(question))
    text = ("Acme's revenue by segment is shown below.\nIn fiscal 2024, the Company started a limited market portfolio "
            "restructuring of its business operations, primarily in certain Enterprise Markets, including Argentina "
            "and Nigeria.\n")
    assert "Argentina" in _ranked(answerer, question, _passage("Acme Widgets, Inc.", text))[0].sentence.text


def test_when_something_is_expected_asks_a_date_of_it_which_a_part_of_a_year_gives(answerer):
    from qa.answerer import _focus_terms
    # Beyond Cancer's release of December 3, 2024: "patient screening will begin in the first quarter of 2025"
    question = "Acme Widgets (Dec 3, 2024 release): when is patient screening expected to begin for the Phase 1b trial?"
    assert _focus_terms(question) == ["patient", "screen"]
    text = ("ACME, Dec. 3 -- HAMILTON, BERMUDA, December 3, 2024 – Acme Widgets today announced approval of a "
            "Phase 1b trial.\nThe trial will be conducted at four sites and patient screening will begin in the first "
            "quarter of 2025.\n")
    best = _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form="8-K"))[0]
    assert "first quarter of 2025" in best.sentence.text and best.states_value_asked
    # the release's own date, which the question gives in short, is no answer
    assert not _states(answerer, question, "HAMILTON, BERMUDA, December 3, 2024 – Acme Widgets today announced "
                       "approval of a Phase 1b trial.", form="8-K")
    # and so does the year in which it falls, not any year (Coca-Cola's 2024 10-K on fairlife)
    question = "Acme FY2024 10-K: when is the remaining milestone payment for the Junglo acquisition due to be paid?"
    note = ("The remaining milestone payment for Junglo is contingent on Junglo achieving certain financial targets "
            "through 2024 and is payable in 2025.")
    assert _states(answerer, question, note)
    assert not _states(answerer, question, note.replace(" and is payable in 2025", ""))
    assert not _states(answerer, "On what date is Acme's remaining milestone payment for Junglo due?", note)


def test_how_a_thing_was_done_asks_the_doing(answerer):
    from qa.answerer import _focus_terms
    # Cisco's 8-K of 1995 on Combinet: "The transaction will be accounted for as a pooling of interests."
    question = "How was Acme's 1995 acquisition of Combinet to be accounted for?"
    assert _focus_terms(question) == ["account"]
    text = ("San Jose, CA (August 10, 1995) -- Acme Widgets today announced an agreement to purchase Combinet Inc., a "
            "leading maker of networking products.\nThe transaction will be accounted for as a pooling of interests.\n")
    assert "pooling" in _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form="8-K"))[0].sentence.text


def test_a_figure_of_regions_joined_is_none_of_one_of_them_alone(answerer):
    # Best Buy's 10-K: "more than 90,000 employees in the U.S. and Canada" is no headcount of Canada
    question = "How many Acme Widgets employees were based in Canada at the end of 2023?"
    joined = "At the end of 2023, we employed more than 90,000 employees in the U.S. and Canada."
    assert not _states(answerer, question, joined)
    assert _states(answerer, question, "At the end of 2023, we employed about 9,000 employees in Canada.")
    # but both asked together are the figure asked (Netflix's "United States and Canada (UCAN)")
    both = "How many Acme Widgets employees were based in the US and Canada (UCAN) at the end of 2023?"
    assert _states(answerer, both, joined)


def test_what_a_repurchase_program_has_left_is_read_from_its_table_at_a_periods_end(answerer):
    # IBM's 2024 10-K and Best Buy's 10-Q of August 2023: rows labelled by spans of days under a column of what "May
    # Yet Be Purchased", in a table of the fourth quarter
    header = ("The following table provides information relating to the company's repurchase of common stock for the "
              "fourth quarter of 2024.\nTotal Number of Shares Purchased\tAverage Price Paid per Share\t"
              "Approximate Dollar Value of Shares that May Yet Be Purchased Under the Program")
    rows = ("November 1, 2024—November 30, 2024\t—\t$\t—\t$\t2,107,611,768\n"
            "December 1, 2024 through December 31, 2024\t—\t$\t—\t$\t2,007,611,768\n")
    filing = FilingRef(company="Acme Widgets, Inc.", form="10-K", filing_date="2025-02-01", filing_id="r")
    table = Passage(1, Chunk("r#1", filing, rows, "Item 5", "", 0, len(rows), table_header=header), 1.0)
    question = "How much was still available under Acme's share buyback authorization at the end of 2024?"
    assert "may yet be purchased" in with_filing_words(question)
    assert _row_states(answerer, question, table, "December 1, 2024 through")


def test_the_words_asking_for_a_tables_extreme_are_no_words_a_row_holds():
    from qa.answerer import _focus_terms
    # IFF's 8-K of May 2025: which nominee "drew the most votes against" is read from the figures of the table
    assert _focus_terms("Which director nominee drew the most votes against, and how many?",
                        filing_words=False) == ["director", "nomine", "vote", "against"]
    assert _focus_terms("Which segment's operating income was the largest in 2024?") == ["segment", "oper", "incom"]


def test_a_question_words_contraction_is_read_as_written_out():
    from qa.answerer import _focus_terms
    from qa.vocabulary import without_contractions
    # Page America Group's S-3/A of 1995: "what's the normal dividend rate on the Series One preferred"
    question = without_contractions("Acme's S-3/A: what's the normal dividend rate on the Series One preferred?")
    assert question == "Acme's S-3/A: what is the normal dividend rate on the Series One preferred?"
    assert _focus_terms(question) == ["normal", "dividend", "rate"]
    assert without_contractions("Who’s Acme's CFO?") == "Who is Acme's CFO?"


def test_a_persons_name_is_held_by_its_initials_and_surname(answerer):
    # AEGON's 20-F for 2000: "K.J. Storm" in its table of the Executive Board's remuneration (in thousands of EUR)
    question = ("What was Kees Storm's total remuneration as a member of Acme's Executive Board in 2000, in thousands "
                "of EUR?")
    header = "Remuneration of the Executive Board\nin thousands of EUR\nSalary\tBonus\tTotal 2000\tTotal 1999"
    rows = "K.J. Storm\t617\t543\t1,268\t1,280\nP. van de Geijn\t458\t402\t940\t948\n"
    filing = FilingRef(company="Acme Widgets N.V.", form="20-F", filing_date="2001-03-28", filing_id="r")
    table = Passage(1, Chunk("r#1", filing, rows, "Item 6", "", 0, len(rows), table_header=header), 1.0)
    assert _row_states(answerer, question, table, "K.J. Storm")
    assert not _row_states(answerer, question, table, "P. van de Geijn")
    from qa.vocabulary import without_instructions
    assert "EUR" not in without_instructions(question)  # the unit to answer in, no name of what is asked


def test_a_figure_of_customers_outside_a_region_is_none_of_its_and_coming_from_is_no_word_asked(answerer):
    from qa.answerer import _focus_terms
    assert _focus_terms("How much of Acme's 2022 revenue came from customers in Asia?") == ["revenu", "net", "sale"]
    question = "How much of Acme's 2022 revenue came from customers in China?"
    assert not _states(answerer, question, "In 2022, revenue of $650 million came from customers outside of China.")
    assert _states(answerer, question, "In 2022, revenue of $650 million came from customers in China.")


def test_a_row_of_a_table_in_millions_except_per_share_amounts_counts_no_shares(answerer):
    # Apple's statement of shareholders' equity in its 10-Q of August 2025: "Common stock repurchased (69,874)" is
    # money; the notes say "the Company repurchased 312 million shares"
    question = "How many shares of its common stock did Acme repurchase in the first nine months of fiscal 2025?"
    header = ("CONDENSED CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY\n(In millions, except per-share amounts)\n"
              "Nine Months Ended\nJune 28, 2025\tJune 29, 2024")
    rows = "Common stock repurchased\t(69,874)\t(70,611)\n"
    filing = FilingRef(company="Acme Widgets, Inc.", form="10-Q", filing_date="2025-08-01", filing_id="r")
    table = Passage(1, Chunk("r#1", filing, rows, "Item 1", "", 0, len(rows), table_header=header), 1.0)
    assert not _row_states(answerer, question, table, "Common stock repurchased")
    assert _states(answerer, question, "During the nine months ended June 28, 2025, the Company repurchased 312 "
                   "million shares of its common stock for $69.3 billion.", form="10-Q")


def test_a_forms_item_gives_the_figures_on_a_line_below_it(answerer):
    # Common Sense Trust's 24F-2 notice of December 1995: an item's question, a blank line, then its two figures
    text = ("9.  Number and aggregate sale price of securities sold during the fiscal year\nin reliance upon "
            "registration (see\ninstruction B.7):\n\n         19,019,524                               $315,907,470\n"
            "________________________________________________________________________________\n")
    notice = _passage("Acme Growth Fund", text, form="24F-2NT", filed="1995-12-28")
    item = next(s for s in passage_sentences(notice) if s.text.startswith("Number"))
    assert item.text.endswith("$315,907,470")  # the figures, not the rule under them
    assert notice.chunk.text[item.start:item.end] == item.text
    question = "How many securities did Acme Growth Fund sell during the fiscal year ended October 31, 1995?"
    answer = answerer.answer(question, with_filing_words(question), [notice], {"Acme Growth Fund": ()})
    assert "19,019,524" in answer.text
    # a sentence of a paragraph is no item: the figure below it is not its value
    paragraph = _passage("Acme Growth Fund", "The fund sold shares during the year.\n\n19,019,524\n")
    assert [s.text.strip() for s in passage_sentences(paragraph)][-1] == "19,019,524"


def test_a_forms_line_states_its_figure_past_an_instruction_in_brackets_under_its_sections_title(answerer):
    # the last line of Form 24F-2's fee calculation, cut into a chunk below the item's heading
    text = ("(vi)  Multiplier prescribed by Section 6(b) of the Securities Act of 1933:\tx\t0.00034483\n"
            "(vii) Fee due [line (i) or line (v) multiplied by\nline (vi)]\t$\t41,071.08\n")
    filing = FilingRef(company="Acme Growth Fund", form="24F-2NT", filing_date="1995-12-28",
                       accession="0000000000-95-000001", filing_id="acme", source="f.txt")
    notice = Passage(1, Chunk("acme#1", filing, text, "Item 12", "Calculation of registration fee", 0, len(text)),
                     1.0)
    # (the fund's name says nothing of what is asked: "Growth" asks no change, the fee is a sum of money)
    question = "Acme Growth Fund 24F-2 notice for the fiscal year ended 10/31/95: what registration fee was due?"
    assert Asked.of(question, with_filing_words(question), {"fee": 1.0}).asks_money
    assert _row_states(answerer, question, notice, "(vii)")
    untitled = replace(notice, chunk=replace(notice.chunk, section_title="Fees"))
    assert not _row_states(answerer, question, untitled, "(vii)")


def test_a_question_of_several_parts_is_answered_by_its_parts_when_no_sentence_states_the_whole(embedder):
    # a side compared that names its period alone is asked of the first side's measure, and a question that asks in
    # no words is split by its comparison
    assert parts_of("Acme total assets at the end of FY23 (Jan 29, 2023) vs the end of FY25 (Jan 26, 2025)?") == [
        "Acme total assets at the end of FY23 (Jan 29, 2023)", "Acme total assets at the end of FY25 (Jan 26, 2025)"]
    question = ("Acme 2025 annual meeting: how many abstentions were recorded on the say-on-pay vote, and how many "
                "votes FOR did Kevin O'Byrne get?")
    votes = _passage("Acme Widgets, Inc.", "1.\tThe following nominees were elected as directors:\n"
                     "For\tAgainst\tAbstain\tBroker Non-Votes\n"
                     "Kevin O'Byrne\t219,745,475\t1,927,374\t67,197\t9,674,110\n"
                     "2.\tThe advisory proposal to approve executive compensation received the following votes:\n"
                     "For\tAgainst\tAbstain\tBroker Non-Votes\n187,853,527\t33,680,007\t206,512\t9,674,110\n",
                     form="8-K", filed="2025-05-07")
    permissive = replace(AnswerScorer.load(), threshold=0)
    answers = ExtractiveAnswerer(lambda term: 1, lambda: 1000, embedder.embed, permissive)
    named = {"Acme Widgets, Inc.": ()}
    answer = answers.answer(question, with_filing_words(question), [votes], named)
    assert not answer.refused and "219,745,475" in answer.text and "Abstain 206,512" in answer.text


def test_a_question_of_two_sides_one_of_which_no_passage_is_about_is_refused(answerer):
    # Apple's release of January 2011 gives the iPads it sold in its first quarter of fiscal 2011, and none of 2009:
    # answering the one side alone would pass a near miss for an answer
    release = _passage("Acme Widgets, Inc.", "Acme sold 16.24 million iPhones in the quarter, 86 percent unit growth "
                       "over the year-ago quarter. The Company also sold 7.33 million iPads during the quarter.",
                       form="8-K", filed="2011-01-18")
    question = "Acme Widgets iPads sold: Q1 FY11 versus Q1 FY09?"  # a release of 2011 covers no 2009
    assert _answer_from(answerer, question, release).refused
    question = "Acme Widgets iPads sold: Q1 FY11?"  # the side it gives
    answer = _answer_from(answerer, question, release)
    assert not answer.refused and "7.33 million" in answer.text


def test_a_figure_per_share_is_asked_by_the_words_per_share():
    assert _slots("Acme's December 2024 offering: what per-share concession could underwriters allow dealers?") == (
        "number",)
    assert "number" not in _slots("Which firm acted as depositary and paying agent for Acme Holdings' "
                                  "$18.25-per-share tender offer?")


def test_a_question_naming_a_statement_is_also_searched_outside_the_section_of_statements():
    from qa.retrieval import searched_filters

    # PepsiCo's 2022 10-K sets its consolidated statement of income in Item 7; its Item 8 only points to it
    hard = ChunkFilter()
    boosts = {"company": ChunkFilter(companies=("PepsiCo, Inc.",)), "section": ChunkFilter(sections=("Item 8",))}
    searched = searched_filters(hard, boosts, names_statement=True)
    assert ChunkFilter(companies=("PepsiCo, Inc.",), sections=("Item 8",)) in searched
    assert ChunkFilter(companies=("PepsiCo, Inc.",)) in searched
    # a section the question names otherwise (its human capital, in Item 1) is searched alone with the company
    assert ChunkFilter(companies=("PepsiCo, Inc.",)) not in searched_filters(hard, boosts, names_statement=False)
    assert searched_filters(hard, {}, names_statement=True) == [hard]


def test_who_heads_a_part_of_the_company_is_asked_by_the_part(answerer):
    # Wells Fargo's 2024 10-K lists its executive officers, each with the part of the bank that officer heads
    text = ("Derek A. Flowers (age 53)\nSenior Executive Vice President and Chief Risk Officer since January 2022;\n"
            "Senior Executive Vice President and Head of Strategic Execution and Operations from June 2019.\n\n"
            "Bei Ling (age 54)\nSenior Executive Vice President and Head of Human Resources since October 2021;\n"
            "Managing Director, Human Resources at JPMorgan Chase & Co. from April 2013 to September 2021.\n")
    question = "Acme 10-K exec officer list: who heads Human Resources at Acme Widgets?"
    assert _focus_terms(question) == terms("human resources")
    assert _ranked(answerer, question, _passage("Acme Widgets, Inc.", text))[0].sentence.text.startswith("Bei Ling")


def test_a_figure_asked_of_a_part_of_the_company_is_not_the_whole_companys(answerer):
    # Amazon's 2024 10-K gives advertising services only as net sales; its operating income is its segments' and its
    # own total's
    text = ("Year Ended December 31,\t2023\t2024\nOperating income:\nNorth America\t14,877\t24,967\n"
            "AWS\t24,631\t39,834\nConsolidated\t36,852\t68,593\n")
    statement = _passage("Acme Widgets, Inc.", text)
    asked_of_part = "What operating income did Acme's advertising services business generate in 2024?"
    assert not any(s.states_value_asked for s in _ranked(answerer, asked_of_part, statement))
    assert _row_states(answerer, "What operating income did Acme's AWS segment generate in 2024?", statement, "AWS")
    assert _row_states(answerer, "What operating income did Acme generate in 2024?", statement, "Consolidated")


def test_fx_is_an_analysts_word_for_foreign_currency_exchange_not_a_name():
    question = "NFLX FY24: by how much would revenues have been higher had FX rates stayed constant?"
    assert "foreign currency exchange" in with_filing_words(question)
    assert _names_in(question) == []


def test_how_a_figure_moved_is_asked_of_the_words_before_its_verb():
    assert _focus_terms("Acme Q1 FY25: how did the cloud and license business's total margin compare with Q1 FY24?",
                        filing_words=False) == terms("cloud license business margin")
    assert _focus_terms("How did Acme's headcount in fiscal 2023 compare with fiscal 2025?",
                        filing_words=False) == terms("headcount")


def test_an_equity_plan_tables_options_are_stock_options(answerer):
    # IBM's 2024 10-K: "Options" under plans approved by security holders
    table = _passage("Acme Widgets, Inc.", "Plan category\tNumber of securities to be issued upon exercise of "
                     "outstanding options (a)\tWeighted-average exercise price (b)\n"
                     "Equity compensation plans approved by security holders\nOptions\t9,268,766\t$\t144.65\n")
    question = "How many stock options were outstanding under Acme's stockholder-approved equity compensation plans?"
    assert _row_states(answerer, question, table, "Options")


def test_a_part_may_open_with_its_preposition_but_a_relative_clause_is_no_part():
    organized = "Acme's 2024 prospectus: in what year was Acme Bank organized, and as what kind of institution?"
    assert parts_of(organized) == [
        "Acme's 2024 prospectus: in what year was Acme Bank organized", "as what kind of institution"]
    assert parts_of("What is Jane Roe's annual base salary, on which her severance as departing CFO is based?") == []
    # (Apple's 10-K for 1997 gives its holders of record and since when it had paid no dividend)
    holders = "Acme's 1997 10-K: how many holders of record did it have, and since when had it paid no dividend?"
    assert parts_of(holders) == [
        "Acme's 1997 10-K: how many holders of record did it have", "since when had it paid no dividend"]


def test_a_signer_named_by_initials_is_a_person(answerer):
    # Johnson & Johnson's 10-Q of July 2025: "By /s/ J. J. Wolk", then "J. J. Wolk, Executive Vice President, Chief
    # Financial Officer (Principal Financial Officer)"
    signatures = _signature_page(
        "By\t/s/ J. J. Roe\nJ. J. Roe, Executive Vice President, Chief Financial Officer (Principal Financial Officer)\n"
        "By\t/s/ R. J. Doe Jr.\nR. J. Doe Jr., Controller (Principal Accounting Officer)\n")
    question = "Who signed Acme Widgets' 10-K as principal financial officer?"
    answer = answerer.answer(question, with_filing_words(question), [signatures], {"Acme Widgets, Inc.": ()})
    assert not answer.refused and "J. J. Roe" in answer.text and "R. J. Doe" not in answer.text


def test_an_add_back_is_read_under_the_heading_that_reconciles_net_income(answerer):
    # Ulta's release of March 2023: its fourth quarter's release gives the whole year's cash flows
    release = _passage("Acme Widgets, Inc.", "Condensed Consolidated Statements of Cash Flows\n(In thousands)\n"
                       "52 Weeks Ended\nJanuary 28, 2023\tJanuary 29, 2022\nOperating activities\n"
                       "Net income\t1,242,408\t985,837\n"
                       "Adjustments to reconcile net income to net cash provided by operating activities:\n"
                       "Depreciation and amortization\t241,372\t268,460\n"
                       "Stock-based compensation expense\t43,044\t47,259\n", form="8-K", filed="2023-03-09")
    question = ("ACWI FY22 (52 weeks ended Jan 28, 2023): stock-based comp add-back in the cash flow statement of the Q4 "
                "release, $K?")
    assert _quoted(answerer, question, release)[0] == "Stock-based compensation expense\t43,044\t47,259"


def test_a_quarterly_reports_sentence_naming_a_fiscal_year_gives_that_years_figure(answerer):
    # Best Buy's 10-Q of August 2023
    text = ("Our profit-sharing revenue from our credit card arrangement has been a consistent benefit to our gross "
            "profit rate and approximated 1.4% of Domestic revenue in fiscal 2023, an increase of approximately 50 "
            "basis points compared to fiscal 2020.")
    question = ("What share of Domestic revenue did profit-sharing from the credit card arrangement represent in fiscal "
                "2023?")
    assert _states(answerer, question, text, form="10-Q")


def test_what_money_was_paid_out_in_is_what_is_asked(answerer):
    # Apple's 10-K for fiscal 2024: its cash flow statement's dividends, not the taxes paid below it
    statement = _passage("Acme Widgets, Inc.", "CONSOLIDATED STATEMENTS OF CASH FLOWS\n(In millions)\n"
                         "Years ended\tSeptember 28, 2024\tSeptember 30, 2023\nFinancing activities:\n"
                         "Payments for dividends and dividend equivalents\t(15,234)\t(15,025)\n"
                         "Supplemental cash flow disclosure:\nCash paid for income taxes, net\t$\t26,102\t$\t18,679\n")
    question = "What did Acme Widgets actually pay out in dividends and dividend equivalents in fiscal 2024?"
    assert _focus_terms(question) == ["dividend", "equival"]
    assert _quoted(answerer, question, statement)[0].startswith("Payments for dividends")


def test_the_date_of_a_document_is_asked_by_the_document(answerer):
    # AFC Gamma's 8-K of March 2023: the employment agreement's date, not the appointment's
    text = ("On March 17, 2023, the Board appointed Jane Roe as the Chief Financial Officer of the Company, effective "
            "on such date. She is party to an employment agreement with the Manager, dated January 3, 2023, which "
            "includes a two-year term.")
    question = "What is the date of the employment agreement between new CFO Jane Roe and the company's Manager?"
    assert _quoted(answerer, question, _passage("Acme Widgets, Inc.", text, form="8-K"))[0].startswith("She is")


def test_a_sum_asked_in_its_currency_is_no_percentage(answerer):
    # Ulta's release of March 2023 gives how its average ticket grew, not what it was
    text = ("Comparable sales increased 15.6% compared to an increase of 21.4% in the fourth quarter of fiscal 2021, "
            "driven by a 13.6% increase in transactions and a 1.8% increase in average ticket.")
    assert not _states(answerer, "What was Acme Widgets' average ticket, in dollars, in the fourth quarter of fiscal "
                                 "2022?", text, form="8-K")
    assert _states(answerer, "What was Acme Widgets' average ticket in the fourth quarter of fiscal 2022?",
                   "The average ticket was $38.12 in the fourth quarter of fiscal 2022.", form="8-K")


def test_a_regions_row_gives_no_figure_of_a_part_the_question_names_there(answerer):
    # Meta's 10-K for 2024 gives its revenue by geography and its Reality Labs revenue, not the one in the other
    table = ("Our Reality Labs segment includes our virtual reality hardware.\n"
             "Revenue disaggregated by geography consists of the following (in millions):\nYear Ended December 31,\t"
             "2024\t2023\nUnited States and Canada\t$\t71,000\t$\t60,000\nEurope\t38,361\t31,210\n")
    assert _states(answerer, "How much revenue did Acme Widgets generate in Europe in 2024?", table)
    assert not _states(answerer, "How much Reality Labs revenue did Acme Widgets generate in Europe in 2024?", table)


def test_a_chat_lines_context_may_name_the_deal_its_document_is_about():
    # "Premier Financial Bancorp (PFBI), March 2021 merger 8-K: total loans at Dec 31, 2020 ...?"
    assert _focus_terms("Acme Widgets (ACWI), March 2021 merger 8-K: total loans at Dec 31, 2020?") == ["loan"]


def test_a_cap_is_what_an_offer_is_for_up_to(answerer):
    # CVR Energy's Schedule TO of January 2025: "a cash tender offer for up to 17,753,322 shares"
    text = ("Acme Widgets today announced the results of its cash tender offer for up to 17,753,322 shares of its "
            "common stock at a price per share of $18.25, which expired on January 8, 2025.")
    assert _states(answerer, "Acme Widgets tender (ACWI, $18.25/sh, expired Jan 8 '25): max number of shares sought?",
                   text, form="SC TO-T/A")


def test_a_fee_charged_over_a_year_is_no_balance_at_its_end(answerer):
    # Commonwealth Income & Growth Fund V's 10-K for 2015: its balance sheet's "General Partner" capital row
    balance_sheet = ("Acme Widgets Fund\nBalance Sheets\nDecember 31,\n2015\t2014\nPARTNERS' CAPITAL\n"
                     "General Partner\t1,000\t1,000\nLimited Partners\t102,681\t394,005\n")
    assert not _states(answerer, "Acme Widgets Fund: equipment management fee paid to the General Partner in 2015?",
                       balance_sheet)


def test_to_sign_off_on_results_is_no_signature():
    # Nordstrom's 8-K of March 2023: "on what date did the comp committee sign off on the EBIT and ROIC results"
    assert not _ASKS_SIGNATURE.search("On what date did the comp committee sign off on the EBIT results?")
    assert _ASKS_SIGNATURE.search("Who signed the 10-K as principal financial officer?")


def test_holders_of_a_companys_stock_are_its_shareholders(answerer):
    # PepsiCo's 10-K for 2022
    assert _states(answerer, "Approximately how many holders of record did Acme Widgets common stock have in early "
                             "February 2023?", "As of February 2, 2023, there were approximately 98,573 shareholders "
                             "of record of our common stock.")


def test_how_old_asks_an_age_in_years_not_years_of_service(answerer):
    # Rock of Ages' 8-K of September 2000
    question = "How old was Jane Roe when she took over John Doe's duties at Acme Widgets?"
    assert _slots(question) == ("number",) and _focus_terms(question) == ["old"]
    assert _states(answerer, question, "John Doe's duties have been assumed by Jane Roe, 51 years old, who has been "
                                       "Vice President of Manufacturing since September 1999.", form="8-K")
    assert not _states(answerer, question, "Jane Roe, currently the Vice President of Manufacturing with over 20 years "
                                           "of service with Acme Widgets, will assume John Doe's duties.", form="8-K")


def test_how_many_years_asks_a_length_of_time(answerer):
    # Philips' 6-K of January 2023: "He will bring more than 30 years of ... experience"
    assert _states(answerer, "How many years of relevant experience does new Chief Quality Officer Jane Roe bring to "
                             "Acme Widgets?", "She will bring more than 30 years of quality and regulatory affairs "
                             "experience in the medical technology industry.", form="6-K")


def test_line_items_listed_as_the_table_labels_them_are_each_answered(answerer):
    # Best Buy's balance sheet of January 2023: "cash and cash equivalents" and "receivables, net" hold "and" and a
    # comma, which no rule on the question's words alone tells from two items
    balance_sheet = _passage("Acme Stores, Inc.", "CONSOLIDATED BALANCE SHEETS\n($ in millions)\tJanuary 28, 2023\t"
                             "January 29, 2022\nAssets\nCurrent assets\nCash and cash equivalents\t$\t1,874\t$\t2,936\n"
                             "Receivables, net\t1,141\t1,042\nMerchandise inventories\t5,140\t5,965\n"
                             "Prepaid expenses and other current assets\t580\t465")
    named = {"Acme Stores, Inc.": ()}
    question = "Acme Stores at January 28, 2023: cash and cash equivalents, and receivables, net?"
    answer = answerer.answer(question, with_filing_words(question), [balance_sheet], named)
    assert not answer.refused and "1,874" in answer.text and "1,141" in answer.text and "5,140" not in answer.text
    sentences = passage_sentences(balance_sheet)
    assert _listed_line_items("Acme at 1/28/23: receivables, net and prepaid expenses and other current assets?",
                              sentences) == ["Acme at 1/28/23: receivables, net?",
                                             "Acme at 1/28/23: prepaid expenses and other current assets?"]
    # a chat line may write one item in its own words beside one its table labels
    assert _listed_line_items("Acme at 1/28/23: cash & equivalents and receivables, net?", sentences) == [
        "Acme at 1/28/23: cash & equivalents?", "Acme at 1/28/23: receivables, net?"]
    assert _listed_line_items("Acme at 1/28/23: receivables, net and deferred taxes?", sentences) == [
        "Acme at 1/28/23: receivables, net?", "Acme at 1/28/23: deferred taxes?"]
    assert _listed_line_items("Acme at 1/28/23: receivables, net?", sentences) == []
    assert _listed_line_items("What were Acme's receivables, net, and how did they change?", sentences) == []
    # the question's words after the last label go on naming its item, not the first's (NVIDIA's 10-Q of August
    # 2025: "what were net income and diluted EPS?" over rows labelled "Net income" and "Diluted")
    assert _listed_line_items("What were Acme's receivables, net and merchandise inventories balances at January 28, "
                              "2023?", sentences) == [
        "What were Acme's receivables, net at January 28, 2023?",
        "What were Acme's merchandise inventories balances at January 28, 2023?"]


def test_a_companys_name_names_no_person(answerer):
    # LG&E's 8-K of March 2003 names the certifying officers by title only, beside "Kentucky Utilities Company",
    # which it then defines as "the Company"
    text = ("On March 25, 2003, in connection with the filing of the Annual Reports on Form 10-K of Louisville Gas "
            "and Electric Company and Kentucky Utilities Company (each, the \u201cCompany\u201d), the Chairman, "
            "President and Chief Executive Officer of each Company certified the reports.")
    named = {"Louisville Gas and Electric Company": ()}
    question = "Who was the Chairman, President and CEO of Louisville Gas and Electric who certified its 10-K?"
    unnamed = _passage("Louisville Gas and Electric Company", text)
    assert answerer.answer(question, with_filing_words(question), [unnamed], named).refused
    undefined = _passage("Louisville Gas and Electric Company", text.replace(" (each, the \u201cCompany\u201d)", ""))
    assert answerer.answer(question, with_filing_words(question), [undefined], named).refused
    named_officer = _passage("Louisville Gas and Electric Company", text.replace(
        "of each Company certified", "of each Company, Victor A. Staffieri, certified"))
    answer = answerer.answer(question, with_filing_words(question), [named_officer], named)
    assert not answer.refused and "Victor A. Staffieri" in answer.text


def test_votes_stated_in_words_by_their_kinds_answer_a_vote_asked(answerer):
    # Oracle's 8-K of November 2024 writes each proposal's votes in a sentence, by their kinds, and names its auditor
    # in full ("Ernst & Young LLP") where analysts write "EY"
    assert analysts_words("ORCL AGM: shares voted FOR ratifying EY as auditor?")["ey"] == ("ernst & young",)
    assert analysts_words("When do the 5.600% notes mature?")["mature"] == ("due",)
    text = ("The stockholders ratified the appointment of Ernst & Young LLP as the independent registered public "
            "accounting firm for the fiscal year, with 2,512,534,467 shares in favor, 56,267,628 shares against and "
            "3,974,372 shares abstaining.")
    question = "Acme Widgets AGM: shares voted FOR ratifying EY as auditor?"
    answer = _answer(answerer, question, text)
    assert not answer.refused and "2,512,534,467" in answer.text


def test_a_row_the_question_names_by_a_figure_of_its_label_is_the_one_answered(answerer):
    # Netflix's 10-K for 2024: its senior notes are rows labelled alike, told apart by their rates; the largest
    # is the company's figure only when the question names none
    text = ("Principal Amount at Par\tIssuance Date\tMaturity\n5.875% Senior Notes\t1,900\tApril 2018\t"
            "November 2028\n4.900% Senior Notes\t1,000\tAugust 2024\tAugust 2034\n")
    answer = _answer(answerer, "When do the 4.900% senior notes that Acme Widgets issued in August 2024 mature?", text)
    assert not answer.refused and answer.text.find("4.900%") >= 0 and "5.875%" not in answer.text.split("[1]")[0]


def test_abstentions_are_read_from_the_abstain_column(answerer):
    # IFF's 8-K of May 2025: "Dawn C. Willoughby 211,260,009 10,329,707 150,330 9,674,110" under its columns
    assert analysts_words("How many abstentions were recorded on her re-election?")["abstentions"] == ("abstain",)
    text = "Nominee\tFor\tAgainst\tAbstain\tBroker Non-Votes\nJane Roe\t211,260,009\t10,329,707\t150,330\t9,674,110\n"
    answer = _answer(answerer, "Acme Widgets 2025 AGM: how many abstentions were recorded on Jane Roe's re-election?",
                     text)
    assert not answer.refused and "Abstain 150,330" in answer.text


def test_a_letters_date_line_answers_the_date_it_bears(answerer):
    # Sullivan & Worcester's opinion under Common Sense Trust's 24F-2 notice of 1995: the date alone under the
    # letterhead
    text = ("[LETTERHEAD]\n\nDecember 19, 1995\n\nAcme Widgets Trust\n2800 Post Oak Boulevard\nHouston, Texas 77056\n\n"
            "Ladies and Gentlemen:\n\nAcme Widgets Trust proposes to file a notice making definite the registration "
            "of its shares.")
    answer = _answer(answerer, "What date does the legal opinion letter filed with Acme Widgets Trust's notice bear?",
                     text)
    assert not answer.refused and answer.text.startswith("December 19, 1995"), answer.text
    # a date alone answers nothing else
    assert _answer(answerer, "Where is Acme Widgets Trust's office?", text).text.find("December 19") < 0


def test_ratings_and_a_companys_suppliers_are_asked_by_name():
    # Apple's 10-Q of February 1998: "downgraded to B- and CCC, respectively, by Standard and Poor's"; NVIDIA's 10-K
    # for fiscal 2023: "We utilize suppliers, such as Taiwan Semiconductor Manufacturing Company Limited ..."
    assert _slots("To what ratings did Standard & Poor's cut Acme Widgets' senior long-term debt?") == ("name",)
    assert _slots("Which foundries make Acme Widgets' semiconductor wafers?") == ("name",)


def test_a_month_asked_is_no_quarter_or_year_to_date(answerer):
    # Buckle's release of November 2024 gives its quarter's and its 39 weeks' net sales, and no month's
    assert period_kinds("net sales for the month of October 2024") == {"month"}
    assert period_kinds("the four weeks ended November 2, 2024") == {"month"}
    assert period_kinds("Net sales for the 39-week fiscal period ended November 2, 2024") == {"year to date"}
    release = _passage("Acme Stores, Inc.", "Net sales for the 13-week fiscal quarter ended November 2, 2024 "
                       "decreased 3.2 percent to $293.6 million. Net sales for the 39-week fiscal period ended "
                       "November 2, 2024 decreased 4.6 percent to $838.5 million.", form="8-K")
    named = {"Acme Stores, Inc.": ()}
    question = "What were Acme Stores' net sales for the month of October 2024?"
    assert answerer.answer(question, with_filing_words(question), [release], named).refused
    question = "What were Acme Stores' net sales for the quarter ended November 2, 2024?"
    answer = answerer.answer(question, with_filing_words(question), [release], named)
    assert not answer.refused and "$293.6 million" in answer.text


def test_an_officers_name_over_their_titles_may_have_the_age_in_a_cell(answerer):
    # Coca-Cola's 10-K for 2024 lists its executive officers as a name and an age in cells, the titles below
    text = ("Lisa Chang\t56\tExecutive Vice President since January 2024 and Global Chief People Officer since March "
            "2019.\nMonica Howard Douglas\t52\nExecutive Vice President since January 2024 and Global General Counsel "
            "since April 2021.")
    question = "Who is Acme Widgets' Global General Counsel?"
    answer = _answer(answerer, question, text)
    assert not answer.refused and "Monica Howard Douglas" in answer.text and "Lisa Chang" not in answer.text


def test_a_side_compared_replaces_the_first_sides_words_from_the_word_it_opens_with():
    # PepsiCo's 8-K of May 2023 gives each nominee's votes against on a row of its own
    assert parts_of("Acme's 2023 annual meeting: votes against Cesar Conde versus against Michelle Gass?") == [
        "Acme's 2023 annual meeting: votes against Cesar Conde", "Acme's 2023 annual meeting: votes against Michelle "
        "Gass"]
    assert parts_of("Acme revenue in Q1 2024 vs in Q2 2024?") == ["Acme revenue in Q1 2024", "Acme revenue in Q2 2024"]
    # a side that names its period alone is still asked of the first side's measure, though the period's label
    # opens the first side too
    assert parts_of("How did Acme's headcount in 2023 compare with 2025?") == [
        "How did Acme's headcount in 2023", "How did Acme's headcount in 2025"]
    other = parts_of("ACME Q1 2022: Resource Industries segment sales vs Q1 2021?")[1]
    assert "Resource Industries segment sales" in other and "Q1 2021" in other


def test_which_dates_asks_dates(answerer):
    # Adobe's 10-K for 2022: "Interest on our senior notes is payable semi-annually, in arrears, on February 1 and
    # August 1", beside the interest expense of its years
    assert _slots("ADBE FY22 10-K: on which dates is interest on Adobe's senior notes paid?") == ("date",)
    text = ("Interest expense\t$\t(112)\t$\t(113)\n"
            "Interest on our senior notes is payable semi-annually, in arrears, on February 1 and August 1.")
    question = "On which dates is interest on Acme Widgets' senior notes paid?"
    answer = _answer(answerer, question, text)
    assert not answer.refused and answer.text.startswith("Interest on our senior notes is payable")


def test_a_rate_named_as_a_cause_is_not_what_is_asked(answerer):
    # Apple's 10-K for 1994: "Higher interest rates and larger average borrowing balances ... accounted for $28
    # million of the $51 million increase in expenses"
    text = ("Higher interest rates and larger average borrowing balances used to fund working capital needs served "
            "to significantly increase interest expense, and accounted for $28 million of the $51 million increase in "
            "expenses during 1994.")
    question = ("Acme Widgets' 1994 10-K explains a $51 million swing in interest expense. How much of that increase "
                "in expense came from higher interest rates and larger average borrowings?")
    answer = _answer(answerer, question, text)
    assert not answer.refused and "$28 million" in answer.text
    # a rate asked is still a percentage
    assert Asked.of("What was Acme's effective tax rate in 2024?", "", {}).asks_percentage


def test_line_items_are_matched_without_their_footnote_marks_and_with_spaced_ampersands(answerer):
    # GAINSCO's 10-K for 2009 labels its ratios "GAAP C & CAE ratio ⁽¹⁾" and "GAAP Expense ratio (2) (3)"
    ratios = _passage("Acme Insurance, Inc.", "Years ended December 31,\t2009\t2008\nGAAP C & CAE ratio \u207d\u00b9\u207e\t"
                      "74.1\t%\t73.3\t%\nGAAP Expense ratio (2) (3)\t25.6\t%\t25.7\t%")
    question = "Acme Insurance 2009: GAAP C&CAE ratio and GAAP expense ratio?"
    assert _listed_line_items(question, passage_sentences(ratios)) == [
        "Acme Insurance 2009: GAAP C&CAE ratio?", "Acme Insurance 2009: GAAP expense ratio?"]
    answer = answerer.answer(question, with_filing_words(question), [ratios], {"Acme Insurance, Inc.": ()})
    assert not answer.refused and "74.1" in answer.text and "25.6" in answer.text


def test_a_headlines_capitalised_words_name_no_person(answerer):
    # Ulta's release of March 2023 opens "Ulta Beauty Announces Fourth Quarter ..." and names its investor contact at
    # the end
    text = ("Acme Widgets Announces Fourth Quarter\n\nNet sales increased 16.2% to $3.2 billion.\n\n"
            "Investor Contacts: Kiley Rawlins, CFA Vice President, Investor Relations")
    answer = _answer(answerer, "Who was the investor relations contact on Acme Widgets' Q4 release?", text)
    assert not answer.refused and "Kiley Rawlins" in answer.text and "Announces" not in answer.text


def test_a_chat_lines_context_may_name_a_part_of_the_document_and_the_companys_legal_suffix():
    # "AMZN 10-K for FY2024, segment note:" and "Amcor plc 10-K for the fiscal year ended June 30, 2023:" say which
    # document is asked from; what is asked follows the colon
    assert _focus_terms("ACME 10-K for FY2024, segment note: Cloud segment operating income in 2022 ($M)?") == terms(
        "segment operating income")
    assert _focus_terms("Acme plc 10-K for the fiscal year ended June 30, 2023: income tax expense on the income "
                        "statement, $M?") == terms("income tax expense")


def test_which_university_asks_a_name_and_an_mba_is_no_name(answerer):
    # AFC Gamma's 8-K of March 2023: "Mr. Hetzel received a Master of Business Administration, Accounting BSBA and
    # Finance BSBA from the University of Central Florida"
    text = ("Mr. Smith, age 36, joined the Company in September 2020 as Controller.\n\n"
            "Mr. Smith received a Master of Business Administration from the University of Central Florida and is a "
            "licensed Certified Public Accountant.")
    answer = _answer(answerer, "From which university did Acme Widgets' new CFO John Smith earn his MBA?", text)
    assert not answer.refused and "University of Central Florida" in answer.text


def test_currency_movements_are_changes_in_foreign_exchange_rates(answerer):
    # Amazon's 2024 10-K: "Changes in foreign exchange rates reduced North America net sales by $462 million in 2024"
    text = ("North America\tNet sales\t$\t352,828\t$\t387,497\n\n"
            "Changes in foreign exchange rates reduced North America net sales by $462 million in 2024.")
    answer = _answer(answerer, "By how much did currency movements shrink Acme Widgets' North America net sales in "
                               "2024?", text)
    assert not answer.refused and "$462 million" in answer.text


def test_when_asks_the_date_of_the_last_verb_before_a_preposition_and_a_name():
    # Tesla's 10-Q of July 2025: "amended to extend the availability of funds through April 2028"
    assert _focus_terms("Acme Q2 2025 10-Q: through when are funds available under the China Working Capital "
                        "Facility?") == terms("available")


def test_names_listed_with_their_preposition_repeated_are_parts(answerer):
    # 1-800-FLOWERS.COM's 8-K of December 2023 gives each nominee's votes on a row of its own
    votes = _passage("Acme Widgets, Inc.", "Nominee\tFor\tWithheld\tBroker Non-Votes\nChristopher G. McCann\t"
                     "281,565,032\t7,675,683\t3,936,780\nDina Colombo\t288,790,152\t450,563\t3,936,780")
    question = "At Acme's 2023 annual meeting, how many votes were withheld for Christopher G. McCann and for Dina Colombo?"
    assert _listed_line_items(question, passage_sentences(votes)) == [
        "At Acme's 2023 annual meeting, how many votes were withheld for Christopher G. McCann?",
        "At Acme's 2023 annual meeting, how many votes were withheld for Dina Colombo?"]


def test_a_contents_line_names_no_auditor():
    # GAINSCO's 10-K for 2009 lists its statements under "The following Consolidated Financial Statements are on
    # pages 64 through 112:"; its auditor signed "/s/ BDO Seidman, LLP"
    question = "Who was Acme's independent registered public accounting firm for its 2009 financial statements?"
    asked = Asked.of(question, with_filing_words(question), {})
    assert asked.slots == ("name",)
    assert not asked.filled_by("The following Consolidated Financial Statements are on pages 64 through 112:\n"
                               "Reports of Independent Registered Public Accounting Firm\t68")
    assert asked.filled_by("/s/ BDO Seidman, LLP Dallas, Texas March 31, 2010")


def test_a_contacts_name_in_capitals_over_the_office_is_the_person(answerer):
    # MGM Resorts' release of February 2023 lists its contacts as names in capitals over their offices
    text = ("ACME CONTACTS:\nInvestment Community\nSARAH ROGERS\nSenior Vice President of Corporate Finance\n"
            "(702) 730-3942 or srogers@acme.com\nANDREW CHAPMAN\nDirector of Investor Relations\n"
            "(702) 693-8711 or achapman@acme.com")
    answer = _answer(answerer, "Who is Acme Widgets' Director of Investor Relations, per its release?", text)
    assert not answer.refused and answer.text.startswith("ANDREW CHAPMAN")


def test_an_auditor_asked_is_a_firms_name():
    # AEGON's 20-F for 2000: "Our audits also included the financial statement schedules listed in the Index at Item
    # 19 (a)." names no firm, "Ernst & Young Accountants" does
    question = "Which audit firm signed off on Acme's consolidated financial statements in the fiscal 2000 20-F?"
    asked = Asked.of(question, with_filing_words(question), {})
    assert asked.asks_firm and asked.slots == ("name",)
    assert not asked.filled_by("Our audits also included the financial statement schedules listed in the Index at "
                               "Item 19 (a).")
    for signed in ("Ernst & Young Accountants, The Hague, The Netherlands", "/s/ KPMG Peat Marwick",
                   "The Company retained Larry O'Donnell, CPA, PC as its new auditor."):
        assert asked.filled_by(signed) == {"name"}
    assert not Asked.of("Which bank arranged the loan?", "", {}).asks_firm

    # (an auditor named in what is not asked: "the auditor's critical audit matter concerned which reporting unit?")
    assert not Asked.of("Acme FY2023 10-K: the auditor's critical audit matter on goodwill concerned which reporting "
                        "unit?", "", {}).asks_firm
    assert Asked.of("Who was Acme's independent registered public accounting firm for 2009?", "", {}).asks_firm


def test_a_chat_lines_context_may_name_a_part_of_its_document_in_a_few_words_of_its_own():
    # "3M 2018 10-K selected financial data:", "TSLA FY2024 10-K, revenue by geography note:"
    assert _focus_terms("ACME 2018 10-K selected financial data: what were Acme's net sales back in 2014?") == terms(
        "net sales")
    assert _focus_terms("ACME FY2024 10-K, revenue by geography note: United States revenue for 2024?") == terms(
        "revenue net sales")
    # but a question that opens with what it asks is no context ("What were net sales in the quarter: ...")
    assert _context_end("net sales of the new segment in the quarter: what drove them?") == 0


def test_a_month_joined_to_its_year_is_a_period_not_a_name():
    # "AAPL effective tax rate: June-2024 quarter (Q3 FY24) vs the June-2023 quarter?"
    question = "ACME effective tax rate: June-2024 quarter vs the June-2023 quarter?"
    assert not any("June-2024" in name or "June-2023" in name for name in _names_in(question))
    assert "June- " not in parts_of(question)[1]  # (not the first side's month without its year)


def test_a_chat_lines_documents_period_makes_no_figure_asked():
    # "Tesla FY2024 10-K production status table: what is the production status of the Tesla Semi, and at which
    # site?" asks a status and a site; "What was MGM's slots handle for the full year 2022?" a figure
    assert "number" not in _slots("Acme FY2024 10-K production status table: what is the production status of the "
                                  "Acme Semi, and at which site?")
    assert _slots("What was Acme's slots handle for the full year 2022?") == ("number",)


def test_what_money_went_into_is_asked_not_the_money():
    # Apple's 10-Q of February 1999: "Purchase of short-term investments (1,135)" in its cash flow statement
    question = "How much cash went into purchases of short-term investments during the quarter?"
    assert _focus_terms(question) == terms("purchases short investments")  # ("term" is a period's word)
    # Union Pacific's 10-Q of July 2025: "Share repurchase programs (Note 16) (2,679)"
    assert _focus_terms("How much cash went to share repurchase programs in the first six months of 2025?") == terms(
        "repurchase programs")


def test_a_products_name_written_with_a_small_first_letter_is_a_name(answerer):
    # Apple's 10-Q of August 2024 gives the gross margin of its Products and Services, none of the iPhone
    assert _names_in("What gross margin did the iWidget earn in the June 2024 quarter?") == [["iWidget"]]
    margins = _passage("Acme Widgets, Inc.", "Products gross margin percentage was 35.3% in the June 2024 quarter.",
                       form="10-Q", filed="2024-08-01")
    named = {"Acme Widgets, Inc.": ()}
    question = "What gross margin percentage did the iWidget earn in the June 2024 quarter?"
    assert answerer.assess(question, with_filing_words(question), [margins], named).features["off_topic"] == 1.0
    iwidget = _passage("Acme Widgets, Inc.", "iWidget gross margin percentage was 41.2% in the June 2024 quarter.",
                       form="10-Q", filed="2024-08-01")
    assert answerer.assess(question, with_filing_words(question), [iwidget], named).features["off_topic"] == 0.0


def test_since_what_year_asks_the_year_since_gives_not_another_of_the_report(answerer):
    # Amazon's 10-K for 2024: the auditor's report opens with the years audited and says since when it has audited
    question = "Since what year has Ernst & Young been Acme's auditor, per its FY2024 10-K?"
    report = _passage("Acme Widgets, Inc.", "We have audited the accompanying consolidated balance sheets of Acme "
                      "Widgets, Inc. as of December 31, 2024 and 2023, and the related consolidated statements of "
                      "operations for each of the three years in the period ended December 31, 2024.\n"
                      "/s/ Ernst & Young LLP\nWe have served as the Company's auditor since 1996.")
    assert "We have served as the Company's auditor since 1996." in _quoted(answerer, question, report)
    assessment = answerer.assess(question, with_filing_words(question), [report], {"Acme Widgets, Inc.": ()})
    assert assessment.deciding.sentence.text == "We have served as the Company's auditor since 1996."


def test_an_analysts_phrase_may_be_written_with_a_hyphen_and_what_figure_asks_a_number():
    question = "What top-line figure did Acme guide to for the fourth quarter?"
    assert "top line" in analysts_words(question) and "number" in _slots(question)


def test_an_identifier_asked_is_stated_by_one_as_a_cover_page_writes_it_not_by_a_telephone_number(answerer):
    # Caterpillar's 8-K of April 2022: the identifiers stand above their captions, no amount among them
    cover = ("Delaware\t1-768\t37-0602744\n(State or other jurisdiction of incorporation)\t(Commission File Number)\t"
             "(I.R.S. Employer Identification No.)")

    def states(question: str, text: str) -> bool:
        passage = _passage("Acme Widgets, Inc.", text, form="8-K", filed="2022-04-28")
        return _ranked(answerer, question, passage)[0].states_value_asked
    question = "Acme's April 28, 2022 8-K cover: what employer identification number does Acme report?"
    assert states(question, cover)
    assert not states(question, "Investor relations: (800) 735-7777")
    assert not states("What was Acme's revenue in 2022?", cover)


def test_how_much_money_asks_a_sum_whatever_it_is_called(answerer):
    # 3M's 10-K for 2018: the settlement with Minnesota is "an $850 million grant", no "money"
    question = "In settling the State's lawsuit in February 2018, how much money did Acme commit?"
    assert _focus_terms(question) == []
    settlement = _passage("Acme Widgets, Inc.", "Under the terms of the settlement, Acme agreed to provide an $850 million "
                          "grant to the State for a special water fund.", filed="2019-02-07")
    assert any("$850 million" in q for q in _quoted(answerer, question, settlement))


def test_a_row_of_what_the_figure_went_to_states_it_under_its_tables_caption(answerer):
    # Union Pacific's 10-Q of July 2025: "The table below details cash capital investments:" over "Ties 306 230";
    # "went" is how the question says where the money was spent, no word a row must hold
    passage = _passage("Acme Widgets, Inc.", "The table below details cash capital investments:\n"
                       "Millions, for the six months ended June 30,\t2025\t2024\nRail and other track material\t$\t"
                       "412\t$\t398\nTies\t306\t230\nTotal cash capital investments\t$\t1,842\t$\t1,699", form="10-Q")
    question = "How much cash capital investment went to ties in the first six months of 2025 ($M)?"
    assert _row_states(answerer, question, passage, "Ties")


def test_property_and_equipment_net_is_net_pp_and_e(answerer):
    # Sears' balance sheet of July 2004 (and Adobe's 2022 10-K) write "Property and equipment, net", with no plant
    passage = _passage("Acme Widgets, Inc.", "Condensed Consolidated Balance Sheets (millions)\n\tJuly 3, 2004\t"
                       "June 28, 2003\nMerchandise inventories, net\t5,543\t5,447\nProperty and equipment, net\t6,565\t"
                       "6,909\nGoodwill\t943\t945", form="8-K")
    assert _row_states(answerer, "What was net PP&E at July 3, 2004, in $M?", passage, "Property and equipment")


def test_the_periods_of_the_document_a_question_names_by_a_company_of_several_words_are_not_asked():
    from qa.answerer import _SOURCE
    question = ("What was MGM China's VIP table games turnover for full-year 2022, according to MGM Resorts' Q4 2022 "
                "earnings release?")
    assert _SOURCE.search(question).group() == "according to MGM Resorts' Q4 2022 earnings release"
    assert _SOURCE.search("What was Georgia Power's net income, per Southern Company's January 2007 earnings release?"
                          ).group() == "per Southern Company's January 2007 earnings release"
    # what the question asks of the company is no document's words ("board" of "Cabot Corporation's board per its
    # 2024 proxy"), nor is a phrase of lower-case words before a company's name
    assert _SOURCE.search("Who is the chair of Cabot Corporation's board per its 2024 proxy?").group() == (
        "per its 2024 proxy")
    assert _SOURCE.search("What were purchases of equipment in the statement of cash flows in Amazon.com's August "
                          "1998 8-K?").group() == "in Amazon.com's August 1998 8-K"


def test_a_full_year_asked_is_not_answered_by_a_quarters_row(answerer):
    passage = _passage("Acme Widgets, Inc.", "Key gaming statistics (Dollars in millions)\n\tThree Months Ended "
                       "December 31, 2022\tThree Months Ended December 31, 2021\nVIP table games turnover\t$ 980\t"
                       "$ 1,736", form="8-K")
    question = ("What was Acme's VIP table games turnover for full-year 2022, according to Acme Widgets' Q4 2022 "
                "earnings release?")
    assert not _row_states(answerer, question, passage, "VIP table games turnover")
    assert _row_states(answerer, question.replace("full-year 2022", "the fourth quarter of 2022"), passage,
                       "VIP table games turnover")


def test_a_range_of_money_is_no_count_of_things(answerer):
    # Amcor's fiscal 2023 results release: its outlook gives "Adjusted EPS of 67-71 cents per share", which is no
    # number of shares it expects to buy back
    question = "How many shares does Acme expect to repurchase in fiscal 2024?"
    assert not _states(answerer, question, "Fiscal 2024 outlook: Adjusted EPS of 67-71 cents per share.")
    assert not _states(answerer, question, "Fiscal 2024 outlook: Adjusted Free Cash Flow of $850-950 million.")
    assert _states(answerer, question, "Acme expects to repurchase 20-25 million shares in fiscal 2024.")


def test_words_that_say_how_a_figure_is_asked_are_no_line_items_words(answerer):
    # Apple's Q1 FY24 release: "Commercial paper 1,998" is the commercial paper balance; NVIDIA's 10-K: "Cash paid for
    # income taxes, net" is what it actually paid; MGM's release: "Rooms" under "Revenues" is its consolidated rooms
    # revenue
    sheet = _passage("Acme Widgets, Inc.", "CONDENSED CONSOLIDATED BALANCE SHEETS (In millions)\n\tDecember 30, 2023\t"
                     "September 30, 2023\nCurrent liabilities:\nAccounts payable\t58,146\t62,611\nCommercial paper\t1,998\t"
                     "5,985", form="8-K")
    assert _row_states(answerer, "What was the commercial paper balance at December 30, 2023, in USD millions?", sheet,
                       "Commercial paper")
    revenues = _passage("Acme Widgets, Inc.", "Three months ended December 31,\t2022\t2021\nRevenues\nCasino\t$\t"
                        "1,220,431\t$\t1,051,030\nRooms\t897,943\t636,130", form="8-K")
    assert _row_states(answerer, "What was Acme's consolidated rooms revenue in the fourth quarter of 2022?", revenues,
                       "Rooms")
    # but a word that names another line item still tells it: "Net sales" is no e-commerce net sales
    sales = _passage("Acme Widgets, Inc.", "Fiscal year ended\tJanuary 28, 2023\tJanuary 29, 2022\nNet sales\t$\t10,208.6"
                     "\t$\t8,630.9")
    assert not _row_states(answerer, "What were Acme's e-commerce net sales in fiscal 2022?", sales, "Net sales")


def test_capital_investments_and_an_average_abbreviated_are_the_filings_words(answerer):
    # Union Pacific's cash flow statement: "Capital investments" is its capex; Apple's 10-Q of August 2000: "Avg.
    # revenue per Macintosh shipped"
    flows = _passage("Acme Widgets, Inc.", "Millions, for the six months ended June 30,\t2025\t2024\nInvesting "
                     "activities\nCapital investments\t(1,842)\t(1,699)\nProceeds from asset sales\t75\t62", form="10-Q")
    assert _row_states(answerer, "What was Acme's capex for the first half of 2025?", flows, "Capital investments")
    units = _passage("Acme Widgets, Inc.", "Three Months Ended\tJuly 1, 2000\tJune 26, 1999\nMacintosh CPU unit sales\t"
                     "1,020\t1,001\nAvg. revenue per Macintosh shipped\t$1,749\t$1,683", form="10-Q")
    assert _row_states(answerer, "What was Acme's average revenue per Macintosh shipped in the quarter ended July 1, "
                       "2000?", units, "Avg. revenue")


def test_a_document_incorporated_by_reference_says_nothing_of_where_the_company_is_incorporated(answerer):
    # PepsiCo's exhibit list ("... which is incorporated herein by reference to Exhibit 4.1 to PepsiCo, Inc.'s
    # Current Report on Form 8-K") beside its 8-K's cover
    question = "In which state is Acme Widgets incorporated?"
    exhibits = _passage("Acme Widgets, Inc.", "3.1 Restated Articles of Acme Widgets, Inc., which are incorporated "
                        "herein by reference to Exhibit 3.1 to Acme Widgets, Inc.'s Current Report on Form 8-K filed "
                        "with the Securities and Exchange Commission on May 1, 2020.")
    cover = _passage("Acme Widgets, Inc.", "North Carolina\t1-1183\t13-1584302\n(State or other jurisdiction\n"
                     "of incorporation)\t(Commission File Number)\t(IRS Employer Identification No.)", rank=2)
    answer = answerer.answer(question, with_filing_words(question), [exhibits, cover], {"Acme Widgets, Inc.": ()})
    assert answer.text.startswith("North Carolina")


def test_an_answer_from_another_form_than_the_question_names_is_told_to_the_scorer(answerer):
    # Netflix's 10-Q of July 2025 has no CFO among its signers; its 10-K of January 2025 has
    question = "Who signed Acme Widgets' 10-Q for the quarter ended June 30, 2025 as Chief Financial Officer?"
    text = "/s/ Jane Roe\tChief Financial Officer (principal financial officer)\tJanuary 27, 2025"

    def other_form(form: str) -> float:
        passage = _passage("Acme Widgets, Inc.", text, form=form)
        return answerer.assess(question, with_filing_words(question), [passage],
                               {"Acme Widgets, Inc.": ()}).features["other_form"]

    assert other_form("10-K") == 1.0
    assert other_form("10-Q") == 0.0


def test_a_time_of_day_asked_is_answered_only_by_a_clock_time(answerer):
    # the Buckle's 8-K of November 2024 furnishes its release and names no time for a call; Apple's release of
    # January 2011 gives "beginning at 2:00 p.m. PST"
    question = "Acme Widgets' 8-K of Nov 22, 2024: at what time was the conference call on its results scheduled?"
    assert not _states(answerer, question, "On November 22, 2024, Acme Widgets, Inc. announced financial results "
                       "for the fiscal quarter ended November 2, 2024.", form="8-K")
    assert _states(answerer, question, "Acme Widgets will host a conference call on its results at 10:00 a.m. "
                   "Eastern Time on November 22, 2024.", form="8-K")
    # a date and time said to be approved is no time of day
    assert not _states(answerer, "At what time of day did Acme Widgets' reverse split take effect?",
                       "The effective date of the reverse split is November 19, 2007, a date and time approved by "
                       "NASD.", form="8-K")


def test_a_document_said_signed_in_an_aside_asks_for_no_signature(answerer):
    # ExperTelligence's 8-K signed December 31, 2003, asked for the date of the earliest event its cover reports
    signatures = _signature_page("Dated: December 31, 2003 Acme Widgets, Inc.\nBy: /s/ William Urschel Name: "
                                 "William Urschel Title: CEO")

    def signature_asked(question: str) -> float:
        assessment = answerer.assess(question, with_filing_words(question), [signatures], {"Acme Widgets, Inc.": ()})
        return assessment.features["signature_asked"]

    assert signature_asked("Acme Widgets' change-of-control 8-K (Douglas P. Martin, signed Dec 31, 2003): what 'date "
                           "of earliest event reported' does the cover page give?") == 0
    assert signature_asked("Who signed Acme Widgets' change-of-control 8-K of Dec 31, 2003?") == 1


def test_a_row_of_an_exhibit_index_under_no_header_states_no_fact(answerer):
    # Coca-Cola's 10-K for 2024: a page of its exhibit index, cut from the header, asked how many options were granted
    index_page = ("10.5.30\tForm of Performance Share Unit Agreement, as adopted February 14, 2024 — incorporated by "
                  "reference to Exhibit 10.5.30 to the Company's Annual Report on Form 10-K for the year ended "
                  "December 31, 2023.*\n"
                  "10.5.31\tForm of Stock Option Agreement for grants under the 2014 Equity Plan, as adopted February "
                  "14, 2024 — incorporated by reference to Exhibit 10.5.31 to the Company's Annual Report on Form "
                  "10-K for the year ended December 31, 2023.*")
    assert not _states(answerer, "How many stock options did Acme Widgets grant in 2023?", index_page)


def test_a_comparison_of_two_periods_one_of_them_unquoted_is_not_answered(answerer):
    # NVIDIA's 10-K for fiscal 2023 gives its lease expense for fiscal 2023, 2022 and 2021, not for fiscal 2020
    question = "What was Acme Widgets' operating lease expense in fiscal 2023 versus fiscal 2020?"
    named = {"Acme Widgets, Inc.": ()}
    three_years = _passage("Acme Widgets, Inc.", "Operating lease expense for fiscal years 2023, 2022, and 2021 was "
                           "$193 million, $168 million, $145 million, respectively.", filed="2023-02-24")
    assert _answer_from(answerer, question, three_years).refused
    earlier = _passage("Acme Widgets, Inc.", "Operating lease expense for fiscal years 2020, 2019, and 2018 was "
                       "$121 million, $98 million, $87 million, respectively.", rank=2, filed="2020-02-20")
    answer = _answer_from(answerer, question, three_years, earlier)
    assert not answer.refused and "$193 million" in answer.text and "$121 million" in answer.text
    # a period named by its distance from the other may be the one asked
    year_ago = "What was Acme Widgets' gross margin in the December 2010 quarter versus the December 2009 quarter?"
    release = _passage("Acme Widgets, Inc.", "Gross margin in the December 2010 quarter was 38.5 percent compared to "
                       "40.9 percent in the year-ago quarter.", form="8-K", filed="2011-01-18")
    assert not _answer_from(answerer, year_ago, release).refused
    # and a fiscal year's first quarter may end in the year before (Apple's data sheet of January 2011: "Q1 2010" is
    # its December 2009 quarter)
    data_sheet = _passage("Acme Widgets, Inc.", "Software sales were $786 million in the December quarter, Q1 2011, "
                          "against $631 million in Q1 2010.", form="8-K", filed="2011-01-18")
    fiscal = "Acme Widgets: software sales in the December 2010 quarter versus the December 2009 quarter?"
    assert not _answer_from(answerer, fiscal, data_sheet).refused


def test_the_fewest_votes_are_read_from_every_passage_of_the_vote_table(answerer):
    # Oracle's 8-K of November 2024: the votes for Leon E. Panetta, the fewest, two chunks below the table's header
    filing = FilingRef(company="Acme Widgets, Inc.", form="8-K", filing_date="2024-11-15", filing_id="k")
    header = "Director Nominee\tVotes For\tVotes Withheld\tBroker Non-Votes"
    first = (f"{header}\nAwo Ablo\t2,300,385,739\t21,926,604\t250,464,124\n"
             "Jeffrey S. Berg\t1,859,138,624\t463,173,719\t250,464,124")
    later = ("Leon E. Panetta\t1,854,738,819\t467,573,524\t250,464,124\n"
             "Charles W. Moorman\t2,187,168,934\t135,143,409\t250,464,124")
    later_start = len(first) + 500
    passages = [Passage(1, Chunk("k#1", filing, first, "Item 5.07", "", 0, len(first)), 1.0),
                Passage(2, Chunk("k#3", filing, later, "Item 5.07", "", later_start, later_start + len(later),
                                 table_header=header, table_header_start=0), 1.0)]
    question = "Acme Widgets' November 2024 annual meeting: which director nominee received the fewest votes FOR?"
    chosen = answerer.assess(question, with_filing_words(question), passages, {"Acme Widgets, Inc.": ()}).chosen
    assert chosen[0].sentence.text.startswith("Leon E. Panetta")


def test_dividends_paid_are_the_payments_of_dividends_a_cash_flow_statement_gives(answerer):
    # Oracle's 10-Q of September 2024 labels them "Payments of dividends to stockholders"
    statement = _passage("Acme Widgets, Inc.", "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS\n(in millions)\t2024\t"
                         "2023\nCash flows from financing activities:\nPayments of dividends to stockholders\t(1,103)\t"
                         "(1,091)\nRepurchases of common stock\t(150)\t(300)", form="10-Q", filed="2024-09-10")
    question = "ACME Q1 FY25 (three months ended Aug 31, 2024): dividends paid to stockholders per the cash flow statement?"
    assert _row_states(answerer, question, statement, "Payments of dividends")
    assert not _row_states(answerer, question, statement, "Repurchases")


def test_a_chat_lines_context_may_name_its_period_in_lower_case(answerer):
    # "BKE year-to-date:" names the period of the Buckle's figures asked, not what they are of
    statement = _passage("Acme Widgets, Inc.", "CONSOLIDATED STATEMENTS OF INCOME\n(Amounts in Thousands)\nThirty-Nine "
                         "Weeks Ended\nNovember 2, 2024\tOctober 28, 2023\nOPERATING EXPENSES:\nSelling\t206,454\t"
                         "205,081\nGeneral and administrative\t41,709\t39,247", form="8-K", filed="2024-11-22")
    question = "ACME year-to-date: Acme Widgets' selling expenses for the 39 weeks ended November 2, 2024?"
    assert _context_end(question) == len("ACME year-to-date: ")
    assert _row_states(answerer, question, statement, "Selling")


def test_a_sentence_opening_with_another_day_without_a_comma_is_of_another_period(answerer):
    # GAINSCO's 10-K for 2009 gives its bonds' ratings at December 31, 2009 only
    ratings = ("At December 31, 2009 the Standard & Poor's ratings on our bonds were in the following categories: "
               "33% AAA, 1% AA+, 5% AA.")
    assert not _states(answerer, "What percentage of Acme Widgets' bonds were rated AAA by Standard & Poor's at "
                       "December 31, 2008, per its 2009 10-K?", ratings)
    assert _states(answerer, "What percentage of Acme Widgets' bonds were rated AAA by Standard & Poor's at "
                   "December 31, 2009?", ratings)


def test_a_part_that_names_its_subject_only_by_a_pronoun_is_not_answered_alone(answerer):
    # Netflix's 10-K for 2024 never counts its corporate aircraft: the gross property and equipment is not theirs
    table = _passage("Acme Widgets, Inc.", "Property and equipment consisted of the following (in thousands):\nAs of "
                     "December 31,\t2024\t2023\nLand\t85,000\t85,000\nProperty and equipment, gross\t2,511,293\t"
                     "2,346,487")
    question = ("Acme Widgets FY2024 10-K: how many corporate aircraft did Acme Widgets own at year-end 2024, and what "
                "was their gross carrying amount?")
    assert _answer_from(answerer, question, table).refused
    # a part naming what it asks about is answered alone
    question = ("Acme Widgets FY2024 10-K: how many corporate aircraft did Acme Widgets own at year-end 2024, and what "
                "was its gross property and equipment?")
    assert not _answer_from(answerer, question, table).refused
    # nor one that names its period only so ("at that date")
    note = _passage("Acme Widgets, Inc.", "Series A: 1,150,000 shares designated, issued and outstanding\t566,495\t"
                    "566,495")
    question = ("Acme Widgets: what interest rate did its bank line of credit carry at June 30, 1998, and how much was "
                "outstanding under the line at that date?")
    assert _answer_from(answerer, question, note).refused


def test_a_date_beside_a_range_of_amounts_is_stated(answerer):
    # Oracle's 10-Q of September 2024: options priced in a range "through January 2027"
    options = ("We are also a counterparty to certain put and call options at prices of approximately $450 million to "
               "$1.5 billion, respectively, to acquire additional equity interests in Ampere from our co-investors "
               "through January 2027.")
    assert _states(answerer, "Through when do Acme Widgets' put and call options on Ampere equity run?", options,
                   form="10-Q")
    # while the range itself, as guidance gives, is no result
    assert not _states(answerer, "How much did Acme Widgets pay for its Ampere equity?", options, form="10-Q")


def test_a_fair_value_is_not_read_from_a_column_of_carrying_values(answerer):
    # NVIDIA's 10-Q of August 2025 gives its notes' carrying values, and their fair value only in total
    debt = _passage("Acme Widgets, Inc.", "Long-Term Debt\nExpected Remaining Term (years)\tEffective Interest Rate\t"
                    "Carrying Value at\nJul 27, 2025\tJan 26, 2025\n(In millions)\n3.50% Notes Due 2050\t24.7\t3.54%\t"
                    "2,000\t2,000\nThe estimated fair values are based on Level 2 inputs.", form="10-Q",
                    filed="2025-08-27")
    fair = "What was the estimated fair value of Acme Widgets' 3.50% Notes Due 2050 at July 27, 2025?"
    assert not _row_states(answerer, fair, debt, "3.50% Notes")
    assert not _row_states(answerer, fair, debt, "The estimated fair values")  # a level of inputs is no figure
    carrying = "What was the carrying value of Acme Widgets' 3.50% Notes Due 2050 at July 27, 2025?"
    assert _row_states(answerer, carrying, debt, "3.50% Notes")


def test_a_row_labelled_with_what_the_question_leaves_out_does_not_state_it(answerer):
    # Union Pacific's 10-Q of July 2025 gives no spending on locomotives alone
    table = _passage("Acme Widgets, Inc.", "Cash Capital Investments\nMillions, for the six months ended June 30,\t2025"
                     "\t2024\nRail and other track material\t$ 245\t$ 249\nLocomotives and freight cars\t465\t535\n"
                     "Total cash capital investments\t$ 1,842\t$ 1,700", form="10-Q", filed="2025-07-24")
    alone = ("How much cash capital did Acme Widgets invest in locomotives alone (excluding freight cars) in the first "
             "six months of 2025?")
    assert not _row_states(answerer, alone, table, "Locomotives")
    both = "How much cash capital did Acme Widgets invest in locomotives and freight cars in the first six months of 2025?"
    assert _row_states(answerer, both, table, "Locomotives")


def test_a_later_part_asking_another_period_in_few_words_is_asked_as_the_first(answerer):
    # GAINSCO's 10-K for 2009 rates its bonds at December 31, 2009 only; its treasury "shares" at December 31, 2008
    # are no share of its bonds
    question = ("What share of Acme Widgets' bond portfolio was rated AAA by Standard & Poor's at December 31, 2009, "
                "and what share at December 31, 2008?")
    assert parts_of(question)[1].endswith("December 31, 2008") and "bond portfolio" in parts_of(question)[1]
    ratings = _passage("Acme Widgets, Inc.", "At December 31, 2009 the Standard & Poor's ratings on our bonds were in "
                       "the following categories: 33% AAA, 1% AA+, 5% AA.", filed="2010-03-31")
    treasury = _passage("Acme Widgets, Inc.", "Treasury stock, at cost (256,534 shares at December 31, 2009, 252,729 "
                        "shares at December 31, 2008)\t(2,050)\t(2,040)", rank=2, filed="2010-03-31")
    assert _answer_from(answerer, question, ratings, treasury).refused


def test_a_name_line_taken_into_its_signature_block_still_decides_whether_to_answer(answerer):
    # Foot Locker's 8-K of May 2022: "Name: ..." under "Date: ... By: /s/ ..." is the best sentence for a "who"
    # question the filing does not answer; the block that holds it, chosen for its date of the year asked, is quoted
    # in its place and states no name asked
    text = ("SIGNATURE\nPursuant to the requirements of the Exchange Act, the registrant has duly caused this report "
            "to be signed on its behalf by the undersigned hereunto duly authorized.\nACME WIDGETS, INC.\n"
            "Date: May 20, 2025 By: /s/ Jane Q. Roe\nName: Jane Q. Roe\nTitle: Executive Vice President,\n"
            "General Counsel and Secretary")
    passage = _passage("Acme Widgets, Inc.", text, form="8-K")
    signature = replace(passage, chunk=replace(passage.chunk, section=SIGNATURE, section_title="Signature"))
    question = "Acme Widgets May 2025 8-K: who took over as chair of the audit committee after John Doe retired?"
    assessment = answerer.assess(question, with_filing_words(question), [signature], {"Acme Widgets, Inc.": ()})
    assert assessment.chosen and not any(c.states_value_asked for c in assessment.chosen)
    assert assessment.deciding.states_value_asked and assessment.deciding.sentence.text == "Name: Jane Q. Roe"


def test_a_thing_asked_alone_is_not_stated_by_a_figure_of_it_with_others_or_of_its_whole(answerer):
    # Tesla's 10-K for 2024 gives its storage deployed and Megapack's with Powerwall's, not Megapack's alone
    alone = "How many GWh of Megapack alone did Acme Widgets deploy in 2024?"
    assert not _states(answerer, alone, "Energy generation and storage revenue increased $4.05 billion, primarily due "
                                        "to a 16.7 GWh increase in Megapack and Powerwall deployments.")
    assert not _states(answerer, alone, "In 2024, we deployed 31.4 GWh of energy storage products.")
    assert _states(answerer, alone, "In 2024, we deployed 20.1 GWh of Megapack, up from 14.7 GWh in 2023.")
    # any word of a thing's name names it (Meta's 10-K for 2024 counts the people of its family of apps)
    app = "How many daily active users did the Facebook app alone have in December 2024?"
    assert not _states(answerer, app, "Family daily active people (DAP) was 3.35 billion on average for December 2024.")
    assert _states(answerer, app, "Facebook daily active users (DAUs) were 2.11 billion on average for December 2024.")
    # a region asked alone is named in any of its names (Netflix's 10-K for 2024: "Total U.S. revenues"), and a
    # period asked alone is no thing
    country = "What were Acme Widgets' total revenues from the United States alone for 2024?"
    assert _states(answerer, country, "Total U.S. revenues were $16.1 billion and $13.8 billion for the years ended "
                                      "December 31, 2024 and 2023, respectively.")
    quarter = "What revenue did Acme Widgets report for the fourth quarter of 2024 alone?"
    assert _states(answerer, quarter, "Revenue for the fourth quarter of 2024 and 2023 was $1.2 million and $0.9 "
                                      "million, respectively.")


def test_a_comparison_of_balances_at_two_days_one_of_them_unquoted_is_not_answered(answerer):
    # MGM Resorts' release of February 2023 gives its receivables at December 31 of 2022 and 2021, not September 30
    question = "Acme Widgets: accounts receivable, net at December 31, 2022 versus September 30, 2022?"
    balances = _passage("Acme Widgets, Inc.", "CONSOLIDATED BALANCE SHEETS\n(In thousands)\nDecember 31, 2022\t"
                        "December 31, 2021\nAccounts receivable, net\t852,149\t583,915", form="8-K", filed="2023-02-08")
    assert _answer_from(answerer, question, balances).refused
    quarter = _passage("Acme Widgets, Inc.", "CONSOLIDATED BALANCE SHEETS\n(In thousands)\nSeptember 30, 2022\t"
                       "December 31, 2021\nAccounts receivable, net\t790,112\t583,915", rank=2, form="10-Q",
                       filed="2022-11-02")
    answer = _answer_from(answerer, question, balances, quarter)
    assert not answer.refused and "852,149" in answer.text and "790,112" in answer.text
    # a header setting its days over two lines names one day only: its rows may be of any
    two_lines = _passage("Acme Widgets, Inc.", "CONSOLIDATED BALANCE SHEETS\n(In millions)\nDecember 31,\n2023\t2024\n"
                         "Accounts receivable, net\t20,177\t25,665", filed="2025-02-06")
    years = "Acme Widgets: accounts receivable, net at Dec 31, 2024 vs Dec 31, 2023?"
    assert not _answer_from(answerer, years, two_lines).refused
    # and a day printed without a space after its comma is a day (Apple's 10-Q of February 1999)
    old = _passage("Acme Widgets, Inc.", "ASSETS\nDecember 26, 1998\tSeptember 25,1998\nAccounts receivable, net\t"
                   "1,357\t819", form="10-Q", filed="1999-02-08")
    old_days = "Acme Widgets: accounts receivable, net at December 26, 1998 versus September 25, 1998?"
    assert not _answer_from(answerer, old_days, old).refused


def test_a_row_saying_what_the_question_denies_does_not_state_it(answerer):
    # Apple's 10-Q of August 2024: notional amounts of contracts designated as accounting hedges, and not designated
    table = _passage("Acme Widgets, Inc.", "Notional amounts (in millions)\tJune 29, 2024\tSeptember 30, 2023\n"
                     "Instruments designated as accounting hedges:\nForeign exchange contracts\t$ 65,542\t$ 74,730\n"
                     "Instruments not designated as accounting hedges:\nForeign exchange contracts\t$ 97,136\t"
                     "$ 104,777", form="10-Q", filed="2024-08-02")
    asked = ("What was the notional amount of Acme Widgets' foreign exchange contracts {} as accounting hedges at "
             "June 29, 2024?")
    for state, figure in (("NOT designated", "97,136"), ("designated", "65,542")):
        stating = [s.sentence.text for s in _ranked(answerer, asked.format(state), table) if s.states_value_asked]
        assert stating and all(figure in text for text in stating)


def test_an_aside_dating_the_document_names_no_proposal_voted_on(answerer):
    # Foot Locker's 8-K of May 2022: "(8-K dated May 20, 2022)" beside the meeting asked about
    votes = _passage("Acme Widgets, Inc.", "Proposal 1. With respect to the proposal to elect ten nominees to the "
                     "Board of Directors, the votes were cast for the proposal as set forth below:\nName\tVotes For\t"
                     "Votes Against\tAbstentions\tBroker Non-Votes\nJane Roe\t59,657,810\t294,935\t10,714,238\t"
                     "6,884,223\nJohn Doe\t54,484,293\t16,105,005\t77,685\t6,884,223", form="8-K", filed="2025-05-20")
    question = ("Acme Widgets annual meeting of May 18, 2025 (8-K dated May 20, 2025): how many votes were cast FOR the "
                "election of director John Doe?")
    assert _row_states(answerer, question, votes, "John Doe")


def test_a_header_naming_what_is_asked_in_the_filings_words_makes_its_rows_of_it(answerer):
    # Best Buy's 10-Q of August 2023: "share repurchases" over the average price paid, asked for "buybacks"
    table = _passage("Acme Widgets, Inc.", "Information regarding share repurchases was as follows ($ and shares in "
                     "millions, except per share amounts):\nSix Months Ended\nJuly 29, 2023\tJuly 30, 2022\n"
                     "Total cost of shares repurchased\t$\t150\t$\t452\nAverage price per share\t$\t76.48\t$\t96.83",
                     form="10-Q", filed="2023-09-01")
    question = "Acme Widgets: average price per share paid for buybacks over the six months ended July 29, 2023?"
    assert _row_states(answerer, question, table, "Average price per share")


def test_the_intrinsic_value_of_options_exercised_during_a_year_is_neither_a_fair_value_nor_another_line(answerer):
    # Netflix's 10-K for 2024 gives the fair value of options vested beside the intrinsic value of those exercised
    question = "What was Acme Widgets' total intrinsic value of stock options exercised during 2024?"
    assert not _states(answerer, question, "The total fair value of stock options that vested during the years ended "
                                           "December 31, 2024 and 2023 was $242 million and $311 million, respectively.")
    table = _passage("Acme Widgets, Inc.", "Year Ended December 31,\n2024\t2023\t2022\n(in thousands)\n"
                     "Total intrinsic value of options exercised\t$\t2,352,829\t$\t610,594\t$\t345,839")
    assert _row_states(answerer, question, table, "Total intrinsic value")


def test_a_sentence_giving_its_years_their_figures_respectively_gives_none_of_another_year(answerer):
    # Meta's 10-K for 2024 gives the grant-date fair value of RSUs granted in 2023 and 2022, not in 2021
    sentence = ("The weighted-average grant date fair value per share of RSUs granted in the years ended December 31, "
                "2023 and 2022 was $202.46 and $195.66, respectively.")
    asked = "What was Acme Widgets' weighted-average grant date fair value per share of RSUs granted in {}?"
    assert not _states(answerer, asked.format(2021), sentence)
    assert _states(answerer, asked.format(2022), sentence)


def test_percentages_of_other_things_give_no_share_of_the_one_asked(answerer):
    # American Express's 10-K for 2022 gives the Delta portfolio's share of network volumes and of loans only
    question = "What share of Acme Widgets' total revenues came from the Delta cobrand portfolio in 2022?"
    assert not _states(answerer, question, "The Delta cobrand portfolio represented approximately 10 percent of "
                                           "worldwide network volumes and approximately 21 percent of worldwide Card "
                                           "Member loans as of December 31, 2022.")
    assert _states(answerer, question, "The Delta cobrand portfolio represented approximately 8 percent of total "
                                       "revenues in 2022.")


def test_a_passage_without_the_phrase_a_question_quotes_states_no_figure_of_it(answerer):
    # NVIDIA's 10-Q of August 2025: the balance sheet's inventories are no "excess inventory purchase obligations"
    question = ("Acme Widgets at July 27, 2025: what balance of 'excess inventory purchase obligations' sat within "
                "accrued and other current liabilities?")
    balance_sheet = _passage("Acme Widgets, Inc.", "Jul 27, 2025\tJan 26, 2025\nCurrent assets:\nInventories\t14,962\t"
                             "10,080\nAccrued and other current liabilities\t15,193\t11,737", form="10-Q",
                             filed="2025-08-27")
    assert not _row_states(answerer, question, balance_sheet, "Accrued and other")
    accrued = _passage("Acme Widgets, Inc.", "Accrued and Other Current Liabilities:\tJul 27, 2025\tJan 26, 2025\n"
                       "Excess inventory purchase obligations\t3,154\t2,095", form="10-Q", filed="2025-08-27")
    assert _row_states(answerer, question, accrued, "Excess inventory")


def test_a_question_of_two_parts_one_of_which_no_sentence_states_is_not_answered(answerer):
    # Tesla's 10-Q for its second quarter of 2025 gives its energy segment's gross margin, and says the Megapack's
    # average selling price fell without giving it: answering the one part would pass a near miss for an answer
    margin = ("Gross margin for the energy generation and storage segment was 30.3% in the second quarter of 2025, "
              "up from 24.6% a year earlier. The average selling price of Megapack decreased.")
    question = ("Acme Widgets Q2 2025: what gross margin did the energy generation and storage segment earn, and "
                "what was the average selling price per Megapack in the quarter?")
    assert _answer_from(answerer, question, _passage("Acme Widgets, Inc.", margin, form="10-Q")).refused
    stated = f"{margin} The average selling price per Megapack was $1.1 million in the quarter."
    answer = _answer_from(answerer, question, _passage("Acme Widgets, Inc.", stated, form="10-Q"))
    assert not answer.refused and "30.3%" in answer.text and "$1.1 million" in answer.text, answer.text
    # a part that leans on another ("how old was she") or asks of no thing ("how many on ...") is not asked alone
    assert not _each_asks("Who joined Acme's board, and how old was she?",
                          ["Who joined Acme's board", "how old was she"])
    assert not _each_asks("How many shares abstained on Tim Cook's re-election and how many on Sue Wagner's?",
                          ["How many shares abstained on Tim Cook's re-election", "how many on Sue Wagner's"])


def test_a_prose_sentence_naming_other_days_only_gives_no_balance_at_the_day_asked(answerer):
    # Apple's 10-K for fiscal 1994 gives its backlog at December 2, 1994 and November 19, 1993 only
    backlog = ("The Company's backlog of unfilled orders remained relatively unchanged at approximately $663 million "
               "at both December 2, 1994, and November 19, 1993.")
    assert not _states(answerer, "How large was Acme Widgets' backlog of unfilled orders at fiscal year-end, "
                       "September 30, 1994?", backlog)
    assert _states(answerer, "How large was Acme Widgets' backlog of unfilled orders at December 2, 1994?", backlog)
    # a day a few days from the one asked is the same period's end (a fiscal period ends on a weekday)
    assert _states(answerer, "How large was Acme Widgets' backlog of unfilled orders as of November 30, 1994?",
                   backlog)


def test_who_chairs_asks_for_the_chair_and_what_exact_date_asks_a_date(answerer):
    # 1895 Bancorp's 8-K of December 2024 names its officers and no chair of its board
    officers = _passage("Acme Widgets, Inc.", "On December 20, 2024, the Board of Directors of Acme Widgets extended "
                        "the employment agreements of David Ball, President and Chief Executive Officer, and Steven "
                        "T. Klitzing, Executive Vice President and Chief Financial Officer.", form="8-K")
    assert not _ranked(answerer, "Who chairs the board of directors of Acme Widgets?", officers)[0].states_value_asked
    assert not _ranked(answerer, "Who chaired Acme Widgets' compensation committee in 2024?", officers
                       )[0].states_value_asked
    chair = _passage("Acme Widgets, Inc.", "Mary Major, Chair of the Board of Acme Widgets, approved the extensions "
                     "of the employment agreements on December 20, 2024.", form="8-K")
    assert _ranked(answerer, "Who chairs the board of directors of Acme Widgets?", chair)[0].states_value_asked
    # a chairman holds the chair asked for (Atrinsic's 8-K of March 2016)
    chairman = _passage("Acme Widgets, Inc.", "On March 25, 2016, the Board appointed Gregory Ekizian as Chairman of "
                        "the Audit Committee of Acme Widgets.", form="8-K")
    assert _ranked(answerer, "Who chairs Acme Widgets' audit committee?", chairman)[0].states_value_asked
    assert _slots("On what exact date was Acme Widgets' next annual meeting to be held?") == ("date",)


def test_the_most_votes_of_a_kind_are_read_in_that_kinds_column(answerer):
    # 1-800-FLOWERS.COM's 8-K of December 2023: the nominee with the most votes FOR had the fewest withheld
    votes = _passage("Acme Widgets, Inc.", "1.\tThe following nominees were elected as directors:\n"
                     "Nominee\tFor\tWithheld\tBroker Non-Votes\n"
                     "Dina Colombo\t288,790,152\t450,563\t3,936,780\n"
                     "Leonard J. Elmore\t277,367,302\t11,873,413\t3,936,780\n"
                     "James F. McCann\t280,503,042\t8,737,673\t3,936,780\n", form="8-K", filed="2023-12-15")
    answer = _answer_from(answerer, "At Acme Widgets' 2023 annual meeting, which director nominee had the most "
                          "votes withheld?", votes)
    assert not answer.refused and "Leonard J. Elmore" in answer.text and "Dina" not in answer.text, answer.text
    answer = _answer_from(answerer, "At Acme Widgets' 2023 annual meeting, which director nominee received the most "
                          "votes for?", votes)
    assert not answer.refused and "Dina Colombo" in answer.text, answer.text


def test_a_row_of_a_period_between_other_days_is_another_period(answerer):
    # Apple's 10-Q for its third quarter of fiscal 2025 groups its repurchases by periods of days
    repurchases = _passage("Acme Widgets, Inc.", "Periods\tTotal Number of Shares Purchased\tAverage Price Paid Per "
                           "Share\nMarch 30, 2025 to May 3, 2025:\n"
                           "Open market and privately negotiated purchases\t43,161\t$\t200.79\n"
                           "May 4, 2025 to May 31, 2025:\n"
                           "Open market and privately negotiated purchases\t28,223\t$\t203.17\n",
                           form="10-Q", filed="2025-08-01")
    question = ("Acme Widgets: average price paid per share for open market and privately negotiated purchases in "
                "the May 4, 2025 to May 31, 2025 period?")
    assert not _row_states(answerer, question, repurchases, "Open market and privately negotiated purchases\t43,161")
    assert _row_states(answerer, question, repurchases, "Open market and privately negotiated purchases\t28,223")
    # a day in brackets is an aside of the label (Apple's 10-Q of February 1998), and a day stacked over its year is
    # a column's, as an old text table sets its header over its rows (Sears' 8-K of July 2004)
    balance = _passage("Acme Widgets, Inc.", "Accounts receivable, net of allowance for doubtful accounts of $96 ($99 "
                       "at September 26, 1997)\t902\t1,035\n", form="10-Q", filed="1998-02-09")
    assert _row_states(answerer, "Acme Widgets' accounts receivable, net, at December 26, 1997?", balance,
                       "Accounts receivable")
    stores = _passage("Acme Widgets, Inc.", "Domestic Retail Stores:\n          July 3,  June 28, January 3,\n"
                      "           2004     2003      2004\nSpecialty\t1,109\t1,307\t1,105\n", form="8-K",
                      filed="2004-07-22")
    assert _row_states(answerer, "How many Acme Widgets specialty stores were there at July 3, 2004?", stores,
                       "Specialty")


def test_an_unaudited_interim_table_gives_no_figure_of_the_audited_statements_asked(answerer):
    # Amazon.com's 8-K of August 1998 files Junglee's unaudited six months of 1998 and 1997 and its audited years,
    # the interim table's caption in a chunk above its header rows
    interim = _passage("Acme Widgets, Inc.", "1998\t1997\n(UNAUDITED)\t(UNAUDITED)\n"
                       "Purchases of property and equipment\t(459,000)\t(298,446)\n", form="8-K", filed="1998-08-27")
    row = "Purchases of property and equipment\t(459,000)"
    assert not _row_states(answerer, "What were Acme Widgets' purchases of property and equipment in 1997, per the "
                           "audited statement of cash flows?", interim, row)
    assert _row_states(answerer, "What were Acme Widgets' purchases of property and equipment in 1997?", interim, row)


def test_the_years_a_debt_falls_due_name_it_and_no_period(answerer):
    # NVIDIA's 10-K for fiscal 2023: "2.85% Notes Due 2030" is a debt, and its table's columns are fiscal 2023's
    notes = _passage("Acme Widgets, Inc.", "Expected Remaining Term (years)\tEffective Interest Rate\tJanuary 29, 2023"
                     "\tJanuary 30, 2022\n(In millions)\n2.85% Notes Due 2030\t7.2\t2.93%\t1,500\t1,500\n"
                     "3.20% Notes Due 2026\t3.6\t3.31%\t1,000\t1,000\n", filed="2023-02-24")
    question = "Acme Widgets FY2023 10-K debt note: what effective interest rate applies to the 2.85% Notes Due 2030?"
    assert _row_states(answerer, question, notes, "2.85% Notes Due 2030")
    # PepsiCo's 2022 10-K: the notes due 2028-2060 are not those due 2023
    debt = _passage("Acme Widgets, Inc.", "2022\t2021\nNotes due 2023 (1.7% and 1.5%)\t3,094\t3,019\n"
                    "Notes due 2028-2060 (2.8% and 2.6%)\t24,652\t21,759\n", filed="2023-02-09")
    question = "Acme Widgets 2022 10-K: carrying amount of the Notes due 2028-2060 at year-end 2022, in $ millions?"
    assert _row_states(answerer, question, debt, "Notes due 2028-2060")
    assert not _row_states(answerer, question, debt, "Notes due 2023")


def test_a_nominee_whose_name_reads_as_a_change_still_has_his_votes(answerer):
    # Apple's 10-Q of August 2000: "Chang" is a director's name, no change in his votes
    votes = _passage("Acme Widgets, Inc.", "The following directors were elected at the meeting:\n"
                     "For\tAuthority Withheld\nGareth C.C. Chang\t139,671,948\t1,384,809\n"
                     "William V. Campbell\t139,530,349\t1,526,408\n", form="10-Q", filed="2000-08-10")
    assert _row_states(answerer, "How many votes were withheld from Acme Widgets director Gareth C.C. Chang?", votes,
                       "Gareth C.C. Chang")


def test_a_tax_id_is_the_employer_identification_number_its_cover_prints_with_stops(answerer):
    # The Buckle's 8-K of November 2024: "(I.R.S. Employer Identification No.)" under "47-0366193"
    cover = _passage("Acme Widgets, Inc.", "ACME WIDGETS, INC.\n(Exact name of Registrant as specified in its charter)\n"
                     "Nebraska\t001-12951\t47-0366193\n(State or other jurisdiction of\t(Commission\t(I.R.S. Employer\n"
                     "incorporation or organization)\tFile Number)\tIdentification No.)\n", form="8-K", filed="2024-11-22")
    for question in ("Give Acme Widgets' federal tax ID (IRS employer identification number).",
                     "What IRS number does Acme Widgets' cover page give?"):
        answer = _answer_from(answerer, question, cover)
        assert not answer.refused and "47-0366193" in answer.text


def test_line_items_asked_in_analysts_words_of_round_45_are_read_from_the_rows_the_filing_labels(answerer):
    income = _passage("Acme Widgets, Inc.", "Consolidated Statements of Income\nYear Ended December 31,\t2024\t2023\n"
                      "Pretax income\t10,105\t10,689\nProvision for income taxes\t2,071\t2,629\n"
                      "Net income\t8,034\t8,060\n")
    balances = _passage("Acme Widgets, Inc.", "Consolidated Balance Sheets\nDecember 31,\t2024\t2023\n"
                        "Accounts receivable, net\t629\t766\nCommercial paper\t1,500\t2,310\n"
                        "Accounts payable\t1,100\t1,015\nRetained earnings\t1,026\t898\n", rank=2)

    def stated(question: str) -> str:
        return next(s.sentence.text for s in _ranked(answerer, question, income, balances) if s.states_value_asked)

    # the words analysts use for a line item that its label does not print (qa.vocabulary.FILING_WORDS_FOR)
    assert stated("What was Acme Widgets' pre-tax profit for 2024?").startswith("Pretax income")
    assert stated("What was Acme Widgets' tax bill for 2024?").startswith("Provision for income taxes")
    assert stated("How much CP did Acme Widgets have outstanding at December 31, 2024?").startswith("Commercial")
    assert stated("How much did Acme Widgets owe its suppliers at December 31, 2024?").startswith("Accounts payable")
    assert stated("How much did customers owe Acme Widgets at December 31, 2024?").startswith("Accounts receivable")
    assert stated("What were Acme Widgets' retained profits at December 31, 2024?").startswith("Retained earnings")


def test_a_percentage_point_the_question_supposes_asks_no_percentage(answerer):
    # Apple's 10-K for 2024 gives its market risk as the decline in fair value for a rise of 100 basis points
    risk = _passage("Acme Widgets, Inc.", "Interest Rate Sensitive Instrument\tHypothetical Interest Rate Increase\t"
                    "Potential Impact\t2024\t2023\nInvestment portfolio\t100 basis points, all tenors\t"
                    "Decline in fair value\t$\t2,755\t$\t3,089\n")
    answer = _answer_from(answerer, "If rates rose a full percentage point, how much fair value would Acme Widgets' "
                          "investment portfolio lose at the end of 2024?", risk)
    assert not answer.refused and "2,755" in answer.text


def test_a_products_franchise_is_the_row_its_name_labels(answerer):
    # Johnson & Johnson's 10-Q of July 2025 labels its sales by product name, which analysts call a franchise
    sales = _passage("Acme Widgets, Inc.", "Major therapeutic area worldwide sales \u2014 Fiscal Six Months Ended\n"
                     "(Dollars in Millions)\tJune 29, 2025\tJune 30, 2024\tTotal Change\n"
                     "Immunology\t7,700\t8,969\t(14.1)\nREMICADE\t922\t827\t11.5\n"
                     "SIMPONI/ SIMPONI ARIA\t1,349\t1,091\t23.7\n", form="10-Q", filed="2025-07-24")
    best = _ranked(answerer, "Acme Widgets' Simponi franchise: worldwide sales in the first six months of 2025 ($M)?",
                   sales)[0]
    assert best.sentence.text.startswith("SIMPONI") and best.states_value_asked


def test_a_sentence_in_the_analysts_own_words_holds_what_the_filing_words_for_them_say(answerer):
    # Apple's 10-K for 2024 writes "pretax earnings" in a sentence and "Income before provision for income taxes"
    # over its tax table: the sentence in the question's words is the answer
    note = _passage("Acme Widgets, Inc.", "Provision for Income Taxes\n"
                    "Years ended\tSeptember 28, 2024\tSeptember 30, 2023\n"
                    "Computed expected tax\t$\t25,932\t$\t23,885\n"
                    "Income before provision for income taxes\t123,485\t113,736\n\n"
                    "Foreign pretax earnings were $77.3 billion, $72.9 billion and $71.3 billion in 2024, 2023 and "
                    "2022, respectively.\n")
    best = _ranked(answerer, "How much foreign pretax earnings did Acme Widgets report for 2024?", note)[0]
    assert best.sentence.text.startswith("Foreign pretax earnings")


def test_round_46_analysts_words_find_the_lines_and_sentences_the_filing_labels(answerer):
    # Boeing's 10-K for 2022: "We have one major agreement expiring in April 2027"; 3M's 10-K for 2018: "discount rate
    # was 4.36%"; Wells Fargo's 10-K for 2024: "Approximate square footage (in millions)"
    assert _states(answerer, "When does Acme Widgets' labor contract with the UAW run out?",
                   "We have one major agreement with the UAW, expiring in April 2027.")
    assert _states(answerer, "What interest-rate assumption did Acme Widgets use for its pension plan at year-end "
                   "2018?", "The pension plan's year-end 2018 discount rate was 4.36%.")
    space = _passage("Acme Widgets, Inc.", "PROPERTIES\nDecember 31, 2024\tApproximate square footage (in millions)\n"
                     "Top U.S. locations:\nSt. Louis, MO-IL\t1.9\nCharlotte, NC-SC\t7.3\n")
    assert _row_states(answerer, "How much space does Acme Widgets occupy in St. Louis, in millions of square feet?",
                       space, "St. Louis")
    votes = _passage("Acme Widgets, Inc.", "Name\tVotes For\tVotes Against\tAbstentions\tBroker Non-Votes\n"
                     "Ulice Payne, Jr.\t54,993,396\t4,950,917\t10,722,670\t6,884,223\n", form="8-K")
    assert _answered_with(answerer, "How many shares sat out the vote on Ulice Payne, Jr. at Acme Widgets' meeting?",
                          "10,722,670", votes)
    cash = _passage("Acme Widgets, Inc.", "Condensed Consolidated Statements of Cash Flows\n(In millions)\n"
                    "Six Months Ended\tJul 27, 2025\tJul 28, 2024\nCash and cash equivalents at end of period\t$\t11,639"
                    "\t$\t8,571\nNet cash provided by operating activities\t42,779\t29,833\n", form="10-Q",
                    filed="2025-08-27")
    answer = _answer_from(answerer, "How much cash did Acme Widgets' operations bring in over the six months ended "
                          "July 27, 2025?", cash)
    assert not answer.refused and answer.text.startswith("Net cash provided by operating activities")


def test_what_the_question_says_was_never_done_is_what_a_label_says_was_not(answerer):
    # IBM's 10-K for 2024: its equity compensation plan table's "Equity compensation plans not approved by security
    # holders", which analysts ask as plans the holders never approved
    plans = _passage("Acme Widgets, Inc.", "Plan Category\tNumber of securities to be issued upon exercise of "
                     "outstanding options (a)\tWeighted-average exercise price (b)\n"
                     "Equity compensation plans approved by security holders\nOptions\t9,268,766\t$\t144.65\n"
                     "Equity compensation plans not approved by security holders\nOptions\t736,630\t$\t146.86\n")
    best = next(s for s in _ranked(answerer, "How many stock options were outstanding under Acme Widgets' plans that "
                                   "stockholders never approved?", plans) if s.states_value_asked)
    assert "736,630" in best.sentence.text


def test_a_tax_id_number_asks_the_identifier_not_a_figure_near_its_words(answerer):
    # Sophiris Bio's 8-K of March 2016 prints its identifiers in a row, their names under them
    cover = _passage("Acme Widgets, Inc.", "British Columbia\t001-36054\t98-1008712\n(State or other jurisdiction\t"
                     "(Commission File Number)\t(IRS Employer Identification No.)\nof incorporation)\n", form="8-K")
    assert _answered_with(answerer, "What federal tax ID number does Acme Widgets' cover page give?", "98-1008712",
                          cover)


def test_a_rate_that_names_a_table_asks_no_percentage_when_a_currency_is_asked(answerer):
    # Amazon's 10-K for 2024 reconciles its tax provision in dollars: "Tax credits (2,805)"
    reconciliation = _passage("Acme Widgets, Inc.", "Income tax reconciliation\n\t2022\t2023\t2024\n"
                              "Income taxes computed at the federal statutory rate\t$\t(1,141)\t$\t8,315\t$\t14,205\n"
                              "Effect of:\nTax credits\t(1,006)\t(2,362)\t(2,805)\n")
    assert _answered_with(answerer, "Acme Widgets' effective tax rate reconciliation: by how much did tax credits "
                          "reduce its 2024 income tax provision, in $ millions?", "2,805", reconciliation)


def test_a_region_in_brackets_after_a_segments_name_says_where_it_is(answerer):
    # Best Buy's 10-K for fiscal 2023: its International segment is Canada, which its tables do not name
    mix = _passage("Acme Widgets, Inc.", "International segment comparable sales percentage changes by revenue "
                   "category were as follows:\nComparable Sales Summary\n2023\t2022\n"
                   "Computing and Mobile Phones\t(6.1)%\t1.6 %\nEntertainment\t(8.6)%\t3.5 %\n")
    best = next(s for s in _ranked(answerer, "What were Acme Widgets' fiscal 2023 comparable sales in the "
                                   "Entertainment category of the International (Canada) segment?", mix)
                if s.states_value_asked)
    assert best.sentence.text.startswith("Entertainment")


def test_what_was_set_aside_for_is_what_is_asked(answerer):
    # Amazon's 10-K for 2024: "our total self-insurance liabilities were $6.3 billion and $8.5 billion"
    assert _states(answerer, "How much had Acme Widgets set aside for the risks it self-insures at the end of 2024?",
                   "As of December 31, 2023 and 2024, our total self-insurance liabilities were $6.3 billion and $8.5 "
                   "billion.")


def test_a_label_the_question_quotes_is_what_it_asks(answerer):
    # Meta's 10-K for 2024: its Family of Apps' revenue is "Advertising" and "Other revenue"
    revenue = _passage("Acme Widgets, Inc.", "Revenue:\n(in millions)\t2024\t2023\nAdvertising\t$\t160,633\t$\t131,948"
                       "\nOther revenue\t1,722\t1,058\nFamily of Apps\t162,355\t133,006\nReality Labs\t2,146\t1,896\n"
                       "Total revenue\t$\t164,501\t$\t134,902\n")
    question = "What did Acme Widgets' Family of Apps 'other revenue' come to in 2024?"
    assert {"other", "revenu"} <= set(_focus_terms(question))
    assert _answered_with(answerer, question, "1,722", revenue)
    # (not a title in capitals, which is a name, nor a phrase with a name in it, nor one of two things asked)
    assert _focus_terms("When did Acme Widgets adopt its 'True Diversity Board Policy'?") == []
    assert _focus_terms("On what date did the jury return its verdict over the 'taking Acme private' tweet?") == []
    assert _focus_terms("Acme Widgets fiscal 2025 income statement: 'Other, net' and income before income tax?") == []


def test_a_row_labelled_by_its_year_gives_what_its_header_names(answerer):
    # Cabot's 2024 proxy: its pay-versus-performance reconciliation has a row a year, its measures in the columns
    table = _passage("Acme Widgets, Inc.", "Year\tAverage Reported Summary Compensation Table Total for Non-PEO NEOs\t"
                     "Average Compensation Actually Paid to Non-PEO NEOs\n2023\t$\t2,247,211\t$\t2,279,259\n"
                     "2022\t$\t2,268,356\t$\t3,901,604\n", form="DEF 14A", filed="2024-01-26")
    assert _row_states(answerer, "Acme Widgets' pay-versus-performance table: average 'compensation actually paid' to "
                       "the non-CEO named executive officers in fiscal 2023?", table, "2023")


def test_whose_figure_is_asked_is_its_verbs_subject(answerer):
    # Apple's 10-K for 2024 describes AppleCare but gives its net sales only in total: no AppleCare revenue
    sales = _passage("Acme Widgets, Inc.", "Net sales by category:\n\t2024\t2023\nServices\t$\t96,169\t$\t85,200\n"
                     "Total net sales\t$\t391,035\t$\t383,285\n")
    assert _answer_from(answerer, "How much revenue did WidgetCare bring in for Acme Widgets during fiscal 2024?",
                        sales).refused


def test_an_auditor_asked_is_a_firm_named_as_one(answerer):
    # Food Concepts' 8-K of January 1998 names the firm that bought control of it, and no auditor
    release = _passage("Acme Widgets, Inc.", "Acme Widgets, Inc. announces that Bishop Management, Inc. has acquired a "
                       "majority interest in Acme Widgets and is looking for acquisitions.", form="8-K")
    assert _answer_from(answerer, "Which accounting firm audits Acme Widgets' books?", release).refused
    consent = _passage("Acme Widgets, Inc.", "We consent to the incorporation by reference of our report on the "
                       "financial statements of Acme Widgets, Inc.\n/s/ Ernst & Young LLP\nBoston, Massachusetts",
                       form="8-K")
    assert _answered_with(answerer, "Which accounting firm audits Acme Widgets' books?", "Ernst & Young", consent)


def test_a_contents_lines_page_and_section_number_are_no_figures(answerer):
    # an agreement filed with Apple's 10-K for 1997 opens with its contents
    contents = _passage("Acme Widgets, Inc.", "SECTION 4 - Representations and Warranties of the Purchaser. . . . . . "
                        ". . . 5\nSECTION 5 - Conditions to Closing. . . . . . . . . 7")
    assert not _row_states(answerer, "How much warranty expense did Acme Widgets charge to earnings in fiscal 1997?",
                           contents, "SECTION 4")


def test_opposition_a_nominee_faced_is_the_votes_against_him(answerer):
    # Apple's 8-K of March 2019: "which director nominee faced the least opposition" is read from the Against column
    from qa.vocabulary import vote_kind_asked
    question = "Which Acme Widgets director nominee faced the least opposition in the votes of the 2019 annual meeting?"
    assert vote_kind_asked(question) == "against"
    header = "Name\tFor\tAgainst\tAbstained\tBroker Non-Vote"
    rows = "James Bell\t2,664,386,155\t40,229,756\t5,182,628\t1,402,346,727\n" \
           "Sue Wagner\t2,687,101,222\t17,876,807\t4,820,510\t1,402,346,727\n"
    filing = FilingRef(company="Acme Widgets, Inc.", form="8-K", filing_date="2019-03-05", filing_id="r")
    table = Passage(1, Chunk("r#1", filing, rows, "Item 5.07", "", 0, len(rows), table_header=header), 1.0)
    assert _row_states(answerer, question, table, "Sue Wagner")


def test_the_role_a_director_was_chosen_for_is_what_is_asked(answerer):
    # Loncor's 20-F for 2015 lists the audit committee's members before naming its financial expert
    from qa.answerer import _focus_terms
    question = "Which Acme Widgets director did the board single out as its Audit Committee Financial Expert?"
    assert {"audit", "committe", "financi", "expert"} <= set(_focus_terms(question))
    # (not a role its biography gives: Cabot's 2024 proxy, "Chief Executive, Petrochemicals for BP")
    assert _focus_terms("Which Acme Widgets director once ran BP's petrochemicals business as its chief executive?") \
        == []
    text = ("The Board has a compensation committee, the members of which are Maurice J. Colson and William R. Wilson. "
            "The Company's Board has determined that William R. Wilson satisfies the requirements as an audit "
            "committee financial expert.")
    assert _ranked(answerer, question, _passage("Acme Widgets, Inc.", text, form="20-F"))[0].sentence.text.startswith(
        "The Company's Board has determined")


def test_a_range_of_rates_from_its_lowest_is_a_result_not_guidance(answerer):
    # Commonwealth Income & Growth Fund V's 10-K for 2015: "interest rates ranging from 1.6% to 6%"
    assert _states(answerer, "What range of interest rates did Acme Widgets' non-recourse debt carry at the end of "
                   "2015?", "The balance of our non-recourse debt at December 31, 2015 was approximately $502,000 "
                   "with interest rates ranging from 1.6% to 6% which will be payable through February 2019.")


def test_what_a_company_was_called_asks_a_name():
    # Loncor's 20-F for 2015: "changed the Company's name from Nevada Bob's International Inc. to Loncor Resources"
    assert _slots("What was Acme Widgets called before it amalgamated with Old Acme in November 2008?") == ("name",)
    assert _slots("What is Acme Widgets' new data center product called?") == ("name",)


def test_a_rise_in_rates_that_changes_what_is_asked_asks_no_percentage(answerer):
    # Adobe's 10-K for fiscal 2022 gives its market risk as a change in value for a change in interest rates
    assert _states(answerer, "By how much would a 150 basis point rise in interest rates reduce the market value of "
                   "Acme Widgets' short-term investments?", "A 150 basis point increase in interest rates would lead "
                   "to a $20 million decrease in the market value of our short-term investments.")
    # (but a rate asked is a percentage: "what interest rate")
    assert not _states(answerer, "What interest rate do Acme Widgets' notes due 2030 bear?",
                       "The notes due 2030 have a principal amount of $500 million.")


def test_shareholders_stockholders_and_shareowners_are_one_word(answerer):
    # Amazon's 10-K for 2024 labels its equity "Total stockholders' equity", which analysts ask as "book value - total
    # shareholders' equity"; Coca-Cola's 10-K says "shareowners"
    sheet = _passage("Acme Widgets, Inc.", "CONSOLIDATED BALANCE SHEETS\n(in millions, except per share data)\n"
                     "December 31,\n2023\t2024\nStockholders’ equity:\nTotal stockholders’ equity\t201,875\t285,970\n")
    assert _row_states(answerer, "What was Acme Widgets' book value - total shareholders' equity - at the end of "
                       "2024, $M?", sheet, "Total stockholders")
    owners = _passage("Acme Widgets, Inc.", "CONSOLIDATED BALANCE SHEETS\n(In millions)\nDecember 31,\t2024\t2023\n"
                      "TOTAL EQUITY\nTotal shareowners’ equity\t24,856\t25,941\n")
    assert _row_states(answerer, "What was Acme Widgets' total stockholders' equity at December 31, 2024?", owners,
                       "Total shareowners")


def test_a_row_labelled_by_the_year_asked_gives_that_years_figure_whatever_its_header_names(answerer):
    # Plymouth Rock Technologies' 20-F for fiscal 2020: its losses carried forward by the year they expire, in a chunk
    # cut from inside the table under a header naming the year of the balance ("Expiry 2020"); a row of another year
    # gives none
    losses = _passage("Acme Widgets, Inc.", "2038\t675,203\n2039\t2,350,798\n2040\t2,443,638\nTotal\t6,111,538\n",
                      form="20-F", filed="2021-03-30")
    losses = replace(losses, chunk=replace(losses.chunk, table_header="Expiry\t2020", table_header_start=0))
    question = ("Acme Widgets 20-F (FY ended Nov 30, 2020), income tax note: how much of the unrecognized non-capital "
                "loss carryforwards and net operating losses expire in 2039 (CAD)?")
    assert _row_states(answerer, question, losses, "2039")
    assert not _row_states(answerer, question, losses, "2040")


def test_a_row_labelled_with_the_name_a_question_gives_in_brackets_or_quotes_is_what_it_asks(answerer):
    # J&J's 10-Q of July 2025 labels its work in process "Goods in process", which an analyst asks as "work-in-process
    # inventory (goods in process)"; Tesla's 2024 10-K labels its data centers "AI infrastructure", asked as "the gross
    # 'AI infrastructure' line (Tesla's owned data centers)"
    inventories = _passage("Acme Widgets, Inc.", "Note 2 — Inventories\n(Dollars in Millions)\tJune 29, 2025\t"
                           "December 29, 2024\nRaw materials and supplies\t1,885\t1,599\nGoods in process\t3,971\t"
                           "2,815\nFinished goods\t7,301\t7,030\n", form="10-Q", filed="2025-07-24")
    question = ("Acme Widgets 10-Q for the quarter ended June 29, 2025: how much work-in-process inventory (goods in "
                "process) did it carry at quarter-end, $M?")
    assert _row_states(answerer, question, inventories, "Goods in process")
    assert not _row_states(answerer, question, inventories, "Finished goods")
    # (without the filing's name for it, "work-in-process inventory" is not the row's "Goods in process")
    assert not _row_states(answerer, question.replace(" (goods in process)", ""), inventories, "Goods in process")
    equipment = _passage("Acme Widgets, Inc.", "Property, plant and equipment, net, consisted of the following (in "
                         "millions):\n\tDecember 31, 2024\tDecember 31, 2023\nMachinery, equipment, vehicles and office "
                         "furniture\t17,783\t16,372\nAI infrastructure\t5,152\t1,510\nLand and buildings\t10,600\t9,505\n")
    question = ("Acme Widgets FY2024 10-K PP&E note: what was the gross 'AI infrastructure' line (its owned data "
                "centers) at December 31, 2023, $M?")
    assert _row_states(answerer, question, equipment, "AI infrastructure")
    assert not _row_states(answerer, question, equipment, "Land and buildings")


def test_what_a_company_owes_is_a_liability_it_reports(answerer):
    # Tesla's 10-Q of July 2025: "How much did Tesla owe its suppliers" is its "Accounts payable"; what a debtor
    # "owed" the company, or others owe it, is no liability of the company's
    sheet = _passage("Acme Widgets, Inc.", "CONSOLIDATED BALANCE SHEETS\n(in millions)\n\tJune 30, 2025\tDecember 31, "
                     "2024\nCurrent liabilities\nAccounts payable\t$\t13,212\t$\t12,474\nAccrued liabilities and "
                     "other\t9,620\t9,720\n", form="10-Q", filed="2025-07-24")
    assert _row_states(answerer, "How much did Acme Widgets owe its suppliers at June 30, 2025, per the balance sheet "
                       "($M)?", sheet, "Accounts payable")
    assert "owe" in analysts_words("How much does Acme Widgets owe its lenders?")
    assert not analysts_words("Which individual paid Acme Widgets back the $61 thousand he owed?")
    # (what others owe the company named is a receivable: Netflix's "trade receivables")
    assert not analysts_words("How much did members and advertisers owe Acme Widgets at June 30, 2025?")


def test_analysts_names_for_paid_in_capital_subscribers_and_junk_bonds_find_the_filings_rows(answerer):
    # Sears' 8-K of July 2004 labels additional paid-in capital "Capital in excess of par value"; Netflix's 2024 10-K
    # counts subscribers as "Paid memberships"; AEGON's 20-F for 2000 names junk bonds "High yield (BB+ or less)"
    sheet = _passage("Acme Widgets, Inc.", "CONDENSED CONSOLIDATED BALANCE SHEETS\n(millions)\tDecember 31, 2024\t"
                     "December 31, 2023\nShareholders' Equity\nCommon shares\t323\t323\nCapital in excess of par "
                     "value\t3,516\t3,501\nRetained income\t10,731\t10,518\n")
    assert _row_states(answerer, "How much additional paid-in capital did Acme Widgets carry at December 31, 2024, "
                       "$M?", sheet, "Capital in excess of par value")
    assert "paid memberships" in analysts_words("How many paying subscribers did Acme Widgets count?")[
        "paying subscribers"]
    assert {"junk-rated", "paid-in capital", "subscribers"} <= set(analysts_words(
        "Which junk-rated bonds, paid-in capital and subscribers?"))


def test_a_passage_goes_on_under_the_caption_of_the_passage_before_it_in_its_section(answerer):
    # Loncor's 20-F of March 2016: "analysed, interpreted and estimated by Andrew Clay" opens the chunk after the
    # rows under its "Table 8: Makapela Inferred Mineral Resources"; a passage before it of another section says
    # nothing of it
    filing = FilingRef(company="Acme Mining Inc.", form="20-F", filing_date="2016-03-30",
                       accession="0000000000-16-000001", filing_id="acme", source="f.htm")
    caption = "Table 8: Makapela Inferred Mineral Resources\nCut-off\tGrade\tTonnes\tOunces"
    table = "2.75\t5.30\t3.223\t549,600\n3.00\t5.69\t2.781\t508,700\n"  # a chunk of its rows, below the caption
    prose = ("These mineral resource estimates were prepared by independent consultants. The geology and drilling "
             "information was analysed, interpreted and estimated by Andrew Clay of Venmyn, a qualified person.")

    def clay_on_topic(section_before: str) -> bool:
        start = len(caption) + 1
        before = Chunk(chunk_id_of("acme", 151), filing, table, section_before, "", start, start + len(table),
                       table_header=caption, table_header_start=0)
        after = Chunk(chunk_id_of("acme", 152), filing, prose, "Item 4", "", before.char_end,
                      before.char_end + len(prose))
        question = "Acme Mining 20-F filed March 2016: which consultant estimated the Makapela mineral resources?"
        return next(s for s in _ranked(answerer, question, Passage(1, after, 1.0), Passage(2, before, 0.9))
                    if "Andrew Clay" in s.sentence.text).on_topic

    assert clay_on_topic("Item 4")
    assert not clay_on_topic("Item 3")
    assert previous_chunk_id(chunk_id_of("acme", 152)) == chunk_id_of("acme", 151)
    assert previous_chunk_id(chunk_id_of("acme", 0)) == ""  # a filing's first chunk follows none


def test_a_figure_per_unit_is_a_sum_of_money_not_a_count_of_units(answerer):
    # Commonwealth Income & Growth Fund V's 10-K for 2015: "Net loss per equivalent Limited Partnership unit $(0.10)"
    statement = _passage("Acme Widgets, Inc.", "STATEMENTS OF OPERATIONS\n\tYears ended December 31,\n\t2015\t2014\n"
                         "Net loss\t$(132,811)\t$(40,362)\nNet loss per equivalent Limited Partnership unit\t$(0.10)\t"
                         "$(0.03)\n")
    question = "Acme Widgets FY2015: what was the loss per limited partnership unit?"
    assert not Asked.of(question, with_filing_words(question), {}).asks_count
    assert _row_states(answerer, question, statement, "Net loss per equivalent")
    # (units counted are asked as ever)
    assert Asked.of("How many limited partnership units were outstanding?", "", {}).asks_count


def test_shares_that_backed_a_nominee_are_votes_for_the_nominee(answerer):
    # PepsiCo's 8-K of May 2023: "How many shares backed Cesar Conde's return to PepsiCo's board"
    votes = _passage("Acme Widgets, Inc.", "The following persons were elected to serve as directors of Acme Widgets:"
                     "\nNominee\tFor\tAgainst\tAbstain\tBroker Non-Votes\nCesar Conde\t995,535,275\t21,945,852\t"
                     "2,666,762\t172,969,325\nDina Dublon\t981,592,374\t32,153,405\t2,401,110\t172,969,325\n",
                     form="8-K", filed="2023-05-05")
    question = "How many shares backed Cesar Conde's return to Acme Widgets' board at the May 3, 2023 annual meeting?"
    assert vote_kind_asked(question) == "for"
    assert _row_states(answerer, question, votes, "Cesar Conde")
    assert not vote_kind_asked("Which products backed the growth of Acme Widgets' sales?")


def test_the_company_row_is_one_of_the_measure_asked_not_a_row_labelled_alike(answerer):
    # Tesla's 10-K for 2024 books "832" of stock-based compensation in "Research and development"; the income
    # statement's "Research and development 4,540" is the whole line, no stock-based compensation
    compensation = _passage("Acme Widgets, Inc.", "The following table summarizes our stock-based compensation expense "
                            "by line item in the consolidated statements of operations (in millions):\n\tYear Ended "
                            "December 31,\n\t2024\t2023\nCost of revenues\t750\t741\nResearch and development\t832\t"
                            "689\nSelling, general and administrative\t417\t382\n")
    income = _passage("Acme Widgets, Inc.", "CONSOLIDATED STATEMENTS OF OPERATIONS (in millions)\n\tYear Ended "
                      "December 31,\n\t2024\t2023\nOperating expenses\nResearch and development\t4,540\t3,969\n"
                      "Selling, general and administrative\t5,150\t4,800\n", rank=2)
    question = "TSLA FY24 10-K: how much of Acme Widgets' 2024 equity-based pay expense was booked in the R&D line?"
    ranked = _ranked(answerer, question, compensation, income)
    best = next(s for s in ranked if s.sentence.text.startswith("Research and development\t832"))
    stating = [s for s in ranked if s.states_value_asked]
    assert _company_row(best, stating, set(_focus_terms(question))) is best
    # (a row of the whole company labelled alike, its table naming no more of what is asked, is the company's)
    assert _company_row(best, stating, set()).sentence.text.startswith("Research and development\t4,540")


def test_a_sentence_opening_with_a_titled_surname_names_a_person(answerer):
    # PepsiCo's 10-K for 2022 writes its officers' other boards under their surnames: "Mr. Laguarta has served as a
    # director of Visa Inc. since 2019"
    question = "Which of Acme Widgets' executive officers is a director of Visa?"
    assert _states(answerer, question, "Mr. Laguarta has served as a director of Visa Inc. since 2019.")
    # (a surname the question gives is no answer)
    assert not _states(answerer, "Is Mr. Laguarta of Acme Widgets a director of Visa, and who else is?",
                       "Mr. Laguarta has served as a director of Visa Inc. since 2019.")


def test_a_vote_tables_column_heads_name_no_person(answerer):
    # Apple's 8-K of March 2019: "Broker Non-Vote" is no one's name; the nominee with the most votes For is the answer
    table = ("The individuals listed below were elected at the Annual Meeting to serve as directors of Acme Widgets:\n"
             "\tFor\tAgainst\tAbstained\tBroker Non-Vote\nJames Bell\t2,664,386,155\t40,229,756\t5,182,628\t"
             "1,402,346,727\nSue Wagner\t2,687,101,222\t17,876,807\t4,820,510\t1,402,346,727\nTim Cook\t"
             "2,681,116,075\t25,363,575\t3,318,889\t1,402,346,727\n")
    question = "Which director nominee got the most FOR votes at Acme Widgets' March 2019 annual meeting?"
    chosen = answerer.assess(question, with_filing_words(question), [_passage("Acme Widgets, Inc.", table)],
                             {"Acme Widgets, Inc.": ()}).chosen
    assert [c.sentence.text.split("\t")[0] for c in chosen] == ["Sue Wagner"]


def test_a_figure_under_the_column_head_naming_what_is_asked_is_stated(answerer):
    # NVIDIA's 10-Q of August 2025 labels its repurchase rows by their days; the column head says what is asked
    table = _passage("Acme Widgets, Inc.", "Issuer purchases of equity securities:\nPeriod\tTotal Number of Shares "
                     "Purchased (In millions)\tAverage Price Paid per Share\nMay 26, 2025 - June 22, 2025\t19.1\t$\t"
                     "141.61\nJune 23, 2025 - July 27, 2025\t29.2\t$\t161.65\n", form="10-Q",
                     filed="2025-08-27")
    question = "What average price per share did Acme Widgets pay for buybacks in the June 23 - July 27, 2025 period?"
    assert _row_states(answerer, question, table, "June 23, 2025")
    assert _answered_with(answerer, question, "161.65", table)
    # (a row under days of other months gives none of the month asked)
    assert not _row_states(answerer, question.replace("June 23 - July 27, 2025 period", "month of March 2025"),
                           table, "June 23, 2025")


def test_a_row_grouped_under_days_of_another_month_gives_no_figure_of_the_month_asked(answerer):
    # Adobe's 10-K for 2022 groups its repurchases under each fiscal month's days; August is not among them
    table = _passage("Acme Widgets, Inc.", "Period\nOctober 1 — October 28, 2022\nShares repurchased\t2.1\t$\t285.40\t"
                     "2.1\n")
    assert not _row_states(answerer, "What average price did Acme Widgets pay for shares bought back in August "
                           "2022?", table, "Shares repurchased")
    assert _row_states(answerer, "What average price did Acme Widgets pay for shares bought back in October 2022?",
                       table, "Shares repurchased")


def test_signing_a_deal_is_no_signing_of_the_filing():
    assert not _asks_signature("With whom did Acme sign an aircraft time-sharing agreement dated March 27, 2024?")
    assert not _asks_signature("Which bank is trustee under the indenture Acme signed on July 29, 2024?")
    assert not _asks_signature("Which parties signed on to the settlement behind the 2013 rate plan?")
    assert _asks_signature("Who signed Acme's 10-K as chief accounting officer?")


def test_a_statement_of_operations_dated_by_days_gives_its_periods_flows(answerer):
    # Apple's 10-Q of February 1999 heads its statement of operations with the days its quarters end, no "Three
    # Months Ended"
    statement = _passage("Acme Widgets, Inc.", "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)\n"
                         "(in millions)\n\tDecember 26, 1998\tDecember 26, 1997\nNet sales\t$1,710\t$1,578\n"
                         "Cost of sales\t1,228\t1,225\n", form="10-Q", filed="1999-02-08")
    question = "Acme Widgets, quarter ended Dec 26, 1998: what was cost of goods sold, $M?"
    assert _row_states(answerer, question, statement, "Cost of sales")
    # (a balance sheet's days are its balances', no flow of the quarter)
    balances = _passage("Acme Widgets, Inc.", "CONDENSED CONSOLIDATED BALANCE SHEETS\n\tDecember 26, 1998\t"
                        "September 25, 1998\nInventories\t$21\t$78\n", form="10-Q", filed="1999-02-08")
    assert not _row_states(answerer, "Acme Widgets, quarter ended Dec 26, 1998: how much did it spend on "
                           "inventories?", balances, "Inventories")


def test_how_far_out_a_policy_reaches_asks_a_length_of_time(answerer):
    # 3M's 10-K for 2018: "The maximum length of time over which 3M hedges its exposure ... is 36 months."
    question = "How far out does Acme Widgets hedge forecasted foreign-currency cash flows - its maximum horizon?"
    assert Asked.of(question, with_filing_words(question), {}).asks_duration
    assert _answered_with(answerer, question, "36 months", _passage(
        "Acme Widgets, Inc.", "The maximum length of time over which Acme Widgets hedges its exposure to the "
        "variability in future cash flows of the forecasted transactions is 36 months."))


def test_round_50_analysts_words_find_what_filings_call_them(answerer):
    # Best Buy's 10-K for 2023 calls severance "employee termination benefits"; Adobe's 2022 10-K labels its buybacks
    # "Shares repurchased"
    assert "termination benefits" in with_filing_words("How much severance did Acme book?")
    assert "repurchased" in with_filing_words("What price did Acme pay for the stock it bought back?")
    assert _answered_with(answerer, "How much severance did the Domestic segment of Acme Widgets book?",
                          "$140 million", _passage("Acme Widgets, Inc.", "Charges incurred relate to employee "
                                                   "termination benefits within our Domestic and International "
                                                   "segments of $140 million and $5 million, respectively."))


def test_whose_opening_what_is_asked_asks_a_person():
    assert _slots("Acme's 10-K exhibit list: whose employment agreement, dated April 13, 2019, is filed as Exhibit "
                  "10.21?") == ("person",)
    assert _slots("Whose retirement led the board to designate a new audit committee financial expert?") == (
        "person",)
    # (not "whose" after the thing it qualifies)
    assert "person" not in _slots("What record date applies to the distribution whose reinvested shares will be "
                                  "issued at the $5.22 price?")


def test_a_person_and_a_company_between_whom_a_deal_is_made_are_two_parties(answerer):
    # Best Buy's exhibit index in its 10-K for 2023: "Employment Agreement, dated April 13, 2019, between Corie Barry
    # and Best Buy Co., Inc."
    question = "Acme Widgets' 10-K exhibit list: whose employment agreement, dated April 13, 2019, is on file?"
    assert _states(answerer, question, "Employment Agreement, dated April 13, 2019, between Corie Barry and Acme "
                   "Widgets Co., Inc.")
    assert not _states(answerer, question, "Employment Agreement, dated April 13, 2019, between Acme Widgets Co., "
                       "Inc. and Beta Holdings Co.")


def test_a_name_of_two_words_goes_by_their_first_letters_run_together():
    assert {"amex", "american express"} <= company_aliases("American Express Company")
    assert "fedex" in company_aliases("Federal Express Corporation")
    assert not {a for a in company_aliases("Best Buy Co., Inc.") if " " not in a and a != "best"}


def test_carryforwards_are_amounts_asked():
    assert _slots("What research and development tax credit carryforwards did Acme have at June 30, 1998?") == (
        "number",)


def test_a_quarter_ended_on_an_abbreviated_month_is_that_months_quarter(answerer):
    # Oracle's release of June 2014 gives its fourth quarter, "Three Months Ended May 31", not the one ended Feb 28
    table = _passage("Acme Widgets, Inc.", "\tThree Months Ended May 31,\n\t2014\t2013\nOPERATING MARGIN %\t43%\t46%\n",
                     form="8-K", filed="2014-06-19")
    question = "What operating margin did Acme Widgets post in the quarter ended Feb 28, 2014?"
    assert not _row_states(answerer, question, table, "OPERATING MARGIN")
    assert _row_states(answerer, question.replace("Feb 28", "May 31"), table, "OPERATING MARGIN")


def test_a_person_called_by_title_and_surname_is_named_in_full_as_the_filing_names_them(answerer):
    # Amazon's 10-K for 2024 lists "Andrew R. Jassy" among its executive officers, his biography says "Mr. Jassy"
    officers = _passage("Acme Widgets, Inc.", "Information About Our Executive Officers\nAndrew R. Jassy\t57\t"
                        "President and Chief Executive Officer\nBrian T. Olsavsky\t61\tSenior Vice President and Chief Financial "
                        "Officer\n\nMr. Jassy has served as President and Chief Executive Officer since July 2021. Mr. "
                        "Olsavsky has served as Senior Vice President and Chief Financial Officer since June 2015.")
    answer = _answer_from(answerer, "Who has been Acme Widgets' chief executive officer since July 2021?", officers)
    assert not answer.refused and "Andrew R. Jassy" in answer.text, answer.text
    named = next(c for c in answer.citations if c.quote == "Andrew R. Jassy")
    assert officers.chunk.text[named.char_start:named.char_end] == "Andrew R. Jassy"
    # (two persons of the surname: no full name is guessed)
    two = replace(officers, chunk=replace(officers.chunk, text=officers.chunk.text.replace(
        "Brian T. Olsavsky", "Mary K. Jassy").replace("Mr. Olsavsky", "Ms. Olsavsky")))
    two = replace(two, chunk=replace(two.chunk, char_end=len(two.chunk.text)))
    answer = _answer_from(answerer, "Who has been Acme Widgets' chief executive officer since July 2021?", two)
    assert not answer.refused and "Mr. Jassy" in answer.text, answer.text
    assert not any(c.quote in ("Andrew R. Jassy", "Mary K. Jassy") for c in answer.citations)

def test_what_money_is_put_into_or_a_value_is_of_is_what_is_asked():
    # NVIDIA's 10-Q of August 2025: "Purchases of non-marketable equity securities"; a bracket after what is asked
    # ends it, and a value's kind is no word of its row (Tesla's "Operating lease vehicles, net")
    assert {"privat", "equiti", "stake"} <= set(_focus_terms(
        "How much cash did Acme put into private equity stakes, per the cash flow statement ($M)?"))
    # (not a sum the question gives: "$100 put into" Apple's stock is what its performance graph starts from)
    assert "stock" not in _focus_terms("What was $100 put into Acme stock at the September 2019 close worth by "
                                       "September 2024?")
    assert _focus_terms("What was the net book value of its operating lease vehicles ($M)?") == [
        "net", "oper", "leas", "vehicl"]


def test_a_rows_own_label_names_its_figures_however_long(answerer):
    # Apple's 10-Q of August 2025
    statement = _passage("Acme Widgets, Inc.", "Condensed Consolidated Statements of Cash Flows\n(In millions)\n"
                         "\tNine Months Ended\n\tJune 28, 2025\tJune 29, 2024\nFinancing activities:\nPayments for "
                         "taxes related to net share settlement of equity awards\t(5,719)\t(5,163)\n", form="10-Q",
                         filed="2025-08-01")
    question = ("Acme, nine months to June 28, 2025: how much cash went to withholding taxes on employees' vested "
                "stock (net share settlement), per the cash flow statement?")
    assert _row_states(answerer, question, statement, "Payments for taxes")
    # (not a word of the group over it: "Financing activities:" is no financing asked)
    assert not _row_states(answerer, "Acme, nine months to June 28, 2025: how much cash did financing bring in?",
                           _passage("Acme Widgets, Inc.", "Financing activities:\nPayments for taxes related to net "
                                    "share settlement of equity awards\t(5,719)\t(5,163)\n", form="10-Q",
                                    filed="2025-08-01"),
                           "Payments for taxes")
    # (nor a label naming what the question does not: Pfizer's 10-Q of August 2023 gives no Ibrance revenues there)
    acquired = _passage("Acme Widgets, Inc.", "Revenues declined, partially offset by declines from Ibrance.\n"
                        "Three Months Ended July 2, 2023\n(MILLIONS)\tWorldwide\tU.S.\tInternational\nRevenues from "
                        "recently acquired products: Nurtec ODT/Vydura and Oxbryta\t324\t319\t4\n", form="10-Q",
                        filed="2023-08-09")
    assert not _row_states(answerer, "What were Acme Widgets' worldwide Ibrance revenues in the second quarter of "
                           "2023?", acquired, "Revenues from")


def test_a_table_of_one_column_gives_its_figure_under_the_caption_naming_it(answerer):
    # NVIDIA's 10-Q of August 2025
    # (its chunk opens at the rows, the captions above them carried as the table's header)
    rows = _passage("Acme Widgets, Inc.", "2026 (excluding the first half of fiscal year 2026)\t$\t30,930\n2027\t"
                    "6,573\n2028\t3,915\nTotal\t$\t41,418\n", form="10-Q", filed="2025-08-27")
    table = replace(rows, chunk=replace(rows.chunk, char_start=100, char_end=100 + len(rows.chunk.text),
                                        table_header="Total future commitments as of July 27, 2025 are as follows:\n"
                                        "Commitments\n(In millions)\nFiscal Year:", table_header_start=0))
    question = ("Acme Widgets' 10-Q for the quarter ended July 27, 2025: how much of its purchase commitments fall due "
                "in fiscal 2027 ($M)?")
    assert _row_states(answerer, question, table, "2027")
    assert not _row_states(answerer, question.replace("purchase commitments", "debt"), table, "2027")


def test_a_shares_base_is_read_past_its_period(answerer):
    # NVIDIA's 10-K for fiscal 2025
    question = "What share of Acme Widgets' revenue was actually shipped to Singapore?"
    assert _answered_with(answerer, question, "less than 2%", _passage(
        "Acme Widgets, Inc.", "Shipments to Singapore were less than 2% of fiscal year 2025 total revenue."))
    assert not _answered_with(answerer, question, "less than 2%", _passage(
        "Acme Widgets, Inc.", "Shipments to Singapore were less than 2% of fiscal year 2025 total units."))


def test_how_much_notice_asks_a_length_of_time(answerer):
    # Apple's by-laws as amended through December 1998
    question = "How much advance notice by mail do Acme Widgets' directors get for a special board meeting?"
    assert Asked.of(question, with_filing_words(question), {}).asks_duration
    assert _answered_with(answerer, question, "four days", _passage(
        "Acme Widgets, Inc.", "Special meetings of the Board of Directors shall be held upon no less than four days' "
        "notice by mail or 48 hours' notice delivered personally to each director."))


def test_a_sentence_going_on_of_a_person_is_one_with_the_sentence_naming_him(answerer):
    # Amazon's 10-K for 2024
    bio = ("David A. Zapolsky. Mr. Zapolsky has served as Senior Vice President and General Counsel since May 2023. "
           "He served as our Secretary from September 2012 to January 2024.")
    assert [s.text for s in passage_sentences(_passage("Acme Widgets, Inc.", bio))][-1] == bio.removeprefix(
        "David A. Zapolsky. ")
    assert _answered_with(answerer, "Who served as Acme Widgets' Secretary from September 2012 until January 2024?",
                          "Zapolsky", _passage("Acme Widgets, Inc.", bio))
    # (not a sentence after one that names a person without going on of him)
    assert len(passage_sentences(_passage("Acme Widgets, Inc.", "The board met twice. He said so."))) == 2


def test_a_price_set_as_a_share_of_another_sum_answers_at_what_price(answerer):
    # Commonwealth Income & Growth Fund V's 10-K for 2015; units it redeems are no part of the partnership
    assert _answered_with(
        answerer, "At what price does the Acme Widgets partnership redeem units from limited partners?", "105%",
        _passage("Acme Widgets, Inc.", "The redemption price for units will be 105% of the selling Limited Partner's "
                 "adjusted capital contributions attributable to the units for sale."))
    assert not _states(answerer, "At what price does the Acme Widgets partnership redeem units?",
                       "Units redeemed were 105% of the units offered.")


def test_round_51_analysts_words_find_what_filings_call_them(answerer):
    # Commonwealth Income & Growth Fund V's "Purchase of finance leases"; Apple's 1990 Stock Option Plan's "maximum
    # aggregate number of Shares which may be optioned"
    assert "purchase" in with_filing_words("How much cash went into buying finance leases?")
    # (Johnson & Johnson's "Cost of products sold"; Boeing's "aircraft in inventory")
    assert "cost of products sold" in with_filing_words("What was cost of goods for the quarter?")
    assert "aircraft" in with_filing_words("How many jets were sitting in inventory?")
    assert "stock compensation" in with_filing_words("How much share-based pay sits in Adjusted EBITDAR?")
    assert _answered_with(answerer, "What is the cap on total shares that can be optioned under the Acme Widgets "
                          "Stock Option Plan?", "52,200,000", _passage(
                              "Acme Widgets, Inc.", "Subject to the provisions of Section 12 of the Plan, the maximum "
                              "aggregate number of Shares which may be optioned and sold under the Plan is 52,200,000 "
                              "Shares."))


def test_a_row_labelled_with_the_questions_words_gives_the_figure_under_the_column_head_naming_it(answerer):
    # Union Pacific's 10-Q of July 2025: its retention awards
    table = _passage("Acme Widgets, Inc.", "Changes in our retention awards during the six months ended June 30, 2025, "
                     "were as follows:\nShares (thous.)\tWeighted-average grant-date fair value\nNonvested at January "
                     "1, 2025\t915\t$\t216.92\nGranted\t229\t243.48\nNonvested at June 30, 2025\t900\t$\t232.08\n",
                     form="10-Q", filed="2025-07-24")
    question = ("What weighted-average grant-date fair value per share did Acme Widgets' unvested retention awards carry "
                "at June 30, 2025?")
    assert _row_states(answerer, question, table, "Nonvested at June 30")
    # (not a row labelled with other words: what was granted is not what is unvested)
    assert not _row_states(answerer, question, table, "Granted")


def test_a_figure_asked_outside_a_region_is_the_rest_of_the_worlds(answerer):
    # Adobe's 10-K for 2022 splits its income before taxes into "Domestic" and "Foreign"
    table = _passage("Acme Widgets, Inc.", "Income before income taxes for fiscal 2022, 2021 and 2020 consisted of the "
                     "following:\n(in millions)\t2022\t2021\t2020\nDomestic\t$\t789\t$\t2,081\t$\t3,035\nForeign\t4,050"
                     "\t3,969\t3,086\n")
    question = ("Acme Widgets FY2022: how much of its pre-tax profit was earned outside the US? Give foreign income "
                "before income taxes for fiscal 2022, $M.")
    assert _row_states(answerer, question, table, "Foreign")
    # (and so are the regions listed with it: NVIDIA's "Other countries" are outside the U.S., Taiwan and China)
    regions = _passage("Acme Widgets, Inc.", "Revenue by geographic area:\n(In millions)\t2023\t2022\nUnited States\t"
                       "8,292\t4,349\nTaiwan\t6,986\t8,544\nChina (including Hong Kong)\t5,785\t7,111\nOther "
                       "countries\t5,911\t6,910\n", filed="2023-02-24")
    question = "Acme Widgets fiscal 2023: how much revenue was billed to customers outside the U.S., Taiwan and China, $M?"
    assert _row_states(answerer, question, regions, "Other countries")


def test_a_part_asked_is_named_by_the_abbreviation_the_question_gives(answerer):
    # Boeing's 10-K for 2022: "BCA revenues by customer location"
    table = _passage("Acme Widgets, Inc.", "BCA revenues by customer location consisted of the following:\nYears ended "
                     "December 31,\t2022\t2021\t2020\nRevenue from contracts with customers:\nEurope\t4,038\t4,334\t"
                     "3,872\nChina\t(10)\t1,000\t1,021\n")
    question = "Acme Widgets FY2022 10-K: how much Commercial Airplanes (BCA) revenue came from customers in Europe in 2022?"
    assert _row_states(answerer, question, table, "Europe")
    assert not _row_states(answerer, question.replace("(BCA)", "(BDS)"), table, "Europe")


def test_the_filing_a_figure_is_read_from_is_no_part_of_what_is_asked():
    # "per the Q2 2025 10-Q": its "10" is no word of Netflix's "Diluted" row
    assert _focus_terms("NFLX first half of 2025: diluted EPS per the Q2 2025 10-Q?") == _focus_terms(
        "NFLX first half of 2025: diluted EPS?")


def test_the_next_fiscal_year_of_a_filing_is_the_year_after_the_last_it_is_about(answerer):
    # Amcor's 10-K for fiscal 2023 expects $29 million of contributions "over the next fiscal year", its fiscal 2024
    sentence = ("Contributions to the Company's defined benefit pension plans, not including unfunded plans, are "
                "expected to be $29 million over the next fiscal year.")
    assert _states(answerer, "How much does Acme Widgets expect to contribute to its pension plans in 2025?", sentence)
    assert not _states(answerer, "How much does Acme Widgets expect to contribute to its pension plans in 2027?",
                       sentence)
