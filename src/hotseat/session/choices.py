"""From the choices a user makes before a session to a planned session.

The plain logic behind the home screen's form: what can be chosen (modes,
question sources, counts), what was chosen (:class:`Choices`) and the plan it
makes. The planning itself is the planner's (``plan_session``); the panel is
filled by :func:`hotseat.session.cast.fill_cast`.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hotseat.questions import Bank
from hotseat.session.cast import PlanError, fill_cast
from hotseat.session.modes import Mode, ModeBook
from hotseat.session.planner import Plan, plan_session
from hotseat.session.review import StatsLike

DEFAULT_MODE = "mock"
ANY_SOURCE = ""  # questions from every general pack


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


@dataclass(frozen=True)
class Choices:
    """What the user picked on the home screen."""

    mode: str = DEFAULT_MODE
    source: str = ANY_SOURCE  # "", "category:<name>" or "pack:<id>"
    count: int | None = None  # None: the mode's own
    persona: str = "recruiter"
    company: str = ""
    role: str = ""
    notes: str = ""

    @property
    def category(self) -> str | None:
        kind, _, name = self.source.partition(":")
        return name if kind == "category" and name else None

    @property
    def pack(self) -> str | None:
        kind, _, name = self.source.partition(":")
        return name if kind == "pack" and name else None


def source_choices(bank: Bank) -> list[Choice]:
    out = [Choice(ANY_SOURCE, "All general questions")]
    for category in bank.categories():
        out.append(Choice(f"category:{category}", category.replace("-", " ").capitalize()))
    for pack in bank.role_packs():
        out.append(Choice(f"pack:{pack.id}", f"Role pack: {pack.name}"))
    return out


def source_key(*, category: str | None = None, pack: str | None = None) -> str:
    if pack:
        return f"pack:{pack}"
    if category:
        return f"category:{category}"
    return ANY_SOURCE


def count_choices(mode: Mode) -> list[int]:
    return list(range(mode.count_min, mode.count_max + 1))


def plan_for(
    choices: Choices,
    *,
    bank: Bank,
    modes: ModeBook,
    installed_personas: Sequence[str],
    rng: random.Random,
    panel: Sequence[str] = (),
    history_stats: Iterable[StatsLike] = (),
    competencies: Sequence[str] = (),
) -> Plan:
    """Plan the session; raises ``PlanError`` with a message for the user."""
    mode = modes.get(choices.mode)
    if mode is None:
        raise PlanError(f"unknown practice mode {choices.mode!r}")
    count = choices.count
    if count is not None and not mode.count_min <= count <= mode.count_max:
        count = min(max(count, mode.count_min), mode.count_max)
    return plan_session(
        mode,
        bank,
        count=count,
        category=choices.category,
        pack=choices.pack,
        company=choices.company,
        role=choices.role,
        notes=choices.notes,
        personas=fill_cast(mode, [choices.persona, *panel], installed_personas),
        history_stats=history_stats,
        competencies=competencies,
        rng=rng,
        modes=modes,
    )
