"""The app's link to the history: every answer kept the moment it ends.

``HistoryKeeper`` wraps the store's ``Recorder`` (which never drops an answer:
what cannot be written waits in memory and is retried) and turns its status
into one sentence for the user when something is wrong. All calls come from
the UI thread; each is one small SQLite transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from hotseat.session import Turn

if TYPE_CHECKING:
    from hotseat.store import Recorder, SaveStatus, SessionRecord, Store
    from hotseat.store.progress import QuestionHistory


class HistoryKeeper:
    def __init__(self, recorder: Recorder | None = None) -> None:
        self._recorder = recorder
        self.handle: int | None = None  # the session being recorded
        self.problem = ""  # why the history cannot be used, when it cannot
        self._kept_first: dict[int, int] = {}  # id(turn) -> position of its early save

    @property
    def recorder(self) -> Recorder:
        if self._recorder is None:
            from hotseat.store import Recorder

            self._recorder = Recorder()
        return self._recorder

    def open(self) -> list[str]:
        """Open the history now; returns notices for the user (problems, unfinished sessions)."""
        status = self.recorder.open()
        notices = list(self.recorder.notices)
        if not status.saved and status.message:
            self.problem = status.message
            notices.append(f"History: {status.message}")
        waiting = self.recorder.interrupted_sessions()
        if waiting:
            count = (
                f"{len(waiting)} unfinished sessions"
                if len(waiting) > 1
                else "An unfinished session"
            )
            notices.append(f"{count} can be resumed or closed in History (F2).")
        return notices

    @property
    def store(self) -> Store | None:
        return self.recorder.store

    def history_stats(self) -> list[QuestionHistory]:
        store = self.store
        if store is None:
            return []
        from hotseat.store import StoreError, question_history

        try:
            return list(question_history(store).values())
        except StoreError:
            return []

    def begin(
        self,
        *,
        mode: str,
        persona: str,
        company: str,
        role: str,
        plan: dict[str, Any] | None = None,
    ) -> None:
        self.handle = self.recorder.begin_session(
            mode=mode, persona=persona, company=company, role=role, plan=plan
        )
        self._kept_first.clear()

    def session_plan(self, session_id: int) -> dict[str, Any]:
        return self.recorder.session_plan(session_id)

    def session_key(self) -> str:
        return "" if self.handle is None else self.recorder.session_key(self.handle)

    def resume(self, session_id: int) -> SessionRecord:
        record = self.recorder.resume_session(session_id)
        self.handle = session_id
        return record

    def recording_path(self) -> Path | None:
        if self.handle is None:
            return None
        return self.recorder.recording_path(self.handle)

    def save_first(self, turn: Turn) -> str:
        """Keep an answer the moment it ends, before it is analysed; a warning or ''.

        ``save`` later writes the same row again, with the feedback.
        """
        if self.handle is None:
            return ""
        position = self.recorder.next_position(self.handle)
        audio = self.recording_path()
        recorded = audio if audio is not None and audio.is_file() else None
        self._kept_first[id(turn)] = position
        return _warning(self.recorder.save_answer(self.handle, turn, recorded))

    def save(self, turn: Turn, audio_path: Path | None = None) -> str:
        """Keep a finished or skipped turn; returns a warning for the user, or ''."""
        if self.handle is None:
            return ""
        position = self._kept_first.pop(id(turn), None)
        return _warning(self.recorder.save_answer(self.handle, turn, audio_path, position=position))

    def end(self, status: str = "finished") -> str:
        if self.handle is None:
            return ""
        handle, self.handle = self.handle, None
        return _warning(self.recorder.end_session(handle, status))

    def close(self) -> str:
        if self._recorder is None:
            return ""
        if self.handle is not None:
            self.end("interrupted")  # quit mid-session: offered for resuming next time
        return _warning(self._recorder.close())


def _warning(status: SaveStatus) -> str:
    if status.saved:
        return ""
    waiting = f" ({status.pending} waiting to be saved)" if status.pending else ""
    return f"Not saved yet{waiting}: {status.message}"
