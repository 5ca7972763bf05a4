"""A stand-in for EDGAR on loopback: a real HTTP server answering EDGAR's paths with EDGAR's response shapes, made
from the test fixtures and the sample. It keeps every request it got (when, what, with which User-Agent) and
plays the faults a test asks for: statuses before the real answer (429, 503), a download that stops halfway.

`/www` stands for https://www.sec.gov and `/data` for https://data.sec.gov (FILINGS_QA_EDGAR_URL and
FILINGS_QA_EDGAR_DATA_URL), so a request to the wrong one is a 404.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import FIXTURES, SAMPLE

AGENT = "Filings QA tests qa-tests@example.com"
EDGAR_FIXTURES = FIXTURES / "edgar"

# The companies, their filings (newest first, as EDGAR lists them) and the documents served for them: the recent
# block of each company's submissions, then one older page. The accession numbers are made up.
ACME_10Q = "0000999999-24-000042"
ACME_8K = "0000999999-24-000031"
ACME_8K_2003 = "0000999999-03-000042"
ACME_8K_1999 = "0000999999-99-000003"
IMMUNOGEN_8K = "0000927016-01-500046"
MALLORY_8K_TXT = "0000666666-24-000001"
MALLORY_8K_HTM = "0000666666-24-000002"


@dataclass(frozen=True)
class Listed:
    accession: str
    form: str
    filed: str
    period: str = ""
    primary: str = ""
    documents: dict[str, bytes] = field(default_factory=dict)  # the filing's folder: name -> content
    full_submission: bytes | None = None  # <accession>.txt beside the folder


def _acme() -> tuple[list[Listed], list[Listed]]:
    recent = [
        Listed(ACME_10Q, "10-Q", "2024-08-05", "2024-06-29", "acme-20240629.htm",
               {"acme-20240629.htm": (FIXTURES / "acme_10q.htm").read_bytes(), "R1.htm": b"<html>XBRL viewer</html>"}),
        Listed(ACME_8K, "8-K", "2024-06-12", "2024-06-10", "acme-20240610.htm", {
            "acme-20240610.htm": (EDGAR_FIXTURES / "acme-20240610.htm").read_bytes(),
            "ex99-1.htm": (EDGAR_FIXTURES / "ex99-1.htm").read_bytes(),
            "ex10-1.htm": b"<html>Lease agreement</html>",  # an exhibit, but not an EX-99
            "ex99-2.jpg": b"\xff\xd8\xff\xe0 an image named like an exhibit",
            "acme-20240610.xsd": b"<schema/>",
            f"{ACME_8K}-index.htm": b"<html>index</html>"}),
        Listed("0000999999-24-000011", "4", "2024-03-01", "2024-02-28", "xslF345X05/wf-form4.xml"),  # never served
        Listed("0000999999-24-000007", "SC 13G/A", "2024-02-14", "", "acme13ga.htm"),
    ]
    older = [
        Listed(ACME_8K_2003, "8-K", "2003-06-12", "2003-06-10", "",
               full_submission=(FIXTURES / "acme_submission.txt").read_bytes()),
        # before 2001: the full submission, whatever primary document the listing names
        Listed(ACME_8K_1999, "8-K", "1999-02-03", "1999-02-02", "acme8k.txt",
               full_submission=(FIXTURES / "acme_plain_8k.txt").read_bytes()),
    ]
    return recent, older


def _immunogen() -> tuple[list[Listed], list[Listed]]:
    recent = [Listed("0000855654-24-000002", "8-K", "2024-01-02", "2024-01-02", "imgn-20240102.htm"),
              Listed("0000855654-23-000011", "10-K", "2023-03-01", "2022-12-31", "imgn-20221231.htm")]
    older = [Listed(IMMUNOGEN_8K, "8-K", "2001-03-07", "2001-03-05", "b38201ime8-k.txt",
                    {"b38201ime8-k.txt": SAMPLE.read_bytes(), f"{IMMUNOGEN_8K}.txt": SAMPLE.read_bytes()})]
    return recent, older


def _mallory() -> tuple[list[Listed], list[Listed]]:
    """Names no file may take: a primary document that climbs out of its folder, exhibits that do."""
    malicious = (FIXTURES / "malicious_8k.txt").read_bytes()
    return [
        Listed(MALLORY_8K_HTM, "8-K", "2024-06-01", "2024-06-01", "mal8k.htm", {
            "mal8k.htm": malicious, "../ex99-1.htm": b"climbed", "sub/ex99-2.htm": b"nested", ".ex99-3.htm": b"hidden",
            "ex99-4.htm": b"<html>Exhibit 99.4 press release of Mallory</html>"}),
        Listed(MALLORY_8K_TXT, "8-K", "2024-05-01", "2024-05-01", "../../../escape.htm", full_submission=malicious),
    ], []


COMPANIES = {  # CIK: (ticker, name, filings)
    "999999": ("ACME", "ACME WIDGETS INC", _acme),
    "855654": ("IMGN", "IMMUNOGEN INC", _immunogen),
    "666666": ("MLRY", "MALLORY TEST HOLDINGS INC", _mallory),
    "777777": ("BADCO", "BAD LISTING CO", lambda: ([Listed("0000777777-24-000001/../../../x", "8-K", "2024-01-01")],
                                                   [])),
}


def _columns(filings: list[Listed]) -> dict:
    """Filings as EDGAR's submissions hold them: one list per field."""
    return {"accessionNumber": [f.accession for f in filings], "filingDate": [f.filed for f in filings],
            "reportDate": [f.period for f in filings],
            "acceptanceDateTime": [f"{f.filed}T16:05:12.000Z" for f in filings], "act": ["34" for _ in filings],
            "form": [f.form for f in filings], "fileNumber": ["001-99999" for _ in filings],
            "items": ["" for _ in filings], "size": [12345 for _ in filings], "isXBRL": [0 for _ in filings],
            "isInlineXBRL": [0 for _ in filings], "primaryDocument": [f.primary for f in filings],
            "primaryDocDescription": [f.form for f in filings]}


def edgar_files() -> dict[str, bytes]:
    """Path -> body of everything the stand-in serves."""
    files: dict[str, bytes] = {}
    tickers = {}
    for number, (cik, (ticker, name, filings_of)) in enumerate(COMPANIES.items()):
        tickers[str(number)] = {"cik_str": int(cik), "ticker": ticker, "title": name}
        recent, older = filings_of()
        page = f"CIK{int(cik):010d}-submissions-001.json"
        pages = [{"name": page, "filingCount": len(older), "filingFrom": older[-1].filed, "filingTo": older[0].filed}
                 ] if older else []
        files[f"/data/submissions/CIK{int(cik):010d}.json"] = json.dumps({
            "cik": cik, "entityType": "operating", "sic": "3559", "name": name, "tickers": [ticker],
            "exchanges": ["Nasdaq"], "filings": {"recent": _columns(recent), "files": pages}}).encode()
        if older:
            files[f"/data/submissions/{page}"] = json.dumps(_columns(older)).encode()
        for filing in recent + older:
            folder = f"/www/Archives/edgar/data/{cik}/{filing.accession.replace('-', '')}"
            if filing.documents:
                items = [{"last-modified": f"{filing.filed} 16:05:12", "name": name, "type": "text.gif",
                          "size": str(len(body))} for name, body in filing.documents.items()]
                files[f"{folder}/index.json"] = json.dumps({"directory": {
                    "item": items, "name": folder.removeprefix("/www"), "parent-dir": f"/Archives/edgar/data/{cik}/"}
                }).encode()
                files.update((f"{folder}/{name}", body) for name, body in filing.documents.items())
            if filing.full_submission is not None:
                files[f"/www/Archives/edgar/data/{cik}/{filing.accession}.txt"] = filing.full_submission
    files["/www/files/company_tickers.json"] = json.dumps(tickers).encode()
    return files


@dataclass(frozen=True)
class Request:
    at: float  # time.monotonic() when the server read it
    path: str
    user_agent: str


class EdgarStandIn:
    """The server, in a thread of the test process."""

    def __init__(self):
        self.files = edgar_files()
        self.requests: list[Request] = []
        self.faults: dict[str, list[int]] = {}  # path -> statuses answered before the real answer, in order
        self.stop_halfway: set[str] = set()  # paths whose body stops halfway, the connection held open
        self.stopped_halfway = threading.Event()
        self._release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as EDGAR

            def do_GET(self) -> None:
                path = self.path
                site.requests.append(Request(time.monotonic(), path, self.headers.get("User-Agent", "")))
                if "@" not in self.headers.get("User-Agent", ""):  # EDGAR refuses tools that name no contact
                    return self._answer(403, b"Your Request Originates from an Undeclared Automated Tool")
                if site.faults.get(path):
                    return self._answer(site.faults[path].pop(0), b"<html>Request Rate Threshold Exceeded</html>")
                body = site.files.get(path)
                if body is None:
                    return self._answer(404, b"<html>Not Found</html>")
                if path in site.stop_halfway:
                    self._headers(200, len(body), path)
                    self.wfile.write(body[:len(body) // 2])
                    self.wfile.flush()
                    site.stopped_halfway.set()
                    site._release.wait(60)  # until the test is done with this half download
                    self.close_connection = True
                    return
                self._answer(200, body)

            def _answer(self, status: int, body: bytes) -> None:
                self._headers(status, len(body), self.path)
                self.wfile.write(body)

            def _headers(self, status: int, length: int, path: str) -> None:
                self.send_response(status)
                kind = "application/json" if path.endswith(".json") else "text/html" if ".htm" in path else "text/plain"
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(length))
                self.end_headers()

            def log_message(self, *args) -> None:  # the request log is `requests`
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "EdgarStandIn":
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def settings(self) -> dict[str, str]:
        """The settings that point filings-qa at this stand-in (as keyword arguments of Settings)."""
        return {"edgar_url": f"{self.url}/www", "edgar_data_url": f"{self.url}/data", "edgar_user_agent": AGENT}

    def environment(self) -> dict[str, str]:
        return {f"FILINGS_QA_{name.upper()}": value for name, value in self.settings().items()}

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def archive(self, cik: str, accession: str, name: str = "") -> str:
        """The path of a filing's document (or of its full submission, without a name)."""
        if not name:
            return f"/www/Archives/edgar/data/{cik}/{accession}.txt"
        return f"/www/Archives/edgar/data/{cik}/{accession.replace('-', '')}/{name}"
