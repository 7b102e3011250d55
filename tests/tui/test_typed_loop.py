"""The whole interview loop with typed answers: home, questions, feedback, summary."""

from __future__ import annotations

from hotseat.session import FakeClock, Phase
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    answer,
    card_text,
    interview,
    interview_started,
    press,
    shown_time,
    start,
)

STORY = "I led the move to the new billing system and we cut invoice errors by half."


async def test_three_questions_typed_from_home_to_summary(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        screen = await start(pilot)
        roots: list[str] = []
        follow_ups: list[str] = []
        while isinstance(app.screen, type(screen)):
            turn = screen.session.current
            if turn.follow_up_of is None:
                roots.append(turn.question.text)
                # A new question opens with its thinking countdown, shown in full.
                assert screen.session.phase is Phase.THINKING
                assert shown_time(app) == f"0:{turn.question.prep_seconds:02d}"
                assert f"Question {len(roots)} of" in card_text(app)
            else:
                follow_ups.append(turn.question.text)
                assert "Follow-up" in card_text(app)
                assert screen.session.phase is Phase.ANSWERING  # no thinking time
            assert turn.question.text in card_text(app)
            await answer(pilot, clock, STORY, seconds=50)
            # The feedback panel replaces the answer box, with evidence quoted.
            assert screen.session.phase is Phase.REVIEWING
            assert screen.feedback_panel.display and not screen.answer_area.display
            shown = screen.feedback_panel.text
            assert "Score" in shown and "No numbers back up the result." in shown
            assert "“I led the move to the" in shown
            assert "Tip: Give one figure" in shown
            assert screen.session.current.answer is not None
            assert screen.session.current.answer.text == STORY
            assert shown_time(app) == "0:50"
            await press(pilot, "enter")
        assert len(roots) == 3
        # The test verdict always finds something to probe: one follow-up per question
        # (focus mode allows one), worded by the follow-up rules.
        assert len(follow_ups) == 3 and not set(follow_ups) & set(roots)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert len(summary.summary.rows) == 6
        for text in roots:
            assert text[:40] in summary.text
        # Every answer scored 56 (the test verdict): none is strong enough to be named.
        assert "Strongest answer" not in summary.text
        assert "Top three to work on" in summary.text
        assert "No numbers back up the result." in summary.text
        # Back home for another round, then quit.
        await press(pilot, "h")
        assert isinstance(app.screen, HomeScreen)


async def test_typing_during_the_countdown_starts_the_answer_clock(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=3)
    async with interview_started(app) as (pilot, screen):
        clock.advance(4)
        screen.tick()
        assert screen.session.phase is Phase.THINKING
        await pilot.press("I")
        assert screen.session.phase is Phase.ANSWERING
        assert shown_time(app) == "0:00"


async def test_empty_answer_gets_honest_feedback_not_a_crash(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=3)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")  # answer now, ends thinking
        assert screen.session.phase is Phase.ANSWERING
        await press(pilot, "ctrl+s")  # submit nothing
        assert screen.session.phase is Phase.REVIEWING
        assert "Nothing to assess yet" in screen.feedback_panel.text
        assert interview(app).session.current.feedback is not None
