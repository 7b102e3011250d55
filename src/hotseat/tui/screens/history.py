"""History: past sessions by date; open one to read each answer and replay it.

Both screens read through a :class:`hotseat.store.Store` given by the app
(``None`` when the history cannot be opened: the screen then says why).
Replaying calls injected functions (by default :mod:`hotseat.store.replay`)
in a worker thread, so a slow sound device never freezes the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from hotseat.session.caveats import said_text
from hotseat.store import AnswerRecord, SessionInfo, SessionRecord, Store, StoreError
from hotseat.store.report_parts import answer_facts, when
from hotseat.tui.screens.dialogs import ConfirmScreen, explanation_lines
from hotseat.tui.widgets.feedback_panel import caveat_block, feedback_lines
from hotseat.wording import count

Play = Callable[[Path], object]
Stop = Callable[[], None]


@dataclass
class ResumeSession(Message):
    """The user chose to continue an interrupted session (the app resumes it)."""

    session_id: int


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _default_play(path: Path) -> object:
    from hotseat.store.replay import play

    return play(path)


def _default_stop() -> None:
    from hotseat.store.replay import stop

    stop()


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
        self.play = play or _default_play
        self.stop = stop or _default_stop
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
                _score(info.average_score),
                info.status,
                key=str(info.id),
            )
        if not self.sessions:
            self._status("No sessions yet: every answer you give is kept here.")
        else:
            waiting = sum(1 for s in self.sessions if s.resumable)
            extra = f"; {waiting} unfinished (r: resume, c: close)" if waiting else ""
            extra += not_listed if empty else ""
            self._status(f"{count(len(self.sessions), 'session')}{extra}. Enter: open.")

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


def answer_lines(answer: AnswerRecord) -> list[Content]:
    """One answer in full: question, facts, what was said, and its feedback."""
    lines = [Content.from_markup("[b]$q[/b]", q=answer.question_text)]
    lines += [Content.from_markup("[dim]$k:[/] $v", k=k, v=v) for k, v in answer_facts(answer)]
    if answer.audio_path:
        lines.append(Content.from_markup("[dim]Recording:[/] p to play, s to stop"))
    if answer.skipped:
        return lines
    lines += [Content(""), Content.from_markup("[b]What you said[/b]")]
    notes = answer.transcript.notes
    lines.append(Content(said_text(answer.transcript.text, notes)))
    if answer.feedback is not None:
        lines.append(Content(""))
        lines += feedback_lines(answer.feedback, notes)
        lines.append(Content(""))
        lines += explanation_lines(answer.feedback)
    else:
        lines += [line for _, line in caveat_block(notes)]
    return lines


class SessionScreen(Screen[None]):
    """One session: its answers in a list, the chosen one in full below."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "play", "Play recording", id="session.play"),
        Binding("s", "stop", "Stop", id="session.stop"),
        Binding("escape", "back", "Back", id="session.back"),
    ]

    def __init__(self, record: SessionRecord, *, play: Play, stop: Stop) -> None:
        super().__init__()
        self.record = record
        self.play = play
        self.stop = stop

    def compose(self) -> ComposeResult:
        info = self.record.info
        title = f"Session of {when(info.started_at)}: {info.mode or 'practice'}"
        if info.average_score is not None:
            title += f", average {info.average_score:.0f}/100"
        yield Static(Content(title), id="session-title")
        yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="answer-detail", can_focus=True):
            yield Static("", id="answer-body")
        yield Static("", id="session-status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#answers", DataTable)
        table.add_columns("#", "Question", "Score")
        for number, answer in enumerate(self.record.answers, 1):
            score = "skipped" if answer.skipped else _score(answer.score)
            question = answer.question_text
            if len(question) > 58:
                question = question[:57].rstrip() + "…"
            table.add_row(str(number), question, score, key=str(answer.position))
        if not self.record.answers:
            self.query_one("#answer-body", Static).update("No answers were saved in this session.")
        table.focus()
        self._show(0)

    @property
    def current(self) -> AnswerRecord | None:
        table = self.query_one("#answers", DataTable)
        row = table.cursor_row
        answers = self.record.answers
        return answers[row] if 0 <= row < len(answers) else None

    @on(DataTable.RowHighlighted, "#answers")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show(event.cursor_row)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.record.answers):
            return
        body = Content("\n").join(answer_lines(self.record.answers[row]))
        self.query_one("#answer-body", Static).update(body)
        self.query_one("#answer-detail", VerticalScroll).scroll_home(animate=False)

    def action_play(self) -> None:
        answer = self.current
        if answer is None or answer.audio_path is None:
            self._say("This answer has no recording (recordings off, or typed).")
            return
        self._say(f"Playing {answer.audio_path.name}… (s to stop)")
        self._play(answer.audio_path)

    @work(thread=True, exclusive=True, group="replay")
    def _play(self, path: Path) -> None:
        try:
            self.play(path)
        except Exception as exc:  # ReplayError and any device failure: say it, don't crash
            self.app.call_from_thread(self._say, str(exc))

    def action_stop(self) -> None:
        self.stop()
        self._say("Stopped.")

    def _say(self, text: str) -> None:
        self.query_one("#session-status", Static).update(Content(text))

    def action_back(self) -> None:
        self.stop()
        self.dismiss(None)
