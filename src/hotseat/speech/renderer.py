"""Turn text into audio clips through the render worker, with a disk cache.

Renders are kept in ``paths.cache_dir()/speech`` keyed by text, voice, rate and
pitch, so a line heard before starts at once. Each clip is trimmed of the
silence the engine puts around speech: its length is the length of the speech,
and the player's start and end times are those of the voice itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import subprocess
import sys
import threading
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from hotseat import paths
from hotseat.speech.voices import SystemVoice

CACHE_VERSION = "1"
_KEEP_FILES = 300
_QUIET_RMS = 0.005  # about -46 dBFS
_WINDOW_SECONDS = 0.01
_MARGIN_SECONDS = 0.01


class RenderError(RuntimeError):
    """Speech could not be rendered; the message is one sentence for the user."""


@dataclass(frozen=True)
class Clip:
    samples: np.ndarray  # float32, mono, trimmed of leading and trailing silence
    rate: int
    text: str
    voice: str = ""

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Mono float32 samples in [-1, 1] and the sample rate of a PCM WAV file."""
    with wave.open(str(path), "rb") as wav:
        width, channels, rate = wav.getsampwidth(), wav.getnchannels(), wav.getframerate()
        raw = wav.readframes(wav.getnframes())
    if width == 1:
        data = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif width == 2:
        data = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    elif width == 4:
        data = np.frombuffer(raw, dtype="<i4").astype(np.float32) / 2147483648.0
    else:
        raise RenderError(f"{path.name}: {8 * width}-bit audio is not supported")
    if channels > 1:
        data = data[: len(data) // channels * channels].reshape(-1, channels).mean(axis=1)
    return np.ascontiguousarray(data, dtype=np.float32), rate


def trim_silence(samples: np.ndarray, rate: int) -> np.ndarray:
    """Cut what a listener would not hear before and after the speech.

    Engines leave silence and a faint tail (breath-level noise, far below the
    voice) around an utterance; the clip keeps 10 ms windows louder than about
    -46 dBFS, plus a 10 ms margin each side.
    """
    window = max(1, int(rate * _WINDOW_SECONDS))
    count = len(samples) // window
    if count == 0:
        return samples[:0]
    blocks = samples[: count * window].astype(np.float64).reshape(count, window)
    loud = np.flatnonzero(np.sqrt(np.mean(blocks**2, axis=1)) > _QUIET_RMS)
    if loud.size == 0:
        return samples[:0]
    margin = int(rate * _MARGIN_SECONDS)
    first = max(0, int(loud[0]) * window - margin)
    last = min(len(samples), (int(loud[-1]) + 1) * window + margin)
    return samples[first:last]


def cache_key(text: str, voice: str, rate: int, pitch: int) -> str:
    blob = json.dumps([CACHE_VERSION, text, voice, rate, pitch], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def worker_command() -> list[str]:
    return [sys.executable, "-m", "hotseat.speech.render_worker"]


class Renderer:
    """Owns the render worker process. Thread-safe (one request at a time)."""

    def __init__(
        self,
        cache: Path | None = None,
        command: list[str] | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.cache = cache or paths.cache_dir() / "speech"
        self._command = command or worker_command()
        self._timeout = timeout
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[str] | None = None
        self._replies: queue.Queue[str | None] = queue.Queue()
        self._voices: tuple[str, list[SystemVoice]] | None = None

    # -- the worker -------------------------------------------------------------

    def _start(self) -> subprocess.Popen[str]:
        self.cache.mkdir(parents=True, exist_ok=True)
        log: IO[str] = open(self.cache / "worker.log", "w", encoding="utf-8")  # noqa: SIM115
        try:
            proc = subprocess.Popen(
                self._command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        except OSError as exc:
            raise RenderError(f"the speech worker could not start ({exc})") from None
        finally:
            log.close()
        self._replies = queue.Queue()
        threading.Thread(
            target=self._read, args=(proc, self._replies), name="speech-worker-reader", daemon=True
        ).start()
        return proc

    @staticmethod
    def _read(proc: subprocess.Popen[str], replies: queue.Queue[str | None]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            replies.put(line)
        replies.put(None)

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = self._start()
            proc = self._proc
            assert proc.stdin is not None
            try:
                proc.stdin.write(json.dumps(request) + "\n")
                proc.stdin.flush()
                line = self._replies.get(timeout=self._timeout)
            except (OSError, queue.Empty):
                line = None
            if line is None:
                self._kill()
                raise RenderError("the speech worker stopped unexpectedly")
        reply: dict[str, Any] = json.loads(line)
        if not reply.get("ok"):
            raise RenderError(str(reply.get("error") or "speech rendering failed"))
        return reply

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()

    def close(self) -> None:
        with self._lock:
            proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin is not None:
                proc.stdin.close()
            proc.wait(timeout=3)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()

    # -- requests ---------------------------------------------------------------

    def voices(self) -> tuple[str, list[SystemVoice]]:
        """(engine name, installed voices); raises RenderError when TTS is missing."""
        if self._voices is None:
            reply = self._ask({"op": "voices"})
            found = [
                SystemVoice(
                    id=str(v["id"]),
                    name=str(v["name"]),
                    languages=tuple(str(lang) for lang in v.get("languages", [])),
                    gender=str(v.get("gender", "")),
                )
                for v in reply.get("voices", [])
            ]
            self._voices = (str(reply.get("engine", "")), found)
        return self._voices

    def cached(self, text: str, voice: str, rate: int, pitch: int) -> Path:
        return self.cache / f"{cache_key(text, voice, rate, pitch)}.wav"

    def render(self, text: str, voice: str, rate: int, pitch: int) -> Clip:
        """The clip for a line, from the cache or freshly rendered."""
        path = self.cached(text, voice, rate, pitch)
        used = ""
        if not path.is_file():
            reply = self._ask(
                {
                    "op": "render",
                    "text": text,
                    "voice": voice,
                    "rate": rate,
                    "pitch": pitch,
                    "path": str(path),
                }
            )
            used = str(reply.get("voice", ""))
            self._prune()
        else:
            with contextlib.suppress(OSError):
                os.utime(path)  # recently used renders are pruned last
        try:
            samples, rate_hz = read_wav(path)
        except (OSError, EOFError, wave.Error) as exc:
            path.unlink(missing_ok=True)
            raise RenderError(f"a rendered line could not be read ({exc})") from None
        return Clip(trim_silence(samples, rate_hz), rate_hz, text, used or voice)

    def _prune(self) -> None:
        files = sorted(self.cache.glob("*.wav"), key=lambda p: p.stat().st_mtime)
        for old in files[: max(0, len(files) - _KEEP_FILES)]:
            with contextlib.suppress(OSError):
                os.unlink(old)


def system_voices() -> tuple[str, list[SystemVoice], str]:
    """(engine name, installed voices, problem) from a short-lived render worker.

    ``problem`` is '' when the voices could be listed, else why not (TTS missing).
    """
    renderer = Renderer()
    try:
        engine, voices = renderer.voices()
    except RenderError as exc:
        return "", [], str(exc)
    finally:
        renderer.close()
    return engine, voices, ""
