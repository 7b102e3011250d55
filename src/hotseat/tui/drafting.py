"""Keeping the typed answer in progress as a draft, and putting it back after a crash.

The app calls :meth:`AnswerDrafts.changed` on every edit of the answer box: a
draft is written at once when the last one is ``EVERY`` seconds old, and in
any case ``PAUSE`` seconds after the typing stops. The draft goes when the
answer itself is saved (:meth:`AnswerDrafts.answer_kept`). After a resume,
:meth:`AnswerDrafts.offer` waits until the interrupted question is asked again
and puts the kept text back in the answer box.
"""

from __future__ import annotations

import time
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
        warning = save_draft(draft)
        self._written = time.monotonic()
        if warning:
            self.app.notify(warning, severity="warning", timeout=8)

    def answer_kept(self) -> None:
        """The answer is in the history: its draft is no longer needed."""
        self._pending = None
        if self._pause is not None:
            self._pause.stop()
            self._pause = None
        key = self.keeper.session_key()
        if key:
            clear_draft(key)

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
