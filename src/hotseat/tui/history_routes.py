"""The app's ways into the history: the History and Progress screens, resume and drill.

Those screens load only when opened (plotting is not cheap to import), so
their messages are handled by name (``on_resume_session``,
``on_drill_competencies``) rather than by class.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from textual.app import App

from hotseat.settings import Settings
from hotseat.tui.keeper import HistoryKeeper
from hotseat.tui.plan import Choices
from hotseat.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from hotseat.session import ModeBook
    from hotseat.store import SessionRecord
    from hotseat.tui.screens.history import ResumeSession
    from hotseat.tui.screens.progress import DrillCompetencies


class HistoryRoutes(App[int]):
    """Part of ``HotseatApp``: it supplies the attributes and hooks declared here."""

    keeper: HistoryKeeper
    modes: ModeBook
    effective: Settings

    def initial_choices(self) -> Choices:
        raise NotImplementedError

    def start_interview(
        self,
        choices: Choices,
        *,
        competencies: tuple[str, ...] = (),
        resumed: SessionRecord | None = None,
    ) -> None:
        raise NotImplementedError

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
        """From the history screen: continue an interrupted session where it stopped."""
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
