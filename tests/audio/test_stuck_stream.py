"""A microphone stream that PortAudio cannot stop does not take the audio down with it.

When a sound server dies under an open stream, PortAudio 19.6's ALSA thread can
loop for ever in its error handling (PortAudio issue #1037), and
``Pa_AbortStream``, which waits for that thread, never returns. That used to
block the audio owner thread for good: "microphone lost" was never said and
every later PortAudio call (the interviewer's voice too) timed out.

Killing a server only sometimes lands PortAudio in that loop, so this test
makes the same situation happen every time with the real PortAudio: the
stream's own thread is held inside the callback (which, like that loop, is
not a point where the thread can be cancelled), so the abort waits on it
exactly as it does on the looping thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from hotseat.audio.answer_source import Capture
from hotseat.audio.capture import LOST_AFTER, MicStream
from hotseat.audio.owner import ABORT_TIMEOUT, audio_owner
from hotseat.audio.stall import STUCK_AFTER
from hotseat.speech.player import Player
from tests.support.pulse import PulseServer

pytestmark = pytest.mark.audio


class StuckMic(MicStream):
    """A MicStream whose PortAudio thread, once ``stick`` is set, never comes back."""

    def __init__(self) -> None:
        super().__init__()
        self.stick = threading.Event()
        self.unstick = threading.Event()
        self._held = False

    def _callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        if self.stick.is_set() and not self._held:
            self._held = True  # only the stream that was open: a reopened one works
            self.unstick.wait()
            return
        super()._callback(indata, frames, time_info, status)


@pytest.fixture
def stuck_mic(pulse: PulseServer) -> Iterator[StuckMic]:
    mic = StuckMic()
    try:
        yield mic
    finally:
        mic.unstick.set()  # lets the abandoned abort finish, whatever the test found
        mic.close()


def _wait_for(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return bool(condition())


def test_a_stream_that_never_stops_is_abandoned_and_the_audio_goes_on(
    stuck_mic: StuckMic,
) -> None:
    events: list[tuple[str, float]] = []
    stuck_mic.subscribe(lambda kind, text: events.append((kind, time.monotonic())))
    stuck_mic.open()
    capture = Capture(stuck_mic)
    capture.start()
    assert capture.read(timeout=5) is not None, "the microphone delivered nothing"

    stuck_at = time.monotonic()
    stuck_mic.stick.set()
    assert _wait_for(lambda: events, LOST_AFTER + ABORT_TIMEOUT + 3), (
        "the microphone stopped delivering and nobody said so"
    )
    # The sound server still answers: at first it is a stall, said as one (not "lost"),
    # said before letting go of the stream; the stream found stuck is then let go.
    assert events[0][0] == "stalled"
    assert events[0][1] - stuck_at < LOST_AFTER + 1.5
    owner = audio_owner()
    assert _wait_for(lambda: owner.wedged, STUCK_AFTER + ABORT_TIMEOUT + 3), (
        "the stuck stream was not abandoned"
    )
    # The owner thread still serves PortAudio calls...
    devices = owner.call(lambda: owner.sounddevice().query_devices(), timeout=3)
    assert len(devices) > 0
    # ...the interviewer's voice still plays...
    finished: list[bool] = []
    errors: list[str] = []
    player = Player(on_error=errors.append)
    tone = (0.2 * np.sin(np.arange(8000) * 2 * np.pi * 440 / 16000)).astype(np.float32)
    player.play(tone, 16000, None, lambda at, stopped: finished.append(stopped))
    assert _wait_for(lambda: finished, 8), "the voice did not finish"
    player.close()
    assert finished == [False] and errors == []
    # ...and the microphone is opened afresh beside the abandoned stream: the stall is over.
    assert _wait_for(lambda: [kind for kind, _ in events] == ["stalled", "resumed"], 8)
    capture.drain()
    assert capture.read(timeout=5) is not None, "nothing was heard after the microphone came back"

    # When the stuck thread finally returns, the abandoned stream is closed after all.
    stuck_mic.unstick.set()
    assert _wait_for(lambda: not owner.wedged, 5)
    capture.stop()
