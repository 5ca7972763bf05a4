"""What the speed benchmarks share: timing a child process with its peak memory, servers they start, the machine,
the results."""
from __future__ import annotations

import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
CLI = str(Path(sys.executable).with_name("filings-qa"))


@dataclass
class Run:
    seconds: float
    peak_rss_mib: float
    stdout: str
    stderr: str
    load_before: float
    load_after: float


def run(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to its end: wall seconds, its own peak resident memory, its output; fail loudly."""
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=os.environ | (env or {}), stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, unlike RUSAGE_CHILDREN
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} ... failed ({process.returncode}):\n{stderr[-3000:]}")
    # Linux reports ru_maxrss in KiB.
    return Run(seconds, usage.ru_maxrss / 1024, stdout, stderr, load_before, os.getloadavg()[0])


def free_port() -> int:
    """A loopback port nothing listens on, for a server a benchmark starts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 300) -> None:
    """Return once `url` answers 200; stop the benchmark with the end of the server's log if it does not (or the
    server exits) within `seconds`."""
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{url} did not come up: {log.read_text()[-2000:]}")


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    versions = {}
    for package in ("onnxruntime", "torch", "sentence_transformers", "chromadb", "llama_index.core"):
        try:
            versions[package] = __import__(package, fromlist=["__version__"]).__version__
        except ImportError:
            versions[package] = "absent"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(memory / 2**20, 1),
            "python": platform.python_version(), "system": platform.platform(), "versions": versions,
            "load_average": [round(x, 2) for x in os.getloadavg()], "date": time.strftime("%Y-%m-%d %H:%M")}


def save(name: str, results: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    return path
