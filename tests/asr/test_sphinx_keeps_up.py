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
        # The first phrase arrives as it is said...
        said = time.monotonic()
        for start in range(0, len(first), BLOCK):
            recognizer.feed_captured(first[start : start + BLOCK], said)
            said += BLOCK / 2 / 16000
        shown_first = recognizer.partial()
        # ...the second only after the machine stalled for five seconds: too late to show.
        for start in range(0, len(second), BLOCK):
            recognizer.feed_captured(second[start : start + BLOCK], said - 5.0)
        shown_second = recognizer.partial()
        words = {w.word for w in recognizer.finish()}
    finally:
        engine.close()

    assert {"greatest", "strength"} <= set(shown_first.split())
    assert recognizer.skipped >= len(second) / 2 / 16000 - 0.1
    assert not {"want", "company"} & set(shown_second.split()), shown_second
    # The transcript has both phrases, decoded whole in the other process.
    assert {"greatest", "strength", "listening", "want", "company"} <= words, words


def test_audio_on_time_is_all_shown_live(tmp_path: Path) -> None:
    first, second = _two_phrases(tmp_path)
    pcm = first + second
    engine = SphinxEngine(batch_process=True)
    try:
        recognizer = engine.recognizer()
        said = time.monotonic()  # delivered faster than said: never late
        for start in range(0, len(pcm), BLOCK):
            recognizer.feed_captured(pcm[start : start + BLOCK], said)
        shown = set(recognizer.partial().split())
        recognizer.finish()
    finally:
        engine.close()
    assert recognizer.skipped == 0.0
    assert {"want", "company"} <= shown, shown
