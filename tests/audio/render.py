"""Audio the tests make themselves: espeak-ng speech, sox conversions, tones, silence."""

from __future__ import annotations

import shutil
import subprocess
import wave
import zlib
from pathlib import Path

import numpy as np
import pytest


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (scripts/run.sh --test installs it)")


def speak(
    text: str,
    out: Path,
    *,
    voice: str = "en-us",
    speed: int = 130,
    rate: int = 16000,
    pad: tuple[float, float] = (0.5, 0.5),
    noise_db: float | None = -55.0,
) -> Path:
    """Render ``text`` with espeak-ng, resample and pad it, add a microphone's hiss.

    The hiss (white noise at ``noise_db`` dBFS, seeded by the text so every run
    is identical) stands in for a real microphone's noise floor: synthetic
    speech in digital silence is unlike anything a microphone delivers, and
    pocketsphinx in particular does much worse on it.
    """
    need("espeak-ng")
    need("sox")
    raw = out.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
    padded = out.with_suffix(".pad.wav")
    subprocess.run(  # -D: no random dither, so the audio is the same on every run
        ["sox", "-D", str(raw), "-r", str(rate), str(padded), "pad", str(pad[0]), str(pad[1])],
        check=True,
    )
    raw.unlink()
    samples, _ = read_pcm(padded)
    padded.unlink()
    if noise_db is not None:
        rng = np.random.default_rng(zlib.crc32(text.encode()))
        samples = samples + rng.normal(0.0, 10 ** (noise_db / 20), len(samples)).astype(np.float32)
    return write_pcm(samples, out, rate)


def join(parts: list[Path], out: Path) -> Path:
    subprocess.run(["sox", *map(str, parts), str(out)], check=True)
    return out


def silence(seconds: float, out: Path, rate: int = 16000) -> Path:
    write_pcm(np.zeros(int(seconds * rate), dtype=np.float32), out, rate)
    return out


def write_pcm(samples: np.ndarray, out: Path, rate: int = 16000) -> Path:
    pcm = (np.clip(samples, -1.0, 32767 / 32768) * 32768).astype("<i2")
    with wave.open(str(out), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(pcm.tobytes())
    return out


def read_pcm(path: Path) -> tuple[np.ndarray, int]:
    """A 16-bit mono WAV as float32 samples (for checking what hotseat wrote)."""
    with wave.open(str(path), "rb") as handle:
        assert handle.getnchannels() == 1 and handle.getsampwidth() == 2
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2")
        return data.astype(np.float32) / 32768.0, handle.getframerate()
