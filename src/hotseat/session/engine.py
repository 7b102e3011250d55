"""The session engine: no Textual here, so the TUI and the CLI share it.

A session is a list of turns (a question plus its timing). Each turn moves
through the phases::

    ASKING -> THINKING -> ANSWERING -> REVIEWING -> (next turn) ... -> DONE

``question_asked()`` is called when the interviewer has *really* finished
speaking (or at once when the voice is muted); the thinking countdown starts
then. ``tick()`` performs the transitions that time alone causes and returns
what happened, so callers never compare clocks themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from hotseat.feedback.model import Feedback
from hotseat.questions.model import Question
from hotseat.session.clock import Clock, MonotonicClock
from hotseat.transcript import Transcript


class Phase(StrEnum):
    ASKING = "asking"
    THINKING = "thinking"
    ANSWERING = "answering"
    REVIEWING = "reviewing"
    DONE = "done"


class Band(StrEnum):
    """Where the answer clock stands against the question's target band."""

    SHORT = "short"  # under the minimum of a good answer
    CALM = "calm"  # inside the band
    AMBER = "amber"  # near the maximum
    RED = "red"  # past the maximum


@dataclass(frozen=True)
class Timing:
    prep_seconds: float
    answer_min: float
    answer_max: float
    hard_limit: float | None = None  # the answer is stopped here (None: never)
    auto_advance: bool = False  # move on after the review without a key press
    review_seconds: float = 0.0  # how long the review shows before auto-advance
    interrupt: bool = False  # at the hard limit the interviewer cuts in

    @classmethod
    def for_question(cls, question: Question, *, hard_factor: float = 2.0) -> Timing:
        return cls(
            prep_seconds=question.prep_seconds,
            answer_min=question.answer_min,
            answer_max=question.answer_max,
            hard_limit=question.answer_max * hard_factor,
        )

    @property
    def amber_from(self) -> float:
        return self.answer_max - min(15.0, 0.2 * self.answer_max)


@dataclass
class Turn:
    question: Question
    timing: Timing
    persona: str = ""
    follow_up_of: int | None = None  # index of the turn this follows up
    answer: Transcript | None = None
    feedback: Feedback | None = None
    skipped: bool = False
    interrupted: bool = False
    asked_at: float | None = None  # when the question finished being asked
    answer_started_at: float | None = None
    answered_at: float | None = None

    @property
    def answered(self) -> bool:
        return self.answer is not None and not self.skipped


@dataclass(frozen=True)
class Event:
    kind: str  # phase | time-up | amber | red | thinking-over | auto-advance
    phase: Phase
    index: int


Analyzer = Callable[[Turn, Transcript], Feedback]


@dataclass
class Session:
    turns: list[Turn]
    analyzer: Analyzer | None = None
    clock: Clock = field(default_factory=MonotonicClock)
    phase: Phase = Phase.ASKING
    index: int = 0
    started: bool = False
    _paused_at: float | None = None
    _paused_total: float = 0.0
    _warned: set[tuple[int, str]] = field(default_factory=set)
    _review_started: float | None = None

    # -- time -------------------------------------------------------------------

    def now(self) -> float:
        """Session time: the clock less any time spent paused."""
        base = self._paused_at if self._paused_at is not None else self.clock.now()
        return base - self._paused_total

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._paused_at is None and self.phase is not Phase.DONE:
            self._paused_at = self.clock.now()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self.clock.now() - self._paused_at
            self._paused_at = None

    # -- state ------------------------------------------------------------------

    @property
    def current(self) -> Turn:
        return self.turns[min(self.index, len(self.turns) - 1)]

    @property
    def finished(self) -> bool:
        return self.phase is Phase.DONE

    def thinking_remaining(self) -> float:
        turn = self.current
        if self.phase is not Phase.THINKING or turn.asked_at is None:
            return 0.0
        return max(0.0, turn.timing.prep_seconds - (self.now() - turn.asked_at))

    def answer_elapsed(self) -> float:
        turn = self.current
        if turn.answer_started_at is None:
            return 0.0
        end = turn.answered_at if turn.answered_at is not None else self.now()
        return max(0.0, end - turn.answer_started_at)

    def band(self) -> Band:
        elapsed = self.answer_elapsed()
        timing = self.current.timing
        if elapsed > timing.answer_max:
            return Band.RED
        if elapsed >= timing.amber_from:
            return Band.AMBER
        if elapsed >= timing.answer_min:
            return Band.CALM
        return Band.SHORT

    def progress(self) -> tuple[int, int]:
        """(number of this turn, counting from 1; number of turns)."""
        return min(self.index + 1, len(self.turns)), len(self.turns)

    # -- transitions -------------------------------------------------------------

    def start(self) -> None:
        if not self.turns:
            self.phase = Phase.DONE
            return
        self.started = True
        self.index = 0
        self.phase = Phase.ASKING

    def question_asked(self) -> Phase:
        """The interviewer has finished asking: start thinking, or answering."""
        if self.phase is not Phase.ASKING:
            return self.phase
        turn = self.current
        turn.asked_at = self.now()
        if turn.timing.prep_seconds > 0:
            self.phase = Phase.THINKING
        else:
            self._begin_answer()
        return self.phase

    def begin_answer(self) -> None:
        """The candidate is ready before the thinking time is up."""
        if self.phase is Phase.THINKING:
            self._begin_answer()

    def _begin_answer(self) -> None:
        self.current.answer_started_at = self.now()
        self.phase = Phase.ANSWERING

    def finish_answer(self, transcript: Transcript, *, interrupted: bool = False) -> Turn:
        """The answer is over (key, limit or silence): assess it and show the review."""
        turn = self.current
        if self.phase is Phase.THINKING:
            self._begin_answer()
        if self.phase is not Phase.ANSWERING:
            raise RuntimeError(f"no answer is under way (phase {self.phase.value})")
        turn.answered_at = self.now()
        if transcript.duration is None:
            transcript = replace(transcript, duration=self.answer_elapsed())
        turn.answer = transcript
        turn.interrupted = interrupted
        if self.analyzer is not None:
            turn.feedback = self.analyzer(turn, transcript)
        self.phase = Phase.REVIEWING
        self._review_started = self.now()
        return turn

    def add_follow_up(self, question: Question, *, timing: Timing | None = None) -> Turn:
        """Insert a follow-up right after the current turn."""
        parent = self.current
        turn = Turn(
            question=question,
            timing=timing or replace(parent.timing, prep_seconds=0),
            persona=parent.persona,
            follow_up_of=self.index,
        )
        self.turns.insert(self.index + 1, turn)
        return turn

    def next(self) -> Phase:
        if self.phase is Phase.DONE:
            return self.phase
        if self.index + 1 >= len(self.turns):
            self.phase = Phase.DONE
        else:
            self.index += 1
            self.phase = Phase.ASKING
        return self.phase

    def skip(self) -> Phase:
        turn = self.current
        if self.phase is not Phase.REVIEWING:
            turn.skipped = True
        return self.next()

    def repeat(self) -> None:
        """Ask the current question again (before it has been answered)."""
        if self.phase in (Phase.ASKING, Phase.THINKING, Phase.ANSWERING):
            turn = self.current
            turn.asked_at = turn.answer_started_at = None
            self.phase = Phase.ASKING

    def end(self) -> None:
        self.phase = Phase.DONE

    def tick(self) -> list[Event]:
        """Make the transitions that time alone causes; report what happened."""
        if self.paused or self.phase is Phase.DONE:
            return []
        events: list[Event] = []
        turn = self.current
        if self.phase is Phase.THINKING and self.thinking_remaining() <= 0:
            self._begin_answer()
            events.append(Event("thinking-over", self.phase, self.index))
        if self.phase is Phase.ANSWERING:
            band = self.band()
            for level in (Band.AMBER, Band.RED):
                key = (self.index, level.value)
                if band is level and key not in self._warned:
                    self._warned.add(key)
                    events.append(Event(level.value, self.phase, self.index))
            limit = turn.timing.hard_limit
            if limit is not None and self.answer_elapsed() >= limit:
                events.append(Event("time-up", self.phase, self.index))
        if (
            self.phase is Phase.REVIEWING
            and turn.timing.auto_advance
            and self._review_started is not None
            and self.now() - self._review_started >= turn.timing.review_seconds
        ):
            events.append(Event("auto-advance", self.phase, self.index))
        return events

    # -- results ----------------------------------------------------------------

    def answered_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.answered]
