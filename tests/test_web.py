"""The team web chat, end to end: a real `filings-qa serve` process, asked through gradio_client and driven
in headless Chromium (Debian's `chromium`, through Playwright). Screenshots go to tests/artifacts/."""
from __future__ import annotations

import json
import shutil
import subprocess

import httpx
import pytest

from conftest import CFO, CLI, FIXTURES, ROOT, SAMPLE, free_port, serving

ARTIFACTS = ROOT / "tests" / "artifacts"
PASSWORD = "correct horse battery"
# what must never become markup in the page: the payloads of tests/fixtures/malicious_8k.txt
COMPANY = "MALLORY <b onmouseover=alert(6)>TEST</b> HOLDINGS, INC."  # the registrant's name, as filed
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[the investor site](javascript:alert(3))")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    data = folder / "data"
    subprocess.run([*CLI, "ingest", str(SAMPLE), "--data", str(data)], check=True, cwd=ROOT, timeout=300,
                   capture_output=True)
    with serving(data, folder / "serve.log") as server:
        yield server.url, data


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
                         [str(FIXTURES / "malicious_8k.txt"), str(FIXTURES / "not_a_filing.txt"), str(odd)])
    page.wait_for_selector("#fqa-upload >> text=notes")
    page.click("#fqa-add")
    page.wait_for_selector("#fqa-upload-report li", timeout=120_000)
    report = page.inner_text("#fqa-upload-report")
    assert "ingested malicious_8k.txt" in report
    assert "failed not_a_filing.txt" in report
    assert "rejected notes.exe: only .txt, .htm, .html, .xml, .sgml, .pdf files are filings" in report
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


def test_browser_upload_judges_each_file_of_a_batch_on_its_own(served, page, tmp_path):
    """A name that is only a suffix (".htm") once failed the whole batch with a bare "Error": Gradio's own type
    check refused it. Now each file gets its line and the good filing beside it is ingested."""
    hidden = tmp_path / ".htm"
    shutil.copy(FIXTURES / "acme_10q.htm", hidden)
    dots = tmp_path / "..."
    dots.write_text("only dots")
    page.goto(served[0])
    page.get_by_role("tab", name="Documents").click()
    batch = [str(hidden), str(dots), str(FIXTURES / "acme_submission.txt")]
    page.set_input_files("#fqa-upload input[type=file]", batch)
    page.wait_for_selector("#fqa-upload >> text=acme_submission")
    page.click("#fqa-add")
    page.wait_for_selector("#fqa-upload-report li >> nth=2", timeout=120_000)
    lines = page.inner_text("#fqa-upload-report").splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "rejected file",  # Gradio's upload names a file of dots "file"; it is no filing type
        "ingested .htm (saved as upload.htm)", "ingested acme_submission.txt"]
    assert len(list((served[1] / "uploads").glob("*/upload.htm"))) == 1
    assert page.inner_text("#fqa-overview").count("Acme Widgets, Inc.") == 2  # its 10-Q and its 8-K


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
    with serving(folder / "data", folder / "serve.log", "--auth-file", str(users)) as server:
        yield server.url, users


def test_sign_in_stores_hashes_and_without_valid_credentials_a_request_gets_nothing(signed_in):
    from gradio_client import Client

    url, users = signed_in
    assert PASSWORD not in users.read_text() and users.read_text().startswith("analyst:scrypt:")
    assert users.stat().st_mode & 0o077 == 0
    for path in ("config", "gradio_api/info", "openapi.json", "gradio_api/heartbeat/any"):
        assert httpx.get(url + path, timeout=10).status_code == 401, path
    for path in ("gradio_api/call/ask", "gradio_api/queue/join", "gradio_api/reset", "gradio_api/cancel"):
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


# --- sign-in on every route, served by this process: its route table is at hand -----------------------------
# what answers without a session: the sign-in page, its form, and the front end it loads
SIGN_IN_PAGE = {("GET", "/"), ("HEAD", "/"), ("POST", "/login"), ("POST", "/login/"), ("GET", "/assets/{path}"),
                ("GET", "/static/{path}"), ("GET", "/theme.css"), ("GET", "/favicon.ico")}


@pytest.fixture
def users(tmp_path):
    from ui.auth import Users, add_user

    now = [1000.0]  # the locks' clock, moved by the tests
    add_user(tmp_path / "users", "analyst", PASSWORD)
    made = Users(tmp_path / "users", clock=lambda: now[0])
    made.now = now
    return made


@pytest.fixture
def served_here(assistant, users, tmp_path, monkeypatch):
    """`serve` with sign-in, as `filings-qa serve --auth-file` runs it, but in this process."""
    from ui.web import ServeOptions, serve

    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "gradio-tmp"))
    app = serve(assistant, ServeOptions(port=free_port(), users=users), block=False)
    yield app
    app.close()


def sign_in(url: str, name: str, password: str) -> httpx.Response:
    return httpx.post(f"{url}login", data={"username": name, "password": password}, timeout=30)


def test_without_a_session_every_route_of_the_server_answers_401_but_the_sign_in_page(served_here):
    import re

    from fastapi.routing import iter_route_contexts
    from gradio_client import Client

    url = served_here.local_url
    routes = list(iter_route_contexts(served_here.server_app.routes))
    assert all(route.methods for route in routes)  # no WebSocket or mounted app: every route is asked over HTTP
    answers = {}
    for route in routes:
        path = re.sub(r"{[^}]*}", "x", route.path_format)
        for method in route.methods:
            with httpx.stream(method, url.rstrip("/") + path, timeout=30) as response:  # a stream answers at once
                answers[method, route.path_format] = response.status_code
    assert {"/openapi.json", "/gradio_api/heartbeat/{session_hash}", "/gradio_api/reset", "/gradio_api/cancel",
            "/gradio_api/upload", "/gradio_api/file={path_or_url}", "/manifest.json"} <= {p for _, p in answers}
    assert {route for route, status in answers.items() if status != 401} == SIGN_IN_PAGE
    assert "fqa-chat" not in httpx.get(url, timeout=30).text

    cookies = sign_in(url, "analyst", PASSWORD).cookies
    for path in ("config", "gradio_api/info", "openapi.json", "gradio_api/heartbeat/x"):
        with httpx.stream("GET", url + path, cookies=cookies, timeout=30) as response:
            assert response.status_code == 200, path
    assert "fqa-chat" in httpx.get(url, cookies=cookies, timeout=30).text
    reply = Client(url, auth=("analyst", PASSWORD), verbose=False).predict(CFO, api_name="/ask")
    assert reply["refused"] and "no filings" in reply["answer"]


def test_many_failed_sign_ins_from_one_address_lock_it_even_for_the_right_password(served_here, users):
    from gradio_client import Client

    from ui import auth

    url = served_here.local_url
    for number in range(auth.MAX_ADDRESS_FAILURES):  # a new name each time: no name reaches its own limit
        assert sign_in(url, f"guess{number}", "wrong password").json() == {"detail": "Incorrect credentials."}
    refused = sign_in(url, "analyst", PASSWORD)
    assert refused.status_code == 400 and not refused.cookies
    assert refused.json() == {"detail": "Too many failed sign-ins from this address: try again in 30 s."}
    assert refused.headers["retry-after"] == "30"
    with pytest.raises(ValueError, match="Could not login"):
        Client(url, auth=("analyst", PASSWORD), verbose=False)
    for _ in range(auth.MAX_FAILURES):
        sign_in(url, "analyst", "wrong password")
    assert not users.names.locked("analyst")  # what a locked address sends is not even checked

    users.now[0] += auth.LOCK_SECONDS  # the lock runs out
    assert sign_in(url, "analyst", PASSWORD).json() == {"success": True}
    assert sign_in(url, "guess", "wrong password").json() == {"detail": "Incorrect credentials."}  # count cleared
