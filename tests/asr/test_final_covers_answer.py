"""The final transcript of a spoken answer covers all of its audio.

Regression (a trial on a busy machine): a quiet answer of two sentences with a
0.6 s gap was saved without its second sentence, though the recording had it.
The whole-phrase decode of the last phrase was still running when the answer
ended; after 0.7 s the live pass's words stood in for it, and the live pass,
switched to its quick decoder to keep up, had garbled or dropped them. The
end of an answer now waits for the whole-phrase words (within the listener's
bound), and says from where the live words stood when it could not.
"""

from __future__ import annotations

import os
import time
import wave
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from hotseat.asr.sphinx_engine import SphinxEngine
from hotseat.transcript import Word

# ../shared beside the checkout (as in CI), or where HOTSEAT_SPEECH_EVAL says (a worktree).
_PLACES = [
    os.environ.get("HOTSEAT_SPEECH_EVAL", ""),
    str(Path(__file__).resolve().parents[2].parent / "shared" / "speech-eval"),
    "/work/shared/speech-eval",
]
SPEECH_EVAL = next((Path(p) for p in _PLACES if p and Path(p).is_dir()), Path(_PLACES[1]))


def _clip(name: str) -> np.ndarray:
    path = SPEECH_EVAL / "clips" / name
    if not path.exists():
        pytest.skip(f"{path} is not there (../shared beside the checkout)")
    with wave.open(str(path), "rb") as wav:
        assert wav.getframerate() == 16000 and wav.getnchannels() == 1
        return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")


def _two_sentences() -> bytes:
    """The end of the trial's quiet answer (3 s, the gap, the second sentence), ending right
    on its last word (so its last phrase is
    only cut, and sent to the whole-phrase pass, when the answer ends)."""
    second = _clip("fleurs_en_004.wav")
    frames = second[: len(second) // 480 * 480].astype(np.float64).reshape(-1, 480)
    rms = np.sqrt(np.square(frames).mean(axis=1))
    last_voiced = int(np.nonzero(rms > 0.2 * rms.max())[0][-1])
    second = second[: (last_voiced + 1) * 480]
    gap = np.zeros(int(16000 * 0.6), dtype="<i2")
    first = _clip("fleurs_en_002.wav")[-16000 * 3 :]  # "... recorded by lord byron"
    return np.concatenate([first, gap, second]).tobytes()


def test_the_end_of_an_answer_waits_for_the_words_of_its_last_phrase() -> None:
    engine = SphinxEngine()
    decoded: list[list[Word]] = []
    whole = engine._decode_whole

    def busy_machine(pcm16: bytes, offset: float, quick: bool = False) -> list[Word]:
        if offset > 3.0:  # the second sentence: the machine is busy (longer than 0.7 s)
            time.sleep(1.0)
        words = whole(pcm16, offset, quick)
        decoded.append(words)
        return words

    engine._decode_whole = busy_machine  # type: ignore[method-assign]
    recognizer = engine.recognizer(partials=True)
    recognizer.set_lagging(2)  # far behind: the live pass uses its quick decoder
    # Whatever the load (the bound on the wait is the next test's, and the app's).
    recognizer.FINAL_BUDGET = 120.0
    audio = _two_sentences()
    block = 1600
    for start in range(0, len(audio), block):
        recognizer.feed(audio[start : start + block])
    deadline = time.monotonic() + 60
    while any(not p.final.done() for p in recognizer._phrases if p.final is not None):
        assert time.monotonic() < deadline
        time.sleep(0.05)  # what was cut while the candidate spoke is decoded by now
    words = recognizer.finish()
    assert decoded and decoded[-1], "the last phrase was never decoded whole"
    assert [w.word for w in words] == [w.word for part in decoded for w in part]
    assert recognizer.live_from is None
    engine.close()


def test_when_the_last_phrase_is_too_late_the_transcript_says_from_where(
    monkeypatch: Any,
) -> None:
    engine = SphinxEngine()
    whole = engine._decode_whole

    def stuck(pcm16: bytes, offset: float, quick: bool = False) -> list[Word]:
        if offset > 3.0:
            time.sleep(2.0)
        return whole(pcm16, offset, quick)

    engine._decode_whole = stuck  # type: ignore[method-assign]
    recognizer = engine.recognizer(partials=True)
    monkeypatch.setattr(recognizer, "FINAL_BUDGET", 0.5)
    audio = _two_sentences()
    for start in range(0, len(audio), 1600):
        recognizer.feed(audio[start : start + 1600])
    recognizer.finish()
    assert recognizer.live_from is not None and 3.0 < recognizer.live_from < 4.5
    engine.close()
