"""One index shared by several processes through a Chroma server (`chroma run` on loopback): what one writes, the
others see at their next question; filing locks; `check --repair`, `migrate`, and data folders of the earlier
version. Here the "processes" are Assistants in this process, each with its own data folder; tests/test_replicas.py
does the same with `filings-qa serve` processes."""
from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import threading
import time

import numpy as np
import pytest

import index.locks
from conftest import CFO, FIXTURES, SAMPLE
from index.locks import FilingLocks
from index.models import chunk_id_of
from index.shared import SharedRecords
from index.store import FilingIndex, chroma_client
from qa.assistant import Assistant
from qa.config import AssistantSettings

pytestmark = pytest.mark.server


def replica(tmp_path, name: str, chroma_url: str, embedder) -> Assistant:
    opened = Assistant.open(AssistantSettings(data=tmp_path / name, chroma_url=chroma_url), create=True)
    opened._embedder = embedder
    return opened


def test_what_one_process_adds_or_removes_the_other_sees_at_its_next_question(chroma_server, tmp_path, embedder):
    first, second = (replica(tmp_path, name, chroma_server, embedder) for name in ("one", "two"))
    assert second.ask(CFO).refused  # its search is in step with an empty index
    first.ingest([SAMPLE], added_by="analyst")
    assert "Gregg D. Beloff" in second.ask(CFO).text
    assert second.filing_text(second.filings()[0].filing.filing_id).startswith(
        first.filing_text(first.filings()[0].filing.filing_id)[:200])
    assert second.remove(second.filings()[0].filing.filing_id, "admin")
    answer = first.ask(CFO)
    assert answer.refused and not answer.passages
    assert [(a.user, a.action) for a in first.activity()] == [("admin", "removed"), ("analyst", "added")]
    assert not (tmp_path / "one" / "chroma").exists() and not (tmp_path / "one" / "texts").exists()


def test_a_chat_server_brings_itself_in_step_between_questions(chroma_server, tmp_path, embedder):
    serving, other = (replica(tmp_path, name, chroma_server, embedder) for name in ("serving", "other"))
    serving.keep_in_step()
    other.ingest([SAMPLE])
    deadline = time.monotonic() + 60
    # no question asked: the background check did it (BM25 is in step a moment before it records the generation)
    while not len(serving.index.lexical.table) or serving.index.generation != other.index.registry.generation():
        assert time.monotonic() < deadline, "never brought in step"
        time.sleep(0.2)
    assert serving.index.generation == other.index.registry.generation()


def test_one_of_two_processes_racing_for_a_filing_holds_it_and_the_other_waits(chroma_server, tmp_path):
    indexes = [FilingIndex(AssistantSettings(data=tmp_path / name, chroma_url=chroma_server)) for name in "ab"]
    start, held, order = threading.Barrier(2), [], []

    def take(locks: FilingLocks) -> None:
        start.wait()
        with locks.holding("0000950135-01-500000"):
            held.append(locks.owner)
            order.append(len(held))  # how many held it at once, counted by each holder
            time.sleep(1)
            held.remove(locks.owner)

    threads = [threading.Thread(target=take, args=(i.locks,)) for i in indexes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert order == [1, 1]
    assert indexes[0].locks.holder("0000950135-01-500000") is None


def test_a_lock_whose_holder_died_is_taken_over_after_its_lease(chroma_server, tmp_path, monkeypatch):
    monkeypatch.setattr(index.locks, "LEASE_SECONDS", 2.0)
    monkeypatch.setattr(index.locks, "HEARTBEAT_SECONDS", 0.5)
    settings = [AssistantSettings(data=tmp_path / name, chroma_url=chroma_server) for name in ("alive", "other")]
    alive, other = (FilingIndex(s).locks for s in settings)
    records = SharedRecords(chroma_client(settings[0]), "filings_qa_locks")
    # what a process killed while holding the lock leaves: a record nobody renews
    records.add({"filing-1/0": {"filing_id": "filing-1", "epoch": 0, "owner": "gone pid 1", "at": time.time(),
                                "released": False}})
    assert alive.holder("filing-1") == "gone pid 1"
    assert alive.acquire("filing-1")  # waits out the lease
    assert alive.holder("filing-1") == alive.owner
    time.sleep(3)  # longer than the lease: only its heartbeat keeps it held
    assert other.holder("filing-1") == alive.owner and alive.still_held("filing-1")
    assert not other.acquire("filing-1", cancelled=lambda: other.holder("filing-1") == alive.owner)
    alive.release("filing-1")
    assert alive.holder("filing-1") is None and len(records.find(filing_id="filing-1")) == 1


def test_a_pending_filing_left_by_a_stopped_ingest_is_invisible_then_completed_or_cleared(
        chroma_server, tmp_path, embedder, monkeypatch):
    import index.ingest

    first, second = (replica(tmp_path, name, chroma_server, embedder) for name in ("one", "two"))
    monkeypatch.setattr(index.ingest, "EMBED_BATCH", 4)
    real_add = FilingIndex.add_chunks

    def power_cut_after_one_batch(self, chunks, embeddings):
        if self.chunk_count():
            raise KeyboardInterrupt("power cut")
        real_add(self, chunks, embeddings)

    monkeypatch.setattr(FilingIndex, "add_chunks", power_cut_after_one_batch)
    with pytest.raises(KeyboardInterrupt):
        first.ingest([SAMPLE])
    monkeypatch.setattr(FilingIndex, "add_chunks", real_add)
    assert second.index.chunk_count() == 4 and second.ask(CFO).refused
    (problem,) = second.check()
    assert problem.harmless and "pending, its ingest stopped" in problem.what
    assert second.ingest([SAMPLE]).count("ingested") == 1  # another process completes it
    assert "Gregg D. Beloff" in first.ask(CFO).text

    filing_id = second.filings()[0].filing.filing_id
    second.index.registry.restore(*pending_copy(second.index, filing_id))
    (problem,) = first.check(repair=True)
    assert problem.repaired and "cleared" in problem.what
    assert first.filings() == [] and second.index.chunk_count() == 0 and second.check() == []


def pending_copy(index: FilingIndex, filing_id: str):
    """The arguments that put a filing's registry row back as pending: an ingest stopped before completing it."""
    from dataclasses import replace

    record = index.registry.records()[filing_id]
    pieces = index.registry.text_pieces([filing_id])[filing_id]
    return replace(record, status="pending"), index.registry.sections(filing_id), pieces


def test_migrate_copies_an_embedded_index_into_a_server_without_embedding(chroma_server, tmp_path, embedder):
    embedded = replica(tmp_path, "embedded", "", embedder)
    embedded.ingest([SAMPLE, FIXTURES / "acme_submission.txt"], added_by="analyst")
    source = Assistant.open(AssistantSettings(data=tmp_path / "embedded"))
    report = source.copy_to(chroma_server)
    assert source._embedder is None  # the model was never loaded
    assert len(report.copied) == 2 and report.chunks == embedded.index.chunk_count()
    served = replica(tmp_path, "served", chroma_server, embedder)
    assert [r.to_json() for r in served.filings()] == [r.to_json() for r in embedded.filings()]
    assert "Gregg D. Beloff" in served.ask(CFO).text
    assert [(a.user, a.action) for a in served.activity()] == [("analyst", "added")] * 2
    some = [chunk_id_of(r.filing.filing_id, 0) for r in embedded.filings()]
    assert all(np.array_equal(served.index.vectors(some)[i], embedded.index.vectors(some)[i]) for i in some)
    again = source.copy_to(chroma_server)
    assert again.copied == [] and len(again.already) == 2 and len(served.activity()) == 2


def test_a_data_folder_of_the_earlier_version_is_taken_in(tmp_path, embedder):
    data = tmp_path / "data"
    earlier = replica(tmp_path, "data", "", embedder)
    earlier.ingest([SAMPLE], added_by="analyst")
    record = earlier.filings()[0]
    text = earlier.filing_text(record.filing.filing_id)
    as_earlier_version(earlier.index)
    del earlier

    upgraded = replica(tmp_path, "data", "", embedder)
    # that version kept no version of its reading: ingesting the file again reads it anew
    assert [r.to_json() for r in upgraded.filings()] == [record.to_json() | {"indexed_by": 0}]
    assert upgraded.filing_text(record.filing.filing_id) == text
    assert [(a.user, a.action) for a in upgraded.activity()] == [("analyst", "added")]
    assert "Gregg D. Beloff" in upgraded.ask(CFO).text
    assert not (data / "registry.sqlite3").exists() and not (data / "texts").exists()


def as_earlier_version(index: FilingIndex) -> None:
    """Turn a data folder into what the version before shared records left: registry.sqlite3 (its schema),
    texts/*.txt.gz, and only the chunks in Chroma."""
    data = index.settings.data
    connection = sqlite3.connect(data / "registry.sqlite3")
    connection.executescript("""
        CREATE TABLE filings (filing_id TEXT PRIMARY KEY, source TEXT, content_hash TEXT, company TEXT, cik TEXT,
            form TEXT, filing_date TEXT, period TEXT, accession TEXT, sections TEXT, chunks INTEGER, status TEXT,
            ingested_at TEXT, added_by TEXT);
        CREATE TABLE generation (value INTEGER NOT NULL);
        CREATE TABLE activity (at TEXT, user TEXT, action TEXT, filing_id TEXT, detail TEXT);""")
    (data / "texts").mkdir()
    for record in index.filings():
        ref = record.filing
        sections = json.dumps([s.__dict__ | {"pages": list(s.pages)} for s in index.registry.sections(ref.filing_id)])
        connection.execute("INSERT INTO filings VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
            ref.filing_id, ref.source, record.content_hash, ref.company, ref.cik, ref.form, ref.filing_date,
            ref.period, ref.accession, sections, record.chunks, record.status, record.ingested_at, record.added_by))
        with gzip.open(data / "texts" / f"{ref.filing_id}.txt.gz", "wt", encoding="utf-8") as handle:
            handle.write(index.filing_text(ref.filing_id))
    for entry in index.registry.activity(50):
        connection.execute("INSERT INTO activity VALUES (?,?,?,?,?)",
                           (entry.at, entry.user, entry.action, entry.filing_id, entry.detail))
    connection.commit()
    connection.close()
    client = chroma_client(index.settings)
    for name in ("filings_qa_filings", "filings_qa_texts", "filings_qa_activity", "filings_qa_state"):
        client.delete_collection(name)
    shutil.rmtree(data / "bm25")
