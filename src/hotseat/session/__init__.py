"""Interview sessions: turns moving through phases on an injectable clock."""

from hotseat.session.clock import Clock, FakeClock, MonotonicClock
from hotseat.session.engine import Band, Event, Phase, Session, Timing, Turn

__all__ = [
    "Band",
    "Clock",
    "Event",
    "FakeClock",
    "MonotonicClock",
    "Phase",
    "Session",
    "Timing",
    "Turn",
]
