"""Command palette entries (ctrl+p): the main actions of whichever screen is open;
and f1, the keys of the screen that is open."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from hotseat.paths import settings_file
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.keys_help import KeysScreen, keys_of, where
from hotseat.tui.screens.summary import SummaryScreen

# (action, title, help) for the interview screen; shown when the action applies now.
INTERVIEW_COMMANDS = (
    ("answer_now", "Answer now", "End the thinking time and start the answer clock"),
    ("submit", "Submit answer", "Finish this answer and see the feedback"),
    ("next", "Next question", "Move on to the next question"),
    ("explain", "Explain the score", "How the score for this answer was reached"),
    ("repeat", "Repeat the question", "Ask the current question again"),
    ("skip", "Skip the question", "Leave this question unanswered and move on"),
    ("stop_speech", "Stop the voice", "Silence the interviewer now"),
    ("toggle_mute", "Mute or unmute the voice", "Captions only, or the voice back on"),
    ("pause", "Pause or resume", "Stop the clock for a moment"),
    ("type_answers", "Type answers", "Type instead of speaking: this answer and the next ones"),
    ("speak_answers", "Speak answers", "Answer aloud again: this answer and the next ones"),
    ("end", "End the session", "Stop here and see the summary"),
)


def screen_commands(screen: Screen[Any]) -> Iterator[SystemCommand]:
    app = screen.app
    if isinstance(screen, HomeScreen | SummaryScreen):
        yield SystemCommand(
            "History", "Past sessions: read, replay, resume", partial(app.run_action, "history")
        )
        yield SystemCommand(
            "Progress", "Scores and habits over time", partial(app.run_action, "progress")
        )
    if isinstance(screen, HomeScreen):
        yield SystemCommand(
            "Start practice", "Start a session with the choices on screen", screen.action_start
        )
        yield SystemCommand(
            "Settings, preferences and options",
            "Where they are kept and how to change them (settings.toml)",
            partial(show_settings, app),
        )
        yield SystemCommand(
            "Audible time warnings on/off",
            "Near an answer's limit the interviewer says so (or the terminal beeps); remembered",
            partial(app.run_action, "toggle_warnings"),
        )
    elif isinstance(screen, InterviewScreen):
        for action, title, help_text in INTERVIEW_COMMANDS:
            if screen.check_action(action, ()):
                yield SystemCommand(title, help_text, partial(screen.run_action, action))
    elif isinstance(screen, SummaryScreen):
        yield SystemCommand("Back to home", "Start another session", screen.action_home)


def show_settings(app: App[Any]) -> None:
    """Settings have no screen of their own: say where the file is and what it holds."""
    app.notify(
        f"Settings are kept in {settings_file()}: the interviewer, muted voice, speaker "
        "and microphone, recognition engine, when silence ends an answer, saving "
        "recordings and [keys] (the README lists them all). Edit it and start hotseat "
        "again; muting and audible warnings are saved as you change them. "
        "`hotseat doctor` checks the file.",
        title="Settings",
        timeout=20,
        markup=False,  # a path and "[keys]" are text
    )


def toggle_keys(app: App[Any]) -> None:
    """f1: the keys of the current screen (f1 again closes them). Over the
    interview the clock waits, as behind every dialog."""
    screen = app.screen
    if isinstance(screen, KeysScreen):
        screen.dismiss(None)
        return
    dialog = KeysScreen(keys_of(screen, app), where(screen))
    if isinstance(screen, InterviewScreen):
        screen.pausing.over_a_held_clock(dialog, lambda _: None)
    else:
        app.push_screen(dialog)
