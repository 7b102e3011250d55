"""Speak or type, at any moment: keys typed during a spoken answer join it, and f4
(or the command palette) switches the session between spoken and typed answers."""

from __future__ import annotations

from hotseat.session import FakeClock, Phase
from hotseat.store import Store
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeListener
from tests.tui.helpers import interview_started, move_clock, press, spoken, type_answer

THREE = {"mode": "focus", "pack": "test-software", "count": 3}
STORY = (
    "At my last job two of us disagreed about the release date. I was responsible for the "
    "plan, so I asked her to list the risks with me and we agreed to ship in two steps. "
    "As a result we shipped on time and cut the bug reports by thirty percent."
)


def saved_answers() -> list[str]:
    with Store() as store:
        record = store.load_session(store.list_sessions()[0].id)
    return [a.transcript.text for a in record.answers]


async def test_keys_typed_during_a_spoken_answer_land_in_the_saved_answer(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, **THREE)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")  # answer now: the microphone listens
        assert listener.started == 1 and screen.answer_area.mode == "spoken"
        listener.hear("I paired with the reviewer")
        await type_answer(pilot, "and we cut review time by 30%")
        assert screen.session.phase is Phase.ANSWERING  # still the same spoken answer
        assert listener.started == 1
        await move_clock(pilot, clock, 40)
        await press(pilot, "ctrl+s")
        assert screen.session.phase is Phase.REVIEWING
        answer = screen.session.current.answer
        assert answer is not None
        assert answer.text == "I paired with the reviewer and we cut review time by 30%"
        assert answer.engine == "vosk"  # still a spoken answer, its words still timed
        assert answer.timed
    assert saved_answers() == ["I paired with the reviewer and we cut review time by 30%"]


async def test_typing_keeps_a_drill_answer_from_ending_on_silence(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, mode="rapid-fire", count=5)
    async with interview_started(app) as (pilot, screen):
        await move_clock(pilot, clock, 5)  # the thinking time is over: listening
        assert listener.started == 1
        listener.silent_for = 3.0
        await type_answer(pilot, "Because")
        listener.silent_for = 6.0  # silent microphone, but a key 2 s ago
        await move_clock(pilot, clock, 2)
        assert screen.session.phase is Phase.ANSWERING
        await move_clock(pilot, clock, 3)  # 5 s since the last key
        assert screen.session.phase is Phase.REVIEWING
        answer = screen.session.turns[0].answer
        assert answer is not None and answer.text == "Because"


async def test_f4_switches_mid_answer_to_typing_and_keeps_the_words_heard(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, **THREE)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        listener.hear("I paired with the reviewer")
        await move_clock(pilot, clock, 10)
        listener.finish_answer = lambda: None  # type: ignore[method-assign]  # a slow final
        await press(pilot, "f4")
        heard = screen.query_one("#live-transcript")
        assert "I paired with the reviewer" in str(heard.render())  # shown at once
        del listener.finish_answer
        listener.finish_answer()  # the final transcript arrives
        await pilot.pause()
        # The microphone's part has been collected; the answer goes on, typed.
        assert screen.force_typed and screen.answer_area.mode == "typed"
        assert screen.session.phase is Phase.ANSWERING
        heard = screen.query_one("#live-transcript")
        assert "I paired with the reviewer" in str(heard.render())
        assert heard.region.height >= 1  # on show above the typing box
        assert "typed answers" in str(screen.query_one("#topbar").render())
        await type_answer(pilot, "then we merged it")
        await move_clock(pilot, clock, 20)
        await press(pilot, "ctrl+s")
        answer = screen.session.current.answer
        assert answer is not None
        assert answer.text == "I paired with the reviewer then we merged it"
        # The rest of the session is typed: the next question does not open the microphone.
        await press(pilot, "enter")  # a follow-up: answered at once
        assert screen.session.phase is Phase.ANSWERING
        assert listener.started == 1 and screen.answer_area.mode == "typed"
        # ... until f4 again: then this answer is heard as well.
        await press(pilot, "f4")
        assert not screen.force_typed and listener.started == 2
        assert screen.answer_area.mode == "spoken"


async def test_the_palette_offers_the_switch_the_footer_shows(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, _listener = spoken(app_factory, **THREE)
    async with interview_started(app) as (pilot, screen):
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Type answers" in titles and "Speak answers" not in titles
        footer_keys = {k for k, b in screen.active_bindings.items() if b.binding.show and b.enabled}
        assert "f4" in footer_keys
        screen.answer_input.switch_to_typed()
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Speak answers" in titles and "Type answers" not in titles


async def test_f4_is_offered_only_when_there_is_something_to_switch(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, **THREE)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        listener.available = False  # the microphone is lost mid-answer
        screen.refresh_bindings()
        assert screen.check_action("type_answers", ())  # "press f4 to type" must work
        screen.answer_input.switch_to_typed()
        await pilot.pause()
        assert screen.answer_area.mode == "typed"
        assert not screen.check_action("speak_answers", ())  # nothing to speak into
    no_mic = FakeListener(available=False, notice="No microphone is available (none).")
    app = app_factory(**THREE, listener=no_mic, typed=False)
    async with interview_started(app) as (pilot, screen):
        assert screen.answer_area.mode == "typed"
        assert not screen.check_action("type_answers", ())  # typed already: no f4


async def test_an_answer_typed_after_switching_before_a_word_was_said_is_a_typed_answer(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """f4 in a spoken session before speaking: the answer is typed, so its length is
    estimated from its words (as with --typed), not 'short (6 s)' on the typing clock."""
    app, listener = spoken(app_factory, **THREE, analyze=None)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")  # answer now: the microphone listens, hears nothing
        assert listener.started == 1
        await press(pilot, "f4")
        await type_answer(pilot, STORY)  # pasted: a few seconds on the clock
        await move_clock(pilot, clock, 6)
        await press(pilot, "ctrl+s")
        turn = screen.session.current
        assert turn.answer is not None and turn.answer.engine == "typed"
        assert turn.feedback is not None
        metrics = turn.feedback.metrics
        assert metrics["timed"] is False and metrics["estimated_seconds"] > 6
        assert "timing-not-measured" in {f.id for f in turn.feedback.findings}
        toasts = " ".join(n.message for n in app._notifications)
        assert "added to the spoken answer" not in toasts
