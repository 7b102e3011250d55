"""The history's one SQLite connection, shared by threads: one lock, one commit per write.

:class:`HistoryConnection` opens the file (``store.database``: checked,
migrated, or read-only), and every read and write goes through it under one
lock, so a ``Store`` is safe to share between threads. Each write is its own
``BEGIN IMMEDIATE ... COMMIT``: once it returns, the change is on disk. SQLite
and file errors become :class:`~hotseat.store.errors.StoreError` with the
file named.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from hotseat.store.database import open_database, open_read_only
from hotseat.store.errors import StoreError, UnknownSession, translate


class HistoryConnection:
    def __init__(self, path: Path, busy_timeout: float, read_only: bool) -> None:
        self.path = path
        self.lock = threading.RLock()
        opened = open_read_only(path) if read_only else open_database(path, busy_timeout)
        self._conn: sqlite3.Connection | None = opened.conn
        self.notices: list[str] = opened.notices
        self.migrated_from = opened.migrated_from

    @property
    def connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("the history database is closed")
        return self._conn

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction; SQLite errors become StoreErrors."""
        with self.lock:
            conn = self.connection
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except (sqlite3.Error, OSError) as exc:
                raise translate(exc, str(self.path)) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self.lock:
            try:
                return self.connection.execute(sql, params).fetchall()
            except (sqlite3.Error, OSError) as exc:
                raise translate(exc, str(self.path)) from exc

    def quietly(self, sql: str) -> None:
        """Run housekeeping that may fail harmlessly (another hotseat reading, say)."""
        with self.lock, suppress(sqlite3.Error):
            self.connection.execute(sql)

    def checkpoint(self) -> None:
        """Fold the WAL into the main file so deleted rows leave no copy behind."""
        self.quietly("PRAGMA wal_checkpoint(TRUNCATE)")


def require_session(conn: sqlite3.Connection, session_id: int) -> None:
    """UnknownSession unless the session exists (inside a write: it cannot vanish)."""
    if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
        raise UnknownSession(f"there is no session {session_id} in the history")
