"""Copy an index into another (an embedded data folder into a Chroma server): every complete filing with its
registry row, text and chunks with their stored vectors, and the activity log. Nothing is embedded again.

Each filing is written as an ingest writes it (its lock held, pending until its last chunk is stored), so the
processes already using the target see it only when it is complete; a copy stopped half way is resumed by
running it again.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields

import numpy as np

from index.models import COMPLETE, PENDING, Filing, FilingMetadata, FilingRecord, chunk_id_of
from index.store import ADD_BATCH, FilingIndex, StoreError, chunk_from_metadata


@dataclass
class CopyReport:
    copied: list[str] = field(default_factory=list)  # filing ids
    chunks: int = 0
    already: list[str] = field(default_factory=list)  # the target holds the same version
    differing: list[str] = field(default_factory=list)  # the target holds another version: left as it is
    seconds: float = 0.0


def copy_index(source: FilingIndex, target: FilingIndex,
               on_filing: Callable[[int, int, str], None] | None = None) -> CopyReport:
    """Copy `source`'s complete filings that `target` lacks; `on_filing(done, total, filing_id)` after each."""
    started = time.perf_counter()
    report = CopyReport()
    records = sorted(source.registry.records(status=COMPLETE).values(), key=lambda r: r.filing.filing_id)
    for done, record in enumerate(records, 1):
        filing_id = record.filing.filing_id
        with target.locks.holding(filing_id):
            there = target.registry.status(filing_id)
            if there == (record.content_hash, COMPLETE):
                report.already.append(filing_id)
            elif there is not None and there[0] != record.content_hash:
                report.differing.append(filing_id)
            else:
                report.chunks += _copy_filing(source, target, record, resume=there == (record.content_hash, PENDING))
                report.copied.append(filing_id)
        if on_filing:
            on_filing(done, len(records), filing_id)
    target.registry.add_activity(source.registry.activity_records())
    report.seconds = time.perf_counter() - started
    return report


def _copy_filing(source: FilingIndex, target: FilingIndex, record: FilingRecord, resume: bool) -> int:
    """Write one filing into the target, pending until its last chunk is stored; the chunks it copied."""
    ref = record.filing
    metadata = FilingMetadata(**{name.name: getattr(ref, name.name) for name in fields(FilingMetadata)})
    filing = Filing(ref.source, source.filing_text(ref.filing_id), metadata, source.registry.sections(ref.filing_id),
                    record.content_hash)
    target.begin(filing, record=record)
    chunk_ids = [chunk_id_of(ref.filing_id, n) for n in range(record.chunks)]
    if resume:
        stored = target.stored_chunk_ids(chunk_ids)
        chunk_ids = [chunk_id for chunk_id in chunk_ids if chunk_id not in stored]
    for first in range(0, len(chunk_ids), ADD_BATCH):
        wanted = chunk_ids[first:first + ADD_BATCH]
        found = source.collection.get(ids=wanted, include=["documents", "metadatas", "embeddings"])
        if len(found["ids"]) < len(wanted):
            raise StoreError(f"{ref.filing_id} lacks {len(wanted) - len(found['ids'])} of its chunks in the index "
                             "copied from: run `filings-qa check --repair` on it first")
        chunks = [chunk_from_metadata(chunk_id, text, meta, ref)
                  for chunk_id, text, meta in zip(found["ids"], found["documents"], found["metadatas"])]
        target.add_chunks(chunks, np.asarray(found["embeddings"], dtype=np.float32))
    target.complete(ref.filing_id, record.chunks)
    return len(chunk_ids)
