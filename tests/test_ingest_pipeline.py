"""The pipelined ingest: the same chunks as chunking each file alone, quick unchanged re-ingest, failures surfaced."""
from __future__ import annotations

import time

import pytest

from conftest import FIXTURES, SAMPLE
from index.chunking import chunk_filing
from index.reader import read_filing
from qa.assistant import Assistant
from test_ingest import copy_fixtures


def test_pipelined_ingest_stores_the_chunks_that_chunking_each_file_gives(assistant, embedder, tmp_path):
    folder = copy_fixtures(tmp_path / "in")
    assistant.ingest([folder])
    for record in assistant.filings():
        filing = read_filing(record.filing.source)
        filing.source = record.filing.source
        expected = chunk_filing(filing, embedder.count_tokens, embedder.token_offsets, embedder.max_tokens)
        stored = assistant.index.chunks([c.chunk_id for c in expected])
        assert [(c.chunk_id, c.text, c.header, c.char_start, c.char_end, c.n_tokens) for c in stored] == \
               [(c.chunk_id, c.text, c.header, c.char_start, c.char_end, c.n_tokens) for c in expected]
    assert assistant.index.chunk_count() == sum(r.chunks for r in assistant.filings())


def test_reingest_of_unchanged_files_is_quick_and_loads_no_model(assistant, settings, tmp_path):
    folder = copy_fixtures(tmp_path / "in")
    first = assistant.ingest([folder])
    reopened = Assistant.open(settings)
    started = time.perf_counter()
    again = reopened.ingest([folder])
    assert again.count("unchanged") == first.count("ingested") == 4
    assert reopened._embedder is None  # no model was loaded
    assert time.perf_counter() - started < 1.0


def test_a_file_named_twice_is_ingested_once(assistant):
    report = assistant.ingest([FIXTURES / "acme_plain_8k.txt", FIXTURES / "acme_plain_8k.txt", FIXTURES])
    sources = [o.source for o in report.outcomes]
    assert len(sources) == len(set(sources))
    assert sources.count(str((FIXTURES / "acme_plain_8k.txt").resolve())) == 1


def test_a_reader_failure_stops_the_ingest_and_nothing_half_done_is_searchable(assistant, monkeypatch):
    import index.ingest

    real = index.ingest.chunk_filing
    calls = []

    def fail_on_second_file(filing, *args, **kwargs):
        calls.append(filing.source)
        if len(calls) == 2:
            raise RuntimeError("reader broke")
        return real(filing, *args, **kwargs)

    monkeypatch.setattr(index.ingest, "chunk_filing", fail_on_second_file)
    with pytest.raises(RuntimeError, match="reader broke"):
        assistant.ingest([SAMPLE, FIXTURES / "acme_submission.txt", FIXTURES / "acme_plain_8k.txt"])
    assert [f.status for f in assistant.filings()] == ["complete"]  # the first file, stored before the failure
