"""What the screen says when the sound system stalls, and where the microphone's news
is not said at all.

Regression (trial6 N4): a sound server starved at load 28-30 was told to the user as
"Microphone lost ... Plug it back in" (wrong advice: nothing was unplugged), five
times, once over the finished session's summary. The stream now tells a stall from
a lost device (tests/audio/test_sound_system_stall.py, on a real stopped server);
here the app gets those events as the stream sends them.
"""

from __future__ import annotations

from hotseat.session import FakeClock
from hotseat.tui import messages as msg
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import interview_started, move_clock, press, spoken

ONE = {"mode": "focus", "pack": "test-software", "count": 1}


def _said(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_stall_during_an_answer_is_said_as_one_and_never_as_unplugging(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, **ONE)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")  # answer now
        listener.hear("I split the release into three steps")
        app.post_message(msg.MicrophoneChanged("stalled", "no audio has reached hotseat"))
        await pilot.pause()
        stalled = _said(app)[-1]
        assert "The sound system has stalled" in stalled and "answer so far is kept" in stalled
        assert "Plug" not in stalled and "lost" not in stalled.lower()
        assert "sound system stalled" in str(screen.answer_area.border_subtitle)
        app.post_message(msg.MicrophoneChanged("resumed", "the sound system stalled for 4 s"))
        await pilot.pause()
        assert _said(app)[-1].startswith("The sound system stalled for 4 s; recording resumed")
        assert not screen.answer_area.border_subtitle
        await move_clock(pilot, clock, 20)
        await press(pilot, "ctrl+s", "enter")
        while not isinstance(app.screen, SummaryScreen):
            await press(pilot, "ctrl+o")
        before = len(_said(app))
        for kind in ("stalled", "lost", "resumed", "back"):  # over the finished summary
            app.post_message(msg.MicrophoneChanged(kind, "no audio has come from it"))
        await pilot.pause()
        assert _said(app)[before:] == []
