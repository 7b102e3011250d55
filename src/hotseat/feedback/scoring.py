"""Turn hits into findings, subscores and a line-by-line explanation of the score.

Each area starts at its base for the question's kind; every finding moves its
area by the rubric's points (times the severity factor: a minor problem counts
half); the area is then kept between 0 and its maximum and rounded. The score is
the sum of the four rounded subscores, so the explanation always adds up.
"""

from __future__ import annotations

from dataclasses import dataclass

from hotseat.feedback.findings import Hit
from hotseat.feedback.model import AREAS, Finding
from hotseat.feedback.rubric import Rubric

_ORDER = {"major": 0, "minor": 1, "strength": 2, "info": 3}


@dataclass(frozen=True)
class Scored:
    score: int
    subscores: dict[str, int]
    findings: list[Finding]
    explanation: list[str]


def _signed(points: float) -> str:
    return f"{points:+.1f}".replace(".0", "")


def score(hits: list[Hit], rubric: Rubric, kind: str) -> Scored:
    start = rubric.kind(kind).start
    tips = rubric.kind(kind).tips
    totals = dict(start)
    steps: dict[str, list[str]] = {area: [] for area in AREAS}
    findings: list[Finding] = []
    for hit in hits:
        rule = rubric.findings[hit.id]
        factor = rubric.severity[hit.severity]
        points = rule.points * factor if hit.severity != "strength" else abs(rule.points)
        if hit.severity in ("major", "minor"):
            points = -abs(points)
        findings.append(
            Finding(
                id=hit.id,
                severity=hit.severity,
                area=rule.area,
                message=hit.message,
                evidence=hit.evidence,
                tip=tips.get(hit.id, rule.tip),
                weight=abs(points),
            )
        )
        if points:
            totals[rule.area] += points
            note = ", minor" if hit.severity == "minor" else ""
            steps[rule.area].append(f"{rule.label} ({_signed(points)}{note})")
    subscores: dict[str, int] = {}
    explanation: list[str] = []
    for area in AREAS:
        top = rubric.maxima[area]
        kept = min(top, max(0.0, totals[area]))
        subscores[area] = round(kept)
        parts = [f"starts at {start[area]:g}", *steps[area]]
        if kept != totals[area]:
            parts.append(f"kept within 0-{top:g}")
        explanation.append(f"{area} {subscores[area]}/{top:g}: " + ", ".join(parts))
    findings.sort(key=lambda f: (_ORDER.get(f.severity, 4), -f.weight))
    return Scored(sum(subscores.values()), subscores, findings, explanation)
