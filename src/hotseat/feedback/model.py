"""What feedback on one answer is made of. Plain data, easy to store and print."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("strength", "info", "minor", "major")
AREAS = ("content", "structure", "delivery", "relevance")


@dataclass(frozen=True)
class Context:
    """What the candidate told hotseat about the job."""

    company: str = ""
    role: str = ""
    notes: str = ""  # company notes and/or the job description


@dataclass(frozen=True)
class Evidence:
    text: str
    start: float | None = None
    end: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(text=str(data.get("text", "")), start=data.get("start"), end=data.get("end"))


@dataclass(frozen=True)
class Finding:
    id: str
    severity: str  # one of SEVERITIES
    area: str  # one of AREAS
    message: str
    evidence: tuple[Evidence, ...] = ()
    tip: str = ""
    weight: float = 0.0  # how much this finding moved the score (for ordering)

    @property
    def is_strength(self) -> bool:
        return self.severity == "strength"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": self.severity,
            "area": self.area,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
            "tip": self.tip,
            "weight": self.weight,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            id=str(data["id"]),
            severity=str(data.get("severity", "info")),
            area=str(data.get("area", "content")),
            message=str(data.get("message", "")),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence", [])),
            tip=str(data.get("tip", "")),
            weight=float(data.get("weight", 0.0)),
        )


@dataclass
class Feedback:
    score: int  # 0-100
    subscores: dict[str, int]
    metrics: dict[str, Any]
    findings: list[Finding]
    tips: list[str]
    explanation: list[str] = field(default_factory=list)  # how the score was reached
    assessable: bool = True  # False when there was nothing to assess

    @property
    def strengths(self) -> list[Finding]:
        return [f for f in self.findings if f.is_strength]

    @property
    def improvements(self) -> list[Finding]:
        """The (at most three) points to work on, most important first."""
        order = {"major": 0, "minor": 1, "info": 2}
        items = [f for f in self.findings if not f.is_strength and f.severity != "info"]
        items.sort(key=lambda f: (order.get(f.severity, 3), -f.weight))
        return items[:3]

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "subscores": dict(self.subscores),
            "metrics": self.metrics,
            "findings": [f.to_dict() for f in self.findings],
            "tips": list(self.tips),
            "explanation": list(self.explanation),
            "assessable": self.assessable,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Feedback:
        """Reload feedback saved with ``to_dict()`` (e.g. from the history database)."""
        return cls(
            score=int(data.get("score", 0)),
            subscores={str(k): int(v) for k, v in dict(data.get("subscores", {})).items()},
            metrics=dict(data.get("metrics", {})),
            findings=[Finding.from_dict(f) for f in data.get("findings", [])],
            tips=[str(t) for t in data.get("tips", [])],
            explanation=[str(e) for e in data.get("explanation", [])],
            assessable=bool(data.get("assessable", True)),
        )
