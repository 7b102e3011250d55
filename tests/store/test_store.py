"""The history API the app uses: sessions, answers, resume/close, delete, purge."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.store import Recorder, Store, UnknownSession
from tests.store.sample import question, timed, turn, wav


def test_an_answer_is_on_disk_the_moment_it_is_saved() -> None:
    store = Store()
    sid = store.begin_session(mode="mock", persona="recruiter", company="Acme", role="Analyst")
    spoken = timed("so I cut the release time from two weeks to three days", gap_after=2)
    store.save_answer(sid, turn(question("q-ship"), transcript=spoken, score=74))

    # Another connection (another process would see the same) reads it at once.
    other = sqlite3.connect(paths.database_file())
    text, score, words = other.execute("SELECT transcript, score, words FROM answers").fetchone()
    other.close()
    assert text.startswith("so I cut the release time") and score == 74
    assert '"start": 0.5' in words

    record = store.load_session(sid)
    [answer] = record.answers
    assert answer.transcript == spoken  # timed words survive the round trip
    assert answer.long_pauses == 1  # the 3 s gap after the third word
    # no wpm metric here: worked out from the times as the feedback engine does,
    # 12 words in 7.7 s from first to last word, less the 3.1 s pause
    assert answer.wpm == 156.5
    assert answer.fillers_per_100 == 2.0
    assert answer.feedback is not None
    assert [f.id for f in answer.feedback.improvements] == ["result-missing"]
    assert answer.feedback.improvements[0].evidence[0].text == "and then we shipped it"
    assert record.info.company == "Acme" and record.info.status == "active"
    store.close()


def test_sessions_list_newest_first_with_counts_and_average() -> None:
    with Store() as store:
        first = store.begin_session(mode="mock", started_at=1_700_000_000)
        store.save_answer(first, turn(score=50))
        store.save_answer(first, turn(score=70))
        store.save_answer(first, turn(skipped=True))
        store.end_session(first)
        second = store.begin_session(mode="rapid-fire", started_at=1_700_090_000)
        sessions = store.list_sessions()
    assert [s.id for s in sessions] == [second, first]
    older = sessions[1]
    assert (older.questions, older.answered, older.average_score) == (3, 2, 60.0)
    assert older.status == "finished" and older.ended_at is not None


def test_a_session_left_by_a_dead_process_is_offered_then_resumed_or_closed() -> None:
    with Store() as store:
        sid = store.begin_session(mode="mock")
        store.save_answer(sid, turn(text="before the crash"))
        dead = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        )
        store.query("SELECT 1")  # the store stays usable around raw edits
        store.connection.execute(
            "UPDATE sessions SET owner_pid = ? WHERE id = ?", (int(dead.stdout), sid)
        )
    with Store() as store:
        assert [s.id for s in store.interrupted_sessions()] == [sid]
    recorder = Recorder()
    record = recorder.resume_session(sid)
    assert [a.transcript.text for a in record.answers] == ["before the crash"]
    recorder.save_answer(sid, turn(text="after resuming"))
    assert recorder.interrupted_sessions() == []  # ours again, not interrupted
    recorder.end_session(sid, status="interrupted")  # the user quits half way
    assert [s.id for s in recorder.interrupted_sessions()] == [sid]
    recorder.close_session(sid)
    recorder.close()
    with Store() as store:
        info = store.session_info(sid)
        assert info.status == "closed" and store.interrupted_sessions() == []
        positions = [a.position for a in store.load_session(sid).answers]
        assert positions == [0, 1]


def test_recording_paths_follow_the_session_and_are_stored(tmp_path: Path) -> None:
    recorder = Recorder()
    handle = recorder.begin_session()
    first = recorder.recording_path(handle)
    assert first is not None and first.parent.is_dir()
    assert first.is_relative_to(paths.recordings_dir()) and first.name == "answer-01.wav"
    recorder.save_answer(handle, turn(), audio_path=wav(first))
    second = recorder.recording_path(handle)
    assert second is not None and second.name == "answer-02.wav"
    recorder.close()
    with Store() as store:
        [answer] = store.load_session(store.list_sessions()[0].id).answers
        assert answer.audio_path == first


def test_delete_removes_the_session_and_its_recordings_only() -> None:
    recorder = Recorder()
    keep, drop = recorder.begin_session(mode="keep"), recorder.begin_session(mode="drop")
    kept_wav = wav(recorder.recording_path(keep) or Path("x"))
    dropped_wav = wav(recorder.recording_path(drop) or Path("x"))
    outside = wav(paths.data_dir() / "mine.wav")  # not hotseat's: never removed
    recorder.save_answer(keep, turn(), audio_path=kept_wav)
    recorder.save_answer(drop, turn(text="a secret phrase to forget"), audio_path=dropped_wav)
    recorder.save_answer(drop, turn(), audio_path=outside)
    recorder.close()
    with Store() as store:
        removed = store.delete_session(drop)
        assert removed == [dropped_wav]
        assert [s.mode for s in store.list_sessions()] == ["keep"]
        with pytest.raises(UnknownSession):
            store.load_session(drop)
    assert kept_wav.exists() and outside.exists() and not dropped_wav.exists()
    assert not dropped_wav.parent.exists()
    raw = paths.database_file().read_bytes()
    assert b"a secret phrase to forget" not in raw  # overwritten, not just unlinked


def test_purge_forgets_everything() -> None:
    recorder = Recorder()
    handle = recorder.begin_session()
    audio = wav(recorder.recording_path(handle) or Path("x"))
    recorder.save_answer(handle, turn(text="private words about my old boss"), audio_path=audio)
    recorder.close()
    with Store() as store:
        assert store.purge() == 1
        assert store.list_sessions() == []
    assert not audio.exists()
    db = paths.database_file()
    for path in [db, *db.parent.glob(db.name + "-*")]:
        assert b"private words about my old boss" not in path.read_bytes()


def test_unknown_sessions_are_named_in_the_error() -> None:
    with Store() as store, pytest.raises(UnknownSession, match="no session 42"):
        store.load_session(42)
