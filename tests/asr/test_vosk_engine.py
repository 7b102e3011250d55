"""The real Vosk path (Korean test model): streaming, partials, timed words, silence."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from hotseat.asr.engine import SAMPLE_RATE
from hotseat.asr.vosk_engine import VoskEngine
from hotseat.audio.resample import convert
from hotseat.audio.wavfile import read_wav
from hotseat.transcript import Word


def _pcm(path: Path) -> bytes:
    audio = read_wav(path)
    return convert(audio.samples, audio.rate)


def _stream(engine: VoskEngine, pcm: bytes) -> tuple[list[str], list[Word]]:
    recognizer = engine.recognizer()
    partials: list[str] = []
    for start in range(0, len(pcm), 1600):  # 50 ms blocks, as the microphone gives them
        recognizer.feed(pcm[start : start + 1600])
        text = recognizer.partial()
        if text and (not partials or partials[-1] != text):
            partials.append(text)
    return partials, recognizer.finish()


def _assert_well_timed(words: list[Word], seconds: float) -> None:
    for word in words:
        assert word.start is not None and word.end is not None and word.conf is not None
        assert 0.0 <= word.start <= word.end <= seconds + 0.05
        assert 0.0 <= word.conf <= 1.0
    starts = [w.start for w in words if w.start is not None]
    assert len(starts) == len(words)
    assert starts == sorted(starts), "word times must never go backwards"


def test_partials_arrive_before_the_final_words(vosk_engine: VoskEngine, korean_wav: Path) -> None:
    pcm = _pcm(korean_wav)
    partials, words = _stream(vosk_engine, pcm)

    assert len(words) >= 3
    assert len(partials) >= 3, "the live transcript should firm up while the speech goes on"
    assert len(partials[0].split()) < len(words), "the first partial shows only the start"
    _assert_well_timed(words, len(pcm) / 2 / SAMPLE_RATE)


def test_times_run_on_across_phrases(vosk_engine: VoskEngine, korean_two_phrases: Path) -> None:
    """Vosk ends a phrase at a pause; later words still count from the first sample."""
    pcm = _pcm(korean_two_phrases)
    _, words = _stream(vosk_engine, pcm)
    _assert_well_timed(words, len(pcm) / 2 / SAMPLE_RATE)
    gaps = [b.start - a.end for a, b in pairwise(words)]  # type: ignore[operator]
    assert max(gaps) == pytest.approx(2.5, abs=0.6), "the 2.5 s pause sits between the phrases"


def test_silence_gives_an_empty_transcript(vosk_engine: VoskEngine) -> None:
    recognizer = vosk_engine.recognizer()
    for _ in range(60):
        recognizer.feed(bytes(3200))  # three seconds of digital silence
    assert recognizer.partial() == ""
    assert recognizer.finish() == []
