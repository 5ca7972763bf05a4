"""Ingest into a real embedded Chroma: incremental, idempotent, atomic per filing, never stopped by bad input."""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SAMPLE, make_pdf
from index.models import file_stem
from index.store import FilingIndex
from qa.assistant import Assistant
from test_reader import CUT_OFF_IN_EXHIBIT

sys.path.insert(0, str(ROOT / "bench"))
from reliability import kill_while_writing  # noqa: E402 - the bench's kill -9 at a moment, run here twice

CFO = "Who did ImmunoGen appoint as CFO?"


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


def test_a_filing_an_earlier_version_indexed_is_read_again_once(assistant):
    from dataclasses import replace

    from index.models import INDEXING_VERSION

    first = assistant.ingest([SAMPLE])
    (record,) = assistant.filings()
    assert record.indexed_by == INDEXING_VERSION
    index = assistant.index
    # as an earlier version left it: its text and chunks made otherwise (a word of the text altered here)
    filing_id = record.filing.filing_id
    pieces = index.texts.pieces(index.filing_text(filing_id).replace("Beloff", "Bel off"))
    index.texts.put(filing_id, pieces)
    index.registry.restore(replace(record, indexed_by=INDEXING_VERSION - 1), index.registry.sections(filing_id),
                           len(pieces))
    assert "Gregg D. Beloff" not in index.filing_text(filing_id)
    again = assistant.ingest([SAMPLE])
    assert again.count("ingested") == 1 and again.count("unchanged") == 0
    assert index.chunk_count() == first.chunks  # its chunks replaced, none twice
    assert "Gregg D. Beloff" in index.filing_text(filing_id)
    assert assistant.filings()[0].indexed_by == INDEXING_VERSION
    assert assistant.ingest([SAMPLE]).count("unchanged") == 1


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
    for command in (("list",), ("ask", "Who?"), ("check",), ("remove", "x")):
        nothing = run_cli(*command, data=data)  # a folder without an index: said so, nothing made
        assert nothing.returncode == 2 and f"{data} holds no index" in nothing.stderr, command
    assert not data.exists()
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
    activity = Assistant.open(data=data).activity()  # what the command line changed is in "Recent changes"
    assert [(a.action, a.filing_id) for a in activity] == [("removed", filing_id), ("added", filing_id)]
    assert all(a.user.endswith("(command line)") for a in activity)


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


def test_files_over_the_text_limit_or_the_parse_budget_are_refused_and_the_rest_is_ingested(assistant, settings,
                                                                                             tmp_path):
    slow = tmp_path / "slow.pdf"
    # pdfium reads such a page in about 8 ms here: 5,000 of them take about 40 s, far beyond the budget of 3 s,
    # while the other files read in well under 0.2 s
    page = ["FORM 10-K annual report"] + ["Net sales rose in every region because demand for widgets grew."] * 40
    slow.write_bytes(make_pdf([page] * 5000))
    limited = Assistant.open(settings.with_overrides(max_text_chars=5000, max_parse_seconds=3))
    limited._embedder = assistant._embedder
    report = limited.ingest([SAMPLE, slow, FIXTURES / "acme_plain_8k.txt", FIXTURES / "acme_submission_cut.txt"])
    outcomes = {Path(o.source).name: o for o in report.outcomes}
    assert outcomes[SAMPLE.name].error == "12,222 characters of text are over the limit of 5,000 a file"
    assert outcomes["slow.pdf"].error == "reading it took longer than the 3 s a file may take: stopped"
    assert outcomes["acme_plain_8k.txt"].status == "ingested" and outcomes["acme_plain_8k.txt"].warnings == []
    cut_off = outcomes["acme_submission_cut.txt"]
    assert cut_off.status == "ingested" and cut_off.warnings == [CUT_OFF_IN_EXHIBIT]
    assert sorted(r.status for r in limited.filings()) == ["complete", "complete"]
    assert limited.search("Acme Widgets Springfield plant $12.5 million", k=1)[0].chunk.section == "EX-99.1"


# Runs the command given after a file name and writes there the peak resident memory (bytes) of the largest of it
# and the processes it started and waited for. A fresh interpreter in between, because a process started from this
# one (large by now) inherits this one's peak as its own.
PEAK_MEMORY_OF = """import os, subprocess, sys
_, status, usage = os.wait4(subprocess.Popen(sys.argv[2:]).pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss * 1024))  # Linux counts KiB
sys.exit(os.waitstatus_to_exitcode(status))"""


def test_a_hostile_batch_gets_one_line_errors_and_its_processes_stay_under_1_5_gb(embedder, tmp_path):
    # (`embedder` first: the int8 model is made once per machine, with torch, which takes 1.3 GB by itself)
    folder = tmp_path / "hostile"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "good.txt")
    shutil.copy(FIXTURES / "acme_submission_cut.txt", folder / "cut.txt")
    line = "Securities and Exchange Commission annual report of the registrant.\n"
    (folder / "huge.txt").write_text(line * (60 * 2**20 // len(line)))
    levels = 200_000
    (folder / "deep.htm").write_text("<html><body>" + "<div>" * levels + "<p>FORM 8-K</p><p>Acme Widgets, Inc. "
                                     "announced quarterly earnings of $5 million.</p>" + "</div>" * levels)
    # 40 MB of tiny paragraphs, under the file limit: lxml took 2.3 GB for 50 MB of them
    (folder / "dense.htm").write_text("<html><body><p>FORM 8-K annual report</p>" + "<p>word</p>" * 3_800_000)
    peak = tmp_path / "peak"
    # wide lines: each file's error stays on the one line the CLI gives it
    result = subprocess.run([sys.executable, "-c", PEAK_MEMORY_OF, str(peak), sys.executable, "-m", "ui", "ingest",
                             str(folder), "--data", str(tmp_path / "data")], cwd=ROOT, capture_output=True, text=True,
                            timeout=600, env=os.environ | {"COLUMNS": "1000"})
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert f"error {folder / 'huge.txt'}: 60.0 MB is over the limit of 50 MB a file" in lines
    assert f"error {folder / 'dense.htm'}: reading it needs more than the 1024 MB of memory a file may take" in lines
    assert f"warning {folder / 'cut.txt'}: {CUT_OFF_IN_EXHIBIT}" in lines
    assert sum(line.startswith("error ") for line in lines) == 2
    assert "3 ingested, 0 unchanged, 2 failed" in result.stderr  # the deep HTML too, read tag by tag
    assert int(peak.read_text()) < 1.5 * 2**30, f"peak resident memory {int(peak.read_text()) / 2**20:.0f} MB"


@pytest.fixture(scope="module")
def removal(tmp_path_factory):
    """An index of two filings, the command that removes the sample's, and how long the removal itself takes (hiding
    the filing, deleting its chunks, its text, then its kept file: 0.1-0.5 s here; BM25 and the exit follow)."""
    folder = tmp_path_factory.mktemp("removal")
    base = folder / "base"
    assert run_cli("ingest", str(SAMPLE), str(FIXTURES / "acme_submission.txt"), data=base).returncode == 0
    filing_id = next(line.split()[0] for line in run_cli("list", data=base).stdout.splitlines() if "ImmunoGen" in line)
    remove = ["remove", filing_id, "--data"]
    whole = folder / "whole"
    shutil.copytree(base, whole)
    original = whole / "originals" / file_stem(filing_id)  # the removal's last step deletes the kept file
    assert original.exists()
    takes = kill_while_writing([*remove, str(whole)], whole, 120, done=lambda: not original.exists())
    assert "ImmunoGen" not in run_cli("list", data=whole).stdout
    return base, filing_id, remove, takes


@pytest.mark.parametrize("seed", [1, 2])
def test_a_removal_killed_at_a_random_moment_never_leaves_half_a_filing_and_ingest_repairs_it(removal, embedder,
                                                                                              tmp_path, seed):
    base, filing_id, remove, takes = removal
    data = tmp_path / "data"
    shutil.copytree(base, data)
    kill_while_writing([*remove, str(data)], data, random.Random(seed).uniform(0, takes))

    assistant = Assistant.open(data=data)
    assistant._embedder = embedder
    record = next((r for r in assistant.filings() if r.filing.filing_id == filing_id), None)
    answer = assistant.ask(CFO)
    if record is not None:  # killed before it hid the filing: whole
        assert record.status == "complete" and assistant.check() == []
        assert "Gregg D. Beloff" in answer.text
    else:  # hidden: it never answers, whatever chunks are left, and those are all `check` finds
        assert filing_id not in {p.chunk.filing.filing_id for p in answer.passages}
        assert all(problem.filing_id == filing_id for problem in assistant.check())
    assistant.ingest([SAMPLE, FIXTURES / "acme_submission.txt"])
    assert assistant.check() == [] and "Gregg D. Beloff" in assistant.ask(CFO).text
