"""What the history holds, as plain data: sessions, answers, and rows to write.

``AnswerRow`` is a snapshot of a finished turn taken the moment it ends, so an
answer waiting in the pending queue cannot change under it. ``SessionInfo``
and ``AnswerRecord`` are what reading the history gives back.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hotseat.feedback.model import Feedback
from hotseat.session import Turn
from hotseat.store.delivery import delivery_figures
from hotseat.store.note_kinds import notes_to_json
from hotseat.transcript import NoteKind, Transcript

STATUSES = ("active", "finished", "interrupted", "closed")
# Said of a provisional score (``AnswerRecord.provisional``), in History and the report.
PROVISIONAL = "scored on the live words while the transcript is being finished"


@dataclass(frozen=True)
class AnswerRow:
    """The columns of one answer, ready to insert."""

    question_id: str
    question_text: str
    category: str = ""
    competencies: str = "[]"
    kind: str = ""
    persona: str = ""
    mode: str = ""
    follow_up_of: int | None = None
    transcript: str = ""
    words: str = "[]"
    duration: float | None = None
    engine: str = "typed"
    first_word_delay: float | None = None
    score: int | None = None
    subscores: str = "{}"
    metrics: str = "{}"
    findings: str = "[]"
    feedback: str | None = None
    audio_path: str | None = None
    skipped: int = 0
    interrupted: int = 0
    prep_seconds: float | None = None
    answer_min: float | None = None
    answer_max: float | None = None
    asked_at: float | None = None
    answer_started_at: float | None = None
    answered_at: float | None = None
    saved_at: float = 0.0
    wpm: float | None = None
    fillers_per_100: float | None = None
    long_pauses: float | None = None
    position: int | None = None  # None: after the session's last answer
    notes: str = "[]"  # JSON list of {"kind", "text"}: what happened to the audio

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerRow:
        return cls(**data)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def answer_row(
    turn: Turn,
    *,
    audio_path: Path | str | None = None,
    mode: str = "",
    position: int | None = None,
    saved_at: float | None = None,
) -> AnswerRow:
    """Snapshot a finished (or skipped) turn as the row to store."""
    question = turn.question
    transcript = turn.answer or Transcript.typed("")
    feedback = turn.feedback
    words = [w.to_dict() for w in transcript.words]
    metrics = dict(feedback.metrics) if feedback else {}
    figures = delivery_figures(metrics, words)
    return AnswerRow(
        question_id=question.id,
        question_text=question.text,
        category=question.category,
        competencies=_dumps(list(question.competencies)),
        kind=question.kind,
        persona=turn.persona,
        mode=mode,
        follow_up_of=turn.follow_up_of,
        transcript=transcript.text,
        words=_dumps(words),
        duration=transcript.duration,
        engine=transcript.engine,
        first_word_delay=transcript.first_word_delay,
        score=feedback.score if feedback and feedback.assessable else None,
        subscores=_dumps(feedback.subscores if feedback else {}),
        metrics=_dumps(metrics),
        findings=_dumps([f.to_dict() for f in feedback.findings] if feedback else []),
        feedback=_dumps(feedback.to_dict()) if feedback else None,
        audio_path=str(audio_path) if audio_path else None,
        skipped=int(turn.skipped),
        interrupted=int(turn.interrupted),
        prep_seconds=turn.timing.prep_seconds,
        answer_min=turn.timing.answer_min,
        answer_max=turn.timing.answer_max,
        asked_at=turn.asked_at,
        answer_started_at=turn.answer_started_at,
        answered_at=turn.answered_at,
        saved_at=time.time() if saved_at is None else saved_at,
        wpm=figures.wpm,
        fillers_per_100=figures.fillers_per_100,
        long_pauses=figures.long_pauses,
        position=position,
        notes=_dumps(notes_to_json(transcript.notes)),
    )


def revised_columns(transcript: Transcript, feedback: Feedback | None) -> dict[str, Any]:
    """The columns of a saved answer that change when its transcript is finished later
    and it is assessed again (``store.unfinished``); the rest of its row stays."""
    words = [w.to_dict() for w in transcript.words]
    metrics = dict(feedback.metrics) if feedback else {}
    figures = delivery_figures(metrics, words)
    return {
        "transcript": transcript.text,
        "words": _dumps(words),
        "score": feedback.score if feedback and feedback.assessable else None,
        "subscores": _dumps(feedback.subscores if feedback else {}),
        "metrics": _dumps(metrics),
        "findings": _dumps([f.to_dict() for f in feedback.findings] if feedback else []),
        "feedback": _dumps(feedback.to_dict()) if feedback else None,
        "wpm": figures.wpm,
        "fillers_per_100": figures.fillers_per_100,
        "long_pauses": figures.long_pauses,
        "notes": _dumps(notes_to_json(transcript.notes)),
    }


@dataclass(frozen=True)
class SessionInfo:
    id: int
    key: str
    started_at: float
    ended_at: float | None
    mode: str
    persona: str
    company: str
    role: str
    status: str  # as it stands now: a dead process's "active" session is "interrupted"
    questions: int = 0  # answers and skipped questions stored
    answered: int = 0
    average_score: float | None = None
    planned: int = 0  # questions in the session's plan (follow-ups aside); 0: not known
    answered_planned: int = 0  # of those, answered (not skipped)

    @property
    def resumable(self) -> bool:
        return self.status == "interrupted"

    @property
    def empty(self) -> bool:
        """Over with nothing in it (ended before any answer or skip): History lists it
        no more than a session never started."""
        return self.questions == 0 and self.status in ("finished", "closed")

    @property
    def progress(self) -> tuple[int, int]:
        """(answered, out of): the planned questions answered, so an interrupted mock of
        3 reads 1/3; sessions kept before plans were stored count what was saved."""
        if self.planned:
            return self.answered_planned, self.planned
        return self.answered, self.questions

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["started"] = iso_time(self.started_at)
        data["ended"] = iso_time(self.ended_at) if self.ended_at is not None else None
        return data


@dataclass(frozen=True)
class AnswerRecord:
    id: int
    session_id: int
    position: int
    question_id: str
    question_text: str
    category: str
    competencies: tuple[str, ...]
    kind: str
    persona: str
    mode: str
    transcript: Transcript
    score: int | None
    subscores: dict[str, int]
    feedback: Feedback | None
    audio_path: Path | None
    skipped: bool
    interrupted: bool
    saved_at: float
    answer_min: float | None = None
    answer_max: float | None = None
    follow_up_of: int | None = None
    wpm: float | None = None
    fillers_per_100: float | None = None
    long_pauses: float | None = None
    metrics: dict[str, Any] = field(default_factory=dict)

    @property
    def provisional(self) -> bool:
        """Its score is the live words' (``PROVISIONAL``): hotseat closed while the
        transcript was being finished from the recording (``store.unfinished``)."""
        return self.score is not None and any(
            note.kind is NoteKind.FINISHING for note in self.transcript.notes
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "question_id": self.question_id,
            "question": self.question_text,
            "category": self.category,
            "competencies": list(self.competencies),
            "kind": self.kind,
            "persona": self.persona,
            "mode": self.mode,
            "follow_up_of": self.follow_up_of,
            "skipped": self.skipped,
            "interrupted": self.interrupted,
            "saved": iso_time(self.saved_at),
            "transcript": self.transcript.to_dict(),
            "notes": [note.text for note in self.transcript.notes],
            "score": self.score,
            "score_provisional": self.provisional,
            "subscores": dict(self.subscores),
            "wpm": self.wpm,
            "fillers_per_100_words": self.fillers_per_100,
            "long_pauses": self.long_pauses,
            "feedback": self.feedback.to_dict() if self.feedback else None,
            "audio": str(self.audio_path) if self.audio_path else None,
        }


@dataclass(frozen=True)
class SessionRecord:
    info: SessionInfo
    answers: tuple[AnswerRecord, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"session": self.info.to_dict(), "answers": [a.to_dict() for a in self.answers]}


def iso_time(epoch: float) -> str:
    """Local time, to the second, with its UTC offset: readable and unambiguous."""
    return time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(epoch))
