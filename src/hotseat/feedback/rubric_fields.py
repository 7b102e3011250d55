"""Reading the rubric's TOML files field by field, each problem named by file, key and line.

The built-in ``assets/rubric.toml`` and a user's file laid over it are read as one:
a field is reported on its line in the last file that sets it, and the first
problem stops the load (a rubric is used whole or not at all).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

from hotseat.tomlcheck import TomlFileError, positive_number, read_checked
from hotseat.tomlfields import FieldReader
from hotseat.tomlfile import TomlLines

# Numbers that divide or bound something and so must be above zero (the rest may be 0).
_ABOVE_ZERO = frozenset(
    {
        "delivery.typed_wpm",
        "delivery.pause_seconds",
        "delivery.long_pause_seconds",
        "delivery.first_word_seconds",
        "limits.max_words",
    }
)


class RubricError(ValueError):
    """The rubric is broken; the message names the file, the key and the line."""


class RubricFields(FieldReader):
    """The one field reader over the built-in rubric with the user's on top (the last
    file wins). A field is named by its dotted key (``'delivery.typed_wpm'``) on its
    line in the file its value came from, and the first problem stops the load: a
    rubric is used whole or not at all."""

    def __init__(self, files: list[tuple[Path, str, dict[str, Any]]], where: str = "") -> None:
        path, text, _ = files[-1]
        super().__init__(path, TomlLines(text), 0, where, [])
        self.files = files

    def dotted(self, key: str) -> str:
        return ".".join(part for part in (self.where, key) if part)

    def bad(self, key: str, message: str) -> NoReturn:
        raise self.fail(self.dotted(key), message)

    def fail(self, dotted: str, message: str) -> RubricError:
        """The problem on the line of ``dotted`` in the last file that sets it."""
        path, text, _ = self.files[0]
        for candidate in reversed(self.files):
            node: Any = candidate[2]
            for part in dotted.split("."):
                node = node.get(part) if isinstance(node, dict) else None
            if node is not None:
                path, text, _ = candidate
                break
        return RubricError(f"{path}:{TomlLines(text).dotted(dotted) or 1}: '{dotted}': {message}")

    def table(self, raw: dict[str, Any], key: str) -> tuple[dict[str, Any], RubricFields]:
        """The table ``key`` and a reader of its fields."""
        value = raw.get(key)
        if not isinstance(value, dict):
            self.bad(key, "missing table" if value is None else "must be a table")
        return value, RubricFields(self.files, self.dotted(key))

    def number(self, raw: dict[str, Any], key: str) -> float:
        """A finite number of zero or more (above zero for the keys in ``_ABOVE_ZERO``)."""
        self.required(raw, key)
        value = self.positive(raw, key, allow_zero=self.dotted(key) not in _ABOVE_ZERO)
        return 0.0 if value is None else value  # None is refused above

    def points(self, raw: dict[str, Any], key: str) -> float:
        """A finite number of either sign (finding points are mostly negative)."""
        self.required(raw, key)
        value = self.finite(raw, key)
        return 0.0 if value is None else value

    def pair(self, raw: dict[str, Any], key: str) -> tuple[float, float]:
        value = raw.get(key)
        if (
            not isinstance(value, list)
            or len(value) != 2
            or any(positive_number(v, allow_zero=True) for v in value)
            or value[0] > value[1]
        ):
            self.bad(key, "must be [low, high]: finite numbers, 0 <= low <= high")
        return float(value[0]), float(value[1])


def read_file(path: Path) -> tuple[Path, str, dict[str, Any]]:
    """Read within tomlcheck's size and nesting limits; a problem names the line."""
    try:
        data, text = read_checked(path)
    except TomlFileError as exc:
        raise RubricError(str(exc)) from None
    return path, text, data
