"""Sign-in for the web chat: a users file of names and scrypt password hashes (`FILINGS_QA_AUTH_FILE`).

One line per user: `name:scrypt:N:r:p:salt_hex:hash_hex:role`. Passwords are never stored, only their salted
hashes; `filings-qa add-user NAME [--role ROLE]` writes the file, owner-readable only. A role says what a user
may do: a `reader` asks, an `editor` also adds filings, an `admin` also removes them. Lines written before
roles existed (no role) are admins, as every user was then.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import threading
import time
from pathlib import Path

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 50 ms a check: cheap for a sign-in, slow for guessing
_NAME = re.compile(r"[A-Za-z0-9._@-]{1,64}")
MIN_PASSWORD = 8
ROLES = ("reader", "editor", "admin")  # each may do what the ones before it may
DEFAULT_ROLE = "editor"
# Guessing is slowed per user name and per client address: after a few failed sign-ins in a row the name (or the
# address) is locked for 30 s, twice as long after each further failure, at most 15 minutes. 5 for a name: its
# owner mistypes once or twice, a guesser needs thousands. 20 for an address: several people may sign in from one
# (an office behind one router), while a guesser trying many names from it is still stopped within minutes.
MAX_FAILURES = 5
MAX_ADDRESS_FAILURES = 20
LOCK_SECONDS = 30.0  # short enough that someone who mistyped five times waits, not calls an admin
LOCK_MAX_SECONDS = 900.0  # once locked, at most 4 tries an hour at a name (or from an address)


class AuthError(ValueError):
    pass


def _hash(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, maxmem=2**26, dklen=32)


def _load(path: Path) -> dict[str, str]:
    """name -> the rest of its line, `scrypt:N:r:p:salt:hash:role`; raises AuthError on a line that is not a user."""
    users: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, record = line.partition(":")
        fields = record.split(":")
        if not record.startswith("scrypt:") or len(fields) not in (6, 7) or fields[6:] and fields[6] not in ROLES:
            raise AuthError(f"{path}, line {number}: not a `name:scrypt:N:r:p:salt:hash:role` line "
                            f"(role: {', '.join(ROLES)})")
        users[name] = record if len(fields) == 7 else f"{record}:admin"
    return users


def add_user(path: Path, name: str, password: str, role: str = "") -> bool:
    """Add a user (as an editor unless `role` says otherwise), or set the password of an existing one and its
    role when given (True when the user is new)."""
    if not _NAME.fullmatch(name):
        raise AuthError("a user name is 1 to 64 letters, digits or . _ @ -")
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"a password has at least {MIN_PASSWORD} characters")
    if role and role not in ROLES:
        raise AuthError(f"a role is one of {', '.join(ROLES)}, not {role!r}")
    users = _load(path) if path.exists() else {}
    salt = secrets.token_bytes(16)
    digest = _hash(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    is_new = name not in users
    role = role or (users[name].rsplit(":", 1)[1] if name in users else DEFAULT_ROLE)
    users[name] = f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}:{salt.hex()}:{digest.hex()}:{role}"
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(path.name + ".new")
    staging.write_text("".join(f"{n}:{record}\n" for n, record in users.items()), encoding="utf-8")
    os.chmod(staging, 0o600)
    staging.replace(path)
    return is_new


class Lockout:
    """Failed attempts in a row per key (a user name, a client address): after `limit` of them the key is locked for
    LOCK_SECONDS, twice as long after each further failure, at most LOCK_MAX_SECONDS."""

    def __init__(self, limit: int, clock=time.monotonic):
        self.limit = limit
        self._clock = clock
        self._failures: dict[str, tuple[int, float]] = {}  # key -> (failures in a row, locked until)
        self._lock = threading.Lock()

    def attempt(self, key: str) -> float:
        """0 when the key may try now, else the seconds it stays locked. A try counts as a failure until
        `clear` says it succeeded: attempts made at once cannot all slip in before the first one fails."""
        with self._lock:
            failures, locked_until = self._failures.get(key, (0, 0.0))
            now = self._clock()
            if now < locked_until:
                return locked_until - now
            failures += 1
            lock = LOCK_SECONDS * 2 ** (failures - self.limit) if failures >= self.limit else 0.0
            self._failures[key] = (failures, now + min(lock, LOCK_MAX_SECONDS))
            return 0.0

    def clear(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)

    def locked(self, key: str) -> bool:
        with self._lock:
            return self._clock() < self._failures.get(key, (0, 0.0))[1]


class Users:
    """The users allowed to sign in; the file is read again when it changes, so new users need no restart.
    Failed sign-ins are counted per name (`names`, in `check`) and per client address (`addresses`: the address is
    known to the web server, not here; see ui/signin.py)."""

    def __init__(self, path: Path, clock=time.monotonic):
        self.path = path
        self._stamp: tuple[int, int] | None = None
        self._users: dict[str, str] = {}
        self._lock = threading.Lock()
        self.names = Lockout(MAX_FAILURES, clock)
        self.addresses = Lockout(MAX_ADDRESS_FAILURES, clock)
        self._reload()
        if not self._users:
            raise AuthError(f"the users file {path} names no user: add one with `filings-qa add-user NAME`")

    def __len__(self) -> int:
        return len(self._users)

    def _reload(self) -> None:
        try:
            stat = self.path.stat()
            if (stat.st_mtime_ns, stat.st_size) != self._stamp:
                users = _load(self.path)
                # a user whose password was set again (`filings-qa add-user`) is unlocked
                for name in {*users, *self._users}:
                    if users.get(name) != self._users.get(name):
                        self.names.clear(name)
                self._users, self._stamp = users, (stat.st_mtime_ns, stat.st_size)
        except OSError as error:
            raise AuthError(f"cannot read the users file {self.path}: {error.strerror or error}") from error

    def check(self, name: str, password: str) -> bool:
        """Whether the name and password match; as slow for an unknown name as for a wrong password. A name
        locked by its failures (Lockout) is refused without looking at the password."""
        with self._lock:
            try:
                self._reload()
            except AuthError:
                pass  # a file being rewritten or briefly unreadable: the users read last time still hold
            record = self._users.get(name)
        if self.names.attempt(name):
            return False
        _, n, r, p, salt, digest, _ = (record or f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}:00:00:").split(":")
        computed = _hash(password, bytes.fromhex(salt), int(n), int(r), int(p))
        matches = record is not None and hmac.compare_digest(computed, bytes.fromhex(digest))
        if matches:
            self.names.clear(name)
        return matches

    def may(self, name: str, role: str) -> bool:
        """Whether the user holds `role` or one that includes it (an admin may do what an editor may)."""
        with self._lock:
            record = self._users.get(name)
        return record is not None and ROLES.index(record.rsplit(":", 1)[1]) >= ROLES.index(role)
