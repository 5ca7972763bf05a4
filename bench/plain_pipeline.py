"""Benchmark pipeline (b): what a developer builds from llama-index's quick start, sized to the model's window.

    .venv/bin/python bench/plain_pipeline.py PLAIN_TEXT_FOLDER CHROMA_FOLDER

The filings as plain text files, llama-index's SentenceSplitter counting the model's own word pieces with
chunks of the model's 256-token window, the same all-MiniLM-L6-v2 through llama-index's HuggingFaceEmbedding
(sentence-transformers, fp32 torch), and Chroma. Prints one JSON line: files, chunks, tokens, seconds.
`evaluation/baseline.py` (what `filings-qa eval --baseline` compares answers with) keeps the quick start's default
1024-token splitter instead, so it cannot serve here.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from pathlib import Path

OVERLAP_TOKENS = 32  # as much overlap as this project's chunks have


def main() -> None:
    started = time.perf_counter()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", type=Path)
    parser.add_argument("chroma", type=Path)
    args = parser.parse_args()

    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Settings, SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from index.embedding import default_model_path

    with contextlib.redirect_stdout(sys.stderr):  # llama-index announces the MockLLM on stdout
        Settings.llm = None
    embed_model = HuggingFaceEmbedding(model_name=default_model_path())
    tokenizer = embed_model._model.tokenizer
    window = embed_model._model.max_seq_length - 2  # [CLS] and [SEP] take two of the model's positions
    splitter = SentenceSplitter(chunk_size=window, chunk_overlap=OVERLAP_TOKENS,
                                tokenizer=lambda text: tokenizer.encode(text, add_special_tokens=False))
    documents = SimpleDirectoryReader(str(args.texts)).load_data()
    for document in documents:  # file names and dates: neither embedded nor counted against the window
        document.excluded_embed_metadata_keys = document.excluded_llm_metadata_keys = list(document.metadata)
    client = chromadb.PersistentClient(path=str(args.chroma), settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("plain", embedding_function=None)
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
    VectorStoreIndex.from_documents(documents, storage_context=storage, embed_model=embed_model,
                                    transformations=[splitter], show_progress=True)
    seconds = time.perf_counter() - started
    texts = collection.get(include=["documents"])["documents"]
    tokens = sum(len(ids) for ids in tokenizer(texts, add_special_tokens=False)["input_ids"])
    print(json.dumps({"files": len(documents), "chunks": collection.count(), "tokens": tokens,
                      "seconds": round(seconds, 2)}))


if __name__ == "__main__":
    main()
