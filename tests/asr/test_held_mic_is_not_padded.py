"""Time the answer's clock is stopped (a dialog open over it: ctrl+q, ctrl+l, f1, e;
or a pause) is left out of the recording, not padded with silence.

Regression (trial5 F13): ctrl+q mid-answer held the microphone while its dialog
was open, and the recording got ~7 s of silence for the dialog's time (a 13.75 s
WAV for a 6.65 s answer clock), so it no longer matched what was said nor the
clock; ctrl+l's dialog, the same. Now both keep the recording to the clock.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np

from hotseat.asr.listener import MicListener
from hotseat.audio.file_source import FileSource
from hotseat.audio.wavfile import read_wav
from hotseat.settings import Settings
from hotseat.transcript import Transcript
from tests.audio.render import read_pcm, speak


def test_audio_heard_while_held_is_left_out_not_padded(tmp_path: Path) -> None:
    wav = speak(
        "my greatest strength is that I listen to the people I work with",
        tmp_path / "a.wav",
        pad=(0.5, 0.5),
    )
    audio = read_wav(wav)
    said = len(audio.samples) / audio.rate
    source = FileSource(audio, speed=1.0)  # as a microphone: in real time
    hold = threading.Event()
    # As the app builds it: held, the microphone hears nothing (``tui.voice_mic``).
    listener = MicListener(
        Settings(engine="sphinx"),
        source_factory=lambda: source,
        paused_when=hold.is_set,
        held_when=hold.is_set,
    )
    finals: list[Transcript] = []
    recording = tmp_path / "answer.wav"
    try:
        assert listener.wait_ready(60)
        listener.start_answer(
            lambda _t: None, lambda _l: None, finals.append, recording_path=str(recording)
        )
        time.sleep(1.0)
        hold.set()  # a dialog opens over the answer: its clock stops
        time.sleep(1.5)
        hold.clear()  # it closes
        deadline = time.monotonic() + 30
        while not source.finished and time.monotonic() < deadline:
            time.sleep(0.02)
        hold.set()  # ctrl+q: the quit dialog is open when the answer is kept
        time.sleep(1.0)
        listener.finish_answer()
        deadline = time.monotonic() + 60
        while not finals and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        listener.close()

    samples, rate = read_pcm(recording)
    length = len(samples) / rate
    # The 2.5 s held is not in it: what was said minus the 1.5 s said behind the dialog.
    assert said - 2.0 < length < said - 1.0, (said, length)
    # Nothing padded: no stretch of digital silence anywhere (the microphone's hiss is on).
    block = rate // 10
    silent = [
        start / rate
        for start in range(0, len(samples) - block, block)
        if not np.any(samples[start : start + block])
    ]
    assert silent == [], silent
    [final] = finals
    assert final.duration is not None and abs(final.duration - length) < 0.3
