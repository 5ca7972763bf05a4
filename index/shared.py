"""Records that every process using an index shares, in Chroma collections of their own beside the chunks.

The same code runs on embedded Chroma (a data folder) and on a Chroma server, where it makes the server the one
state that every replica of the chat shares. Chroma offers no transactions; what these records rely on is that a
single write is applied whole, that reads see every write made before them, and that `add` keeps the record
already stored under a key (the first of two writers wins), which makes it an atomic "insert if absent".
"""
from __future__ import annotations

from collections.abc import Iterable

Record = dict[str, str | int | float | bool]

# Chroma keeps a vector with every record and insists on one; these records are never searched, so one number.
PLACEHOLDER = [0.0]
WRITE_BATCH = 1000  # well under Chroma's maximum batch size (5461 in chromadb 1.5)


class StoreError(Exception):
    """The index cannot do what was asked; the message says why, in one line."""


class SharedRecords:
    """Small flat records (str, int, float, bool values) by key, in one Chroma collection."""

    def __init__(self, client, name: str):
        self.name = name
        self._collection = client.get_or_create_collection(name, embedding_function=None)

    def get(self, keys: Iterable[str]) -> dict[str, Record]:
        keys = list(keys)
        if not keys:
            return {}
        found = self._collection.get(ids=keys, include=["metadatas"])
        return dict(zip(found["ids"], found["metadatas"]))

    def find(self, **fields) -> dict[str, Record]:
        """Every record whose fields match (a value, or a Chroma operator such as {"$lt": 3}); all without any."""
        found = self._collection.get(where=_where(fields), include=["metadatas"])
        return dict(zip(found["ids"], found["metadatas"]))

    def put(self, records: dict[str, Record]) -> None:
        """Store these records, replacing those stored under the same keys."""
        self._write(self._collection.upsert, records)

    def add(self, records: dict[str, Record]) -> None:
        """Store these records where their keys are free; a key already taken keeps its record."""
        self._write(self._collection.add, records)

    def delete(self, keys: Iterable[str] | None = None, **fields) -> None:
        """Delete the records with these keys, or those whose fields match (as `find`)."""
        keys = None if keys is None else list(keys)
        if keys == [] or (keys is None and not fields):
            return
        self._collection.delete(ids=keys, where=_where(fields))

    def keys(self, keys: Iterable[str] | None = None) -> set[str]:
        """Which of these keys are taken (all keys when none are given), without reading the records."""
        keys = None if keys is None else list(keys)
        if keys == []:
            return set()
        return set(self._collection.get(ids=keys, include=[])["ids"])

    def _write(self, method, records: dict[str, Record]) -> None:
        items = list(records.items())
        for first in range(0, len(items), WRITE_BATCH):
            batch = items[first:first + WRITE_BATCH]
            method(ids=[key for key, _ in batch], embeddings=[PLACEHOLDER] * len(batch),
                   metadatas=[record for _, record in batch])


def _where(fields: dict) -> dict | None:
    """Chroma's filter for these field conditions: one stands alone, several go under $and."""
    conditions = [{field: condition} for field, condition in fields.items()]
    if len(conditions) > 1:
        return {"$and": conditions}
    return conditions[0] if conditions else None
