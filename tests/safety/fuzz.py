"""Hostile edits of real data files, for the loaders' fuzz tests.

Each example starts from a file hotseat ships (so most of it is valid and the
loader's field checks are reached) and applies one hostile edit: a value
replaced by something absurd, a line inserted or deleted, the file cut short,
or bytes that are not text.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

HOSTILE_VALUES = (
    "0",
    "-1",
    "-0.0",
    "nan",
    "inf",
    "-inf",
    "1e309",
    "9223372036854775807",
    "true",
    '""',
    '"   "',
    '"x"',
    '"{nobody}"',
    "[]",
    "[1, 2, 3]",
    '["a", 1]',
    "[[]]",
    "{}",
    "{ a = 1 }",
    "1979-05-27T07:32:00Z",
    "[" * 600 + "]" * 600,
    "{a=" * 300 + "1" + "}" * 300,
    '"unterminated',
    "[[[",
    "'\\u0000'",
    '"\\ud800"',
)
_ASSIGN_RE = re.compile(r"^(\s*[A-Za-z0-9_\-\".]+\s*=\s*)(.*)$")


DEEP = frozenset(v for v in HOSTILE_VALUES if len(v) > 100)


@st.composite
def hostile_edit(draw: st.DrawFn, text: str, *, deep: bool = True) -> str:
    """``text`` with one hostile edit (``deep=False``: no 300-level nesting)."""
    lines = text.splitlines()
    kind = draw(st.sampled_from(["replace", "insert", "delete", "cut", "header", "noise"]))
    at = draw(st.integers(0, max(0, len(lines) - 1)))
    values = HOSTILE_VALUES if deep else tuple(v for v in HOSTILE_VALUES if v not in DEEP)
    value = draw(st.sampled_from(values))
    if kind == "replace":
        assignments = [i for i, line in enumerate(lines) if _ASSIGN_RE.match(line)]
        if assignments:
            at = draw(st.sampled_from(assignments))
            match = _ASSIGN_RE.match(lines[at])
            assert match is not None
            lines[at] = match.group(1) + value
    elif kind == "insert":
        key = draw(st.sampled_from(["id", "name", "text", "rate", "x", "modes", "rules"]))
        lines.insert(at, f"{key} = {value}")
    elif kind == "delete" and lines:
        del lines[at]
    elif kind == "cut":
        return text[: draw(st.integers(0, len(text)))]
    elif kind == "header":
        headers = ["[x]", "[[x]]", "[voice]", "[modes]", "[[", "[a.b"]
        lines.insert(at, draw(st.sampled_from(headers)))
    else:
        lines.insert(at, draw(st.text(max_size=40)))
    return "\n".join(lines) + "\n"


LINE_RE = re.compile(r":\d+:|, line \d+")
