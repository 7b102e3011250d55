"""A session's plan kept with it, and the rest of that plan when it is resumed.

``plan_record(plan, choices)`` is what the history stores when a session begins:
the questions in order (with who asks each), the mode, the panel, the context and
the choices that made it (question source, count, competencies).
``rest_of_session(...)`` goes on with any mode from those alone: a focus session
needs no category chosen again, a panel keeps its interviewers (only a session
that kept no questions is planned again, from its choices). ``resume_plan(...)``
rebuilds the rest of *that* session after a crash or a quit: the interrupted
question first (it was never saved, so it is asked again), then the ones not
reached, timed as the mode times them at their own place in the session.
``Resumed.asked_before`` continues the numbering ("3 of 5", not "1 of 5") and
``earlier_turns`` gives the summary the answers from before the interruption.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from hotseat.feedback.model import Feedback
from hotseat.questions.bank import Bank
from hotseat.questions.model import Question
from hotseat.session.cast import PlanError, fill_cast
from hotseat.session.choices import Choices, plan_for
from hotseat.session.modes import ModeBook
from hotseat.session.planner import Plan, plan_frame, turn_timing
from hotseat.session.turns import Timing, Turn
from hotseat.transcript import Transcript

PLAN_FORMAT = 1


class AnswerLike(Protocol):
    """What resuming needs of a stored answer (the store's AnswerRecord has it)."""

    @property
    def question_id(self) -> str: ...
    @property
    def question_text(self) -> str: ...
    @property
    def follow_up_of(self) -> int | None: ...
    @property
    def persona(self) -> str: ...
    @property
    def transcript(self) -> Transcript: ...
    @property
    def feedback(self) -> Feedback | None: ...
    @property
    def skipped(self) -> bool: ...
    @property
    def interrupted(self) -> bool: ...
    @property
    def category(self) -> str: ...
    @property
    def competencies(self) -> tuple[str, ...]: ...
    @property
    def kind(self) -> str: ...
    @property
    def answer_min(self) -> float | None: ...
    @property
    def answer_max(self) -> float | None: ...


def plan_record(
    plan: Plan, choices: Choices | None = None, competencies: Sequence[str] = ()
) -> dict[str, Any]:
    """The plan as stored with the session (JSON-ready), with the choices that made it
    (question source, count, lead interviewer, competencies drilled)."""
    record: dict[str, Any] = {
        "format": PLAN_FORMAT,
        "mode": plan.mode.id,
        "personas": list(plan.personas),
        "context": {
            "company": plan.context.company,
            "role": plan.context.role,
            "notes": plan.context.notes,
        },
        "turns": [
            {"question": turn.question.id, "persona": turn.persona}
            for turn in plan.turns
            if turn.follow_up_of is None
        ],
    }
    if choices is not None:
        record["choices"] = {
            "source": choices.source,
            "count": choices.count,
            "persona": choices.persona,
            "competencies": list(competencies),
        }
    return record


def _stored_choices(stored: dict[str, Any], base: Choices) -> tuple[Choices, tuple[str, ...]]:
    """The choices (and competencies) a stored session was started with, for planning it
    again when it kept no questions; ``base`` fills what older sessions did not keep."""
    kept = stored.get("choices")
    kept = kept if isinstance(kept, dict) else {}
    context = stored.get("context")
    context = context if isinstance(context, dict) else {}
    count = kept.get("count")
    competencies = kept.get("competencies")
    choices = replace(
        base,
        source=str(kept.get("source", base.source)),
        count=count if isinstance(count, int) else base.count,
        persona=str(kept.get("persona") or base.persona),
        notes=str(context.get("notes", base.notes)),
    )
    if isinstance(competencies, list):
        return choices, tuple(str(c) for c in competencies)
    return choices, ()


def _stored_frame(
    stored: dict[str, Any], modes: ModeBook, installed_personas: Sequence[str]
) -> Plan | None:
    """The frame (mode, panel, context) of a session that kept its questions, to go on
    with them as they were planned; None when it kept none (plan it again)."""
    turns = stored.get("turns")
    mode = modes.get(str(stored.get("mode", "")))
    if stored.get("format") != PLAN_FORMAT or not turns or not isinstance(turns, list):
        return None
    if mode is None:  # a mode no longer installed: planned again as a mock interview
        return None
    personas = stored.get("personas")
    wanted = [str(p) for p in personas] if isinstance(personas, list) else []
    context = stored.get("context")
    context = context if isinstance(context, dict) else {}
    return plan_frame(
        mode,
        fill_cast(mode, wanted, installed_personas),
        company=str(context.get("company", "")),
        role=str(context.get("role", "")),
        notes=str(context.get("notes", "")),
    )


@dataclass
class Resumed:
    plan: Plan  # the questions still to ask, first the interrupted one
    asked_before: int  # questions of this session answered or skipped before
    notice: str = ""


def rest_of_session(
    stored: dict[str, Any],
    answers: Sequence[AnswerLike],
    base: Choices,
    *,
    bank: Bank,
    modes: ModeBook,
    installed_personas: Sequence[str],
    rng: random.Random,
) -> Resumed:
    """What is left of the session ``stored`` describes, whatever its mode: the questions
    it kept, with its own mode, panel and context; a session that kept none (older ones)
    is planned again from the choices it kept, ``base`` filling the rest. Raises
    ``PlanError`` when it cannot go on."""
    fresh = _stored_frame(stored, modes, installed_personas)
    if fresh is None:
        choices, competencies = _stored_choices(stored, base)
        fresh = plan_for(
            choices,
            bank=bank,
            modes=modes,
            installed_personas=installed_personas,
            rng=rng,
            competencies=competencies,
        )
    return resume_plan(stored, answers, fresh, bank.get)


def resume_plan(
    stored: dict[str, Any],
    answers: Sequence[AnswerLike],
    fresh: Plan,
    find: Callable[[str], Question | None],
) -> Resumed:
    """The rest of the session ``stored`` describes; ``fresh`` (a plan for the same
        choices) lends the mode, follow-up rules and closing lines. ``find`` looks a
        question up by id. Without a stored plan (older sessions), the rest is
        ``fresh`` less what was answered (no turns: every question was answered, the
    session only has to end). Raises ``PlanError`` when the questions left are gone."""
    done = {a.question_id for a in answers if a.follow_up_of is None}
    asked = len(done)
    planned = stored.get("turns") if stored.get("format") == PLAN_FORMAT else None
    if not isinstance(planned, list) or not planned:
        left = [t for t in fresh.turns if t.question.id not in done]
        keep = max(1, len(fresh.turns) - asked)
        return Resumed(replace(fresh, turns=left[:keep], opening=()), asked)
    context = fresh.context
    turns: list[Turn] = []
    missing: list[str] = []
    for n, entry in enumerate(planned):
        qid = str(entry.get("question", "")) if isinstance(entry, dict) else ""
        if qid in done:
            continue
        question = find(qid)
        if question is None:
            missing.append(qid)
            continue
        filled = question.filled(context.company, context.role)
        timing = turn_timing(fresh.mode, filled, n)
        filled = replace(
            filled,
            prep_seconds=round(timing.prep_seconds),
            answer_min=round(timing.answer_min),
            answer_max=round(timing.answer_max),
        )
        persona = str(entry.get("persona") or fresh.personas[0])
        lead_in = "moving_on" if turns else ""  # the first one after resuming: asked plainly
        turns.append(Turn(question=filled, timing=timing, persona=persona, lead_in=lead_in))
    notice = ""
    if missing:
        notice = (
            f"{len(missing)} planned questions are no longer in your question packs "
            f"({', '.join(missing[:3])}); the session goes on without them."
        )
    if not turns and missing:
        raise PlanError(
            "the questions this session had left are no longer in your question packs "
            f"({', '.join(missing[:3])}); close it in History instead"
        )
    before = len(planned) - len(turns) - len(missing)
    return Resumed(replace(fresh, turns=turns, opening=()), before, notice)


def earlier_turns(
    answers: Sequence[AnswerLike], find: Callable[[str], Question | None]
) -> list[Turn]:
    """The answers saved before the interruption, as turns for the session summary."""
    turns: list[Turn] = []
    for answer in answers:
        question = find(answer.question_id)
        if question is None:
            question = Question(
                id=answer.question_id,
                text=answer.question_text,
                category=answer.category,
                competencies=answer.competencies,
                kind=answer.kind,
                prep_seconds=0,
                answer_min=round(answer.answer_min or 0),
                answer_max=round(answer.answer_max or 0),
                look_for=(),
            )
        else:
            question = dataclasses.replace(question, text=answer.question_text)
        low, high = float(question.answer_min), float(question.answer_max)
        turns.append(
            Turn(
                question=question,
                timing=Timing(prep_seconds=0.0, answer_min=low, answer_max=high),
                persona=answer.persona,
                follow_up_of=answer.follow_up_of,
                answer=None if answer.skipped else answer.transcript,
                feedback=answer.feedback,
                skipped=answer.skipped,
                interrupted=answer.interrupted,
            )
        )
    return turns
