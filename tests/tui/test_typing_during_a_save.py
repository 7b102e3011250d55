"""Typing never waits for the history: a slow save on its thread leaves the keys alone."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from hotseat.session import FakeClock, Phase
from hotseat.store import Recorder
from tests.tui.conftest import AppFactory
from tests.tui.helpers import answer, press, start, type_answer


async def test_keys_typed_while_a_save_is_stuck_reach_the_answer_at_once(
    app_factory: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, saves, finished = threading.Event(), [], threading.Event()
    real_save = Recorder.save_answer

    def stuck_second_save(self: Recorder, *args: Any, **kwargs: Any) -> Any:
        saves.append(args)
        if len(saves) == 2:  # the save with the feedback: the disk hangs until released
            gate.wait(20)
            try:
                return real_save(self, *args, **kwargs)
            finally:
                finished.set()
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Recorder, "save_answer", stuck_second_save)
    app = app_factory(mode="focus", pack="test-software", count=2)
    async with app.run_test() as pilot:
        screen = await start(pilot)
        await answer(pilot, clock, "I wrote the plan down and we agreed on it.", 40)
        for _ in range(200):  # the save with the feedback is under way, stuck
            if len(saves) == 2:
                break
            await pilot.pause(0.01)
        assert len(saves) == 2
        await press(pilot, "enter")  # the next question (or a follow-up)
        await type_answer(pilot, "Then")
        # Handled while the save is still stuck: the UI never waited for it.
        assert not finished.is_set() and not gate.is_set()
        assert screen.session.phase is Phase.ANSWERING
        assert screen.answer_area.typed_text == "Then"
        gate.set()
        await pilot.pause()
    assert finished.wait(10)
