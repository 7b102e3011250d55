"""Small dialogs: how a score was reached, and "are you sure?"."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from hotseat.feedback.model import Feedback
from hotseat.tui.key_names import key_name


def _metric_text(value: Any) -> str:
    """A measurement in words: "not measured", "yes", "12.5", "count 3, per minute 2.0"."""
    if value is None:
        return "not measured"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, dict):
        parts = (f"{_name(k)} {_metric_text(v)}" for k, v in value.items() if v is not None)
        return ", ".join(parts) or "none"
    if isinstance(value, list | tuple):
        return ", ".join(_metric_text(v) for v in value) or "none"
    return str(value)


def _name(key: object) -> str:
    return str(key).replace("_", " ")


def explanation_lines(feedback: Feedback) -> list[Content]:
    lines = [Content.from_markup("[b]How the score was reached[/b]")]
    for line in feedback.explanation or ["No explanation was given for this score."]:
        lines.append(Content.from_markup("• $line", line=line))
    if feedback.metrics:
        lines.append(Content(""))
        lines.append(Content.from_markup("[b]Measured[/b]"))
        for name, value in feedback.metrics.items():
            lines.append(Content.from_markup("  $k: $v", k=_name(name), v=_metric_text(value)))
    tips = feedback.tips
    if tips:
        lines.append(Content(""))
        lines.append(Content.from_markup("[b]Tips[/b]"))
        lines.extend(Content.from_markup("  • $t", t=tip) for tip in tips)
    return lines


class ExplainScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,e,q", "close", "Close", id="explain.close"),
    ]

    def __init__(self, feedback: Feedback) -> None:
        super().__init__()
        self.feedback = feedback

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="explain-box", classes="dialog") as box:
            box.border_title = "Score explained"
            box.border_subtitle = f"{key_name(self.app, 'explain.close')}: close"
            yield Static(Content("\n").join(explanation_lines(self.feedback)), id="explain-body")
        yield Footer()  # this dialog's keys, not the interview's behind it

    def on_mount(self) -> None:
        self.query_one("#explain-box").focus()

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        # The footer names the keys as the buttons do ("y Quit  n Go on", not "y Yes").
        said = {"confirm.yes": yes, "confirm.no": no}
        for key, bindings in self._bindings.key_to_bindings.items():
            self._bindings.key_to_bindings[key] = [
                replace(b, description=said.get(b.id or "", b.description)) for b in bindings
            ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(Content(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="yes", compact=True)
                yield Button(f"{self.no} (n)", variant="primary", id="no", compact=True)
        yield Footer()  # y and n, not the interview's keys behind the dialog

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
