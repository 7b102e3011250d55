"""Reading the session's TOML data files with errors that name file and line.

``modes.toml`` and ``follow_up_rules.toml`` are edited by hand; a mistake in
them must say where it is (``assets/modes.toml:42: [modes.panel] count: ...``),
and every mistake in the file is reported at once.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from hotseat.tomlfile import TomlLines, decode_error_line


class DataFileError(ValueError):
    """A data file is unreadable or invalid; ``problems`` holds one line per mistake."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_toml(path: Path) -> tuple[dict[str, Any], TomlLines]:
    """Parse ``path``; a syntax error becomes a DataFileError naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError([f"{path}:1: cannot read the file: {exc}"]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = decode_error_line(exc)
        raise DataFileError([f"{path}:{line}: not valid TOML: {exc}"]) from None
    return data, TomlLines(text)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
