"""The Textual app: home, interview and summary screens around one session engine.

``make_app`` builds it for the command line and for tests alike; ``run_app``
is what ``hotseat`` (no subcommand) runs. The app owns the long-lived voice
and microphone (``tui.voice_mic``): injected ones are used as they are, real
ones are built in a background worker after the first frame so the home screen
appears at once.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import logging
import random
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import TextArea
from textual.worker import Worker, WorkerState

from hotseat.feedback import prepare as prepare_feedback
from hotseat.session import MonotonicClock, Plan, PlanError, Turn
from hotseat.session.analysis import analyzer_for
from hotseat.session.choices import Choices, plan_for, source_choices
from hotseat.session.loading import load_bank_safely, load_modes_safely
from hotseat.session.resume import earlier_turns, plan_record, rest_of_session
from hotseat.session.summary import summarize_turns
from hotseat.settings import Settings, load_settings
from hotseat.speech.persona_book import load_persona_book
from hotseat.startup import startup_notices
from hotseat.store.keeper import HistoryKeeper
from hotseat.tui import messages as msg
from hotseat.tui.commands import screen_commands
from hotseat.tui.drafting import AnswerDrafts, start_notices
from hotseat.tui.history_routes import HistoryRoutes
from hotseat.tui.keymap import apply_user_keys
from hotseat.tui.options import AppOptions
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.keys_help import KeysScreen, keys_of, where
from hotseat.tui.screens.summary import SummaryScreen
from hotseat.tui.voice_mic import Built, VoiceMic, build_voice_mic

if TYPE_CHECKING:
    from hotseat.store import SessionRecord
    from hotseat.tui.screens.history import ResumeSession
    from hotseat.tui.screens.progress import DrillCompetencies


VOICE_MIC_DELAY = 1.0  # seconds after the first frame before the voice and microphone load
SAVE_FIRST_WAIT = 10.0  # seconds the UI waits for an answer's first save (normally a few ms)

log = logging.getLogger("hotseat")


@dataclass
class HistoryDone(Message):
    """A job on the history's thread has finished: ``then`` gets its result."""

    future: Future[Any]
    then: Callable[[Any], object] | None


class HotseatApp(App[int]):
    """What the app owns for its whole life, in one place:

    - ``voice_mic``: the voice and the microphone (``VoiceMic``); created in
      ``__init__``, the real ones built in a worker after the first frame
      (``on_mount``), closed in ``on_unmount``. Screens get it as an argument and
      ask for the microphone to be held (``messages.MicHold``) by message;
      the microphone's thread gets what it reads when it is built;
    - ``keeper``: the history, on its own thread; opened in ``on_mount``, its
      queued saves finished and the thread stopped in ``on_unmount``;
    - ``drafts``: the typed answer in progress, written out in ``on_unmount``.
    """

    CSS_PATH = "app.tcss"
    TITLE = "hotseat"
    # Textual's ctrl+q, shown in every footer (last): mid-answer it asks first.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("f1", "keys_help", "Keys", priority=True, id="app.keys"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(self, settings: Settings, options: AppOptions) -> None:
        super().__init__()
        self.settings = settings  # as saved: choices made in the app are written back
        self.options = options
        self.effective = options.applied_to(settings)  # this run's settings, never saved
        self.clock = options.clock or MonotonicClock()
        self.rng = random.Random(options.seed)
        self.bank, self.notices = load_bank_safely(options.bank)
        self.modes, mode_notices = load_modes_safely()
        self.personas = load_persona_book()
        self.notices += mode_notices + self.personas.problems + settings.problems
        self.notices += startup_notices()  # private folders, files hotseat would ignore
        self.key_names, key_problems = apply_user_keys(self, settings)  # the [keys] table
        self.notices += key_problems
        if self.effective.persona not in self.personas.ids:
            first = self.personas.choices[0].name
            wanted = self.effective.persona
            self.notices.append(f"There is no interviewer {wanted!r}; {first} will ask instead.")
        self.voice_mic = VoiceMic(
            options.speaker, options.listener, loading=options.build_voice_mic
        )
        self.keeper = HistoryKeeper()
        self.routes = HistoryRoutes(self, self)  # history, progress, resume, drill
        self.drafts = AnswerDrafts(self, self.keeper)
        # typed answers kept from a session that stopped
        self.notices += start_notices(self._history_named())
        self._earlier: list[Turn] = []  # a resumed session's answers from before
        self.exit_note = ""  # said on the terminal after the app closes
        self._told: set[str] = set()
        self._voice_mic_requested = False
        if options.speaker is not None:
            options.speaker.muted = self.effective.muted

    # -- screens ------------------------------------------------------------------

    def action_history(self) -> None:
        self.routes.history()

    def action_progress(self) -> None:
        self.routes.progress()

    def on_resume_session(self, event: ResumeSession) -> None:
        self.routes.resume(event)

    def on_drill_competencies(self, event: DrillCompetencies) -> None:
        self.routes.drill(event)

    def initial_choices(self) -> Choices:
        return self.options.initial_choices(self.effective)

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen(
            modes=list(self.modes),
            sources=source_choices(self.bank),
            personas=self.personas.choices,
            initial=self.initial_choices(),
            notices=list(self.notices),
            status=self._status_text(),
        )

    def _status_text(self) -> str:
        return self.voice_mic.status_text(typed=self.effective.engine == "typed")

    def on_mount(self) -> None:
        # First of all: the history's thread opens it before any other job is queued
        # (a start key pressed at once queues the session's first save behind it).
        self._open_history()
        if self.options.build_voice_mic:
            # Loading the recogniser holds Python's lock for a few hundred ms at a time:
            # let the home screen settle and answer the first keys before it starts.
            self.set_timer(VOICE_MIC_DELAY, self._request_voice_mic)
        self.call_after_refresh(self._prepare_feedback)
        if self.options.autostart:
            self.call_after_refresh(self.start_interview, self.initial_choices())

    @work(
        thread=True,
        exclusive=True,
        group="feedback",
        name="Reading the feedback word lists",
        exit_on_error=False,
    )
    def _prepare_feedback(self) -> None:
        """Word lists and frequencies read off the UI thread, before the first answer; a
        failure here only means the first analysis reads them (and reports any problem)."""
        prepare_feedback()

    def _open_history(self) -> None:
        """Opening the history (quick_check, migrations) runs on the history's thread."""

        def opened(notices: list[str]) -> None:
            for notice in notices:
                self._tell(notice, toast=False)

        self._when_kept(self.keeper.open_later(self._history_named()), opened)

    def _history_named(self) -> str:
        """The History screen, named with its key as the user has it ("History (f9)")."""
        return f"History ({self.key_names('home.history')})"

    def on_unmount(self) -> None:
        self.drafts.write()  # quitting mid-answer: the typed text waits for the resume
        self.voice_mic.close()
        closed = self.keeper.later(self.keeper.close)  # after every save still queued
        self.keeper.stop()
        try:
            self.exit_note = closed.result(timeout=0)
        except FutureTimeout:
            self.exit_note = "the history was still busy when hotseat closed"
        except Exception as exc:
            log.error("closing the history failed", exc_info=exc)
            self.exit_note = f"closing the history failed: {exc}"

    # -- the history's thread, and failures of workers -----------------------------------

    def _when_kept(self, future: Future[Any], then: Callable[[Any], object] | None = None) -> None:
        """Hand a history job's result to ``then`` on the UI thread (a failure is reported)."""
        future.add_done_callback(lambda done: self.post_message(HistoryDone(done, then)))

    @on(HistoryDone)
    def _history_done(self, event: HistoryDone) -> None:
        error = event.future.exception()
        if error is not None:
            self._report_failure("The history", error)
        elif event.then is not None:
            event.then(event.future.result())

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker's failure, in one place: one line for the user, the traceback logged."""
        worker = event.worker
        if event.state is WorkerState.ERROR and worker.error is not None:
            self._report_failure(worker.name or worker.group, worker.error)
            if worker.group == "voice_mic":  # go on with captions and typed answers
                self._voice_mic_built(msg.VoiceMicBuilt(Built(None, None)))

    def _report_failure(self, what: str, error: BaseException) -> None:
        log.error("%s failed", what, exc_info=error)
        self.log.error(f"{what} failed", error)
        self.notify(f"{what} failed: {type(error).__name__}: {error}", severity="error", timeout=8)

    def _warn(self, warning: str) -> None:
        if warning:
            self.notify(warning, severity="warning", timeout=8)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from screen_commands(screen)
        yield from super().get_system_commands(screen)

    # -- the voice and the microphone ---------------------------------------------------

    def _request_voice_mic(self) -> None:
        if self.options.build_voice_mic and not self._voice_mic_requested:
            self._voice_mic_requested = True
            # The worker gets copies made now: it never reads what the UI goes on changing.
            settings = dataclasses.replace(self.effective)
            options = dataclasses.replace(self.options)
            self._build_voice_mic(settings, options, self.voice_mic.mic_hold)

    @work(
        thread=True,
        exclusive=True,
        group="voice_mic",
        name="Loading the voice and microphone",
        exit_on_error=False,
    )
    def _build_voice_mic(
        self, settings: Settings, options: AppOptions, mic_hold: threading.Event
    ) -> None:
        def loaded() -> None:  # from the recogniser's loading thread
            self.post_message(msg.RecognizerLoaded())

        def device(kind: str, text: str) -> None:  # from the audio thread
            self.post_message(msg.MicrophoneChanged(kind, text))

        built = build_voice_mic(settings, options, mic_hold, on_change=loaded, on_device=device)
        self.post_message(msg.VoiceMicBuilt(built))

    @on(msg.MicHold)
    def _mic_hold(self, event: msg.MicHold) -> None:
        self.voice_mic.hold_mic(event.held)

    @on(msg.MicrophoneChanged)
    def _microphone_changed(self, event: msg.MicrophoneChanged) -> None:
        """Lost or back: the interview says it in context; elsewhere a toast does."""
        screen = self.screen
        if isinstance(screen, InterviewScreen):
            screen.answer_input.microphone_changed(event.kind, event.text)
        elif event.kind == "lost":
            self.notify(f"Microphone lost: {event.text}.", severity="warning", timeout=8)
        else:
            self.notify(f"Microphone back ({event.text}).")

    @on(msg.VoiceMicBuilt)
    def _voice_mic_built(self, event: msg.VoiceMicBuilt) -> None:
        built = event.built
        self.voice_mic.arrived(built)
        silent_voice = built.speaker.notice if built.speaker is not None else ""
        for notice in built.notices:
            # Muted by choice: why the voice is unavailable is news for the home screen only.
            self._tell(notice, toast=not (self.effective.muted and notice == silent_voice))
        self._recognizer_loaded()

    @on(msg.RecognizerLoaded)
    def _recognizer_loaded(self) -> None:
        """The recogniser finished loading: say which one, or why there is none."""
        listener, home = self.voice_mic.listener, self._home()
        if listener is not None and listener.notice:
            # Either why there is no microphone, or e.g. how to get Vosk's better accuracy.
            self._tell(listener.notice, toast=not listener.available)
        if home is not None:
            home.set_status(self._status_text())
        for screen in self.screen_stack:
            if isinstance(screen, InterviewScreen):
                screen.answer_input.voice_mic_changed()

    def _tell(self, notice: str, *, toast: bool = True) -> None:
        """A notice for the home screen (and a toast), once each."""
        if notice in self._told:
            return
        self._told.add(notice)
        if toast:
            self.notify(notice, severity="warning", timeout=6)
        home = self._home()
        if home is not None:
            home.add_notice(notice)

    def _home(self) -> HomeScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)

    # -- the flow -------------------------------------------------------------------

    @on(HomeScreen.StartRequested)
    def _start_requested(self, event: HomeScreen.StartRequested) -> None:
        self.start_interview(event.choices)

    def start_interview(
        self,
        choices: Choices,
        *,
        competencies: tuple[str, ...] = (),
        resumed: SessionRecord | None = None,
    ) -> None:
        if any(isinstance(screen, InterviewScreen) for screen in self.screen_stack):
            return  # one interview at a time: a start key pressed twice starts it once
        self._request_voice_mic()  # at once if the user was quicker than the delay
        mode = self.modes.get(choices.mode)
        review = mode is not None and mode.shape == "review"
        asked_before = 0
        try:
            if resumed is not None:
                plan, asked_before = self._rest_of(choices, resumed)
            else:
                plan = plan_for(
                    choices,
                    bank=self.bank,
                    modes=self.modes,
                    installed_personas=self.personas.ids,
                    rng=self.rng,
                    panel=self.options.personas,
                    history_stats=self.keeper.history_stats() if review else (),
                    competencies=competencies,
                )
        except PlanError as exc:
            self.notify(str(exc), title="Cannot start", severity="error", timeout=8)
            if resumed is not None:  # taken back for nothing: unfinished again, for everyone
                self._when_kept(
                    self.keeper.later(lambda: self.keeper.end("interrupted")), self._warn
                )
            return
        if plan.notice:
            self.notify(plan.notice)
        self._remember(choices)
        session = plan.session(
            analyzer=analyzer_for(plan.context, self.options.analyze),
            clock=self.clock,
            silence_end_seconds=plan.mode.silence_end_seconds(
                self.effective.drill_silence_end_seconds, self.effective.silence_end_seconds
            ),
        )
        session.asked_before = asked_before
        session.on_answer_closed = self._keep_before_analysis
        lead = self.personas.name(plan.personas[0])
        self.push_screen(
            InterviewScreen(
                plan,
                session,
                voice_mic=self.voice_mic,
                personas=self.personas,
                typed=self.effective.engine == "typed",
                title=f"{plan.mode.name} with {lead}",
                audible_warnings=self.effective.audible_warnings,
                rng=self.rng,
                recording_path=self.keeper.recording_path,
            )
        )
        if resumed is None:
            self._earlier = []
            begin = functools.partial(
                self.keeper.begin,
                mode=plan.mode.id,
                persona=plan.personas[0],
                company=plan.context.company,
                role=plan.context.role,
                plan=plan_record(plan, choices, competencies),
            )
            self._when_kept(self.keeper.later(begin))
        else:
            self.drafts.offer()

    # -- never lose an answer: saved first, drafts, resume -------------------------------

    def _rest_of(self, choices: Choices, resumed: SessionRecord) -> tuple[Plan, int]:
        """The interrupted session's own plan from where it stopped, and how many were
        asked; a session that kept no plan (older ones) is planned again from the choices
        it kept. Raises ``PlanError`` when it cannot go on."""
        rest = rest_of_session(
            self.keeper.session_plan(resumed.info.id),
            resumed.answers,
            choices,
            bank=self.bank,
            modes=self.modes,
            installed_personas=self.personas.ids,
            rng=self.rng,
        )
        self._earlier = earlier_turns(resumed.answers, self.bank.get)
        if rest.notice:
            self.notify(rest.notice, severity="warning", timeout=8)
        return rest.plan, rest.asked_before

    def _keep_before_analysis(self, turn: Turn) -> None:
        """The answer is over: into the history now, before it is analysed.

        The one save the UI waits for (a few ms; the analysis comes next on this
        thread): it goes through the history's thread, after the saves before it.
        """
        kept = turn.snapshot()  # the history's thread reads this copy, never the live turn
        try:
            warning = self.keeper.later(lambda: self.keeper.save_first(kept)).result(
                SAVE_FIRST_WAIT
            )
        except FutureTimeout:
            warning = "Not saved yet: the history is busy; it is kept and saved after"
        except Exception as exc:
            self._report_failure("Saving the answer", exc)
            warning = ""
        self.drafts.answer_kept()
        self._warn(warning)

    @on(TextArea.Changed, "#typed-answer")
    def _typed_answer_changed(self) -> None:
        self.drafts.changed()

    def _remember(self, choices: Choices) -> None:
        """Next time the home screen starts from these choices."""
        changed = dataclasses.replace(
            self.settings,
            persona=choices.persona,
            last_company=choices.company,
            last_role=choices.role,
        )
        if changed != self.settings:
            self._save(changed)

    def _save(self, settings: Settings) -> None:
        try:
            settings.save()
        except OSError as exc:
            self.notify(f"Could not save settings: {exc}", severity="warning")
            return
        self.settings = settings

    def action_toggle_warnings(self) -> None:
        """Audible time warnings on or off, for this run and the next ones."""
        on = not self.effective.audible_warnings
        self.effective.audible_warnings = on
        self._save(dataclasses.replace(self.settings, audible_warnings=on))
        self.notify(
            "Audible time warnings on: the interviewer (or a beep) warns near the limit."
            if on
            else "Audible time warnings off: the timer still turns amber near the limit."
        )

    @on(msg.MuteToggled)
    def _mute_toggled(self, event: msg.MuteToggled) -> None:
        self.effective.muted = event.muted
        self._save(dataclasses.replace(self.settings, muted=event.muted))

    @on(msg.TurnDone)
    def _turn_done(self, event: msg.TurnDone) -> None:
        turn, audio = event.turn, event.audio_path  # a snapshot: the session goes on
        self._when_kept(self.keeper.later(lambda: self.keeper.save(turn, audio)), self._warn)
        self.drafts.answer_kept()
        if event.quit_after:
            self.exit()  # on_unmount waits for the save queued above

    def action_keys_help(self) -> None:
        """f1: the keys of the current screen (f1 again closes them). Over the
        interview the clock waits, as behind every dialog."""
        screen = self.screen
        if isinstance(screen, KeysScreen):
            screen.dismiss(None)
            return
        dialog = KeysScreen(keys_of(screen, self), where(screen))
        if isinstance(screen, InterviewScreen):
            screen.pausing.over_a_held_clock(dialog, lambda _: None)
        else:
            self.push_screen(dialog)

    async def action_quit(self) -> None:
        """ctrl+q: mid-answer the interview asks first and keeps the answer so far."""
        interview = next(
            (s for s in reversed(self.screen_stack) if isinstance(s, InterviewScreen)), None
        )
        if interview is None:
            self.exit()
        else:
            interview.ending.quit()

    @on(msg.SessionFinished)
    def _finished(self, event: msg.SessionFinished) -> None:
        self._when_kept(self.keeper.later(lambda: self.keeper.end("finished")), self._warn)
        # The interview and anything over it (a dialog still open as a drill ends) go.
        self.routes.back_home()
        turns = self._earlier + event.session.turns  # a resumed session: all of it
        self._earlier = []
        self.push_screen(SummaryScreen(summarize_turns(turns), event.title))

    @on(SummaryScreen.HomeRequested)
    def _home_requested(self) -> None:
        if not isinstance(self.screen, SummaryScreen):
            return  # the key was pressed twice: the first press already went home
        self.pop_screen()
        home = self._home()
        if home is not None:
            home.set_status(self._status_text())


def make_app(settings: Settings | None = None, options: AppOptions | None = None) -> HotseatApp:
    return HotseatApp(settings or load_settings(), options or AppOptions())


def run_app(args: argparse.Namespace) -> int:
    from hotseat.audio.native_stderr import stderr_to_log

    # Audio libraries print to file descriptor 2 from their own threads (PortAudio's
    # "Expression ... failed" when a sound server dies): keep them off the screen.
    with stderr_to_log():
        app = make_app(load_settings(), AppOptions.from_args(args))
        app.run()
    if app.exit_note:
        print(f"hotseat: {app.exit_note}", file=sys.stderr)
    return app.return_code or 0
