"""Damaged files, a locked database, a full disk, an unwritable folder: no answer lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.settings import Settings
from hotseat.store import Recorder, Store, StoreBusy, StoreUnwritable
from tests.store.sample import fill, question, turn

ROOT = Path(__file__).resolve().parents[2]


def test_garbage_file_is_kept_aside_and_a_new_history_starts() -> None:
    db = paths.database_file()
    db.parent.mkdir(parents=True, exist_ok=True)
    junk = b"this is not a database, just words " * 200
    db.write_bytes(junk)

    with Store() as store:
        assert len(store.notices) == 1
        notice = store.notices[0]
        [aside] = list(db.parent.glob("history.sqlite3.damaged-*"))
        assert str(aside) in notice and "never deleted" in notice
        assert aside.read_bytes() == junk  # kept exactly as it was
        sid = store.begin_session(mode="mock")
        store.save_answer(sid, turn())
    with Store() as again:
        assert again.notices == []
        assert [s.id for s in again.list_sessions()] == [sid]


def test_a_damaged_page_inside_a_real_history_is_detected() -> None:
    with Store() as store:
        fill(store, [[50, 60, 70]] * 20)
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = paths.database_file()
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page : 3 * page] = b"\xff" * page  # scribble over a whole b-tree page
    db.write_bytes(bytes(data))

    with Store() as store:
        assert store.notices and "damaged" in store.notices[0]
        assert store.list_sessions() == []
    assert len(list(db.parent.glob("history.sqlite3.damaged-*"))) == 1


def test_the_second_writer_waits_for_the_first_to_finish() -> None:
    with Store() as store:
        sid = store.begin_session()
    holder = sqlite3.connect(paths.database_file(), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another hotseat in the middle of a write
    threading.Timer(0.3, lambda: holder.execute("COMMIT")).start()
    try:
        with Store() as second:
            second.save_answer(sid, turn())  # waits (busy timeout), then succeeds
            assert len(second.load_session(sid).answers) == 1
    finally:
        time.sleep(0.35)
        holder.close()


def test_a_database_held_too_long_says_why_and_the_answer_waits() -> None:
    recorder = Recorder(opener=lambda: Store(busy_timeout=0.2))
    handle = recorder.begin_session(mode="mock")
    sid = recorder.resolve(handle)
    assert sid is not None
    holder = sqlite3.connect(paths.database_file(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(busy_timeout=0.2) as store, pytest.raises(StoreBusy, match="another hotseat"):
            store.save_answer(sid, turn())
        status = recorder.save_answer(handle, turn(text="kept while locked"))
        assert not status.saved and status.pending == 1
        assert "another hotseat" in status.message
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert recorder.flush().saved
    with Store() as store:
        assert [a.transcript.text for a in store.load_session(sid).answers] == ["kept while locked"]


def test_a_full_disk_keeps_answers_in_order_until_there_is_room() -> None:
    recorder = Recorder()
    handle = recorder.begin_session(mode="mock")
    assert recorder.save_answer(handle, turn(text="first answer")).saved
    conn = recorder.store.connection  # type: ignore[union-attr]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite now reports the disk full
    big = "a long answer that needs room " * 300
    status = recorder.save_answer(handle, turn(text=big))
    assert not status.saved and status.pending == 1
    assert "full" in status.message
    status = recorder.save_answer(handle, turn(text="third answer"))
    assert status.pending == 2  # waits behind the second: order is kept
    unsaved = paths.data_dir() / "unsaved"
    [held] = unsaved.iterdir()  # what waits is in a file at once (a crash loses none)
    assert "third answer" in held.read_text("utf-8")

    conn.execute("PRAGMA max_page_count = 1073741823")  # room again
    assert recorder.end_session(handle).saved
    assert not list(unsaved.iterdir())  # all in the history: the file is gone
    recorder.close()
    with Store() as store:
        [info] = store.list_sessions()
        assert info.status == "finished"
        texts = [a.transcript.text for a in store.load_session(info.id).answers]
        assert texts == ["first answer", big, "third answer"]


def _block_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, Path]:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    data = blocker / "data"
    monkeypatch.setenv("HOTSEAT_DATA_DIR", str(data))
    return blocker, data


def test_an_unwritable_data_folder_is_reported_and_saved_later(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker, data = _block_data_dir(monkeypatch, tmp_path)
    with pytest.raises(StoreUnwritable, match="kept in memory"):
        Store()
    recorder = Recorder()
    handle = recorder.begin_session(mode="focus")
    assert handle < 0  # provisional: the session itself waits
    status = recorder.save_answer(handle, turn(text="nowhere to write yet"))
    assert not status.saved and status.pending == 2
    assert str(blocker) in status.message

    blocker.unlink()  # the folder can be made now
    assert recorder.flush().saved
    real = recorder.resolve(handle)
    assert real is not None and real > 0
    assert recorder.save_answer(handle, turn(text="and one more")).saved
    recorder.close()
    with Store(data / "history.sqlite3") as store:
        texts = [a.transcript.text for a in store.load_session(real).answers]
        assert texts == ["nowhere to write yet", "and one more"]


def test_answers_still_waiting_at_exit_are_kept_in_a_file_and_added_next_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker, data = _block_data_dir(monkeypatch, tmp_path)
    recorder = Recorder()
    handle = recorder.begin_session(mode="mock")
    recorder.save_answer(handle, turn(question("q-a"), "answer kept in a file", 71))
    recorder.end_session(handle)
    closing = recorder.close()
    assert not closing.saved
    [leftover] = list((paths.cache_dir() / "unsaved").glob("*.json"))
    assert str(leftover) in closing.message and "next start" in closing.message

    blocker.unlink()
    later = Recorder()
    assert later.open().saved
    assert any("left unsaved last time" in n for n in later.notices)
    assert not list((paths.cache_dir() / "unsaved").iterdir())  # taken in, then removed
    with Store(data / "history.sqlite3") as store:
        [info] = store.list_sessions()
        assert info.status == "finished" and info.mode == "mock"
        [answer] = store.load_session(info.id).answers
        assert (answer.transcript.text, answer.score) == ("answer kept in a file", 71)


def test_recordings_off_keeps_transcripts_only(tmp_path: Path) -> None:
    Settings(save_recordings=False).save()  # the user's settings.toml
    recorder = Recorder()
    handle = recorder.begin_session()
    assert recorder.recording_path(handle) is None
    recorder.save_answer(handle, turn(text="words only"), audio_path=tmp_path / "a.wav")
    recorder.close()
    with Store() as store:
        [answer] = store.load_session(store.list_sessions()[0].id).answers
        assert answer.audio_path is None and answer.transcript.text == "words only"


WRITER = """
import sys
from hotseat.store import Store
from tests.store.sample import turn
with Store() as store:
    sid = store.begin_session(mode=sys.argv[1])
    for i in range(30):
        store.save_answer(sid, turn(text=f"{sys.argv[1]} {i}"))
    store.end_session(sid)
"""


def test_two_hotseats_writing_at_once_corrupt_nothing() -> None:
    Store().close()  # both start from an existing file
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, name], cwd=ROOT, env=dict(os.environ))
        for name in ("one", "two")
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    with Store() as store:
        assert store.query("PRAGMA integrity_check") == [("ok",)]
        sessions = {s.mode: s for s in store.list_sessions()}
        assert set(sessions) == {"one", "two"}
        for name, info in sessions.items():
            texts = [a.transcript.text for a in store.load_session(info.id).answers]
            assert texts == [f"{name} {i}" for i in range(30)]
            assert info.status == "finished"


def test_opening_an_unusable_history_is_reported_at_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _block_data_dir(monkeypatch, tmp_path)
    status = Recorder().open()
    assert not status.saved and "Cannot write the history" in status.message
