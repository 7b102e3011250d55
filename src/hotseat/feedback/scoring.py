"""Turn hits into findings, subscores and a line-by-line explanation of the score.

Each area starts at its base for the question's kind; every finding moves its
area by the rubric's points (times the severity factor: a minor problem counts
half); the area is then kept between 0 and its maximum and rounded. The score is
the sum of the four rounded subscores, so the explanation always adds up.

A red flag (running someone down, passing the blame, denying the premise, hiding a
mistake, turning teamwork down, boasting, a boast posing as a weakness, a failure too
small to show anything) sinks an answer
whatever else it has: its content strengths (numbers, one's own part, learning...) do
not offset it, so content is its start less its problems; the cut is named in the
content line. (Squeezing the whole score above a line instead made flagged answers tie.)
"""

from __future__ import annotations

from dataclasses import dataclass

from hotseat.feedback.findings import Hit
from hotseat.feedback.model import AREAS, Finding
from hotseat.feedback.rubric import Rubric

_ORDER = {"major": 0, "minor": 1, "strength": 2, "info": 3}
RED_FLAGS = frozenset(
    [
        *("negativity", "deflects-blame", "denial", "conceals-mistake", "prefers-alone"),
        *("arrogance", "weakness-cliche", "trivial-failure"),
    ]
)
# The strengths each check can find: what earns an area's points above its start.
EARNED_BY: dict[str, tuple[str, ...]] = {
    "story": ("star-situation", "star-action", "star-result"),
    "plan": ("plan-steps",),
    "reasons": ("reasons-given",),
    "specific": ("specific-example",),
    "impact": ("quantified-impact",),
    "ownership": ("own-contribution",),
    "owns": ("owns-mistake",),
    "learning": ("growth",),
    "weakness": ("weakness-named", "improving"),
    "resolution": ("resolved",),
    "coping": ("copes",),
    "leading": ("leads",),
    "fit": ("fit-shown",),
    "forward": ("forward-looking",),
    "goals": ("goals",),
    "salary": ("salary-ready",),
    "enthusiasm": ("enthusiasm",),
    "closing": ("thoughtful-questions",),
    "topic": ("on-topic",),
    "look-for": ("look-for-covered",),
    "research": ("research-shown",),
    "tailoring": ("tailored",),
    "delivery": ("pace-good", "fillers-low"),
    "length": ("length-good",),
}


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
    moves: dict[str, list[float]] = {area: [] for area in AREAS}
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
            moves[rule.area].append(points)
            note = ", minor" if hit.severity == "minor" else ""
            steps[rule.area].append(f"{rule.label} ({_signed(points)}{note})")
    subscores: dict[str, int] = {}
    parts: dict[str, list[str]] = {}
    for area in AREAS:
        top = rubric.maxima[area]
        kept = min(top, max(0.0, totals[area]))
        subscores[area] = round(kept)
        parts[area] = [f"starts at {start[area]:g}", *steps[area]]
        if kept != totals[area]:
            parts[area].append(f"kept within 0-{top:g}")
    flags = [f for f in findings if f.id in RED_FLAGS and f.severity == "major"]
    if flags:
        # The content strengths of an answer with a red flag do not offset it.
        label = rubric.findings[max(flags, key=lambda f: f.weight).id].label
        held = start["content"] + sum(min(0.0, p) for p in moves["content"])
        cut = subscores["content"] - round(min(rubric.maxima["content"], max(0.0, held)))
        if cut > 0:
            subscores["content"] -= cut
            parts["content"].append(f"red flag ({label}): content strengths do not count (-{cut})")
    for area in AREAS:
        if subscores[area] < rubric.maxima[area] and not steps[area]:
            parts[area].append(_how_to_earn(area, kind, rubric, {f.id for f in findings}))
    explanation = [
        f"{area} {subscores[area]}/{rubric.maxima[area]:g}: " + ", ".join(parts[area])
        for area in AREAS
    ]
    findings.sort(key=lambda f: (_ORDER.get(f.severity, 4), -f.weight))
    return Scored(sum(subscores.values()), subscores, findings, explanation)


def _how_to_earn(area: str, kind: str, rubric: Rubric, found: set[str]) -> str:
    """What moves an area no finding moved: the strengths this kind of question marks
    there, or that it stays where a plain, clear answer leaves it."""
    checks = rubric.kind(kind).checks
    labels = [
        rubric.findings[fid].label
        for check in sorted(checks)
        for fid in EARNED_BY.get(check, ())
        if fid not in found
        and rubric.findings[fid].area == area
        and rubric.findings[fid].points > 0
    ]
    if labels:
        return "the rest is earned by: " + "; ".join(dict.fromkeys(labels))
    return "a clear answer to this kind of question keeps this; nothing here adds to it"
