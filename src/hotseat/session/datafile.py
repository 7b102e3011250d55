"""Reading the session's TOML data files with errors that name file and line.

``modes.toml`` and ``follow_up_rules.toml`` are edited by hand; a mistake in
them must say where it is (``assets/modes.toml:42: [modes.panel] count: ...``),
and every mistake in the file is reported at once.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from hotseat.tomlcheck import TomlFileError, read_checked
from hotseat.tomlfile import TomlLines


class DataFileError(ValueError):
    """A data file is unreadable or invalid; ``problems`` holds one line per mistake."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_toml(path: Path) -> tuple[dict[str, Any], TomlLines]:
    """Parse ``path`` within the size and nesting limits; failures name the line."""
    try:
        data, text = read_checked(path)
    except TomlFileError as exc:
        raise DataFileError([str(exc)]) from None
    return data, TomlLines(text)


def is_number(value: Any) -> bool:
    """A finite int or float (never a bool, NaN or infinity)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
