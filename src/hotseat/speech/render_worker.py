"""The process that owns pyttsx3: renders utterances to WAV files, nothing else.

Run as ``python -m hotseat.speech.render_worker``. It reads one JSON request per
line on standard input and answers with one JSON line on standard output:

- ``{"op": "voices"}`` -> ``{"ok": true, "engine": "espeak", "voices": [...]}``
- ``{"op": "render", "text": ..., "voice": ..., "rate": ..., "pitch": ...,
  "path": ...}`` -> ``{"ok": true, "voice": <voice really used>}``
- any failure -> ``{"ok": false, "error": "<one sentence>"}``

Why a process of its own: pyttsx3's engine loop cannot be re-entered, its
completion signals cannot be trusted for playback, and its espeak driver prints
to standard output and keeps state between utterances. Here it only ever
renders to files, every property is set again for every utterance, and nothing
it prints can reach the user's terminal (standard output is moved to standard
error, which the parent sends to a log file).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import wave
from pathlib import Path
from typing import Any, TextIO

_RENDER_TIMEOUT = 20.0
_ENGINES = {"espeak", "sapi5", "nsss", "avspeech", "dummy"}


class _Engine:
    def __init__(self) -> None:
        import pyttsx3

        self.engine = pyttsx3.init()
        driver = getattr(getattr(self.engine, "proxy", None), "_driver", None)
        module = type(driver).__module__.rsplit(".", 1)[-1] if driver is not None else ""
        if module not in _ENGINES:
            module = {"win32": "sapi5", "darwin": "nsss"}.get(sys.platform, "espeak")
        self.name = module

    def settle(self, timeout: float = 5.0) -> None:
        """Wait until espeak has carried out every queued command.

        pyttsx3 drives espeak-ng asynchronously: a property change is queued, and
        ``runAndWait`` cancels whatever is still queued when it starts (measured:
        about one render in three lost its rate, and some were never written).
        Waiting for espeak to be idle around each render makes rendering exact.
        """
        if self.name != "espeak":
            return
        from pyttsx3.drivers import _espeak

        deadline = time.monotonic() + timeout
        while _espeak.IsPlaying() and time.monotonic() < deadline:
            time.sleep(0.002)

    def voices(self) -> dict[str, Any]:
        found = []
        for voice in self.engine.getProperty("voices") or []:
            languages = [
                lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
                for lang in (getattr(voice, "languages", None) or [])
            ]
            found.append(
                {
                    "id": str(voice.id),
                    "name": str(getattr(voice, "name", "") or voice.id),
                    "languages": languages,
                    "gender": str(getattr(voice, "gender", "") or "").lower(),
                }
            )
        return {"ok": True, "engine": self.name, "voices": found}

    def render(self, request: dict[str, Any]) -> dict[str, Any]:
        target = Path(str(request["path"]))
        partial = target.with_name(target.name + ".part.wav")
        partial.unlink(missing_ok=True)
        engine = self.engine
        if request.get("voice"):
            engine.setProperty("voice", str(request["voice"]))
        engine.setProperty("rate", int(request.get("rate", 175)))
        engine.setProperty("volume", 1.0)  # the player applies the persona's volume
        with contextlib.suppress(KeyError, ValueError, NotImplementedError):
            engine.setProperty("pitch", int(request.get("pitch", 50)))  # not every engine can
        self.settle()
        engine.save_to_file(str(request["text"]), str(partial))
        engine.runAndWait()
        complete = _wait_complete(partial, _RENDER_TIMEOUT)
        self.settle()
        if not complete:
            partial.unlink(missing_ok=True)
            return {"ok": False, "error": "the speech engine produced no audio"}
        os.replace(partial, target)
        used = engine.getProperty("voice")
        return {"ok": True, "voice": str(used) if used is not None else ""}


def _wait_complete(path: Path, timeout: float) -> bool:
    """Wait until ``path`` is a whole WAV file with some audio in it.

    pyttsx3's espeak driver can return from ``runAndWait`` while espeak is still
    synthesizing (measured: 0.01 s early for a long line), and then writes the
    file in one go; the WAV header only counts the data once it is all written.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            size = path.stat().st_size
            with wave.open(str(path), "rb") as wav:
                frames = wav.getnframes()
                expected = frames * wav.getsampwidth() * wav.getnchannels()
            if frames > 0 and size >= expected + 44:
                return True
        except (OSError, EOFError, wave.Error):
            pass
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)


def serve(requests: TextIO, replies: TextIO) -> None:
    engine: _Engine | None = None
    failure = ""
    for line in requests:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if engine is None and not failure:
                try:
                    engine = _Engine()
                except Exception as exc:  # no espeak-ng, no SAPI, broken install...
                    failure = f"the text-to-speech engine could not start ({exc})"
            if engine is None:
                reply: dict[str, Any] = {"ok": False, "error": failure}
            elif request.get("op") == "voices":
                reply = engine.voices()
            elif request.get("op") == "render":
                reply = engine.render(request)
            else:
                reply = {"ok": False, "error": f"unknown request {request.get('op')!r}"}
        except Exception as exc:
            reply = {"ok": False, "error": f"rendering failed ({type(exc).__name__}: {exc})"}
        replies.write(json.dumps(reply) + "\n")
        replies.flush()


def main() -> int:
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints go to the log
    sys.stdout = sys.stderr
    serve(sys.stdin, replies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
