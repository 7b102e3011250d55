"""The home screen: which mode, which questions, how many, with whom, for which job."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea

from hotseat.session import Mode
from hotseat.session.choices import Choice, Choices, count_choices
from hotseat.speech.persona_book import PersonaChoice
from hotseat.tui.key_names import key_name
from hotseat.tui.widgets.notice_box import NoticeBox
from hotseat.wording import count

MAX_NOTES_BYTES = 200_000
SHORT_TERMINAL = 24  # rows: below this the form gives up its top margin


def resolve_notes(text: str) -> tuple[str, str]:
    """Notes as typed, or the contents of the file they name. Returns (notes, remark)."""
    stripped = text.strip()
    if not stripped or "\n" in stripped or len(stripped) > 4096:
        return stripped, ""
    path = Path(stripped).expanduser()
    try:
        if not path.is_file():
            return stripped, ""
        data = path.read_bytes()[:MAX_NOTES_BYTES]
    except OSError as exc:
        return stripped, f"Could not read {path}: {exc.strerror or exc}; used the text as typed."
    content = data.decode("utf-8", errors="replace").strip()
    return content, f"Read {count(len(content.split()), 'word')} of notes from {path.name}."


_DOCUMENT = re.compile(r"\.(txt|md|markdown|pdf|docx?|odt|rtf|html?)$", re.IGNORECASE)


def missing_notes_file(text: str) -> Path | None:
    """The file the notes box names when it looks like a path to a file that is not
    there (a typo): the user is told rather than the path taken as the notes."""
    stripped = text.strip()
    if not stripped or "\n" in stripped or len(stripped) > 4096:
        return None
    path = Path(stripped).expanduser()
    try:
        if path.exists():
            return None
        spaced = any(c.isspace() for c in stripped)
        if stripped.startswith(("/", "~", "./", "../")):
            named = bool(_DOCUMENT.search(stripped)) or path.parent.is_dir()
        else:
            named = not spaced and bool(_DOCUMENT.search(stripped))
    except OSError:
        return None
    return path if named else None


class HomeScreen(Screen[None]):
    """Pick a practice mode and start. Posts ``StartRequested`` with the choices."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start", priority=True, id="home.start"),
        Binding("f2", "app.history", "History", id="home.history"),
        Binding("f3", "app.progress", "Progress", id="home.progress"),
        Binding("ctrl+q", "app.quit", "Quit", id="home.quit"),
    ]

    @dataclass
    class StartRequested(Message):
        choices: Choices

    def __init__(
        self,
        *,
        modes: list[Mode],
        sources: list[Choice],
        personas: list[PersonaChoice],
        initial: Choices,
        notices: list[str],
        status: str = "",
    ) -> None:
        super().__init__()
        self.modes = {m.id: m for m in modes}
        self.sources = sources
        self.personas = personas
        self.initial = initial
        self.notices = notices
        self.status = status

    def compose(self) -> ComposeResult:
        first = self.initial
        mode = self.modes.get(first.mode) or next(iter(self.modes.values()))
        self._mode_shown = mode.id
        counts = count_choices(mode)
        count = first.count if first.count in counts else mode.count
        with Vertical(id="home"):
            yield Static(
                "[b]hotseat[/b] · rehearse interview answers out loud, offline", id="home-title"
            )
            with Grid(id="home-form"):
                yield from _choice(
                    "Practice", [(m.name, m.id) for m in self.modes.values()], mode.id, "mode"
                )
                yield from _choice(
                    "Questions from",
                    [(s.label, s.key) for s in self.sources],
                    first.source,
                    "source",
                )
                yield from _choice("How many", [(str(n), n) for n in counts], count, "count")
                yield from _choice(
                    "Interviewer", [(p.name, p.id) for p in self.personas], first.persona, "persona"
                )
                yield Label("Company", classes="field-label")
                yield Input(
                    first.company,
                    placeholder="optional, e.g. Northwind Health",
                    compact=True,
                    id="company",
                )
                yield Label("Role", classes="field-label")
                yield Input(
                    first.role, placeholder="optional, e.g. data analyst", compact=True, id="role"
                )
                yield Label("Notes or job ad", classes="field-label")
                yield TextArea(
                    first.notes,
                    placeholder="optional: paste the job ad or your notes on the company, "
                    "or type the path of a file that holds them",
                    soft_wrap=True,
                    id="notes",
                )
            yield Static(self._describe(mode, count), id="mode-help")
            with Horizontal(id="home-actions"):
                start = f"Start ({key_name(self.app, 'home.start')})"
                yield Button(start, variant="primary", id="start", compact=True)
                yield Static(self.status, id="home-status")
            yield NoticeBox(self.notices, id="home-notice-box")
        yield Footer()

    @staticmethod
    def _describe(mode: Mode, count: int | None = None) -> str:
        return f"{mode.description} [i]Timing: {mode.timing_summary(count)}.[/]"

    def on_mount(self) -> None:
        self.query_one("#mode", Select).focus()

    def on_resize(self) -> None:
        self.set_class(self.size.height < SHORT_TERMINAL, "-short")

    def on_descendant_focus(self) -> None:
        self._light_focused_label()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self._light_focused_label)

    def _light_focused_label(self) -> None:
        """The label beside the focused field lights up with it."""
        focused = self.focused
        form = list(self.query_one("#home-form").children)
        for before, widget in pairwise(form):
            if isinstance(before, Label):
                lit = focused is not None and (focused is widget or widget in focused.ancestors)
                before.set_class(lit, "-focused")

    @on(Select.Changed, "#mode")
    def _mode_changed(self, event: Select.Changed) -> None:
        mode = self.modes.get(str(event.value))
        if mode is None or mode.id == self._mode_shown:
            return  # also the Changed message for the initial value
        self._mode_shown = mode.id
        self.query_one("#mode-help", Static).update(self._describe(mode))
        counts = self.query_one("#count", Select)
        counts.set_options([(str(n), n) for n in count_choices(mode)])
        counts.value = mode.count

    @on(Select.Changed, "#count")
    def _count_changed(self, event: Select.Changed) -> None:
        """The timing line follows the count chosen (a ladder's last limit depends on it)."""
        mode = self.modes.get(str(self.query_one("#mode", Select).value))
        if mode is not None and isinstance(event.value, int):
            self.query_one("#mode-help", Static).update(self._describe(mode, event.value))

    def set_status(self, text: str) -> None:
        self.status = text
        self.query_one("#home-status", Static).update(text)

    def add_notice(self, text: str) -> None:
        self.query_one(NoticeBox).add(text)

    def current_choices(self) -> Choices:
        count = self.query_one("#count", Select).value
        notes, remark = resolve_notes(self.query_one("#notes", TextArea).text)
        if remark:
            self.notify(remark)
        return Choices(
            mode=str(self.query_one("#mode", Select).value),
            source=str(self.query_one("#source", Select).value),
            count=count if isinstance(count, int) else None,
            persona=str(self.query_one("#persona", Select).value),
            company=self.query_one("#company", Input).value.strip(),
            role=self.query_one("#role", Input).value.strip(),
            notes=notes,
        )

    def action_start(self) -> None:
        if not self.is_mounted:  # ctrl+s pressed as the app opens: start once it is built
            self.call_after_refresh(self.action_start)
            return
        box = self.query_one("#notes", TextArea)
        missing = missing_notes_file(box.text)
        if missing is not None:  # as the CLI says "cannot read": not used as the notes
            self.notify(
                f"There is no file {missing}. Correct the path under 'Notes or job ad', "
                "or paste the notes themselves.",
                title="Notes",
                severity="error",
                timeout=10,
            )
            box.focus()
            return
        self.post_message(self.StartRequested(self.current_choices()))

    @on(Button.Pressed, "#start")
    @on(Input.Submitted)
    def _start(self) -> None:
        self.action_start()


def _choice(
    label: str, options: list[tuple[str, Any]], value: Any, widget_id: str
) -> Iterator[Widget]:
    """A labelled drop-down; a value no longer offered falls back to the first option."""
    known = [key for _, key in options]
    yield Label(label, classes="field-label")
    yield Select(
        options,
        value=value if value in known else known[0],
        allow_blank=False,
        compact=True,
        id=widget_id,
    )
