"""The same index code against a Chroma server (`chroma run` on loopback), chosen by configuration."""
from __future__ import annotations

import pytest

from conftest import SAMPLE
from index.config import Settings
from qa.assistant import Assistant


@pytest.mark.server
def test_ingest_and_search_through_a_chroma_server(chroma_server, tmp_path, embedder, monkeypatch):
    monkeypatch.setenv("FILINGS_QA_CHROMA_URL", chroma_server)
    settings = Settings(data=tmp_path / "data")
    assert settings.chroma_url == chroma_server
    assistant = Assistant.open(settings, create=True)
    assistant._embedder = embedder
    report = assistant.ingest([SAMPLE])
    assert report.count("ingested") == 1
    assert not (tmp_path / "data" / "chroma").exists()  # the vectors live in the server, not in the folder
    assert assistant.index.chunk_count() == report.chunks
    passages = assistant.search("Gregg D. Beloff Vice President and Chief Financial Officer", k=10)
    assert any(p.chunk.section == "EX-99.1" for p in passages)

    reopened = Assistant.open(Settings(data=tmp_path / "data"))  # a second process sees the same index
    assert reopened.index.chunk_count() == report.chunks
    assert reopened.remove(report.outcomes[0].filing_id)
    assert assistant.index.chunk_count() == 0


def test_a_malformed_server_url_is_a_clear_error(tmp_path):
    from index.store import FilingIndex, StoreError

    with pytest.raises(StoreError, match="http://host:port"):
        FilingIndex(Settings(data=tmp_path, chroma_url="not a url"))
