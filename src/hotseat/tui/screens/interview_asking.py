"""Steps 1 and 2 of an answer's path (see ``interview``): asking the question, and
the moment it has been asked.

``InterviewScreen`` holds one ``QuestionAsking`` (composition):

1. :meth:`QuestionAsking.ask`: the card shows the question (numbered by
   ``Session.progress``) and ``InterviewerVoice`` (``tui.interviewer``) has the
   ``Speaker`` read the greeting, the lead-in and the question on its own thread;
   with no voice they are captions and the question counts as asked at once.
2. The voice's ``SpeechFinished`` message (the screen hands it to
   :meth:`QuestionAsking.speech_finished`) -> :meth:`QuestionAsking.asked`:
   ``Session.question_asked`` starts the thinking countdown, or the answer at once
   (step 3, ``InterviewScreen.start_answer``). The next question is rendered ahead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hotseat.session import MonotonicClock, Phase
from hotseat.tui import messages as msg
from hotseat.tui.widgets.question_card import lead_text

if TYPE_CHECKING:
    from hotseat.tui.screens.interview import InterviewScreen


class QuestionAsking:
    """Asks ``screen``'s current question, and starts what follows it."""

    def __init__(self, screen: InterviewScreen) -> None:
        self.screen = screen

    def ask(self, *, repeat: bool = False) -> None:
        """Step 1: the question on the card and in the voice (``repeat``: asked again,
        without the lead-in, the words typed so far kept)."""
        screen = self.screen
        session, voice = screen.session, screen.voice
        turn = session.current
        lines = voice.before_question(session, screen.plan.opening, repeat=repeat)
        name, asker = screen.personas.name, screen.personas.name(turn.persona)
        said = lead_text([(text, name(persona)) for text, persona in lines], asker)
        number, total = session.progress()
        follow = turn.follow_up_of is not None
        named = any(text and name(persona) != asker for text, persona in lines)
        screen.card.show(
            turn.question,
            number,
            total,
            interviewer=asker,
            lead=said,
            follow_up=follow,
            named=named,
        )
        screen.capture.new_question()
        area = screen.answer_area
        area.new_question("typed" if screen.answer_input.typed() else "spoken", keep_text=repeat)
        screen.feedback_panel.display = False
        screen.update_topbar()
        if voice.say([*lines, (turn.question.text, turn.persona)], screen.capture.token):
            screen.card.set_speaking(True)
            area.text_area.focus()
            screen.refresh_bindings()
        else:
            self.asked()
        screen.tick()

    def speech_finished(self, event: msg.SpeechFinished) -> None:
        """A line of the voice has played; after the last, the question is asked."""
        screen = self.screen
        if event.token != screen.capture.token or not screen.voice.finished(event):
            return
        screen.card.set_speaking(False)
        if screen.session.phase is Phase.ASKING and not screen.session.paused:
            # The voice reports the real end of speech on the monotonic clock.
            real_clock = isinstance(screen.session.clock, MonotonicClock)
            self.asked(event.at if real_clock and not event.stopped else None)
        screen.refresh_bindings()

    def asked(self, at: float | None = None) -> None:
        """Step 2: the question has been asked (``at``: when the voice really stopped)."""
        screen = self.screen
        phase = screen.session.question_asked(at)
        upcoming = screen.session.upcoming()
        if upcoming is not None:
            screen.voice.prepare(upcoming)  # rendered ahead, so it starts promptly
        if phase is Phase.ANSWERING:
            screen.start_answer()
        else:
            screen.answer_area.set_ready(True)  # typing during the countdown starts the answer
            screen.answer_area.text_area.focus()
        screen.tick()
        screen.refresh_bindings()
