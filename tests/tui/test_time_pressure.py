"""Time pressure as the candidate meets it: warnings near the limit, no pausing in drills."""

from __future__ import annotations

import pytest

from hotseat.session import FakeClock, Phase
from hotseat.settings import load_settings
from hotseat.speech import load_personas
from hotseat.tui.screens.dialogs import ExplainScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import answer, interview_started, move_clock, press, shown_time, start

# The only "growth" question: think 20 s, answer 60-120 s, amber from 105 s.
ONE_QUESTION = {"mode": "focus", "category": "growth", "count": 1}
WARNINGS = set(load_personas().personas["recruiter"].lines["time_warning"])


async def test_pausing_a_drill_is_refused_with_a_reason_and_the_clock_runs_on(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="rapid-fire", count=5)
    async with interview_started(app) as (pilot, screen):
        await pilot.press("ctrl+s")  # answer now
        await move_clock(pilot, clock, 10)
        await press(pilot, "ctrl+g")
        assert not screen.session.paused
        messages = [n.message for n in app._notifications]
        assert any("No pausing in a drill" in m for m in messages)
        await move_clock(pilot, clock, 5)
        assert shown_time(app) == "0:15"


@pytest.mark.parametrize("audible", [True, False])
async def test_the_interviewer_warns_near_the_limit_when_asked_to(
    app_factory: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, audible: bool
) -> None:
    monkeypatch.setenv("HOTSEAT_AUDIBLE_WARNINGS", str(audible).lower())
    speaker = FakeSpeaker()
    app = app_factory(**ONE_QUESTION, speaker=speaker)
    async with interview_started(app) as (pilot, screen):
        speaker.finish()  # the question has been read
        await pilot.pause()
        await pilot.press("ctrl+s")
        await move_clock(pilot, clock, 100)
        assert screen.session.phase is Phase.ANSWERING
        before = [s.text for s in speaker.said]
        await move_clock(pilot, clock, 6)  # amber from 105 s
        new = [s.text for s in speaker.said][len(before) :]
        assert (len(new) == 1 and new[0] in WARNINGS) if audible else not new


@pytest.mark.parametrize("audible", [True, False])
async def test_without_a_voice_the_warning_is_the_terminal_bell(
    app_factory: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, audible: bool
) -> None:
    monkeypatch.setenv("HOTSEAT_AUDIBLE_WARNINGS", str(audible).lower())
    app = app_factory(**ONE_QUESTION)
    bells: list[None] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+s")
        await move_clock(pilot, clock, 104)
        assert not bells
        await move_clock(pilot, clock, 2)
        assert len(bells) == (1 if audible else 0)
        await move_clock(pilot, clock, 30)  # past the maximum: still warned once only
        assert len(bells) == (1 if audible else 0)


async def test_audible_warnings_are_turned_on_from_the_palette_and_remembered(
    app_factory: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_factory(**ONE_QUESTION)
    bells: list[None] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+p")
        await press(pilot, *"audible", settle=0.3)
        await press(pilot, "enter", settle=0.3)
        assert load_settings().audible_warnings
        await start(pilot)
        await pilot.press("ctrl+s")
        await move_clock(pilot, clock, 106)
        assert len(bells) == 1


async def test_a_drill_read_through_its_explanations_still_ends_and_leads_home(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="rapid-fire", count=5)
    async with interview_started(app) as (pilot, screen):
        for _ in range(5):
            await answer(pilot, clock, "I would agree the goal first and report back.", 10)
            await press(pilot, "e")  # reading how the score was reached: the drill waits
            clock.advance(3)
            screen.tick()
            await pilot.pause()
            assert isinstance(app.screen, ExplainScreen)
            await press(pilot, "escape")
            clock.advance(3)  # then its review pause runs out and it moves on
            screen.tick()
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert [type(s) for s in app.screen_stack] == [HomeScreen, SummaryScreen]
        await press(pilot, "h")
        assert isinstance(app.screen, HomeScreen)
