"""Pausing a spoken answer stops the microphone hearing: nothing said while
paused lands in the answer."""

from __future__ import annotations

from hotseat.session import FakeClock, Phase
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeListener
from tests.tui.helpers import start


async def test_pause_holds_the_microphone_and_resume_releases_it(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    listener = FakeListener()
    app = app_factory(mode="focus", category="growth", count=1, listener=listener, typed=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        await pilot.press("ctrl+s")  # answer now
        await pilot.pause()
        assert screen.session.phase is Phase.ANSWERING
        assert listener.started == 1
        hub = screen.services
        assert not hub.mic_paused()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert screen.session.paused
        assert hub.mic_paused()  # what the recognizer's thread consults
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert not screen.session.paused
        assert not hub.mic_paused()
