"""pocketsphinx, the fallback, on English speech rendered by espeak-ng.

Its accuracy on synthetic speech is modest (it was trained on people), so
these sentences are ones it was seen to get right in their content words
with espeak-ng's en-us voice at 130 words a minute, padded with half a
second of silence and given a microphone-like hiss at -60, -55 and -50 dBFS
(see tests/audio/render.py); the tests ask for those content words, not the
exact sentence. Many others come out garbled, e.g. "my manager gave me good
feedback" -> "my manager gary we don't feed back".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.asr.engine import SAMPLE_RATE
from hotseat.asr.sphinx_engine import SphinxEngine
from hotseat.audio.resample import convert
from hotseat.audio.wavfile import read_wav
from tests.audio.render import join, silence, speak

SENTENCES = {
    "my greatest strength is listening": {"greatest", "strength", "listening"},
    "I want to work for your company": {"want", "your", "company"},
    "the customer was happy": {"customer", "happy"},
    "the result was a success": {"result", "success"},
}


def _pcm(path: Path) -> bytes:
    audio = read_wav(path)
    return convert(audio.samples, audio.rate)


@pytest.mark.parametrize("sentence", list(SENTENCES))
def test_recognises_most_content_words(
    sphinx_engine: SphinxEngine, tmp_path: Path, sentence: str
) -> None:
    pcm = _pcm(speak(sentence, tmp_path / "s.wav"))
    recognizer = sphinx_engine.recognizer()
    for start in range(0, len(pcm), 3200):
        recognizer.feed(pcm[start : start + 3200])
    words = recognizer.finish()

    heard = {w.word for w in words}
    assert SENTENCES[sentence] <= heard, f"heard {heard}"
    seconds = len(pcm) / 2 / SAMPLE_RATE
    for word in words:
        assert word.start is not None and word.end is not None
        assert 0.0 <= word.start < word.end <= seconds + 0.05
        assert word.conf is not None and 0.0 <= word.conf <= 1.0
        assert "(" not in word.word and not word.word.startswith("<")


def test_partials_grow_and_later_phrases_keep_their_place(
    sphinx_engine: SphinxEngine, tmp_path: Path
) -> None:
    first = speak("my greatest strength is listening", tmp_path / "a.wav")
    gap = silence(2.0, tmp_path / "gap.wav")
    second = speak("I want to work for your company", tmp_path / "b.wav")
    pcm = _pcm(join([first, gap, second], tmp_path / "ab.wav"))
    second_starts = (len(_pcm(first)) + len(_pcm(gap))) / 2 / SAMPLE_RATE

    recognizer = sphinx_engine.recognizer()
    partials: list[str] = []
    for start in range(0, len(pcm), 1600):
        recognizer.feed(pcm[start : start + 1600])
        partials.append(recognizer.partial())
    words = recognizer.finish()

    assert any("strength" in p for p in partials), "the first phrase shows before the end"
    assert partials[0] == "", "digital silence shows no words"
    company = next(w for w in words if w.word == "company")
    assert company.start is not None and company.start > second_starts
    starts = [w.start for w in words if w.start is not None]
    assert len(starts) == len(words) and starts == sorted(starts)


def test_silence_gives_an_empty_transcript(sphinx_engine: SphinxEngine) -> None:
    recognizer = sphinx_engine.recognizer()
    for _ in range(40):
        recognizer.feed(bytes(3200))
    assert recognizer.finish() == []
    assert recognizer.partial() == ""
