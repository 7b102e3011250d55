"""alsa-lib's own messages must never be written over the full-screen app."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.pulse import PulseServer

pytestmark = pytest.mark.audio

# Starving the output (a 2 ms buffer) makes alsa-lib report underruns on stderr.
SCRIPT = """
import sys
if sys.argv[1] == "app":
    from hotseat.speech.player import Player
    player = Player()
    assert player.probe() == ""
    player.close()
import numpy as np
import sounddevice as sd
for _ in range(3):
    sd.play(np.zeros(11025, np.float32), 22050, blocking=True, latency=0.002)
"""


def _run(mode: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_the_voice_keeps_alsa_messages_off_the_terminal(pulse: PulseServer) -> None:
    if "ALSA lib" not in _run("bare"):
        pytest.skip("could not provoke an ALSA underrun message here")
    assert _run("app") == ""
