"""The installed ``hotseat practice`` in a real terminal, with the private PulseAudio
server: question 1 waits for the voice and the microphone, is spoken aloud, and is
answered by voice (real speech played into the virtual microphone), and words typed
meanwhile join the answer."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hotseat.store import Store
from tests.support.pulse import PulseServer, Recorder
from tests.tui.terminal import running

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

_EVAL = [
    os.environ.get("HOTSEAT_SPEECH_EVAL", ""),
    str(Path(__file__).parents[2].parent / "shared" / "speech-eval"),  # ../shared in CI
    "/work/shared/speech-eval",
]
CLIP = next(
    (Path(d) / "clips" / "ps_librivox_0870.wav" for d in _EVAL if d and Path(d).is_dir()),
    Path("../shared/speech-eval/clips/ps_librivox_0870.wav"),
)


@pytest.mark.skipif(not CLIP.exists(), reason=f"{CLIP} is not there (../shared)")
def test_practice_speaks_question_one_and_hears_the_answer(
    pulse: PulseServer, speaker_recorder: Recorder, tmp_path: Path
) -> None:
    with running("practice --mode rapid-fire --count 5", tmp_path) as term:
        thinking = term.wait_for("Thinking time", timeout=40)
        # At once, well within the five seconds to think (after them, ctrl+s would
        # submit an empty answer): answer now.
        term.send("C-s")
        recording = speaker_recorder.stop()
        # The greeting and question 1 were heard from the speaker, with the microphone on.
        assert recording.peak() > 0.1
        assert "Question 1 of 5" in thinking
        assert "voice on · microphone (" in thinking
        assert "typed answers" not in thinking
        assert "Question 1 of 5" in term.wait_for("Listening", timeout=15)
        pulse.play_into_mic(CLIP, wait=False)
        term.wait_for("john", timeout=20)  # the live transcript of real speech
        term.type("and a typed postscript")
        term.wait_for("postscript", timeout=10)
        term.send("C-s")
        term.wait_for("Feedback", timeout=30)
    with Store() as store:
        record = store.load_session(store.list_sessions()[0].id)
    text = record.answers[0].transcript.text
    assert "john" in text and text.endswith("and a typed postscript")
    assert record.answers[0].transcript.engine != "typed"
