"""Filings uploaded through the web chat: checked, then kept inside the data folder for ingestion.

Each accepted file is stored as `uploads/<first 16 hex of its sha256>/<cleaned name>`: a name from the
browser can never point elsewhere, and two different files with one name never overwrite each other.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

ALLOWED_SUFFIXES = (".txt", ".htm", ".html", ".xml", ".sgml", ".pdf")
MAX_FILES = 20


@dataclass(frozen=True)
class Rejected:
    name: str
    reason: str


def clean_name(name: str) -> str:
    """The last component of a browser-given name, reduced to letters, digits, '.', '_' and '-'."""
    base = re.split(r"[\\/]", name)[-1]
    return re.sub(r"[^A-Za-z0-9._-]", "_", base).lstrip(".")[-120:] or "upload"


def store_uploads(files: list[Path], folder: Path, max_bytes: int) -> tuple[list[Path], list[Rejected]]:
    """Copy the acceptable files under `folder`; the others are listed with the reason, nothing else happens."""
    stored: list[Path] = []
    rejected: list[Rejected] = []
    root = folder.resolve()
    for number, upload in enumerate(files):
        name = upload.name
        size = upload.stat().st_size
        if number >= MAX_FILES:
            rejected.append(Rejected(name, f"at most {MAX_FILES} files are taken at once: upload it again"))
        elif not name.lower().endswith(ALLOWED_SUFFIXES):
            rejected.append(Rejected(name, f"only {', '.join(ALLOWED_SUFFIXES)} files are filings"))
        elif size == 0:
            rejected.append(Rejected(name, "the file is empty"))
        elif size > max_bytes:
            rejected.append(Rejected(name, f"{size / 2**20:.1f} MB is over the limit of {max_bytes / 2**20:.0f} MB"))
        else:
            content = upload.read_bytes()
            target = (root / hashlib.sha256(content).hexdigest()[:16] / clean_name(name)).resolve()
            if not target.is_relative_to(root):  # clean_name makes this impossible; a second lock on the door
                rejected.append(Rejected(name, "the file name is not allowed"))
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_bytes(content)
            stored.append(target)
    return stored, rejected
