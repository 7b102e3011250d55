"""Speech recognition: Vosk when a model is installed, pocketsphinx otherwise.

Public entry points: ``transcribe_file`` (a recording to a Transcript) and
``MicListener`` (the microphone, live; see ``hotseat.speaker_listener.Listener``).
Heavy modules (vosk, pocketsphinx, sounddevice) load only when used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hotseat.asr.engine import EngineError
from hotseat.audio.wavfile import AudioFileError

if TYPE_CHECKING:
    from hotseat.asr.listener import MicListener
    from hotseat.transcript import Transcript

__all__ = ["AudioFileError", "EngineError", "MicListener", "transcribe_file"]


def transcribe_file(path: Path, engine: str | None = None, model: str | None = None) -> Transcript:
    from hotseat.asr.transcribe import transcribe_file as run

    return run(path, engine, model)


def __getattr__(name: str) -> object:
    if name == "MicListener":
        from hotseat.asr.listener import MicListener

        return MicListener
    raise AttributeError(name)
