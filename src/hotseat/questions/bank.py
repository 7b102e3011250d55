"""All packs together: the built-in ones and the user's own."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hotseat import paths, resources
from hotseat.questions.loader import Problem, load_competencies, load_pack
from hotseat.questions.model import Pack, Question


@dataclass
class Bank:
    packs: list[Pack]
    competencies: dict[str, str]
    skipped: list[Problem] = field(default_factory=list)

    @property
    def questions(self) -> list[Question]:
        return [q for pack in self.packs for q in pack.questions]

    def get(self, question_id: str) -> Question | None:
        for question in self.questions:
            if question.id == question_id:
                return question
        return None

    def categories(self) -> list[str]:
        return sorted({q.category for q in self.questions if not q.role})

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
    ) -> list[Question]:
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


def _pack_files(folder: Path) -> Iterable[Path]:
    if folder.is_dir():
        yield from sorted(folder.glob("*.toml"))


def load_bank(
    *, user_dir: Path | None = None, builtin_dir: Path | None = None, include_user: bool = True
) -> Bank:
    """Load every pack. A broken user pack is skipped and reported, never fatal."""
    competencies = load_competencies(resources.asset("competencies.toml"))
    known = frozenset(competencies)
    packs: list[Pack] = []
    skipped: list[Problem] = []
    seen_ids: set[str] = set()
    sources: list[tuple[Path, bool]] = [
        (p, True) for p in _pack_files(builtin_dir or resources.asset("questions"))
    ]
    if include_user:
        sources += [(p, False) for p in _pack_files(user_dir or paths.user_questions_dir())]
    for path, builtin in sources:
        result = load_pack(path, competencies=known, builtin=builtin)
        if result.pack is None:
            if builtin:  # a broken built-in pack is a bug in hotseat itself
                raise ValueError("\n".join(str(p) for p in result.problems))
            skipped.extend(result.problems)
            continue
        clash = [q.id for q in result.pack.questions if q.id in seen_ids]
        if clash:
            skipped.append(
                Problem(
                    str(path), 1, f"question ids already used by another pack: {', '.join(clash)}"
                )
            )
            continue
        seen_ids.update(q.id for q in result.pack.questions)
        packs.append(result.pack)
    return Bank(packs=packs, competencies=competencies, skipped=skipped)
