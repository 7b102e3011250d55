"""Progress: score, words per minute, fillers and long pauses over time.

One point per session, overall or for one competency (chosen on the left).
The weakest competencies are named at the top, with a button that posts
:class:`DrillCompetencies`; the app turns it into a review session on them.
The figures are read away from the UI thread (through the ``AskHistory`` the
app gives, on the history's own thread): the screen says it is loading until
they come and answers keys meanwhile, however long a locked database takes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual_plotext import PlotextPlot

from hotseat.store import (
    CompetencyStanding,
    Point,
    Store,
    competency_standings,
    progress_series,
)
from hotseat.store.reads import AskHistory, Read
from hotseat.tui.key_names import key_name
from hotseat.tui.screens.dialogs import ConfirmScreen
from hotseat.wording import count

WEAKEST = 3
OVERALL = "__overall__"


@dataclass
class DrillCompetencies(Message):
    """Practise these competencies next (weakest first)."""

    competencies: tuple[str, ...]


@dataclass(frozen=True)
class Metric:
    key: str
    label: str  # on the tab
    title: str  # above the plot
    value: Callable[[Point], float | None]
    band: tuple[float, float] | None = None  # the good range, drawn as two lines
    limits: tuple[float, float] | None = None


METRICS = (
    Metric("score", "Score", "Score (0-100)", lambda p: p.score, limits=(0, 100)),
    Metric("wpm", "WPM", "Words per minute (aim 120-160)", lambda p: p.wpm, band=(120, 160)),
    Metric("fillers", "Fillers", "Fillers per 100 words", lambda p: p.fillers_per_100),
    Metric("pauses", "Long pauses", "Pauses over 2 s per answer", lambda p: p.long_pauses),
)


def _day(epoch: float) -> str:
    return time.strftime("%d %b", time.localtime(epoch))


def draw(plot: PlotextPlot, metric: Metric, points: list[Point], scope: str) -> int:
    """Draw one metric over sessions; returns how many sessions had a value."""
    plt = plot.plt
    plt.clear_figure()
    known = [(i, metric.value(p)) for i, p in enumerate(points, 1) if metric.value(p) is not None]
    plt.title(f"{metric.title}, {scope}")
    if not known:
        plt.xticks([], [])
        plt.yticks([], [])
        plot.refresh()
        return 0
    xs = [float(i) for i, _ in known]
    ys = [float(v) for _, v in known if v is not None]
    plt.plot(xs, ys, marker="braille")
    plt.scatter(xs, ys, marker="dot")
    if metric.limits:
        plt.ylim(*metric.limits)
    elif metric.band:
        low, high = min(*ys, metric.band[0]), max(*ys, metric.band[1])
        margin = (high - low) * 0.15
        plt.ylim(low - margin, high + margin)
    else:  # counts and rates: from zero, so a small change does not look like a cliff
        plt.ylim(0, max(*ys, 1.0) * 1.25)
    if metric.band:
        for edge in metric.band:
            plt.hline(edge, "green")
    step = max(1, len(points) // 5)
    ticks = list(range(1, len(points) + 1, step))
    plt.xticks([float(t) for t in ticks], [_day(points[t - 1].at) for t in ticks])
    plt.xlim(0.5, len(points) + 0.5)
    plot.refresh()
    return len(known)


class ProgressScreen(Screen[None]):
    CSS_PATH = "progress.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "metric('score')", "Score", id="progress.score"),
        Binding("2", "metric('wpm')", "WPM", id="progress.wpm"),
        Binding("3", "metric('fillers')", "Fillers", id="progress.fillers"),
        Binding("4", "metric('pauses')", "Pauses", id="progress.pauses"),
        Binding("d", "drill", "Drill these", id="progress.drill"),
        Binding("escape", "back", "Back", id="progress.back"),
    ]

    def __init__(self, ask: AskHistory) -> None:
        super().__init__()
        self.ask = ask
        self.standings: list[CompetencyStanding] = []
        self.points: list[Point] = []
        self.scope = OVERALL
        self.loaded = False  # the standings have come

    @property
    def weakest(self) -> tuple[str, ...]:
        return tuple(s.competency for s in self.standings[:WEAKEST])

    def compose(self) -> ComposeResult:
        yield Static("Progress", id="progress-title")
        with Horizontal(id="weakest-bar"):
            yield Static("", id="weakest")
            yield Button("Drill these", id="drill", variant="primary", compact=True)
        with Horizontal(id="progress-body"):
            yield OptionList(id="scopes")
            with TabbedContent(id="metrics"):
                for metric in METRICS:
                    with TabPane(metric.label, id=f"tab-{metric.key}"):
                        yield PlotextPlot(id=f"plot-{metric.key}")
        yield Static("", id="progress-status")
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.query_one("#scopes", OptionList).focus()

    def load(self) -> None:
        """Read the standings and the overall series; loading is shown until they come."""
        self.query_one("#scopes", OptionList).clear_options()
        self.query_one("#progress-body").loading = True
        self.query_one("#drill", Button).disabled = True
        self.query_one("#weakest", Static).update(Content(""))
        back = key_name(self.app, "progress.back")
        self._status(f"Reading your progress from the history… ({back}: back)")

        def job(store: Store) -> tuple[list[CompetencyStanding], list[Point]]:
            return competency_standings(store), progress_series(store, None)

        self.ask(job, self._loaded)

    def _loaded(self, read: Read[tuple[list[CompetencyStanding], list[Point]]]) -> None:
        if not self.is_attached:
            return  # the user went back meanwhile
        self.query_one("#progress-body").loading = False
        if read.value is None:
            self._status(read.problem)
            self._weakest_text()
            return
        self.loaded = True
        self.standings, points = read.value
        scopes = self.query_one("#scopes", OptionList)
        scopes.add_option(Option("Overall", id=OVERALL))
        for s in sorted(self.standings, key=lambda s: s.competency):
            label = Content.from_markup(
                "$name [dim]$score[/]", name=s.competency, score=f"{s.recent_score:.0f}"
            )
            scopes.add_option(Option(label, id=s.competency))
        self.scope = OVERALL
        scopes.highlighted = 0
        self._weakest_text()
        self._show(OVERALL, Read(points))

    def _weakest_text(self) -> None:
        weakest = self.standings[:WEAKEST]
        button = self.query_one("#drill", Button)
        button.disabled = not weakest
        if not weakest:
            text = Content("Answer a few questions: your weakest areas will be named here.")
        else:
            names = ", ".join(f"{s.competency} ({s.recent_score:.0f})" for s in weakest)
            text = Content.from_markup("[b]Weakest:[/b] $names", names=names)
        self.query_one("#weakest", Static).update(text)

    def show_scope(self, scope: str) -> None:
        """Plot ``scope`` (a competency, or ``OVERALL``) once its series is read."""
        self.scope = scope
        competency = None if scope == OVERALL else scope
        self._status(f"Reading {competency or 'overall'}…")
        self.ask(lambda store: progress_series(store, competency), lambda r: self._show(scope, r))

    def _show(self, scope: str, read: Read[list[Point]]) -> None:
        if not self.is_attached or scope != self.scope:
            return  # gone, or another scope was chosen meanwhile
        if read.value is None:
            self._status(read.problem)
            return
        self.points = read.value
        label = "overall" if scope == OVERALL else scope
        for metric in METRICS:
            draw(self.query_one(f"#plot-{metric.key}", PlotextPlot), metric, self.points, label)
        if not self.points:
            self._status("No answers yet: practise a few questions and come back.")
        else:
            answers = sum(p.answers for p in self.points)
            scored = sum(p.scored for p in self.points)
            # The chart averages the scored answers: say how many those are.
            what = count(answers, "answer")
            if scored < answers:
                what = f"{scored} scored of {what}"
            self._status(f"{label}: {what} over {count(len(self.points), 'session')}.")

    def _status(self, text: str) -> None:
        self.query_one("#progress-status", Static).update(Content(text))

    @on(OptionList.OptionHighlighted, "#scopes")
    def _scope_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.scope:
            self.show_scope(event.option.id)

    def action_metric(self, key: str) -> None:
        self.query_one("#metrics", TabbedContent).active = f"tab-{key}"

    def action_drill(self) -> None:
        """The `d` key: a stray press must not start a session, so ask first."""
        weakest = self.weakest
        if not self.loaded:
            self.notify("Your progress is still being read from the history.")
            return
        if not weakest:
            self.notify("Answer a few questions first: then your weakest areas can be drilled.")
            return
        names = ", ".join(weakest[:-1]) + f" and {weakest[-1]}" if len(weakest) > 1 else weakest[0]

        def decided(start: bool | None) -> None:
            if start:
                self.post_message(DrillCompetencies(weakest))

        self.app.push_screen(
            ConfirmScreen(f"Start a review session on {names} now?", yes="Start", no="Not now"),
            decided,
        )

    @on(Button.Pressed, "#drill")
    def _drill_pressed(self) -> None:
        if self.weakest:  # the button says what it does: no need to ask
            self.post_message(DrillCompetencies(self.weakest))

    def action_back(self) -> None:
        self.dismiss(None)
