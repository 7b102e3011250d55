"""Play a recorded answer back, and stop it: the History screen's replay key.

WAV files are read with the standard library (hotseat records 16-bit PCM);
sounddevice is imported only when something is played, so the history and
the command line never load PortAudio; every PortAudio call goes through the
audio owner thread (``audio.owner``), like the voice's and the microphone's.
"""

from __future__ import annotations

import sys
import wave
from pathlib import Path
from typing import Any


class ReplayError(Exception):
    """The recording cannot be played; the message says why, in one sentence."""


def read_wav(path: Path) -> tuple[Any, int]:
    """(float32 samples shaped frames x channels, sample rate)."""
    import numpy as np

    try:
        with wave.open(str(path), "rb") as wav:
            width, channels, rate = wav.getsampwidth(), wav.getnchannels(), wav.getframerate()
            raw = wav.readframes(wav.getnframes())
    except FileNotFoundError:
        raise ReplayError(f"The recording {path} is no longer on disk.") from None
    except (OSError, EOFError, wave.Error) as exc:
        raise ReplayError(f"The recording {path} cannot be read ({exc}).") from None
    kinds = {1: (np.uint8, 128.0, 128.0), 2: (np.int16, 0.0, 32768.0), 4: (np.int32, 0.0, 2.0**31)}
    if width not in kinds:
        raise ReplayError(f"The recording {path} uses {8 * width}-bit samples, not supported.")
    kind, offset, scale = kinds[width]
    samples = (np.frombuffer(raw, dtype=kind).astype(np.float32) - offset) / scale
    return samples.reshape(-1, channels), rate


def play(path: Path | str, device: str | int | None = None) -> float:
    """Start playing ``path`` and return at once; returns its length in seconds."""
    from hotseat.audio.devices import DeviceError
    from hotseat.audio.owner import audio_owner

    samples, rate = read_wav(Path(path))
    owner = audio_owner()
    try:
        owner.call(lambda: owner.sounddevice().play(samples, rate, device=device or None))
    except (DeviceError, ImportError) as exc:
        raise ReplayError(f"No sound output is available ({exc}).") from None
    except Exception as exc:  # PortAudioError and friends: a message, not a crash
        raise ReplayError(f"The recording cannot be played here ({exc}).") from None
    return len(samples) / rate if rate else 0.0


def stop() -> None:
    """Stop any playback started by :func:`play` (no-op when nothing plays)."""
    sd = sys.modules.get("sounddevice")
    if sd is None:
        return  # nothing was ever played: do not load PortAudio just to stop
    from hotseat.audio.owner import audio_owner

    try:
        audio_owner().call(sd.stop)
    except Exception:  # no audio at all
        return
