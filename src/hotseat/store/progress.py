"""Progress over time, read from the history: what the charts and the review mode use.

A point per session (the average of its answers), overall or for one
competency; per-competency standing with the weakest named; and per-question
figures for spaced review. Skipped questions count as asked but never as a
score.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from hotseat.store.rows import CUT_SHORT_SQL
from hotseat.store.store import Store

RECENT_ANSWERS = 5  # a competency's standing is the average of its last few answers

# An answer the user cut short (quit or End mid-answer) counts as asked, never as scored.
_ROWS = (
    "SELECT s.id, s.started_at, a.competencies, a.score, a.wpm, a.fillers_per_100,"
    f" a.long_pauses, a.question_id, a.saved_at, (a.skipped OR {CUT_SHORT_SQL})"
    " FROM answers a JOIN sessions s ON s.id = a.session_id ORDER BY a.saved_at, a.id"
)


@dataclass(frozen=True)
class _Row:
    session_id: int
    started_at: float
    competencies: tuple[str, ...]
    score: float | None
    wpm: float | None
    fillers_per_100: float | None
    long_pauses: float | None
    question_id: str
    saved_at: float
    skipped: bool


@dataclass(frozen=True)
class Point:
    """One session on a progress chart: averages over its answers (None: not measured)."""

    session_id: int
    at: float  # when the session started, seconds since the epoch
    answers: int
    score: float | None  # the average of ``scored`` answers
    wpm: float | None
    fillers_per_100: float | None
    long_pauses: float | None
    scored: int = 0  # answers with a score (the rest could not be assessed)


@dataclass(frozen=True)
class CompetencyStanding:
    competency: str
    answers: int  # scored answers
    average_score: float
    recent_score: float  # average of the last RECENT_ANSWERS scored answers
    first_score: float  # the earliest scored answer, to show the change


@dataclass(frozen=True)
class QuestionHistory:
    """Per question, what spaced review needs."""

    question_id: str
    times_asked: int
    last_asked: float  # seconds since the epoch
    last_score: float | None  # the latest scored answer (None: never scored)
    best_score: float | None


def _load(store: Store) -> list[_Row]:
    out = []
    for r in store.query(_ROWS):
        try:
            competencies = tuple(str(c) for c in json.loads(r[2] or "[]"))
        except (ValueError, TypeError):
            competencies = ()
        out.append(
            _Row(
                int(r[0]),
                float(r[1]),
                competencies,
                r[3],
                r[4],
                r[5],
                r[6],
                str(r[7]),
                float(r[8]),
                bool(r[9]),
            )
        )
    return out


def _mean(values: Iterable[float | None]) -> float | None:
    known = [float(v) for v in values if v is not None]
    return round(sum(known) / len(known), 1) if known else None


def progress_series(store: Store, competency: str | None = None) -> list[Point]:
    """One point per session with answers (for ``competency``, only answers probing it)."""
    by_session: dict[int, list[_Row]] = defaultdict(list)
    for row in _load(store):
        if row.skipped or (competency and competency not in row.competencies):
            continue
        by_session[row.session_id].append(row)
    points = [
        Point(
            session_id=session_id,
            at=rows[0].started_at,
            answers=len(rows),
            score=_mean(r.score for r in rows),
            wpm=_mean(r.wpm for r in rows),
            fillers_per_100=_mean(r.fillers_per_100 for r in rows),
            long_pauses=_mean(r.long_pauses for r in rows),
            scored=sum(1 for r in rows if r.score is not None),
        )
        for session_id, rows in by_session.items()
    ]
    return sorted(points, key=lambda p: (p.at, p.session_id))


def competency_standings(store: Store) -> list[CompetencyStanding]:
    """Every competency with scored answers, weakest (lowest recent score) first."""
    scores: dict[str, list[float]] = defaultdict(list)
    for row in _load(store):
        if row.skipped or row.score is None:
            continue
        for competency in row.competencies:
            scores[competency].append(float(row.score))
    standings = [
        CompetencyStanding(
            competency=name,
            answers=len(values),
            average_score=round(sum(values) / len(values), 1),
            recent_score=round(sum(values[-RECENT_ANSWERS:]) / len(values[-RECENT_ANSWERS:]), 1),
            first_score=values[0],
        )
        for name, values in scores.items()
    ]
    return sorted(standings, key=lambda s: (s.recent_score, -s.answers, s.competency))


def weakest_competencies(store: Store, count: int = 3) -> list[str]:
    return [s.competency for s in competency_standings(store)[:count]]


def question_history(store: Store) -> dict[str, QuestionHistory]:
    """Per question id: times asked, when last, the latest and best scores."""
    grouped: dict[str, list[_Row]] = defaultdict(list)
    for row in _load(store):
        grouped[row.question_id].append(row)
    out = {}
    for question_id, rows in grouped.items():
        scored = [r.score for r in rows if r.score is not None and not r.skipped]
        out[question_id] = QuestionHistory(
            question_id=question_id,
            times_asked=len(rows),
            last_asked=max(r.saved_at for r in rows),
            last_score=float(scored[-1]) if scored else None,
            best_score=float(max(scored)) if scored else None,
        )
    return out
