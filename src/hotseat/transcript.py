"""The words of an answer, typed or recognised, with times when known."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class NoteKind(StrEnum):
    """What a note on a transcript means for the scores built on it (``session.caveats``)."""

    INCOMPLETE = "incomplete"  # words may be missing: the scores are approximate
    # The live words stand in while the transcript is finished from the recording
    # (``asr.finisher``): incomplete until then; a row saved with it is finished on
    # the next start (``store.unfinished``).
    FINISHING = "finishing"
    LESS_ACCURATE = "less-accurate"  # recognition took its quicker, rougher pass
    RECOVERED = "recovered"  # live recognition failed; the recording was recognised instead
    CONTEXT = "context"  # shown beside a caveat, never one by itself (the mic came back)
    STOPPED = "stopped"  # the user stopped it midway (quit or End): kept, not averaged
    INFO = "info"  # about the answer only (typed words added, why it stopped): no caveat


@dataclass(frozen=True)
class Note:
    """Something that happened to an answer's audio or words, said in one sentence.

    ``since``: seconds into the answer (on its words' clock) from which what the
    note says holds, when it concerns only the rest of the answer (recognition
    could not finish the answer from there on); None when it is about all of it.
    Whatever reads the note reads this field, never the time in its text.
    """

    text: str
    kind: NoteKind = NoteKind.INFO
    since: float | None = None

    @property
    def incomplete(self) -> bool:
        """Words may be missing (for good, or until the recording is recognised whole)."""
        return self.kind in (NoteKind.INCOMPLETE, NoteKind.FINISHING)

    def to_dict(self) -> dict[str, Any]:
        # "since" is always written (null when not set): a stored note without it
        # was saved before the field existed (``store.note_kinds``).
        return {"kind": self.kind.value, "text": self.text, "since": self.since}


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
    ``first_word_delay`` is the time from the start of the answer clock (the
    question fully asked, or the thinking time over) to the first spoken word,
    when measured.
    """

    text: str
    words: tuple[Word, ...] = ()
    duration: float | None = None
    engine: str = "typed"
    first_word_delay: float | None = None
    notes: tuple[Note, ...] = field(default=())
    typed_words: int = 0  # the last words were typed alongside speech: not in the pace
    # The final recognition fell behind: these are the live words while the transcript
    # is finished from the recording (``asr.finisher``); a revised one follows. Not saved.
    pending: bool = False

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
            "typed_words": self.typed_words,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        return cls(
            text=str(data.get("text", "")),
            words=tuple(Word.from_dict(w) for w in data.get("words", [])),
            duration=data.get("duration"),
            engine=str(data.get("engine", "typed")),
            first_word_delay=data.get("first_word_delay"),
            typed_words=int(data.get("typed_words") or 0),
        )


def join_answer(spoken: list[tuple[Transcript, float]], typed: str) -> Transcript:
    """One answer from what the microphone heard and what was typed alongside it.

    ``spoken`` holds each stretch the microphone listened to, with when it began on
    the answer clock (a user may switch between speaking and typing mid-answer);
    ``typed`` is the text typed during the answer. Spoken words keep their times;
    typed words come after them, timed as said in no time at the end of the last
    spoken word, so the answer stays timed for the spoken checks and no pause is
    invented before them (``typed_words`` counts them, so the pace leaves them out).
    A note says that typed text was added.

    Stretches in which nothing was heard do not make the answer a spoken one: with
    no spoken word it is the typed answer (its delivery not measured, its length
    estimated), as in a typed session.
    """
    heard = [(part, offset) for part, offset in spoken if part.text.strip()]
    pending = any(part.pending for part, _ in spoken)  # words may still come
    if not heard and typed.strip():
        return replace(Transcript.typed(typed), pending=pending)  # line breaks mark sentences
    if not heard:
        return spoken[0][0] if spoken else Transcript.typed(typed)  # empty, with why
    typed = " ".join(typed.split())
    if len(spoken) == 1 and spoken[0][1] == 0.0 and not typed:
        return spoken[0][0]
    # A note's time moves with its stretch's words, onto the answer clock.
    notes = [
        note if note.since is None else replace(note, since=round(note.since + offset, 3))
        for part, offset in spoken
        for note in part.notes
    ]
    spoken = heard
    words: list[Word] = []
    texts: list[str] = []
    for part, offset in spoken:
        texts.append(part.text)
        for w in part.words:
            shift = offset if w.start is not None else 0.0
            start = None if w.start is None else w.start + shift
            stop = None if w.end is None else w.end + shift
            words.append(Word(w.word, start, stop, w.conf))
    if typed:
        end = max((w.end for w in words if w.end is not None), default=0.0)
        texts.append(typed)
        words.extend(Word(t, end, end) for t in typed.split())
        count = len(typed.split())
        added = f"{count} typed word{'s' if count != 1 else ''} added to the spoken answer"
        notes.append(Note(added))
    first = spoken[0][0]
    return Transcript(
        text=" ".join(t for t in texts if t),
        words=tuple(words),
        duration=None,  # the session measures the whole answer
        engine=first.engine,
        first_word_delay=first.first_word_delay if spoken[0][1] == 0.0 else None,
        notes=tuple(notes),
        typed_words=len(typed.split()),
        pending=pending,
    )
