"""Practice modes, read from ``assets/modes.toml`` (the one place for their timing).

Plain data: ``hotseat.session.modes_reader.load_modes()`` reads the file and
returns a :class:`ModeBook`; ``ModeBook.get("rapid")`` finds a mode by id or alias.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

SHAPES = ("interview", "focus", "pool", "review")
# Persona line keys a mode may ask for; the TUI resolves them through the persona.
LINE_KEYS = ("greeting", "moving_on", "follow_up", "interrupt", "time_warning", "closing")


@dataclass(frozen=True)
class Ladder:
    """Pressure ladder: turn n may last max(floor, start x shrink^n) seconds."""

    start: float
    shrink: float
    floor: float

    def limit(self, n: int) -> float:
        return float(round(max(self.floor, self.start * self.shrink**n)))


@dataclass(frozen=True)
class ReviewSchedule:
    """Spaced review: see :mod:`hotseat.session.review`."""

    first_days: float = 1.0
    growth: float = 2.0
    max_days: float = 60.0
    scale_min: float = 0.25
    scale_max: float = 1.5


@dataclass(frozen=True)
class Mode:
    id: str
    name: str
    description: str
    shape: str
    aliases: tuple[str, ...] = ()
    drill: bool = False
    count: int = 5
    count_min: int = 1
    count_max: int = 20
    kinds: tuple[str, ...] = ()
    max_question_seconds: float | None = None
    tailor: bool = False
    prep_seconds: float | None = None  # None: each question's own
    answer_seconds: tuple[float, float] | None = None  # None: each question's own band
    hard_limit_factor: float | None = None  # None: the answer is never stopped
    ladder: Ladder | None = None
    interrupt: bool = False
    auto_advance: bool = False
    review_seconds: float = 0.0
    pause_allowed: bool = True
    silence_end: bool = False
    follow_ups: bool = False
    max_follow_ups: int = 0
    personas_min: int = 1
    personas_max: int = 1
    opening: tuple[str, ...] = ()
    closing: tuple[str, ...] = ()
    greet_each: bool = False
    schedule: ReviewSchedule | None = None

    def silence_end_seconds(self, drill_seconds: float, other_seconds: float) -> float:
        """Seconds of silence that end an answer in this mode (0: never).

        Pass ``Settings.drill_silence_end_seconds`` and ``Settings.silence_end_seconds``.
        """
        return drill_seconds if self.silence_end else other_seconds

    def timing_summary(self, count: int | None = None) -> str:
        """One line on how this mode is timed, for lists and help; ``count`` is the
        number of questions chosen (the mode's default when not given)."""
        if self.prep_seconds is None:
            parts = ["each question's own thinking time"]
        elif self.prep_seconds == 0:
            parts = ["no time to think"]
        else:
            parts = [f"{self.prep_seconds:g} s to think"]
        if self.ladder is not None:
            steps = count or self.count
            last = self.ladder.limit(steps - 1)
            parts.append(
                f"answer limit {self.ladder.limit(0):g} s shrinking to {last:g} s "
                f"over {steps} questions"
            )
        elif self.answer_seconds is not None:
            low, high = self.answer_seconds
            parts.append(f"{low:g}-{high:g} s answers")
        if self.interrupt:
            parts.append("cut off at the limit")
        if self.auto_advance:
            parts.append("moves on by itself")
        parts.append("pause any time" if self.pause_allowed else "no pausing")
        if self.follow_ups:
            plural = "s" if self.max_follow_ups > 1 else ""
            parts.append(f"up to {self.max_follow_ups} follow-up{plural} per question")
        return ", ".join(parts)


class ModeBook:
    """All modes in file order, found by id or alias."""

    def __init__(self, modes: list[Mode]) -> None:
        self._modes = modes

    def __iter__(self) -> Iterator[Mode]:
        return iter(self._modes)

    def __len__(self) -> int:
        return len(self._modes)

    def ids(self) -> list[str]:
        return [m.id for m in self._modes]

    def get(self, name: str) -> Mode | None:
        key = name.strip().lower()
        for mode in self._modes:
            if key == mode.id or key in mode.aliases:
                return mode
        return None

    def __getitem__(self, name: str) -> Mode:
        mode = self.get(name)
        if mode is None:
            raise KeyError(f"unknown mode {name!r} (known: {', '.join(self.ids())})")
        return mode
