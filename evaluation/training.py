"""`filings-qa train`: fit the answer scorer (qa/scorer.py) that decides whether a question is answered.

It learns from the dev question file and from the spot checks (`evaluation/spot_checks.py`): twelve times as many
questions, written on the corpus in the same way, with near misses among them. A spot check joins the half of the
dev file that its file is in (`evaluation/split.py`, `beside`), so that nothing is learned about a file of the
other half.

Every question is asked as the assistant asks it (retrieval, then the answerer's ranking of sentences by
evidence); its row is the QUESTION_FEATURES of the sentence an answer would quote, labelled 1 when the question
is answerable, 0 when not. Each answerable question is also asked twice more as a near miss, labelled 0:
- with its evidence's filing left out of the passages (another filing, perhaps of the same company, must do);
  when another filing answers it all the same (its answer states half the gold answer's facts: a later release
  names the same CFO), the case is left out, as no near miss;
- with its fact left out: every passage that holds the evidence or states a fact of the gold answer the question
  does not give (a figure, a name) is dropped, and the rest of the same filing stays. This is the hard near
  miss analysts ask: the company and the filing are indexed, the figure asked for is not, and a neighbouring
  figure (a closing price for an offering price, sales for comparable sales) sits next to the question's words.

The regularisation strength is chosen by grouped cross-validation (folds by file, so that no filing is on both
sides): the one whose held-out probabilities separate answerable from unanswerable rows best (log loss).
The refusal threshold is chosen on the same held-out probabilities, against both goals at once: the one that
misses neither by more than it must, i.e. whose larger miss (answerable questions refused as a share of
MAX_ANSWERABLE_REFUSED, unanswerable ones answered as a share of MAX_UNANSWERABLE_ANSWERED) is smallest. The
final model is fitted on all rows with the chosen strength; its held-out figures are saved with it. Trained on
every question, the strength and the threshold are those the tuning half's cross-validation chooses
(`questions_for`): the issue's "same settings".

Until round 23 only the dev file was learned from and the threshold was the highest refusing at most 5% of the
tuning half's answerable questions: two of its 44 questions set it, and it moved by more between rounds than
the rules did (0.268, then 0.312).

Sentence ranking stays the hand-made evidence score: a ranker learned on these questions (logistic regression,
pointwise or a conditional logit toward the hand weights) did not put the evidence sentence first more often
held out (see README, Answer quality).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from evaluation import split as question_split
from evaluation.scoring import QAItem, answer_terms, evidence_matches, extract_facts
from index.lexicon import MONTHS, YEAR_IN_TEXT
from qa.answerer import QUESTION_FEATURES, SCORED_PASSAGES
from qa.assistant import Assistant
from qa.models import Filters, Passage
from qa.scorer import AnswerScorer

# Regularisation strengths tried (inverse, as scikit-learn's C): from strong to weak.
STRENGTHS = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5
# The goals for refusals (the issue's): at most 5% of answerable questions refused, at least 85% of unanswerable
# ones; the threshold misses them alike, held out.
MAX_ANSWERABLE_REFUSED = 0.05
MAX_UNANSWERABLE_ANSWERED = 0.15
NEAR_MISS_POOL = 40  # passages retrieved before the evidence's filing is left out, so that enough remain


@dataclass(frozen=True)
class Case:
    """One question as asked, and whether it can be answered from the passages it gets."""

    question_id: str
    group: str  # the file it is about: cross-validation keeps a file's cases in one fold
    answerable: bool  # False for an unanswerable question and for a near miss
    near_miss: bool
    row: np.ndarray  # QUESTION_FEATURES; empty when no sentence states what is asked (always refused)
    quotes_evidence: bool  # the answer's sentence that decides whether to answer holds the evidence


def cases_of(assistant: Assistant, items: Iterable[QAItem],
             progress: Callable[[Iterable[QAItem]], Iterable[QAItem]] = iter) -> list[Case]:
    cases = []
    assistant.index.refresh_lexical()  # the index does not change while the cases are asked
    for item in progress(list(items)):
        cases.append(_case(assistant, item, None))
        if item.answerable and item.file:
            cases.append(_case(assistant, item, lambda p, file=item.file: _file_of(p) == file))
            cases.append(_case(assistant, item, _states_fact_of(item)))
    return [case for case in cases if case is not None]


def _file_of(passage: Passage) -> str:
    return Path(passage.chunk.filing.source).name


def _new_facts(item: QAItem) -> set[str]:
    """The facts of the item's gold answer that the question does not give. Years and months are not such facts
    (every passage of the period has them), nor are one-digit numbers."""
    given = answer_terms(item.question)
    return {fact for fact in extract_facts(item.answer) if fact not in given and fact not in MONTHS
            and not YEAR_IN_TEXT.fullmatch(fact) and len(fact.replace(".", "")) > 1}


def _states_fact_of(item: QAItem) -> Callable[[Passage], bool]:
    """Whether a passage holds the item's evidence or states one of its `_new_facts`."""
    facts = _new_facts(item)

    def states(passage: Passage) -> bool:
        text = passage.chunk.text
        return (any(_file_of(passage) == e.file and evidence_matches(e.quote, text) for e in item.evidence)
                or bool(facts & answer_terms(text)))
    return states


def _case(assistant: Assistant, item: QAItem, leave_out: Callable[[Passage], bool] | None) -> Case | None:
    """The question as asked; with `leave_out`, as a near miss: the passages it selects are not retrieved. None for
    a near miss that other passages answer all the same (the CFO a later release names too): it is neither
    answerable nor not."""
    retrieval = assistant.retriever.retrieve(item.question, Filters(), NEAR_MISS_POOL if leave_out else SCORED_PASSAGES)
    passages = [p for p in retrieval.passages if not (leave_out and leave_out(p))]
    passages = [replace(p, rank=rank) for rank, p in enumerate(passages[:SCORED_PASSAGES], 1)]
    assessment = assistant.answerer.assess(item.question, retrieval.search_text, passages, retrieval.named_companies)
    row = np.array([assessment.features[name] for name in QUESTION_FEATURES]) if assessment.chosen else np.array([])
    first = assessment.deciding.sentence if assessment.deciding else None
    quotes_evidence = first is not None and any(
        _file_of(first.passage) == evidence.file and evidence_matches(evidence.quote, first.text)
        for evidence in item.evidence)
    near_miss = leave_out is not None
    if near_miss and _states_answer(item, [c.sentence.text for c in assessment.chosen]):
        return None
    return Case(item.id, item.file or item.id, item.answerable and not near_miss, near_miss, row,
                quotes_evidence and not near_miss)


def _states_answer(item: QAItem, texts: list[str]) -> bool:
    """Whether the texts state half of the item's `_new_facts` or more."""
    facts = _new_facts(item)
    stated = set().union(*map(answer_terms, texts)) if texts else set()
    return bool(facts) and len(facts & stated) >= len(facts) / 2


@dataclass(frozen=True)
class HeldOut:
    """Cross-validated figures of one strength, question by question."""

    strength: float
    log_loss: float
    threshold: float
    answerable_refused: float
    unanswerable_refused: float  # of the real unanswerable questions
    near_misses_refused: float
    answered_with_evidence: float  # of the answerable questions: answered, quoting the evidence first


def settings_half(split: str) -> str:
    """The half whose cross-validation chooses the strength and the threshold when training on `split`: the tuning
    half when it is every question ("all"), else that half."""
    return question_split.TUNING if split == "all" else split


def questions_for(dev: Sequence[QAItem], spot_checks: Sequence[QAItem], split: str
                  ) -> tuple[list[QAItem], list[QAItem] | None]:
    """The questions a scorer for `split` learns from, and those whose cross-validation chooses its strength and
    threshold (None: the same). On every question ("all") the settings are the tuning half's: its dev questions
    and the spot checks `beside` it."""
    half = settings_half(split)
    own = [*question_split.only(dev, half), *question_split.beside(spot_checks, dev, half)]
    return ([*dev, *spot_checks], own) if split == "all" else (own, None)


def settings_cases(cases: list[Case], settings: Sequence[QAItem] | None) -> list[Case] | None:
    """The cases of the settings questions (None: every case)."""
    if settings is None:
        return None
    ids = {item.id for item in settings}
    return [c for c in cases if c.question_id in ids]


def train(cases: list[Case], folds: int = FOLDS, settings_from: list[Case] | None = None
          ) -> tuple[AnswerScorer, list[HeldOut]]:
    """The scorer fitted on all cases with the strength and the threshold cross-validation chooses on
    `settings_from` (default: the same cases), and every strength's figures there."""
    usable = [c for c in cases if len(c.row)]  # the others are refused whatever the scorer says
    chosen, results, splits = _cross_validated(settings_from or cases, folds)
    scorer = replace(_fit(usable, chosen.strength), threshold=chosen.threshold, training={
        "strength": chosen.strength, "folds": splits, "cases": len(cases), "scored": len(usable),
        "answerable": sum(c.answerable for c in cases), "near_misses": sum(c.near_miss for c in cases),
        "settings_cases": len(settings_from or cases),
        "held_out": {key: round(value, 4) for key, value in vars(chosen).items()}})
    return scorer, results


def _cross_validated(cases: list[Case], folds: int) -> tuple[HeldOut, list[HeldOut], int]:
    """Every strength's held-out figures over the cases, the one with the lowest log loss, and the folds made."""
    from sklearn.model_selection import GroupKFold

    groups = sorted({c.group for c in cases})
    splitter = GroupKFold(n_splits=min(folds, len(groups)))
    fold_of = {group: fold for fold, (_, held) in enumerate(splitter.split(groups, groups=groups))
               for group in np.asarray(groups)[held]}
    results = []
    for strength in STRENGTHS:
        held_out = np.zeros(len(cases))  # probability 0: refused
        for fold in set(fold_of.values()):
            inside = [i for i, c in enumerate(cases) if fold_of[c.group] == fold and len(c.row)]
            if inside:
                model = _fit([c for c in cases if len(c.row) and fold_of[c.group] != fold], strength)
                held_out[inside] = model.probabilities(np.vstack([cases[i].row for i in inside]))
        results.append(_held_out(strength, cases, held_out))
    return min(results, key=lambda r: r.log_loss), results, splitter.n_splits


def _fit(cases: list[Case], strength: float) -> AnswerScorer:
    """The logistic regression of these cases, as the scorer that applies it (threshold still to choose)."""
    from sklearn.linear_model import LogisticRegression

    rows = np.vstack([c.row for c in cases])
    labels = np.array([c.answerable for c in cases], dtype=int)
    means, scales = rows.mean(axis=0), rows.std(axis=0)
    scales[scales == 0] = 1.0
    model = LogisticRegression(C=strength, max_iter=5000).fit((rows - means) / scales, labels)
    return AnswerScorer(QUESTION_FEATURES, tuple(means.tolist()), tuple(scales.tolist()),
                        tuple(model.coef_[0].tolist()), float(model.intercept_[0]), 0.0,
                        lows=tuple(rows.min(axis=0).tolist()), highs=tuple(rows.max(axis=0).tolist()))


def _held_out(strength: float, cases: list[Case], probabilities: np.ndarray) -> HeldOut:
    """Figures over every case; a case the scorer never sees (nothing states what is asked) is refused."""
    labels = np.array([c.answerable for c in cases])
    scored = np.array([len(c.row) > 0 for c in cases])
    clipped = np.clip(probabilities[scored], 1e-6, 1 - 1e-6)
    log_loss = float(-np.mean(labels[scored] * np.log(clipped) + (1 - labels[scored]) * np.log(1 - clipped)))
    near = np.array([c.near_miss for c in cases])
    # the unanswerable side of the goals: the real unanswerable questions, or the near misses when there are none
    unanswerable = ~labels & ~near if (~labels & ~near).any() else ~labels
    threshold = _balanced_threshold(probabilities[labels], probabilities[unanswerable])

    def refused(mask) -> float:
        return float(np.mean(probabilities[mask] < threshold)) if mask.any() else 0.0

    evidence_first = np.array([c.quotes_evidence for c in cases])
    return HeldOut(strength, log_loss, threshold, refused(labels), refused(~labels & ~near), refused(near),
                   float(np.mean(evidence_first[labels] & (probabilities[labels] >= threshold))))


def _balanced_threshold(answerable: np.ndarray, unanswerable: np.ndarray) -> float:
    """The threshold (halfway between two probabilities seen) whose larger miss of the two goals is smallest, the
    smaller miss deciding a tie."""
    seen = np.unique(np.concatenate([answerable, unanswerable]))
    candidates = np.concatenate([[seen[0] / 2], (seen[1:] + seen[:-1]) / 2, [(seen[-1] + 1) / 2]])
    refused = (answerable[None, :] < candidates[:, None]).mean(axis=1) / MAX_ANSWERABLE_REFUSED
    answered = ((unanswerable[None, :] >= candidates[:, None]).mean(axis=1) / MAX_UNANSWERABLE_ANSWERED
                if len(unanswerable) else np.zeros(len(candidates)))
    order = np.lexsort((np.minimum(refused, answered), np.maximum(refused, answered)))
    return float(candidates[order[0]])
