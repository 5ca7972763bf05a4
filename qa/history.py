"""Saved conversations: each owner's exchanges, kept in the data folder (SQLite) across restarts.

An owner is whatever the caller names the person by (the web chat: the signed-in user, or the browser when
sign-in is off). Every read and change names the owner, so one owner never reaches another's conversations.
"""
from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from qa.models import Answer

TITLE_CHARS = 80


@dataclass(frozen=True)
class Conversation:
    """A saved conversation as its owner's list shows it."""

    conversation_id: str
    title: str
    updated_at: str  # ISO time, UTC


class Conversations:
    SCHEMA = """
    CREATE TABLE IF NOT EXISTS conversations (
        conversation_id TEXT PRIMARY KEY, owner TEXT NOT NULL, title TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS conversations_by_owner ON conversations(owner, updated_at);
    CREATE TABLE IF NOT EXISTS answers (
        conversation_id TEXT NOT NULL REFERENCES conversations(conversation_id) ON DELETE CASCADE,
        position INTEGER NOT NULL, answer TEXT NOT NULL, PRIMARY KEY (conversation_id, position));
    """

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._connection = sqlite3.connect(path, check_same_thread=False)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA foreign_keys=ON")
        self._connection.executescript(self.SCHEMA)
        self._lock = threading.Lock()

    def _query(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        with self._lock, self._connection:  # a transaction, committed when it ends
            return self._connection.execute(sql, parameters).fetchall()

    def add(self, owner: str, conversation_id: str, answer: Answer) -> str:
        """Save an answer at the end of a conversation of this owner's, or of a new one (titled by its question)
        when `conversation_id` is "" or not the owner's; returns the conversation's id."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._lock, self._connection:  # one transaction: the conversation and its answer, or neither
            mine = self._connection.execute("SELECT 1 FROM conversations WHERE conversation_id = ? AND owner = ?",
                                            (conversation_id, owner)).fetchone()
            if mine:
                self._connection.execute("UPDATE conversations SET updated_at = ? WHERE conversation_id = ?",
                                         (now, conversation_id))
            else:
                conversation_id = secrets.token_hex(16)
                self._connection.execute("INSERT INTO conversations VALUES (?, ?, ?, ?)",
                                         (conversation_id, owner, title_of(answer.question), now))
            self._connection.execute(
                "INSERT INTO answers SELECT ?, COALESCE(MAX(position), -1) + 1, ? FROM answers "
                "WHERE conversation_id = ?", (conversation_id, json.dumps(answer.to_json()), conversation_id))
        return conversation_id

    def listed(self, owner: str) -> list[Conversation]:
        """The owner's conversations, the latest first."""
        return [Conversation(*row) for row in self._query(
            "SELECT conversation_id, title, updated_at FROM conversations WHERE owner = ? "
            "ORDER BY updated_at DESC, rowid DESC", (owner,))]

    def answers(self, owner: str, conversation_id: str) -> list[Answer]:
        """A conversation's answers, oldest first; none when it is not the owner's."""
        return [Answer.from_json(json.loads(row[0])) for row in self._query(
            "SELECT answer FROM answers JOIN conversations USING (conversation_id) "
            "WHERE conversation_id = ? AND owner = ? ORDER BY position", (conversation_id, owner))]

    def rename(self, owner: str, conversation_id: str, title: str) -> bool:
        title = title_of(title)
        return bool(title) and bool(self._query(
            "UPDATE conversations SET title = ? WHERE conversation_id = ? AND owner = ? RETURNING 1",
            (title, conversation_id, owner)))

    def delete(self, owner: str, conversation_id: str) -> bool:
        return bool(self._query("DELETE FROM conversations WHERE conversation_id = ? AND owner = ? RETURNING 1",
                                (conversation_id, owner)))


def title_of(text: str) -> str:
    """A title of one line, at most TITLE_CHARS long."""
    line = " ".join(text.split())
    return line if len(line) <= TITLE_CHARS else line[:TITLE_CHARS - 1].rstrip() + "…"
