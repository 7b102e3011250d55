"""The question being asked, as a caption card (the voice reads the same words).

Above the question, dimmed, is what the interviewer says first (a greeting,
"next question", "a follow-up on that"), so a muted voice loses nothing.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from hotseat.questions import Question


def _label(name: str) -> str:
    return name.replace("-", " ").capitalize()


class QuestionCard(Static):
    DEFAULT_CSS = """
    QuestionCard {
        border: round $primary;
        border-title-color: $text-primary;
        border-subtitle-color: $text-muted;
        padding: 0 1;
        height: auto;
        max-height: 8;
    }
    QuestionCard.-speaking { border: round $accent; }
    """

    def show(
        self,
        question: Question,
        number: int,
        total: int,
        *,
        interviewer: str = "",
        lead: str = "",
        follow_up: bool = False,
    ) -> None:
        kind = "Follow-up" if follow_up else f"Question {number} of {total}"
        self.border_title = f"{kind} · {interviewer}" if interviewer else kind
        parts = [_label(question.category), _label(question.kind)]
        if question.role:
            parts.append(question.role)
        self.border_subtitle = " · ".join(dict.fromkeys(parts))
        if lead:
            body = Content.from_markup(
                "[dim i]$lead[/]\n[b]$text[/b]", lead=lead, text=question.text
            )
        else:
            body = Content.from_markup("[b]$text[/b]", text=question.text)
        self.update(body)

    def set_speaking(self, speaking: bool) -> None:
        self.set_class(speaking, "-speaking")
