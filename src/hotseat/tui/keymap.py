"""The user's ``[keys]`` table in settings.toml, applied with ``App.set_keymap``.

Every key binding of the app has an id (``interview.pause``, ``home.start``);
the README's configuration section lists them. A ``[keys]`` entry replaces the
keys of every binding with that id (``interview.pause = "f6"``); an id that
names no binding is reported, never fatal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from hotseat.settings import Settings, unknown_keys_problems
from hotseat.tui.key_names import KeyNames
from hotseat.tui.screens.dialogs import ConfirmScreen, ExplainScreen
from hotseat.tui.screens.history import HistoryScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.keys_help import KeysScreen
from hotseat.tui.screens.past_session import SessionScreen
from hotseat.tui.screens.progress import ProgressScreen
from hotseat.tui.screens.summary import SummaryScreen

_SCREENS: tuple[type[DOMNode], ...] = (
    HomeScreen,
    InterviewScreen,
    SummaryScreen,
    HistoryScreen,
    SessionScreen,
    ProgressScreen,
    ExplainScreen,
    ConfirmScreen,
    KeysScreen,
)


def binding_ids(screens: Iterable[type[DOMNode]] = _SCREENS) -> dict[str, Binding]:
    """Every binding id of the app's screens -> one of its bindings (for the defaults)."""
    found: dict[str, Binding] = {}
    for screen in screens:
        for cls in reversed(screen.__mro__):  # inherited BINDINGS too
            for binding in vars(cls).get("BINDINGS", ()):
                if isinstance(binding, Binding) and binding.id:
                    found.setdefault(binding.id, binding)
    return found


def app_binding_ids(app_class: type[DOMNode]) -> dict[str, Binding]:
    """``binding_ids`` of the screens and of the app itself (app.quit)."""
    return binding_ids((*_SCREENS, app_class))


def apply_user_keys(app: App[Any], settings: Settings) -> tuple[KeyNames, list[str]]:
    """Apply the ``[keys]`` table (binding id -> keys) of ``settings`` to ``app``: the
    keys now in force (for messages that name them), and a notice (file:line) for each
    id that names no binding."""
    known = app_binding_ids(type(app))
    wanted = {i: k for i, k in settings.keys.items() if i in known}
    app.set_keymap(wanted)
    return KeyNames(known, wanted), unknown_keys_problems(settings, known)
