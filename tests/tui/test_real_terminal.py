"""The installed ``hotseat`` command in a real terminal (tmux at 80x24)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.terminal import HOTSEAT, Terminal, running

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    with running("", tmp_path) as term:
        yield term


def test_installed_command_shows_home_and_quits_cleanly(terminal: Terminal) -> None:
    assert HOTSEAT.exists(), f"hotseat is not installed at {HOTSEAT}"
    terminal.wait_for("Start (ctrl+s)")
    home = terminal.wait_for("^p palette")  # the footer, at 80 columns
    assert "rehearse interview answers out loud" in home
    for label in ("Practice", "Questions from", "How many", "Interviewer", "Company", "Role"):
        assert label in home
    assert "^s Start" in home
    terminal.send("C-q")
    after = terminal.wait_for("hotseat exited with 0")
    assert "Start (ctrl+s)" not in after  # the screen was given back
    assert "Traceback" not in after
