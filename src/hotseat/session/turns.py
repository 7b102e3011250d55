"""What a session is made of: turns, their timing, phases and events. Plain data.

:mod:`hotseat.session.engine` moves a session through these, with
:mod:`hotseat.session.timers` and :mod:`hotseat.session.turn_order`; the names
are re-exported from :mod:`hotseat.session`.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass, field, replace
from enum import StrEnum

from hotseat.feedback.model import Feedback
from hotseat.questions.model import Question
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

    def for_follow_up(self, question: Question) -> Timing:
        """The timing of a follow-up to a turn with this timing: no thinking time,
        the follow-up's own band, the same head-room to the hard limit."""
        hard = None
        if self.hard_limit is not None:
            hard = question.answer_max * self.hard_limit / max(self.answer_max, 1e-9)
        return replace(
            self,
            prep_seconds=0,
            answer_min=question.answer_min,
            answer_max=question.answer_max,
            hard_limit=hard,
        )

    @property
    def amber_from(self) -> float:
        """Answer seconds from which the clock shows amber (near the maximum)."""
        return self.answer_max - min(15.0, 0.2 * self.answer_max)


@dataclass
class Turn:
    question: Question
    timing: Timing
    persona: str = ""  # id of the persona who asks (panel: changes per turn)
    follow_up_of: int | None = None  # index of the turn this follows up
    lead_in: str = ""  # persona line key said before the question ("moving_on", "follow_up")
    answer: Transcript | None = None
    feedback: Feedback | None = None
    skipped: bool = False
    interrupted: bool = False  # cut off at the hard limit by the interviewer
    time_up: bool = False  # the answer reached its hard limit
    asked_at: float | None = None  # when the question finished being asked
    answer_started_at: float | None = None
    answered_at: float | None = None
    # Which turn this is, the same in its snapshots (a new one for a replace()).
    serial: int = field(default_factory=itertools.count(1).__next__, init=False, compare=False)

    @property
    def answered(self) -> bool:
        return self.answer is not None and not self.skipped

    def snapshot(self) -> Turn:
        """A copy as the turn stands now, for another thread (the history's) to read while
        the session goes on changing this one; it keeps the ``serial``."""
        return copy.deepcopy(self)


@dataclass(frozen=True)
class Event:
    """What ``Session.tick()`` reports (``kind``):

    - ``thinking-over``: the prep countdown ran out; the answer clock started.
    - ``amber`` / ``red``: the answer is near / past the band's maximum (once per
      turn each; ``amber`` carries ``line="time_warning"`` for an audible warning).
    - ``time-up``: the hard limit is reached (once per turn). When the timing says
      ``interrupt``, the turn is already marked interrupted and the event carries
      ``line="interrupt"``: the persona cuts in. The client then ends the answer
      with ``finish_answer()`` and the answer so far.
    - ``silence-end``: the candidate was silent for the session's
      ``silence_end_seconds`` (once per turn; only when ``tick`` is given the
      silence): the client ends the answer.
    - ``auto-advance``: the review pause of an auto-advancing turn is over; the
      client calls ``next()``. Repeated on every tick until it does.
    """

    kind: str  # thinking-over | amber | red | time-up | silence-end | auto-advance
    phase: Phase
    index: int
    line: str = ""  # persona line key to speak for this event, if any
