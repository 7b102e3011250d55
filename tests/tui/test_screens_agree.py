"""Every screen tells the same story about an answer and a session (F12): an answer the
clock cut off is not one "you stopped"; a session is in one state for the app and the
command line; Progress counts what it averages; a typed answer's length is the one
its feedback judged, and only a recording is offered for playing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import DataTable

from hotseat.cli import main
from hotseat.session import FakeClock, Phase
from hotseat.store import Store
from hotseat.tui.screens.history import HistoryScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.past_session import SessionScreen
from hotseat.tui.screens.progress import ProgressScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.store.sample import question, timed, turn, wav
from tests.tui.conftest import AppFactory
from tests.tui.helpers import interview_started, move_clock, press, type_answer
from tests.tui.test_resume_every_mode import to_second_question


def _text(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def _offered(app: App[Any], key: str) -> bool:
    active = app.screen.active_bindings.get(key)
    return active is not None and active.enabled and active.binding.show


async def test_a_silent_answer_cut_off_by_the_clock_is_called_that_everywhere(
    app_factory: AppFactory, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    app = app_factory(mode="rapid-fire", count=5)
    async with interview_started(app) as (pilot, screen):
        limit = screen.session.current.timing.hard_limit or 0
        for _ in range(int(limit) + 12):  # nothing typed: asked, thinking, then the limit
            await move_clock(pilot, clock, 1)
            if screen.session.phase is Phase.REVIEWING:
                break
        assert screen.session.phase is Phase.REVIEWING
        assert screen.session.current.interrupted  # the interviewer cut in
        await press(pilot, "ctrl+l")
        await press(pilot, "y")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert " n/a  1. " in summary.text
        assert "Cut off at the time limit." in summary.text
        assert "int:" not in summary.text and "you stopped" not in summary.text
    assert main(["report", "last"]) == 0
    report = capsys.readouterr().out
    assert "cut off at the time limit" in report
    assert "interrupted" not in report.split("## ")[-1]  # the answer's own facts


async def test_progress_says_how_many_answers_its_average_has(app_factory: AppFactory) -> None:
    with Store() as store:
        sid = store.begin_session(mode="mock", persona="recruiter", started_at=1.7e9)
        for n, score in enumerate([37, None, 38, None]):
            store.save_answer(sid, turn(question(f"q-{n}"), f"answer {n}", score))
        store.end_session(sid)
    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f3")
        assert isinstance(pilot.app.screen, ProgressScreen)
        assert "overall: 2 scored of 4 answers over 1 session." in _text(
            pilot.app, "#progress-status"
        )


async def test_a_typed_answer_shows_the_length_its_feedback_judged_and_no_player(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    words = " ".join(["We moved the billing jobs onto a queue and cut failures."] * 10)
    app = app_factory(mode="focus", pack="test-software", count=1, analyze=None)  # real feedback
    async with interview_started(app) as (pilot, screen):
        await move_clock(pilot, clock, 1)
        await type_answer(pilot, words)
        await move_clock(pilot, clock, 2)  # pasted in two seconds
        await press(pilot, "ctrl+s")
        feedback = screen.session.current.feedback
        assert feedback is not None
        judged = feedback.metrics["estimated_seconds"]
    # A spoken answer with its recording beside it, in an older session.
    recorder_store = Store()
    sid = recorder_store.begin_session(mode="mock", started_at=1.6e9)
    audio = wav(Path(os.environ["HOTSEAT_DATA_DIR"]) / "spoken.wav")
    recorder_store.save_answer(sid, turn(question("q-s"), transcript=timed("I cut it")), audio)
    recorder_store.end_session(sid)
    recorder_store.close()

    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2")
        await press(pilot, "enter")  # the newest: the typed one
        assert isinstance(pilot.app.screen, SessionScreen)
        body = _text(pilot.app, "#answer-body")
        minutes, seconds = divmod(round(judged), 60)
        assert f"Length: about {minutes}:{seconds:02d} spoken" in body
        assert "typed in 0:02" in body
        assert "Recording" not in body and not _offered(pilot.app, "p")
        assert not _offered(pilot.app, "s")  # nothing to stop either
        await press(pilot, "escape", "down", "enter")  # the spoken one
        assert isinstance(pilot.app.screen, SessionScreen)
        assert "Recording: p to play" in _text(pilot.app, "#answer-body")
        assert _offered(pilot.app, "p")


async def test_a_session_that_could_not_resume_is_unfinished_for_the_app_and_the_cli(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(mode="focus", pack="test-software", count=2)) as (
        pilot,
        _,
    ):
        await to_second_question(pilot, clock, "focus")
        pilot.app.exit()
        await pilot.pause()
    with Store() as store:  # its questions are gone from every pack since
        store.connection.execute(
            "UPDATE sessions SET plan = json_set(plan, '$.turns[1].question', 'gone')"
        )
        store.connection.commit()

    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2")
        await press(pilot, "r", settle=0.3)
        assert isinstance(pilot.app.screen, HomeScreen)  # could not start
        await press(pilot, "f2")
        table = pilot.app.screen.query_one("#sessions", DataTable)
        assert isinstance(pilot.app.screen, HistoryScreen)
        assert str(table.get_row_at(0)[-1]) == "interrupted"
        # Another process, while this one runs: the same state.
        cli = subprocess.run(
            [sys.executable, "-m", "hotseat", "history"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        assert "interrupted" in cli.stdout and "active" not in cli.stdout, cli.stdout
