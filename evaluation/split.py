"""The one split of a question file into a tuning half and a validation half, made by file, never by hand.

Rule: the questions are grouped by the file their evidence is in (a question without a file is a group of its
own, by its id); the groups are taken in the order of the sha256 of their file name (or id), and each goes to
the half that holds fewer questions so far, the tuning half at a tie. So every question about one filing lies
in one half, the halves are of equal size within one group, and nobody chose which question goes where.
Weights, thresholds and the learned scorer are tuned on the tuning half only; both halves are reported.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

from evaluation.scoring import QAItem

TUNING, VALIDATION = "tuning", "validation"
HALVES = (TUNING, VALIDATION)


def group_of(item: QAItem) -> str:
    return item.file or item.id


def halves(items: Sequence[QAItem]) -> dict[str, str]:
    """{question id: "tuning" or "validation"}."""
    groups: dict[str, list[QAItem]] = {}
    for item in items:
        groups.setdefault(group_of(item), []).append(item)
    size = {TUNING: 0, VALIDATION: 0}
    half_of: dict[str, str] = {}
    for group in sorted(groups, key=lambda name: hashlib.sha256(name.encode()).hexdigest()):
        half = TUNING if size[TUNING] <= size[VALIDATION] else VALIDATION
        size[half] += len(groups[group])
        half_of |= {item.id: half for item in groups[group]}
    return half_of


def only(items: Sequence[QAItem], half: str) -> list[QAItem]:
    """The questions of one half, in their file's order."""
    half_of = halves(items)
    return [item for item in items if half_of[item.id] == half]


def beside(extra: Sequence[QAItem], items: Sequence[QAItem], half: str) -> list[QAItem]:
    """The questions of another file (the spot checks) that may join `half` of `items`: those about a named file
    that no question of the other half is about. One about no named file may be about either, so it joins none."""
    half_of = halves(items)
    others = {item.file for item in items if item.file and half_of[item.id] != half}
    return [item for item in extra if item.file and item.file not in others]
