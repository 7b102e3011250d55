"""A session ended before any answer or skip has nothing to open: History (the screen
and 'hotseat history') leaves it out and says how many it left out, and the summary
says so; a session with one answer or one skip is listed as before."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from hotseat.cli import main
from hotseat.session import FakeClock
from hotseat.tui.screens.history import HistoryScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import answer, press, start

THREE = {"mode": "focus", "pack": "test-software", "count": 3}


async def test_a_session_ended_before_any_answer_is_not_listed(
    app_factory: AppFactory, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    async with app_factory(**THREE).run_test(size=(80, 24)) as pilot:
        await start(pilot)
        await press(pilot, "ctrl+l", "y")  # ended at once
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert "History will not list it" in summary.text
        await press(pilot, "h")
        await start(pilot)
        await answer(pilot, clock, "I asked for a call to walk through the review.", 40)
        await press(pilot, "ctrl+l", "y")
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert "History will not list it" not in pilot.app.screen.text
        await press(pilot, "f2")
        history = pilot.app.screen
        assert isinstance(history, HistoryScreen)
        assert history.query_one("#sessions", DataTable).row_count == 1
        status = str(history.query_one("#history-status", Static).render())
        assert "1 session ended before any answer not listed" in status
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert out.count("focus") == 1 and "0/3" not in out
    assert "1 session ended before any answer: not listed." in out
