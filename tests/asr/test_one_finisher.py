"""One finisher of late transcripts for the app, whose recogniser goes when idle.

Regression (trial7 T6): after a resume one app had three pocketsphinx helpers and
three whole-phrase helpers (about 900 MB): the live recogniser's, the listener's
finisher's (kept until the app closed) and the finishing on start's own. Now the
app has one ``Finisher``, shared (the live answers' recordings go before those
left from last time), and its recogniser's processes end once it has been idle.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future

import pytest

from hotseat.asr.engine import Engine
from hotseat.asr.finisher import Finisher
from hotseat.asr.loader import load_engine
from hotseat.asr.sphinx_process import SphinxProcessEngine
from hotseat.audio.resample import convert
from hotseat.audio.wavfile import read_wav
from hotseat.transcript import Word
from tests.tui.test_late_answers_on_start import CLIP, SPEECH_EVAL


def _clip() -> bytes:
    path = SPEECH_EVAL / "clips" / CLIP
    if not path.exists():
        pytest.skip(f"{path} is not there (../shared beside the checkout)")
    sound = read_wav(path)
    return convert(sound.samples, sound.rate)


def test_the_finishers_recogniser_processes_end_once_it_is_idle() -> None:
    made: list[SphinxProcessEngine] = []

    def make() -> Engine:
        engine = load_engine("sphinx", isolated=True).engine
        assert isinstance(engine, SphinxProcessEngine)
        made.append(engine)
        return engine

    finisher = Finisher(make, idle=1.0)
    try:
        result: Future[tuple[list[Word] | None, str]] = Future()
        finisher.submit(_clip(), lambda words, error: result.set_result((words, error)))
        words, error = result.result(300)
        assert error == "" and words
        assert {"john", "leisure"} <= {w.word for w in words}
        (engine,) = made
        helper = engine._process
        for _ in range(100):
            if helper.poll() is not None:
                break
            time.sleep(0.1)
        assert helper.poll() is not None, "the idle finisher's recogniser still runs"
        assert not finisher.engine_open
        # The next recording makes it again.
        again: Future[tuple[list[Word] | None, str]] = Future()
        finisher.submit(_clip(), lambda words, error: again.set_result((words, error)))
        assert again.result(300)[0]
        assert len(made) == 2
    finally:
        finisher.close()
    assert all(engine._process.poll() is not None for engine in made)


class _HeldEngine:
    """An engine whose first recording waits until released (the recognition under
    way when the others arrive); it says which recordings it recognised, in order."""

    name = "held"
    description = "held"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.order: list[bytes] = []

    def recognizer(self, partials: bool = True) -> _HeldRecognizer:
        return _HeldRecognizer(self)


class _HeldRecognizer:
    def __init__(self, engine: _HeldEngine) -> None:
        self._engine, self._audio = engine, b""

    def feed(self, pcm16: bytes) -> None:
        self._audio += pcm16

    def partial(self) -> str:
        return ""

    def finish(self) -> list[Word]:
        if not self._engine.order:
            assert self._engine.release.wait(30)
        self._engine.order.append(self._audio)
        return [Word(self._audio.decode(), 0.0, 0.1)]


def test_live_answers_are_finished_before_those_left_from_last_time() -> None:
    engine = _HeldEngine()
    finisher = Finisher(lambda: engine)
    done = threading.Semaphore(0)
    try:
        finisher.submit(b"old1", lambda w, e: done.release(), later=True)  # under way
        time.sleep(0.2)
        finisher.submit(b"old2", lambda w, e: done.release(), later=True)
        finisher.submit(b"live", lambda w, e: done.release())
        engine.release.set()
        for _ in range(3):
            assert done.acquire(timeout=10)
    finally:
        finisher.close()
    assert engine.order == [b"old1", b"live", b"old2"]


def test_closing_tells_every_recording_still_waiting() -> None:
    engine = _HeldEngine()
    finisher = Finisher(lambda: engine)
    told: list[str] = []
    finisher.submit(b"old1", lambda w, e: told.append(e or "done"), later=True)
    time.sleep(0.2)
    finisher.submit(b"old2", lambda w, e: told.append(e or "done"), later=True)
    closing = threading.Thread(target=finisher.close, kwargs={"timeout": 10.0})
    closing.start()
    time.sleep(0.2)
    engine.release.set()
    closing.join(15)
    assert told == ["done", "hotseat was closing"]
