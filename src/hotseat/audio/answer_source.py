"""What one answer reads: the ``AudioSource`` interface, and ``Capture``, the blocks of
the session's microphone stream (``audio.capture.MicStream``) from when the answer
began until it ends. ``audio.file_source.FileSource`` is the other source (a
recording played as a microphone, for tests and benchmarks).
"""

from __future__ import annotations

import queue
from typing import Protocol

from hotseat.audio.capture import Block, MicStream


class AudioSource(Protocol):
    """Blocks of audio at ``rate`` Hz; the microphone, or a stand-in."""

    @property
    def rate(self) -> int: ...

    @property
    def overflows(self) -> int: ...

    def start(self, since: float | None = None) -> None:
        """Begin; ``since`` (time.monotonic()): the audio wanted begins then, when the
        source still holds what was captured since (``began`` says from when it did)."""
        ...

    @property
    def began(self) -> float | None:
        """time.monotonic() when the first sample given was captured, when known."""
        ...

    @property
    def live(self) -> bool:
        """A microphone: what it heard before its audio was taken up, and not kept, is
        lost (a recording played as one loses nothing)."""
        ...

    def read(self, timeout: float) -> Block | None: ...

    def drain(self) -> list[Block]: ...

    def stop(self) -> None: ...


class Capture:
    """One answer's audio from a ``MicStream``: the blocks between start() and stop()."""

    def __init__(self, mic: MicStream, max_seconds: float = 60.0) -> None:
        self.mic = mic
        self._queue: queue.Queue[Block] = queue.Queue(
            maxsize=max(1, int(max_seconds / mic._block_seconds))
        )
        self._overflows_at_start = 0
        self._began: float | None = None

    @property
    def rate(self) -> int:
        return self.mic.rate

    @property
    def began(self) -> float | None:
        return self._began

    @property
    def live(self) -> bool:
        return True

    @property
    def overflows(self) -> int:
        """Blocks PortAudio or this queue could not keep (a sign of an overloaded machine)."""
        return self.mic.overflows - self._overflows_at_start

    def start(self, since: float | None = None) -> None:
        if self.mic.state == "closed":
            self.mic.open()
        self._overflows_at_start = self.mic.overflows
        self._began = self.mic.tap(self._queue, since)

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
        self.mic.tap(None)
