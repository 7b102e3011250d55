"""Reading rows back: the SELECT column lists and the conversions to records."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from hotseat.feedback.model import Feedback
from hotseat.store.note_kinds import note_from_json
from hotseat.store.records import AnswerRecord, SessionInfo
from hotseat.transcript import NoteKind, Transcript

SESSION_COLUMNS = """
    s.id, s.key, s.started_at, s.ended_at, s.mode, s.persona, s.company, s.role,
    s.status, s.owner_pid, s.owner_host,
    (SELECT COUNT(*) FROM answers a WHERE a.session_id = s.id),
    (SELECT COUNT(*) FROM answers a WHERE a.session_id = s.id AND a.skipped = 0),
    (SELECT AVG(a.score) FROM answers a
        WHERE a.session_id = s.id AND a.score IS NOT NULL AND NOT {cut_short}),
    {planned},
    (SELECT COUNT(*) FROM answers a
        WHERE a.session_id = s.id AND a.skipped = 0 AND a.follow_up_of IS NULL)
"""
_PLANNED = (
    "CASE WHEN json_valid(s.plan) THEN COALESCE(json_array_length(s.plan, '$.turns'), 0) ELSE 0 END"
)


# Answers the user stopped midway (quit or End) are kept but not in the average,
# as in the session summary (``session.summary.cut_short``); ``a`` is the answers table.
CUT_SHORT_SQL = (
    "(a.interrupted = 1 AND CASE WHEN json_valid(a.notes) THEN EXISTS (SELECT 1 FROM"
    f" json_each(a.notes) WHERE json_extract(value, '$.kind') = '{NoteKind.STOPPED.value}')"
    " ELSE 0 END)"
)


def session_columns(*, has_plan: bool) -> str:
    """SESSION_COLUMNS for a file with (or, read-only and older, without) kept plans."""
    return SESSION_COLUMNS.format(planned=_PLANNED if has_plan else "0", cut_short=CUT_SHORT_SQL)


ANSWER_COLUMNS = (
    "id, session_id, position, question_id, question_text, category, competencies, kind,"
    " persona, mode, transcript, words, duration, engine, first_word_delay, score, subscores,"
    " metrics, feedback, audio_path, skipped, interrupted, saved_at, answer_min, answer_max,"
    " follow_up_of, wpm, fillers_per_100, long_pauses, notes"
)


def _loads(text: str | None, default: Any) -> Any:
    try:
        value = json.loads(text) if text else default
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def _feedback(data: dict[str, Any]) -> Feedback | None:
    """Stored feedback, or None when there is none (or it cannot be read back)."""
    if not data:
        return None
    try:
        return Feedback.from_dict(data)
    except (KeyError, TypeError, ValueError):
        return None


def answer_from_row(row: tuple[Any, ...]) -> AnswerRecord:
    words = _loads(row[11], [])
    transcript = Transcript.from_dict(
        {
            "text": row[10],
            "words": [w for w in words if isinstance(w, dict)],
            "duration": row[12],
            "engine": row[13],
            "first_word_delay": row[14],
        }
    )
    notes = tuple(note_from_json(note) for note in _loads(row[29], []))  # what befell the audio
    transcript = dataclasses.replace(transcript, notes=notes)
    feedback_data = _loads(row[18], {})
    return AnswerRecord(
        id=int(row[0]),
        session_id=int(row[1]),
        position=int(row[2]),
        question_id=str(row[3]),
        question_text=str(row[4]),
        category=str(row[5]),
        competencies=tuple(str(c) for c in _loads(row[6], [])),
        kind=str(row[7]),
        persona=str(row[8]),
        mode=str(row[9]),
        transcript=transcript,
        score=None if row[15] is None else int(row[15]),
        subscores={
            str(k): int(v) for k, v in _loads(row[16], {}).items() if isinstance(v, int | float)
        },
        metrics=_loads(row[17], {}),
        feedback=_feedback(feedback_data),
        audio_path=Path(row[19]) if row[19] else None,
        skipped=bool(row[20]),
        interrupted=bool(row[21]),
        saved_at=float(row[22]),
        answer_min=row[23],
        answer_max=row[24],
        follow_up_of=row[25],
        wpm=row[26],
        fillers_per_100=row[27],
        long_pauses=row[28],
    )


def session_from_row(row: tuple[Any, ...], status: str) -> SessionInfo:
    """A SESSION_COLUMNS row; ``status`` is the status as it stands now."""
    average = row[13]
    return SessionInfo(
        id=int(row[0]),
        key=str(row[1]),
        started_at=float(row[2]),
        ended_at=None if row[3] is None else float(row[3]),
        mode=str(row[4]),
        persona=str(row[5]),
        company=str(row[6]),
        role=str(row[7]),
        status=status,
        questions=int(row[11]),
        answered=int(row[12]),
        average_score=None if average is None else round(float(average), 1),
        planned=int(row[14] or 0),
        answered_planned=int(row[15]),
    )
