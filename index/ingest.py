"""Ingest files and folders into the index: read, split by section, chunk, embed, store.

Idempotent and incremental: an unchanged file is skipped, a changed one replaces its old chunks,
and a filing left pending by a crash is completed from the chunks already stored.

Pipelined in three threads so that the model never waits: a reader reads, sections and chunks the next
files while the caller's thread embeds, and a writer stores what was embedded (Chroma, registry, texts)
in the order it was handed over. The model's runtime releases the GIL while it computes.

Processes sharing an index (chat servers on one Chroma server) never store one filing at once: each holds the
filing's lock (index/locks.py) from deciding what to store until the filing is complete, and one that finds the
filing locked waits, then decides again.
"""
from __future__ import annotations

import hashlib
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.chunking import chunk_filing
from index.edgar_folder import is_fetched_document
from index.embedding import Embedder
from index.limits import LimitedReader, ReadLimits
from index.models import COMPLETE, INDEXING_VERSION, PENDING, Chunk, Filing
from index.reader import FilingError, not_a_file
from index.store import FilingIndex

EMBED_BATCH = 256  # chunks embedded (grouped by token length) and stored together; a crash loses at most one batch
READ_AHEAD = 4  # files read and chunked ahead of the model: enough to never starve it, little memory
WRITE_BEHIND = 8  # embedded batches waiting for the writer


@dataclass
class FileOutcome:
    source: str
    status: str  # "ingested", "unchanged", "failed"
    filing_id: str = ""
    sections: int = 0
    chunks: int = 0
    tokens: int = 0
    error: str = ""
    warnings: list[str] = field(default_factory=list)  # of a file ingested nonetheless (cut off, say)


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
    # the outcome of a file just judged, once per file: a failure is told as it happens, not only in the report
    judged: FileOutcome | None = None


ProgressCallback = Callable[[Progress], None]


def filing_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Files named or found under folders (recursively, hidden ones left out, each once; of a filing fetched
    from EDGAR only its manifest), and the paths that are no file to read, each with the reason (missing, a link
    to nowhere or to itself, a pipe or a device)."""
    found: dict[Path, Path] = {}
    unreadable: dict[str, FileOutcome] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for entry in sorted(p for p in path.rglob("*") if not _hidden(p.relative_to(path))):
                if is_fetched_document(entry):
                    continue
                if entry.is_file():
                    found.setdefault(entry.resolve(), entry)
                elif not entry.is_dir():
                    unreadable.setdefault(str(entry), FileOutcome(str(entry), "failed", error=not_a_file(entry)))
        elif path.is_file():
            found.setdefault(path.resolve(), path)
        else:
            unreadable.setdefault(str(path), FileOutcome(str(path), "failed", error=not_a_file(path)))
    return list(found.values()), list(unreadable.values())


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


@dataclass
class _Prepared:
    """A file read and chunked, ready for the model; or only its outcome when there is nothing to embed."""

    outcome: FileOutcome
    filing: Filing | None = None
    replaces: list[str] = field(default_factory=list)  # filing ids whose chunks go first
    chunks: list[Chunk] = field(default_factory=list)  # chunks still to embed (all, unless resuming)
    total_chunks: int = 0
    original: bytes = b""  # the file's content, kept beside the filing's text


@dataclass
class _Run:
    """What the threads of one ingest share."""

    stop: threading.Event = field(default_factory=threading.Event)
    queued: dict[str, str] = field(default_factory=dict)  # filing id -> content hash, of files ahead of the writer
    locked: list[str] = field(default_factory=list)  # filings whose lock this run took and has not released


class _Writer(threading.Thread):
    """Applies index writes in the order given. After a failure it drops the rest; `check` re-raises it."""

    def __init__(self):
        super().__init__(name="ingest-writer", daemon=True)
        self._tasks: queue.Queue = queue.Queue(maxsize=WRITE_BEHIND)
        self.error: BaseException | None = None

    def submit(self, write: Callable[[], None]) -> None:
        self.check()
        self._tasks.put(write)

    def check(self) -> None:
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        """Wait for every write handed over, then re-raise a failure."""
        self._tasks.put(None)
        self.join()
        self.check()

    def run(self) -> None:
        while (write := self._tasks.get()) is not None:
            if self.error is None:
                try:
                    write()
                except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread, even Ctrl-C
                    self.error = error


class Ingestor:
    def __init__(self, index: FilingIndex, load_embedder: Callable[[], Embedder], limits: ReadLimits):
        self.index = index
        # Each file is read within these (index/limits.py): a 200 MB text took 6 GB and hours to embed.
        self.limits = limits
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

        def tell(files_done: int, current: str, newly_embedded: int = 0, judged: FileOutcome | None = None) -> None:
            nonlocal embedded
            embedded += newly_embedded
            if on_progress:
                on_progress(Progress(files_done, len(files), embedded, current, judged))

        for outcome in missing:
            tell(0, outcome.source, judged=outcome)

        prepared: queue.Queue = queue.Queue(maxsize=READ_AHEAD)
        run = _Run()
        files_reader = LimitedReader(self.limits)
        reader = threading.Thread(target=self._read_all, args=(files, files_reader, prepared, run),
                                  name="ingest-reader", daemon=True)
        writer = _Writer()
        reader.start()
        writer.start()
        try:
            for done, path in enumerate(files):
                tell(done, str(path))
                item = prepared.get()
                if isinstance(item, BaseException):
                    raise item
                if item.filing is not None:
                    self._embed_and_store(item, writer, added_by, run, lambda n: tell(done, str(path), n))
                report.outcomes.append(item.outcome)
                tell(done + 1, str(path), judged=item.outcome)
        finally:
            run.stop.set()
            files_reader.close()  # a file still being read fails at once
            try:
                writer.close()
            finally:
                # what a stopped run still holds: filings read ahead, or whose writes were dropped after a failure
                reader.join()
                for filing_id in run.locked:
                    self.index.locks.release(filing_id)
        tell(len(files), "")
        self.index.refresh_lexical()
        report.seconds = time.perf_counter() - started
        report.model_seconds = self.model_seconds
        return report

    def _read_all(self, files: list[Path], files_reader: LimitedReader, prepared: queue.Queue, run: _Run) -> None:
        """The reader thread: each file's _Prepared in order, or the exception that stopped it."""

        def hand_over(item) -> bool:
            while not run.stop.is_set():  # the caller may have stopped taking: never block for good
                try:
                    prepared.put(item, timeout=0.5)
                    return True
                except queue.Full:
                    continue
            return False

        try:
            for path in files:
                item = self._prepare(path, files_reader, run)
                if item is None or not hand_over(item):
                    return
        except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
            hand_over(error)

    def _prepare(self, path: Path, files_reader: LimitedReader, run: _Run) -> _Prepared | None:
        """The file read (within the limits) and chunked, with its filing's lock held when there is something to
        store; None when the run stopped while another process held the filing."""
        source = str(path.resolve())
        try:
            files_reader.check_size(path)
            content = path.read_bytes()  # kept as the filing's original; the reader reads the file itself
            content_hash = hashlib.sha256(content).hexdigest()
        except FilingError as error:
            return _Prepared(FileOutcome(source, "failed", error=str(error)))
        except OSError as error:
            return _Prepared(FileOutcome(source, "failed", error=f"cannot read file: {error.strerror or error}"))
        previous = self.index.registry.by_source(source)
        for filing_id, old_hash, status, indexed_by in previous:
            if old_hash == content_hash and status == COMPLETE and indexed_by == INDEXING_VERSION:
                # a filing indexed before files were kept gets its file now
                self.index.keep_original(filing_id, source, content)
                return _Prepared(FileOutcome(source, "unchanged", filing_id))
        try:
            filing = files_reader.read(path)
        except FilingError as error:
            return _Prepared(FileOutcome(source, "failed", error=str(error)))
        filing.source = source
        # Another process (a second chat server on the same Chroma server) may be writing this filing: wait for
        # it, then look again; it may have stored this very file meanwhile.
        if not self.index.locks.acquire(filing.filing_id, cancelled=run.stop.is_set):
            return None
        run.locked.append(filing.filing_id)
        try:
            # the hash of the bytes read, should the file have changed since
            item = self._plan(filing, filing.content_hash, content, previous, run.queued)
        except BaseException:
            self._unlock(filing.filing_id, run)
            raise
        if item.filing is None:
            self._unlock(filing.filing_id, run)
        return item

    def _plan(self, filing: Filing, content_hash: str, content: bytes, previous: list[tuple[str, str, str, int]],
              queued: dict[str, str]) -> _Prepared:
        """What storing the filing takes: nothing when it is stored already, else the chunks still to embed and
        the filings it replaces; `content`, the file's bytes, is kept as the filing's original."""
        source, filing_id = filing.source, filing.filing_id
        # The registry does not know yet about files ahead in this run: those count as already stored.
        state = (queued[filing_id], COMPLETE, INDEXING_VERSION) if filing_id in queued \
            else self.index.registry.state(filing_id)
        same_filing = state[:2] if state else None
        outdated = state is not None and state[2] != INDEXING_VERSION
        if same_filing == (content_hash, COMPLETE) and not outdated:
            if filing_id not in queued:  # stored from another file or by another process: its file is kept here too
                self.index.keep_original(filing_id, source, content)
            return _Prepared(FileOutcome(source, "unchanged", filing_id))
        # A changed file, or one an earlier version indexed, replaces what it gave before; a pending filing with
        # this content resumes.
        replaces = [old_id for old_id, old_hash, *_ in previous if old_id != filing_id or old_hash != content_hash]
        if same_filing is not None and (same_filing[0] != content_hash or outdated) or (
                same_filing is None and self.index.has_orphan_chunks(filing_id)):
            replaces.append(filing_id)  # its old chunks go first, also those a stopped removal left
        chunks = chunk_filing(filing, self.embedder.count_tokens, self.embedder.token_offsets,
                              self.embedder.max_tokens)
        if not chunks:
            return _Prepared(FileOutcome(source, "failed", error="no text to index"))
        queued[filing_id] = content_hash
        stored = self.index.stored_chunk_ids([c.chunk_id for c in chunks]) \
            if same_filing == (content_hash, PENDING) and not outdated else set()
        outcome = FileOutcome(source, "ingested", filing_id, len(filing.sections), len(chunks),
                              sum(c.n_tokens for c in chunks), warnings=filing.warnings)
        return _Prepared(outcome, filing, list(dict.fromkeys(replaces)),
                         [c for c in chunks if c.chunk_id not in stored], len(chunks), content)

    def _unlock(self, filing_id: str, run: _Run) -> None:
        run.locked.remove(filing_id)
        self.index.locks.release(filing_id)

    def _embed_and_store(self, item: _Prepared, writer: _Writer, added_by: str, run: _Run,
                         on_embedded: Callable[[int], None]) -> None:
        filing, index = item.filing, self.index

        def begin() -> None:
            for filing_id in item.replaces:
                index.remove(filing_id)
            index.begin(filing, added_by, item.original)

        writer.submit(begin)
        for first in range(0, len(item.chunks), EMBED_BATCH):
            batch = item.chunks[first:first + EMBED_BATCH]
            vectors = self.embedder.embed([c.embedding_text for c in batch])
            writer.submit(lambda batch=batch, vectors=vectors: index.add_chunks(batch, vectors))
            on_embedded(len(batch))
        writer.submit(lambda: index.complete(filing.filing_id, item.total_chunks))
        writer.submit(lambda: self._unlock(filing.filing_id, run))
