"""The interview: question card, live timer, answer area and feedback panel.

Everything is driven by ``hotseat.session.Session``: this screen asks the
current question (through the ``Speaker`` when there is one), calls
``question_asked()`` when the voice has really finished, ticks the session ten
times a second, and turns its events into what the user sees. The voice and
the microphone report back through messages only (see ``tui.messages``).

It holds two helpers (composition): ``InterviewKeys`` (``interview_keys``),
which its ``action_*`` methods and ``check_action`` hand over to, and
``AnswerInput`` (``interview_input``), how each answer comes in.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea

from hotseat.session import Event, MonotonicClock, Phase, Plan, Session
from hotseat.speech.persona_book import PersonaBook
from hotseat.transcript import Transcript
from hotseat.tui import messages as msg
from hotseat.tui.interviewer import InterviewerVoice, Said
from hotseat.tui.screens.interview_input import AnswerInput
from hotseat.tui.screens.interview_keys import INTERVIEW_BINDINGS, InterviewKeys
from hotseat.tui.voice_mic import VoiceMic
from hotseat.tui.widgets.answer_area import AnswerArea
from hotseat.tui.widgets.feedback_panel import FeedbackPanel
from hotseat.tui.widgets.question_card import QuestionCard, lead_text
from hotseat.tui.widgets.timer import SessionTimer, show_time

TICK_SECONDS = 0.1
_ASKING, _THINKING, _ANSWERING = Phase.ASKING, Phase.THINKING, Phase.ANSWERING


class InterviewScreen(Screen[None]):
    """The interview flow: ask, think, answer, review, for every turn of the session."""

    BINDINGS: ClassVar[list[BindingType]] = INTERVIEW_BINDINGS

    @dataclass
    class Finished(Message):
        """The session is over (last question done, or ended early)."""

        session: Session
        title: str

    @dataclass
    class TurnDone(Message):
        """A turn is over (answered and assessed, or skipped): the moment to keep it."""

        session: Session
        index: int
        audio_path: Path | None
        quit_after: bool = False  # ctrl+q mid-answer: hotseat closes once it is kept

    @dataclass
    class MuteToggled(Message):
        muted: bool

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
        self.audio: Path | None = None  # where the current spoken answer is recorded
        self.token = 0  # bumped whenever a question is (re)asked or an answer starts
        self.voice = InterviewerVoice(voice_mic, personas, self.rng, self.post_message)
        self.finishing = False  # waiting for the final transcript
        self.spoken_answer = False  # the current answer comes from the microphone
        self._greeted = False
        self._cut_off = False  # the interviewer ended this answer at the limit
        self.keys = InterviewKeys(self)
        self.answer_input = AnswerInput(self)

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
        self.set_interval(TICK_SECONDS, self.tick)
        if self.voice_mic.ready:
            self.begin()
        else:
            self.answer_input.wait_for_voice_mic()  # then begin, a few seconds at most

    def begin(self) -> None:
        """Start the session and ask the first question."""
        self.session.start()
        if self.session.finished:
            self.post_message(self.Finished(self.session, self.title_text))
            return
        self.ask()

    @property
    def feedback_panel(self) -> FeedbackPanel:
        return self.query_one(FeedbackPanel)

    @property
    def answer_area(self) -> AnswerArea:
        return self.query_one(AnswerArea)

    @property
    def card(self) -> QuestionCard:
        return self.query_one(QuestionCard)

    @property
    def speaking(self) -> bool:
        return self.voice.speaking

    @property
    def waiting_for_voice_mic(self) -> bool:
        return self.answer_input.waiting_for_voice_mic

    def update_topbar(self) -> None:
        speaker = self.voice_mic.speaker
        voice = "voice on" if self.voice_mic.voice_on else "captions only"
        if speaker is not None and speaker.available and speaker.muted:
            voice = "voice muted"
        typed = self.answer_area.mode == "typed"  # this answer's (answer_input.typed(): the next)
        mic = "typed answers" if typed else f"microphone ({self.voice_mic.listener_name})"
        status = f" · {voice} · {mic}"
        if self.waiting_for_voice_mic:
            what = self.voice_mic.waiting_for(typed=self.force_typed) or "the microphone"
            status = f" · getting {what} ready"
        # A narrow terminal shortens the title, never the state of the voice and mic.
        room = max(1, self.size.width - 2 - len(status))
        title = self.title_text
        if len(title) > room:
            title = title[: room - 1].rstrip() + "…"
        self.query_one("#topbar", Static).update(Content(title + status))

    def on_resize(self) -> None:
        self.query_one(Footer).compact = self.size.width < 80  # more keys in narrow terminals
        self.update_topbar()

    # -- the keys (``InterviewKeys`` and ``AnswerInput`` decide and act) -------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        input_says = self.answer_input.allowed(action)
        return self.keys.allowed(action) if input_says is None else input_says

    def action_answer_now(self) -> None:
        self._answer_key()

    def action_submit(self) -> None:
        self._answer_key()

    def action_skip_wait(self) -> None:
        self._answer_key()

    def action_next(self) -> None:
        self.keys.next()

    def action_skip(self) -> None:
        self.keys.skip()

    def action_repeat(self) -> None:
        self.keys.repeat()

    def action_stop_speech(self) -> None:
        self.keys.stop_speech()

    def action_toggle_mute(self) -> None:
        self.keys.toggle_mute()

    def action_pause(self) -> None:
        self.keys.pause()

    def action_resume(self) -> None:
        self.keys.resume_clock()

    def action_pause_refused(self) -> None:
        self.keys.pause_refused()

    def action_explain(self) -> None:
        self.keys.explain()

    def action_end(self) -> None:
        self.keys.end()

    def quit_asking(self) -> None:
        """ctrl+q (the app's key): asks first when an answer is under way."""
        self.keys.quit()

    def action_type_answers(self) -> None:
        self.answer_input.switch_to_typed()

    def action_speak_answers(self) -> None:
        self.answer_input.switch_to_spoken()

    def switch_to_typed(self) -> None:
        """Typed answers from now on (f4, the palette, a lost microphone)."""
        self.answer_input.switch_to_typed()

    def voice_mic_changed(self) -> None:
        """The app's voice or microphone was built, loaded or failed."""
        self.answer_input.voice_mic_changed()

    # -- asking -------------------------------------------------------------------

    def ask(self, *, repeat: bool = False) -> None:
        session, voice = self.session, self.voice
        turn = session.current
        lines = [] if self._greeted else voice.lines(self.plan.opening)
        self._greeted = True
        if turn.lead_in and not repeat:
            lines.append(voice.line(turn.persona, self._lead_in_key()))
        number, total = session.progress()
        name = self.personas.name
        self.card.show(
            turn.question,
            number,
            total,
            interviewer=name(turn.persona),
            lead=lead_text([(text, name(persona)) for text, persona in lines], name(turn.persona)),
            follow_up=turn.follow_up_of is not None,
        )
        self.token += 1
        self.finishing = self.spoken_answer = self._cut_off = False
        self.answer_input.forget()
        self.audio = None
        area = self.answer_area
        area.mode = "typed" if self.answer_input.typed() else "spoken"
        area.display = True
        self.feedback_panel.display = False
        if not repeat:
            area.clear()
        # An answer may be typed (or begun by typing) while the question is still
        # being read: keystrokes are never thrown away.
        area.set_ready(True)
        area.set_waiting()
        self.update_topbar()
        if voice.say([*lines, (turn.question.text, turn.persona)], self.token):
            self.card.set_speaking(True)
            area.text_area.focus()
            self.refresh_bindings()
        else:
            self._asked()
        self.tick()

    def _lead_in_key(self) -> str:
        """No thanks for a question the user skipped: the persona's 'skipped' line instead."""
        session = self.session
        turn = session.current
        before = session.turns[session.index - 1] if session.index > 0 else None
        if turn.lead_in == "moving_on" and before is not None and before.skipped:
            return "skipped"
        return turn.lead_in

    @on(msg.SpeechFinished)
    def _speech_finished(self, event: msg.SpeechFinished) -> None:
        if event.token != self.token or not self.voice.finished(event):
            return
        self.card.set_speaking(False)
        if self.session.phase is _ASKING and not self.session.paused:
            # The voice reports the real end of speech on the monotonic clock.
            real_clock = isinstance(self.session.clock, MonotonicClock)
            self._asked(event.at if real_clock and not event.stopped else None)
        self.refresh_bindings()

    def _asked(self, at: float | None = None) -> None:
        phase = self.session.question_asked(at)
        self._prepare_next()
        if phase is _ANSWERING:
            self._start_answer()
        else:
            self.answer_area.set_ready(True)  # typing during the countdown starts the answer
            self.answer_area.text_area.focus()
        self.tick()
        self.refresh_bindings()

    def _prepare_next(self) -> None:
        index = self.session.index + 1
        if index < len(self.session.turns):
            self.voice.prepare(self.session.turns[index])

    def _say_aside(self, key: str) -> None:
        """A persona line outside the question flow: spoken, or shown when there is no voice."""
        self.aside(self.voice.line(self.session.current.persona, key))

    def aside(self, said: Said) -> None:
        """Say a persona line (text, persona) now; with no voice, show it instead."""
        text, persona = said
        if text and not self.voice.aside(said):
            self.notify(f"{self.personas.name(persona)}: {text}")

    # -- answering ----------------------------------------------------------------

    def _start_answer(self) -> None:
        area = self.answer_area
        # Keys go into the answer in both modes: spoken answers take typed words too.
        area.set_ready(True)
        area.text_area.focus()
        if area.mode == "spoken" and self.voice_mic.listener is not None:
            self.answer_input.start_listening()
        self.refresh_bindings()

    def _answer_key(self) -> None:
        """ctrl+s: start the answer now (thinking), or submit it (answering).

        ctrl+s is a priority key, handled as it arrives, while keys typed just
        before it (a fast typist, a slow SSH link) may still wait in the answer
        box's queue: it acts behind them, so no word of the answer is lost.
        """
        self.answer_area.text_area.call_later(self._answer_or_submit)

    def _answer_or_submit(self) -> None:
        if self.finishing:
            self.skip_waiting_for_transcript()
            return
        if self.session.paused:
            return
        self._typing()  # keys typed before ctrl+s start the answer, as they would have
        if self.session.phase is _THINKING:
            self.session.begin_answer()
            self._start_answer()
            self.tick()
        elif self.session.phase is _ANSWERING:
            self._end_answer()

    @on(TextArea.Changed, "#typed-answer")
    def _typing(self) -> None:
        if not self.answer_area.typed_text or self.session.paused:
            return
        self.answer_input.typed_into_answer()
        if self.session.phase is _ASKING:
            # Typing over the question: the candidate is ready; stop the voice.
            self.keys.silence()
            self._asked()
        if self.session.phase is _THINKING:
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
        self.answer_input.heard_final(event)

    def _end_answer(self) -> None:
        """The answer is over: collect the transcript, then assess it."""
        if self.finishing or self.session.phase is not _ANSWERING:
            return
        listener = self.voice_mic.listener
        self.session.stop_answer_clock()  # at once: the final words may take a moment
        if (self.spoken_answer and listener is not None) or self.answer_input.listening:
            self.finishing = True
            if self.spoken_answer and listener is not None:
                listener.finish_answer()  # the final transcript arrives as a message
            self.tick()
            self.refresh_bindings()
        else:
            self.complete(self.answer_input.joined_answer())

    def skip_waiting_for_transcript(self) -> None:
        """ctrl+s while the transcript is finishing: take the live text as it stands."""
        listener = self.voice_mic.listener
        skip = getattr(listener, "skip_waiting", None)
        if self.finishing and skip is not None:
            skip()
            self.query_one(SessionTimer).caption = "Using the live transcript…"

    def microphone_changed(self, kind: str, text: str) -> None:
        """The microphone went away ("lost") or came back ("back"): say so, plainly."""
        answering = self.spoken_answer and self.session.phase is _ANSWERING
        if kind == "lost":
            kept = " Your answer so far is kept." if answering else ""
            self.notify(
                f"Microphone lost: {text}.{kept} Plug it back in to go on speaking, "
                "or press f4 to type.",
                title="Microphone",
                severity="error",
                timeout=12,
            )
        else:
            self.notify(f"Microphone back ({text}): listening again.", title="Microphone")
        self.answer_area.set_microphone_lost(kind == "lost")

    def complete(self, transcript: Transcript) -> None:
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
        audio, self.audio = self.audio, None
        self.post_message(self.TurnDone(self.session, self.session.index, audio))
        self.tick()
        self.refresh_bindings()

    # -- the clock ----------------------------------------------------------------

    def tick(self) -> None:
        """Advance the session by the clock and show where it stands."""
        if self.waiting_for_voice_mic:
            self.answer_input.check_voice_mic()
            return
        session = self.session
        for event in session.tick(self.answer_input.silence_heard()):
            if self._handle(event):
                return
        timer = self.query_one(SessionTimer)
        timer.finishing = self.finishing
        typed = self.answer_area.mode == "typed"
        show_time(timer, session, speaking=self.speaking, typed=typed, held=self.keys.holding)

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
            if event.line and self.voice_mic.voice_on:
                self._say_aside(event.line)
            else:
                self.app.bell()
        elif event.kind == "auto-advance":
            self.action_next()
            return True
        return False
