"""Messages that name a key name the one in force: after a ``[keys]`` table rebinds
History to f9, nothing still says "History (F2)" (F10); a wrong id is named with its
file and line, as every other settings problem is."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.widgets import Button

from hotseat import paths
from hotseat.cli import main
from hotseat.session import FakeClock, Phase
from hotseat.settings import load_settings
from hotseat.tui.screens.dialogs import ConfirmScreen
from hotseat.tui.screens.history import HistoryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import interview, move_clock, press, type_answer

KEYS = """\
muted = true

[keys]
home.history = "f9"
home.start = "f5"
interview.answer = "f6"
interview.pause = "f8"
interview.next = "f11"
interview.explain = "x"
history.resume = "u"
history.close_session = "k"
"""


def _settings(text: str) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(text, encoding="utf-8")


def _text(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector).render())


async def test_messages_name_the_rebound_keys(app_factory: AppFactory, clock: FakeClock) -> None:
    _settings(KEYS)
    async with app_factory(mode="focus", pack="test-software", count=2).run_test(
        size=(80, 24)
    ) as pilot:
        await pilot.pause()
        assert str(pilot.app.screen.query_one("#start", Button).label) == "Start (f5)"
        await press(pilot, "f5")
        screen = interview(pilot.app)
        await move_clock(pilot, clock, 1)  # asked: thinking time
        assert screen.session.phase is Phase.THINKING
        assert "press f6 to answer now" in _text(pilot.app, "#timer-detail")
        await press(pilot, "f8")
        assert "paused (f8 to resume)" in _text(pilot.app, "#timer-caption")
        await press(pilot, "f8")
        await type_answer(pilot, "I named the risk first and then agreed the order.")
        assert "then press f6" in str(screen.answer_area.border_title)
        await move_clock(pilot, clock, 10)
        await press(pilot, "f6")
        assert screen.session.phase is Phase.REVIEWING
        subtitle = str(screen.feedback_panel.border_subtitle)
        assert subtitle.startswith("f11: next · x: how it was scored"), subtitle
        await press(pilot, "f11")
        await move_clock(pilot, clock, 1)
        await type_answer(pilot, "Half of my second answer")
        await press(pilot, "ctrl+q")
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert "History (f9)" in dialog.question and "f2" not in dialog.question.lower()
        await press(pilot, "n")
        pilot.app.exit()  # the terminal went away: the draft is kept
        await pilot.pause()

    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)  # the history opens on its own thread
        notices = _text(pilot.app, "#home-notices")
        assert "resumed or closed in History (f9)" in notices
        assert "resume its session in History (f9)" in notices
        assert "F2" not in notices and "f2" not in notices
        await press(pilot, "f9")
        assert isinstance(pilot.app.screen, HistoryScreen)
        assert "(u: resume, k: close)" in _text(pilot.app, "#history-status")


def test_a_wrong_key_id_is_named_with_file_and_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _settings('muted = true\n\n[keys]\nhome.start = "f5"\nhome.histroy = "f8"\n')
    settings = load_settings()
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    where = f"{paths.settings_file()}:5: [keys] home.histroy: no key binding has this id"
    assert where in out
    assert "did you mean 'home.history'?" in out
    assert settings.keys["home.histroy"] == "f8"


def test_a_wrong_key_id_in_a_keys_subtable_is_found_on_its_line() -> None:
    from hotseat.settings import unknown_keys_problems
    from hotseat.tui.app import HotseatApp
    from hotseat.tui.keymap import app_binding_ids

    _settings('[keys.home]\nstart = "f5"\n\n# mine\nhistroy = "f8"\n')
    (problem,) = unknown_keys_problems(load_settings(), app_binding_ids(HotseatApp))
    assert problem.startswith(f"{paths.settings_file()}:5: [keys] home.histroy:")


async def test_a_notice_over_the_home_screen_is_listed_not_toasted(
    app_factory: AppFactory,
) -> None:
    """At 80x24 a toast covered the form and the mode's description for its first
    seconds, repeating the notice listed below them (F13); elsewhere it is news."""
    app = app_factory(mode="focus", pack="test-software", count=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.notices.tell("The interviewer's voice is off (no speakers were found).")
        await pilot.pause()
        assert "voice is off" in _text(app, "#home-notices")
        assert not app._notifications  # nothing over the form
        await press(pilot, "ctrl+s")
        interview(app)
        app.notices.tell("The microphone cannot be opened.")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["The microphone cannot be opened."]
