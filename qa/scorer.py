"""The learned answer scorer: how likely the sentence an answer would quote answers the question, and the
probability below which the answer is a refusal.

A logistic regression over the features `qa.answerer` computes for that sentence (lexical evidence, the kind
of fact asked for and whether the sentence states it, the question's names and years in its passage, the
passage's retrieval rank and section, boilerplate, how close the other sentences come). It is trained by
`filings-qa train` on a question file, answerable questions against unanswerable ones and near misses
(`evaluation/training.py`), its strength and refusal threshold chosen by cross-validation; the shipped one on
every question of dev_qa.jsonl (`--split all`) by the rule held out on its tuning half (README, Answer quality).
This module only applies it. The model is a small JSON file in the repository (`qa/answer_scorer.json`): the
features' names, means and scales, the range each took in training, the weights, the threshold, and how it
was trained.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

SHIPPED = Path(__file__).resolve().with_name("answer_scorer.json")


class ScorerError(Exception):
    """The scorer file is missing, damaged or does not fit the features; one line for the user."""


@dataclass(frozen=True)
class AnswerScorer:
    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float  # the best sentence must be at least this likely to answer, or the answer is a refusal
    training: Mapping[str, object] = field(default_factory=dict)  # how it was made, for the record
    # the least and greatest value of each feature in training: a value beyond them is read as the nearest, so
    # that a line fitted on what was seen does not reach a certainty it never saw (empty in older files)
    lows: tuple[float, ...] = ()
    highs: tuple[float, ...] = ()

    def probability(self, values: Mapping[str, float]) -> float:
        """How likely the sentence with these feature values answers the question."""
        return float(self.probabilities(np.array([[values[name] for name in self.features]]))[0])

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """The same for rows of feature values, in the order of `features` (as training holds them)."""
        if self.lows and self.highs:
            rows = np.clip(rows, np.asarray(self.lows), np.asarray(self.highs))
        z = self.intercept + ((rows - np.asarray(self.means)) / np.asarray(self.scales)) @ np.asarray(self.weights)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = SHIPPED, expected: Sequence[str] | None = None) -> "AnswerScorer":
        """The scorer saved at `path`; `expected`, when given, are the features the answerer computes."""
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
            scorer = cls(tuple(saved["features"]), tuple(saved["means"]), tuple(saved["scales"]),
                         tuple(saved["weights"]), float(saved["intercept"]), float(saved["threshold"]),
                         saved.get("training", {}), tuple(saved.get("lows", ())), tuple(saved.get("highs", ())))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ScorerError(f"cannot read the answer scorer {path}: {error}") from error
        if not len(scorer.features) == len(scorer.means) == len(scorer.scales) == len(scorer.weights) or (
                scorer.lows or scorer.highs) and not len(scorer.features) == len(scorer.lows) == len(scorer.highs):
            raise ScorerError(f"the answer scorer {path} is damaged: its columns differ in length")
        if expected is not None and set(scorer.features) - set(expected):
            raise ScorerError(f"the answer scorer {path} uses features this version does not compute "
                              f"({', '.join(sorted(set(scorer.features) - set(expected)))}): "
                              "train it again with `filings-qa train`")
        return scorer
