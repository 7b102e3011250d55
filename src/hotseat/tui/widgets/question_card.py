"""The question being asked, as a caption card (the voice reads the same words).

Above the question, dimmed, is what the interviewer says first (a greeting,
"next question", "a follow-up on that"), so a muted voice loses nothing. When
several interviewers speak (a panel's greetings) each line names its speaker.
The lead-in takes at most three lines, of whole sentences ("…" for the rest):
however long it is, the question itself is always shown whole, even at 80x24,
and after other interviewers have spoken it names who asks it.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from hotseat.questions import Question

LEAD_LINES = 3


def _label(name: str) -> str:
    return name.replace("-", " ").capitalize()


def fit_lead(lead: str, width: int, lines: int = LEAD_LINES) -> str:
    """``lead`` cut to whole sentences that fit ``lines`` lines of ``width`` ("…" for the
    rest), never mid-sentence; ``width`` 0 (not laid out yet): as it is."""
    if width <= 0 or len(textwrap.wrap(lead, width)) <= lines:
        return lead
    sentences = re.split(r"(?<=[.!?])\s+", lead)
    for keep in range(len(sentences) - 1, 0, -1):
        shorter = " ".join(sentences[:keep]) + " …"
        if len(textwrap.wrap(shorter, width)) <= lines:
            return shorter
    return lead  # one long sentence: the box cuts it


def lead_text(said: Sequence[tuple[str, str]], asker: str) -> str:
    """The lines said before the question, as ``(text, speaker name)``; names only
    when someone other than ``asker`` (who asks the question) speaks."""
    spoken = [(text, name) for text, name in said if text]
    if all(name == asker for _, name in spoken):
        return " ".join(text for text, _ in spoken)
    return " ".join(f"{name}: {text}" for text, name in spoken)


class QuestionCard(Vertical):
    DEFAULT_CSS = f"""
    QuestionCard {{
        border: round $primary;
        border-title-color: $text-primary;
        border-subtitle-color: $text-muted;
        padding: 0 1;
        height: auto;
    }}
    QuestionCard.-speaking {{ border: round $accent; }}
    QuestionCard > #card-lead {{ max-height: {LEAD_LINES}; }}
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""  # what the card says, as plain text (for tests)
        self._lead = ""  # what is said before the question, whole (fitted when shown)

    def compose(self) -> ComposeResult:
        yield Static(id="card-lead")
        yield Static(id="card-question")

    def show(
        self,
        question: Question,
        number: int,
        total: int,
        *,
        interviewer: str = "",
        lead: str = "",
        follow_up: bool = False,
        named: bool = False,
    ) -> None:
        """``named``: the lead names its speakers (a panel), so the question is named too."""
        kind = "Follow-up" if follow_up else f"Question {number} of {total}"
        self.border_title = f"{kind} · {interviewer}" if interviewer else kind
        parts = [_label(question.category), _label(question.kind)]
        if question.role:
            parts.append(question.role)
        self.border_subtitle = " · ".join(dict.fromkeys(parts))
        lead_widget = self.query_one("#card-lead", Static)
        lead_widget.display = bool(lead)
        self._lead = lead
        self._show_lead()
        asks = f"{interviewer}: " if named and interviewer else ""
        self.query_one("#card-question", Static).update(
            Content.from_markup("$asks[b]$text[/b]", asks=asks, text=question.text)
        )
        self.text = f"{lead}\n{question.text}" if lead else question.text

    def _show_lead(self) -> None:
        shown = fit_lead(self._lead, self.content_region.width)  # (0 until laid out)
        # A resize can arrive while the screen is being taken down (the app closing as
        # the interview opens): the lead is gone by then, and there is nothing to fit.
        for lead in self.query("#card-lead").results(Static):
            lead.update(Content.from_markup("[dim i]$lead[/]", lead=shown))

    def on_resize(self) -> None:
        self._show_lead()

    def show_notice(self, title: str, text: str) -> None:
        """No question yet: say what is happening instead (getting the microphone ready)."""
        self.border_title = title
        self.border_subtitle = ""
        self.query_one("#card-lead", Static).display = False
        self.query_one("#card-question", Static).update(text)
        self.text = text

    def set_speaking(self, speaking: bool) -> None:
        self.set_class(speaking, "-speaking")
