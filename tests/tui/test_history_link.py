"""Every answer is kept in the real history database as the interview goes."""

from __future__ import annotations

from textual.app import App

from hotseat import paths
from hotseat.session import FakeClock, Phase
from hotseat.store import Store
from hotseat.tui.app import HotseatApp
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    answer,
    interview,
    interview_started,
    open_history,
    press,
    resume_highlighted,
    spoken,
    start,
    until,
)

THREE = {"mode": "focus", "pack": "test-software", "count": 3}


def stored_sessions() -> list[tuple[str, int, int]]:
    with Store() as store:
        return [(s.status, s.questions, s.answered) for s in store.list_sessions()]


def saved_so_far(app: App[int]) -> list[tuple[str, int, int]]:
    """``stored_sessions`` once the history's thread has done every job handed to it
    (saves after a skip or an end are queued there, never waited for by the screen)."""
    assert isinstance(app, HotseatApp)
    app.keeper.later(lambda: None).result(10)  # its jobs run in the order given
    return stored_sessions()


async def test_answers_and_skips_are_saved_as_they_happen(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with app_factory(**THREE).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await answer(pilot, clock, "I asked for a call to walk through the review.", 40)
        assert stored_sessions() == [("active", 1, 1)]  # on disk before moving on
        await press(pilot, "enter")  # the follow-up
        await press(pilot, "ctrl+o")  # skip it
        assert saved_so_far(pilot.app) == [("active", 2, 1)]
        await press(pilot, "ctrl+l", "y")  # end the session
        assert saved_so_far(pilot.app) == [("finished", 2, 1)]
    with Store() as store:
        record = store.load_session(store.list_sessions()[0].id)
    first = record.answers[0]
    assert first.transcript.text == "I asked for a call to walk through the review."
    assert first.feedback is not None and first.score == first.feedback.score
    assert record.answers[1].skipped


async def test_quitting_mid_session_offers_to_resume_it_next_time(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**THREE)) as (pilot, screen):
        first = screen.session.current.question.id
        await answer(pilot, clock, "I would sketch the two options on one page.", 40)
        await press(pilot, "ctrl+q")
    assert stored_sessions() == [("interrupted", 1, 1)]

    async with app_factory(**THREE).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = pilot.app.screen
        assert isinstance(home, HomeScreen)
        assert "unfinished session can be resumed" in str(home.query_one("#home-notices").render())
        await open_history(pilot)
        resumed = await resume_highlighted(pilot)  # the highlighted (only) session
        asked = [t.question.id for t in resumed.session.turns]
        assert first not in asked and len(asked) == 2  # what was left of the three
        await answer(pilot, clock, "I set up a shared incident channel at once.", 40)
    with Store() as store:
        (info,) = store.list_sessions()
    assert info.answered == 2  # both runs' answers in the one session


async def test_a_spoken_answer_is_recorded_into_the_data_folder(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, **THREE)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        listener.hear("We wrote a one page summary for the sales team")
        await press(pilot, "ctrl+s")
        assert screen.session.phase is Phase.REVIEWING
    (path,) = listener.recordings
    assert path is not None and path.startswith(str(paths.data_dir()))
    with Store() as store:
        record = store.load_session(store.list_sessions()[0].id)
    assert str(record.answers[0].audio_path) == path


async def test_progress_and_history_open_from_home(app_factory: AppFactory) -> None:
    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f3")
        assert type(pilot.app.screen).__name__ == "ProgressScreen"
        await press(pilot, "escape")
        await press(pilot, "f2")
        assert type(pilot.app.screen).__name__ == "HistoryScreen"
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_drilling_the_weakest_competencies_starts_a_review(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with app_factory(**THREE).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await answer(pilot, clock, "I explained the cost of waiting in plain numbers.", 40)
        await press(pilot, "ctrl+l", "y", "h")  # end, back home
        await press(pilot, "f3")
        progress = pilot.app.screen
        await until(pilot, lambda: getattr(progress, "loaded", False), "the progress")
        await press(pilot, "d", "y")  # drill these: yes, start
        await until(pilot, lambda: isinstance(pilot.app.screen, InterviewScreen), "the review")
        screen = interview(pilot.app)
        assert screen.plan.mode.id == "review"
        weakest = set(screen.session.turns[0].question.competencies)
        assert weakest & {"communication", "tailoring"}  # what the one answer probed
