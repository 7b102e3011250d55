"""Helper processes that end with the process that started them.

A killed hotseat (or a killed test run) must not leave a ``pactl subscribe``
(or, in the tests, a private PulseAudio daemon) running on its own. On Linux
the kernel can send a child a signal when its parent dies
(``prctl(PR_SET_PDEATHSIG)``): :func:`die_with_parent` asks for that, as a
``preexec_fn`` of ``subprocess.Popen``. It is a no-op elsewhere.

Two things to know: the signal comes when the *thread* that started the child
ends, so start such children from a thread that lives as long as they should
(the main thread, or the thread that reads them); and a child that forks on
(a daemon that double-forks) does not pass it on, so run it in the foreground.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def _prctl() -> Callable[..., int] | None:
    """libc's prctl, looked up now: the child, between fork and exec, only calls it."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_prctl_call = _prctl()


def die_with_parent(sig: int = signal.SIGTERM) -> Callable[[], None]:
    """A ``preexec_fn``: the child gets ``sig`` when the thread that started it ends."""
    parent = os.getpid()

    def arrange() -> None:
        if _prctl_call is None:
            return
        _prctl_call(_PR_SET_PDEATHSIG, int(sig))
        if os.getppid() != parent:  # the parent died before the request was made
            os.kill(os.getpid(), sig)

    return arrange
