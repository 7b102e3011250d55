"""pocketsphinx's whole-phrase decodes in a process of their own.

pocketsphinx's Python binding holds the GIL inside ``process_raw``: decoding a
ten-second phrase whole takes about three seconds of CPU, during which nothing
else in that process runs. In the recognizer's helper process
(``asr.sphinx_process``) that froze the live pass -- the text on the screen --
for as long, at every pause. So the helper hands each finished phrase to this
process (a grandchild of the app), which owns the whole-phrase decoders, and
the live pass goes on meanwhile; on two cores both keep up even with one core
busy elsewhere.

Protocol (``multiprocessing.connection`` over standard input and output):
``(pcm16, offset, quick)`` in, a list of word dicts out; end of input ends it.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from typing import Any

from hotseat.asr.child_process import ChildProcess, serve_stdio
from hotseat.asr.engine import EngineError
from hotseat.transcript import Word


class BatchProcess:
    """The helper's side: ``decode()`` blocks (releasing the GIL) until the words come."""

    def __init__(self, config: dict[str, Any], start_timeout: float = 60.0) -> None:
        self._child = ChildProcess("hotseat.asr.sphinx_batch")
        self._requests, self._replies = self._child.requests, self._child.replies
        self._requests.send(config)
        if not self._replies.poll(start_timeout) or self._replies.recv() != "ready":
            self.close()
            raise EngineError("the whole-phrase recognizer did not start")

    def decode(self, pcm16: bytes, offset: float, quick: bool) -> list[Word]:
        try:
            self._requests.send((pcm16, offset, quick))
            reply = self._replies.recv()
        except (EOFError, OSError, ValueError) as exc:
            raise EngineError(f"the whole-phrase recognizer stopped ({exc})") from None
        return [Word.from_dict(item) for item in reply]

    def close(self) -> None:
        self._child.close()  # end of input ends it


def _serve(requests: Connection, replies: Connection) -> None:
    from pocketsphinx import Decoder

    from hotseat.asr.sphinx_engine import QUICK_BATCH
    from hotseat.asr.sphinx_words import decode_whole

    config: dict[str, Any] = requests.recv()
    decoders = {False: Decoder(logfn="/dev/null", **config)}
    replies.send("ready")
    while True:
        try:
            pcm16, offset, quick = requests.recv()
        except (EOFError, OSError):
            return  # the helper went away
        if quick and True not in decoders:  # made when first needed: most runs never are
            decoders[True] = Decoder(logfn="/dev/null", **{**QUICK_BATCH, **config})
        words = decode_whole(decoders[bool(quick)], pcm16, offset)
        replies.send([w.to_dict() for w in words])


def main() -> None:
    serve_stdio(_serve)


if __name__ == "__main__":
    main()
