"""Query latency at corpus size and at 200k chunks, with and without filters, and the server's peak memory.

    .venv/bin/python bench/query_speed.py [--data /tmp/bench_ingest/ours] [--large ~/.cache/filings-qa/bench/large]
                                          [--chunks 200000] [--qa ../shared/eval/dev_qa.jsonl]

`--data` is an index of the whole corpus (bench/ingest_speed.py leaves one). The large index is made once
from it (or from `--large-from`) and kept outside the repository: every filing copied as often as needed to pass `--chunks`, each copy
with its own filing id, a company name with a copy mark and dates moved back a year per copy; the chunks keep
their text and stored vectors (nothing is embedded again). Each index is served by its own process, which
asks every dev question through `Assistant.search` (retrieval) and `Assistant.ask` (the whole offline
answer), without filters and with the company and form of the question's filing, after one warm-up question.
Another process times bringing BM25 in step with each index: from nothing (every filing's terms counted),
with one filing's terms counted anew (what an upload costs a server) and from every filing's saved counts.
Writes bench/results/queries.json.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import shutil
import sys
import time
from pathlib import Path

from measure import PYTHON, SHARED, machine, run, save

from evaluation.scoring import percentile

MARKER = "bench-large.json"  # written last: the large index is complete and made from this source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/bench_ingest/ours"))
    parser.add_argument("--large", type=Path, default=Path.home() / ".cache" / "filings-qa" / "bench" / "large")
    parser.add_argument("--large-from", type=Path, help="the index the large one is made from (default: --data)")
    parser.add_argument("--build-only", action="store_true", help="make the large index, measure nothing")
    parser.add_argument("--chunks", type=int, default=200_000)
    parser.add_argument("--qa", type=Path, default=SHARED / "eval" / "dev_qa.jsonl")
    args = parser.parse_args()
    if not (args.data / "chroma").is_dir():
        sys.exit(f"no index at {args.data}: run bench/ingest_speed.py first, or give --data")
    if args.build_only:
        print(json.dumps({"built_now": build_large(args.large_from or args.data, args.large, args.chunks)}))
        return
    started = time.perf_counter()
    # Built by a child: building holds every vector in memory, and Linux counts the memory of the process a
    # child is forked from in the child's peak, which would then be reported as the servers'.
    building = run([PYTHON, __file__, "--build-only", "--data", str(args.data), "--large", str(args.large),
                    "--chunks", str(args.chunks), *(["--large-from", str(args.large_from)] if args.large_from else [])])
    built = json.loads(building.stdout.splitlines()[-1])["built_now"]
    results = {"machine": machine(), "large_index": {"path": str(args.large), "built_now": built,
                                                    "seconds": round(time.perf_counter() - started, 1)}}
    for name, data in (("corpus", args.data), ("large", args.large)):
        print(f"[{time.strftime('%H:%M:%S')}] serving {data}", flush=True)
        served = run([PYTHON, __file__, "--serve", str(data), str(args.qa)])
        results[name] = json.loads(served.stdout.splitlines()[-1]) | {
            "peak_rss_mib": round(served.peak_rss_mib), "load_before": served.load_before,
            "load_after": served.load_after}
        print(f"[{time.strftime('%H:%M:%S')}] BM25 of {data}", flush=True)
        results[name]["bm25_seconds"] = json.loads(run([PYTHON, __file__, "--bm25", str(data)]).stdout.splitlines()[-1])
    print(f"wrote {save('queries', results)}")


def build_large(source: Path, target: Path, min_chunks: int) -> bool:
    """Make the large index unless the one at `target` was made from the same source; True when made now."""
    from rich.progress import Progress

    from index.config import Settings
    from index.models import chunk_id_of
    from index.reader import read_filing
    from index.store import FilingIndex, chunk_from_metadata

    index = FilingIndex(Settings(data=source))
    found = index.collection.get(include=["documents", "metadatas", "embeddings"])
    key = hashlib.sha256(f"{min_chunks}\n".encode() + "\n".join(sorted(found["ids"])).encode()).hexdigest()
    marker = target / MARKER
    if marker.is_file() and json.loads(marker.read_text()).get("key") == key:
        return False
    shutil.rmtree(target, ignore_errors=True)
    refs = {record.filing.filing_id: record.filing for record in index.filings()}
    by_filing: dict[str, list] = {}
    for chunk_id, text, meta, vector in zip(found["ids"], found["documents"], found["metadatas"], found["embeddings"]):
        if meta["filing_id"] in refs:
            chunk = chunk_from_metadata(chunk_id, text, meta, refs[meta["filing_id"]])
            by_filing.setdefault(meta["filing_id"], []).append((chunk, vector))
    copies = math.ceil(min_chunks / len(found["ids"]))
    large = FilingIndex(Settings(data=target))
    records = [r for r in index.filings() if r.filing.filing_id in by_filing]
    with Progress() as progress:
        task = progress.add_task("large index", total=copies * len(records))
        for record in records:
            filing_id = record.filing.filing_id
            filing = read_filing(record.filing.source)
            for copy in range(copies):
                replica = _replica(filing, filing_id, copy)
                chunks = [dataclasses.replace(chunk, chunk_id=chunk_id_of(replica.filing_id, n), filing=replica.ref)
                          for n, (chunk, _) in enumerate(by_filing[filing_id])]
                with large.locks.holding(replica.filing_id):
                    large.begin(replica)
                    large.add_chunks(chunks, [vector for _, vector in by_filing[filing_id]])
                    large.complete(replica.filing_id, len(chunks))
                progress.advance(task)
    print("building BM25 over the large index", flush=True)
    large.refresh_lexical()
    marker.write_text(json.dumps({"key": key, "chunks": large.chunk_count(), "source": str(source)}))
    return True


def _replica(filing, filing_id: str, copy: int):
    """Copy `copy` of a filing: its own id, a marked company name, dates `copy` years earlier (copy 0: itself)."""
    if copy == 0:
        return filing
    meta = filing.metadata
    return dataclasses.replace(filing, metadata=dataclasses.replace(
        meta, company=f"{meta.company} (copy {copy})", accession=f"{filing_id}-copy{copy}",
        filing_date=_years_back(meta.filing_date, copy), period=_years_back(meta.period, copy)))


def _years_back(iso_date: str, years: int) -> str:
    if not iso_date:
        return ""
    year, rest = iso_date.split("-", 1)
    return f"{int(year) - years}-{rest.replace('02-29', '02-28')}"


def percentiles(milliseconds: list[float]) -> dict:
    return {"p50_ms": round(percentile(milliseconds, 50), 1), "p95_ms": round(percentile(milliseconds, 95), 1),
            "n": len(milliseconds)}


def serve(data: Path, qa: Path) -> None:
    """Child process: one Assistant over `data`, timing search and ask for each dev question."""
    from qa.assistant import Assistant
    from evaluation.scoring import load_questions
    from qa.models import Filters

    assistant = Assistant.open(data=data)
    # The filters name the company and form of the question's filing as indexed (copy 0 in the large index).
    filters_of = {Path(r.filing.source).name: Filters(company=r.filing.company, form=r.filing.form)
                  for r in reversed(assistant.filings())}
    items = load_questions(qa)
    assistant.ask(items[0].question)  # warm-up: model, BM25 and Chroma loaded
    timings: dict[str, list[float]] = {}
    for item in items:
        filters = filters_of.get(item.evidence[0].file if item.evidence else "", Filters())
        for name, call in (("search", assistant.search), ("ask", assistant.ask)):
            for label, chosen in (("no filter", Filters()), ("company and form", filters)):
                started = time.perf_counter()
                call(item.question, chosen)
                timings.setdefault(f"{name}, {label}", []).append((time.perf_counter() - started) * 1000)
    print(json.dumps({"chunks": assistant.index.chunk_count(), "filings": len(assistant.filings()),
                      "latency": {name: percentiles(values) for name, values in timings.items()}}))


def bm25_refreshes(data: Path) -> None:
    """Child process: seconds to bring BM25 in step with the index at `data`, each time in a new FilingIndex."""
    from index.config import Settings
    from index.store import FilingIndex

    def timed_refresh() -> float:
        started = time.perf_counter()
        FilingIndex(Settings(data=data)).refresh_lexical()
        return round(time.perf_counter() - started, 2)

    shutil.rmtree(data / "bm25", ignore_errors=True)
    seconds = {"from nothing": timed_refresh()}
    next((data / "bm25").glob("*/*.npz")).unlink()
    seconds["one filing counted anew"] = timed_refresh()
    seconds["all from saved counts"] = timed_refresh()
    print(json.dumps(seconds))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(Path(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1:2] == ["--bm25"]:
        bm25_refreshes(Path(sys.argv[2]))
    else:
        main()
