"""Typing while the interviewer is still reading the question keeps every key."""

from __future__ import annotations

from hotseat.session import FakeClock, Phase
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import start


async def test_typing_over_the_question_starts_the_answer_and_keeps_the_keys(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(mode="focus", pack="test-software", count=2, speaker=speaker)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot)
        assert screen.session.phase is Phase.ASKING  # the voice is still reading
        await pilot.press(*"Early")
        await pilot.pause()
        assert screen.session.phase is Phase.ANSWERING
        assert screen.answer_area.typed_text == "Early"
        assert speaker.stops == 1  # the voice was told to stop
