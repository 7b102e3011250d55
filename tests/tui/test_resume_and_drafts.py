"""Nothing the user wrote is lost: saved before analysis, drafts while typing, a true resume."""

from __future__ import annotations

from typing import Any

from hotseat.feedback.model import Context, Feedback
from hotseat.questions.model import Question
from hotseat.session import FakeClock, Phase
from hotseat.store import Store
from hotseat.store.drafts import all_drafts
from hotseat.transcript import Transcript
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.fakes import fixed_feedback
from tests.tui.helpers import (
    answer,
    card_text,
    interview,
    interview_started,
    press,
    start,
    type_answer,
)

FIVE: dict[str, Any] = {"mode": "curveball", "count": 5}


def _answers() -> list[str]:
    with Store() as store:
        (info,) = store.list_sessions()
        return [a.transcript.text for a in store.load_session(info.id).answers]


async def test_an_answer_is_handed_to_the_history_before_it_is_analysed(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """Its save is queued on the history's thread (never waited for) before the analysis."""
    seen: list[list[str]] = []

    def analyze_after_looking(
        question: Question, transcript: Transcript, context: Context
    ) -> Feedback:
        app.keeper.later(lambda: None).result(10)  # the saves queued so far have run
        seen.append(_answers())
        return fixed_feedback(question, transcript, context)

    app = app_factory(**FIVE, analyze=analyze_after_looking)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await answer(pilot, clock, "I kept calm and asked what mattered most.", 20)
    assert seen == [["I kept calm and asked what mattered most."]]
    with Store() as store:
        (info,) = store.list_sessions()
        (kept,) = store.load_session(info.id).answers  # written again, not twice
    assert kept.feedback is not None


async def test_resume_asks_the_interrupted_question_again_and_numbers_on(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**FIVE)) as (pilot, screen):
        planned = [t.question.id for t in screen.session.turns]
        for n in (1, 2):
            await answer(pilot, clock, f"Answer {n}: I said what I would do first.", 20)
            await press(pilot, "enter")
        assert "Question 3 of 5" in card_text(pilot.app)
        await type_answer(pilot, "Half of my third answer")
        # hotseat closes without ctrl+q's question (the terminal went away; ctrl+q
        # itself saves the answer so far: test_quit_mid_answer): the draft is kept.
        pilot.app.exit()
        await pilot.pause()
    assert [d.text for d in all_drafts()] == ["Half of my third answer"]

    async with app_factory(**FIVE).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        notices = str(home.query_one("#home-notices").render())
        assert "An answer you were typing was kept" in notices
        await press(pilot, "f2")
        await press(pilot, "r", settle=0.5)
        screen = interview(pilot.app)
        assert [t.question.id for t in screen.session.turns] == planned[2:]
        assert "Question 3 of 5" in card_text(pilot.app)
        assert screen.session.phase is Phase.ANSWERING
        assert screen.answer_area.typed_text == "Half of my third answer"  # offered back
        await pilot.press("end", "space", *"done")
        for n in (3, 4, 5):
            if n > 3:
                await type_answer(pilot, f"Answer {n}: I named the risk and the plan.")
            await answer_now(pilot, clock)
            await press(pilot, "enter")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert [row.number for row in summary.summary.rows] == [1, 2, 3, 4, 5]
    texts = _answers()
    assert texts[:2] == [f"Answer {n}: I said what I would do first." for n in (1, 2)]
    assert texts[2] == "Half of my third answer done"
    assert all_drafts() == []  # the answer is saved: its draft is gone


async def answer_now(pilot: Any, clock: FakeClock) -> None:
    clock.advance(20)
    interview(pilot.app).tick()
    await pilot.pause()
    await press(pilot, "ctrl+s")
