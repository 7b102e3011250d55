"""kill -9 in the middle of a session: every finished answer is there afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from hotseat import paths
from hotseat.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.run_session", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def _read_until(process: subprocess.Popen[str], wanted: str) -> list[str]:
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line.strip())
        if line.strip() == wanted:
            return lines
    raise AssertionError(f"the session process ended early: {lines}")


def test_sigkill_after_three_answers_keeps_all_three_and_offers_resume() -> None:
    process = _start("3")
    try:
        _read_until(process, "saved 3")
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    with Store() as store:
        [info] = store.list_sessions()
        assert info.status == "interrupted"
        assert store.interrupted_sessions() == [info]
        record = store.load_session(info.id)
        texts = [a.transcript.text for a in record.answers]
        assert texts == [f"answer number {n} " * n for n in (1, 2, 3)]
        assert [a.score for a in record.answers] == [43, 46, 49]

        resumed = store.resume_session(info.id)
        assert resumed.info.status == "active"
        assert len(resumed.answers) == 3


def test_sigkill_during_a_stream_of_writes_loses_nothing_reported_saved() -> None:
    process = _start("0", "--forever")
    try:
        lines = _read_until(process, "saved 25")
        os.kill(process.pid, signal.SIGKILL)
        assert process.stdout is not None
        lines += process.stdout.read().splitlines()  # lines printed before the kill landed
    finally:
        process.wait(timeout=10)
    reported = sum(1 for line in lines if line.startswith("saved"))

    with Store() as store:
        assert store.query("PRAGMA integrity_check") == [("ok",)]
        [info] = store.list_sessions()
        record = store.load_session(info.id)
        # Everything reported saved is there; at most the one being written when
        # the kill landed may also have made it.
        assert reported <= len(record.answers) <= reported + 1
        assert [a.position for a in record.answers] == list(range(len(record.answers)))
        assert info.status == "interrupted"
    assert paths.database_file().exists()
