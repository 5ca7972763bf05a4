"""Latency of the web chat under concurrent users, measured the way a browser sees it.

Each simulated user is its own gradio_client session asking questions one after another through the chat's
streaming endpoint (`/chat`, the one the page calls). For every question it records the time to the first
streamed piece of answer text and the time to the full answer with its sources, then prints p50/p95 per
number of concurrent users.

    .venv/bin/python bench/chat_latency.py --data data                # starts `filings-qa serve` itself
    .venv/bin/python bench/chat_latency.py --url http://127.0.0.1:7860/ --users 1 10 --rounds 5
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from evaluation.scoring import percentile
from measure import ROOT, free_port, wait_for

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

SEARCHING = "Searching the filings…"  # the placeholder the chat shows before any answer text
SAMPLE_QUESTIONS = [
    "Who did ImmunoGen appoint as CFO?",
    "Who signed ImmunoGen's 8-K of March 2001?",
    "What did ImmunoGen and Millennium agree to?",
    "How much will Millennium pay ImmunoGen up front?",
    "What was Gregg Beloff's previous job?",
]


def answer_text(output) -> str:
    """The last chat message's text in one streamed update of `/chat` ('' while it is the placeholder)."""
    messages = output[0] if isinstance(output, (list, tuple)) else []
    if not messages:
        return ""
    content = messages[-1].get("content")
    text = content[0].get("text", "") if isinstance(content, list) and content else str(content or "")
    return "" if text == SEARCHING else text


def one_user(url: str, questions: list[str]) -> list[tuple[float, float]]:
    """(seconds to first answer text, seconds to full answer) for each question of one session."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    timings = []
    for question in questions:
        started = time.perf_counter()
        first = None
        job = client.submit(question, [], None, None, "", "", None, api_name="/chat")
        for output in job:
            if first is None and answer_text(output):
                first = time.perf_counter() - started
        job.result()
        full = time.perf_counter() - started
        timings.append((first if first is not None else full, full))
    return timings


def run(url: str, users: int, questions: list[str], rounds: int) -> dict:
    per_user = [[questions[(u + r) % len(questions)] for r in range(rounds)] for u in range(users)]
    started = time.perf_counter()
    with ThreadPoolExecutor(users) as pool:
        results = [t for timings in pool.map(lambda qs: one_user(url, qs), per_user) for t in timings]
    wall = time.perf_counter() - started
    firsts, fulls = [r[0] for r in results], [r[1] for r in results]
    return {"users": users, "answers": len(results), "first_p50": percentile(firsts, 50),
            "first_p95": percentile(firsts, 95), "full_p50": percentile(fulls, 50),
            "full_p95": percentile(fulls, 95), "mean_full": statistics.mean(fulls),
            "answers_per_s": len(results) / wall}


@contextmanager
def served(data: Path, concurrency: int):
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix="chat-latency-", suffix=".log", delete=False)
    server = subprocess.Popen([sys.executable, "-m", "ui", "serve", "--data", str(data), "--port", str(port),
                               "--concurrency", str(concurrency)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(url + "gradio_api/info", server, Path(log.name), seconds=180)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="a running chat, e.g. http://127.0.0.1:7860/")
    where.add_argument("--data", type=Path, help="a data folder to serve for the measurement")
    parser.add_argument("--users", type=int, nargs="+", default=[1, 10], help="concurrent users, one run each")
    parser.add_argument("--rounds", type=int, default=5, help="questions each user asks, one after another")
    parser.add_argument("--questions", type=Path, help="JSONL with a 'question' field (default: the sample's)")
    parser.add_argument("--concurrency", type=int, default=8, help="the server's --concurrency (with --data)")
    args = parser.parse_args()
    questions = ([json.loads(line)["question"] for line in args.questions.read_text().splitlines() if line.strip()]
                 if args.questions else SAMPLE_QUESTIONS)

    def measure(url: str) -> None:
        one_user(url, questions[:1])  # warm-up: the first answer pays for loading the BM25 index
        print("| users | answers | first text p50 | first text p95 | full answer p50 | full answer p95 | answers/s |")
        print("|---|---|---|---|---|---|---|")
        for users in args.users:
            r = run(url, users, questions, args.rounds)
            print(f"| {r['users']} | {r['answers']} | {r['first_p50']:.2f} s | {r['first_p95']:.2f} s | "
                  f"{r['full_p50']:.2f} s | {r['full_p95']:.2f} s | {r['answers_per_s']:.2f} |", flush=True)

    if args.url:
        measure(args.url)
    else:
        with served(args.data, args.concurrency) as url:
            measure(url)


if __name__ == "__main__":
    main()
