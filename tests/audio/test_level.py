"""The level meter moves with the voice, and silence is measured in seconds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hotseat.audio.level import LevelMeter, SilenceTracker, dbfs
from hotseat.audio.resample import convert
from hotseat.audio.wavfile import read_wav
from tests.audio.render import speak


def _pcm(samples: np.ndarray) -> bytes:
    return bytes((np.clip(samples, -1, 0.99997) * 32768).astype("<i2").tobytes())


def test_dbfs_of_known_signals() -> None:
    t = np.arange(16000) / 16000
    assert dbfs(_pcm(np.sin(2 * np.pi * 440 * t))) == pytest.approx(-3.0, abs=0.1)
    assert dbfs(_pcm(0.01 * np.sin(2 * np.pi * 440 * t))) == pytest.approx(-43.0, abs=0.1)
    assert dbfs(bytes(3200)) == -100.0


def test_meter_reports_twenty_times_a_second() -> None:
    levels: list[float] = []
    meter = LevelMeter(levels.append)
    quiet = _pcm(np.zeros(16000, dtype=np.float32))
    t = np.arange(16000) / 16000
    loud = _pcm(0.5 * np.sin(2 * np.pi * 200 * t))
    for start in range(0, 32000, 1000):  # uneven blocks, as a device delivers them
        meter.feed(quiet[start : start + 1000])
    for start in range(0, 32000, 1000):
        meter.feed(loud[start : start + 1000])

    assert len(levels) == 40
    assert max(levels[:20]) == -100.0
    assert min(levels[20:]) > -10.0


def test_silence_counts_after_speech_and_ignores_steady_hum(tmp_path: Path) -> None:
    speech = read_wav(speak("I finished the project on time", tmp_path / "s.wav", pad=(0, 0)))
    tracker = SilenceTracker()
    tracker.feed(convert(speech.samples, speech.rate))
    assert tracker.heard_speech
    assert tracker.silence_seconds < 0.6  # espeak-ng ends with a short pause

    before = tracker.silence_seconds
    t = np.arange(32000) / 16000
    hum = 0.003 * np.sin(2 * np.pi * 50 * t)  # mains hum at -53 dBFS for 2 seconds
    tracker.feed(_pcm(hum))
    assert tracker.silence_seconds == pytest.approx(before + 2.0, abs=0.1)


def test_speech_start_is_found(tmp_path: Path) -> None:
    speech = read_wav(speak("tell me more", tmp_path / "s.wav", pad=(1.5, 0.2)))
    tracker = SilenceTracker()
    tracker.feed(convert(speech.samples, speech.rate))
    assert tracker.speech_started_at == pytest.approx(1.5, abs=0.2)
