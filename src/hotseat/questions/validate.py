"""Check pack files the way the app loads them: each file alone, then ids across packs.

``hotseat questions validate`` and :func:`hotseat.questions.load_bank` share these
rules, so a pack that validates cleanly is a pack the app will load.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hotseat import resources
from hotseat.questions.loader import LoadResult, Problem, load_competencies, load_pack
from hotseat.questions.model import Pack


def pack_files(folder: Path) -> list[Path]:
    """The pack files of a folder (``*.toml``, not recursive), in a stable order."""
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def known_competencies() -> dict[str, str]:
    return load_competencies(resources.asset("competencies.toml"))


class IdRegistry:
    """Pack and question ids already taken, and which file took them."""

    def __init__(self) -> None:
        self.packs: dict[str, str] = {}
        self.questions: dict[str, str] = {}

    def clashes(self, result: LoadResult) -> list[Problem]:
        """Problems if the file reuses a pack id or a question id already taken."""
        problems = []
        if result.pack_id in self.packs:
            problems.append(
                Problem(
                    result.source,
                    1,
                    f"pack id {result.pack_id!r} is already used by {self.packs[result.pack_id]}",
                )
            )
        for question_id, line in result.id_lines.items():
            if question_id in self.questions:
                problems.append(
                    Problem(
                        result.source,
                        line,
                        f"question id {question_id!r} is already used by "
                        f"{self.questions[question_id]}",
                    )
                )
        return problems

    def add(self, result: LoadResult) -> None:
        """Take the ids of a file (the ones not already taken)."""
        where = Path(result.source).name
        self.packs.setdefault(result.pack_id, where)
        for question_id in result.id_lines:
            self.questions.setdefault(question_id, f"pack {result.pack_id!r} ({where})")


@dataclass
class Validation:
    files: list[Path]
    packs: list[Pack] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def question_count(self) -> int:
        return sum(len(p.questions) for p in self.packs)


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus the ``*.toml`` files of folders, each once.

    Raises ``FileNotFoundError`` for a path that does not exist.
    """
    files: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            found = pack_files(path)
        elif path.exists():
            found = [path]
        else:
            raise FileNotFoundError(str(path))
        for file in found:
            files.setdefault(file.resolve(), file)
    return list(files.values())


def validate_files(files: Sequence[Path], *, against_builtin: bool = True) -> Validation:
    """Every problem in ``files``, including ids that clash with each other or,
    with ``against_builtin``, with hotseat's own packs (as the app would see them)."""
    known = frozenset(known_competencies())
    registry = IdRegistry()
    checked = {f.resolve() for f in files}
    if against_builtin:
        for path in pack_files(resources.asset("questions")):
            if path.resolve() not in checked:
                registry.add(load_pack(path, competencies=known, builtin=True))
    report = Validation(files=list(files))
    for path in files:
        result = load_pack(path, competencies=known)
        clashes = registry.clashes(result)
        report.problems += sorted(result.problems + clashes, key=lambda p: p.line)
        # Ids of a broken file still count: every clash shows up in one run.
        if result.pack_id:
            registry.add(result)
        if result.pack is not None and not clashes:
            report.packs.append(result.pack)
    return report
