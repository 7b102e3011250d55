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


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, table: str, key: str, message: str) -> PersonaError:
        name = f"{table}.{key}" if table else key
        lines = TomlLines(self.text)
        if table:  # the key inside [table]
            start = lines.table(table)
            line = (lines.key(start, key) if start else None) or 1
        else:  # a top-level key, or a [key] table
            line = lines.key(0, key) or lines.table(key) or 1
        return PersonaError(f"{self.path}:{line}: field '{name}' {message}")

    def text_field(self, raw: dict[str, Any], table: str, key: str, default: str | None) -> str:
        value = raw.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self.fail(table, key, "must be non-empty text")
        return value.strip()

    def text_list(
        self, raw: dict[str, Any], table: str, key: str, *, required: bool
    ) -> tuple[str, ...]:
        value = raw.get(key, [] if not required else None)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(table, key, "must be a list of non-empty texts")
        if required and not value:
            raise self.fail(table, key, "needs at least one line")
        return tuple(v.strip() for v in value)

    def number(
        self, raw: dict[str, Any], key: str, default: float, low: float, high: float
    ) -> float:
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail("voice", key, f"must be a number from {low:g} to {high:g}")
        if not low <= value <= high:
            raise self.fail("voice", key, f"must be from {low:g} to {high:g}, not {value:g}")
        return float(value)

    def unknown(self, raw: dict[str, Any], table: str, known: tuple[str, ...]) -> None:
        for key in raw:
            if key not in known:
                raise self.fail(table, key, f"is not known (known: {', '.join(known)})")

    def table(self, raw: dict[str, Any], key: str) -> dict[str, Any]:
        value = raw.get(key, {})
        if not isinstance(value, dict):
            raise self.fail("", key, "must be a table ([" + key + "])")
        return value


def parse_persona(path: Path, text: str) -> Persona:
    """Validate one persona file's text; raise PersonaError naming file, line and field."""
    persona_id = path.stem
    if not _ID_RE.match(persona_id):
        raise PersonaError(
            f"{path}: the file name must be the persona id (lowercase letters, digits, '-')"
        )
    try:
        raw = loads_checked(text, path)
    except TomlFileError as exc:
        raise PersonaError(str(exc)) from None
    read = _Reader(path, text)
    read.unknown(raw, "", _TOP_KEYS)
    voice_raw = read.table(raw, "voice")
    lines_raw = read.table(raw, "lines")
    read.unknown(voice_raw, "voice", _VOICE_KEYS)
    read.unknown(lines_raw, "lines", LINE_KINDS)
    gender = read.text_field(voice_raw, "voice", "gender", "any").lower()
    if gender not in GENDERS:
        raise read.fail("voice", "gender", f"must be one of {', '.join(GENDERS)}")
    languages = read.text_list(voice_raw, "voice", "languages", required=False)
    pitch = read.number(voice_raw, "pitch", 50, 0, 100)
    rate = read.number(voice_raw, "rate", 175, 80, 400)
    voice = VoicePreference(
        languages=tuple(lang.lower() for lang in languages) or VoicePreference.languages,
        gender=gender,
        names=read.text_list(voice_raw, "voice", "names", required=False),
        variant=read.text_field(voice_raw, "voice", "variant", ""),
        rate=int(rate),
        volume=read.number(voice_raw, "volume", 1.0, 0.0, 1.0),
        pitch=int(pitch),
    )
    lines = {
        kind: read.text_list(lines_raw, "lines", kind, required=kind not in OPTIONAL_LINES)
        or OPTIONAL_LINES[kind]
        for kind in LINE_KINDS
    }
    return Persona(
        id=persona_id,
        name=read.text_field(raw, "", "name", None),
        description=read.text_field(raw, "", "description", ""),
        voice=voice,
        lines=lines,
        source=path,
    )


def load_persona_file(path: Path) -> Persona:
    try:
        text = read_text_checked(path, max_bytes=PERSONA_MAX_BYTES)
    except TomlFileError as exc:
        raise PersonaError(str(exc)) from None
    return parse_persona(path, text)
