"""The database schema, as a list of migrations counted by ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a database at version ``n`` to ``n + 1``. A new column or
table is a new function appended at the end; released ones are never edited, so
every user's file walks the same path to the current shape.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from hotseat.store.delivery import delivery_figures
from hotseat.store.errors import StoreTooNew
from hotseat.store.note_kinds import note_from_json, notes_to_json

Migration = Callable[[sqlite3.Connection], None]


def _v1_sessions_and_answers(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,           -- stable name, also the recordings folder
            started_at REAL NOT NULL,           -- seconds since the epoch (UTC)
            ended_at REAL,
            mode TEXT NOT NULL DEFAULT '',
            persona TEXT NOT NULL DEFAULT '',
            company TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'finished', 'interrupted', 'closed')),
            owner_pid INTEGER,                  -- the process writing it while active
            owner_host TEXT NOT NULL DEFAULT ''
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,          -- order within the session, from 0
            question_id TEXT NOT NULL,
            question_text TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            competencies TEXT NOT NULL DEFAULT '[]',   -- JSON list of ids
            kind TEXT NOT NULL DEFAULT '',
            persona TEXT NOT NULL DEFAULT '',
            mode TEXT NOT NULL DEFAULT '',
            follow_up_of INTEGER,
            transcript TEXT NOT NULL DEFAULT '',
            words TEXT NOT NULL DEFAULT '[]',          -- JSON: timed words
            duration REAL,
            engine TEXT NOT NULL DEFAULT 'typed',
            first_word_delay REAL,
            score INTEGER,                             -- NULL: not assessed
            subscores TEXT NOT NULL DEFAULT '{}',
            metrics TEXT NOT NULL DEFAULT '{}',
            findings TEXT NOT NULL DEFAULT '[]',
            feedback TEXT,                             -- JSON: the whole feedback
            audio_path TEXT,
            skipped INTEGER NOT NULL DEFAULT 0,
            interrupted INTEGER NOT NULL DEFAULT 0,
            prep_seconds REAL,
            answer_min REAL,
            answer_max REAL,
            asked_at REAL,                             -- session clock, seconds
            answer_started_at REAL,
            answered_at REAL,
            saved_at REAL NOT NULL,                    -- seconds since the epoch
            UNIQUE (session_id, position)
        )
        """
    )


def _v2_delivery_columns(conn: sqlite3.Connection) -> None:
    """Words per minute, fillers and long pauses as columns, for progress charts."""
    for column, kind in (("wpm", "REAL"), ("fillers_per_100", "REAL"), ("long_pauses", "REAL")):
        conn.execute(f"ALTER TABLE answers ADD COLUMN {column} {kind}")
    rows = conn.execute("SELECT id, metrics, words FROM answers").fetchall()
    for answer_id, metrics, words in rows:
        figures = delivery_figures(_json_object(metrics), _json_list(words))
        conn.execute(
            "UPDATE answers SET wpm = ?, fillers_per_100 = ?, long_pauses = ? WHERE id = ?",
            (figures.wpm, figures.fillers_per_100, figures.long_pauses, answer_id),
        )
    conn.execute("CREATE INDEX answers_by_question ON answers(question_id, saved_at)")
    conn.execute("CREATE INDEX answers_by_session ON answers(session_id, position)")
    conn.execute("CREATE INDEX sessions_by_start ON sessions(started_at)")


def _v3_session_plan(conn: sqlite3.Connection) -> None:
    """The session's own plan (questions in order, mode, panel, context), so a resume
    asks the interrupted question again and numbers on from where it stopped."""
    conn.execute("ALTER TABLE sessions ADD COLUMN plan TEXT NOT NULL DEFAULT ''")


def _v4_answer_notes(conn: sqlite3.Connection) -> None:
    """What happened to an answer's audio (microphone lost, transcript cut short), as JSON."""
    conn.execute("ALTER TABLE answers ADD COLUMN notes TEXT NOT NULL DEFAULT '[]'")


def _v5_note_kinds(conn: sqlite3.Connection) -> None:
    """Each note says what it means for the scores (``{"kind", "text"}``), so nothing
    matches a note's words any more: the plain sentences saved before get their kind."""
    _rewrite_notes(conn)


def _v6_note_since(conn: sqlite3.Connection) -> None:
    """A note that holds only from some time on says that time as data (``since``), so
    nothing reads it from the note's words: notes saved before get theirs, or null."""
    _rewrite_notes(conn)


def _rewrite_notes(conn: sqlite3.Connection) -> None:
    """Every saved note read (old forms included: ``store.note_kinds``) and written back
    in the current form."""
    rows = conn.execute("SELECT id, notes FROM answers WHERE notes != '[]'").fetchall()
    for answer_id, notes in rows:
        kept = [note_from_json(item) for item in _json_list(notes)]
        conn.execute(
            "UPDATE answers SET notes = ? WHERE id = ?",
            (json.dumps(notes_to_json(tuple(kept))), answer_id),
        )


MIGRATIONS: tuple[Migration, ...] = (
    _v1_sessions_and_answers,
    _v2_delivery_columns,
    _v3_session_plan,
    _v4_answer_notes,
    _v5_note_kinds,
    _v6_note_since,
)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def refuse_newer(conn: sqlite3.Connection, where: str) -> int:
    """The file's version; StoreTooNew if a newer hotseat made it (we leave it alone)."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"The history database {where} was made by a newer hotseat (schema "
            f"{version}, this one knows {SCHEMA_VERSION}); update hotseat to use it."
        )
    return version


def migrate(conn: sqlite3.Connection, where: str) -> int:
    """Bring the database up to date; returns the version it started at.

    Each step runs in its own immediate transaction together with the version
    bump, so a crash mid-way leaves the file at a whole version.
    """
    start = refuse_newer(conn, where)
    while user_version(conn) < SCHEMA_VERSION:  # up to date: no write lock taken
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)  # another instance may have migrated meanwhile
            if version < SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return start


def _json_object(text: str | None) -> dict[str, object]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _json_list(text: str | None) -> list[object]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []
