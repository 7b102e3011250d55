"""kill -9 in the middle of a session: every finished answer is there afterwards.

The core session in its own process (``run_session``), and the installed app in a
real terminal: killed the instant an answer is committed after ctrl+s, and
killed while an answer is being typed (its draft is offered back).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hotseat import paths
from hotseat.store import Recorder, Store
from tests.tui.terminal import Terminal, running

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ROOT = Path(__file__).resolve().parents[2]


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.run_session", *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
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


def test_sigkill_while_answers_wait_for_a_locked_history_loses_none_of_them() -> None:
    """The history refuses a write (another hotseat holds it): the answer waits, and
    is in a file at once, so kill -9 before the history frees up loses nothing."""
    process = _start("3", "--stepwise")
    holder = None
    try:
        _read_until(process, "saved 1")
        holder = sqlite3.connect(paths.database_file(), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # as another hotseat writing for a long time
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
        _read_until(process, "waiting 2")
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=10)
        if holder is not None:
            holder.execute("COMMIT")
            holder.close()
    assert process.returncode == -signal.SIGKILL
    [held] = (paths.data_dir() / "unsaved").glob(f"*.taken-{process.pid}")

    later = Recorder()
    assert later.open().saved  # the next start adds what the killed one kept
    later.close()
    assert not held.exists()
    with Store() as store:
        [info] = store.list_sessions()
        texts = [a.transcript.text for a in store.load_session(info.id).answers]
        assert texts == [f"answer number {n} " * n for n in (1, 2)]


# -- the real app, killed in a real terminal -------------------------------------------

ANSWER = "I wrote down the decision and the reasons, and we stopped arguing about it."


def _hotseat_pid(term: Terminal) -> int:
    """The hotseat process in the terminal: the child of the pane's shell."""
    shell = term.tmux("list-panes", "-F", "#{pane_pid}").split()[0]
    children = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", shell], capture_output=True, text=True, check=True
    ).stdout.split()
    assert len(children) == 1, children
    return int(children[0])


def _kill(term: Terminal) -> None:
    os.kill(_hotseat_pid(term), signal.SIGKILL)  # our own child, by its id
    term.wait_for("hotseat exited with 137")


def _saved_texts() -> list[str]:
    path = paths.database_file()
    if not path.exists():
        return []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return [r[0] for r in conn.execute("SELECT transcript FROM answers ORDER BY position")]
    except sqlite3.OperationalError:
        return []  # the schema is not written yet
    finally:
        conn.close()


def _draft_texts() -> str:
    texts = []
    for path in paths.data_dir().glob("drafts/*.json"):
        with contextlib.suppress(FileNotFoundError):  # replaced as we read: next poll
            texts.append(path.read_text("utf-8"))
    return "".join(texts)


def _until(check: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.002)


@needs_tmux
def test_sigkill_right_after_ctrl_s_keeps_the_answer(tmp_path: Path) -> None:
    with running("practice --mode curveball --count 3 --typed --mute", tmp_path) as term:
        term.wait_for("Question 1 of 3")
        term.type(ANSWER)
        term.wait_for(ANSWER[:40])
        term.send("C-s")
        _until(lambda: bool(_saved_texts()))  # the instant it is committed: kill
        _kill(term)
    with Store() as store:
        [info] = store.list_sessions()
        assert info.status == "interrupted"
        assert [a.transcript.text for a in store.load_session(info.id).answers] == [ANSWER]


@needs_tmux
def test_sigkill_while_typing_offers_the_draft_back(tmp_path: Path) -> None:
    typed = "Half an answer about the incident review"
    with running("practice --mode curveball --count 3 --typed --mute", tmp_path) as term:
        term.wait_for("Question 1 of 3")
        term.type(typed)
        term.wait_for(typed)
        # Kept while typing goes on, and in full a second after the typing stops.
        _until(lambda: typed in _draft_texts(), timeout=6)
        _kill(term)
    assert _saved_texts() == []  # nothing was submitted
    (tmp_path / "again").mkdir()
    with running("--typed --mute", tmp_path / "again") as term:
        home = term.wait_for("An answer you were typing was kept")
        assert "Half an answer about the" in home
        term.send("F2")
        term.wait_for("interrupted")
        term.send("r")
        screen = term.wait_for(typed)
        assert "Question 1 of 3" in screen
