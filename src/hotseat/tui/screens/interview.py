"""The interview: question card, live timer, answer area and feedback panel.

The path of one answer, in order (each step names where it lives):

1. Asking: ``QuestionAsking.ask`` (``interview_asking``) shows the question on the
   card and ``InterviewerVoice`` (``tui.interviewer``) has the ``Speaker`` read the
   greeting, the lead-in and the question on its thread.
2. Asked: the voice's ``SpeechFinished`` message -> ``QuestionAsking.asked``:
   ``Session.question_asked`` starts the thinking countdown, or the answer at once.
3. Answering, here: ``start_answer`` -> ``AnswerInput.start_listening``
   (``interview_input``) -> ``AnswerCapture.listen`` (``session.answer_capture``)
   opens the ``Listener`` (``asr.listener``: PortAudio's callback queues the audio,
   one thread recognises it), which reports ``PartialTranscript`` and ``InputLevel``
   messages to the answer area. Keys typed go into the same answer (``AnswerArea``).
4. The answer ends, here: ctrl+s (``InterviewKeys.answer``, ``interview_keys``),
   silence or the time limit (``InterviewClock``, ``interview_clock``) ->
   ``end_answer``: the answer clock stops and the listener finishes; its
   ``FinalTranscript`` message -> ``AnswerCapture.heard_final``.
5. Feedback, here: ``complete`` joins what was heard and typed and hands it to
   ``Session.finish_answer``, which first hands the turn to the app to be kept
   (``AppHistory.keep_first``, ``tui.app_history`` -> ``store.keeper``, on the
   history's thread), then assesses it (``session.analysis``). The ``FeedbackPanel``
   shows the feedback, and a ``TurnDone`` message has the app save a snapshot of
   the turn again, with its feedback and recording (``AppHistory.keep``).

Beside this flow the screen holds the answer under way (``capture``) and its
helpers (composition, each in its own module): ``asking`` (steps 1 and 2),
``keys`` (``InterviewKeys``: which keys apply now and what most of them do),
``pausing`` (``InterviewPause``: ctrl+g, and the clock held behind dialogs),
``ending`` (``SessionEnding``: ctrl+l and ctrl+q without losing the answer),
``answer_input`` (``AnswerInput``: waiting for the voice and microphone,
listening, switching between speaking and typing) and ``clock``
(``InterviewClock``: the tick, time limits, silence, the timer).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Footer, TextArea

from hotseat.session import Phase, Plan, Session, Turn
from hotseat.session.answer_capture import AnswerCapture, Final
from hotseat.speech.persona_book import PersonaBook
from hotseat.tui import messages as msg
from hotseat.tui.interviewer import InterviewerVoice
from hotseat.tui.screens.interview_asking import QuestionAsking
from hotseat.tui.screens.interview_clock import InterviewClock
from hotseat.tui.screens.interview_ending import SessionEnding
from hotseat.tui.screens.interview_input import AnswerInput
from hotseat.tui.screens.interview_keys import INTERVIEW_BINDINGS, InterviewKeys, key_action
from hotseat.tui.screens.interview_pause import InterviewPause
from hotseat.tui.voice_mic import VoiceMic
from hotseat.tui.widgets.answer_area import AnswerArea
from hotseat.tui.widgets.feedback_panel import FeedbackPanel
from hotseat.tui.widgets.question_card import QuestionCard
from hotseat.tui.widgets.timer import SessionTimer
from hotseat.tui.widgets.topbar import TopBar

_ASKING, _THINKING, _ANSWERING = Phase.ASKING, Phase.THINKING, Phase.ANSWERING


class InterviewScreen(Screen[None]):
    """The interview flow: ask, think, answer, review, for every turn of the session."""

    BINDINGS: ClassVar[list[BindingType]] = INTERVIEW_BINDINGS

    def __init__(
        self,
        plan: Plan,
        session: Session,
        *,
        voice_mic: VoiceMic,
        personas: PersonaBook,
        typed: bool,
        muted: bool = False,
        title: str,
        audible_warnings: bool = False,
        rng: random.Random | None = None,
        recording_path: Callable[[], Path | None] | None = None,
    ) -> None:
        super().__init__()
        self.plan, self.session = plan, session
        self.voice_mic, self.personas = voice_mic, personas
        self.force_typed = typed
        self.muted = muted  # as the session started: a muted voice is not waited for
        self.title_text = title
        self.audible_warnings = audible_warnings
        self.recording_path = recording_path or (lambda: None)
        rng = rng or random.Random()
        self.voice = InterviewerVoice(voice_mic, personas, rng, self.post_message, self.notify)
        self.capture = AnswerCapture()  # the answer under way: listening, heard, recorded
        self.asking = QuestionAsking(self)
        self.keys = InterviewKeys(self)
        self.pausing = InterviewPause(self)
        self.ending = SessionEnding(self)
        self.answer_input = AnswerInput(self)
        self.clock = InterviewClock(self)

    # -- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TopBar(self.title_text, id="topbar")
        yield QuestionCard(id="question")
        yield SessionTimer(id="timer")
        yield AnswerArea(id="answer")
        yield FeedbackPanel(id="feedback")
        yield Footer()

    def on_mount(self) -> None:
        self.feedback_panel.display = False
        self.clock.start()
        if not self.answer_input.waiting_for():
            self.begin()
        else:
            self.answer_input.wait_for_voice_mic()  # then begin, a few seconds at most

    def begin(self) -> None:
        """Start the session and ask the first question."""
        self.session.start()
        if self.session.finished:
            self.post_message(msg.SessionFinished(self.session, self.title_text))
            return
        self.asking.ask()

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
    def finishing(self) -> bool:
        """The answer is over and waits for its final transcript."""
        return self.capture.finishing

    @property
    def waiting_for_voice_mic(self) -> bool:
        return self.answer_input.waiting_for_voice_mic

    def update_topbar(self) -> None:
        typed = self.answer_area.mode == "typed"  # this answer's (answer_input.typed(): the next)
        waiting = self.answer_input.waiting_for() or "the microphone"
        what = waiting if self.waiting_for_voice_mic else ""
        self.query_one(TopBar).show(self.voice_mic, typed=typed, waiting_for=what)

    def on_resize(self) -> None:
        self.query_one(Footer).compact = self.size.width < 80  # more keys in narrow terminals

    # -- the keys: each carried out by a helper (``interview_keys`` says which) ----------
    # (ctrl+q is the app's: mid-answer it asks ``ending.quit``.)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        input_says = self.answer_input.allowed(action)
        return self.keys.allowed(action) if input_says is None else input_says

    action_answer_now = action_submit = action_skip_wait = key_action(lambda s: s.keys.answer())
    action_next = action_to_summary = key_action(lambda s: s.keys.next())
    action_hold_review = key_action(lambda s: s.keys.hold_review())
    action_skip = key_action(lambda s: s.keys.skip())
    action_repeat = key_action(lambda s: s.keys.repeat())
    action_stop_speech = key_action(lambda s: s.keys.stop_speech())
    action_toggle_mute = key_action(lambda s: s.keys.toggle_mute())
    action_explain = key_action(lambda s: s.keys.explain())
    action_pause = key_action(lambda s: s.pausing.toggle())
    action_resume = key_action(lambda s: s.pausing.resume())
    action_pause_refused = key_action(lambda s: s.pausing.refused())
    action_end = key_action(lambda s: s.ending.end())
    action_type_answers = key_action(lambda s: s.answer_input.switch_to_typed())
    action_speak_answers = key_action(lambda s: s.answer_input.switch_to_spoken())

    def on_key(self, event: events.Key) -> None:
        self.keys.any_key(event)

    # -- 2: asked (``QuestionAsking``) ----------------------------------------------------

    @on(msg.SpeechFinished)
    def _speech_finished(self, event: msg.SpeechFinished) -> None:
        self.asking.speech_finished(event)

    # -- 3: answering -------------------------------------------------------------------

    def start_answer(self) -> None:
        area = self.answer_area
        # Keys go into the answer in both modes: spoken answers take typed words too.
        area.set_ready(True)
        area.text_area.focus()
        if area.mode == "spoken":
            self.answer_input.start_listening()
        self.refresh_bindings()

    @on(TextArea.Changed, "#typed-answer")
    def typing(self) -> None:
        if not self.answer_area.typed_text or self.session.paused:
            return
        if self.session.phase is _ANSWERING:
            self.capture.typed_into(self.session.now())  # not silent while typing
        if self.session.phase is _ASKING:
            # Typing over the question: the candidate is ready; stop the voice.
            self.keys.silence()
            self.asking.asked()
        if self.session.phase is _THINKING:
            self.session.begin_answer()
            self.start_answer()
            self.tick()

    @on(msg.PartialTranscript)
    def _partial(self, event: msg.PartialTranscript) -> None:
        if event.token == self.capture.token:
            self.answer_area.set_partial(event.text)

    @on(msg.InputLevel)
    def _level(self, event: msg.InputLevel) -> None:
        if event.token == self.capture.token:
            self.answer_area.set_level(event.dbfs)

    # -- 4: the answer ends ---------------------------------------------------------------

    def end_answer(self) -> None:
        """The answer is over: collect the transcript, then assess it."""
        if self.finishing or self.session.phase is not _ANSWERING:
            return
        self.session.stop_answer_clock()  # at once: the final words may take a moment
        if self.capture.end(self.voice_mic.listener):  # the final transcript is on its way
            self.tick()
            self.refresh_bindings()
        else:
            self.complete()

    @on(msg.FinalTranscript)
    def _final(self, event: msg.FinalTranscript) -> None:
        answering = self.session.phase is _ANSWERING
        heard = self.capture.heard_final(event.token, event.transcript, answering=answering)
        if heard is Final.COMPLETE:
            self.complete()
        elif heard is Final.HEARD:
            self.answer_area.set_heard(self.capture.heard_text())

    # -- 5: the feedback ------------------------------------------------------------------

    def complete(self) -> None:
        """Everything of the answer is in: assess it, show the feedback, keep the turn."""
        transcript = self.capture.joined(self.answer_area.typed_text)
        if transcript.typed_words:
            self.notify("Your typed words were added to the spoken answer.")
        turn = self.session.finish_answer(transcript, interrupted=self.capture.cut_off)
        self.keys.changed()  # no more "Don't wait" by the feedback
        if transcript.pending:  # finished from the recording later: assessed again then
            self.capture.heard.turn, self.capture.heard.session = turn, self.session
        area = self.answer_area
        area.set_ready(False)
        area.display = False
        panel = self.feedback_panel
        panel.display = True
        self.show_feedback(turn)
        panel.focus()
        audio = self.capture.take_recording()
        self.post_message(msg.TurnDone(turn.snapshot(), audio))
        self.tick()
        self.refresh_bindings()

    def show_feedback(self, turn: Turn) -> None:
        """The turn's feedback in the panel (again, when its transcript was finished)."""
        if turn.feedback is None or turn.answer is None:
            return
        last = self.session.upcoming() is None
        self.feedback_panel.show(
            turn.feedback, turn.answer.notes, last=last, pending=turn.answer.pending
        )

    def showing(self, turn: Turn) -> bool:
        """The panel shows this turn's feedback now."""
        session = self.session
        return (
            self.feedback_panel.display
            and session.phase is Phase.REVIEWING
            and not session.finished
            and session.current is turn
        )

    def tick(self) -> None:
        """Advance the session by the clock and show where it stands (``InterviewClock``)."""
        self.clock.tick()
