"""An answer the user cut short (ctrl+l or ctrl+q mid-answer) is kept and shown in the
summary, marked interrupted, but half an answer is not judged with the whole ones: it
stays out of the average, the strongest answer and the counts of "Top three to work on",
in the summary and in the history, also when the session was resumed after a quit."""

from __future__ import annotations

from textual.pilot import Pilot

from hotseat.session import FakeClock, Phase
from hotseat.store import Store
from hotseat.store.progress import progress_series
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import answer, interview, interview_started, move_clock, type_answer

MOCK = {"mode": "focus", "pack": "test-software", "count": 3}
# The layout tests' verdict (``fakes.fixed_feedback``): 40 points plus one a word, and
# "No numbers back up the result" in every answer.
TWENTY = (
    "Last spring I moved our depot routing to a new solver and ran both side by side for two weeks"
)
THIRTY = (
    "When a junior engineer joined the team I paired with her on every release for a "
    "month, wrote down the steps we took, and then she ran the releases alone"
)
HALF = "So the first thing"  # 4 words: 44 as it stood


def words(text: str) -> int:
    return len(text.split())


async def next_question(pilot: Pilot[int]) -> None:
    await pilot.press("enter")
    await pilot.pause()
    screen = interview(pilot.app)
    while screen.session.current.follow_up_of is not None:  # no follow-ups in this test
        await pilot.press("ctrl+o")
        await pilot.pause()


def stored_average() -> float | None:
    """The session's average in History, and the same on the progress chart."""
    with Store() as store:
        (session,) = store.list_sessions()
        (point,) = progress_series(store)
        assert point.score == session.average_score
        return session.average_score


async def test_an_answer_ended_midway_is_shown_but_not_averaged_or_counted(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    assert (words(TWENTY), words(THIRTY)) == (20, 30)
    async with interview_started(app_factory(**MOCK)) as (pilot, screen):
        await answer(pilot, clock, TWENTY, 30)
        await next_question(pilot)
        await answer(pilot, clock, THIRTY, 30)
        await next_question(pilot)
        await type_answer(pilot, HALF)
        await move_clock(pilot, clock, 5)
        assert screen.session.phase is Phase.ANSWERING
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.summary.average == 65  # (60 + 70) / 2, not (60 + 70 + 44) / 3
        assert "Average score 65/100 over 2 assessed answers" in summary.text
        assert " int  3. " in summary.text  # shown, marked
        assert "Interrupted: kept, scored 44 as it stood" in summary.text
        assert "int: stopped by you mid-answer" in summary.text  # what "int" means
        assert any("(in 2 of 2 answers)" in point for point in summary.summary.practise_next)
        strongest = summary.summary.strongest
        assert strongest is not None and strongest.number == 2
    assert stored_average() == 65  # the history's score column agrees


async def test_after_a_quit_and_resume_the_cut_answer_stays_out_of_the_average(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**MOCK)) as (pilot, _):
        await answer(pilot, clock, TWENTY, 30)
        await next_question(pilot)
        await type_answer(pilot, HALF)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    resumed = app_factory(**MOCK)
    async with resumed.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause(0.5)
        await answer(pilot, clock, THIRTY, 30)
        await pilot.press("enter")
        await pilot.pause()
        while not isinstance(pilot.app.screen, SummaryScreen):  # a follow-up: skipped
            await pilot.press("ctrl+o")
            await pilot.pause()
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert [row.status for row in summary.summary.rows if not row.follow_up] == [
            "answered",
            "interrupted",
            "answered",
        ]
        assert summary.summary.average == 65
    assert stored_average() == 65


async def test_a_drill_answer_cut_off_at_its_limit_still_counts(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(mode="rapid-fire", count=5)) as (pilot, screen):
        await type_answer(pilot, TWENTY)
        limit = screen.session.current.timing.hard_limit
        assert limit is not None and screen.session.current.timing.interrupt
        await move_clock(pilot, clock, limit + 1)  # the interviewer cuts in
        assert screen.session.phase is Phase.REVIEWING and screen.session.current.interrupted
        await pilot.press("ctrl+l", "y")
        await pilot.pause()
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.summary.rows[0].status == "answered"
        assert summary.summary.average == 60  # counted: a whole answer by the drill's rules
