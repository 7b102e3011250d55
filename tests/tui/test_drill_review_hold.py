"""A drill's feedback moves on by itself after a few seconds; any key holds it (the
timer line says so, and space is in the footer), and the next question then waits
for enter. The last answer's enter is labelled as leading to the summary."""

from __future__ import annotations

from textual.widgets import Static

from hotseat.session import FakeClock, Phase
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.summary import SummaryScreen
from hotseat.tui.widgets.timer import SessionTimer
from tests.tui.conftest import AppFactory
from tests.tui.helpers import answer, card_text, interview_started, move_clock, press

ANSWER = "I would agree the goal first and report back."


def timer_detail(screen: InterviewScreen) -> str:
    return str(screen.query_one(SessionTimer).query_one("#timer-detail", Static).render())


def footer_keys(screen: InterviewScreen) -> dict[str, str]:
    """What the footer offers now: description -> a key for it."""
    shown = screen.active_bindings.values()
    return {b.binding.description: b.binding.key for b in shown if b.binding.show}


async def test_a_key_holds_a_drills_feedback_until_enter(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="rapid-fire", count=5)
    async with interview_started(app) as (pilot, screen):
        await answer(pilot, clock, ANSWER, 10)
        assert screen.session.phase is Phase.REVIEWING
        assert "Next question in 3 s · any key holds it" in timer_detail(screen)
        assert footer_keys(screen)["Hold"] == "space"
        await press(pilot, "down")  # scrolling the feedback: reading it
        await move_clock(pilot, clock, 30)
        assert screen.session.phase is Phase.REVIEWING  # still there, 30 s on
        assert "Question 1 of 5" in card_text(app)
        assert "Held: press enter" in timer_detail(screen)
        assert "Hold" not in footer_keys(screen)
        await press(pilot, "enter")
        assert "Question 2 of 5" in card_text(app)
        # The next review counts down again, and moves on without a key.
        await answer(pilot, clock, ANSWER, 10)
        await move_clock(pilot, clock, 3)
        assert "Question 3 of 5" in card_text(app)


async def test_the_last_answers_enter_says_it_leads_to_the_summary(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=1)
    async with interview_started(app) as (pilot, screen):
        await answer(pilot, clock, ANSWER, 20)
        while screen.session.upcoming() is not None:  # follow-ups first, if any
            keys = footer_keys(screen)
            assert "Next question" in keys and "Summary" not in keys
            assert "enter: next" in str(screen.feedback_panel.border_subtitle)
            await press(pilot, "enter")
            await answer(pilot, clock, ANSWER, 20)
        keys = footer_keys(screen)
        assert "Summary" in keys and "Next question" not in keys
        assert "enter: summary" in str(screen.feedback_panel.border_subtitle)
        await press(pilot, "enter")
        assert isinstance(app.screen, SummaryScreen)
