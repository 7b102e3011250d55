"""Turning audio of any rate and channel count into what recognizers want.

Recognizers take 16 kHz, mono, 16-bit little-endian PCM. Sample-rate
conversion uses soxr (libsoxr's high-quality resampler); a streaming
converter keeps its filter state between microphone blocks so block
boundaries leave no clicks.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import soxr

TARGET_RATE = 16000

Float32 = npt.NDArray[np.float32]


def to_mono(samples: npt.NDArray[np.floating] | npt.NDArray[np.integer]) -> Float32:
    """Average the channels of a (frames, channels) block into float32 mono."""
    data = np.asarray(samples)
    if np.issubdtype(data.dtype, np.integer):
        scale = float(np.iinfo(data.dtype).max) + 1.0
        data = data.astype(np.float32) / scale
    if data.ndim == 2:
        data = data.mean(axis=1) if data.shape[1] > 1 else data[:, 0]
    return np.ascontiguousarray(data, dtype=np.float32)


def to_pcm16(mono: Float32) -> bytes:
    clipped = np.clip(mono, -1.0, 32767.0 / 32768.0)
    return (clipped * 32768.0).astype("<i2").tobytes()


def resample(mono: Float32, rate: int, target: int = TARGET_RATE) -> Float32:
    if rate == target or mono.size == 0:
        return mono
    out = soxr.resample(mono, rate, target, quality="HQ")
    return np.asarray(out, dtype=np.float32)


def convert(samples: npt.NDArray[np.floating], rate: int) -> bytes:
    """A whole recording to 16 kHz mono PCM16."""
    return to_pcm16(resample(to_mono(samples), rate))


class StreamConverter:
    """Blocks from a device at ``rate`` Hz and ``channels`` wide -> 16 kHz mono PCM16."""

    def __init__(self, rate: int, target: int = TARGET_RATE) -> None:
        self.rate = rate
        self.target = target
        self._stream = (
            None
            if rate == target
            else soxr.ResampleStream(rate, target, 1, dtype="float32", quality="HQ")
        )

    def process(self, block: npt.NDArray[np.floating], last: bool = False) -> bytes:
        mono = to_mono(block)
        if self._stream is None:
            return to_pcm16(mono)
        out = self._stream.resample_chunk(mono, last=last)
        return to_pcm16(np.asarray(out, dtype=np.float32))

    def flush(self) -> bytes:
        return self.process(np.zeros((0, 1), dtype=np.float32), last=True)
