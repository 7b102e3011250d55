"""A Python helper process that talks over its standard input and output.

The built-in recognizer runs in helpers (``sphinx_process``, and its own
whole-phrase helper ``sphinx_batch``) because pocketsphinx holds the GIL in its
C calls. Each is a plain ``python -m <module>`` (multiprocessing's spawn would
re-import the app's main module, which depends on how hotseat was launched)
that reads requests from standard input and writes replies to standard output,
both as ``multiprocessing.connection`` messages:

- the parent's side is :class:`ChildProcess` (start, the two connections, close);
- the child's ``main()`` is :func:`serve_stdio` with its own loop.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import sys
import weakref
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

Serve = Callable[[Connection, Connection], None]  # (requests in, replies out)


# Helpers still running, ended when the app's interpreter exits: one busy recognising a
# recording does not read its input, so it would not notice the app is gone until done
# (trial7 T11: two ran on as orphans for 30-45 s after quitting).
_RUNNING: weakref.WeakSet[subprocess.Popen[bytes]] = weakref.WeakSet()


def _descendants(pid: int) -> list[int]:
    """The helper's own helpers (``sphinx_process`` starts ``sphinx_batch``), deepest
    last; read from /proc, so none elsewhere (there each helper ends its own)."""
    found: list[int] = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError, ValueError):
            for child in map(int, children.read_text().split()):
                found += [child, *_descendants(child)]
    return found


@atexit.register
def _end_the_rest() -> None:
    for process in list(_RUNNING):
        if process.poll() is None:
            for pid in [*_descendants(process.pid), process.pid]:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=1)


class ChildProcess:
    """``python -m module`` with ``requests`` (to send) and ``replies`` (to receive)."""

    def __init__(self, module: str) -> None:
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # never scribble over the app's screen
            env=env,
        )
        _RUNNING.add(self.process)
        assert self.process.stdin is not None and self.process.stdout is not None
        self.requests = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.replies = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()

    def close(self, farewell: object = None) -> None:
        """Say ``farewell`` (or just close its input: end of input), give it two seconds
        to end, then end it."""
        with contextlib.suppress(OSError, ValueError):
            if farewell is None:
                self.requests.close()
            else:
                self.requests.send(farewell)
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            self.process.wait(timeout=2)
        for end in (self.requests, self.replies):
            with contextlib.suppress(OSError, ValueError):
                end.close()


def serve_stdio(serve: Serve) -> None:
    """The child's ``main()``: ``serve(requests, replies)`` over standard input and output."""
    requests = Connection(os.dup(0), writable=False)
    replies = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # anything printed by accident must not corrupt the replies
    serve(requests, replies)
