"""ctrl+q never loses an answer: mid-answer it asks first, and on yes the answer so
far (the words heard, the live transcript, the typed text) is saved as interrupted
before hotseat closes; resuming goes on with the next question."""

from __future__ import annotations

import json

from textual.widgets import Button, DataTable
from textual.widgets._footer import FooterKey

from hotseat.session import FakeClock, Phase
from hotseat.store import Store
from hotseat.tui.screens.dialogs import ConfirmScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    answer,
    card_text,
    interview,
    interview_started,
    move_clock,
    press,
    spoken,
    type_answer,
)

MOCK = {"mode": "focus", "pack": "test-software", "count": 3}


def saved_rows() -> list[tuple[str, int, list[str]]]:
    """(transcript, interrupted, the notes' words) of every saved answer, in order."""
    with Store() as store:
        rows = store.connection.execute(
            "SELECT transcript, interrupted, notes FROM answers ORDER BY position"
        ).fetchall()
    return [
        (text, interrupted, [note["text"] for note in json.loads(notes)])
        for text, interrupted, notes in rows
    ]


async def test_ctrl_q_during_a_spoken_answer_asks_then_saves_it_as_interrupted(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, **MOCK)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        assert screen.session.phase is Phase.ANSWERING and listener.started == 1
        listener.hear("I led the migration of our billing")  # still live: no final yet
        await type_answer(pilot, "to a new provider")
        await move_clock(pilot, clock, 20)
        await press(pilot, "ctrl+q")
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen), "ctrl+q quit without asking"
        assert "saved as interrupted" in dialog.question
        # The footer names the keys as the buttons do: "y Quit  n Go on", not "y Yes".
        said = [key.description for key in dialog.query(FooterKey)]
        assert said[:2] == ["Quit", "Go on"], said
        assert [str(b.label) for b in dialog.query(Button)] == ["Quit (y)", "Go on (n)"]
        assert screen.session.paused  # the clock stops while the user decides
        await press(pilot, "n")  # go on answering
        assert pilot.app.screen is screen and not screen.session.paused
        assert pilot.app.is_running
        await press(pilot, "ctrl+q")
        await press(pilot, "y")
    assert not app.is_running
    (kept,) = saved_rows()
    assert kept[0] == "I led the migration of our billing to a new provider"
    assert kept[1] == 1 and "interrupted by quit" in kept[2]
    assert listener.cancelled == 0  # finished, not thrown away: the recording stays

    resumed, _ = spoken(app_factory, **MOCK)
    async with resumed.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2")
        row = pilot.app.screen.query_one(DataTable).get_row_at(0)
        assert "1/3" in row and "interrupted" in row  # answered of planned, not 1/1
        await press(pilot, "r", settle=0.5)
        screen = interview(pilot.app)
        assert "Question 2 of 3" in card_text(pilot.app)  # on from where it stopped
        for _ in range(2):
            await press(pilot, "ctrl+o")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert [row.number for row in summary.summary.rows] == [1, 2, 3]


async def test_ctrl_q_with_no_answer_under_way_quits_at_once(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**MOCK)) as (pilot, screen):
        await answer(pilot, clock, "We shipped it on time.", 30)
        assert screen.session.phase is Phase.REVIEWING  # saved already
        await press(pilot, "ctrl+q")
        assert not pilot.app.is_running
    assert [row[0] for row in saved_rows()] == ["We shipped it on time."]


async def test_ctrl_q_twice_means_yes_and_the_footer_shows_it(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**MOCK)) as (pilot, screen):
        shown = {b.binding.description for b in screen.active_bindings.values() if b.binding.show}
        assert "Quit" in shown
        await type_answer(pilot, "Half an answer")
        await press(pilot, "ctrl+q")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await press(pilot, "ctrl+q")
        assert not pilot.app.is_running
    assert saved_rows() == [("Half an answer", 1, ["interrupted by quit"])]


async def test_ctrl_q_with_an_empty_typed_answer_saves_nothing_and_resume_asks_it_again(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**MOCK)) as (pilot, screen):
        await answer(pilot, clock, "We shipped it on time.", 30)
        await press(pilot, "enter")
        while screen.session.current.follow_up_of is not None:
            await press(pilot, "ctrl+o")
        asked = screen.session.current.question.text
        await press(pilot, "ctrl+s")  # answer now, then quit before a word
        assert screen.session.phase is Phase.ANSWERING
        await press(pilot, "ctrl+q")
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen) and "asks this question again" in dialog.question
        await press(pilot, "y")
    assert [row for row in saved_rows() if row[1]] == []  # no empty answer kept as interrupted

    resumed, _ = spoken(app_factory, **MOCK)
    async with resumed.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f2")
        row = pilot.app.screen.query_one(DataTable).get_row_at(0)
        assert "1/3" in row  # not 2/3: the empty answer is not counted
        await press(pilot, "r", settle=0.5)
        assert asked in card_text(pilot.app)  # the same question, asked again
