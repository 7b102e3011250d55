"""Keeping the typed answer in progress as a draft, and putting it back after a crash.

The app calls :meth:`AnswerDrafts.changed` on every edit of the answer box: a
draft is written when the last one is ``EVERY`` seconds old, and in any case
``PAUSE`` seconds after the typing stops. The files are written on the drafts'
own thread, in order (an fsync'd write never holds up a key). When the answer
ends (:meth:`AnswerDrafts.answer_ended`) what was typed since is written at once;
the draft goes only once the answer is safe (in the history, or in its spill
file), unless a later answer's draft has replaced it. After a resume,
:meth:`AnswerDrafts.offer` waits until the interrupted question is asked again
and puts the kept text back in the answer box.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from hotseat.session import Phase
from hotseat.store.drafts import Draft, all_drafts, clear_draft, draft_for, save_draft

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from hotseat.store.keeper import HistoryKeeper
    from hotseat.tui.screens.interview import InterviewScreen

EVERY = 3.0  # seconds: the longest a typed answer waits to be kept while typing goes on
PAUSE = 1.0  # seconds without a key: keep it now


def start_notices(history: str = "History") -> list[str]:
    """What the home screen says about answers kept from a session that stopped
    (``history``: where the user resumes it, with its key)."""
    return [
        f"An answer you were typing was kept (“{draft.preview}”): resume its session in "
        f"{history} to go on with it."
        for draft in all_drafts()
    ]


class AnswerDrafts:
    def __init__(self, app: App[int], keeper: HistoryKeeper) -> None:
        self.app = app
        self.keeper = keeper
        self._written = 0.0
        self._pending: Draft | None = None  # typed since the last write
        self._pause: Timer | None = None
        self._offer: Timer | None = None
        self._files = ThreadPoolExecutor(max_workers=1, thread_name_prefix="drafts")
        self._handed = 0  # drafts handed to the drafts' thread (UI thread only)
        self._last: dict[str, int] = {}  # session key -> number of its last draft written

    def _screen(self) -> InterviewScreen | None:
        from hotseat.tui.screens.interview import InterviewScreen

        stack = self.app.screen_stack
        return next((s for s in reversed(stack) if isinstance(s, InterviewScreen)), None)

    def changed(self) -> None:
        """The answer box changed: keep it now, or after the next pause."""
        screen, key = self._screen(), self.keeper.session_key()
        if screen is None or not key or screen.session.phase is not Phase.ANSWERING:
            return
        text = screen.answer_area.typed_text
        if not text.strip():
            return
        question = screen.session.current.question
        self._pending = Draft(key, question.id, question.text, text)
        if self._pause is not None:
            self._pause.stop()
        self._pause = self.app.set_timer(PAUSE, self.write)
        if time.monotonic() - self._written >= EVERY:
            self.write()

    def write(self) -> None:
        """Keep what was typed since the last write (also as the app closes)."""
        draft, self._pending = self._pending, None
        if draft is None:
            return
        self._written = time.monotonic()
        self._handed += 1
        self._on_files(self._save, draft, self._handed)

    def _save(self, draft: Draft, number: int) -> None:  # on the drafts' thread
        warning = save_draft(draft)
        self._last[draft.session_key] = number
        if warning:
            self.app.call_later(self.app.notify, warning, severity="warning", timeout=8)

    def answer_ended(self) -> Callable[[bool], None]:
        """The answer is over: what was typed since the last write is written now.
        Returns ``kept(safe)``, to call (from any thread) once its save is known: when
        ``safe``, the draft goes, unless a later answer's draft has replaced it."""
        if self._pause is not None:
            self._pause.stop()
            self._pause = None
        self.write()
        key, number = self.keeper.session_key(), self._handed

        def kept(safe: bool) -> None:
            if safe and key:
                self._on_files(self._forget, key, number)

        return kept

    def _forget(self, key: str, number: int) -> None:  # on the drafts' thread
        if self._last.get(key, 0) <= number:  # no later answer's draft since
            clear_draft(key)

    def _on_files(self, job: Callable[..., None], *args: object) -> None:
        with contextlib.suppress(RuntimeError):  # closed: a draft left is offered back
            self._files.submit(job, *args)

    def close(self) -> None:
        """Finish the drafts' writes and removals (after the history's last saves)."""
        self._files.shutdown(wait=True)

    def offer(self) -> None:
        """After a resume: the kept text goes back in the box once its question is asked."""
        draft = draft_for(self.keeper.session_key())
        if draft is None:
            return
        self.app.notify(
            f"Your typed answer was kept (“{draft.preview}”); it will be in the answer box.",
            timeout=8,
        )
        self._offer = self.app.set_interval(0.2, lambda: self._restore(draft))

    def _restore(self, draft: Draft) -> None:
        screen = self._screen()
        if screen is None:
            self._stop_offer()
            return
        session = screen.session
        if session.current.question.id != draft.question_id:
            if session.phase is not Phase.ASKING:
                self._stop_offer()  # another question came first: the draft stays on disk
            return
        if session.phase not in (Phase.THINKING, Phase.ANSWERING):
            return
        area = screen.answer_area.text_area
        if not area.text.strip():
            area.text = draft.text
            area.move_cursor(area.document.end)
        self._stop_offer()

    def _stop_offer(self) -> None:
        if self._offer is not None:
            self._offer.stop()
            self._offer = None
