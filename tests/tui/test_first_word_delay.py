""" "You took N s to say the first word" counts from when the answer clock started:
the end of the question (no thinking time), or the end of the thinking time.

Real audio: the app listens through the private PulseAudio server with
pocketsphinx, and a clip of real speech is played into the virtual microphone a
known time after the question was asked. The voice is a stand-in that reports
when the question ended; in the first case that report reaches the screen 1.5 s
late, as the voice's ``SpeechFinished`` message does on a busy machine. Before
the app passed the answer clock's start to the listener, the delay counted only
from when the microphone was opened, and came out 1.5 s short.
"""

from __future__ import annotations

import time
import wave
from pathlib import Path

import numpy as np
import pytest
from textual.pilot import Pilot

from hotseat.asr.listener import MicListener
from hotseat.session import MonotonicClock, Phase
from hotseat.settings import Settings
from hotseat.tui.screens.interview import InterviewScreen
from tests.support.pulse import PulseServer
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeSpeaker
from tests.tui.helpers import start, until
from tests.tui.test_real_spoken_start import CLIP

pytestmark = [
    pytest.mark.audio,
    pytest.mark.skipif(not CLIP.exists(), reason=f"{CLIP} is not there (../shared)"),
]

LATE = 1.5  # seconds the end of the question takes to reach the screen (case 1)
QUIET = 4.0  # seconds from the answer clock's start to playing the clip: a slow start
LATENCY = 0.9  # at most: the clip through paplay (300 ms) and the microphone's buffers


def speech_onset(wav: Path) -> float:
    """Seconds into ``wav`` where its speech begins (the first loud 10 ms)."""
    with wave.open(str(wav)) as clip:
        rate = clip.getframerate()
        raw = np.frombuffer(clip.readframes(clip.getnframes()), np.int16)
    samples = raw.reshape(-1, clip.getnchannels())[:, 0] / 32768.0
    window = rate // 100
    rms = [
        float(np.sqrt(np.mean(samples[i : i + window] ** 2)))
        for i in range(0, len(samples) - window, window)
    ]
    threshold = 0.1 * max(rms)
    return next(i for i, level in enumerate(rms) if level > threshold) * 0.01


async def asked_with_the_microphone_ready(
    pilot: Pilot[int], speaker: FakeSpeaker, listener: MicListener
) -> InterviewScreen:
    """Start the session; let the voice 'say' everything before the question itself."""
    await until(pilot, lambda: listener.ready, "the recogniser")
    screen = await start(pilot)
    question = screen.session.current.question.text
    await until(pilot, lambda: speaker.said, "the voice")
    for _ in range(10):  # the greeting and any lead-in, each to its end
        if speaker.said[-1].text == question:
            break
        speaker.finish()
        await pilot.pause(0.05)
    assert speaker.said[-1].text == question and screen.session.phase is Phase.ASKING
    assert listener.available, listener.notice
    return screen


async def answered(pilot: Pilot[int], pulse: PulseServer, screen: InterviewScreen) -> float:
    """Play the clip into the microphone now, end the answer after it; when it began."""
    began = time.monotonic()
    playing = pulse.play_into_mic(CLIP, wait=False)
    await until(pilot, lambda: playing.poll() is not None, "the clip played")
    await pilot.pause(0.8)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: screen.session.phase is Phase.REVIEWING, "the feedback")
    return began


def said_delay(screen: InterviewScreen, opening: tuple[float, float], played: float) -> float:
    """The first-word delay the feedback gives, checked against the clock: the clip
    was played ``played`` (monotonic) and the microphone opened within ``opening``."""
    turn = screen.session.turns[0]
    assert turn.answer is not None and turn.feedback is not None
    assert turn.answer_started_at is not None  # session time: the monotonic clock, no pause
    delay, first = turn.answer.first_word_delay, turn.answer.words[0]
    assert delay is not None and first.start is not None, turn.answer
    # What the feedback says is that figure.
    assert turn.feedback.metrics["time_to_first_word"] == pytest.approx(delay, abs=0.01)
    slow = [f.message for f in turn.feedback.findings if f.id == "slow-start"]
    assert slow == [f"You took {delay:.1f} s to say the first word (aim for under 4 s)."]
    # The word's time counts from the microphone opening; the delay adds the time from
    # the answer clock's start to that opening.
    lead_in = delay - first.start
    low, high = (at - turn.answer_started_at for at in opening)
    assert low - 0.01 <= lead_in <= high + 0.01, (lead_in, low, high)
    # And so it is the clip's own delay: from its speech (the first word cannot come
    # sooner; sphinx may miss the first words of it, so later is allowed).
    clip_from_start = played - turn.answer_started_at
    assert clip_from_start + speech_onset(CLIP) - 0.3 <= delay, (delay, clip_from_start)
    assert delay <= clip_from_start + clip_seconds(CLIP) + LATENCY, (delay, clip_from_start)
    return delay


def clip_seconds(wav: Path) -> float:
    with wave.open(str(wav)) as clip:
        return float(clip.getnframes() / clip.getframerate())


async def test_with_no_time_to_think_it_counts_from_the_end_of_the_question(
    app_factory: AppFactory, pulse: PulseServer
) -> None:
    speaker, listener = FakeSpeaker(), MicListener(Settings(engine="sphinx"))
    app = app_factory(
        mode="curveball", count=3, bank=None, analyze=None, clock=MonotonicClock(),
        speaker=speaker, listener=listener, typed=False,
    )  # fmt: skip
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await asked_with_the_microphone_ready(pilot, speaker, listener)
            asked = time.monotonic() - LATE  # the voice ended then; the screen hears it now
            told = time.monotonic()
            speaker.finish(at=asked)
            await until(pilot, lambda: screen.capture.spoken, "the microphone open")
            opening = (told, time.monotonic())
            await pilot.pause(asked + QUIET - time.monotonic())
            played = await answered(pilot, pulse, screen)
            assert screen.session.turns[0].answer_started_at == pytest.approx(asked, abs=0.001)
            delay = said_delay(screen, opening, played)
    finally:
        listener.close()
    assert delay >= QUIET  # not the 1.5 s less the microphone's own clock would say


async def test_with_time_to_think_it_counts_from_the_end_of_the_thinking(
    app_factory: AppFactory, pulse: PulseServer
) -> None:
    """Rapid-fire gives five seconds to think; ctrl+s after one starts the answer: the
    second spent thinking is the user's granted silence, not a slow start."""
    speaker, listener = FakeSpeaker(), MicListener(Settings(engine="sphinx"))
    app = app_factory(
        mode="rapid-fire", count=3, bank=None, analyze=None, clock=MonotonicClock(),
        speaker=speaker, listener=listener, typed=False,
    )  # fmt: skip
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await asked_with_the_microphone_ready(pilot, speaker, listener)
            speaker.finish()
            await until(pilot, lambda: screen.session.phase is Phase.THINKING, "thinking")
            await pilot.pause(1.0)
            pressed = time.monotonic()
            await pilot.press("ctrl+s")  # ready before the thinking time is up
            await until(pilot, lambda: screen.capture.spoken, "the microphone open")
            opening = (pressed, time.monotonic())
            turn = screen.session.turns[0]
            assert turn.asked_at is not None and turn.answer_started_at is not None
            assert turn.answer_started_at - turn.asked_at >= 1.0  # a second of thinking
            await pilot.pause(pressed + QUIET - time.monotonic())
            played = await answered(pilot, pulse, screen)
            delay = said_delay(screen, opening, played)
    finally:
        listener.close()
    # The second of thinking is not in it: the lead-in (checked above) is the moment
    # from ctrl+s to the microphone opening, and the first word came after the clip began.
    assert turn.answer is not None and turn.answer.words[0].start is not None
    assert delay - turn.answer.words[0].start < 0.5
