"""Reading filings within limits: the file's size, its text's length, and the time and memory reading it takes.

A file may be hostile or merely odd: 50 MB of tiny HTML paragraphs took lxml 18 s and 2.3 GB. So each file is read
in a process of its own, which is killed when the time budget is spent and whose address space is capped; a file
that breaks either limit, or crashes its reader, gets a one-line error and the batch goes on.

The processes are forked by a worker that `LimitedReader` spawns: the caller runs threads (ingest's reader and
writer, the model's runtime), and a process forked from threads may inherit a lock another thread held. The
worker has no threads and has imported the reader, so each fork costs milliseconds.
"""
from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from index.models import Filing
from index.reader import FilingError, read_filing

if TYPE_CHECKING:  # not imported for real: the worker process has no use for settings
    from index.config import Settings

# The address space a file's reader may take. An HTML filing at the 50 MB file limit needs about 450 MB (9 times its
# size, measured on Coca-Cola's 10-K; the corpus's largest files take under 70 MB), while 50 MB of tiny paragraphs
# needed 2.3 GB. 1 GiB reads the first and refuses the second, and beside the ingesting process (about 300 MB)
# keeps a batch under 1.5 GB.
READ_MEMORY_BYTES = 2**30
# A reader that failed after using this much of its memory ran out of it (lxml says "unknown error", not
# MemoryError): its peak resident memory came within 10 MB of the cap in such failures.
OUT_OF_MEMORY_SHARE = 0.9


@dataclass(frozen=True)
class ReadLimits:
    max_file_bytes: int
    max_text_chars: int
    max_seconds: float

    @classmethod
    def of(cls, settings: Settings) -> "ReadLimits":
        """The limits an index's settings give."""
        return cls(int(settings.max_file_mb * 2**20), settings.max_text_chars, settings.max_parse_seconds)


class LimitedReader:
    """Reads filings one at a time within `limits`; its worker process starts on the first read. Close it (or use
    it in a `with` block) to stop the worker: a read still running in another thread then fails at once."""

    def __init__(self, limits: ReadLimits):
        self.limits = limits
        self._lock = threading.Lock()
        self._closed = False
        self._worker: multiprocessing.Process | None = None
        self._connection = None

    def __enter__(self) -> "LimitedReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check_size(self, path: Path) -> None:
        """Raises FilingError when the file is larger than the limit (or cannot be looked at)."""
        try:
            size = path.stat().st_size
        except OSError as error:
            raise FilingError(f"cannot read file: {error.strerror or error}") from error
        if size > self.limits.max_file_bytes:
            raise FilingError(f"{size / 2**20:.1f} MB is over the limit of {self.limits.max_file_bytes / 2**20:.0f} "
                              "MB a file")

    def read(self, path: str | Path) -> Filing:
        """The filing in `path`; FilingError with a one-line reason when it cannot be read within the limits."""
        path = Path(path)
        self.check_size(path)
        connection = self._worker_connection()
        try:
            connection.send((str(path), self.limits.max_text_chars, self.limits.max_seconds))
            reply = connection.recv()
        except (EOFError, OSError):  # the worker was killed, or closed: a new one starts on the next read
            self._stop_worker()
            raise FilingError("the process reading files stopped before this one was read") from None
        if isinstance(reply, str):
            raise FilingError(reply)
        return reply

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._stop_worker()

    def _worker_connection(self):
        with self._lock:
            if self._closed:
                raise FilingError("reading stopped before this file was read")
            if self._worker is None:
                context = multiprocessing.get_context("spawn")
                self._connection, worker_end = context.Pipe()
                # not a daemon: a daemon may not start processes of its own
                self._worker = context.Process(target=_serve, args=(worker_end,), name="filing-reader")
                self._worker.start()
                worker_end.close()
            return self._connection

    def _stop_worker(self) -> None:
        with self._lock:
            worker, connection = self._worker, self._connection
            self._worker = self._connection = None
        if worker is None:
            return
        try:  # the worker leads its own process group: this also stops a file being read
            os.killpg(worker.pid, signal.SIGKILL)
        except ProcessLookupError:  # it has not made its group yet, so it has no reader either
            worker.kill()
        worker.join()  # reaped, so its peak memory counts among this process's children's
        connection.close()


def _serve(connection) -> None:
    """The worker: reads each requested file in a forked process, until its caller goes."""
    import pypdfium2  # noqa: F401 - imported once here rather than in every process reading a PDF

    # Its own process group: Ctrl-C in a terminal goes to the caller, which stops the group.
    os.setpgrp()
    fork = multiprocessing.get_context("fork")
    while True:
        try:
            path, max_text_chars, max_seconds = connection.recv()
            connection.send(_read_in_child(fork, connection, path, max_text_chars, max_seconds))
        except (EOFError, OSError):  # the caller ended, or was killed
            return


def _read_in_child(fork, caller, path: str, max_text_chars: int, max_seconds: float) -> Filing | str:
    """The filing, or why it could not be read, in one line."""
    receive, send = fork.Pipe(duplex=False)
    child = fork.Process(target=_read, args=(path, max_text_chars, send, (caller, receive)))
    child.start()
    send.close()
    try:
        if not receive.poll(max_seconds):
            child.kill()
            return f"reading it took longer than the {max_seconds:g} s a file may take: stopped"
        return receive.recv()
    except EOFError:
        child.join()
        return f"its reader crashed ({_exit_reason(child.exitcode)})"
    finally:
        child.join()
        receive.close()


def _read(path: str, max_text_chars: int, send, inherited) -> None:
    # The forked copies of the worker's pipe ends are closed: should the worker be killed, the caller then sees its
    # end at once, and this process cannot block writing a reply no one reads.
    for connection in inherited:
        connection.close()
    resource.setrlimit(resource.RLIMIT_AS, (READ_MEMORY_BYTES, READ_MEMORY_BYTES))
    try:
        result = read_filing(path, max_text_chars=max_text_chars)
    except FilingError as error:
        result = str(error)
    except Exception as error:  # noqa: BLE001 - whatever breaks one file is that file's error
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux counts KiB
        if isinstance(error, MemoryError) or peak > OUT_OF_MEMORY_SHARE * READ_MEMORY_BYTES:
            result = f"reading it needs more than the {READ_MEMORY_BYTES // 2**20} MB of memory a file may take"
        else:
            result = " ".join(f"cannot read it: {type(error).__name__}: {error}".split())
    send.send(result)


def _exit_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return f"killed by {signal.Signals(-exitcode).name}"
    return f"exit status {exitcode}"
