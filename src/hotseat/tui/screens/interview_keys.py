"""The interview's keys: the bindings, which apply now, and what most of them do.

``InterviewScreen`` holds one ``InterviewKeys`` (composition, not a base class).
Its ``check_action`` asks :meth:`InterviewKeys.allowed`, so every key is offered
only when it makes sense in the current phase, and the footer, f1 and the
command palette show just what can be done now. Its ``action_*`` are made by
``key_action`` from a call on the helper that carries the key out: this class
(answer, next, skip, repeat, voice, explain), ``InterviewPause`` (ctrl+g,
``interview_pause``), ``SessionEnding`` (ctrl+l, and the app's ctrl+q,
``interview_ending``) or ``AnswerInput`` (f4, ``interview_input``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets._footer import FooterKey

from hotseat.session import Phase
from hotseat.tui import messages as msg
from hotseat.tui.screens.dialogs import ExplainScreen
from hotseat.tui.widgets.timer import SessionTimer

if TYPE_CHECKING:
    from hotseat.tui.screens.interview import InterviewScreen

_THINKING, _ANSWERING = Phase.THINKING, Phase.ANSWERING
_BEFORE_REVIEW = (Phase.ASKING, Phase.THINKING, Phase.ANSWERING)

# In the footer's order: what matters most first, so a narrow terminal (60x20)
# still shows answer/submit, pause and end. f4 switches spoken/typed answers
# (its actions are in ``interview_input``). Repeat and mute stay out of the footer
# (f1 and the command palette list them), so that at 80x24 it still has room for
# the app's ctrl+q and f1 with a voice, a microphone and f4 all there.
INTERVIEW_BINDINGS: list[BindingType] = [
    Binding("ctrl+s", "answer_now", "Answer now", priority=True, id="interview.answer"),
    Binding("ctrl+s", "submit", "Submit answer", priority=True, id="interview.answer"),
    Binding("ctrl+s", "skip_wait", "Don't wait", priority=True, id="interview.answer"),
    Binding("enter,ctrl+n", "next", "Next question", id="interview.next"),
    Binding("enter,ctrl+n", "to_summary", "Summary", id="interview.next"),
    Binding("space", "hold_review", "Hold", id="interview.hold"),
    Binding("e", "explain", "Explain score", id="interview.explain"),
    Binding("ctrl+g", "pause", "Pause", priority=True, id="interview.pause"),
    Binding("ctrl+g", "resume", "Resume", priority=True, id="interview.pause"),
    Binding("ctrl+g", "pause_refused", "Pause", show=False, priority=True, id="interview.pause"),
    Binding("ctrl+l", "end", "End", priority=True, id="interview.end"),
    Binding("f4", "type_answers", "Type", priority=True, id="interview.type_or_speak"),
    Binding("f4", "speak_answers", "Speak", priority=True, id="interview.type_or_speak"),
    Binding("escape", "stop_speech", "Stop voice", priority=True, id="interview.stop_speech"),
    Binding("ctrl+o", "skip", "Skip", priority=True, id="interview.skip"),
    Binding("ctrl+r", "repeat", "Repeat", show=False, priority=True, id="interview.repeat"),
    Binding("ctrl+t", "toggle_mute", "Mute", show=False, priority=True, id="interview.toggle_mute"),
]


def key_action(carry_out: Callable[[InterviewScreen], object]) -> Callable[[InterviewScreen], None]:
    """The screen's ``action_*`` for a key that a helper of the screen carries out
    (``action_skip = key_action(lambda screen: screen.keys.skip())``)."""

    def action(screen: InterviewScreen) -> None:
        carry_out(screen)

    return action


class InterviewKeys:
    """The interview's keys: which apply now (all of them), and what the keys of the
    answer, the review and the voice do (pausing and ending have helpers of their own)."""

    def __init__(self, screen: InterviewScreen) -> None:
        self.screen = screen

    def allowed(self, action: str) -> bool:
        """Whether ``action`` can be done now: the footer, f1 and the palette follow."""
        screen = self.screen
        session = screen.session
        phase, paused = session.phase, session.paused
        speaker = screen.voice_mic.speaker
        if action == "answer_now":
            return phase is _THINKING and not paused
        if action == "submit":
            return phase is _ANSWERING and not paused and not screen.finishing
        if action == "skip_wait":
            return phase is _ANSWERING and screen.finishing and not screen.capture.not_waiting
        if action in ("next", "to_summary"):  # the last answer's review leads to the summary
            last = session.upcoming() is None
            return phase is Phase.REVIEWING and last is (action == "to_summary")
        if action == "explain":
            return phase is Phase.REVIEWING and session.current.feedback is not None
        if action == "hold_review":
            return session.review_remaining() is not None and not paused
        if action == "repeat":
            return phase in _BEFORE_REVIEW and not paused and not screen.finishing
        if action == "skip":
            return phase in _BEFORE_REVIEW and not screen.finishing
        if action == "stop_speech":
            return screen.speaking
        if action == "toggle_mute":
            return speaker is not None and speaker.available
        if action == "pause":
            can = session.can_pause and not paused
            return phase in _BEFORE_REVIEW and can and not screen.finishing
        if action == "resume":  # not while a dialog holds the clock: it resumes on closing
            return paused and not screen.pausing.holding
        if action == "pause_refused":
            return not session.allow_pause and not session.finished
        return True

    def changed(self) -> None:
        """What the keys do changed: the footer follows, in the very frame that shows the
        change. (Textual's footer redraws only a frame later, which under load left
        "Don't wait" beside the feedback for a good part of a second.)"""
        screen = self.screen
        own = {binding.action for binding in INTERVIEW_BINDINGS if isinstance(binding, Binding)}
        for key in screen.query(FooterKey):
            if key.action in own and not self.allowed(key.action):
                key.display = False
        screen.refresh_bindings()

    def any_key(self, event: events.Key) -> None:
        """Any key in a drill's review holds it, but for the interview's and the app's own
        keys (enter goes on; e, f1 and ctrl+l hold the clock behind their dialogs).
        Typing while paused goes nowhere: the user is told so, once a pause."""
        screen = self.screen
        if screen.session.paused and event.is_printable:
            screen.pausing.typed_while_paused()
        if screen.session.review_remaining() is None:
            return
        bound = screen.active_bindings.get(event.key)
        if bound is None or bound.node not in (screen, screen.app) or not bound.enabled:
            self.hold_review()

    # -- what the keys do -------------------------------------------------------------

    def answer(self) -> None:
        """ctrl+s: start the answer now (thinking), submit it (answering), or stop
        waiting for its final words (finishing).

        ctrl+s is a priority key, handled as it arrives, while keys typed just
        before it (a fast typist, a slow SSH link) may still wait in the answer
        box's queue: it acts behind them, so no word of the answer is lost.
        """
        self.screen.answer_area.text_area.call_later(self._answer_or_submit)

    def _answer_or_submit(self) -> None:
        screen, session = self.screen, self.screen.session
        if screen.finishing:
            self._take_the_live_text()
            return
        if session.paused:
            return
        screen.typing()  # keys typed before ctrl+s start the answer, as they would have
        if session.phase is _THINKING:
            session.begin_answer()
            screen.start_answer()
            screen.tick()
        elif session.phase is _ANSWERING:
            screen.end_answer()

    def _take_the_live_text(self) -> None:
        """ctrl+s while the transcript is finishing: the live text stands, as it is."""
        screen = self.screen
        listener = screen.voice_mic.listener
        if listener is not None:
            screen.capture.not_waiting = True
            screen.query_one(SessionTimer).caption = "Using the live transcript…"
            self.changed()
            listener.skip_waiting()

    def next(self) -> None:
        screen = self.screen
        if screen.session.phase is not Phase.REVIEWING:
            return
        if screen.session.next() is Phase.DONE:
            self.finish(closing=True)
        else:
            screen.asking.ask()

    def hold_review(self) -> None:
        """A drill's review: any key holds it (the next question waits for enter), so
        the feedback can be read; the clock of every answer stays as strict."""
        if self.screen.session.hold_review():
            self.screen.tick()
            self.screen.refresh_bindings()

    def skip(self) -> None:
        screen, session = self.screen, self.screen.session
        self.silence()
        index = session.index
        phase = session.skip()
        if session.turns[index].skipped:
            screen.post_message(msg.TurnDone(session.turns[index].snapshot(), None))
        if phase is Phase.DONE:
            self.finish(closing=True)
        else:
            screen.asking.ask()

    def repeat(self) -> None:
        self.silence()
        self.screen.session.repeat()
        self.screen.asking.ask(repeat=True)

    def stop_speech(self) -> None:
        # Its SpeechFinished (stopped) then moves the session on (QuestionAsking).
        self.screen.voice.stop()

    def toggle_mute(self) -> None:
        screen = self.screen
        speaker = screen.voice_mic.speaker
        if speaker is None:
            return
        speaker.muted = not speaker.muted
        if speaker.muted and screen.speaking:
            self.stop_speech()
        screen.notify("Voice muted: captions only." if speaker.muted else "Voice on.")
        screen.post_message(msg.MuteToggled(speaker.muted))
        screen.update_topbar()

    def explain(self) -> None:
        feedback = self.screen.session.current.feedback
        if feedback is not None:  # a drill's review pause waits while it is read
            self.screen.pausing.over_a_held_clock(ExplainScreen(feedback), lambda _: None)

    def silence(self) -> None:
        """Stop the voice and drop the microphone; late callbacks are ignored."""
        screen = self.screen
        screen.capture.drop(screen.voice_mic.listener)
        screen.voice.drop()
        screen.card.set_speaking(False)

    def finish(self, *, closing: bool) -> None:
        """The session is over: the app shows the summary (``closing``: the panel's
        closing lines are said first, after the last question)."""
        screen = self.screen
        screen.post_message(msg.MicHold(False))  # ended while paused: the next session hears
        if closing:
            for said in screen.voice.lines(screen.plan.closing):
                screen.voice.aside(said)
        screen.post_message(msg.SessionFinished(screen.session, screen.title_text))
