"""Spaced review: low scores come back first, and the gaps grow with each attempt."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from hotseat.session import PlanError, QuestionStats, plan_session
from hotseat.session.modes import ReviewSchedule
from hotseat.session.review import DAY, due_at, interval_days, is_due, review_order
from tests.session.helpers import make_bank

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC).timestamp()
SCHEDULE = ReviewSchedule()  # 1, 2, 4, 8 ... days (max 60), x0.25 at 0 points to x1.5 at 100


def stats(qid: str, score: float | None, days_ago: float, times: int) -> QuestionStats:
    return QuestionStats(qid, score, NOW - days_ago * DAY, times)


@pytest.mark.parametrize(
    ("times", "score", "days"),
    [(1, 60, 1.0), (2, 60, 2.0), (3, 60, 4.0), (4, 60, 8.0), (3, 100, 6.0), (1, 0, 0.25),
     (1, None, 0.25), (12, 100, 90.0)],
)  # fmt: skip
def test_intervals_grow_with_each_attempt_and_with_the_score(
    times: int, score: float | None, days: float
) -> None:
    assert interval_days(stats("x", score, 0, times), SCHEDULE) == pytest.approx(days)


def test_a_question_falls_due_exactly_when_its_interval_is_over() -> None:
    item = stats("x", 60, 0, 1)
    assert due_at(item, SCHEDULE) == NOW + DAY
    assert not is_due(item, SCHEDULE, NOW + DAY - 1)
    assert is_due(item, SCHEDULE, NOW + DAY)


HISTORY = [
    stats("story-fail", 30, 2, 1),  # due 0.625 days after: due
    stats("story-team", 80, 2, 1),  # due after 1.25 days: due, but scored well
    stats("story-lead", 30, 2, 3),  # asked 3 times: 2.5 days, not due yet
    stats("story-change", 30, 5, 1),  # same low score as story-fail, longer overdue
    stats("story-talk", None, 1, 1),  # could not be scored: counts as 0
]


def test_review_order_puts_low_scores_first_then_the_most_overdue() -> None:
    order = [s.question_id for s in review_order(HISTORY, SCHEDULE, NOW)]
    assert order == ["story-talk", "story-change", "story-fail", "story-team"]


def test_the_review_mode_plans_due_questions_in_that_order() -> None:
    p = plan_session("review", make_bank(), count=3, history_stats=HISTORY, now=NOW,
                     rng=random.Random(1))  # fmt: skip
    assert [t.question.id for t in p.turns] == ["story-talk", "story-change", "story-fail"]
    assert p.notice == ""


def test_review_fills_up_with_questions_not_tried_yet_and_says_so() -> None:
    p = plan_session("review", make_bank(), count=6, history_stats=HISTORY, now=NOW,
                     rng=random.Random(1))  # fmt: skip
    ids = [t.question.id for t in p.turns]
    assert ids[:4] == ["story-talk", "story-change", "story-fail", "story-team"]
    assert len(ids) == 6 and not {"story-lead"} & set(ids[4:])
    assert not {h.question_id for h in HISTORY} & set(ids[4:])
    assert p.notice == "4 due for review; the rest are questions you have not tried."


def test_review_can_drill_chosen_competencies() -> None:
    p = plan_session("review", make_bank(), count=2, history_stats=HISTORY, now=NOW,
                     competencies=["growth", "adaptability"], rng=random.Random(1))  # fmt: skip
    assert [t.question.id for t in p.turns] == ["story-change", "story-fail"]


def test_review_with_no_history_offers_new_questions() -> None:
    p = plan_session("review", make_bank(), count=3, now=NOW, rng=random.Random(1))
    assert len(p.turns) == 3 and "Nothing is due for review yet" in p.notice


def test_review_with_nothing_due_and_nothing_new_says_when_to_come_back() -> None:
    bank = make_bank()
    recent = [stats(q.id, 90, 0, 2) for q in bank.questions]
    with pytest.raises(PlanError, match=r"nothing is due for review yet; the next question is due"):
        plan_session("review", bank, history_stats=recent, now=NOW)


def test_stats_can_come_from_datetimes() -> None:
    when = datetime(2025, 3, 1, tzinfo=UTC)
    assert QuestionStats.at("x", 50, when, 2).last_asked == when.timestamp()


def test_the_history_store_per_question_records_drive_review_directly() -> None:
    from hotseat.store.progress import QuestionHistory

    def record(qid: str, times: int, days_ago: float, score: float) -> QuestionHistory:
        return QuestionHistory(question_id=qid, times_asked=times, last_asked=NOW - days_ago * DAY,
                               last_score=score, best_score=score)  # fmt: skip

    history = [
        record("story-fail", 2, 3, 35.0),  # due after 1.375 days
        record("story-team", 1, 3, 20.0),  # due after 0.5 days, and scored lower
        record("story-lead", 1, 0.1, 10.0),  # due after 0.375 days: not yet
    ]
    p = plan_session("review", make_bank(), count=2, history_stats=history, now=NOW)
    assert [t.question.id for t in p.turns] == ["story-team", "story-fail"]
