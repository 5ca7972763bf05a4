"""The BM25 index kept per filing: the same scores bm25s gives, and a change recounts only what it touched."""
from __future__ import annotations

import bm25s
import numpy as np

from index.lexical import TERMS_VERSION, LexicalIndex, terms

FILINGS = {
    "acme-8k": ["Acme Corp appointed Jane Roe as Chief Financial Officer effective March 1.",
                "The board approved a dividend of $0.10 per share payable in April."],
    "acme-10k": ["Net revenue rose to $1,577 million in fiscal 2004 on higher unit sales.",
                 "Risk factors include supply chain disruption and competition.",
                 "The Chief Executive Officer signed the report."],
    "globex-8k": ["Globex named a new auditor after the audit committee's review."],
}
QUERIES = ["chief financial officer appointed", "revenue 1577 fiscal 2004", "supply chain risk", "auditor review"]


class Chunks:
    """The index's side of a refresh: each filing's chunks, and which filings were asked for."""

    def __init__(self, filings: dict[str, list[str]]):
        self.filings = filings
        self.asked: list[list[str]] = []

    def hashes(self) -> dict[str, str]:
        return {filing_id: str(hash(tuple(texts))) for filing_id, texts in self.filings.items()}

    def load(self, filing_ids: list[str]):
        self.asked.append(sorted(filing_ids))
        return {f: ([f"{f}#{n:05d}" for n in range(len(self.filings[f]))], self.filings[f],
                    [{"filing_id": f, "company": f.split("-")[0], "form": f.split("-")[1], "section": "Item 1",
                      "filing_date_num": 20040101}] * len(self.filings[f]))
                for f in filing_ids}


def _refresh(lexical: LexicalIndex, chunks: Chunks, generation: int) -> None:
    lexical.refresh(generation, chunks.hashes(), chunks.load)


def _bm25s_scores(filings: dict[str, list[str]], query: str) -> np.ndarray:
    """bm25s indexing every chunk from scratch, rows in the lexical index's order (filing ids sorted)."""
    reference = bm25s.BM25()
    reference.index([terms(text) for f in sorted(filings) for text in filings[f]], show_progress=False)
    query_terms = [t for t in dict.fromkeys(terms(query)) if t in reference.vocab_dict]
    return reference.get_scores(query_terms)


def test_scores_are_those_of_bm25s_over_all_chunks(tmp_path):
    lexical = LexicalIndex(tmp_path / "bm25")
    _refresh(lexical, Chunks(FILINGS), 1)
    snapshot = lexical.snapshot()
    assert list(snapshot.table.chunk_ids) == [f"{f}#{n:05d}" for f in sorted(FILINGS) for n in range(len(FILINGS[f]))]
    for query in QUERIES:
        np.testing.assert_allclose(snapshot.scores(query), _bm25s_scores(FILINGS, query), rtol=1e-5)
    assert snapshot.document_frequency("offic") == 2  # "Officer" in two chunks


def test_a_new_filing_is_the_only_one_counted(tmp_path):
    chunks = Chunks(dict(FILINGS))
    _refresh(LexicalIndex(tmp_path / "bm25"), chunks, 1)
    chunks.filings["initech-10q"] = ["Initech reported quarterly revenue of $12 million and a new auditor."]
    reopened = LexicalIndex(tmp_path / "bm25")  # another process: only what was saved
    _refresh(reopened, chunks, 2)
    assert chunks.asked == [sorted(FILINGS), ["initech-10q"]]
    for query in QUERIES:
        np.testing.assert_allclose(reopened.snapshot().scores(query), _bm25s_scores(chunks.filings, query), rtol=1e-5)


def test_changed_removed_and_damaged_filings(tmp_path):
    chunks = Chunks(dict(FILINGS))
    lexical = LexicalIndex(tmp_path / "bm25")
    _refresh(lexical, chunks, 1)
    chunks.filings["globex-8k"] = ["Globex dismissed its auditor."]  # the file changed: new content hash
    del chunks.filings["acme-8k"]
    damaged = next((tmp_path / "bm25").glob("*/acme-10k.npz"))
    damaged.write_bytes(b"not an archive")
    _refresh(lexical, chunks, 2)
    assert chunks.asked[-1] == ["acme-10k", "globex-8k"]
    assert {p.stem for p in damaged.parent.glob("*.npz")} == {"acme-10k", "globex-8k"}
    assert "acme-8k#00000" not in lexical.table.row_of
    np.testing.assert_allclose(lexical.snapshot().scores("auditor dismissed"),
                               _bm25s_scores(chunks.filings, "auditor dismissed"), rtol=1e-5)
    _refresh(lexical, chunks, 2)  # same generation: nothing read
    assert len(chunks.asked) == 2


def test_what_older_versions_saved_is_removed(tmp_path):
    folder = tmp_path / "bm25"
    (folder / "bm25").mkdir(parents=True)
    (folder / "chunks.json").write_text("{}")
    lexical = LexicalIndex(folder)
    _refresh(lexical, Chunks(FILINGS), 1)
    assert [p.name for p in folder.iterdir()] == ["terms-v" + TERMS_VERSION]
    assert len(lexical.table) == 6


def test_a_very_long_word_does_not_widen_every_saved_term(tmp_path):
    words = " ".join(f"word{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}{chr(97 + n // 676)}" for n in range(2000))
    chunks = Chunks({"scanned-10k": [words, "x" * 20_000 + " dividend"]})  # a PDF page that lost its spaces
    lexical = LexicalIndex(tmp_path / "bm25")
    _refresh(lexical, chunks, 1)
    saved = next((tmp_path / "bm25").glob("*/scanned-10k.npz"))
    assert saved.stat().st_size < 200_000  # 2,000 terms each as wide as the longest would take 160 MB
    assert lexical.snapshot().scores("dividend")[1] > 0


def test_no_filings_no_scores(tmp_path):
    lexical = LexicalIndex(tmp_path / "bm25")
    _refresh(lexical, Chunks({}), 1)
    assert len(lexical.table) == 0
    assert lexical.snapshot().scores("revenue").shape == (0,)
