"""F1: the keys of the screen you are on, in a small dialog (f1 or escape closes it).

Built from the screen's own bindings as they stand (only what can be pressed now,
so it always agrees with the footer and with a ``[keys]`` table), plus the app's
keys; the footer may be too narrow to show them all at 80 columns.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from hotseat.tui.key_names import key_name

_NAMES = {"escape": "esc", "enter": "enter", "space": "space"}
_WHERE = {
    "HomeScreen": "home",
    "InterviewScreen": "the interview",
    "SummaryScreen": "the summary",
    "HistoryScreen": "history",
    "SessionScreen": "a past session",
    "ProgressScreen": "progress",
}


def where(screen: Screen[Any]) -> str:
    return _WHERE.get(type(screen).__name__, "this screen")


def _key_name(key: str) -> str:
    return _NAMES.get(key, key)


def keys_of(screen: Screen[Any], app: App[Any]) -> list[tuple[str, str]]:
    """(keys, what they do) for every key that works on ``screen`` now, screen first.

    Keys of the focused field (moving the cursor in a text box) are left out: they
    are the terminal's usual ones. Keys for one action are listed together.
    """
    rows: dict[tuple[str, str], list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        # hotseat's own bindings all have ids (the README's [keys] table lists them).
        if active.node not in (screen, app) or not active.enabled or not binding.id:
            continue
        # Kept out of the footer for room (repeat, mute) is listed here; a refused
        # action (a drill's pause) is not: there is nothing to do with it.
        if not binding.show and binding.action.endswith("_refused"):
            continue
        keys = rows.setdefault((binding.action, binding.description), [])
        if _key_name(key) not in keys:
            keys.append(_key_name(key))
    found = [(", ".join(keys), what) for (_, what), keys in rows.items()]
    if len(screen.focus_chain) > 1:
        found.append(("tab, shift+tab", "Next / previous field"))
    found.append(("ctrl+p", "Command palette: every command"))
    return found


class KeysScreen(ModalScreen[None]):
    """The keys of the screen beneath (``keys_of``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="keys.close"),
    ]

    def __init__(self, rows: list[tuple[str, str]], where: str) -> None:
        super().__init__()
        self.rows = rows
        self.where = where

    def compose(self) -> ComposeResult:
        width = max((len(keys) for keys, _ in self.rows), default=0)
        lines = [Content.from_markup("[b]$k[/b]  $w", k=k.ljust(width), w=w) for k, w in self.rows]
        with VerticalScroll(id="keys-box", classes="dialog") as box:
            box.border_title = f"Keys: {self.where}"
            keys = (key_name(self.app, i) for i in ("app.keys", "keys.close"))
            box.border_subtitle = f"{' or '.join(keys)}: close"
            yield Static(Content("\n").join(lines), id="keys-body")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#keys-box").focus()

    def action_close(self) -> None:
        self.dismiss(None)
