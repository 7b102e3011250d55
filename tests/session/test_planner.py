"""What each mode plans: how many questions, in what order, asked by whom, timed how."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from hotseat.session import PlanError, plan_session
from hotseat.session.planner import ScriptLine
from tests.session.helpers import make_bank

SEEDS = range(12)


def plan(mode: str, seed: int = 0, **kwargs: object):  # type: ignore[no-untyped-def]
    return plan_session(mode, make_bank(), rng=random.Random(seed), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", SEEDS)
def test_mock_opens_with_research_and_motivation_and_closes_with_questions(seed: int) -> None:
    p = plan("mock", seed, count=6)
    kinds = [t.question.kind for t in p.turns]
    assert len(kinds) == 6
    assert kinds[0] == "opener" and kinds[1] == "motivation" and kinds[-1] == "closing"
    assert set(kinds[2:-1]) <= {"behavioral", "situational", "technical-light"}
    assert kinds[2] == "behavioral"
    middle = [c for t in p.turns[2:-1] for c in t.question.competencies]
    assert len(set(middle)) == len(middle)  # mixed across competencies: no repeats
    assert [t.lead_in for t in p.turns] == [""] + ["moving_on"] * 5
    assert p.opening == (ScriptLine("greeting", "recruiter"),)
    assert p.closing == (ScriptLine("closing", "recruiter"),)


def test_mock_with_company_notes_asks_what_they_know_then_why_them() -> None:
    for seed in SEEDS:
        p = plan("mock", seed, count=7, company="Acme", notes="Acme makes rockets.", role="analyst")
        early = p.turns[1:3]
        assert "research" in early[0].question.competencies
        assert early[1].question.kind == "motivation"
        assert "Acme" in early[0].question.text and "{company}" not in early[0].question.text
        assert "the analyst role" in early[0].question.text
        assert p.context.notes == "Acme makes rockets."
    plain = plan("mock", 0, count=7)
    assert [t.question.kind for t in plain.turns].count("motivation") == 1


def test_mock_with_a_role_pack_draws_its_middle_from_the_pack() -> None:
    p = plan("mock", 3, count=6, pack="role-data")
    packs = [t.question.pack for t in p.turns]
    assert packs[0] == "core" and packs[-1] == "core"
    assert packs[2:-1] == ["role-data"] * 3


@pytest.mark.parametrize("count", [3, 4, 5, 8])
def test_mock_count_is_kept_within_the_mode_range(count: int) -> None:
    assert len(plan("mock", count=count).turns) == count
    with pytest.raises(PlanError, match="3-8 questions, not 9"):
        plan("mock", count=9)
    with pytest.raises(PlanError, match="3-8 questions, not 2"):
        plan("mock", count=2)


@pytest.mark.parametrize("count", [3, 4])
@pytest.mark.parametrize("company", ["", "Acme"])
def test_a_short_mock_still_opens_tells_one_story_and_closes(count: int, company: str) -> None:
    for seed in SEEDS:
        kinds = [t.question.kind for t in plan("mock", seed, count=count, company=company).turns]
        assert kinds[0] == "opener" and kinds[-1] == "closing"
        assert "behavioral" in kinds[1:-1]


def test_focus_stays_inside_one_category_or_pack() -> None:
    p = plan("focus", count=4, category="composure")
    assert {t.question.category for t in p.turns} == {"composure"}
    assert len(p.turns) == 2  # only two composure questions exist
    p = plan("focus", count=3, pack="role-data")
    assert {t.question.pack for t in p.turns} == {"role-data"} and len(p.turns) == 3
    with pytest.raises(PlanError, match="needs a category or a role pack"):
        plan("focus")
    with pytest.raises(PlanError, match="unknown category 'nope'"):
        plan("focus", category="nope")
    with pytest.raises(PlanError, match="unknown question pack 'nope'"):
        plan("focus", pack="nope")


def test_rapid_fire_is_ten_short_questions_that_advance_by_themselves() -> None:
    p = plan("rapid-fire")
    assert len(p.turns) == 10
    assert all(t.question.kind != "closing" for t in p.turns)
    for t in p.turns:
        timing = t.timing
        assert (timing.prep_seconds, timing.answer_min, timing.answer_max) == (5, 30, 45)
        assert timing.hard_limit == 45 and timing.interrupt
        assert timing.auto_advance and timing.review_seconds == 3
        assert t.lead_in == ""  # no chit-chat between drill questions
    short = [t for t in p.turns if t.question.kind != "behavioral"]
    assert len(short) >= 9  # the short kinds come first; behavioural only to fill up


def test_pressure_ladder_limits_shrink_turn_by_turn() -> None:
    p = plan("pressure-ladder", count=8)
    limits = [t.timing.hard_limit for t in p.turns]
    assert limits == [90, 72, 58, 46, 37, 29, 24, 20]
    for t in p.turns:
        assert t.timing.answer_max == t.timing.hard_limit and t.timing.interrupt
        assert t.timing.answer_min < t.timing.answer_max
        assert t.timing.prep_seconds == 5


def test_curveballs_come_with_no_time_to_think() -> None:
    p = plan("curveball", count=5)
    kinds = Counter(t.question.kind for t in p.turns)
    assert kinds["curveball"] == 4 and len(p.turns) == 5  # all four, one filler unannounced
    assert all(t.timing.prep_seconds == 0 for t in p.turns)
    assert not p.mode.pause_allowed


def test_panel_personas_take_turns_and_each_greets() -> None:
    p = plan("panel", count=6, personas=["chair", "engineer", "hr"])
    assert [t.persona for t in p.turns] == ["chair", "engineer", "hr"] * 2
    assert p.opening == tuple(ScriptLine("greeting", x) for x in ("chair", "engineer", "hr"))
    assert p.closing == (ScriptLine("closing", "chair"),)
    two = plan("panel", count=5, personas=["chair", "engineer", "chair"])
    assert [t.persona for t in two.turns] == ["chair", "engineer", "chair", "engineer", "chair"]
    with pytest.raises(PlanError, match="needs 2-3 different interviewers; got 1"):
        plan("panel", personas=["chair"])


def test_other_modes_use_one_interviewer() -> None:
    p = plan("mock", personas=["hiring-manager", "chair"])
    assert {t.persona for t in p.turns} == {"hiring-manager"}
    assert {t.persona for t in plan("focus", category="impact").turns} == {"recruiter"}


def test_a_plan_makes_sessions_with_the_mode_rules() -> None:
    p = plan("rapid-fire")
    first, second = p.session(), p.session(silence_end_seconds=4.0)
    assert not first.allow_pause  # a drill refuses pausing
    assert second.silence_end_seconds == 4.0
    assert first.turns[0] is not second.turns[0]  # each session has its own turns
    mock = plan("mock").session()
    assert mock.allow_pause and mock.follow_ups is not None


def test_the_same_seed_gives_the_same_plan() -> None:
    ids = [[t.question.id for t in plan(m, 7).turns] for m in ("mock", "rapid-fire")]
    again = [[t.question.id for t in plan(m, 7).turns] for m in ("mock", "rapid-fire")]
    assert ids == again
    others = {tuple(t.question.id for t in plan("mock", s).turns) for s in SEEDS}
    assert len(others) > 3


def test_a_category_focus_keeps_to_the_general_questions_unless_only_a_pack_has_it() -> None:
    assert {t.question.pack for t in plan("focus", category="impact", count=5).turns} == {"core"}
    data = plan("focus", category="data", count=4)
    assert {t.question.pack for t in data.turns} == {"role-data"}


def test_questions_carry_the_band_the_mode_times_them_by() -> None:
    # Feedback judges an answer's length by its question's band: in a drill that
    # must be the drill's band, the one the timer shows, not the question's usual one.
    for t in plan("rapid-fire").turns:
        assert (t.question.prep_seconds, t.question.answer_min, t.question.answer_max) == (
            5,
            30,
            45,
        )
    ladder = plan("pressure-ladder", count=3).turns
    assert [t.question.answer_max for t in ladder] == [90, 72, 58]
    bank = make_bank()
    for t in plan("mock").turns:  # interviews keep each question's own band
        own = bank.get(t.question.id)
        assert own is not None
        assert (t.question.answer_min, t.question.answer_max) == (own.answer_min, own.answer_max)
