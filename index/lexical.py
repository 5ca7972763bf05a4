"""BM25 over the index's chunks (bm25s), and a table of chunk metadata for filtering without Chroma.

Each complete filing's terms are counted once and saved under `data/bm25/` beside Chroma, one file per
filing. When the registry's generation moves (a filing completed or removed), a reader reads those files,
counts the terms of filings it has no file for, and puts the BM25 matrix together from the counts: adding
one filing to 200k chunks costs seconds, not the minute that stemming every chunk again took.
"""
from __future__ import annotations

import ctypes
import os
import re
import shutil
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.models import file_stem

# Filings whose chunks are read at once to be counted, texts and metadata held until counted: 50 filings of the
# corpus are about 7,500 chunks. Reading all at once made a replica counting 200k chunks from a Chroma server
# peak at 2,213 MiB, against 1,955 MiB with this (bench/replicas.py).
COUNT_GROUP = 50
TERMS_VERSION = "3"  # changes whenever `terms` or how counts are saved does: saved counts are then made again
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


# {filing id: (chunk ids, texts to index, metadata)} of these filings' chunks
ChunkLoader = Callable[[list[str]], dict[str, tuple[list[str], list[str], list[dict]]]]


@dataclass(frozen=True)
class FilingTerms:
    """One filing's chunks as BM25 and the chunk table need them: their metadata columns and, for each chunk,
    its distinct terms with their counts (sparse rows over the filing's own vocabulary)."""

    content_hash: str  # of the file the filing was read from: a changed file's terms are counted again
    columns: dict[str, np.ndarray]  # ChunkTable.COLUMNS
    dates: np.ndarray
    vocabulary: list[str]  # the filing's distinct terms
    indptr: np.ndarray  # chunk i's terms are entries indptr[i] to indptr[i + 1] of term_ids and counts
    term_ids: np.ndarray  # positions in vocabulary
    counts: np.ndarray

    @classmethod
    def count(cls, content_hash: str, chunk_ids: list[str], texts: list[str], metas: list[dict]) -> "FilingTerms":
        vocabulary: dict[str, int] = {}
        term_ids: list[int] = []
        counts: list[int] = []
        indptr = [0]
        for text in texts:
            for term, count in Counter(terms(text)).items():
                term_ids.append(vocabulary.setdefault(term, len(vocabulary)))
                counts.append(count)
            indptr.append(len(term_ids))
        columns = {"chunk_id": chunk_ids} | {name: [m.get(name, "") for m in metas] for name in ChunkTable.COLUMNS[1:]}
        return cls(content_hash, {name: np.array(values, dtype=str) for name, values in columns.items()},
                   np.array([int(m.get("filing_date_num", 0)) for m in metas], dtype=np.int64),
                   list(vocabulary), np.array(indptr, dtype=np.int64),
                   np.array(term_ids, dtype=np.int32), np.array(counts, dtype=np.uint16))  # chunks are short

    def save(self, path: Path) -> None:
        """Written whole or not at all: another process may be reading the folder."""
        staging = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
        with staging.open("wb") as handle:
            # the terms as one string: an array of strings is as wide as its longest, and a filing may hold
            # a run of letters thousands long
            np.savez(handle, content_hash=np.array(self.content_hash), dates=self.dates,
                     vocabulary=np.array("\n".join(self.vocabulary)),
                     indptr=self.indptr, term_ids=self.term_ids, counts=self.counts,
                     **{f"column_{name}": values for name, values in self.columns.items()})
        staging.replace(path)

    @classmethod
    def load(cls, path: Path) -> "FilingTerms | None":
        """The saved counts, or None when the file is missing or damaged."""
        try:
            with np.load(path) as saved:
                vocabulary = str(saved["vocabulary"])
                return cls(str(saved["content_hash"]), {name: saved[f"column_{name}"] for name in ChunkTable.COLUMNS},
                           saved["dates"], vocabulary.split("\n") if vocabulary else [], saved["indptr"],
                           saved["term_ids"], saved["counts"])
        except (OSError, ValueError, KeyError, EOFError):
            return None


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
        return len(self.rows_holding(term))

    def rows_holding(self, term: str) -> np.ndarray:
        """The rows of `table` whose chunks hold a (stemmed) term."""
        if self.bm25 is None or term not in self.bm25.vocab_dict:
            return np.zeros(0, dtype=np.int64)
        index = self.bm25.vocab_dict[term]
        indptr = self.bm25.scores["indptr"]
        return self.bm25.scores["indices"][indptr[index]:indptr[index + 1]]


def _assemble(parts: Iterable[FilingTerms]) -> LexicalSnapshot:
    """The chunk table and the BM25 matrix of these filings' chunks, rows in the order given. Each filing's
    vocabulary is dropped once mapped: at 200k chunks they would hold more memory than the matrix."""
    import bm25s
    import scipy.sparse
    from bm25s.scoring import _build_idf_array, _select_idf_scorer, _select_tfc_scorer

    vocabulary: dict[str, int] = {}
    columns: dict[str, list[np.ndarray]] = {name: [] for name in ChunkTable.COLUMNS}
    dates, entries, term_ids, counts = [], [], [], []  # entries: how many distinct terms each chunk has
    for part in parts:
        global_ids = np.array([vocabulary.setdefault(t, len(vocabulary)) for t in part.vocabulary],
                              dtype=np.int32)
        for name in ChunkTable.COLUMNS:
            columns[name].append(part.columns[name])
        dates.append(part.dates)
        entries.append(np.diff(part.indptr))
        term_ids.append(global_ids[part.term_ids])
        counts.append(part.counts)
    table = ChunkTable({name: np.concatenate(values) if values else [] for name, values in columns.items()},
                       np.concatenate(dates) if dates else [])
    if not len(table):
        return LexicalSnapshot(table)
    row = np.repeat(np.arange(len(table), dtype=np.int32), np.concatenate(entries))
    term_id, count = np.concatenate(term_ids), np.concatenate(counts)
    del term_ids, counts
    # bm25s's own scoring functions, so that the matrix is the one `BM25.index` would make from the same terms
    bm25 = bm25s.BM25()
    lengths = np.bincount(row, weights=count, minlength=len(table)).astype(np.float32)
    frequencies = np.bincount(term_id, minlength=len(vocabulary))
    idf = _build_idf_array(dict(enumerate(frequencies.tolist())), len(table), _select_idf_scorer(bm25.idf_method),
                           bm25.dtype)
    scores = idf[term_id] * _select_tfc_scorer(bm25.method)(
        tf_array=count.astype(np.float32), l_d=lengths[row], l_avg=lengths.mean(), k1=bm25.k1, b=bm25.b,
        delta=bm25.delta)
    matrix = scipy.sparse.csc_matrix((scores.astype(bm25.dtype), (row, term_id)), shape=(len(table), len(vocabulary)))
    bm25.scores = {"data": matrix.data, "indices": matrix.indices, "indptr": matrix.indptr, "num_docs": len(table)}
    bm25.vocab_dict = vocabulary
    bm25.unique_token_ids_set = set(vocabulary.values())
    bm25.nonoccurrence_array = None  # only BM25L and BM25+ have one
    return LexicalSnapshot(table, bm25)


class LexicalIndex:
    def __init__(self, folder: Path):
        self.folder = folder
        self._terms = folder / f"terms-v{TERMS_VERSION}"
        self._lock = threading.Lock()
        self._generation = -1
        self._current = _assemble([])

    def snapshot(self) -> LexicalSnapshot:
        return self._current

    @property
    def table(self) -> ChunkTable:
        return self._current.table

    def document_frequency(self, term: str) -> int:
        return self._current.document_frequency(term)

    def refresh(self, generation: int, filings: dict[str, str], load_chunks: ChunkLoader) -> None:
        """Bring the in-memory copy up to `generation`, whose complete filings are `filings` (id: content hash):
        saved counts where they are current, counted from `load_chunks` where not."""
        with self._lock:
            if generation == self._generation:
                return
            self._terms.mkdir(parents=True, exist_ok=True)
            self._forget_all_but(set(filings))
            self._current = _assemble(self._counts(filings, load_chunks))
            self._generation = generation
        _return_freed_memory()

    def _counts(self, filings: dict[str, str], load_chunks: ChunkLoader) -> Iterator[FilingTerms]:
        """Each filing's counts, read once: the saved ones that are current, then those counted (and saved) now."""
        missing = []
        for filing_id in sorted(filings):
            saved = FilingTerms.load(self._path(filing_id))
            if saved is not None and saved.content_hash == filings[filing_id]:
                yield saved
            else:
                missing.append(filing_id)
        for first in range(0, len(missing), COUNT_GROUP):
            for filing_id, (chunk_ids, texts, metas) in load_chunks(missing[first:first + COUNT_GROUP]).items():
                counted = FilingTerms.count(filings[filing_id], chunk_ids, texts, metas)
                counted.save(self._path(filing_id))
                yield counted

    def _forget_all_but(self, filing_ids: set[str]) -> None:
        """Delete the counts of filings no longer complete, and what older versions saved."""
        keep = {self._path(filing_id).name for filing_id in filing_ids}
        for path in self._terms.iterdir():
            if path.name not in keep and path.suffix == ".npz":
                path.unlink(missing_ok=True)
        for path in self.folder.iterdir():
            if path.is_dir() and path != self._terms:
                shutil.rmtree(path, ignore_errors=True)
            elif path.is_file():
                path.unlink(missing_ok=True)

    def _path(self, filing_id: str) -> Path:
        return self._terms / f"{file_stem(filing_id)}.npz"


def _return_freed_memory() -> None:
    """Hand the assembly's freed temporaries back to the system. glibc keeps freed blocks of a few MB for
    reuse, which left a 200k-chunk server 230 MB larger than the index it holds; other C libraries return
    them by themselves."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass
