"""The interviewer personas as the app needs them: names to offer, lines to say.

The voice subsystem owns persona files and their validation
(``hotseat.speech.catalog``). Should it fail to load, the persona files are
read here leniently for their names, and a plain "Recruiter" with simple
lines is the last resort, so the home screen always has an interviewer.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hotseat import paths, resources
from hotseat.speech.persona import PERSONA_MAX_BYTES
from hotseat.tomlcheck import TomlFileError, read_checked

DEFAULT = "recruiter"
PLAIN_LINES = {
    "greeting": "Hello, and thank you for coming in. Let's start.",
    "moving_on": "Thank you. Next question.",
    "follow_up": "Let me follow up on that.",
    "interrupt": "Let me stop you there, thank you.",
    "time_warning": "We are nearly out of time for this one.",
    "closing": "That's all my questions. Thank you for your time.",
    "skipped": "All right, let's try another one.",
}


@dataclass(frozen=True)
class PersonaChoice:
    id: str
    name: str
    description: str = ""


@dataclass
class PersonaBook:
    choices: list[PersonaChoice]
    problems: list[str] = field(default_factory=list)
    _catalog: Any = None  # hotseat.speech.catalog.PersonaCatalog when it loaded

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.choices]

    def name(self, persona_id: str) -> str:
        return next((c.name for c in self.choices if c.id == persona_id), persona_id)

    def line(self, persona_id: str, key: str, rng: random.Random) -> str:
        """One of the persona's lines of that kind (greeting, moving_on, interrupt ...)."""
        if self._catalog is not None:
            with contextlib.suppress(KeyError, IndexError):
                return str(self._catalog.get(persona_id).line(key, rng))
        return PLAIN_LINES.get(key, "")


def load_persona_book() -> PersonaBook:
    try:
        from hotseat.speech.catalog import load_personas
    except ImportError:
        book = PersonaBook(_from_files())
    else:
        try:
            catalog = load_personas()
        except Exception as exc:  # a bug there must not stop the app
            book = PersonaBook(_from_files(), [f"Interviewer personas: {exc}"])
        else:
            choices = [
                PersonaChoice(pid, p.name, p.description)
                for pid in catalog.ids()
                for p in [catalog.personas[pid]]
            ]
            book = PersonaBook(choices, list(catalog.problems), catalog)
    if not book.choices:
        book.choices = [PersonaChoice(DEFAULT, "Recruiter")]
    return book


def _files() -> list[Path]:
    folders: list[Path] = []
    with contextlib.suppress(FileNotFoundError):
        folders.append(resources.voices_dir())
    folders.append(paths.user_voices_dir())
    return [p for folder in folders if folder.is_dir() for p in sorted(folder.glob("*.toml"))]


def _from_files() -> list[PersonaChoice]:
    found: dict[str, PersonaChoice] = {}
    for path in _files():
        try:
            data, _ = read_checked(path, max_bytes=PERSONA_MAX_BYTES)
        except TomlFileError:
            continue
        name = data.get("name")
        name = name if isinstance(name, str) and name else path.stem.replace("-", " ").title()
        found[path.stem] = PersonaChoice(path.stem, name, str(data.get("description", "")))
    return list(found.values())
