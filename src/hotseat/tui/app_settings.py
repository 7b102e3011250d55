"""Settings chosen in the app, remembered for the next run.

``HotseatApp`` reads ``settings.toml`` once (``hotseat.settings``) and holds two
copies: the settings as saved, and this run's (``effective``: the saved ones
with the command line's options applied, never saved as such). A choice the
user makes in the app changes this run and is written back to the saved file:
the interviewer, company and role a session started with (the home screen
starts from them next time), audible time warnings (command palette) and mute
(ctrl+t). A file that cannot be written is a warning, never fatal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from hotseat.session.choices import Choices
from hotseat.settings import Settings


class ChosenSettings:
    """``saved`` (as in the file) and ``effective`` (this run's), kept in step."""

    def __init__(self, saved: Settings, effective: Settings, notify: Callable[..., Any]) -> None:
        self.saved = saved
        self.effective = effective
        self.notify = notify  # the app's notify

    def remember_choices(self, choices: Choices) -> None:
        """Next time the home screen starts from these choices."""
        changed = dataclasses.replace(
            self.saved,
            persona=choices.persona,
            last_company=choices.company,
            last_role=choices.role,
        )
        if changed != self.saved:
            self._save(changed)

    def toggle_warnings(self) -> None:
        """Audible time warnings on or off, for this run and the next ones."""
        on = not self.effective.audible_warnings
        self.effective.audible_warnings = on
        self._save(dataclasses.replace(self.saved, audible_warnings=on))
        self.notify(
            "Audible time warnings on: the interviewer (or a beep) warns near the limit."
            if on
            else "Audible time warnings off: the timer still turns amber near the limit."
        )

    def set_muted(self, muted: bool) -> None:
        self.effective.muted = muted
        self._save(dataclasses.replace(self.saved, muted=muted))

    def _save(self, settings: Settings) -> None:
        try:
            settings.save()
        except OSError as exc:
            self.notify(f"Could not save settings: {exc}", severity="warning")
            return
        self.saved = settings
