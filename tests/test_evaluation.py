"""`filings-qa eval`: the metric functions on made-up data, then the command end to end on the sample."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLE
from evaluation import split
from evaluation.scoring import (EvalInputError, Evidence, QAItem, answer_terms, evidence_matches, evidence_rank,
                           extract_facts, load_questions, normalise_number, percentile, score, summarise)
from qa.models import Answer, Chunk, Citation, FilingRef, Passage
from ui.cli import app

EVIDENCE = "On March 5, 2001, ImmunoGen announced the appointment of Gregg D. Beloff as Chief Financial Officer."


def passage(rank: int, text: str, source: str = "/x/immunogen_8-K_2001-03-07.txt") -> Passage:
    filing = FilingRef(company="ImmunoGen", form="8-K", filing_date="2001-03-07", filing_id="f1", source=source)
    return Passage(rank, Chunk(f"c{rank}", filing, text, "Item 5", "", 0, len(text)), 0.5)


def item(answer: str = "Gregg D. Beloff", kind: str = "person") -> QAItem:
    return QAItem("q1", "Who is the CFO?", answer, kind, "8-K", (Evidence("immunogen_8-K_2001-03-07.txt", EVIDENCE),))


# --- evidence ------------------------------------------------------------------------------------
def test_evidence_matches_across_line_breaks_and_case() -> None:
    wrapped = "Item 5.\n  ON MARCH 5, 2001, ImmunoGen announced the\n    appointment of Gregg D.  Beloff as Chief " \
              "Financial Officer. The press release follows."
    assert evidence_matches(EVIDENCE, wrapped)
    assert not evidence_matches(EVIDENCE, "ImmunoGen entered into a collaboration with Millennium.")


def test_evidence_straddling_two_passages_matches_the_one_with_most_of_it() -> None:
    first, second = EVIDENCE[:70], EVIDENCE[70:]  # 70 of 104 characters, then the rest
    assert evidence_matches(EVIDENCE, "Earlier text of the filing. " + first)
    assert not evidence_matches(EVIDENCE, second + " Later text of the filing, much longer than the rest of it.")


def test_passage_inside_longer_evidence_matches() -> None:
    assert evidence_matches(EVIDENCE + " " + EVIDENCE, EVIDENCE)  # the passage is wholly inside the quote


def test_evidence_rank_needs_the_right_file() -> None:
    passages = [passage(1, EVIDENCE, source="/x/other_8-K.txt"), passage(2, "unrelated"), passage(3, EVIDENCE)]
    assert evidence_rank(item(), passages) == 3
    assert evidence_rank(item(), passages[:2]) is None


# --- facts ---------------------------------------------------------------------------------------
def test_numbers_are_normalised() -> None:
    assert [normalise_number(n) for n in ("1,556,000", "$.16", "110.0", "2.9", "$1")] == \
        ["1556000", "0.16", "110", "2.9", "1"]
    assert extract_facts("Net profit of $61 million, or $.16 per diluted share") == ["61", "0.16"]
    assert extract_facts("down 2.9% in q3 and fy2023") == ["2.9"]  # digits inside words are no numbers


def test_names_months_and_sentence_case() -> None:
    gold = "Mark A. Gherardi resigned (Sept. 22, 2000); Jerry Parrott, VP of Barre Manufacturing Operations"
    assert extract_facts(gold) == ["22", "2000", "mark", "gherardi", "september", "jerry", "parrott", "vp",
                                   "barre", "manufacturing", "operations"]
    # a lone capital at the start of a part is sentence case; "Junglee Corp." is a name; suffixes are no facts
    assert extract_facts("Approximately $110.0 million; Services up") == ["110"]
    assert extract_facts("Junglee Corp.") == ["junglee"]
    assert extract_facts("EBIT and ROIC; Zero payout") == ["ebit", "roic"]


def test_fact_recall_of_an_answer() -> None:
    terms = answer_terms("On SEPTEMBER 22, 2000 Mr. Gherardi resigned; Jerry Parrott took over [1].")
    facts = extract_facts("Mark A. Gherardi resigned (Sept. 22, 2000); Jerry Parrott")
    assert [f for f in facts if f in terms] == ["22", "2000", "gherardi", "september", "jerry", "parrott"]


def test_percentile_interpolates() -> None:
    assert percentile([], 50) is None
    assert percentile([7.0], 95) == 7.0
    assert percentile([4.0, 1.0, 3.0, 2.0], 50) == 2.5
    assert percentile([float(v) for v in range(1, 21)], 95) == pytest.approx(19.05)


# --- records and summaries -----------------------------------------------------------------------
def test_score_and_summary() -> None:
    text = "x" * 10 + "Beloff is CFO" + "y" * 5
    filing = FilingRef(company="ImmunoGen", form="8-K", filing_date="2001-03-07", filing_id="f1", source="s")
    citation = Citation(1, filing, "Item 5", "", None, "Beloff is CFO", 10, 23, 1)
    wrong = Citation(2, filing, "Item 5", "", None, "Beloff", 0, 6, 1)
    answer = Answer("q", "Gregg Beloff is the CFO [1][2].", citations=[citation, wrong],
                    passages=[passage(1, "noise"), passage(2, EVIDENCE)])
    record = score(item(), answer, 12.0, lambda filing_id: text)
    assert (record.evidence_rank, record.facts, record.facts_found) == (2, ["gregg", "beloff"], ["gregg", "beloff"])
    assert (record.citations, record.verbatim_citations) == (2, 1)

    refused = score(item("NOT_IN_CORPUS", "unanswerable"), Answer("q", "Not in the filings.", refused=True), 30.0,
                    lambda filing_id: text)
    wrongly_refused = score(item(), Answer("q", "Gregg Beloff?", refused=True), 20.0, lambda filing_id: text)
    assert wrongly_refused.facts_found == [] and refused.evidence_rank is None

    summary = summarise([record, refused, wrongly_refused])
    assert summary["evidence_top1"] == 0 and summary["evidence_top5"] == 0.5
    assert summary["mrr10"] == 0.25
    assert summary["facts_half"] == 0.5 and summary["fact_recall"] == 0.5
    assert summary["refused_unanswerable"] == 1 and summary["refused_answerable"] == 0.5
    assert summary["verbatim"] == 0.5 and summary["latency_p50_ms"] == 20.0


def test_load_questions_reports_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "qa.jsonl"
    path.write_text('{"id": "a", "question": "Q?", "file": "f.txt", "evidence": "E", "file2": "g.txt", '
                    '"evidence2": "F"}\n\n{"id": "b", "question": \n')
    with pytest.raises(EvalInputError, match="line 3: not valid JSON"):
        load_questions(path)
    path.write_text(path.read_text().splitlines()[0])
    assert load_questions(path)[0].evidence == (Evidence("f.txt", "E"), Evidence("g.txt", "F"))


# --- the command ---------------------------------------------------------------------------------
def test_eval_command_on_the_sample(assistant, settings, tmp_path: Path) -> None:
    assistant.ingest([SAMPLE])
    questions = tmp_path / "qa.jsonl"
    rows = [
        {"id": "cfo", "question": "Who did ImmunoGen appoint as Chief Financial Officer?",
         "answer": "Gregg D. Beloff", "file": SAMPLE.name, "form": "8-K", "kind": "person",
         "evidence": "ImmunoGen, Inc. (\"ImmunoGen\") announced the appointment of Gregg D. Beloff as Vice President "
                     "and Chief Financial Officer."},
        {"id": "mlnm", "question": "Which company gained access to ImmunoGen's TAP technology?",
         "answer": "Millennium Pharmaceuticals, Inc.", "file": SAMPLE.name, "form": "8-K", "kind": "fact lookup",
         "evidence": "ImmunoGen announced that it entered into a collaboration agreement with Millennium "
                     "Pharmaceuticals, Inc."},
        {"id": "none", "question": "What was ImmunoGen's revenue in fiscal 2005?", "answer": "NOT_IN_CORPUS",
         "file": SAMPLE.name, "form": "8-K", "kind": "unanswerable", "evidence": ""},
    ]
    questions.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    out = tmp_path / "report"

    result = CliRunner().invoke(app, ["eval", str(questions), "--baseline", "--data", str(settings.data),
                                      "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert "| evidence in top 10 |" in result.stdout and "| metric | ours | baseline |" in result.stdout
    assert {p.name for p in out.iterdir()} == {"report.json", "report.md", "chart.png"}
    assert (out / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    report = json.loads((out / "report.json").read_text())
    ours, baseline = report["systems"]["ours"], report["systems"]["baseline"]
    cfo = {r["id"]: r for r in ours["records"]}["cfo"]
    assert cfo["evidence_rank"] is not None and cfo["evidence_rank"] <= 10
    assert {r["id"]: r for r in baseline["records"]}["cfo"]["evidence_rank"] is not None
    assert ours["summary"]["questions"] == baseline["summary"]["questions"] == 3
    assert baseline["summary"]["refused_unanswerable"] == 0 and baseline["summary"]["verbatim"] is None
    assert all(r["latency_ms"] > 0 for r in ours["records"] + baseline["records"])
    assert set(ours["by_kind"]) == {"person", "fact lookup", "unanswerable"}
    markdown = (out / "report.md").read_text()
    assert "## By kind" in markdown and "## By form" in markdown and " / " in markdown

    # the baseline's collection is reused while the corpus is unchanged
    built = _baseline_collection_id(settings.data)
    rerun = CliRunner().invoke(app, ["eval", str(questions), "--baseline", "--data", str(settings.data),
                                     "--out", str(out), "--limit", "1"])
    assert rerun.exit_code == 0, rerun.output
    assert _baseline_collection_id(settings.data) == built
    assert json.loads((out / "report.json").read_text())["systems"]["ours"]["summary"]["questions"] == 1


def _baseline_collection_id(data: Path) -> str:
    import chromadb

    return str(chromadb.PersistentClient(path=str(data / "baseline")).get_collection("baseline").id)


def test_eval_command_errors_are_one_line(tmp_path: Path) -> None:
    missing = CliRunner().invoke(app, ["eval", str(tmp_path / "nope.jsonl"), "--data", str(tmp_path / "d")])
    assert missing.exit_code == 2 and "cannot read" in missing.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "question": "Q?"}\nnot json\n')
    result = CliRunner().invoke(app, ["eval", str(bad), "--data", str(tmp_path / "d")])
    assert result.exit_code == 2 and "line 2: not valid JSON" in result.output
    assert len(result.output.strip().splitlines()) == 1


# --- the tuning / validation split ---------------------------------------------------------------
def test_split_keeps_each_file_in_one_half_and_balances_the_halves() -> None:
    items = [QAItem(f"q{n}", "Q?", "A", "number", "8-K", (), f"file{n % 7}.txt") for n in range(40)]
    items += [QAItem(f"none{n}", "Q?", "NOT_IN_CORPUS", "unanswerable", "", ()) for n in range(3)]
    half_of = split.halves(items)
    assert split.halves(list(reversed(items))) == half_of  # the order of the file does not matter
    for file in {item.file for item in items if item.file}:
        assert len({half_of[item.id] for item in items if item.file == file}) == 1
    sizes = [sum(half == name for half in half_of.values()) for name in split.HALVES]
    assert abs(sizes[0] - sizes[1]) <= 6  # at most the largest group apart
    assert [item.id for item in split.only(items, split.TUNING)] == \
           [item.id for item in items if half_of[item.id] == split.TUNING]


def test_eval_split_option_scores_one_half(assistant, settings, tmp_path: Path) -> None:
    assistant.ingest([SAMPLE])
    questions = tmp_path / "qa.jsonl"
    rows = [{"id": f"q{n}", "question": "Who did ImmunoGen appoint as Chief Financial Officer?",
             "answer": "Gregg D. Beloff", "file": f"file{n}.txt", "kind": "person", "evidence": "Beloff"}
            for n in range(6)]
    questions.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    expected = {half: len(split.only(load_questions(questions), half)) for half in split.HALVES}
    for half in split.HALVES:
        out = tmp_path / half
        result = CliRunner().invoke(app, ["eval", str(questions), "--data", str(settings.data), "--out", str(out),
                                          "--split", half])
        assert result.exit_code == 0, result.output
        assert json.loads((out / "report.json").read_text())["systems"]["ours"]["summary"]["questions"] == \
               expected[half]
    assert sum(expected.values()) == 6 and min(expected.values()) >= 2
    wrong = CliRunner().invoke(app, ["eval", str(questions), "--data", str(settings.data), "--split", "both"])
    assert wrong.exit_code == 2 and "tuning, validation" in wrong.output


def test_spot_checks_count_a_needle_in_the_first_passages_and_the_answer_and_refused_near_misses() -> None:
    from evaluation.spot_checks import judge, load, summary

    checks = {c.id: c for c in load(Path(__file__).resolve().parents[1] / "evaluation" / "spot_checks.jsonl")}
    assert len(checks) == 8469 and sum(c.needle is None for c in checks.values()) == 2570
    revenue, near_miss = checks["s4"], checks["t44"]  # Adobe's total revenue; PepsiCo's first quarter of 2023
    passages = ["Cost of revenue\t1,000", *(["Other"] * 4), f"Total revenue\t{revenue.needle}"]
    late = judge(revenue, f"Total revenue was {revenue.needle}.", False, passages)
    assert not late.found and late.answered  # the sixth passage is not among the first five
    early = judge(revenue, "Revenue grew.", False, passages[-1:])
    assert early.found and not early.answered
    refused = judge(near_miss, "The indexed filings do not say.", True, [])
    assert summary([late, early, refused]) == ("evidence among the first 5: 1 of 2; answers holding the needle: "
                                               "1 of 2 (first set 1 of 2); answerable refused: 0; "
                                               "near misses refused: 1 of 1")


def test_a_quote_holding_a_fixed_width_tables_rule_matches_the_table_read_without_it() -> None:
    from evaluation.scoring import evidence_matches

    # a quote copied from a 1990s text filing keeps the rule above a total; the reader drops rules with the spacing
    quote = "Net sales  $ 1,021  $ 881\n  ---------  -------\nOperating income  $ 155  $ 121"
    assert evidence_matches(quote, "Americas:\nNet sales\t$ 1,021\t$ 881\nOperating income\t$ 155\t$ 121\n")
    assert not evidence_matches(quote, "Europe:\nNet sales\t$ 353\t$ 297\nOperating income\t$ 23\t$ 27\n")


def test_train_command_fits_a_scorer_on_a_question_file_and_refuses_ids_the_spot_checks_hold(
        assistant, settings, tmp_path: Path) -> None:
    from qa.answerer import QUESTION_FEATURES
    from qa.scorer import AnswerScorer

    assistant.ingest([SAMPLE])
    questions = tmp_path / "qa.jsonl"
    asked = [("Who did ImmunoGen appoint as Chief Financial Officer?", "Gregg D. Beloff", "Beloff"),
             ("Which company gained access to ImmunoGen's TAP technology?", "Millennium Pharmaceuticals, Inc.",
              "Millennium Pharmaceuticals")]
    rows = [{"id": f"q{n}", "question": question, "answer": answer, "file": f"file{n}.txt", "kind": "fact",
             "evidence": evidence} for n, (question, answer, evidence) in enumerate(asked * 6)]
    rows += [{"id": f"none{n}", "question": "What was ImmunoGen's revenue in fiscal 2005?", "answer": "NOT_IN_CORPUS",
              "file": f"other{n}.txt", "kind": "unanswerable", "evidence": ""} for n in range(4)]
    questions.write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    out = tmp_path / "scorer.json"
    result = CliRunner().invoke(app, ["train", str(questions), "--data", str(settings.data), "--split", "all",
                                      "--no-spot-checks", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "| C | held-out log loss | threshold |" in result.stdout
    scorer = AnswerScorer.load(out, expected=QUESTION_FEATURES)
    assert scorer.training["split"] == "all" and scorer.training["spot_checks"] == 0
    assert scorer.training["cases"] > len(rows)  # near misses made of the answerable questions too

    # a question file whose ids the spot checks use too is refused before anything is asked
    questions.write_text(json.dumps(rows[0] | {"id": "s1"}) + "\n")
    clash = CliRunner().invoke(app, ["train", str(questions), "--data", str(settings.data), "--out", str(out)])
    assert clash.exit_code == 2 and "share question ids (s1)" in clash.output
