"""pocketsphinx keeps the live text near the voice however far behind it falls,
and the transcript still gets every word.

A live answer's audio comes with the time it was captured. Audio that reaches
the recognizer already late is left out of the live pass (the text on the
screen jumps ahead to the newest audio instead of trailing further behind),
but every phrase is still decoded whole for the transcript; that whole-phrase
pass runs in a process of its own in the app (``batch_process``), where it
cannot freeze the live pass.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hotseat.asr.sphinx_engine import SphinxEngine
from hotseat.audio.resample import convert
from hotseat.audio.wavfile import read_wav
from tests.audio.render import join, silence, speak

BLOCK = 1600  # 50 ms, as the microphone path feeds


def _pcm(path: Path) -> bytes:
    audio = read_wav(path)
    return convert(audio.samples, audio.rate)


def _two_phrases(tmp_path: Path) -> tuple[bytes, bytes]:
    first = speak("my greatest strength is listening", tmp_path / "a.wav")
    second = speak("I want to work for your company", tmp_path / "b.wav")
    return _pcm(join([first, silence(0.6, tmp_path / "gap.wav")], tmp_path / "a2.wav")), _pcm(
        second
    )


def test_late_audio_skips_the_live_text_but_not_the_transcript(tmp_path: Path) -> None:
    first, second = _two_phrases(tmp_path)
    engine = SphinxEngine(batch_process=True)
    try:
        recognizer = engine.recognizer()
        # The first phrase reaches the recognizer as it is said...
        for start in range(0, len(first), BLOCK):
            recognizer.feed(first[start : start + BLOCK], behind=0.0)
        shown_first = recognizer.partial()
        # ...the second only after the machine stalled for five seconds: too late to show.
        for start in range(0, len(second), BLOCK):
            recognizer.feed(second[start : start + BLOCK], behind=5.0)
        shown_second = recognizer.partial()
        words = {w.word for w in recognizer.finish()}
    finally:
        engine.close()

    assert {"greatest", "strength"} <= set(shown_first.split())
    assert recognizer.skipped >= len(second) / 2 / 16000 - 0.01
    assert not {"want", "company"} & set(shown_second.split()), shown_second
    # The transcript has both phrases, decoded whole in the other process.
    assert {"greatest", "strength", "want", "company"} <= words, words


def test_how_late_counts_from_when_the_audio_was_said(tmp_path: Path) -> None:
    first, second = _two_phrases(tmp_path)
    pcm = first + second
    engine = SphinxEngine(batch_process=True)
    try:
        # Said ten seconds ago and only now handed over: all of it is late...
        late = engine.recognizer()
        said = time.monotonic() - 10.0
        for start in range(0, len(pcm), BLOCK):
            late.feed_captured(pcm[start : start + BLOCK], said)
        late_words = {w.word for w in late.finish()}
        # ...while a recording handed over faster than it was said never is.
        ahead = engine.recognizer()
        said = time.monotonic() + 60.0
        for start in range(0, len(pcm), BLOCK):
            ahead.feed_captured(pcm[start : start + BLOCK], said)
        ahead.finish()
    finally:
        engine.close()
    assert late.skipped == pytest.approx(len(pcm) / 2 / 16000)
    assert {"greatest", "want", "company"} <= late_words, late_words
    assert ahead.skipped == 0.0
