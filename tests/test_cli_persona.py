"""An unknown ``--persona`` is handled alike by every command: one line, exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CASES = [
    ["--persona", "ghost"],  # the app itself: it never opens
    ["--persona", "ghost", "practice", "--mode", "mock"],
    ["practice", "--mode", "mock", "--persona", "ghost"],
    ["practice", "--mode", "panel", "--persona", "recruiter,ghost"],
    ["--persona", "ghost", "say", "hello"],
    ["say", "--persona", "ghost", "hello"],
    ["--persona", "ghost", "history"],
]


@pytest.mark.parametrize("argv", CASES, ids=" ".join)
def test_unknown_persona_is_one_line_and_exit_2(argv: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hotseat", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "HOTSEAT_OUTPUT_DEVICE": "no such speaker"},
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        "hotseat: unknown persona 'ghost' "
        "(choose from: recruiter, hiring-manager, panel-chair, senior-engineer)\n"
    )


def test_a_known_persona_in_other_letters_is_accepted() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hotseat", "--persona", "Hiring-Manager", "practice", "--list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
