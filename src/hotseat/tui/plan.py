"""From the home screen's choices to a planned session.

No widgets here: the plain logic behind the form, kept apart so it can be
tested without a terminal. The planning itself is the session planner's
(``hotseat.session.plan_session``); this module names the choices, offers the
question sources, and fills a panel with enough interviewers.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hotseat.questions import Bank
from hotseat.session import Mode, ModeBook, Plan, PlanError, plan_session
from hotseat.session.review import StatsLike
from hotseat.settings import Settings
from hotseat.tui.options import AppOptions

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


def initial_choices(options: AppOptions, settings: Settings) -> Choices:
    """The home screen's first choices: the command line's, else the last ones used."""
    return Choices(
        mode=options.mode or DEFAULT_MODE,
        source=source_key(category=options.category, pack=options.pack),
        count=options.count,
        persona=settings.persona,
        company=options.company if options.company is not None else settings.last_company,
        role=options.role if options.role is not None else settings.last_role,
        notes=options.notes or "",
    )


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


def cast_for(
    mode: Mode, lead: str, installed: Sequence[str], wanted: Sequence[str] = ()
) -> list[str]:
    """The lead interviewer, then those asked for, then others installed as the mode needs."""
    cast = [lead]
    for persona in wanted:
        if persona not in cast and len(cast) < mode.personas_max:
            cast.append(persona)
    for persona in installed:
        if persona not in cast and len(cast) < mode.personas_min:
            cast.append(persona)
    return cast


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
        personas=cast_for(mode, choices.persona, installed_personas, panel),
        history_stats=history_stats,
        competencies=competencies,
        rng=rng,
        modes=modes,
    )
