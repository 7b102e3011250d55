"""A history folder that cannot be written is still shown, read-only."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.store import Recorder, Store
from tests.store.sample import turn


def _history_of_an_older_hotseat() -> Path:
    """One session with one answer, in a file of schema 2 (before plans were kept)."""
    recorder = Recorder(save_recordings=False)
    handle = recorder.begin_session(mode="mock")
    recorder.save_answer(handle, turn(text="We shipped it on time."))
    recorder.end_session(handle)
    recorder.close()
    db = paths.database_file()
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE sessions DROP COLUMN plan")
    conn.execute("PRAGMA user_version = 2")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    return db


def test_a_read_only_store_reads_without_touching_the_file() -> None:
    db = _history_of_an_older_hotseat()
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    with Store(read_only=True) as store:
        [info] = store.list_sessions()
        [answer] = store.load_session(info.id).answers
        assert answer.transcript.text == "We shipped it on time."
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before  # not migrated, not touched


@pytest.fixture
def read_only_data(tmp_path: Path) -> Iterator[Path]:
    """The data folder bind-mounted read-only (needs root and mount; else skipped)."""
    _history_of_an_older_hotseat()
    target = tmp_path / "ro"
    target.mkdir()
    source = str(paths.data_dir())
    done = subprocess.run(["mount", "--bind", source, str(target)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {done.stderr.decode().strip()}")
    try:
        remount = ["mount", "-o", "remount,bind,ro", str(target)]
        if subprocess.run(remount, capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        yield target
    finally:
        subprocess.run(["umount", str(target)], check=True)


def _hotseat(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOTSEAT_DATA_DIR=str(data))
    return subprocess.run(
        [sys.executable, "-m", "hotseat", *args], env=env, capture_output=True, text=True
    )


def test_history_on_a_read_only_folder_is_shown(read_only_data: Path) -> None:
    listed = _hotseat(read_only_data, "history")
    assert listed.returncode == 0, listed.stderr
    assert "mock" in listed.stdout and "1/1" in listed.stdout
    assert "shown read-only" in listed.stderr and "kept in memory" not in listed.stderr
    report = _hotseat(read_only_data, "report", "last")
    assert report.returncode == 0 and "We shipped it on time." in report.stdout
    deleted = _hotseat(read_only_data, "history", "delete", "1", "--yes")
    assert deleted.returncode == 1 and "nothing was changed" in deleted.stderr
