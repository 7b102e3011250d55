"""How the app drives the interviewer's voice and the microphone.

The fakes stand in for the audio services (they have their own real-audio
tests); here they let each test decide exactly when speech ends and what the
microphone heard, so the app's side of the contract is checked to the letter.
"""

from __future__ import annotations

from hotseat.session import FakeClock, Phase
from hotseat.settings import load_settings
from hotseat.speech import load_personas
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeListener, FakeSpeaker
from tests.tui.helpers import (
    card_text,
    interview_started,
    move_clock,
    press,
    shown_time,
    spoken,
    start,
)

THREE = {"mode": "focus", "pack": "test-software", "count": 3}


async def test_the_countdown_waits_until_the_question_has_been_spoken(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    async with interview_started(app_factory(**THREE, speaker=speaker)) as (pilot, screen):
        question = screen.session.current.question
        assert [s.text for s in speaker.said] == [question.text]
        await move_clock(pilot, clock, 30)  # a long question: still being read out
        assert screen.session.phase is Phase.ASKING
        assert "Listen to the question" in str(screen.query_one("#timer-caption").render())
        speaker.finish()
        await pilot.pause()
        assert screen.session.phase is Phase.THINKING
        assert shown_time(pilot.app) == f"0:{question.prep_seconds:02d}"
        # The next question is rendered ahead, so it starts playing promptly.
        assert speaker.prepared == [screen.session.turns[1].question.text]


async def test_mock_interview_greets_before_the_first_question(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    async with interview_started(app_factory(mode="mock", speaker=speaker)) as (pilot, screen):
        greeting = speaker.said[0].text
        assert greeting and greeting != screen.session.current.question.text
        assert greeting in card_text(pilot.app)  # the caption carries it too
        speaker.finish()
        await pilot.pause()
        assert speaker.said[-1].text == screen.session.current.question.text
        assert screen.session.phase is Phase.ASKING
        speaker.finish()
        await pilot.pause()
        assert screen.session.phase is Phase.THINKING


async def test_escape_stops_the_voice_and_the_question_stays_on_screen(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    async with interview_started(app_factory(**THREE, speaker=speaker)) as (pilot, screen):
        await pilot.press("escape")
        assert speaker.stops == 1
        speaker.finish(stopped=True)
        await pilot.pause()
        assert screen.session.phase is Phase.THINKING
        assert screen.session.current.question.text in card_text(pilot.app)


async def test_mute_persists_and_questions_are_shown_without_speaking(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    async with interview_started(app_factory(**THREE, speaker=speaker)) as (pilot, screen):
        speaker.finish()
        await pilot.pause()
        await press(pilot, "ctrl+t")
        assert speaker.muted
        assert load_settings().muted  # saved for the next run
        assert "voice muted" in str(screen.query_one("#topbar").render())
        await press(pilot, "ctrl+o")  # skip to the next question
        assert len(speaker.said) == 1  # not spoken ...
        assert screen.session.phase is Phase.THINKING  # ... and the countdown runs at once
        await press(pilot, "ctrl+t")
        assert not speaker.muted and not load_settings().muted


async def test_repeat_speaks_the_question_again(app_factory: AppFactory, clock: FakeClock) -> None:
    speaker = FakeSpeaker()
    async with interview_started(app_factory(**THREE, speaker=speaker)) as (pilot, screen):
        speaker.finish()
        await pilot.pause()
        await press(pilot, "ctrl+r")
        text = screen.session.current.question.text
        assert [s.text for s in speaker.said] == [text, text]
        assert screen.session.phase is Phase.ASKING


async def test_spoken_answer_shows_live_words_and_level_then_feedback(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, **THREE)
    async with interview_started(app) as (pilot, screen):
        assert listener.started == 0  # not while thinking
        await press(pilot, "ctrl+s")  # answer now
        assert listener.started == 1
        assert screen.answer_area.mode == "spoken"
        listener.hear("I paired with the reviewer", dbfs=-18.0)
        await pilot.pause()
        live = str(screen.query_one("#live-transcript").render())
        assert "I paired with the reviewer" in live
        assert "-18 dB" in str(screen.query_one("#level-meter").render())
        await move_clock(pilot, clock, 40)
        await press(pilot, "ctrl+s")
        assert screen.session.phase is Phase.REVIEWING
        answer = screen.session.current.answer
        assert answer is not None and answer.engine == "vosk"
        assert answer.text == "I paired with the reviewer"
        assert "Score" in screen.feedback_panel.text


async def test_skipping_a_spoken_answer_cancels_the_recording(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, **THREE)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await press(pilot, "ctrl+s")
        await press(pilot, "ctrl+o")
        assert listener.cancelled == 1
        assert "Question 2 of 3" in card_text(pilot.app)


async def test_a_drill_ends_the_answer_after_the_set_silence(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, mode="rapid-fire", count=5)
    async with interview_started(app) as (pilot, screen):
        await move_clock(pilot, clock, 5)  # rapid-fire: five seconds to think
        assert listener.started == 1
        listener.hear("Because I like hard problems")
        listener.silent_for = 3.9
        await move_clock(pilot, clock, 10)
        assert screen.session.phase is Phase.ANSWERING
        listener.silent_for = 4.0  # the default drill silence
        await move_clock(pilot, clock, 0.1)
        assert screen.session.phase is Phase.REVIEWING
        # ... and the drill moves on by itself after its review pause.
        await move_clock(pilot, clock, 3)
        assert screen.session.index == 1 and screen.session.phase is Phase.THINKING


async def test_typed_flag_keeps_the_answer_box_even_with_a_microphone(
    app_factory: AppFactory,
) -> None:
    listener = FakeListener()
    async with interview_started(app_factory(**THREE, listener=listener)) as (pilot, screen):
        await press(pilot, "ctrl+s")
        assert screen.answer_area.mode == "typed" and listener.started == 0


async def test_services_are_closed_when_the_app_quits(app_factory: AppFactory) -> None:
    speaker, listener = FakeSpeaker(), FakeListener()
    app = app_factory(**THREE, speaker=speaker, listener=listener, typed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await press(pilot, "ctrl+q")
    assert speaker.closed and listener.closed


async def test_closing_line_is_spoken_as_the_summary_opens(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(mode="rapid-fire", count=5, speaker=speaker)
    async with interview_started(app) as (pilot, screen):
        questions = {t.question.text for t in screen.session.turns}
        for _ in range(5):
            await press(pilot, "ctrl+o")
        assert isinstance(pilot.app.screen, SummaryScreen)
        closing = speaker.said[-1].text
        assert closing and closing not in questions
        assert speaker.stops >= 1  # each skip silenced the question being read


async def test_without_a_voice_the_closing_line_is_shown(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="rapid-fire", count=5)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        for _ in range(5):
            await press(pilot, "ctrl+o")
        assert isinstance(pilot.app.screen, SummaryScreen)
        closing = set(load_personas().personas["recruiter"].lines["closing"])
        shown = [n.message for n in app._notifications]
        assert any(m.startswith("Maya, recruiter: ") and m[17:] in closing for m in shown)


async def test_after_a_skip_the_interviewer_does_not_say_thank_you(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    async with interview_started(app_factory(mode="mock", speaker=speaker)) as (pilot, screen):
        speaker.finish()  # the greeting
        await pilot.pause()
        await press(pilot, "ctrl+o")  # skip question 1 while it is read out
        lead_in = speaker.said[-1].text
        persona = load_personas().get(screen.session.current.persona)
        assert lead_in in persona.lines["skipped"]
        assert "thank" not in lead_in.lower() and "great" not in lead_in.lower()
        assert lead_in in card_text(pilot.app)  # the caption says the same
        speaker.finish()  # the lead-in; then question 2 is read
        await pilot.pause()
        speaker.finish()
        await pilot.pause()
        await press(pilot, "ctrl+s", *"I", "space", *"did", "ctrl+s")
        await press(pilot, "enter")  # after a real answer: thanks again
        assert speaker.said[-1].text in persona.lines["moving_on"]
