"""What the app uses during a session: it never drops an answer.

Every call writes through at once. When the database cannot be written (disk
full, data folder unwritable, another hotseat holding it too long), the work
waits in memory in order, the returned :class:`SaveStatus` says why, and the
next call (or :meth:`Recorder.flush`) tries again. Work still waiting when the
app closes is written to a small JSON file beside the history (or in the
cache folder) and imported on the next start; if even that fails, the status
says so. Nothing is dropped silently.

Sessions are named by their key, so an answer can wait for a session that is
itself still waiting to be written. ``begin_session`` returns the database id
when it could write at once, else a provisional negative id that keeps working
(see :meth:`Recorder.resolve`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hotseat.privacy import private_dir
from hotseat.session import Turn
from hotseat.settings import load_settings
from hotseat.store import spill
from hotseat.store.errors import StoreError
from hotseat.store.recordings import recording_path
from hotseat.store.records import SessionInfo, SessionRecord, answer_row
from hotseat.store.store import Store, new_session_key
from hotseat.store.writes import Op, apply


@dataclass(frozen=True)
class SaveStatus:
    saved: bool  # everything handed over so far is on disk
    pending: int = 0  # how many writes wait in memory
    message: str = ""  # why, when not saved: one sentence for the status line


class Recorder:
    def __init__(
        self,
        *,
        path: Path | None = None,
        save_recordings: bool | None = None,
        now: Callable[[], float] = time.time,
        opener: Callable[[], Store] | None = None,
    ) -> None:
        if save_recordings is None:
            save_recordings = load_settings().save_recordings
        self.save_recordings = save_recordings  # False: transcripts only
        self._now = now
        self._opener = opener or (lambda: Store(path, now=now))
        self._store: Store | None = None
        self._queue: list[Op] = []
        self._lock = threading.RLock()
        self._keys: dict[int, str] = {}  # handle -> session key
        self._ids: dict[str, int] = {}  # session key -> database id
        self._positions: dict[str, int] = {}  # session key -> next answer position
        self._provisional = 0
        self._claimed: list[Path] = []  # leftover files, removed once their writes are in
        self.notices: list[str] = []
        self.last_error = ""

    # -- the database, opened lazily and again after a failure ------------------------

    @property
    def store(self) -> Store | None:
        """The open store, trying to open it if it is not open yet."""
        with self._lock:
            if self._store is None:
                try:
                    self._store = self._opener()
                except StoreError as exc:
                    self.last_error = str(exc)
                    return None
                self.notices.extend(self._store.notices)
                leftovers, self._claimed = spill.take_all(self.notices)
                self._queue[:0] = leftovers
            return self._store

    def open(self) -> SaveStatus:
        """Open the history now (at app start): shows problems early, imports leftovers."""
        return self.flush()

    @property
    def pending(self) -> int:
        return len(self._queue)

    # -- sessions ---------------------------------------------------------------------

    def begin_session(
        self,
        *,
        mode: str = "",
        persona: str = "",
        company: str = "",
        role: str = "",
        plan: dict[str, Any] | None = None,
    ) -> int:
        started = self._now()
        key = new_session_key(started)
        with self._lock:
            self._positions[key] = 0
            self._queue.append(
                Op(
                    "begin",
                    key,
                    started,
                    {
                        "mode": mode,
                        "persona": persona,
                        "company": company,
                        "role": role,
                        "plan": plan or {},
                    },
                )
            )
            self.flush()
            handle = self._ids.get(key)
            if handle is None:
                self._provisional -= 1
                handle = self._provisional
            self._keys[handle] = key
            return handle

    def resolve(self, handle: int) -> int | None:
        """The database id of a session handle, once the session is written."""
        key = self._keys.get(handle)
        return self._ids.get(key) if key else None

    def session_key(self, handle: int) -> str:
        return self._key(handle)

    def _key(self, handle: int) -> str:
        key = self._keys.get(handle)
        if key is None:
            raise StoreError(f"there is no session {handle} in this recorder")
        return key

    def resume_session(self, session_id: int) -> SessionRecord:
        """Continue an interrupted session: later answers follow its saved ones."""
        store = self._require_store()
        record = store.resume_session(session_id)
        with self._lock:
            self._keys[session_id] = record.info.key
            self._ids[record.info.key] = session_id
            last = max((a.position for a in record.answers), default=-1)
            self._positions[record.info.key] = last + 1
        return record

    def session_plan(self, session_id: int) -> dict[str, Any]:
        """The plan stored with a session, or {} (an older session, or no history)."""
        store = self.store
        if store is None:
            return {}
        try:
            return store.session_plan(session_id)
        except StoreError:
            return {}

    def next_position(self, handle: int) -> int:
        """The position the next answer of this session will take."""
        return self._positions.get(self._key(handle), 0)

    def close_session(self, session_id: int) -> None:
        self._require_store().close_session(session_id)

    def interrupted_sessions(self) -> list[SessionInfo]:
        """Unfinished sessions to offer for resuming (none if the history is unreadable)."""
        store = self.store
        if store is None:
            return []
        try:
            return store.interrupted_sessions()
        except StoreError as exc:
            self.last_error = str(exc)
            return []

    def end_session(self, handle: int, status: str = "finished") -> SaveStatus:
        with self._lock:
            self._queue.append(Op("end", self._key(handle), self._now(), {"status": status}))
            return self.flush()

    # -- answers ------------------------------------------------------------------------

    def recording_path(self, handle: int) -> Path | None:
        """Where to record the next answer, or None when recordings are off."""
        if not self.save_recordings:
            return None
        key = self._key(handle)
        path = recording_path(key, self._positions.get(key, 0))
        try:
            private_dir(path.parent)
        except OSError as exc:
            self.last_error = f"Cannot create {path.parent} ({exc}); this answer is not recorded."
            return None
        return path

    def save_answer(
        self,
        handle: int,
        turn: Turn,
        audio_path: Path | str | None = None,
        *,
        position: int | None = None,
    ) -> SaveStatus:
        """Keep a finished or skipped turn: on disk now, or in memory until possible.

        ``position`` rewrites an answer already kept (saved first, then again with
        its feedback); by default the answer takes the next position.
        """
        with self._lock:
            key = self._key(handle)
            if position is None:
                position = self._positions.get(key, 0)
                self._positions[key] = position + 1
            row = answer_row(
                turn,
                audio_path=audio_path if self.save_recordings else None,
                position=position,
                saved_at=self._now(),
            )
            self._queue.append(Op("answer", key, row.saved_at, row.to_dict()))
            return self.flush()

    # -- writing what waits -------------------------------------------------------------

    def flush(self) -> SaveStatus:
        """Write everything waiting, in order; stop at the first failure."""
        with self._lock:
            store = self.store
            if store is None:  # the history cannot be opened: say so even with nothing waiting
                return SaveStatus(saved=False, pending=len(self._queue), message=self.last_error)
            while self._queue:
                try:
                    apply(store, self._queue[0], self._ids)
                except StoreError as exc:
                    self.last_error = str(exc)
                    break
                self._queue.pop(0)
            if not self._queue:
                self.last_error = ""
                spill.forget(self._claimed)
                self._claimed = []
                return SaveStatus(saved=True)
            return SaveStatus(saved=False, pending=len(self._queue), message=self.last_error)

    def close(self) -> SaveStatus:
        """Last try to write; whatever still waits goes to a file for the next start."""
        with self._lock:
            status = self.flush()
            if self._queue:
                where = spill.write(self._queue)
                if where is None:
                    status = SaveStatus(
                        False,
                        len(self._queue),
                        f"{len(self._queue)} unsaved changes could not be written anywhere: "
                        f"{self.last_error}",
                    )
                else:
                    count = len(self._queue)
                    self._queue.clear()
                    spill.forget(self._claimed)  # their writes are in the new file
                    self._claimed = []
                    status = SaveStatus(
                        False,
                        count,
                        f"The history could not be written ({self.last_error}); "
                        f"{count} waiting changes were kept in {where} and will be "
                        "added on the next start.",
                    )
            if self._store is not None:
                self._store.close()
                self._store = None
            return status

    def _require_store(self) -> Store:
        store = self.store
        if store is None:
            raise StoreError(self.last_error or "the history cannot be opened")
        return store
