"""BM25 over the index's chunks (bm25s), and a table of chunk metadata for filtering without Chroma.

Saved under `data/bm25/` beside Chroma and stamped with the registry's generation, which moves on
every completed or removed filing: a reader whose copy is older loads the saved one, or rebuilds it.
"""
from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

TERMS_VERSION = "2"  # changes whenever `terms` does, so that saved BM25 indexes are rebuilt
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


def terms(text: str) -> list[str]:
    """Lower-cased, stemmed words without stopwords, and numbers without thousands separators ("1,577" -> "1577")."""
    stopwords, stem = _stopwords(), _stemmer().stemWord
    found = []
    for token in _TOKEN.findall(text.lower()):
        if token[0].isdigit():
            found.append(token.replace(",", "").rstrip("."))
        elif token not in stopwords and len(token) > 1:  # lone letters are mostly the s of "Apple's"
            found.append(stem(token))
    return found


@dataclass(frozen=True)
class ChunkFilter:
    """A resolved filter: concrete values as stored in the index. Empty tuples and zeros mean "any"."""

    companies: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    filing_ids: tuple[str, ...] = ()
    since: int = 0  # filing date as YYYYMMDD
    until: int = 0
    keep_undated: bool = False  # whether chunks of filings without a known date pass a date range

    def is_empty(self) -> bool:
        return self == ChunkFilter()


class ChunkTable:
    """Per-chunk metadata as arrays, row i being BM25 document i."""

    COLUMNS = ("chunk_id", "filing_id", "company", "form", "section")

    def __init__(self, columns: dict[str, list[str]], dates: list[int]):
        self.columns = {name: np.asarray(columns[name], dtype=object) for name in self.COLUMNS}
        self.dates = np.asarray(dates, dtype=np.int64)
        self.chunk_ids: np.ndarray = self.columns["chunk_id"]
        self.row_of: dict[str, int] = {chunk_id: row for row, chunk_id in enumerate(self.chunk_ids)}
        # each filter column as integer codes: comparing strings row by row takes 30 ms at 200k chunks
        self._codes: dict[str, tuple[dict[str, int], np.ndarray]] = {}
        for name in self.COLUMNS[1:]:
            values, codes = np.unique(self.columns[name].astype(str), return_inverse=True)
            self._codes[name] = ({value: code for code, value in enumerate(values.tolist())}, codes)

    def __len__(self) -> int:
        return len(self.dates)

    def distinct(self, column: str) -> list[str]:
        return sorted({v for v in self.columns[column] if v})

    def mask(self, chunk_filter: ChunkFilter) -> np.ndarray:
        keep = np.ones(len(self), dtype=bool)
        for column, values in (("company", chunk_filter.companies), ("form", chunk_filter.forms),
                               ("section", chunk_filter.sections), ("filing_id", chunk_filter.filing_ids)):
            if values:
                code_of, codes = self._codes[column]
                keep &= np.isin(codes, [code_of[v] for v in values if v in code_of])
        if chunk_filter.since or chunk_filter.until:
            in_range = (self.dates >= chunk_filter.since) & (self.dates <= (chunk_filter.until or 99999999))
            keep &= in_range | (chunk_filter.keep_undated & (self.dates == 0))
        return keep

    def to_json(self) -> dict:
        return {name: self.columns[name].tolist() for name in self.COLUMNS} | {"dates": self.dates.tolist()}

    @classmethod
    def from_json(cls, data: dict) -> "ChunkTable":
        return cls({name: data[name] for name in cls.COLUMNS}, data["dates"])


# (chunk ids, texts to index, metadata) of every chunk of the complete filings
ChunkLoader = Callable[[], tuple[list[str], list[str], list[dict]]]


@dataclass(frozen=True)
class LexicalSnapshot:
    """A chunk table and the BM25 scores over its rows, always replaced together: a search that holds one
    never sees the table of one rebuild and the scores of another (a chat user asking during an upload)."""

    table: ChunkTable
    bm25: object | None = None  # bm25s.BM25; None when no chunk is indexed

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk (row order of `table`) for the query."""
        if self.bm25 is None or not len(self.table):
            return np.zeros(len(self.table), dtype=np.float32)
        vocabulary = self.bm25.vocab_dict
        query_terms = [t for t in dict.fromkeys(terms(query)) if t in vocabulary]
        if not query_terms:
            return np.zeros(len(self.table), dtype=np.float32)
        return self.bm25.get_scores(query_terms)

    def document_frequency(self, term: str) -> int:
        """How many chunks hold a (stemmed) term: rare terms weigh more as evidence."""
        if self.bm25 is None or term not in self.bm25.vocab_dict:
            return 0
        index = self.bm25.vocab_dict[term]
        indptr = self.bm25.scores["indptr"]
        return int(indptr[index + 1] - indptr[index])


class LexicalIndex:
    def __init__(self, folder: Path):
        self.folder = folder
        self._lock = threading.Lock()
        self._generation = -1
        self._current = LexicalSnapshot(ChunkTable({name: [] for name in ChunkTable.COLUMNS}, []))

    def snapshot(self) -> LexicalSnapshot:
        return self._current

    @property
    def table(self) -> ChunkTable:
        return self._current.table

    def document_frequency(self, term: str) -> int:
        return self._current.document_frequency(term)

    def refresh(self, generation: int, load_chunks: ChunkLoader) -> None:
        """Bring the in-memory copy up to `generation`: load the saved index, or rebuild and save it."""
        with self._lock:
            if generation == self._generation:
                return
            if self._saved_generation() != generation or not self._load():
                self._build(load_chunks)
                self._save(generation)
            self._generation = generation

    # --- persistence ---------------------------------------------------------------------------
    def _build(self, load_chunks: ChunkLoader) -> None:
        import bm25s

        ids, texts, metas = load_chunks()
        table = ChunkTable(
            {"chunk_id": ids, **{c: [m.get(c, "") for m in metas] for c in ChunkTable.COLUMNS[1:]}},
            [int(m.get("filing_date_num", 0)) for m in metas])
        bm25 = None
        if ids:
            bm25 = bm25s.BM25()
            bm25.index([terms(text) for text in texts], show_progress=False)
        self._current = LexicalSnapshot(table, bm25)

    def _save(self, generation: int) -> None:
        staging = self.folder.with_name(self.folder.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        if self._current.bm25 is not None:
            self._current.bm25.save(str(staging / "bm25"), show_progress=False)
        (staging / "chunks.json").write_text(json.dumps(self.table.to_json()))
        (staging / "generation").write_text(f"{generation} {TERMS_VERSION}")
        shutil.rmtree(self.folder, ignore_errors=True)
        staging.rename(self.folder)

    def _saved_generation(self) -> int:
        try:
            saved, version = (self.folder / "generation").read_text().split()
            return int(saved) if version == TERMS_VERSION else -2
        except (OSError, ValueError):
            return -2

    def _load(self) -> bool:
        import bm25s

        try:
            table = ChunkTable.from_json(json.loads((self.folder / "chunks.json").read_text()))
            bm25 = bm25s.BM25.load(str(self.folder / "bm25"), show_progress=False) if len(table) else None
        except (OSError, ValueError, KeyError):
            return False
        self._current = LexicalSnapshot(table, bm25)
        return True
