"""The history as the app uses it: every job on the history's own thread.

``HotseatApp`` holds one ``AppHistory`` around its ``HistoryKeeper``
(``store.keeper``: one thread owns the database). Opening it (quick_check,
migrations), beginning a session, every save, ending and closing it run on
that thread in the order given. The UI thread waits for one job only: an
answer's first save (:meth:`AppHistory.keep_first`, a few ms,
``SAVE_FIRST_WAIT`` at most), made before the answer is analysed so a crash
in the analysis cannot lose it. Any other job's result, or its failure, comes
back to the UI thread as a ``HistoryDone`` message, which the app hands to
:meth:`AppHistory.done`. The History and Progress screens, resume and drill read
and change the history the same way (:meth:`AppHistory.ask`, given to the screens
as their ``store.reads.AskHistory``): a locked or slow database never freezes the
screen. Once an answer is handed over, its typed draft goes (``drafting``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.message import Message

from hotseat.session import Plan, Turn
from hotseat.session.choices import Choices
from hotseat.session.resume import plan_record
from hotseat.store.keeper import HistoryKeeper
from hotseat.store.reads import Read
from hotseat.tui.app_notices import AppNotices
from hotseat.tui.drafting import AnswerDrafts

if TYPE_CHECKING:
    from hotseat.store import Store

log = logging.getLogger("hotseat")
T = TypeVar("T")

SAVE_FIRST_WAIT = 10.0  # seconds the UI waits for an answer's first save (normally a few ms)


@dataclass
class HistoryDone(Message):
    """A job on the history's thread has finished: ``then`` gets its result."""

    future: Future[Any]
    then: Callable[[Any], object] | None


class AppHistory:
    """The history's jobs for the app: ``post`` is the app's ``post_message``."""

    def __init__(
        self,
        keeper: HistoryKeeper,
        post: Callable[[Message], object],
        notices: AppNotices,
        drafts: AnswerDrafts,
    ) -> None:
        self.keeper = keeper
        self.post = post
        self.notices = notices
        self.drafts = drafts
        self.opened: Future[list[str]] | None = None  # set by open(); done once it is open

    def when_done(self, future: Future[Any], then: Callable[[Any], object] | None = None) -> None:
        """Hand a history job's result to ``then`` on the UI thread (a failure is reported)."""
        future.add_done_callback(lambda done: self.post(HistoryDone(done, then)))

    def done(self, event: HistoryDone, *, showing: bool = True) -> None:
        """A job's failure is reported; its result goes to its ``then`` while the app is
        ``showing`` screens (not once it is closing)."""
        error = event.future.exception()
        if error is not None:
            self.notices.failed("The history", error)
        elif event.then is not None and showing:
            event.then(event.future.result())

    def ask(self, job: Callable[[Store], T], then: Callable[[Read[T]], object]) -> None:
        """A read or change of the history for a screen (``store.reads.AskHistory``):
        ``job(store)`` on the history's thread, after the jobs before it; ``then`` gets
        its ``Read`` on the UI thread."""
        self.when_done(self.keeper.read_later(job), then)

    def open(self, where: str = "History") -> None:
        """Open the history; what it found (a repaired file, a migration, sessions to
        resume in ``where``) goes on home."""

        def opened(notices: list[str]) -> None:
            for notice in notices:
                self.notices.tell(notice, toast=False)

        self.opened = self.keeper.open_later(where)
        self.when_done(self.opened, opened)

    def when_open(self, then: Callable[[], object]) -> bool:
        """``then()`` now if the history is open, else once it is (on the UI thread, never
        waiting for it), even if opening failed; False when it is still opening."""
        if self.opened is None or self.opened.done():
            then()
            return True
        over: Future[None] = Future()  # done however the opening ends
        self.opened.add_done_callback(lambda _: over.set_result(None))
        self.when_done(over, lambda _: then())
        return False

    def begin(
        self, plan: Plan, choices: Choices | None = None, competencies: Sequence[str] = ()
    ) -> None:
        """A fresh session: its row, and its plan and the choices that made it (so it
        can be resumed, whatever its mode)."""
        begin = functools.partial(
            self.keeper.begin,
            mode=plan.mode.id,
            persona=plan.personas[0],
            company=plan.context.company,
            role=plan.context.role,
            plan=plan_record(plan, choices, competencies),
        )
        self.when_done(self.keeper.later(begin))

    def keep_first(self, turn: Turn) -> None:
        """The session's ``on_answer_closed``: the answer is over, into the history now,
        before it is analysed (a warning when it could not be saved yet).

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
            self.notices.failed("Saving the answer", exc)
            warning = ""
        self.drafts.answer_kept()
        self.notices.warn(warning)

    def keep(self, turn: Turn, audio: Path | None) -> None:
        """Save ``turn`` (a snapshot) again, with its feedback and recording."""
        self.when_done(self.keeper.later(lambda: self.keeper.save(turn, audio)), self.notices.warn)
        self.drafts.answer_kept()

    def revise(self, turn: Turn) -> None:
        """Save ``turn`` again in its place: its transcript was finished late and it was
        assessed again (``session.heard``)."""
        kept = turn.snapshot()
        self.when_done(self.keeper.later(lambda: self.keeper.revise(kept)), self.notices.warn)

    def end(self, status: str = "finished") -> None:
        """The session is over: marked finished (or, a resume that could not start,
        interrupted again)."""
        self.when_done(self.keeper.later(lambda: self.keeper.end(status)), self.notices.warn)

    def put_back(self, session_id: int, then: Callable[[], object]) -> None:
        """A session resumed on the history's thread but not gone on with (the user had
        left History): unfinished again, whatever session has begun since; ``then()``
        once it is (after a warning, if it could not be written yet)."""

        def done(warning: str) -> None:
            self.notices.warn(warning)
            then()

        self.when_done(self.keeper.later(functools.partial(self.keeper.put_back, session_id)), done)

    def close(self) -> str:
        """Close the history after every save still queued, and stop its thread; what to
        say on the terminal afterwards ('' when all went well)."""
        closed = self.keeper.later(self.keeper.close)
        self.keeper.stop()
        try:
            return closed.result(timeout=0)
        except FutureTimeout:
            return "the history was still busy when hotseat closed"
        except Exception as exc:  # the app is closing: the log and the terminal say it
            log.error("closing the history failed", exc_info=exc)
            return f"closing the history failed: {exc}"
