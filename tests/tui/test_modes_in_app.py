"""Modes as the app runs them: a panel takes turns, a drill cuts in at its limit."""

from __future__ import annotations

import textwrap

import pytest

from hotseat.session import FakeClock, Phase
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import (
    card_text,
    interview,
    interview_started,
    move_clock,
    press,
    type_answer,
)


async def test_a_panel_takes_turns_with_different_interviewers(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(mode="panel", count=4, speaker=speaker)
    async with interview_started(app) as (pilot, screen):
        # Every panelist greets, each in their own voice, before the first question.
        greeters = [said.persona for said in speaker.said]
        while screen.session.phase is Phase.ASKING and len(speaker.said) < 10:
            speaker.finish()
            await pilot.pause()
            greeters = [said.persona for said in speaker.said]
        assert len(set(greeters)) >= 2
        titles = set()
        for _ in range(4):
            titles.add(str(screen.card.border_title).split(" · ")[-1])
            await press(pilot, "ctrl+o")
        assert len(titles) >= 2  # "Question n of 4 · <interviewer>" changes hands


async def test_a_pressure_drill_interrupts_at_the_limit_and_moves_on(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(mode="pressure-ladder", count=3, speaker=speaker)
    async with interview_started(app) as (pilot, screen):
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


async def test_panel_captions_say_who_greets_and_the_question_stays_whole(
    app_factory: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_factory(mode="panel", count=4)  # no voice: the greetings are captions
    long_line = "I will say a great deal before the first question, and then some more. " * 4
    monkeypatch.setattr(app.personas, "line", lambda persona, key, rng: long_line)
    async with interview_started(app) as (_pilot, screen):
        cast = [app.personas.name(p) for p in screen.plan.personas]
        assert len(cast) >= 2
        lead = card_text(app).splitlines()[1]
        assert all(f"{name}: I will say" in lead for name in cast)
        # However long the lead-in, the question is shown whole, below at most 3 lines.
        question = screen.card.query_one("#card-question")
        assert screen.card.query_one("#card-lead").size.height == 3
        assert question.size.height >= 1
        assert question.region.bottom <= screen.card.content_region.bottom
        assert screen.session.current.question.text in str(question.render())
        # What is shown of the lead is whole sentences ("…" for the rest), never cut
        # mid-sentence by the box; and the question says who asks it.
        shown = str(screen.card.query_one("#card-lead").render())
        assert len(textwrap.wrap(shown, screen.card.content_region.width)) <= 3
        assert shown.endswith(("more. …", "more."))
        asker = app.personas.name(screen.session.current.persona)
        assert str(question.render()).startswith(f"{asker}: ")
