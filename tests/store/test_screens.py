"""The History and Progress screens at 80x24, driven by keys only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from textual.app import App
from textual.message import Message
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, DataTable, Static, TabbedContent
from textual_plotext import PlotextPlot

from hotseat.store import Recorder, Store, StoreError
from hotseat.store.keeper import HistoryKeeper
from hotseat.store.reads import AskHistory, Read
from hotseat.tui.app_history import HistoryDone
from hotseat.tui.screens.history import HistoryScreen, ResumeSession
from hotseat.tui.screens.past_session import SessionScreen
from hotseat.tui.screens.progress import DrillCompetencies, ProgressScreen
from tests.store.sample import fill, question, timed, turn, wav
from tests.tui.helpers import press

T = TypeVar("T")


class Host(App[None]):
    """A bare app hosting one screen, recording the messages it sends up; the screen
    reads the history as in hotseat, on the history's own thread (``keeper``)."""

    def __init__(
        self, make: Callable[[AskHistory], Screen[None]], keeper: HistoryKeeper | None = None
    ) -> None:
        super().__init__()
        self.keeper = keeper or HistoryKeeper()
        self.first = make(self.ask)
        self.received: list[Message] = []

    def ask(self, job: Callable[[Store], T], then: Callable[[Read[T]], object]) -> None:
        future = self.keeper.read_later(job)
        future.add_done_callback(lambda done: self.post_message(HistoryDone(done, then)))

    def on_history_done(self, event: HistoryDone) -> None:
        assert event.then is not None
        event.then(event.future.result())

    def on_mount(self) -> None:
        self.push_screen(self.first)

    def on_unmount(self) -> None:
        self.keeper.later(self.keeper.close)
        self.keeper.stop()

    def on_resume_session(self, message: ResumeSession) -> None:
        self.received.append(message)

    def on_drill_competencies(self, message: DrillCompetencies) -> None:
        self.received.append(message)


async def until(pilot: Pilot[Any], done: Callable[[], bool]) -> None:
    """Let the app run until ``done()`` (what was read from the history has come)."""
    for _ in range(250):
        await pilot.pause(0.02)
        if done():
            return
    raise AssertionError("the history never answered")


def listed(app: App[None]) -> Callable[[], bool]:
    return lambda: isinstance(app.screen, HistoryScreen) and not app.screen.busy


def drawn(app: App[None]) -> Callable[[], bool]:
    return lambda: "Reading" not in _text(app, "#progress-status")


def _text(app: App[None], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def _interrupted_and_finished() -> tuple[int, int, Path]:
    with Store() as store:
        done = store.begin_session(mode="mock", started_at=1_700_000_000)
        store.save_answer(done, turn(question("q-a"), "an older answer", 52))
        store.end_session(done)
    recorder = Recorder()
    open_one = recorder.begin_session(mode="rapid-fire")
    audio = wav(recorder.recording_path(open_one) or Path("x"))
    spoken = timed("first I measured the queue then I cut the wait by half")
    recorder.save_answer(open_one, turn(question("q-b"), transcript=spoken, score=77), audio)
    recorder.save_answer(open_one, turn(question("q-c"), skipped=True))
    recorder.close()  # closed without ending: the session is unfinished
    return done, open_one, audio


async def test_history_opens_a_session_and_replays_its_recording() -> None:
    _, open_one, audio = _interrupted_and_finished()
    played: list[Path] = []
    stopped: list[bool] = []
    app = Host(
        lambda ask: HistoryScreen(ask, play=played.append, stop=lambda: stopped.append(True))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, listed(app))
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 2
        assert [str(c) for c in table.get_row_at(0)][-1] == "interrupted"  # newest first
        assert "1 unfinished" in _text(app, "#history-status")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen))
        body = _text(app, "#answer-body")
        assert "first I measured the queue then I cut the wait by half" in body
        assert "Score 77/100" in body and "The story stops before the result." in body
        assert "Tip: End with what changed, in numbers." in body
        await press(pilot, "p")
        await app.workers.wait_for_complete()
        assert played == [audio]
        await pilot.press("s")
        assert stopped
        await pilot.press("down")  # the skipped question: nothing to play, none offered
        assert "Answer: skipped" in _text(app, "#answer-body")
        assert "Recording" not in _text(app, "#answer-body")
        assert "p" not in app.screen.active_bindings
        await pilot.press("escape")
        assert isinstance(app.screen, HistoryScreen)
        await press(pilot, "r")
        assert [m.session_id for m in app.received if isinstance(m, ResumeSession)] == [open_one]


async def test_a_recording_that_cannot_be_played_is_said_on_the_screen() -> None:
    _interrupted_and_finished()

    def broken(path: Path) -> None:
        raise OSError(f"no sound device for {path.name}")

    app = Host(lambda ask: HistoryScreen(ask, play=broken, stop=lambda: None))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, listed(app))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await press(pilot, "p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert _text(app, "#session-status").startswith("no sound device for ")
        assert app.is_running and not app._notifications  # said in place, not a crash


async def test_history_closes_and_deletes_sessions_with_confirmation() -> None:
    done, open_one, audio = _interrupted_and_finished()
    store = Store()
    app = Host(lambda ask: HistoryScreen(ask, play=lambda p: None, stop=lambda: None))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, listed(app))
        await pilot.press("c")  # close the unfinished one (first row)
        await until(pilot, listed(app))
        assert store.session_info(open_one).status == "closed"
        await pilot.press("d")
        await pilot.press("n")  # keep it after all
        assert len(store.list_sessions()) == 2
        await pilot.press("d")
        await press(pilot, "y")
        await until(pilot, listed(app))
        assert [s.id for s in store.list_sessions()] == [done]
        assert app.screen.query_one("#sessions", DataTable).row_count == 1
        assert not audio.exists()
    store.close()


async def test_history_without_a_database_says_why() -> None:
    def full() -> Store:
        raise StoreError("The disk holding /x is full.")

    app = Host(HistoryScreen, HistoryKeeper(Recorder(opener=full)))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, listed(app))
        assert "The disk holding /x is full." in _text(app, "#history-status")
    app = Host(HistoryScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, listed(app))
        assert "No sessions yet" in _text(app, "#history-status")


async def test_progress_names_the_weakest_and_drills_them() -> None:
    store = Store()
    fill(store, [[40, 90, 60], [70, 80], [90, 60]])
    sid = store.begin_session()
    store.save_answer(sid, turn(question("q-x", ("composure",)), score=30))
    store.close()
    app = Host(ProgressScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, drawn(app))
        weakest = _text(app, "#weakest")
        assert weakest.startswith("Weakest: composure (30), impact (")
        assert "communication" in weakest
        plot = app.screen.query_one("#plot-score", PlotextPlot)
        assert plot.size.width >= 40 and plot.size.height >= 12  # readable at 80x24
        assert "overall: 8 answers over 4 sessions" in _text(app, "#progress-status")
        await pilot.press("down", "down")  # Overall -> communication -> composure
        await until(pilot, drawn(app))
        assert "composure: 1 answer over 1 session." in _text(app, "#progress-status")
        await pilot.press("2")
        assert app.screen.query_one(TabbedContent).active == "tab-wpm"
        button = app.screen.query_one("#drill", Button)
        assert not button.disabled and button.region.right <= 80
        await press(pilot, "d")  # asks first: a stray key starts nothing
        asked = str(app.screen.query_one("#confirm-question", Static).render())
        assert asked == ("Start a review session on composure, impact and communication now?")
        await press(pilot, "n")
        assert not [m for m in app.received if isinstance(m, DrillCompetencies)]
        await press(pilot, "d", "y")
        [drill] = [m for m in app.received if isinstance(m, DrillCompetencies)]
        assert drill.competencies == ("composure", "impact", "communication")


async def test_progress_with_no_history_invites_practice() -> None:
    app = Host(ProgressScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, drawn(app))
        assert "Answer a few questions" in _text(app, "#weakest")
        assert app.screen.query_one("#drill", Button).disabled
        assert "No answers yet" in _text(app, "#progress-status")
