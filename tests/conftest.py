"""Shared fixtures: the real embedding model (loaded once), fresh data folders, the shared corpus, a Chroma
server, `filings-qa serve` processes and a headless Chromium to drive them."""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from qa.config import AssistantSettings as Settings  # noqa: E402
from index.embedding import Embedder  # noqa: E402
from qa.assistant import Assistant  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "samples" / "immunogen_8-K_2001-03-07.txt"
SHARED = ROOT.parent / "shared"
CLI = [sys.executable, "-m", "ui"]
CFO = "Who did ImmunoGen appoint as CFO?"


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return Embedder()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data=tmp_path / "data")


@pytest.fixture
def assistant(settings: Settings, embedder: Embedder) -> Assistant:
    opened = Assistant.open(settings, create=True)
    opened._embedder = embedder  # share the session's model instead of loading it again
    return opened


@pytest.fixture(scope="session")
def corpus() -> Path:
    folder = SHARED / "corpus"
    if not (folder / "filings").is_dir():
        pytest.skip(f"the shared corpus is not beside this clone ({folder} is missing)")
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    """Wait until `url` answers 200, or fail with the end of the server's log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    pytest.fail(f"{url} did not come up: {log.read_text()[-3000:]}")


@pytest.fixture
def chroma_server(tmp_path: Path):
    """A Chroma server (`chroma run`) on a free loopback port; yields its URL."""
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent))
    assert chroma, "the chromadb package installs the `chroma` command"
    port = free_port()
    log = (tmp_path / "chroma.log").open("w")
    server = subprocess.Popen([chroma, "run", "--path", str(tmp_path / "server-db"), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/api/v2/heartbeat", server, tmp_path / "chroma.log", seconds=60)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


class Served(NamedTuple):
    url: str
    process: subprocess.Popen


@contextlib.contextmanager
def serving(data: Path, log: Path, *options: str):
    """A `filings-qa serve` process on a free port; yields it with its URL and stops it afterwards."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen([*CLI, "serve", "--data", str(data), "--port", str(port), *options], cwd=ROOT,
                                  stdout=out, stderr=subprocess.STDOUT, env=os.environ | {"HF_HUB_OFFLINE": "1"})
        url = f"http://127.0.0.1:{port}/"
        try:
            wait_for_http(f"{url}gradio_api/info" if "--auth-file" not in options else url, server, log)
            yield Served(url, server)
        finally:
            server.terminate()
            server.wait(timeout=30)


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


BROWSER_WAIT_MS = 120_000


def new_page(browser):
    """A fresh browser session that records every dialog (no script from a filing may open one) and confirms
    the removal of a filing or a conversation; close it with `page.context.close()`."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    # the machines are shared and noisy: Playwright's 30 s were not enough for an upload to show on two busy cores
    context.set_default_timeout(BROWSER_WAIT_MS)
    opened = context.new_page()
    opened.dialogs = []
    opened.confirms = True  # a test sets it to False to cancel

    def answer(dialog) -> None:
        opened.dialogs.append(dialog.message)
        if opened.confirms and dialog.message.startswith(("Remove this filing", "Delete this conversation")):
            dialog.accept()
        else:
            dialog.dismiss()

    opened.on("dialog", answer)
    return opened


@contextlib.contextmanager
def browser_page(browser):
    """`new_page`, closed afterwards."""
    opened = new_page(browser)
    try:
        yield opened
    finally:
        opened.context.close()


@pytest.fixture
def page(browser):
    with browser_page(browser) as opened:
        yield opened


def _pdf_string(text: str) -> str:
    return f"({text.replace('(', '[').replace(')', ']')})"


def make_pdf(pages: list[list[str]]) -> bytes:
    """A small valid PDF with one Helvetica text line per string, one page per list; a tab in a string sets
    the next words 88 points further right, as a table's next column."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for lines in pages:
        content = "BT /F1 11 Tf 72 740 Td " + " ".join(
            f"[{' -8000 '.join(_pdf_string(cell) for cell in line.split(chr(9)))}] TJ 0 -14 Td" for line in lines) + " ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects) + 2} 0 R "
                       f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode())
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
