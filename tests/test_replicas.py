"""Two chat servers, one index: a real `chroma run` on loopback and two `filings-qa serve --chroma-url` processes
with data folders of their own, driven through their pages (headless Chromium) and asked through `/ask`."""
from __future__ import annotations

import contextlib
import hashlib
import os
import random
import signal
import time
from pathlib import Path

import pytest

from conftest import CFO, FIXTURES, SAMPLE, browser_page, serving
from index.store import FilingIndex
from qa.config import AssistantSettings

pytestmark = pytest.mark.server
UNITS = "How many units did the gadget division sell in Brockway?"


@pytest.fixture
def replicas(chroma_server, tmp_path):
    """Two chat servers on one Chroma server, each with its own data folder."""
    with contextlib.ExitStack() as stack:
        yield [stack.enter_context(serving(tmp_path / name, tmp_path / f"{name}.log", "--chroma-url", chroma_server))
               for name in ("one", "two")]


@pytest.fixture
def shared(chroma_server, tmp_path) -> FilingIndex:
    """The shared index as a third process reads it."""
    return FilingIndex(AssistantSettings(data=tmp_path / "observer", chroma_url=chroma_server))


def ask(url: str, question: str) -> dict:
    from gradio_client import Client

    return Client(url, verbose=False).predict(question, api_name="/ask")


def start_upload(page, url: str, path: Path) -> None:
    page.goto(url)
    page.get_by_role("tab", name="Documents").click()
    page.set_input_files("#fqa-upload input[type=file]", [str(path)])
    # as patient as the upload report: a server bringing a large index in step answers its page slowly, and on a
    # loaded 2-core machine (another ingest beside the tests) 120 s ran out once
    page.wait_for_selector(f"#fqa-upload >> text={path.name}", timeout=300_000)
    page.click("#fqa-add")


def upload_report(page) -> str:
    page.wait_for_selector("#fqa-upload-report li", timeout=300_000)
    return page.inner_text("#fqa-upload-report")


def long_filing(path: Path, sentences: int) -> Path:
    """Acme's 8-K with a press release of `sentences` sales figures: about one chunk per seven sentences."""
    pick = random.Random(sentences)
    cities = ["Springfield", "Shelbyville", "Capital City", "Ogdenville", "North Haverbrook", "Brockway"]
    lines = []
    for n in range(sentences):
        lines.append(f"In the {pick.choice(['first', 'second', 'third', 'fourth'])} quarter of {1990 + n % 9}, the "
                     f"{pick.choice(['gadget', 'sprocket', 'widget', 'gizmo'])} division sold "
                     f"{pick.randint(1000, 99999):,} units in {pick.choice(cities)} at ${pick.randint(2, 90)}."
                     f"{pick.randint(10, 99)} each.")
        if n % 6 == 5:
            lines.append("")
    path.write_text((FIXTURES / "acme_plain_8k.txt").read_text() + "\n" + "\n".join(lines) + "\n")
    return path


def filing_id_of(path: Path) -> str:
    """The id of a filing without an accession number: from its file's hash (index.models.Filing)."""
    return f"sha256-{hashlib.sha256(path.read_bytes()).hexdigest()[:20]}"


def cited_filings(reply: dict) -> set[str]:
    return {p["filing_id"] for p in reply["passages"]} | {c["filing_id"] for c in reply["citations"]}


def test_a_filing_added_through_one_server_is_answered_by_the_other_and_a_removal_hides_it_from_both(
        replicas, browser):
    one, two = replicas
    with browser_page(browser) as page:
        start_upload(page, one.url, SAMPLE)
        assert "ingested immunogen_8-K_2001-03-07.txt" in upload_report(page)
    # complete before the upload's report came back: the other server's next question sees it
    assert "Gregg D. Beloff" in ask(two.url, CFO)["answer"]
    with browser_page(browser) as page:
        page.goto(two.url)
        page.get_by_role("tab", name="Documents").click()
        # listed by the other server too
        page.wait_for_function("document.querySelector('#fqa-overview').innerText.includes('ImmunoGen, Inc.')")
        page.locator("#fqa-remove input").click()
        page.get_by_role("option", name="ImmunoGen", exact=False).first.click()
        page.click("#fqa-remove-button")
        page.wait_for_function("document.querySelector('#fqa-activity').innerText.includes('removed')")
    # refused by the first server at its very next question, without waiting for anything
    reply = ask(one.url, CFO)
    assert reply["refused"] and not cited_filings(reply)
    with browser_page(browser) as page:
        page.goto(one.url)
        page.get_by_role("tab", name="Documents").click()
        page.wait_for_function("document.querySelector('#fqa-activity').innerText.includes('removed')")
        assert "ImmunoGen" not in page.inner_text("#fqa-overview")


def test_a_server_killed_mid_ingest_leaves_no_half_filing_and_the_other_completes_it(
        replicas, browser, shared, tmp_path):
    one, two = replicas
    path = long_filing(tmp_path / "acme_long_8k.txt", 2750)  # about 400 chunks: stored in two batches and more
    filing_id = filing_id_of(path)
    with browser_page(browser) as page:
        start_upload(page, one.url, path)
        deadline = time.monotonic() + 600
        while not shared.stored_chunk_ids([f"{filing_id}#00000"]):  # the first batch is stored
            assert time.monotonic() < deadline and one.process.poll() is None, "the ingest stored nothing"
            time.sleep(0.2)
        os.kill(one.process.pid, signal.SIGKILL)
        one.process.wait()
    assert shared.registry.status(filing_id)[1] == "pending"
    stored_when_killed = shared.chunk_count()

    reply = ask(two.url, UNITS)
    assert reply["refused"] and not cited_filings(reply)  # nothing of the half filing answers
    with browser_page(browser) as page:
        start_upload(page, two.url, path)  # waits for the dead server's lock to run out, then resumes
        assert "ingested acme_long_8k.txt" in upload_report(page)
    record = shared.registry.records()[filing_id]
    assert record.status == "complete" and stored_when_killed < record.chunks == shared.chunk_count()
    assert filing_id in cited_filings(ask(two.url, UNITS))
    assert shared.check() == []


def test_two_servers_ingesting_one_file_at_once_store_it_once(replicas, browser, shared, tmp_path):
    path = long_filing(tmp_path / "acme_sales_8k.txt", 830)  # about 120 chunks: long enough to overlap
    with browser_page(browser) as first, browser_page(browser) as second:
        for page, replica in ((first, replicas[0]), (second, replicas[1])):
            start_upload(page, replica.url, path)
        reports = sorted(upload_report(page).split(":")[0] for page in (first, second))
    # one stored it; the other waited for it, then found it stored
    assert reports == ["ingested acme_sales_8k.txt", "unchanged acme_sales_8k.txt"]
    (record,) = shared.filings()
    assert record.filing.filing_id == filing_id_of(path) and record.status == "complete"
    assert shared.chunk_count() == record.chunks and shared.check() == []
