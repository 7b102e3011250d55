"""The session engine: no Textual here, so the TUI and the CLI share it.

A session is a list of turns (a question plus its timing). Each turn moves
through the phases::

    ASKING -> THINKING -> ANSWERING -> REVIEWING -> (next turn) ... -> DONE

``question_asked()`` is called when the interviewer has *really* finished
speaking (or at once when the voice is muted); the thinking countdown starts
then. ``tick()`` performs the transitions that time alone causes and returns
what happened, so callers never compare clocks themselves.

Modes (see :mod:`hotseat.session.modes` and :func:`hotseat.session.planner.plan_session`)
shape a session through data only: each turn's :class:`Timing` (prep time, band,
hard limit, interruption, auto-advance), whether pausing is allowed, the silence
that ends an answer, and a follow-up policy consulted after each answer.

The events ``tick()`` reports are listed on :class:`Event`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from hotseat.feedback.model import Feedback
from hotseat.questions.model import Question
from hotseat.session.clock import Clock, MonotonicClock
from hotseat.session.turns import Band, Event, Phase, Timing, Turn
from hotseat.transcript import Transcript

__all__ = [
    "Analyzer",
    "Band",
    "Event",
    "FollowUpSource",
    "Phase",
    "Session",
    "Timing",
    "Turn",
]


Analyzer = Callable[[Turn, Transcript], Feedback]


class FollowUpSource(Protocol):
    """Chooses a follow-up after an answer (see hotseat.session.followups.FollowUpPolicy)."""

    def choose(
        self, root: Question, feedback: Feedback, asked: Sequence[Question]
    ) -> Question | None: ...


@dataclass
class Session:
    turns: list[Turn]
    analyzer: Analyzer | None = None
    clock: Clock = field(default_factory=MonotonicClock)
    phase: Phase = Phase.ASKING
    index: int = 0
    started: bool = False
    mode: str = ""  # id of the practice mode ("" for a plain session)
    allow_pause: bool = True  # drills refuse pausing
    silence_end_seconds: float = 0.0  # silence that ends an answer (0: never)
    follow_ups: FollowUpSource | None = None  # asked after answers when set
    asked_before: int = 0  # questions answered before a resume: numbering goes on from there
    # Called with the turn the moment its answer is over, before it is analysed, so the
    # answer can be saved first (a crash during analysis must not lose it).
    on_answer_closed: Callable[[Turn], None] | None = None
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

    @property
    def can_pause(self) -> bool:
        return self.allow_pause and self.phase is not Phase.DONE

    def pause(self, *, hold: bool = False) -> bool:
        """Stop every clock; False when refused (a drill) or already paused/done.

        ``hold``: the user is busy elsewhere for a moment (a dialog is open), so even a
        drill, which refuses pausing, stops its clock until ``resume()``.
        """
        allowed = self.can_pause or (hold and self.phase is not Phase.DONE)
        if not allowed or self._paused_at is not None:
            return False
        self._paused_at = self.clock.now()
        return True

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

    def limit_remaining(self) -> float | None:
        """Answer seconds left before the hard limit (None: this turn has none)."""
        limit = self.current.timing.hard_limit
        if limit is None:
            return None
        return max(0.0, limit - self.answer_elapsed())

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
        """(this question's number, counting from 1; how many questions): follow-ups
        are part of the question they follow; after a resume the questions asked
        before it count too ("3 of 5")."""
        roots = [i for i, t in enumerate(self.turns) if t.follow_up_of is None]
        current = self.root_index(min(self.index, len(self.turns) - 1)) if self.turns else -1
        done = sum(1 for i in roots if i <= current)
        return done + self.asked_before, len(roots) + self.asked_before

    def lead_in_key(self) -> str:
        """The persona line said before the current question ("moving_on", "follow_up",
        '' for none): no thanks after a skipped question, the 'skipped' line instead."""
        turn = self.current
        before = self.turns[self.index - 1] if self.index > 0 else None
        if turn.lead_in == "moving_on" and before is not None and before.skipped:
            return "skipped"
        return turn.lead_in

    def upcoming(self) -> Turn | None:
        """The turn after the current one, as planned now (None after the last)."""
        index = self.index + 1
        return self.turns[index] if index < len(self.turns) else None

    # -- transitions -------------------------------------------------------------

    def start(self) -> None:
        if not self.turns:
            self.phase = Phase.DONE
            return
        self.started = True
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
        turn.asked_at = now if at is None else min(now, at - self._paused_total)
        if turn.timing.prep_seconds > 0:
            self.phase = Phase.THINKING
        else:
            self.current.answer_started_at = turn.asked_at
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

    def review_remaining(self) -> float | None:
        """Seconds before a drill's review moves on by itself (None: it will not)."""
        turn = self.current
        if self.phase is not Phase.REVIEWING or not turn.timing.auto_advance:
            return None
        if self._review_started is None:
            return None
        return max(0.0, turn.timing.review_seconds - (self.now() - self._review_started))

    def hold_review(self) -> bool:
        """The user reads on: this review waits for the next-question key instead of
        moving on by itself. False when no review was counting down."""
        if self.review_remaining() is None:
            return False
        self._review_started = None
        return True

    def root_index(self, index: int | None = None) -> int:
        """The index of the original question a (chain of) follow-up(s) belongs to."""
        at = self.index if index is None else index
        while self.turns[at].follow_up_of is not None:
            parent = self.turns[at].follow_up_of
            assert parent is not None
            at = parent
        return at

    def follow_ups_of(self, index: int) -> list[Turn]:
        """The follow-up turns asked (or planned) about the question at ``index``."""
        return [
            t
            for i, t in enumerate(self.turns)
            if t.follow_up_of is not None and self.root_index(i) == index
        ]

    def _maybe_follow_up(self, turn: Turn) -> None:
        if self.follow_ups is None or turn.feedback is None or turn.interrupted:
            return
        root = self.root_index()
        asked = [t.question for t in self.follow_ups_of(root)]
        question = self.follow_ups.choose(self.turns[root].question, turn.feedback, asked)
        if question is not None:
            self.add_follow_up(question, timing=self.current.timing.for_follow_up(question))

    def add_follow_up(self, question: Question, *, timing: Timing | None = None) -> Turn:
        """Insert a follow-up right after the current turn."""
        parent = self.current
        turn = Turn(
            question=question,
            timing=timing or replace(parent.timing, prep_seconds=0),
            persona=parent.persona,
            follow_up_of=self.index,
            lead_in="follow_up",
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
            turn.asked_at = turn.answer_started_at = turn.answered_at = None
            turn.time_up = turn.interrupted = False
            self._warned = {key for key in self._warned if key[0] != self.index}
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
        turn = self.current
        if self.phase is Phase.THINKING and self.thinking_remaining() <= 0:
            self._begin_answer()
            events.append(Event("thinking-over", self.phase, self.index))
        if self.phase is Phase.ANSWERING:
            band = self.band()
            if band is Band.RED:  # a jump straight past amber still warns once
                self._once(events, "amber", "time_warning")
                self._once(events, "red")
            elif band is Band.AMBER:
                self._once(events, "amber", "time_warning")
            limit = turn.timing.hard_limit
            if limit is not None and self.answer_elapsed() >= limit and not turn.time_up:
                turn.time_up = True
                turn.interrupted = turn.timing.interrupt
                line = "interrupt" if turn.timing.interrupt else ""
                self._once(events, "time-up", line)
            if (
                silence_seconds is not None
                and self.silence_end_seconds > 0
                and silence_seconds >= self.silence_end_seconds
            ):
                self._once(events, "silence-end")
        if (
            self.phase is Phase.REVIEWING
            and turn.timing.auto_advance
            and self._review_started is not None
            and self.now() - self._review_started >= turn.timing.review_seconds
        ):
            events.append(Event("auto-advance", self.phase, self.index))
        return events

    def _once(self, events: list[Event], kind: str, line: str = "") -> None:
        key = (self.index, kind)
        if key not in self._warned:
            self._warned.add(key)
            events.append(Event(kind, self.phase, self.index, line))
