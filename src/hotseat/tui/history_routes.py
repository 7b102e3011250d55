"""The app's ways into the history: the History and Progress screens, resume and drill.

Those screens load only when opened (plotting is not cheap to import), so
the app handles their messages by name (``on_resume_session``,
``on_drill_competencies``) rather than by class, and hands them to
:class:`HistoryRoutes`, which it holds (composition, not a base class).
Resuming and drilling start a session through ``session_routes``.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from hotseat.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from hotseat.tui.app import HotseatApp
    from hotseat.tui.screens.history import ResumeSession
    from hotseat.tui.screens.progress import DrillCompetencies


class HistoryRoutes:
    """The history's screens for ``app``, and the sessions they lead to."""

    def __init__(self, app: HotseatApp) -> None:
        self.app = app

    def history(self) -> None:
        from hotseat.tui.screens.history import HistoryScreen

        keeper = self.app.keeper
        self.app.push_screen(HistoryScreen(keeper.store, problem=keeper.problem))

    def progress(self) -> None:
        from hotseat.tui.screens.progress import ProgressScreen

        keeper = self.app.keeper
        self.app.push_screen(ProgressScreen(keeper.store, problem=keeper.problem))

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
