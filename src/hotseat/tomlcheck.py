"""Reading a hand-edited TOML file safely: a size limit, a nesting limit, then the parse.

Every loader of user-editable TOML (settings, personas, question packs, modes,
follow-up rules) reads through here, so a hostile or broken file fails the
same way everywhere: one :class:`TomlFileError` naming the file and the line,
never a traceback. ``tomllib`` recurses once per nested array or inline
table, so 500 nested brackets would raise ``RecursionError`` inside it; the
brackets are counted in the text first (outside strings and comments) and a
file nested deeper than any real data file is refused with the line it
happens on. Numbers get one shared check too (:func:`positive_number`).
"""

from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path
from typing import Any

from hotseat.tomlfile import decode_error_line

MAX_DEPTH = 16  # nested arrays/inline tables: real files use 3 at most
DATA_MAX_BYTES = 16 * 1024 * 1024  # a 10,000-question pack is about 2 MB
SETTINGS_MAX_BYTES = 1024 * 1024


class TomlFileError(ValueError):
    """A TOML file that cannot be used, with the line to look at."""

    def __init__(self, path: Path | str, line: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}")


# What matters for nesting: comments and strings (skipped whole), brackets, newlines.
_TOKEN_RE = re.compile(
    r"#[^\n]*"  # a comment
    r'|"""(?:\\.|[^\\])*?"""'  # a multi-line basic string
    r"|'''[\s\S]*?'''"  # a multi-line literal string
    r'|"(?:\\.|[^"\\\n])*"'  # a basic string
    r"|'[^'\n]*'"  # a literal string
    r"|[\[\]{}\n]"
)


def nesting_problem(text: str, max_depth: int = MAX_DEPTH) -> tuple[int, str] | None:
    """(line, message) when brackets nest deeper than ``max_depth``; else None.

    A light scanner: it skips comments and the four kinds of TOML strings, and
    counts ``[``/``{`` against ``]``/``}``. Table headers count too (depth 2 for
    ``[[x]]``), which the limit leaves room for. Syntax errors (an unclosed
    string, say) are left to the parser.
    """
    depth, line = 0, 1
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in "[{":
            depth += 1
            if depth > max_depth:
                return line, f"nested more than {max_depth} levels deep"
        elif token in "]}":
            depth = max(0, depth - 1)
        else:
            line += token.count("\n")
    return None


def _too_deep(data: dict[str, Any], max_depth: int) -> bool:
    """Whether tables and arrays nest deeper than ``max_depth`` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > max_depth:
                    return True
                stack.append((child, depth + 1))
    return False


def loads_checked(text: str, where: Path | str, *, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """Parse ``text`` (read from ``where``); any failure is a TomlFileError with a line.

    The parse comes first (the common, valid case stays fast); the bracket scan
    that finds the line runs only for a file nested too deeply.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        deep = nesting_problem(text, max_depth)  # a syntax error deep inside: say so
        if deep is not None:
            raise TomlFileError(where, deep[0], deep[1]) from None
        raise TomlFileError(where, decode_error_line(exc), f"not valid TOML: {exc}") from None
    except RecursionError:
        deep = nesting_problem(text, max_depth)
        line, message = deep if deep is not None else (1, "nested too deeply to read")
        raise TomlFileError(where, line, message) from None
    if _too_deep(data, max_depth):
        line, message = nesting_problem(text, max_depth) or (1, "nested too deeply")
        raise TomlFileError(where, line, message)
    return data


def read_text_checked(path: Path, *, max_bytes: int = DATA_MAX_BYTES) -> str:
    """The file's text, refusing files larger than ``max_bytes`` or not UTF-8."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise TomlFileError(path, 1, f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise TomlFileError(path, 1, f"larger than {max_bytes // 1024} KiB; not read")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TomlFileError(path, line, "cannot read the file: it is not UTF-8 text") from None


def read_checked(
    path: Path, *, max_bytes: int = DATA_MAX_BYTES, max_depth: int = MAX_DEPTH
) -> tuple[dict[str, Any], str]:
    """Read and parse ``path`` within the limits; returns (data, text)."""
    text = read_text_checked(path, max_bytes=max_bytes)
    return loads_checked(text, path, max_depth=max_depth), text


def positive_number(value: Any, *, allow_zero: bool = False) -> str:
    """'' when ``value`` is a finite number above zero (or zero if allowed); else why not."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "must be a number"
    if not math.isfinite(value):
        return f"must be a finite number, not {value}"
    if value < 0 or (value == 0 and not allow_zero):
        return "must be zero or more" if allow_zero else "must be more than zero"
    return ""
