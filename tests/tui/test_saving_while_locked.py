"""An answer ends while another hotseat holds the history (its write lock, for up to
the 5 s busy timeout): the interview goes on at once, and nothing is lost.

A second SQLite connection holds the real database (``BEGIN EXCLUSIVE``) while a
typed answer ends with ctrl+s. The feedback shows and keys are handled at once;
the typed draft stays on disk while the answer waits; once the lock goes, the
answer is in the history and its draft is gone. Before the first save went to the
history's thread without waiting, ctrl+s froze the app for the whole busy timeout
(5 s, ``SAVE_FIRST_WAIT`` 10 s at most). Held past the busy timeout, the answer
waits in the spill file, the user is told, and the draft goes only then.
"""

from __future__ import annotations

import time
from typing import Any

from textual.pilot import Pilot

from hotseat.session import FakeClock, Phase
from hotseat.store import Store
from hotseat.store.drafts import all_drafts
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    another_hotseat_saving,
    interview_started,
    move_clock,
    press,
    type_answer,
    until,
)

THREE = {"mode": "focus", "pack": "test-software", "count": 3}
PROMPT = 2.0  # seconds: far more than a key takes, well under the 5 s a freeze lasts
TYPED = "I would sketch both options on one page and ask the team to pick."


def saved_answers() -> list[str]:
    with Store() as store:
        (info,) = store.list_sessions()
        return [a.transcript.text for a in store.load_session(info.id).answers]


def drafts() -> list[str]:
    return [d.text for d in all_drafts()]


async def typed_and_drafted(pilot: Pilot[int], clock: FakeClock) -> None:
    """The answer typed, its draft on disk and the session's row written."""
    await type_answer(pilot, TYPED)
    await move_clock(pilot, clock, 40)
    await until(pilot, lambda: drafts() == [TYPED], "the draft")
    pilot.app.keeper.later(lambda: None).result(10)  # type: ignore[attr-defined]


async def timed(pilot: Pilot[Any], *keys: str) -> float:
    began = time.monotonic()
    await press(pilot, *keys)
    return time.monotonic() - began


async def test_an_answer_ending_while_another_hotseat_saves_never_freezes(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**THREE)) as (pilot, screen):
        await typed_and_drafted(pilot, clock)
        with another_hotseat_saving() as other:
            took = await timed(pilot, "ctrl+s")  # the answer ends: its save must wait
            assert took < PROMPT, f"the app froze for {took:.1f} s"
            assert screen.session.phase is Phase.REVIEWING
            assert screen.feedback_panel.display
            assert drafts() == [TYPED]  # not in the history yet: the draft stays
            took = await timed(pilot, "enter")  # still answering keys: the next question
            assert took < PROMPT, f"the app froze for {took:.1f} s"
            assert screen.session.phase is not Phase.REVIEWING
            other.execute("ROLLBACK")  # the other hotseat's save is done
            await until(pilot, lambda: saved_answers() == [TYPED], "the answer saved")
            await until(pilot, lambda: drafts() == [], "the draft removed")
        assert not any(n.severity == "warning" for n in pilot.app._notifications)


async def test_held_past_the_busy_timeout_the_answer_waits_on_file_and_the_user_is_told(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**THREE)) as (pilot, screen):
        await typed_and_drafted(pilot, clock)
        app = pilot.app
        with another_hotseat_saving():
            took = await timed(pilot, "ctrl+s")
            assert took < PROMPT, f"the app froze for {took:.1f} s"
            assert screen.feedback_panel.display
            await until(pilot, lambda: drafts() == [], "the draft, once the answer is on file")
            warnings = [n.message for n in app._notifications if n.severity == "warning"]
            assert any(w.startswith("Not saved yet") for w in warnings), warnings
        app.keeper.later(lambda: None).result(20)  # type: ignore[attr-defined]
    assert saved_answers() == [TYPED]  # written once the lock went (at the latest on quit)
