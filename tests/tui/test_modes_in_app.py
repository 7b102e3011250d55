"""Modes as the app runs them: a panel takes turns, a drill cuts in at its limit."""

from __future__ import annotations

from hotseat.session import FakeClock, Phase
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import interview, move_clock, start, type_answer


async def test_a_panel_takes_turns_with_different_interviewers(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(mode="panel", count=4, speaker=speaker)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        # Every panelist greets, each in their own voice, before the first question.
        greeters = [said.persona for said in speaker.said]
        while screen.session.phase is Phase.ASKING and len(speaker.said) < 10:
            speaker.finish()
            await pilot.pause()
            greeters = [said.persona for said in speaker.said]
        assert len(set(greeters)) >= 2
        titles = set()
        for _ in range(4):
            titles.add(screen.card.border_title.split(" · ")[-1])
            await pilot.press("ctrl+o")
            await pilot.pause()
        assert len(titles) >= 2  # "Question n of 4 · <interviewer>" changes hands


async def test_a_pressure_drill_interrupts_at_the_limit_and_moves_on(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(mode="pressure-ladder", count=3, speaker=speaker)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        while screen.session.phase is Phase.ASKING:
            speaker.finish()
            await pilot.pause()
        await move_clock(pilot, clock, 5)  # five seconds to think
        await type_answer(pilot, "Let me tell you about the time our launch slipped")
        limit = screen.session.current.timing.hard_limit
        assert limit is not None
        await move_clock(pilot, clock, limit)
        assert screen.session.phase is Phase.REVIEWING
        assert screen.session.current.interrupted
        # The interviewer cut in with a line of their own.
        assert speaker.said[-1].text not in {t.question.text for t in screen.session.turns}
        await move_clock(pilot, clock, 5)  # the drill's review pause, then on by itself
        assert interview(pilot.app).session.index == 1
