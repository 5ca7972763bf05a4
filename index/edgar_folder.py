"""A filing fetched from EDGAR as it lies on disk: `DATA/edgar/<CIK>/<accession>/`, its documents and `filing.json`.

`filing.json` (the manifest) records EDGAR's metadata of the filing and each document's name, type, size and
sha256. It is written last, into a folder that takes its final name only when complete, so a folder with an
intact manifest is a whole download. Ingestion reads the manifest as the filing (its documents one after the
other, EDGAR's metadata beating what the text says); the documents beside it are not filings of their own.

Names come from a remote server: a CIK is digits, an accession digits and dashes, a document name letters,
digits and `. _ -` that stays inside its folder, or nothing is written.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from index.models import FilingMetadata

MANIFEST = "filing.json"
CIK = re.compile(r"\d{1,10}")
ACCESSION = re.compile(r"\d{10}-\d{2}-\d{6}")
# EDGAR's own document names ("aapl-20240928.htm", "ex99-1.htm", "0000320193-96-000023.txt"): never a path
DOCUMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


class UnsafeName(ValueError):
    """A CIK, accession or document name from EDGAR that cannot name a file inside the data folder."""


@dataclass(frozen=True)
class FetchedDocument:
    name: str
    type: str  # "10-K", "EX-99.1"; "" for a full submission (.txt), whose SGML names its own documents
    size: int
    sha256: str


@dataclass(frozen=True)
class FetchedFiling:
    """The manifest: EDGAR's metadata of the filing (company as EDGAR names it now) and what was downloaded."""

    metadata: FilingMetadata
    primary_document: str  # as EDGAR's submissions list it ("" when it names none)
    documents: tuple[FetchedDocument, ...]

    def to_json(self) -> str:
        return json.dumps({"edgar": asdict(self.metadata), "primary_document": self.primary_document,
                           "documents": [asdict(d) for d in self.documents]}, indent=1)


def read_manifest(raw: bytes) -> FetchedFiling | None:
    """The manifest these bytes hold, or None when they are something else (a filing, say)."""
    if not raw.lstrip().startswith(b"{"):
        return None
    try:
        record = json.loads(raw)
        return FetchedFiling(FilingMetadata(**record["edgar"]), record["primary_document"],
                             tuple(FetchedDocument(**d) for d in record["documents"]))
    except (ValueError, TypeError, KeyError):
        return None


def filing_folder(root: Path, cik: str, accession: str) -> Path:
    """`root/<CIK>/<accession>`, the CIK without leading zeros as EDGAR's archive paths write it."""
    if not CIK.fullmatch(cik) or not ACCESSION.fullmatch(accession):
        raise UnsafeName(f"not a CIK and an accession number: {cik!r}, {accession!r}")
    return root / str(int(cik)) / accession


def is_document_name(name: str) -> bool:
    return DOCUMENT_NAME.fullmatch(name) is not None and name != MANIFEST


def document_path(folder: Path, name: str) -> Path:
    """Where document `name` of the filing in `folder` lies; UnsafeName when the name could point elsewhere."""
    path = folder / name
    if not is_document_name(name) or path.resolve().parent != folder.resolve():
        raise UnsafeName(f"not a document name: {name!r}")
    return path


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def intact(folder: Path) -> FetchedFiling | None:
    """The manifest of the filing in `folder` when every document it lists is there as it was downloaded."""
    try:
        fetched = read_manifest((folder / MANIFEST).read_bytes())
        if fetched is None:
            return None
        for document in fetched.documents:
            path = document_path(folder, document.name)
            if path.stat().st_size != document.size or sha256_of(path) != document.sha256:
                return None
    except (OSError, UnsafeName):
        return None
    return fetched


def is_fetched_document(path: Path) -> bool:
    """A document beside a manifest: part of that fetched filing, read through the manifest only."""
    return path.name != MANIFEST and (path.parent / MANIFEST).is_file()
