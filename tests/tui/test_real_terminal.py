"""The installed ``hotseat`` command in a real terminal (tmux at 80x24)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

HOTSEAT = Path(sys.executable).parent / "hotseat"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """A private tmux server (its own socket) running one command in an 80x24 window."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{shown}")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path / "tmux.sock")
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("TMUX", None)
    script = f'"{HOTSEAT}"; echo "hotseat exited with $?"; sleep 60'
    subprocess.run(
        ["tmux", "-S", str(term.socket), "new-session", "-d", "-x", "80", "-y", "24", script],
        env=env,
        cwd=tmp_path,  # away from the checkout: the installed assets must be found
        check=True,
        timeout=10,
    )
    try:
        yield term
    finally:
        # Our own server only (its private socket): the sleeping shell goes with it.
        subprocess.run(["tmux", "-S", str(term.socket), "kill-server"], check=False, timeout=10)


def test_installed_command_shows_home_and_quits_cleanly(terminal: Terminal) -> None:
    assert HOTSEAT.exists(), f"hotseat is not installed next to {sys.executable}"
    terminal.wait_for("Start (ctrl+s)")
    home = terminal.wait_for("^p palette")  # the footer, at 80 columns
    assert "rehearse interview answers out loud" in home
    for label in ("Practice", "Questions from", "How many", "Interviewer", "Company", "Role"):
        assert label in home
    assert "^s Start" in home
    terminal.tmux("send-keys", "C-q")
    after = terminal.wait_for("hotseat exited with 0")
    assert "Start (ctrl+s)" not in after  # the screen was given back
    assert "Traceback" not in after
