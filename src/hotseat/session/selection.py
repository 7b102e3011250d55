"""Choosing and ordering the questions of a session, one function per mode shape.

Every function takes the candidate pool and a seeded ``random.Random`` so a
plan is reproducible; none of them fills placeholders or sets timing (the
planner does).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from hotseat.questions.model import Question

_MIDDLE_KINDS = ("behavioral", "situational", "technical-light")


def is_research(q: Question) -> bool:
    """About the company itself: its mission, values, news."""
    return q.category == "research" or "research" in q.competencies


def is_early(q: Question) -> bool:
    """Research and motivation: asked right after the opener.

    Stories that merely touch on the company (behavioural questions with the
    research competency) belong in the middle; closing-category questions at the end.
    """
    if q.kind in ("opener", "closing", "follow-up") or q.category == "closing":
        return False
    return q.kind == "motivation" or q.category == "research"


def spread(pool: Sequence[Question], count: int, rng: random.Random) -> list[Question]:
    """Pick up to ``count`` questions spread over categories, then over competencies.

    Each pick prefers the least-used category, then the most competencies not
    yet covered; ties go to the random order, so a different seed gives a
    different mix.
    """
    left = list(pool)
    rng.shuffle(left)
    covered: set[str] = set()
    categories: dict[str, int] = {}
    picked: list[Question] = []
    while left and len(picked) < count:
        best = max(
            left,
            key=lambda q: (-categories.get(q.category, 0), len(set(q.competencies) - covered)),
        )
        left.remove(best)
        picked.append(best)
        covered |= set(best.competencies)
        categories[best.category] = categories.get(best.category, 0) + 1
    return picked


def _take(pool: Sequence[Question], used: set[str], rng: random.Random) -> Question | None:
    left = [q for q in pool if q.id not in used]
    if not left:
        return None
    choice = rng.choice(left)
    used.add(choice.id)
    return choice


def interview(
    pool: Sequence[Question],
    count: int,
    rng: random.Random,
    *,
    tailored: bool,
    middle_first: Sequence[Question] = (),
) -> list[Question]:
    """Opener; research and motivation; examples across competencies; closing last.

    ``tailored`` (a company or notes were given) asks two early questions, one
    of them about research. ``middle_first`` (e.g. a role pack) is preferred for
    the middle of the interview.
    """
    used: set[str] = set()
    opener = _take([q for q in pool if q.kind == "opener"], used, rng)
    closing = _take([q for q in pool if q.kind == "closing"], used, rng)
    fixed = (opener is not None) + (closing is not None)
    early_pool = [q for q in pool if is_early(q)]
    early: list[Question] = []
    # A story always gets a place: early questions only while one is left for it.
    if tailored and fixed + 1 < count:  # what do you know about us, then why us
        about_us = [q for q in early_pool if q.category == "research"]
        first = _take(about_us or [q for q in early_pool if is_research(q)], used, rng)
        early += [first] if first else []
        early_pool = [q for q in early_pool if not is_research(q)] or early_pool
    while len(early) < (2 if tailored else 1) and fixed + len(early) < count - 1:
        more = _take(early_pool, used, rng)
        if more is None:
            break
        early.append(more)
    early.sort(key=lambda q: not is_research(q))  # what they know about us, then why us
    wanted = max(0, count - fixed - len(early))
    middle: list[Question] = []
    for group in (
        [q for q in middle_first if q.kind not in ("opener", "closing")],
        [q for q in pool if q.kind == "behavioral" and q.category != "closing"],
        [q for q in pool if q.kind in _MIDDLE_KINDS and q.category != "closing"],
        [q for q in pool if q.kind not in ("opener", "closing", "follow-up")],
    ):
        fresh = [q for q in group if q.id not in used]
        for q in spread(fresh, wanted - len(middle), rng):
            used.add(q.id)
            middle.append(q)
    middle.sort(key=lambda q: q.kind != "behavioral")  # stories first, then the rest
    return [q for q in (opener, *early, *middle, closing) if q is not None]


def focus(pool: Sequence[Question], count: int, rng: random.Random) -> list[Question]:
    """Questions of one category or pack: spread, opener first and closing last."""
    picked = spread(pool, count, rng)
    return sorted(picked, key=lambda q: {"opener": 0, "closing": 2}.get(q.kind, 1))


def drill(
    pool: Sequence[Question],
    count: int,
    rng: random.Random,
    *,
    kinds: Sequence[str],
    max_seconds: float | None,
    must_include: Sequence[Question] = (),
) -> list[Question]:
    """Drill questions: the preferred kinds and short ones first, filled from the rest.

    The result is shuffled, so filler questions turn up unannounced among the
    preferred ones. ``must_include`` (e.g. one research question) takes a slot.
    """

    def preferred(q: Question) -> bool:
        fits_kind = not kinds or q.kind in kinds
        fits_time = max_seconds is None or q.answer_max <= max_seconds
        return fits_kind and fits_time

    candidates = [q for q in pool if q.kind not in ("closing", "follow-up")]
    picked = list(must_include)[:count]
    used = {q.id for q in picked}
    for group in ([q for q in candidates if preferred(q)], candidates):
        fresh = [q for q in group if q.id not in used]
        for q in spread(fresh, count - len(picked), rng):
            used.add(q.id)
            picked.append(q)
    rng.shuffle(picked)
    return picked
