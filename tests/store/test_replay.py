"""Replaying a recorded answer: real audio out through the private PulseAudio server."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from hotseat.store.replay import ReplayError, play, read_wav, stop
from tests.store.sample import wav
from tests.support.pulse import PulseServer


def test_reading_a_recording_gives_its_samples_and_rate(tmp_path: Path) -> None:
    samples, rate = read_wav(wav(tmp_path / "a.wav", seconds=0.5))
    assert rate == 16000 and samples.shape == (8000, 1)
    assert 0.19 < float(abs(samples).max()) < 0.21  # the 0.2 tone, scaled to -1..1


def test_a_missing_or_broken_recording_says_so(tmp_path: Path) -> None:
    with pytest.raises(ReplayError, match="no longer on disk"):
        play(tmp_path / "gone.wav")
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF....WAVEjunk")
    with pytest.raises(ReplayError, match="cannot be read"):
        play(broken)


# Alone, after the parallel run (scripts/test.sh): it times what the speaker heard.
# 0.6 s of sound comes out as 0.6 s on a quiet machine; under load, late buffers
# stretch it (0.94-1.06 s seen at load 15-20), while playing it twice would span at
# least 1.2 s: the bound tells "once" from "twice", not a fast machine from a slow one.
@pytest.mark.audio
@pytest.mark.serial
def test_replay_plays_the_answer_and_stop_silences_it(tmp_path: Path, pulse: PulseServer) -> None:
    with pulse.record_speaker() as speaker:
        length = play(wav(tmp_path / "answer.wav", seconds=0.6))
        assert length == pytest.approx(0.6)
        time.sleep(1.0)
        heard = speaker.stop()
    start, end = heard.sound_span()
    assert 0.45 < end - start < 1.15  # the whole recording came out, once

    with pulse.record_speaker() as speaker:
        play(wav(tmp_path / "long.wav", seconds=5.0))
        time.sleep(0.5)
        stop()
        time.sleep(1.0)
        heard = speaker.stop()
    start, end = heard.sound_span()
    assert end - start < 1.5  # stopped long before its 5 s
