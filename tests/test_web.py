"""The team web chat, end to end: a real `filings-qa serve` process, asked through gradio_client and driven
in headless Chromium (Debian's `chromium`, through Playwright). Screenshots go to tests/artifacts/."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from conftest import FIXTURES, ROOT, SAMPLE, free_port, wait_for_http

ARTIFACTS = ROOT / "tests" / "artifacts"
CLI = [sys.executable, "-m", "ui"]
CFO = "Who did ImmunoGen appoint as CFO?"
PASSWORD = "correct horse battery"
# what must never become markup in the page: the payloads of tests/fixtures/malicious_8k.txt
COMPANY = "MALLORY <b onmouseover=alert(6)>TEST</b> HOLDINGS, INC."  # the registrant's name, as filed
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[the investor site](javascript:alert(3))")


@contextlib.contextmanager
def serving(data: Path, log: Path, *options: str):
    """A `filings-qa serve` process on a free port; yields its URL and stops it afterwards."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen([*CLI, "serve", "--data", str(data), "--port", str(port), *options], cwd=ROOT,
                                  stdout=out, stderr=subprocess.STDOUT, env=os.environ | {"HF_HUB_OFFLINE": "1"})
        url = f"http://127.0.0.1:{port}/"
        try:
            wait_for_http(f"{url}gradio_api/info" if "--auth-file" not in options else url, server, log)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    data = folder / "data"
    subprocess.run([*CLI, "ingest", str(SAMPLE), "--data", str(data)], check=True, cwd=ROOT, timeout=300,
                   capture_output=True)
    with serving(data, folder / "serve.log") as url:
        yield url, data


@pytest.fixture(scope="module")
def browser():
    executable = os.environ.get("FILINGS_QA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs Debian's chromium")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser session that records every dialog (no script from a filing may open one) and
    confirms the removal of a filing."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.dialogs = []

    def answer(dialog) -> None:
        opened.dialogs.append(dialog.message)
        if dialog.message.startswith("Remove this filing"):
            dialog.accept()
        else:
            dialog.dismiss()

    opened.on("dialog", answer)
    yield opened
    context.close()


def ask_in_browser(page, question: str) -> None:
    page.fill("#fqa-question textarea", question)
    page.click("#fqa-ask")
    page.wait_for_selector("#fqa-sources label", timeout=60_000)  # the answer is in: its sources are listed


def open_source(page, label_start: str) -> str:
    """Click the source whose label starts so (e.g. "[3]") and return the text of the panel it opens."""
    page.locator("#fqa-sources label", has_text=label_start).first.click()
    page.wait_for_selector("#fqa-source article")
    return page.inner_text("#fqa-source")


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


# --- the API ----------------------------------------------------------------------------------
def test_api_ask_returns_the_ask_json_object_with_a_citation_to_the_press_release(served):
    from gradio_client import Client

    url, data = served
    reply = Client(url, verbose=False).predict(CFO, api_name="/ask")
    assert "Gregg D. Beloff" in reply["answer"]
    press_release = [c for c in reply["citations"] if c["section"] == "EX-99.1"]
    assert press_release and "Beloff" in press_release[0]["quote"]
    assert f"[{press_release[0]['n']}]" in reply["answer"]
    cli = subprocess.run([*CLI, "ask", CFO, "--json", "--data", str(data)], check=True, cwd=ROOT, timeout=300,
                         capture_output=True, text=True)
    printed = json.loads(cli.stdout)
    assert reply.pop("latency_ms") > 0 and printed.pop("latency_ms") > 0
    assert reply == printed  # the same object as `filings-qa ask --json`


def test_a_served_folder_has_one_writer_and_readers_keep_working_beside_it(served):
    from gradio_client import Client

    url, data = served
    refused = subprocess.run([*CLI, "ingest", str(FIXTURES / "acme_plain_8k.txt"), "--data", str(data)], cwd=ROOT,
                             timeout=300, capture_output=True, text=True)
    assert refused.returncode == 2
    assert "is being written by filings-qa serve on http://127.0.0.1:" in refused.stderr
    assert "Documents tab" in refused.stderr and "FILINGS_QA_CHROMA_URL" in refused.stderr
    removal = subprocess.run([*CLI, "remove", "anything", "--data", str(data)], cwd=ROOT, timeout=300,
                             capture_output=True, text=True)
    assert removal.returncode == 2 and "is being written by" in removal.stderr
    listed = subprocess.run([*CLI, "list", "--data", str(data)], cwd=ROOT, timeout=300, capture_output=True,
                            text=True, check=True)
    assert "ImmunoGen" in listed.stdout and "Acme" not in listed.stdout
    assert "Gregg D. Beloff" in Client(url, verbose=False).predict(CFO, api_name="/ask")["answer"]


def test_api_takes_filters_and_history_and_explains_a_bad_filter(served):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    client = Client(served[0], verbose=False)
    first = client.predict(CFO, form="8-K", api_name="/ask")
    assert first["filters"]["form"] == "8-K"
    follow_up = client.predict("and who signed it?", history=[first], api_name="/ask")
    assert any(c["section"] == "SIGNATURE" for c in follow_up["citations"]), follow_up
    with pytest.raises(AppError, match="no indexed company matches 'Initech'"):
        client.predict(CFO, company="Initech", api_name="/ask")


def test_api_serves_several_users_at_once(served):
    from concurrent.futures import ThreadPoolExecutor

    from gradio_client import Client

    clients = [Client(served[0], verbose=False) for _ in range(4)]
    with ThreadPoolExecutor(len(clients)) as pool:
        replies = list(pool.map(lambda client: client.predict(CFO, api_name="/ask"), clients))
    assert all("Gregg D. Beloff" in reply["answer"] for reply in replies)


# --- the page ---------------------------------------------------------------------------------
def test_browser_asks_sees_the_cited_answer_and_opens_the_quote_in_its_section(served, page):
    page.goto(served[0])
    ask_in_browser(page, CFO)
    chat = page.inner_text("#fqa-chat")
    assert "Gregg D. Beloff" in chat and "[1] ImmunoGen, Inc. · 8-K · 2001-03-07" in chat
    press_release = page.locator("#fqa-sources label", has_text="EX-99.1").first.inner_text().split()[0]
    panel = open_source(page, press_release)
    assert "ImmunoGen, Inc. · 8-K · filed 2001-03-07" in panel
    assert "EX-99.1 — IMMUNOGEN APPOINTS NEW CHIEF FINANCIAL OFFICER" in panel
    assert "Gregg D. Beloff" in page.inner_text("#fqa-source mark")  # the quote, highlighted in its passage
    page.click("#fqa-read-section")
    page.wait_for_selector("#fqa-section-view mark")
    section = page.inner_text("#fqa-section-view")
    assert "Millennium" not in section and "CAMBRIDGE, Mass." in section  # EX-99.1 whole, not EX-99.2
    markdown = page.input_value("#fqa-markdown textarea")
    assert markdown.startswith(f"**Q:** {CFO}") and f"{press_release} ImmunoGen, Inc." in markdown
    screenshot(page, "chat.png")

    page.click("#fqa-examples button.gallery-item")  # an example drawn from the index is asked at once
    example = "What did ImmunoGen, Inc. announce in its press release of 2001-03-07?"
    page.wait_for_function(f"document.querySelector('#fqa-chat').innerText.includes({example!r})")
    page.wait_for_function("document.querySelectorAll('#fqa-chat .message.bot').length == 2 && "
                           "!document.querySelector('#fqa-chat').innerText.includes('Searching the filings')")
    page.locator("#fqa-chat .message.bot").first.click()  # back to the first answer's sources
    page.wait_for_function("document.querySelector('#fqa-markdown textarea').value.includes('CFO')")
    page.click("#fqa-export")
    page.wait_for_selector("#fqa-exported a")
    exported = page.request.get(page.get_attribute("#fqa-exported a", "href")).text()
    assert exported.startswith("# Filings QA conversation") and CFO in exported and example in exported
    assert page.dialogs == []


def test_browser_upload_reports_each_file_and_shows_malicious_filing_text_as_text(served, page, tmp_path):
    url, data = served
    odd = tmp_path / "notes.exe"
    odd.write_text("not a filing")
    page.goto(url)
    page.get_by_role("tab", name="Documents").click()
    page.set_input_files("#fqa-upload input[type=file]",
                         [str(FIXTURES / "malicious_8k.txt"), str(FIXTURES / "not_a_filing.txt"),
                          str(FIXTURES / "acme_submission_cut.txt"), str(odd)])
    # the browser refuses a file of another type at once, naming it; the server checks again (test_web_parts)
    page.wait_for_selector("text=Invalid file type: notes.exe")
    page.wait_for_selector("#fqa-upload >> text=not_a_filing")
    page.wait_for_selector("#fqa-upload >> text=acme_submission_cut")
    page.click("#fqa-add")
    page.wait_for_selector("#fqa-upload-report li", timeout=120_000)
    report = page.inner_text("#fqa-upload-report")
    assert "ingested malicious_8k.txt" in report
    assert "failed not_a_filing.txt" in report
    assert "ingested acme_submission_cut.txt: 5 sections, 5 chunks; warning: the file ends without </TEXT>" in report
    assert COMPANY in page.inner_text("#fqa-overview")
    stored = list((data / "uploads").glob("*/malicious_8k.txt"))
    assert len(stored) == 1 and stored[0].resolve().is_relative_to(data.resolve())
    assert list((data / "gradio-tmp").rglob("malicious_8k.txt"))  # Gradio's upload cache is in the data folder too

    page.get_by_role("tab", name="Chat").click()
    ask_in_browser(page, "Who did Mallory Test Holdings appoint as Chief Security Officer?")
    assert "Eve Q. Intruder" in page.inner_text("#fqa-chat")
    panel = open_source(page, "[1]")
    page.click("#fqa-read-section")
    page.wait_for_selector("#fqa-section-view mark")
    section = page.inner_text("#fqa-section-view")
    for payload in PAYLOADS:
        assert payload in panel and payload in section  # shown as the characters the filing holds
    assert COMPANY in page.inner_text("#fqa-source") and COMPANY in page.inner_text("#fqa-sources")
    became_markup = page.evaluate("""[...document.querySelectorAll('*')].filter(e =>
        [...e.attributes].some(a => a.name.startsWith('on') || a.value.trim().startsWith('javascript:'))).length
        + [...document.scripts].filter(s => s.textContent.includes('alert(')).length""")
    assert became_markup == 0
    screenshot(page, "malicious-filing.png")
    assert page.dialogs == []  # no alert() ran


def test_each_browser_session_keeps_its_own_conversation(served, page, browser):
    other = browser.new_context().new_page()
    page.goto(served[0])
    other.goto(served[0])
    ask_in_browser(page, CFO)
    ask_in_browser(other, "Who signed the 8-K?")
    assert CFO in page.inner_text("#fqa-chat") and "Who signed" not in page.inner_text("#fqa-chat")
    assert CFO not in other.inner_text("#fqa-chat") and "SIGNATURE" in other.inner_text("#fqa-sources")
    other.context.close()


# --- sign-in ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def signed_in(tmp_path_factory):
    folder = tmp_path_factory.mktemp("signed_in")
    users = folder / "users"
    # an admin: the tests below add a filing and remove it
    subprocess.run([*CLI, "add-user", "analyst", "--role", "admin", "--auth-file", str(users), "--password-stdin"],
                   input=PASSWORD, text=True, check=True, cwd=ROOT, timeout=60, capture_output=True)
    with serving(folder / "data", folder / "serve.log", "--auth-file", str(users)) as url:
        yield url, users


def test_sign_in_stores_hashes_and_without_valid_credentials_a_request_gets_nothing(signed_in):
    from gradio_client import Client

    url, users = signed_in
    assert PASSWORD not in users.read_text() and users.read_text().startswith("analyst:scrypt:")
    assert users.stat().st_mode & 0o077 == 0
    for path in ("config", "gradio_api/info"):
        assert httpx.get(url + path, timeout=10).status_code == 401, path
    for path in ("gradio_api/call/ask", "gradio_api/queue/join"):
        assert httpx.post(url + path, json={"data": [CFO], "fn_index": 0}, timeout=10).status_code == 401, path
    assert "fqa-chat" not in httpx.get(url, timeout=10).text  # the sign-in page, not the app
    for credentials in (None, ("analyst", "wrong password"), ("nobody", PASSWORD)):
        with pytest.raises(Exception):
            Client(url, auth=credentials, verbose=False).predict(CFO, api_name="/ask")
    reply = Client(url, auth=("analyst", PASSWORD), verbose=False).predict(CFO, api_name="/ask")
    assert reply["refused"] and "no filings" in reply["answer"]


def test_signed_in_upload_and_removal_record_who_made_them(signed_in, page):
    page.goto(signed_in[0])
    page.fill("input[type=text]", "analyst")
    page.fill("input[type=password]", PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("tab", name="Documents").click()
    page.set_input_files("#fqa-upload input[type=file]", [str(FIXTURES / "acme_plain_8k.txt")])
    page.wait_for_selector("#fqa-upload >> text=acme_plain_8k.txt")
    page.click("#fqa-add")
    page.wait_for_selector("#fqa-upload-report li", timeout=120_000)
    assert "ingested acme_plain_8k.txt" in page.inner_text("#fqa-upload-report")
    overview = page.inner_text("#fqa-overview")
    assert "Acme Widgets, Inc." in overview and "analyst" in overview  # the "added by" column
    page.locator("#fqa-remove input").click()
    page.get_by_role("option", name="Acme Widgets", exact=False).first.click()
    page.click("#fqa-remove-button")
    page.wait_for_function("document.querySelector('#fqa-activity').innerText.includes('removed')")
    assert page.dialogs == ["Remove this filing from the index for everyone?"]
    activity = page.inner_text("#fqa-activity")
    assert "analyst" in activity and "added" in activity and "removed" in activity
    assert "Acme Widgets" not in page.inner_text("#fqa-overview")
