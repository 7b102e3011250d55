"""A recording cut off by a kill is a whole WAV of everything said until then
(trial7 T2: the terminal closed 7 s into an answer left a file whose header said
0.2 s), and one left so by an earlier build is repaired in place."""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np

from hotseat.audio.wavfile import read_wav, repair_recording

BLOCK = b"\x10\x00\xf0\xff" * 1600  # 200 ms of 16 kHz mono PCM16

WRITER = """
import sys, time
from pathlib import Path
from hotseat.audio.wavfile import WavWriter
writer = WavWriter(Path(sys.argv[1]))
for _ in range(35):  # 7 s of answer
    writer.write(bytes.fromhex(sys.argv[2]))
print("written", flush=True)
time.sleep(60)  # killed here, mid-answer, before close()
"""


def test_a_recording_killed_mid_answer_reads_whole(tmp_path: Path) -> None:
    path = tmp_path / "answer-04.wav"
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), BLOCK.hex()], stdout=subprocess.PIPE
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"written"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    audio = read_wav(path)
    assert audio.rate == 16000
    assert abs(audio.duration - 7.0) < 0.01
    assert np.abs(audio.samples).max() > 0


def _cut_off_like_an_earlier_build(path: Path, seconds: float) -> None:
    """What Python's wave module left when killed after writeframesraw: a header that
    says the length of the first block only, then every block written."""
    blocks = round(seconds * 5)
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(BLOCK),
        b"WAVE",
        b"fmt ",
        16,
        1,
        1,
        16000,
        32000,
        2,
        16,
        b"data",
        len(BLOCK),
    )
    path.write_bytes(header + BLOCK * blocks)


def test_an_earlier_builds_cut_off_recording_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "answer-04.wav"
    _cut_off_like_an_earlier_build(path, 8.0)
    assert read_wav(path).duration < 0.5  # as trial7's answer-04.wav read before
    assert repair_recording(path)
    assert abs(read_wav(path).duration - 8.0) < 0.01
    assert not repair_recording(path)  # a right header is left alone
