"""The scoring rubric (``assets/rubric.toml``): weights, thresholds and tips, validated.

A user's ``<config>/rubric.toml`` is laid over the built-in file key by key, so a
user changes one weight without copying the rest. Any problem raises
``RubricError`` naming the file, the key and its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from hotseat import paths, resources
from hotseat.feedback.model import AREAS
from hotseat.feedback.rubric_fields import RubricError as RubricError
from hotseat.feedback.rubric_fields import RubricFields, read_file

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
    "recital",
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
    "summary": ("strongest_min",),
}


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


def load_rubric(path: Path | None = None, user_path: Path | None = None) -> Rubric:
    files = [read_file(path or resources.asset("rubric.toml"))]
    if user_path is not None and user_path.is_file():
        files.append(read_file(user_path))
    data: dict[str, Any] = {}
    for _, _, part in files:
        data = _merge(data, part)
    return _build(data, RubricFields(files), " + ".join(str(f[0]) for f in files))


def _build(data: dict[str, Any], read: RubricFields, source: str) -> Rubric:
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
        read_start = RubricFields(read.files, read_kind.dotted("start"))
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
        read_finding = RubricFields(read.files, read_findings.dotted(fid))
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
