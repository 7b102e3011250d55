"""F2 while a large history is still being checked at start: the screen never freezes."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from hotseat.store import Recorder
from hotseat.tui.screens.history import HistoryScreen
from hotseat.tui.screens.home import HomeScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import press


async def test_history_asked_for_while_opening_comes_once_it_is_open(
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
        # Answered at once, while the history is still opening: said, not frozen.
        assert not gate.is_set() and isinstance(app.screen, HomeScreen)
        said = [n.message for n in app._notifications]
        assert any("still opening" in m for m in said), said
        gate.set()
        for _ in range(200):
            if isinstance(app.screen, HistoryScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, HistoryScreen)
        assert sum(isinstance(s, HistoryScreen) for s in app.screen_stack) == 1
