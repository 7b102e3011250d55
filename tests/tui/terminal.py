"""The installed ``hotseat`` command in a real 80x24 terminal: a private tmux server.

Each test starts its own server on its own socket and kills only that server,
so it never touches the user's tmux sessions or other tests' terminals. The
environment is the test's own (the temporary HOTSEAT_* folders of conftest).
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOTSEAT = Path(sys.executable).with_name("hotseat")
_SERVERS = itertools.count(1)


class Terminal:
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

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-l", text)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """The screen once ``text`` is on it (polled: the app runs on the real clock)."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{shown}")


@contextmanager
def running(arguments: str, folder: Path) -> Iterator[Terminal]:
    """``hotseat ARGUMENTS`` in an 80x24 terminal, started in ``folder`` (away from the
    checkout, so the installed assets must be found). When it exits, the terminal
    shows "hotseat exited with STATUS"."""
    # A fresh socket each time: ``kill-server`` returns before the old server has
    # gone, and a new session on its socket can reach the dying server ("server
    # exited unexpectedly"), as a test running the app twice in one folder once did.
    term = Terminal(folder / f"tmux-{next(_SERVERS)}.sock")
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("TMUX", None)
    script = f'"{HOTSEAT}" {arguments}; echo "hotseat exited with $?"; sleep 60'
    subprocess.run(
        ["tmux", "-S", str(term.socket), "new-session", "-d", "-x", "80", "-y", "24", script],
        env=env,
        cwd=folder,
        check=True,
        timeout=10,
    )
    try:
        yield term
    finally:
        # Our own server only (its private socket): the sleeping shell goes with it.
        subprocess.run(["tmux", "-S", str(term.socket), "kill-server"], check=False, timeout=10)
