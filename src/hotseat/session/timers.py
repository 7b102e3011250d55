"""Time in a session: a clock that stops while paused, the turn's timers, and the
events time alone brings.

:class:`~hotseat.session.engine.Session` holds one :class:`SessionTime` and one
:class:`OnceATurn`, and asks the plain functions here for its readings
(``thinking_remaining``, ``answer_elapsed``, ``band`` ...) and for what an answer's
time has brought (:func:`answer_time_events`), so no caller compares clocks itself.
Every reading takes ``now`` on the session's time (paused time left out).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hotseat.session.clock import Clock
from hotseat.session.turns import Band, Event, Phase, Turn


@dataclass
class SessionTime:
    """The clock less any time spent paused."""

    clock: Clock
    paused_at: float | None = None  # on the clock
    paused_total: float = 0.0

    def now(self) -> float:
        base = self.paused_at if self.paused_at is not None else self.clock.now()
        return base - self.paused_total

    @property
    def paused(self) -> bool:
        return self.paused_at is not None

    def stop(self) -> bool:
        """Stop session time now; False when it was stopped already."""
        if self.paused_at is not None:
            return False
        self.paused_at = self.clock.now()
        return True

    def go_on(self) -> None:
        if self.paused_at is not None:
            self.paused_total += self.clock.now() - self.paused_at
            self.paused_at = None

    def of_clock(self, at: float) -> float:
        """A moment on the clock (when the voice really stopped) in session time."""
        return at - self.paused_total


@dataclass
class OnceATurn:
    """Events time brings at most once a turn (a warning is given once, not every tick)."""

    _given: set[tuple[int, str]] = field(default_factory=set)

    def add(self, events: list[Event], event: Event) -> None:
        key = (event.index, event.kind)
        if key not in self._given:
            self._given.add(key)
            events.append(event)

    def forget(self, index: int) -> None:
        """The question at ``index`` is asked again: its warnings may come again."""
        self._given = {key for key in self._given if key[0] != index}


def thinking_remaining(turn: Turn, now: float) -> float:
    """Seconds of thinking time left (0 before the question has been asked)."""
    if turn.asked_at is None:
        return 0.0
    return max(0.0, turn.timing.prep_seconds - (now - turn.asked_at))


def answer_elapsed(turn: Turn, now: float) -> float:
    """Seconds of answer so far, or in all once its clock has stopped."""
    if turn.answer_started_at is None:
        return 0.0
    end = turn.answered_at if turn.answered_at is not None else now
    return max(0.0, end - turn.answer_started_at)


def limit_remaining(turn: Turn, now: float) -> float | None:
    """Answer seconds left before the hard limit (None: this turn has none)."""
    limit = turn.timing.hard_limit
    if limit is None:
        return None
    return max(0.0, limit - answer_elapsed(turn, now))


def band(turn: Turn, now: float) -> Band:
    """Where the answer clock stands against the question's target band."""
    elapsed = answer_elapsed(turn, now)
    timing = turn.timing
    if elapsed > timing.answer_max:
        return Band.RED
    if elapsed >= timing.amber_from:
        return Band.AMBER
    if elapsed >= timing.answer_min:
        return Band.CALM
    return Band.SHORT


def review_remaining(turn: Turn, review_started: float | None, now: float) -> float | None:
    """Seconds before an auto-advancing review moves on (None: it will not)."""
    if not turn.timing.auto_advance or review_started is None:
        return None
    return max(0.0, turn.timing.review_seconds - (now - review_started))


def answer_time_events(
    turn: Turn,
    index: int,
    now: float,
    once: OnceATurn,
    *,
    silence_seconds: float | None,
    silence_end_seconds: float,
) -> list[Event]:
    """What the time of the answer under way has brought (see :class:`Event`).

    Reaching the hard limit marks ``turn`` as ``time_up`` (and ``interrupted`` when
    its timing says the interviewer cuts in).
    """
    events: list[Event] = []

    def add(kind: str, line: str = "") -> None:
        once.add(events, Event(kind, Phase.ANSWERING, index, line))

    now_band = band(turn, now)
    if now_band is Band.RED:  # a jump straight past amber still warns once
        add("amber", "time_warning")
        add("red")
    elif now_band is Band.AMBER:
        add("amber", "time_warning")
    limit = turn.timing.hard_limit
    if limit is not None and answer_elapsed(turn, now) >= limit and not turn.time_up:
        turn.time_up = True
        turn.interrupted = turn.timing.interrupt
        add("time-up", "interrupt" if turn.timing.interrupt else "")
    if (
        silence_seconds is not None
        and silence_end_seconds > 0
        and silence_seconds >= silence_end_seconds
    ):
        add("silence-end")
    return events
