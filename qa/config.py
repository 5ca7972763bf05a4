"""Settings of the question-answering layer: the index's settings plus the optional LLM."""
from __future__ import annotations

from index.config import Settings


class AssistantSettings(Settings):
    # "openai:MODEL" (with OPENAI_API_KEY, optional OPENAI_BASE_URL) or "ollama:MODEL"; empty: offline answers.
    llm: str = ""
