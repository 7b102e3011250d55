"""Who sits on the interview panel: the one place a cast is filled and checked.

``fill_cast`` takes the interviewers asked for (the lead first) and adds others
installed until the mode has as many as it needs; the home screen and
``hotseat practice`` both use it. ``check_cast`` is the planner's check: a
default interviewer when none is named, an error for the user when a panel is
short, and no more than the mode seats.
"""

from __future__ import annotations

from collections.abc import Sequence

from hotseat.session.modes import Mode

DEFAULT_PERSONA = "recruiter"


class PlanError(ValueError):
    """The choices cannot make a session (the message says why, for the user)."""


def fill_cast(mode: Mode, wanted: Sequence[str], installed: Sequence[str]) -> list[str]:
    """Those asked for (duplicates and blanks dropped, at most the mode's seats),
    then others installed, in their order, until the mode has its minimum."""
    cast: list[str] = []
    for persona in (p.strip() for p in wanted):
        if persona and persona not in cast and len(cast) < max(mode.personas_max, 1):
            cast.append(persona)
    for persona in installed:
        if persona not in cast and len(cast) < max(mode.personas_min, 1):
            cast.append(persona)
    return cast


def check_cast(mode: Mode, personas: Sequence[str]) -> tuple[str, ...]:
    """The panel for ``mode``; raises ``PlanError`` when it is too small."""
    cast = tuple(dict.fromkeys(p.strip() for p in personas if p.strip())) or (DEFAULT_PERSONA,)
    if len(cast) < mode.personas_min:
        raise PlanError(
            f"{mode.name} needs {mode.personas_min}-{mode.personas_max} different "
            f"interviewers; got {len(cast)} ({', '.join(cast)})"
        )
    return cast[: mode.personas_max]
