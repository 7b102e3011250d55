"""Read and validate question packs, reporting every problem with file and line.

A pack file looks like::

    [pack]
    id = "core"
    name = "Core questions"
    description = "..."
    role = ""            # optional: a role pack names its role

    [[questions]]
    id = "why-company"
    text = "Why do you want to work at {company}?"
    category = "research"
    competencies = ["research", "enthusiasm"]
    kind = "motivation"
    prep_seconds = 15
    answer_seconds = [45, 90]
    look_for = ["...", "..."]
    follow_ups = ["..."]   # optional
    tips = ["..."]         # optional
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from hotseat.questions.model import KINDS, PLACEHOLDERS, Pack, Question
from hotseat.tomlcheck import TomlFileError, read_checked
from hotseat.tomlfile import TomlLines

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
_PACK_KEYS = ("id", "name", "description", "role")
_QUESTION_KEYS = (
    "id", "text", "category", "competencies", "kind", "prep_seconds",
    "answer_seconds", "look_for", "follow_ups", "tips",
)  # fmt: skip


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class LoadResult:
    pack: Pack | None
    problems: list[Problem] = field(default_factory=list)
    id_lines: dict[str, int] = field(default_factory=dict)  # question id -> its line
    pack_id: str = ""  # known once the file parsed, even when it has problems
    source: str = ""

    def line_of(self, question_id: str) -> int:
        return self.id_lines.get(question_id, 1)


class _Locator:
    """Finds the line of a question (the nth ``[[questions]]``) or of a key in it."""

    def __init__(self, text: str) -> None:
        self.lines = TomlLines(text)
        self.pack_line = self.lines.table("pack") or 1

    def question(self, index: int) -> int:
        return self.lines.array_item("questions", index) or 1

    def key(self, index: int, key: str) -> int:
        start = self.question(index)
        return self.lines.key(start, key) or start

    def top_key(self, key: str) -> int:
        """The line of a top-level table (``[key]``, ``[[key]]``) or of ``key = ...``."""
        return self.lines.first_mention(key) or 1

    def pack_key(self, key: str) -> int:
        return self.lines.key(self.pack_line, key) or self.pack_line


def _str_list(value: Any) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


Report = Callable[[str, str], None]  # (field, message) -> records a problem on that line


def _check_question(
    raw: dict[str, Any], report: Report, competencies: frozenset[str] | None
) -> None:
    """Every problem of one question table; ``report`` knows where each field sits."""
    for key in ("text", "category", "kind"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            report(key, f"'{key}' is required text")
    category = raw.get("category")
    if isinstance(category, str) and category.strip() and not _ID_RE.match(category):
        report("category", f"category {category!r} must be lowercase letters, digits and dashes")
    kind = raw.get("kind")
    if isinstance(kind, str) and kind.strip() and kind not in KINDS:
        report("kind", f"kind {kind!r} is not one of {', '.join(KINDS)}")
    comps = raw.get("competencies")
    if not _str_list(comps) or not comps:
        report("competencies", "'competencies' must be a list of names")
    elif competencies is not None:
        for comp in comps:
            if comp not in competencies:
                known = ", ".join(sorted(competencies))
                report("competencies", f"unknown competency {comp!r} (known: {known})")
    prep = raw.get("prep_seconds")
    if not _is_int(prep) or not 0 <= prep <= 600:
        report("prep_seconds", "'prep_seconds' must be a whole number of seconds, 0-600")
    band = raw.get("answer_seconds")
    if not (
        isinstance(band, list)
        and len(band) == 2
        and all(_is_int(v) for v in band)
        and 5 <= band[0] < band[1] <= 1200
    ):
        report(
            "answer_seconds", "'answer_seconds' must be [min, max] in seconds (5-1200), min < max"
        )
    look_for = raw.get("look_for")
    if not _str_list(look_for) or not 2 <= len(look_for) <= 5:
        report("look_for", "'look_for' must list 2 to 5 points")
    for key in ("follow_ups", "tips"):
        value = raw.get(key, [])
        if not _str_list(value):
            report(key, f"'{key}' must be a list of text")
    texts: list[tuple[str, Any]] = [("text", raw.get("text"))]
    follow_ups = raw.get("follow_ups", [])
    if _str_list(follow_ups):
        texts += [("follow_ups", f) for f in follow_ups]
    for key, value in texts:
        if isinstance(value, str):
            for token in _PLACEHOLDER_RE.findall(value):
                if token not in PLACEHOLDERS:
                    report(key, f"unknown placeholder {{{token}}} (use {{company}} or {{role}})")
    for key in raw:
        if key not in _QUESTION_KEYS:
            report(key, f"unknown field {key!r} (known: {', '.join(_QUESTION_KEYS)})")


def _question(raw: dict[str, Any], pack_id: str, role: str) -> Question:
    return Question(
        id=str(raw["id"]),
        text=str(raw["text"]).strip(),
        category=str(raw["category"]),
        competencies=tuple(raw["competencies"]),
        kind=str(raw["kind"]),
        prep_seconds=int(raw["prep_seconds"]),
        answer_min=int(raw["answer_seconds"][0]),
        answer_max=int(raw["answer_seconds"][1]),
        look_for=tuple(raw["look_for"]),
        follow_ups=tuple(raw.get("follow_ups", [])),
        pack=pack_id,
        role=role,
        tips=tuple(raw.get("tips", [])),
    )


def load_pack(
    path: Path, *, competencies: frozenset[str] | None = None, builtin: bool = False
) -> LoadResult:
    """Read one pack file. ``pack`` is None when it has any problem; all are listed."""
    name = str(path)
    try:
        data, text = read_checked(path)
    except TomlFileError as exc:
        return LoadResult(None, [Problem(name, exc.line, exc.message)])
    loc = _Locator(text)
    problems: list[Problem] = []

    def bad(line: int, message: str) -> None:
        problems.append(Problem(name, line, message))

    meta = data.get("pack")
    if not isinstance(meta, dict):
        bad(1, "missing the [pack] table (id, name, description)")
        meta = {}
    pack_id = meta.get("id", path.stem)
    if not isinstance(pack_id, str) or not _ID_RE.match(pack_id):
        bad(loc.pack_key("id"), "pack id must be lowercase letters, digits and dashes")
        pack_id = path.stem
    for key in ("name", "description"):
        if key in meta and not isinstance(meta[key], str):
            bad(loc.pack_key(key), f"pack {key} must be text")
    for key in meta:
        if key not in _PACK_KEYS:
            bad(loc.pack_key(key), f"unknown pack field {key!r} (known: {', '.join(_PACK_KEYS)})")
    for key in data:
        if key not in ("pack", "questions"):
            bad(loc.top_key(key), f"unknown table {key!r}: a pack has [pack] and [[questions]]")
    role = meta.get("role", "")
    if not isinstance(role, str):
        bad(loc.pack_key("role"), "pack role must be text")
        role = ""

    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        bad(loc.pack_line, "a pack needs at least one [[questions]] entry")
        raw_questions = []

    questions: list[Question] = []
    id_lines: dict[str, int] = {}
    for index, raw in enumerate(raw_questions):
        before = len(problems)
        if not isinstance(raw, dict):
            bad(loc.question(index), "each question must be a table")
            continue
        qid = raw.get("id")
        if not isinstance(qid, str) or not _ID_RE.match(qid):
            bad(loc.key(index, "id"), "question id must be lowercase letters, digits and dashes")
            qid = f"#{index + 1}"
        elif qid in id_lines:
            bad(
                loc.key(index, "id"),
                f"duplicate question id {qid!r} (first at line {id_lines[qid]})",
            )
        else:
            id_lines[qid] = loc.key(index, "id")

        def report(key: str, message: str, index: int = index, label: str = qid) -> None:
            bad(loc.key(index, key), f"question {label}: {message}")

        _check_question(raw, report, competencies)
        if len(problems) == before:
            questions.append(_question(raw, pack_id, role))
    pack = Pack(
        id=pack_id,
        name=str(meta.get("name", pack_id)),
        description=str(meta.get("description", "")),
        source=name,
        role=role,
        builtin=builtin,
        questions=tuple(questions),
    )
    problems.sort(key=lambda p: p.line)  # stable: same-line problems keep their order
    return LoadResult(pack if not problems else None, problems, id_lines, pack_id, name)


def load_competencies(path: Path) -> dict[str, str]:
    """Competency id -> one-line description, from ``assets/competencies.toml``."""
    data, _ = read_checked(path)
    table = data.get("competencies", {})
    return {str(key): str(value.get("description", "")) for key, value in table.items()}
