"""The interviewer's voice as it really comes out of the (virtual) speaker.

These tests check what is heard and in which order: a line heard in full, its
start and end reported as the moments the audio began and ended (not when it was
asked for or rendered), a stopped or replaced line silenced. How close those
moments are (the 100 ms and 150 ms targets) is measured by
``benchmarks/bench_speech.py``, not here: on a shared 2-core machine at a load of
10 a callback can come half a second late. ``SLACK`` is under half the length of
any line spoken here, so a report tied to the wrong moment still fails.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from hotseat import paths
from hotseat.questions import load_bank
from hotseat.session import Phase, Session, Timing, Turn
from hotseat.speech.speaker import VoiceSpeaker
from tests.speech.helpers import SLACK, Heard, heard_in_full, silent, span
from tests.support.pulse import PulseServer, Recorder

# Alone, after the parallel run (scripts/test.sh): each test times what the speaker
# heard against the moments the app reported, within ``SLACK``; beside a second test
# process, at a load of 20, one heard a line of over 2 s as 1.85 s.
pytestmark = [pytest.mark.audio, pytest.mark.serial]

QUESTION = "Tell me about a time you had to learn something new quickly."
LONG = (
    "Walk me through the most complicated project you have worked on, what your part "
    "in it was, which decisions you made yourself, and what you would change now."
)


@pytest.fixture
def speaker(pulse: PulseServer) -> Iterator[VoiceSpeaker]:
    voice = VoiceSpeaker()
    assert voice.wait_ready(20), voice.notice
    yield voice
    voice.close()


def _clip_seconds(speaker: VoiceSpeaker, text: str, persona_id: str = "recruiter") -> float:
    persona = speaker.catalog.get(persona_id)
    voice = speaker.voice_for(persona_id)
    assert voice is not None
    clip = speaker.renderer.render(text, voice.voice_id, persona.voice.rate, persona.voice.pitch)
    return clip.seconds


def test_question_is_heard_in_full_and_its_end_is_reported_on_time(
    speaker: VoiceSpeaker, speaker_recorder: Recorder
) -> None:
    changes: list[bool] = []
    speaker.add_speaking_listener(changes.append)
    speaker.prepare(QUESTION, "recruiter")
    heard = Heard()
    speaker.speak(QUESTION, "recruiter", heard.on_started, heard.on_finished)
    deadline = time.monotonic() + 10 * SLACK
    while not speaker.speaking and not heard.done.is_set() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert speaker.speaking  # the microphone would be paused now
    heard.wait()
    assert not speaker.speaking and changes == [True, False]
    time.sleep(0.3)
    recording = speaker_recorder.stop()

    start, end = span(recording)
    assert recording.peak() > 0.1
    rendered = _clip_seconds(speaker, QUESTION)
    assert rendered > 2 * SLACK  # so that start and end cannot be mistaken
    assert heard_in_full(end - start, rendered), (end - start, rendered)
    assert heard.stopped is False and heard.started is not None and heard.finished is not None
    assert abs(heard.started - start) <= SLACK
    assert abs(heard.finished - end) <= SLACK
    assert heard.finished_called_at is not None
    assert -SLACK <= heard.finished_called_at - end <= SLACK


def test_thinking_countdown_starts_when_the_question_has_been_heard(
    speaker: VoiceSpeaker, speaker_recorder: Recorder
) -> None:
    # A question of a dozen words or more: seconds long, so that its end stands apart.
    question = next(
        q for q in load_bank().questions if len(q.text.split()) >= 12 and "{" not in q.text
    )
    session = Session([Turn(question, Timing(prep_seconds=20, answer_min=30, answer_max=90))])
    session.start()
    heard = Heard()

    def finished(t: float, stopped: bool) -> None:
        session.question_asked()
        heard.on_finished(t, stopped)

    asked_for = time.monotonic()
    speaker.speak(question.text, "hiring-manager", on_finished=finished)
    heard.wait()
    time.sleep(0.3)
    recording = speaker_recorder.stop()
    start, end = span(recording)
    assert session.phase is Phase.THINKING
    asked_at = session.current.asked_at
    # The countdown starts when the last word has been heard: not when the line was
    # asked for or began (seconds earlier), nor long after.
    assert end - start > 2 * SLACK
    assert asked_at is not None and asked_at - asked_for > 2 * SLACK
    assert abs(asked_at - end) <= SLACK


def test_stop_silences_the_voice_at_once(speaker: VoiceSpeaker, speaker_recorder: Recorder) -> None:
    heard = Heard()
    speaker.speak(LONG, "senior-engineer", heard.on_started, heard.on_finished)
    deadline = time.monotonic() + 10
    while heard.started is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(1.0)
    stopped_at = time.monotonic()
    speaker.stop()
    heard.wait(5)
    time.sleep(SLACK + 0.5)
    recording = speaker_recorder.stop()

    assert heard.stopped is True
    assert heard.finished is not None and heard.finished - stopped_at <= SLACK
    assert not silent(recording.between(stopped_at - 0.8, stopped_at))
    # The line had seconds left: none of it is heard once the voice has stopped.
    assert silent(recording.between(stopped_at + SLACK, stopped_at + SLACK + 0.5))
    assert not speaker.speaking


def test_a_new_line_cuts_the_one_playing(speaker: VoiceSpeaker, speaker_recorder: Recorder) -> None:
    first, second = Heard(), Heard()
    speaker.speak(LONG, "panel-chair", first.on_started, first.on_finished)
    time.sleep(1.0)
    repeated_at = time.monotonic()
    speaker.speak(QUESTION, "panel-chair", second.on_started, second.on_finished)
    first.wait(5)
    second.wait()
    time.sleep(0.3)
    recording = speaker_recorder.stop()
    assert first.stopped is True and second.stopped is False
    _, end = span(recording)
    # After the repeat: the new line in full, and not the rest of the long one (which
    # had most of its length to go), neither before it nor over it.
    after = end - repeated_at
    assert after >= 0.9 * _clip_seconds(speaker, QUESTION, "panel-chair"), after
    assert after < _clip_seconds(speaker, LONG, "panel-chair") - 1.0 - SLACK, after
    assert second.finished is not None and abs(second.finished - end) <= SLACK
    assert second.started is not None and second.started >= repeated_at


def test_muted_voice_is_silent_and_finishes_at_once(
    speaker: VoiceSpeaker, speaker_recorder: Recorder
) -> None:
    speaker.muted = True
    heard = Heard()
    asked_at = time.monotonic()
    speaker.speak(QUESTION, "recruiter", heard.on_started, heard.on_finished)
    heard.wait(2)
    time.sleep(1.0)
    recording = speaker_recorder.stop()
    assert heard.finished is not None and heard.finished - asked_at < 0.5  # the line is ~3 s
    assert heard.started is None and heard.stopped is False
    assert silent(recording.between(asked_at, asked_at + 1.0))
    assert not speaker.speaking


def test_a_persona_whose_voice_is_missing_still_speaks(
    pulse: PulseServer, speaker_recorder: Recorder
) -> None:
    folder = paths.user_voices_dir()
    folder.mkdir(parents=True)
    (folder / "stranger.toml").write_text(
        'name = "Stranger"\n[voice]\nnames = ["NoSuchVoice"]\nlanguages = ["xx-nowhere"]\n'
        "[lines]\n"
        + "".join(
            f'{kind} = ["Hello."]\n'
            for kind in ("greeting", "moving_on", "follow_up", "interrupt", "time_warning")
        )
        + 'closing = ["Bye."]\n',
        encoding="utf-8",
    )
    speaker = VoiceSpeaker()
    try:
        assert speaker.wait_ready(20)
        assert speaker.catalog.problems == []
        resolved = speaker.voice_for("stranger")
        assert resolved is not None and resolved.fallback
        heard = Heard()
        speaker.speak(QUESTION, "stranger", heard.on_started, heard.on_finished)
        heard.wait()
    finally:
        speaker.close()
    time.sleep(0.2)
    recording = speaker_recorder.stop()
    assert heard.stopped is False and recording.peak() > 0.1


def test_no_audio_output_means_captions_only_not_a_crash(
    pulse: PulseServer, speaker_recorder: Recorder
) -> None:
    speaker = VoiceSpeaker(output_device="no such speaker")
    try:
        assert speaker.wait_ready(20) is False
        # Plain words for the user; PortAudio's own text is for the log and the doctor.
        assert speaker.notice == (
            "The interviewer's voice is off (no speaker called 'no such speaker' was found); "
            "captions only."
        )
        assert "PortAudio" in speaker.player.probe(detail=True)
        heard = Heard()
        speaker.speak(QUESTION, "recruiter", heard.on_started, heard.on_finished)
        heard.wait(2)
        assert heard.started is None
    finally:
        speaker.close()
    recording = speaker_recorder.stop()
    assert silent(recording.samples)


def test_a_line_asked_for_while_another_renders_is_heard_in_full(
    speaker: VoiceSpeaker, speaker_recorder: Recorder
) -> None:
    speaker.prepare(QUESTION, "recruiter")
    deadline = time.monotonic() + 10
    while not speaker.prepared(QUESTION, "recruiter") and time.monotonic() < deadline:
        time.sleep(0.01)
    skipped, wanted = Heard(), Heard()
    speaker.speak(LONG, "recruiter", skipped.on_started, skipped.on_finished)  # not rendered yet
    speaker.speak(QUESTION, "recruiter", wanted.on_started, wanted.on_finished)
    skipped.wait(5)
    wanted.wait()
    time.sleep(0.3)
    recording = speaker_recorder.stop()
    assert skipped.stopped is True and skipped.started is None
    assert wanted.stopped is False
    start, end = span(recording)
    rendered = _clip_seconds(speaker, QUESTION)
    assert heard_in_full(end - start, rendered), (end - start, rendered)
