"""Two chat servers sharing a Chroma server, against one embedded chat server: ask latency at the 200k-chunk
index, how soon a change made elsewhere reaches a replica, and the ingest rate into the server.

    .venv/bin/python bench/replicas.py [--large ~/.cache/filings-qa/bench/large] [--ingest-files 20]
                                       [--qa ../shared/eval/dev_qa.jsonl] [--work /tmp/bench_replicas]

1. Ingest: the first `--ingest-files` corpus files (0: all) by `filings-qa ingest` into new embedded folders and
   new Chroma servers (`chroma run` on loopback), in the order embedded, server, server, embedded, start-up included.
2. `filings-qa migrate` copies the large index (bench/query_speed.py makes it) into another Chroma server.
3. Two `filings-qa serve --chroma-url` replicas, each with a data folder of its own (their BM25 counted from
   the server on their first question, which is timed), and `filings-qa serve --data LARGE`. Every dev question
   is asked through `/ask` (the client's wall time): by one user, of the replicas (in turn) and of the embedded
   server, question by question; and by four users at once (two on each replica; all four on the embedded server).
4. A filing ingested by another process (`filings-qa ingest --chroma-url`), then removed by one: the seconds
   from the command's return to the first answer of a replica that cites it, then that refuses it.
Writes bench/results/replicas.json and prints the tables.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from measure import CLI, ROOT, SHARED, free_port, machine, run, save, wait_for

from evaluation.scoring import load_questions, percentile

os.environ.setdefault("HF_HUB_OFFLINE", "1")
CHROMA = str(Path(CLI).with_name("chroma"))
ACME = ROOT / "tests" / "fixtures" / "acme_plain_8k.txt"
ACME_QUESTION = "Who did Acme Widgets name as Chief Operating Officer?"
USERS = 4  # concurrent users: two per replica, enough to keep both cores of this machine busy


@contextlib.contextmanager
def started(command: list[str], url: str, log: Path):
    """A server process, once `url` answers; yields the process."""
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for(url, process, log)
            yield process
        finally:
            process.terminate()
            process.wait(timeout=60)


@contextlib.contextmanager
def chroma_server(folder: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with started([CHROMA, "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
                 f"{url}/api/v2/heartbeat", folder.with_suffix(".log")) as process:
        yield url, process


@contextlib.contextmanager
def chat_server(data: Path, *options: str):
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with started([CLI, "serve", "--data", str(data), "--port", str(port), *options], f"{url}gradio_api/info",
                 data.with_suffix(".log")) as process:
        yield url, process


def peak_rss_mib(process: subprocess.Popen) -> int:
    """The process's peak resident memory so far (Linux)."""
    status = Path(f"/proc/{process.pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) // 1024


def ask(url: str, question: str) -> tuple[float, dict]:
    from gradio_client import Client

    client = Client(url, verbose=False)
    began = time.perf_counter()
    reply = client.predict(question, api_name="/ask")
    return time.perf_counter() - began, reply


def one_user(url: str, questions: list[str]) -> list[float]:
    """Milliseconds per answer of one gradio_client session asking one question after another."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    timings = []
    for question in questions:
        began = time.perf_counter()
        client.predict(question, api_name="/ask")
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def compare(setups: dict[str, list[str]], questions: list[str], users: int) -> dict:
    """p50/p95 of each setup's answers (a setup: its servers' urls). One user asks each question of every setup in
    turn, the setups' order alternating; `users` users at once ask all questions, user i on the setup's
    urls[i % len(urls)], each setup twice in the order A B B A. Either way a load that drifts weighs on all alike."""
    timings: dict[str, list[float]] = {name: [] for name in setups}
    if users == 1:
        for i, question in enumerate(questions):
            for name in (list(setups) if i % 2 == 0 else list(setups)[::-1]):
                urls = setups[name]
                timings[name] += one_user(urls[i % len(urls)], [question])
    else:
        for name in [*setups, *list(setups)[::-1]]:
            urls = setups[name]
            with ThreadPoolExecutor(users) as pool:
                timings[name] += [t for per_user in pool.map(lambda u: one_user(urls[u % len(urls)], questions),
                                                             range(users)) for t in per_user]
    return {name: {"p50_ms": round(percentile(t, 50)), "p95_ms": round(percentile(t, 95)), "answers": len(t)}
            for name, t in timings.items()}


def ingest_rate(files: list[Path], data: Path, *options: str) -> dict:
    done = run([CLI, "ingest", *map(str, files), "--data", str(data), *options])
    summary = " ".join(done.stderr.split())
    chunks = int(re.search(r"(\d+) chunks, (\d+) tokens", summary).group(1))
    return {"chunks": chunks, "seconds": round(done.seconds, 1), "load": [done.load_before, done.load_after]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=Path, default=Path.home() / ".cache" / "filings-qa" / "bench" / "large")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "filings")
    parser.add_argument("--ingest-files", type=int, default=20)
    parser.add_argument("--qa", type=Path, default=SHARED / "eval" / "dev_qa.jsonl")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench_replicas"))
    args = parser.parse_args()
    if not (args.large / "chroma").is_dir():
        raise SystemExit(f"no large index at {args.large}: run bench/query_speed.py first, or give --large")
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    questions = [item.question for item in load_questions(args.qa)]
    results = {"machine": machine()}

    def step(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    files = sorted(args.corpus.iterdir())[:args.ingest_files or None]
    step(f"ingesting {len(files)} files into new embedded folders and Chroma servers, in the order A B B A")
    runs: dict[str, list[dict]] = {"embedded": [], "server": []}
    for n, into in enumerate(("embedded", "server", "server", "embedded")):
        if into == "embedded":
            runs[into].append(ingest_rate(files, args.work / f"ingest-{n}"))
        else:
            with chroma_server(args.work / f"chroma-ingest-{n}") as (url, _):
                runs[into].append(ingest_rate(files, args.work / f"ingest-{n}", "--chroma-url", url))
    results["ingest"] = {into: {"files": len(files), "chunks": r[0]["chunks"],
                                "seconds": [x["seconds"] for x in r], "load": [x["load"] for x in r],
                                "chunks_per_s": round(sum(x["chunks"] for x in r) / sum(x["seconds"] for x in r), 1)}
                         for into, r in runs.items()}

    with chroma_server(args.work / "chroma") as (url, chroma):
        step(f"migrating {args.large} into the server")
        copied = run([CLI, "migrate", "--data", str(args.large), "--chroma-url", url])
        chunks = int(re.search(r"\((\d+) chunks\)", " ".join(copied.stderr.split())).group(1))
        results["migrate"] = {"chunks": chunks, "seconds": round(copied.seconds, 1),
                              "chunks_per_s": round(chunks / copied.seconds)}
        step("starting two replicas and the embedded server")
        with chat_server(args.work / "one", "--chroma-url", url) as (one, one_process), \
                chat_server(args.work / "two", "--chroma-url", url) as (two, two_process), \
                chat_server(args.large) as (embedded, embedded_process):
            results["first_question_s"] = {name: round(ask(server, questions[0])[0], 2)
                                           for name, server in (("replica", one), ("embedded", embedded))}
            ask(two, questions[0])
            for users in (1, USERS):
                step(f"asking the dev questions, {users} user(s)")
                results[f"{users} users"] = compare({"replicas": [one, two], "embedded": [embedded]}, questions, users)
            step("a change made by another process, seen by the replicas")
            results["change_seen_s"] = change_seen(url, args.work / "changer", one, two)
            results["peak_rss_mib"] = {"replica": max(peak_rss_mib(one_process), peak_rss_mib(two_process)),
                                       "embedded": peak_rss_mib(embedded_process),
                                       "chroma server": peak_rss_mib(chroma)}
    print(f"wrote {save('replicas', results)}")
    print(table(results))


def change_seen(url: str, data: Path, one: str, two: str) -> dict:
    """Seconds from the return of `filings-qa ingest` (another process) to replica two's answer citing the
    filing, and from the return of `filings-qa remove` to replica one's answer without it: each the first
    question asked, which brings the replica in step; its own answer time is the rest."""
    run([CLI, "ingest", str(ACME), "--data", str(data), "--chroma-url", url])
    added_at = time.perf_counter()
    _, reply = ask(two, ACME_QUESTION)
    seen = {"added, first answer": round(time.perf_counter() - added_at, 2), "cited": "John R. Roe" in reply["answer"]}
    filing_id = next(c["filing_id"] for c in reply["citations"])
    run([CLI, "remove", filing_id, "--data", str(data), "--chroma-url", url])
    removed_at = time.perf_counter()
    _, reply = ask(one, ACME_QUESTION)
    seen |= {"removed, first answer": round(time.perf_counter() - removed_at, 2),
             "gone": filing_id not in {c["filing_id"] for c in reply["citations"]}}
    seen["next answer"] = round(ask(one, ACME_QUESTION)[0], 2)
    return seen


def table(results: dict) -> str:
    lines = ["| users | two replicas, one Chroma server: p50 / p95 | one embedded server: p50 / p95 |", "|---|---|---|"]
    for users in (1, USERS):
        row = results[f"{users} users"]
        lines.append(f"| {users} | {row['replicas']['p50_ms']} / {row['replicas']['p95_ms']} ms | "
                     f"{row['embedded']['p50_ms']} / {row['embedded']['p95_ms']} ms |")
    ingest = results["ingest"]
    lines += ["", "| ingest into | files | chunks | seconds | chunks/s |", "|---|---|---|---|---|"]
    lines += [f"| {name} | {r['files']} | {r['chunks']:,} | {' and '.join(map(str, r['seconds']))} | "
              f"{r['chunks_per_s']} |" for name, r in ingest.items()]
    lines += ["", f"migrate: {results['migrate']['chunks']:,} chunks in {results['migrate']['seconds']} s "
              f"({results['migrate']['chunks_per_s']:,} chunks/s); first question of a new replica "
              f"{results['first_question_s']['replica']} s (embedded server: {results['first_question_s']['embedded']} s);"
              f" change seen: {json.dumps(results['change_seen_s'])}; peak memory MiB: "
              f"{json.dumps(results['peak_rss_mib'])}"]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
