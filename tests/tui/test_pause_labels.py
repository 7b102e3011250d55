"""What the footer and the timer say about pausing: "Resume" while paused; behind a
dialog the clock waits (a drill's too) without offering a pause the drill refuses,
and the dialog's footer lists its own keys (y, n), not the interview's."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen

from hotseat.session import FakeClock
from hotseat.tui.screens.dialogs import ConfirmScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import interview_started, press, type_answer


def footer_keys(screen: Screen[Any]) -> dict[str, str]:
    """What the footer of ``screen`` shows: key -> label."""
    return {
        key: active.binding.description
        for key, active in screen.active_bindings.items()
        if active.binding.show and active.enabled
    }


def caption(app: App[Any]) -> str:
    return str(app.screen_stack[1].query_one("#timer-caption").render())


async def test_the_footer_says_resume_while_paused(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=3)
    async with interview_started(app) as (pilot, screen):
        assert footer_keys(screen)["ctrl+g"] == "Pause"
        await press(pilot, "ctrl+g")
        assert screen.session.paused
        assert footer_keys(screen)["ctrl+g"] == "Resume"
        assert "paused (ctrl+g to resume)" in caption(pilot.app)
        await press(pilot, "ctrl+g")
        assert not screen.session.paused and footer_keys(screen)["ctrl+g"] == "Pause"


async def test_typing_while_paused_is_not_lost_silently(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app = app_factory(mode="focus", pack="test-software", count=3)
    async with interview_started(app) as (pilot, screen):
        await type_answer(pilot, "I moved the depot")
        await press(pilot, "ctrl+g")
        await press(pilot, *"for", "space", *"couriers")
        assert screen.answer_area.typed_text == "I moved the depot"  # paused: not typed ...
        told = [n.message for n in pilot.app._notifications if "Paused" in n.message]
        assert told == [
            "Paused: what you type now is not added. Press ctrl+g to resume, then type."
        ]
        await press(pilot, "ctrl+g", "space", *"for")
        assert screen.answer_area.typed_text == "I moved the depot for"


async def test_a_drill_behind_the_end_dialog_offers_no_pause_and_the_dialog_its_keys(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(mode="pressure-ladder", count=4)) as (pilot, screen):
        await type_answer(pilot, "I")
        await press(pilot, "ctrl+l")
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen)
        shown = footer_keys(dialog)
        assert shown["y"] == "Yes" and shown["n"] == "No"
        assert "ctrl+g" not in shown and "ctrl+s" not in shown
        assert dialog.query("Footer")  # the dialog's own footer is on screen
        assert screen.session.paused  # the clock waits ...
        assert "ctrl+g to resume" not in caption(pilot.app)  # ... but nothing to resume
        assert "waits while you decide" in caption(pilot.app)
        assert "ctrl+g" not in footer_keys(screen)  # neither Pause nor Resume behind it
        await press(pilot, "n")
        assert not screen.session.paused
        assert "waits" not in caption(pilot.app)
