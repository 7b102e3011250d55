"""The interview's top line: the session's title, then the state of the voice and microphone.

A narrow terminal shortens the title, never the state (" · voice muted ·
typed answers"): what the user must know about being heard comes first.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from hotseat.tui.voice_mic import VoiceMic


def topbar_line(title: str, status: str, width: int) -> str:
    """``title`` then ``status``, the title cut with an ellipsis to fit ``width``."""
    room = max(1, width - 2 - len(status))
    if len(title) > room:
        title = title[: room - 1].rstrip() + "…"
    return title + status


class TopBar(Static):
    """Shows ``heading`` and ``status`` (attributes down); refits itself when resized."""

    def __init__(self, heading: str, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.heading = heading
        self.status = ""

    def show(self, voice_mic: VoiceMic, *, typed: bool, waiting_for: str = "") -> None:
        """The voice's state and how this answer comes in (``typed``), or what is
        still being got ready (``waiting_for``, when the session waits for it)."""
        mic = "typed answers" if typed else f"microphone ({voice_mic.listener_name})"
        self.status = f" · {voice_mic.voice_state} · {mic}"
        if waiting_for:
            self.status = f" · getting {waiting_for} ready"
        self._refit()

    def on_resize(self) -> None:
        self._refit()

    def _refit(self) -> None:
        width = self.screen.size.width  # the terminal's: this line is as wide as it
        self.update(Content(topbar_line(self.heading, self.status, width)))
