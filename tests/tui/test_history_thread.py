"""The history's disk work stays off the UI thread, and a failing worker is one line.

Opening the database (quick_check, migrations) and every save run on the
history's own thread; the UI thread only hears back. A worker that fails tells
the user in one line instead of crashing the app or failing in silence.
"""

from __future__ import annotations

import dataclasses
import functools
import threading
from typing import Any

import pytest

from hotseat.session import FakeClock
from hotseat.store import Recorder, Store
from hotseat.store.keeper import HistoryKeeper
from hotseat.tui import app_voice_mic
from hotseat.tui.screens.home import HomeScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import answer, start


async def test_the_history_opens_and_saves_on_its_own_thread(
    app_factory: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[tuple[str, str]] = []
    real_open, real_save = Recorder.open, Recorder.save_answer

    def open_(self: Recorder) -> Any:
        threads.append(("open", threading.current_thread().name))
        return real_open(self)

    def save(self: Recorder, *args: Any, **kwargs: Any) -> Any:
        threads.append(("save", threading.current_thread().name))
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Recorder, "open", open_)
    monkeypatch.setattr(Recorder, "save_answer", save)
    async with app_factory(mode="focus", pack="test-software", count=2).run_test() as pilot:
        await start(pilot)
        await answer(pilot, clock, "I wrote the plan down and we agreed on it.", 40)
        ui_thread = threading.current_thread().name
    assert threads[0] == ("open", "history")
    saves = [name for what, name in threads if what == "save"]
    assert saves and set(saves) == {"history"} and ui_thread != "history"
    with Store() as store:
        [info] = store.list_sessions()
        [kept] = store.load_session(info.id).answers
    assert kept.transcript.text == "I wrote the plan down and we agreed on it."


def test_jobs_run_in_the_order_given_and_stop_waits_for_them() -> None:
    keeper = HistoryKeeper()
    order: list[int] = []
    futures = [keeper.later(functools.partial(order.append, n)) for n in range(50)]
    keeper.stop()
    assert order == list(range(50))
    assert all(f.done() for f in futures)


async def test_a_failing_worker_is_one_line_for_the_user(
    app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the sound system is in a bad state")

    monkeypatch.setattr(app_voice_mic, "build_voice_mic", broken)
    app = app_factory(build_voice_mic=True)
    async with app.run_test() as pilot:
        app.voice_mic_loader.request()
        for _ in range(50):
            await pilot.pause(0.02)
            if app._notifications:
                break
        said = [n.message for n in app._notifications]
        assert app.is_running  # not a crash
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.status == "captions only · typed answers"  # not waiting forever
    assert said == [
        "Loading the voice and microphone failed: RuntimeError: the sound system is in a bad state"
    ]


async def test_a_save_waiting_its_turn_keeps_the_answer_as_it_was_handed_over(
    app_factory: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The history's thread gets a snapshot of the turn: what the session changes on
    the live turn afterwards (here, while the save waits behind a slow disk) is not
    what is saved."""
    gate, saves = threading.Event(), []
    real_save = Recorder.save_answer

    def slow_second_save(self: Recorder, *args: Any, **kwargs: Any) -> Any:
        saves.append(args)
        if len(saves) == 2:  # the save with the feedback: the disk is slow
            assert gate.wait(10)
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Recorder, "save_answer", slow_second_save)
    app = app_factory(mode="focus", pack="test-software", count=2)
    async with app.run_test() as pilot:
        screen = await start(pilot)
        await answer(pilot, clock, "I wrote the plan down and we agreed on it.", 40)
        for _ in range(100):  # the save with the feedback is under way, waiting
            if len(saves) == 2:
                break
            await pilot.pause(0.01)
        assert len(saves) == 2
        live = screen.session.turns[0]
        assert live.answer is not None and live.feedback is not None
        live.answer = dataclasses.replace(live.answer, text="changed on the UI thread later")
        live.feedback.score = 3
        gate.set()
    with Store() as store:
        [info] = store.list_sessions()
        [kept] = store.load_session(info.id).answers
    assert kept.transcript.text == "I wrote the plan down and we agreed on it."
    assert kept.feedback is not None and kept.feedback.score != 3
