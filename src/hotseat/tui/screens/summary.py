"""The end of a session: every question with its score and the main point to work on."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer

from hotseat.session import Turn
from hotseat.session.summary import (
    CUT_OFF_AT_LIMIT,
    STOPPED_BY_YOU,
    Summary,
    SummaryRow,
    summarize_turns,
)
from hotseat.tui.widgets.text_block import Line, TextBlock

QUESTION_WIDTH = 60
# What the score column says when there is no score.
_STATUS = {"skipped": "skip", "not assessed": " n/a", "not answered": "   –", "interrupted": " int"}
LEGEND = "skip: skipped · n/a: too little to assess · –: not answered"
LEGEND_INTERRUPTED = f"int: {STOPPED_BY_YOU}, not in the average"


def _short(text: str, width: int = QUESTION_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _row(row: SummaryRow) -> list[Line]:
    cut = row.status == "interrupted"
    score = f"{row.score:4d}" if row.score is not None and not cut else _STATUS[row.status]
    lead = "  ↳ " if row.follow_up else f"{row.number}. "
    lines: list[Line] = [
        (
            "row",
            Content.from_markup(
                "[b]$score[/b]  $lead$q", score=score, lead=lead, q=_short(row.question)
            ),
        )
    ]
    if row.work_on:
        lines.append(("sub", Content.from_markup("[dim]Work on:[/] $w", w=row.work_on)))
    if row.cut_off:
        lines.append(
            ("sub", Content.from_markup("[dim]$n[/]", n=f"{CUT_OFF_AT_LIMIT.capitalize()}."))
        )
    if cut:
        so_far = f", scored {row.score} as it stood" if row.score is not None else ""
        note = f"Interrupted: kept{so_far}; not counted in the average or the points below."
        lines.append(("sub", Content.from_markup("[dim]$n[/]", n=note)))
    return lines


def summary_lines(summary: Summary) -> list[Line]:
    lines: list[Line] = []
    if summary.average is not None:
        plural = "s" if summary.assessed != 1 else ""
        heading = Content.from_markup(
            "Average score $avg/100 [dim not bold]over $n assessed answer$s[/]",
            avg=f"{summary.average:g}",
            n=str(summary.assessed),
            s=plural,
        )
    elif not summary.answered:
        heading = Content("No answers were given in this session.")
        if not any(r.status == "skipped" for r in summary.rows):
            heading = Content("No answers were given in this session; History will not list it.")
    elif summary.interrupted == summary.answered:
        heading = Content("No average: the only answer was interrupted.")
        if summary.interrupted > 1:
            heading = Content("No average: every answer was interrupted.")
    else:
        heading = Content("None of the answers could be assessed.")
    lines += [("heading", heading), ("gap", Content(""))]
    if any(r.score is None for r in summary.rows if r.status != "interrupted"):
        lines.insert(1, ("plain", Content.from_markup("[dim]$l[/]", l=LEGEND)))
    if summary.interrupted:
        lines.insert(1, ("plain", Content.from_markup("[dim]$l[/]", l=LEGEND_INTERRUPTED)))
    for row in summary.rows:
        lines += _row(row)
    if summary.strongest is not None:
        best = summary.strongest
        lines += [
            ("gap", Content("")),
            (
                "plain",
                Content.from_markup(
                    "[b]Strongest answer:[/b] $q ($score)",
                    q=_short(best.question),
                    score=str(best.score),
                ),
            ),
        ]
    if summary.strengths:
        lines += [
            ("gap", Content("")),
            ("heading", Content.from_markup("[$text-success]Overall strengths[/]")),
        ]
        lines += [
            ("item", Content.from_markup("[$text-success]✓[/] $s", s=s)) for s in summary.strengths
        ]
    if summary.practise_next:
        lines += [
            ("gap", Content("")),
            ("heading", Content.from_markup("[$text-warning]Top three to work on[/]")),
        ]
        for number, point in enumerate(summary.practise_next, start=1):
            lines.append(("item", Content.from_markup("$n. $p", n=str(number), p=point)))
    return lines


class SummaryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "home", "Back to home", id="summary.home"),
        Binding("f2", "app.history", "History", id="summary.history"),
        Binding("q", "app.quit", "Quit", id="summary.quit"),
    ]

    class HomeRequested(Message):
        pass

    def __init__(self, summary: Summary, title: str, turns: list[Turn] | None = None) -> None:
        super().__init__()
        self.summary = summary
        self.title_text = title
        self.turns = turns  # what the summary is of, to make it again when one changes
        self.text = ""

    def revised(self, turn: Turn) -> bool:
        """``turn`` was assessed again (its transcript was finished late): show the
        summary anew when it is one of this summary's. True if it was."""
        if self.turns is None or not any(t is turn for t in self.turns):
            return False
        self.summary = summarize_turns(self.turns)
        if self.is_mounted:
            box = self.query_one(TextBlock)
            box.set_lines(summary_lines(self.summary))
            self.text = box.text
        return True

    def compose(self) -> ComposeResult:
        with TextBlock(id="summary-box") as box:
            box.border_title = f"Session summary · {self.title_text}"
            box.border_subtitle = "↑↓: scroll"
        with Horizontal(id="summary-actions"):
            yield Button("Back to home (h)", variant="primary", id="home", compact=True)
            yield Button("Quit (q)", id="quit", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one(TextBlock)
        box.set_lines(summary_lines(self.summary))
        self.text = box.text
        box.focus()

    def action_home(self) -> None:
        self.post_message(self.HomeRequested())

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_home()

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.app.exit()
