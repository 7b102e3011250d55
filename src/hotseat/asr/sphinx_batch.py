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

import contextlib
import os
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from hotseat.asr.engine import EngineError
from hotseat.transcript import Word


class BatchProcess:
    """The helper's side: ``decode()`` blocks (releasing the GIL) until the words come."""

    def __init__(self, config: dict[str, Any], start_timeout: float = 60.0) -> None:
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        self._process = subprocess.Popen(
            [sys.executable, "-m", "hotseat.asr.sphinx_batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._requests = Connection(os.dup(self._process.stdin.fileno()), readable=False)
        self._replies = Connection(os.dup(self._process.stdout.fileno()), writable=False)
        self._process.stdin.close()
        self._process.stdout.close()
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
        with contextlib.suppress(OSError, ValueError):
            self._requests.close()
        try:
            self._process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._process.terminate()
            self._process.wait(timeout=2)
        with contextlib.suppress(OSError, ValueError):
            self._replies.close()


def _serve(requests: Connection, replies: Connection) -> None:
    from pocketsphinx import Decoder

    from hotseat.asr.sphinx_engine import QUICK_BATCH, decode_whole

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
    requests = Connection(os.dup(0), writable=False)
    replies = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # anything printed by accident must not corrupt the replies
    _serve(requests, replies)


if __name__ == "__main__":
    main()
