"""Steps a user takes in the app, for Pilot tests."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from textual import events
from textual.app import App
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Digits

from hotseat import paths
from hotseat.session import FakeClock, Phase
from hotseat.tui.app import HotseatApp
from hotseat.tui.screens.history import HistoryScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.widgets.timer import SessionTimer
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeListener


def interview(app: App[Any]) -> InterviewScreen:
    screen = app.screen
    assert isinstance(screen, InterviewScreen), f"expected the interview, got {screen!r}"
    return screen


def shown_time(app: App[Any]) -> str:
    return str(interview(app).query_one(SessionTimer).query_one(Digits).value)


def card_text(app: App[Any]) -> str:
    card = interview(app).card
    return f"{card.border_title}\n{card.text}"


def burst(app: App[Any], *keys: str) -> None:
    """Keys that arrive in one burst, faster than the app handles them (a fast
    typist, a key pressed twice, a slow SSH link): ``pilot.press`` waits between keys.
    """
    for key in keys:
        char = key if len(key) == 1 else None
        app.post_message(events.Key(_character_to_key(key) if char else key, char))


def spoken(app_factory: AppFactory, **choices: Any) -> tuple[HotseatApp, FakeListener]:
    """An app whose answers are spoken, into a fake microphone the test speaks through."""
    listener = FakeListener()
    return app_factory(**choices, listener=listener, typed=False), listener


async def press(pilot: Pilot[Any], *keys: str, settle: float | None = None) -> None:
    """Press ``keys`` one after another, as a user does, then let the app handle them
    (and wait ``settle`` seconds more, when given)."""
    await pilot.press(*keys)
    await pilot.pause(settle)


async def until(pilot: Pilot[Any], done: Callable[[], object], what: str) -> None:
    """Let the app run until ``done()`` (the history's thread answering, say), 5 s at most."""
    for _ in range(250):
        if done():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never came: {what}")


async def open_history(pilot: Pilot[int]) -> HistoryScreen:
    """From the home screen, open History (f2) and wait for its list."""
    await press(pilot, "f2")
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    await until(pilot, lambda: not screen.busy, "the list of sessions")
    return screen


async def resume_highlighted(pilot: Pilot[int]) -> InterviewScreen:
    """In History, resume the highlighted session (r) and wait for its interview."""
    await press(pilot, "r")
    await until(pilot, lambda: isinstance(pilot.app.screen, InterviewScreen), "the interview")
    await pilot.pause()
    return interview(pilot.app)


async def start(pilot: Pilot[int]) -> InterviewScreen:
    """From the home screen, start the interview (ctrl+s)."""
    await pilot.pause()
    await press(pilot, "ctrl+s")
    return interview(pilot.app)


@asynccontextmanager
async def interview_started(
    app: HotseatApp, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[Pilot[int], InterviewScreen]]:
    """The app in a terminal of ``size`` (80x24, the users' own), its interview started."""
    async with app.run_test(size=size) as pilot:
        yield pilot, await start(pilot)


async def move_clock(pilot: Pilot[int], clock: FakeClock, seconds: float) -> None:
    """Let time pass, then let the screen's next tick show it."""
    clock.advance(seconds)
    interview(pilot.app).tick()
    await pilot.pause()


async def type_answer(pilot: Pilot[int], text: str) -> None:
    """Type the first word key by key, then paste the rest (as a terminal delivers a paste)."""
    first, _, rest = text.partition(" ")
    await pilot.press(*first)
    if rest:
        pilot.app.post_message(events.Paste(" " + rest))  # as the terminal driver does
    await pilot.pause()


async def answer(pilot: Pilot[int], clock: FakeClock, text: str, seconds: float) -> None:
    """Type an answer that takes ``seconds`` and submit it (from thinking or answering)."""
    screen = interview(pilot.app)
    assert screen.session.phase in (Phase.THINKING, Phase.ANSWERING)
    await type_answer(pilot, text)
    assert screen.session.phase is Phase.ANSWERING
    await move_clock(pilot, clock, seconds)
    await press(pilot, "ctrl+s")


@contextmanager
def another_hotseat_saving() -> Iterator[sqlite3.Connection]:
    """The history's write lock held by another connection until the block ends
    (or until the test lets it go with ROLLBACK)."""
    conn = sqlite3.connect(paths.database_file(), isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
