"""Schema versions: a new file, a version-1 file with answers, a file from the future."""

from __future__ import annotations

import json
import sqlite3

import pytest

from hotseat import paths
from hotseat.store import Store, StoreTooNew, progress_series
from hotseat.store.schema import MIGRATIONS, SCHEMA_VERSION
from hotseat.transcript import Note, NoteKind


def _version(path: object) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_an_empty_file_at_version_0_is_brought_up_to_date() -> None:
    db = paths.database_file()
    db.parent.mkdir(parents=True, exist_ok=True)
    sqlite3.connect(db).close()  # a valid, empty database: user_version 0
    with Store() as store:
        assert store.migrated_from == 0
        sid = store.begin_session(mode="mock")
        assert store.session_info(sid).mode == "mock"
    assert _version(db) == SCHEMA_VERSION


def test_a_version_1_history_keeps_its_answers_and_gains_delivery_figures() -> None:
    db = paths.database_file()
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO sessions (id, key, started_at, mode, status) "
        "VALUES (1, 'old', 1700000000, 'mock', 'finished')"
    )
    words = [
        {"word": w, "start": i * 0.5, "end": i * 0.5 + 0.4} for i, w in enumerate(["a", "b", "c"])
    ]
    words.append({"word": "d", "start": 5.0, "end": 5.4})  # a 3.6 s pause before "d"
    conn.execute(
        "INSERT INTO answers (session_id, position, question_id, question_text, competencies,"
        " transcript, words, score, metrics, saved_at) VALUES (1, 0, 'q-old', 'An old question?',"
        " '[\"impact\"]', 'a b c d', ?, 64, ?, 1700000100)",
        (json.dumps(words), json.dumps({"wpm": 131.0, "fillers": {"per_100_words": 4.5}})),
    )
    conn.close()

    with Store() as store:
        assert store.migrated_from == 1
        [answer] = store.load_session(1).answers
        assert (answer.transcript.text, answer.score) == ("a b c d", 64)
        assert (answer.wpm, answer.fillers_per_100, answer.long_pauses) == (131.0, 4.5, 1.0)
        [point] = progress_series(store, "impact")
        assert point.wpm == 131.0 and point.score == 64
    assert _version(db) == SCHEMA_VERSION


def test_a_history_from_a_newer_hotseat_is_left_untouched() -> None:
    db = paths.database_file()
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreTooNew, match="newer hotseat"):
        Store()
    assert db.read_bytes() == before
    assert not list(db.parent.glob("*.damaged-*"))


def test_notes_saved_as_plain_sentences_get_their_kind() -> None:
    """Schema 4 kept an answer's notes as sentences, and the caveat was read off their
    words; from schema 5 each note says its kind, and old ones are given theirs."""
    db = paths.database_file()
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    for migration in MIGRATIONS[:4]:
        migration(conn)
    conn.execute("PRAGMA user_version = 4")
    conn.execute(
        "INSERT INTO sessions (id, key, started_at, mode, status) "
        "VALUES (1, 'old', 1700000000, 'mock', 'finished')"
    )
    old_notes = [
        "No Vosk model is installed, so the built-in recognizer is in use; for better accuracy "
        "run 'hotseat models download' (about 40 MB, once).",
        "the computer was busy: recognition fell behind and used its quicker, less accurate "
        "pass for some of the answer",
        "the microphone was lost at 0:07 (unplugged); the gap is silent",
        "the microphone came back at 0:09",
        "live recognition failed (EngineError: x); the transcript was made from the answer's "
        "recording",
        "2 typed words added to the spoken answer",
    ]
    conn.execute(
        "INSERT INTO answers (session_id, position, question_id, question_text, transcript,"
        " notes, saved_at) VALUES (1, 0, 'q-old', 'An old question?', 'a b', ?, 1700000100)",
        (json.dumps(old_notes),),
    )
    conn.close()

    with Store() as store:
        assert store.migrated_from == 4
        [answer] = store.load_session(1).answers
    kinds = [NoteKind.INFO, NoteKind.LESS_ACCURATE, NoteKind.INCOMPLETE, NoteKind.CONTEXT]
    kinds += [NoteKind.RECOVERED, NoteKind.INFO]
    assert answer.transcript.notes == tuple(map(Note, old_notes, kinds))
    conn = sqlite3.connect(db)
    [(stored,)] = conn.execute("SELECT notes FROM answers").fetchall()
    conn.close()
    assert json.loads(stored)[2] == {"kind": "incomplete", "text": old_notes[2], "since": None}


BUSY_AT_0_20 = (
    "the computer was busy: recognition could not finish the answer from 0:20 on in time, so "
    "the words from there are the live pass's and may be wrong or missing (the recording "
    "holds the whole answer)"
)


def test_notes_saved_before_they_had_a_time_get_it() -> None:
    """Schema 5 kept a note's time only in its words ("from 0:20 on"), which the
    feedback read; from schema 6 the note holds it (``since``), read once here."""
    db = paths.database_file()
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    for migration in MIGRATIONS[:5]:
        migration(conn)
    conn.execute("PRAGMA user_version = 5")
    conn.execute(
        "INSERT INTO sessions (id, key, started_at, mode, status) "
        "VALUES (1, 'old', 1700000000, 'mock', 'finished')"
    )
    old_notes = [
        {"kind": "incomplete", "text": BUSY_AT_0_20},
        {"kind": "incomplete", "text": "the microphone was lost at 0:07 (unplugged)"},
    ]
    conn.execute(
        "INSERT INTO answers (session_id, position, question_id, question_text, transcript,"
        " notes, saved_at) VALUES (1, 0, 'q-old', 'An old question?', 'a b', ?, 1700000100)",
        (json.dumps(old_notes),),
    )
    conn.close()

    with Store() as store:
        assert store.migrated_from == 5
        [answer] = store.load_session(1).answers
    assert [note.since for note in answer.transcript.notes] == [20.0, None]
    conn = sqlite3.connect(db)
    [(stored,)] = conn.execute("SELECT notes FROM answers").fetchall()
    conn.close()
    assert [note["since"] for note in json.loads(stored)] == [20.0, None]
