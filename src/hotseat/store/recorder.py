"""What the app uses during a session: it never drops an answer.

Every call writes straight to the :class:`Store` at once. Only a write the
database refuses (disk full, data folder unwritable, another hotseat holding it
too long) waits: in memory, in order, as an :class:`~hotseat.store.writes.Op`;
the returned :class:`SaveStatus` says why, and the next call (or
:meth:`Recorder.flush`) tries the waiting ones again, before any new write.
Waiting writes are also kept at once in a small JSON file (:mod:`hotseat.store.waiting`),
so a crash or kill -9 loses none; those still waiting when the app closes are
added on the next start. If even that file cannot be written, the status says so.

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
from hotseat.store.cut_off import forget_started, note_started
from hotseat.store.errors import StoreError
from hotseat.store.recordings import free_recording_path
from hotseat.store.records import SessionInfo, SessionRecord, answer_row
from hotseat.store.store import Store, new_session_key
from hotseat.store.waiting import WaitingWrites
from hotseat.store.writes import Op


@dataclass(frozen=True)
class SaveStatus:
    saved: bool  # everything handed over so far is on disk
    pending: int = 0  # how many writes wait in memory
    message: str = ""  # why, when not saved: one sentence for the status line
    on_file: bool = False  # what waits is also in the spill file (kill -9 loses none of it)


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
        self._waiting = WaitingWrites()  # writes the database refused, oldest first
        self._lock = threading.RLock()
        self._keys: dict[int, str] = {}  # handle -> session key
        self._ids: dict[str, int] = {}  # session key -> database id
        self._positions: dict[str, int] = {}  # session key -> next answer position
        self._recordings: dict[str, tuple[int, Path]] = {}  # key -> (position, its recording)
        self._provisional, self.last_error = 0, ""
        self.notices: list[str] = []

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
                self._waiting.take_leftovers(self.notices)
            return self._store

    def open(self) -> SaveStatus:
        """Open the history now (at app start): shows problems early, imports leftovers."""
        return self.flush()

    @property
    def pending(self) -> int:
        return len(self._waiting)

    def _write(self, op: Op, now: Callable[[Store], object]) -> SaveStatus:
        """``now(store)`` at once; if the store refuses, or older writes still wait, ``op``
        waits behind them (order is kept: an answer never lands before its session)."""
        with self._lock:
            if self._waiting:
                self.flush()
            store = self.store
            if store is not None and not self._waiting:
                try:
                    now(store)
                except StoreError as exc:
                    self.last_error = str(exc)
                else:
                    return SaveStatus(saved=True)
            self._waiting.add(op)
            return self._status()

    def _status(self) -> SaveStatus:
        if not self._waiting:
            return SaveStatus(saved=True)
        return SaveStatus(False, len(self._waiting), self.last_error, self._waiting.on_file)

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
        fields: dict[str, Any] = {"mode": mode, "persona": persona, "company": company}
        fields.update(role=role, plan=plan or {})

        def begin(store: Store) -> None:
            self._ids[key] = store.begin_session(**fields, key=key, started_at=started)

        with self._lock:
            self._positions[key] = 0
            self._write(Op("begin", key, started, fields), begin)
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
            key, at = self._key(handle), self._now()
            return self._write(
                Op("end", key, at, {"status": status}),
                lambda store: store.end_session(self._ids[key], status, ended_at=at),
            )

    # -- answers ------------------------------------------------------------------------

    def take_position(self, handle: int) -> int:
        """The next answer's position, taken now (``save_answer`` gets it as ``position``)."""
        with self._lock:
            key = self._key(handle)
            position = self._positions.get(key, 0)
            self._positions[key] = position + 1
            return position

    def recording_path(self, handle: int, ahead: int = 0, turn: Turn | None = None) -> Path | None:
        """Where to record the next answer (None: off, or no folder): the same file when
        asked again, never one already there. ``ahead``: answers handed over whose
        position is not taken yet (they come first); ``turn``: its answer's
        (``store.cut_off``)."""
        if not self.save_recordings:
            return None
        key = self._key(handle)
        position, given = self._positions.get(key, 0) + ahead, self._recordings.get(key)
        path = given[1] if given and given[0] == position else free_recording_path(key, position)
        try:
            private_dir(path.parent)
        except OSError as exc:
            self.last_error = f"Cannot create {path.parent} ({exc}); this answer is not recorded."
            return None
        self._recordings[key] = (position, path)
        if turn is not None:
            note_started(path, answer_row(turn, audio_path=path, position=position))
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
            status = self._write(
                Op("answer", key, row.saved_at, row.to_dict()),
                lambda store: store.save_row(self._ids[key], row),
            )
            forget_started(row.audio_path)  # kept now, or in the waiting writes' file
            return status

    # -- writing what waits -------------------------------------------------------------

    def flush(self) -> SaveStatus:
        """Write every waiting write, in order; stop at the first failure."""
        with self._lock:
            store = self.store
            if store is None:  # the history cannot be opened: say so even with nothing waiting
                return SaveStatus(False, len(self._waiting), self.last_error, self._waiting.on_file)
            error = self._waiting.flush(store, self._ids)
            self.last_error = error if self._waiting else ""
            return self._status()

    def close(self) -> SaveStatus:
        """Last try to write; whatever still waits goes to a file for the next start."""
        with self._lock:
            status = self.flush()
            if self._waiting:
                count = len(self._waiting)
                where = self._waiting.keep_for_next_start()
                why = (
                    f"{count} unsaved changes could not be written anywhere: {self.last_error}"
                    if where is None
                    else f"The history could not be written ({self.last_error}); "
                    f"{count} waiting changes were kept in {where} and will be "
                    "added on the next start."
                )
                status = SaveStatus(False, count, why)
            if self._store is not None:
                self._store.close()
                self._store = None
            return status

    def _require_store(self) -> Store:
        store = self.store
        if store is None:
            raise StoreError(self.last_error or "the history cannot be opened")
        return store
