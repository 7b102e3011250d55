"""The live timer: countdown, then answer time coloured against the target band."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.color import Color
from textual.widgets import Digits

from hotseat.session import FakeClock, Phase
from hotseat.tui.widgets.timer import SessionTimer
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    interview,
    interview_started,
    move_clock,
    press,
    shown_time,
    spoken,
    start,
    type_answer,
)

# The only "growth" question: think 20 s, a good answer takes 60-120 s, amber from 105 s,
# and focus mode stops the answer at twice the maximum (240 s).
ONE_QUESTION = {"mode": "focus", "category": "growth", "count": 1}


def digits_colour(app: App[Any]) -> Color:
    return interview(app).query_one(SessionTimer).query_one(Digits).styles.color


def theme_colour(app: App[Any], name: str) -> Color:
    return Color.parse(app.get_css_variables()[name])


def timer_state(app: App[Any]) -> str:
    return interview(app).query_one(SessionTimer).state


async def test_thinking_countdown_then_the_answer_clock(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with app_factory(**ONE_QUESTION).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        app = pilot.app
        assert shown_time(app) == "0:20"
        await move_clock(pilot, clock, 5.5)
        assert shown_time(app) == "0:15"  # rounds up: never shows 0:00 while time is left
        await move_clock(pilot, clock, 14.5)
        assert interview(app).session.phase is Phase.ANSWERING
        assert shown_time(app) == "0:00"
        await move_clock(pilot, clock, 75)
        assert shown_time(app) == "1:15"


@pytest.mark.parametrize(
    ("elapsed", "state", "colour"),
    [
        (59.9, "short", "foreground"),
        (60.0, "calm", "success"),
        (104.9, "calm", "success"),
        (105.0, "amber", "warning"),
        (120.0, "amber", "warning"),
        (120.1, "red", "error"),
    ],
)
async def test_timer_colour_changes_at_the_band_edges(
    app_factory: AppFactory, clock: FakeClock, elapsed: float, state: str, colour: str
) -> None:
    async with app_factory(**ONE_QUESTION).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await pilot.press("ctrl+s")  # answer now
        await move_clock(pilot, clock, elapsed)
        app = pilot.app
        assert timer_state(app) == state
        assert digits_colour(app) == theme_colour(app, colour)


async def test_band_colours_differ_in_the_light_theme_too(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with app_factory(**ONE_QUESTION).run_test(size=(80, 24)) as pilot:
        pilot.app.theme = "textual-light"
        await start(pilot)
        await pilot.press("ctrl+s")
        seen = []
        for step in (60, 45, 16):  # calm, amber, red
            await move_clock(pilot, clock, step)
            seen.append(digits_colour(pilot.app))
        assert len(set(seen)) == 3
        background = theme_colour(pilot.app, "background")
        assert all(c != background for c in seen)


async def test_the_hard_limit_ends_the_answer_with_what_was_typed(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**ONE_QUESTION)) as (pilot, screen):
        await type_answer(pilot, "We shipped late because I skipped testing.")
        await move_clock(pilot, clock, 239)
        assert screen.session.phase is Phase.ANSWERING
        await move_clock(pilot, clock, 1)
        assert screen.session.phase is Phase.REVIEWING
        answer = screen.session.current.answer
        assert answer is not None and answer.text.startswith("We shipped late")
        assert shown_time(pilot.app) == "4:00"


async def test_pause_stops_the_clock_and_resume_carries_on(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**ONE_QUESTION)) as (pilot, screen):
        await pilot.press("ctrl+s")
        await move_clock(pilot, clock, 30)
        await pilot.press("ctrl+g")
        await move_clock(pilot, clock, 600)
        assert shown_time(pilot.app) == "0:30"
        assert "paused" in str(screen.query_one("#timer-caption").render())
        await pilot.press("ctrl+g")
        await move_clock(pilot, clock, 5)
        assert shown_time(pilot.app) == "0:35"


async def test_keys_typed_while_paused_do_not_go_into_the_answer(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**ONE_QUESTION)) as (pilot, screen):
        await pilot.press("ctrl+g")
        await press(pilot, *"oops")
        assert screen.answer_area.typed_text == ""
        assert screen.session.phase is Phase.THINKING
        await pilot.press("ctrl+g")
        await type_answer(pilot, "Back again")
        assert screen.session.phase is Phase.ANSWERING
        assert screen.answer_area.typed_text == "Back again"


async def test_the_clock_and_the_feedback_give_the_same_seconds(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """39.8 s read "Answered in 0:39" on the clock and "(40 s)" in the feedback."""
    app, listener = spoken(app_factory, **ONE_QUESTION, analyze=None)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        listener.hear("I learned to ask for help early and now I plan reviews in advance")
        await move_clock(pilot, clock, 39.8)
        assert shown_time(app) == "0:40"  # the running clock rounds the same way
        await press(pilot, "ctrl+s")
        assert screen.session.phase is Phase.REVIEWING
        caption = str(screen.query_one("#timer-caption").render())
        assert "Answered in 0:40" in caption
        feedback = screen.session.current.feedback
        assert feedback is not None
        said = " ".join(f.message for f in feedback.findings)
        assert "(40 s)" in said and "39 s" not in said
