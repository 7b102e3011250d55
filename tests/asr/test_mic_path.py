"""The real microphone path: a WAV played into the private PulseAudio server's
virtual microphone is recorded by the app through PortAudio/ALSA, converted,
saved and transcribed."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from hotseat.asr.listener import MicListener
from hotseat.audio.doctor import level_check
from hotseat.settings import Settings
from hotseat.transcript import Transcript
from tests.audio.render import read_pcm, speak
from tests.support.pulse import PulseServer

pytestmark = pytest.mark.audio

SENTENCE = "I want to work for your company"
CONTENT = {"want", "work", "company"}


def _record_answer(
    listener: MicListener, pulse: PulseServer, wav: Path, after: float = 0.8
) -> tuple[Transcript, float]:
    """Start an answer, play ``wav`` into the microphone, finish; (transcript, seconds)."""
    assert listener.wait_ready(30) and listener.available, listener.notice
    finals: list[Transcript] = []
    done = threading.Event()
    started = time.monotonic()

    def final(transcript: Transcript) -> None:
        finals.append(transcript)
        done.set()

    listening = threading.Event()
    listener.start_answer(lambda text: None, lambda level: listening.set(), final)
    # Played once the answer hears the microphone (its first level report): on a busy
    # machine the listener may take longer than any fixed sleep to begin.
    assert listening.wait(30), "the answer never heard the microphone"
    time.sleep(0.3)
    pulse.play_into_mic(wav)
    time.sleep(after)
    listener.finish_answer()
    elapsed = time.monotonic() - started
    assert done.wait(60)
    return finals[0], elapsed


def _pieces_found(recorded: np.ndarray, source: np.ndarray, rate: int) -> list[tuple[int, float]]:
    """Where each quarter second of ``source`` that holds sound is found in ``recorded``:
    (offset, normalised correlation there), in the order of ``source``."""
    size = rate // 4
    found = []
    for at in range(0, len(source) - size + 1, size):
        piece = source[at : at + size]
        if float(np.max(np.abs(piece))) >= 0.05:
            found.append(_best_lag(recorded, piece))
    return found


def _best_lag(recorded: np.ndarray, source: np.ndarray) -> tuple[int, float]:
    """The offset of ``source`` inside ``recorded`` and their normalised correlation there."""
    size = 1 << int(np.ceil(np.log2(len(recorded) + len(source))))
    spectrum = np.fft.rfft(recorded, size) * np.conj(np.fft.rfft(source, size))
    correlation = np.fft.irfft(spectrum, size)[: len(recorded) - len(source) + 1]
    lag = int(np.argmax(correlation))
    segment = recorded[lag : lag + len(source)]
    score = float(np.dot(segment, source) / (np.linalg.norm(segment) * np.linalg.norm(source)))
    return lag, score


def test_the_app_hears_transcribes_and_saves_the_microphone(
    pulse: PulseServer, tmp_path: Path
) -> None:
    wav = speak(SENTENCE, tmp_path / "answer.wav")
    listener = MicListener(Settings(engine="sphinx"))
    try:
        transcript, elapsed = _record_answer(listener, pulse, wav)
    finally:
        listener.close()

    heard = {w.word for w in transcript.words}
    assert len(heard & CONTENT) >= 2, f"heard {transcript.text!r}"
    assert transcript.engine == "sphinx"

    saved = listener.last_recording
    assert saved is not None
    recorded, rate = read_pcm(saved)
    assert rate == 16000
    seconds = len(recorded) / rate
    # The transcript and the saved file are the same stretch of audio: the answer's.
    assert transcript.duration == pytest.approx(seconds, abs=0.05)
    # (It began before the clip and ended after: how long after finish_answer() the
    # listener stops is a figure of benchmarks/bench_asr.py, not checked here.)
    assert seconds <= elapsed + 3.0
    source, _ = read_pcm(wav)
    found = _pieces_found(recorded, source, rate)
    # The saved answer is the audio that was played: its pieces, in their order. (On a
    # busy machine the player feeding the virtual microphone can stall for a moment,
    # leaving a gap in what the microphone got, so the clip is not matched whole.)
    matched = [lag for lag, score in found if score > 0.9]
    assert len(matched) >= 0.75 * len(found), f"pieces matched: {found}"
    assert matched == sorted(matched), f"pieces out of order: {found}"
    lag = matched[0]
    # All of the clip is in it, played 0.3 s or more after the answer began.
    assert lag / rate > 0.2 and matched[-1] + rate // 4 <= len(recorded)
    for word in transcript.words:
        assert word.start is not None and lag / rate - 0.1 <= word.start <= elapsed


def test_vosk_through_the_microphone(pulse: PulseServer, korean_wav: Path, ko_model: Path) -> None:
    listener = MicListener(Settings(engine="vosk", model_path=str(ko_model)))
    try:
        transcript, elapsed = _record_answer(listener, pulse, korean_wav)
    finally:
        listener.close()
    assert transcript.engine == "vosk"
    assert len(transcript.words) >= 3
    starts = [w.start for w in transcript.words if w.start is not None]
    assert starts == sorted(starts) and starts[0] > 0.2 and starts[-1] < elapsed


def test_transcribe_mic_command(pulse: PulseServer, tmp_path: Path) -> None:
    wav = speak(SENTENCE, tmp_path / "answer.wav")
    proc = subprocess.Popen(
        [sys.executable, "-m", "hotseat", "transcribe", "--mic", "--seconds", "5", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    first = proc.stderr.readline()  # printed once recording has begun
    assert first.startswith("Recording for 5 s"), first
    pulse.play_into_mic(wav)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    data = json.loads(out)
    assert data["engine"] == "sphinx"
    assert len(set(data["text"].split()) & CONTENT) >= 2, data["text"]
    assert data["duration"] == pytest.approx(5.0, abs=0.5)
    assert "Saved the recording as" in err


def test_doctor_level_check_hears_the_microphone(pulse: PulseServer) -> None:
    assert level_check(seconds=0.4).status == "warn"  # nothing playing: silent
    t = np.arange(int(16000 * 2.0)) / 16000
    player = pulse.play_samples_into_mic(0.5 * np.sin(2 * np.pi * 440 * t), wait=False)
    try:
        time.sleep(0.3)
        check = level_check(seconds=0.6)
    finally:
        player.wait(timeout=10)
    assert check.status == "ok", check
    assert "loudest" in check.detail
    loudest = float(check.detail.rsplit("loudest ", 1)[1].split()[0])
    assert loudest > -12.0
