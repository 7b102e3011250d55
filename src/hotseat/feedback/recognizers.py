"""What each speech recogniser can write of the fillers (``assets/lexicons/recognizers.toml``).

Filler counts from a recogniser are a floor, not a count: some spellings cannot
be written at all and hesitations are often heard as silence. The feedback says
so, naming the words, whenever an answer came from one of these engines.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hotseat import resources

# Engine names as transcripts carry them, mapped to the table in recognizers.toml.
_ALIASES = {"sphinx": "sphinx", "pocketsphinx": "sphinx", "vosk": "vosk"}


class RecognizerTableError(ValueError):
    """recognizers.toml is broken; the message names the file and the key."""


@dataclass(frozen=True)
class RecognizerLimits:
    name: str
    checked: bool
    cannot_write: tuple[str, ...]
    often_missed: tuple[str, ...]


def load_recognizers(path: Path | None = None) -> dict[str, RecognizerLimits]:
    path = path or resources.asset("lexicons", "recognizers.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RecognizerTableError(f"{path}: cannot read: {exc}") from None
    engines = data.get("engines")
    if not isinstance(engines, dict):
        raise RecognizerTableError(f"{path}: missing the [engines.<name>] tables")
    out: dict[str, RecognizerLimits] = {}
    for engine, raw in engines.items():
        key = f"engines.{engine}"
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise RecognizerTableError(f"{path}: '{key}.name' must be a string")
        if not isinstance(raw.get("checked"), bool):
            raise RecognizerTableError(f"{path}: '{key}.checked' must be true or false")
        lists: list[tuple[str, ...]] = []
        for field in ("cannot_write", "often_missed"):
            value = raw.get(field)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RecognizerTableError(f"{path}: '{key}.{field}' must be a list of words")
            lists.append(tuple(value))
        out[engine] = RecognizerLimits(raw["name"], raw["checked"], lists[0], lists[1])
    return out


@cache
def _table() -> dict[str, RecognizerLimits]:
    return load_recognizers()


def _quoted(words: tuple[str, ...]) -> str:
    items = [f'"{w}"' for w in words]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def recognizer_note(engine: str) -> str:
    """A sentence for the feedback when ``engine`` undercounts fillers, else ''."""
    key = _ALIASES.get(engine.split("-")[0].split(":")[0].lower())
    limits = _table().get(key) if key else None
    if limits is None:
        return ""
    parts = [f"Filler counts may be low: the {limits.name} recogniser"]
    if limits.cannot_write:
        parts.append(f" cannot write {_quoted(limits.cannot_write)} at all")
        if limits.often_missed:
            parts.append(f" and often hears {_quoted(limits.often_missed)} as silence")
    elif limits.often_missed:
        parts.append(f" often hears {_quoted(limits.often_missed)} as silence")
    else:
        parts.append(" may leave out hesitation sounds")
    if not limits.checked:
        parts.append(" (its vocabulary could not be checked here)")
    return "".join(parts) + "."
