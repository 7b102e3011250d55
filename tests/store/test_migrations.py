"""Schema versions: a new file, a version-1 file with answers, a file from the future."""

from __future__ import annotations

import json
import sqlite3

import pytest

from hotseat import paths
from hotseat.store import Store, StoreTooNew, progress_series
from hotseat.store.schema import MIGRATIONS, SCHEMA_VERSION


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
