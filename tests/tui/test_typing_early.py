"""Typing while the interviewer is still reading the question keeps every key."""

from __future__ import annotations

import pytest

from hotseat.session import FakeClock, Phase
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import burst, interview_started, press


async def test_typing_over_the_question_starts_the_answer_and_keeps_the_keys(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    speaker = FakeSpeaker()
    app = app_factory(mode="focus", pack="test-software", count=2, speaker=speaker)
    async with interview_started(app) as (pilot, screen):
        assert screen.session.phase is Phase.ASKING  # the voice is still reading
        await press(pilot, *"Early")
        assert screen.session.phase is Phase.ANSWERING
        assert screen.answer_area.typed_text == "Early"
        assert speaker.stops == 1  # the voice was told to stop


@pytest.mark.parametrize("mode", ["focus", "curveball"])  # thinking first / answering at once
async def test_ctrl_s_right_after_typing_submits_every_word(
    app_factory: AppFactory, clock: FakeClock, mode: str
) -> None:
    app = app_factory(mode=mode, pack="test-software", count=3)
    async with interview_started(app) as (pilot, screen):
        burst(app, *"I split the release into weekly steps.", "ctrl+s")
        await pilot.pause()
        assert screen.session.phase is Phase.REVIEWING
        answer = screen.session.turns[0].answer
        assert answer is not None and answer.text == "I split the release into weekly steps."
