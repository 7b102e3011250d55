"""The session engine: no Textual here, so the TUI and the CLI share it.

A session is a list of turns (a question plus its timing). Each turn moves
through the phases::

    ASKING -> THINKING -> ANSWERING -> REVIEWING -> (next turn) ... -> DONE

``question_asked()`` is called when the interviewer has *really* finished
speaking (or at once when the voice is muted); the thinking countdown starts
then. ``tick()`` performs the transitions that time alone causes and returns
what happened, so callers never compare clocks themselves.

This module is the state machine: :class:`Session` and its transitions. What it
asks of its neighbours:

- :mod:`.timers`: session time (stopped while paused), the turn's timers and the
  events time brings (listed on :class:`~hotseat.session.turns.Event`);
- :mod:`.turn_order`: question numbers, follow-up chains, the next turn;
- :mod:`.turns`: the plain data (``Turn``, ``Timing``, ``Phase``, ``Band``).

Modes (see :mod:`hotseat.session.modes` and :func:`hotseat.session.planner.plan_session`)
shape a session through data only: each turn's :class:`Timing` (prep time, band,
hard limit, interruption, auto-advance), whether pausing is allowed, the silence
that ends an answer, and a follow-up policy consulted after each answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from hotseat.feedback.model import Feedback
from hotseat.questions.model import Question
from hotseat.session import timers, turn_order
from hotseat.session.clock import Clock, MonotonicClock
from hotseat.session.timers import OnceATurn, SessionTime
from hotseat.session.turn_order import FollowUpSource
from hotseat.session.turns import Band, Event, Phase, Timing, Turn
from hotseat.transcript import Transcript

__all__ = ["Analyzer", "FollowUpSource", "Session"]


Analyzer = Callable[[Turn, Transcript], Feedback]


@dataclass
class Session:
    turns: list[Turn]
    analyzer: Analyzer | None = None
    clock: Clock = field(default_factory=MonotonicClock)
    phase: Phase = Phase.ASKING
    index: int = 0
    allow_pause: bool = True  # drills refuse pausing
    silence_end_seconds: float = 0.0  # silence that ends an answer (0: never)
    follow_ups: FollowUpSource | None = None  # asked after answers when set
    asked_before: int = 0  # questions answered before a resume: numbering goes on from there
    # Called with the turn the moment its answer is over, before it is analysed, so the
    # answer can be saved first (a crash during analysis must not lose it).
    on_answer_closed: Callable[[Turn], None] | None = None
    _time: SessionTime = field(init=False)
    _once: OnceATurn = field(default_factory=OnceATurn, init=False)
    _review_started: float | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self._time = SessionTime(self.clock)

    # -- time: paused, and the turn's timers (``timers``) -------------------------

    def now(self) -> float:
        """Session time: the clock less any time spent paused."""
        return self._time.now()

    @property
    def paused(self) -> bool:
        return self._time.paused

    @property
    def can_pause(self) -> bool:
        return self.allow_pause and self.phase is not Phase.DONE

    def pause(self, *, hold: bool = False) -> bool:
        """Stop every clock; False when refused (a drill) or already paused/done.

        ``hold``: the user is busy elsewhere for a moment (a dialog is open), so even a
        drill, which refuses pausing, stops its clock until ``resume()``.
        """
        allowed = self.can_pause or (hold and self.phase is not Phase.DONE)
        return allowed and self._time.stop()

    def resume(self) -> None:
        self._time.go_on()

    def thinking_remaining(self) -> float:
        if self.phase is not Phase.THINKING:
            return 0.0
        return timers.thinking_remaining(self.current, self.now())

    def answer_elapsed(self) -> float:
        return timers.answer_elapsed(self.current, self.now())

    def limit_remaining(self) -> float | None:
        """Answer seconds left before the hard limit (None: this turn has none)."""
        return timers.limit_remaining(self.current, self.now())

    def band(self) -> Band:
        return timers.band(self.current, self.now())

    def review_remaining(self) -> float | None:
        """Seconds before a drill's review moves on by itself (None: it will not)."""
        if self.phase is not Phase.REVIEWING:
            return None
        return timers.review_remaining(self.current, self._review_started, self.now())

    # -- where the session stands among its turns (``turn_order``) ---------------

    @property
    def current(self) -> Turn:
        return self.turns[min(self.index, len(self.turns) - 1)]

    @property
    def finished(self) -> bool:
        return self.phase is Phase.DONE

    def progress(self) -> tuple[int, int]:
        """(this question's number, counting from 1; how many questions): follow-ups
        are part of the question they follow; after a resume the questions asked
        before it count too ("3 of 5")."""
        return turn_order.progress(self.turns, self.index, self.asked_before)

    def lead_in_key(self) -> str:
        """The persona line said before the current question ("moving_on", "follow_up",
        '' for none): no thanks after a skipped question, the 'skipped' line instead."""
        return turn_order.lead_in_key(self.turns, self.index)

    def upcoming(self) -> Turn | None:
        """The turn after the current one, as planned now (None after the last)."""
        return turn_order.upcoming(self.turns, self.index)

    def root_index(self, index: int | None = None) -> int:
        """The index of the original question a (chain of) follow-up(s) belongs to."""
        return turn_order.root_index(self.turns, self.index if index is None else index)

    def follow_ups_of(self, index: int) -> list[Turn]:
        """The follow-up turns asked (or planned) about the question at ``index``."""
        return turn_order.follow_ups_of(self.turns, index)

    def add_follow_up(self, question: Question, *, timing: Timing | None = None) -> Turn:
        """Insert a follow-up right after the current turn."""
        return turn_order.insert_follow_up(self.turns, self.index, question, timing)

    # -- transitions --------------------------------------------------------------

    def start(self) -> None:
        if not self.turns:
            self.phase = Phase.DONE
            return
        self.index = 0
        self.phase = Phase.ASKING

    def question_asked(self, at: float | None = None) -> Phase:
        """The interviewer has finished asking: start thinking, or answering.

        ``at`` is when the speech really ended, on this session's clock (the
        voice reports it; the message carrying it arrives a little later). It is
        never taken to be in the future.
        """
        if self.phase is not Phase.ASKING:
            return self.phase
        turn = self.current
        now = self.now()
        turn.asked_at = now if at is None else min(now, self._time.of_clock(at))
        if turn.timing.prep_seconds > 0:
            self.phase = Phase.THINKING
        else:
            turn.answer_started_at = turn.asked_at
            self.phase = Phase.ANSWERING
        return self.phase

    def begin_answer(self) -> None:
        """The candidate is ready before the thinking time is up."""
        if self.phase is Phase.THINKING:
            self._begin_answer()

    def _begin_answer(self) -> None:
        self.current.answer_started_at = self.now()
        self.phase = Phase.ANSWERING

    def stop_answer_clock(self) -> None:
        """The answer has ended (key, limit or silence): its clock stops now, even
        though its final transcript may still be on the way."""
        turn = self.current
        if self.phase is Phase.ANSWERING and turn.answered_at is None:
            turn.answered_at = self.now()

    def finish_answer(self, transcript: Transcript, *, interrupted: bool = False) -> Turn:
        """The answer is over (key, limit or silence): assess it and show the review.

        The answer's length is the clock's (stopped by ``stop_answer_clock`` when
        that was called), so the timer, the saved duration and the feedback agree.
        """
        turn = self.current
        if self.phase is Phase.THINKING:
            self._begin_answer()
        if self.phase is not Phase.ANSWERING:
            raise RuntimeError(f"no answer is under way (phase {self.phase.value})")
        if turn.answered_at is None:
            turn.answered_at = self.now()
        transcript = replace(transcript, duration=round(self.answer_elapsed(), 3))
        turn.answer = transcript
        turn.interrupted = interrupted or turn.interrupted
        if self.on_answer_closed is not None:
            self.on_answer_closed(turn)
        if self.analyzer is not None:
            turn.feedback = self.analyzer(turn, transcript)
        self.phase = Phase.REVIEWING
        self._review_started = self.now()
        self._maybe_follow_up(turn)
        return turn

    def revise_answer(self, turn: Turn, transcript: Transcript) -> Turn:
        """The answer's transcript was finished after it was assessed (recognition had
        fallen behind): keep it, with the length the clock gave, and assess it again."""
        duration = turn.answer.duration if turn.answer is not None else None
        turn.answer = replace(transcript, duration=duration)
        if self.analyzer is not None:
            turn.feedback = self.analyzer(turn, turn.answer)
        return turn

    def _maybe_follow_up(self, turn: Turn) -> None:
        if self.follow_ups is None or turn.feedback is None or turn.interrupted:
            return
        question = turn_order.chosen_follow_up(
            self.follow_ups, self.turns, self.index, turn.feedback
        )
        if question is not None:
            self.add_follow_up(question, timing=turn.timing.for_follow_up(question))

    def hold_review(self) -> bool:
        """The user reads on: this review waits for the next-question key instead of
        moving on by itself. False when no review was counting down."""
        if self.review_remaining() is None:
            return False
        self._review_started = None
        return True

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
            turn.asked_at = turn.answer_started_at = turn.answered_at = None
            turn.time_up = turn.interrupted = False
            self._once.forget(self.index)
            self.phase = Phase.ASKING

    def end(self) -> None:
        self.phase = Phase.DONE

    def tick(self, silence_seconds: float | None = None) -> list[Event]:
        """Make the transitions that time alone causes; report what happened.

        ``silence_seconds`` (from the microphone) lets the engine end answers on
        silence when the session's ``silence_end_seconds`` is set.
        """
        if self.paused or self.phase is Phase.DONE:
            return []
        events: list[Event] = []
        if self.phase is Phase.THINKING and self.thinking_remaining() <= 0:
            self._begin_answer()
            events.append(Event("thinking-over", self.phase, self.index))
        if self.phase is Phase.ANSWERING:
            events += timers.answer_time_events(
                self.current,
                self.index,
                self.now(),
                self._once,
                silence_seconds=silence_seconds,
                silence_end_seconds=self.silence_end_seconds,
            )
        if self.review_remaining() == 0:  # the review pause of an auto-advancing turn is over
            events.append(Event("auto-advance", self.phase, self.index))
        return events
