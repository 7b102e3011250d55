"""A helper process that is busy and never reads its input (as ``sphinx_batch``
recognising a long recording): it notices no end of input, so only its parent can
end it."""

from __future__ import annotations

from multiprocessing.connection import Connection

from hotseat.asr.child_process import serve_stdio


def _busy(_requests: Connection, replies: Connection) -> None:
    replies.send("busy")
    while True:
        sum(range(10_000))


if __name__ == "__main__":
    serve_stdio(_busy)
