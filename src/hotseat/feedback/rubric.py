"""The scoring rubric (``assets/rubric.toml``): weights, thresholds and tips, validated.

A user's ``<config>/rubric.toml`` is laid over the built-in file key by key, so a
user changes one weight without copying the rest. Any problem raises
``RubricError`` naming the file, the key and its line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hotseat import paths, resources
from hotseat.feedback.model import AREAS
from hotseat.tomlcheck import TomlFileError, positive_number, read_checked
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


class _Validator:
    def __init__(self, files: list[tuple[Path, str, dict[str, Any]]]) -> None:
        self.files = files  # (path, text, data), the last one wins

    def fail(self, dotted: str, message: str) -> RubricError:
        parts = dotted.split(".")
        for path, text, data in reversed(self.files):
            node: Any = data
            for part in parts:
                node = node.get(part) if isinstance(node, dict) else None
            if node is not None or len(self.files) == 1:
                return RubricError(f"{path}:{_line(text, dotted)}: '{dotted}': {message}")
        path, text, _ = self.files[0]
        return RubricError(f"{path}:{_line(text, dotted)}: '{dotted}': {message}")

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key.split(".")[-1])
        if not isinstance(value, dict):
            raise self.fail(key, "missing table")
        return value

    def number(self, data: dict[str, Any], key: str) -> float:
        """A finite number of zero or more (above zero for the keys in ``_ABOVE_ZERO``)."""
        value = data.get(key.split(".")[-1])
        problem = positive_number(value, allow_zero=key not in _ABOVE_ZERO)
        if problem or not isinstance(value, int | float):
            raise self.fail(key, problem or "must be a number")
        return float(value)

    def points(self, data: dict[str, Any], key: str) -> float:
        """A finite number of either sign (finding points are mostly negative)."""
        value = data.get(key.split(".")[-1])
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, "must be a number")
        if not math.isfinite(value):
            raise self.fail(key, f"must be a finite number, not {value}")
        return float(value)

    def pair(self, data: dict[str, Any], key: str) -> tuple[float, float]:
        value = data.get(key.split(".")[-1])
        if (
            not isinstance(value, list)
            or len(value) != 2
            or any(positive_number(v, allow_zero=True) for v in value)
            or value[0] > value[1]
        ):
            raise self.fail(key, "must be [low, high]: finite numbers, 0 <= low <= high")
        return float(value[0]), float(value[1])


def _line(text: str, dotted: str) -> int:
    return TomlLines(text).dotted(dotted) or 1


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
    return _build(data, _Validator(files), " + ".join(str(f[0]) for f in files))


def _build(data: dict[str, Any], v: _Validator, source: str) -> Rubric:
    from hotseat.feedback.findings import FINDING_IDS

    areas = v.table(data, "areas")
    maxima = {a: v.number(v.table(areas, f"areas.{a}"), f"areas.{a}.max") for a in AREAS}
    default_start = {a: v.number(v.table(areas, f"areas.{a}"), f"areas.{a}.start") for a in AREAS}
    if abs(sum(maxima.values()) - 100) > 1e-9:
        raise v.fail("areas", f"the four maxima must add up to 100, not {sum(maxima.values()):g}")
    sev = v.table(data, "severity")
    severity = {s: v.number(sev, f"severity.{s}") for s in ("major", "minor")}
    severity.update(strength=1.0, info=0.0)
    numbers: dict[str, float] = {}
    for section_name, keys in _NUMBERS.items():
        section = v.table(data, section_name)
        for key in keys:
            numbers[f"{section_name}.{key}"] = v.number(section, f"{section_name}.{key}")
    pace_band = v.pair(v.table(data, "delivery"), "delivery.pace_band")
    kinds: dict[str, KindRule] = {}
    for name, raw in v.table(data, "kinds").items():
        key = f"kinds.{name}"
        if not isinstance(raw, dict):
            raise v.fail(key, "must be a table")
        checks = raw.get("checks")
        if not isinstance(checks, list) or not all(c in CHECKS for c in checks):
            raise v.fail(f"{key}.checks", f"must be a list of: {', '.join(CHECKS)}")
        start = dict(default_start)
        given = raw.get("start", {})
        if not isinstance(given, dict):
            raise v.fail(f"{key}.start", "must be a table of area = number")
        for area in given:
            if area not in AREAS:
                raise v.fail(f"{key}.start", f"unknown area {area!r}")
            start[area] = v.number(given, f"{key}.start.{area}")
            if start[area] > maxima[area]:
                raise v.fail(f"{key}.start.{area}", "must not exceed the area's max")
        tips = raw.get("tips", {})
        if not isinstance(tips, dict) or not all(
            fid in FINDING_IDS and isinstance(tip, str) and tip.strip() for fid, tip in tips.items()
        ):
            raise v.fail(f"{key}.tips", 'must be a table of finding id = "tip text"')
        kinds[name] = KindRule(v.pair(raw, f"{key}.band"), frozenset(checks), start, dict(tips))
    if "general" not in kinds:
        raise v.fail("kinds", "needs a [kinds.general] table for questions of unknown kind")
    findings: dict[str, FindingRule] = {}
    for fid, raw in v.table(data, "findings").items():
        key = f"findings.{fid}"
        if fid not in FINDING_IDS:
            raise v.fail(key, "unknown finding id")
        if not isinstance(raw, dict) or raw.get("area") not in AREAS:
            raise v.fail(f"{key}.area", f"must be one of {', '.join(AREAS)}")
        for text_key in ("label", "tip"):
            if not isinstance(raw.get(text_key), str) or not raw[text_key].strip():
                raise v.fail(f"{key}.{text_key}", "must be a non-empty string")
        points = v.points(raw, f"{key}.points")
        findings[fid] = FindingRule(raw["area"], points, raw["label"], raw["tip"])
    missing = sorted(FINDING_IDS - set(findings))
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise v.fail("findings", f"missing [findings.{missing[0]}]{more}")
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
