"""Interviewer personas: who speaks, in which voice, with which lines.

A persona file (``voices/<id>.toml``, or the same in the user's config folder)::

    name = "Maya, recruiter"
    description = "Warm and encouraging."

    [voice]
    languages = ["en-us", "en-gb", "en"]  # preferred languages, best first
    gender = "female"                     # female | male | any
    names = ["Samantha", "Zira"]          # system voice names to try first
    variant = "f3"                        # espeak-ng voice variant (espeak only)
    rate = 165                            # words per minute, 80-400
    volume = 0.9                          # 0.0-1.0
    pitch = 60                            # 0-100, where the engine supports it

    [lines]   # several variants of each; one is picked at random
    greeting = ["..."]
    moving_on = ["..."]                   # after an answer, before the next question
    skipped = ["..."]                     # instead, after a skipped question (optional)
    follow_up = ["..."]
    interrupt = ["..."]
    time_warning = ["..."]
    closing = ["..."]

The file's name (without ``.toml``) is the persona's id. Every problem is
reported with the file, the line and the field; a bad file never stops the app.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hotseat.tomlcheck import TomlFileError, loads_checked, read_text_checked
from hotseat.tomlfields import FieldReader, is_text_list
from hotseat.tomlfile import TomlLines

LINE_KINDS = (
    "greeting",
    "moving_on",
    "follow_up",
    "interrupt",
    "time_warning",
    "closing",
    "skipped",
)
# Kinds a persona file may leave out (added after users may have written their own).
OPTIONAL_LINES = {"skipped": ("All right, let's try another one.",)}
GENDERS = ("female", "male", "any")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TOP_KEYS = ("name", "description", "voice", "lines")
_VOICE_KEYS = ("languages", "gender", "names", "variant", "rate", "volume", "pitch")


class PersonaError(ValueError):
    """A persona file is unusable; the message names the file, line and field."""


@dataclass(frozen=True)
class VoicePreference:
    languages: tuple[str, ...] = ("en-us", "en-gb", "en")
    gender: str = "any"
    names: tuple[str, ...] = ()
    variant: str = ""
    rate: int = 175
    volume: float = 1.0
    pitch: int = 50


PERSONA_MAX_BYTES = 256 * 1024  # a persona is a page of lines


@dataclass(frozen=True)
class Persona:
    id: str
    name: str
    description: str
    voice: VoicePreference
    lines: dict[str, tuple[str, ...]]
    source: Path | None = None

    def line(self, kind: str, rng: random.Random | None = None) -> str:
        """One of this persona's lines of a kind (``greeting``, ``interrupt``, ...)."""
        if kind not in LINE_KINDS:
            raise KeyError(f"no such kind of line: {kind!r} (known: {', '.join(LINE_KINDS)})")
        return (rng or random).choice(self.lines[kind])


def _table(top: FieldReader, raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        top.bad(key, f"must be a table ([{key}])")
        return {}
    return value


def _lines(read: FieldReader, raw: dict[str, Any], kind: str) -> tuple[str, ...]:
    value = read.texts(raw, kind)  # a wrong list is recorded there
    if not value and kind not in OPTIONAL_LINES and (kind not in raw or is_text_list(raw[kind])):
        read.bad(kind, "needs at least one line")
    return value or OPTIONAL_LINES.get(kind, ())


def parse_persona(path: Path, text: str) -> Persona:
    """Validate one persona file's text; raise PersonaError naming file, line and field.

    Every mistake is found in one pass; the error names the first and counts the rest.
    """
    persona_id = path.stem
    if not _ID_RE.match(persona_id):
        raise PersonaError(
            f"{path}: the file name must be the persona id (lowercase letters, digits, '-')"
        )
    try:
        raw = loads_checked(text, path)
    except TomlFileError as exc:
        raise PersonaError(str(exc)) from None
    lines = TomlLines(text)
    problems: list[str] = []
    top = FieldReader(path, lines, 0, "", problems)
    top.unknown(raw, _TOP_KEYS)
    voice_raw, lines_raw = _table(top, raw, "voice"), _table(top, raw, "lines")
    voice = FieldReader(path, lines, lines.table("voice") or 0, "[voice]", problems)
    said = FieldReader(path, lines, lines.table("lines") or 0, "[lines]", problems)
    voice.unknown(voice_raw, _VOICE_KEYS)
    said.unknown(lines_raw, LINE_KINDS)
    gender = voice.text(voice_raw, "gender", default="any").lower()
    if gender not in GENDERS:
        voice.bad("gender", f"must be one of {', '.join(GENDERS)}")
    languages = voice.texts(voice_raw, "languages")
    preference = VoicePreference(
        languages=tuple(lang.lower() for lang in languages) or VoicePreference.languages,
        gender=gender,
        names=voice.texts(voice_raw, "names"),
        variant=voice.text(voice_raw, "variant"),
        rate=int(voice.ranged(voice_raw, "rate", 175, 80, 400)),
        volume=voice.ranged(voice_raw, "volume", 1.0, 0.0, 1.0),
        pitch=int(voice.ranged(voice_raw, "pitch", 50, 0, 100)),
    )
    persona = Persona(
        id=persona_id,
        name=top.text(raw, "name", required=True),
        description=top.text(raw, "description"),
        voice=preference,
        lines={kind: _lines(said, lines_raw, kind) for kind in LINE_KINDS},
        source=path,
    )
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise PersonaError(problems[0] + more)
    return persona


def load_persona_file(path: Path) -> Persona:
    try:
        text = read_text_checked(path, max_bytes=PERSONA_MAX_BYTES)
    except TomlFileError as exc:
        raise PersonaError(str(exc)) from None
    return parse_persona(path, text)
