"""Ingest speed against the plain pipeline and the physical limit, and the fast path's retrieval quality.

    .venv/bin/python bench/ingest_speed.py [--corpus ../shared/corpus/filings] [--work /tmp/bench_ingest]
                                           [--qa ../shared/eval/dev_qa.jsonl] [--limit N]

In one run, on the same files, each as its own process, one after the other:
  (a) `filings-qa ingest FILES` (this project, default backend, start-up included), then again unchanged;
  (b) the plain llama-index pipeline of bench/plain_pipeline.py over the same filings as plain text;
  (c) the bare model, fp32 torch, encoding the texts of (a)'s chunks (the limit: only `encode` is timed),
      and the bare int8 ONNX model on the same texts (the fast path's own limit).
Quality: the dev questions' evidence in the top 5 (`filings-qa eval`) on (a)'s index and on its fp32 twin,
the same chunks with (c)'s fp32 vectors, queried with fp32 torch. The int8 model is made once, before
(a), in a fresh cache, and that time is reported apart. Writes bench/results/ingest.json.

    .venv/bin/python bench/ingest_speed.py --quality-of FP32_INDEX WORK [QA.jsonl]

compares quality alone on an existing whole-corpus index built with FILINGS_QA_EMBEDDING_BACKEND=torch
(copied, never changed) and its int8 twin; writes bench/results/quality.json.
"""
from __future__ import annotations

import argparse
import functools
import json
import shutil
import sys
import time
from pathlib import Path

import numpy as np

from measure import CLI, PYTHON, SHARED, machine, run, save

ENCODE_BATCH = 32  # sentence-transformers' default, for the bare models


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "filings")
    parser.add_argument("--qa", type=Path, default=SHARED / "eval" / "dev_qa.jsonl")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench_ingest"),
                        help="scratch folder, emptied first; its `ours` index serves bench/query_speed.py")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (for a quick look)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    files = sorted(p for p in args.corpus.iterdir() if p.is_file())[:args.limit or None]
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    cache = {"FILINGS_QA_MODEL_CACHE": str(args.work / "model-cache")}
    results: dict = {"machine": machine(), "files": len(files), "corpus": str(args.corpus)}

    step("extracting plain text and counting the corpus's tokens (not timed)")
    results["corpus_tokens"] = plain_texts(files, args.work / "plain")

    step("making the int8 model in a fresh cache (once per machine)")
    made = run([PYTHON, __file__, "--make-model"], env=cache)
    results["int8_model_made_seconds"] = round(made.seconds, 1)

    step("(a) filings-qa ingest, then again unchanged")
    ours = args.work / "ours"
    first = run([CLI, "ingest", *map(str, files), "--data", str(ours)], env=cache)
    again = run([CLI, "ingest", *map(str, files), "--data", str(ours)], env=cache)
    ids, texts = chunk_texts(ours)
    (args.work / "chunks.json").write_text(json.dumps(texts))
    tokens = embedded_tokens(texts)
    rows = results["rows"] = {"ours": row(first, len(files), len(texts), tokens, results["corpus_tokens"])}
    results["reingest"] = {"seconds": round(again.seconds, 2), "share_of_first": round(again.seconds / first.seconds, 4)}
    save("ingest", results)  # after every step: a run cut short still leaves what it measured

    step("(b) plain llama-index pipeline")
    plain = run([PYTHON, str(Path(__file__).with_name("plain_pipeline.py")), str(args.work / "plain"),
                 str(args.work / "plain-chroma")])
    counts = json.loads(plain.stdout.splitlines()[-1])
    rows["plain llama-index"] = row(plain, counts["files"], counts["chunks"], counts["tokens"],
                                    results["corpus_tokens"])
    save("ingest", results)

    encode_seconds = {}
    for backend in ("torch", "onnx-int8"):
        step(f"(c) the bare model, {backend}, encoding (a)'s chunk texts")
        child = run([PYTHON, __file__, "--bare", backend, str(args.work)], env=cache)
        timing = json.loads(child.stdout.splitlines()[-1])
        encode_seconds[backend] = timing["encode_seconds"]
        rows[f"bare {backend}"] = row(child, len(files), len(texts), tokens, results["corpus_tokens"],
                                      seconds=timing["encode_seconds"]) | {"model_load_seconds": timing["load_seconds"]}
        save("ingest", results)
    results["ratios"] = {
        "ours_vs_bare_fp32": round(rows["bare torch"]["seconds"] / rows["ours"]["seconds"], 2),
        "ours_vs_plain": round(rows["plain llama-index"]["seconds"] / rows["ours"]["seconds"], 2),
        "int8_vs_fp32_encode": round(encode_seconds["torch"] / encode_seconds["onnx-int8"], 2),
    }
    results["load_average_after"] = machine()["load_average"]
    save("ingest", results)

    if args.qa.is_file():
        step("quality: dev-set evidence on the int8 index and on its fp32 twin")
        twin = revectored_copy(ours, args.work / "ours-fp32", ids, np.load(args.work / "vectors-torch.npy"))
        results["quality"] = compare_quality(twin, ours, args.qa, args.work, cache)
    print(f"wrote {save('ingest', results)}")
    print(json.dumps(results["ratios"] | {"reingest": results["reingest"]}, indent=1))


def quality_of(fp32_index: Path, work: Path, qa: Path) -> None:
    """Quality alone, on an index `filings-qa ingest` built with FILINGS_QA_EMBEDDING_BACKEND=torch: its
    int8 twin (the same chunks, encoded by the int8 model) and it, side by side. Writes quality.json."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    cache = {"FILINGS_QA_MODEL_CACHE": str(work / "model-cache")}
    ids, texts = chunk_texts(fp32_index)
    (work / "chunks.json").write_text(json.dumps(texts))
    step(f"encoding {len(texts)} chunks with the int8 model")
    run([PYTHON, __file__, "--bare", "onnx-int8", str(work)], env=cache)
    exact = work / "fp32"
    shutil.copytree(fp32_index, exact)  # evaluated on a copy: the source index stays untouched
    fast = revectored_copy(exact, work / "int8", ids, np.load(work / "vectors-onnx-int8.npy"))
    step("dev-set evidence, fp32 then int8")
    results = {"machine": machine(), "fp32_index": str(fp32_index), "chunks": len(ids),
               "quality": compare_quality(exact, fast, qa, work, cache)}
    print(f"wrote {save('quality', results)}")
    print(json.dumps(results["quality"], indent=1))


def compare_quality(fp32_index: Path, int8_index: Path, qa: Path, work: Path, cache: dict[str, str]) -> dict:
    """Dev-set evidence on two indexes of the same chunks, each queried with the backend that made it."""
    return {"torch": evidence_top5(fp32_index, qa, work / "eval-fp32", {"FILINGS_QA_EMBEDDING_BACKEND": "torch"}),
            "onnx-int8": evidence_top5(int8_index, qa, work / "eval-int8",
                                       cache | {"FILINGS_QA_EMBEDDING_BACKEND": "onnx-int8"})}


def step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def row(measured, files: int, chunks: int, tokens: int, corpus_tokens: int, seconds: float | None = None) -> dict:
    seconds = measured.seconds if seconds is None else seconds
    return {"files": files, "chunks": chunks, "tokens": tokens, "seconds": round(seconds, 1),
            "corpus_tokens_per_second": round(corpus_tokens / seconds), "peak_rss_mib": round(measured.peak_rss_mib),
            "load_before": measured.load_before, "load_after": measured.load_after}


def plain_texts(files: list[Path], folder: Path) -> int:
    """Write each filing's extracted text as a .txt file; return the word pieces of all of them."""
    from index.reader import FilingError, read_filing

    folder.mkdir()
    count = _token_counter().count_tokens
    tokens = 0
    for path in files:
        try:
            text = read_filing(path).text
        except FilingError:
            continue  # (a) reports it as failed; (b) and (c) never see it
        (folder / f"{path.name}.txt").write_text(text)
        tokens += sum(count([text[i:i + 100_000] for i in range(0, len(text), 100_000)]))
    return tokens


def chunk_texts(data: Path) -> tuple[list[str], list[str]]:
    """Ids and embedded texts (context header and text) of every chunk of an index."""
    from index.config import Settings
    from index.store import FilingIndex

    index = FilingIndex(Settings(data=data))
    index.refresh_lexical()  # `chunks` gives only the chunks of filings complete at the last refresh
    chunks = index.chunks(index.collection.get(include=[])["ids"])
    return [c.chunk_id for c in chunks], [c.embedding_text for c in chunks]


def embedded_tokens(texts: list[str]) -> int:
    """Word pieces the model sees: each text cut to the model's window less [CLS] and [SEP]."""
    from index.chunking import SPECIAL_TOKENS

    counter = _token_counter()
    window = counter.max_tokens - SPECIAL_TOKENS
    return sum(min(n, window) for n in counter.count_tokens(texts))


@functools.lru_cache(maxsize=1)
def _token_counter():
    """The model's tokenizer, loaded once for both counts (fp32: the same counts as int8, nothing to make)."""
    from index.embedding import Embedder

    return Embedder(backend="torch")


def revectored_copy(data: Path, twin: Path, ids: list[str], vectors: np.ndarray) -> Path:
    """The same filings and chunks as `data`, with other vectors: everything copied but Chroma, refilled."""
    from index.config import Settings
    from index.store import FilingIndex

    shutil.rmtree(twin, ignore_errors=True)
    shutil.copytree(data, twin, ignore=shutil.ignore_patterns("chroma"))
    source = FilingIndex(Settings(data=data))
    target = FilingIndex(Settings(data=twin))
    for first in range(0, len(ids), 1000):
        target.add_chunks(source.chunks(ids[first:first + 1000]), vectors[first:first + 1000])
    return twin


def evidence_top5(data: Path, qa: Path, out: Path, env: dict[str, str]) -> dict:
    run([CLI, "eval", str(qa), "--data", str(data), "--out", str(out)], env=env)
    summary = next(iter(json.loads((out / "report.json").read_text())["systems"].values()))["summary"]
    return {key: summary[key] for key in ("evidence_top1", "evidence_top5", "evidence_top10", "mrr10")}


def make_model() -> None:
    from index.embedding import Embedder

    Embedder(backend="onnx-int8")


def bare(backend: str, work: Path) -> None:
    """Child process: encode the chunk texts with the bare model; only `embed` is timed."""
    from index.embedding import Embedder

    texts = json.loads((work / "chunks.json").read_text())
    started = time.perf_counter()
    embedder = Embedder(backend=backend, batch_size=ENCODE_BATCH)
    loaded = time.perf_counter()
    vectors = embedder.embed(texts)
    encoded = time.perf_counter()
    np.save(work / f"vectors-{backend}.npy", vectors)
    print(json.dumps({"load_seconds": round(loaded - started, 2), "encode_seconds": round(encoded - loaded, 2)}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--make-model"]:
        make_model()
    elif sys.argv[1:2] == ["--quality-of"]:
        quality_of(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]) if sys.argv[4:] else SHARED / "eval" / "dev_qa.jsonl")
    elif sys.argv[1:2] == ["--bare"]:
        bare(sys.argv[2], Path(sys.argv[3]))
    else:
        main()
