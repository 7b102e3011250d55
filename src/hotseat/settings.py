"""One typed settings object, read from ``settings.toml`` in the config folder.

Precedence (lowest first): defaults, the TOML file, ``HOTSEAT_<NAME>``
environment variables. Unknown keys and bad values are reported with file,
line and field (the one field reader, :mod:`hotseat.tomlfields`), never fatal:
hotseat must start even with a damaged settings file.

The file belongs to the user. Saving (see :mod:`hotseat.settings_writer`)
writes only the values the app changed, into the user's own text (comments
and order kept), never the environment's overrides, and never over a file
that does not parse: that one is kept as it is and the user is told which
line to fix.
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Collection
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from hotseat import paths
from hotseat.tomlcheck import SETTINGS_MAX_BYTES, TomlFileError, loads_checked, read_text_checked
from hotseat.tomlfields import FieldReader
from hotseat.tomlfile import TomlLines


@dataclass(frozen=True)
class SettingsOrigin:
    """Where a Settings object's values came from, so a save writes only the user's."""

    path: Path | None = None
    broken: str = ""  # why the file could not be read (then it is never written over)
    loaded: dict[str, Any] = field(default_factory=dict)  # values as loaded (file + env)
    from_env: frozenset[str] = frozenset()  # the keys an environment variable set


@dataclass
class Settings:
    # Interviewer voice
    persona: str = "recruiter"
    muted: bool = False
    output_device: str = ""
    # Microphone and recognition
    input_device: str = ""
    engine: str = "auto"  # auto | vosk | sphinx | typed
    model_path: str = ""
    silence_end_seconds: float = 0.0  # 0 = never end an answer on silence (outside drills)
    drill_silence_end_seconds: float = 4.0
    save_recordings: bool = True
    # Sessions
    audible_warnings: bool = False
    last_company: str = ""
    last_role: str = ""
    # Keys: binding id -> keys, from the [keys] table (read only; the app never writes it)
    keys: dict[str, str] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # Problems found while loading (not saved)
    problems: list[str] = field(default_factory=list, compare=False, repr=False)
    origin: SettingsOrigin = field(default_factory=SettingsOrigin, compare=False, repr=False)

    def save(self, path: Path | None = None) -> None:
        """Write the values the app changed into the settings file, atomically.

        Raises :class:`hotseat.settings_writer.SettingsNotSaved` (an OSError)
        when the file on disk does not parse: it is left exactly as it is.
        """
        from hotseat.settings_writer import write_settings

        write_settings(self, path or self.origin.path or paths.settings_file())

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in setting_names()}


_NOT_SAVED = {"keys", "key_lines", "problems", "origin"}


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings) if f.name not in _NOT_SAVED]


_YES, _NO = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def _from_env(name: str, kind: type, value: str) -> Any:
    """An environment variable's text as a setting of ``kind`` (ValueError if it is not)."""
    if kind is bool:
        if value.lower() not in _YES | _NO:
            raise ValueError(f"{name} must be true or false")
        return value.lower() in _YES
    if kind is int:
        return int(value)
    if kind is float:
        number = float(value)
        if not math.isfinite(number) or number < 0:
            raise ValueError(f"{name} must be a finite number, zero or more")
        return number
    return value


def _read_value(read: FieldReader, raw: dict[str, Any], key: str, kind: type) -> Any:
    """One setting from the file, or None (the default stays) when absent or wrong."""
    if key not in raw:
        return None
    if kind is bool:
        return read.flag(raw, key, default=getattr(Settings, key))
    if kind is float:
        return read.positive(raw, key, allow_zero=True)
    if kind is int:
        return read.whole(raw, key, getattr(Settings, key), low=0)
    return read.text(raw, key, default=getattr(Settings, key))


_TYPES: dict[str, type] = {"bool": bool, "int": int, "float": float, "str": str}


def _kinds() -> dict[str, type]:
    return {f.name: _TYPES[str(f.type)] for f in fields(Settings) if f.name in setting_names()}


def _read_file(source: Path, settings: Settings) -> tuple[dict[str, Any], str, str]:
    """(raw values, text, why broken) for the settings file."""
    if not source.is_file():
        return {}, "", ""
    try:
        text = read_text_checked(source, max_bytes=SETTINGS_MAX_BYTES)
    except TomlFileError as exc:
        settings.problems.append(f"{exc}; hotseat runs on its defaults")
        return {}, "", str(exc)
    try:
        return loads_checked(text, source), text, ""
    except TomlFileError as exc:
        settings.problems.append(
            f"{exc.path}, line {exc.line}: {exc.message}. The other lines are used; "
            "hotseat will not save over this file until that line is fixed."
        )
        return _salvage(text, exc.line), text, str(exc)


def _salvage(text: str, bad_line: int) -> dict[str, Any]:
    """The plain ``key = value`` lines of a file that does not parse as a whole.

    A typo on one line must not undo the user's other choices (``save_recordings
    = false`` above a broken line stays false).
    """
    found: dict[str, Any] = {}
    header = ""  # the table a line is in ("[keys]"): ``home.history = "f9"`` stays a key
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("["):
            header = line.strip()
            continue
        if number == bad_line or "=" not in line or line.lstrip().startswith("#"):
            continue
        try:
            _merge(found, loads_checked(f"{header}\n{line}", "line"))
        except TomlFileError:
            continue
    return found


def _merge(into: dict[str, Any], part: dict[str, Any]) -> None:
    for key, value in part.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _flat(raw: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"home": {"history": "f9"}}`` -> ``{"home.history": "f9"}`` (TOML dotted keys)."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def _keymap(raw: Any, source: Path, lines: TomlLines, settings: Settings) -> dict[str, str]:
    """The ``[keys]`` table: binding id = "keys" (``interview.pause = "f6"``); the line
    of each goes in ``settings.key_lines``.

    Whether each id names a binding is checked by the app, which knows them.
    """
    read = FieldReader(source, lines, lines.table("keys") or 0, "[keys]", settings.problems)
    if not isinstance(raw, dict):
        read.bad("", 'must be a table of binding id = "keys"')
        return {}
    keys: dict[str, str] = {}
    for binding_id, value in _flat(raw).items():
        settings.key_lines[binding_id] = _key_line(read, lines, binding_id)
        if isinstance(value, str) and value.strip():
            keys[binding_id] = value.replace(" ", "")
        else:
            read.record(
                settings.key_lines[binding_id],
                f"[keys] {binding_id}: must be keys in quotes "
                '(such as "ctrl+p" or "f6,ctrl+p"); kept the default',
            )
    return keys


def _key_line(read: FieldReader, lines: TomlLines, binding_id: str) -> int:
    """The line of ``home.history = ...`` in ``[keys]``, or of ``history = ...`` in
    ``[keys.home]``."""
    found = lines.key(read.start, binding_id) if read.start else None
    return found or lines.dotted(f"keys.{binding_id}") or read.line("")


def unknown_keys_problems(settings: Settings, known: Collection[str]) -> list[str]:
    """``file:line: ...`` for each ``[keys]`` id that names no key binding.

    The app knows the ids (``tui.keymap``): it shows these on the home screen, and
    ``hotseat doctor`` lists them with the other settings problems.
    """
    source = settings.origin.path or paths.settings_file()
    problems = []
    for binding_id in sorted(set(settings.keys) - set(known)):
        close = difflib.get_close_matches(binding_id, list(known), n=1, cutoff=0.8)
        hint = f"did you mean {close[0]!r}?" if close else "see the README for the ids"
        line = settings.key_lines.get(binding_id, 1)
        problems.append(f"{source}:{line}: [keys] {binding_id}: no key binding has this id; {hint}")
    return problems


def load_settings(path: Path | None = None, *, environ: dict[str, str] | None = None) -> Settings:
    settings = Settings()
    source = path or paths.settings_file()
    env = os.environ if environ is None else environ
    raw, text, broken = _read_file(source, settings)
    lines = TomlLines(text)
    settings.keys = _keymap(raw.pop("keys", {}), source, lines, settings)
    known = _kinds()
    read = FieldReader(source, lines, 0, "", settings.problems)
    read.unknown(raw, known)
    for key, kind in known.items():
        value = _read_value(read, raw, key, kind)
        if value is not None:
            setattr(settings, key, value)
    from_env: set[str] = set()
    for key, kind in known.items():
        env_value = env.get(f"HOTSEAT_{key.upper()}")
        if env_value is None:
            continue
        try:
            setattr(settings, key, _from_env(key, kind, env_value))
        except (TypeError, ValueError) as exc:
            settings.problems.append(f"HOTSEAT_{key.upper()}: {exc}; ignored")
            continue
        from_env.add(key)
    settings.origin = SettingsOrigin(
        path=source, broken=broken, loaded=settings.to_dict(), from_env=frozenset(from_env)
    )
    return settings
