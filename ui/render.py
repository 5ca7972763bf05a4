"""What the web chat shows, built from what `qa` returns: chat messages, the sources panel, Markdown exports.

Filing text and questions are data. In chat messages (rendered as Markdown by the browser) every ASCII
punctuation mark is backslash-escaped, so no Markdown, HTML, link or LaTeX can form; in the sources panel
(HTML) every value goes through `html.escape`. Exports for reports escape the characters that start Markdown
markup, so a pasted answer reads as plain text with its quotes intact.
"""
from __future__ import annotations

import html
import re

from qa.models import Answer, Chunk, Citation, Passage, Section

_ANY_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # CommonMark lets any ASCII punctuation be escaped
_MARKUP = re.compile(r"([\\`*_\[\]<>|~$&])")
_ESCAPED_MARKER = re.compile(r"\\\[(\d+)\\\](?![(\[:])")  # an escaped [n] that no link syntax follows
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
def chat_message(answer: Answer) -> str:
    """The answer, then its numbered citations with their quotes; a refusal lists the nearest passages."""
    parts = [as_text(answer.text)]
    parts += [f"⚠ {as_text(flag)}" for flag in answer.flags]
    if answer.citations:
        parts += [f"**{as_text(choice_label(c))}** — {as_text(c.section_title)}\n> {as_text(one_line(c.quote))}"
                  for c in answer.citations]
    else:
        parts += [f"**{as_text(choice_label(p))}**\n> {as_text(one_line(p.chunk.text)[:PREVIEW_CHARS])}…"
                  for p in answer.passages]
    return "\n\n".join(parts)


# --- sources panel (HTML, every value escaped) ------------------------------------------------
def highlighted(text: str, text_start: int, mark_start: int, mark_end: int) -> str:
    """`text` (which starts at offset `text_start` of its filing) as HTML, with [mark_start, mark_end) marked."""
    start = min(max(mark_start - text_start, 0), len(text))
    end = min(max(mark_end - text_start, start), len(text))
    return (f"{html.escape(text[:start])}<mark>{html.escape(text[start:end])}</mark>"
            f"{html.escape(text[end:])}")


def source_card(answer: Answer, item: Citation | Passage) -> str:
    """One source: its filing, its section and the passage, with a citation's quote marked inside it."""
    passage = item if isinstance(item, Passage) else next(
        (p for p in answer.passages if p.rank == item.passage_rank), None)
    if isinstance(item, Citation):
        inside = passage and passage.chunk.char_start <= item.char_start < passage.chunk.char_end
        body = (highlighted(passage.chunk.text, passage.chunk.char_start, item.char_start, item.char_end) if inside
                else f"<mark>{html.escape(item.quote)}</mark>")  # a table's header, quoted from above its passage
    else:
        body = html.escape(item.chunk.text)
    where = place(item)
    ref = where.filing
    page = f" · page {where.page}" if where.page else ""
    filing = " · ".join(html.escape(v) for v in (ref.company or "Unknown company", ref.form,
                                                    f"filed {ref.filing_date}" if ref.filing_date else "",
                                                    f"accession {ref.accession}" if ref.accession else "") if v)
    section = html.escape(where.section + (f" — {where.section_title}" if where.section_title else ""))
    return (f'<article class="fqa-source"><h3>{html.escape(marker(item))} {filing}</h3>'
            f'<p class="fqa-section">{section}{html.escape(page)} · '
            f'characters {where.char_start}–{where.char_end} of {html.escape(ref.source.rsplit("/", 1)[-1])}</p>'
            f'<blockquote class="fqa-passage">{body}</blockquote></article>')


def section_card(section: Section, text: str, item: Citation | Passage) -> str:
    """A whole section, with the cited quote (or the passage) marked where it lies."""
    heading = html.escape(f"{section.name}" + (f" — {section.title}" if section.title else ""))
    where = place(item)
    return (f'<article class="fqa-section-text"><h3>{heading}</h3>'
            f'<div class="fqa-passage">{highlighted(text, section.char_start, where.char_start, where.char_end)}'
            "</div></article>")


def empty_panel(message: str) -> str:
    return f'<p class="fqa-empty">{html.escape(message)}</p>'


# --- Markdown for reports ---------------------------------------------------------------------
def answer_markdown(answer: Answer) -> str:
    """An answer with its citations (or nearest passages), to paste into a report."""
    lines = [f"**Q:** {report_text(answer.question)}", "", report_text(answer.text)]
    for c in answer.citations:
        title = f" ({c.section_title})" if c.section_title else ""
        accession = f", accession {c.filing.accession}" if c.filing.accession else ""
        lines += ["", report_text(f"[{c.n}] {filing_label(c)}{title}{accession}"),
                  f"> {report_text(one_line(c.quote))}"]
    if not answer.citations:
        lines += ["", *(f"- {report_text(choice_label(p))}: {report_text(one_line(p.chunk.text)[:PREVIEW_CHARS])}…"
                        for p in answer.passages)]
    return "\n".join(lines)


def conversation_markdown(answers: list[Answer]) -> str:
    return "# Filings QA conversation\n\n" + "\n\n---\n\n".join(answer_markdown(a) for a in answers) + "\n"
