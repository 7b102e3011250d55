"""F2 while a large history is still being checked at start: the screen never freezes."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.widgets import DataTable

from hotseat.store import Recorder
from hotseat.tui.screens.history import HistoryScreen
from hotseat.tui.screens.home import HomeScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import press, until


async def test_history_asked_for_while_opening_says_it_is_loading_until_it_is_open(
    app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real_open = Recorder.open

    def slow_open(self: Recorder, *args: Any, **kwargs: Any) -> Any:
        gate.wait(20)  # quick_check and migrations of a large history on a slow disk
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Recorder, "open", slow_open)
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2", "f2")  # twice, as an impatient user does
        # At once, while the history is still opening: the screen, saying it is loading.
        screen = app.screen
        assert not gate.is_set() and isinstance(screen, HistoryScreen)
        assert sum(isinstance(s, HistoryScreen) for s in app.screen_stack) == 1
        status = str(screen.query_one("#history-status").render())
        assert status.startswith("Reading the history…") and screen.query_one(DataTable).loading
        await press(pilot, "escape")  # keys still work: back home, and in again
        assert isinstance(app.screen, HomeScreen)
        await press(pilot, "f2")
        again = app.screen
        assert isinstance(again, HistoryScreen)
        gate.set()
        await until(pilot, lambda: not again.busy, "the list")
        assert not again.query_one(DataTable).loading
        assert "No sessions yet" in str(again.query_one("#history-status").render())
