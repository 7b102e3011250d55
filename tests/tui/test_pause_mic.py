"""Pausing a spoken answer stops the microphone hearing: nothing said while
paused lands in the answer.

The app hands its ``ServiceHub.mic_paused`` to the real microphone as
``paused_when`` (``load_real_services``); the fake listener honours that
callable the way ``MicListener`` does (audio while paused becomes silence), so
the test checks what the user gets: the words of the answer.
"""

from __future__ import annotations

from typing import Any

import pytest

from hotseat.session import FakeClock, Phase
from hotseat.settings import Settings
from hotseat.tui import service_hub
from hotseat.tui.options import AppOptions
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeListener
from tests.tui.helpers import move_clock, start


async def test_words_said_while_paused_never_reach_the_answer(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    listener = FakeListener()
    app = app_factory(mode="focus", category="growth", count=1, listener=listener, typed=False)
    listener.paused_when = app.services.mic_paused  # as load_real_services wires MicListener
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+s")  # answer now
        await pilot.pause()
        assert screen.session.phase is Phase.ANSWERING
        listener.hear("I asked for feedback")
        await pilot.press("ctrl+g")  # pause
        await pilot.pause()
        assert screen.session.paused
        listener.hear("I asked for feedback hold on my phone is ringing")
        await pilot.pause()
        live = str(screen.query_one("#live-transcript").render())
        assert "phone" not in live
        await pilot.press("ctrl+g")  # resume
        await pilot.pause()
        listener.hear("I asked for feedback every week")
        await move_clock(pilot, clock, 30)
        await pilot.press("ctrl+s")  # submit
        await pilot.pause()
        answer = screen.session.current.answer
        assert answer is not None
        assert answer.text == "I asked for feedback every week"


def test_the_real_microphone_is_told_when_the_app_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[dict[str, Any]] = []

    class Recorder:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            made.append(kwargs)

    monkeypatch.setattr("hotseat.asr.listener.MicListener", Recorder)
    monkeypatch.setattr("hotseat.speech.create_speaker", lambda settings: None)
    hub = service_hub.load_real_services(Settings(muted=True), AppOptions(typed=False))
    assert len(made) == 1
    paused_when = made[0]["paused_when"]
    assert paused_when() is False
    hub.mic_held = True  # what a pause sets
    assert paused_when() is True
