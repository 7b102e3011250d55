"""What the keys do during an interview (the flow itself is in ``interview.py``).

``InterviewControls`` holds the interview's state, its messages to the app
and its key bindings; every key is offered only when it makes sense in the
current phase (``check_action``), so the footer and the command palette show
just what can be done now. ``InterviewScreen`` supplies the flow hooks.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from hotseat.session import Phase, Plan, Session
from hotseat.speech.persona_book import PersonaBook
from hotseat.tui.interviewer import InterviewerVoice
from hotseat.tui.screens.dialogs import ConfirmScreen, ExplainScreen
from hotseat.tui.voice_mic import VoiceMic
from hotseat.tui.widgets.answer_area import AnswerArea
from hotseat.tui.widgets.question_card import QuestionCard

_ASKING, _THINKING, _ANSWERING = Phase.ASKING, Phase.THINKING, Phase.ANSWERING
_BEFORE_REVIEW = (Phase.ASKING, Phase.THINKING, Phase.ANSWERING)


class InterviewControls(Screen[None]):
    # In the footer's order: what matters most first, so a narrow terminal (60x20)
    # still shows answer/submit, pause and end. f4 switches spoken/typed answers
    # (its actions are in ``interview_input``).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "answer_now", "Answer now", priority=True, id="interview.answer"),
        Binding("ctrl+s", "submit", "Submit answer", priority=True, id="interview.answer"),
        Binding("ctrl+s", "skip_wait", "Don't wait", priority=True, id="interview.answer"),
        Binding("enter,ctrl+n", "next", "Next question", id="interview.next"),
        Binding("e", "explain", "Explain score", id="interview.explain"),
        Binding("ctrl+g", "pause", "Pause", priority=True, id="interview.pause"),
        Binding(
            "ctrl+g", "pause_refused", "Pause", show=False, priority=True, id="interview.pause"
        ),
        Binding("ctrl+l", "end", "End", priority=True, id="interview.end"),
        Binding("f4", "type_answers", "Type", priority=True, id="interview.type_or_speak"),
        Binding("f4", "speak_answers", "Speak", priority=True, id="interview.type_or_speak"),
        Binding("escape", "stop_speech", "Stop voice", priority=True, id="interview.stop_speech"),
        Binding("ctrl+o", "skip", "Skip", priority=True, id="interview.skip"),
        Binding("ctrl+r", "repeat", "Repeat", priority=True, id="interview.repeat"),
        Binding("ctrl+t", "toggle_mute", "Mute", priority=True, id="interview.toggle_mute"),
    ]

    class Finished(Message):
        """The session is over (last question done, or ended early)."""

        def __init__(self, session: Session, title: str) -> None:
            super().__init__()
            self.session = session
            self.title = title

    class TurnDone(Message):
        """A turn is over (answered and assessed, or skipped): the moment to keep it."""

        def __init__(self, session: Session, index: int, audio_path: Path | None) -> None:
            super().__init__()
            self.session = session
            self.index = index
            self.audio_path = audio_path

    class MuteToggled(Message):
        def __init__(self, muted: bool) -> None:
            super().__init__()
            self.muted = muted

    @dataclass
    class MicHold(Message):
        """Paused (``held``) or running again: the app holds the microphone meanwhile."""

        held: bool

    def __init__(
        self,
        plan: Plan,
        session: Session,
        *,
        voice_mic: VoiceMic,
        personas: PersonaBook,
        typed: bool,
        title: str,
        audible_warnings: bool = False,
        rng: random.Random | None = None,
        recording_path: Callable[[], Path | None] | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.session = session
        self.voice_mic = voice_mic
        self.personas = personas
        self.force_typed = typed
        self.title_text = title
        self.audible_warnings = audible_warnings
        self.rng = rng or random.Random()
        self.recording_path = recording_path or (lambda: None)
        self._audio: Path | None = None  # where the current spoken answer is recorded
        self.token = 0  # bumped whenever a question is (re)asked or an answer starts
        self.voice = InterviewerVoice(voice_mic, personas, self.rng, self.post_message)
        self.finishing = False  # waiting for the final transcript
        self.spoken_answer = False  # the current answer comes from the microphone
        self._greeted = False
        self._cut_off = False  # the interviewer ended this answer at the limit

    # -- hooks the interview screen provides ----------------------------------------

    def _ask(self, *, repeat: bool = False) -> None:
        raise NotImplementedError

    def _start_answer(self) -> None:
        raise NotImplementedError

    def _end_answer(self) -> None:
        raise NotImplementedError

    def _answer_key(self) -> None:
        raise NotImplementedError

    def _update_topbar(self) -> None:
        raise NotImplementedError

    def tick(self) -> None:
        raise NotImplementedError

    @property
    def card(self) -> QuestionCard:
        return self.query_one(QuestionCard)

    @property
    def speaking(self) -> bool:
        return self.voice.speaking

    # -- keys -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        session = self.session
        phase, paused = session.phase, session.paused
        speaker = self.voice_mic.speaker
        if action == "answer_now":
            return phase is _THINKING and not paused
        if action == "submit":
            return phase is _ANSWERING and not paused and not self.finishing
        if action == "skip_wait":
            return phase is _ANSWERING and self.finishing
        if action in ("next", "explain"):
            ready = action == "next" or session.current.feedback is not None
            return phase is Phase.REVIEWING and ready
        if action == "repeat":
            return phase in _BEFORE_REVIEW and not paused and not self.finishing
        if action == "skip":
            return phase in _BEFORE_REVIEW and not self.finishing
        if action == "stop_speech":
            return self.speaking
        if action == "toggle_mute":
            return speaker is not None and speaker.available
        if action == "pause":
            return phase in _BEFORE_REVIEW and (session.can_pause or paused) and not self.finishing
        if action == "pause_refused":
            return not session.allow_pause and not session.finished
        return True

    def action_answer_now(self) -> None:
        self._answer_key()

    def action_submit(self) -> None:
        self._answer_key()

    def action_skip_wait(self) -> None:
        self._answer_key()

    def action_next(self) -> None:
        if self.session.phase is not Phase.REVIEWING:
            return
        if self.session.next() is Phase.DONE:
            self._finish(closing=True)
        else:
            self._ask()

    def action_skip(self) -> None:
        self._silence()
        index = self.session.index
        phase = self.session.skip()
        if self.session.turns[index].skipped:
            self.post_message(self.TurnDone(self.session, index, None))
        if phase is Phase.DONE:
            self._finish(closing=True)
        else:
            self._ask()

    def action_repeat(self) -> None:
        self._silence()
        self.session.repeat()
        self._ask(repeat=True)

    def action_stop_speech(self) -> None:
        self.voice.stop()  # on_finished(stopped=True) then moves the session on

    def action_toggle_mute(self) -> None:
        speaker = self.voice_mic.speaker
        if speaker is None:
            return
        speaker.muted = not speaker.muted
        if speaker.muted and self.speaking:
            self.action_stop_speech()
        self.notify("Voice muted: captions only." if speaker.muted else "Voice on.")
        self.post_message(self.MuteToggled(speaker.muted))
        self._update_topbar()

    def action_pause(self) -> None:
        if self.session.paused:
            self._resume_clock()
        else:
            self._pause_clock()

    def _pause_clock(self, *, hold: bool = False) -> bool:
        """Stop the clock, the voice and the microphone; ``hold`` (a dialog is open) stops
        even a drill's. False when nothing was paused (refused, or paused already)."""
        area = self.query_one(AnswerArea)
        was_speaking = self.speaking
        if not self.session.pause(hold=hold):
            return False
        area.set_ready(False)  # paused means paused: nothing is typed into the answer
        if was_speaking:
            self._silence()
        self._after_pause_change()
        return True

    def _resume_clock(self) -> None:
        session = self.session
        session.resume()
        self.query_one(AnswerArea).set_ready(True)
        if session.phase is _ASKING:
            self._ask(repeat=True)  # the pause cut the question off
        self._after_pause_change()

    def _after_pause_change(self) -> None:
        self.post_message(self.MicHold(self.session.paused))  # the microphone hears nothing
        self.tick()
        self.refresh_bindings()

    def _over_a_held_clock(self, dialog: Screen[Any], then: Callable[[Any], None]) -> None:
        """Open ``dialog`` with the interview's clock stopped behind it (a drill's too);
        it runs on when the dialog closes, unless ``then`` ended the session."""
        held = self._pause_clock(hold=True)

        def closed(result: Any) -> None:
            then(result)
            if held and self.session.paused and not self.session.finished:
                self._resume_clock()

        self.app.push_screen(dialog, closed)

    def action_pause_refused(self) -> None:
        self.notify(
            "No pausing in a drill: the clock runs on, as in a real interview. "
            "ctrl+l ends the session.",
            severity="warning",
        )

    def action_explain(self) -> None:
        feedback = self.session.current.feedback
        if feedback is not None:  # a drill's review pause waits while it is read
            self._over_a_held_clock(ExplainScreen(feedback), lambda _: None)

    def action_end(self) -> None:
        def decided(end: bool | None) -> None:
            if end:
                self._silence()
                self.session.end()
                self._finish(closing=False)

        self._over_a_held_clock(
            ConfirmScreen("End the session now? The answers so far go to the summary."),
            decided,
        )

    def _silence(self) -> None:
        """Stop the voice and drop the microphone; late callbacks are ignored."""
        self.token += 1
        self.voice.drop()
        self.card.set_speaking(False)
        if self.spoken_answer and self.voice_mic.listener is not None:
            self.voice_mic.listener.cancel()
        self.spoken_answer = self.finishing = False
        self._audio = None

    def _finish(self, *, closing: bool) -> None:
        self.post_message(self.MicHold(False))  # ended while paused: the next session hears
        if closing:
            for said in self.voice.lines(self.plan.closing):
                self._aside(said)
        self.post_message(self.Finished(self.session, self.title_text))

    def _aside(self, said: tuple[str, str]) -> None:
        """Say a persona line (text, persona) now; with no voice, show it instead."""
        text, persona = said
        if text and not self.voice.aside(said):
            self.notify(f"{self.personas.name(persona)}: {text}")
