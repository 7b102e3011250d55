"""What the keys do during an interview (the flow itself is in ``interview.py``).

``InterviewScreen`` holds one ``InterviewKeys`` (composition, not a base
class): the screen's ``action_*`` are made by ``key_action`` from its methods, and its
``check_action`` asks :meth:`InterviewKeys.allowed`, so every key is offered
only when it makes sense in the current phase and the footer and the command
palette show just what can be done now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from hotseat.session import Phase
from hotseat.session.summary import END_NOTE, QUIT_NOTE
from hotseat.tui import messages as msg
from hotseat.tui.screens.dialogs import ConfirmScreen, ExplainScreen
from hotseat.tui.widgets.answer_area import AnswerArea
from hotseat.tui.widgets.timer import SessionTimer

if TYPE_CHECKING:
    from hotseat.tui.screens.interview import InterviewScreen

_ASKING, _THINKING, _ANSWERING = Phase.ASKING, Phase.THINKING, Phase.ANSWERING
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


def key_action(method: Callable[[InterviewKeys], object]) -> Callable[[InterviewScreen], None]:
    """The screen's ``action_*`` for a key that ``method`` of its ``InterviewKeys`` carries
    out (``action_skip = key_action(InterviewKeys.skip)``)."""

    def action(screen: InterviewScreen) -> None:
        method(screen.keys)

    action.__doc__ = method.__doc__
    return action


class InterviewKeys:
    """The interview's keys: which apply now, and what each does to the session."""

    def __init__(self, screen: InterviewScreen) -> None:
        self.screen = screen
        self.holding = False  # a dialog is open and holds the clock (a drill's too)
        self._quit_dialog: ConfirmScreen | None = None
        self._told_paused = False  # "paused: not typed" said once a pause

    def allowed(self, action: str) -> bool:
        screen = self.screen
        session = screen.session
        phase, paused = session.phase, session.paused
        speaker = screen.voice_mic.speaker
        if action == "answer_now":
            return phase is _THINKING and not paused
        if action == "submit":
            return phase is _ANSWERING and not paused and not screen.finishing
        if action == "skip_wait":
            return phase is _ANSWERING and screen.finishing
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
            return paused and not self.holding
        if action == "pause_refused":
            return not session.allow_pause and not session.finished
        return True

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
        listener = self.screen.voice_mic.listener
        if listener is not None:
            listener.skip_waiting()
            self.screen.query_one(SessionTimer).caption = "Using the live transcript…"

    def next(self) -> None:
        screen = self.screen
        if screen.session.phase is not Phase.REVIEWING:
            return
        if screen.session.next() is Phase.DONE:
            self.finish(closing=True)
        else:
            screen.ask()

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
            screen.ask()

    def repeat(self) -> None:
        self.silence()
        self.screen.session.repeat()
        self.screen.ask(repeat=True)

    def stop_speech(self) -> None:
        self.screen.voice.stop()  # on_finished(stopped=True) then moves the session on

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

    def pause(self) -> None:
        if self.screen.session.paused:
            self.resume_clock()
        else:
            self.pause_clock()

    def pause_clock(self, *, hold: bool = False) -> bool:
        """Stop the clock, the voice and the microphone; ``hold`` (a dialog is open) stops
        even a drill's. False when nothing was paused (refused, or paused already)."""
        screen = self.screen
        area = screen.query_one(AnswerArea)
        was_speaking = screen.speaking
        if not screen.session.pause(hold=hold):
            return False
        area.set_ready(False)  # paused means paused: nothing is typed into the answer
        if was_speaking:
            self.silence()
        self._after_pause_change()
        return True

    def typed_while_paused(self) -> None:
        if not self._told_paused and not self.holding:
            self._told_paused = True
            self.screen.notify(
                "Paused: what you type now is not added. Press ctrl+g to resume, then type.",
                severity="warning",
            )

    def resume_clock(self) -> None:
        self._told_paused = False
        screen = self.screen
        screen.session.resume()
        screen.query_one(AnswerArea).set_ready(True)
        if screen.session.phase is _ASKING:
            screen.ask(repeat=True)  # the pause cut the question off
        self._after_pause_change()

    def _after_pause_change(self) -> None:
        screen = self.screen
        screen.post_message(msg.MicHold(screen.session.paused))  # the mic hears nothing
        screen.tick()
        screen.refresh_bindings()

    def over_a_held_clock(self, dialog: Screen[Any], then: Callable[[Any], None]) -> None:
        """Open ``dialog`` with the interview's clock stopped behind it (a drill's too);
        it runs on when the dialog closes, unless ``then`` ended the session."""
        held = self.pause_clock(hold=True)
        session = self.screen.session
        self.holding = held
        self.screen.tick()

        def closed(result: Any) -> None:
            self.holding = False
            then(result)
            if held and session.paused and not session.finished:
                self.resume_clock()

        self.screen.app.push_screen(dialog, closed)

    def pause_refused(self) -> None:
        self.screen.notify(
            "No pausing in a drill: the clock runs on, as in a real interview. "
            "ctrl+l ends the session.",
            severity="warning",
        )

    def explain(self) -> None:
        feedback = self.screen.session.current.feedback
        if feedback is not None:  # a drill's review pause waits while it is read
            self.over_a_held_clock(ExplainScreen(feedback), lambda _: None)

    def end(self) -> None:
        """ctrl+l: end the session (asks first). An answer under way is never lost: it is
        kept as ctrl+q keeps it (interrupted, with its recording), and the summary shows
        it, marked, out of the average."""
        session = self.screen.session
        ask = "End the session now? The answers so far go to the summary."
        if session.phase is _ANSWERING and not session.finished:
            if self._answer_to_keep():
                ask = (
                    "End the session now? Your answer so far is saved, marked interrupted "
                    "(it is not counted in the average); the answers so far go to the summary."
                )
            else:
                ask = (
                    "End the session now? This answer is empty; "
                    "the answers so far go to the summary."
                )

        def decided(end: bool | None) -> None:
            if end:
                if session.phase is _ANSWERING and self._answer_to_keep():
                    self.keep_answer(END_NOTE)
                self.silence()
                session.end()
                self.finish(closing=False)

        self.over_a_held_clock(ConfirmScreen(ask), decided)

    def _answer_to_keep(self) -> bool:
        """Something to keep of the answer under way: words, or a recording."""
        screen = self.screen
        listening = screen.capture.spoken and screen.voice_mic.listener is not None
        return listening or bool(screen.answer_input.answer_so_far(END_NOTE).text.strip())

    def quit(self) -> None:
        """ctrl+q: an answer under way is never lost. Ask first (the clock stops behind
        the question); on yes the answer so far is saved as interrupted, then hotseat
        closes. With no answer under way it closes at once (every answer is saved, and
        the session is offered for resuming)."""
        screen, session = self.screen, self.screen.session
        if session.phase is not _ANSWERING or session.finished:
            screen.app.exit()
            return
        if self._quit_dialog is not None and self._quit_dialog.is_active:
            self._quit_dialog.dismiss(True)  # ctrl+q again: yes
            return
        if self._answer_to_keep():
            ask = (
                "Quit hotseat now? Your answer so far is saved as interrupted; "
                "resume the session from History (f2) to go on with the next question."
            )
        else:  # nothing to keep: the question is asked again on resuming, as after a crash
            ask = (
                "Quit hotseat now? This answer is empty; resuming the session from "
                "History (f2) asks this question again."
            )

        def decided(yes: bool | None) -> None:
            if yes:
                self.keep_and_quit()

        self._quit_dialog = ConfirmScreen(ask, yes="Quit", no="Go on")
        self.over_a_held_clock(self._quit_dialog, decided)

    def keep_and_quit(self) -> None:
        """Save the answer so far (interrupted by quit), then close hotseat; an empty
        typed answer is not saved (resuming asks its question again)."""
        if self.screen.session.phase is _ANSWERING and self._answer_to_keep():
            self.keep_answer(QUIT_NOTE, quit_after=True)
            return
        self.silence()
        self.screen.app.exit()

    def keep_answer(self, note: str, *, quit_after: bool = False) -> None:
        """Save the answer under way as it stands, interrupted (``note`` says by what),
        with its recording; ``quit_after``: hotseat closes once it is kept."""
        screen, session = self.screen, self.screen.session
        if session.phase is _ANSWERING:
            kept = screen.answer_input.answer_so_far(note)
            # The recording is kept; the listener's late final is ignored.
            audio = screen.capture.close_now(screen.voice_mic.listener)
            screen.voice.drop()
            session.stop_answer_clock()
            turn = session.finish_answer(kept, interrupted=True)
            # The app keeps it (with its feedback and recording), then closes if asked to.
            screen.post_message(msg.TurnDone(turn.snapshot(), audio, quit_after=quit_after))

    def silence(self) -> None:
        """Stop the voice and drop the microphone; late callbacks are ignored."""
        screen = self.screen
        screen.capture.drop(screen.voice_mic.listener)
        screen.voice.drop()
        screen.card.set_speaking(False)

    def finish(self, *, closing: bool) -> None:
        screen = self.screen
        screen.post_message(msg.MicHold(False))  # ended while paused: the next session hears
        if closing:
            for said in screen.voice.lines(screen.plan.closing):
                screen.voice.aside(said)
        screen.post_message(msg.SessionFinished(screen.session, screen.title_text))
