"""One typed settings object, read from ``settings.toml`` in the config folder.

Precedence (lowest first): defaults, the TOML file, ``HOTSEAT_<NAME>``
environment variables. Unknown keys and bad values are reported, never fatal:
hotseat must start even with a damaged settings file.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import tomli_w

from hotseat import paths


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
    # Problems found while loading (not saved)
    problems: list[str] = field(default_factory=list, compare=False, repr=False)

    def save(self, path: Path | None = None) -> None:
        """Write the settings atomically (a crash never leaves half a file)."""
        target = path or paths.settings_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".toml.tmp")
        tmp.write_text(tomli_w.dumps(self.to_dict()), encoding="utf-8")
        os.replace(tmp, target)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data.pop("problems")
        return data


def _coerce(name: str, kind: type, value: Any) -> Any:
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {
            "1",
            "true",
            "yes",
            "on",
            "0",
            "false",
            "no",
            "off",
        }:
            return value.lower() in {"1", "true", "yes", "on"}
        raise ValueError(f"{name} must be true or false")
    if kind is int:
        if isinstance(value, bool):
            raise ValueError(f"{name} must be a whole number")
        return int(value)
    if kind is float:
        if isinstance(value, bool):
            raise ValueError(f"{name} must be a number")
        return float(value)
    if not isinstance(value, str | int | float):
        raise ValueError(f"{name} must be text")
    return str(value)


_TYPES: dict[str, type] = {"bool": bool, "int": int, "float": float, "str": str}


def load_settings(path: Path | None = None, *, environ: dict[str, str] | None = None) -> Settings:
    settings = Settings()
    source = path or paths.settings_file()
    env = os.environ if environ is None else environ
    raw: dict[str, Any] = {}
    if source.is_file():
        try:
            raw = tomllib.loads(source.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            settings.problems.append(f"{source}: ignored ({exc}); using defaults")
    known = {f.name: _TYPES[str(f.type)] for f in fields(Settings) if f.name != "problems"}
    for key, value in raw.items():
        if key not in known:
            settings.problems.append(f"{source}: unknown setting {key!r} ignored")
            continue
        try:
            setattr(settings, key, _coerce(key, known[key], value))
        except (TypeError, ValueError) as exc:
            settings.problems.append(f"{source}: {exc}; kept the default")
    for key, kind in known.items():
        env_value = env.get(f"HOTSEAT_{key.upper()}")
        if env_value is None:
            continue
        try:
            setattr(settings, key, _coerce(key, kind, env_value))
        except (TypeError, ValueError) as exc:
            settings.problems.append(f"HOTSEAT_{key.upper()}: {exc}; ignored")
    return settings
