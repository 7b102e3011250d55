"""Each mode played end to end on a fake clock, as the app drives it: exact, no sleeps."""

from __future__ import annotations

import random

import pytest

from hotseat.feedback.model import Feedback
from hotseat.session import FakeClock, Phase, Session, Turn, load_follow_up_rules, plan_session
from hotseat.transcript import Transcript
from tests.session.helpers import answer_everything, feedback, make_bank

OUTCOME = {r.id: r for r in load_follow_up_rules()}["outcome"].findings[0]
STORY_KINDS = ("behavioral", "situational")


def start(mode: str, *, analyzer: object = None, **kwargs: object) -> tuple[Session, FakeClock]:
    clock = FakeClock(start=0.0)
    plan = plan_session(mode, make_bank(), rng=random.Random(5), **kwargs)  # type: ignore[arg-type]
    return plan.session(analyzer=analyzer, clock=clock), clock  # type: ignore[arg-type]


def test_rapid_fire_runs_ten_questions_without_a_key_press() -> None:
    session, clock = start("rapid-fire")
    events = answer_everything(session, clock, seconds=20)
    assert session.finished and len([t for t in session.turns if t.answered]) == 10
    assert [e.kind for e in events].count("auto-advance") == 10
    assert [e.kind for e in events].count("thinking-over") == 10
    assert clock.now() == 10 * (5 + 20 + 3)  # think, answer, glance at the score: nothing else


def test_rapid_fire_cuts_answers_off_at_45_seconds() -> None:
    session, clock = start("rapid-fire", count=5)
    events = answer_everything(session, clock, seconds=50)
    cuts = [e for e in events if e.kind == "time-up"]
    assert len(cuts) == 5 and all(e.line == "interrupt" for e in cuts)
    assert all(t.interrupted for t in session.turns)


def test_the_ladder_interrupts_exactly_at_each_shrinking_limit() -> None:
    session, clock = start("pressure-ladder", count=6)
    session.start()
    limits = []
    while not session.finished:
        session.question_asked()
        clock.advance(5)
        assert [e.kind for e in session.tick()] == ["thinking-over"]
        limit = session.current.timing.hard_limit
        assert limit is not None
        limits.append(limit)
        clock.advance(limit - 0.25)
        assert "time-up" not in [e.kind for e in session.tick()]
        clock.advance(0.25)
        cut = [e for e in session.tick() if e.kind == "time-up"]
        assert [(e.line, e.index) for e in cut] == [("interrupt", session.index)]
        turn = session.finish_answer(Transcript.typed("and so I"))
        assert turn.interrupted and turn.answer is not None and turn.answer.duration == limit
        clock.advance(4.75)
        assert session.tick() == []
        clock.advance(0.25)
        assert [e.kind for e in session.tick()] == ["auto-advance"]
        session.next()
    assert limits == [90, 72, 58, 46, 37, 29]


def test_a_ladder_answer_inside_its_limit_is_not_interrupted() -> None:
    session, clock = start("pressure-ladder", count=6)
    answer_everything(session, clock, seconds=50)
    assert [t.interrupted for t in session.turns] == [
        False,
        False,
        False,
        True,
        True,
        True,
    ]  # 46, 37, 29 s


def test_curveballs_start_the_answer_clock_at_once() -> None:
    session, _ = start("curveball")
    session.start()
    assert session.question_asked() is Phase.ANSWERING  # no thinking phase at all


@pytest.mark.parametrize("mode", ["rapid-fire", "pressure-ladder", "curveball"])
def test_drills_refuse_to_pause(mode: str) -> None:
    session, clock = start(mode)
    session.start()
    session.question_asked()
    before = session.now()
    assert session.pause() is False and not session.paused
    clock.advance(5)
    assert session.now() == before + 5  # the session clock kept running


@pytest.mark.parametrize("mode", ["mock", "panel", "review"])
def test_interviews_can_pause_and_resume(mode: str) -> None:
    kwargs = {"personas": ["chair", "engineer"]} if mode == "panel" else {}
    session, clock = start(mode, **kwargs)
    session.start()
    session.question_asked()
    assert session.pause() is True
    clock.advance(600)
    assert session.tick() == []
    session.resume()
    assert session.phase is Phase.THINKING


def stories_lack_results(turn: Turn, transcript: Transcript) -> Feedback:
    """Every story answer misses its result; every other answer is fine."""
    story = turn.question.kind in STORY_KINDS
    return feedback(OUTCOME) if story else feedback(score=80)


def test_a_mock_interview_follows_up_on_stories_and_ends_with_the_closing_question() -> None:
    session, clock = start("mock", analyzer=stories_lack_results, count=6)
    answer_everything(session, clock, seconds=70)
    kinds = [t.question.kind for t in session.turns]
    stories = [t for t in session.turns if t.question.kind in STORY_KINDS]
    assert len(stories) == 3
    assert kinds.count("follow-up") == 3  # one per story: the outcome is asked once only
    story_at = [i for i, t in enumerate(session.turns) if t.question.kind in STORY_KINDS]
    assert [session.turns[i + 1].follow_up_of for i in story_at] == story_at
    assert kinds[-1] == "closing" and session.finished
    assert all(t.feedback is not None for t in session.turns)


def test_a_panel_walk_alternates_interviewers_and_keeps_them_for_follow_ups() -> None:
    session, clock = start(
        "panel", analyzer=stories_lack_results, count=6, personas=["chair", "engineer"]
    )
    answer_everything(session, clock, seconds=70)
    asked = [(t.persona, t.follow_up_of) for t in session.turns]
    main = [p for p, parent in asked if parent is None]
    assert main == ["chair", "engineer"] * 3
    follow_ups = [(persona, parent) for persona, parent in asked if parent is not None]
    assert follow_ups, "the walk asked no follow-up to check"
    for persona, parent in follow_ups:
        assert persona == session.turns[parent].persona
