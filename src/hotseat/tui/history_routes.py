"""The app's ways into the history: the History and Progress screens, resume and drill.

Those screens load only when opened (plotting is not cheap to import), so
the app handles their messages by name (``on_resume_session``,
``on_drill_competencies``) rather than by class, and hands them to
:class:`HistoryRoutes`, which it holds (composition, not a base class).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Protocol

from textual.app import App

from hotseat.session.choices import Choices
from hotseat.settings import Settings
from hotseat.store.keeper import HistoryKeeper
from hotseat.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from hotseat.session import ModeBook
    from hotseat.store import SessionRecord
    from hotseat.tui.screens.history import ResumeSession
    from hotseat.tui.screens.progress import DrillCompetencies


class RoutesHost(Protocol):
    """What the routes need from the app besides its screens (``HotseatApp`` is one)."""

    keeper: HistoryKeeper
    modes: ModeBook
    effective: Settings

    def initial_choices(self) -> Choices: ...

    def start_interview(
        self,
        choices: Choices,
        *,
        competencies: tuple[str, ...] = (),
        resumed: SessionRecord | None = None,
    ) -> None: ...


class HistoryRoutes:
    """The screens of ``app`` and the hooks of ``host`` (the same object in the app)."""

    def __init__(self, app: App[int], host: RoutesHost) -> None:
        self.app = app
        self.host = host

    def history(self) -> None:
        from hotseat.tui.screens.history import HistoryScreen

        keeper = self.host.keeper
        self.app.push_screen(HistoryScreen(keeper.store, problem=keeper.problem))

    def progress(self) -> None:
        from hotseat.tui.screens.progress import ProgressScreen

        keeper = self.host.keeper
        self.app.push_screen(ProgressScreen(keeper.store, problem=keeper.problem))

    def back_home(self) -> None:
        app = self.app
        while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
            app.pop_screen()

    def resume(self, event: ResumeSession) -> None:
        """From the history screen: continue an interrupted session where it stopped."""
        from hotseat.store import StoreError

        host = self.host
        try:
            record = host.keeper.resume(event.session_id)
        except StoreError as exc:
            self.app.notify(f"Cannot resume: {exc}", severity="error")
            return
        self.back_home()
        info = record.info
        choices = dataclasses.replace(
            host.initial_choices(),
            mode=info.mode if host.modes.get(info.mode) else "mock",
            persona=info.persona or host.effective.persona,
            company=info.company,
            role=info.role,
            count=None,
        )
        host.start_interview(choices, resumed=record)

    def drill(self, event: DrillCompetencies) -> None:
        """From the progress screen: a review session on the weakest competencies."""
        self.back_home()
        choices = dataclasses.replace(
            self.host.initial_choices(), mode="review", source="", count=None
        )
        self.host.start_interview(choices, competencies=event.competencies)
