"""Reading WAV files of any common kind, and writing 16 kHz mono answers.

The reader is a small RIFF parser rather than the stdlib ``wave`` module,
because ``wave`` in Python 3.11 refuses float and WAVE_FORMAT_EXTENSIBLE
files (what sox and many recorders write for 24-bit or multichannel audio).
"""

from __future__ import annotations

import os
import struct
import wave
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import numpy.typing as npt

from hotseat import paths

_PCM = 1
_FLOAT = 3
_EXTENSIBLE = 0xFFFE


class AudioFileError(ValueError):
    """A file that cannot be read as audio; the message is one line for the user."""


@dataclass(frozen=True)
class Audio:
    """Samples as float32 in [-1, 1], shape (frames, channels)."""

    samples: npt.NDArray[np.float32]
    rate: int

    @property
    def channels(self) -> int:
        return int(self.samples.shape[1])

    @property
    def duration(self) -> float:
        return self.samples.shape[0] / self.rate if self.rate else 0.0


def _decode(raw: bytes, tag: int, bits: int, channels: int) -> npt.NDArray[np.float32]:
    width = bits // 8
    usable = len(raw) - len(raw) % (width * channels)
    raw = raw[:usable]
    if tag == _FLOAT and bits in (32, 64):
        data = np.frombuffer(raw, dtype="<f4" if bits == 32 else "<f8").astype(np.float32)
    elif tag == _PCM and bits == 8:
        data = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif tag == _PCM and bits == 16:
        data = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    elif tag == _PCM and bits == 24:
        bytes3 = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        value = bytes3[:, 0] | (bytes3[:, 1] << 8) | (bytes3[:, 2] << 16)
        value = np.where(value >= 1 << 23, value - (1 << 24), value)
        data = value.astype(np.float32) / float(1 << 23)
    elif tag == _PCM and bits == 32:
        data = (np.frombuffer(raw, dtype="<i4").astype(np.float64) / 2147483648.0).astype(
            np.float32
        )
    else:
        kind = {_PCM: "integer", _FLOAT: "float"}.get(tag, f"format {tag:#x}")
        raise AudioFileError(f"unsupported WAV encoding ({kind}, {bits}-bit)")
    return data.reshape(-1, channels)


MIN_RATE, MAX_RATE = 1_000, 768_000  # samples per second any recorder writes
MAX_CHANNELS = 64


def _check_format(path: Path, channels: int, rate: int, bits: int) -> None:
    """One line for a header no recorder writes (impossible rate, channels or width)."""
    if not 1 <= channels <= MAX_CHANNELS:
        raise AudioFileError(f"{path}: damaged WAV header ({channels} channels)")
    if not MIN_RATE <= rate <= MAX_RATE:
        raise AudioFileError(f"{path}: damaged WAV header (a rate of {rate} Hz)")
    if bits < 8 or bits > 64 or bits % 8:
        raise AudioFileError(f"{path}: damaged WAV header ({bits}-bit samples)")


def read_wav(path: Path) -> Audio:
    """Read a PCM (8/16/24/32-bit) or float (32/64-bit) WAV file, any rate and channels."""
    try:
        blob = path.read_bytes()
    except IsADirectoryError:
        raise AudioFileError(f"{path} is a folder, not a WAV file") from None
    except OSError as exc:
        raise AudioFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(blob) < 12 or blob[:4] != b"RIFF" or blob[8:12] != b"WAVE":
        raise AudioFileError(
            f"{path} is not a WAV file (convert it first, for example: "
            "ffmpeg -i INPUT -ac 1 -ar 16000 answer.wav)"
        )
    fmt: tuple[int, int, int, int] | None = None
    pos = 12
    while pos + 8 <= len(blob):
        chunk_id, size = struct.unpack_from("<4sI", blob, pos)
        body = pos + 8
        if chunk_id == b"fmt " and size >= 16:
            if body + 16 > len(blob):
                raise AudioFileError(f"{path}: damaged WAV file (cut off inside its header)")
            tag, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", blob, body)
            if tag == _EXTENSIBLE and size >= 40 and body + 26 <= len(blob):
                tag = struct.unpack_from("<H", blob, body + 24)[0]
            fmt = (tag, channels, rate, bits)
        elif chunk_id == b"data":
            if fmt is None:
                raise AudioFileError(f"{path}: damaged WAV file (no format before the data)")
            tag, channels, rate, bits = fmt
            _check_format(path, channels, rate, bits)
            raw = blob[body : body + size]  # a wrong size from a streaming writer is clamped
            try:
                samples = _decode(raw, tag, bits, channels)
            except AudioFileError as exc:
                raise AudioFileError(f"{path}: {exc}") from None
            if samples.shape[0] == 0:
                raise AudioFileError(f"{path}: the WAV file holds no audio (a header only)")
            return Audio(samples, rate)
        pos = body + size + (size & 1)
    raise AudioFileError(f"{path}: damaged WAV file (no audio data found)")


class WavWriter:
    """Append mono 16-bit samples as they arrive, every block straight to the file
    with the header's lengths kept right: a process killed mid-answer (a closed
    terminal, kill -9) leaves a whole WAV of everything said until then."""

    def __init__(self, path: Path, rate: int = 16000) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # Unbuffered: what is written is the system's at once, whatever befalls the app.
        self._file = open(path, "wb", buffering=0)  # noqa: SIM115 - closed in close()
        os.chmod(path, 0o600)  # a recorded answer is the user's alone
        self._out = wave.open(self._file, "wb")  # noqa: SIM115 - closed in close()
        self._out.setnchannels(1)
        self._out.setsampwidth(2)
        self._out.setframerate(rate)
        self.frames = 0

    def write(self, pcm16: bytes) -> None:
        self._out.writeframes(pcm16)  # the data, then the header's lengths patched
        self.frames += len(pcm16) // 2

    def close(self) -> None:
        try:
            self._out.close()
        finally:
            self._file.close()


def repair_recording(path: Path) -> bool:
    """Make the header of a 44-byte-header recording (as ``WavWriter`` and earlier
    builds' ``wave`` writers left it when killed mid-answer) say the length its file
    holds; True when it was changed. Anything else is left as it is."""
    try:
        with open(path, "r+b") as wav:
            head = wav.read(44)
            size = wav.seek(0, os.SEEK_END)
            if len(head) < 44 or head[:4] != b"RIFF" or head[8:16] != b"WAVEfmt ":
                return False
            if head[36:40] != b"data" or struct.unpack_from("<I", head, 16)[0] != 16:
                return False
            data = size - 44
            data -= data % 2
            if struct.unpack_from("<I", head, 40)[0] == data:
                return False
            wav.seek(4)
            wav.write(struct.pack("<I", 36 + data))
            wav.seek(40)
            wav.write(struct.pack("<I", data))
    except OSError:
        return False
    return True


def new_recording_path(when: datetime | None = None) -> Path:
    """A fresh file name for an answer in the data folder's recordings/."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return paths.recordings_dir() / f"answer-{stamp}.wav"
