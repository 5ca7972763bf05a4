"""The learned answer scorer: trained on a tiny set, saved and read back, applied by the answerer."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from evaluation.training import MAX_ANSWERABLE_REFUSED, MAX_UNANSWERABLE_ANSWERED, Case, train
from qa.answerer import QUESTION_FEATURES
from qa.scorer import SHIPPED, AnswerScorer, ScorerError

EVIDENCE = QUESTION_FEATURES.index("evidence")
OFF_TOPIC = QUESTION_FEATURES.index("off_topic")


def _cases(count: int, seed: int = 7) -> list[Case]:
    """Answerable questions whose answer sentence has strong evidence and is on topic; near misses the reverse,
    with noise, spread over files."""
    rng = np.random.default_rng(seed)
    cases = []
    for n in range(count):
        for answerable in (True, False):
            row = rng.normal(0, 0.3, len(QUESTION_FEATURES))
            row[EVIDENCE] += -0.5 if answerable else -1.5
            row[OFF_TOPIC] = float(rng.random() < (0.1 if answerable else 0.7))
            cases.append(Case(f"q{n}", f"file{n % 10}", answerable, not answerable, row, answerable))
    return cases


def test_training_separates_answerable_from_near_misses_and_keeps_refusals_within_the_goal():
    scorer, held_out = train(_cases(40))
    assert scorer.features == QUESTION_FEATURES
    chosen = next(r for r in held_out if r.strength == scorer.training["strength"])
    # the synthetic classes overlap a little: neither goal is missed by much
    assert chosen.answerable_refused <= 2 * MAX_ANSWERABLE_REFUSED
    assert chosen.near_misses_refused > 0.7
    assert scorer.training["held_out"]["threshold"] == pytest.approx(scorer.threshold, abs=1e-4)
    values = dict.fromkeys(QUESTION_FEATURES, 0.0)
    strong = scorer.probability(values | {"evidence": -0.5, "off_topic": 0.0})
    weak = scorer.probability(values | {"evidence": -1.5, "off_topic": 1.0})
    assert strong > scorer.threshold > weak


def test_trained_on_every_case_the_strength_and_threshold_are_those_the_settings_cases_choose():
    cases, tuning = _cases(40), _cases(20, seed=3)
    scorer, held_out = train(cases, settings_from=tuning)
    alone, alone_held_out = train(tuning)
    assert scorer.threshold == alone.threshold and scorer.training["strength"] == alone.training["strength"]
    assert held_out == alone_held_out
    assert scorer.training["cases"] == len(cases) and scorer.training["settings_cases"] == len(tuning)
    assert scorer.weights != alone.weights  # the model itself is fitted on every case


def test_on_every_question_the_settings_are_chosen_on_the_tuning_half_s_questions_and_spot_checks_beside_it():
    from evaluation.scoring import QAItem
    from evaluation.split import TUNING, halves
    from evaluation.training import questions_for, settings_cases

    items = [QAItem(f"q{n}", "Q?", "A", "number", "8-K", (), f"file{n % 10}.txt") for n in range(40)]
    tuning_files = {item.file for item in items if halves(items)[item.id] == TUNING}
    # spot checks on a file of either half, on a file no dev question is about, and on no named file
    spots = [QAItem(f"s{n}", "Q?", "A", "number", "", (), file)
             for n, file in enumerate([f"file{n}.txt" for n in range(10)] + ["other.pdf", ""])]
    every, settings = questions_for(items, spots, "all")
    assert every == items + spots
    assert {item.id for item in settings} == {i for i, half in halves(items).items() if half == TUNING} | {
        s.id for s in spots if s.file in tuning_files | {"other.pdf"}}
    tuning, none = questions_for(items, spots, TUNING)
    assert none is None and {item.id for item in tuning} == {item.id for item in settings}
    cases = [Case(item.id, item.file, True, False, np.zeros(len(QUESTION_FEATURES)), True) for item in every]
    assert {c.question_id for c in settings_cases(cases, settings)} == {item.id for item in settings}
    assert settings_cases(cases, None) is None


def test_the_threshold_misses_both_goals_alike_rather_than_keeping_to_one():
    from evaluation.training import _held_out

    # 18 answerable questions far above, two at 0.5; four of ten unanswerable ones at 0.6: refusing the two
    # answerable ones (10%, twice the 5% allowed) misses less than answering the four (40%, 2.7 times the 15%)
    answerable, unanswerable = [0.9] * 18 + [0.5] * 2, [0.6] * 4 + [0.1] * 6
    cases = [Case(f"a{n}", f"f{n}", True, False, np.zeros(1), True) for n in range(20)] + [
        Case(f"u{n}", f"g{n}", False, False, np.zeros(1), False) for n in range(10)]
    held_out = _held_out(0.1, cases, np.array(answerable + unanswerable))
    assert 0.6 < held_out.threshold < 0.9
    assert held_out.unanswerable_refused == 1.0 and held_out.answerable_refused == 0.1


def test_spot_checks_are_questions_with_their_needle_as_evidence_in_their_file():
    from evaluation.spot_checks import SpotCheck, as_questions

    answerable, near_miss = as_questions([SpotCheck("s1", "Capex?", "1,577", "table", "mmm.pdf"),
                                          SpotCheck("s2", "Shrink?", None, "unanswerable", "ulta.htm")])
    assert answerable.answerable and answerable.answer == "1,577" and answerable.file == "mmm.pdf"
    assert [(e.file, e.quote) for e in answerable.evidence] == [("mmm.pdf", "1,577")]
    assert not near_miss.answerable and near_miss.file == "ulta.htm" and not near_miss.evidence


def test_questions_without_a_scored_sentence_count_as_refused():
    cases = _cases(30)
    cases.append(Case("none", "file-x", True, False, np.array([]), False))
    scorer, held_out = train(cases)
    assert scorer.training["cases"] == len(cases) and scorer.training["scored"] == len(cases) - 1


def test_scorer_round_trip_and_clear_errors(tmp_path: Path):
    scorer, _ = train(_cases(20))
    path = tmp_path / "scorer.json"
    scorer.save(path)
    again = AnswerScorer.load(path, expected=QUESTION_FEATURES)
    values = {name: 0.1 * i for i, name in enumerate(QUESTION_FEATURES)}
    assert again.probability(values) == pytest.approx(scorer.probability(values))
    saved = json.loads(path.read_text())
    path.write_text(json.dumps(saved | {"features": saved["features"] + ["from_the_future"],
                                        "means": saved["means"] + [0], "scales": saved["scales"] + [1],
                                        "weights": saved["weights"] + [1], "lows": saved["lows"] + [0],
                                        "highs": saved["highs"] + [1]}))
    with pytest.raises(ScorerError, match="from_the_future"):
        AnswerScorer.load(path, expected=QUESTION_FEATURES)
    path.write_text("{")
    with pytest.raises(ScorerError, match="cannot read"):
        AnswerScorer.load(path)
    path.write_text(json.dumps(saved | {"lows": saved["lows"][1:]}))
    with pytest.raises(ScorerError, match="damaged"):
        AnswerScorer.load(path)


def test_a_value_beyond_what_training_saw_is_read_as_the_nearest_seen():
    scorer, _ = train(_cases(20))
    values = dict.fromkeys(QUESTION_FEATURES, 0.0)
    highest = max(scorer.highs[EVIDENCE], 0.0)
    at_edge = scorer.probability(values | {"evidence": highest})
    assert scorer.probability(values | {"evidence": highest + 50}) == pytest.approx(at_edge)
    assert 0.0 < at_edge < 1.0
    lowest = scorer.lows[EVIDENCE]
    assert scorer.probability(values | {"evidence": lowest - 50}) == pytest.approx(
        scorer.probability(values | {"evidence": lowest}))


def test_the_shipped_scorer_fits_this_version_and_says_how_it_was_trained():
    scorer = AnswerScorer.load(SHIPPED, expected=QUESTION_FEATURES)
    assert 0 < scorer.threshold < 1
    # trained on every question with the strength and threshold rule chosen on the tuning half; its
    # cross-validated figures (folds by file) are saved with it
    assert scorer.training["split"] == "all" and scorer.training["questions"] == "dev_qa.jsonl"
    assert scorer.training["settings_from"] == "tuning" and scorer.training["spot_checks"] > 0
    # the threshold misses the two refusal goals alike, held out, and by not much more than twice (the spot checks
    # written in analysts' words since round 44 are harder than the dev questions: round 46's scorer missed both by
    # 2.0 times, round 47's by 2.07 and 2.06)
    held_out = scorer.training["held_out"]
    refused_miss = held_out["answerable_refused"] / MAX_ANSWERABLE_REFUSED
    answered_miss = (1 - held_out["unanswerable_refused"]) / MAX_UNANSWERABLE_ANSWERED
    assert max(refused_miss, answered_miss) <= 2.5
    assert abs(refused_miss - answered_miss) <= 0.25 * max(refused_miss, answered_miss)
    assert len(scorer.lows) == len(scorer.highs) == len(scorer.features)  # the range it saw, for reading values


def test_a_hard_near_miss_leaves_out_every_passage_stating_the_answer_and_keeps_the_rest_of_the_filing():
    from evaluation.scoring import Evidence, QAItem
    from evaluation.training import _states_fact_of
    from index.models import Chunk, FilingRef
    from qa.models import Passage

    item = QAItem("q1", "Who replaced Brett Kaufman as CFO of AFC Gamma in March 2023?", "Brandon Hetzel (age 36)",
                  "person", "8-K", (Evidence("afc.htm", "appointed Brandon Hetzel as Chief Financial Officer"),),
                  "afc.htm")
    filing = FilingRef(company="AFC Gamma, Inc.", form="8-K", filing_date="2023-03-10", filing_id="afc",
                       source="/data/afc.htm")

    def passage(text: str) -> Passage:
        return Passage(1, Chunk("afc#1", filing, text, "Item 5.02", "Officers", 0, len(text)), 1.0)

    states = _states_fact_of(item)
    assert states(passage("The Board appointed Brandon Hetzel as Chief Financial Officer."))  # the evidence
    assert states(passage("Mr. Hetzel, 36, joined the Manager in 2021."))  # a fact of the answer, elsewhere
    # the same filing's other passages stay: the question's own names, its year and March are no answer
    assert not states(passage("Brett Kaufman will leave AFC Gamma in March 2023 to pursue other interests."))


def test_a_near_miss_another_filing_answers_is_no_near_miss():
    from evaluation.scoring import Evidence, QAItem
    from evaluation.training import _states_answer

    item = QAItem("q1", "Who was Southern Company's CFO when it reported 2006 results?", "Thomas A. Fanning",
                  "person", "8-K", (Evidence("so.txt", "Chief Financial Officer Thomas A. Fanning"),), "so.txt")
    # the CFO a later release names too: the question is answered without its evidence's filing
    assert _states_answer(item, ["Ratcliffe and Chief Financial Officer Tom Fanning will discuss earnings."])
    assert not _states_answer(item, ["Southern Company issued a press release regarding its earnings."])
    assert not _states_answer(item, [])
