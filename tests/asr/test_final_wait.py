"""How long the end of an answer waits for its final words: a short bound, longer by as
much as recognition trailed the voice, never past a cap.

Regression (the session-12 closing note): at load 20-30 feedback came 12-23 s after
the speech, as the final pass was waited for up to 10 s whatever happened, though
an answer whose final words are late is finished from its recording anyway
(``asr.finisher``). The recognizer here never gives its final words, and keeps up
with the voice or falls behind it as the test says; the bounds are made small so
the test is quick (the real ones are measured in benchmarks/bench_final_pass.py).
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from hotseat.asr import answer_worker
from hotseat.asr.engine import SAMPLE_RATE
from hotseat.asr.listener import MicListener
from hotseat.audio.file_source import FileSource
from hotseat.audio.wavfile import Audio
from hotseat.settings import Settings
from hotseat.transcript import Transcript, Word


class StuckRecognizer:
    """Takes ``slowness`` seconds per second of audio; its final words never come."""

    def __init__(self, slowness: float, release: threading.Event) -> None:
        self.slowness = slowness
        self.release = release  # its final words: never, until the test is over

    def feed(self, pcm16: bytes) -> None:
        time.sleep(len(pcm16) / 2 / SAMPLE_RATE * self.slowness)

    def partial(self) -> str:
        return "i led the"

    def finish(self) -> list[Word]:
        self.release.wait(30)
        return []


class StuckEngine:
    name = "sphinx"
    description = "a recognizer whose final words never come"

    def __init__(self, slowness: float) -> None:
        self.slowness = slowness
        self.release = threading.Event()

    def recognizer(self, partials: bool = True) -> StuckRecognizer:
        return StuckRecognizer(self.slowness, self.release)


def _waited(slowness: float) -> float:
    """Seconds from the end of a 2 s answer, heard in real time, to its transcript."""
    voice = np.full(2 * SAMPLE_RATE, 0.1, np.float32)[:, None]
    source = FileSource(Audio(voice, SAMPLE_RATE), speed=1.0)
    finals: list[Transcript] = []
    got = threading.Event()

    def final(transcript: Transcript) -> None:
        finals.append(transcript)
        got.set()

    engine = StuckEngine(slowness)
    listener = MicListener(
        Settings(engine="sphinx"), source_factory=lambda: source, preloaded=engine
    )
    try:
        assert listener.wait_ready(30)
        listener.start_answer(lambda _t: None, lambda _l: None, final)
        while not source.finished:
            time.sleep(0.01)
        ended = time.monotonic()
        listener.finish_answer()
        assert got.wait(30), "no transcript"
        waited = time.monotonic() - ended
    finally:
        engine.release.set()
        listener.close()
    [transcript] = finals
    assert transcript.text == "i led the"  # the live text stands in
    return waited


def test_the_wait_for_final_words_is_short_longer_when_behind_and_capped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answer_worker, "FINAL_BASE", 0.5)
    monkeypatch.setattr(answer_worker, "FINAL_CAP", 2.0)
    bounds: list[tuple[float, float]] = []  # (how far recognition trailed, the bound)
    bound = answer_worker.final_wait

    def kept(trailed: float) -> float:
        bounds.append((trailed, bound(trailed)))
        return bounds[-1][1]

    monkeypatch.setattr(answer_worker, "final_wait", kept)
    kept_up = _waited(slowness=0.0)
    # A sixth of the speed of speech: about 1.7 s behind as the 2 s answer ends.
    behind = _waited(slowness=6.0)
    (close, short), (far, capped) = bounds
    assert short == pytest.approx(min(2.0, 0.5 + close))  # the base, plus what it trailed
    assert far > close + 0.8 and capped == 2.0  # longer when behind, never past the cap
    # Each bound is kept to (the old one was 10 s whatever happened; slack for a busy box).
    assert short - 0.1 < kept_up < short + 3.0
    assert capped - 0.1 < behind < capped + 3.0
