"""History: past sessions by date; resume, close or delete one, or open it.

The screen never touches the database itself: it asks through the
``store.reads.AskHistory`` the app gives it (each job on the history's own
thread), shows that it is reading or changing the history until the answer
comes, and stays answering keys meanwhile (Esc, quit), however long a locked
database keeps it waiting. What went wrong (the history cannot be opened, it
stayed busy) is said in the status line. An opened session is shown by
``past_session.SessionScreen``; resuming one is the app's (a ``ResumeSession``
message; the app says how it went with :meth:`HistoryScreen.resume_failed`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from hotseat.store import SessionInfo, SessionRecord, Store, StoreError
from hotseat.store.reads import AskHistory, Read
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
        ask: AskHistory,
        *,
        play: Play | None = None,
        stop: Stop | None = None,
    ) -> None:
        super().__init__()
        self.ask = ask
        self.play = play or default_play
        self.stop = stop or default_stop
        self.sessions: list[SessionInfo] = []
        self.busy = ""  # what is being done with the history ('' when nothing)
        self._asked = 0  # lists asked for: only the latest one is shown

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
        """Read the sessions again; the list says it is loading until they come."""
        self._change("Reading the history…")

    def _change(self, doing: str, change: Callable[[Store], object] | None = None) -> None:
        """``change`` the history (if any), then list its sessions, away from the UI
        thread; ``doing`` is said, over an emptied list, until they come."""
        tables = self.query("#sessions").results(DataTable)
        table = next(tables, None)
        if table is None:
            return  # the app is closing
        self.busy = doing
        table.clear()
        table.loading = True
        self.sessions = []
        self._status(f"{doing} ({key_name(self.app, 'history.back')}: back)")
        self.refresh_bindings()

        def job(store: Store) -> tuple[str, list[SessionInfo]]:
            why = ""
            if change is not None:
                try:
                    change(store)
                except StoreError as exc:  # said; the sessions are listed all the same
                    why = str(exc)
            return why, store.list_sessions()

        self._asked += 1
        asked = self._asked
        self.ask(job, lambda read: self._listed(read, asked))

    def _listed(self, read: Read[tuple[str, list[SessionInfo]]], asked: int) -> None:
        if not self.is_attached or asked != self._asked:
            return  # the user went back meanwhile, or the list was asked for again
        self.busy = ""
        table = self.query_one("#sessions", DataTable)
        table.loading = False
        table.clear()
        self.refresh_bindings()
        if read.value is None:
            self._status(read.problem, error=True)
            return
        why, every = read.value
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
        if why:
            self._status(why, error=True)

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#history-status", Static)
        status.update(Content(text))
        status.set_class(error, "error")

    def _selected(self) -> SessionInfo | None:
        table = self.query_one("#sessions", DataTable)
        if self.busy or not self.sessions:
            return None
        if table.cursor_row < 0 or table.cursor_row >= len(self.sessions):
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
        if info is None:
            return
        self.busy = f"Opening the session of {when(info.started_at)}…"
        self._status(self.busy)
        self.refresh_bindings()
        self.ask(lambda store: store.load_session(info.id), self._opened)

    def _opened(self, read: Read[SessionRecord]) -> None:
        if not self.is_attached:
            return
        self.busy = ""
        self.refresh_bindings()
        if read.value is None:
            self._status(read.problem, error=True)
        elif self.app.screen is self:  # not if the user has gone on meanwhile
            self._status("")
            self.app.push_screen(SessionScreen(read.value, play=self.play, stop=self.stop))

    def action_resume(self) -> None:
        info = self._selected()
        if info is None:
            return
        if not info.resumable:
            self._status(f"Session {info.id} is {info.status}; only unfinished ones resume.")
            return
        self.busy = f"Resuming the session of {when(info.started_at)}…"
        back = key_name(self.app, "history.back")
        self._status(f"{self.busy} ({back}: back, it stays unfinished)")
        self.refresh_bindings()
        self.post_message(ResumeSession(info.id))

    def resume_failed(self, why: str) -> None:
        """The app could not resume the session asked for: ``why``, in words."""
        self.busy = ""
        self.refresh_bindings()
        self._status(f"Cannot resume: {why}", error=True)

    def action_close_session(self) -> None:
        info = self._selected()
        if info is None or not info.resumable:
            return

        self._change("Closing the session…", lambda store: store.close_session(info.id))

    def action_delete(self) -> None:
        info = self._selected()
        if info is None:
            return
        question = (
            f"Delete the session of {when(info.started_at)} ({count(info.answered, 'answer')}) "
            "and its recordings? This cannot be undone."
        )

        def answered(yes: bool | None) -> None:
            if yes and not self.busy:
                self._change("Deleting the session…", lambda store: store.delete_session(info.id))

        self.app.push_screen(ConfirmScreen(question, yes="Delete", no="Keep"), answered)

    def action_back(self) -> None:
        self.dismiss(None)
