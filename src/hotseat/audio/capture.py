"""The microphone stream.

PortAudio calls ``_callback`` on its own real-time thread. It only copies the
block into a queue and counts trouble (input overflows from PortAudio, and
blocks dropped because nobody drained the queue); everything else happens on
the recognizer's thread, which calls ``read()``.
"""

from __future__ import annotations

import queue
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from hotseat.audio.devices import DeviceError, InputDevice, sounddevice_module

Block = npt.NDArray[np.float32]  # (frames, channels), float32 in [-1, 1]


class AudioSource(Protocol):
    """Blocks of audio at ``rate`` Hz; the microphone, or a stand-in."""

    rate: int

    @property
    def overflows(self) -> int: ...

    def start(self) -> None: ...

    def read(self, timeout: float) -> Block | None: ...

    def drain(self) -> list[Block]: ...

    def stop(self) -> None: ...


class Capture:
    """Records ``device`` at its native rate in blocks of ``block_seconds``."""

    def __init__(
        self, device: InputDevice, block_seconds: float = 0.05, max_seconds: float = 60.0
    ) -> None:
        self.device = device
        self.rate = device.rate
        self._blocksize = max(1, int(device.rate * block_seconds))
        self._queue: queue.Queue[Block] = queue.Queue(
            maxsize=max(1, int(max_seconds / block_seconds))
        )
        self._stream: Any = None
        self._overflows = 0
        self._dropped = 0

    @property
    def overflows(self) -> int:
        """Blocks PortAudio or this queue could not keep (a sign of an overloaded machine)."""
        return self._overflows + self._dropped

    def _callback(self, indata: Any, frames: int, time: Any, status: Any) -> None:
        if status.input_overflow:
            self._overflows += 1
        try:
            self._queue.put_nowait(indata.copy())
        except queue.Full:
            self._dropped += 1

    def start(self) -> None:
        sd = sounddevice_module()
        last_error: Exception | None = None
        for channels in dict.fromkeys((1, min(2, self.device.channels))):
            try:
                self._stream = sd.InputStream(
                    device=self.device.index,
                    channels=channels,
                    samplerate=self.rate,
                    blocksize=self._blocksize,
                    dtype="float32",
                    callback=self._callback,
                )
                self._stream.start()
                return
            except Exception as exc:  # PortAudioError, or ValueError for bad settings
                last_error = exc
                self._close_stream()
        raise DeviceError(f"cannot open the microphone {self.device.name!r}: {last_error}")

    def read(self, timeout: float) -> Block | None:
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def drain(self) -> list[Block]:
        """Whatever is still queued, without waiting."""
        blocks: list[Block] = []
        while True:
            try:
                blocks.append(self._queue.get_nowait())
            except queue.Empty:
                return blocks

    def stop(self) -> None:
        self._close_stream()

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.stop()
            finally:
                stream.close()
