"""One past session, opened from History: its answers in a list, the chosen one in
full below (question, facts, what was said, feedback), and its recording replayed.

Replaying calls injected functions (by default :mod:`hotseat.store.replay`) in a
worker thread, so a slow sound device never freezes the screen; a failure comes
back as a ``ReplayFailed`` message and is said in the status line.
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
from hotseat.store import AnswerRecord, SessionRecord
from hotseat.store.records import PROVISIONAL
from hotseat.store.report_parts import answer_facts, when
from hotseat.tui.key_names import key_name
from hotseat.tui.screens.dialogs import explanation_lines
from hotseat.tui.widgets.feedback_panel import caveat_block, feedback_lines

Play = Callable[[Path], object]
Stop = Callable[[], None]


@dataclass
class ReplayFailed(Message):
    """The replay worker could not play a recording: ``why``, in words."""

    why: str


def score_cell(value: float | None) -> str:
    """A score as a table shows it: "-" when there is none."""
    return "-" if value is None else f"{value:.0f}"


def default_play(path: Path) -> object:
    from hotseat.store.replay import play

    return play(path)


def default_stop() -> None:
    from hotseat.store.replay import stop

    stop()


def has_recording(answer: AnswerRecord | None) -> bool:
    """A recording to play: kept with the answer and still on disk (typed answers and
    sessions with recordings off have none)."""
    return answer is not None and answer.audio_path is not None and answer.audio_path.is_file()


def answer_lines(answer: AnswerRecord, keys: tuple[str, str] = ("p", "s")) -> list[Content]:
    """One answer in full: question, facts, what was said, and its feedback
    (``keys``: the play and stop keys in force)."""
    lines = [Content.from_markup("[b]$q[/b]", q=answer.question_text)]
    lines += [Content.from_markup("[dim]$k:[/] $v", k=k, v=v) for k, v in answer_facts(answer)]
    if has_recording(answer):
        play, stop = keys
        lines.append(
            Content.from_markup("[dim]Recording:[/] $p to play, $s to stop", p=play, s=stop)
        )
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
        self._played = False  # a replay was started here (stop stays offered)

    def compose(self) -> ComposeResult:
        info = self.record.info
        title = f"Session of {when(info.started_at)}: {info.mode or 'practice'}"
        if info.average_score is not None:
            title += f", average {info.average_score:.0f}/100"
        if any(answer.provisional for answer in self.record.answers):
            title += f"\n* {PROVISIONAL}"
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
            score = "skipped" if answer.skipped else score_cell(answer.score)
            score += "*" if answer.provisional else ""
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
        keys = (key_name(self.app, "session.play"), key_name(self.app, "session.stop"))
        body = Content("\n").join(answer_lines(self.record.answers[row], keys))
        self.query_one("#answer-body", Static).update(body)
        self.refresh_bindings()  # play: offered for an answer with a recording
        self.query_one("#answer-detail", VerticalScroll).scroll_home(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "play":
            return has_recording(self.current)
        if action == "stop":  # and while a replay started here may still be going on
            return has_recording(self.current) or self._played
        return True

    def action_play(self) -> None:
        answer = self.current
        if answer is None or answer.audio_path is None or not has_recording(answer):
            self._say("This answer has no recording (recordings off, or typed).")
            return
        stop = key_name(self.app, "session.stop")
        self._played = True
        self.refresh_bindings()
        self._say(f"Playing {answer.audio_path.name}… ({stop} to stop)")
        self._play(answer.audio_path)

    @work(thread=True, exclusive=True, group="replay")
    def _play(self, path: Path) -> None:
        try:
            self.play(path)
        except Exception as exc:  # ReplayError and any device failure: said here, not a toast
            self.post_message(ReplayFailed(str(exc)))

    @on(ReplayFailed)
    def _replay_failed(self, event: ReplayFailed) -> None:
        self._say(event.why)

    def action_stop(self) -> None:
        self.stop()
        self._say("Stopped.")

    def _say(self, text: str) -> None:
        self.query_one("#session-status", Static).update(Content(text))

    def action_back(self) -> None:
        self.stop()
        self.dismiss(None)
