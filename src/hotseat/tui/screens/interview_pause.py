"""Pausing the interview, and the clock held behind every dialog.

``InterviewScreen`` holds one ``InterviewPause`` (composition, as for its keys,
input and clock). ctrl+g pauses: the session's clock stops, the voice is
silenced, the microphone is held (the app holds it, asked by a ``MicHold``
message) and nothing typed goes into the answer; ctrl+g again resumes, and a
question the pause cut off is asked again. A drill refuses pausing, but any
dialog (explain, end, quit, f1) holds even a drill's clock while it is open
(:meth:`InterviewPause.over_a_held_clock`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from hotseat.session import Phase
from hotseat.tui import messages as msg
from hotseat.tui.key_names import key_name

if TYPE_CHECKING:
    from hotseat.tui.screens.interview import InterviewScreen


class InterviewPause:
    """Pausing and resuming ``screen``'s session, and holding it behind dialogs."""

    def __init__(self, screen: InterviewScreen) -> None:
        self.screen = screen
        self.holding = False  # a dialog is open and holds the clock (a drill's too)
        self._told_paused = False  # "paused: not typed" said once a pause

    def toggle(self) -> None:
        """ctrl+g: pause, or resume."""
        if self.screen.session.paused:
            self.resume()
        else:
            self.pause()

    def pause(self, *, hold: bool = False) -> bool:
        """Stop the clock, the voice and the microphone; ``hold`` (a dialog is open) stops
        even a drill's. False when nothing was paused (refused, or paused already)."""
        screen = self.screen
        was_speaking = screen.speaking
        if not screen.session.pause(hold=hold):
            return False
        screen.answer_area.set_ready(False)  # paused means paused: nothing is typed into it
        if was_speaking:
            screen.keys.silence()
        self._after_change()
        return True

    def resume(self) -> None:
        self._told_paused = False
        screen = self.screen
        screen.session.resume()
        screen.answer_area.set_ready(True)
        if screen.session.phase is Phase.ASKING:
            screen.asking.ask(repeat=True)  # the pause cut the question off
        self._after_change()

    def _after_change(self) -> None:
        screen = self.screen
        screen.post_message(msg.MicHold(screen.session.paused))  # the mic hears nothing
        screen.tick()
        screen.refresh_bindings()

    def refused(self) -> None:
        """ctrl+g in a drill: say why nothing happens."""
        self.screen.notify(
            "No pausing in a drill: the clock runs on, as in a real interview. "
            f"{key_name(self.screen.app, 'interview.end')} ends the session.",
            severity="warning",
        )

    def typed_while_paused(self) -> None:
        """Typing while paused goes nowhere: the user is told so, once a pause."""
        if not self._told_paused and not self.holding:
            self._told_paused = True
            self.screen.notify(
                "Paused: what you type now is not added. "
                f"Press {key_name(self.screen.app, 'interview.pause')} to resume, then type.",
                severity="warning",
            )

    def over_a_held_clock(self, dialog: Screen[Any], then: Callable[[Any], None]) -> None:
        """Open ``dialog`` with the interview's clock stopped behind it (a drill's too);
        it runs on when the dialog closes, unless ``then`` ended the session."""
        held = self.pause(hold=True)
        session = self.screen.session
        self.holding = held
        self.screen.tick()

        def closed(result: Any) -> None:
            self.holding = False
            then(result)
            if held and session.paused and not session.finished:
                self.resume()

        self.screen.app.push_screen(dialog, closed)
