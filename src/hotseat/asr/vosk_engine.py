"""Vosk (Kaldi) recognition: the accurate engine, when a model is installed.

The model is always opened from an explicit folder (``vosk.Model(path)``),
never by name or language, so vosk itself never goes online.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hotseat.asr.engine import SAMPLE_RATE, EngineError, join_words
from hotseat.asr.models import model_problems
from hotseat.transcript import Word


def _words(result_json: str) -> list[Word]:
    data: dict[str, Any] = json.loads(result_json)
    return [
        Word(
            word=str(item["word"]),
            start=round(float(item["start"]), 3),
            end=round(float(item["end"]), 3),
            conf=round(float(item.get("conf", 1.0)), 3),
        )
        for item in data.get("result", [])
    ]


class VoskRecognizer:
    def __init__(self, model: Any) -> None:
        import vosk

        self._rec = vosk.KaldiRecognizer(model, SAMPLE_RATE)
        self._rec.SetWords(True)
        self._done: list[Word] = []
        self._done_text = ""
        self._partial = ""

    def feed(self, pcm16: bytes) -> None:
        if not pcm16:
            return
        if self._rec.AcceptWaveform(pcm16):
            # Vosk found the end of a phrase: its words are final.
            self._done.extend(_words(self._rec.Result()))
            self._done_text = join_words(self._done)
            self._partial = ""
        else:
            self._partial = str(json.loads(self._rec.PartialResult()).get("partial", ""))

    def partial(self) -> str:
        return " ".join(part for part in (self._done_text, self._partial) if part)

    def finish(self) -> list[Word]:
        words = self._done + _words(self._rec.FinalResult())
        self._done, self._done_text, self._partial = [], "", ""
        return words


@contextlib.contextmanager
def _kaldi_errors() -> Iterator[list[str]]:
    """Catch what Kaldi prints on the C side while a model loads.

    A refused model makes Kaldi dump pages of option help on file descriptor 2;
    that is kept out of the terminal, and its ERROR lines are returned instead.
    """
    errors: list[str] = []
    with tempfile.TemporaryFile() as sink:
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(sink.fileno(), 2)
            yield errors
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            for line in sink.read().decode("utf-8", "replace").splitlines():
                if line.startswith("ERROR"):
                    errors.append(line.split(") ", 1)[-1].strip())


class VoskEngine:
    name = "vosk"

    def __init__(self, path: Path) -> None:
        problems = model_problems(path)
        if problems:
            raise EngineError(f"the Vosk model at {path} is incomplete: {'; '.join(problems)}")
        try:
            import vosk
        except (ImportError, OSError) as exc:
            raise EngineError(f"the vosk package cannot be loaded: {exc}") from None
        vosk.SetLogLevel(-1)
        with _kaldi_errors() as errors:
            try:
                self._model = vosk.Model(str(path))
            except Exception:  # vosk raises a bare Exception when Kaldi refuses the files
                self._model = None
        if self._model is None:
            why = errors[-1] if errors else "Kaldi refused its files"
            raise EngineError(
                f"the Vosk model at {path} could not be loaded ({why}); its files may be "
                "damaged: remove the folder and run 'hotseat models download'"
            )
        self.path = path

    @property
    def description(self) -> str:
        return f"Vosk ({self.path.name})"

    def recognizer(self, partials: bool = True) -> VoskRecognizer:
        return VoskRecognizer(self._model)
