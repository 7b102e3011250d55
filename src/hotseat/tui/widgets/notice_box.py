"""The home screen's notices (broken files, settings, no voice or microphone), every one
whole: they scroll in the room the form leaves, and a hint says so when they overflow.

At 80x24 the form and the mode's description leave four or five rows; three notices
of two lines each do not fit. Each notice is shown in full (never cut mid-sentence);
when they do not all fit, the row under them says so and how to read them (tab to
the box, then ↑↓ or PgUp/PgDn), and the box scrolls.
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static


class NoticeBox(Widget):
    """Notices, one per paragraph, in a scrolling box with a hint when some are hidden."""

    DEFAULT_CSS = """
    NoticeBox {
        height: 1fr;
        min-height: 3;
        margin-top: 1;
    }
    NoticeBox > VerticalScroll {
        height: auto;
        max-height: 100%;
        background: $warning-muted;
        scrollbar-size-vertical: 1;
    }
    NoticeBox > VerticalScroll:focus {
        background-tint: $foreground 8%;
    }
    NoticeBox Static#home-notices {
        color: $text-warning;
        padding: 0 1;
    }
    NoticeBox #home-notices-hint {
        dock: bottom;
        height: 1;
        color: $text-muted;
        display: none;
    }
    NoticeBox.-overflow #home-notices-hint {
        display: block;
    }
    """

    def __init__(self, notices: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.notices = notices

    def compose(self) -> ComposeResult:
        scroll = VerticalScroll(id="home-notices-scroll", can_focus=True)
        with scroll:
            yield Static(self._text(), id="home-notices")
        yield Static("", id="home-notices-hint")

    def on_mount(self) -> None:
        self.display = bool(self.notices)
        self.call_after_refresh(self._check_overflow)

    def on_resize(self) -> None:
        self.call_after_refresh(self._check_overflow)

    def add(self, text: str) -> None:
        if text in self.notices:
            return
        self.notices.append(text)
        self.display = True
        self._show()

    def _show(self) -> None:
        """Every notice in the text (not composed yet: compose shows every notice)."""
        shown = self.query("#home-notices")
        if shown:
            shown.first(Static).update(self._text())
            self.call_after_refresh(self._check_overflow)
        elif self.children:  # composed, its text not mounted yet: once it is
            self.call_after_refresh(self._show)

    def _text(self) -> str:
        return "\n".join(f"! {escape(n)}" for n in self.notices)  # paths: text, not markup

    def _check_overflow(self) -> None:
        scroll = self.query_one(VerticalScroll)
        if scroll.max_scroll_y > 0:
            hint = f"  {len(self.notices)} notices, more than fit: tab to them, then ↑↓ to read all"
            self.query_one("#home-notices-hint", Static).update(hint)
        self.set_class(scroll.max_scroll_y > 0, "-overflow")
