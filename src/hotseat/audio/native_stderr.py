"""Keep native libraries' messages off the terminal the app draws on.

PortAudio's host APIs write straight to file descriptor 2: JACK's "Cannot
connect to server socket", ALSA plugins' lines, PulseAudio client warnings.
alsa-lib's own messages are dropped by ``audio.alsa_quiet``; the rest cannot
be turned off from Python. Two tools:

- ``quiet_stderr()``: descriptor 2 points at the log file for the duration of
  one call (PortAudio initialising, re-initialising, opening streams; the audio
  owner uses it).
- ``stderr_to_log()``: for a whole full-screen run. The terminal moves to a
  new descriptor that ``sys.__stderr__`` (what Textual draws on) uses, and
  descriptor 2 goes to the log, so a message written at any moment from any
  native thread lands in the log, never over the screen. Python's own
  tracebacks written to ``sys.stderr`` during the run go to the log too.

Either way descriptor 2 is a pipe that one thread drains into the log, keeping
at most ``LOG_LIMIT`` bytes a run: a native thread stuck in a loop (PortAudio's
ALSA thread on a sound server that died prints the same line millions of times
a minute) can neither fill the disk nor flood the terminal. Past the limit the
pipe is emptied at most ``THROTTLED_BYTES_PER_SECOND``: such a thread then
spends its time waiting for room in the pipe instead of burning a core (and
the drain thread with it) for the rest of the run. Anyone else writing then
waits a tenth of a second at most.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

_lock = threading.Lock()
_redirected = False  # True while stderr_to_log() is in force
LOG_LIMIT = 1_000_000  # bytes of native messages kept per run; the rest are dropped
_CHUNK = 65536
_THROTTLED_EVERY = 0.1  # seconds between reads once the limit is reached
THROTTLED_BYTES_PER_SECOND = int(_CHUNK / _THROTTLED_EVERY)


def log_path() -> Path:
    from hotseat.paths import cache_dir

    return cache_dir() / "native-messages.log"


def _open_log() -> int:
    """The write end of the pipe the drain thread empties into the log (one per process)."""
    global _drain_fd
    with _drain_lock:
        if _drain_fd is None:
            path = log_path()
            path.parent.mkdir(parents=True, exist_ok=True)
            log_fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            read_fd, _drain_fd = os.pipe()
            threading.Thread(
                target=_drain, args=(read_fd, log_fd), name="hotseat-native-log", daemon=True
            ).start()
        return os.dup(_drain_fd)


_drain_lock = threading.Lock()
_drain_fd: int | None = None


def _drain(read_fd: int, log_fd: int) -> None:
    """Copy what native code writes into the log, up to ``LOG_LIMIT`` bytes, then drop it."""
    kept = 0
    while True:
        try:
            chunk = os.read(read_fd, _CHUNK)
        except OSError:
            return
        if not chunk:
            return
        if kept >= LOG_LIMIT:
            time.sleep(_THROTTLED_EVERY)  # a runaway writer waits for room, off the CPU
            continue
        part = chunk[: LOG_LIMIT - kept]
        kept += len(part)
        with contextlib.suppress(OSError):  # a full disk must not stop the draining
            os.write(log_fd, part)
            if kept >= LOG_LIMIT:
                os.write(log_fd, b"\n[hotseat: later native messages were dropped]\n")


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Descriptor 2 writes to the log while the block runs (one caller at a time)."""
    with _lock:
        if _redirected:
            yield
            return
        try:
            log_fd = _open_log()
        except OSError:
            yield
            return
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(log_fd, 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(log_fd)


@contextlib.contextmanager
def stderr_to_log() -> Iterator[Path | None]:
    """For the whole block: the terminal on a new descriptor, descriptor 2 to the log.

    Yields the log's path (None when it could not be opened: then nothing changes).
    """
    global _redirected
    try:
        log_fd = _open_log()
    except OSError:
        yield None
        return
    terminal_fd = os.dup(2)
    terminal = os.fdopen(terminal_fd, "w", buffering=1, closefd=False)
    original_dunder, original_stderr = sys.__stderr__, sys.stderr
    with _lock:
        sys.stderr.flush()
        os.dup2(log_fd, 2)
        _redirected = True
    sys.__stderr__ = terminal  # type: ignore[misc]  # what Textual's driver draws on
    try:
        yield log_path()
    finally:
        sys.__stderr__ = original_dunder  # type: ignore[misc]
        sys.stderr = original_stderr
        with _lock:
            with contextlib.suppress(Exception):
                sys.stderr.flush()
            os.dup2(terminal_fd, 2)
            _redirected = False
        terminal.close()
        os.close(terminal_fd)
        os.close(log_fd)
