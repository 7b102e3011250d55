"""Progress over time, weakest competencies, and what spaced review reads."""

from __future__ import annotations

from hotseat.session import load_modes
from hotseat.session.review import review_order
from hotseat.store import (
    Store,
    competency_standings,
    progress_series,
    question_history,
    weakest_competencies,
)
from tests.store.sample import fill, question, timed, turn


def test_one_point_per_session_overall_and_per_competency() -> None:
    with Store() as store:
        # answers 0 and 2 probe "impact", answer 1 "communication"
        fill(store, [[40, 90, 60], [70, 80], [90]])
        overall = progress_series(store)
        impact = progress_series(store, "impact")
        talk = progress_series(store, "communication")
    assert [p.score for p in overall] == [63.3, 75.0, 90.0]
    assert [p.score for p in impact] == [50.0, 70.0, 90.0]
    assert [p.score for p in talk] == [90.0, 80.0]
    assert [p.answers for p in overall] == [3, 2, 1]
    assert overall[0].at < overall[1].at < overall[2].at
    assert all(p.fillers_per_100 == 2.0 for p in overall)


def test_delivery_figures_are_those_the_feedback_engine_measured() -> None:
    from hotseat.feedback import analyze

    q = question("q-real")
    spoken = timed(
        "so um I think we basically cut the release time from two weeks to three days "
        "and um the team was happy with the result",
        gap_after=5,
    )
    made = turn(q, transcript=spoken)
    made.feedback = analyze(q, spoken)
    metrics = made.feedback.metrics
    with Store() as store:
        sid = store.begin_session()
        store.save_answer(sid, made)
        [answer] = store.load_session(sid).answers
        [point] = progress_series(store)
    assert answer.wpm == metrics["wpm"]
    assert answer.fillers_per_100 == metrics["fillers"]["per_100_words"] > 0
    assert answer.long_pauses == metrics["pauses"]["count"] == 1
    assert point.score == made.feedback.score
    # Without the metric, the figure worked out from the words is the same.
    made.feedback.metrics = {}
    with Store() as store:
        sid = store.begin_session()
        store.save_answer(sid, made)
        [again] = store.load_session(sid).answers
    assert (again.wpm, again.long_pauses) == (answer.wpm, answer.long_pauses)


def test_the_weakest_competencies_are_those_with_the_lowest_recent_scores() -> None:
    with Store() as store:
        sid = store.begin_session()
        for qid, competencies, score in [
            ("a", ("impact",), 30),
            ("b", ("communication",), 85),
            ("c", ("composure", "impact"), 50),
            ("d", ("research",), 65),
        ]:
            store.save_answer(sid, turn(question(qid, competencies), score=score))
        store.save_answer(sid, turn(question("e", ("research",)), skipped=True))
        standings = competency_standings(store)
        assert weakest_competencies(store, 2) == ["impact", "composure"]
    impact = next(s for s in standings if s.competency == "impact")
    assert (impact.answers, impact.recent_score, impact.first_score) == (2, 40.0, 30.0)


def test_question_history_feeds_the_review_order() -> None:
    clock = iter([1000.0, 2000.0, 3000.0, 4000.0, 5000.0])
    with Store(now=lambda: next(clock)) as store:
        sid = store.begin_session()
        store.save_answer(sid, turn(question("strong"), score=90))
        store.save_answer(sid, turn(question("weak"), score=35))
        store.save_answer(sid, turn(question("weak"), score=45))
        store.save_answer(sid, turn(question("never-scored"), skipped=True))
        stats = question_history(store)
    weak = stats["weak"]
    assert (weak.times_asked, weak.last_asked, weak.last_score, weak.best_score) == (
        2,
        4000.0,
        45.0,
        45.0,
    )
    assert stats["never-scored"].last_score is None
    schedule = load_modes()["review"].schedule
    assert schedule is not None
    order = review_order(stats.values(), schedule, now=1000.0 + 400 * 86_400)
    assert [s.question_id for s in order][:2] == ["never-scored", "weak"]
