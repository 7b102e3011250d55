"""The words of an answer, typed or recognised, with times when known."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Word:
    word: str
    start: float | None = None  # seconds from the start of the answer clock
    end: float | None = None
    conf: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"word": self.word, "start": self.start, "end": self.end, "conf": self.conf}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Word:
        return cls(
            word=str(data["word"]),
            start=data.get("start"),
            end=data.get("end"),
            conf=data.get("conf"),
        )


@dataclass(frozen=True)
class Transcript:
    """An answer. ``words`` carry times only when it was spoken and recognised.

    ``duration`` is the length of the answer window in seconds (answer clock
    start to the answer's end), or None for a typed answer with no timing.
    ``first_word_delay`` is the time from the question being fully asked to the
    first word, when measured.
    """

    text: str
    words: tuple[Word, ...] = ()
    duration: float | None = None
    engine: str = "typed"
    first_word_delay: float | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def timed(self) -> bool:
        return bool(self.words) and all(
            w.start is not None and w.end is not None for w in self.words
        )

    @classmethod
    def typed(cls, text: str, duration: float | None = None) -> Transcript:
        return cls(text=text, duration=duration, engine="typed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "words": [w.to_dict() for w in self.words],
            "duration": self.duration,
            "engine": self.engine,
            "first_word_delay": self.first_word_delay,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        return cls(
            text=str(data.get("text", "")),
            words=tuple(Word.from_dict(w) for w in data.get("words", [])),
            duration=data.get("duration"),
            engine=str(data.get("engine", "typed")),
            first_word_delay=data.get("first_word_delay"),
        )
