"""Finishing an answer's transcript from its recording, after the answer was given.

On a busy machine the final recognition pass of an answer may not be done
within its bound (``answer_worker.final_wait``), or the user may choose not to
wait for it (ctrl+s). The app then goes on with the live text, which can be a
few words of a long answer. The recording holds the whole answer, so the
transcript is finished from it here, in the background, and handed back to
the listener's client (``Listener.start_answer``'s ``on_revised``), which
scores the answer again and updates what it showed and saved.

The recognizer of the live answers is busy with the next answer by then, so
this has an engine of its own, made on first use and owned by this one thread
(pocketsphinx runs in a helper process of its own: nothing here holds the UI
up), and closed once no recording has come for ``IDLE`` seconds (its helper
processes are then gone; the next recording makes it again). The app has one
finisher, shared by the live answers and those left from last time
(``store.unfinished``): one recording is finished at a time, the live answers'
first (``later=True``: after them), each kind in the order they came.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

from hotseat.asr.engine import SAMPLE_RATE, Engine
from hotseat.transcript import Word

log = logging.getLogger(__name__)
_CHUNK = SAMPLE_RATE // 5 * 2  # 200 ms of 16-bit audio, as the microphone hands it over
IDLE = 45.0  # seconds without a recording to finish before the engine is closed

# What a finished job gives back: the words (times from the recording's first sample),
# or None and why not.
Done = Callable[[list[Word] | None, str], None]


@dataclass(frozen=True)
class _Job:
    pcm16: bytes
    done: Done


class Finisher:
    """``make_engine``: builds this thread's own engine (slow: called on this thread,
    the first time a recording is to be finished)."""

    def __init__(self, make_engine: Callable[[], Engine], idle: float = IDLE) -> None:
        self._make_engine = make_engine
        self._idle = idle
        self._engine: Engine | None = None
        # (0 live answers first, 1 later ones; their order; the job or None: stop)
        self._jobs: queue.PriorityQueue[tuple[int, int, _Job | None]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    @property
    def engine_open(self) -> bool:
        """The engine is made and not yet closed (its helper processes run)."""
        return self._engine is not None

    def submit(self, pcm16: bytes, done: Done, *, later: bool = False) -> None:
        """Recognise ``pcm16`` (16 kHz mono PCM16) whole; ``done`` is called once, from
        this object's thread, with the words or why there are none. ``later``: after
        every recording not so marked (answers left from an earlier run)."""
        with self._lock:
            if self._closed:
                done(None, "hotseat was closing")
                return
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="hotseat-finisher", daemon=True
                )
                self._thread.start()
        self._jobs.put((int(later), next(self._order), _Job(pcm16, done)))

    def close(self, timeout: float = 2.0) -> None:
        """Stop after the recording being finished (those still waiting are dropped)."""
        with self._lock:
            self._closed = True
            thread = self._thread
        self._jobs.put((2, next(self._order), None))  # after those waiting (told: closing)
        if thread is not None:
            thread.join(timeout)
        if thread is None or not thread.is_alive():
            self._close_engine()

    def _close_engine(self) -> None:
        engine, self._engine = self._engine, None
        closer = getattr(engine, "close", None)
        if closer is not None:
            with contextlib.suppress(Exception):  # closing must never fail
                closer()

    def _run(self) -> None:
        while True:
            try:
                job = self._jobs.get(timeout=self._idle)[2]
            except queue.Empty:  # nothing to finish for a while: its processes go
                self._close_engine()
                continue
            if job is None:
                break
            if self._closed:
                job.done(None, "hotseat was closing")
                continue
            try:
                words = self._recognise(job.pcm16)
            except Exception as exc:  # reported to the answer, never raised
                log.warning("finishing a transcript from its recording failed: %s", exc)
                self._tell(job, None, f"{type(exc).__name__}: {exc}")
            else:
                self._tell(job, words, "")
        self._close_engine()

    @staticmethod
    def _tell(job: _Job, words: list[Word] | None, error: str) -> None:
        try:
            job.done(words, error)
        except Exception:  # the next recordings are still finished
            log.exception("handing back a finished transcript failed")

    def _recognise(self, pcm16: bytes) -> list[Word]:
        if self._engine is None:
            self._engine = self._make_engine()
        recognizer = self._engine.recognizer(partials=False)
        for start in range(0, len(pcm16), _CHUNK):
            recognizer.feed(pcm16[start : start + _CHUNK])
        return recognizer.finish()
