"""Replaying a saved answer reaches the speaker (private PulseAudio server)."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from hotseat.audio.playback import play_recording
from tests.audio.render import read_pcm, speak, write_pcm
from tests.speech.helpers import heard_in_full
from tests.support.pulse import PulseServer, Recorder, Recording

pytestmark = pytest.mark.audio


def test_replay_plays_the_recording(
    pulse: PulseServer, speaker_recorder: Recorder, tmp_path: Path
) -> None:
    wav = speak("thank you for listening", tmp_path / "answer.wav", pad=(0.1, 0.1))
    playback = play_recording(wav)
    assert playback.playing
    assert playback.wait(10)
    time.sleep(0.2)
    heard = speaker_recorder.stop()
    samples, rate = read_pcm(wav)
    start, end = Recording(samples, rate, 0.0).sound_span(threshold=0.02)
    heard_start, heard_end = heard.sound_span(threshold=0.02)
    # All of it (a player starved on a busy machine may stretch it by gaps).
    assert heard_in_full(heard_end - heard_start, end - start), heard_end - heard_start
    assert heard.peak() == pytest.approx(float(np.max(np.abs(samples))), rel=0.25)


def test_stop_silences_the_replay(
    pulse: PulseServer, speaker_recorder: Recorder, tmp_path: Path
) -> None:
    t = np.arange(16000 * 3) / 16000
    wav = write_pcm(0.5 * np.sin(2 * np.pi * 300 * t), tmp_path / "tone.wav")
    playback = play_recording(wav)
    time.sleep(0.5)
    playback.stop()
    stopped = time.monotonic()
    time.sleep(0.6)
    heard = speaker_recorder.stop()
    assert not playback.playing
    assert np.max(np.abs(heard.between(stopped - 0.4, stopped - 0.1))) > 0.3
    assert np.max(np.abs(heard.between(stopped + 0.2, stopped + 0.6))) < 0.01
