"""Fetching filings from EDGAR, against a stand-in for EDGAR on loopback that speaks its protocol and answers
with its response shapes (tests/edgar_site.py): which filings, EDGAR's rules, resuming, and the filings answered."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import ROOT
from edgar_site import (ACME_10Q, ACME_8K, ACME_8K_1999, ACME_8K_2003, AGENT, IMMUNOGEN_8K, MALLORY_8K_HTM,
                        MALLORY_8K_TXT, EdgarStandIn)
from index.config import Settings
from index.edgar import EdgarError, FetchReport, FetchRequest, fetch_filings
from index.edgar_folder import UnsafeName, document_path, filing_folder
from index.ingest import filing_paths
from qa.assistant import Assistant
from qa.config import AssistantSettings

CLI = [sys.executable, "-m", "ui"]
TICKERS = "/www/files/company_tickers.json"


@pytest.fixture
def edgar():
    with EdgarStandIn() as site:
        yield site


def fetched(edgar: EdgarStandIn, data: Path, *companies: str, **asked) -> FetchReport:
    return fetch_filings(FetchRequest(companies, **asked), Settings(data=data, **edgar.settings()))


def accessions(report: FetchReport) -> list[str]:
    return [outcome.filing.metadata.accession for outcome in report.outcomes]


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def test_tickers_and_ciks_forms_dates_and_older_pages_choose_the_filings(edgar, tmp_path):
    data = tmp_path / "data"
    eights = fetched(edgar, data, "acme", forms=("8-K",), since="2000-01-01")
    assert accessions(eights) == [ACME_8K, ACME_8K_2003]  # the newest first, the 2003 one from the older page
    assert {o.status for o in eights.outcomes} == {"downloaded"}
    assert eights.outcomes[0].filing.metadata.company == "ACME WIDGETS INC"
    # the primary document and its EX-99 exhibit (not EX-10, images, XBRL, index pages); the full submission of
    # a filing whose listing names no primary document
    assert files_under(data / "edgar" / "999999") == {
        f"{ACME_8K}/filing.json", f"{ACME_8K}/acme-20240610.htm", f"{ACME_8K}/ex99-1.htm",
        f"{ACME_8K_2003}/filing.json", f"{ACME_8K_2003}/{ACME_8K_2003}.txt"}
    assert TICKERS in edgar.paths()

    edgar.requests.clear()
    by_cik = fetched(edgar, data, "0000855654", until="2001-12-31")
    assert accessions(by_cik) == [IMMUNOGEN_8K]
    assert TICKERS not in edgar.paths()  # a CIK needs no look-up

    edgar.requests.clear()
    assert accessions(fetched(edgar, data, "IMGN", since="2023-01-01", forms=("10-K",))) == ["0000855654-23-000011"]
    assert not any("submissions-001" in path for path in edgar.paths())  # its page ends in 2001: not read

    edgar.requests.clear()
    assert accessions(fetched(edgar, data, "ACME", limit=1)) == [ACME_10Q]
    assert not any("submissions-001" in path for path in edgar.paths())  # the recent block was enough

    edgar.requests.clear()
    before_2001 = fetched(edgar, data, "ACME", forms=("8-K",), until="2000-12-31")
    assert accessions(before_2001) == [ACME_8K_1999]
    # a filing of before 2001 is its full submission, whatever primary document the listing names
    assert edgar.archive("999999", ACME_8K_1999) in edgar.paths()
    assert not any(path.endswith("acme8k.txt") for path in edgar.paths())


def test_unknown_tickers_empty_ranges_and_bad_requests_are_clear_errors(edgar, tmp_path):
    with pytest.raises(EdgarError, match="unknown ticker 'NOPE': EDGAR's company tickers file does not list it"):
        fetched(edgar, tmp_path, "ACME", "NOPE")
    assert fetched(edgar, tmp_path, "ACME", since="2030-01-01").empty == ["ACME"]
    with pytest.raises(EdgarError, match="YYYY-MM-DD"):
        fetched(edgar, tmp_path, "ACME", since="last year")
    env = os.environ | edgar.environment()
    unknown = subprocess.run([*CLI, "fetch", "NOPE", "--data", str(tmp_path)], cwd=ROOT, env=env, timeout=300,
                             capture_output=True, text=True)
    assert unknown.returncode == 2 and "error: unknown ticker 'NOPE'" in unknown.stderr
    empty = subprocess.run([*CLI, "fetch", "ACME", "--form", "10-K", "--since", "2020-01-01", "--data", str(tmp_path)],
                           cwd=ROOT, env=env, timeout=300, capture_output=True, text=True)
    assert empty.returncode == 2
    assert "error: no 10-K filings filed 2020-01-01 to today of ACME on EDGAR" in " ".join(empty.stderr.split())


def test_every_request_names_a_contact_and_no_second_holds_more_than_ten(edgar, tmp_path):
    report = fetched(edgar, tmp_path, "ACME", "IMGN")
    assert report.count("downloaded") == 5
    # the filings the stand-in has no documents for fail alone, and say why
    assert [o.filing.metadata.form for o in report.outcomes if o.status == "failed"] == ["4", "SC 13G/A", "8-K", "10-K"]
    assert all("(404)" in o.error for o in report.outcomes if o.status == "failed")
    assert {request.user_agent for request in edgar.requests} == {AGENT}
    starts = [request.at for request in edgar.requests]
    assert len(starts) > 10
    assert max(sum(start <= t < start + 1 for t in starts) for start in starts) <= 10


def test_without_a_contact_in_the_user_agent_nothing_is_asked(edgar, tmp_path):
    for agent in ("", "filings-qa/0.1"):
        with pytest.raises(EdgarError, match="set FILINGS_QA_EDGAR_USER_AGENT to your name and e-mail address"):
            fetch_filings(FetchRequest(("ACME",)),
                          Settings(data=tmp_path, **edgar.settings() | {"edgar_user_agent": agent}))
    env = os.environ | edgar.environment()
    del env["FILINGS_QA_EDGAR_USER_AGENT"]
    refused = subprocess.run([*CLI, "fetch", "ACME", "--data", str(tmp_path)], cwd=ROOT, env=env, timeout=300,
                             capture_output=True, text=True)
    assert refused.returncode == 2 and "FILINGS_QA_EDGAR_USER_AGENT" in refused.stderr
    assert edgar.requests == []


def test_a_429_and_a_503_are_asked_again_after_a_growing_pause(edgar, tmp_path):
    exhibit = edgar.archive("999999", ACME_8K, "ex99-1.htm")
    edgar.faults = {TICKERS: [429], exhibit: [503, 503]}
    report = fetched(edgar, tmp_path, "ACME", forms=("8-K",), since="2024-01-01")
    assert [o.status for o in report.outcomes] == ["downloaded"]
    assert edgar.paths().count(TICKERS) == 2 and edgar.paths().count(exhibit) == 3
    assert (tmp_path / "edgar" / "999999" / ACME_8K / "ex99-1.htm").read_bytes() == edgar.files[exhibit]
    asked = [request.at for request in edgar.requests if request.path == exhibit]
    assert [later - earlier >= least for (earlier, later), least in zip(pairwise(asked), (1, 2))] == [True, True]


def test_names_from_edgar_never_name_a_file_outside_the_filing_folder(edgar, tmp_path):
    report = fetched(edgar, tmp_path / "data", "MLRY")
    assert [(o.filing.metadata.accession, o.status) for o in report.outcomes] == [
        (MALLORY_8K_HTM, "downloaded"), (MALLORY_8K_TXT, "downloaded")]
    assert files_under(tmp_path) == {
        f"data/edgar/666666/{MALLORY_8K_HTM}/{name}" for name in ("filing.json", "mal8k.htm", "ex99-4.htm")} | {
        f"data/edgar/666666/{MALLORY_8K_TXT}/{name}" for name in ("filing.json", f"{MALLORY_8K_TXT}.txt")}
    # exhibits named with a folder, climbing out of theirs or hidden are never asked for; a primary document that
    # climbs out makes the full submission the one to fetch
    assert not any(part in path for path in edgar.paths() for part in ("..", "sub/", ".ex99", "escape"))
    with pytest.raises(EdgarError, match="malformed accession number"):
        fetched(edgar, tmp_path / "data", "BADCO")
    for cik, accession in (("1/../2", ACME_8K), ("999999", "../../etc"), ("999999", f"{ACME_8K}/x")):
        with pytest.raises(UnsafeName):
            filing_folder(tmp_path, cik, accession)
    for name in ("../x.htm", "a/b.htm", ".hidden.htm", "filing.json", ""):
        with pytest.raises(UnsafeName):
            document_path(tmp_path, name)


def test_a_killed_download_never_counts_and_the_next_run_completes_it(edgar, tmp_path):
    data = tmp_path / "data"
    exhibit = edgar.archive("999999", ACME_8K, "ex99-1.htm")
    edgar.stop_halfway = {exhibit}
    fetch = [*CLI, "fetch", "ACME", "--form", "8-K", "--form", "10-Q", "--since", "2024-01-01", "--data", str(data)]
    env = os.environ | edgar.environment()
    first = subprocess.Popen(fetch, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    company = data / "edgar" / "999999"
    try:
        assert edgar.stopped_halfway.wait(120), "the fetch never reached the 8-K's exhibit"
    finally:
        first.kill()
        first.wait(30)
    # the 10-Q came whole; the 8-K, killed halfway through its exhibit, lies only in its hidden download folder
    assert sorted(p.name for p in company.iterdir()) == [f".{ACME_8K}.partial", ACME_10Q]
    assert filing_paths([data / "edgar"]) == ([company / ACME_10Q / "filing.json"], [])

    edgar.stop_halfway.clear()
    edgar.requests.clear()
    second = subprocess.run([*fetch, "--ingest"], cwd=ROOT, env=env, timeout=600, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    summary = " ".join(second.stderr.split())
    assert "1 downloaded" in summary and "1 already here" in summary and "2 ingested" in summary
    assert not any(ACME_10Q.replace("-", "") in path for path in edgar.paths())  # the whole 10-Q is not asked again
    assert sorted(p.name for p in company.iterdir()) == [ACME_8K, ACME_10Q]
    assert (company / ACME_8K / "ex99-1.htm").read_bytes() == edgar.files[exhibit]
    listed = subprocess.run([*CLI, "list", "--json", "--data", str(data)], cwd=ROOT, timeout=300, check=True,
                            capture_output=True, text=True)
    assert {(r["accession"], r["filing_date"]) for r in map(json.loads, listed.stdout.splitlines())} == {
        (ACME_8K, "2024-06-12"), (ACME_10Q, "2024-08-05")}


def test_fetched_filings_are_answered_citing_edgar_accession_and_metadata(edgar, tmp_path, embedder):
    assistant = Assistant.open(AssistantSettings(data=tmp_path / "data", **edgar.settings()), create=True)
    assistant._embedder = embedder  # the session's model
    report = assistant.fetch_from_edgar(FetchRequest(("IMGN", "ACME"), forms=("8-K",), since="2001-01-01"))
    assert assistant.ingest(report.manifests).count("ingested") == 3

    answer = assistant.ask("Who did ImmunoGen appoint as CFO?")
    assert "Gregg D. Beloff" in answer.text
    cited = answer.citations[0].filing
    # the sample holds no accession and misdates its event ("March 5, 2000"): EDGAR's metadata wins
    assert (cited.accession, cited.filing_id, cited.cik, cited.form, cited.filing_date, cited.period) == (
        IMMUNOGEN_8K, IMMUNOGEN_8K, "855654", "8-K", "2001-03-07", "2001-03-05")
    assert cited.company == "ImmunoGen, Inc."  # as the filing writes it

    acme = {r.filing.accession: r.filing for r in assistant.filings()}[ACME_8K]
    assert (acme.filing_date, acme.period) == ("2024-06-12", "2024-06-10")  # EDGAR's, not the signature's June 11
    assert [s.name for s in assistant.sections(ACME_8K)][-1] == "EX-99.1"  # the exhibit fetched beside it
    plant = assistant.ask("How many people will the second Springfield plant employ?")
    assert "350 people" in plant.text
    assert {(c.filing.accession, c.section) for c in plant.citations if "350 people" in c.quote} == {
        (ACME_8K, "EX-99.1")}

    # the documents beside a manifest are part of its filing, never filings of their own
    again = assistant.ingest([tmp_path / "data" / "edgar"])
    assert len(again.outcomes) == again.count("unchanged") == 3
