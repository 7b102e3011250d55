"""The app's ways into the history: the History and Progress screens, resume and drill.

Those screens load only when opened (plotting is not cheap to import), so
the app handles their messages by name (``on_resume_session``,
``on_drill_competencies``) rather than by class, and hands them to
:class:`HistoryRoutes`, which it holds (composition, not a base class).
Resuming and drilling start a session through ``session_routes``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from hotseat.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from textual.screen import Screen

    from hotseat.store import Store
    from hotseat.tui.app import HotseatApp
    from hotseat.tui.screens.history import ResumeSession
    from hotseat.tui.screens.progress import DrillCompetencies


class HistoryRoutes:
    """The history's screens for ``app``, and the sessions they lead to."""

    def __init__(self, app: HotseatApp) -> None:
        self.app = app
        self._waiting = False  # a screen asked for waits for the history to open

    def history(self) -> None:
        from hotseat.tui.screens.history import HistoryScreen

        self._once_open(lambda store, problem: HistoryScreen(store, problem=problem))

    def progress(self) -> None:
        from hotseat.tui.screens.progress import ProgressScreen

        self._once_open(lambda store, problem: ProgressScreen(store, problem=problem))

    def _once_open(self, make: Callable[[Store | None, str], Screen[None]]) -> None:
        """Push the screen ``make`` builds once the history is open: at once as a rule;
        while a large history is still being checked at start, the app stays responsive
        and the screen comes once it is open (unless the user has moved on meanwhile)."""
        app = self.app
        if self._waiting:
            return
        asked_on = app.screen

        def show() -> None:
            self._waiting = False
            if app.screen is asked_on:
                keeper = app.keeper
                app.push_screen(make(keeper.store, keeper.problem))

        if not app.history.when_open(show):
            self._waiting = True
            app.notify("The history is still opening; it shows in a moment.", timeout=4)

    def back_home(self) -> None:
        app = self.app
        while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
            app.pop_screen()

    def resume(self, event: ResumeSession) -> None:
        """From the history screen: continue an interrupted session where it stopped."""
        from hotseat.store import StoreError

        app = self.app
        try:
            record = app.keeper.resume(event.session_id)
        except StoreError as exc:
            app.notify(f"Cannot resume: {exc}", severity="error")
            return
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
        app.session_routes.start(choices, resumed=record)

    def drill(self, event: DrillCompetencies) -> None:
        """From the progress screen: a review session on the weakest competencies."""
        self.back_home()
        choices = dataclasses.replace(
            self.app.initial_choices(), mode="review", source="", count=None
        )
        self.app.session_routes.start(choices, competencies=event.competencies)
