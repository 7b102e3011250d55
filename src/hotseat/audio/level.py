"""Loudness for the level meter, and how long the candidate has been quiet.

Levels are in dBFS (0 is full scale, -100 is the floor we report). Silence
is judged by a voice-activity detector (pocketsphinx's WebRTC-style VAD,
which ships with the fallback recognizer) so that steady fan or street
noise does not count as talking; when it cannot be loaded, a level
threshold stands in.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

FLOOR_DB = -100.0
SPEECH_LEVEL_DB = -42.0  # used only when no VAD can be loaded
# Below this a frame is silence whatever the detector says: after a long stretch of
# speech, pocketsphinx's VAD went on calling digital silence speech for 2.6 s.
QUIET_DB = -75.0
# The level meter's "silent": below this the silence detector never hears speech, so
# anything above it may be the candidate's voice and shows on the meter (quiet but
# recognisable speech measured about -65 dBFS; a -60 floor showed it as "silent").
METER_FLOOR_DB = QUIET_DB
_RATE = 16000
_SETTLE_FRAMES = 7  # 210 ms


def dbfs(pcm16: bytes) -> float:
    """RMS level of 16-bit mono samples in dBFS."""
    if len(pcm16) < 2:
        return FLOOR_DB
    data = np.frombuffer(pcm16[: len(pcm16) - len(pcm16) % 2], dtype="<i2")
    rms = float(np.sqrt(np.mean(np.square(data.astype(np.float64))))) / 32768.0
    if rms <= 0.0:
        return FLOOR_DB
    return max(FLOOR_DB, 20.0 * math.log10(rms))


class LevelMeter:
    """Reports the level of each ``interval`` seconds of 16 kHz audio (20 a second)."""

    def __init__(self, report: Callable[[float], None], interval: float = 0.05) -> None:
        self._report = report
        self._window = int(_RATE * interval) * 2
        self._pending = bytearray()

    def feed(self, pcm16: bytes) -> None:
        self._pending += pcm16
        while len(self._pending) >= self._window:
            chunk = bytes(self._pending[: self._window])
            del self._pending[: self._window]
            self._report(dbfs(chunk))


def _load_vad() -> tuple[Callable[[bytes], bool], int] | None:
    try:
        from pocketsphinx import Vad

        vad = Vad(0, _RATE, 0.03)  # the least aggressive mode: quiet voices still count
        size = int(vad.frame_bytes)
    except Exception:  # the VAD is a nicety; the level threshold still works
        return None

    def is_speech(frame: bytes) -> bool:
        return bool(vad.is_speech(frame))

    return is_speech, size


class SilenceTracker:
    """Counts the seconds of audio since the candidate last made a speech sound."""

    def __init__(self, use_vad: bool = True) -> None:
        loaded = _load_vad() if use_vad else None
        if loaded is None:
            self._frame = int(_RATE * 0.03) * 2
            self._is_speech: Callable[[bytes], bool] = lambda f: dbfs(f) > SPEECH_LEVEL_DB
        else:
            self._is_speech, self._frame = loaded
        self._pending = bytearray()
        self._run = 0  # consecutive speech frames, to ignore single clicks
        self.heard_speech = False
        self.silent_frames = 0
        self.speech_started_at: float | None = None  # seconds into the stream
        self._frames_seen = 0

    @property
    def silence_seconds(self) -> float:
        return self.silent_frames * self._frame / 2 / _RATE

    def restart(self) -> None:
        """Count silence afresh from now (the microphone was lost or came back)."""
        self.silent_frames = 0

    def feed(self, pcm16: bytes) -> None:
        self._pending += pcm16
        while len(self._pending) >= self._frame:
            frame = bytes(self._pending[: self._frame])
            del self._pending[: self._frame]
            self._frames_seen += 1
            # The detector calls its first few frames speech whatever they hold.
            voiced = self._is_speech(frame)  # every frame: the detector keeps state
            speech = voiced and self._frames_seen > _SETTLE_FRAMES and dbfs(frame) > QUIET_DB
            if speech:
                self._run += 1
                if self._run >= 3:  # about 90 ms of voice
                    if not self.heard_speech:
                        frames_before = self._frames_seen - self._run
                        self.speech_started_at = frames_before * self._frame / 2 / _RATE
                    self.heard_speech = True
                    self.silent_frames = 0
                    continue
            else:
                self._run = 0
            self.silent_frames += 1
