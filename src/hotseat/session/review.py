"""Spaced review: which questions to practise again, and when.

The history store supplies one :class:`QuestionStats` per question asked
before. A question asked ``n`` times is due again after::

    min(max_days, first_days x growth^(n - 1)) days x scale(last score)

where ``scale`` runs linearly from ``scale_min`` at 0 points to ``scale_max``
at 100, so a weak answer comes back sooner and a strong one later; each new
attempt makes the gap grow. Among due questions the lowest last score comes
first, then the most overdue. ``now`` is always passed in, so tests are exact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from hotseat.session.modes import ReviewSchedule

DAY = 86_400.0


class StatsLike(Protocol):
    """Anything with these attributes will do (e.g. the store's QuestionHistory)."""

    @property
    def question_id(self) -> str: ...
    @property
    def last_score(self) -> float | None: ...
    @property
    def last_asked(self) -> float: ...
    @property
    def times_asked(self) -> int: ...


S = TypeVar("S", bound=StatsLike)


@dataclass(frozen=True)
class QuestionStats:
    """What the history knows about one question.

    ``last_asked`` is Unix time in seconds (``time.time()``); ``last_score`` is
    0-100, or None when the last answer could not be scored (counted as 0).
    """

    question_id: str
    last_score: float | None
    last_asked: float
    times_asked: int

    @classmethod
    def at(
        cls, question_id: str, last_score: float | None, last_asked: datetime, times_asked: int
    ) -> QuestionStats:
        """Build from a timezone-aware (or local naive) datetime."""
        return cls(question_id, last_score, last_asked.timestamp(), times_asked)


def score_scale(score: float | None, schedule: ReviewSchedule) -> float:
    points = min(100, max(0, score or 0))
    return schedule.scale_min + (schedule.scale_max - schedule.scale_min) * points / 100


def interval_days(stats: StatsLike, schedule: ReviewSchedule) -> float:
    """Days from the last attempt until the question is due again."""
    attempts = max(1, stats.times_asked)
    base = min(schedule.max_days, schedule.first_days * schedule.growth ** (attempts - 1))
    return base * score_scale(stats.last_score, schedule)


def due_at(stats: StatsLike, schedule: ReviewSchedule) -> float:
    """Unix time at which the question is due for review."""
    return stats.last_asked + interval_days(stats, schedule) * DAY


def is_due(stats: StatsLike, schedule: ReviewSchedule, now: float) -> bool:
    return now >= due_at(stats, schedule)


def review_order(stats: Iterable[S], schedule: ReviewSchedule, now: float) -> list[S]:
    """The questions due at ``now``: lowest score first, then most overdue, then id."""
    due = [s for s in stats if is_due(s, schedule, now)]
    return sorted(due, key=lambda s: (s.last_score or 0, due_at(s, schedule) - now, s.question_id))


def next_due(stats: Iterable[StatsLike], schedule: ReviewSchedule) -> float | None:
    """When the soonest question falls due (None with no history)."""
    times = [due_at(s, schedule) for s in stats]
    return min(times) if times else None
