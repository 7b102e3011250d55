"""The interview's clock: what time does to the answer, and the timer that shows it.

``InterviewScreen`` holds one ``InterviewClock`` (composition): ten times a
second (and after every change) ``tick`` advances the ``Session`` by its clock,
with the silence heard so far, and reacts to what the session reports:

- ``thinking-over``: the countdown ran out; the answer starts (the microphone opens);
- ``time-up``: the hard limit; the interviewer cuts in (or a warning shows) and the
  answer ends, marked cut off when the mode interrupts;
- ``silence-end``: the candidate has been silent long enough; the answer ends;
- ``amber``: near the limit, an audible warning when the user asked for them
  (the interviewer says so, or the terminal beeps);
- ``auto-advance``: a drill's review pause is over; the next question follows.

Then it shows the session's time on the ``SessionTimer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hotseat.session import Event, Phase
from hotseat.tui.widgets.timer import SessionTimer, show_time

if TYPE_CHECKING:
    from hotseat.tui.screens.interview import InterviewScreen

TICK_SECONDS = 0.1


class InterviewClock:
    """Ticks ``screen``'s session and shows its time."""

    def __init__(self, screen: InterviewScreen) -> None:
        self.screen = screen

    def start(self) -> None:
        self.screen.set_interval(TICK_SECONDS, self.tick)

    def tick(self) -> None:
        """Advance the session by the clock and show where it stands."""
        screen = self.screen
        if screen.waiting_for_voice_mic:
            screen.answer_input.check_voice_mic()
            return
        session = screen.session
        silence = screen.capture.silence(screen.voice_mic.listener, session.now())
        for event in session.tick(silence):
            if self._handle(event):
                return
        timer = screen.query_one(SessionTimer)
        timer.finishing = screen.finishing
        typed = screen.answer_area.mode == "typed"
        show_time(
            timer, session, speaking=screen.speaking, typed=typed, held=screen.pausing.holding
        )

    def _handle(self, event: Event) -> bool:
        """React to one session event; True when the screen moved on."""
        screen = self.screen
        if event.kind == "thinking-over":
            screen.start_answer()
        elif event.kind == "time-up" and screen.session.phase is Phase.ANSWERING:
            screen.capture.cut_off = screen.session.current.interrupted
            if event.line:
                self._say(event.line)
            else:
                screen.notify("Time is up for this answer.", severity="warning")
            screen.end_answer()
        elif event.kind == "silence-end":
            screen.end_answer()
        elif event.kind == "amber" and screen.audible_warnings:
            if event.line and screen.voice_mic.voice_on:
                self._say(event.line)
            else:
                screen.app.bell()
        elif event.kind == "auto-advance":
            screen.keys.next()
            return True
        return False

    def _say(self, key: str) -> None:
        """The current interviewer's ``key`` line: spoken, or shown when there is no voice."""
        screen = self.screen
        screen.voice.aside(screen.voice.line(screen.session.current.persona, key))
