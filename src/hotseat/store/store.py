"""The history database: sessions and their answers, one commit per answer.

``Store`` is safe to share between threads: everything goes through one
:class:`~hotseat.store.connection.HistoryConnection` (one lock, and each write
its own ``BEGIN IMMEDIATE ... COMMIT``), so once ``save_answer`` returns the
answer is on disk: a killed process loses nothing already saved. Here are the
sessions (begun, ended, resumed, closed; which this process owns) and their
answers, written and read; forgetting them is ``store.forgetting``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hotseat import paths
from hotseat.feedback.model import Feedback
from hotseat.session import Turn
from hotseat.store import forgetting, ownership
from hotseat.store.connection import HistoryConnection, require_session
from hotseat.store.database import BUSY_TIMEOUT_SECONDS
from hotseat.store.drafts import clear_draft
from hotseat.store.errors import UnknownSession
from hotseat.store.records import (
    AnswerRow,
    SessionInfo,
    SessionRecord,
    answer_row,
    revised_columns,
)
from hotseat.store.rows import ANSWER_COLUMNS, answer_from_row, session_columns, session_from_row
from hotseat.transcript import Transcript


def new_session_key(started_at: float) -> str:
    """A readable, unique name: the start time plus a little randomness."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(started_at))
    return f"{stamp}-{os.urandom(3).hex()}"


class Store:
    def __init__(
        self,
        path: Path | None = None,
        *,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        now: Callable[[], float] = time.time,
        read_only: bool = False,
    ) -> None:
        self.path = path or paths.database_file()
        self._now = now
        self.read_only = read_only  # opened only to read (a folder that cannot be written)
        self._db = HistoryConnection(self.path, busy_timeout, read_only)
        self._owned: set[int] = set()  # sessions this store began or resumed
        self.notices: list[str] = self._db.notices
        self.migrated_from = self._db.migrated_from

    # -- the connection ---------------------------------------------------------------

    @property
    def connection(self) -> sqlite3.Connection:
        return self._db.connection

    def close(self) -> None:
        with self._db.lock:
            self._db.close()
            for session_id in list(self._owned):  # nobody writes them now
                self._disown(session_id)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.query(sql, params)

    # -- sessions -------------------------------------------------------------------

    def begin_session(
        self,
        *,
        mode: str = "",
        persona: str = "",
        company: str = "",
        role: str = "",
        key: str | None = None,
        started_at: float | None = None,
        plan: dict[str, Any] | None = None,
    ) -> int:
        started = self._now() if started_at is None else started_at
        with self._db.write() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (key, started_at, mode, persona, company, role, status,"
                " owner_pid, owner_host, plan) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)",
                (
                    key or new_session_key(started),
                    started,
                    mode,
                    persona,
                    company,
                    role,
                    os.getpid(),
                    ownership.HOST,
                    json.dumps(plan) if plan else "",
                ),
            )
        session_id = int(cursor.lastrowid or 0)
        self._own(session_id)
        return session_id

    def session_plan(self, session_id: int) -> dict[str, Any]:
        """The plan stored with a session ({} for sessions from before plans were kept)."""
        rows = self.query("SELECT plan FROM sessions WHERE id = ?", (session_id,))
        if not rows or not rows[0][0]:
            return {}
        try:
            plan = json.loads(rows[0][0])
        except ValueError:
            return {}
        return plan if isinstance(plan, dict) else {}

    def session_id_for_key(self, key: str) -> int | None:
        rows = self.query("SELECT id FROM sessions WHERE key = ?", (key,))
        return int(rows[0][0]) if rows else None

    def end_session(
        self, session_id: int, status: str = "finished", *, ended_at: float | None = None
    ) -> None:
        """Mark a session over: ``finished``, or ``interrupted`` to offer it for resuming."""
        if status not in ("finished", "interrupted", "closed"):
            raise ValueError(f"cannot end a session as {status!r}")
        self._set_status(session_id, status, self._now() if ended_at is None else ended_at)
        self._disown(session_id)

    def close_session(self, session_id: int) -> None:
        """The user chose not to resume: keep its answers, end it where it stopped."""
        last = self.query(
            "SELECT COALESCE(MAX(a.saved_at), s.started_at) FROM sessions s"
            " LEFT JOIN answers a ON a.session_id = s.id WHERE s.id = ?",
            (session_id,),
        )
        ended = last[0][0] if last and last[0][0] is not None else self._now()
        self._set_status(session_id, "closed", float(ended))
        self._disown(session_id)
        self._forget_draft(session_id)  # not resumed: a half-typed answer is not offered again

    def _forget_draft(self, session_id: int) -> None:
        rows = self.query("SELECT key FROM sessions WHERE id = ?", (session_id,))
        if rows:
            clear_draft(str(rows[0][0]))

    def resume_session(self, session_id: int) -> SessionRecord:
        """Take an interrupted session back: it becomes this process's active one."""
        with self._db.write() as conn:
            require_session(conn, session_id)
            conn.execute(
                "UPDATE sessions SET status = 'active', ended_at = NULL, owner_pid = ?,"
                " owner_host = ? WHERE id = ?",
                (os.getpid(), ownership.HOST, session_id),
            )
        self._own(session_id)
        return self.load_session(session_id)

    def _own(self, session_id: int) -> None:
        self._owned.add(session_id)
        ownership.own(str(self.path), session_id)

    def _disown(self, session_id: int) -> None:
        self._owned.discard(session_id)
        ownership.disown(str(self.path), session_id)

    def _set_status(self, session_id: int, status: str, ended_at: float) -> None:
        with self._db.write() as conn:
            require_session(conn, session_id)
            conn.execute(
                "UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                (status, ended_at, session_id),
            )

    def _info(self, row: tuple[Any, ...]) -> SessionInfo:
        status = ownership.effective_status(str(self.path), row[0], row[8], row[9], row[10])
        return session_from_row(row, status)

    def _session_columns(self) -> str:
        """The columns of a SessionInfo; an older file shown read-only has no plans."""
        has_plan = any(row[1] == "plan" for row in self.query("PRAGMA table_info(sessions)"))
        return session_columns(has_plan=has_plan)

    def list_sessions(self) -> list[SessionInfo]:
        """Every session, newest first."""
        columns = self._session_columns()
        rows = self.query(f"SELECT {columns} FROM sessions s ORDER BY s.started_at DESC, s.id DESC")
        return [self._info(r) for r in rows]

    def session_info(self, session_id: int) -> SessionInfo:
        columns = self._session_columns()
        rows = self.query(f"SELECT {columns} FROM sessions s WHERE s.id = ?", (session_id,))
        if not rows:
            raise UnknownSession(f"there is no session {session_id} in the history")
        return self._info(rows[0])

    def interrupted_sessions(self) -> list[SessionInfo]:
        """Sessions left unfinished (the app was closed or killed): offer resume or close."""
        return [s for s in self.list_sessions() if s.status == "interrupted"]

    # -- answers --------------------------------------------------------------------

    def save_answer(
        self,
        session_id: int,
        turn: Turn,
        audio_path: Path | str | None = None,
        *,
        position: int | None = None,
    ) -> int:
        """Store a finished or skipped turn now; returns its position in the session."""
        return self.save_row(
            session_id,
            answer_row(turn, audio_path=audio_path, position=position, saved_at=self._now()),
        )

    def save_row(self, session_id: int, row: AnswerRow) -> int:
        data = row.to_dict()
        with self._db.write() as conn:
            require_session(conn, session_id)
            if not data["mode"]:
                mode = conn.execute("SELECT mode FROM sessions WHERE id = ?", (session_id,))
                data["mode"] = mode.fetchone()[0]
            if data["position"] is None:
                last = conn.execute(
                    "SELECT MAX(position) FROM answers WHERE session_id = ?", (session_id,)
                ).fetchone()[0]
                data["position"] = 0 if last is None else int(last) + 1
            data["session_id"] = session_id
            columns = ", ".join(data)
            marks = ", ".join(f":{name}" for name in data)
            conn.execute(f"INSERT OR REPLACE INTO answers ({columns}) VALUES ({marks})", data)
        return int(data["position"])

    def revise_answer(
        self, session_id: int, position: int, transcript: Transcript, feedback: Feedback | None
    ) -> None:
        """Rewrite a saved answer's words, notes and assessment in place (its transcript
        was finished from its recording after it was saved)."""
        data = revised_columns(transcript, feedback)
        sets = ", ".join(f"{name} = :{name}" for name in data)
        with self._db.write() as conn:
            conn.execute(
                f"UPDATE answers SET {sets} WHERE session_id = :sid AND position = :pos",
                {**data, "sid": session_id, "pos": position},
            )

    def load_session(self, session_id: int) -> SessionRecord:
        info = self.session_info(session_id)
        rows = self.query(
            f"SELECT {ANSWER_COLUMNS} FROM answers WHERE session_id = ? ORDER BY position",
            (session_id,),
        )
        return SessionRecord(info=info, answers=tuple(answer_from_row(r) for r in rows))

    # -- forgetting -----------------------------------------------------------------

    def delete_session(self, session_id: int) -> list[Path]:
        """Delete a session, its answers and its recordings; returns the files removed."""
        removed = forgetting.delete_session(self._db, session_id)
        self._disown(session_id)
        return removed

    def purge(self) -> int:
        """Forget everything: every session, answer and recording. Returns sessions removed."""
        return forgetting.purge(self._db)
