"""What the app tells the user: notices on the home screen, toasts, and failures.

Every failure is reported here, in one place, as harlequin's app does: a worker
that fails (``Worker.StateChanged``, which ``HotseatApp`` hands to
:meth:`AppNotices.worker_failed`) and a job of the history's thread that fails
(``app_history``) are one line for the user, with the traceback in the log.
A notice (why there is no voice, a file hotseat ignores) is listed on the home
screen once, with a toast when it is news somewhere else (over the home screen the
notice itself is news enough).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.worker import Worker, WorkerState

from hotseat.tui.screens.home import HomeScreen

log = logging.getLogger("hotseat")


class AppNotices:
    """Notices, warnings and failures for ``app``; ``home`` finds its home screen."""

    def __init__(self, app: App[Any], home: Callable[[], HomeScreen | None]) -> None:
        self.app = app
        self.home = home
        self._told: set[str] = set()

    def tell(self, notice: str, *, toast: bool = True) -> None:
        """A notice for the home screen, once each, and a toast when the home screen is
        not in front: over it, a toast would only repeat the notice listed below and
        cover the form and the mode's description for its first seconds."""
        if notice in self._told:
            return
        self._told.add(notice)
        home = self.home()
        if toast and (home is None or self.app.screen is not home):
            self.app.notify(notice, severity="warning", timeout=6)
        if home is not None:
            home.add_notice(notice)

    def warn(self, warning: str) -> None:
        """A toast for a warning ('' for none), e.g. from a save that went wrong."""
        if warning:
            self.app.notify(warning, severity="warning", timeout=8)

    def failed(self, what: str, error: BaseException) -> None:
        """``what`` failed: one line for the user, the traceback in the log."""
        log.error("%s failed", what, exc_info=error)
        self.app.log.error(f"{what} failed", error)
        self.app.notify(
            f"{what} failed: {type(error).__name__}: {error}", severity="error", timeout=8
        )

    def worker_failed(self, worker: Worker[Any]) -> bool:
        """Report ``worker`` if it failed (by its name); True when it had."""
        if worker.state is not WorkerState.ERROR or worker.error is None:
            return False
        self.failed(worker.name or worker.group, worker.error)
        return True
