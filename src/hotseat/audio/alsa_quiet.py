"""Keep alsa-lib from writing its messages over the full-screen app.

alsa-lib prints diagnostics such as ``ALSA lib pcm.c:8570:(snd_pcm_recover)
underrun occurred`` straight to the process's standard error, which is the
terminal the TUI draws on. PortAudio (and so sounddevice) cannot turn them off,
but alsa-lib lets a program install its own error handler: this one counts the
messages and drops them. It is process-wide, so it quiets the microphone too;
calling it more than once is harmless.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading

# void handler(const char *file, int line, const char *function, int err, const char *fmt, ...)
_HANDLER_TYPE = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)
_lock = threading.Lock()
_installed = False
dropped = 0  # how many messages alsa-lib wanted to print


def _drop(file: bytes, line: int, function: bytes, err: int, fmt: bytes) -> None:
    global dropped
    dropped += 1


_handler = _HANDLER_TYPE(_drop)  # kept alive for as long as the process runs


def silence_alsa_errors() -> bool:
    """Install the quiet handler (Linux only); True when it is in place."""
    global _installed
    with _lock:
        if _installed:
            return True
        if not sys.platform.startswith("linux"):
            return False
        name = ctypes.util.find_library("asound") or "libasound.so.2"
        try:
            library = ctypes.CDLL(name)
            library.snd_lib_error_set_handler(_handler)
        except (OSError, AttributeError):
            return False
        _installed = True
        return True
