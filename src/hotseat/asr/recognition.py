"""The recognizer's own thread: capture never waits for recognition.

The Listener's worker reads the microphone, meters it, watches for silence and
saves it in real time; recognition can fall behind (pocketsphinx on a busy
core ran 35-40 s late). So the audio goes through a queue to this thread,
which owns the recognizer, and the queue is kept short by degrading, not by
waiting:

- ``behind`` is how old the oldest audio still waiting is (wall-clock seconds),
  plus what the engine itself has not got through yet (``backlog()``, for
  pocketsphinx's helper process);
- over ``PARTIALS_OFF`` the live partial is asked for at most three times a second
  (computing it is a good part of the work);
- over ``SKIP_SECOND_PASS`` the engine is told it lags (``set_lagging(1)``),
  and over ``QUICK_PASS`` that it lags more (``set_lagging(2)``: pocketsphinx
  switches to a cheaper, less accurate live decoder); it stays so for the
  rest of the answer;
- an engine that can (pocketsphinx, ``feed_captured``) is told when each block
  was captured and skips the live pass on audio already too old to show, so
  the partial stays within about a second of the voice by design, whatever the
  load (see ``asr.sphinx_engine``).

No audio is ever left out of the transcript: a transcript with holes would be
worse than one that is a little late, and the recording is the evidence the
feedback quotes. Only the live text may skip.

At the end of an answer the final words are awaited for a bounded time
(``Recognition.wait_final``): when they are late (or the user skips waiting)
the best text so far is used, with a note. One answer is recognised at a time:
the next one's audio waits until the previous recognizer has finished.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

from hotseat.asr.engine import Engine, Recognizer
from hotseat.transcript import Word

log = logging.getLogger(__name__)
PARTIALS_OFF = 0.6
PARTIAL_EVERY_WHEN_BEHIND = 0.3  # seconds between partials asked for once behind
SKIP_SECOND_PASS = 1.2
QUICK_PASS = 2.0


@dataclass
class Recognition:
    """One answer as the recognizer thread sees it."""

    on_partial: Callable[[str], None]
    partials: bool = True  # False: only the final words matter (an answer's recording)
    words: Future[list[Word]] = field(default_factory=Future)
    best_partial: str = ""
    lagged: int = 0  # how hard the engine was told to cut corners (0: not at all)
    degraded: bool = False  # the engine used a less accurate pass for part of the words
    worst_lag: float = 0.0  # seconds the live transcript trailed the audio, at worst
    live_from: float | None = None  # from here on the final words are the live pass's
    budget: float | None = None  # seconds its last phrases may take to finish (the engine's)
    abandoned: bool = False
    _pending: collections.deque[tuple[bytes, float]] = field(default_factory=collections.deque)
    _finishing: bool = False
    _first: float | None = None  # when the first audio was captured
    position: float = 0.0  # seconds of audio the engine has recognised
    shown_position: float = 0.0  # ... as of the live text last asked for (what is shown)

    def lag(self) -> float:
        """Seconds between the voice and the recognizer: audio said at ``_first + t``
        (real time) and recognised up to ``position``. Audio handed over faster than
        real time (a file, what was heard while the model loaded) is not lag."""
        if self._first is None:
            return 0.0
        return max(0.0, time.monotonic() - self._first - self.position)

    def shown_lag(self) -> float:
        """Seconds the live text on the screen trails the voice (``lag`` plus the time
        since the text was last asked for)."""
        if self._first is None:
            return 0.0
        return max(0.0, time.monotonic() - self._first - self.shown_position)

    def wait_final(self, timeout: float, skip: Callable[[], bool]) -> list[Word] | None:
        """The final words, or None after ``timeout`` seconds or once ``skip()`` is true."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or skip():
                self.abandoned = True
                return None
            try:
                return self.words.result(timeout=min(0.05, remaining))
            except TimeoutError:
                continue


class RecognizerThread:
    """Owns the recognizer of each answer, one answer after another."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._answers: collections.deque[tuple[Recognition, Engine]] = collections.deque()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="hotseat-recognizer", daemon=True)
        self._thread.start()

    def begin(
        self, engine: Engine, on_partial: Callable[[str], None], partials: bool = True
    ) -> Recognition:
        recognition = Recognition(on_partial, partials)
        with self._lock:
            self._answers.append((recognition, engine))
            self._lock.notify_all()
        return recognition

    def feed(self, recognition: Recognition, pcm16: bytes, captured_at: float) -> None:
        """Queue audio captured at ``captured_at`` (the first block sets the answer's
        start, from which lag is measured)."""
        with self._lock:
            if recognition._first is None:
                recognition._first = captured_at
            recognition._pending.append((pcm16, captured_at))
            self._lock.notify_all()

    def end(self, recognition: Recognition, budget: float | None = None) -> None:
        """No more audio; ``budget``: how long the engine may take over the final words
        of its last phrases (when it can be told, ``set_final_budget``)."""
        with self._lock:
            recognition.budget = budget
            recognition._finishing = True
            self._lock.notify_all()

    def behind(self, recognition: Recognition) -> float:
        """How far the live text shown trails the voice, in seconds (``Recognition.shown_lag``)."""
        return recognition.shown_lag()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._thread.join(timeout=5)

    # -- the thread ---------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._answers and not self._closed:
                    self._lock.wait()
                if not self._answers:
                    return
                recognition, engine = self._answers[0]
            try:
                self._recognise(recognition, engine)
            except Exception as exc:  # reported as the answer's result
                if not recognition.words.done():
                    recognition.words.set_exception(exc)
            with self._lock:
                self._answers.popleft()

    def _next(self, recognition: Recognition) -> tuple[bytes, float, bool] | bool | None:
        """The next audio to recognise, when it was captured and whether the answer
        is over (no live text needed); None when the answer is over and all its
        audio handed on; False after a quarter of a second with no audio (time to
        catch up on the engine's news)."""
        with self._lock:
            pending = recognition._pending
            if recognition.abandoned:
                pending.clear()
            if not pending:
                if recognition._finishing or self._closed:
                    return None
                self._lock.wait(0.25)
                if not pending:
                    return False
            pcm16, captured_at = pending.popleft()
            return pcm16, captured_at, recognition._finishing

    def _recognise(self, recognition: Recognition, engine: Engine) -> None:
        # (A pocketsphinx helper that died during an earlier answer starts afresh here.)
        recognizer: Recognizer = engine.recognizer(recognition.partials)
        backlog = getattr(recognizer, "backlog", lambda: 0.0)
        lagging = getattr(recognizer, "set_lagging", lambda level: None)
        # An engine that can skip the live pass on stale audio is told when it was captured.
        feed = getattr(recognizer, "feed_captured", lambda pcm16, *_: recognizer.feed(pcm16))
        shown, last_partial, fed = "", 0.0, 0.0
        while (item := self._next(recognition)) is not None:
            if item is not False:
                assert not isinstance(item, bool)
                feed(*item)
                fed += len(item[0]) / 2 / 16000
            recognition.position = fed - backlog()
            lag = recognition.lag()
            recognition.worst_lag = max(recognition.worst_lag, lag)
            level = 2 if lag > QUICK_PASS else 1 if lag > SKIP_SECOND_PASS else 0
            if level > recognition.lagged:
                recognition.lagged = level
                lagging(level)
            now = time.monotonic()
            if recognition._finishing or recognition.abandoned or not recognition.partials:
                continue  # the answer is over: only the final words matter now
            if lag > PARTIALS_OFF and now - last_partial < PARTIAL_EVERY_WHEN_BEHIND:
                continue
            last_partial = now
            recognition.shown_position = recognition.position
            text = recognizer.partial()
            if text != shown:
                shown = recognition.best_partial = text
                if not recognition.abandoned:
                    recognition.on_partial(text)
        if recognition.budget is not None:
            getattr(recognizer, "set_final_budget", lambda seconds: None)(recognition.budget)
        words = recognizer.finish()
        recognition.degraded = bool(getattr(recognizer, "degraded", 0))
        recognition.live_from = getattr(recognizer, "live_from", None)
        recognition.words.set_result(words)
