"""Every practice mode, chosen on the home screen by keyboard and walked to its summary
with typed answers on a fake clock."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from hotseat.session import FakeClock, Phase, load_modes
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import move_clock, press, type_answer

MODES = load_modes()
ANSWER = "I listed the risks, agreed the order with the team and we shipped in two steps."


@pytest.mark.parametrize("mode_id", MODES.ids())
async def test_each_mode_runs_from_home_to_its_summary(
    app_factory: AppFactory, clock: FakeClock, mode_id: str
) -> None:
    mode = MODES[mode_id]
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        await press(pilot, "enter", *["down"] * MODES.ids().index(mode_id), "enter")
        assert home.query_one("#mode", Select).value == mode_id
        home.query_one("#count", Select).value = mode.count_min
        if mode.shape == "focus":
            home.query_one("#source", Select).value = "pack:test-software"
        await press(pilot, "ctrl+s")
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.plan.mode.id == mode_id
        personas = {t.persona for t in screen.session.turns}
        assert len(personas) >= mode.personas_min
        keys = 0
        for _ in range(60):
            if not isinstance(app.screen, InterviewScreen):
                break
            session = screen.session
            if session.phase in (Phase.THINKING, Phase.ANSWERING):
                await type_answer(pilot, ANSWER)
                await move_clock(pilot, clock, 10)
                await press(pilot, "ctrl+s")
            elif mode.auto_advance:
                await move_clock(pilot, clock, mode.review_seconds)  # on by itself
            else:
                await press(pilot, "enter")
                keys += 1
        summary = app.screen
        assert isinstance(summary, SummaryScreen), f"{mode_id} never reached its summary"
        roots = [row for row in summary.summary.rows if not row.follow_up]
        assert len(roots) == mode.count_min
        assert all(row.score is not None for row in summary.summary.rows)
        assert mode.name in summary.title_text
        # A drill moves on without a key press; every other mode waits for one.
        assert (keys == 0) is mode.auto_advance, (mode_id, keys)
        assert mode.follow_ups or len(summary.summary.rows) == len(roots)
