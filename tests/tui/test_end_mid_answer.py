"""ctrl+l (End the session) never loses an answer: mid-answer the dialog says the answer
so far is kept, and on yes it is saved as ctrl+q saves it (interrupted, the recording
kept), then the summary shows it, marked, out of the average."""

from __future__ import annotations

import shutil
import time
import wave
from pathlib import Path

import pytest

from hotseat.session import FakeClock, Phase
from hotseat.store import Store
from hotseat.tui.screens.dialogs import ConfirmScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.support.pulse import PulseServer
from tests.tui.conftest import AppFactory
from tests.tui.helpers import interview_started, move_clock, spoken, type_answer
from tests.tui.terminal import Terminal, running
from tests.tui.test_quit_mid_answer import saved_rows
from tests.tui.test_real_spoken_start import CLIP

MOCK = {"mode": "focus", "pack": "test-software", "count": 3}
TYPED = (
    "I spent six years building routing software for couriers, and I like turning messy "
    "depot data into plans that drivers trust"
)


def session_statuses() -> list[str]:
    with Store() as store:
        return [s.status for s in store.list_sessions()]


async def test_ending_during_a_typed_answer_keeps_it(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**MOCK)) as (pilot, screen):
        await type_answer(pilot, TYPED)
        await move_clock(pilot, clock, 25)
        assert screen.session.phase is Phase.ANSWERING
        await pilot.press("ctrl+l")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert "answer so far is saved, marked interrupted" in dialog.question
        await pilot.press("y")
        await pilot.pause()
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert "No answers were given" not in summary.text
        assert summary.summary.answered == 1
    assert saved_rows() == [(TYPED, 1, ["interrupted by ending the session"])]
    assert session_statuses() == ["finished"]  # ended, not offered for resuming


async def test_ending_during_a_spoken_answer_keeps_the_words_and_the_recording(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    app, listener = spoken(app_factory, **MOCK)
    async with interview_started(app) as (pilot, screen):
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.session.phase is Phase.ANSWERING and listener.started == 1
        listener.hear("I moved our depot routing to a new solver")  # live, no final yet
        await move_clock(pilot, clock, 15)
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
    (kept,) = saved_rows()
    assert kept[0] == "I moved our depot routing to a new solver"
    assert kept[1] == 1
    assert listener.cancelled == 0  # finished, not thrown away: the recording stays


async def test_ending_with_an_empty_typed_answer_saves_nothing(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    async with interview_started(app_factory(**MOCK)) as (pilot, screen):
        await pilot.press("ctrl+s")  # answer now, then end before a word
        await pilot.pause()
        assert screen.session.phase is Phase.ANSWERING
        await pilot.press("ctrl+l")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen) and "This answer is empty" in dialog.question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SummaryScreen)
    assert saved_rows() == []


def live_words(term: Terminal, timeout: float = 25.0) -> list[str]:
    """The live transcript's words once there are three or more (the line under the
    microphone meter): recognition of a busy machine varies, so no word is expected."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = term.screen().splitlines()
        meter = next((i for i, line in enumerate(lines) if "│ Mic " in line), None)
        if meter is not None and meter + 1 < len(lines):
            words = lines[meter + 1].strip(" │").split()
            if len(words) >= 3 and not {"Listening…", "listens"} & set(words):
                return words
        time.sleep(0.2)
    raise AssertionError(f"no live transcript; the screen shows:\n{term.screen()}")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.skipif(not CLIP.exists(), reason=f"{CLIP} is not there (../shared)")
def test_ending_a_real_spoken_answer_keeps_its_words_and_its_recording(
    pulse: PulseServer, tmp_path: Path
) -> None:
    """The installed app, real speech into the private PulseAudio microphone, ctrl+l
    while the words are still coming in: the summary has the answer, and the history
    its transcript and its WAV."""
    with running("practice --mode focus --category opener --count 2 --mute", tmp_path) as term:
        term.wait_for("Thinking time", timeout=40)
        term.send("C-s")  # answer now
        term.wait_for("Listening", timeout=15)
        pulse.play_into_mic(CLIP, wait=False)
        heard = live_words(term)  # the live transcript of real speech, still coming in
        term.send("C-l")
        term.wait_for("is saved, marked", timeout=10)
        term.send("y")
        shown = term.wait_for("Session summary", timeout=20)
        assert "No answers were given" not in shown
    with Store() as store:
        record = store.load_session(store.list_sessions()[0].id)
    (kept,) = record.answers
    assert kept.interrupted and kept.transcript.engine != "typed"
    # What was shown, as the recogniser last revised it: words, not none. Not "as many"
    # nor "the same": a later partial may merge or change them ("been made a wheeled"
    # was saved as "been made amiable", "a in real bullets" as "a we'll pull him self
    # taught" when a second test process shared a machine at a load of 25).
    assert len(kept.transcript.text.split()) >= 3, (heard, kept.transcript.text)
    assert kept.audio_path is not None and Path(kept.audio_path).is_file()
    with wave.open(str(kept.audio_path)) as wav:
        assert wav.getnframes() / wav.getframerate() > 1.0  # the speech up to ctrl+l
