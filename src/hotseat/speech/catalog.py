"""All interviewer personas: the ones hotseat ships plus the user's own.

User files in ``paths.user_voices_dir()`` add personas, or replace a shipped one
with the same id. A bad file is skipped with a clear problem (file, line, field);
asking for a persona that is missing or broken gives the default one instead,
with a problem saying so. Loading never raises for a user's mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hotseat import paths, resources
from hotseat.speech.persona import Persona, PersonaError, load_persona_file

DEFAULT_PERSONA = "recruiter"


@dataclass
class PersonaCatalog:
    personas: dict[str, Persona]
    problems: list[str] = field(default_factory=list)
    default_id: str = DEFAULT_PERSONA

    @property
    def default(self) -> Persona:
        if self.default_id in self.personas:
            return self.personas[self.default_id]
        return next(iter(self.personas.values()))

    def get(self, persona_id: str) -> Persona:
        """The persona with that id, or the default one (never raises)."""
        return self.resolve(persona_id)[0]

    def resolve(self, persona_id: str) -> tuple[Persona, str]:
        """(persona, problem): the problem says why the default was used instead, or ''."""
        wanted = (persona_id or "").strip().lower()
        if not wanted or wanted in self.personas:
            return self.personas.get(wanted, self.default), ""
        broken = [p for p in self.problems if Path(p.split(":", 1)[0]).stem == wanted]
        why = f"persona {persona_id!r} " + ("could not be loaded" if broken else "does not exist")
        return self.default, f"{why}; using {self.default.name!r} ({self.default.id}) instead"

    def ids(self) -> list[str]:
        return sorted(self.personas, key=lambda pid: (pid != self.default_id, pid))


def _files(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def load_personas(user_dir: Path | None = None, builtin_dir: Path | None = None) -> PersonaCatalog:
    """Load the shipped personas, then the user's (which win on the same id)."""
    problems: list[str] = []
    personas: dict[str, Persona] = {}
    try:
        shipped = builtin_dir or resources.voices_dir()
    except FileNotFoundError as exc:
        problems.append(str(exc))
        shipped = None
    for path in _files(shipped):
        try:
            persona = load_persona_file(path)
        except PersonaError as exc:
            problems.append(str(exc))
            continue
        personas[persona.id] = persona
    for path in _files(user_dir if user_dir is not None else paths.user_voices_dir()):
        try:
            persona = load_persona_file(path)
        except PersonaError as exc:
            problems.append(f"{exc} (skipped this file)")
            continue
        personas[persona.id] = persona
    if not personas:
        personas[_FALLBACK.id] = _FALLBACK
        problems.append("no interviewer personas could be loaded; using a plain built-in one")
    return PersonaCatalog(personas=personas, problems=problems)


def plain_persona() -> Persona:
    """A plain interviewer, for when no persona file can be read."""
    from hotseat.speech.persona import VoicePreference

    return Persona(
        id=DEFAULT_PERSONA,
        name="Interviewer",
        description="A plain interviewer, used when no persona file can be read.",
        voice=VoicePreference(),
        lines={
            "greeting": ("Hello, and thanks for your time today. Let's begin.",),
            "moving_on": ("Thank you. Next question.",),
            "follow_up": ("A follow-up on that.",),
            "interrupt": ("Let me stop you there, thank you.",),
            "time_warning": ("About a minute left on this one.",),
            "closing": ("That's all my questions. Thank you.",),
            "skipped": ("All right, let's try another one.",),
        },
    )


_FALLBACK = plain_persona()
