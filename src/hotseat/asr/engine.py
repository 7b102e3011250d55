"""The one small interface both recognizers sit behind.

An ``Engine`` is a loaded model (slow to make, kept for the whole run). A
``Recognizer`` is one answer being recognised: feed it 16 kHz mono 16-bit
PCM, ask for the partial text at any time, and ``finish()`` for the timed
words. Both are used from one thread only (the Listener's worker, or the
caller of ``transcribe_file``): the engines are not thread-safe.
"""

from __future__ import annotations

from typing import Protocol

from hotseat.transcript import Word

SAMPLE_RATE = 16000
ENGINE_NAMES = ("vosk", "sphinx")  # the recognizers a user can name (settings, --engine)


class EngineError(Exception):
    """An engine or its model cannot be used; the message says why, in one line."""


class Recognizer(Protocol):
    def feed(self, pcm16: bytes) -> None:
        """More audio: 16 kHz, mono, signed 16-bit little-endian."""
        ...

    def partial(self) -> str:
        """Everything heard so far, the newest words still provisional."""
        ...

    def finish(self) -> list[Word]:
        """End of the audio: the final words with times in seconds from the first sample.

        A recognizer serves one answer; make a new one for the next.
        """
        ...


class Engine(Protocol):
    @property
    def name(self) -> str:
        """'vosk' or 'sphinx' (as in Transcript.engine)."""
        ...

    @property
    def description(self) -> str:
        """What is running, for the screen and doctor, e.g. 'Vosk (vosk-model-small-en-us)'."""
        ...

    def recognizer(self, partials: bool = True) -> Recognizer:
        """A recognizer for one answer; ``partials=False`` when only the end result
        matters (a file), which lets an engine skip work."""
        ...


def join_words(words: list[Word]) -> str:
    return " ".join(w.word for w in words)
