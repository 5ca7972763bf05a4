"""Filings fetched from EDGAR into `DATA/edgar/<CIK>/<accession>/` (see `edgar_folder`).

Tickers become CIKs through EDGAR's company tickers file; a company's filings are listed from its submissions
(the recent block, then the older pages while they can still hold filings asked for); each filing gives its
primary document and its EX-99 exhibits (found in the filing's index.json), or, for old filings, EDGAR's full
submission (.txt). Every request keeps EDGAR's fair-access rules: a User-Agent naming a contact, at most
REQUESTS_PER_SECOND, retries with backoff on 429 and 5xx. The endpoints are settings (FILINGS_QA_EDGAR_URL,
FILINGS_QA_EDGAR_DATA_URL), so that a mirror serving the same paths works as EDGAR does.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import httpx
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from index import edgar_folder, forms
from index.config import Settings
from index.edgar_folder import MANIFEST, FetchedDocument, FetchedFiling, UnsafeName
from index.models import FilingMetadata

# EDGAR allows 10 requests a second; one less leaves room for network jitter, so that EDGAR never counts 11.
REQUESTS_PER_SECOND = 9
# 429 and 5xx are EDGAR asking to slow down, or a passing fault: 5 attempts, 1, 2 then 4 and 8 s apart (15 s in
# all); a fault lasting longer is an outage or a block, which retrying sooner would only prolong.
ATTEMPTS = 5
FIRST_BACKOFF_SECONDS = 1.0
TIMEOUT_SECONDS = 30  # between two reads: EDGAR answers within a second or two when it answers at all
# EDGAR keeps each document of a submission as its own file from 2001 on; older filings are one .txt.
FULL_SUBMISSION_BEFORE = "2001-01-01"
READABLE_EXHIBIT = re.compile(r"\.(?:htm|html|txt)$", re.I)  # not the images and PDFs that may carry an EX-99 name
CONTACT = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")  # an e-mail address
SUBMISSIONS_PAGE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.json")  # "CIK0000320193-submissions-001.json"

T = TypeVar("T")


class EdgarError(Exception):
    """EDGAR cannot give what was asked (an unknown ticker, an error answer, no User-Agent): one line for the user."""


class _Transient(Exception):
    """An answer worth asking again for: 429 (too many requests) or a server error."""


@dataclass(frozen=True)
class FetchRequest:
    """Which filings to fetch: companies by ticker or CIK; forms (any when none; a family's name takes its
    variants and amendments: 10-K takes 10-K405 and 10-K/A); filing dates, ISO, inclusive; at most `limit`
    filings a company, the newest first."""

    companies: tuple[str, ...]
    forms: tuple[str, ...] = ()
    since: str = ""
    until: str = ""
    limit: int | None = None

    def describe(self) -> str:
        """'8-K or 10-K filings filed 2020-01-01 to 2024-12-31'."""
        span = f" filed {self.since or 'any time'} to {self.until or 'today'}" if self.since or self.until else ""
        return f"{' or '.join(self.forms) + ' ' if self.forms else ''}filings{span}"

    def checked(self) -> "FetchRequest":
        """The request with its dates in ISO form; EdgarError when something in it is not what it should be."""
        if not self.companies:
            raise EdgarError("name at least one ticker or CIK")
        if self.limit is not None and self.limit < 1:
            raise EdgarError("the limit is a number of filings, at least 1")
        try:
            return replace(self, since=self.since and date.fromisoformat(self.since).isoformat(),
                           until=self.until and date.fromisoformat(self.until).isoformat())
        except ValueError:
            raise EdgarError(f"dates are written YYYY-MM-DD, not {self.since!r} and {self.until!r}") from None


@dataclass(frozen=True)
class ListedFiling:
    """A filing as a company's submissions list it."""

    metadata: FilingMetadata
    primary_document: str

    def label(self) -> str:
        return f"{self.metadata.company} {self.metadata.form} {self.metadata.filing_date} {self.metadata.accession}"


@dataclass(frozen=True)
class FetchOutcome:
    filing: ListedFiling
    status: str  # "downloaded", "unchanged" (already here, whole), "failed"
    manifest: str = ""  # the filing's filing.json: what ingestion takes
    documents: int = 0
    size: int = 0  # bytes of its documents
    error: str = ""


@dataclass
class FetchReport:
    outcomes: list[FetchOutcome] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)  # the companies with no filing asked for
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def manifests(self) -> list[str]:
        """The filings now on disk, whole: to ingest."""
        return [o.manifest for o in self.outcomes if o.status != "failed"]


@dataclass(frozen=True)
class FetchProgress:
    done: int
    total: int  # 0 while the filings are being listed
    current: str
    judged: FetchOutcome | None = None  # the outcome of a filing just fetched, once per filing


def fetch_filings(request: FetchRequest, settings: Settings,
                  on_progress: Callable[[FetchProgress], None] | None = None) -> FetchReport:
    """Download the filings asked for into `settings.data/edgar`; a filing already there, whole and as EDGAR
    lists it, is not downloaded again. EdgarError when the companies or their filings cannot be listed; a filing
    that cannot be downloaded is a failed outcome and the others go on."""
    started = time.perf_counter()
    request = request.checked()
    tell = on_progress or (lambda progress: None)
    report = FetchReport()
    root, max_bytes = (settings.data / "edgar").resolve(), int(settings.max_file_mb * 2**20)
    with Edgar(settings) as edgar:
        listed: dict[str, ListedFiling] = {}
        for company in request.companies:
            tell(FetchProgress(0, 0, f"listing {company}"))
            found = edgar.filings(company, request)
            if not found:
                report.empty.append(company)
            listed.update((filing.metadata.accession, filing) for filing in found)
        for done, filing in enumerate(listed.values()):
            tell(FetchProgress(done, len(listed), filing.label()))
            outcome = edgar.fetch(filing, root, max_bytes)
            report.outcomes.append(outcome)
            tell(FetchProgress(done + 1, len(listed), filing.label(), outcome))
    report.seconds = time.perf_counter() - started
    return report


class Edgar:
    """EDGAR's endpoints through one HTTP client that keeps its rules."""

    def __init__(self, settings: Settings):
        if not CONTACT.search(settings.edgar_user_agent):
            raise EdgarError("EDGAR requires a declared User-Agent: set FILINGS_QA_EDGAR_USER_AGENT to your name and "
                             "e-mail address, e.g. \"Jane Doe jane.doe@example.com\"")
        self.url = settings.edgar_url.rstrip("/")
        self.data_url = settings.edgar_data_url.rstrip("/")
        self._http = httpx.Client(headers={"User-Agent": settings.edgar_user_agent}, timeout=TIMEOUT_SECONDS,
                                  follow_redirects=True)
        self._next_request = 0.0  # time.monotonic() before which no request may start
        self._tickers: dict[str, str] | None = None  # ticker -> CIK, read once when a ticker is asked for

    def __enter__(self) -> "Edgar":
        return self

    def __exit__(self, *exc_info) -> None:
        self._http.close()

    # --- listing --------------------------------------------------------------------------------
    def cik_of(self, company: str) -> str:
        """The CIK of a ticker ("AAPL", "brk.b") or of a CIK ("320193", "0000320193"), without leading zeros."""
        if edgar_folder.CIK.fullmatch(company):
            return str(int(company))
        if self._tickers is None:
            table = self.get_json(f"{self.url}/files/company_tickers.json")
            try:
                self._tickers = {str(row["ticker"]).upper(): str(row["cik_str"]) for row in table.values()}
            except (AttributeError, KeyError, TypeError):
                raise EdgarError("EDGAR's company tickers file is not in the shape expected") from None
        cik = self._tickers.get(company.upper().replace(".", "-"))  # EDGAR writes BRK-B where others write BRK.B
        if cik is None or not edgar_folder.CIK.fullmatch(cik):
            raise EdgarError(f"unknown ticker {company!r}: EDGAR's company tickers file does not list it "
                             "(give the company's CIK instead)")
        return str(int(cik))

    def filings(self, company: str, request: FetchRequest) -> list[ListedFiling]:
        """The company's filings the request asks for, the newest first."""
        wanted = frozenset().union(*(forms.forms_named(form) for form in request.forms))
        def asked(filing: ListedFiling) -> bool:
            filed = filing.metadata.filing_date
            return (not wanted or filing.metadata.form.upper() in wanted) and request.since <= filed and (
                not request.until or filed <= request.until)

        return list(islice(filter(asked, self._submissions(self.cik_of(company), request)), request.limit))

    def _submissions(self, cik: str, request: FetchRequest) -> Iterator[ListedFiling]:
        """Every filing of the company, the newest first: the recent block, then each older page (read only when
        the filings before it were not enough, and skipped when its dates lie outside the request's)."""
        submissions = self.get_json(f"{self.data_url}/submissions/CIK{int(cik):010d}.json")
        try:
            company, listing = str(submissions.get("name", "")), submissions["filings"]
            yield from self._rows(listing["recent"], cik, company)
            for page in listing.get("files", []):
                if request.since and page.get("filingTo", request.since) < request.since or (
                        request.until and page.get("filingFrom", request.until) > request.until):
                    continue
                if not SUBMISSIONS_PAGE.fullmatch(str(page["name"])):
                    raise EdgarError(f"EDGAR lists an older page of CIK {cik} that is no file name: {page['name']!r}")
                yield from self._rows(self.get_json(f"{self.data_url}/submissions/{page['name']}"), cik, company)
        except (AttributeError, KeyError, TypeError):
            raise EdgarError(f"EDGAR's submissions of CIK {cik} are not in the shape expected") from None

    @staticmethod
    def _rows(columns: dict[str, list], cik: str, company: str) -> Iterator[ListedFiling]:
        accessions = columns["accessionNumber"]

        def column(name: str) -> list[str]:
            return [str(value) for value in columns.get(name) or [""] * len(accessions)]

        for accession, filed, period, form, primary in zip(accessions, column("filingDate"), column("reportDate"),
                                                           column("form"), column("primaryDocument")):
            if not edgar_folder.ACCESSION.fullmatch(str(accession)):
                raise EdgarError(f"EDGAR lists a filing of CIK {cik} with a malformed accession number: {accession!r}")
            yield ListedFiling(FilingMetadata(company, cik, form, filed, period, accession), primary)

    # --- downloading ----------------------------------------------------------------------------
    def fetch(self, filing: ListedFiling, root: Path, max_bytes: int) -> FetchOutcome:
        """The filing's documents and manifest, into its folder under `root`. They are downloaded into a hidden
        folder that takes the filing's name only once complete: a download stopped halfway never counts."""
        meta = filing.metadata
        folder = edgar_folder.filing_folder(root, meta.cik, meta.accession)
        kept = edgar_folder.intact(folder)
        if kept is not None and kept.metadata == meta and kept.primary_document == filing.primary_document:
            return FetchOutcome(filing, "unchanged", str(folder / MANIFEST), len(kept.documents),
                                sum(d.size for d in kept.documents))
        staging = folder.with_name(f".{meta.accession}.partial")  # hidden: never taken for a filing
        try:
            shutil.rmtree(staging, ignore_errors=True)  # what a stopped download left
            staging.mkdir(parents=True)
            documents = tuple(self._download(url, edgar_folder.document_path(staging, name), kind, max_bytes)
                              for url, name, kind in self._documents_of(filing))
            (staging / MANIFEST).write_text(FetchedFiling(meta, filing.primary_document, documents).to_json(),
                                            encoding="utf-8")
            shutil.rmtree(folder, ignore_errors=True)  # an older or damaged copy
            staging.rename(folder)
        except (EdgarError, UnsafeName, OSError) as error:
            shutil.rmtree(staging, ignore_errors=True)
            return FetchOutcome(filing, "failed", error=str(error))
        return FetchOutcome(filing, "downloaded", str(folder / MANIFEST), len(documents),
                            sum(d.size for d in documents))

    def _documents_of(self, filing: ListedFiling) -> list[tuple[str, str, str]]:
        """(URL, name, type) of each document to download: the primary document and its EX-99 exhibits, or
        the full submission of an old filing (or of one whose primary document is no plain file name)."""
        meta, primary = filing.metadata, filing.primary_document
        archive = f"{self.url}/Archives/edgar/data/{meta.cik}"
        if meta.filing_date < FULL_SUBMISSION_BEFORE or not edgar_folder.is_document_name(primary):
            return [(f"{archive}/{meta.accession}.txt", f"{meta.accession}.txt", "")]
        folder_url = f"{archive}/{meta.accession.replace('-', '')}"
        try:
            names = [str(item["name"]) for item in self.get_json(f"{folder_url}/index.json")["directory"]["item"]]
        except (KeyError, TypeError):
            raise EdgarError(f"the index of {meta.accession} is not in the shape expected") from None
        exhibits = [(name, kind) for name in names if name != primary and edgar_folder.is_document_name(name)
                    and READABLE_EXHIBIT.search(name) and (kind := forms.ex99_type(name))]
        return [(f"{folder_url}/{primary}", primary, meta.form)] + [(f"{folder_url}/{name}", name, kind)
                                                                   for name, kind in exhibits]

    def _download(self, url: str, path: Path, kind: str, max_bytes: int) -> FetchedDocument:
        def save(response: httpx.Response) -> FetchedDocument:
            digest, size = hashlib.sha256(), 0
            with path.open("wb") as file:  # from the start again on each attempt
                for piece in response.iter_bytes():
                    size += len(piece)
                    if size > max_bytes:
                        raise EdgarError(f"{path.name} is over the limit of {max_bytes / 2**20:.0f} MB a file")
                    digest.update(piece)
                    file.write(piece)
            return FetchedDocument(path.name, kind, size, digest.hexdigest())

        return self._get(url, save)

    # --- requests -------------------------------------------------------------------------------
    def get_json(self, url: str) -> Any:
        def parse(response: httpx.Response) -> Any:
            response.read()
            try:
                return response.json()
            except ValueError:
                raise EdgarError(f"EDGAR did not answer JSON for {url}") from None

        return self._get(url, parse)

    def _get(self, url: str, read: Callable[[httpx.Response], T]) -> T:
        """`read` applied to EDGAR's answer to GET `url`, asked again after a 429, a server error or a broken
        connection; EdgarError for any other answer, or when the last attempt fails too."""
        retrying = Retrying(retry=retry_if_exception_type((_Transient, httpx.TransportError)),
                            stop=stop_after_attempt(ATTEMPTS), wait=wait_exponential(multiplier=FIRST_BACKOFF_SECONDS),
                            reraise=True)
        try:
            for attempt in retrying:
                with attempt:
                    self._wait_for_turn()
                    with self._http.stream("GET", url) as response:
                        if response.status_code == 429 or response.status_code >= 500:
                            raise _Transient(f"EDGAR answered {response.status_code} to {url}")
                        if response.status_code != 200:
                            raise EdgarError(_refusal(url, response.status_code))
                        return read(response)
        except _Transient as error:
            raise EdgarError(f"{error}, {ATTEMPTS} times") from None
        except httpx.TransportError as error:
            raise EdgarError(f"cannot reach EDGAR for {url}: {error or type(error).__name__}") from None

    def _wait_for_turn(self) -> None:
        """Start requests at least 1/REQUESTS_PER_SECOND apart, retries included."""
        now = time.monotonic()
        start = max(now, self._next_request)
        self._next_request = start + 1 / REQUESTS_PER_SECOND
        time.sleep(start - now)


def _refusal(url: str, status: int) -> str:
    if status == 404:
        return f"EDGAR has nothing at {url} (404)"
    if status == 403:  # EDGAR's answer to clients it does not know who they are
        return f"EDGAR refused {url} (403): check that FILINGS_QA_EDGAR_USER_AGENT names you and your e-mail address"
    return f"EDGAR answered {status} to {url}"
