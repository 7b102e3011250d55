"""A stand-in microphone that delivers a recording block by block.

Benchmarks and tests use it to drive the Listener with known audio at a
known pace (``speed`` 1.0 is real time; 0 means as fast as it is read).
It has the same interface as ``Capture``.
"""

from __future__ import annotations

import time

import numpy as np

from hotseat.audio.capture import Block
from hotseat.audio.wavfile import Audio


class FileSource:
    def __init__(self, audio: Audio, block_seconds: float = 0.05, speed: float = 1.0) -> None:
        self.rate = audio.rate
        self._samples = audio.samples
        self._block = max(1, int(audio.rate * block_seconds))
        self._speed = speed
        self._pos = 0
        self._started = 0.0
        self.started_at: float | None = None  # time.monotonic() when the first block was due
        self.block_times: list[float] = []  # when each block was handed out

    @property
    def overflows(self) -> int:
        return 0

    @property
    def position(self) -> float:
        """Seconds of audio handed out so far."""
        return min(self._pos, len(self._samples)) / self.rate

    @property
    def finished(self) -> bool:
        return self._pos >= len(self._samples)

    def start(self, since: float | None = None) -> None:
        """(A recording holds nothing from before it starts: ``since`` is not used.)"""
        self._started = time.monotonic()
        self.started_at = self._started

    @property
    def began(self) -> float | None:
        return None  # from start()

    @property
    def live(self) -> bool:
        return False

    def _due(self) -> float:
        if self._speed <= 0:
            return 0.0
        return self._started + (self._pos + self._block) / self.rate / self._speed

    def read(self, timeout: float) -> Block | None:
        if self.finished:
            time.sleep(timeout)
            return None
        wait = self._due() - time.monotonic()
        if wait > timeout:
            time.sleep(timeout)
            return None
        if wait > 0:
            time.sleep(wait)
        block = self._samples[self._pos : self._pos + self._block]
        self._pos += self._block
        self.block_times.append(time.monotonic())
        return np.ascontiguousarray(block)

    def drain(self) -> list[Block]:
        return []

    def stop(self) -> None:
        pass
