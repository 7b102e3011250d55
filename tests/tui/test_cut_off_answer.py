"""A spoken answer cut off by a crash is kept, transcribed and never overwritten.

Regression (trial7 T2): the terminal killed 7 s into a spoken answer lost it --
no row in the history, nothing said on the next start -- and resuming asked the
question again and recorded the new answer over its recording. Now a hotseat
killed (SIGKILL, here of a real process writing a real clip) leaves a whole WAV
with a note of its question beside it; the next start keeps it as an interrupted
answer before the session is offered for resuming, says so, and finishes it from
the recording with real pocketsphinx; the resumed session records its next
answer in a file of its own.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from hotseat import paths
from hotseat.session import Timing, Turn
from hotseat.store import Recorder, Store
from hotseat.transcript import NoteKind
from tests.tui.conftest import AppFactory
from tests.tui.test_late_answers_on_start import CLIP, SPEECH_EVAL, _toasts

# The first hotseat: one answer saved, the second recorded from a real clip, then killed.
FIRST_RUN = """
import sys, time
from pathlib import Path
from hotseat.audio.wavfile import WavWriter, read_wav
from hotseat.audio.resample import convert
from hotseat.session import Timing, Turn
from hotseat.store import Recorder
from hotseat.transcript import Transcript
from tests.tui.conftest import test_bank

bank = test_bank()
recorder = Recorder(save_recordings=True)
plan = {"format": 1, "mode": "focus", "personas": ["alex"], "context": {},
        "turns": [{"question": "t-why-us", "persona": "alex"},
                  {"question": "t-intro", "persona": "alex"}]}
handle = recorder.begin_session(mode="focus", persona="alex", plan=plan)
timing = Timing(prep_seconds=0.0, answer_min=45.0, answer_max=120.0)
first = Turn(bank.get("t-why-us"), timing, persona="alex")
first.answer = Transcript.typed("I like what your team builds and I want to help.")
recorder.save_answer(handle, first)
second = Turn(bank.get("t-intro"), timing, persona="alex")
second.answer = Transcript("", engine="sphinx")  # as the app notes it: listening
path = recorder.recording_path(handle, turn=second)
clip = read_wav(Path(sys.argv[1]))
pcm = convert(clip.samples, clip.rate)
writer = WavWriter(path)
for start in range(0, len(pcm), 6400):
    writer.write(pcm[start : start + 6400])
print(path, flush=True)
time.sleep(60)  # killed here, mid-answer
"""


def _killed_mid_answer() -> Path:
    child = subprocess.Popen(
        [sys.executable, "-c", FIRST_RUN, str(SPEECH_EVAL / "clips" / CLIP)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None
        recording = Path(child.stdout.readline().decode().strip())
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    assert recording.name == "answer-02.wav" and recording.is_file()
    return recording


async def test_an_answer_cut_off_by_a_kill_is_kept_and_transcribed(
    app_factory: AppFactory,
) -> None:
    recording = _killed_mid_answer()
    size = recording.stat().st_size
    said = await _toasts(app_factory)  # the real feedback engine, real pocketsphinx

    assert any("1 answer" in line and "finished" in line for line in said), said
    with Store() as store:
        (session,) = store.list_sessions()
        answers = store.load_session(session.id).answers
    assert session.status == "interrupted"  # offered for resuming, after this answer
    assert [a.question_id for a in answers] == ["t-why-us", "t-intro"]
    kept = answers[1]
    assert kept.interrupted and kept.audio_path == recording
    assert {"john", "leisure", "consider"} <= set(kept.transcript.text.split())
    kinds = [note.kind for note in kept.transcript.notes]
    assert kinds == [NoteKind.STOPPED]  # not "the final recognition was not ready..."
    assert "hotseat closed 0:07 into this answer" in kept.transcript.notes[0].text
    assert kept.score is not None
    assert not recording.with_suffix(".json").exists()

    # Resumed: the next answer goes in a file of its own; the cut-off one is untouched.
    recorder = Recorder(save_recordings=True)
    recorder.resume_session(session.id)
    assert recorder.recording_path(session.id) == recording.with_name("answer-03.wav")
    recorder.close()
    assert recording.stat().st_size == size


async def test_the_start_says_an_answer_was_cut_off(app_factory: AppFactory) -> None:
    _killed_mid_answer()
    app = app_factory()
    async with app.run_test() as pilot:
        assert app.history.opened is not None
        for _ in range(300):
            if app.history.opened.done():
                break
            await pilot.pause(0.1)
        await pilot.pause(0.2)
        told = [n for n in app.notices._told if "cut off" in n]
    assert told == [
        "A spoken answer was cut off when hotseat closed (“Walk me through your background "
        "in two minutes.”, 0:07 recorded): it is kept as an interrupted answer and is "
        "being transcribed from its recording."
    ], app.notices._told


def test_a_recording_no_answer_holds_is_never_recorded_over() -> None:
    """An earlier build's cut-off recording (no note beside it, so not kept) is still
    never overwritten: the question asked again is recorded in a new file."""
    recorder = Recorder(save_recordings=True)
    handle = recorder.begin_session(mode="focus", persona="alex")
    first = recorder.recording_path(handle)
    assert first is not None and first.name == "answer-01.wav"
    first.write_bytes(b"RIFF....WAVE")  # what the killed run left
    recorder.close()

    again = Recorder(save_recordings=True)
    with Store() as store:
        (session,) = store.list_sessions()
    again.resume_session(session.id)
    path = again.recording_path(session.id)
    assert path is not None and path.name == "answer-01-2.wav"
    assert again.recording_path(session.id) == path  # the same answer's file, asked again
    again.close()
    assert first.read_bytes() == b"RIFF....WAVE"
    assert paths.recordings_dir() in path.parents


def test_deleting_a_session_leaves_no_note_of_an_answer_begun() -> None:
    """An answer begun and cancelled (its recording removed) leaves its note; deleting
    the session still removes its whole folder."""
    from tests.tui.conftest import test_bank

    question = test_bank().get("t-intro")
    assert question is not None
    recorder = Recorder(save_recordings=True)
    handle = recorder.begin_session(mode="focus", persona="alex")
    timing = Timing(prep_seconds=0.0, answer_min=45.0, answer_max=120.0)
    path = recorder.recording_path(handle, turn=Turn(question, timing, persona="alex"))
    assert path is not None and path.with_suffix(".json").is_file()
    recorder.close()
    with Store() as store:
        store.delete_session(store.list_sessions()[0].id)
    assert not path.parent.exists()
