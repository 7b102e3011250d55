"""Every mode plans well from the question bank hotseat ships (not a test bank)."""

from __future__ import annotations

import random

import pytest

from hotseat.questions import load_bank
from hotseat.session import load_modes, plan_session

BANK = load_bank(include_user=False)
SEEDS = range(6)


@pytest.mark.parametrize("mode", [m.id for m in load_modes() if m.shape != "focus"])
def test_each_mode_fills_its_default_count_with_filled_in_questions(mode: str) -> None:
    default = load_modes()[mode].count
    for seed in SEEDS:
        p = plan_session(mode, BANK, rng=random.Random(seed), company="Acme", role="analyst",
                         personas=["recruiter", "hiring-manager"])  # fmt: skip
        assert len(p.turns) == default
        assert len({t.question.id for t in p.turns}) == default  # no question twice
        for t in p.turns:
            assert "{" not in t.question.text and "}" not in t.question.text


def test_a_tailored_mock_interview_follows_the_interview_order() -> None:
    for seed in SEEDS:
        p = plan_session("mock", BANK, rng=random.Random(seed), company="Acme",
                         notes="Acme sells tools to hospitals.")  # fmt: skip
        kinds = [t.question.kind for t in p.turns]
        assert kinds[0] == "opener" and kinds[-1] == "closing"
        assert p.turns[1].question.category == "research"
        assert kinds[2] == "motivation"
        assert "behavioral" in kinds[3:-1]


def test_drills_from_the_shipped_bank_keep_their_promise() -> None:
    curve = plan_session("curveball", BANK, rng=random.Random(0))
    assert {t.question.kind for t in curve.turns} == {"curveball"}
    rapid = plan_session("rapid-fire", BANK, rng=random.Random(0))
    assert all(t.question.kind not in ("closing", "behavioral") for t in rapid.turns)
