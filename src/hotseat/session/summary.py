"""A session laid out for its summary: one row per question asked.

Follow-ups and skipped questions keep their place; the overall judgement
(strengths, what to practise next, the strongest answer) is the feedback
engine's ``summarize``. An answer the user cut short (quit or End mid-answer) is
kept and shown, marked interrupted, but left out of that judgement: half an
answer says little about the whole one. An answer the interviewer cut off at a
drill's time limit is a whole answer by the drill's rules and counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from hotseat.feedback import Feedback, summarize
from hotseat.session.turns import Turn
from hotseat.transcript import Note, NoteKind

# The note on an answer the user cut short (it is saved as it stood, interrupted).
QUIT_NOTE = "interrupted by quit"
END_NOTE = "interrupted by ending the session"

# How an answer that did not end by itself ended, as every screen and report says it.
STOPPED_BY_YOU = "stopped by you mid-answer"
CUT_OFF_AT_LIMIT = "cut off at the time limit"


@dataclass(frozen=True)
class SummaryRow:
    number: int
    question: str
    score: int | None  # None: skipped, not answered or not assessable
    status: str  # "answered", "skipped", "not assessed", "not answered", "interrupted"
    work_on: str = ""
    follow_up: bool = False  # a follow-up to question ``number``
    cut_off: bool = False  # the interviewer cut in at the drill's time limit


@dataclass
class Summary:
    rows: list[SummaryRow]
    strengths: list[str] = field(default_factory=list)
    practise_next: list[str] = field(default_factory=list)
    strongest: SummaryRow | None = None
    average: float | None = None

    @property
    def answered(self) -> int:
        return sum(1 for r in self.rows if r.status in ("answered", "not assessed", "interrupted"))

    @property
    def assessed(self) -> int:
        """Answers in the average (not the interrupted ones, even with a score)."""
        return sum(1 for r in self.rows if r.score is not None and r.status == "answered")

    @property
    def interrupted(self) -> int:
        return sum(1 for r in self.rows if r.status == "interrupted")


# (Why it is still being finished, the machine or the user's choice, is the answer's note.)
STILL_FINISHING = "The transcript is still being finished from the recording; the score follows."
PROVISIONAL = (
    "(Scored on the words recognised live, while the transcript is still being finished "
    "from the recording.)"
)
TOO_FEW_RECOGNISED = (
    "Too few words were heard to assess; the answer's note says what went wrong with "
    "the microphone or the recognition (not with your answer)."
)


def how_it_ended(interrupted: bool, notes: Sequence[Note]) -> str:
    """'' for an answer that ended as answers do; else who cut it short, in the words
    every screen uses: the user (quit or End, a ``STOPPED`` note) or the interviewer
    at a drill's time limit (interrupted with no such note)."""
    if not interrupted:
        return ""
    if any(note.kind is NoteKind.STOPPED for note in notes):
        return STOPPED_BY_YOU
    return CUT_OFF_AT_LIMIT


def cut_short(turn: Turn) -> bool:
    """The user stopped this answer midway (quit or End): it is kept as it stood."""
    if turn.answer is None:
        return False
    return how_it_ended(turn.interrupted, turn.answer.notes) == STOPPED_BY_YOU


def _row(turn: Turn, number: int) -> SummaryRow:
    text, follow_up = turn.question.text, turn.follow_up_of is not None
    feedback = turn.feedback
    if turn.skipped:
        return SummaryRow(number, text, None, "skipped", follow_up=follow_up)
    if turn.answer is None:
        return SummaryRow(number, text, None, "not answered", follow_up=follow_up)
    if cut_short(turn):
        score = feedback.score if feedback is not None and feedback.assessable else None
        return SummaryRow(number, text, score, "interrupted", follow_up=follow_up)
    cut_off = turn.interrupted  # by the interviewer, at the limit: a whole answer
    if turn.answer.pending and (feedback is None or not feedback.assessable):
        return SummaryRow(number, text, None, "not assessed", STILL_FINISHING, follow_up, cut_off)
    if feedback is None or not feedback.assessable:
        main = feedback.findings[0].message if feedback and feedback.findings else ""
        lost = any(note.incomplete for note in turn.answer.notes)
        if lost and feedback is not None and feedback.findings[0].id == "nothing-to-assess":
            main = TOO_FEW_RECOGNISED  # the words were lost, not unsaid
        return SummaryRow(number, text, None, "not assessed", main, follow_up, cut_off)
    top = feedback.improvements
    work_on = top[0].message if top else ""
    if turn.answer.pending:
        work_on = f"{PROVISIONAL} {work_on}".strip()
    return SummaryRow(number, text, feedback.score, "answered", work_on, follow_up, cut_off)


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
        if turn.feedback is not None and row.status in ("answered", "not assessed"):
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
