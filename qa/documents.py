"""Reading filings without indexing them (`filings-qa parse`): the reader, its limits and the file walk that
ingestion uses, no model loaded, so it starts fast."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from index.ingest import filing_paths
from index.limits import LimitedReader, ReadLimits
from index.reader import FilingError
from qa.config import AssistantSettings


def describe_files(paths: Iterable[Path], settings: AssistantSettings) -> Iterator[dict]:
    """For each file named or found under the folders named, as ingestion finds them: its metadata, warnings and
    sections in document order (`Filing.to_summary`), or {"source", "error"} when it cannot be read as a filing
    within the limits the settings give."""
    files, unreadable = filing_paths(paths)
    for outcome in unreadable:
        yield {"source": outcome.source, "error": outcome.error}
    with LimitedReader(ReadLimits.of(settings)) as reader:
        for path in files:
            try:
                yield reader.read(path).to_summary()
            except FilingError as error:
                yield {"source": str(path), "error": str(error)}
