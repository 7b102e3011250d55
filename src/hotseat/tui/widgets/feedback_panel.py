"""Feedback on one answer: score, subscores, strengths, top three improvements, notes.

Every improvement quotes the words of the answer it is about, with a tip;
strengths past the first three are named in one line, and notes say what the
score could not measure (a typed answer's pace, fillers a recogniser drops).
The score explanation opens in its own dialog (``ExplainScreen``).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from hotseat.feedback.model import Feedback, Finding
from hotseat.feedback.rubric import default_rubric
from hotseat.session.caveats import caveat
from hotseat.transcript import Note
from hotseat.tui.key_names import key_name
from hotseat.tui.widgets.text_block import INDENTS, Line, TextBlock


def _quotes(finding: Finding, limit: int = 2) -> list[Line]:
    lines: list[Line] = []
    for evidence in finding.evidence[:limit]:
        when = f"  at {evidence.start:.0f} s" if evidence.start is not None else ""
        lines.append(
            ("quote", Content.from_markup("“$text”[dim]$when[/]", text=evidence.text, when=when))
        )
    return lines


def _label(finding: Finding) -> str:
    rule = default_rubric().findings.get(finding.id)
    return rule.label if rule else finding.message


def subscore_text(feedback: Feedback) -> str:
    """Each part out of its maximum ("content 17/35 · delivery 1/20"): a low one reads low."""
    maxima = feedback.metrics.get("maxima")
    maxima = maxima if isinstance(maxima, dict) else {}
    return " · ".join(
        f"{name} {value}/{maxima[name]}" if name in maxima else f"{name} {value}"
        for name, value in feedback.subscores.items()
    )


def caveat_block(notes: Sequence[Note]) -> list[Line]:
    """What went wrong with the answer's audio or its recognition, and what it means for
    the score (from the transcript's notes); nothing when all went well."""
    found = caveat(notes)
    if found is None:
        return []
    lines: list[Line] = [
        ("heading", Content.from_markup("[$text-warning]⚠ $h[/]", h=found.headline))
    ]
    lines += [("item", Content.from_markup("[dim]$n[/]", n=note)) for note in found.notes]
    return lines


# The cause (the computer was busy, or the user chose not to wait) is the note's, below.
PENDING = (
    "Your recording is safe: the transcript is being finished from it, and this feedback "
    "updates when it is done."
)
PENDING_WAIT = "Waiting for the finished transcript to assess the answer…"
PENDING_SCORE = "For now, from the words recognised live (some may be missing):"
# Said instead of "the answer has only N words" when the words were lost, not unsaid.
FEW_RECOGNISED = (
    "Too few words were heard to assess this answer: the note above says what went wrong "
    "with the microphone or the recognition (not with your answer)."
)


def pending_block(notes: Sequence[Note]) -> list[Line]:
    """The transcript is still being finished: that it is, then the notes that say why."""
    found = caveat(notes)
    lines: list[Line] = [("heading", Content.from_markup("[$text-warning]⚠ $p[/]", p=PENDING))]
    why = found.notes if found is not None else ()
    return lines + [("item", Content.from_markup("[dim]$n[/]", n=note)) for note in why]


def feedback_block(
    feedback: Feedback, notes: Sequence[Note] = (), *, pending: bool = False
) -> list[Line]:
    """``notes``: the transcript's, so a caveat on it heads the feedback; ``pending``:
    the transcript is still being finished from the recording (``asr.finisher``)."""
    lines: list[Line] = pending_block(notes) if pending else caveat_block(notes)
    if pending and not feedback.assessable:
        return [*lines, ("item", Content(PENDING_WAIT))]
    if pending:
        lines.append(("item", Content.from_markup("[dim]$p[/]", p=PENDING_SCORE)))
    if not feedback.assessable:
        lost = any(note.incomplete for note in notes)
        lines.append(("heading", Content("Nothing to assess yet")))
        lines += [
            ("item", Content(FEW_RECOGNISED if lost and f.id == "nothing-to-assess" else f.message))
            for f in feedback.findings
            if not f.is_strength
        ]
        lines += [("tip", Content.from_markup("[dim]Tip:[/] $t", t=t)) for t in feedback.tips[:2]]
        return lines
    subs = subscore_text(feedback)
    lines.append(
        (
            "heading",
            Content.from_markup(
                "Score $score/100  [dim not bold]$subs[/]", score=str(feedback.score), subs=subs
            ),
        )
    )
    strengths = feedback.strengths
    if strengths:
        lines.append(("heading", Content.from_markup("[$text-success]Strengths[/]")))
        for finding in strengths[:3]:
            lines.append(("item", Content.from_markup("[$text-success]✓[/] $m", m=finding.message)))
            lines += _quotes(finding, limit=1)
        if strengths[3:]:
            also = ", ".join(_label(finding) for finding in strengths[3:])
            lines.append(("item", Content.from_markup("[$text-success]✓[/] Also: $a", a=also)))
    improvements = feedback.improvements
    if improvements:
        lines.append(("heading", Content.from_markup("[$text-warning]To work on[/]")))
        for number, finding in enumerate(improvements, start=1):
            lines.append(("item", Content.from_markup("$n. $m", n=str(number), m=finding.message)))
            lines += _quotes(finding)
            if finding.tip:
                lines.append(("tip", Content.from_markup("[dim]Tip:[/] $t", t=finding.tip)))
    elif not strengths:
        lines.append(("item", Content("No specific points found in this answer.")))
    infos = [f for f in feedback.findings if f.severity == "info"]
    if infos:  # what the score could not take into account, and why
        lines.append(("heading", Content("Notes")))
        lines += [("item", Content.from_markup("[dim]$m[/]", m=f.message)) for f in infos]
    return lines


def feedback_lines(feedback: Feedback, notes: Sequence[Note] = ()) -> list[Content]:
    """The same, as plain indented lines (for a single Static, e.g. the history screen)."""
    block = feedback_block(feedback, notes)
    return [Content(" " * INDENTS.get(kind, 0)) + line for kind, line in block]


class FeedbackPanel(TextBlock):
    DEFAULT_CSS = """
    FeedbackPanel {
        height: 1fr;
        width: 100%;
        border: round $success;
        border-title-color: $text-success;
        border-subtitle-color: $text-muted;
        padding: 0 1;
    }
    FeedbackPanel:focus { border: round $accent; }
    """

    def on_mount(self) -> None:
        self.border_title = "Feedback"
        self.border_subtitle = self._keys("next")

    def _keys(self, after: str) -> str:
        """What the keys under the feedback do, named as the user has them."""
        go_on, explain = (key_name(self.app, i) for i in ("interview.next", "interview.explain"))
        return f"{go_on}: {after} · {explain}: how it was scored · ↑↓: scroll"

    def show(
        self,
        feedback: Feedback,
        notes: Sequence[Note] = (),
        *,
        last: bool = False,
        pending: bool = False,
    ) -> None:
        """``last``: the session's last answer (enter leads to the summary); ``pending``:
        its transcript is being finished (``feedback_block``)."""
        after = "summary" if last else "next"
        self.border_subtitle = self._keys(after)
        self.set_lines(feedback_block(feedback, notes, pending=pending))
