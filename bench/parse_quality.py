"""Parse quality on the shared corpus: detected form and company, and where the dev questions' evidence lies.

    .venv/bin/python bench/parse_quality.py [--corpus ../shared/corpus] [--qa ../shared/eval/dev_qa.jsonl] [--json OUT]

Part 1 reads every filing of the manifest and compares form, company and filing date with the manifest
(8-K, 10-K and 10-Q are scored; other forms are shown for information). Part 2 finds each dev question's
evidence in the extracted text and checks that the section holding it matches the gold section label.
Only the parser runs: no embedding model is loaded, so the bench starts fast.
"""
from __future__ import annotations

import argparse
import bisect
import csv
import html
import json
import re
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from evaluation.scoring import LAYOUT_RULE
from index.metadata import normalised_company
from index.models import Filing
from index.reader import FilingError, read_filing

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORED_FORMS = ("8-K", "10-K", "10-Q")
# Sections every filing of a scored form has, in all eras since 1993 ("Item" stands for any 8-K item).
EXPECTED_SECTIONS = {
    "8-K": ("COVER", "Item", "SIGNATURE"),
    "10-K": ("COVER", *(f"Item {n}" for n in (1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 14)), "SIGNATURE"),
    "10-Q": ("COVER", "Part I Item 1", "Part I Item 2", "Part II Item 6", "SIGNATURE"),
}
# A gold label's section ids: "Item 5.02(e)" -> Item 5.02, "EX-99.1"; parenthesised notes are dropped
# first so that "Item 8.01 (EX-99.1 not included)" names Item 8.01 only.
SECTION_ID = re.compile(r"\bItem\s+(\d{1,2}(?:\.\d{1,2})?[A-Z]?)\b|\b(EX-\d+(?:\.\d+)?)\b", re.I)
PARENTHESISED = re.compile(r"\([^)]*\)")


@dataclass
class MetadataCheck:
    file: str
    form: str  # manifest form
    detected_form: str
    company: str  # manifest company
    detected_company: str
    filing_date: str  # manifest date
    detected_filing_date: str
    missing_sections: list[str] = field(default_factory=list)  # expected sections of the form not detected
    error: str = ""

    @property
    def form_ok(self) -> bool:
        return self.detected_form == self.form

    @property
    def company_ok(self) -> bool:
        detected = normalised_company(self.detected_company)
        return bool(detected) and any(normalised_company(part) == detected for part in self.company.split(" / "))

    @property
    def date_ok(self) -> bool | None:
        """None where the manifest has no filing date (FinanceBench PDFs)."""
        return self.detected_filing_date == self.filing_date if self.filing_date else None

    @property
    def structure_ok(self) -> bool:
        return not self.missing_sections


@dataclass
class EvidenceCheck:
    question: str  # "q014" or "q014/2" for the second evidence
    file: str
    form: str
    label: str
    section_ids: list[str]
    found: str = ""  # "", "collapsed" or "spaceless" (found only with every whitespace removed)
    our_sections: list[str] = field(default_factory=list)  # sections the evidence lies in, first to last

    @property
    def section_ok(self) -> bool:
        return bool(self.our_sections) and any(
            _section_matches(ours, gold) for ours in self.our_sections for gold in self.section_ids
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--qa", type=Path, default=SHARED / "eval" / "dev_qa.jsonl")
    parser.add_argument("--json", type=Path, help="write every check to this JSON file")
    args = parser.parse_args(argv)

    manifest = list(csv.DictReader(open(args.corpus / "manifest.csv", encoding="utf-8")))
    filings: dict[str, Filing] = {}
    metadata_checks = [_check_metadata(row, args.corpus / "filings", filings) for row in manifest]
    _print_metadata_report(metadata_checks)

    forms_by_file = {row["file"]: row["form"] for row in manifest}
    questions = [json.loads(line) for line in open(args.qa, encoding="utf-8") if line.strip()]
    evidence_checks = [
        _check_evidence(check_id, file, label, evidence, forms_by_file.get(file, "?"), filings)
        for question in questions
        for check_id, file, label, evidence in _evidences(question)
    ]
    _print_evidence_report(evidence_checks)

    if args.json:
        args.json.write_text(json.dumps({
            "metadata": [asdict(c) | {name.replace(" ", "_") + "_ok": ok(c) for name, ok in METADATA_MEASURES.items()}
                         for c in metadata_checks],
            "evidence": [asdict(c) | {"section_ok": c.section_ok} for c in evidence_checks],
        }, indent=1))
    return 0


def _check_metadata(row: dict, filings_dir: Path, filings: dict[str, Filing]) -> MetadataCheck:
    check = MetadataCheck(row["file"], row["form"], "", row["company"], "", row["filing_date"], "")
    try:
        filing = filings[row["file"]] = read_filing(filings_dir / row["file"])
    except FilingError as error:
        check.error = str(error)
        return check
    check.detected_form = filing.metadata.form
    check.detected_company = filing.metadata.company
    check.detected_filing_date = filing.metadata.filing_date
    names = [s.name for s in filing.sections]
    check.missing_sections = [
        expected for expected in EXPECTED_SECTIONS.get(row["form"], ())
        if not any(name == expected or (expected == "Item" and name.startswith("Item ")) for name in names)
    ]
    return check


METADATA_MEASURES = {
    "form": lambda c: c.form_ok,
    "company": lambda c: c.company_ok,
    "filing date": lambda c: c.date_ok,
    "sections": lambda c: c.structure_ok if c.form in EXPECTED_SECTIONS else None,
}


def _print_metadata_report(checks: list[MetadataCheck]) -> None:
    scored = [c for c in checks if c.form in SCORED_FORMS]
    others = [c for c in checks if c.form not in SCORED_FORMS]
    print("== Metadata and sections: detected form, company, filing date and the form's usual sections ==")
    _print_rate_table(scored, "form", METADATA_MEASURES)
    _print_metadata_failures("Failures (scored forms)", scored)
    print("\nOther forms (information only)")
    _print_rate_table(others, "form", METADATA_MEASURES)
    _print_metadata_failures("Differences (other forms)", others)


def _print_metadata_failures(title: str, checks: list[MetadataCheck]) -> None:
    failures = [c for c in checks if c.error or not c.form_ok or not c.company_ok or c.date_ok is False
                or c.missing_sections]
    print(f"\n{title}: {len(failures)}")
    for c in failures:
        if c.error:
            print(f"  {c.file}: cannot read: {c.error}")
            continue
        problems = []
        if not c.form_ok:
            problems.append(f"form {c.detected_form!r} != {c.form!r}")
        if not c.company_ok:
            problems.append(f"company {c.detected_company!r} != {c.company!r}")
        if c.date_ok is False:
            problems.append(f"filing date {c.detected_filing_date!r} != {c.filing_date!r}")
        if c.missing_sections:
            problems.append(f"no {', '.join(c.missing_sections)}")
        print(f"  {c.file}: " + "; ".join(problems))


def _evidences(question: dict):
    """(check id, file, gold label, evidence) of a question's evidence and of its second evidence if any; an
    unanswerable question has none."""
    if question.get("evidence"):
        yield question["id"], question["file"], question["section"], question["evidence"]
    if question.get("evidence2"):
        yield (f"{question['id']}/2", question.get("file2") or question["file"],
               question.get("section2") or question["section"], question["evidence2"])


def _check_evidence(check_id: str, file: str, label: str, evidence: str, form: str,
                    filings: dict[str, Filing]) -> EvidenceCheck:
    check = EvidenceCheck(check_id, file, form, label, _section_ids(label))
    filing = filings.get(file)
    if filing is None:
        return check
    for variant in dict.fromkeys((evidence, html.unescape(evidence), LAYOUT_RULE.sub(" ", evidence))):
        for how, joiner in (("collapsed", " "), ("spaceless", "")):
            span = _locate(filing.text, variant, joiner)
            if span:
                check.found = how
                check.our_sections = _sections_over(filing, *span)
                return check
    return check


def _section_ids(label: str) -> list[str]:
    ids = []
    for m in SECTION_ID.finditer(PARENTHESISED.sub(" ", label)):
        ids.append(f"Item {m.group(1).upper()}" if m.group(1) else m.group(2).upper())
    return ids


def _section_matches(ours: str, gold: str) -> bool:
    """Our "Part I Item 2" answers a gold "Item 2"; names otherwise match exactly."""
    return ours == gold or (gold.startswith("Item ") and ours.endswith(" " + gold))


_token_cache: dict[tuple[int, str], tuple[str, list[int], list[int]]] = {}


def _locate(text: str, evidence: str, joiner: str) -> tuple[int, int] | None:
    """Span in `text` of `evidence` compared with whitespace runs replaced by `joiner`."""
    key = (id(text), joiner)
    if key not in _token_cache:
        tokens = list(re.finditer(r"\S+", text))
        joined_starts, position = [], 0
        for token in tokens:
            joined_starts.append(position)
            position += len(token.group()) + len(joiner)
        _token_cache[key] = (joiner.join(t.group() for t in tokens), joined_starts, [t.start() for t in tokens])
    joined, joined_starts, original_starts = _token_cache[key]
    needle = joiner.join(evidence.split())
    at = joined.find(needle) if needle else -1
    if at < 0:
        return None

    def original(offset: int) -> int:
        i = bisect.bisect_right(joined_starts, offset) - 1
        return original_starts[i] + offset - joined_starts[i]

    return original(at), original(at + len(needle) - 1) + 1


def _sections_over(filing: Filing, start: int, end: int) -> list[str]:
    return [s.name for s in filing.sections if s.char_start < end and start < s.char_end]


def _print_evidence_report(checks: list[EvidenceCheck]) -> None:
    print("\n== Evidence of the dev questions: found in the text, and inside the gold section ==")
    with_id = [c for c in checks if c.section_ids]
    by_form: dict[str, list[EvidenceCheck]] = defaultdict(list)
    for c in checks:
        by_form[c.form].append(c)
    print(f"{'form':<34}{'n':>4}{'found':>12}{'n with id':>11}{'section':>12}")
    for form in sorted(by_form) + ["ALL"]:
        group = checks if form == "ALL" else by_form[form]
        labelled = [c for c in group if c.section_ids]
        print(f"{form:<34}{len(group):>4}{_rate(sum(bool(c.found) for c in group), len(group)):>12}"
              f"{len(labelled):>11}{_rate(sum(c.section_ok for c in labelled), len(labelled)):>12}")

    print("\nMisses")
    for c in checks:
        if not c.found:
            print(f"  {c.question} {c.file}: evidence NOT FOUND (gold {c.label!r})")
        elif c.section_ids and not c.section_ok:
            print(f"  {c.question} {c.file}: gold {c.label!r}, ours {' + '.join(c.our_sections)}")
    print("\nLabels without a section id (where the evidence lies)")
    for c in checks:
        if c.found and not c.section_ids:
            print(f"  {c.question} {c.file}: gold {c.label!r}, ours {' + '.join(c.our_sections)}")
    spaceless = [c.question for c in checks if c.found == "spaceless"]
    if spaceless:
        print(f"\nFound only with every whitespace removed (line breaks differ): {', '.join(spaceless)}")
    print(f"\nTotal: evidence found {_rate(sum(bool(c.found) for c in checks), len(checks))}, "
          f"section match {_rate(sum(c.section_ok for c in with_id), len(with_id))} of labels with an id")


def _print_rate_table(checks: list, group_field: str, measures: dict) -> None:
    """Rate of each measure per group; a measure that answers None for a check does not count it."""
    groups: dict[str, list] = defaultdict(list)
    for c in checks:
        groups[getattr(c, group_field)].append(c)
    print(f"{group_field:<34}{'n':>4}" + "".join(f"{name:>14}" for name in measures))
    for name in sorted(groups) + ["ALL"]:
        group = checks if name == "ALL" else groups[name]
        cells = []
        for ok in measures.values():
            answers = [ok(c) for c in group if ok(c) is not None]
            cells.append(_rate(sum(answers), len(answers)))
        print(f"{name:<34}{len(group):>4}" + "".join(f"{cell:>14}" for cell in cells))


def _rate(hits: int, total: int) -> str:
    return f"{hits}/{total} {100 * hits / total:.0f}%" if total else "-"


if __name__ == "__main__":
    sys.exit(main())
