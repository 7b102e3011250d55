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
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from hotseat.questions.model import KINDS, Pack, Question

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LINE_RE = re.compile(r"at line (\d+)")


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


class _Locator:
    """Finds the line of a question (the nth ``[[questions]]``) or of a key in it."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.starts = [
            i + 1 for i, line in enumerate(self.lines) if line.strip().startswith("[[questions]]")
        ]
        pack = [i + 1 for i, line in enumerate(self.lines) if line.strip() == "[pack]"]
        self.pack_line = pack[0] if pack else 1

    def question(self, index: int) -> int:
        return self.starts[index] if index < len(self.starts) else 1

    def key(self, index: int, key: str) -> int:
        start = self.question(index)
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.lines) + 1
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for n in range(start, end):
            if pattern.match(self.lines[n - 1]):
                return n
        return start

    def pack_key(self, key: str) -> int:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for n in range(self.pack_line, len(self.lines) + 1):
            line = self.lines[n - 1]
            if n > self.pack_line and line.strip().startswith("["):
                break
            if pattern.match(line):
                return n
        return self.pack_line


def _str_list(value: Any) -> TypeGuard[list[str]]:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def load_pack(
    path: Path, *, competencies: frozenset[str] | None = None, builtin: bool = False
) -> LoadResult:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return LoadResult(None, [Problem(name, 1, f"cannot read the file: {exc}")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _LINE_RE.search(str(exc))
        line = int(match.group(1)) if match else 1
        return LoadResult(None, [Problem(name, line, f"not valid TOML: {exc}")])
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
    role = meta.get("role", "")
    if not isinstance(role, str):
        bad(loc.pack_key("role"), "pack role must be text")
        role = ""

    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        bad(loc.pack_line, "a pack needs at least one [[questions]] entry")
        raw_questions = []

    questions: list[Question] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_questions):
        before = len(problems)
        qline = loc.question(index)
        if not isinstance(raw, dict):
            bad(qline, "each question must be a table")
            continue
        qid = raw.get("id")
        if not isinstance(qid, str) or not _ID_RE.match(qid):
            bad(loc.key(index, "id"), "question id must be lowercase letters, digits and dashes")
            qid = f"#{index + 1}"
        elif qid in seen:
            bad(loc.key(index, "id"), f"duplicate question id {qid!r} (first at line {seen[qid]})")
        else:
            seen[qid] = loc.key(index, "id")
        label = f"question {qid}"
        for key in ("text", "category", "kind"):
            value = raw.get(key)
            if not isinstance(value, str) or not value.strip():
                bad(loc.key(index, key), f"{label}: '{key}' is required text")
        kind = raw.get("kind")
        if isinstance(kind, str) and kind and kind not in KINDS:
            bad(loc.key(index, "kind"), f"{label}: kind {kind!r} is not one of {', '.join(KINDS)}")
        comps = raw.get("competencies")
        if not _str_list(comps) or not comps:
            bad(loc.key(index, "competencies"), f"{label}: 'competencies' must be a list of names")
        elif competencies is not None:
            for comp in comps:
                if comp not in competencies:
                    bad(
                        loc.key(index, "competencies"),
                        f"{label}: unknown competency {comp!r} "
                        f"(known: {', '.join(sorted(competencies))})",
                    )
        prep = raw.get("prep_seconds")
        if not isinstance(prep, int) or isinstance(prep, bool) or not 0 <= prep <= 600:
            bad(loc.key(index, "prep_seconds"), f"{label}: 'prep_seconds' must be 0-600")
        band = raw.get("answer_seconds")
        if not (
            isinstance(band, list)
            and len(band) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in band)
            and 5 <= band[0] < band[1] <= 1200
        ):
            bad(
                loc.key(index, "answer_seconds"),
                f"{label}: 'answer_seconds' must be [min, max] in seconds, min < max",
            )
        look_for = raw.get("look_for")
        if not _str_list(look_for) or not 2 <= len(look_for) <= 5:
            bad(loc.key(index, "look_for"), f"{label}: 'look_for' must list 2 to 5 points")
        follow_ups = raw.get("follow_ups", [])
        if not (_str_list(follow_ups) or follow_ups == []):
            bad(loc.key(index, "follow_ups"), f"{label}: 'follow_ups' must be a list of text")
        tips = raw.get("tips", [])
        if not (_str_list(tips) or tips == []):
            bad(loc.key(index, "tips"), f"{label}: 'tips' must be a list of text")
        raw_text = raw.get("text")
        if isinstance(raw_text, str):
            for token in re.findall(r"\{([^}]*)\}", raw_text):
                if token not in {"company", "role"}:
                    bad(
                        loc.key(index, "text"),
                        f"{label}: unknown placeholder {{{token}}} (use {{company}} or {{role}})",
                    )
        known = {
            "id", "text", "category", "competencies", "kind", "prep_seconds",
            "answer_seconds", "look_for", "follow_ups", "tips",
        }  # fmt: skip
        for key in raw:
            if key not in known:
                bad(loc.key(index, key), f"{label}: unknown field {key!r}")
        if len(problems) > before:
            continue
        questions.append(
            Question(
                id=str(qid),
                text=str(raw["text"]).strip(),
                category=str(raw["category"]),
                competencies=tuple(raw["competencies"]),
                kind=str(raw["kind"]),
                prep_seconds=int(raw["prep_seconds"]),
                answer_min=int(raw["answer_seconds"][0]),
                answer_max=int(raw["answer_seconds"][1]),
                look_for=tuple(raw["look_for"]),
                follow_ups=tuple(raw.get("follow_ups", [])),
                pack=str(pack_id),
                role=role,
                tips=tuple(raw.get("tips", [])),
            )
        )
    pack = Pack(
        id=str(pack_id),
        name=str(meta.get("name", pack_id)),
        description=str(meta.get("description", "")),
        source=name,
        role=role,
        builtin=builtin,
        questions=tuple(questions),
    )
    return LoadResult(pack if not problems else None, problems)


def load_competencies(path: Path) -> dict[str, str]:
    """Competency id -> one-line description, from ``assets/competencies.toml``."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    table = data.get("competencies", {})
    return {str(key): str(value.get("description", "")) for key, value in table.items()}
