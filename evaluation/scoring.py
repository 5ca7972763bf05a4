"""`filings-qa eval`: score a question set against an answering system and write the report.

Every metric is computed from per-question records, so the same code scores the assistant and the
plain llama-index baseline (evaluation/baseline.py); both only need to turn a question into an `Answer`.
"""
from __future__ import annotations

import json
import re
import textwrap
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher
from pathlib import Path

from index.lexicon import LEGAL_SUFFIXES, MONTH_NUMBERS, MONTHS
from qa.models import Answer, Passage

UNANSWERABLE = "unanswerable"
NOT_IN_CORPUS = "NOT_IN_CORPUS"  # the gold answer of an unanswerable question
TOP_RANKS = (1, 5, 10)
MRR_DEPTH = 10
FACTS_ENOUGH = 0.5  # a question "has its facts" when at least half of the gold facts are in the answer

# Evidence straddling two chunks, or longer than one, is never a substring of a single passage.
EVIDENCE_SHARE, PASSAGE_SHARE = 0.5, 0.8

# Every way a month is written -> its full name, the form facts are compared in.
MONTH_NAMES = {alias: MONTHS[number - 1] for alias, number in MONTH_NUMBERS.items()}
# Capitalised words that name nothing: articles and connectives, and company suffixes answers often drop.
NOT_NAMES = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "for", "to", "by", "with", "vs",
             "per"} | LEGAL_SUFFIXES
# "1,556,000", "110.0", "$.16", "2.9%"; not the digits inside a word such as "Q3" or "FY2023".
NUMBER = re.compile(r"(?<![\w.])\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)")
WORD = re.compile(r"[A-Za-z]+")


class EvalInputError(Exception):
    """A question file that cannot be read; the message is one line for the user."""


# --- questions -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Evidence:
    file: str  # basename of the source file
    quote: str


@dataclass(frozen=True)
class QAItem:
    id: str
    question: str
    answer: str
    kind: str
    form: str
    evidence: tuple[Evidence, ...]  # a comparison across filings has one quote per filing
    file: str = ""  # the file the question is about ("" for some unanswerable ones)

    @property
    def answerable(self) -> bool:
        return self.kind != UNANSWERABLE and self.answer != NOT_IN_CORPUS


def load_questions(path: Path) -> list[QAItem]:
    """The questions of a JSONL file (fields as in dev_qa.jsonl); blank lines are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalInputError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from error
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvalInputError(f"{path} line {number}: not valid JSON ({error.msg})") from error
        if not isinstance(row, dict) or not all(row.get(key) for key in ("id", "question")):
            raise EvalInputError(f"{path} line {number}: needs an object with 'id' and 'question'")
        evidence = tuple(Evidence(row.get(f"file{n}", ""), row[f"evidence{n}"])
                         for n in ("", "2") if row.get(f"evidence{n}"))
        items.append(QAItem(str(row["id"]), row["question"], row.get("answer", ""), row.get("kind", ""),
                            row.get("form", ""), evidence, row.get("file", "")))
    if not items:
        raise EvalInputError(f"{path} holds no questions")
    return items


# --- evidence retrieval --------------------------------------------------------------------------
# a rule drawn in a fixed-width table ("----------", "=========="): layout, which the reader drops with the table's
# spacing, though an analyst's quote copied from the raw filing may hold it
LAYOUT_RULE = re.compile(r"[-=_]{3,}")


def normalise(text: str) -> str:
    """Whitespace collapsed, rules left out and case folded: fixed-width filings break lines inside sentences."""
    return " ".join(LAYOUT_RULE.sub(" ", text).split()).casefold()


def evidence_matches(evidence: str, passage: str) -> bool:
    """The passage holds the evidence, or the longest stretch they share covers half the evidence
    (it straddles two passages) or most of the passage (the evidence is longer than a passage)."""
    evidence, passage = normalise(evidence), normalise(passage)
    if not evidence or not passage:
        return False
    if evidence in passage:
        return True
    # autojunk off: with characters as elements every common letter would count as junk.
    block = SequenceMatcher(None, evidence, passage, autojunk=False).find_longest_match(
        0, len(evidence), 0, len(passage))
    return block.size >= EVIDENCE_SHARE * len(evidence) or block.size >= PASSAGE_SHARE * len(passage)


def evidence_rank(item: QAItem, passages: list[Passage]) -> int | None:
    """1-based position of the first passage, from the evidence's file, that holds any of its evidence."""
    for position, passage in enumerate(passages, 1):
        if any(Path(passage.chunk.filing.source).name == e.file and evidence_matches(e.quote, passage.chunk.text)
               for e in item.evidence):
            return position
    return None


# --- answer facts --------------------------------------------------------------------------------
def normalise_number(token: str) -> str:
    """"$1,556,000" -> "1556000", "$.16" -> "0.16", "110.0" -> "110"."""
    value = float(token.replace("$", "").replace(",", ""))
    return str(int(value)) if value.is_integer() else repr(value)


def extract_facts(gold: str) -> list[str]:
    """The checkable facts of a gold answer, normalised, in order of appearance:
    - numbers ("$", "," and "%" dropped): 1556000, 0.16, 2.9;
    - months, as full lower-case names ("Sept." -> september); their day and year are numbers;
    - name words: capitalised words and acronyms of two letters or more, lower-cased, except
      connectives and company suffixes (NOT_NAMES). The first word of the answer or of a ";" part may be
      capitalised by position only ("About 190,000"), so it counts when it is an acronym ("BDO") or the next
      word is capitalised too ("Junglee Corp.").
    """
    facts = [normalise_number(match) for match in NUMBER.findall(gold)]
    for part in gold.split(";"):
        words = WORD.findall(part)
        for position, word in enumerate(words):
            lower = word.lower()
            if not word[0].isupper() or len(word) < 2 or lower in NOT_NAMES:
                continue
            if lower in MONTH_NAMES:
                facts.append(MONTH_NAMES[lower])
            elif position > 0 or word.isupper() or (len(words) > 1 and words[1][0].isupper()):
                facts.append(lower)
    return list(dict.fromkeys(facts))


def answer_terms(text: str) -> set[str]:
    """What an answer offers to match facts against: its numbers, months and words, normalised alike."""
    words = {word.lower() for word in WORD.findall(text)}
    return {normalise_number(match) for match in NUMBER.findall(text)} | words | {
        MONTH_NAMES[word] for word in words if word in MONTH_NAMES}


# --- per-question records ------------------------------------------------------------------------
@dataclass
class QuestionRecord:
    id: str
    question: str
    kind: str
    form: str
    answerable: bool
    gold: str
    answer: str
    refused: bool
    facts: list[str]
    facts_found: list[str]
    evidence_rank: int | None  # None: no passage held the evidence (or the question is unanswerable)
    citations: int
    verbatim_citations: int  # citations whose quote is exactly the filing text at their offsets
    latency_ms: float

    @property
    def fact_recall(self) -> float | None:
        return len(self.facts_found) / len(self.facts) if self.facts else None


def score(item: QAItem, answer: Answer, latency_ms: float, filing_text: Callable[[str], str]) -> QuestionRecord:
    facts = extract_facts(item.answer) if item.answerable else []
    terms = set() if answer.refused else answer_terms(answer.text)  # a refusal states no facts
    verbatim = sum(filing_text(c.filing.filing_id)[c.char_start:c.char_end] == c.quote for c in answer.citations)
    return QuestionRecord(
        item.id, item.question, item.kind, item.form, item.answerable, item.answer, answer.text, answer.refused,
        facts, [fact for fact in facts if fact in terms],
        evidence_rank(item, answer.passages) if item.answerable else None,
        len(answer.citations), verbatim, round(latency_ms, 1))


def evaluate(items: list[QAItem], ask: Callable[[str], Answer], filing_text: Callable[[str], str],
             progress: Callable[[Iterable[QAItem]], Iterable[QAItem]] = iter) -> list[QuestionRecord]:
    """Ask every question once, timing each call."""
    # The first call loads models lazily; warming up keeps that load out of the latency percentiles.
    ask(items[0].question)
    records = []
    for item in progress(items):
        started = time.perf_counter()
        answer = ask(item.question)
        records.append(score(item, answer, (time.perf_counter() - started) * 1000, filing_text))
    return records


# --- summaries -----------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100), interpolated linearly between the nearest ranks; None without values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _share(flags: list[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def summarise(records: list[QuestionRecord]) -> dict[str, float | int | None]:
    """The metrics of a group of questions; None where the group has nothing to measure."""
    answerable = [r for r in records if r.answerable]
    unanswerable = [r for r in records if not r.answerable]
    with_facts = [r for r in answerable if r.facts]
    citations = sum(r.citations for r in records)
    latencies = [r.latency_ms for r in records]
    summary: dict[str, float | int | None] = {
        "questions": len(records), "answerable": len(answerable), "unanswerable": len(unanswerable)}
    for top in TOP_RANKS:
        summary[f"evidence_top{top}"] = _share([r.evidence_rank is not None and r.evidence_rank <= top
                                                for r in answerable])
    summary["mrr10"] = (sum(1 / r.evidence_rank for r in answerable
                            if r.evidence_rank is not None and r.evidence_rank <= MRR_DEPTH) / len(answerable)
                        if answerable else None)
    summary["facts_half"] = _share([r.fact_recall >= FACTS_ENOUGH for r in with_facts])
    summary["facts_all"] = _share([r.fact_recall == 1 for r in with_facts])
    summary["fact_recall"] = sum(r.fact_recall for r in with_facts) / len(with_facts) if with_facts else None
    summary["refused_unanswerable"] = _share([r.refused for r in unanswerable])
    summary["refused_answerable"] = _share([r.refused for r in answerable])
    summary["verbatim"] = sum(r.verbatim_citations for r in records) / citations if citations else None
    summary["latency_p50_ms"] = percentile(latencies, 50)
    summary["latency_p95_ms"] = percentile(latencies, 95)
    return summary


def summarise_by(records: list[QuestionRecord], field: str) -> dict[str, dict]:
    groups: dict[str, list[QuestionRecord]] = {}
    for record in records:
        groups.setdefault(getattr(record, field) or "-", []).append(record)
    return {name: summarise(group) for name, group in sorted(groups.items())}


# --- report --------------------------------------------------------------------------------------
# (key, label, format): "share" is shown as a percentage, "ratio" as a number between 0 and 1.
METRICS = [
    ("questions", "questions", "count"), ("answerable", "answerable", "count"),
    ("unanswerable", "unanswerable", "count"),
    ("evidence_top1", "evidence in top 1", "share"), ("evidence_top5", "evidence in top 5", "share"),
    ("evidence_top10", "evidence in top 10", "share"), ("mrr10", "MRR@10", "ratio"),
    ("facts_half", "answers with >= 50% of facts", "share"), ("facts_all", "answers with all facts", "share"),
    ("fact_recall", "mean fact recall", "share"),
    ("refused_unanswerable", "unanswerable refused", "share"), ("refused_answerable", "answerable refused", "share"),
    ("verbatim", "citations verbatim", "share"),
    ("latency_p50_ms", "latency p50 (ms)", "ms"), ("latency_p95_ms", "latency p95 (ms)", "ms"),
]
GROUP_METRICS = ["questions", "evidence_top1", "evidence_top5", "evidence_top10", "mrr10", "facts_half",
                 "refused_answerable", "refused_unanswerable"]
CHART_METRICS = ["evidence_top1", "evidence_top5", "evidence_top10", "mrr10", "facts_half", "facts_all",
                 "refused_unanswerable", "refused_answerable"]
LABELS = {key: label for key, label, _ in METRICS}
FORMATS = {key: kind for key, _, kind in METRICS}


def format_value(key: str, value: float | int | None) -> str:
    if value is None:
        return "n/a"
    return {"count": f"{value}", "share": f"{value:.1%}", "ratio": f"{value:.3f}", "ms": f"{value:.0f}"}[FORMATS[key]]


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def overall_table(summaries: dict[str, dict]) -> str:
    """Rows = metrics, one column per system."""
    return _table(["metric", *summaries],
                  [[label, *(format_value(key, s[key]) for s in summaries.values())] for key, label, _ in METRICS])


def group_table(field: str, by_system: dict[str, dict[str, dict]]) -> str:
    """Rows = groups (kinds or forms); each cell gives the systems' values as "ours / baseline"."""
    groups = next(iter(by_system.values()))
    return _table([field, *(LABELS[key] for key in GROUP_METRICS)], [
        [name, *(" / ".join(format_value(key, groups_of[name][key]) for groups_of in by_system.values())
                 for key in GROUP_METRICS)]
        for name in groups])


def write_report(out: Path, questions_file: Path, results: dict[str, list[QuestionRecord]]) -> str:
    """report.json, report.md and chart.png in `out`; returns the overall Markdown table."""
    out.mkdir(parents=True, exist_ok=True)
    summaries = {system: summarise(records) for system, records in results.items()}
    by_kind = {system: summarise_by(records, "kind") for system, records in results.items()}
    by_form = {system: summarise_by(records, "form") for system, records in results.items()}
    report = {"questions_file": str(questions_file), "systems": {
        system: {"summary": summaries[system], "by_kind": by_kind[system], "by_form": by_form[system],
                 "records": [asdict(r) | {"fact_recall": r.fact_recall} for r in records]}
        for system, records in results.items()}}
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    overall = overall_table(summaries)
    columns = " / ".join(results)
    (out / "report.md").write_text(
        f"# Evaluation of {questions_file.name}\n\n## Overall\n\n{overall}\n\n"
        f"## By kind ({columns})\n\n{group_table('kind', by_kind)}\n\n"
        f"## By form ({columns})\n\n{group_table('form', by_form)}\n", encoding="utf-8")
    _chart(out / "chart.png", summaries)
    return overall


def _chart(path: Path, summaries: dict[str, dict]) -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only: no display on servers and CI
    import matplotlib.pyplot as plt

    width = 0.8 / len(summaries)
    figure, axes = plt.subplots(figsize=(11, 4.5))
    for offset, (system, summary) in enumerate(summaries.items()):
        axes.bar([i + offset * width for i in range(len(CHART_METRICS))],
                 [summary[key] or 0.0 for key in CHART_METRICS], width, label=system)
    axes.set_xticks([i + width * (len(summaries) - 1) / 2 for i in range(len(CHART_METRICS))],
                    [textwrap.fill(LABELS[key], 14) for key in CHART_METRICS], fontsize=8)
    axes.set_ylim(0, 1)
    axes.set_ylabel("share of questions (MRR: 0-1)")
    axes.set_title("Filings QA: " + " vs ".join(summaries))
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
