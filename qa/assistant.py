"""The API that the CLI and the web chat share: ask questions, add and remove filings."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path

from index.config import Settings
from index.embedding import Embedder
from index.ingest import IngestReport, Ingestor, ProgressCallback
from index.store import FilingIndex, FilingRecord
from qa.models import Answer, Passage

DEFAULT_K = 5


class Assistant:
    """One index and one embedding model (loaded on first need), shared by every caller."""

    def __init__(self, settings: Settings, index: FilingIndex):
        self.settings = settings
        self.index = index
        self._embedder: Embedder | None = None
        self._embedder_lock = threading.Lock()

    @classmethod
    def open(cls, settings: Settings | None = None, **overrides) -> "Assistant":
        settings = (settings or Settings()).with_overrides(**overrides)
        return cls(settings, FilingIndex(settings))

    @property
    def embedder(self) -> Embedder:
        with self._embedder_lock:
            if self._embedder is None:
                self._embedder = Embedder(self.settings.embedding_model, self.settings.embedding_batch_size)
            return self._embedder

    # --- filings -------------------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], on_progress: ProgressCallback | None = None,
               added_by: str = "") -> IngestReport:
        return Ingestor(self.index, lambda: self.embedder).ingest(paths, on_progress, added_by)

    def filings(self) -> list[FilingRecord]:
        return self.index.filings()

    def remove(self, filing_id: str) -> bool:
        return self.index.remove(filing_id)

    # --- questions -----------------------------------------------------------------------------
    def search(self, question: str, k: int = DEFAULT_K) -> list[Passage]:
        vector = self.embedder.embed([question])[0]
        return [
            Passage(rank, c.chunk_id, c.filing_id, c.company, c.form, c.filing_date, c.section, c.section_title,
                    c.source, c.text, c.char_start, c.char_end, c.page, round(score, 4))
            for rank, (c, score) in enumerate(self.index.search(vector, k), 1)
        ]

    def ask(self, question: str, k: int = DEFAULT_K) -> Answer:
        started = time.perf_counter()
        question = question.strip()
        passages = self.search(question, k) if question else []
        if not question:
            text = "Ask a question about the indexed filings."
        elif not passages:
            text = "The index holds no filings yet: ingest some with `filings-qa ingest PATH`."
        else:
            text = f"The {len(passages)} passages of the indexed filings nearest to the question:"
        return Answer(question, text, passages, round((time.perf_counter() - started) * 1000, 1))
