"""What the web chat shows in its conversation, built from what `qa` returns: chat messages and exports.

Filing text and questions are data. In chat messages (rendered as Markdown by the browser) every ASCII
punctuation mark is backslash-escaped, so no Markdown, HTML, link or LaTeX can form; the only links are the
ones made here, to a source by two numbers. Exports for reports escape the characters that start Markdown
markup, so a pasted answer reads as plain text with its quotes intact. The document viewer is `viewer.py`.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import PurePath

from qa.models import Answer, Chunk, Citation, FilingRef, Passage

_ANY_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # CommonMark lets any ASCII punctuation be escaped
_MARKUP = re.compile(r"([\\`*_\[\]<>|~$&])")
_ESCAPED_MARKER = re.compile(r"\\\[(\d+)\\\](?![(\[:])")  # an escaped [n] that no link syntax follows
SOURCE_LINK_PREFIX = "fqa-source-"
_SOURCE_ANCHOR = re.compile(rf"#?{SOURCE_LINK_PREFIX}(\d{{1,4}})-(\d{{1,3}})")
PREVIEW_CHARS = 300


def as_text(value: str) -> str:
    """`value` as Markdown that renders exactly as the characters it holds."""
    return _ANY_PUNCTUATION.sub(r"\\\1", value)


def report_text(value: str) -> str:
    """`value` for a Markdown report: readable as typed (citation marks [n] too), with nothing forming markup."""
    return _ESCAPED_MARKER.sub(r"[\1]", _MARKUP.sub(r"\\\1", value))


def one_line(text: str) -> str:
    return " ".join(text.split())


def place(item: Citation | Passage) -> Citation | Chunk:
    """Where a source lies (its filing, section, page and offsets): a citation's quote, or a passage's chunk."""
    return item if isinstance(item, Citation) else item.chunk


def filing_label(item: Citation | Passage) -> str:
    """"ImmunoGen, Inc. · 8-K · 2001-03-07 · EX-99.1": the filing and section a citation or passage is from."""
    where = place(item)
    return where.filing.label(where.section)


def marker(item: Citation | Passage) -> str:
    """"[1]" for a citation, "Passage 1:" for one of the nearest passages shown with a refusal."""
    return f"[{item.n}]" if isinstance(item, Citation) else f"Passage {item.rank}:"


def choice_label(item: Citation | Passage) -> str:
    """A citation or passage as the sources picker names it: "[1] ImmunoGen, Inc. · 8-K · ..."."""
    return f"{marker(item)} {filing_label(item)}"


def sources_of(answer: Answer) -> list[Citation] | list[Passage]:
    """What an answer rests on: its citations, or for a refusal the nearest passages."""
    return answer.citations or answer.passages


# --- chat messages (Markdown, fully escaped) --------------------------------------------------
def source_anchor(position: int, index: int) -> str:
    """The link target of source `index` (in `sources_of`) of answer `position` of a conversation: the page opens
    it in the viewer (ui/viewer.py). Made of two numbers only, so nothing from a filing is ever part of it."""
    return f"#{SOURCE_LINK_PREFIX}{position}-{index}"


def parse_source_anchor(anchor: str) -> tuple[int, int] | None:
    """(answer position, source index) of a `source_anchor`; None for anything else."""
    match = _SOURCE_ANCHOR.fullmatch(anchor)
    return (int(match.group(1)), int(match.group(2))) if match else None


def chat_message(answer: Answer, position: int) -> str:
    """The answer, with each [n] a link that opens its source, then one line naming the sources by filing and
    section (for a refusal: the nearest passages). `position`: the answer's place in its conversation."""
    index_of = {c.n: i for i, c in enumerate(answer.citations)}
    text = _ESCAPED_MARKER.sub(lambda m: f"[{m.group(0)}]({source_anchor(position, index_of[int(m.group(1))])})"
                               if int(m.group(1)) in index_of else m.group(0), as_text(answer.text))
    parts = [text, *(f"⚠ {as_text(flag)}" for flag in answer.flags)]
    by_filing: dict[str, list[str]] = {}
    for index, item in enumerate(sources_of(answer)):
        where = place(item)
        name = f"[{as_text(marker(item).rstrip(':'))} {as_text(where.section)}]({source_anchor(position, index)})"
        by_filing.setdefault(where.filing.label(), []).append(name)
    if by_filing:
        heading = "Sources" if answer.citations else "Nearest passages"
        parts.append(f"*{heading}:* " + "; ".join(f"{as_text(label)}: {', '.join(names)}"
                                                 for label, names in by_filing.items()))
    return "\n\n".join(parts)


# --- reports: Markdown and a CSV of the citations ----------------------------------------------
CSV_COLUMNS = ("answered_at", "question", "n", "company", "cik", "form", "filing_date", "accession", "section",
               "section_title", "page", "char_start", "char_end", "file", "quote")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run such a cell as a formula


def answer_markdown(answer: Answer) -> str:
    """An answer with its time and citations (or nearest passages), to paste into a report."""
    lines = [f"**Q:** {report_text(answer.question)}", ""]
    if answer.answered_at:
        lines += [f"*Answered {answer.answered_at.replace('T', ' ').replace('+00:00', ' UTC')}*", ""]
    lines.append(report_text(answer.text))
    for c in answer.citations:
        title = f" ({c.section_title})" if c.section_title else ""
        lines += ["", report_text(f"[{c.n}] {filing_label(c)}{title}"), report_text(f"{location(c)}."),
                  f"> {report_text(one_line(c.quote))}"]
    if not answer.citations:
        lines += ["", *(f"- {report_text(choice_label(p))}: {report_text(one_line(p.chunk.text)[:PREVIEW_CHARS])}…"
                        for p in answer.passages)]
    return "\n".join(lines)


def location(item: Citation | Passage) -> str:
    """"accession 0000950135-01-500123, page 3, characters 1200–1310 of immunogen.txt": where a source lies."""
    where = place(item)
    parts = [f"accession {where.filing.accession}" if where.filing.accession else "",
             f"page {where.page}" if where.page else "",
             f"characters {where.char_start}–{where.char_end} of {file_name(where.filing)}"]
    return ", ".join(p for p in parts if p)


def file_name(filing: FilingRef) -> str:
    """The name of the file a filing was read from (never the server's folders)."""
    return PurePath(filing.source).name


def conversation_markdown(answers: list[Answer]) -> str:
    return "# Filings QA conversation\n\n" + "\n\n---\n\n".join(answer_markdown(a) for a in answers) + "\n"


def citations_csv(answers: list[Answer]) -> str:
    """One row per citation of the answers, in CSV_COLUMNS; a cell a spreadsheet would run as a formula starts
    with an apostrophe, so filing text stays text there."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for answer in answers:
        for c in answer.citations:
            row = c.to_json() | {"answered_at": answer.answered_at, "question": answer.question,
                                 "file": file_name(c.filing)}
            writer.writerow(_inert(row[column]) for column in CSV_COLUMNS)
    return out.getvalue()


def _inert(value) -> str:
    value = "" if value is None else str(value)
    return f"'{value}" if value.startswith(_FORMULA_START) else value
