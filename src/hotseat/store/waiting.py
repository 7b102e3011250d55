"""Writes the database refused, waiting in order in memory and, at once, in a file.

:class:`WaitingWrites` is the :class:`~hotseat.store.recorder.Recorder`'s
queue of :class:`~hotseat.store.writes.Op` s, oldest first. Whenever it changes
while anything waits, the whole queue is written to one *held* file
(``store.spill``), replacing the last, so a crash or kill -9 loses none of it.
Leftovers of earlier runs are taken back to the front of the queue when the
database opens; their files are removed only once their writes are in. At
close, what still waits is released to a file for the next start.
"""

from __future__ import annotations

from pathlib import Path

from hotseat.store import spill
from hotseat.store.errors import StoreError
from hotseat.store.store import Store
from hotseat.store.writes import Op, apply


class WaitingWrites:
    def __init__(self) -> None:
        self.ops: list[Op] = []  # oldest first
        self._claimed: list[Path] = []  # leftover files, removed once their writes are in
        self._held: Path | None = None  # the file keeping what waits, while anything does
        self.on_file = False  # the last write that waits is in that file

    def __len__(self) -> int:
        return len(self.ops)

    def take_leftovers(self, notices: list[str]) -> None:
        """Earlier runs' waiting writes go first (problems reading them go to ``notices``)."""
        leftovers, self._claimed = spill.take_all(notices, skip=self._held)
        self.ops[:0] = leftovers

    def add(self, op: Op) -> None:
        self.ops.append(op)
        self._hold()

    def flush(self, store: Store, ids: dict[str, int]) -> str:
        """Write what waits, in order, stopping at the first failure; returns its
        message ('' when everything went in)."""
        before = len(self.ops)
        error = ""
        while self.ops:
            try:
                apply(store, self.ops[0], ids)
            except StoreError as exc:
                error = str(exc)
                break
            self.ops.pop(0)
        if self.ops:
            if len(self.ops) < before:
                self._hold()  # some went in: the file keeps only the rest
        else:
            self._done_with_files()
        return error

    def keep_for_next_start(self) -> Path | None:
        """At close: what still waits goes to a file the next start takes back (its
        path), and the queue is empty; None when no folder takes it (it still waits)."""
        where = spill.write(self.ops)
        if where is not None:
            self.ops.clear()
            self._done_with_files()  # the leftovers' writes are in the new file
        return where

    def _hold(self) -> None:
        """What waits goes to a file now (replacing the last one): kill -9 loses none of it."""
        where = spill.write(self.ops, held=True)
        self.on_file = where is not None
        if where is None:
            return  # no folder takes it: it waits in memory, and close() says so
        if self._held is not None and self._held != where:
            spill.forget([self._held])
        self._held = where

    def _done_with_files(self) -> None:
        spill.forget(self._claimed)
        self._claimed = []
        if self._held is not None:
            spill.forget([self._held])
            self._held = None
