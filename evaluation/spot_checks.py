"""Spot checks: analysts' questions written here on the corpus, in the FinanceBench style on its PDFs (not
FinanceBench's) and on its other filings of every era, each with a needle, the figure or name as the filing prints
it, or none for a near miss the filings do not answer; `file` and `note` say where the answer is, or why none is.

    .venv/bin/python -m evaluation.spot_checks evaluation/spot_checks.jsonl --data DATA

A question counts as found when a passage among the first five holds its needle, as answered when the answer's
text holds it (an answer in other words, "$12.7 billion" for "12,734", does not count), and a near miss as refused
when the answer is a refusal. Needles are rough: they only tell how the method moves, next to `filings-qa eval`.

`filings-qa train` learns from them too (`as_questions`), as many more questions than the dev file holds.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from evaluation.scoring import NOT_IN_CORPUS, UNANSWERABLE, Evidence, QAItem

FOUND_WITHIN = 5
SPOT_CHECKS = Path(__file__).resolve().with_name("spot_checks.jsonl")


@dataclass(frozen=True)
class SpotCheck:
    id: str
    question: str
    needle: str | None  # None: a near miss
    kind: str
    file: str = ""  # the file that answers, or that a near miss is about ("" for the first set's)


@dataclass(frozen=True)
class Outcome:
    check: SpotCheck
    found: bool  # a passage among the first FOUND_WITHIN holds the needle
    answered: bool  # the answer's text holds the needle
    refused: bool


def load(path: Path) -> list[SpotCheck]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [SpotCheck(r["id"], r["question"], r.get("needle"), r.get("kind", ""), r.get("file", ""))
            for r in map(json.loads, lines)]


def as_questions(checks: list[SpotCheck]) -> list[QAItem]:
    """The checks as questions of the dev file's kind: a needle is the gold answer and its evidence in the check's
    file; a near miss is unanswerable."""
    return [QAItem(c.id, c.question, c.needle, c.kind, "", (Evidence(c.file, c.needle),), c.file) if c.needle
            else QAItem(c.id, c.question, NOT_IN_CORPUS, UNANSWERABLE, "", (), c.file) for c in checks]


def judge(check: SpotCheck, text: str, refused: bool, passages: list[str]) -> Outcome:
    needle = check.needle
    return Outcome(check, needle is not None and any(needle in p for p in passages[:FOUND_WITHIN]),
                   needle is not None and needle in text, refused)


def summary(outcomes: list[Outcome]) -> str:
    answerable = [o for o in outcomes if o.check.needle is not None]
    near = [o for o in outcomes if o.check.needle is None]
    kinds, answered = Counter(o.check.kind for o in answerable), Counter(o.check.kind for o in answerable if o.answered)
    return (f"evidence among the first {FOUND_WITHIN}: {sum(o.found for o in answerable)} of {len(answerable)}; "
            f"answers holding the needle: {sum(o.answered for o in answerable)} of {len(answerable)} "
            f"({', '.join(f'{k} {answered[k]} of {n}' for k, n in kinds.items())}); "
            f"answerable refused: {sum(o.refused for o in answerable)}; "
            f"near misses refused: {sum(o.refused for o in near)} of {len(near)}")


def main() -> None:
    from qa.assistant import Assistant

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--data", type=Path, default=Path("data"))
    args = parser.parse_args()
    assistant = Assistant.open(data=args.data)
    outcomes = []
    for check in load(args.questions):
        answer = assistant.ask(check.question)
        outcome = judge(check, answer.text, answer.refused, [p.chunk.text for p in answer.passages])
        outcomes.append(outcome)
        # answered=r: a question with a needle refused
        answered = "y" if outcome.answered else "r" if outcome.refused else "n"
        mark = ("refused" if outcome.refused else "ANSWERED") if check.needle is None else (
            f"found={'y' if outcome.found else 'n'} answered={answered}")
        print(f"{check.id:4} {mark:22} {check.question[:90]}")
    print(summary(outcomes))


if __name__ == "__main__":
    main()
