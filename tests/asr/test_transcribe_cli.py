"""``hotseat transcribe FILE`` as a user runs it (the installed module, in a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hotseat.asr import transcribe_file
from tests.audio.render import need, speak


def _hotseat(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hotseat", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def cd_quality_stereo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An answer as a recorder might save it: 44.1 kHz, stereo, 24-bit."""
    need("sox")
    folder = tmp_path_factory.mktemp("cli")
    mono = speak("I want to work for your company", folder / "mono.wav")
    stereo = folder / "answer.wav"
    subprocess.run(
        ["sox", "-D", str(mono), "-r", "44100", "-c", "2", "-b", "24", str(stereo)], check=True
    )
    return stereo


def test_json_output_of_any_wav(cd_quality_stereo: Path) -> None:
    done = _hotseat("transcribe", str(cd_quality_stereo), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"text", "words", "engine", "duration"}
    assert data["engine"] == "sphinx"
    assert {"want", "work", "company"} <= set(data["text"].split())
    assert data["duration"] == pytest.approx(3.3, abs=0.6)
    for word in data["words"]:
        assert set(word) == {"word", "start", "end", "conf"}
        assert 0 <= word["start"] <= word["end"] <= data["duration"]
    # The fallback is announced, with the way to better accuracy.
    assert "hotseat models download" in done.stderr


def test_plain_output_is_the_text(cd_quality_stereo: Path) -> None:
    done = _hotseat("transcribe", str(cd_quality_stereo), "--engine", "sphinx")
    assert done.returncode == 0
    assert "company" in done.stdout
    assert done.stderr == ""  # sphinx was asked for: nothing to announce


def test_vosk_with_an_explicit_model(korean_wav: Path, ko_model: Path) -> None:
    done = _hotseat("transcribe", str(korean_wav), "--model", str(ko_model), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["engine"] == "vosk"
    assert len(data["words"]) >= 3
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        ("text", [], "is not a WAV file"),
        ("none", [], "No such file"),
        ("none", ["--engine", "vosk"], "No such file"),
        ("good", ["--engine", "vosk"], "hotseat models download"),
        ("good", ["--model", "/nonexistent/model"], "does not exist"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, cd_quality_stereo: Path, setup: str, args: list[str], message: str
) -> None:
    path = tmp_path / "answer.wav"
    if setup == "text":
        path.write_text("Dear hiring manager, ...\n")
    elif setup == "good":
        path = cd_quality_stereo
    done = _hotseat("transcribe", str(path), *args)
    if "--model" in args:  # an explicit broken model: reported, then the fallback runs
        assert done.returncode == 0 and message in done.stderr
        return
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and message in done.stderr
    assert done.stdout == ""


def test_neither_file_nor_mic_is_a_usage_error() -> None:
    done = _hotseat("transcribe")
    assert done.returncode == 2 and "WAV file or --mic" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mic", "--seconds", "0"], "--seconds must be more than 0 and at most 3600, not 0\n"),
        (["--mic", "--seconds", "-2"], "--seconds must be more than 0 and at most 3600, not -2\n"),
        (["--mic", "--seconds", "5000"], "more than 0 and at most 3600, not 5000"),
        (["answer.wav", "--seconds", "5"], "--seconds is for --mic; a file is transcribed whole\n"),
    ],
)
def test_seconds_out_of_range_says_what_is_allowed(args: list[str], message: str) -> None:
    done = _hotseat("transcribe", *args)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("hotseat: ") and message in done.stderr
    assert done.stderr.count("\n") == 1


def test_transcribe_file_api_for_the_analyzer(cd_quality_stereo: Path) -> None:
    transcript = transcribe_file(cd_quality_stereo, engine="sphinx")
    assert transcript.engine == "sphinx" and transcript.timed
    assert "company" in transcript.text
