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
up). One recording is finished at a time, in the order they came.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass

from hotseat.asr.engine import SAMPLE_RATE, Engine
from hotseat.transcript import Word

log = logging.getLogger(__name__)
_CHUNK = SAMPLE_RATE // 5 * 2  # 200 ms of 16-bit audio, as the microphone hands it over

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

    def __init__(self, make_engine: Callable[[], Engine]) -> None:
        self._make_engine = make_engine
        self._engine: Engine | None = None
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, pcm16: bytes, done: Done) -> None:
        """Recognise ``pcm16`` (16 kHz mono PCM16) whole; ``done`` is called once, from
        this object's thread, with the words or why there are none."""
        with self._lock:
            if self._closed:
                done(None, "hotseat was closing")
                return
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="hotseat-finisher", daemon=True
                )
                self._thread.start()
        self._jobs.put(_Job(pcm16, done))

    def close(self, timeout: float = 2.0) -> None:
        """Stop after the recording being finished (those still waiting are dropped)."""
        with self._lock:
            self._closed = True
            thread = self._thread
        self._jobs.put(None)
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
        while (job := self._jobs.get()) is not None:
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
