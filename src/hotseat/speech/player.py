"""Play clips through sounddevice with exact start and end times and instant stop.

One thread follows each utterance; a stream is opened per utterance (an idle
open stream would keep waking the CPU between questions). Every PortAudio call
(open, start, abort, close) is made by the process's audio owner thread
(``audio.owner``; the stream itself: ``speech.output_stream``): PortAudio is
not thread-safe, and opening output streams here while the microphone's
stream was handled on another thread crashed the app. The PortAudio callback
only copies samples (and notes the time of its first call).

Timing: the first sample reaches the speaker at the time of the first callback
plus the latency PortAudio reports for that buffer (``outputBufferDacTime -
currentTime``: the sound card's delay on plain ALSA, zero through PulseAudio,
which starts playing at once). After that the device clock runs in real time,
so the last sample of speech plays at ``start + samples / rate``. A stretch of
silence is appended to every clip because some backends (ALSA's pulse plugin)
drop the last buffer when a stream completes; the speech itself always plays in
full, and ``on_finished`` fires when the speech, not the padding, has played.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from hotseat.audio.owner import AudioOwner, audio_owner
from hotseat.speech.output_stream import (
    PAD_SECONDS,
    Clip,
    OutputError,
    device_of,
    open_clip,
    probe_output,
)

log = logging.getLogger(__name__)

Started = Callable[[float], None]
Finished = Callable[[float, bool], None]
_FIRST_CALLBACK_TIMEOUT = 3.0


@dataclass
class _Request:
    samples: np.ndarray | None  # None: nothing to play, just report finished
    rate: int
    on_started: Started | None
    on_finished: Finished | None
    stopped: threading.Event = field(default_factory=threading.Event)


def _call(callback: Callable[..., None] | None, *args: Any) -> None:
    if callback is None:
        return
    try:
        callback(*args)
    except Exception:  # a client's bug must not kill the voice
        log.exception("speech callback failed")


class Player:
    def __init__(
        self,
        device: str = "",
        on_error: Callable[[str], None] | None = None,
        on_playing: Callable[[bool], None] | None = None,
    ) -> None:
        self._device = device_of(device)
        self._on_error = on_error
        self._on_playing = on_playing
        self._requests: queue.Queue[_Request | None] = queue.Queue()
        self._current: _Request | None = None
        self._lock = threading.Lock()
        self.underflows = 0  # buffers the sound device ran short of, in every line so far
        self._closed = False
        self._owner: AudioOwner = audio_owner()
        self._thread = threading.Thread(target=self._loop, name="speech-player", daemon=True)
        self._thread.start()

    # -- called from any thread ------------------------------------------------

    def probe(self, *, detail: bool = False) -> str:
        """'' when the output device can be found, else why not: one phrase in plain
        words for the app; with ``detail`` (``hotseat doctor``) the library's own
        message too. The log always has it."""
        return self._owner.call(lambda: probe_output(self._owner, self._device, detail))

    def play(
        self,
        samples: np.ndarray,
        rate: int,
        on_started: Started | None,
        on_finished: Finished | None,
    ) -> None:
        """Stop whatever is playing and play ``samples``; returns at once."""
        self._submit(
            _Request(np.ascontiguousarray(samples, np.float32), rate, on_started, on_finished)
        )

    def finish_silently(self, on_finished: Finished | None) -> None:
        """Report a line as finished at once, without audio (muted voice)."""
        self._submit(_Request(None, 0, None, on_finished))

    def stop(self) -> None:
        with self._lock:
            current = self._current
        if current is not None:
            current.stopped.set()
        self._drain_queue()

    def close(self) -> None:
        self._closed = True
        self.stop()
        self._requests.put(None)
        self._thread.join(timeout=3)

    def _submit(self, request: _Request) -> None:
        self.stop()
        if self._closed:
            _call(request.on_finished, time.monotonic(), True)
            return
        self._requests.put(request)

    def _drain_queue(self) -> None:
        while True:
            try:
                pending = self._requests.get_nowait()
            except queue.Empty:
                return
            if pending is None:
                self._requests.put(None)
                return
            _call(pending.on_finished, time.monotonic(), True)

    # -- the player thread --------------------------------------------------------

    def _loop(self) -> None:
        while True:
            request = self._requests.get()
            if request is None:
                return
            with self._lock:
                self._current = request
            try:
                self._run(request)
            finally:
                with self._lock:
                    self._current = None

    def _run(self, request: _Request) -> None:
        if request.samples is None or request.samples.size == 0:
            _call(request.on_finished, time.monotonic(), request.stopped.is_set())
            return
        _call(self._on_playing, True)
        try:
            self._play(request)
        except (OutputError, TimeoutError) as exc:  # TimeoutError: the audio thread is stuck
            _call(self._on_playing, False)
            _call(request.on_finished, time.monotonic(), False)
            _call(self._on_error, str(exc))

    def _play(self, request: _Request) -> None:
        samples = request.samples
        assert samples is not None
        stream, clip, seconds = self._owner.call(
            lambda: open_clip(self._owner, self._device, samples, request.rate, request.stopped)
        )
        cut = False
        try:
            cut = self._follow(stream, clip, request, seconds)
        finally:
            if clip.underflows:  # the voice stuttered: a busy machine, or a stuck server
                self.underflows += clip.underflows
                log.info("%d output underflows in one line", clip.underflows)
            if not cut:  # a cut has released the stream already
                # Bounded: a stream on a dead sound server may never stop (``audio.owner``).
                self._owner.call(lambda: self._owner.release(stream))

    def _follow(self, stream: Any, clip: Clip, request: _Request, seconds: float) -> bool:
        """Report the start and the end of the speech as they really happen; True
        when the speech was cut short (and the stream released)."""
        if not clip.first.wait(_FIRST_CALLBACK_TIMEOUT):
            raise OutputError("audio output failed (the sound device never asked for audio)")
        if request.stopped.wait(max(0.0, clip.start - time.monotonic())):
            self._cut(stream, request)
            return True
        _call(request.on_started, clip.start)
        end = clip.start + seconds
        if request.stopped.wait(max(0.0, end - time.monotonic())):
            self._cut(stream, request)
            return True
        _call(self._on_playing, False)
        _call(request.on_finished, end, False)
        # Let the padding play out unless something else wants the speaker.
        deadline = time.monotonic() + PAD_SECONDS + 1.0
        while not clip.done.is_set() and time.monotonic() < deadline:
            if request.stopped.wait(0.02) or not self._requests.empty():
                break
        return False  # _play closes the stream

    def _cut(self, stream: Any, request: _Request) -> None:
        self._owner.call(lambda: self._owner.release(stream))  # silent at once
        _call(self._on_playing, False)
        _call(request.on_finished, time.monotonic(), True)
