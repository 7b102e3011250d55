"""``hotseat say`` and ``hotseat doctor`` as a user runs them, against the virtual speaker."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from hotseat import paths
from tests.speech.helpers import silent, span
from tests.support.pulse import PulseServer, Recorder

pytestmark = pytest.mark.audio

LINE = "Why do you want this job, and why now?"


def hotseat(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hotseat", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )


# Alone, after the parallel run (scripts/test.sh): it times the end of the heard line
# against the command's exit (1 s); beside a second test process it once took 2.8 s.
@pytest.mark.serial
def test_say_returns_only_after_the_line_has_played(
    pulse: PulseServer, speaker_recorder: Recorder
) -> None:
    done = hotseat("say", "--persona", "panel-chair", LINE)
    returned = time.monotonic()
    time.sleep(0.2)
    recording = speaker_recorder.stop()
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    start, end = span(recording)
    assert recording.peak() > 0.1
    assert end <= returned  # nothing was still playing when it returned
    assert returned - end < 1.0  # and it did not linger (process exit included)
    assert 1.0 < end - start < 5.0


def test_say_with_an_unknown_persona_is_a_usage_error_and_says_nothing(
    pulse: PulseServer, speaker_recorder: Recorder
) -> None:
    done = hotseat("say", "--persona", "nobody", "--line", "closing")
    recording = speaker_recorder.stop()
    assert done.returncode == 2
    assert done.stderr.startswith("hotseat: unknown persona 'nobody' (choose from: recruiter")
    assert done.stderr.count("\n") == 1
    assert silent(recording.samples)


def test_say_with_a_settings_persona_that_is_gone_uses_the_default(
    pulse: PulseServer, speaker_recorder: Recorder
) -> None:
    paths.settings_file().write_text('persona = "nobody"\n', encoding="utf-8")
    done = hotseat("say", "--line", "closing")
    recording = speaker_recorder.stop()
    assert done.returncode == 0
    assert done.stderr == (
        "hotseat: persona 'nobody' does not exist; using 'Maya, recruiter' (recruiter) instead\n"
    )
    assert recording.peak() > 0.1


def test_say_muted_or_without_a_speaker_is_silent_and_clear(
    pulse: PulseServer, speaker_recorder: Recorder
) -> None:
    muted = hotseat("--mute", "say", LINE)
    nowhere = hotseat("say", LINE, HOTSEAT_OUTPUT_DEVICE="no such speaker")
    recording = speaker_recorder.stop()
    assert muted.returncode == 0 and muted.stderr == ""
    assert nowhere.returncode == 1
    assert nowhere.stderr.startswith(
        "hotseat: The interviewer's voice is off (no speaker called 'no such speaker' was found)"
    )
    assert nowhere.stderr.count("\n") == 1
    assert silent(recording.samples)


def test_say_rejects_unknown_line_kinds() -> None:
    done = hotseat("say", "--line", "farewell")
    assert done.returncode == 2
    assert "unknown line 'farewell'" in done.stderr


def test_doctor_reports_the_voice_and_a_broken_persona(pulse: PulseServer) -> None:
    folder = paths.user_voices_dir()
    folder.mkdir(parents=True)
    (folder / "coach.toml").write_text('name = "Coach"\n[voice]\nrate = "fast"\n')
    done = hotseat("doctor")
    lines = done.stdout.splitlines()
    assert any(
        line.startswith("[ok  ] text to speech") and "recruiter speaks with English" in line
        for line in lines
    ), done.stdout
    assert any(line.startswith("[ok  ] audio output") for line in lines), done.stdout
    assert any(
        line.startswith("[warn] persona file") and "coach.toml:3: [voice] rate:" in line
        for line in lines
    ), done.stdout


def test_doctor_says_what_to_install_when_no_speaker_works(pulse: PulseServer) -> None:
    done = hotseat("doctor", HOTSEAT_OUTPUT_DEVICE="no such speaker")
    text = done.stdout
    assert "[warn] audio output" in text
    assert "(PortAudio: " in text  # the doctor keeps the library's own words
    assert "sudo apt install libportaudio2 alsa-utils libasound2-plugins" in text
