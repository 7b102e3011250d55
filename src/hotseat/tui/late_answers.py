"""Answers left being finished when hotseat last closed, finished once it has started.

``HotseatApp`` holds one ``LateAnswers``. Once the history is open (never
holding up the start), a thread of its own runs ``store.unfinished.finish_saved``:
each saved answer whose transcript was still being finished from its recording
(or that a crash cut off: ``store.cut_off``) is finished now, assessed again and
rewritten in place; a toast says how many.

It owns the app's one ``Finisher`` (``asr.finisher``), which the microphone's
listener shares for its late transcripts, the live answers first: so one
recogniser finishes recordings, never one per part, and its helper processes
go once it has been idle a while. Its engine is one like the live one (the
listener's, once it is there; else the engine chosen in the settings, the
built-in one when that cannot run), made on the finisher's thread.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import TYPE_CHECKING

from hotseat.asr.engine import ENGINE_NAMES, Engine, EngineError
from hotseat.asr.finisher import Finisher
from hotseat.asr.loader import load_engine
from hotseat.store.unfinished import Finished, finish_saved

if TYPE_CHECKING:
    from hotseat.tui.app import HotseatApp

log = logging.getLogger("hotseat")


class LateAnswers:
    def __init__(self, app: HotseatApp) -> None:
        self.app = app
        self._stopping = threading.Event()
        self.finisher = Finisher(self._engine)  # the app's one: the listener's too

    def start(self) -> None:
        """Once the history is open: look for such answers on a thread of their own."""
        self.app.history.when_open(self._begin)

    def stop(self) -> None:
        """hotseat is closing: the answers not reached yet wait for the next start."""
        self._stopping.set()

    def close(self) -> None:
        """After the listener has closed: the finisher, and its recogniser's processes."""
        self.finisher.close()

    def _begin(self) -> None:
        if self.app.keeper.problem or self._stopping.is_set():
            return
        threading.Thread(target=self._run, name="hotseat-late-answers", daemon=True).start()

    def _run(self) -> None:
        app = self.app
        try:
            done = finish_saved(
                app.keeper,
                self.finisher,
                app.bank.get,
                app.options.analyze,
                self._stopping.is_set,
            )
        except Exception:  # the rows stay as they are, finished next time
            log.exception("finishing the answers left from last time failed")
            return
        message = _told(done)
        if message and not self._stopping.is_set():
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                app.call_from_thread(app.notify, message, title="Answers finished", timeout=8)

    def _engine(self) -> Engine:
        listener = self.app.voice_mic.listener
        finishing = getattr(listener, "finishing_engine", None)  # (MicListener)
        if finishing is not None:
            try:
                return finishing()  # type: ignore[no-any-return]
            except Exception:  # its engine could not load: one of the settings' own
                log.warning("the listener's engine cannot finish recordings", exc_info=True)
        choice = self.app.effective.engine
        try:
            return load_engine(choice if choice in ENGINE_NAMES else None, isolated=True).engine
        except EngineError:
            return load_engine("sphinx", isolated=True).engine


def _told(done: Finished) -> str:
    """One toast for what came of them ('' when there were none)."""
    parts = []
    if done.finished:
        answers = "answer" if done.finished == 1 else "answers"
        parts.append(
            f"{done.finished} {answers} left being transcribed last time "
            f"{'was' if done.finished == 1 else 'were'} finished from the recording and "
            "scored again"
        )
    if done.gone:
        parts.append(
            f"{done.gone} could not be finished (the recording is gone): the live words are kept"
        )
    if done.failed:
        parts.append(f"{done.failed} could not be finished: the live words are kept")
    return "; ".join(parts) + "." if parts else ""
