"""Ingest into a real embedded Chroma: incremental, idempotent, atomic per filing, never stopped by bad input."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SAMPLE
from index.store import FilingIndex
from qa.assistant import Assistant


def copy_fixtures(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("acme_submission.txt", "acme_plain_8k.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    shutil.copy(SAMPLE, folder / "renamed.dat")  # arbitrary file names
    (folder / "sub").mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "acme_10q.htm", folder / "sub" / "q.htm")
    (folder / "junk.bin").write_bytes(b"\x00\x01\x02binary")
    return folder


def test_ingest_folder_then_reingest_is_a_no_op(assistant, tmp_path):
    folder = copy_fixtures(tmp_path / "in")
    report = assistant.ingest([folder, tmp_path / "missing.txt"])
    assert report.count("ingested") == 4
    assert {f.source.split("/")[-1]: f.error for f in report.failures} == {
        "junk.bin": "binary file, not a filing (supported: EDGAR .txt, HTML, inline XBRL, PDF)",
        "missing.txt": "no such file or folder",
    }
    filings = {f.filing.source.split("/")[-1]: f for f in assistant.filings()}
    assert set(filings) == {"acme_submission.txt", "acme_plain_8k.txt", "renamed.dat", "q.htm"}
    assert all(f.status == "complete" and f.chunks > 0 for f in filings.values())
    assert assistant.index.chunk_count() == report.chunks

    again = assistant.ingest([folder])
    assert again.count("unchanged") == 4 and again.count("ingested") == 0
    assert assistant.index.chunk_count() == report.chunks


def test_search_finds_the_exhibit_with_its_filing_and_section(assistant, tmp_path):
    assistant.ingest([SAMPLE, FIXTURES / "acme_submission.txt"])
    passages = assistant.search("Acme Widgets Springfield plant investment $12.5 million", k=3)
    best = passages[0].chunk
    assert best.filing.company == "Acme Widgets, Inc." and best.section in {"EX-99.1", "Item 5"}
    text = assistant.index.filing_text(best.filing.filing_id)
    assert text[best.char_start:best.char_end] == best.text


def test_changed_file_replaces_its_chunks(assistant, tmp_path):
    path = tmp_path / "filing.txt"
    shutil.copy(FIXTURES / "acme_plain_8k.txt", path)
    assistant.ingest([path])
    old_id = assistant.filings()[0].filing.filing_id
    path.write_text(path.read_text().replace("$30 million", "$45 million"))
    report = assistant.ingest([path])
    assert report.count("ingested") == 1
    filings = assistant.filings()
    assert len(filings) == 1 and filings[0].filing.filing_id != old_id
    assert assistant.index.chunk_count() == filings[0].chunks
    assert "$45 million" in assistant.index.filing_text(filings[0].filing.filing_id)


def test_remove_deletes_chunks_and_text(assistant):
    assistant.ingest([FIXTURES / "acme_submission.txt", SAMPLE])
    before = assistant.index.chunk_count()
    removed = assistant.filings()[0]
    assert assistant.remove(removed.filing.filing_id)
    assert assistant.index.chunk_count() == before - removed.chunks
    assert removed.filing.filing_id not in {f.filing.filing_id for f in assistant.filings()}
    assert not assistant.remove("no-such-filing")


def test_a_crash_mid_filing_leaves_nothing_visible_and_the_next_ingest_completes_it(assistant, monkeypatch):
    import index.ingest

    monkeypatch.setattr(index.ingest, "EMBED_BATCH", 4)
    real_add = FilingIndex.add_chunks
    calls = {"n": 0}

    def crash_after_first_batch(self, chunks, embeddings):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("power cut")
        real_add(self, chunks, embeddings)

    monkeypatch.setattr(FilingIndex, "add_chunks", crash_after_first_batch)
    with pytest.raises(KeyboardInterrupt):
        assistant.ingest([SAMPLE])
    assert assistant.index.chunk_count() == 4  # the first batch reached Chroma ...
    assert assistant.search("Gregg D. Beloff chief financial officer") == []  # ... but is not searchable
    assert [f.status for f in assistant.filings()] == ["pending"]

    monkeypatch.setattr(FilingIndex, "add_chunks", real_add)
    report = assistant.ingest([SAMPLE])
    assert report.count("ingested") == 1
    record = assistant.filings()[0]
    assert record.status == "complete" and assistant.index.chunk_count() == record.chunks
    assert assistant.search("Gregg D. Beloff chief financial officer")


def run_cli(*args, data):
    return subprocess.run([sys.executable, "-m", "ui", *args, "--data", str(data)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_cli_ingest_list_remove_and_exit_codes(tmp_path):
    data = tmp_path / "data"
    bad = tmp_path / "bad.txt"
    bad.write_text("")
    result = run_cli("ingest", str(SAMPLE), str(bad), data=data)
    assert result.returncode == 0, result.stderr
    assert "1 ingested, 0 unchanged, 1 failed" in result.stderr
    assert f"error {bad}: empty file" in " ".join(result.stderr.split())

    listing = run_cli("list", data=data)
    assert "ImmunoGen, Inc." in listing.stdout and "8-K" in listing.stdout
    filing_id = listing.stdout.split()[0]

    assert run_cli("ingest", str(bad), data=data).returncode == 1  # nothing could be ingested
    assert run_cli("remove", filing_id, data=data).returncode == 0
    assert run_cli("remove", filing_id, data=data).returncode == 2
    assert "No filings indexed yet" in run_cli("list", data=data).stdout


def test_a_removal_stopped_after_hiding_the_filing_leaves_nothing_visible_and_ingest_repairs_it(assistant, tmp_path):
    path = tmp_path / "submission.txt"
    shutil.copy(FIXTURES / "acme_submission.txt", path)
    assistant.ingest([path, SAMPLE])
    record = next(r for r in assistant.filings() if r.filing.source == str(path.resolve()))
    filing_id = record.filing.filing_id
    # kill -9 between the two steps of a removal: the registry row is gone, the chunks are not yet
    assistant.index.registry.delete(filing_id)
    assert filing_id not in {p.chunk.filing.filing_id for p in assistant.search("Acme Widgets", k=20)}
    assert assistant.index.has_orphan_chunks(filing_id)
    # the same filing, changed, comes back: its old chunks are not mixed with the new ones
    path.write_text(path.read_text().replace("Acme", "Acmex"))
    assert assistant.ingest([path]).count("ingested") == 1
    again = next(r for r in assistant.filings() if r.filing.filing_id == filing_id)
    sample = next(r for r in assistant.filings() if r.filing.filing_id != filing_id)
    assert assistant.index.chunk_count() == again.chunks + sample.chunks
    assert not assistant.index.has_orphan_chunks(filing_id)


def test_every_unreadable_path_is_named_with_its_reason_and_the_batch_goes_on(assistant, settings, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "good.txt")
    (folder / "loop").symlink_to(folder / "loop")
    os.mkfifo(folder / "pipe")
    (folder / "big.txt").write_text("Securities and Exchange Commission annual report.\n" * 30_000)  # 1.5 MB
    small_limit = Assistant.open(settings.with_overrides(max_file_mb=1))
    small_limit._embedder = assistant._embedder
    told = []
    report = small_limit.ingest([folder], on_progress=told.append)
    errors = {Path(o.source).name: o.error for o in report.failures}
    # each file's outcome is told as it is judged, once, before the batch ends
    judged = [step.judged for step in told if step.judged is not None]
    assert sorted(o.source for o in judged) == sorted(o.source for o in report.outcomes)
    assert told[-1].judged is None and told[-1].files_done == told[-1].files_total
    assert report.count("ingested") == 1
    assert errors["loop"].startswith("a symbolic link to nothing, or to itself")
    assert errors["pipe"].startswith("not a regular file")
    assert errors["big.txt"] == "1.4 MB is over the limit of 1 MB a file"


def test_parse_reads_folders_and_names_what_it_cannot_read(tmp_path):
    from typer.testing import CliRunner

    from ui.cli import app

    shutil.copy(SAMPLE, tmp_path / "good.txt")
    os.mkfifo(tmp_path / "pipe")  # reading it would wait for a writer for ever
    result = CliRunner().invoke(app, ["parse", str(tmp_path), "--json"])
    records = {Path(r["source"]).name: r for r in map(json.loads, result.stdout.splitlines())}
    assert result.exit_code == 0 and records["good.txt"]["company"] == "ImmunoGen, Inc."
    assert records["pipe"]["error"].startswith("not a regular file")


def test_check_finds_what_a_crash_left_and_repair_puts_it_right(assistant, settings, tmp_path):
    from typer.testing import CliRunner

    from ui.cli import app

    assistant.ingest([FIXTURES / "acme_submission.txt", SAMPLE])
    broken, orphaned = (r.filing.filing_id for r in assistant.filings())
    index = assistant.index
    index.collection.delete(ids=[f"{broken}#00000"])  # a chunk lost
    index.registry.delete(orphaned)  # a removal stopped after hiding the filing
    data = ["--data", str(settings.data)]
    found = CliRunner().invoke(app, ["check", *data])
    assert found.exit_code == 1
    assert f"{broken}: complete, but 1 of its" in found.stdout and f"{orphaned}: chunks and text of a filing" in found.stdout
    repaired = CliRunner().invoke(app, ["check", "--repair", *data])
    assert repaired.exit_code == 0 and "2 problem(s) found, 2 repaired" in repaired.stdout
    again = CliRunner().invoke(app, ["check", *data])
    assert again.exit_code == 0 and "The index is consistent." in again.stdout
    assert assistant.filings() == [] and index.chunk_count() == 0
