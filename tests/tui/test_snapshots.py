"""What the screens look like, at 80x24 and 120x40 (pytest-textual-snapshot).

Clocks are fake, question order is seeded, cursors do not blink and the
feedback is the fixed test verdict, so each picture is exactly repeatable.
Check a changed picture by eye, then accept it with ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from hotseat.session import FakeClock
from tests.tui.conftest import AppFactory
from tests.tui.helpers import answer, interview, move_clock, press

SIZES = [(80, 24), (120, 40)]
THREE = {"mode": "focus", "pack": "test-software", "count": 3}
STORY = (
    "When our release slipped, I split the review into three parts and "
    "I think we shipped a week later with fewer bugs."
)

Steps = Callable[[Pilot[Any], FakeClock], Awaitable[None]]


async def steady(pilot: Pilot[Any]) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.pause()


def snapshot_steps(steps: Steps, clock: FakeClock) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await steps(pilot, clock)
        await steady(pilot)

    return run_before


async def home(pilot: Pilot[Any], clock: FakeClock) -> None:
    pass


async def thinking(pilot: Pilot[Any], clock: FakeClock) -> None:
    await press(pilot, "ctrl+s")
    await move_clock(pilot, clock, 3)


async def feedback(pilot: Pilot[Any], clock: FakeClock) -> None:
    await thinking(pilot, clock)
    await answer(pilot, clock, STORY, 75)


async def summary(pilot: Pilot[Any], clock: FakeClock) -> None:
    await feedback(pilot, clock)
    await press(pilot, "enter")  # the follow-up
    await answer(pilot, clock, "We counted bugs reported in the first month: 12 down to 5.", 30)
    await press(pilot, "enter", "ctrl+o")  # skip question 2
    await answer(pilot, clock, "I would draw the trade-off as a simple picture for them.", 50)
    await press(pilot, "enter")
    await press(pilot, "ctrl+o")  # skip its follow-up: the session ends


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("steps", [home, thinking, feedback, summary], ids=lambda f: f.__name__)
def test_screens(
    snap_compare: Any, app_factory: AppFactory, clock: FakeClock, steps: Steps, size: Any
) -> None:
    app = app_factory(**THREE, company="Northwind", role="platform engineer")
    assert snap_compare(app, terminal_size=size, run_before=snapshot_steps(steps, clock))


def test_interview_screen_is_reached(app_factory: AppFactory, clock: FakeClock) -> None:
    """Guards the snapshot steps themselves: they must land where their names say."""
    import asyncio

    async def walk() -> list[str]:
        seen = []
        app = app_factory(**THREE)
        async with app.run_test(size=(80, 24)) as pilot:
            await thinking(pilot, clock)
            seen.append(interview(pilot.app).session.phase.value)
            await answer(pilot, clock, STORY, 75)
            seen.append(interview(pilot.app).session.phase.value)
        return seen

    assert asyncio.run(walk()) == ["thinking", "reviewing"]
