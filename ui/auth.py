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
# Guessing is slowed per user name: after 5 wrong passwords in a row the name is locked for 30 s, twice as long
# after each further one, at most 15 minutes; setting the password again unlocks it.
MAX_FAILURES = 5
LOCK_SECONDS = 30.0
LOCK_MAX_SECONDS = 900.0


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


class Users:
    """The users allowed to sign in; the file is read again when it changes, so new users need no restart."""

    def __init__(self, path: Path, clock=time.monotonic):
        self.path = path
        self._stamp: tuple[int, int] | None = None
        self._users: dict[str, str] = {}
        # failed sign-ins by name: (failures in a row, locked until); a new password clears them
        self._failures: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()
        self._clock = clock
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
                for name in [n for n in self._failures if users.get(n) != self._users.get(n)]:
                    del self._failures[name]
                self._users, self._stamp = users, (stat.st_mtime_ns, stat.st_size)
        except OSError as error:
            raise AuthError(f"cannot read the users file {self.path}: {error.strerror or error}") from error

    def check(self, name: str, password: str) -> bool:
        """Whether the name and password match; as slow for an unknown name as for a wrong password. After
        MAX_FAILURES wrong passwords in a row a name is locked for LOCK_SECONDS, twice as long after each further
        failure (at most LOCK_MAX_SECONDS), even for the right password."""
        with self._lock:
            try:
                self._reload()
            except AuthError:
                pass  # a file being rewritten or briefly unreadable: the users read last time still hold
            record = self._users.get(name)
            failures, locked_until = self._failures.get(name, (0, 0.0))
        _, n, r, p, salt, digest, _ = (record or f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}:00:00:").split(":")
        computed = _hash(password, bytes.fromhex(salt), int(n), int(r), int(p))
        matches = record is not None and hmac.compare_digest(computed, bytes.fromhex(digest))
        with self._lock:
            if self._clock() < locked_until:
                return False
            if matches:
                self._failures.pop(name, None)
                return True
            failures += 1
            lock = LOCK_SECONDS * 2 ** (failures - MAX_FAILURES) if failures >= MAX_FAILURES else 0
            self._failures[name] = (failures, self._clock() + min(lock, LOCK_MAX_SECONDS))
            return False

    def may(self, name: str, role: str) -> bool:
        """Whether the user holds `role` or one that includes it (an admin may do what an editor may)."""
        with self._lock:
            record = self._users.get(name)
        return record is not None and ROLES.index(record.rsplit(":", 1)[1]) >= ROLES.index(role)

    def locked(self, name: str) -> bool:
        with self._lock:
            return self._clock() < self._failures.get(name, (0, 0.0))[1]
