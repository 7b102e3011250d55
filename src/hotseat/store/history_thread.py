"""The history's own thread: jobs run one at a time, in the order given.

``HistoryThread.later(job)`` queues ``job`` and returns a future for its result
(or its exception); the thread starts with the first job. ``stop()`` lets the
queued jobs finish, then ends the thread (it waits at most ``timeout`` seconds:
quitting never hangs on a history that stays locked). ``HistoryKeeper``
(``store.keeper``) is one: every use of the database goes through it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")
_Job = tuple[Callable[[], Any], "Future[Any]"]


class HistoryThread:
    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def later(self, job: Callable[[], T]) -> Future[T]:
        """Run ``job`` on the history's thread after the jobs before it; its result or
        exception arrives in the future."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._own, name="history", daemon=True)
            self._thread.start()
        future: Future[T] = Future()
        self._jobs.put((job, future))
        return future

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the queued jobs, then end the history's thread."""
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(timeout)
            self._thread = None

    def _own(self) -> None:
        while (item := self._jobs.get()) is not None:
            job, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(job())
            except BaseException as exc:  # handed to whoever waits on the future
                future.set_exception(exc)
