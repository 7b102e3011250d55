"""Every mode resumes from History with what it was started with (F3: a focus session
on one category could not be resumed, so the answer typed in it was out of reach)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest

from hotseat import paths
from hotseat.session import FakeClock, Phase, load_modes
from hotseat.store import Store
from hotseat.store.drafts import all_drafts
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import card_text, interview, move_clock, press, type_answer

MODES = load_modes()
ANSWER = "I listed the risks, agreed the order with the team and we shipped in two steps."
DRAFT = "Half of my second answer about the billing migration"

# What each mode is started with: every option a mode takes, none left to its default.
STARTS: dict[str, dict[str, Any]] = {
    "mock": {"count": 3, "company": "Acme", "role": "analyst"},
    "focus-category": {"mode": "focus", "category": "growth", "count": 2},
    "focus-pack": {"mode": "focus", "pack": "role-software", "count": 3},
    "rapid-fire": {"count": 5, "persona": "hiring-manager"},
    "pressure-ladder": {"count": 3},
    "curveball": {"count": 3},
    "panel": {"count": 4, "persona": "panel-chair", "personas": ("senior-engineer",)},
    "review": {"count": 2},
}


def test_every_mode_has_a_resume_case() -> None:
    started = {str(start.get("mode", case)) for case, start in STARTS.items()}
    assert started == set(MODES.ids())


async def to_second_question(pilot: Any, clock: FakeClock, mode_id: str) -> None:
    """Answer the first question (and any follow-up) until the second one is asked."""
    mode = MODES[mode_id]
    screen = interview(pilot.app)
    for _ in range(20):
        session = screen.session
        asked = session.phase in (Phase.THINKING, Phase.ANSWERING)
        if asked and session.progress()[0] == 2 and session.current.follow_up_of is None:
            return
        if asked:
            await type_answer(pilot, ANSWER)
            await move_clock(pilot, clock, 10)
            await press(pilot, "ctrl+s")
        elif mode.auto_advance:
            await move_clock(pilot, clock, mode.review_seconds)
        elif session.phase is Phase.ASKING:
            await move_clock(pilot, clock, 1)
        else:
            await press(pilot, "enter")
    raise AssertionError(f"{mode_id}: the second question never came")


@pytest.mark.parametrize("case", list(STARTS))
async def test_a_session_of_every_mode_resumes_with_its_own_choices(
    app_factory: AppFactory, clock: FakeClock, case: str
) -> None:
    start = dict(STARTS[case])
    mode_id = str(start.setdefault("mode", case))
    # The shipped questions: focus needs a real category and role pack.
    async with app_factory(bank=None, **start).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+s")
        screen = interview(pilot.app)
        planned = [(t.question.id, t.persona) for t in screen.session.turns]
        total = len(planned)
        lead = screen.plan.personas
        await to_second_question(pilot, clock, mode_id)
        await type_answer(pilot, DRAFT)
        pilot.app.exit()  # the terminal went away mid-answer
        await pilot.pause()
    assert [d.text for d in all_drafts()] == [DRAFT]

    # Started again with none of those choices, as `hotseat --typed` is.
    async with app_factory(bank=None).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, HomeScreen)
        await press(pilot, "f2")
        await press(pilot, "r", settle=0.5)
        screen = interview(pilot.app)
        assert screen.plan.mode.id == mode_id
        assert [(t.question.id, t.persona) for t in screen.session.turns] == planned[1:]
        assert screen.plan.personas == lead
        assert f"Question 2 of {total}" in card_text(pilot.app)
        assert screen.answer_area.typed_text == DRAFT  # the kept draft, back in the box
        if "company" in start:
            assert screen.plan.context.company == start["company"]
            assert screen.plan.context.role == start["role"]


async def test_an_older_focus_session_without_its_choices_resumes(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """Sessions saved before the choices were kept (the tester's own) resume too."""
    start = {"mode": "focus", "category": "growth", "count": 2}
    async with app_factory(bank=None, **start).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+s")
        planned = [t.question.id for t in interview(pilot.app).session.turns]
        await to_second_question(pilot, clock, "focus")
        pilot.app.exit()
        await pilot.pause()
    with sqlite3.connect(paths.database_file()) as conn:
        (plan,) = conn.execute("SELECT plan FROM sessions").fetchone()
        old = {k: v for k, v in json.loads(plan).items() if k != "choices"}
        conn.execute("UPDATE sessions SET plan = ?", (json.dumps(old),))

    async with app_factory(bank=None).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2")
        await press(pilot, "r", settle=0.5)
        screen = interview(pilot.app)
        assert [t.question.id for t in screen.session.turns] == planned[1:]
        assert "Question 2 of 2" in card_text(pilot.app)


async def test_a_session_left_after_its_last_answer_resumes_to_its_summary(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """Quit while the last answer's feedback shows: nothing is left to ask, so resuming
    ends it and shows its summary (not 'Cannot start')."""
    async with app_factory(mode="focus", pack="test-software", count=2).run_test(
        size=(80, 24)
    ) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+s")
        await to_second_question(pilot, clock, "focus")
        await type_answer(pilot, ANSWER)
        await move_clock(pilot, clock, 10)
        await press(pilot, "ctrl+s")
        assert interview(pilot.app).session.phase is Phase.REVIEWING
        pilot.app.exit()
        await pilot.pause()

    async with app_factory().run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2")
        await press(pilot, "r", settle=0.5)
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert [row.number for row in summary.summary.rows if not row.follow_up] == [1, 2]
    with Store() as store:
        (info,) = store.list_sessions()
        assert info.status == "finished"
