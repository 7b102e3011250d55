"""Microphone audio at any native rate reaches the recognizer as clean 16 kHz mono."""

from __future__ import annotations

import numpy as np
import pytest

from hotseat.audio.resample import StreamConverter, convert


def _stereo_tone(rate: int, seconds: float, freq: float) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    left = 0.4 * np.sin(2 * np.pi * freq * t)
    return np.stack([left, left], axis=1).astype(np.float32)


def _peak_hz(pcm16: bytes) -> float:
    data = np.frombuffer(pcm16, dtype="<i2").astype(np.float32)
    return float(np.fft.rfftfreq(len(data), 1 / 16000)[int(np.argmax(np.abs(np.fft.rfft(data))))])


@pytest.mark.parametrize("rate", [44100, 48000, 16000, 8000])
def test_streaming_blocks_keep_length_and_pitch(rate: int) -> None:
    tone = _stereo_tone(rate, 2.0, 1000.0)
    converter = StreamConverter(rate)
    block = rate // 20
    out = b"".join(converter.process(tone[i : i + block]) for i in range(0, len(tone), block))
    out += converter.flush()

    assert len(out) // 2 == pytest.approx(32000, abs=2)
    assert _peak_hz(out) == pytest.approx(1000.0, abs=1.0)


def test_block_boundaries_leave_no_clicks() -> None:
    """Streamed blocks give the same signal as converting the whole recording at once."""
    tone = _stereo_tone(44100, 1.0, 300.0)
    converter = StreamConverter(44100)
    streamed = b"".join(converter.process(tone[i : i + 2205]) for i in range(0, len(tone), 2205))
    streamed += converter.flush()
    whole = convert(tone, 44100)
    a = np.frombuffer(streamed, dtype="<i2").astype(np.float32)
    b = np.frombuffer(whole, dtype="<i2").astype(np.float32)
    n = min(len(a), len(b))
    assert np.max(np.abs(a[1000 : n - 1000] - b[1000 : n - 1000])) < 0.01 * 32768


def test_loud_input_is_clipped_not_wrapped() -> None:
    loud = np.full((1600, 1), 1.5, dtype=np.float32)
    out = np.frombuffer(convert(loud, 16000), dtype="<i2")
    assert out.min() > 0  # wrapping would turn full-scale positive into negative
