"""Keys and commands during an interview: skip, end, repeat, explain, the palette."""

from __future__ import annotations

from hotseat.session import FakeClock, Phase
from hotseat.tui.screens.dialogs import ConfirmScreen, ExplainScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    answer,
    burst,
    card_text,
    interview,
    interview_started,
    move_clock,
    press,
    shown_time,
    start,
)

THREE = {"mode": "focus", "pack": "test-software", "count": 3}


async def test_skip_moves_on_and_the_summary_says_skipped(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**THREE)) as (pilot, screen):
        first = screen.session.current.question.text
        await press(pilot, "ctrl+o")
        assert "Question 2 of 3" in card_text(pilot.app)
        assert first not in card_text(pilot.app)
        assert screen.session.turns[0].skipped
        await press(pilot, "ctrl+o", "ctrl+o")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.text.count("skip  ") == 3
        assert "No answers were given in this session." in summary.text


async def test_end_asks_first_and_keeps_the_answers_so_far(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**THREE)) as (pilot, screen):
        await answer(pilot, clock, "I asked the reviewer to pair with me on it.", 40)
        await press(pilot, "ctrl+l")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await press(pilot, "n")  # changed my mind
        assert pilot.app.screen is screen and screen.session.phase is Phase.REVIEWING
        await press(pilot, "ctrl+l")
        await press(pilot, "y")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.summary.answered == 1
        assert summary.text.count("   –  ") == 2


async def test_repeat_restarts_the_question_and_its_countdown(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**THREE)) as (pilot, screen):
        full = shown_time(pilot.app)
        await move_clock(pilot, clock, 6)
        assert shown_time(pilot.app) != full
        await press(pilot, "ctrl+r")
        assert screen.session.phase is Phase.THINKING
        assert shown_time(pilot.app) == full
        assert "Question 1 of 3" in card_text(pilot.app)


async def test_explain_shows_how_the_score_was_reached(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with app_factory(**THREE).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await answer(pilot, clock, "We agreed to split the change into three reviews.", 45)
        await press(pilot, "e")
        dialog = pilot.app.screen
        assert isinstance(dialog, ExplainScreen)
        body = str(dialog.query_one("#explain-body").render())
        assert "Started from 50." in body and "-8 for no numbers." in body
        assert "word count: 9" in body
        await press(pilot, "escape")
        assert interview(pilot.app).session.phase is Phase.REVIEWING


async def test_command_palette_runs_interview_actions(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**THREE)) as (pilot, screen):
        await press(pilot, "ctrl+p")
        await press(pilot, *"skip", settle=0.3)
        await press(pilot, "enter", settle=0.3)
        assert screen.session.turns[0].skipped
        assert "Question 2 of 3" in card_text(pilot.app)


async def test_command_palette_starts_practice_from_home(app_factory: AppFactory) -> None:
    async with app_factory(**THREE).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        await press(pilot, "ctrl+p")
        await press(pilot, *"start p", settle=0.3)
        await press(pilot, "enter", settle=0.3)
        assert interview(pilot.app).session.phase is Phase.THINKING


async def test_start_pressed_twice_opens_one_interview(app_factory: AppFactory) -> None:
    app = app_factory(**THREE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "ctrl+s", "ctrl+s", "ctrl+s")
        await pilot.pause()
        interviews = [s for s in app.screen_stack if isinstance(s, InterviewScreen)]
        assert len(interviews) == 1
        app.keeper.later(lambda: None).result(10)  # the session's row is written by now
        assert app.keeper.store is not None
        assert len(app.keeper.store.list_sessions()) == 1  # one session in the history too


async def test_back_home_pressed_twice_goes_home_once(app_factory: AppFactory) -> None:
    app = app_factory(**THREE)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await press(pilot, "ctrl+o", "ctrl+o", "ctrl+o")
        assert isinstance(app.screen, SummaryScreen)
        burst(app, "h", "h")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running  # no crash on the second press


async def test_command_palette_finds_the_settings_by_any_usual_name(
    app_factory: AppFactory,
) -> None:
    """trial7 T10: the palette found nothing for "sett"; users type "settings",
    "preferences" or "options"."""
    from hotseat.paths import settings_file

    for word in ("settings", "preferences", "options"):
        app = app_factory(**THREE)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await press(pilot, "ctrl+p")
            await press(pilot, *word, settle=0.3)
            await press(pilot, "enter", settle=0.3)
            said = [n.message for n in app._notifications]
            assert any(str(settings_file()) in n and "[keys]" in n for n in said), (word, said)
            shown = [n for n in app._notifications if str(settings_file()) in n.message]
            assert not shown[0].markup  # "[keys]" is shown, not eaten as markup
