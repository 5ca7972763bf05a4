"""Who may write: one process per embedded data folder (WriterLock), one process per filing among all the
processes that share an index (FilingLocks)."""
from __future__ import annotations

import fcntl
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from index.shared import Record, SharedRecords, StoreError

# A holder that has not renewed its lock for LEASE_SECONDS is taken for dead (killed, its machine lost) and its
# filing may be taken over; this is also how long an ingest after a crash may wait. It renews every
# HEARTBEAT_SECONDS, so six renewals in a row must fail first: a renewal is one Chroma write, 30 to 50 ms on this
# 2-core machine under a load of 7.
LEASE_SECONDS = 30.0
HEARTBEAT_SECONDS = 5.0
POLL_SECONDS = 0.5  # how often a process waiting for a filing looks again: a small read, and no one waits long


class WriterLock:
    """The one process that may write to an embedded data folder: embedded Chroma does not support two writing
    processes (a `filings-qa ingest` into a folder a running server uses broke the server's queries until it was
    restarted). Held with an OS file lock for as long as the holder lives, so a killed holder frees it at once;
    the file says who holds it."""

    FILE = "writer.lock"

    def __init__(self, data: Path):
        self.path = data / self.FILE
        self._handle = None

    def claim(self, holder: str) -> None:
        """Hold the folder for writing, as `holder` ("filings-qa serve on port 7860"); raises StoreError naming
        the process that holds it."""
        if self._handle is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            owner = handle.read().strip() or "another process"
            handle.close()
            raise StoreError(f"the data folder {self.path.parent} is being written by {owner}: add filings "
                             "through that server's Documents tab, or let every process share a Chroma server "
                             "(FILINGS_QA_CHROMA_URL)") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{holder} (pid {os.getpid()})\n")
        handle.flush()
        self._handle = handle


class FilingLocks:
    """A lease per filing, so that two processes never write one filing at once (two chat servers ingesting
    one file, a removal during an ingest), whether they share an embedded folder or a Chroma server.

    A lock is a record `<filing id>/<epoch>`; taking it adds the record of the next epoch, and Chroma's `add`
    keeps the first of two such records, so exactly one of two processes racing for it wins. The holder renews
    it every HEARTBEAT_SECONDS and marks it released when done; one not renewed for LEASE_SECONDS (its holder
    died) may be taken by the next epoch. Leases are judged by wall clocks: machines sharing a server keep
    theirs within seconds of each other (NTP). Locks are per process: threads of one process share them, and
    the Ingestor and the web chat's one-change-at-a-time queue keep those threads from writing one filing at
    once."""

    def __init__(self, records: SharedRecords):
        self.records = records
        self.owner = f"{socket.gethostname()} pid {os.getpid()} #{uuid.uuid4().hex[:6]}"
        self._held: dict[str, tuple[int, int]] = {}  # filing id -> (epoch, how many times taken and not released)
        self._lock = threading.Lock()  # also keeps a renewal from writing over a release
        self._heartbeat: threading.Thread | None = None

    def acquire(self, filing_id: str, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Take the filing's lock (again, if this process holds it), waiting while a live process holds it;
        False when `cancelled()` turned true while waiting."""
        with self._lock:
            if filing_id in self._held:
                epoch, times = self._held[filing_id]
                self._held[filing_id] = (epoch, times + 1)
                return True
        while not cancelled():
            latest = self._latest(filing_id)
            if latest is not None and self._live(latest):
                time.sleep(POLL_SECONDS)
                continue
            epoch = 0 if latest is None else int(latest["epoch"]) + 1
            self.records.add({_key(filing_id, epoch): self._record(filing_id, epoch)})
            if self._holds(filing_id, epoch):
                with self._lock:
                    self._held[filing_id] = (epoch, 1)
                self._start_heartbeat()
                return True
        return False

    def release(self, filing_id: str) -> None:
        with self._lock:
            epoch, times = self._held[filing_id]
            if times > 1:
                self._held[filing_id] = (epoch, times - 1)
                return
            del self._held[filing_id]
            self.records.put({_key(filing_id, epoch): self._record(filing_id, epoch, released=True)})
        self.records.delete(filing_id=filing_id, epoch={"$lt": epoch})  # the latest epoch is all the next needs

    @contextmanager
    def holding(self, filing_id: str) -> Iterator[None]:
        self.acquire(filing_id)
        try:
            yield
        finally:
            self.release(filing_id)

    def still_held(self, filing_id: str) -> bool:
        """Whether this process holds the filing's lock, as the shared records say now (not taken over by
        another process that took this one for dead)."""
        with self._lock:
            held = self._held.get(filing_id)
        return held is not None and self._holds(filing_id, held[0])

    def holder(self, filing_id: str) -> str | None:
        """The live process holding the filing's lock, if any."""
        latest = self._latest(filing_id)
        return str(latest["owner"]) if latest is not None and self._live(latest) else None

    def _latest(self, filing_id: str) -> Record | None:
        return max(self.records.find(filing_id=filing_id).values(), key=lambda r: int(r["epoch"]), default=None)

    def _holds(self, filing_id: str, epoch: int) -> bool:
        latest = self._latest(filing_id)
        return (latest is not None and latest["owner"] == self.owner and int(latest["epoch"]) == epoch
                and not latest["released"])

    @staticmethod
    def _live(record: Record) -> bool:
        return not record["released"] and time.time() - float(record["at"]) < LEASE_SECONDS

    def _record(self, filing_id: str, epoch: int, released: bool = False) -> Record:
        return {"filing_id": filing_id, "epoch": epoch, "owner": self.owner, "at": time.time(), "released": released}

    def _start_heartbeat(self) -> None:
        with self._lock:
            if self._heartbeat is None:
                self._heartbeat = threading.Thread(target=self._renew, name="filing-locks", daemon=True)
                self._heartbeat.start()

    def _renew(self) -> None:
        while True:
            time.sleep(HEARTBEAT_SECONDS)
            with self._lock:
                if not self._held:
                    continue
                try:
                    self.records.put({_key(filing_id, epoch): self._record(filing_id, epoch)
                                      for filing_id, (epoch, _) in self._held.items()})
                except Exception as error:  # noqa: BLE001 - a server briefly unreachable: the next beat tries again
                    logging.getLogger("filings_qa").warning("could not renew the filing locks: %s", error)


def _key(filing_id: str, epoch: int) -> str:
    return f"{filing_id}/{epoch}"
