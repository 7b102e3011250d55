"""A spoken answer whose final recognition fell behind is finished, re-scored and saved.

Regression (trial5 F2): on a busy machine an 11 s answer was saved as the live text
"ah i", with no score and "Nothing to assess: the answer has only 2 words" (and "the
answer is empty" when the user chose not to wait), though the recording held every
word. Now the feedback says the computer was busy and the transcript is being
finished from the recording; when the listener hands over the finished transcript
(``asr.finisher``, checked on real audio in tests/asr/test_finish_from_recording.py)
the answer is scored again: in the panel if it is still shown, in the summary, and
in History (the saved row rewritten, not a second one).

The listener here gives its pending final and, when the test says, the finished
one, so the test decides when recognition catches up.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from textual.pilot import Pilot

from hotseat.asr import answer_notes
from hotseat.session import FakeClock, Phase, Turn
from hotseat.store import Store
from hotseat.transcript import Note, NoteKind, Transcript, Word
from hotseat.tui.screens.dialogs import ConfirmScreen
from hotseat.tui.screens.summary import SummaryScreen
from tests.tui.conftest import AppFactory
from tests.tui.fakes import FakeListener
from tests.tui.helpers import interview, interview_started, move_clock, press

TWO = {"mode": "focus", "pack": "test-software", "count": 2, "analyze": None}
SAID = (
    "At my last job two of us disagreed about the release date. I was responsible for the "
    "plan, so I asked her to list the risks with me and we agreed to ship in two steps. "
    "As a result we shipped on time and cut the bug reports by thirty percent."
)


@dataclass
class BehindListener(FakeListener):
    """Its final words are late: ``finish_answer`` gives the live text, pending."""

    behind: bool = True

    def finish_answer(self) -> None:
        if not self.behind:
            super().finish_answer()
            return
        assert self._on_final is not None
        pending = answer_notes.being_finished(skipped=False, behind=None)  # the listener's own note
        self._on_final(Transcript(self.final_text, engine="sphinx", notes=(pending,), pending=True))

    def finished(self, text: str) -> None:
        """Recognition caught up: the transcript made from the recording, handed over
        from the finisher's own thread (as the real listener does)."""
        revised = self._on_revised
        assert revised is not None
        words = tuple(Word(w, 0.5 + i * 0.4, 0.8 + i * 0.4) for i, w in enumerate(text.split()))
        done = Note("finished from the answer's recording", NoteKind.INFO)
        finished = Transcript(text, words, engine="sphinx", notes=(done,))
        thread = threading.Thread(target=revised, args=(finished,), name="hotseat-finisher")
        thread.start()
        thread.join(10)


async def _until_finished(pilot: Pilot[int], turn: Turn) -> None:
    """The app has taken the finished transcript in (a message from another thread)."""
    for _ in range(100):
        if turn.answer is not None and not turn.answer.pending:
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise AssertionError("the finished transcript never reached the answer")


def _stored() -> list[tuple[str, int | None]]:
    with Store() as store:
        (session,) = store.list_sessions()
        record = store.load_session(session.id)
    return [(a.transcript.text, a.score) for a in record.answers]


async def test_an_answer_finished_after_its_feedback_is_scored_again_everywhere(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    listener = BehindListener()
    app = app_factory(**TWO, listener=listener, typed=False)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")  # answer now
        listener.hear("ah i")
        await move_clock(pilot, clock, 40)
        await press(pilot, "ctrl+s")  # the answer ends; its final words are late
        assert screen.session.phase is Phase.REVIEWING
        panel = screen.feedback_panel.text
        # The cause is the machine, never the answer; the recording is safe.
        assert "The computer was busy" in panel and "Your recording is safe" in panel
        assert "only 2 words" not in panel and "Nothing to assess" not in panel
        first = screen.session.current
        assert first.answer is not None and first.answer.pending
        await press(pilot, "enter")  # on to question 2 while it is being finished
        while screen.session.current.follow_up_of is not None:
            await press(pilot, "ctrl+o")
        assert screen.session.current is not first

        listener.finished(SAID)
        await _until_finished(pilot, first)
        assert first.answer is not None and not first.answer.pending
        assert first.answer.text == SAID
        assert first.answer.duration == 40.0  # the clock's length, as before
        assert first.feedback is not None and first.feedback.assessable
        score = first.feedback.score
        assert screen.session.phase is not Phase.REVIEWING  # question 2 goes on as it was

        listener.behind = False
        await press(pilot, "ctrl+s")
        listener.hear("I would ship it in two steps and measure the result")
        await move_clock(pilot, clock, 20)
        await press(pilot, "ctrl+s")
        await press(pilot, "enter")
        while isinstance(pilot.app.screen, type(screen)):
            await press(pilot, "ctrl+o")  # no follow-up questions here
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert f"{score:4d}  1. " in summary.text
        assert " n/a  1. " not in summary.text
    stored = _stored()
    assert stored[0] == (SAID, score)  # rewritten in its place...
    assert [text for text, _ in stored].count(SAID) == 1  # ... not saved twice
    assert all(text != "ah i" for text, _ in stored)


async def test_the_feedback_shown_updates_in_place_when_the_transcript_is_finished(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    listener = BehindListener()
    app = app_factory(**TWO, listener=listener, typed=False)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        listener.hear("")  # nothing recognised live at all ("the answer is empty" before)
        await move_clock(pilot, clock, 30)
        await press(pilot, "ctrl+s")
        assert "empty" not in screen.feedback_panel.text
        assert "Waiting for the finished transcript" in screen.feedback_panel.text
        listener.finished(SAID)
        await _until_finished(pilot, screen.session.current)
        panel = screen.feedback_panel.text
        assert "Score " in panel and "The computer was busy" not in panel
        assert interview(pilot.app).session.phase is Phase.REVIEWING
        assert any("Transcript finished" in (n.title or "") for n in pilot.app._notifications)


async def test_an_answer_finished_after_the_session_ended_updates_the_summary(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    listener = BehindListener()
    app = app_factory(**{**TWO, "count": 1}, listener=listener, typed=False)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        listener.hear("ah i")
        await move_clock(pilot, clock, 30)
        await press(pilot, "ctrl+s")
        await press(pilot, "enter")
        while not isinstance(pilot.app.screen, SummaryScreen):
            await press(pilot, "ctrl+o")  # no follow-up questions here
        summary = pilot.app.screen
        assert "still being finished from the recording" in summary.text
        # The interview screen is gone when the finished transcript comes.
        first = screen.session.turns[0]
        listener.finished(SAID)
        await _until_finished(pilot, first)
        assert "still being finished" not in summary.text
        assert first.feedback is not None and first.feedback.assessable
        assert f"{first.feedback.score:4d}  1. " in summary.text
    assert _stored()[0] == (SAID, first.feedback.score)


async def test_when_finishing_fails_the_few_words_are_not_blamed_on_the_answer(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    listener = BehindListener()
    app = app_factory(**{**TWO, "count": 1}, listener=listener, typed=False)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        listener.hear("ah i")
        await move_clock(pilot, clock, 30)
        await press(pilot, "ctrl+s")
        first = screen.session.current
        failed = Note("finishing the transcript from the recording failed", NoteKind.INCOMPLETE)
        revised = listener._on_revised
        assert revised is not None
        revised(Transcript("ah i", engine="sphinx", notes=(failed,)))
        await _until_finished(pilot, first)
        panel = screen.feedback_panel.text
        assert "only 2 words" not in panel
        assert "not with your answer" in panel and "failed" in panel
        await press(pilot, "enter")
        while not isinstance(pilot.app.screen, SummaryScreen):
            await press(pilot, "ctrl+o")
        summary = pilot.app.screen.text
        assert "only 2 words" not in summary and "not with your answer" in summary


LATE_QUIT = "1 answer is still being transcribed; it will be finished next time you start hotseat."


async def test_quitting_while_an_answer_is_being_finished_says_so_and_leaves_it_marked(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    listener = BehindListener()
    app = app_factory(**TWO, listener=listener, typed=False)
    async with interview_started(app) as (pilot, _screen):
        await press(pilot, "ctrl+s")
        listener.hear("ah i")
        await move_clock(pilot, clock, 30)
        await press(pilot, "ctrl+s")  # its final words are late: being finished
        await press(pilot, "ctrl+l")  # End: it goes on being finished meanwhile
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.question.endswith(
            "1 answer is still being transcribed; its score is updated once finished."
        )
        await press(pilot, "n")
        await press(pilot, "ctrl+q")  # not answering: it used to close at once
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.question == f"Quit hotseat now?\n{LATE_QUIT}"
        await press(pilot, "y")
    # The row keeps the mark the next start finishes it by (tests/tui/test_late_answers_on_start).
    with Store() as store:
        (session,) = store.list_sessions()
        (answer, *_) = store.load_session(session.id).answers
    assert [n.kind for n in answer.transcript.notes] == [NoteKind.FINISHING]


async def test_quitting_from_the_summary_while_an_answer_is_being_finished_asks_first(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    listener = BehindListener()
    app = app_factory(**{**TWO, "count": 1}, listener=listener, typed=False)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        listener.hear("ah i")
        await move_clock(pilot, clock, 30)
        await press(pilot, "ctrl+s")
        await press(pilot, "enter")
        while not isinstance(pilot.app.screen, SummaryScreen):
            await press(pilot, "ctrl+o")
        await press(pilot, "ctrl+q")
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.question == f"Quit hotseat now?\n{LATE_QUIT}"
        await press(pilot, "n")
        assert pilot.app.is_running
        listener.finished(SAID)
        await _until_finished(pilot, screen.session.turns[0])
        await press(pilot, "ctrl+q")  # nothing being finished: closes at once
        assert not pilot.app.is_running


@dataclass
class SkippedListener(FakeListener):
    """Keeps up with the voice, but the user does not wait for its final pass (ctrl+s
    on "Finishing the transcript…"): the live text comes pending, with the listener's
    own note for that."""

    finishing: bool = False

    def finish_answer(self) -> None:
        self.finishing = True

    def skip_waiting(self) -> None:
        assert self._on_final is not None and self.finishing
        self.finishing = False
        chose = answer_notes.being_finished(skipped=True, behind=None)
        self._on_final(Transcript(self.final_text, engine="sphinx", notes=(chose,), pending=True))


async def test_not_waiting_is_said_as_the_users_choice_not_a_busy_computer(
    app_factory: AppFactory, clock: FakeClock
) -> None:
    """Regression (trial6 N6): after the user's own "don't wait" on a machine that kept
    up, the card said "The computer was busy and speech recognition fell behind"."""
    listener = SkippedListener()
    app = app_factory(**{**TWO, "count": 1}, listener=listener, typed=False)
    async with interview_started(app) as (pilot, screen):
        await press(pilot, "ctrl+s")
        listener.hear(SAID)
        await move_clock(pilot, clock, 30)
        await press(pilot, "ctrl+s")  # the answer ends; its final pass is still running
        assert screen.finishing
        await press(pilot, "ctrl+s")  # don't wait
        assert screen.session.phase is Phase.REVIEWING
        panel = screen.feedback_panel.text
        assert "You chose not to wait for the final recognition" in panel
        assert "Your recording is safe" in panel and "updates when it is done" in panel
        assert "busy" not in panel and "fell behind" not in panel
        await press(pilot, "enter")
        while not isinstance(pilot.app.screen, SummaryScreen):
            await press(pilot, "ctrl+o")
        summary = pilot.app.screen.text
        assert "still being finished from the recording" in summary
        assert "busy" not in summary
