"""A dialog over the interview stops its clock, a drill's too: deciding whether to end
the session, or reading how a score was reached, costs no answer time."""

from __future__ import annotations

from textual.pilot import Pilot

from hotseat.session import FakeClock, Phase
from hotseat.tui.screens.interview import InterviewScreen
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeListener
from tests.tui.helpers import answer, interview_started, move_clock, press, shown_time, spoken


async def behind_the_dialog(pilot: Pilot[int], screen: InterviewScreen, clock: FakeClock) -> None:
    """Thirty seconds pass while a dialog is open (the interview still ticks behind it)."""
    clock.advance(30)
    screen.tick()
    await pilot.pause()


async def test_the_countdown_stops_behind_the_end_the_session_dialog(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, mode="rapid-fire", count=5)
    async with interview_started(app) as (pilot, screen):
        await move_clock(pilot, clock, 2)
        assert shown_time(app) == "0:03"  # three seconds left to think
        await press(pilot, "ctrl+l")
        assert app.voice_mic.mic_held  # nothing is heard behind the dialog either
        await behind_the_dialog(pilot, screen, clock)
        await press(pilot, "n")  # not ending after all
        assert screen.session.phase is Phase.THINKING and not screen.session.paused
        assert shown_time(app) == "0:03"
        assert not app.voice_mic.mic_held
        await move_clock(pilot, clock, 3)
        assert screen.session.phase is Phase.ANSWERING and listener.started == 1


async def test_ending_from_the_dialog_leaves_the_microphone_free(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="rapid-fire", count=5, listener=FakeListener(), typed=False)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+l")
        await press(pilot, "y")
        assert screen.session.finished and not app.voice_mic.mic_held


async def test_a_drill_waits_while_the_score_is_explained(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="rapid-fire", count=5)
    async with interview_started(app) as (pilot, screen):
        await answer(pilot, clock, "I like hard problems and I solve them with care.", 20)
        assert screen.session.phase is Phase.REVIEWING
        await press(pilot, "e")
        await behind_the_dialog(pilot, screen, clock)  # a review pause would have moved on
        assert screen.session.index == 0 and screen.session.phase is Phase.REVIEWING
        await press(pilot, "escape")
        await move_clock(pilot, clock, 5)
        assert screen.session.index == 1  # then the drill goes on by itself
