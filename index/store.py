"""The index: chunks and their vectors in a Chroma collection; beside them, in collections of their own, the
registry of filings, their texts, the activity log and the locks (index/registry.py, index/locks.py).

Chroma is embedded (PersistentClient under `data/chroma`) or a server (`FILINGS_QA_CHROMA_URL`); the same code
serves both, and with a server every process using it shares one index. A filing is visible to search only once
its registry row says "complete", which is written after the last of its chunks is stored; each process brings
its search in step when the shared generation moves.
"""
from __future__ import annotations

import gzip
import shutil
import sqlite3
import threading
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from index.config import Settings
from index.lexical import LexicalIndex
from index.locks import FilingLocks, WriterLock
from index.models import COMPLETE, PENDING, Chunk, Filing, FilingRecord, FilingRef, chunk_id_of, file_stem
from index.registry import FilingTexts, Registry, sections_from_json
from index.shared import SharedRecords, StoreError

COLLECTION = "filings_qa_chunks"
DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
ADD_BATCH = 1000  # well under Chroma's maximum batch size
EARLIER_REGISTRY_FILE = "registry.sqlite3"  # an earlier version's registry, taken in on opening

__all__ = ["FilingIndex", "Problem", "StoreError", "chroma_client", "chunk_from_metadata", "has_index"]


@dataclass(frozen=True)
class Problem:
    """Something `FilingIndex.check` found out of step, and whether it was put right."""

    filing_id: str
    what: str
    repaired: bool
    harmless: bool = False  # nothing is wrong that the next ingest does not put right by itself


def has_index(data: Path, chroma_url: str | None = None) -> bool:
    """Whether there is an index to read: on a Chroma server always (a command that only reads then sees no
    filings until one is added); in an embedded data folder where the first ingest or server that opened it made
    its `chroma` folder, or where an earlier version left its registry (taken in on opening)."""
    return bool(chroma_url) or (data / "chroma").is_dir() or (data / EARLIER_REGISTRY_FILE).is_file()


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


class FilingIndex:
    """Chunks with vectors in a Chroma collection, and the shared records that say which are searchable."""

    def __init__(self, settings: Settings):
        self.settings = settings
        settings.data.mkdir(parents=True, exist_ok=True)
        self.originals = settings.data / "originals"  # each filing's file, as read: `keep_original`
        self.model_name = settings.embedding_model or DEFAULT_MODEL_NAME
        client = chroma_client(settings)
        self.collection = client.get_or_create_collection(
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
        self.registry = Registry(client)
        self.texts = FilingTexts(client)
        self.locks = FilingLocks(SharedRecords(client, "filings_qa_locks"))
        self.writer = WriterLock(settings.data)
        self.lexical = LexicalIndex(settings.data / "bm25")
        # The complete filings as of `generation`, the shared generation this process last brought itself to.
        self.generation: str | None = None
        self._searchable: dict[str, FilingRef] = {}
        self._refreshing = threading.Lock()
        self._take_in_folder_of_earlier_version()

    # --- writing: callers hold the filing's lock (self.locks) from `begin` to `complete` ------------------
    def begin(self, filing: Filing, added_by: str = "", original: bytes | None = None,
              record: FilingRecord | None = None) -> None:
        """Register a filing as pending and keep its text, and its file when given (`original`, the bytes it was
        read from); search ignores it until `complete`. `record`: the registry row to keep (status aside), when
        the filing is copied from another index."""
        pieces = self.texts.pieces(filing.text)
        if original is not None:
            self.keep_original(filing.filing_id, filing.source, original)
        if record is None:
            self.registry.begin(filing, added_by, len(pieces))
        else:
            self.registry.restore(replace(record, chunks=0, status=PENDING), filing.sections, len(pieces))
        self.texts.put(filing.filing_id, pieces)

    def keep_original(self, filing_id: str, source: str, content: bytes) -> None:
        """Keep a filing's file as it was read, named as its source, in this data folder (with a Chroma server,
        each process keeps the originals of the filings it ingested): its pages are shown and the file handed
        to readers from the data folder, whatever becomes of the file it came from."""
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
        """Store chunks of one filing. Straight to the collection: llama-index's ChromaVectorStore would also store
        each node as JSON (the text a second time), which made storing a third slower; nothing reads that JSON."""
        if chunks:
            self._still_holding(chunks[0].filing.filing_id)
        for first in range(0, len(chunks), ADD_BATCH):
            batch = chunks[first:first + ADD_BATCH]
            self.collection.add(ids=[c.chunk_id for c in batch], embeddings=embeddings[first:first + ADD_BATCH],
                                documents=[c.text for c in batch], metadatas=[_chunk_metadata(c) for c in batch])

    def complete(self, filing_id: str, chunks: int) -> None:
        """Make the filing searchable in every process."""
        self._still_holding(filing_id)
        self.registry.complete(filing_id, chunks)

    def _still_holding(self, filing_id: str) -> None:
        """Refuse to write a filing that another process took over (it took this one for dead, a process frozen
        for longer than the lease): it may be writing another version of it."""
        if not self.locks.still_held(filing_id):
            raise StoreError(f"{filing_id} was taken over by {self.locks.holder(filing_id) or 'another process'} "
                             "while this process was writing it")

    def remove(self, filing_id: str) -> bool:
        """Remove a filing: hidden from search everywhere first (its registry row, the generation), then its chunks
        and text, so that a removal stopped at any moment leaves no half-filing visible; False when the registry had
        no such filing. Chunks and text left by such a stop are removed too (`has_orphan_chunks`). Waits while
        another process writes the filing."""
        if not self._stored(filing_id):
            return False
        with self.locks.holding(filing_id):
            listed = self.registry.status(filing_id) is not None
            if listed:
                self.registry.delete(filing_id)
            self.collection.delete(where={"filing_id": filing_id})
            self.texts.delete(filing_id)
            shutil.rmtree(self.originals / file_stem(filing_id), ignore_errors=True)
            return listed

    def check(self, repair: bool = False) -> list[Problem]:
        """Registry, chunks and texts against each other. With `repair`, a filing missing chunks or its text is
        removed (the next ingest of its file adds it again), as is a filing left pending by an ingest that stopped
        (no live process holds its lock), and chunks and texts of unlisted filings are deleted. Filings another
        process is writing now are left alone."""
        problems: list[Problem] = []
        records = self.registry.records()
        texts = self.texts.stored(self.registry.text_pieces(list(records)))
        for filing_id, record in sorted(records.items()):
            if record.status != COMPLETE:
                if self.locks.holder(filing_id) is None:
                    if repair:
                        self.remove(filing_id)
                    problems.append(Problem(filing_id, "pending, its ingest stopped: " + (
                        "cleared, ingest its file again" if repair else
                        "the next ingest of its file completes it, `check --repair` clears it"), repair, True))
                continue
            stored = len(self.stored_chunk_ids([chunk_id_of(filing_id, n) for n in range(record.chunks)]))
            missing = [what for what, lost in ((f"{record.chunks - stored} of its {record.chunks} chunks",
                                                stored < record.chunks), ("its text", filing_id not in texts)) if lost]
            if missing:
                if repair:
                    self.remove(filing_id)
                problems.append(Problem(filing_id, f"complete, but {' and '.join(missing)} missing"
                                        + ("; removed, ingest its file again" if repair else ""), repair))
        with_chunks = {meta["filing_id"] for meta in self.collection.get(include=["metadatas"])["metadatas"]}
        with_text = self.texts.filing_ids()
        for filing_id in sorted((with_chunks | with_text) - set(records)):
            if self.locks.holder(filing_id) is not None:
                continue  # being ingested: its registry row was written after the registry was read above
            if repair:
                self.remove(filing_id)
            stored = " and ".join(what for what, found in (("chunks", filing_id in with_chunks),
                                                           ("text", filing_id in with_text)) if found)
            problems.append(Problem(filing_id, f"{stored} of a filing the registry does not list"
                                    + ("; deleted" if repair else ""), repair))
        if repair:
            self.refresh_lexical()
        return problems

    def _stored(self, filing_id: str) -> bool:
        """Whether anything of the filing is stored: its registry row, chunks or text."""
        return (self.registry.status(filing_id) is not None or self.has_orphan_chunks(filing_id)
                or filing_id in self.texts.filing_ids())

    def has_orphan_chunks(self, filing_id: str) -> bool:
        """Whether chunks of a filing the registry does not list are stored: a removal was stopped half way."""
        return self.registry.status(filing_id) is None and bool(self.stored_chunk_ids([chunk_id_of(filing_id, 0)]))

    def refresh_lexical(self) -> LexicalIndex:
        """Bring search in step with the filings searchable now, in every process: one small read of the shared
        generation, and when it moved, the complete filings and the BM25 index again (from saved counts, counting
        only filings new to this process). Search between two refreshes uses the state of the last one."""
        generation = self.registry.generation()
        with self._refreshing:
            if generation != self.generation:
                complete = self.registry.records(status=COMPLETE)
                self._searchable = {filing_id: record.filing for filing_id, record in complete.items()}
                self.lexical.refresh(
                    generation, {filing_id: record.content_hash for filing_id, record in complete.items()},
                    lambda filing_ids: self._lexical_chunks({f: complete[f].chunks for f in filing_ids}))
                self.generation = generation
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
        return self.registry.listed()

    def chunk_count(self) -> int:
        return self.collection.count()

    def filing_text(self, filing_id: str) -> str:
        pieces = self.registry.text_pieces([filing_id]).get(filing_id, 0)
        return self.texts.get(filing_id, pieces)

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
        """The chunks with these ids that belong to filings complete at the last refresh, in the order given
        (others left out)."""
        if not chunk_ids:
            return []
        found = self.collection.get(ids=chunk_ids, include=["documents", "metadatas"])
        refs = self._searchable
        by_id = {i: chunk_from_metadata(i, text, meta, refs[meta["filing_id"]])
                 for i, text, meta in zip(found["ids"], found["documents"], found["metadatas"])
                 if meta["filing_id"] in refs}
        return [by_id[i] for i in chunk_ids if i in by_id]

    def original(self, filing_id: str) -> Path | None:
        """The file a filing was read from, as kept in the data folder; None when it is not kept (a filing
        indexed before files were kept, or by another process sharing the Chroma server, until its file is
        ingested again here)."""
        folder = self.originals / file_stem(filing_id)
        return next((p for p in folder.iterdir() if not p.name.startswith(".")), None) if folder.is_dir() else None

    # --- a data folder of an earlier version ---------------------------------------------------------------
    def _take_in_folder_of_earlier_version(self) -> None:
        """Earlier versions kept the registry and activity log in `registry.sqlite3` and the texts as gzip files
        in `texts/`, in each data folder. They go into the shared records once (filings already there are
        kept as they are), then the files are deleted; the registry file last, so that an upgrade stopped half
        way is done again."""
        registry_file, texts = self.settings.data / EARLIER_REGISTRY_FILE, self.settings.data / "texts"
        if registry_file.is_file():
            if not self.settings.chroma_url:
                self.writer.claim("filings-qa upgrading the data folder")
            connection = sqlite3.connect(registry_file)
            try:
                self._take_in(connection, texts)
            finally:
                connection.close()
            for suffix in ("", "-wal", "-shm"):
                registry_file.with_name(registry_file.name + suffix).unlink(missing_ok=True)
        shutil.rmtree(texts, ignore_errors=True)

    def _take_in(self, connection: sqlite3.Connection, texts: Path) -> None:
        ref_columns = [field.name for field in fields(FilingRef)]
        rows = connection.execute(f"SELECT {', '.join(ref_columns)}, content_hash, sections, chunks, status, "
                                  "ingested_at, added_by FROM filings").fetchall()
        known = self.registry.records()
        for row in rows:
            ref = FilingRef(*row[:len(ref_columns)])
            content_hash, sections, chunks, status, ingested_at, added_by = row[len(ref_columns):]
            text_file = texts / f"{file_stem(ref.filing_id)}.txt.gz"
            if ref.filing_id in known or not text_file.is_file():
                continue  # a filing without its text is left out: its chunks are cleared by `check --repair`
            with gzip.open(text_file, "rt", encoding="utf-8") as handle:
                pieces = self.texts.pieces(handle.read())
            self.texts.put(ref.filing_id, pieces)
            section_list = sections_from_json(sections)
            self.registry.restore(FilingRecord(ref, content_hash, len(section_list), chunks, status, ingested_at,
                                               added_by or ""), section_list, len(pieces))
        self.registry.add_activity({
            f"{at[:19]}.000000-{rowid:06d}": {"at": at, "user": user or "", "action": action, "filing_id": filing_id,
                                     "detail": detail or ""}
            for rowid, at, user, action, filing_id, detail in connection.execute(
                "SELECT rowid, at, user, action, filing_id, detail FROM activity")})
        self.registry.move_generation()


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
