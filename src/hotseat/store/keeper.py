"""The app's link to the history: every answer kept the moment it ends.

``HistoryKeeper`` runs the store's ``Recorder`` on the history's own thread
(``later``, ``stop``: ``store.history_thread``; opening, every save and every
read of a screen, in the order given, so a slow or locked database never freezes
the screen) and turns its status into one sentence for the user. Only what the
database refuses waits (in memory, and in ``spill``'s file: a crash loses none).
``read_later(job)`` is ``later`` for a screen (``store.reads``): the history's
problems are the ``Read``'s ``problem``. ``first_later``/``save_later`` hand an
answer over from the UI thread without waiting: its row's position (and so its
recording's file) is reserved at once, so the next answer never takes it while
the save waits. The other methods hold the keeper's lock and wait for the history
to be open (but ``session_key`` and ``recording_path``, asked as the user types
or starts to speak, never wait); the app calls them on the history's thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from hotseat.session import Turn
from hotseat.store.history_thread import HistoryThread
from hotseat.store.reads import Read

if TYPE_CHECKING:
    from hotseat.store import Recorder, SaveStatus, SessionRecord, Store
    from hotseat.store.progress import QuestionHistory

T = TypeVar("T")
P = ParamSpec("P")
OPEN_WAIT = 30.0  # seconds a read waits for the history to open (a very slow disk)


def _locked(
    method: Callable[Concatenate[HistoryKeeper, P], T],
) -> Callable[Concatenate[HistoryKeeper, P], T]:
    """Once the history is open, one thread at a time."""

    def locked(self: HistoryKeeper, /, *args: P.args, **kwargs: P.kwargs) -> T:
        self._wait_open()
        with self._lock:
            return method(self, *args, **kwargs)

    locked.__name__, locked.__doc__ = method.__name__, method.__doc__
    return locked


@dataclass(frozen=True)
class Kept:
    """What became of a save: ``warning`` for the user ('' when all went well);
    ``safe``: the answer is in the database, or waits in the spill file."""

    warning: str = ""
    safe: bool = True


class HistoryKeeper(HistoryThread):
    def __init__(self, recorder: Recorder | None = None) -> None:
        super().__init__()
        self._recorder = recorder
        self.handle: int | None = None  # the session being recorded
        self.problem = ""  # why the history cannot be used, when it cannot
        self._kept_first: dict[int, int] = {}  # turn.serial -> position of its early save
        # turn.serial -> (session, position, recording) of its last save, for a revision
        self._kept: dict[int, tuple[int, int, Path | None]] = {}
        self._lock = threading.RLock()
        self._opening: threading.Event | None = None  # set once open() has run
        self._ahead = 0  # answers handed over whose position is not taken yet
        self._ahead_lock = threading.RLock()
        self._firsts: set[int] = set()  # turn.serial of answers handed to ``first_later``

    # -- the keeper's own thread ---------------------------------------------------------

    def open_later(self, where: str = "History") -> Future[list[str]]:
        """Open the history on its thread; reads from other threads wait until it is open.
        ``where``: how the notices name the place to resume or close sessions."""
        self._opening = threading.Event()
        return self.later(lambda: self.open(where))

    def read_later(self, job: Callable[[Store], T]) -> Future[Read[T]]:
        """``job(store)`` on the history's thread, after the jobs before it (a save
        waiting for a busy database first); a ``StoreError`` or a history that cannot
        be opened (tried again here) is the Read's ``problem``."""

        def read() -> Read[T]:
            from hotseat.store import StoreError

            try:
                with self._lock:
                    store = self.recorder.store  # opened again if it could not be at start
                    if store is None:
                        why = self.recorder.last_error or self.problem
                        return Read(problem=why or "The history cannot be opened.")
                    return Read(job(store))
            except StoreError as exc:
                return Read(problem=str(exc))

        return self.later(read)

    def _wait_open(self) -> None:
        if self._opening is not None:
            self._opening.wait(OPEN_WAIT)

    # -- the history ----------------------------------------------------------------------

    @property
    def recorder(self) -> Recorder:
        if self._recorder is None:
            from hotseat.store import Recorder

            self._recorder = Recorder()
        return self._recorder

    def open(self, where: str = "History") -> list[str]:
        """Open the history now; returns notices for the user (problems, answers cut off
        by a crash, unfinished sessions)."""
        try:
            with self._lock:
                return self._open(where)
        finally:
            if self._opening is not None:
                self._opening.set()

    def _open(self, where: str) -> list[str]:
        status = self.recorder.open()
        notices = list(self.recorder.notices)
        if not status.saved and status.message:
            self.problem = status.message
            notices.append(f"History: {status.message}")
        waiting = self.recorder.interrupted_sessions()
        store = self.recorder.store
        if waiting and store is not None and not store.read_only:
            from hotseat.store import StoreError
            from hotseat.store.cut_off import keep_cut_off

            try:  # before they are offered: resuming goes on after such an answer
                notices += keep_cut_off(store, waiting)
            except StoreError as exc:
                notices.append(f"History: a spoken answer cut off by a crash was not kept ({exc})")
        if waiting:
            count = (
                f"{len(waiting)} unfinished sessions"
                if len(waiting) > 1
                else "An unfinished session"
            )
            notices.append(f"{count} can be resumed or closed in {where}.")
        return notices

    @property
    def store(self) -> Store | None:
        self._wait_open()
        return self.recorder.store

    @_locked
    def history_stats(self) -> list[QuestionHistory]:
        store = self.store
        if store is None:
            return []
        from hotseat.store import StoreError, question_history

        try:
            return list(question_history(store).values())
        except StoreError:
            return []

    @_locked
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

    @_locked
    def put_back(self, session_id: int) -> str:
        """A session taken back by ``resume`` but not gone on with after all: unfinished
        again, to be resumed another time; a warning or ''."""
        if self.handle == session_id:
            self.handle = None
        return _warning(self.recorder.end_session(session_id, "interrupted"))

    @_locked
    def session_plan(self, session_id: int) -> dict[str, Any]:
        return self.recorder.session_plan(session_id)

    def session_key(self) -> str:
        """The key of the session being recorded ('' when none). Never waits: the answer
        box asks on every key typed, while a save may hold the lock on the history's
        thread. Reads two fields set once per session; a handle's key never changes."""
        handle, recorder = self.handle, self._recorder
        return "" if handle is None or recorder is None else recorder.session_key(handle)

    @_locked
    def resume(self, session_id: int) -> SessionRecord:
        record = self.recorder.resume_session(session_id)
        self.handle = session_id
        return record

    def recording_path(self, turn: Turn | None = None) -> Path | None:
        """Where to record the next answer (None: not recorded); ``turn``: its answer's
        (``store.cut_off``). Never waits, like ``session_key``: a spoken answer starts
        while the last one's save may wait for the database; the answers handed over
        before it keep their positions."""
        with self._ahead_lock:  # never held while the database is used
            handle, recorder = self.handle, self._recorder
            if handle is None or recorder is None:
                return None
            return recorder.recording_path(handle, self._ahead, turn)

    def first_later(self, turn: Turn) -> Future[Kept]:
        """An answer just ended (from the UI thread, never waiting): its first save, on
        the history's thread after the jobs before it. Its position and recording are
        reserved now, so the next answer never records over it while the save waits."""
        audio = self._reserve()
        self._firsts.add(turn.serial)
        return self.later(lambda: self.save_first(turn, audio, reserved=True))

    def save_later(self, turn: Turn, audio_path: Path | None = None) -> Future[Kept]:
        """``save`` on the history's thread: after the turn's first save, in its row."""
        if reserved := turn.serial not in self._firsts:  # a skipped turn: a new row
            self._reserve()
        self._firsts.discard(turn.serial)
        return self.later(lambda: self.save(turn, audio_path, reserved=reserved))

    def _reserve(self) -> Path | None:
        with self._ahead_lock:
            path = self.recording_path()
            self._ahead += 1
            return path

    def _place(self, reserved: bool) -> int | None:
        """The position reserved for an answer (None: not reserved, or no session)."""
        if not reserved:
            return None
        with self._ahead_lock:
            self._ahead -= 1
            return None if self.handle is None else self.recorder.take_position(self.handle)

    @_locked
    def save_first(self, turn: Turn, audio: Path | None = None, *, reserved: bool = False) -> Kept:
        """Keep an answer the moment it ends, before it is analysed (``audio``: where
        it was recorded). ``save`` later writes the same row again, with the feedback.
        """
        position = self._place(reserved)
        if self.handle is None:
            return Kept()
        position = self.recorder.take_position(self.handle) if position is None else position
        recorded = audio if audio is not None and audio.is_file() else None
        self._kept_first[turn.serial] = position
        return _kept(self.recorder.save_answer(self.handle, turn, recorded, position=position))

    @_locked
    def save(self, turn: Turn, audio_path: Path | None = None, *, reserved: bool = False) -> Kept:
        """Keep a finished or skipped turn (in its first save's row, if it had one)."""
        position = self._place(reserved)
        if self.handle is None:
            return Kept()
        position = self._kept_first.pop(turn.serial, position)
        position = self.recorder.take_position(self.handle) if position is None else position
        status = self.recorder.save_answer(self.handle, turn, audio_path, position=position)
        self._kept[turn.serial] = (self.handle, position, audio_path)
        return _kept(status)

    @_locked
    def revise(self, turn: Turn) -> str:
        """Write again a turn already kept by ``save`` (its transcript was finished later
        and it was assessed again), in its place and with its recording, even once its
        session has ended; a warning or ''."""
        kept = self._kept.get(turn.serial)
        if kept is None:
            return ""
        handle, position, audio = kept
        return _warning(self.recorder.save_answer(handle, turn, audio, position=position))

    @_locked
    def end(self, status: str = "finished") -> str:
        if self.handle is None:
            return ""
        handle, self.handle = self.handle, None
        return _warning(self.recorder.end_session(handle, status))

    @_locked
    def close(self) -> str:
        if self._recorder is None:
            return ""
        if self.handle is not None:
            self.end("interrupted")  # quit mid-session: offered for resuming next time
        return _warning(self._recorder.close())


def _kept(status: SaveStatus) -> Kept:
    return Kept(_warning(status), status.saved or status.on_file)


def _warning(status: SaveStatus) -> str:
    if status.saved:
        return ""
    waiting = f" ({status.pending} waiting to be saved)" if status.pending else ""
    return f"Not saved yet{waiting}: {status.message}"
