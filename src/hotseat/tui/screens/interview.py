"""The interview: question card, live timer, answer area and feedback panel.

Everything is driven by ``hotseat.session.Session``: this screen asks the
current question (through the ``Speaker`` when there is one), calls
``question_asked()`` when the voice has really finished, ticks the session ten
times a second, and turns its events into what the user sees. The voice and
the microphone report back through messages only (see ``tui.messages``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea

from hotseat.session import Event, Phase, Plan, Session
from hotseat.transcript import Transcript
from hotseat.tui import messages as msg
from hotseat.tui.personas import PersonaBook
from hotseat.tui.screens.dialogs import ConfirmScreen, ExplainScreen
from hotseat.tui.service_hub import ServiceHub
from hotseat.tui.widgets.answer_area import AnswerArea
from hotseat.tui.widgets.feedback_panel import FeedbackPanel
from hotseat.tui.widgets.question_card import QuestionCard
from hotseat.tui.widgets.timer import SessionTimer, show_time

TICK_SECONDS = 0.1
_ASKING, _THINKING, _ANSWERING = Phase.ASKING, Phase.THINKING, Phase.ANSWERING
_BEFORE_REVIEW = (Phase.ASKING, Phase.THINKING, Phase.ANSWERING)


class InterviewScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "answer_now", "Answer now", priority=True),
        Binding("ctrl+s", "submit", "Submit answer", priority=True),
        Binding("enter,ctrl+n", "next", "Next question"),
        Binding("e", "explain", "Explain score"),
        Binding("ctrl+r", "repeat", "Repeat", priority=True),
        Binding("ctrl+o", "skip", "Skip", priority=True),
        Binding("escape", "stop_speech", "Stop voice", priority=True),
        Binding("ctrl+t", "toggle_mute", "Mute", priority=True),
        Binding("ctrl+g", "pause", "Pause", priority=True),
        Binding("ctrl+l", "end", "End", priority=True),
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

    def __init__(
        self,
        plan: Plan,
        session: Session,
        *,
        services: ServiceHub,
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
        self.services = services
        self.personas = personas
        self.force_typed = typed
        self.title_text = title
        self.audible_warnings = audible_warnings
        self.rng = rng or random.Random()
        self.recording_path = recording_path or (lambda: None)
        self._audio: Path | None = None  # where the current spoken answer is recorded
        self.token = 0  # bumped whenever a question is (re)asked or an answer starts
        self.speaking = False
        self.finishing = False  # waiting for the final transcript
        self.spoken_answer = False  # the current answer comes from the microphone
        self._to_say: list[tuple[str, str]] = []  # (text, persona) still to speak
        self._greeted = False
        self._cut_off = False  # the interviewer ended this answer at the limit

    # -- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="topbar")
        yield QuestionCard(id="question")
        yield SessionTimer(id="timer")
        yield AnswerArea(id="answer")
        yield FeedbackPanel(id="feedback")
        yield Footer()

    def on_mount(self) -> None:
        self.feedback_panel.display = False
        self.session.start()
        self.set_interval(TICK_SECONDS, self.tick)
        if self.session.finished:
            self.post_message(self.Finished(self.session, self.title_text))
            return
        self._ask()

    @property
    def answer_area(self) -> AnswerArea:
        return self.query_one(AnswerArea)

    @property
    def feedback_panel(self) -> FeedbackPanel:
        return self.query_one(FeedbackPanel)

    @property
    def card(self) -> QuestionCard:
        return self.query_one(QuestionCard)

    def _typed(self) -> bool:
        return self.force_typed or not self.services.mic_on

    def _update_topbar(self) -> None:
        speaker = self.services.speaker
        voice = "voice on" if self.services.voice_on else "captions only"
        if speaker is not None and speaker.available and speaker.muted:
            voice = "voice muted"
        mic = "typed answers" if self._typed() else f"microphone ({self.services.listener_name})"
        self.query_one("#topbar", Static).update(f"{self.title_text} · {voice} · {mic}")

    def _post(self, message: Message) -> None:
        """For the services' threads (post_message is thread-safe)."""
        self.post_message(message)

    # -- asking -------------------------------------------------------------------

    def _ask(self, *, repeat: bool = False) -> None:
        session, book = self.session, self.personas
        turn = session.current
        lines: list[tuple[str, str]] = []
        if not self._greeted:
            self._greeted = True
            lines += [(book.line(s.persona, s.key, self.rng), s.persona) for s in self.plan.opening]
        if turn.lead_in and not repeat:
            lines.append((book.line(turn.persona, turn.lead_in, self.rng), turn.persona))
        number, total = question_number(session)
        self.card.show(
            turn.question,
            number,
            total,
            interviewer=book.name(turn.persona),
            lead=" ".join(text for text, _ in lines if text),
            follow_up=turn.follow_up_of is not None,
        )
        self.token += 1
        self.finishing = self.spoken_answer = self._cut_off = False
        area = self.answer_area
        area.mode = "typed" if self._typed() else "spoken"
        area.display = True
        self.feedback_panel.display = False
        if not repeat:
            area.clear()
        area.set_ready(False)
        self._update_topbar()
        if self.services.voice_on:
            self._to_say = [*lines, (turn.question.text, turn.persona)]
            self._say_next()
        else:
            self._asked()
        self.tick()

    def _say_next(self) -> None:
        speaker = self.services.speaker
        if speaker is None or not self._to_say:
            return
        text, persona = self._to_say.pop(0)
        token = self.token
        self.speaking = True
        self.card.set_speaking(True)
        speaker.speak(
            text,
            persona,
            on_started=lambda t: self._post(msg.SpeechStarted(token, t)),
            on_finished=lambda t, stopped: self._post(msg.SpeechFinished(token, t, stopped)),
        )
        self.refresh_bindings()

    @on(msg.SpeechFinished)
    def _speech_finished(self, event: msg.SpeechFinished) -> None:
        if event.token != self.token:
            return
        if self._to_say and not event.stopped and self.services.voice_on:
            self._say_next()
            return
        self._to_say.clear()
        self.speaking = False
        self.card.set_speaking(False)
        if self.session.phase is _ASKING and not self.session.paused:
            self._asked()
        self.refresh_bindings()

    def _asked(self) -> None:
        phase = self.session.question_asked()
        self._prepare_next()
        if phase is _ANSWERING:
            self._start_answer()
        elif self.answer_area.mode == "typed":
            self.answer_area.set_ready(True)  # typing during the countdown starts the answer
            self.answer_area.text_area.focus()
        self.tick()
        self.refresh_bindings()

    def _prepare_next(self) -> None:
        speaker = self.services.speaker
        index = self.session.index + 1
        if self.services.voice_on and speaker is not None and index < len(self.session.turns):
            turn = self.session.turns[index]
            speaker.prepare(turn.question.text, turn.persona)

    def _say_aside(self, key: str) -> None:
        """A persona line outside the question flow (interrupt, warning, closing)."""
        speaker = self.services.speaker
        persona = self.session.current.persona
        text = self.personas.line(persona, key, self.rng)
        if text and self.services.voice_on and speaker is not None:
            speaker.speak(text, persona)
        elif text:
            self.notify(f"{self.personas.name(persona)}: {text}")

    # -- answering ----------------------------------------------------------------

    def _start_answer(self) -> None:
        area = self.answer_area
        listener = self.services.listener
        if area.mode == "spoken" and listener is not None:
            self.token += 1
            token = self.token
            self.spoken_answer = True
            area.set_partial("")
            self._audio = self.recording_path()
            listener.start_answer(
                on_partial=lambda text: self._post(msg.PartialTranscript(token, text)),
                on_level=lambda db: self._post(msg.InputLevel(token, db)),
                on_final=lambda tr: self._post(msg.FinalTranscript(token, tr)),
                recording_path=str(self._audio) if self._audio else None,
            )
        else:
            area.set_ready(True)
            area.text_area.focus()
        self.refresh_bindings()

    @on(TextArea.Changed, "#typed-answer")
    def _typing(self) -> None:
        if self.session.phase is _THINKING and self.answer_area.typed_text:
            self.session.begin_answer()
            self._start_answer()
            self.tick()

    @on(msg.PartialTranscript)
    def _partial(self, event: msg.PartialTranscript) -> None:
        if event.token == self.token:
            self.answer_area.set_partial(event.text)

    @on(msg.InputLevel)
    def _level(self, event: msg.InputLevel) -> None:
        if event.token == self.token:
            self.answer_area.set_level(event.dbfs)

    @on(msg.FinalTranscript)
    def _final(self, event: msg.FinalTranscript) -> None:
        if event.token == self.token and self.session.phase is _ANSWERING:
            self._complete(event.transcript)

    def _end_answer(self) -> None:
        """The answer is over: collect the transcript, then assess it."""
        if self.finishing or self.session.phase is not _ANSWERING:
            return
        listener = self.services.listener
        if self.spoken_answer and listener is not None:
            self.finishing = True
            listener.finish_answer()  # the final transcript arrives as a message
            self.tick()
            self.refresh_bindings()
        else:
            self._complete(Transcript.typed(self.answer_area.typed_text))

    def _complete(self, transcript: Transcript) -> None:
        self.finishing = self.spoken_answer = False
        turn = self.session.finish_answer(transcript, interrupted=self._cut_off)
        area = self.answer_area
        area.set_ready(False)
        area.display = False
        panel = self.feedback_panel
        panel.display = True
        if turn.feedback is not None:
            panel.show(turn.feedback)
        panel.focus()
        audio, self._audio = self._audio, None
        self.post_message(self.TurnDone(self.session, self.session.index, audio))
        self.tick()
        self.refresh_bindings()

    # -- the clock ----------------------------------------------------------------

    def tick(self) -> None:
        """Advance the session by the clock and show where it stands."""
        session = self.session
        listener = self.services.listener
        silence = listener.silence_seconds() if self.spoken_answer and listener else None
        for event in session.tick(silence):
            if self._handle(event):
                return
        timer = self.query_one(SessionTimer)
        timer.finishing = self.finishing
        show_time(timer, session, speaking=self.speaking)

    def _handle(self, event: Event) -> bool:
        """React to one engine event; True when the screen moved on."""
        if event.kind == "thinking-over":
            self._start_answer()
        elif event.kind == "time-up" and self.session.phase is _ANSWERING:
            self._cut_off = self.session.current.interrupted
            if event.line:
                self._say_aside(event.line)
            else:
                self.notify("Time is up for this answer.", severity="warning")
            self._end_answer()
        elif event.kind == "silence-end":
            self._end_answer()
        elif event.kind == "amber" and self.audible_warnings:
            if event.line and self.services.voice_on:
                self._say_aside(event.line)
            else:
                self.app.bell()
        elif event.kind == "auto-advance":
            self.action_next()
            return True
        return False

    # -- keys -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        session = self.session
        phase, paused = session.phase, session.paused
        speaker = self.services.speaker
        if action == "answer_now":
            return phase is _THINKING and not paused
        if action == "submit":
            return phase is _ANSWERING and not paused and not self.finishing
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
        return True

    def action_answer_now(self) -> None:
        if self.session.phase is _THINKING:
            self.session.begin_answer()
            self._start_answer()
            self.tick()

    def action_submit(self) -> None:
        self._end_answer()

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
        if self.speaking and self.services.speaker is not None:
            self._to_say.clear()
            self.services.speaker.stop()  # on_finished(stopped=True) moves the session on

    def action_toggle_mute(self) -> None:
        speaker = self.services.speaker
        if speaker is None:
            return
        speaker.muted = not speaker.muted
        if speaker.muted and self.speaking:
            self.action_stop_speech()
        self.notify("Voice muted: captions only." if speaker.muted else "Voice on.")
        self.post_message(self.MuteToggled(speaker.muted))
        self._update_topbar()

    def action_pause(self) -> None:
        session = self.session
        if session.paused:
            session.resume()
            if session.phase is _ASKING:
                self._ask(repeat=True)  # the pause cut the question off
        else:
            was_speaking = self.speaking
            if not session.pause():
                self.notify("This drill cannot be paused.", severity="warning")
                return
            if was_speaking:
                self._silence()
        self.tick()
        self.refresh_bindings()

    def action_explain(self) -> None:
        feedback = self.session.current.feedback
        if feedback is not None:
            self.app.push_screen(ExplainScreen(feedback))

    def action_end(self) -> None:
        def decided(end: bool | None) -> None:
            if end:
                self._silence()
                self.session.end()
                self._finish(closing=False)

        self.app.push_screen(
            ConfirmScreen("End the session now? The answers so far go to the summary."),
            decided,
        )

    def _silence(self) -> None:
        """Stop the voice and drop the microphone; late callbacks are ignored."""
        self.token += 1
        self._to_say.clear()
        if self.speaking and self.services.speaker is not None:
            self.services.speaker.stop()
        self.speaking = False
        self.card.set_speaking(False)
        if self.spoken_answer and self.services.listener is not None:
            self.services.listener.cancel()
        self.spoken_answer = self.finishing = False
        self._audio = None

    def _finish(self, *, closing: bool) -> None:
        speaker = self.services.speaker
        if closing and self.services.voice_on and speaker is not None:
            for line in self.plan.closing:
                speaker.speak(self.personas.line(line.persona, line.key, self.rng), line.persona)
        self.post_message(self.Finished(self.session, self.title_text))


def question_number(session: Session) -> tuple[int, int]:
    """(this question's number, how many questions): follow-ups are not counted."""
    roots = [i for i, t in enumerate(session.turns) if t.follow_up_of is None]
    done = sum(1 for i in roots if i <= session.root_index())
    return done, len(roots)
