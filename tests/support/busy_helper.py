"""A helper process that is busy and never reads its input (as ``sphinx_batch``
recognising a long recording): it notices no end of input, so only its parent can
end it."""

from __future__ import annotations

import os
from multiprocessing.connection import Connection

from hotseat.asr.child_process import ChildProcess, serve_stdio

# Set: the helper starts a busy helper of its own first (as sphinx_process starts
# sphinx_batch) and replies with its pid.
WITH_CHILD = "HOTSEAT_TEST_BUSY_CHILD"


def _busy(_requests: Connection, replies: Connection) -> None:
    if os.environ.pop(WITH_CHILD, ""):
        child = ChildProcess("tests.support.busy_helper")
        replies.send(f"busy {child.replies.recv()} {child.process.pid}")
    else:
        replies.send("busy")
    while True:
        sum(range(10_000))


if __name__ == "__main__":
    serve_stdio(_busy)
