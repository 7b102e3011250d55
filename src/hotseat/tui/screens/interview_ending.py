"""Ending the session early (ctrl+l) or quitting hotseat (ctrl+q) mid-interview.

An answer under way is never lost: both ask first (the clock held behind the
question, ``InterviewPause.over_a_held_clock``), and on yes the answer so far
is kept, marked interrupted, with its recording (:meth:`SessionEnding.keep_answer`:
a ``TurnDone`` message has the app save it). The summary shows such an answer,
marked, out of the average; a quit session is offered for resuming in History.
``InterviewScreen`` holds one ``SessionEnding`` (composition).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hotseat.session import Phase
from hotseat.session.heard import still_being_finished
from hotseat.session.summary import END_NOTE, QUIT_NOTE
from hotseat.tui import messages as msg
from hotseat.tui.key_names import key_name
from hotseat.tui.screens.dialogs import ConfirmScreen

if TYPE_CHECKING:
    from hotseat.tui.screens.interview import InterviewScreen

_ANSWERING = Phase.ANSWERING


class SessionEnding:
    """ctrl+l and ctrl+q for ``screen``: ask, keep the answer so far, then go."""

    def __init__(self, screen: InterviewScreen) -> None:
        self.screen = screen
        self._quit_dialog: ConfirmScreen | None = None

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
        late = still_being_finished(session.turns, quitting=False)
        ask = f"{ask}\n{late}" if late else ask

        def decided(end: bool | None) -> None:
            if end:
                if session.phase is _ANSWERING and self._answer_to_keep():
                    self.keep_answer(END_NOTE)
                self.screen.keys.silence()
                session.end()
                self.screen.keys.finish(closing=False)

        self.screen.pausing.over_a_held_clock(ConfirmScreen(ask), decided)

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
        late = still_being_finished(session.turns, quitting=True)
        answering = session.phase is _ANSWERING and not session.finished
        if not answering and not late:
            screen.app.exit()
            return
        if self._quit_dialog is not None and self._quit_dialog.is_active:
            self._quit_dialog.dismiss(True)  # ctrl+q again: yes
            return
        history = f"History ({key_name(screen.app, 'home.history')})"
        if not answering:  # nothing under way: only the answers being finished to say
            ask = "Quit hotseat now?"
        elif self._answer_to_keep():
            ask = (
                "Quit hotseat now? Your answer so far is saved as interrupted; "
                f"resume the session from {history} to go on with the next question."
            )
        else:  # nothing to keep: the question is asked again on resuming, as after a crash
            ask = (
                "Quit hotseat now? This answer is empty; resuming the session from "
                f"{history} asks this question again."
            )
        ask = f"{ask}\n{late}" if late else ask

        def decided(yes: bool | None) -> None:
            if yes:
                self.keep_and_quit()

        self._quit_dialog = ConfirmScreen(ask, yes="Quit", no="Go on")
        self.screen.pausing.over_a_held_clock(self._quit_dialog, decided)

    def keep_and_quit(self) -> None:
        """Save the answer so far (interrupted by quit), then close hotseat; an empty
        typed answer is not saved (resuming asks its question again)."""
        if self.screen.session.phase is _ANSWERING and self._answer_to_keep():
            self.keep_answer(QUIT_NOTE, quit_after=True)
            return
        self.screen.keys.silence()
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
