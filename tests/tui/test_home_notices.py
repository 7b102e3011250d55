"""Every start-up notice can be read whole at 80x24: the notices scroll in the room
the form leaves, a line under them says there is more, and tab then ↑↓ reads them
(the installed app in a real terminal)."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from hotseat import paths
from tests.tui.terminal import running

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

BAD_SETTINGS = 'muted = yes\nsilence_end_seconds = -3\n\n[keys]\nhome.bogus = "f9"\n'
LAST_WORDS = "the README for the ids"  # the end of the third notice
# A notice wraps where its path's length puts it (long temp paths under pytest-xdist),
# and the scroll bar draws beside it: read the words, not the lines.
_NOT_WORDS = re.compile(r"[\s▁▂▃▄▅▆▇█▏▕│]+")


def _shows(screen: str, words: str) -> bool:
    return words in _NOT_WORDS.sub(" ", screen)


def test_three_long_notices_at_80x24_can_all_be_read(tmp_path: Path) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(BAD_SETTINGS, encoding="utf-8")
    with running("", tmp_path) as term:
        home = term.wait_for("more than fit: tab to them", timeout=30)
        # The settings notice begins with the file's path (long under pytest-xdist: its
        # first 30 characters are on screen however the line is cut); the footer stays.
        assert str(paths.settings_file())[:30] in home and "^s Start" in home, home
        term.send("BTab")  # from the first field back round to the notices
        deadline = time.monotonic() + 30  # ↓ until the last words show (a busy machine
        while not _shows(term.screen(), LAST_WORDS) and time.monotonic() < deadline:
            term.send("Down")
            time.sleep(0.3)
        shown = term.screen()
        assert _shows(shown, LAST_WORDS), shown
        assert "^s Start" in shown
