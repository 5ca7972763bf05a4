"""Ingest files and folders into the index: read, split by section, chunk, embed, store.

Idempotent and incremental: an unchanged file is skipped, a changed one replaces its old chunks,
and a filing left pending by a crash is completed from the chunks already stored.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.chunking import chunk_filing
from index.embedding import Embedder
from index.models import Chunk
from index.reader import FilingError, read_filing
from index.store import COMPLETE, FilingIndex

EMBED_BATCH = 64  # chunks embedded and stored together; a crash loses at most one batch


@dataclass
class FileOutcome:
    source: str
    status: str  # "ingested", "unchanged", "failed"
    filing_id: str = ""
    sections: int = 0
    chunks: int = 0
    tokens: int = 0
    error: str = ""


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    seconds: float = 0.0
    model_seconds: float = 0.0  # part of `seconds` spent loading the embedding model

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failures(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def chunks(self) -> int:
        return sum(o.chunks for o in self.outcomes if o.status == "ingested")

    @property
    def sections(self) -> int:
        return sum(o.sections for o in self.outcomes if o.status == "ingested")

    @property
    def tokens(self) -> int:
        return sum(o.tokens for o in self.outcomes if o.status == "ingested")


@dataclass(frozen=True)
class Progress:
    files_done: int
    files_total: int
    chunks_embedded: int
    current: str


ProgressCallback = Callable[[Progress], None]


def filing_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Files named or found under folders (recursively, hidden ones left out), and paths that don't exist."""
    found: list[Path] = []
    missing: list[FileOutcome] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path))))
        elif path.is_file():
            found.append(path)
        else:
            missing.append(FileOutcome(str(path), "failed", error="no such file or folder"))
    return found, missing


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


class Ingestor:
    def __init__(self, index: FilingIndex, load_embedder: Callable[[], Embedder]):
        self.index = index
        # Loaded on the first file that needs embedding: re-ingesting unchanged files needs no model.
        self._load_embedder = load_embedder

        self.model_seconds = 0.0

    @property
    def embedder(self) -> Embedder:
        started = time.perf_counter()
        embedder = self._load_embedder()
        self.model_seconds += time.perf_counter() - started
        return embedder

    def ingest(self, paths: Iterable[str | Path], on_progress: ProgressCallback | None = None,
               added_by: str = "") -> IngestReport:
        started = time.perf_counter()
        files, missing = filing_paths(paths)
        report = IngestReport(outcomes=list(missing))
        embedded = 0

        def tell(files_done: int, current: str, newly_embedded: int = 0) -> None:
            nonlocal embedded
            embedded += newly_embedded
            if on_progress:
                on_progress(Progress(files_done, len(files), embedded, current))

        for done, path in enumerate(files):
            tell(done, str(path))
            report.outcomes.append(self._ingest_file(path, added_by, lambda n: tell(done, str(path), n)))
        tell(len(files), "")
        self.index.refresh_lexical()
        report.seconds = time.perf_counter() - started
        report.model_seconds = self.model_seconds
        return report

    def _ingest_file(self, path: Path, added_by: str, on_embedded: Callable[[int], None]) -> FileOutcome:
        source = str(path.resolve())
        try:
            content = path.read_bytes()
        except OSError as error:
            return FileOutcome(source, "failed", error=f"cannot read file: {error.strerror or error}")
        content_hash = hashlib.sha256(content).hexdigest()
        previous = self.index.registry.by_source(source)
        for filing_id, old_hash, status in previous:
            if old_hash == content_hash and status == COMPLETE:
                return FileOutcome(source, "unchanged", filing_id)
        try:
            filing = read_filing(path, content)
        except FilingError as error:
            return FileOutcome(source, "failed", error=str(error))
        filing.source = source
        same_filing = self.index.registry.status(filing.filing_id)
        if same_filing == (content_hash, COMPLETE):
            return FileOutcome(source, "unchanged", filing.filing_id)
        # A changed file replaces what it gave before; a pending filing with this content resumes.
        for filing_id, old_hash, _ in previous:
            if filing_id != filing.filing_id or old_hash != content_hash:
                self.index.remove(filing_id)
        if same_filing is not None and same_filing[0] != content_hash:
            self.index.remove(filing.filing_id)

        chunks = chunk_filing(filing, self.embedder.count_tokens, self.embedder.token_offsets,
                              self.embedder.max_tokens)
        if not chunks:
            return FileOutcome(source, "failed", error="no text to index")
        self.index.begin(filing, added_by)
        stored = self.index.stored_chunk_ids([c.chunk_id for c in chunks])
        self._embed_and_store([c for c in chunks if c.chunk_id not in stored], on_embedded)
        self.index.complete(filing.filing_id, len(chunks))
        return FileOutcome(source, "ingested", filing.filing_id, len(filing.sections), len(chunks),
                           sum(c.n_tokens for c in chunks))

    def _embed_and_store(self, chunks: list[Chunk], on_embedded: Callable[[int], None]) -> None:
        for first in range(0, len(chunks), EMBED_BATCH):
            batch = chunks[first:first + EMBED_BATCH]
            self.index.add_chunks(batch, self.embedder.embed([c.embedding_text for c in batch]))
            on_embedded(len(batch))
