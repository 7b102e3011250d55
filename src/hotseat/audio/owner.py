"""The one thread that makes every PortAudio call in this process.

PortAudio is not thread-safe: opening an input stream on one thread while
another opens an output stream, or re-initialising it (to see a microphone
that came back) while any stream is open, crashed the app with segmentation
faults, "Illegal instruction" and ``_cffi_backend`` assertions. So every
PortAudio call -- importing ``sounddevice`` (which initialises PortAudio),
listing devices, opening, starting, stopping and closing streams, and
re-initialising -- runs here, one at a time, and the rest of the app asks for
them with ``call()``. The streams' own callbacks still run on PortAudio's
real-time threads; they only copy samples (see ``audio.mic_stream`` and
``speech.player``).

The thread is started on first use and lives as long as the process (it is a
daemon: nothing to join at exit). Jobs that need to run regularly on this
thread (the microphone's health check) register with ``every()``.

PortAudio's host APIs (JACK, ALSA plugins) print to file descriptor 2 while
initialising; on a full-screen app that is the screen. Those calls run with
descriptor 2 pointed at a log file (``native_stderr``).

Stopping a stream can hang. When a sound server dies under an open stream,
PortAudio 19.6's ALSA thread can get stuck in an endless loop in its error
handling (PortAudio issue #1037: "Expression 'self->capture.ready ||
self->playback.ready' failed", printed millions of times a minute), and
``Pa_AbortStream`` waits for that thread forever. So ``release()`` aborts a
stream on a short-lived thread of its own and waits at most a couple of
seconds: a stream whose abort does not return is abandoned (kept referenced,
closed here if its abort ever returns) and this thread goes on serving the
rest of the app. While an abandoned stream lives PortAudio is never
terminated or re-initialised, not even at exit (that would wait for the
stuck thread too).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from types import ModuleType
from typing import Any, TypeVar

from hotseat.audio.native_stderr import quiet_stderr

log = logging.getLogger(__name__)
T = TypeVar("T")
_TICK_SECONDS = 0.1
ABORT_TIMEOUT = 2.0  # seconds a stream's abort may take before it is abandoned


class AudioOwner:
    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[Callable[[], Any], Future[Any]]] = queue.Queue()
        self._periodic: list[Callable[[], None]] = []
        self._streams: set[int] = set()  # id() of every stream opened here and not closed
        self._abandoned: dict[int, Any] = {}  # streams whose abort never returned, by id()
        self._sd: ModuleType | None = None
        self._thread = threading.Thread(target=self._loop, name="hotseat-audio", daemon=True)
        self._thread.start()

    # -- for any thread -------------------------------------------------------

    def call(self, job: Callable[[], T], timeout: float | None = 10.0) -> T:
        """Run ``job`` on the owner thread and return its result (or raise its error)."""
        if threading.current_thread() is self._thread:
            return job()
        future: Future[T] = Future()
        self._jobs.put((job, future))
        return future.result(timeout)

    def every(self, job: Callable[[], None]) -> Callable[[], None]:
        """Call ``job`` on the owner thread about ten times a second; returns a remover."""
        self.call(lambda: self._periodic.append(job))

        def remove() -> None:
            self.call(lambda: self._periodic.remove(job) if job in self._periodic else None)

        return remove

    # -- for code already running on the owner thread ---------------------------

    def sounddevice(self) -> ModuleType:
        """The sounddevice module, imported (so PortAudio initialised) on this thread."""
        self._check_thread()
        if self._sd is None:
            from hotseat.audio.devices import import_sounddevice

            with quiet_stderr():
                self._sd = import_sounddevice()
        return self._sd

    def opened(self, stream: Any) -> Any:
        """Note a stream as open (re-initialising waits until none is)."""
        self._check_thread()
        self._streams.add(id(stream))
        return stream

    def closed(self, stream: Any) -> None:
        self._check_thread()
        self._streams.discard(id(stream))

    @property
    def wedged(self) -> bool:
        """True while a stream whose abort never returned lives (PortAudio cannot restart)."""
        return bool(self._abandoned)

    def release(self, stream: Any, timeout: float = ABORT_TIMEOUT) -> bool:
        """Abort and close ``stream``, waiting at most ``timeout`` seconds for the abort.

        False when the abort did not return in time: the stream is abandoned (see
        the module's docstring) and closed here later if its abort ever returns.
        """
        self._check_thread()
        release = _Release()
        threading.Thread(
            target=self._abort, args=(stream, release), name="hotseat-audio-abort", daemon=True
        ).start()
        release.returned.wait(timeout)
        with release.lock:
            if not release.returned.is_set():
                release.abandoned = True
                self._abandon(stream)
                return False
        self._close(stream)
        return True

    def _abort(self, stream: Any, release: _Release) -> None:
        """On a thread of its own: the abort, which may never return."""
        with contextlib.suppress(Exception):
            stream.abort(ignore_errors=True)
        with release.lock:
            release.returned.set()
            late = release.abandoned
        if late:  # the owner gave up on it: close it there, where PortAudio is used
            self._jobs.put((lambda: self._close(stream), Future()))

    def _abandon(self, stream: Any) -> None:
        # Not a warning: with no logging set up that would write to descriptor 2, which a
        # runaway native thread may be flooding (``native_stderr`` parks such a thread).
        log.info("an audio stream did not stop (PortAudio is stuck on it); left behind")
        self._abandoned[id(stream)] = stream
        sd = self._sd
        # sounddevice terminates PortAudio at exit, which would wait on the stuck stream.
        handler = getattr(sd, "_exit_handler", None)
        if handler is not None:
            atexit.unregister(handler)

    def _close(self, stream: Any) -> None:
        try:
            with quiet_stderr(), contextlib.suppress(Exception):
                stream.close(ignore_errors=True)
        finally:
            self.closed(stream)
            was_abandoned = self._abandoned.pop(id(stream), None) is not None
            handler = getattr(self._sd, "_exit_handler", None)
            if was_abandoned and not self._abandoned and handler is not None:
                atexit.register(handler)  # PortAudio may be terminated at exit again

    def reinitialize(self) -> bool:
        """Restart PortAudio so it sees devices added or removed since it started.

        Only when no stream is open (closing PortAudio under a live stream is the
        crash this module exists to prevent, and an abandoned stream counts as
        open for as long as it lives); False when that was not the case.
        """
        self._check_thread()
        if self._streams:
            return False
        sd = self.sounddevice()
        with quiet_stderr():
            try:
                sd._terminate()
            finally:
                sd._initialize()
        return True

    def _check_thread(self) -> None:
        if threading.current_thread() is not self._thread:
            raise RuntimeError("PortAudio may only be used on the audio owner thread")

    # -- the thread -------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            try:
                job, future = self._jobs.get(timeout=_TICK_SECONDS)
            except queue.Empty:
                self._run_periodic()
                continue
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(job())
                except BaseException as exc:  # handed to the caller, who raises it
                    future.set_exception(exc)
            if self._jobs.empty():
                self._run_periodic()

    def _run_periodic(self) -> None:
        for job in list(self._periodic):
            try:
                job()
            except Exception:  # a check that fails must not stop the audio thread
                log.exception("audio owner periodic job failed")


class _Release:
    """One stream being released: did its abort return, and did the owner give up on it?"""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.returned = threading.Event()
        self.abandoned = False


_owner: AudioOwner | None = None
_lock = threading.Lock()


def audio_owner() -> AudioOwner:
    """The process's one audio owner (started on first use)."""
    global _owner
    with _lock:
        if _owner is None:
            _owner = AudioOwner()
        return _owner
