"""The interviewer personas as an app offers them: names to choose, lines to say.

The persona files are read and checked once, by :mod:`hotseat.speech.catalog`
(which skips a broken file with a problem and falls back to a plain built-in
interviewer when none can be read). ``load_persona_book`` adds the last guard a
UI needs: should the catalog itself fail (a bug), the app still starts with
that plain interviewer and says why.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass, field

from hotseat.speech.catalog import PersonaCatalog, load_personas, plain_persona


@dataclass(frozen=True)
class PersonaChoice:
    id: str
    name: str
    description: str = ""


@dataclass
class PersonaBook:
    catalog: PersonaCatalog
    problems: list[str] = field(default_factory=list)

    @property
    def choices(self) -> list[PersonaChoice]:
        people = self.catalog.personas
        return [PersonaChoice(i, people[i].name, people[i].description) for i in self.ids]

    @property
    def ids(self) -> list[str]:
        return self.catalog.ids()

    def name(self, persona_id: str) -> str:
        found = self.catalog.personas.get(persona_id)
        return found.name if found is not None else persona_id

    def line(self, persona_id: str, key: str, rng: random.Random) -> str:
        """One of the persona's lines of that kind (greeting, moving_on, interrupt ...)."""
        with contextlib.suppress(KeyError, IndexError):
            return str(self.catalog.get(persona_id).line(key, rng))
        return ""


def load_persona_book() -> PersonaBook:
    try:
        catalog = load_personas()
    except Exception as exc:  # a bug there must not stop the app
        plain = plain_persona()
        return PersonaBook(PersonaCatalog({plain.id: plain}), [f"Interviewer personas: {exc}"])
    return PersonaBook(catalog, list(catalog.problems))
