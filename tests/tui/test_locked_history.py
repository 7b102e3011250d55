"""Another hotseat holds the history (a write lock, as while it saves, for up to the
5 s busy timeout): History, Progress and resume never freeze the app.

The test holds the real database with a second SQLite connection (``BEGIN
EXCLUSIVE``) while the user resumes a session, goes back, and opens Progress and
History. Each key is answered at once (the screens say what they are waiting
for); once the lock goes, the resume or the lists complete. Before the history's
reads and changes moved to its own thread, the resume alone froze the app for
the whole 5 s and then failed.
"""

from __future__ import annotations

import time
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable

from hotseat.session import FakeClock
from hotseat.store import Store
from hotseat.tui.screens.history import HistoryScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.progress import ProgressScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    another_hotseat_saving,
    answer,
    interview_started,
    open_history,
    press,
    until,
)

THREE = {"mode": "focus", "pack": "test-software", "count": 3}
PROMPT = 2.5  # seconds: far more than a key takes, half the busy timeout a freeze lasts


async def keys(pilot: Pilot[Any], *pressed: str) -> float:
    """Press ``pressed`` and let the app handle them; how long that took, in seconds."""
    began = time.monotonic()
    await press(pilot, *pressed)
    return time.monotonic() - began


def status(screen: HistoryScreen | ProgressScreen) -> str:
    name = "#history-status" if isinstance(screen, HistoryScreen) else "#progress-status"
    return str(screen.query_one(name).render())


async def an_unfinished_session(app_factory: AppFactory, clock: FakeClock) -> None:
    async with interview_started(app_factory(**THREE)) as (pilot, _):
        await answer(pilot, clock, "I would sketch the two options on one page.", 40)
        await press(pilot, "ctrl+q")
    with Store() as store:
        assert [s.status for s in store.list_sessions()] == ["interrupted"]


async def test_resuming_while_another_hotseat_saves_waits_without_freezing(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    await an_unfinished_session(app_factory, clock)
    async with app_factory(**THREE).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        history = await open_history(pilot)
        with another_hotseat_saving() as other:
            took = await keys(pilot, "r")  # resume: the history is busy
            assert took < PROMPT, f"the app froze for {took:.1f} s"
            assert pilot.app.screen is history
            assert status(history).startswith("Resuming the session of ")
            took = await keys(pilot, "down", "up")  # still answering keys
            assert took < PROMPT, f"the app froze for {took:.1f} s"
            other.execute("ROLLBACK")  # the other hotseat's save is done
            await until(pilot, lambda: isinstance(pilot.app.screen, InterviewScreen), "resume")
        screen = pilot.app.screen
        assert isinstance(screen, InterviewScreen)
        assert len(screen.session.turns) == 2  # what was left of the three
        # The resumed question is asked (and the app is not closed mid-mount, which is
        # no user's doing: the card's parts are gone then).
        await until(pilot, lambda: str(screen.card.border_title).startswith("Question"), "asked")


async def test_history_and_progress_wait_behind_a_held_up_write_and_answer_keys(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """The resume's write waits for the lock on the history's thread; Progress and
    History, read on that thread after it, say they are loading meanwhile."""
    await an_unfinished_session(app_factory, clock)
    async with app_factory(**THREE).run_test(size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.pause()
        await open_history(pilot)
        with another_hotseat_saving() as other:
            began = time.monotonic()
            await press(pilot, "r", "escape")  # resume, then go back after all
            assert isinstance(app.screen, HomeScreen)
            await press(pilot, "f3")
            progress = app.screen
            assert isinstance(progress, ProgressScreen)
            assert status(progress).startswith("Reading your progress from the history…")
            assert progress.query_one("#progress-body").loading
            await press(pilot, "escape", "f2")
            history = app.screen
            assert isinstance(history, HistoryScreen)
            assert status(history).startswith("Reading the history…")
            assert history.query_one(DataTable).loading
            took = time.monotonic() - began
            assert took < 2 * PROMPT, f"the app froze for {took:.1f} s"
            other.execute("ROLLBACK")
            await until(pilot, lambda: not history.busy, "the list")
        rows = history.query_one(DataTable)
        assert not rows.loading and rows.row_count == 1
        await until(
            pilot, lambda: any("was not resumed" in n.message for n in app._notifications), "told"
        )
        assert _statuses() == ["interrupted"]  # left: put back, to resume another time
        await until(pilot, lambda: "1 unfinished" in status(history), "listed again")


def _statuses() -> list[str]:
    with Store() as store:
        return [s.status for s in store.list_sessions()]
