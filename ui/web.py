"""The web chat (Gradio): shows what `qa` returns, nothing more."""
from __future__ import annotations

import re

import gradio as gr

from qa.assistant import Assistant
from qa.models import Answer, Citation, Passage

# Filing text and questions are data: Markdown and HTML in them must show as text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~$-])")


def as_text(value: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)


def render_passage(passage: Passage) -> str:
    where = " · ".join(p for p in (passage.company, passage.form, passage.filing_date, passage.section) if p)
    page = f", page {passage.page}" if passage.page else ""
    quote = "\n> ".join(as_text(line) for line in " ".join(passage.text.split()).split("\n"))
    return f"**[{passage.rank}] {as_text(where)}**{as_text(page)} — {as_text(passage.section_title)}\n> {quote}"


def render_citation(citation: Citation) -> str:
    where = " · ".join(p for p in (citation.company, citation.form, citation.filing_date, citation.section) if p)
    page = f", page {citation.page}" if citation.page else ""
    return (f"**[{citation.n}] {as_text(where)}**{as_text(page)} — {as_text(citation.section_title)}\n"
            f"> {as_text(' '.join(citation.quote.split()))}")


def render_answer(answer: Answer) -> str:
    """The answer, then its citations; a refusal shows the nearest passages instead."""
    sources = [render_citation(c) for c in answer.citations] or [render_passage(p) for p in answer.passages]
    return "\n\n".join([as_text(answer.text), *sources])


def build_app(assistant: Assistant) -> gr.Blocks:
    def respond(message: str, history: list) -> str:
        return render_answer(assistant.ask(message))

    with gr.Blocks(title="Filings QA") as app:
        gr.Markdown("# Filings QA\nAsk about the indexed SEC filings; every passage shows its filing and section.")
        # Tall, and not scrolled to the end: an answer is read from its first passage down.
        chatbot = gr.Chatbot(height=640, autoscroll=False, label="Answers")
        gr.ChatInterface(respond, chatbot=chatbot, examples=["Who did ImmunoGen appoint as CFO?"], api_name="ask_chat")
    return app
