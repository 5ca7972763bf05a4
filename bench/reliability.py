"""Reliability: kill -9 during ingest and remove, a hostile batch of files, and many users while a filing is added.

    .venv/bin/python bench/reliability.py [--trials 20] [--clients 20] [--seconds 120] [--work /tmp/bench_reliability]

1. `filings-qa ingest` of a few filings is killed (-9) at a random moment `--trials` times, each time from an empty
   data folder; after each kill `filings-qa check` must find the index consistent (a filing left pending is harmless:
   nothing of it answers), and after the next ingest of the same files consistent and whole.
2. `filings-qa remove` of one of them is killed likewise; after each kill the filing must be whole or hidden (`check`
   finds nothing, or only its chunks left behind), and after the next ingest the index consistent and whole.
   A moment is drawn uniformly, with seeds 0, 1, 2 ..., over the time an uninterrupted run takes from holding the data
   folder for writing (`DATA/writer.lock` names it) to its exit, or for `remove` to the end of the removal proper
   (its text deleted, the last step).
3. A hostile batch (made in the work folder): each path must get one outcome, each error one line, and the batch's
   processes must stay under 1.5 GB (the largest one's peak, and all of them together, sampled every 0.1 s).
4. `--clients` gradio_client users ask `/ask` for `--seconds` against a real `filings-qa serve`, every answer
   checked; halfway through, a filing is uploaded in headless Chromium and its question joins in once it is added.

Prints a table and writes bench/results/reliability.json.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from evaluation.scoring import percentile
from index.models import file_stem
from measure import CLI, ROOT, SHARED, free_port, machine, save, wait_for

SAMPLE = ROOT / "samples" / "immunogen_8-K_2001-03-07.txt"
FIXTURES = ROOT / "tests" / "fixtures"
# Small 8-Ks of several eras and formats (191 chunks with the sample and a fixture): an ingest holds the folder 9-13 s
# here, long enough for kills to land while it reads, embeds and writes, short enough for 20 trials.
CORPUS_FILES = ("amazon_8-K_1998-08-27.txt", "apple_8-K_2019-03-04.htm", "iff_8-K_2025-05-07.htm",
                "oracle_8-K_2019-07-10.txt", "southernco_8-K_2007-01-25.txt", "atrinsic_8-K_2016-04-26.txt")
REMOVED = "Amazon.com"  # the filing removed: the one with most chunks, so its deletion takes longest
# (question, words its answer must hold); the last one only once its filing is uploaded
QUESTIONS = [("Who did ImmunoGen appoint as CFO?", "Gregg D. Beloff"),
             ("Who signed ImmunoGen's 8-K of March 2001?", "Sayare"),
             ("How many people will the Springfield plant employ?", "85 people")]
UPLOADED = FIXTURES / "acme_plain_8k.txt"
UPLOADED_QUESTION = ("Who did Acme Widgets name as Chief Operating Officer?", "John R. Roe")
MEMORY_LIMIT = 1.5 * 2**30


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env=os.environ | {"COLUMNS": "1000"})  # one line per file's error, unwrapped


def kill_while_writing(args: list[str], data: Path, seconds: float, done: Callable[[], bool] | None = None) -> float:
    """Run `filings-qa ARGS` and kill -9 it `seconds` after it holds `data` for writing, unless it ends before; or,
    given `done`, let it end. The seconds from holding the folder to its end, or until `done()` came true."""
    process = subprocess.Popen([CLI, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    lock = data / "writer.lock"
    while process.poll() is None and f"(pid {process.pid})" not in (lock.read_text() if lock.exists() else ""):
        time.sleep(0.001)
    claimed = time.perf_counter()
    while process.poll() is None and time.perf_counter() - claimed < seconds and not (done and done()):
        time.sleep(0.001)
    held = time.perf_counter() - claimed
    if done is None:
        process.kill()
    process.wait()
    return held


def listed(data: Path) -> list[dict]:
    """The registry's filings: `filings-qa list --json`."""
    return [json.loads(line) for line in cli("list", "--json", "--data", str(data)).stdout.splitlines()]


def checked(data: Path) -> tuple[int, list[str]]:
    """`filings-qa check`: its exit status and the problems it names."""
    result = cli("check", "--data", str(data))
    return result.returncode, [line for line in result.stdout.splitlines() if ": " in line]


def kill_trials(kind: str, files: list[str], whole: Path, work: Path, trials: int) -> dict:
    """`trials` kills of `filings-qa ingest` (from an empty folder) or `remove` (from `whole`, the files' index)."""
    expected = {row["filing_id"]: row for row in listed(whole)}
    removed_id = next(row["filing_id"] for row in expected.values() if row["company"].startswith(REMOVED))
    arguments = ["ingest", *files] if kind == "ingest" else ["remove", removed_id]

    def command(data: Path) -> list[str]:
        return [*arguments, "--data", str(data)]

    def fresh(name: str) -> Path:
        data = work / name
        shutil.rmtree(data, ignore_errors=True)
        if kind == "remove":
            shutil.copytree(whole, data)
        return data

    timed = fresh("timed")
    # A removal's own steps (hide the filing, delete its chunks, its text, then its kept file) take a small part of
    # the time the command holds the folder (BM25 brought in step and the exit follow): kills are drawn over those.
    original = timed / "originals" / file_stem(removed_id)  # the removal's last step deletes the kept file
    held = kill_while_writing(command(timed), timed, 600, (lambda: not original.exists()) if kind == "remove" else None)
    rows = []
    for seed in range(trials):
        data = fresh(f"{kind}-trial")
        moment = random.Random(seed).uniform(0, held)
        kill_while_writing(command(data), data, moment)
        after_kill = {row["filing_id"]: row["status"] for row in listed(data)}
        status, problems = checked(data)
        if kind == "ingest":
            state = f"{list(after_kill.values()).count('complete')} complete, " \
                    f"{list(after_kill.values()).count('pending')} pending"
            kill_ok = status == 0  # pending filings are harmless: the next ingest completes them
        else:
            state = "whole" if removed_id in after_kill else ("hidden, chunks left" if problems else "removed")
            kill_ok = (status == 0 and not problems) if removed_id in after_kill else all(
                p.startswith(f"{removed_id}: ") and "of a filing the registry does not list" in p for p in problems)
        cli("ingest", *files, "--data", str(data))
        status_after, problems_after = checked(data)
        repaired = status_after == 0 and not problems_after and \
            {row["filing_id"]: row["status"] for row in listed(data)} == dict.fromkeys(expected, "complete")
        rows.append({"seed": seed, "moment_s": round(moment, 3), "state": state, "check_after_kill": problems,
                     "consistent_after_kill": kill_ok, "consistent_after_ingest": repaired})
        print(f"  {kind} trial {seed}: killed {moment:.2f} s in: {state}; check {'ok' if kill_ok else problems}; "
              f"after ingest {'consistent' if repaired else 'NOT consistent'}", flush=True)
    return {"files": len(files), "chunks": sum(r["chunks"] for r in expected.values()), "held_s": round(held, 2),
            "trials": rows, "failures": sum(not (r["consistent_after_kill"] and r["consistent_after_ingest"])
                                            for r in rows)}


def hostile_batch(folder: Path) -> dict[str, str]:
    """Hostile and odd files, with the outcome each must get: "ingested", "warning" or "error"."""
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "good.txt")
    line = "Securities and Exchange Commission annual report of the registrant.\n"
    (folder / "huge.txt").write_text(line * (60 * 2**20 // len(line)))  # 60 MB: over the file limit
    (folder / "long.txt").write_text("FORM 10-K\n" + line * 160_000)  # 11 million characters: over the text limit
    # lxml took 2.3 GB for 50 MB of tiny paragraphs: over the memory a reader may take
    (folder / "dense.htm").write_text("<html><body><p>FORM 8-K annual report</p>" + "<p>word</p>" * 3_800_000)
    # 500,000 unclosed <TABLE> tags: each one searched to the end of the file took hours, over the time budget;
    # read in one pass since, it is ingested
    (folder / "tables.txt").write_text("SECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\n" + line * 100
                                       + "<TABLE>\n" * 500_000)
    levels = 200_000
    (folder / "deep.htm").write_text("<html><body>" + "<div>" * levels + "<p>FORM 8-K</p><p>Acme Widgets, Inc. "
                                     "announced quarterly earnings of $5 million.</p>" + "</div>" * levels)
    (folder / "binary.htm").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 100)
    (folder / "utf16.txt").write_text(SAMPLE.read_text(), encoding="utf-16")
    (folder / "empty.htm").write_text("")
    shutil.copy(FIXTURES / "acme_submission_cut.txt", folder / "cut.txt")
    (folder / "loop").symlink_to(folder / "loop")
    (folder / "nowhere").symlink_to(folder / "missing.txt")
    os.mkfifo(folder / "pipe")
    (folder / "folder.htm").mkdir()  # a folder named as a file: read as a folder
    shutil.copy(FIXTURES / "acme_10q.htm", folder / "folder.htm" / "inner.htm")
    return {"good.txt": "ingested", "huge.txt": "error", "long.txt": "error", "dense.htm": "error",
            "tables.txt": "ingested", "deep.htm": "ingested", "binary.htm": "error", "utf16.txt": "ingested",
            "empty.htm": "error", "cut.txt": "warning", "loop": "error", "nowhere": "error", "pipe": "error",
            "folder.htm/inner.htm": "ingested"}


def tree_rss(root: int) -> int:
    """Resident memory of a process and all its descendants together, in bytes."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):  # gone meanwhile
            continue
    tree = {root}
    while added := {pid for pid, parent in parents.items() if parent in tree} - tree:
        tree |= added
    total = 0
    for pid in tree:
        try:
            status = Path(f"/proc/{pid}/status").read_text().splitlines()
        except OSError:
            continue
        total += next((int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:")), 0)
    return total


def run_hostile(work: Path) -> dict:
    """`filings-qa ingest` of the hostile batch: each path's outcome, the time, the peak memory."""
    folder = work / "hostile"
    expected = hostile_batch(folder)
    data = work / "hostile-data"
    together = 0
    with tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen([CLI, "ingest", str(folder), "--data", str(data)], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=err, env=os.environ | {"COLUMNS": "1000"})
        done = threading.Event()

        def sample() -> None:
            nonlocal together
            while not done.wait(0.1):
                together = max(together, tree_rss(process.pid))

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, _, usage = os.wait4(process.pid, 0)  # its own usage, with that of the processes it waited for
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        err.seek(0)
        stderr = err.read()
    outcomes: dict[str, tuple[str, str]] = {}
    lines = stderr.strip().splitlines()
    for line in lines:
        kind, _, rest = line.partition(" ")
        if kind in ("error", "warning") and rest.startswith(str(folder)):
            path, _, message = rest.partition(": ")
            outcomes[str(Path(path).relative_to(folder))] = (kind, message)
    # every line is a file's outcome, the progress bar or the summary: no message runs over two lines
    stray = len(lines) - len(outcomes) - sum(line.startswith("Ingesting") for line in lines) - 1
    for row in listed(data):
        name = str(Path(row["source"]).relative_to(folder.resolve()))
        outcomes.setdefault(name, ("ingested", f"{row['sections']} sections, {row['chunks']} chunks"))
    rows = [{"path": name, "expected": want, "outcome": outcomes.get(name, ("none", ""))[0],
             "message": outcomes.get(name, ("", ""))[1]} for name, want in expected.items()]
    return {"seconds": round(seconds, 1), "rows": rows, "largest_peak_mib": round(usage.ru_maxrss / 1024),
            "together_peak_mib": round(together / 2**20), "summary": lines[-1], "stray_lines": stray,
            "failures": sum(r["outcome"] != r["expected"] for r in rows) + stray
            + (max(usage.ru_maxrss * 1024, together) >= MEMORY_LIMIT)}


def served(data: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """A `filings-qa serve` on a free port, once it answers."""
    port = free_port()
    server = subprocess.Popen([CLI, "serve", "--data", str(data), "--port", str(port)], cwd=ROOT,
                              stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(url + "gradio_api/info", server, log)
    except SystemExit:
        server.kill()
        raise
    return server, url


def upload_in_browser(url: str, path: Path) -> tuple[float, str]:
    """Add a filing through the Documents tab in headless Chromium: seconds from the click to its report, the report."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("FILINGS_QA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(url)
        page.get_by_role("tab", name="Documents").click()
        page.set_input_files("#fqa-upload input[type=file]", [str(path)])
        page.wait_for_selector(f"#fqa-upload >> text={path.stem}")
        started = time.perf_counter()
        page.click("#fqa-add")
        page.wait_for_selector("#fqa-upload-report li", timeout=300_000)
        seconds = time.perf_counter() - started
        report = page.inner_text("#fqa-upload-report")
        browser.close()
    return seconds, report


def run_clients(data: Path, work: Path, clients: int, seconds: float) -> dict:
    """`clients` users asking `/ask` one question after another for `seconds`; an upload halfway through."""
    from gradio_client import Client

    server, url = served(data, work / "serve.log")
    questions = list(QUESTIONS)
    answers: list[tuple[float, bool]] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def user(number: int) -> None:
        client = Client(url, verbose=False)
        asked = number
        while time.monotonic() < deadline:
            question, expected = questions[asked % len(questions)]
            asked += 1
            started = time.perf_counter()
            try:
                reply = client.predict(question, api_name="/ask")
            except Exception as error:  # noqa: BLE001 - counted and shown: the server must not fail a user
                with lock:
                    errors.append(f"{type(error).__name__}: {error}"[:200])
                continue
            with lock:
                answers.append((time.perf_counter() - started, expected in reply["answer"]))
                if expected not in reply["answer"]:
                    errors.append(f"wrong answer to {question!r}: {reply['answer'][:150]}")

    try:
        with ThreadPoolExecutor(clients) as pool:
            users = [pool.submit(user, n) for n in range(clients)]
            time.sleep(seconds / 2)
            upload_seconds, report = upload_in_browser(url, UPLOADED)
            questions.append(UPLOADED_QUESTION)  # from now on it must be answered from the new filing
            for finished in users:
                finished.result()
        status = Path(f"/proc/{server.pid}/status").read_text().splitlines()
        server_peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    finally:
        server.terminate()
        server.wait(timeout=60)
    latencies = [latency for latency, _ in answers]
    wrong = sum(not right for _, right in answers)
    return {"clients": clients, "seconds": seconds, "answers": len(answers), "wrong": wrong,
            "errors": len(errors) - wrong, "error_samples": errors[:5], "p50_s": round(percentile(latencies, 50), 3),
            "p95_s": round(percentile(latencies, 95), 3), "mean_s": round(statistics.mean(latencies), 3),
            "answers_per_s": round(len(answers) / seconds, 1), "upload_s": round(upload_seconds, 1),
            "upload_report": report.strip(), "server_peak_mib": round(server_peak), "failures": len(errors)
            + ("ingested acme_plain_8k.txt" not in report)}


def table(results: dict) -> str:
    ingest, remove, hostile, clients = (results[k] for k in ("ingest_kills", "remove_kills", "hostile", "clients"))

    def states(part: dict) -> str:
        counted: dict[str, int] = {}
        for trial in part["trials"]:
            counted[trial["state"]] = counted.get(trial["state"], 0) + 1
        return "; ".join(f"{state} ({n})" for state, n in sorted(counted.items()))

    def kills(part: dict) -> str:
        return (f"after the kill (trials): {states(part)}. Check consistent after the kill "
                f"{sum(t['consistent_after_kill'] for t in part['trials'])}/{len(part['trials'])}, after the next "
                f"ingest {sum(t['consistent_after_ingest'] for t in part['trials'])}/{len(part['trials'])}")

    lines = ["| check | trials | failures | figures |", "|---|---|---|---|",
             f"| kill -9 during `ingest` ({ingest['files']} filings, {ingest['chunks']} chunks, from empty; "
             f"a run holds the folder {ingest['held_s']} s) | {len(ingest['trials'])} | {ingest['failures']} | "
             f"{kills(ingest)} |",
             f"| kill -9 during `remove` ({REMOVED}'s 8-K; the removal takes {remove['held_s']} s) | "
             f"{len(remove['trials'])} | {remove['failures']} | {kills(remove)} |",
             f"| hostile batch (below) | {len(hostile['rows'])} paths | {hostile['failures']} | one line each; "
             f"{hostile['seconds']} s; peak memory: largest process {hostile['largest_peak_mib']} MiB, all "
             f"together {hostile['together_peak_mib']} MiB (limit {MEMORY_LIMIT / 2**20:.0f}) |",
             f"| {clients['clients']} clients asking `/ask` for {clients['seconds']:.0f} s, an upload halfway | "
             f"{clients['answers']} answers | {clients['failures']} | wrong {clients['wrong']}, errors "
             f"{clients['errors']}; p50 {clients['p50_s']} s, p95 {clients['p95_s']} s, {clients['answers_per_s']} "
             f"answers/s; upload added in {clients['upload_s']} s; server peak {clients['server_peak_mib']} MiB |",
             "", "| hostile path | expected | outcome | message |", "|---|---|---|---|"]
    lines += [f"| {r['path']} | {r['expected']} | {r['outcome']} | `{r['message']}` |" for r in hostile["rows"]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=20, help="kills during ingest, and as many during remove")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120, help="how long the clients ask")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench_reliability"), help="scratch, emptied first")
    args = parser.parse_args()
    corpus = SHARED / "corpus" / "filings"
    if not all((corpus / name).is_file() for name in CORPUS_FILES):
        sys.exit(f"the shared corpus is missing: {corpus}")
    work = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    files = [str(SAMPLE), str(FIXTURES / "acme_submission.txt"), *(str(corpus / name) for name in CORPUS_FILES)]
    started = time.perf_counter()
    results: dict = {"machine": machine()}
    whole = work / "whole"
    if cli("ingest", *files, "--data", str(whole)).returncode != 0:
        sys.exit("the filings could not be ingested")
    print("kill -9 during ingest", flush=True)
    results["ingest_kills"] = kill_trials("ingest", files, whole, work, args.trials)
    print("kill -9 during remove", flush=True)
    results["remove_kills"] = kill_trials("remove", files, whole, work, args.trials)
    print("hostile batch", flush=True)
    results["hostile"] = run_hostile(work)
    print(f"{args.clients} clients for {args.seconds:.0f} s", flush=True)
    results["clients"] = run_clients(whole, work, args.clients, args.seconds)
    results["seconds"] = round(time.perf_counter() - started)
    save("reliability", results)
    print(table(results))
    print(f"\n{results['seconds'] / 60:.0f} minutes; bench/results/reliability.json written")


if __name__ == "__main__":
    main()
