"""What the index knows besides its chunks, as shared records: the registry of filings, the activity log, the
generation and each filing's extracted text. In a Chroma server they are the state every replica shares."""
from __future__ import annotations

import base64
import gzip
import json
import uuid
from dataclasses import asdict, fields
from datetime import datetime, timezone

from index.models import (COMPLETE, INDEXING_VERSION, PENDING, Activity, Filing, FilingRecord, FilingRef,
                          Section)
from index.shared import Record, SharedRecords, StoreError

REF_FIELDS = [field.name for field in fields(FilingRef)]
GENERATION = "generation"


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Registry:
    """Which filings the index holds, from which files, whether they are complete, and who changed what."""

    def __init__(self, client):
        self._filings = SharedRecords(client, "filings_qa_filings")
        self._activity = SharedRecords(client, "filings_qa_activity")
        self._state = SharedRecords(client, "filings_qa_state")

    def by_source(self, source: str) -> list[tuple[str, str, str, int]]:
        """(filing_id, content_hash, status, indexed_by) of the filings read from `source`."""
        return [(key, str(r["content_hash"]), str(r["status"]), _indexed_by(r))
                for key, r in self._filings.find(source=source).items()]

    def status(self, filing_id: str) -> tuple[str, str] | None:
        state = self.state(filing_id)
        return state[:2] if state else None

    def state(self, filing_id: str) -> tuple[str, str, int] | None:
        """(content_hash, status, indexed_by) of the filing, in one read; None when it is not listed."""
        record = self._filings.get([filing_id]).get(filing_id)
        return (str(record["content_hash"]), str(record["status"]), _indexed_by(record)) if record else None

    def begin(self, filing: Filing, added_by: str, text_pieces: int) -> None:
        """Register a filing as pending (search ignores it until `complete`)."""
        record = FilingRecord(filing.ref, filing.content_hash, len(filing.sections), 0, PENDING,
                              _now().isoformat(timespec="seconds"), added_by, INDEXING_VERSION)
        self.restore(record, filing.sections, text_pieces)

    def restore(self, record: FilingRecord, sections: list[Section], text_pieces: int) -> None:
        """Store a registry row as given (one copied from another index keeps its status, time and user)."""
        self._filings.put({record.filing.filing_id: asdict(record.filing) | {
            "content_hash": record.content_hash, "chunks": record.chunks, "status": record.status,
            "ingested_at": record.ingested_at, "added_by": record.added_by, "indexed_by": record.indexed_by,
            "text_pieces": text_pieces,
            "sections": json.dumps([asdict(s) for s in sections])}})

    def complete(self, filing_id: str, chunks: int) -> None:
        """Make a pending filing searchable everywhere: its row says complete, then the generation moves."""
        record = self._filings.get([filing_id]).get(filing_id)
        if record is None:
            raise StoreError(f"{filing_id} was removed while it was being ingested")
        self._filings.put({filing_id: record | {"status": COMPLETE, "chunks": chunks}})
        self.move_generation()

    def delete(self, filing_id: str) -> None:
        """Hide a filing everywhere: its row goes, then the generation moves."""
        self._filings.delete([filing_id])
        self.move_generation()

    def generation(self) -> str:
        """A value that changes whenever the set of searchable filings does, in any process: one small read,
        which every question makes to stay in step."""
        return str(self._state.get([GENERATION]).get(GENERATION, {}).get("value", ""))

    def move_generation(self) -> None:
        # a new random value rather than a count: two processes moving it at once cannot both write the same one
        self._state.put({GENERATION: {"value": uuid.uuid4().hex}})

    def records(self, **matching) -> dict[str, FilingRecord]:
        """The filings (with these field values, e.g. status=COMPLETE), by id."""
        return {key: _filing_record(r) for key, r in self._filings.find(**matching).items()}

    def listed(self) -> list[FilingRecord]:
        """Every filing, by company and date."""
        return sorted(self.records().values(), key=lambda r: (r.filing.company, r.filing.filing_date))

    def text_pieces(self, filing_ids: list[str]) -> dict[str, int]:
        return {key: int(r.get("text_pieces", 0)) for key, r in self._filings.get(filing_ids).items()}

    def sections(self, filing_id: str) -> list[Section]:
        """The sections of a filing in document order; empty for a filing not in the registry."""
        record = self._filings.get([filing_id]).get(filing_id)
        return sections_from_json(str(record["sections"])) if record else []

    def log(self, user: str, action: str, filing_id: str, detail: str) -> None:
        now = _now()
        # keys sort by time: the time to the microsecond, and a random tail for two changes in one microsecond
        self._activity.put({f"{now.strftime('%Y-%m-%dT%H:%M:%S.%f')}-{uuid.uuid4().hex[:6]}": {
            "at": now.isoformat(timespec="seconds"), "user": user, "action": action, "filing_id": filing_id,
            "detail": detail}})

    def activity(self, limit: int) -> list[Activity]:
        """The latest changes, newest first."""
        logged = self._activity.find()
        return [Activity(**{name: logged[key][name] for name in ("at", "user", "action", "filing_id", "detail")})
                for key in sorted(logged, reverse=True)[:limit]]

    def activity_records(self) -> dict[str, Record]:
        return self._activity.find()

    def add_activity(self, records: dict[str, Record]) -> None:
        """Add log entries copied from another index; those already here are kept once."""
        self._activity.add(records)


def sections_from_json(text: str) -> list[Section]:
    return [Section(**(s | {"pages": tuple(s["pages"])})) for s in json.loads(text or "[]")]


def _filing_record(record: Record) -> FilingRecord:
    return FilingRecord(FilingRef(**{name: record[name] for name in REF_FIELDS}), str(record["content_hash"]),
                        len(json.loads(record["sections"])), int(record["chunks"]), str(record["status"]),
                        str(record["ingested_at"]), str(record["added_by"]), _indexed_by(record))


def _indexed_by(record: Record) -> int:
    return int(record.get("indexed_by", 0))  # rows written before versions were kept have none


# Characters of base64 per record: small records keep each request to Chroma small (its server refused a 40 MB
# request), and a 50 MB filing's text, compressed, still takes only about ten of them.
TEXT_PIECE = 2**20
PIECES_PER_WRITE = 8


class FilingTexts:
    """Each filing's extracted text (citations and sections are offsets into it), gzip-compressed and
    base64-encoded in pieces `<filing id>/<n>`. In the records' metadata, not as Chroma documents: those are
    indexed for full-text search, which took 14 s for 4 MB."""

    def __init__(self, client):
        self._records = SharedRecords(client, "filings_qa_texts")

    @staticmethod
    def pieces(text: str) -> list[str]:
        packed = base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6)).decode("ascii")
        return [packed[first:first + TEXT_PIECE] for first in range(0, len(packed), TEXT_PIECE)] or [""]

    def put(self, filing_id: str, pieces: list[str]) -> None:
        self.delete(filing_id)  # a text stored before may have had more pieces
        for first in range(0, len(pieces), PIECES_PER_WRITE):
            self._records.put({_piece_key(filing_id, n): {"filing_id": filing_id, "piece": n, "data": pieces[n]}
                               for n in range(first, min(first + PIECES_PER_WRITE, len(pieces)))})

    def get(self, filing_id: str, pieces: int) -> str:
        found = self._records.get(_piece_key(filing_id, n) for n in range(pieces))
        if len(found) < pieces or not pieces:
            raise StoreError(f"the text of {filing_id} is missing: run `filings-qa check --repair`, then ingest its "
                             "file again")
        packed = "".join(str(found[_piece_key(filing_id, n)]["data"]) for n in range(pieces))
        return gzip.decompress(base64.b64decode(packed)).decode("utf-8")

    def stored(self, pieces: dict[str, int]) -> set[str]:
        """Which of these filings (id: number of pieces) have every piece of their text stored."""
        keys = self._records.keys(_piece_key(f, n) for f, count in pieces.items() for n in range(count))
        return {f for f, count in pieces.items() if count and all(_piece_key(f, n) in keys for n in range(count))}

    def filing_ids(self) -> set[str]:
        """The filings any text is stored for."""
        return {key.rsplit("/", 1)[0] for key in self._records.keys()}

    def delete(self, filing_id: str) -> None:
        self._records.delete(filing_id=filing_id)


def _piece_key(filing_id: str, n: int) -> str:
    return f"{filing_id}/{n}"
