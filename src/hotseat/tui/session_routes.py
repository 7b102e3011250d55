"""The app's way through a session: from home to the interview, fresh or resumed,
then to the summary and home again.

``HotseatApp`` holds one ``SessionRoutes`` (composition, like ``HistoryRoutes``,
which leads here to resume a session or drill competencies). Starting plans the
session from the user's choices (``session.choices.plan_for``), remembers those
choices for next time, builds the ``Session`` with the app's clock and analyzer,
has the answers kept before they are analysed (``Session.on_answer_closed``) and
pushes the ``InterviewScreen``; a fresh session's row is begun in the history, a
resumed one gets its typed draft back. When the session finishes, its summary
covers the answers from before a resume too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hotseat.session import Plan, PlanError, Turn
from hotseat.session.analysis import analyzer_for
from hotseat.session.choices import Choices, plan_for
from hotseat.session.heard import HeardAnswer, still_being_finished
from hotseat.session.resume import earlier_turns, rest_of_session
from hotseat.session.summary import summarize_turns
from hotseat.transcript import Transcript
from hotseat.tui.screens.dialogs import ConfirmScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.summary import SummaryScreen

if TYPE_CHECKING:
    from hotseat.session import Session
    from hotseat.store import SessionRecord
    from hotseat.store.progress import QuestionHistory
    from hotseat.store.reads import Read
    from hotseat.tui.app import HotseatApp


SLOW_READ = 0.5  # seconds before a review still reading the history says so


class SessionRoutes:
    """Start, finish and leave the sessions of ``app``."""

    def __init__(self, app: HotseatApp) -> None:
        self.app = app
        self._earlier: list[Turn] = []  # a resumed session's answers from before
        self._quit_dialog: ConfirmScreen | None = None

    def start(
        self,
        choices: Choices,
        *,
        competencies: tuple[str, ...] = (),
        resumed: SessionRecord | None = None,
        resumed_plan: dict[str, Any] | None = None,
        history_stats: list[QuestionHistory] | None = None,
    ) -> None:
        """Plan a session from ``choices`` (the rest of ``resumed``, with the plan it
        kept) and open the interview. A review reads the history first (``history_stats``,
        on the history's thread): the session starts once it is read."""
        app = self.app
        if any(isinstance(screen, InterviewScreen) for screen in app.screen_stack):
            return  # one interview at a time: a start key pressed twice starts it once
        app.voice_mic_loader.request()  # at once if the user was quicker than the delay
        mode = app.modes.get(choices.mode)
        review = mode is not None and mode.shape == "review"
        if review and resumed is None and history_stats is None:
            self._read_history_then_start(choices, competencies)
            return
        asked_before = 0
        try:
            if resumed is not None:
                plan, asked_before = self._rest_of(choices, resumed, resumed_plan or {})
            else:
                plan = plan_for(
                    choices,
                    bank=app.bank,
                    modes=app.modes,
                    installed_personas=app.personas.ids,
                    rng=app.rng,
                    panel=app.options.personas,
                    history_stats=history_stats or (),
                    competencies=competencies,
                )
        except PlanError as exc:
            app.notify(str(exc), title="Cannot start", severity="error", timeout=8)
            if resumed is not None:  # taken back for nothing: unfinished again, for everyone
                app.history.end("interrupted")
            return
        if resumed is not None and not plan.turns:  # all answered: it only had to end
            app.notify("Every question of this session was answered: here is its summary.")
            app.history.end()
            self.finished_with(f"{plan.mode.name} with {app.personas.name(plan.personas[0])}")
            return
        if plan.notice:
            app.notify(plan.notice)
        app.chosen.remember_choices(choices)
        session = plan.session(
            analyzer=analyzer_for(plan.context, app.options.analyze),
            clock=app.clock,
            silence_end_seconds=plan.mode.silence_end_seconds(
                app.effective.drill_silence_end_seconds, app.effective.silence_end_seconds
            ),
        )
        session.asked_before = asked_before
        session.on_answer_closed = app.history.keep_first
        lead = app.personas.name(plan.personas[0])
        app.push_screen(
            InterviewScreen(
                plan,
                session,
                voice_mic=app.voice_mic,
                personas=app.personas,
                typed=app.effective.engine == "typed",
                muted=app.effective.muted,
                title=f"{plan.mode.name} with {lead}",
                audible_warnings=app.effective.audible_warnings,
                rng=app.rng,
                recording_path=lambda: app.keeper.recording_path(self._answering(session)),
            )
        )
        if resumed is None:
            self._earlier = []
            app.history.begin(plan, choices, competencies)
        else:
            app.drafts.offer()

    def _answering(self, session: Session) -> Turn:
        """The turn being answered aloud, as its recording begins: noted beside it, so a
        crash mid-answer loses no words (``store.cut_off``)."""
        turn = session.current.snapshot()
        listener = self.app.voice_mic.listener
        turn.answer = Transcript("", engine=listener.engine_name if listener else "")
        return turn

    def _read_history_then_start(self, choices: Choices, competencies: tuple[str, ...]) -> None:
        """A review chooses its questions from the history: read on the history's thread
        (the screen answers keys meanwhile; a toast says so if a busy database makes it
        slow), then started, unless the user has gone on meanwhile (or a start key pressed
        twice has started it already: ``start`` opens one interview)."""
        app = self.app
        asked_on, keeper = app.screen, app.keeper
        slow = app.set_timer(
            SLOW_READ, lambda: app.notify("Reading your history to choose the questions…")
        )

        def read(read: Read[list[QuestionHistory]]) -> None:
            slow.stop()
            if app.screen is asked_on:
                stats = read.value or []  # none readable: a review of the bank as it is
                app.session_routes.start(choices, competencies=competencies, history_stats=stats)

        app.history.ask(lambda store: keeper.history_stats(), read)

    def _rest_of(
        self, choices: Choices, resumed: SessionRecord, kept_plan: dict[str, Any]
    ) -> tuple[Plan, int]:
        """The interrupted session's own plan (``kept_plan``) from where it stopped, and
        how many were asked; a session that kept no plan (older ones) is planned again
        from the choices it kept. Raises ``PlanError`` when it cannot go on."""
        app = self.app
        rest = rest_of_session(
            kept_plan,
            resumed.answers,
            choices,
            bank=app.bank,
            modes=app.modes,
            installed_personas=app.personas.ids,
            rng=app.rng,
        )
        self._earlier = earlier_turns(resumed.answers, app.bank.get)
        if rest.notice:
            app.notify(rest.notice, severity="warning", timeout=8)
        return rest.plan, rest.asked_before

    def finished(self, session: Session, title: str) -> None:
        """The session is over: marked so in the history, and its summary shown."""
        self.app.history.end()
        self.finished_with(title, session.turns)

    def finished_with(self, title: str, turns: list[Turn] | None = None) -> None:
        """The summary of the session just over: ``turns`` after those from before a resume."""
        app = self.app
        # The interview and anything over it (a dialog still open as a drill ends) go.
        app.history_routes.back_home()
        every = self._earlier + (turns or [])  # a resumed session: all of it
        self._earlier = []
        app.push_screen(SummaryScreen(summarize_turns(every), title, every))

    def transcript_revised(self, heard: HeardAnswer, token: int, transcript: Transcript) -> None:
        """An answer whose final words were late was finished from its recording: it is
        assessed again, saved in its place, and shown again wherever it is on screen
        (its feedback, or the summary); a toast says what came of it."""
        app = self.app
        turn = heard.revise(token, transcript)
        if turn is None:
            return  # not assessed yet (the answer is joined from the new words)
        app.history.revise(turn)
        for screen in app.screen_stack:
            if isinstance(screen, InterviewScreen) and screen.showing(turn):
                screen.show_feedback(turn)
            elif isinstance(screen, SummaryScreen):
                screen.revised(turn)
        if turn.answer is not None and turn.answer.pending:
            return  # another stretch of it is still being finished
        feedback = turn.feedback
        result = (
            f"it now scores {feedback.score}"
            if feedback is not None and feedback.assessable
            else "it is kept in History"
        )
        app.notify(
            f"“{_short(turn.question.text)}”: the transcript was finished from the "
            f"recording; {result}.",
            title="Transcript finished",
            timeout=6,
        )

    def quit(self) -> None:
        """ctrl+q with no interview open: hotseat closes at once, unless answers of the
        summary shown are still being finished (they are then finished on the next
        start): it says so first. ctrl+q again in that dialog: quit."""
        app = self.app
        if self._quit_dialog is not None and self._quit_dialog.is_active:
            self._quit_dialog.dismiss(True)
            return
        summary = next((s for s in app.screen_stack if isinstance(s, SummaryScreen)), None)
        late = still_being_finished(summary.turns or [], quitting=True) if summary else ""
        if not late:
            app.exit()
            return
        self._quit_dialog = ConfirmScreen(f"Quit hotseat now?\n{late}", yes="Quit", no="Go on")
        app.push_screen(self._quit_dialog, lambda yes: app.exit() if yes else None)

    def home_from_summary(self) -> None:
        app = self.app
        if not isinstance(app.screen, SummaryScreen):
            return  # the key was pressed twice: the first press already went home
        app.pop_screen()
        home = app.home()
        if home is not None:
            home.set_status(app.status_text())


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
