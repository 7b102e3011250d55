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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from hotseat.questions.model import KINDS, PLACEHOLDERS, Pack, Question
from hotseat.tomlcheck import TomlFileError, read_checked
from hotseat.tomlfields import FieldReader, is_text_list
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
    """Finds the line of a question (the nth ``[[questions]]``) or of a top-level key."""

    def __init__(self, text: str) -> None:
        self.lines = TomlLines(text)
        self.pack_line = self.lines.table("pack") or 1

    def question(self, index: int) -> int:
        return self.lines.array_item("questions", index) or 1

    def top_key(self, key: str) -> int:
        """The line of a top-level table (``[key]``, ``[[key]]``) or of ``key = ...``."""
        return self.lines.first_mention(key) or 1


class _Fields(FieldReader):
    """The one field reader, keeping what it finds as ``Problem`` objects (for
    ``questions validate`` and the home screen's list of skipped packs)."""

    def __init__(
        self, source: str, lines: TomlLines, start: int, where: str, found: list[Problem]
    ) -> None:
        super().__init__(source, lines, start, where, [])
        self.found = found

    def record(self, line: int, problem: str) -> None:
        self.found.append(Problem(str(self.source), line, problem))


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


_REQUIRED = ("text", "category", "kind", "competencies", "prep_seconds", "answer_seconds")


def _check_question(
    raw: dict[str, Any], read: FieldReader, competencies: frozenset[str] | None
) -> None:
    """Every problem of one question table, each on its field's line."""
    read.required(raw, *_REQUIRED, "look_for")
    for key in ("text", "category", "kind"):
        if key in raw:
            read.text(raw, key, required=True)
    category, kind = raw.get("category"), raw.get("kind")
    if isinstance(category, str) and category.strip() and not _ID_RE.match(category):
        read.bad("category", f"{category!r} must be lowercase letters, digits and dashes")
    if isinstance(kind, str) and kind.strip() and kind not in KINDS:
        read.bad("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    if "competencies" in raw:
        if raw["competencies"] == []:
            read.bad("competencies", "must list at least one competency")
        elif competencies is None:
            read.texts(raw, "competencies")
        else:
            read.choices(raw, "competencies", sorted(competencies), "a known competency")
    if "prep_seconds" in raw:
        read.whole(raw, "prep_seconds", 0, low=0, high=600)
    band = raw.get("answer_seconds")
    if "answer_seconds" in raw and not (
        isinstance(band, list)
        and len(band) == 2
        and all(_is_int(v) for v in band)
        and 5 <= band[0] < band[1] <= 1200
    ):
        read.bad("answer_seconds", "must be [min, max] whole seconds (5-1200), min < max")
    look_for = raw.get("look_for")
    if "look_for" in raw and not (is_text_list(look_for) and 2 <= len(look_for) <= 5):
        read.bad("look_for", "must list 2 to 5 points")
    read.texts(raw, "tips")
    texts: list[tuple[str, Any]] = [("text", raw.get("text"))]
    texts += [("follow_ups", item) for item in read.texts(raw, "follow_ups")]
    for key, value in texts:
        if isinstance(value, str):
            for token in _PLACEHOLDER_RE.findall(value):
                if token not in PLACEHOLDERS:
                    read.bad(key, f"unknown placeholder {{{token}}} (use {{company}} or {{role}})")
    read.unknown(raw, _QUESTION_KEYS)


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
    read_pack = _Fields(name, loc.lines, loc.pack_line, "[pack]", problems)
    pack_id = meta.get("id", path.stem)
    if not isinstance(pack_id, str) or not _ID_RE.match(pack_id):
        read_pack.bad("id", "must be lowercase letters, digits and dashes")
        pack_id = path.stem
    for key in ("name", "description"):
        read_pack.text(meta, key)
    read_pack.unknown(meta, _PACK_KEYS)
    for key in data:
        if key not in ("pack", "questions"):
            bad(loc.top_key(key), f"unknown table {key!r}: a pack has [pack] and [[questions]]")
    role = read_pack.text(meta, "role")

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
        label = qid if isinstance(qid, str) and _ID_RE.match(qid) else f"#{index + 1}"
        read = _Fields(name, loc.lines, loc.question(index), f"question {label}", problems)
        if not isinstance(qid, str) or not _ID_RE.match(qid):
            read.bad("id", "must be lowercase letters, digits and dashes")
        elif qid in id_lines:
            read.bad("id", f"duplicate question id {qid!r} (first at line {id_lines[qid]})")
        else:
            id_lines[qid] = read.line("id")
        _check_question(raw, read, competencies)
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
