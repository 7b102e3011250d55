"""Ready before asking: the first question waits (a few seconds at most) for the voice
and the microphone, so it is spoken and answered aloud like the rest."""

from __future__ import annotations

from textual.pilot import Pilot

from hotseat.session import FakeClock, Phase
from hotseat.tui import messages as msg
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.voice_mic import Built, VoiceMic
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeListener, FakeSpeaker
from tests.tui.helpers import card_text, interview, move_clock, press

RAPID = {"mode": "rapid-fire", "count": 5, "autostart": True, "typed": False}


async def waiting(pilot: Pilot[int]) -> InterviewScreen:
    """The interview once it waits for the voice and microphone (on a loaded machine
    the screen mounts a little later: moving the clock before would start the wait late)."""
    for _ in range(250):
        screen = pilot.app.screen
        if isinstance(screen, InterviewScreen) and screen.waiting_for_voice_mic:
            return screen
        await pilot.pause(0.02)
    raise AssertionError(f"the interview never waited; the screen is {pilot.app.screen!r}")


async def test_practice_start_waits_for_the_microphone_then_speaks_question_one(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker, listener = FakeSpeaker(), FakeListener(ready=False)  # still loading
    app = app_factory(**RAPID, speaker=speaker, listener=listener)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await waiting(pilot)
        assert "Getting the microphone ready" in card_text(app)
        assert "Getting the microphone ready" in str(screen.query_one("#timer-caption").render())
        assert speaker.said == [] and screen.session.phase is Phase.ASKING
        await move_clock(pilot, clock, 2)
        assert speaker.said == []  # still waiting
        listener.ready = True
        app.post_message(msg.RecognizerLoaded())  # as the real one reports it
        await pilot.pause()
        question = screen.session.current.question.text
        assert speaker.said  # the greeting, then question 1, are spoken
        while speaker.said[-1].text != question:
            speaker.finish()
            await pilot.pause()
        assert screen.session.phase is Phase.ASKING
        assert screen.answer_area.mode == "spoken"
        assert "microphone (vosk)" in str(screen.query_one("#topbar").render())
        speaker.finish()
        await pilot.pause()
        await move_clock(pilot, clock, 5)  # rapid-fire thinks for five seconds
        assert listener.started == 1  # ... and it is answered aloud


async def test_a_microphone_that_never_gets_ready_holds_the_question_five_seconds_at_most(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker, listener = FakeSpeaker(), FakeListener(ready=False)
    app = app_factory(**RAPID, speaker=speaker, listener=listener)
    async with app.run_test(size=(80, 24)) as pilot:
        await waiting(pilot)
        await move_clock(pilot, clock, 4.9)
        assert speaker.said == []
        await move_clock(pilot, clock, 0.2)
        assert speaker.said  # asked anyway, and the user is told why
        notes = [n.message for n in app._notifications]
        assert any("still loading" in n for n in notes)


async def test_a_failed_microphone_falls_back_to_typed_answers_and_says_why(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    why = "No microphone is available (no input device): type your answers instead."
    speaker = FakeSpeaker()
    listener = FakeListener(ready=False)
    app = app_factory(**RAPID, speaker=speaker, listener=listener)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listener.ready, listener.available, listener.notice = True, False, why
        app.post_message(msg.RecognizerLoaded())
        await pilot.pause()
        screen = interview(app)
        assert speaker.said
        assert screen.answer_area.mode == "typed"
        assert "typed answers" in str(screen.query_one("#topbar").render())
        assert why in [n.message for n in app._notifications]


async def test_home_says_getting_ready_never_spoken_answers_none(
    app_factory: AppFactory,
) -> None:
    listener = FakeListener(ready=False)
    app = app_factory(mode="focus", listener=listener, speaker=FakeSpeaker(), typed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = str(app.screen.query_one("#home-status").render())
        assert status == "Getting the microphone ready…"
        listener.ready = True
        app.post_message(msg.RecognizerLoaded())
        await pilot.pause()
        status = str(app.screen.query_one("#home-status").render())
        assert status == "voice on · spoken answers (vosk)"


def test_status_while_the_services_are_built_or_the_recogniser_loads() -> None:
    loading = FakeListener(ready=False, engine_name="none")
    assert "(none)" not in VoiceMic(loading=True).status_text(typed=False)
    assert "(none)" not in VoiceMic(FakeSpeaker(), loading).status_text(typed=False)
    assert VoiceMic(FakeSpeaker(), loading).waiting_for() == "the microphone"
    assert VoiceMic(loading=True).waiting_for() == "the voice and the microphone"
    assert VoiceMic(loading=True).waiting_for(typed=True) == "the voice"
    assert VoiceMic(loading=True).status_text(typed=True) == "Getting the voice ready…"


async def test_services_arriving_after_the_wait_are_used_from_the_next_answer_on(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=3, typed=False)
    app.voice_mic.loading = True  # as while the real ones are being built
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        screen = await waiting(pilot)  # the wait starts before the clock moves on
        await move_clock(pilot, clock, 5.1)
        assert screen.answer_area.mode == "typed"  # question 1 goes on without them
        assert "taking long" in " ".join(n.message for n in app._notifications)
        listener = FakeListener()
        app.post_message(msg.VoiceMicBuilt(Built(FakeSpeaker(), listener)))
        await pilot.pause()
        assert screen.session.phase is Phase.THINKING
        assert screen.answer_area.mode == "spoken"  # not yet answering: this one is heard
        assert "microphone (vosk)" in str(screen.query_one("#topbar").render())
        await press(pilot, "ctrl+s")
        assert listener.started == 1


async def test_the_wait_says_how_long_so_far_and_promises_no_time(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """A busy computer took 8 s under "At most 5 seconds" (F13): the screen says what is
    happening, what comes if it takes long, and the way out, never a time it may miss."""
    app = app_factory(**RAPID, speaker=FakeSpeaker(), listener=FakeListener(ready=False))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await waiting(pilot)

        def detail() -> str:
            return str(screen.query_one("#timer-detail").render())

        assert "0 s so far" in detail() and "At most" not in detail()
        assert "captions and typed answers" in detail()
        assert "ctrl+l ends the session" in detail()
        await move_clock(pilot, clock, 3)
        assert "3 s so far" in detail()


async def test_typed_and_muted_waits_for_nothing_and_says_nothing_of_voice_or_mic(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """trial7 T8: `--typed --mute` said "Getting the voice ready… spoken and answered
    aloud" and "The voice and microphone are taking long to start"."""
    app = app_factory(mode="focus", pack="test-software", count=3, typed=True, mute=True)
    app.voice_mic.loading = True  # as while the real ones are being built
    async with app.run_test(size=(80, 24)) as pilot:
        assert "voice muted · typed answers" in str(app.screen.query_one("#home-status").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = interview(app)
        assert not screen.waiting_for_voice_mic
        assert "Getting" not in card_text(app)
        assert "Getting" not in str(screen.query_one("#timer-caption").render())
        await move_clock(pilot, clock, 6)
        said = " ".join(n.message for n in app._notifications)
        assert "taking long" not in said and "aloud" not in said


async def test_typed_answers_with_the_voice_on_wait_for_the_voice_only(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=3, typed=True)
    app.voice_mic.loading = True
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await waiting(pilot)
        card = card_text(app)
        assert "Getting the voice ready" in card and "answered aloud" not in card
        assert "read aloud like the rest" in card
        await move_clock(pilot, clock, 5.1)
        said = " ".join(n.message for n in app._notifications)
        assert "The voice is taking long to start" in said and "microphone" not in said
