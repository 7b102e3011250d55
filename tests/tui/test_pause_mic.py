"""Pausing a spoken answer stops the microphone hearing: nothing said while
paused lands in the answer.

The app builds the real microphone with ``paused_when`` over its
``VoiceMic.mic_hold`` event and the speaker (``build_voice_mic``); a pause asks
the app, by message, to set that event. The fake listener honours the callable
the way ``MicListener`` does (audio while paused becomes silence), so the test
checks what the user gets: the words of the answer.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from hotseat.session import FakeClock, Phase
from hotseat.settings import Settings
from hotseat.tui.options import AppOptions
from hotseat.tui.voice_mic import build_voice_mic, paused_when
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import interview_started, move_clock, press, spoken


async def test_words_said_while_paused_never_reach_the_answer(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, mode="focus", category="growth", count=1)
    # As build_voice_mic wires MicListener: the app's hold event and the speaker.
    listener.paused_when = paused_when(app.voice_mic.mic_hold, app.voice_mic.speaker)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")  # answer now
        assert screen.session.phase is Phase.ANSWERING
        listener.hear("I asked for feedback")
        await press(pilot, "ctrl+g")  # pause
        assert screen.session.paused
        listener.hear("I asked for feedback hold on my phone is ringing")
        await pilot.pause()
        live = str(screen.query_one("#live-transcript").render())
        assert "phone" not in live
        await press(pilot, "ctrl+g")  # resume
        listener.hear("I asked for feedback every week")
        await move_clock(pilot, clock, 30)
        await press(pilot, "ctrl+s")  # submit
        answer = screen.session.current.answer
        assert answer is not None
        assert answer.text == "I asked for feedback every week"


def test_the_real_microphone_is_told_when_the_app_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[dict[str, Any]] = []

    class MadeWith:  # stands in for MicListener: keeps what it was built with
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            made.append(kwargs)

    monkeypatch.setattr("hotseat.asr.listener.MicListener", MadeWith)
    monkeypatch.setattr("hotseat.speech.create_speaker", lambda settings: None)
    hold = threading.Event()
    build_voice_mic(Settings(muted=True), AppOptions(typed=False), hold)
    assert len(made) == 1
    paused = made[0]["paused_when"]
    assert paused() is False
    hold.set()  # what the app does when the session pauses
    assert paused() is True
    hold.clear()
    assert paused() is False


def test_the_microphone_hears_nothing_while_the_interviewer_speaks() -> None:
    speaker = FakeSpeaker()
    paused = paused_when(threading.Event(), speaker)
    assert paused() is False
    speaker.speak("Tell me about a time you failed.", "recruiter")
    assert speaker.speaking and paused() is True
