"""The history as the app uses it: every job on the history's own thread.

``HotseatApp`` holds one ``AppHistory`` around its ``HistoryKeeper``
(``store.keeper``: one thread owns the database). Opening it (quick_check,
migrations), beginning a session, every save, ending and closing it run on
that thread in the order given; the UI thread never waits for one. An answer's
first save (:meth:`AppHistory.keep_first`) is queued before the answer is
analysed; its typed draft stays until it is saved, or kept in the spill file.
Every job's result, or its failure, comes back to the UI thread as a
``HistoryDone`` message, which the app hands to :meth:`AppHistory.done`. The
History and Progress screens, resume and drill read and change the history the
same way (:meth:`AppHistory.ask`, given to the screens as their
``store.reads.AskHistory``): a locked or slow database never freezes the screen.
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
from hotseat.store.keeper import HistoryKeeper, Kept
from hotseat.store.reads import Read
from hotseat.tui.app_notices import AppNotices
from hotseat.tui.drafting import AnswerDrafts

if TYPE_CHECKING:
    from hotseat.store import Store

log = logging.getLogger("hotseat")
T = TypeVar("T")


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
        """The session's ``on_answer_closed``: the answer is over, into the history
        before it is analysed, on the history's thread after the saves before it.

        Never waits (another hotseat may hold the database for seconds): the save's
        warning, if any, arrives when it is known; the typed draft goes once the
        answer is safe (saved, or in the spill file).
        """
        self._saving(self.keeper.first_later(turn.snapshot()))  # never the live turn

    def keep(self, turn: Turn, audio: Path | None) -> None:
        """Save ``turn`` (a snapshot) again, with its feedback and recording, in the row
        of its first save."""
        self._saving(self.keeper.save_later(turn, audio))

    def _saving(self, saved: Future[Kept]) -> None:
        kept = self.drafts.answer_ended()
        saved.add_done_callback(lambda done: kept(_safe(done)))  # on the history's thread
        self.when_done(saved, lambda result: self.notices.warn(result.warning))

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


def _safe(done: Future[Kept]) -> bool:
    """The answer is in the history or in the spill file (not when its save failed)."""
    return done.exception() is None and done.result().safe
