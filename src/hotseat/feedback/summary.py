"""The end of a session: the strongest answer, what keeps coming back, what to practise.

A weakness "recurs" when the same finding id is a problem in two or more answers.
The three things to practise next are the recurring weaknesses first (most
frequent, then costliest; each says in how many answers it came up), then the
main point of the weakest answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from hotseat.feedback.model import Feedback, Finding
from hotseat.feedback.rubric import Rubric, default_rubric

PRACTISE_COUNT = 3
# Kinds scored on a rubric of their own, never named the strongest answer.
_OWN_RUBRIC = frozenset({"questions-for-us"})


@dataclass(frozen=True)
class AnswerSummary:
    index: int
    question: str
    score: int
    assessable: bool
    main_point: str  # the first improvement's message, or "" when there is none


@dataclass(frozen=True)
class Recurring:
    id: str
    label: str
    count: int  # in how many answers
    answers: tuple[int, ...]  # their indexes
    tip: str


@dataclass
class SessionSummary:
    answers: list[AnswerSummary]
    average_score: float | None  # over the answers that could be assessed
    strongest: AnswerSummary | None
    recurring: list[Recurring]
    practise_next: list[str]
    strengths: list[str] = field(default_factory=list)  # labels of strengths seen 2+ times

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": [asdict(a) for a in self.answers],
            "average_score": self.average_score,
            "strongest": asdict(self.strongest) if self.strongest else None,
            "recurring": [asdict(r) | {"answers": list(r.answers)} for r in self.recurring],
            "practise_next": list(self.practise_next),
            "strengths": list(self.strengths),
        }


def _label(rubric: Rubric, finding: Finding) -> str:
    rule = rubric.findings.get(finding.id)
    return rule.label if rule else finding.id


def _practice_line(label: str, tip: str, where: str = "") -> str:
    return f"{label[:1].upper()}{label[1:]}{where}: {tip}"


def _strongest(
    assessed: list[AnswerSummary], items: Sequence[tuple[str, Feedback]], rubric: Rubric
) -> AnswerSummary | None:
    """The best answer worth calling strong: at least ``summary.strongest_min``, and
    never one to the closing turn (its own rubric: a score there is not comparable)."""
    bar = rubric.n("summary.strongest_min")
    strong = [
        a
        for a in assessed
        if a.score >= bar and items[a.index][1].metrics.get("kind") not in _OWN_RUBRIC
    ]
    return max(strong, key=lambda a: (a.score, -a.index)) if strong else None


def summarize(
    items: Sequence[tuple[str, Feedback]], *, rubric: Rubric | None = None
) -> SessionSummary:
    """Summarise a session from (question text, feedback) per answer, in order."""
    rubric = rubric or default_rubric()
    answers: list[AnswerSummary] = []
    problems: dict[str, list[tuple[int, Finding]]] = {}
    strengths: dict[str, set[int]] = {}
    for index, (question, feedback) in enumerate(items):
        improvements = feedback.improvements
        answers.append(
            AnswerSummary(
                index=index,
                question=question,
                score=feedback.score,
                assessable=feedback.assessable,
                main_point=improvements[0].message if improvements else "",
            )
        )
        seen: set[str] = set()
        for finding in feedback.findings:
            if finding.severity in ("major", "minor") and finding.id not in seen:
                seen.add(finding.id)
                problems.setdefault(finding.id, []).append((index, finding))
            elif finding.is_strength:
                strengths.setdefault(finding.id, set()).add(index)
    assessed = [a for a in answers if a.assessable]
    average = round(sum(a.score for a in assessed) / len(assessed), 1) if assessed else None
    strongest = _strongest(assessed, items, rubric)
    recurring = [
        Recurring(
            id=fid,
            label=_label(rubric, found[0][1]),
            count=len(found),
            answers=tuple(i for i, _ in found),
            tip=found[0][1].tip,
        )
        for fid, found in problems.items()
        if len(found) >= 2
    ]
    recurring.sort(key=lambda r: (-r.count, -sum(f.weight for _, f in problems[r.id]), r.id))
    practise: list[str] = []
    chosen: set[str] = set()
    for r in recurring[:PRACTISE_COUNT]:
        practise.append(_practice_line(r.label, r.tip, f" (in {r.count} of {len(items)} answers)"))
        chosen.add(r.id)
    # Then the main point of the weakest answers, then their second points, ...
    by_score = sorted(assessed, key=lambda a: (a.score, a.index))
    for rank in range(PRACTISE_COUNT):
        for answer in by_score:
            improvements = items[answer.index][1].improvements
            if len(practise) < PRACTISE_COUNT and rank < len(improvements):
                finding = improvements[rank]
                if finding.id not in chosen:
                    practise.append(_practice_line(_label(rubric, finding), finding.tip))
                    chosen.add(finding.id)
    common = sorted(strengths.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    strong_labels = [
        rubric.findings[fid].label if fid in rubric.findings else fid
        for fid, where in common
        if len(where) >= 2
    ][:3]
    return SessionSummary(answers, average, strongest, recurring, practise, strong_labels)
