"""The scoring rubric (``assets/rubric.toml``): weights, thresholds and tips, validated.

A user's ``<config>/rubric.toml`` is laid over the built-in file key by key, so a
user changes one weight without copying the rest. Any problem raises
``RubricError`` naming the file, the key and its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from hotseat import paths, resources
from hotseat.feedback.model import AREAS
from hotseat.tomlcheck import TomlFileError, positive_number, read_checked
from hotseat.tomlfields import FieldReader
from hotseat.tomlfile import TomlLines

CHECKS = (
    "star",
    "plan",
    "reasons",
    "specific",
    "impact",
    "ownership",
    "growth",
    "adaptability",
    "negativity",
    "enthusiasm",
    "research",
    "tailoring",
    "closing",
    "topic",
    "look-for",
    "length",
    "delivery",
    "story",
    "owns",
    "learning",
    "weakness",
    "resolution",
    "coping",
    "leading",
    "credit",
    "fit",
    "forward",
    "goals",
    "salary",
    "claims",
    "money",
    "private",
)

_NUMBERS: dict[str, tuple[str, ...]] = {
    "delivery": (
        "pace_far",
        "typed_wpm",
        "pause_seconds",
        "pauses_allowed",
        "long_pause_seconds",
        "first_word_seconds",
        "fillers_fine",
        "fillers_minor",
        "fillers_major",
        "cluster_gap",
        "hedges_per_100",
        "hedges_major",
        "hedges_min",
        "repeat_phrase_min",
        "stutter_min",
    ),
    "length": ("short_major", "near_share", "long_major", "ramble_share"),
    "topic": ("major_max", "minor_max"),
    "limits": ("min_words", "max_words", "language_min_words", "english_share"),
}
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


@dataclass(frozen=True)
class FindingRule:
    area: str
    points: float
    label: str
    tip: str


@dataclass(frozen=True)
class KindRule:
    band: tuple[float, float]
    checks: frozenset[str]
    start: dict[str, float]
    tips: dict[str, str] = field(default_factory=dict)  # finding id -> this kind's own tip


@dataclass(frozen=True)
class Rubric:
    maxima: dict[str, float]
    severity: dict[str, float]
    pace_band: tuple[float, float]
    numbers: dict[str, float]  # "delivery.pause_seconds" -> 2.0, ...
    kinds: dict[str, KindRule]
    findings: dict[str, FindingRule]
    source: str = ""

    def n(self, key: str) -> float:
        return self.numbers[key]

    def kind(self, name: str) -> KindRule:
        return self.kinds.get(name) or self.kinds["general"]


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


class _Fields(FieldReader):
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

    def table(self, raw: dict[str, Any], key: str) -> tuple[dict[str, Any], _Fields]:
        """The table ``key`` and a reader of its fields."""
        value = raw.get(key)
        if not isinstance(value, dict):
            self.bad(key, "missing table" if value is None else "must be a table")
        return value, _Fields(self.files, self.dotted(key))

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


def _read(path: Path) -> tuple[Path, str, dict[str, Any]]:
    """Read within tomlcheck's size and nesting limits; a problem names the line."""
    try:
        data, text = read_checked(path)
    except TomlFileError as exc:
        raise RubricError(str(exc)) from None
    return path, text, data


def load_rubric(path: Path | None = None, user_path: Path | None = None) -> Rubric:
    files = [_read(path or resources.asset("rubric.toml"))]
    if user_path is not None and user_path.is_file():
        files.append(_read(user_path))
    data: dict[str, Any] = {}
    for _, _, part in files:
        data = _merge(data, part)
    return _build(data, _Fields(files), " + ".join(str(f[0]) for f in files))


def _build(data: dict[str, Any], read: _Fields, source: str) -> Rubric:
    from hotseat.feedback.findings import FINDING_IDS

    areas, read_areas = read.table(data, "areas")
    maxima: dict[str, float] = {}
    default_start: dict[str, float] = {}
    for name in AREAS:
        area, read_area = read_areas.table(areas, name)
        maxima[name] = read_area.number(area, "max")
        default_start[name] = read_area.number(area, "start")
    if abs(sum(maxima.values()) - 100) > 1e-9:
        read.bad("areas", f"the four maxima must add up to 100, not {sum(maxima.values()):g}")
    sev, read_sev = read.table(data, "severity")
    severity = {s: read_sev.number(sev, s) for s in ("major", "minor")}
    severity.update(strength=1.0, info=0.0)
    numbers: dict[str, float] = {}
    for section_name, keys in _NUMBERS.items():
        section, read_section = read.table(data, section_name)
        for key in keys:
            numbers[f"{section_name}.{key}"] = read_section.number(section, key)
    delivery, read_delivery = read.table(data, "delivery")
    pace_band = read_delivery.pair(delivery, "pace_band")
    kinds: dict[str, KindRule] = {}
    kind_tables, read_kinds = read.table(data, "kinds")
    for name in kind_tables:
        raw, read_kind = read_kinds.table(kind_tables, name)
        checks = raw.get("checks")
        if not isinstance(checks, list) or not all(c in CHECKS for c in checks):
            read_kind.bad("checks", f"must be a list of: {', '.join(CHECKS)}")
        start = dict(default_start)
        given = raw.get("start", {})
        if not isinstance(given, dict):
            read_kind.bad("start", "must be a table of area = number")
        read_start = _Fields(read.files, read_kind.dotted("start"))
        for area in given:
            if area not in AREAS:
                read_kind.bad("start", f"unknown area {area!r}")
            start[area] = read_start.number(given, area)
            if start[area] > maxima[area]:
                read_start.bad(area, "must not exceed the area's max")
        tips = raw.get("tips", {})
        if not isinstance(tips, dict) or not all(
            fid in FINDING_IDS and isinstance(tip, str) and tip.strip() for fid, tip in tips.items()
        ):
            read_kind.bad("tips", 'must be a table of finding id = "tip text"')
        kinds[name] = KindRule(read_kind.pair(raw, "band"), frozenset(checks), start, dict(tips))
    if "general" not in kinds:
        read.bad("kinds", "needs a [kinds.general] table for questions of unknown kind")
    findings: dict[str, FindingRule] = {}
    finding_tables, read_findings = read.table(data, "findings")
    for fid, raw in finding_tables.items():
        if fid not in FINDING_IDS:
            read_findings.bad(fid, "unknown finding id")
        read_finding = _Fields(read.files, read_findings.dotted(fid))
        if not isinstance(raw, dict) or raw.get("area") not in AREAS:
            read_finding.bad("area", f"must be one of {', '.join(AREAS)}")
        for text_key in ("label", "tip"):
            if not isinstance(raw.get(text_key), str) or not raw[text_key].strip():
                read_finding.bad(text_key, "must be a non-empty string")
        points = read_finding.points(raw, "points")
        findings[fid] = FindingRule(raw["area"], points, raw["label"], raw["tip"])
    missing = sorted(FINDING_IDS - set(findings))
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        read.bad("findings", f"missing [findings.{missing[0]}]{more}")
    return Rubric(maxima, severity, pace_band, numbers, kinds, findings, source)


@cache
def _cached(config: str) -> tuple[Rubric, str]:
    user = Path(config) / "rubric.toml"
    try:
        return load_rubric(user_path=user), ""
    except RubricError as exc:
        if not user.is_file():
            raise  # the built-in rubric is broken: a bug in hotseat itself
        return load_rubric(), f"{exc} (the built-in rubric was used instead)"


def default_rubric() -> Rubric:
    """The built-in rubric with the user's overrides, read once per config folder.

    A broken user file never stops feedback: the built-in rubric is used and
    ``rubric_problem()`` says why.
    """
    return _cached(str(paths.config_dir()))[0]


def rubric_problem() -> str:
    """Why the user's rubric.toml was ignored, or ''."""
    return _cached(str(paths.config_dir()))[1]
