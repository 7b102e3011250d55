"""pocketsphinx in a helper process, so it never freezes the app.

pocketsphinx's Python binding holds the GIL inside its C calls: loading the
model (about 0.3 s per decoder) or decoding a whole phrase (up to about 2 s)
would stop every other thread of the app for that long, the Textual UI
included. So the Listener runs the recognizer in a child process that owns
both decoders; audio goes down a pipe and partials and words come back.
Files (``hotseat transcribe``) use the in-process engine: nothing to freeze.

The child is a plain ``python -m hotseat.asr.sphinx_process`` talking over its
standard input and output (``asr.child_process``, shared with ``sphinx_batch``).
"""

from __future__ import annotations

import collections
import time
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from hotseat.asr.child_process import ChildProcess, serve_stdio
from hotseat.asr.engine import EngineError
from hotseat.transcript import Word

if TYPE_CHECKING:
    from hotseat.asr.sphinx_engine import SphinxEngine


def _serve(requests: Connection, conn: Connection) -> None:
    """The child: owns the SphinxEngine and answers the parent's messages."""
    from hotseat.asr.sphinx_engine import SphinxEngine

    try:
        engine = SphinxEngine(batch_process=True)  # the live pass must never wait on it
    except EngineError as exc:
        conn.send(("error", str(exc)))
        return
    try:
        conn.send(("ready", None))
        _answer(engine, requests, conn)
    finally:
        engine.close()


def _answer(engine: SphinxEngine, requests: Connection, conn: Connection) -> None:
    """The child's loop: one answer's audio after another."""
    from hotseat.asr.sphinx_recognizer import SphinxRecognizer

    recognizer: SphinxRecognizer | None = None
    shown, fed = "", 0
    waiting: collections.deque[tuple[str, Any]] = collections.deque()
    while True:
        try:  # read ahead whatever has arrived, to see whether the answer is over
            if not waiting:
                waiting.append(requests.recv())
            while requests.poll():
                waiting.append(requests.recv())
        except (EOFError, OSError):
            return  # the app went away
        kind, payload = waiting.popleft()
        finishing = any(queued == "finish" for queued, _ in waiting)
        if kind == "start":
            recognizer, shown, fed = engine.recognizer(bool(payload)), "", 0
        elif kind == "feed" and recognizer is not None:
            pcm16, captured_at, over = payload  # time.monotonic(): the same clock here
            quick = recognizer.quick_phrases
            # The answer is over when a "finish" waits behind: no live text is needed.
            recognizer.feed_captured(pcm16, captured_at, over or finishing)
            fed += 1
            if recognizer.quick_phrases and not quick:  # for the transcript's notes
                conn.send(("lagging", max(1, recognizer.lagging)))
            if fed % 4 == 0:  # five times a second: how far it has got (the parent reads it)
                conn.send(("heard", recognizer.heard))
        elif kind == "partial" and recognizer is not None:
            text = recognizer.partial()
            if text != shown:
                shown = text
                conn.send(("partial", text))
            conn.send(("heard", recognizer.heard))  # so the parent knows how far behind it is
        elif kind == "lagging" and recognizer is not None:
            recognizer.set_lagging(int(payload))
        elif kind == "finish" and recognizer is not None:
            if payload is not None:  # the app's bound on waiting for the last phrases
                recognizer.FINAL_BUDGET = float(payload)
            words = recognizer.finish()
            if recognizer.quick_phrases:  # (the last phrase may have been one)
                conn.send(("lagging", max(1, recognizer.lagging)))
            if recognizer.live_from is not None:  # for the transcript's notes
                conn.send(("live_from", recognizer.live_from))
            conn.send(("words", [w.to_dict() for w in words]))
            recognizer = None
        elif kind == "close":
            return


class ProcessRecognizer:
    """The parent's side. The child works out a partial only when asked for one,
    so a parent that is behind (and asks less often) takes load off it too."""

    def __init__(self, engine: SphinxProcessEngine, partials: bool) -> None:
        self._engine = engine
        self._partial = ""
        self._partials = partials
        self._sent = 0.0  # seconds of audio sent to the child
        self._heard = 0.0  # seconds of audio the child had recognised when it last said
        self.degraded = 0  # how far the child cut corners to keep up (its lagging level)
        self.live_from: float | None = None  # see SphinxRecognizer.live_from
        self._budget: float | None = None
        engine.send("start", partials)

    def feed(self, pcm16: bytes) -> None:
        self.feed_captured(pcm16, time.monotonic())

    def feed_captured(self, pcm16: bytes, captured_at: float, over: bool = False) -> None:
        """Audio captured at ``captured_at`` (time.monotonic()): the child skips the
        live pass on audio that is already too old to show, or when the answer is
        ``over`` (see ``sphinx_engine``)."""
        if pcm16:
            self._engine.send("feed", (pcm16, captured_at, over))
            self._sent += len(pcm16) / 2 / 16000

    def backlog(self) -> float:
        """Seconds of audio sent but not yet recognised by the child (as of its last word)."""
        return max(0.0, self._sent - self._heard)

    def set_lagging(self, level: int) -> None:
        self._engine.send("lagging", level)

    def partial(self) -> str:
        if self._partials:
            self._engine.send("partial", None)
        while self._engine.poll():
            self._note(*self._engine.receive())
        return self._partial

    def set_final_budget(self, seconds: float) -> None:
        """How long the child may wait for its last phrases' whole-phrase words."""
        self._budget = seconds

    def finish(self) -> list[Word]:
        self._engine.send("finish", self._budget)
        while True:
            kind, payload = self._engine.receive()
            if kind == "words":
                return [Word.from_dict(item) for item in payload]
            self._note(kind, payload)

    def _note(self, kind: str, payload: Any) -> None:
        if kind == "partial":
            self._partial = str(payload)
        elif kind == "heard":
            self._heard = float(payload)
        elif kind == "lagging":
            self.degraded = max(self.degraded, int(payload))
        elif kind == "live_from":
            self.live_from = float(payload)


class SphinxProcessEngine:
    """The helper process, restarted when it has died: a helper killed mid-answer (by
    the system, or along with a sound server) fails that answer's live recognition,
    and the next ``recognizer()`` starts a fresh one, so the session goes on."""

    name = "sphinx"

    def __init__(self, start_timeout: float = 60.0) -> None:
        self._start_timeout = start_timeout
        self._broken = False
        self._start()

    def _start(self) -> None:
        self._child = ChildProcess("hotseat.asr.sphinx_process")
        self._process = self._child.process  # (tests kill it, as the system might)
        self._requests, self._replies = self._child.requests, self._child.replies
        self._broken = False
        if not self._replies.poll(self._start_timeout):
            self.close()
            raise EngineError("the built-in recognizer did not start in time")
        kind, payload = self.receive()
        if kind != "ready":
            self.close()
            raise EngineError(str(payload))

    @property
    def alive(self) -> bool:
        return not self._broken and self._process.poll() is None

    @property
    def description(self) -> str:
        return "pocketsphinx (built-in US English model)"

    def recognizer(self, partials: bool = True) -> ProcessRecognizer:
        if not self.alive:  # it died during an earlier answer: a fresh one for this
            self.close()
            self._start()
        return ProcessRecognizer(self, partials)

    def send(self, kind: str, payload: Any) -> None:
        try:
            self._requests.send((kind, payload))
        except (OSError, ValueError) as exc:
            self._broken = True
            raise EngineError(f"the built-in recognizer stopped ({exc})") from None

    def poll(self) -> bool:
        try:
            return self._replies.poll()
        except (OSError, ValueError):
            self._broken = True
            return False

    def receive(self) -> tuple[str, Any]:
        try:
            kind, payload = self._replies.recv()
        except (EOFError, OSError) as exc:
            self._broken = True
            raise EngineError("the built-in recognizer stopped unexpectedly") from exc
        return str(kind), payload

    def close(self) -> None:
        self._child.close(("close", None))


def main() -> None:
    """Entry point of the child: requests on standard input, replies on standard output."""
    serve_stdio(_serve)


if __name__ == "__main__":
    main()
