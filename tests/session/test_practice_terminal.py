"""A rapid-fire drill in a real terminal: the installed ``hotseat`` under tmux, typed answers.

The app runs on the real clock here, so the test waits (polling the screen)
rather than asserting any speed. The first answer's feedback moves on by itself
(the drill's review pause); the others are moved on with enter, which keeps the
test to a few seconds.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.terminal import HOTSEAT, Terminal, running

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
QUESTIONS = 5


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    with running(f"--typed --mute practice --mode rapid-fire --count {QUESTIONS}", tmp_path) as t:
        yield t


def test_a_rapid_fire_drill_runs_to_its_summary(terminal: Terminal) -> None:
    assert HOTSEAT.exists(), f"the hotseat console script is not installed at {HOTSEAT}"
    for number in range(1, QUESTIONS + 1):
        screen = terminal.wait_for(f"Question {number} of {QUESTIONS}")
        assert "Rapid-fire" in screen
        terminal.wait_for("Thinking time")  # five seconds to think; typing starts the answer
        terminal.type(f"Answer {number}: I would agree the goal first, then report the result.")
        terminal.wait_for("Answering")  # ctrl+s now submits (while thinking it starts the answer)
        terminal.send("C-s")
        terminal.wait_for("Feedback")
        if number > 1:  # the first answer's feedback moves on by itself
            terminal.send("Enter")
    summary = terminal.wait_for("Session summary")
    assert "Rapid-fire" in summary and "Average score" in summary
    assert f"over {QUESTIONS} assessed answers" in summary  # every typed answer was scored
    terminal.send("q")
    assert "hotseat exited with 0" in terminal.wait_for("hotseat exited with")
