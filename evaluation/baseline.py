"""The plain llama-index pipeline that `filings-qa eval --baseline` compares the assistant with.

What a developer gets from the llama-index quick start: whole documents, the default SentenceSplitter,
the same embedding model, a Chroma vector store and dense top-k retrieval; no sections, no metadata
header, no answerer. It reads the same extracted text as the assistant, so the comparison measures
the pipeline and not the file parsing.
"""
from __future__ import annotations

import contextlib
import hashlib
import sys
import time
from pathlib import Path

from index.embedding import default_model_path
from index.reader import FilingError, read_filing
from qa.models import Answer, Chunk, FilingRef, Passage

COLLECTION = "baseline"
CORPUS_KEY = "corpus_key"


class BaselineError(Exception):
    """The baseline cannot be built; the message is one line for the user."""


def corpus_key(files: list[tuple[str, str]]) -> str:
    """Identity of a corpus: its (source, content hash) pairs, in any order."""
    return hashlib.sha256("\n".join(sorted(f"{source}\t{digest}" for source, digest in files)).encode()).hexdigest()


class Baseline:
    """Dense top-k retrieval over a Chroma collection, rebuilt only when the corpus changed."""

    def __init__(self, files: list[tuple[str, str]], cache: Path, k: int = 10):
        """`files`: (source path, content hash) of each filing, as the assistant's registry lists them."""
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from chromadb.errors import NotFoundError
        from llama_index.core import Settings, StorageContext, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding
        from llama_index.vector_stores.chroma import ChromaVectorStore

        # No LLM: retrieval only. llama-index announces the MockLLM on stdout, which holds the report.
        with contextlib.redirect_stdout(sys.stderr):
            Settings.llm = None
        embed_model = HuggingFaceEmbedding(model_name=default_model_path())
        client = chromadb.PersistentClient(path=str(cache), settings=ChromaSettings(anonymized_telemetry=False))
        key = corpus_key(files)
        try:
            collection = client.get_collection(COLLECTION)
        except NotFoundError:
            collection = None
        if collection is not None and (collection.metadata or {}).get(CORPUS_KEY) == key:
            index = VectorStoreIndex.from_vector_store(ChromaVectorStore(chroma_collection=collection),
                                                       embed_model=embed_model)
        else:
            if collection is not None:
                client.delete_collection(COLLECTION)
            collection = client.create_collection(COLLECTION, embedding_function=None)  # vectors come from here
            storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
            index = VectorStoreIndex.from_documents(
                _documents([source for source, _ in files]), storage_context=storage, embed_model=embed_model,
                transformations=[SentenceSplitter()], show_progress=True)
            # Written last: a build that stopped half way has no key and is rebuilt next time.
            collection.modify(metadata={CORPUS_KEY: key})
        self._retriever = index.as_retriever(similarity_top_k=k)

    def ask(self, question: str) -> Answer:
        """The top passages; the answer is the first passage's text (a baseline never refuses)."""
        started = time.perf_counter()
        hits = self._retriever.retrieve(question)
        passages = [
            Passage(rank, Chunk(hit.node.node_id, FilingRef(source=hit.node.metadata.get("source", "")),
                                hit.node.get_content(), "", "", hit.node.start_char_idx or 0,
                                hit.node.end_char_idx or 0), round(hit.score or 0.0, 4))
            for rank, hit in enumerate(hits, 1)
        ]
        return Answer(question, passages[0].chunk.text if passages else "", passages=passages,
                      latency_ms=round((time.perf_counter() - started) * 1000, 1))


def _documents(sources: list[str]) -> list:
    from llama_index.core import Document

    documents = []
    for source in sources:
        try:
            text = read_filing(source).text
        except FilingError as error:
            raise BaselineError(f"cannot read {source} for the baseline: {error}") from error
        # The source identifies passages for scoring; kept out of the embedded and prompted text.
        documents.append(Document(text=text, metadata={"source": source}, excluded_embed_metadata_keys=["source"],
                                  excluded_llm_metadata_keys=["source"]))
    return documents
