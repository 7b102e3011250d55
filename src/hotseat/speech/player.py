"""Play clips through sounddevice with exact start and end times and instant stop.

One thread follows each utterance; a stream is opened per utterance (an idle
open stream would keep waking the CPU between questions). Every PortAudio call
(open, start, abort, close) is made by the process's audio owner thread
(``audio.owner``): PortAudio is not thread-safe, and opening output streams
here while the microphone's stream was handled on another thread crashed the
app. The PortAudio callback only copies samples (and notes the time of its
first call).

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

log = logging.getLogger(__name__)

Started = Callable[[float], None]
Finished = Callable[[float, bool], None]
_PAD_SECONDS = 0.3
_FIRST_CALLBACK_TIMEOUT = 3.0


class OutputError(RuntimeError):
    """Audio output does not work; the message is one sentence for the user."""


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


def _device(spec: str) -> int | str | None:
    spec = spec.strip()
    if not spec:
        return None
    return int(spec) if spec.isdigit() else spec


def _resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    count = round(len(samples) * target / rate)
    positions = np.linspace(0, len(samples) - 1, num=max(count, 1))
    resampled: np.ndarray = np.interp(positions, np.arange(len(samples)), samples)
    return resampled.astype(np.float32)


class Player:
    def __init__(
        self,
        device: str = "",
        on_error: Callable[[str], None] | None = None,
        on_playing: Callable[[bool], None] | None = None,
    ) -> None:
        self._device = _device(device)
        self._on_error = on_error
        self._on_playing = on_playing
        self._requests: queue.Queue[_Request | None] = queue.Queue()
        self._current: _Request | None = None
        self._lock = threading.Lock()
        self.underflows = 0
        self._closed = False
        self._owner: AudioOwner = audio_owner()
        self._thread = threading.Thread(target=self._loop, name="speech-player", daemon=True)
        self._thread.start()

    # -- called from any thread ------------------------------------------------

    def probe(self, *, detail: bool = False) -> str:
        """'' when the output device can be found, else why not: one phrase in plain
        words for the app; with ``detail`` (``hotseat doctor``) the library's own
        message too. The log always has it."""
        return self._owner.call(lambda: self._probe_here(detail))

    def _probe_here(self, detail: bool) -> str:
        from hotseat.audio.devices import DeviceError

        try:
            sd = self._owner.sounddevice()
        except DeviceError as exc:  # libportaudio2 is missing
            log.info("the audio library could not load: %s", exc)
            plain = "the sound library is not installed"
            return f"{plain}: {exc}" if detail else plain
        try:
            sd.query_devices(self._device, kind="output")
        except (sd.PortAudioError, ValueError) as exc:
            log.info("no audio output device (%s): %s", self._device, exc)
            if self._device is None:
                plain = "no speakers or headphones were found"
            else:
                plain = f"no speaker called {self._device!r} was found"
            return f"{plain} (PortAudio: {exc})" if detail else plain
        return ""

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

    def _open(self, request: _Request, samples: np.ndarray, rate: int) -> tuple[Any, _Run]:
        """Open and start a stream (on the owner thread)."""
        sd = self._owner.sounddevice()
        run = _Run(np.concatenate([samples, np.zeros(int(rate * _PAD_SECONDS), np.float32)]))

        def callback(outdata: np.ndarray, frames: int, timing: Any, status: Any) -> None:
            if status.output_underflow:
                self.underflows += 1
            if not run.first.is_set():
                delay = float(timing.outputBufferDacTime - timing.currentTime)
                run.start = time.monotonic() + min(max(delay, 0.0), 0.5)
                run.first.set()
            if request.stopped.is_set():
                outdata.fill(0)
                raise sd.CallbackAbort
            chunk = run.data[run.pos : run.pos + frames]
            outdata[: len(chunk), 0] = chunk
            outdata[len(chunk) :] = 0
            run.pos += len(chunk)
            if len(chunk) < frames:
                raise sd.CallbackStop

        stream = sd.OutputStream(
            samplerate=rate,
            channels=1,
            dtype="float32",
            device=self._device,
            callback=callback,
            finished_callback=run.done.set,
        )
        self._owner.opened(stream)
        try:
            stream.start()
        except BaseException:
            self._close_here(stream)
            raise
        return stream, run

    def _close_here(self, stream: Any) -> None:
        try:
            stream.abort(ignore_errors=True)
            stream.close(ignore_errors=True)
        finally:
            self._owner.closed(stream)

    def _start(self, request: _Request) -> tuple[Any, _Run, float]:
        """On the owner thread: (stream, run, seconds of speech); raises OutputError."""
        from hotseat.audio.devices import DeviceError

        assert request.samples is not None
        samples, rate = request.samples, request.rate
        try:
            sd = self._owner.sounddevice()
        except DeviceError as exc:
            raise OutputError(f"audio output failed ({exc})") from None
        try:
            try:
                stream, run = self._open(request, samples, rate)
            except sd.PortAudioError:  # e.g. a card that cannot play this sample rate
                samples, rate = _resample(samples, rate, 48000), 48000
                stream, run = self._open(request, samples, rate)
        except (sd.PortAudioError, ValueError) as exc:
            raise OutputError(f"audio output failed ({exc})") from None
        return stream, run, len(samples) / rate

    def _play(self, request: _Request) -> None:
        stream, run, seconds = self._owner.call(lambda: self._start(request))
        try:
            self._follow(stream, run, request, seconds)
        finally:
            self._owner.call(lambda: self._close_here(stream))

    def _follow(self, stream: Any, run: _Run, request: _Request, seconds: float) -> None:
        """Report the start and the end of the speech as they really happen."""
        if not run.first.wait(_FIRST_CALLBACK_TIMEOUT):
            raise OutputError("audio output failed (the sound device never asked for audio)")
        if request.stopped.wait(max(0.0, run.start - time.monotonic())):
            return self._cut(stream, request)
        _call(request.on_started, run.start)
        end = run.start + seconds
        if request.stopped.wait(max(0.0, end - time.monotonic())):
            return self._cut(stream, request)
        _call(self._on_playing, False)
        _call(request.on_finished, end, False)
        # Let the padding play out unless something else wants the speaker.
        deadline = time.monotonic() + _PAD_SECONDS + 1.0
        while not run.done.is_set() and time.monotonic() < deadline:
            if request.stopped.wait(0.02) or not self._requests.empty():
                break
        return None  # _play closes the stream

    def _cut(self, stream: Any, request: _Request) -> None:
        self._owner.call(lambda: stream.abort(ignore_errors=True))
        _call(self._on_playing, False)
        _call(request.on_finished, time.monotonic(), True)


class _Run:
    """What the callback of one stream shares with the player thread."""

    def __init__(self, data: np.ndarray) -> None:
        self.data = data
        self.pos = 0
        self.start = 0.0
        self.first = threading.Event()
        self.done = threading.Event()
