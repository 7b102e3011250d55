"""The Textual app: home, interview and summary screens around one session engine.

``make_app`` builds it for the command line and for tests alike; ``run_app``
is what ``hotseat`` (no subcommand) runs. ``HotseatApp`` says what it owns and
when each is started and stopped; its parts, each in a module of its own:

- ``app_voice_mic``: the voice and microphone built in a worker, and their news;
- ``app_history``: every job on the history's own thread, and what comes back;
- ``app_notices``: notices on the home screen, toasts, and every failure of a
  worker or of the history in one place;
- ``app_settings``: choices made in the app, remembered for the next run;
- ``session_routes``: home -> interview (fresh or resumed) -> summary -> home;
- ``history_routes``: the History and Progress screens, resume and drill;
- ``drafting``: the typed answer in progress kept as a draft;
- ``late_answers``: answers left being transcribed last time, finished on start;
- ``commands`` (the command palette, f1's keys) and ``keymap`` (the user's ``[keys]``).

The app's own handlers only route each message or key to the part that acts.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import TextArea
from textual.worker import Worker

from hotseat.feedback import prepare as prepare_feedback
from hotseat.session import MonotonicClock
from hotseat.session.choices import Choices, source_choices
from hotseat.session.loading import load_bank_safely, load_modes_safely
from hotseat.settings import Settings, load_settings
from hotseat.speech.persona_book import load_persona_book
from hotseat.startup import startup_notices
from hotseat.store.keeper import HistoryKeeper
from hotseat.tui import messages as msg
from hotseat.tui.app_history import AppHistory, HistoryDone
from hotseat.tui.app_notices import AppNotices
from hotseat.tui.app_settings import ChosenSettings
from hotseat.tui.app_voice_mic import VOICE_MIC_DELAY, VoiceMicLoader
from hotseat.tui.commands import screen_commands, toggle_keys
from hotseat.tui.drafting import AnswerDrafts, start_notices
from hotseat.tui.history_routes import HistoryRoutes
from hotseat.tui.keymap import apply_user_keys
from hotseat.tui.late_answers import LateAnswers
from hotseat.tui.options import AppOptions
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.summary import SummaryScreen
from hotseat.tui.session_routes import SessionRoutes
from hotseat.tui.voice_mic import Built, VoiceMic

if TYPE_CHECKING:
    from hotseat.tui.screens.history import ResumeSession
    from hotseat.tui.screens.progress import DrillCompetencies


class HotseatApp(App[int]):
    """What the app owns for its whole life, in one place:

    - ``voice_mic``: the voice and the microphone (``VoiceMic``); created in
      ``__init__``, the real ones built in a worker after the first frame
      (``on_mount``), closed in ``on_unmount``. Screens get it as an argument and
      ask for the microphone to be held (``messages.MicHold``) by message;
    - ``keeper``: the history, on its own thread (used through ``history``);
      opened in ``on_mount``, its queued saves finished and its thread stopped in
      ``on_unmount``;
    - ``drafts``: the typed answer in progress, written out in ``on_unmount``.
    """

    CSS_PATH = "app.tcss"
    TITLE = "hotseat"
    # Textual's ctrl+q, shown in every footer (last): mid-answer it asks first.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("f1", "keys_help", "Keys", priority=True, id="app.keys"),
    ]

    def __init__(self, settings: Settings, options: AppOptions) -> None:
        super().__init__()
        self.options = options
        self.effective = options.applied_to(settings)  # this run's settings, never saved
        self.chosen = ChosenSettings(settings, self.effective, self.notify)  # and remembered
        self.clock = options.clock or MonotonicClock()
        self.rng = random.Random(options.seed)
        # What the home screen lists as it opens; later news goes through ``notices``.
        self.bank, self.home_notices = load_bank_safely(options.bank)
        self.modes, mode_notices = load_modes_safely()
        self.personas = load_persona_book()
        self.home_notices += mode_notices + self.personas.problems + settings.problems
        self.home_notices += startup_notices()  # private folders, files hotseat would ignore
        self.key_names, key_problems = apply_user_keys(self, settings)  # the [keys] table
        self.home_notices += key_problems
        if self.effective.persona not in self.personas.ids:
            first, wanted = self.personas.choices[0].name, self.effective.persona
            self.home_notices.append(
                f"There is no interviewer {wanted!r}; {first} will ask instead."
            )
        self.notices = AppNotices(self, self.home)
        self.voice_mic = VoiceMic(
            options.speaker, options.listener, loading=options.build_voice_mic
        )
        self.voice_mic_loader = VoiceMicLoader(self)
        self.keeper = HistoryKeeper()
        self.drafts = AnswerDrafts(self, self.keeper)
        self.history = AppHistory(self.keeper, self.post_message, self.notices, self.drafts)
        # typed answers kept from a session that stopped
        self.home_notices += start_notices(self.history_named())
        self.session_routes = SessionRoutes(self)
        self.history_routes = HistoryRoutes(self)  # history, progress, resume, drill
        self.late_answers = LateAnswers(self)  # left being transcribed when it last closed
        self.exit_note = ""  # said on the terminal after the app closes
        if options.speaker is not None:
            options.speaker.muted = self.effective.muted

    # -- started on mount, stopped on unmount ----------------------------------------

    def on_mount(self) -> None:
        # First of all: the history's thread opens it before any other job is queued
        # (a start key pressed at once queues the session's first save behind it).
        self.history.open(self.history_named())
        self.late_answers.start()  # once it is open, on a thread of its own
        if self.options.build_voice_mic:
            # Loading the recogniser holds Python's lock for a few hundred ms at a time:
            # let the home screen settle and answer the first keys before it starts.
            self.set_timer(VOICE_MIC_DELAY, self.voice_mic_loader.request)
        self.call_after_refresh(self._prepare_feedback)
        if self.options.autostart:
            self.call_after_refresh(self.session_routes.start, self.initial_choices())

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

    def on_unmount(self) -> None:
        self.late_answers.stop()
        self.drafts.write()  # quitting mid-answer: the typed text waits for the resume
        self.voice_mic.close()
        self.late_answers.close()  # the finisher the listener shared, once it is closed
        self.exit_note = self.history.close()  # after every save still queued
        self.drafts.close()  # after the drafts those saves have made safe to remove

    # -- screens --------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen(
            modes=list(self.modes),
            sources=source_choices(self.bank),
            personas=self.personas.choices,
            initial=self.initial_choices(),
            notices=list(self.home_notices),
            status=self.status_text(),
        )

    def initial_choices(self) -> Choices:
        return self.options.initial_choices(self.effective)

    def status_text(self) -> str:
        effective = self.effective
        return self.voice_mic.status_text(typed=effective.engine == "typed", muted=effective.muted)

    def history_named(self) -> str:
        """The History screen, named with its key as the user has it ("History (f9)")."""
        return f"History ({self.key_names('home.history')})"

    def home(self) -> HomeScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)

    @on(HomeScreen.StartRequested)
    def _start_requested(self, event: HomeScreen.StartRequested) -> None:
        self.session_routes.start(event.choices)

    @on(msg.SessionFinished)
    def _finished(self, event: msg.SessionFinished) -> None:
        self.session_routes.finished(event.session, event.title)

    @on(SummaryScreen.HomeRequested)
    def _home_requested(self) -> None:
        self.session_routes.home_from_summary()

    def action_history(self) -> None:
        self.history_routes.history()

    def action_progress(self) -> None:
        self.history_routes.progress()

    def on_resume_session(self, event: ResumeSession) -> None:
        self.history_routes.resume(event)

    def on_drill_competencies(self, event: DrillCompetencies) -> None:
        self.history_routes.drill(event)

    def action_keys_help(self) -> None:
        """f1: the keys of the current screen (``commands.toggle_keys``)."""
        toggle_keys(self)

    async def action_quit(self) -> None:
        """ctrl+q: mid-answer the interview asks first and keeps the answer so far."""
        interview = next(
            (s for s in reversed(self.screen_stack) if isinstance(s, InterviewScreen)), None
        )
        if interview is None:
            self.session_routes.quit()  # asks first only while answers are being finished
        else:
            interview.ending.quit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from screen_commands(screen)
        yield from super().get_system_commands(screen)

    # -- never lose an answer: kept before it is analysed and after (``app_history``) --

    @on(msg.TurnDone)
    def _turn_done(self, event: msg.TurnDone) -> None:
        self.history.keep(event.turn, event.audio_path)  # a snapshot: the session goes on
        if event.quit_after:
            self.exit()  # on_unmount waits for the save queued above

    @on(msg.TranscriptRevised)
    def _transcript_revised(self, event: msg.TranscriptRevised) -> None:
        self.session_routes.transcript_revised(event.heard, event.token, event.transcript)

    @on(TextArea.Changed, "#typed-answer")
    def _typed_answer_changed(self) -> None:
        self.drafts.changed()

    @on(HistoryDone)
    def _history_done(self, event: HistoryDone) -> None:
        self.history.done(event, showing=bool(self.screen_stack))

    # -- failures of workers: one place (``app_notices``) ------------------------------

    @on(Worker.StateChanged)
    def _worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Every worker's failure: one line for the user, the traceback logged."""
        worker = event.worker
        if self.notices.worker_failed(worker) and worker.group == "voice_mic":
            self.voice_mic_loader.built(Built(None, None))  # go on: captions, typed answers

    # -- the voice and the microphone (``app_voice_mic``) ------------------------------

    @on(msg.VoiceMicBuilt)
    def _voice_mic_built(self, event: msg.VoiceMicBuilt) -> None:
        self.voice_mic_loader.built(event.built)

    @on(msg.RecognizerLoaded)
    def _recognizer_loaded(self) -> None:
        self.voice_mic_loader.recognizer_loaded()

    @on(msg.MicrophoneChanged)
    def _microphone_changed(self, event: msg.MicrophoneChanged) -> None:
        self.voice_mic_loader.microphone_changed(event.kind, event.text)

    @on(msg.MicHold)
    def _mic_hold(self, event: msg.MicHold) -> None:
        self.voice_mic.hold_mic(event.held)

    # -- settings chosen in the app, remembered (``app_settings``) ----------------------

    def action_toggle_warnings(self) -> None:
        """Audible time warnings on or off, for this run and the next ones."""
        self.chosen.toggle_warnings()

    @on(msg.MuteToggled)
    def _mute_toggled(self, event: msg.MuteToggled) -> None:
        self.chosen.set_muted(event.muted)


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
