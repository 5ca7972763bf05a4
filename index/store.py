"""The index: chunks and their vectors in Chroma, a registry of filings and their texts in the data folder.

Chroma is embedded (PersistentClient under `data/chroma`) or a server (`FILINGS_QA_CHROMA_URL`);
the same code serves both. A filing is visible to search only once its registry row says
"complete", which is written after the last of its chunks is stored.
"""
from __future__ import annotations

import fcntl
import gzip
import json
import os
import shutil
import sqlite3
import threading
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from index.config import Settings
from index.lexical import LexicalIndex
from index.models import (COMPLETE, PENDING, Activity, Chunk, Filing, FilingRecord, FilingRef, Section, chunk_id_of,
                          file_stem)

COLLECTION = "filings_qa_chunks"
REGISTRY_FILE = "registry.sqlite3"  # in the data folder: an index exists where it does
DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
ADD_BATCH = 1000  # well under Chroma's maximum batch size


class StoreError(Exception):
    pass


@dataclass(frozen=True)
class Problem:
    """Something `FilingIndex.check` found out of step, and whether it was put right."""

    filing_id: str
    what: str
    repaired: bool
    harmless: bool = False  # nothing is wrong that the next ingest does not put right by itself


class WriterLock:
    """The one process that may write to an embedded data folder: embedded Chroma does not support two writing
    processes (a `filings-qa ingest` into a folder a running server uses broke the server's queries until it was
    restarted). Held with an OS file lock for as long as the holder lives, so a killed holder frees it at once;
    the file says who holds it."""

    FILE = "writer.lock"

    def __init__(self, data: Path):
        self.path = data / self.FILE
        self._handle = None

    def claim(self, holder: str) -> None:
        """Hold the folder for writing, as `holder` ("filings-qa serve on port 7860"); raises StoreError naming
        the process that holds it."""
        if self._handle is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip() or "another process"
            handle.close()
            raise StoreError(f"the data folder {self.path.parent} is being written by {owner}: add filings "
                             "through that server's Documents tab, or let every process share a Chroma server "
                             "(FILINGS_QA_CHROMA_URL)") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{holder} (pid {os.getpid()})\n")
        handle.flush()
        self._handle = handle


def has_index(data: Path) -> bool:
    """Whether the data folder holds an index (made by the first ingest or server that opened it)."""
    return (data / REGISTRY_FILE).is_file()


def chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise StoreError(f"FILINGS_QA_CHROMA_URL must look like http://host:port, not {settings.chroma_url!r}")
        try:
            return chromadb.HttpClient(host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
                                       ssl=url.scheme == "https", settings=chroma_settings)
        except Exception as error:  # chromadb raises plain ValueError/ConnectionError variants
            raise StoreError(f"cannot reach the Chroma server at {settings.chroma_url}: {error}") from error
    return chromadb.PersistentClient(path=str(settings.data / "chroma"), settings=chroma_settings)


# The registry's columns that hold a filing's FilingRef, by the ref's own field names.
REF_COLUMNS = ", ".join(field.name for field in fields(FilingRef))


class Registry:
    """Which filings the index holds, from which files, and whether they are complete (SQLite)."""

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS filings (
        filing_id TEXT PRIMARY KEY, source TEXT, content_hash TEXT, company TEXT, cik TEXT, form TEXT,
        filing_date TEXT, period TEXT, accession TEXT, sections TEXT, chunks INTEGER, status TEXT,
        ingested_at TEXT, added_by TEXT);
    CREATE INDEX IF NOT EXISTS filings_by_source ON filings(source);
    CREATE TABLE IF NOT EXISTS generation (value INTEGER NOT NULL);
    INSERT INTO generation SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM generation);
    CREATE TABLE IF NOT EXISTS activity (at TEXT, user TEXT, action TEXT, filing_id TEXT, detail TEXT);
    """

    def __init__(self, path: Path):
        self._connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.executescript(self.SCHEMA)
        self._lock = threading.Lock()

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchall()

    def by_source(self, source: str) -> list[tuple[str, str, str]]:
        """(filing_id, content_hash, status) of the filings read from `source`."""
        return [tuple(r) for r in self._query(
            "SELECT filing_id, content_hash, status FROM filings WHERE source = ?", (source,))]

    def status(self, filing_id: str) -> tuple[str, str] | None:
        rows = self._query("SELECT content_hash, status FROM filings WHERE filing_id = ?", (filing_id,))
        return tuple(rows[0]) if rows else None

    def begin(self, filing: Filing, added_by: str = "") -> None:
        ref = filing.ref
        sections = json.dumps([s.__dict__ | {"pages": list(s.pages)} for s in filing.sections])
        row = {field.name: getattr(ref, field.name) for field in fields(FilingRef)} | {
            "content_hash": filing.content_hash, "sections": sections, "chunks": 0, "status": PENDING,
            "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "added_by": added_by}
        self._query(f"INSERT OR REPLACE INTO filings ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                    tuple(row.values()))

    def complete(self, filing_id: str, chunks: int) -> None:
        self._query("UPDATE filings SET status = ?, chunks = ? WHERE filing_id = ?", (COMPLETE, chunks, filing_id))
        self._query("UPDATE generation SET value = value + 1")

    def delete(self, filing_id: str) -> None:
        self._query("DELETE FROM filings WHERE filing_id = ?", (filing_id,))
        self._query("UPDATE generation SET value = value + 1")

    def generation(self) -> int:
        """A number that moves whenever the set of searchable filings changes."""
        return self._query("SELECT value FROM generation")[0][0]

    def refs(self, filing_ids: list[str]) -> dict[str, FilingRef]:
        """The complete filings among these, by id."""
        rows = self._query(f"SELECT {REF_COLUMNS} FROM filings WHERE status = ? AND filing_id IN "
                           f"({', '.join('?' * len(filing_ids))})", (COMPLETE, *filing_ids))
        return {ref.filing_id: ref for ref in (FilingRef(*row) for row in rows)}

    def records(self) -> list[FilingRecord]:
        rows = self._query(f"SELECT {REF_COLUMNS}, content_hash, sections, chunks, status, ingested_at, added_by "
                           "FROM filings ORDER BY company, filing_date")
        width = len(fields(FilingRef))
        return [FilingRecord(FilingRef(*row[:width]), row[width], len(json.loads(row[width + 1] or "[]")),
                             *row[width + 2:]) for row in rows]

    def complete_ids(self) -> set[str]:
        return set(self.complete_filings())

    def complete_filings(self) -> dict[str, tuple[str, int]]:
        """{filing id: (content hash, chunks)} of the complete filings."""
        return {r[0]: (r[1], r[2]) for r in self._query(
            "SELECT filing_id, content_hash, chunks FROM filings WHERE status = ?", (COMPLETE,))}

    def sections(self, filing_id: str) -> list[Section]:
        """The sections of a filing in document order; empty for a filing not in the registry."""
        rows = self._query("SELECT sections FROM filings WHERE filing_id = ?", (filing_id,))
        stored = json.loads(rows[0][0] or "[]") if rows else []
        return [Section(**(s | {"pages": tuple(s["pages"])})) for s in stored]

    def log(self, user: str, action: str, filing_id: str, detail: str) -> None:
        self._query("INSERT INTO activity VALUES (?,?,?,?,?)",
                    (datetime.now(timezone.utc).isoformat(timespec="seconds"), user, action, filing_id, detail))

    def activity(self, limit: int) -> list[Activity]:
        """The latest changes, newest first."""
        return [Activity(*row) for row in self._query(
            "SELECT at, user, action, filing_id, detail FROM activity ORDER BY rowid DESC LIMIT ?", (limit,))]


class FilingIndex:
    """Chunks with vectors in a Chroma collection."""

    def __init__(self, settings: Settings):
        self.settings = settings
        settings.data.mkdir(parents=True, exist_ok=True)
        self._texts = settings.data / "texts"
        self._texts.mkdir(exist_ok=True)
        self.originals = settings.data / "originals"  # each filing's file, as read: `keep_original`
        self.model_name = settings.embedding_model or DEFAULT_MODEL_NAME
        self.collection = chroma_client(settings).get_or_create_collection(
            COLLECTION,
            embedding_function=None,  # vectors are computed here; Chroma's default would download a model
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedding_model": self.model_name},
        )
        # The model, not the backend: int8 and fp32 vectors of one model share a space (index/embedding.py),
        # so an index may hold both and be searched with either.
        indexed_with = (self.collection.metadata or {}).get("embedding_model", self.model_name)
        if indexed_with != self.model_name:
            raise StoreError(
                f"this index was built with the embedding model {indexed_with!r}, not {self.model_name!r}: "
                "use the same model or another data folder")
        self.registry = Registry(settings.data / REGISTRY_FILE)
        self.writer = WriterLock(settings.data)
        self.lexical = LexicalIndex(settings.data / "bm25")

    # --- writing -------------------------------------------------------------------------------
    def begin(self, filing: Filing, added_by: str = "", original: bytes | None = None) -> None:
        """Register a filing as pending and keep its text, and its file when given (`original`, the bytes it was
        read from); search ignores it until `complete`."""
        with gzip.open(self._text_path(filing.filing_id), "wt", encoding="utf-8") as handle:
            handle.write(filing.text)
        if original is not None:
            self.keep_original(filing.filing_id, filing.source, original)
        self.registry.begin(filing, added_by)

    def keep_original(self, filing_id: str, source: str, content: bytes) -> None:
        """Keep a filing's file as it was read, named as its source: its pages are shown and the file handed to
        readers from the data folder, whatever becomes of the file it came from."""
        folder = self.originals / file_stem(filing_id)
        target = folder / file_stem(Path(source).name)
        if target.is_file():
            return
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        partial = folder / ".partial"  # renamed when whole: a stop half way leaves no truncated original
        partial.write_bytes(content)
        partial.replace(target)

    def stored_chunk_ids(self, chunk_ids: list[str]) -> set[str]:
        stored: set[str] = set()
        for first in range(0, len(chunk_ids), ADD_BATCH):
            stored.update(self.collection.get(ids=chunk_ids[first:first + ADD_BATCH], include=[])["ids"])
        return stored

    def add_chunks(self, chunks: list[Chunk], embeddings: np.ndarray) -> None:
        # Straight to the collection: llama-index's ChromaVectorStore would also store each node as JSON
        # (the text a second time), which made storing a third slower; nothing here reads that JSON.
        for first in range(0, len(chunks), ADD_BATCH):
            batch = chunks[first:first + ADD_BATCH]
            self.collection.add(ids=[c.chunk_id for c in batch], embeddings=embeddings[first:first + ADD_BATCH],
                                documents=[c.text for c in batch], metadatas=[_chunk_metadata(c) for c in batch])

    def complete(self, filing_id: str, chunks: int) -> None:
        self.registry.complete(filing_id, chunks)

    def remove(self, filing_id: str) -> bool:
        """Remove a filing: hidden from search first (its registry row), then its chunks and text, so that a
        removal stopped at any moment leaves no half-filing visible; False when the registry had no such filing.
        Chunks left by such a stop are removed too (`has_orphan_chunks`)."""
        listed = self.registry.status(filing_id) is not None
        if not listed and not self.has_orphan_chunks(filing_id):
            return False
        self.registry.delete(filing_id)
        self.collection.delete(where={"filing_id": filing_id})
        self._text_path(filing_id).unlink(missing_ok=True)
        shutil.rmtree(self.originals / file_stem(filing_id), ignore_errors=True)
        return listed

    def check(self, repair: bool = False) -> list[Problem]:
        """Registry, chunks and texts against each other. With `repair`, a filing missing chunks or its text is
        removed (the next ingest of its file adds it again) and chunks of unlisted filings are deleted; a filing
        left pending by a stopped ingest is only reported: the next ingest of its file completes it."""
        problems: list[Problem] = []
        records = self.registry.records()
        for record in records:
            filing_id = record.filing.filing_id
            if record.status != COMPLETE:
                problems.append(Problem(filing_id, "pending: the next ingest of its file completes it", False, True))
                continue
            stored = len(self.stored_chunk_ids([chunk_id_of(filing_id, n) for n in range(record.chunks)]))
            missing = [what for what, lost in ((f"{record.chunks - stored} of its {record.chunks} chunks",
                                                stored < record.chunks),
                                               ("its text", not self._text_path(filing_id).is_file())) if lost]
            if missing:
                if repair:
                    self.remove(filing_id)
                problems.append(Problem(filing_id, f"complete, but {' and '.join(missing)} missing"
                                        + ("; removed, ingest its file again" if repair else ""), repair))
        listed = {record.filing.filing_id for record in records}
        stored_filings = {meta["filing_id"] for meta in self.collection.get(include=["metadatas"])["metadatas"]}
        for filing_id in sorted(stored_filings - listed):
            if repair:
                self.remove(filing_id)
            problems.append(Problem(filing_id, "chunks of a filing the registry does not list"
                                    + ("; deleted" if repair else ""), repair))
        if repair:
            self.refresh_lexical()
        return problems

    def has_orphan_chunks(self, filing_id: str) -> bool:
        """Whether chunks of a filing the registry does not list are stored: a removal was stopped half way."""
        return self.registry.status(filing_id) is None and bool(self.stored_chunk_ids([chunk_id_of(filing_id, 0)]))

    def refresh_lexical(self) -> LexicalIndex:
        """The BM25 index, brought in step with the filings now searchable."""
        generation = self.registry.generation()
        complete = self.registry.complete_filings()
        self.lexical.refresh(generation, {filing_id: content_hash for filing_id, (content_hash, _) in complete.items()},
                             lambda filing_ids: self._lexical_chunks({f: complete[f][1] for f in filing_ids}))
        return self.lexical

    def _lexical_chunks(self, chunk_counts: dict[str, int]) -> dict[str, tuple[list[str], list[str], list[dict]]]:
        """{filing id: (chunk ids, texts to index, metadata)}, read by id: Chroma answers a metadata filter
        on a large collection far slower."""
        wanted = [chunk_id_of(filing_id, n) for filing_id, count in chunk_counts.items() for n in range(count)]
        found: dict[str, tuple[list[str], list[str], list[dict]]] = {}
        for first in range(0, len(wanted), ADD_BATCH * 5):
            page = self.collection.get(ids=wanted[first:first + ADD_BATCH * 5], include=["documents", "metadatas"])
            for chunk_id, text, meta in zip(page["ids"], page["documents"], page["metadatas"]):
                ids, texts, metas = found.setdefault(meta["filing_id"], ([], [], []))
                ids.append(chunk_id)
                # the context header, section title and table header make company, form, section names and a
                # table's columns searchable
                texts.append(f"{meta.get('header', '')} {meta.get('section_title', '')}\n"
                             f"{meta.get('table_header', '')}\n{text}")
                metas.append(meta)
        return found

    # --- reading -------------------------------------------------------------------------------
    def filings(self) -> list[FilingRecord]:
        return self.registry.records()

    def chunk_count(self) -> int:
        return self.collection.count()

    def filing_text(self, filing_id: str) -> str:
        with gzip.open(self._text_path(filing_id), "rt", encoding="utf-8") as handle:
            return handle.read()

    def nearest(self, query_vector: np.ndarray, n: int, among: list[str] | None = None) -> list[tuple[str, float]]:
        """Ids of the n chunks nearest the vector (only those `among` when given), best first, with cosine
        similarity. Ids of chunks whose filing is not complete may be among them: callers keep the searchable."""
        if among is not None and not among:
            return []
        result = self.collection.query(query_embeddings=[np.asarray(query_vector, dtype=np.float32).tolist()],
                                       n_results=min(n, len(among)) if among else n, ids=among,
                                       include=["distances"])
        return [(chunk_id, 1.0 - float(distance)) for chunk_id, distance in zip(result["ids"][0], result["distances"][0])]

    def vectors(self, chunk_ids: list[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these chunks."""
        if not chunk_ids:
            return {}
        found = self.collection.get(ids=chunk_ids, include=["embeddings"])
        return {chunk_id: np.asarray(vector, dtype=np.float32) for chunk_id, vector in zip(found["ids"], found["embeddings"])}

    def chunks(self, chunk_ids: list[str]) -> list[Chunk]:
        """The chunks with these ids that belong to complete filings, in the order given (others left out)."""
        if not chunk_ids:
            return []
        found = self.collection.get(ids=chunk_ids, include=["documents", "metadatas"])
        refs = self.registry.refs(list({meta["filing_id"] for meta in found["metadatas"]}))
        by_id = {i: chunk_from_metadata(i, text, meta, refs[meta["filing_id"]])
                 for i, text, meta in zip(found["ids"], found["documents"], found["metadatas"])
                 if meta["filing_id"] in refs}
        return [by_id[i] for i in chunk_ids if i in by_id]

    def original(self, filing_id: str) -> Path | None:
        """The file a filing was read from, as kept in the data folder; None when it is not kept (a filing
        indexed before files were kept, until its file is ingested again)."""
        folder = self.originals / file_stem(filing_id)
        return next((p for p in folder.iterdir() if not p.name.startswith(".")), None) if folder.is_dir() else None

    def _text_path(self, filing_id: str) -> Path:
        return self._texts / f"{file_stem(filing_id)}.txt.gz"


def _chunk_metadata(chunk: Chunk) -> dict:
    """What Chroma keeps beside a chunk's text: its filing's fields, which the chunk table filters on, and
    where the chunk lies."""
    meta = chunk.filing.to_json() | {
        "section": chunk.section, "section_title": chunk.section_title, "char_start": chunk.char_start,
        "char_end": chunk.char_end, "header": chunk.header, "n_tokens": chunk.n_tokens,
        "table_header": chunk.table_header, "table_header_start": chunk.table_header_start,
        # the date as a number, which the chunk table's date filters compare
        "filing_date_num": int(chunk.filing.filing_date.replace("-", "") or 0),
    }
    if chunk.page is not None:
        meta["page"] = chunk.page
    return meta


def chunk_from_metadata(chunk_id: str, text: str, meta: dict, filing: FilingRef) -> Chunk:
    """A stored chunk; its filing's reference comes from the registry, which holds all of it."""
    return Chunk(chunk_id, filing, text, meta.get("section", ""), meta.get("section_title", ""),
                 int(meta.get("char_start", 0)), int(meta.get("char_end", 0)), meta.get("page"),
                 int(meta.get("n_tokens", 0)), meta.get("table_header", ""), int(meta.get("table_header_start", -1)))
