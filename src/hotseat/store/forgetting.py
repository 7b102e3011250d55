"""Forgetting on request: a session, or the whole history, with its recordings.

Rows are deleted in one write, then the WAL is folded into the main file
(``secure_delete`` has zeroed the freed pages), so no copy of a deleted answer
is left in the database files; recordings, the session's folder and any
half-typed draft go too.
"""

from __future__ import annotations

from pathlib import Path

from hotseat.store.connection import HistoryConnection, require_session
from hotseat.store.drafts import clear_draft
from hotseat.store.recordings import remove_recording, remove_session_folder


def delete_session(db: HistoryConnection, session_id: int) -> list[Path]:
    """Delete a session, its answers and its recordings; returns the files removed."""
    audio = [
        Path(r[0])
        for r in db.query(
            "SELECT audio_path FROM answers WHERE session_id = ? AND audio_path IS NOT NULL",
            (session_id,),
        )
    ]
    key_rows = db.query("SELECT key FROM sessions WHERE id = ?", (session_id,))
    with db.write() as conn:
        require_session(conn, session_id)
        conn.execute("DELETE FROM answers WHERE session_id = ?", (session_id,))
        conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
    db.checkpoint()
    removed = [p for p in audio if remove_recording(p)]
    if key_rows:
        remove_session_folder(str(key_rows[0][0]))
        clear_draft(str(key_rows[0][0]))
    return removed


def purge(db: HistoryConnection) -> int:
    """Forget everything: every session, answer and recording. Returns sessions removed."""
    audio = [
        Path(r[0]) for r in db.query("SELECT audio_path FROM answers WHERE audio_path IS NOT NULL")
    ]
    keys = [str(r[0]) for r in db.query("SELECT key FROM sessions")]
    with db.write() as conn:
        conn.execute("DELETE FROM answers")
        count = conn.execute("DELETE FROM sessions").rowcount
    # VACUUM fails while another hotseat reads; secure_delete zeroed the pages anyway.
    db.quietly("VACUUM")
    db.checkpoint()
    for path in audio:
        remove_recording(path)
    for key in keys:
        remove_session_folder(key)
        clear_draft(key)
    return int(count)
