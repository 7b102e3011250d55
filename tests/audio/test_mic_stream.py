"""The session's microphone stream when the sound server dies and comes back.

A private PulseAudio server of this test's own (not the shared one: it is
killed) feeds the app's one input stream. Killing the server stops the stream;
the audio owner thread must say so, re-initialise PortAudio with no stream
open (the only safe moment), reopen the microphone when the server is back,
and deliver what is said after that to the answer that was under way.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from hotseat.audio.capture import Capture, MicStream
from tests.audio.render import speak
from tests.support.pulse import PulseServer, _alive

pytestmark = pytest.mark.audio


@pytest.fixture
def own_server(pulse: PulseServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[PulseServer]:
    """A second server, which this test may kill (``pulse`` only proves PulseAudio is here)."""
    server = PulseServer()
    server.start()
    server.warm_up()
    for key, value in server.env.items():
        monkeypatch.setenv(key, value)  # ALSA's pulse plugin reads these at each connect
    try:
        yield server
    finally:
        server.stop()


def _kill(server: PulseServer) -> None:
    pid = server.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    while _alive(pid):
        time.sleep(0.02)
    for leftover in ("native", "runtime/pid"):
        (server.root / leftover).unlink(missing_ok=True)


def test_the_sound_server_going_away_is_said_and_capture_resumes(
    own_server: PulseServer, tmp_path: Path
) -> None:
    wav = speak("I am back on the line", tmp_path / "back.wav", pad=(0.2, 0.2))
    events: list[tuple[str, str]] = []
    changed = threading.Event()

    def change(kind: str, text: str) -> None:
        events.append((kind, text))
        changed.set()

    mic = MicStream()
    mic.subscribe(change)
    mic.open()
    capture = Capture(mic)
    capture.start()  # an answer is under way
    try:
        _kill(own_server)
        assert changed.wait(5), "losing the sound server was never noticed"
        assert events[0][0] == "lost" and mic.lost
        changed.clear()
        own_server.start()
        assert changed.wait(15), "the microphone never came back"
        assert events[-1][0] == "back" and not mic.lost
        capture.drain()  # whatever came before the server was back
        own_server.play_into_mic(wav)
        time.sleep(0.3)
        heard = capture.drain()
    finally:
        capture.stop()
        mic.close()
    assert [kind for kind, _ in events] == ["lost", "back"]
    audio = np.concatenate(heard)[:, 0]
    assert float(np.max(np.abs(audio))) > 0.05, "nothing was heard after the microphone came back"
