"""The large live timer: thinking countdown, then answer time against the target band.

The widget only shows what it is given (attributes down): the interview screen
reads the session on each tick and sets ``seconds``, ``state`` and the captions.
Colours come from the state class (``-calm``, ``-amber``, ``-red`` ...).
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Digits, Static

from hotseat.session import Phase, Session
from hotseat.tui.key_names import key_name

STATES = ("idle", "asking", "thinking", "short", "calm", "amber", "red", "done")


def whole_seconds(seconds: float) -> int:
    """The one rounding rule for seconds on screen: to the nearest, as the feedback
    ("40 s") and the reports do, so the clock never says 0:39 beside "(40 s)"."""
    return max(0, round(seconds))


def clock_text(seconds: float) -> str:
    whole = whole_seconds(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class SessionTimer(Horizontal):
    DEFAULT_CSS = """
    SessionTimer { height: 3; }
    SessionTimer > Digits { width: auto; min-width: 10; margin-right: 2; }
    SessionTimer > Vertical { height: 3; }
    SessionTimer .timer-caption { text-style: bold; }
    SessionTimer .timer-detail { color: $text-muted; }
    SessionTimer.-thinking > Digits { color: $accent; }
    SessionTimer.-short > Digits { color: $foreground; }
    SessionTimer.-calm > Digits { color: $success; }
    SessionTimer.-amber > Digits { color: $warning; }
    SessionTimer.-red > Digits { color: $error; }
    SessionTimer.-idle > Digits, SessionTimer.-asking > Digits, SessionTimer.-done > Digits {
        color: $text-muted;
    }
    SessionTimer.-paused > Digits { text-style: dim; }
    """

    seconds: reactive[int] = reactive(0)
    state: reactive[str] = reactive("idle")
    caption: reactive[str] = reactive("")
    detail: reactive[str] = reactive("")
    paused: reactive[bool] = reactive(False)
    held: reactive[bool] = reactive(False)  # stopped behind a dialog, not paused by the user
    finishing: reactive[bool] = reactive(False)

    def compose(self) -> ComposeResult:
        yield Digits(clock_text(0), id="timer-digits")
        with Vertical():
            yield Static("", classes="timer-caption", id="timer-caption")
            yield Static("", classes="timer-detail", id="timer-detail")
            yield Static("", classes="timer-detail", id="timer-band")

    def on_mount(self) -> None:
        self.add_class("-idle")

    def watch_seconds(self, seconds: int) -> None:
        if self.is_mounted:
            self.query_one(Digits).update(clock_text(seconds))

    def watch_state(self, old: str, new: str) -> None:
        self.remove_class(f"-{old}")
        self.add_class(f"-{new}")
        if self.is_mounted:
            self.query_one("#timer-band", Static).update(_BAND_WORDS.get(new, ""))

    def watch_caption(self) -> None:
        if self.is_mounted:
            shown = self.caption
            if self.finishing:
                shown = (
                    f"Finishing the transcript… ({self.key_for('interview.answer')}: don't wait)"
                )
            elif self.held:
                shown = f"{shown} · the clock waits while you decide"
            elif self.paused:
                shown = f"{shown} · paused ({self.key_for('interview.pause')} to resume)"
            self.query_one("#timer-caption", Static).update(shown)

    def key_for(self, binding_id: str) -> str:
        return key_name(self.app, binding_id)

    def watch_paused(self, paused: bool) -> None:
        self.set_class(paused, "-paused")
        self.watch_caption()

    def watch_held(self) -> None:
        self.watch_caption()

    def watch_finishing(self) -> None:
        self.watch_caption()

    def watch_detail(self, detail: str) -> None:
        if self.is_mounted:
            self.query_one("#timer-detail", Static).update(detail)


_BAND_WORDS = {
    "short": "Still short of a full answer",
    "calm": "Inside the target band",
    "amber": "Nearing the maximum: start wrapping up",
    "red": "Past the maximum: finish now",
}


def show_time(
    timer: SessionTimer,
    session: Session,
    *,
    speaking: bool = False,
    typed: bool = True,
    held: bool = False,
) -> None:
    """Set the timer from where the session stands now (``held``: a dialog is open and
    stops the clock until it closes; not a pause the user can resume)."""
    timing = session.current.timing
    band = f"{clock_text(timing.answer_min)}–{clock_text(timing.answer_max)}"
    timer.held = held
    key = timer.key_for
    timer.paused = session.paused
    phase = session.phase
    if phase is Phase.ASKING:
        timer.state, timer.seconds = "asking", 0
        timer.caption = "Listen to the question" if speaking else "Read the question"
        think = f"think for {clock_text(timing.prep_seconds)}, " if timing.prep_seconds else ""
        timer.detail = f"Then {think}answer in {band}"
    elif phase is Phase.THINKING:
        timer.state = "thinking"
        timer.seconds = math.ceil(session.thinking_remaining())
        timer.caption = "Thinking time"
        now = key("interview.answer")
        timer.detail = (
            f"Start typing, or press {now} to answer now"
            if typed
            else f"The microphone opens when the countdown ends; {now} to answer now"
        )
    elif phase is Phase.ANSWERING:
        timer.state = session.band().value
        timer.seconds = whole_seconds(session.answer_elapsed())
        timer.caption = "Answering"
        limit = session.limit_remaining()
        cut = f" · stops at {clock_text(timing.hard_limit or 0)}" if limit is not None else ""
        timer.detail = f"Aim for {band}{cut}"
    elif phase is Phase.REVIEWING:
        answer = session.current.answer
        # The saved length, which the feedback quotes: the same seconds on both.
        took = session.answer_elapsed()
        if answer is not None and answer.duration is not None:
            took = answer.duration
        timer.seconds = whole_seconds(took)
        if answer is not None and answer.engine == "typed":
            # Typing time says nothing about speaking time: no band colour here;
            # the feedback estimates the spoken length from the words.
            timer.state = "done"
            timer.caption = f"Typed in {clock_text(took)}"
        else:
            timer.state = session.band().value
            timer.caption = f"Answered in {clock_text(took)}"
        timer.detail = f"Target {band}"
        moving_on = session.review_remaining()
        if moving_on is not None:
            timer.detail = f"Next question in {math.ceil(moving_on)} s · any key holds it"
        elif session.current.timing.auto_advance:
            timer.detail = f"Held: press {key('interview.next')} when you are ready"
