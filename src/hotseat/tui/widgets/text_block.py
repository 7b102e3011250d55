"""A scrolling block of styled lines whose wrapped text keeps its indent.

Each line is ``(kind, content)``; the kind names a CSS class (``heading``,
``item``, ``quote``, ``tip``, ``gap`` ...) that sets its indent, so a long
finding wraps under itself instead of back to the left edge.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

Line = tuple[str, Content]
INDENTS = {"item": 2, "sub": 6, "quote": 6, "tip": 6}  # as in the CSS below


class TextBlock(VerticalScroll, can_focus=True):
    DEFAULT_CSS = """
    TextBlock > Static { width: 1fr; }
    TextBlock > .item { padding-left: 2; }
    TextBlock > .sub { padding-left: 6; }
    TextBlock > .quote { padding-left: 6; text-style: italic; }
    TextBlock > .tip { padding-left: 6; }
    TextBlock > .heading { text-style: bold; }
    TextBlock > .gap { height: 1; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = ""  # what the block says, as plain text (for tests and copying)

    def set_lines(self, lines: Iterable[Line]) -> None:
        lines = list(lines)
        self.text = "\n".join(content.plain for _, content in lines)
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(Static(content, classes=kind) for kind, content in lines)
        self.scroll_home(animate=False)
