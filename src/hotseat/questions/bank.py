"""All packs together: the built-in ones and the user's own."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hotseat import paths, resources
from hotseat.questions.loader import Problem, load_pack
from hotseat.questions.model import Pack, Question
from hotseat.questions.validate import IdRegistry, known_competencies, pack_files


@dataclass
class Bank:
    packs: list[Pack]
    competencies: dict[str, str]
    skipped: list[Problem] = field(default_factory=list)  # user pack files left out, and why

    def skipped_files(self) -> dict[str, list[Problem]]:
        """Each skipped user pack file with its problems, in line order."""
        out: dict[str, list[Problem]] = {}
        for problem in self.skipped:
            out.setdefault(problem.file, []).append(problem)
        return out

    @property
    def questions(self) -> list[Question]:
        return [q for pack in self.packs for q in pack.questions]

    def get(self, question_id: str) -> Question | None:
        for question in self.questions:
            if question.id == question_id:
                return question
        return None

    def categories(self, *, include_roles: bool = False) -> list[str]:
        """Categories of the general packs (with ``include_roles``, of role packs too)."""
        return sorted({q.category for q in self.questions if include_roles or not q.role})

    def kinds(self) -> list[str]:
        return sorted({q.kind for q in self.questions})

    def role_packs(self) -> list[Pack]:
        return [p for p in self.packs if p.role]

    def pack(self, pack_id: str) -> Pack | None:
        return next((p for p in self.packs if p.id == pack_id), None)

    def filter(
        self,
        *,
        category: str | None = None,
        pack: str | None = None,
        kind: str | None = None,
        competency: str | None = None,
        roles: bool = True,
    ) -> list[Question]:
        """Questions matching every filter given. ``roles=False`` leaves out role packs
        (a category drill for anyone, rather than for one job)."""
        out = []
        for q in self.questions:
            if category and q.category != category:
                continue
            if pack and q.pack != pack:
                continue
            if kind and q.kind != kind:
                continue
            if competency and competency not in q.competencies:
                continue
            if not roles and q.role:
                continue
            out.append(q)
        return out

    def sample(self, pool: Sequence[Question], count: int, rng: random.Random) -> list[Question]:
        """Pick ``count`` questions spread across categories, in a random order."""
        by_category: dict[str, list[Question]] = {}
        for q in pool:
            by_category.setdefault(q.category, []).append(q)
        for items in by_category.values():
            rng.shuffle(items)
        groups = list(by_category.values())
        rng.shuffle(groups)
        picked: list[Question] = []
        while len(picked) < count and any(groups):
            for items in groups:
                if items and len(picked) < count:
                    picked.append(items.pop())
        return picked


def load_bank(
    *, user_dir: Path | None = None, builtin_dir: Path | None = None, include_user: bool = True
) -> Bank:
    """Load every pack. A broken user pack is skipped and reported, never fatal.

    A user pack is skipped as a whole when it has any problem, including a pack id
    or question id that an earlier pack (built-in packs come first) already uses.
    A broken built-in pack is a bug in hotseat itself and raises ``ValueError``.
    """
    competencies = known_competencies()
    known = frozenset(competencies)
    registry = IdRegistry()
    packs: list[Pack] = []
    skipped: list[Problem] = []
    sources = [(p, True) for p in pack_files(builtin_dir or resources.asset("questions"))]
    if include_user:
        sources += [(p, False) for p in pack_files(user_dir or paths.user_questions_dir())]
    for path, builtin in sources:
        result = load_pack(path, competencies=known, builtin=builtin)
        problems = sorted(result.problems + registry.clashes(result), key=lambda p: p.line)
        if problems or result.pack is None:
            if builtin:
                raise ValueError("\n".join(str(p) for p in problems))
            skipped.extend(problems)
            continue
        registry.add(result)
        packs.append(result.pack)
    return Bank(packs=packs, competencies=competencies, skipped=skipped)
