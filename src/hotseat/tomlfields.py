"""One field reader for the hand-edited data files (modes, follow-up rules, personas, ...).

A loader reads ``tomlcheck.read_checked`` for the data, then one
:class:`FieldReader` per table: each typed read (text, list of text, flag,
whole number, positive number, band) checks its value and, when it is wrong,
records ``file:line: <where> field: problem`` and answers a default, so one
run lists every mistake. ``<where>`` is how the file names the table
(``[modes.panel]``, ``rule 2``); the line is the field's own line inside the
table, or the table's header when the field is missing. A reader whose
problems are kept otherwise (question packs keep ``Problem`` objects) overrides
:meth:`FieldReader.record`.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any, TypeGuard

from hotseat.tomlcheck import positive_number
from hotseat.tomlfile import TomlLines


def is_text_list(value: Any) -> TypeGuard[list[str]]:
    """A list of non-blank strings (a plain loop: packs of 10,000 questions call it often)."""
    if not isinstance(value, list):
        return False
    for item in value:  # noqa: SIM110 (a loop: all() over a generator is slower here)
        if not isinstance(item, str) or not item.strip():
            return False
    return True


class FieldReader:
    """Reads the fields of one table, recording each problem with its file and line."""

    def __init__(
        self, source: Path | str, lines: TomlLines, start: int, where: str, problems: list[str]
    ) -> None:
        self.source = source
        self.lines = lines
        self.start = start  # the table's header line (0: the top level)
        self.where = where
        self.problems = problems  # shared by every table of a file

    def line(self, key: str) -> int:
        """The line of ``key`` inside this table, else the table's header (at least 1)."""
        found = self.lines.key(self.start, key) if key else None
        return found or max(self.start, 1)

    def bad(self, key: str, message: str) -> None:
        """Record a problem with ``key`` (or with the whole table when ``key`` is '')."""
        label = f"{self.where} {key}".strip()
        self.record(self.line(key), f"{label}: {message}")

    def record(self, line: int, problem: str) -> None:
        """Keep one problem found on ``line`` (``problem`` names the field)."""
        self.problems.append(f"{self.source}:{line}: {problem}")

    def required(self, raw: dict[str, Any], *keys: str) -> None:
        """Each of ``keys`` must be there (a missing one is named on the table's header)."""
        for key in keys:
            if key not in raw:
                self.bad(key, "is required")

    def unknown(self, raw: dict[str, Any], known: Collection[str]) -> None:
        for key in raw:
            if key not in known:
                self.bad(key, f"unknown field (known: {', '.join(sorted(known))})")

    def text(
        self, raw: dict[str, Any], key: str, *, required: bool = False, default: str = ""
    ) -> str:
        """Text, stripped; optional text may be blank and is ``default`` when absent."""
        value = raw.get(key)
        if value is None and not required:
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            self.bad(key, "is required text" if required else "must be text")
            return ""
        return value.strip()

    def texts(self, raw: dict[str, Any], key: str) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            return ()
        if not is_text_list(value):
            self.bad(key, "must be a list of text")
            return ()
        return tuple([v.strip() for v in value])

    def choices(
        self, raw: dict[str, Any], key: str, allowed: Iterable[str], what: str
    ) -> tuple[str, ...]:
        """A list of text whose every item is one of ``allowed`` (``what`` names them)."""
        allowed = tuple(allowed)
        items = self.texts(raw, key)
        for item in items:
            if item not in allowed:
                self.bad(key, f"{item!r} is not {what} ({', '.join(allowed)})")
        return items

    def flag(self, raw: dict[str, Any], key: str, default: bool) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            self.bad(key, "must be true or false")
            return default
        return value

    def whole(
        self, raw: dict[str, Any], key: str, default: int, *, low: int, high: int | None = None
    ) -> int:
        value = raw.get(key, default)
        whole = isinstance(value, int) and not isinstance(value, bool)
        if whole and low <= value and (high is None or value <= high):
            return int(value)
        span = f"at least {low}" if high is None else f"from {low} to {high}"
        self.bad(key, f"must be a whole number, {span}")
        return default

    def ranged(
        self, raw: dict[str, Any], key: str, default: float, low: float, high: float
    ) -> float:
        """A number from ``low`` to ``high`` (``default`` when absent or wrong)."""
        value = raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.bad(key, f"must be a number from {low:g} to {high:g}")
            return default
        if not low <= value <= high:
            self.bad(key, f"must be from {low:g} to {high:g}, not {value:g}")
            return default
        return float(value)

    def positive(self, raw: dict[str, Any], key: str, *, allow_zero: bool = False) -> float | None:
        """A finite number above zero (or zero if allowed); None when absent or wrong."""
        value = raw.get(key)
        if value is None:
            return None
        problem = positive_number(value, allow_zero=allow_zero)
        if problem or not isinstance(value, int | float):
            self.bad(key, problem or "must be a number")
            return None
        return float(value)

    def finite(self, raw: dict[str, Any], key: str) -> float | None:
        """A finite number of either sign; None when absent or wrong."""
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.bad(key, "must be a number")
            return None
        if not math.isfinite(value):
            self.bad(key, f"must be a finite number, not {value}")
            return None
        return float(value)

    def band(
        self, raw: dict[str, Any], key: str, *, whole: bool = False
    ) -> tuple[float, float] | None:
        """``[min, max]`` with ``0 < min < max`` (whole numbers if ``whole``); None if absent."""
        value = raw.get(key)
        if value is None:
            return None
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and not any(positive_number(v) for v in value)
            and (not whole or all(isinstance(v, int) for v in value))
            and value[0] < value[1]
        )
        if not ok:
            unit = "whole seconds" if whole else "in seconds"
            self.bad(key, f"must be [min, max] {unit} with 0 < min < max")
            return None
        return float(value[0]), float(value[1])
