"""F1 opens the keys of the screen you are on (it did nothing); f1 or esc closes them."""

from __future__ import annotations

from hotseat.session import FakeClock
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.keys_help import KeysScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import interview_started, move_clock, press, shown_time


async def test_f1_shows_the_home_keys_and_f1_closes_them(app_factory: AppFactory) -> None:
    async with app_factory(mode="focus", pack="test-software", count=3).run_test(
        size=(80, 24)
    ) as pilot:
        await pilot.pause()
        await press(pilot, "f1")
        keys = pilot.app.screen
        assert isinstance(keys, KeysScreen)
        assert keys.where == "home"
        assert {("ctrl+s", "Start"), ("f2", "History"), ("ctrl+q", "Quit")} <= set(keys.rows)
        body = str(keys.query_one("#keys-body").render())
        assert "History" in body and "Command palette" in body
        await press(pilot, "f1")
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_f1_in_an_interview_lists_what_works_now_and_holds_the_clock(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="rapid-fire", count=5)
    async with interview_started(app) as (pilot, screen):
        await move_clock(pilot, clock, 2)
        assert shown_time(app) == "0:03"
        await press(pilot, "f1")
        keys = pilot.app.screen
        assert isinstance(keys, KeysScreen)
        listed = dict((what, key) for key, what in keys.rows)
        assert listed["Answer now"] == "ctrl+s" and listed["End"] == "ctrl+l"
        assert "Pause" not in listed  # a drill has no pause: not offered here either
        assert "Next question" not in listed  # only in the review
        assert screen.session.paused  # reading the keys costs no thinking time
        clock.advance(30)
        screen.tick()
        await press(pilot, "escape")
        assert pilot.app.screen is screen and not screen.session.paused
        assert shown_time(app) == "0:03"
