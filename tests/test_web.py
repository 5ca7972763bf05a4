"""The team web chat, end to end: a real `filings-qa serve` process, asked through gradio_client and driven
in headless Chromium (Debian's `chromium`, through Playwright). Screenshots go to tests/artifacts/."""
from __future__ import annotations

import base64
import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from PIL import Image

from conftest import CFO, CLI, FIXTURES, ROOT, SAMPLE, free_port, make_pdf, new_page, serving

ARTIFACTS = ROOT / "tests" / "artifacts"
PASSWORD = "correct horse battery"
# what must never become markup in the page: the payloads of tests/fixtures/malicious_8k.txt
COMPANY = "MALLORY <b onmouseover=alert(6)>TEST</b> HOLDINGS, INC."  # the registrant's name, as filed
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[the investor site](javascript:alert(3))")


# a PDF filing: its citations open on the rendered page, the quote marked
GLOBEX_PAGES = [["FORM 8-K", "GLOBEX CORPORATION", "Item 7.01 Regulation FD Disclosure.",
                 "Globex Corporation held its annual meeting of shareholders on May 3, 2023."],
                ["Item 5.02 Departure of Directors or Certain Officers.",
                 "Globex Corporation appointed Hank Scorpio as Chief Executive Officer on May 4, 2023.",
                 "SIGNATURE"]]
GLOBEX_CEO = "Who did Globex appoint as Chief Executive Officer?"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("web")
    data = folder / "data"
    pdf = folder / "globex_8-K.pdf"
    pdf.write_bytes(make_pdf(GLOBEX_PAGES))
    subprocess.run([*CLI, "ingest", str(SAMPLE), str(pdf), "--data", str(data)], check=True, cwd=ROOT, timeout=300,
                   capture_output=True)
    with serving(data, folder / "serve.log") as server:
        yield server.url, data, pdf


def ask_in_browser(page, question: str) -> None:
    """Ask, and wait until the answer is in and its first source is in the viewer."""
    answered = page.locator("#fqa-chat .message.bot").count()
    page.fill("#fqa-question textarea", question)
    page.click("#fqa-ask")
    page.wait_for_selector(f'#fqa-viewer article[data-source="#fqa-source-{answered}-0"]', timeout=60_000)


def last_answer(page):
    return page.locator("#fqa-chat .message.bot").last


def click_citation(page, n: int) -> str:
    """Click [n] in the text of the latest answer; the viewer's text once it shows that source."""
    answer = last_answer(page)
    link = answer.locator("p").first.locator("a", has_text=re.compile(rf"^\[{n}\]$"))
    target = link.get_attribute("href")
    link.click()
    page.wait_for_selector(f'#fqa-viewer article[data-source="{target}"]')
    return page.inner_text("#fqa-viewer")


def marked_in_view(page) -> bool:
    """Whether the marked quote lies inside the visible part of the viewer's document frame."""
    return page.evaluate("""(() => {
        const frame = document.querySelector('#fqa-viewer .fqa-doc').getBoundingClientRect();
        const quote = document.querySelector('#fqa-viewer .fqa-scroll-to').getBoundingClientRect();
        return quote.top >= frame.top && quote.top < frame.bottom; })()""")


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


# --- the API ----------------------------------------------------------------------------------
def test_api_ask_returns_the_ask_json_object_with_a_citation_to_the_press_release(served):
    from gradio_client import Client

    url, data, _ = served
    reply = Client(url, verbose=False).predict(CFO, api_name="/ask")
    assert "Gregg D. Beloff" in reply["answer"]
    press_release = [c for c in reply["citations"] if c["section"] == "EX-99.1"]
    assert press_release and "Beloff" in press_release[0]["quote"]
    assert f"[{press_release[0]['n']}]" in reply["answer"]
    cli = subprocess.run([*CLI, "ask", CFO, "--json", "--data", str(data)], check=True, cwd=ROOT, timeout=300,
                         capture_output=True, text=True)
    printed = json.loads(cli.stdout)
    assert reply.pop("latency_ms") > 0 and printed.pop("latency_ms") > 0
    assert reply.pop("answered_at") <= printed.pop("answered_at")
    assert reply == printed  # the same object as `filings-qa ask --json`


def test_a_served_folder_has_one_writer_and_readers_keep_working_beside_it(served):
    from gradio_client import Client

    url, data, _ = served
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
    with pytest.raises(AppError, match="company: no indexed company matches 'Initech'"):
        client.predict(CFO, company="Initech", api_name="/ask")
    log = (served[1].parent / "serve.log").read_text()
    assert "/ask refused: company: no indexed company matches 'Initech'" in log and "Traceback" not in log


def test_api_serves_several_users_at_once(served):
    from concurrent.futures import ThreadPoolExecutor

    from gradio_client import Client

    clients = [Client(served[0], verbose=False) for _ in range(4)]
    with ThreadPoolExecutor(len(clients)) as pool:
        replies = list(pool.map(lambda client: client.predict(CFO, api_name="/ask"), clients))
    assert all("Gregg D. Beloff" in reply["answer"] for reply in replies)


# --- the page ---------------------------------------------------------------------------------
def test_browser_click_on_a_citation_shows_its_quote_marked_in_its_section(served, page):
    page.goto(served[0])
    ask_in_browser(page, CFO)
    answer = last_answer(page).inner_text()
    assert "Gregg D. Beloff" in answer
    assert "Sources: ImmunoGen, Inc. · 8-K · 2001-03-07: [1] Item 5, [2] EX-99.1" in answer
    assert page.locator("#fqa-chat blockquote").count() == 0  # the quotes are in the viewer, not again in the chat
    viewer = click_citation(page, 2)
    assert "[2] ImmunoGen, Inc. · 8-K · filed 2001-03-07" in viewer
    assert "EX-99.1 — IMMUNOGEN APPOINTS NEW CHIEF FINANCIAL OFFICER" in viewer
    assert "Gregg D. Beloff" in page.inner_text("#fqa-viewer mark")  # the quote, marked in its section
    assert "CAMBRIDGE, Mass." in viewer and "Millennium" not in viewer  # the whole of EX-99.1, not EX-99.2
    assert marked_in_view(page)
    assert not page.is_visible("#fqa-read-section")  # a text filing's section is already shown whole
    with page.expect_download() as original:
        page.click("#fqa-original")
    assert Path(original.value.path()).read_bytes() == SAMPLE.read_bytes()
    # screen readers read each message's label: the text shown, without the Markdown escapes it was sent with
    labels = page.eval_on_selector_all("#fqa-chat [aria-label*='message:']", "els => els.map(e => e.ariaLabel)")
    assert any("March 5, 2001" in label for label in labels) and not any("\\" in label for label in labels)
    screenshot(page, "chat.png")

    page.locator("#fqa-examples button.fqa-example", has_text="press release").click()  # asked at once, in full
    example = "What did ImmunoGen, Inc. announce in its press release of 2001-03-07?"
    page.wait_for_selector('#fqa-viewer article[data-source="#fqa-source-1-0"]', timeout=60_000)
    assert example in page.inner_text("#fqa-chat")
    page.locator("#fqa-chat .message.bot").first.click()  # back to the first answer's first source
    page.wait_for_selector('#fqa-viewer article[data-source="#fqa-source-0-0"]')
    page.get_by_text("Answer as Markdown").click()
    markdown = page.input_value("#fqa-markdown textarea")
    assert markdown.startswith(f"**Q:** {CFO}") and "[2] ImmunoGen, Inc." in markdown
    assert page.dialogs == []


def test_browser_pdf_citation_shows_the_page_rendered_with_the_quote_marked(served, page):
    page.goto(served[0])
    ask_in_browser(page, GLOBEX_CEO)
    assert "Hank Scorpio" in last_answer(page).inner_text()
    n = next(int(m) for m in re.findall(r"\[(\d+)\] Item 5\.02", last_answer(page).inner_text()))
    viewer = click_citation(page, n)
    assert f"[{n}] Globex Corporation · 8-K" in viewer and "Item 5.02" in viewer and "page 2 of 2" in viewer
    image = page.locator("#fqa-viewer img")
    assert "Hank Scorpio" in image.get_attribute("alt")
    png = Image.open(io.BytesIO(base64.b64decode(image.get_attribute("src").split(",", 1)[1]))).convert("RGB")
    mark_top = float(re.search(r"top: ([\d.]+)%", page.inner_html("#fqa-viewer")).group(1)) / 100 * png.height
    marked = [(x, y) for (x, y) in ((i % png.width, i // png.width) for i, pixel in
                                    enumerate(png.get_flattened_data()) if _marked(pixel))]
    # the quote's line is marked: a band of yellow, below the page's first line, where the viewer scrolls to
    assert len(marked) > 2000
    assert min(y for _, y in marked) >= mark_top - 1 and max(y for _, y in marked) - mark_top < 40
    assert marked_in_view(page)
    screenshot(page, "pdf-page.png")

    page.click("#fqa-read-section")  # the same quote, marked in its section's text
    page.wait_for_selector("#fqa-viewer mark")
    assert "Hank Scorpio" in page.inner_text("#fqa-viewer mark") and page.locator("#fqa-viewer img").count() == 0
    page.click("text=Show the page")
    page.wait_for_selector("#fqa-viewer img")
    with page.expect_download() as original:
        page.click("#fqa-original")
    assert Path(original.value.path()).read_bytes() == served[2].read_bytes()


def _marked(pixel: tuple[int, int, int]) -> bool:
    red, green, blue = pixel
    return red >= 100 and blue < 180 and green < red and red - blue > 80


def test_browser_the_newest_answer_is_in_view(served, page):
    page.goto(served[0])
    for question in (CFO, "What did ImmunoGen and Millennium agree to?", "Who signed ImmunoGen's 8-K of March 2001?"):
        ask_in_browser(page, question)
    in_view = """(() => {
        const frame = document.querySelector('#fqa-chat .bubble-wrap');
        const last = [...frame.querySelectorAll('.message.bot')].pop().getBoundingClientRect();
        const box = frame.getBoundingClientRect();
        return frame.scrollTop > 0 && last.bottom <= box.bottom + 1 && last.bottom > box.top; })()"""
    page.wait_for_function(in_view)
    assert "Mitchel S. Sayare" in last_answer(page).inner_text()
    screenshot(page, "newest-answer.png")


def test_browser_reload_reopens_an_earlier_conversation_which_takes_follow_ups(served, page, browser):
    page.goto(served[0])
    ask_in_browser(page, CFO)
    page.reload()
    page.click("#fqa-sidebar button")  # open the conversations
    page.locator("#fqa-conversations label", has_text=CFO).first.click()
    page.wait_for_selector('#fqa-viewer article[data-source="#fqa-source-0-0"]')
    assert "Gregg D. Beloff" in page.inner_text("#fqa-chat")
    ask_in_browser(page, "and who signed it?")
    assert "SIGNATURE" in last_answer(page).inner_text()
    page.fill("#fqa-title input", "ImmunoGen's new CFO")
    page.click("#fqa-rename")
    page.wait_for_selector("#fqa-conversations label:has-text(\"ImmunoGen's new CFO\")")
    screenshot(page, "conversations.png")

    other = new_page(browser)  # another browser: its own conversations, none of these
    other.goto(served[0])
    other.click("#fqa-sidebar button")
    other.wait_for_selector("#fqa-new")
    assert "ImmunoGen's new CFO" not in other.inner_text("#fqa-conversations")
    other.context.close()

    page.reload()  # the follow-up was saved in the reopened conversation
    page.click("#fqa-sidebar button")
    page.locator("#fqa-conversations label", has_text="ImmunoGen's new CFO").click()
    page.wait_for_selector('#fqa-viewer article[data-source="#fqa-source-1-0"]')
    assert "and who signed it?" in page.inner_text("#fqa-chat")
    page.confirms = False
    page.click("#fqa-delete")  # cancelled: the conversation stays, and can still be renamed
    page.fill("#fqa-title input", "Kept")
    page.click("#fqa-rename")
    page.wait_for_selector("#fqa-conversations label:has-text('Kept')")
    page.confirms = True
    page.click("#fqa-delete")
    page.wait_for_function("!document.querySelector('#fqa-conversations').innerText.includes('Kept')")
    assert page.dialogs == ["Delete this conversation?"] * 2 and page.locator("#fqa-chat .message").count() == 0


def test_browser_export_downloads_the_conversation_and_its_citations_in_one_click(served, page):
    page.goto(served[0])
    ask_in_browser(page, CFO)
    ask_in_browser(page, GLOBEX_CEO)
    with page.expect_download() as exported:
        page.click("#fqa-export")
    markdown = Path(exported.value.path()).read_text(encoding="utf-8")
    assert exported.value.suggested_filename == "conversation.md"
    assert markdown.startswith("# Filings QA conversation") and CFO in markdown and GLOBEX_CEO in markdown
    assert re.search(r"\*Answered \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\*", markdown)
    # "_" as Markdown writes it
    assert re.search(r"characters \d+–\d+ of immunogen\\_8-K\\_2001-03-07\.txt", markdown)
    assert re.search(r"page 2, characters \d+–\d+ of globex\\_8-K\.pdf", markdown)
    with page.expect_download() as table:
        page.click("#fqa-export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(table.value.path()).read_text(encoding="utf-8"))))
    assert {row["question"] for row in rows} == {CFO, GLOBEX_CEO}
    beloff = next(row for row in rows if "Beloff" in row["quote"] and row["section"] == "EX-99.1")
    assert beloff["company"] == "ImmunoGen, Inc." and beloff["form"] == "8-K" and beloff["answered_at"]
    assert int(beloff["char_end"]) - int(beloff["char_start"]) == len(beloff["quote"])
    assert beloff["file"] == "immunogen_8-K_2001-03-07.txt"
    screenshot(page, "export.png")


def test_browser_upload_reports_each_file_and_shows_malicious_filing_text_as_text(served, page, browser, tmp_path):
    url, data, _ = served
    odd = tmp_path / "notes.exe"
    odd.write_text("not a filing")
    watching = new_page(browser)  # another session, open before the upload: its filters follow the index
    watching.goto(url)
    watching.get_by_text("Filters").click()
    page.goto(url)
    page.get_by_role("tab", name="Documents").click()
    assert page.is_disabled("#fqa-add") and page.is_disabled("#fqa-remove-button")  # nothing chosen yet
    page.set_input_files("#fqa-upload input[type=file]",
                         [str(FIXTURES / "malicious_8k.txt"), str(FIXTURES / "not_a_filing.txt"),
                          str(FIXTURES / "acme_submission_cut.txt"), str(odd)])
    page.wait_for_selector("#fqa-upload >> text=notes")
    page.wait_for_selector("#fqa-upload >> text=acme_submission_cut")
    page.click("#fqa-add")
    page.wait_for_selector("#fqa-upload-report li")
    report = page.inner_text("#fqa-upload-report")
    assert "ingested malicious_8k.txt" in report
    assert "failed not_a_filing.txt" in report
    assert "rejected notes.exe: only .txt, .htm, .html, .xml, .sgml, .pdf files are filings" in report
    assert "ingested acme_submission_cut.txt: 5 sections, 5 chunks; warning: the file ends without </TEXT>" in report
    assert COMPANY in page.inner_text("#fqa-overview")
    page.wait_for_function("!document.querySelector('#fqa-upload').innerText.includes('not_a_filing')")  # cleared
    stored = list((data / "uploads").glob("*/malicious_8k.txt"))
    assert len(stored) == 1 and stored[0].resolve().is_relative_to(data.resolve())
    assert list((data / "gradio-tmp").rglob("malicious_8k.txt"))  # Gradio's upload cache is in the data folder too

    watching.click("#fqa-company input")  # the other session's company filter offers the new filing's company
    watching.wait_for_selector(f"[role=option]:has-text({json.dumps(COMPANY)})", timeout=60_000)
    screenshot(watching, "filters-follow-the-index.png")
    assert watching.dialogs == []
    watching.context.close()

    page.get_by_role("tab", name="Chat").click()
    ask_in_browser(page, "Who did Mallory Test Holdings appoint as Chief Security Officer?")
    assert "Eve Q. Intruder" in page.inner_text("#fqa-chat")
    viewer = click_citation(page, 1)
    for payload in PAYLOADS:
        assert payload in viewer  # shown as the characters the filing holds
    assert COMPANY in viewer and COMPANY in page.inner_text("#fqa-chat")
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
    page.wait_for_selector("#fqa-upload-report li >> nth=2")
    lines = page.inner_text("#fqa-upload-report").splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "rejected file",  # Gradio's upload names a file of dots "file"; it is no filing type
        "ingested .htm (saved as upload.htm)", "ingested acme_submission.txt"]
    assert len(list((served[1] / "uploads").glob("*/upload.htm"))) == 1
    assert page.inner_text("#fqa-overview").count("Acme Widgets, Inc.") == 2  # its 10-Q and its 8-K


def test_each_browser_session_keeps_its_own_conversation(served, page, browser):
    other = new_page(browser)
    page.goto(served[0])
    other.goto(served[0])
    ask_in_browser(page, CFO)
    ask_in_browser(other, "Who signed the 8-K?")
    assert CFO in page.inner_text("#fqa-chat") and "Who signed" not in page.inner_text("#fqa-chat")
    assert CFO not in other.inner_text("#fqa-chat") and "SIGNATURE" in other.inner_text("#fqa-viewer")
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


def sign_in(page, url: str) -> None:
    page.goto(url)
    page.fill("input[type=text]", "analyst")
    page.fill("input[type=password]", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("#fqa-chat")


def test_signed_in_upload_and_removal_record_who_made_them(signed_in, page):
    sign_in(page, signed_in[0])
    page.get_by_role("tab", name="Documents").click()
    page.set_input_files("#fqa-upload input[type=file]", [str(FIXTURES / "acme_plain_8k.txt")])
    page.wait_for_selector("#fqa-upload >> text=acme_plain_8k.txt")
    page.click("#fqa-add")
    page.wait_for_selector("#fqa-upload-report li")
    assert "ingested acme_plain_8k.txt" in page.inner_text("#fqa-upload-report")
    overview = page.inner_text("#fqa-overview")
    assert "Acme Widgets, Inc." in overview and "analyst" in overview  # the "added by" column
    # the filing's kept file goes to signed-in users only
    (original,) = (signed_in[1].parent / "data" / "originals").rglob("acme_plain_8k.txt")
    assert httpx.get(f"{signed_in[0]}gradio_api/file={original}", timeout=10).status_code == 401
    assert page.request.get(f"{signed_in[0]}gradio_api/file={original}").body() == original.read_bytes()
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


def post_sign_in(url: str, name: str, password: str) -> httpx.Response:
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

    cookies = post_sign_in(url, "analyst", PASSWORD).cookies
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
        assert post_sign_in(url, f"guess{number}", "wrong password").json() == {"detail": "Incorrect credentials."}
    refused = post_sign_in(url, "analyst", PASSWORD)
    assert refused.status_code == 400 and not refused.cookies
    assert refused.json() == {"detail": "Too many failed sign-ins from this address: try again in 30 s."}
    assert refused.headers["retry-after"] == "30"
    with pytest.raises(ValueError, match="Could not login"):
        Client(url, auth=("analyst", PASSWORD), verbose=False)
    for _ in range(auth.MAX_FAILURES):
        post_sign_in(url, "analyst", "wrong password")
    assert not users.names.locked("analyst")  # what a locked address sends is not even checked

    users.now[0] += auth.LOCK_SECONDS  # the lock runs out
    assert post_sign_in(url, "analyst", PASSWORD).json() == {"success": True}
    assert post_sign_in(url, "guess", "wrong password").json() == {"detail": "Incorrect credentials."}  # count cleared


def test_a_signed_in_users_conversations_follow_them_to_another_browser(signed_in, browser):
    first, second = new_page(browser), new_page(browser)
    sign_in(first, signed_in[0])
    first.fill("#fqa-question textarea", "Who audits the company?")
    first.click("#fqa-ask")
    first.click("#fqa-sidebar button")
    first.wait_for_selector("#fqa-conversations label:has-text('Who audits the company?')", timeout=60_000)
    sign_in(second, signed_in[0])
    second.click("#fqa-sidebar button")
    second.locator("#fqa-conversations label", has_text="Who audits the company?").click()
    second.wait_for_function("document.querySelector('#fqa-chat').innerText.includes('Who audits the company?')")
    first.context.close()
    second.context.close()
