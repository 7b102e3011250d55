"""Reading the session's TOML data files with errors that name file and line.

``modes.toml`` and ``follow_up_rules.toml`` are edited by hand; a mistake in
them must say where it is (``assets/modes.toml:42: [modes.panel] count: ...``),
and every mistake in the file is reported at once.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

_LINE_RE = re.compile(r"at line (\d+)")
_HEADER_RE = re.compile(r"^\s*\[")


class DataFileError(ValueError):
    """A data file is unreadable or invalid; ``problems`` holds one line per mistake."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Lines:
    """Finds the line of a table, an array-of-tables entry or a key inside one."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def table(self, name: str) -> int:
        pattern = re.compile(rf"^\s*\[\s*{re.escape(name)}\s*\]")
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                return number
        return 1

    def array_item(self, name: str, index: int) -> int:
        pattern = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
        found = [n for n, line in enumerate(self.lines, start=1) if pattern.match(line)]
        return found[index] if index < len(found) else 1

    def key(self, start: int, key: str) -> int:
        """The line of ``key = ...`` in the table that starts at line ``start``."""
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start and _HEADER_RE.match(line):
                break
            if pattern.match(line):
                return number
        return start


def read_toml(path: Path) -> tuple[dict[str, Any], Lines]:
    """Parse ``path``; a syntax error becomes a DataFileError naming the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError([f"{path}:1: cannot read the file: {exc}"]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _LINE_RE.search(str(exc))
        line = match.group(1) if match else "1"
        raise DataFileError([f"{path}:{line}: not valid TOML: {exc}"]) from None
    return data, Lines(text)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
