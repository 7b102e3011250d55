"""A [keys] table in settings.toml remaps the app's key bindings by id."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

from hotseat import paths
from hotseat.cli import main
from hotseat.settings import load_settings
from hotseat.tui.app import HotseatApp
from hotseat.tui.keymap import _SCREENS, binding_ids
from hotseat.tui.screens.history import HistoryScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.keys_help import KeysScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import press, start


def _settings(text: str) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(text, encoding="utf-8")


async def test_remapped_keys_work_and_the_old_keys_do_not(app_factory: AppFactory) -> None:
    _settings('muted = true\n\n[keys]\nhome.history = "f9"\ninterview.pause = "f6"\n')
    app = app_factory(mode="focus", pack="test-software", count=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2")  # the default key of home.history, now free
        assert isinstance(pilot.app.screen, HomeScreen)
        await press(pilot, "f9")
        assert isinstance(pilot.app.screen, HistoryScreen)
        await press(pilot, "escape")
        screen = await start(pilot)
        await press(pilot, "ctrl+g")  # the default pause key does nothing now
        assert not screen.session.paused
        await press(pilot, "f6")
        assert screen.session.paused


async def test_a_bad_keys_entry_is_named_and_the_rest_applies(app_factory: AppFactory) -> None:
    _settings('[keys]\nhome.histroy = "f9"\nhome.progress = 3\nhome.start = "f5"\n')
    settings = load_settings()
    assert settings.keys == {"home.histroy": "f9", "home.start": "f5"}
    assert f"{paths.settings_file()}:3: [keys] home.progress: must be keys" in settings.problems[0]
    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = str(pilot.app.screen.query_one("#home-notices").render())  # as the user sees it
        assert f"{paths.settings_file()}:2: [keys] home.histroy: no key binding" in shown
        await press(pilot, "f5")
        assert isinstance(pilot.app.screen, InterviewScreen)


def test_saving_a_setting_keeps_the_keys_table() -> None:
    _settings('[keys]\ninterview.pause = "f6"  # mine\n')
    settings = load_settings()
    settings.muted = True
    settings.save()
    text = paths.settings_file().read_text(encoding="utf-8")
    assert 'interview.pause = "f6"  # mine' in text
    again = load_settings()
    assert again.muted is True and again.keys == {"interview.pause": "f6"}


def test_every_binding_has_an_id_the_readme_lists() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    owners: tuple[type[DOMNode], ...] = (*_SCREENS, HotseatApp)
    without = [
        f"{cls.__name__}: {binding.key}"
        for screen in owners
        for cls in screen.__mro__
        if cls.__module__.startswith("hotseat.")
        for binding in vars(cls).get("BINDINGS", ())
        if not (isinstance(binding, Binding) and binding.id)
    ]
    assert not without, f"bindings a [keys] table cannot reach: {without}"
    ids = binding_ids((*_SCREENS, HotseatApp))
    assert len(ids) >= 30
    missing = [i for i in ids if f"`{i}`" not in readme]
    assert not missing, f"add these key binding ids to the README's Keys table: {missing}"


async def test_the_app_wide_keys_can_be_remapped_too(app_factory: AppFactory) -> None:
    """app.keys (f1) and app.quit (ctrl+q) are the app's own bindings, not a screen's."""
    _settings('[keys]\napp.keys = "f10"\n')
    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[keys]" not in str(pilot.app.screen.query_one("#home-notices").render())
        await press(pilot, "f10")
        assert isinstance(pilot.app.screen, KeysScreen)


async def test_ctrl_c_never_quits_and_says_which_key_does(app_factory: AppFactory) -> None:
    """ctrl+c is Textual's own hint (inherited, not a hotseat binding): reflex, not exit."""
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+c")
        assert app.is_running and isinstance(app.screen, HomeScreen)
        said = [n.message for n in app._notifications]
        assert any("ctrl+q" in m and "to quit" in m for m in said), said


def test_doctor_names_an_unknown_key_id_with_the_other_settings_problems(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _settings('silence_end_seconds = -3\n\n[keys]\nhome.bogus = "f9"\nhome.start = "f5"\n')
    assert main(["doctor"]) == 0
    settings = [line for line in capsys.readouterr().out.splitlines() if "] settings" in line]
    assert len(settings) == 2, settings
    assert "silence_end_seconds" in settings[0]
    assert "home.bogus: no key binding has this id" in settings[1]  # not 'home.start'
