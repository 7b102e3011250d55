"""History: past sessions by date; resume, close or delete one, or open it.

The screen reads through a :class:`hotseat.store.Store` given by the app
(``None`` when the history cannot be opened: the screen then says why). An
opened session is shown by ``past_session.SessionScreen``; resuming one is the
app's (a ``ResumeSession`` message).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from hotseat.store import SessionInfo, Store, StoreError
from hotseat.store.report_parts import when
from hotseat.tui.key_names import key_name
from hotseat.tui.screens.dialogs import ConfirmScreen
from hotseat.tui.screens.past_session import (
    Play,
    SessionScreen,
    Stop,
    default_play,
    default_stop,
    score_cell,
)
from hotseat.wording import count


@dataclass
class ResumeSession(Message):
    """The user chose to continue an interrupted session (the app resumes it)."""

    session_id: int


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=True, id="history.open"),
        Binding("r", "resume", "Resume", id="history.resume"),
        Binding("c", "close_session", "Close session", id="history.close_session"),
        Binding("d", "delete", "Delete", id="history.delete"),
        Binding("escape", "back", "Back", id="history.back"),
    ]

    def __init__(
        self,
        store: Store | None,
        *,
        problem: str = "",
        play: Play | None = None,
        stop: Stop | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.problem = problem
        self.play = play or default_play
        self.stop = stop or default_stop
        self.sessions: list[SessionInfo] = []

    def compose(self) -> ComposeResult:
        yield Static("History", id="history-title")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static("", id="history-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.add_columns("Date", "Mode", "Answers", "Score", "Status")
        self.reload()
        table.focus()

    def reload(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear()
        self.sessions = []
        if self.store is None:
            self._status(self.problem or "The history cannot be opened.", error=True)
            return
        try:
            every = self.store.list_sessions()
        except StoreError as exc:
            self._status(str(exc), error=True)
            return
        self.sessions = [s for s in every if not s.empty]
        empty = len(every) - len(self.sessions)
        not_listed = f" ({count(empty, 'session')} ended before any answer not listed)"
        for info in self.sessions:
            table.add_row(
                when(info.started_at),
                info.mode or "practice",
                "{}/{}".format(*info.progress),  # answered/planned
                score_cell(info.average_score),
                info.status,
                key=str(info.id),
            )
        if not self.sessions:
            self._status("No sessions yet: every answer you give is kept here.")
        else:
            waiting = sum(1 for s in self.sessions if s.resumable)
            resume, close = (
                key_name(self.app, f"history.{a}") for a in ("resume", "close_session")
            )
            extra = f"; {waiting} unfinished ({resume}: resume, {close}: close)" if waiting else ""
            extra += not_listed if empty else ""
            opening = key_name(self.app, "history.open").capitalize()
            self._status(f"{count(len(self.sessions), 'session')}{extra}. {opening}: open.")

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#history-status", Static)
        status.update(Content(text))
        status.set_class(error, "error")

    def _selected(self) -> SessionInfo | None:
        table = self.query_one("#sessions", DataTable)
        if not self.sessions or table.cursor_row < 0 or table.cursor_row >= len(self.sessions):
            return None
        return self.sessions[table.cursor_row]

    @on(DataTable.RowSelected, "#sessions")
    def _row_selected(self) -> None:
        self.action_open()

    @on(DataTable.RowHighlighted, "#sessions")
    def _row_highlighted(self) -> None:
        self.refresh_bindings()  # resume and close: offered for unfinished sessions only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("resume", "close_session"):
            info = self._selected() if self.is_mounted else None
            return info is not None and info.resumable
        return True

    def action_open(self) -> None:
        info = self._selected()
        if info is None or self.store is None:
            return
        try:
            record = self.store.load_session(info.id)
        except StoreError as exc:
            self._status(str(exc), error=True)
            return
        self.app.push_screen(SessionScreen(record, play=self.play, stop=self.stop))

    def action_resume(self) -> None:
        info = self._selected()
        if info is None:
            return
        if not info.resumable:
            self._status(f"Session {info.id} is {info.status}; only unfinished ones resume.")
            return
        self.post_message(ResumeSession(info.id))

    def action_close_session(self) -> None:
        info = self._selected()
        if info is None or self.store is None or not info.resumable:
            return
        try:
            self.store.close_session(info.id)
        except StoreError as exc:
            self._status(str(exc), error=True)
            return
        self.reload()

    def action_delete(self) -> None:
        info = self._selected()
        if info is None or self.store is None:
            return
        question = (
            f"Delete the session of {when(info.started_at)} ({count(info.answered, 'answer')}) "
            "and its recordings? This cannot be undone."
        )

        def answered(yes: bool | None) -> None:
            if yes and self.store is not None:
                try:
                    self.store.delete_session(info.id)
                except StoreError as exc:
                    self._status(str(exc), error=True)
                    return
                self.reload()

        self.app.push_screen(ConfirmScreen(question, yes="Delete", no="Keep"), answered)

    def action_back(self) -> None:
        self.dismiss(None)
