"""The key in force for a binding, for messages that name one ("History (f9)").

A ``[keys]`` entry in settings.toml rebinds a key (``home.history = "f9"``): the
footer follows by itself, and every sentence that tells the user which key to
press asks here (``key_name(app, "home.history")``) so it names the same key. The
app holds a :class:`KeyNames` built from its bindings and the user's table; a
widget shown in another app (a test's) gets the default key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import App
from textual.binding import Binding

_SHORT = {"escape": "esc", "question_mark": "?"}


def _first(keys: str) -> str:
    first = keys.split(",")[0].strip()
    return _SHORT.get(first, first)


class KeyNames:
    """Binding id -> the key the user presses for it now (the first of several)."""

    def __init__(self, bindings: Mapping[str, Binding], user: Mapping[str, str]) -> None:
        self._keys = {i: _first(b.key) for i, b in bindings.items()}
        self._keys.update({i: _first(k) for i, k in user.items() if i in self._keys})

    def __call__(self, binding_id: str) -> str:
        return self._keys[binding_id]


def key_name(app: App[Any], binding_id: str) -> str:
    """The key in force for ``binding_id`` in ``app`` (``KeyError`` for an unknown id)."""
    names = getattr(app, "key_names", None)
    if not isinstance(names, KeyNames):
        from hotseat.tui.keymap import app_binding_ids  # the screens import this module

        names = KeyNames(app_binding_ids(type(app)), {})
    return names(binding_id)
