"""The Textual app: home, interview and summary screens around one session engine.

``make_app`` builds it for the command line and for tests alike; ``run_app``
is what ``hotseat`` (no subcommand) runs. The app owns the long-lived voice
and microphone: injected ones are used as they are, real ones are built in a
background worker after the first frame so the home screen appears at once.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, SystemCommand
from textual.screen import Screen

from hotseat.session import MonotonicClock, PlanError
from hotseat.settings import Settings, load_settings
from hotseat.tui import messages as msg
from hotseat.tui.commands import screen_commands
from hotseat.tui.keeper import HistoryKeeper
from hotseat.tui.loading import load_bank_safely, load_modes_safely
from hotseat.tui.options import AppOptions
from hotseat.tui.personas import load_persona_book
from hotseat.tui.plan import Choices, plan_for, remaining, source_choices, source_key
from hotseat.tui.review import analyzer_for, summarize_turns
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.summary import SummaryScreen
from hotseat.tui.service_hub import ServiceHub, load_real_services

if TYPE_CHECKING:
    from hotseat.store import SessionRecord
    from hotseat.tui.screens.history import ResumeSession
    from hotseat.tui.screens.progress import DrillCompetencies


class HotseatApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "hotseat"

    def __init__(self, settings: Settings, options: AppOptions) -> None:
        super().__init__()
        self.settings = settings  # as saved: choices made in the app are written back
        self.options = options
        self.effective = dataclasses.replace(
            settings,
            persona=options.persona or settings.persona,
            muted=settings.muted or options.mute,
            input_device=options.input_device or settings.input_device,
            model_path=options.model or settings.model_path,
            engine="typed" if options.typed else settings.engine,
        )
        self.clock = options.clock or MonotonicClock()
        self.rng = random.Random(options.seed)
        self.bank, self.notices = load_bank_safely(options.bank)
        self.modes, mode_notices = load_modes_safely()
        self.personas = load_persona_book()
        self.notices += mode_notices + self.personas.problems + settings.problems
        self.services = ServiceHub(options.speaker, options.listener)
        self.keeper = HistoryKeeper()
        self.exit_note = ""  # said on the terminal after the app closes
        self._told: set[str] = set()
        if options.speaker is not None:
            options.speaker.muted = self.effective.muted

    # -- screens ------------------------------------------------------------------

    def initial_choices(self) -> Choices:
        opts, eff = self.options, self.effective
        return Choices(
            mode=opts.mode or "mock",
            source=source_key(category=opts.category, pack=opts.pack),
            count=opts.count,
            persona=eff.persona,
            company=opts.company if opts.company is not None else eff.last_company,
            role=opts.role if opts.role is not None else eff.last_role,
            notes=opts.notes or "",
        )

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
        hub = self.services
        if self.options.load_services and hub.speaker is None and hub.listener is None:
            return "Getting the voice and microphone ready…"
        voice = "voice on" if hub.voice_on else "captions only"
        if hub.speaker is not None and hub.speaker.available and hub.speaker.muted:
            voice = "voice muted"
        typed = self.effective.engine == "typed" or not hub.mic_on
        answers = "typed answers" if typed else f"spoken answers ({hub.listener_name})"
        return f"{voice} · {answers}"

    def on_mount(self) -> None:
        if self.options.load_services:
            self._load_services()
        self.call_after_refresh(self._open_history)
        if self.options.autostart:
            self.call_after_refresh(self.start_interview, self.initial_choices())

    def _open_history(self) -> None:
        for notice in self.keeper.open():
            self._tell(notice, toast=False)

    def on_unmount(self) -> None:
        self.services.close()
        self.exit_note = self.keeper.close()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from screen_commands(screen)
        yield from super().get_system_commands(screen)

    # -- services -------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="services")
    def _load_services(self) -> None:
        def changed() -> None:  # from the recogniser's loading thread
            self.post_message(msg.ServicesChanged())

        hub = load_real_services(self.effective, self.options, on_change=changed)
        self.post_message(msg.ServicesReady(hub.speaker, hub.listener, hub.notices))

    @on(msg.ServicesReady)
    def _services_ready(self, event: msg.ServicesReady) -> None:
        if self.services.speaker is None:
            self.services.speaker = event.speaker
        if self.services.listener is None:
            self.services.listener = event.listener
        for notice in event.notices:
            self._tell(notice)
        self._services_changed()

    @on(msg.ServicesChanged)
    def _services_changed(self) -> None:
        """The recogniser finished loading: say which one, or why there is none."""
        listener, home = self.services.listener, self._home()
        if listener is not None and listener.notice:
            # Either why there is no microphone, or e.g. how to get Vosk's better accuracy.
            self._tell(listener.notice, toast=not listener.available)
        if home is not None:
            home.set_status(self._status_text())

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
        mode = self.modes.get(choices.mode)
        review = mode is not None and mode.shape == "review"
        try:
            plan = plan_for(
                choices,
                bank=self.bank,
                modes=self.modes,
                installed_personas=self.personas.ids,
                rng=self.rng,
                history_stats=self.keeper.history_stats() if review else (),
                competencies=competencies,
            )
        except PlanError as exc:
            self.notify(str(exc), title="Cannot start", severity="error", timeout=8)
            return
        if resumed is not None:
            plan = remaining(plan, resumed)
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
        lead = self.personas.name(plan.personas[0])
        self.push_screen(
            InterviewScreen(
                plan,
                session,
                services=self.services,
                personas=self.personas,
                typed=self.effective.engine == "typed",
                title=f"{plan.mode.name} with {lead}",
                audible_warnings=self.effective.audible_warnings,
                rng=self.rng,
                recording_path=self.keeper.recording_path,
            )
        )
        if resumed is None:
            self.keeper.begin(
                mode=plan.mode.id,
                persona=plan.personas[0],
                company=plan.context.company,
                role=plan.context.role,
            )

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

    @on(InterviewScreen.MuteToggled)
    def _mute_toggled(self, event: InterviewScreen.MuteToggled) -> None:
        self.effective.muted = event.muted
        self._save(dataclasses.replace(self.settings, muted=event.muted))

    @on(InterviewScreen.TurnDone)
    def _turn_done(self, event: InterviewScreen.TurnDone) -> None:
        warning = self.keeper.save(event.session.turns[event.index], event.audio_path)
        if warning:
            self.notify(warning, severity="warning", timeout=8)

    @on(InterviewScreen.Finished)
    def _finished(self, event: InterviewScreen.Finished) -> None:
        warning = self.keeper.end("finished")
        if warning:
            self.notify(warning, severity="warning", timeout=8)
        self.switch_screen(SummaryScreen(summarize_turns(event.session.turns), event.title))

    # -- history and progress -----------------------------------------------------------

    def action_history(self) -> None:
        from hotseat.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.keeper.store, problem=self.keeper.problem))

    def action_progress(self) -> None:
        from hotseat.tui.screens.progress import ProgressScreen

        self.push_screen(ProgressScreen(self.keeper.store, problem=self.keeper.problem))

    def _back_home(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def on_resume_session(self, event: ResumeSession) -> None:
        """From the history screen (handled by name: that screen loads only when opened)."""
        from hotseat.store import StoreError

        try:
            record = self.keeper.resume(event.session_id)
        except StoreError as exc:
            self.notify(f"Cannot resume: {exc}", severity="error")
            return
        self._back_home()
        info = record.info
        choices = dataclasses.replace(
            self.initial_choices(),
            mode=info.mode if self.modes.get(info.mode) else "mock",
            persona=info.persona or self.effective.persona,
            company=info.company,
            role=info.role,
            count=None,
        )
        self.start_interview(choices, resumed=record)

    def on_drill_competencies(self, event: DrillCompetencies) -> None:
        """From the progress screen: a review session on the weakest competencies."""
        self._back_home()
        choices = dataclasses.replace(self.initial_choices(), mode="review", source="", count=None)
        self.start_interview(choices, competencies=event.competencies)

    @on(SummaryScreen.HomeRequested)
    def _home_requested(self) -> None:
        self.pop_screen()
        home = self._home()
        if home is not None:
            home.set_status(self._status_text())


def make_app(settings: Settings | None = None, options: AppOptions | None = None) -> HotseatApp:
    return HotseatApp(settings or load_settings(), options or AppOptions())


def run_app(args: argparse.Namespace) -> int:
    app = make_app(load_settings(), AppOptions.from_args(args))
    app.run()
    if app.exit_note:
        print(f"hotseat: {app.exit_note}", file=sys.stderr)
    return app.return_code or 0
