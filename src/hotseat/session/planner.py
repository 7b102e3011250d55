"""From a practice mode and the user's choices to a :class:`Plan` of turns.

``plan_session("mock", bank, company="Acme", personas=["recruiter"])`` picks the
questions (see :mod:`hotseat.session.selection`), fills ``{company}`` and
``{role}``, gives each turn its timing from the mode and its persona, and names
the persona lines to speak before and after (``Plan.opening``/``Plan.closing``;
the TUI resolves the keys through the persona). ``Plan.session()`` then builds
the :class:`~hotseat.session.engine.Session` with the mode's rules. Wrong
choices raise :class:`PlanError` with a message fit to show the user.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from hotseat.feedback.model import Context
from hotseat.questions.bank import Bank
from hotseat.questions.model import Question
from hotseat.session import selection
from hotseat.session.cast import PlanError, check_cast
from hotseat.session.clock import Clock, MonotonicClock
from hotseat.session.engine import Analyzer, Session
from hotseat.session.followups import FollowUpPolicy, FollowUpRule, load_follow_up_rules
from hotseat.session.modes import Mode, ModeBook, ReviewSchedule
from hotseat.session.modes_reader import load_modes
from hotseat.session.review import StatsLike, next_due, review_order
from hotseat.session.turns import Timing, Turn


@dataclass(frozen=True)
class ScriptLine:
    """A persona line to speak: ``key`` (greeting, closing, ...) said by ``persona``."""

    key: str
    persona: str


@dataclass
class Plan:
    mode: Mode
    turns: list[Turn]
    personas: tuple[str, ...]  # the first is the lead (the panel's chair)
    context: Context
    opening: tuple[ScriptLine, ...] = ()  # spoken before the first question
    closing: tuple[ScriptLine, ...] = ()  # spoken after the last answer
    follow_ups: FollowUpPolicy | None = None
    notice: str = ""  # something the user should know about this plan, or ""
    questions: list[Question] = field(default_factory=list)  # as picked, before filling

    def session(
        self,
        *,
        analyzer: Analyzer | None = None,
        clock: Clock | None = None,
        silence_end_seconds: float = 0.0,
    ) -> Session:
        """A fresh Session for this plan (turns are copied, the plan stays reusable).

        Pass ``mode.silence_end_seconds(settings.drill_silence_end_seconds,
        settings.silence_end_seconds)`` to end answers on silence.
        """
        return Session(
            turns=[_copy(t) for t in self.turns],
            analyzer=analyzer,
            clock=clock or MonotonicClock(),
            allow_pause=self.mode.pause_allowed,
            silence_end_seconds=silence_end_seconds,
            follow_ups=self.follow_ups,
        )


def _copy(turn: Turn) -> Turn:
    return Turn(
        question=turn.question,
        timing=turn.timing,
        persona=turn.persona,
        follow_up_of=turn.follow_up_of,
        lead_in=turn.lead_in,
    )


def turn_timing(mode: Mode, question: Question, n: int) -> Timing:
    """The timing of the ``n``-th question (from 0) of a session in ``mode``."""
    prep = mode.prep_seconds if mode.prep_seconds is not None else float(question.prep_seconds)
    low, high = mode.answer_seconds or (float(question.answer_min), float(question.answer_max))
    hard = high * mode.hard_limit_factor if mode.hard_limit_factor is not None else None
    if mode.ladder is not None:
        hard = high = mode.ladder.limit(n)
        low = min(low, float(round(high / 2)))
    return Timing(
        prep_seconds=prep,
        answer_min=low,
        answer_max=high,
        hard_limit=hard,
        auto_advance=mode.auto_advance,
        review_seconds=mode.review_seconds,
        interrupt=mode.interrupt and hard is not None,
    )


def plan_session(
    mode: Mode | str,
    bank: Bank,
    *,
    count: int | None = None,
    category: str | None = None,
    pack: str | None = None,
    company: str = "",
    role: str = "",
    notes: str = "",
    personas: Sequence[str] = (),
    history_stats: Iterable[StatsLike] = (),
    competencies: Sequence[str] = (),
    rng: random.Random | None = None,
    now: float | None = None,
    modes: ModeBook | None = None,
    rules: Sequence[FollowUpRule] | None = None,
) -> Plan:
    """Build the plan of one practice session.

    ``personas``: persona ids (default "recruiter"); a panel takes 2-3 of them in
    turn. ``history_stats`` (QuestionStats, or the store's per-question history:
    anything with question_id, last_score, last_asked, times_asked) and ``now``
    (Unix time, default the real one) drive the review mode. ``competencies``
    narrows review (e.g. "Drill these" from the progress screen) and the middle
    of other modes. ``rng`` makes the plan
    reproducible. ``modes`` and ``rules`` default to the shipped asset files.
    """
    if isinstance(mode, str):
        found = (modes or load_modes()).get(mode)
        if found is None:
            known = ", ".join((modes or load_modes()).ids())
            raise PlanError(f"unknown mode {mode!r} (choose one of: {known})")
        mode = found
    rng = rng or random.Random()
    count = mode.count if count is None else count
    if not mode.count_min <= count <= mode.count_max:
        raise PlanError(
            f"{mode.name} takes {mode.count_min}-{mode.count_max} questions, not {count}"
        )
    cast = check_cast(mode, personas)
    pool = _pool(bank, category, pack)
    wanted = set(competencies)
    focused = [q for q in pool if wanted & set(q.competencies)] if wanted else pool
    tailored = mode.tailor and bool(company.strip() or notes.strip())
    notice = ""
    if mode.shape == "interview":
        # The chosen category or pack (narrowed to the competencies) fills the middle;
        # the opener, research, motivation and closing come from the general questions.
        everyone = _pool(bank, None, None)
        chosen = focused if (category or pack or wanted) else []
        picked = selection.interview(everyone, count, rng, tailored=tailored, middle_first=chosen)
    elif mode.shape == "focus":
        if not (category or pack):
            raise PlanError(f"{mode.name} needs a category or a role pack to focus on")
        picked = selection.focus(focused, count, rng)
    elif mode.shape == "pool":
        research = [q for q in focused if selection.is_research(q)] if tailored else []
        picked = selection.drill(
            focused,
            count,
            rng,
            kinds=mode.kinds,
            max_seconds=mode.max_question_seconds,
            must_include=[rng.choice(research)] if research else [],
        )
    else:
        picked, notice = _review(
            focused, list(history_stats), count, rng, mode.schedule or ReviewSchedule(), now
        )
    if not picked:
        raise PlanError(f"no questions fit {mode.name} with these choices")
    turns = []
    for n, question in enumerate(picked):
        filled = question.filled(company, role)
        timing = turn_timing(mode, filled, n)
        # The question as this mode asks it: feedback judges length by the same band.
        filled = replace(
            filled,
            prep_seconds=round(timing.prep_seconds),
            answer_min=round(timing.answer_min),
            answer_max=round(timing.answer_max),
        )
        turns.append(
            Turn(
                question=filled,
                timing=timing,
                persona=cast[n % len(cast)],
                lead_in="moving_on" if n and not mode.drill else "",
            )
        )
    plan = plan_frame(mode, cast, company=company, role=role, notes=notes, rules=rules)
    return replace(plan, turns=turns, notice=notice, questions=picked)


def plan_frame(
    mode: Mode,
    cast: Sequence[str],
    *,
    company: str = "",
    role: str = "",
    notes: str = "",
    rules: Sequence[FollowUpRule] | None = None,
) -> Plan:
    """A plan of ``mode`` asked by ``cast`` (the lead first) with no questions yet: the
    opening and closing lines, the context and the follow-up rules. A new session's
    questions are picked into it; a resumed one brings its own (``session.resume``)."""
    policy = None
    if mode.follow_ups:
        policy = FollowUpPolicy(
            tuple(load_follow_up_rules() if rules is None else rules),
            mode.max_follow_ups,
            company,
            role,
        )
    cast = tuple(cast)
    speakers = cast if mode.greet_each else cast[:1]
    return Plan(
        mode=mode,
        turns=[],
        personas=cast,
        context=Context(company=company.strip(), role=role.strip(), notes=notes.strip()),
        opening=tuple(ScriptLine(key, p) for p in speakers for key in mode.opening),
        closing=tuple(ScriptLine(key, cast[0]) for key in mode.closing),
        follow_ups=policy,
    )


def _pool(bank: Bank, category: str | None, pack: str | None) -> list[Question]:
    if category and category not in {q.category for q in bank.questions}:
        known = ", ".join(sorted({q.category for q in bank.questions}))
        raise PlanError(f"unknown category {category!r} (choose one of: {known})")
    if pack and bank.pack(pack) is None:
        raise PlanError(
            f"unknown question pack {pack!r} (choose one of: {', '.join(p.id for p in bank.packs)})"
        )
    general = [q for q in bank.questions if not q.role and q.kind != "follow-up"]
    if pack:
        return bank.filter(category=category, pack=pack)
    if category:  # a category of the general questions; role packs only if it is theirs alone
        return [q for q in general if q.category == category] or bank.filter(category=category)
    return general


def _review(
    pool: list[Question],
    stats: list[StatsLike],
    count: int,
    rng: random.Random,
    schedule: ReviewSchedule,
    now: float | None,
) -> tuple[list[Question], str]:
    """Due questions first (lowest score, most overdue); new questions fill the rest."""
    by_id = {q.id: q for q in pool}
    known = [s for s in stats if s.question_id in by_id]
    at = time.time() if now is None else now
    due = [by_id[s.question_id] for s in review_order(known, schedule, at)][:count]
    asked = {s.question_id for s in stats}
    new = [q for q in pool if q.id not in asked and q.kind not in ("closing", "follow-up")]
    fill = selection.focus(new, count - len(due), rng)
    if not due and not fill:
        soon = next_due(known, schedule)
        when = datetime.fromtimestamp(soon).strftime("%Y-%m-%d %H:%M") if soon else "later"
        raise PlanError(f"nothing is due for review yet; the next question is due {when}")
    if not due:
        return fill, "Nothing is due for review yet, so these are questions you have not tried."
    if fill:
        return due + fill, f"{len(due)} due for review; the rest are questions you have not tried."
    return due, ""
