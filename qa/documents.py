"""Reading a filing without indexing it (`filings-qa parse`): the reader that ingestion uses, nothing loaded
beside it, so it starts fast."""
from __future__ import annotations

from pathlib import Path

from index.reader import FilingError, read_filing


def describe_file(path: Path) -> dict:
    """The file's metadata and sections in document order, as `Filing.to_summary` gives them, or
    {"source", "error"} for a file that cannot be read as a filing."""
    try:
        return read_filing(path).to_summary()
    except FilingError as error:
        return {"source": str(path), "error": str(error)}
