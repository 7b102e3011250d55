"""Feedback for one answer and the session summary, as the screens show them.

The judgement is the feedback engine's (``hotseat.feedback.analyze`` and
``summarize``); this module only guards the interview against a failure there
and lays the session out per question, follow-ups and skipped ones included.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hotseat.feedback import Context, Feedback, Finding, analyze, summarize
from hotseat.questions import Question
from hotseat.session import Turn
from hotseat.session.engine import Analyzer
from hotseat.transcript import Transcript
from hotseat.tui.options import Analyze


def analyze_answer(question: Question, transcript: Transcript, context: Context) -> Feedback:
    """The feedback engine's verdict; a failure there becomes a note, never a crash."""
    try:
        return analyze(question, transcript, context)
    except Exception as exc:
        return failed_feedback(exc)


def analyzer_for(context: Context, judge: Analyze | None = None) -> Analyzer:
    """The session engine's analyzer: each turn's answer, judged with the job context."""
    verdict = judge or analyze_answer

    def analyzer(turn: Turn, transcript: Transcript) -> Feedback:
        try:
            return verdict(turn.question, transcript, context)
        except Exception as exc:
            return failed_feedback(exc)

    return analyzer


def failed_feedback(error: Exception) -> Feedback:
    note = Finding(
        id="analysis-failed",
        severity="info",
        area="content",
        message=f"The answer could not be analysed ({type(error).__name__}: {error}).",
    )
    return Feedback(0, {}, {}, [note], [], assessable=False)


@dataclass(frozen=True)
class SummaryRow:
    number: int
    question: str
    score: int | None  # None: skipped, not answered or not assessable
    status: str  # "answered", "skipped", "not assessed", "not answered"
    work_on: str = ""
    follow_up: bool = False  # a follow-up to question ``number``


@dataclass
class Summary:
    rows: list[SummaryRow]
    strengths: list[str] = field(default_factory=list)
    practise_next: list[str] = field(default_factory=list)
    strongest: SummaryRow | None = None
    average: float | None = None

    @property
    def answered(self) -> int:
        return sum(1 for r in self.rows if r.status in ("answered", "not assessed"))

    @property
    def assessed(self) -> int:
        return sum(1 for r in self.rows if r.score is not None)


def _row(turn: Turn, number: int) -> SummaryRow:
    text, follow_up = turn.question.text, turn.follow_up_of is not None
    feedback = turn.feedback
    if turn.skipped:
        return SummaryRow(number, text, None, "skipped", follow_up=follow_up)
    if turn.answer is None:
        return SummaryRow(number, text, None, "not answered", follow_up=follow_up)
    if feedback is None or not feedback.assessable:
        main = feedback.findings[0].message if feedback and feedback.findings else ""
        return SummaryRow(number, text, None, "not assessed", main, follow_up)
    top = feedback.improvements
    work_on = top[0].message if top else ""
    return SummaryRow(number, text, feedback.score, "answered", work_on, follow_up)


def summarize_turns(turns: list[Turn]) -> Summary:
    rows: list[SummaryRow] = []
    judged: list[tuple[str, Feedback]] = []
    judged_rows: list[SummaryRow] = []
    number = 0
    for turn in turns:
        if turn.follow_up_of is not None and turn.answer is None and not turn.skipped:
            continue  # planned, never asked
        if turn.follow_up_of is None:
            number += 1
        row = _row(turn, number)
        rows.append(row)
        if turn.feedback is not None and turn.answer is not None and not turn.skipped:
            judged.append((turn.question.text, turn.feedback))
            judged_rows.append(row)
    if not judged:
        return Summary(rows)
    overall = summarize(judged)
    strongest = judged_rows[overall.strongest.index] if overall.strongest else None
    return Summary(
        rows=rows,
        strengths=list(overall.strengths),
        practise_next=list(overall.practise_next),
        strongest=strongest,
        average=overall.average_score,
    )
