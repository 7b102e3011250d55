"""Notice a microphone unplugged behind PulseAudio's (or PipeWire's) back.

Through a sound server, PortAudio records from ALSA's ``default`` device. When
the microphone (the server's source) goes away, the server quietly moves the
recording to another source -- often one that only delivers silence -- and
PortAudio never hears of it: the app would show "Listening..." to a dead
microphone. So, when ``pactl`` is there and a server answers, this watches the
server's events (``pactl subscribe``) and reports when the source that was the
default when the microphone opened disappears and when it is back.

Without ``pactl`` (or a server) it does nothing: PortAudio's own signs of a
lost device (``audio.capture``) still apply.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
from collections.abc import Callable

from hotseat.audio.orphans import die_with_parent

_TIMEOUT = 3.0


def _pactl(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["pactl", *args],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            env={**os.environ, "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def default_source() -> str | None:
    """The sound server's default source, or None when there is no server to ask."""
    if shutil.which("pactl") is None:
        return None
    info = _pactl("info")
    if info is None:
        return None
    for line in info.splitlines():
        if line.startswith("Default Source:"):
            return line.split(":", 1)[1].strip() or None
    return None


def _sources() -> set[str] | None:
    listing = _pactl("list", "short", "sources")
    if listing is None:
        return None
    return {line.split("\t")[1] for line in listing.splitlines() if "\t" in line}


class PulseSourceWatch:
    """Calls ``on_change("lost" | "back", source name)`` from its own thread."""

    def __init__(self, source: str, on_change: Callable[[str, str], None]) -> None:
        self.source = source
        self.gone = False
        self._on_change = on_change
        self._proc: subprocess.Popen[str] | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="hotseat-pulse-watch", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._closed = True
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=2)

    def _run(self) -> None:
        try:
            self._proc = subprocess.Popen(
                ["pactl", "subscribe"],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                env={**os.environ, "LC_ALL": "C"},
                preexec_fn=die_with_parent(),  # started by this thread, which reads it to the end
            )
        except OSError:
            return
        assert self._proc.stdout is not None
        for line in self._proc.stdout:  # ends with the server (PortAudio notices that)
            if self._closed:
                break
            if "on source #" in line or "on server" in line:
                self._check()
        self._proc.wait()

    def _check(self) -> None:
        present = _sources()
        if present is None:
            return
        if self.gone and self.source in present:
            self.gone = False
            self._on_change("back", self.source)
        elif not self.gone and self.source not in present:
            self.gone = True
            self._on_change("lost", f"the microphone {self.source} was removed")
