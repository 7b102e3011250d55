"""The app's ways into the history: the History and Progress screens, resume and drill.

Those screens load only when opened (plotting is not cheap to import), so
the app handles their messages by name (``on_resume_session``,
``on_drill_competencies``) rather than by class, and hands them to
:class:`HistoryRoutes`, which it holds (composition, not a base class).
The screens come at once and read the history through ``AppHistory.ask`` (on
the history's own thread, after the opening and any save queued before), saying
they are loading meanwhile. Resuming takes the session back on that thread too,
then starts it through ``session_routes``; drilling starts a review session there.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from hotseat.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from hotseat.store import SessionRecord, Store
    from hotseat.store.reads import Read
    from hotseat.tui.app import HotseatApp
    from hotseat.tui.screens.history import ResumeSession
    from hotseat.tui.screens.progress import DrillCompetencies

Resumed = tuple["SessionRecord", dict[str, Any]]  # the session taken back, and its plan


class HistoryRoutes:
    """The history's screens for ``app``, and the sessions they lead to."""

    def __init__(self, app: HotseatApp) -> None:
        self.app = app

    def history(self) -> None:
        from hotseat.tui.screens.history import HistoryScreen

        if not isinstance(self.app.screen, HistoryScreen):  # a key pressed twice: once
            self.app.push_screen(HistoryScreen(self.app.history.ask))

    def progress(self) -> None:
        from hotseat.tui.screens.progress import ProgressScreen

        if not isinstance(self.app.screen, ProgressScreen):
            self.app.push_screen(ProgressScreen(self.app.history.ask))

    def back_home(self) -> None:
        app = self.app
        while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
            app.pop_screen()

    def resume(self, event: ResumeSession) -> None:
        """From the history screen: continue an interrupted session where it stopped.

        The session is taken back (and its plan read) on the history's thread; the
        History screen says so meanwhile. If the user has left it by the time that is
        done, the session is put back, unfinished, to be resumed another time."""
        from hotseat.tui.screens.history import HistoryScreen

        app, keeper, session_id = self.app, self.app.keeper, event.session_id
        asked_on = app.screen

        def take_back(store: Store) -> Resumed:
            return keeper.resume(session_id), keeper.session_plan(session_id)

        def taken(read: Read[Resumed]) -> None:
            if read.value is None:
                if isinstance(asked_on, HistoryScreen) and asked_on.is_attached:
                    asked_on.resume_failed(read.problem)
                else:
                    app.notify(f"Cannot resume: {read.problem}", severity="error")
            elif app.screen is not asked_on:
                app.history.put_back(session_id, then=put_back)
            else:
                self._go_on(*read.value)

        def put_back() -> None:
            app.notify(
                "The session was not resumed: you had left History meanwhile. "
                "It is still there to resume.",
                timeout=8,
            )
            screen = app.screen
            if isinstance(screen, HistoryScreen) and screen.is_mounted:
                screen.reload()  # it may list the session as this run's: list it again

        app.history.ask(take_back, taken)

    def _go_on(self, record: SessionRecord, plan: dict[str, Any]) -> None:
        app = self.app
        self.back_home()
        info = record.info
        choices = dataclasses.replace(
            app.initial_choices(),
            mode=info.mode if app.modes.get(info.mode) else "mock",
            persona=info.persona or app.effective.persona,
            company=info.company,
            role=info.role,
            count=None,
        )
        app.session_routes.start(choices, resumed=record, resumed_plan=plan)

    def drill(self, event: DrillCompetencies) -> None:
        """From the progress screen: a review session on the weakest competencies."""
        self.back_home()
        choices = dataclasses.replace(
            self.app.initial_choices(), mode="review", source="", count=None
        )
        self.app.session_routes.start(choices, competencies=event.competencies)
