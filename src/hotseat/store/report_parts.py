"""The pieces every report format shares: dates, durations, facts and findings.

Nothing here depends on the moment a report is made, so exporting twice gives
identical files (diffable over time).
"""

from __future__ import annotations

import time

from hotseat.feedback.model import Finding
from hotseat.session.summary import how_it_ended
from hotseat.store.records import PROVISIONAL, AnswerRecord, SessionInfo


def when(epoch: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(epoch))


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    total = round(seconds)
    return f"{total // 60}:{total % 60:02d}"


def session_title(info: SessionInfo) -> str:
    return f"Session {info.id}, {when(info.started_at)}"


def session_facts(info: SessionInfo) -> list[tuple[str, str]]:
    facts = [("Mode", info.mode or "-"), ("Interviewer", info.persona or "-")]
    if info.company:
        facts.append(("Company", info.company))
    if info.role:
        facts.append(("Role", info.role))
    facts.append(("Status", info.status))
    answered, planned = info.progress
    facts.append(("Questions", f"{answered} answered of {planned}"))
    average = "-" if info.average_score is None else f"{info.average_score:.0f}/100"
    facts.append(("Average score", average))
    return facts


def answer_facts(answer: AnswerRecord) -> list[tuple[str, str]]:
    facts = [("Category", answer.category or "-")]
    if answer.competencies:
        facts.append(("Competencies", ", ".join(answer.competencies)))
    if answer.skipped:
        facts.append(("Answer", "skipped"))
        return facts
    score = "not assessed" if answer.score is None else f"{answer.score}/100"
    if answer.subscores:
        score += " (" + ", ".join(f"{k} {v}" for k, v in answer.subscores.items()) + ")"
    if answer.provisional:
        score += f"; provisional: {PROVISIONAL}"
    facts.append(("Score", score))
    length, after = clock(answer.transcript.duration), ""
    spoken = answer.metrics.get("estimated_seconds")
    if answer.transcript.engine == "typed" and isinstance(spoken, int | float) and spoken > 0:
        # The length the feedback judged: typing time says nothing about speaking time.
        length, after = (
            f"about {clock(spoken)} spoken",
            f", estimated from the words; typed in {length}",
        )
    if answer.answer_min is not None and answer.answer_max is not None:
        length += f" (aim {clock(answer.answer_min)}-{clock(answer.answer_max)})"
    ended = how_it_ended(answer.interrupted, answer.transcript.notes)
    facts.append(("Length", length + after + (f", {ended}" if ended else "")))
    if answer.wpm is not None:
        facts.append(("Words per minute", f"{answer.wpm:.0f}"))
    if answer.fillers_per_100 is not None:
        facts.append(("Fillers per 100 words", f"{answer.fillers_per_100:.1f}"))
    if answer.long_pauses is not None:
        facts.append(("Pauses over 2 s", f"{answer.long_pauses:.0f}"))
    return facts


def evidence_text(finding: Finding) -> list[str]:
    out = []
    for item in finding.evidence:
        at = f" (at {clock(item.start)})" if item.start is not None else ""
        out.append(f"\u201c{item.text}\u201d{at}")
    return out


def finding_groups(answer: AnswerRecord) -> list[tuple[str, list[Finding]]]:
    """(heading, findings): strengths, the top points to work on, everything else."""
    feedback = answer.feedback
    if feedback is None:
        return []
    improvements = feedback.improvements
    shown = {id(f) for f in improvements} | {id(f) for f in feedback.strengths}
    others = [f for f in feedback.findings if id(f) not in shown]
    groups = [
        ("Strengths", feedback.strengths),
        ("To work on", improvements),
        ("Also noticed", others),
    ]
    return [(title, items) for title, items in groups if items]
