"""Reading filings without indexing them (`filings-qa parse`): the reader and the file walk that ingestion uses,
no model loaded, so it starts fast."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from index.ingest import filing_paths
from index.reader import FilingError, read_filing


def describe_files(paths: Iterable[Path]) -> Iterator[dict]:
    """For each file named or found under the folders named, as ingestion finds them: its metadata and sections
    in document order (`Filing.to_summary`), or {"source", "error"} when it cannot be read as a filing."""
    files, unreadable = filing_paths(paths)
    for outcome in unreadable:
        yield {"source": outcome.source, "error": outcome.error}
    for path in files:
        try:
            yield read_filing(path).to_summary()
        except FilingError as error:
            yield {"source": str(path), "error": str(error)}
