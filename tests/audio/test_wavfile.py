"""Any WAV a user has can be read; what hotseat saves is 16 kHz mono."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from hotseat.audio.wavfile import AudioFileError, WavWriter, read_wav
from tests.audio.render import need, read_pcm, write_pcm


def _tone(seconds: float = 1.0, rate: int = 16000, freq: float = 440.0) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.5 * np.sin(2 * np.pi * freq * t)).astype(np.float32)


@pytest.mark.parametrize(
    ("sox_args", "rate", "channels"),
    [
        (["-r", "44100", "-c", "2", "-b", "24"], 44100, 2),  # sox writes EXTENSIBLE here
        (["-r", "48000", "-c", "1", "-e", "floating-point", "-b", "32"], 48000, 1),
        (["-r", "8000", "-c", "1", "-b", "8", "-e", "unsigned-integer"], 8000, 1),
        (["-r", "22050", "-c", "6", "-b", "16"], 22050, 6),
        (["-r", "32000", "-c", "1", "-b", "32", "-e", "signed-integer"], 32000, 1),
    ],
)
def test_reads_common_encodings_with_the_right_rate_length_and_content(
    tmp_path: Path, sox_args: list[str], rate: int, channels: int
) -> None:
    need("sox")
    source = write_pcm(_tone(), tmp_path / "tone.wav")
    converted = tmp_path / "converted.wav"
    subprocess.run(["sox", str(source), *sox_args, str(converted)], check=True)

    audio = read_wav(converted)

    assert audio.rate == rate
    assert audio.channels == channels
    assert audio.duration == pytest.approx(1.0, abs=0.01)
    first = audio.samples[:, 0]
    assert float(np.max(np.abs(first))) == pytest.approx(0.5, abs=0.02)
    spectrum = np.abs(np.fft.rfft(first))
    assert np.fft.rfftfreq(len(first), 1 / rate)[int(np.argmax(spectrum))] == pytest.approx(
        440, abs=2
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"root:x:0:0:root:/root:/bin/bash\n", "is not a WAV file"),
        (b"", "is not a WAV file"),
        (b"RIFF\x10\x00\x00\x00WAVEjunk\x04\x00\x00\x00abcd", "no audio data"),
    ],
)
def test_non_audio_is_refused_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "answer.wav"
    path.write_bytes(content)
    with pytest.raises(AudioFileError, match=message) as caught:
        read_wav(path)
    assert "\n" not in str(caught.value)


def test_a_missing_file_names_the_problem(tmp_path: Path) -> None:
    with pytest.raises(AudioFileError, match="No such file"):
        read_wav(tmp_path / "nope.wav")


def test_writer_saves_16k_mono_that_reads_back_identically(tmp_path: Path) -> None:
    tone = _tone(0.5)
    pcm = (tone * 32768).astype("<i2").tobytes()
    writer = WavWriter(tmp_path / "rec" / "answer.wav")
    for start in range(0, len(pcm), 3200):
        writer.write(pcm[start : start + 3200])
    writer.close()

    samples, rate = read_pcm(tmp_path / "rec" / "answer.wav")
    assert rate == 16000
    assert len(samples) == len(tone)
    assert np.allclose(samples, tone, atol=1 / 32768)
