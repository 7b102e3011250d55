"""Finding lines in a TOML file's text, so errors can name file and line.

``tomllib`` gives parsed values without positions; the data-file loaders
(question packs, modes, follow-up rules, rubric, lexicons, personas) look the
line up again in the text. This is a light scan, not a TOML parser: it finds
``[table]`` and ``[[array]]`` headers and ``key = ...`` lines, which is all a
hand-edited data file needs for a useful error. Every lookup answers ``None``
when it finds nothing, and the caller picks its own fallback line.
"""

from __future__ import annotations

import re
import tomllib

_DECODE_LINE_RE = re.compile(r"at line (\d+)")
_HEADER_RE = re.compile(r"^\s*\[")


def decode_error_line(exc: tomllib.TOMLDecodeError) -> int:
    """The line a TOML syntax error points at (1 when the message names none)."""
    match = _DECODE_LINE_RE.search(str(exc))
    return int(match.group(1)) if match else 1


def _dotted(name: str) -> str:
    """A pattern for a dotted table name, allowing spaces around the dots."""
    return r"\s*\.\s*".join(map(re.escape, name.split(".")))


def _assignment(key: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(key)}\s*=")


class TomlLines:
    """Line numbers (from 1) of tables, array-of-tables entries and keys in one text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self._items: dict[str, list[int]] = {}  # one scan per array name, not one per entry

    def _first(self, pattern: re.Pattern[str]) -> int | None:
        return next((n for n, line in enumerate(self.lines, 1) if pattern.match(line)), None)

    def table(self, name: str) -> int | None:
        """The header line of ``[name]`` (``name`` may be dotted: ``modes.panel``)."""
        return self._first(re.compile(rf"^\s*\[\s*{_dotted(name)}\s*\]"))

    def array_items(self, name: str) -> list[int]:
        """The header lines of every ``[[name]]`` entry, in order."""
        return list(self._scan(name))

    def _scan(self, name: str) -> list[int]:
        if name not in self._items:
            pattern = re.compile(rf"^\s*\[\[\s*{_dotted(name)}\s*\]\]")
            self._items[name] = [n for n, line in enumerate(self.lines, 1) if pattern.match(line)]
        return self._items[name]

    def array_item(self, name: str, index: int) -> int | None:
        """The header line of the ``index``-th (from 0) ``[[name]]`` entry."""
        found = self._scan(name)
        return found[index] if 0 <= index < len(found) else None

    def key(self, start: int, key: str) -> int | None:
        """The line of ``key = ...`` in the table whose header is line ``start``.

        ``start=0`` means the top level, before the first header.
        """
        pattern = _assignment(key)
        for number in range(max(start, 1), len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start and _HEADER_RE.match(line):
                return None
            if pattern.match(line):
                return number
        return None

    def first_key(self, key: str) -> int | None:
        """The first ``key = ...`` line anywhere in the file."""
        return self._first(_assignment(key))

    def first_mention(self, key: str) -> int | None:
        """The first ``[key]``, ``[[key]]`` or ``key = ...`` line anywhere in the file."""
        k = re.escape(key)
        return self._first(re.compile(rf"^\s*(\[\[?\s*{k}\s*\]|{k}\s*=)"))

    def dotted(self, path: str) -> int | None:
        """The line of a dotted key such as ``findings.ramble.points``.

        The deepest ``[table]`` header on the path is found, then the next part
        as a key inside it (or the header itself); without any header, the
        last part as a key anywhere.
        """
        parts = path.split(".")
        for depth in range(len(parts), 0, -1):
            hit = self.table(".".join(parts[:depth]))
            if hit is not None:
                if depth == len(parts):
                    return hit
                return self.key(hit, parts[depth]) or hit
        return self.first_key(parts[-1])
