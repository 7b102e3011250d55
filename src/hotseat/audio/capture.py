"""The microphone: one input stream for the whole session, gated per answer
(each answer reads it through ``audio.answer_source.Capture``).

Opening and closing an input stream for every answer (on the recognizer's
thread, while the voice opened output streams on another) is what crashed
the app in rapid-fire drills: PortAudio is not thread-safe. So ``MicStream``
opens the device once, on the audio owner thread (``audio.owner``), and keeps
it open; an answer takes the blocks that arrive between ``Capture.start()``
and ``Capture.stop()`` and the rest are dropped.

PortAudio calls ``_callback`` on its own real-time thread. It only notes the
time, copies the block into the current answer's queue (if any) and counts
trouble (input overflows, blocks dropped because nobody drained the queue).

Losing the device: the owner thread checks the stream ten times a second. A
stream that stopped is lost; so is one silent for ``LOST_AFTER`` seconds, unless
a sound server behind it is still there (``audio.stall``): then it has only
stalled. Subscribers hear ``("stalled", text)`` and the stream is kept; when
blocks flow again they hear ``("resumed", text)`` with how long it lasted (a
stream found stuck is reopened as a lost one is, still said as the stall).
Lost: subscribers hear ``("lost", reason)``, the stream is let go (within
``audio.owner.ABORT_TIMEOUT``: one stuck in PortAudio is abandoned), PortAudio
is re-initialised every ``RETRY_EVERY`` seconds (only then does it see a device
that came back, and only with no stream open) and the device reopened; when
blocks flow again subscribers hear ``("back", name)``.
"""

from __future__ import annotations

import collections
import contextlib
import queue
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from hotseat.audio.devices import DeviceError, InputDevice, choose_input_device
from hotseat.audio.native_stderr import quiet_stderr
from hotseat.audio.owner import AudioOwner, audio_owner
from hotseat.audio.pulse_watch import PulseSourceWatch, default_source
from hotseat.audio.stall import Stall

Block = npt.NDArray[np.float32]  # (frames, channels), float32 in [-1, 1]
# ("lost" | "back" | "stalled" | "resumed", what to tell the user)
DeviceChange = Callable[[str, str], None]
# A stream that stops, or delivers nothing for this long, is lost. Not shorter: a sound
# server that has just come back may deliver its first blocks up to ~2 s apart.
LOST_AFTER = 2.5
RETRY_EVERY = 1.0
# Seconds of the latest audio the stream keeps, so an answer gets what was said from
# the moment it began even when its worker takes the stream up late (a busy machine).
KEEP_SECONDS = 5.0


class MicStream:
    """The session's one input stream; see the module's docstring."""

    def __init__(
        self, device_spec: str = "", block_seconds: float = 0.05, owner: AudioOwner | None = None
    ) -> None:
        self._owner = owner or audio_owner()
        self._spec = device_spec
        self._block_seconds = block_seconds
        self._stream: Any = None
        self.device: InputDevice | None = None
        self.rate = 0
        self.state = "closed"  # "open", "stalled", "lost" or "closed"
        self.problem = ""  # why the device was lost, for notes
        self.overflows = 0
        self._last_block = 0.0
        self._opened_at = 0.0
        self._next_try = 0.0
        self._announce_back = False
        self._tap: queue.Queue[Block] | None = None
        self._tap_lock = threading.Lock()
        # The latest blocks with when each ended (time.monotonic()), KEEP_SECONDS of them.
        self._recent: collections.deque[tuple[float, Block]] = collections.deque(
            maxlen=max(1, int(KEEP_SECONDS / block_seconds))
        )
        self._open_lock = threading.Lock()  # one open at a time: the loader's, or an answer's
        self._subscribers: list[DeviceChange] = []
        self._stop_watch: Callable[[], None] | None = None
        self._server_watch: PulseSourceWatch | None = None
        self._stall = Stall()  # when it delivers nothing: stalled, or lost (``audio.stall``)
        self._back_resumes = False  # a stalled stream is being reopened: "back" is "resumed"

    # -- any thread -----------------------------------------------------------------

    def open(self) -> None:
        """Open the device and keep it open; raises DeviceError (one sentence). An open
        already under way (the loader's) is waited for, never repeated: two streams
        would both feed the answer."""
        with self._open_lock:
            if self.state != "closed":
                return
            self._owner.call(self._open_here, timeout=30.0)
            if self._stop_watch is None:
                self._stop_watch = self._owner.every(self._watch)

    def close(self) -> None:
        stop, self._stop_watch = self._stop_watch, None
        if stop is not None:
            stop()
        self._owner.call(self._close_here)
        self.state = "closed"
        self._watch_server(None)

    def subscribe(self, change: DeviceChange) -> None:
        """``change("lost", reason)`` / ``change("back", name)`` from the owner thread."""
        self._subscribers.append(change)

    @property
    def stalled(self) -> bool:
        """True while the stream delivers nothing but its sound server is still there."""
        return self.state == "stalled"

    @property
    def stalled_from(self) -> float:
        """When the latest stall began (time.monotonic() of the last block before it)."""
        return self._stall.since

    @property
    def lost(self) -> bool:
        """True while the microphone is gone (the stream stopped, or its source was removed)."""
        server = self._server_watch
        return self.state == "lost" or (server is not None and server.gone)

    def tap(self, sink: queue.Queue[Block] | None, since: float | None = None) -> float | None:
        """Send blocks to ``sink`` from now on (None: drop them), first those kept that
        end after ``since``; returns when the first of those was captured (None: none)."""
        with self._tap_lock:
            began = None
            if sink is not None and since is not None:
                for ended, block in self._recent:
                    if ended > since:
                        if began is None:
                            began = ended - len(block) / max(1, self.rate)
                        with contextlib.suppress(queue.Full):
                            sink.put_nowait(block)
            self._tap = sink
            return began

    # -- PortAudio's thread ------------------------------------------------------------

    def _callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        now = self._last_block = time.monotonic()
        if status.input_overflow:
            self.overflows += 1
        block = indata.copy()
        with self._tap_lock:  # (held only to append, or while an answer takes the stream up)
            self._recent.append((now, block))
            sink = self._tap
        if sink is not None:
            try:
                sink.put_nowait(block)
            except queue.Full:
                self.overflows += 1

    # -- the owner thread -------------------------------------------------------------

    def _open_here(self) -> None:
        sd = self._owner.sounddevice()
        device = choose_input_device(self._spec)
        last_error: Exception | None = None
        for channels in dict.fromkeys((1, min(2, device.channels))):
            stream: Any = None
            try:
                with quiet_stderr():
                    stream = sd.InputStream(
                        device=device.index,
                        channels=channels,
                        samplerate=device.rate,
                        blocksize=max(1, int(device.rate * self._block_seconds)),
                        dtype="float32",
                        callback=self._callback,
                    )
                    self._owner.opened(stream)
                    self._opened_at = self._last_block = time.monotonic()
                    stream.start()
            except Exception as exc:  # PortAudioError, or ValueError for bad settings
                last_error = exc
                if stream is not None:
                    self._discard(stream)
                continue
            self._stream, self.device, self.rate = stream, device, device.rate
            self.state = "open"
            if device.name in ("default", "pulse", "pipewire") or "pulse" in device.name:
                self._watch_server(default_source())
            return
        raise DeviceError(f"cannot open the microphone {device.name!r}: {last_error}")

    def _discard(self, stream: Any) -> None:
        # Bounded: a stream on a dead sound server may never stop (see ``audio.owner``).
        self._owner.release(stream)

    def _close_here(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            self._discard(stream)

    def _watch(self) -> None:
        now = time.monotonic()
        if self.state in ("open", "stalled"):
            silent_for = now - self._last_block
            active = self._stream is not None and bool(self._stream.active)
            stall = ""
            if active and silent_for > LOST_AFTER:
                stall = self._stall.check(now, self._last_block) if self._server_watch else "lost"
                if stall == "began":
                    self.state = "stalled"
                    self._tell("stalled", "no audio has reached hotseat: the sound system stalled")
                if stall in ("asking", "began", "stalled"):
                    return
            if self.state == "stalled" and active and silent_for <= LOST_AFTER:  # flowing again
                self.state = "open"
                self._stall.over()
                self._resumed(now - silent_for)
                return
            if not active or silent_for > LOST_AFTER:
                self._stall.over()
                self.problem = (
                    "the audio stopped (unplugged, or the sound server went away)"
                    if not active
                    else "no audio has come from it for a few seconds"
                )
                stream, self._stream = self._stream, None
                self.state = "lost"
                if stall == "stuck":  # still said as the stall it began as
                    self._back_resumes = True
                elif not self._announce_back:  # already said it was lost
                    self._tell("lost", self.problem)  # before the stream is let go: that may hang
                self._announce_back = True
                if stream is not None:
                    self._discard(stream)
                self._next_try = time.monotonic() + RETRY_EVERY
            elif self._announce_back and self._last_block > self._opened_at:
                self._announce_back = False
                if self._back_resumes:  # a stuck stream reopened: the stall is over
                    self._back_resumes = False
                    self._resumed(self._last_block)
                    return
                name = self.device.name if self.device else ""
                generic = name in ("", "default", "pulse", "pipewire", "sysdefault")
                self._tell("back", "the system's default input" if generic else name)
        elif self.state == "lost" and now >= self._next_try:
            self._next_try = now + RETRY_EVERY
            if not self._owner.reinitialize() and not self._owner.wedged:
                return  # the voice is playing: try again when it is not
            # (With a stream stuck in PortAudio it can never restart: the device is
            # tried as PortAudio already knows it, which is how the sound server's is.)
            try:
                self._open_here()
            except DeviceError:
                self.state = "lost"

    def _resumed(self, at: float) -> None:
        """Blocks flow again (from ``at``) after a stall."""
        self._tell("resumed", f"the sound system stalled for {at - self._stall.since:.0f} s")

    def _watch_server(self, source: str | None) -> None:
        old, self._server_watch = self._server_watch, None
        if old is not None:
            old.close()
        if source is not None:
            self._server_watch = PulseSourceWatch(source, self._server_changed)

    def _server_changed(self, kind: str, text: str) -> None:
        """From the server watch's thread: the source went away, or is back."""
        if kind == "back" and self.state == "open":
            # The server may have left the stream on the stand-in source: open afresh
            # so it records from the default source (the returning microphone) again.
            with contextlib.suppress(Exception):  # the health check reopens it if this fails
                self._owner.call(self._reopen_here, timeout=10.0)
        self._tell(kind, text)

    def _reopen_here(self) -> None:
        watch, self._server_watch = self._server_watch, None  # keep it: it is reporting
        self._close_here()
        try:
            self._open_here()
        except DeviceError:
            self.state = "lost"
            self._next_try = time.monotonic() + RETRY_EVERY
        new, self._server_watch = self._server_watch, watch
        if new is not None:
            new.close()

    def _tell(self, kind: str, text: str) -> None:
        for subscriber in list(self._subscribers):
            subscriber(kind, text)
