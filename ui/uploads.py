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
MAX_NAME = 120  # well under the 255 bytes a file name may take on common file systems, with room for the folder


@dataclass(frozen=True)
class Rejected:
    name: str
    reason: str


def clean_name(name: str) -> str:
    """The last component of a browser-given name, reduced to letters, digits, '.', '_' and '-', with its suffix
    kept: never hidden (no leading dot), never empty (".htm" becomes "upload.htm"), at most MAX_NAME characters."""
    base = re.sub(r"[^A-Za-z0-9._-]", "_", re.split(r"[\\/]", name)[-1])
    stem, suffix = re.fullmatch(r"(.*?)(\.[A-Za-z0-9]{1,8})?", base).groups(default="")
    return (stem.strip(".") or "upload")[:MAX_NAME - len(suffix)] + suffix


def store_uploads(files: list[Path], folder: Path, max_bytes: int) -> tuple[dict[Path, str], list[Rejected]]:
    """Copy the acceptable files under `folder` (stored path -> the name it came with); the others are listed with
    the reason, nothing else happens. Each file is judged on its own: one bad file never stops the others."""
    stored: dict[Path, str] = {}
    rejected: list[Rejected] = []
    root = folder.resolve()
    for number, upload in enumerate(files):
        name = upload.name
        try:
            size = upload.stat().st_size
            if number >= MAX_FILES:
                rejected.append(Rejected(name, f"at most {MAX_FILES} files are taken at once: upload it again"))
            elif not name.lower().endswith(ALLOWED_SUFFIXES):
                rejected.append(Rejected(name, f"only {', '.join(ALLOWED_SUFFIXES)} files are filings"))
            elif size == 0:
                rejected.append(Rejected(name, "the file is empty"))
            elif size > max_bytes:
                limit = f"the limit of {max_bytes / 2**20:.0f} MB"
                rejected.append(Rejected(name, f"{size / 2**20:.1f} MB is over {limit}"))
            else:
                content = upload.read_bytes()
                target = (root / hashlib.sha256(content).hexdigest()[:16] / clean_name(name)).resolve()
                if not target.is_relative_to(root):  # clean_name makes this impossible; a second lock on the door
                    rejected.append(Rejected(name, "the file name is not allowed"))
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.exists():
                    target.write_bytes(content)
                stored[target] = name
        except OSError as error:  # gone, unreadable, a full disk: this file is refused, the others go on
            rejected.append(Rejected(name, f"cannot store it: {error.strerror or error}"))
    return stored, rejected
