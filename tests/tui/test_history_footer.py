"""History offers Resume and Close (r, c) in its footer only while an unfinished
session is highlighted: at 80 columns the footer then has room for all it shows."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from hotseat.session import FakeClock
from hotseat.tui.screens.history import HistoryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import answer, interview_started, press, type_answer

THREE = {"mode": "focus", "pack": "test-software", "count": 3}


def footer(screen: Screen[Any]) -> set[str]:
    return {a.binding.description for a in screen.active_bindings.values() if a.binding.show}


async def test_resume_and_close_are_offered_for_unfinished_sessions_only(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**THREE)) as (pilot, _):
        await answer(pilot, clock, "I asked for a call to walk through the review.", 40)
        await press(pilot, "ctrl+l", "y", "h")  # a finished session
        await press(pilot, "ctrl+s")
        await type_answer(pilot, "I would sketch")
        await press(pilot, "ctrl+q", "y")  # an unfinished one
    async with app_factory(**THREE).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2")
        history = pilot.app.screen
        assert isinstance(history, HistoryScreen)
        assert history.sessions[0].resumable  # the newest first, highlighted
        assert {"Resume", "Close session"} <= footer(history)
        await press(pilot, "down")
        assert not history.sessions[1].resumable
        assert not {"Resume", "Close session"} & footer(history)
        assert "Delete" in footer(history)
