"""A rapid-fire drill in a real terminal: the installed ``hotseat`` under tmux, typed answers.

The app runs on the real clock here, so the test waits (polling the screen)
rather than asserting any speed; answering at once keeps it to about 20 s.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
HOTSEAT = Path(sys.executable).with_name("hotseat")
QUESTIONS = 5


class Terminal:
    def __init__(self, socket: Path) -> None:
        self.socket = str(socket)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "drill")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen shows:\n{screen}")
            time.sleep(0.2)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path / "tmux.sock")
    command = (
        f"{HOTSEAT} --typed --mute practice --mode rapid-fire --count {QUESTIONS}; "
        "echo EXIT-STATUS=$?; sleep 60"
    )
    env = {k: v for k, v in os.environ.items() if k.startswith("HOTSEAT_")}  # temp folders
    env_args = [f"{k}={v}" for k, v in env.items()]
    term.tmux("new-session", "-d", "-s", "drill", "-x", "80", "-y", "24",
              "env", *env_args, "sh", "-c", command)  # fmt: skip
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-S", term.socket, "kill-server"], capture_output=True)


def test_a_rapid_fire_drill_runs_to_its_summary(terminal: Terminal) -> None:
    assert HOTSEAT.exists(), f"the hotseat console script is not installed at {HOTSEAT}"
    for number in range(1, QUESTIONS + 1):
        screen = terminal.wait_for(f"Question {number} of {QUESTIONS}")
        assert "Rapid-fire" in screen
        terminal.wait_for("Thinking time")  # five seconds to think; typing starts the answer
        answer = f"Answer {number}: I would agree the goal first, then report the result."
        terminal.tmux("send-keys", "-t", "drill", "-l", answer)
        terminal.wait_for("Answering")  # ctrl+s now submits (while thinking it starts the answer)
        terminal.tmux("send-keys", "-t", "drill", "C-s")
        terminal.wait_for("Feedback")
        # No key is pressed: the drill moves on by itself after its review pause.
    summary = terminal.wait_for("Session summary")
    assert "Rapid-fire" in summary and "Average score" in summary
    assert f"over {QUESTIONS} assessed answers" in summary  # every typed answer was scored
    terminal.tmux("send-keys", "-t", "drill", "q")
    assert "EXIT-STATUS=0" in terminal.wait_for("EXIT-STATUS=")
