"""A session's turns in order: question numbers, follow-up chains, what comes next.

A follow-up is a turn of its own, inserted right after the turn it follows
(``Turn.follow_up_of`` is that turn's index); it belongs to the original
question of its chain, so it takes no number of its own ("question 2 of 5"
stays 2 through its follow-ups). :class:`~hotseat.session.engine.Session` keeps
the list and its position; these functions read and extend it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from hotseat.feedback.model import Feedback
from hotseat.questions.model import Question
from hotseat.session.turns import Timing, Turn


class FollowUpSource(Protocol):
    """Chooses a follow-up after an answer (see hotseat.session.followups.FollowUpPolicy)."""

    def choose(
        self, root: Question, feedback: Feedback, asked: Sequence[Question]
    ) -> Question | None: ...


def root_index(turns: Sequence[Turn], index: int) -> int:
    """The index of the original question a (chain of) follow-up(s) belongs to."""
    at = index
    while (parent := turns[at].follow_up_of) is not None:
        at = parent
    return at


def follow_ups_of(turns: Sequence[Turn], index: int) -> list[Turn]:
    """The follow-up turns asked (or planned) about the question at ``index``."""
    return [
        t
        for i, t in enumerate(turns)
        if t.follow_up_of is not None and root_index(turns, i) == index
    ]


def progress(turns: Sequence[Turn], index: int, asked_before: int) -> tuple[int, int]:
    """(the number of the question at ``index``, counting from 1; how many questions),
    ``asked_before`` (answered before a resume) counted in both."""
    roots = [i for i, t in enumerate(turns) if t.follow_up_of is None]
    current = root_index(turns, min(index, len(turns) - 1)) if turns else -1
    done = sum(1 for i in roots if i <= current)
    return done + asked_before, len(roots) + asked_before


def lead_in_key(turns: Sequence[Turn], index: int) -> str:
    """The persona line said before the question at ``index`` ("moving_on",
    "follow_up", '' for none): after a skipped question, 'skipped' instead of thanks."""
    turn = turns[index]
    before = turns[index - 1] if index > 0 else None
    if turn.lead_in == "moving_on" and before is not None and before.skipped:
        return "skipped"
    return turn.lead_in


def upcoming(turns: Sequence[Turn], index: int) -> Turn | None:
    """The turn after the one at ``index``, as planned now (None after the last)."""
    return turns[index + 1] if index + 1 < len(turns) else None


def chosen_follow_up(
    source: FollowUpSource, turns: Sequence[Turn], index: int, feedback: Feedback
) -> Question | None:
    """What ``source`` asks next about the answer at ``index`` (with its ``feedback``),
    given the original question and the follow-ups about it so far."""
    root = root_index(turns, index)
    asked = [t.question for t in follow_ups_of(turns, root)]
    return source.choose(turns[root].question, feedback, asked)


def insert_follow_up(
    turns: list[Turn], index: int, question: Question, timing: Timing | None = None
) -> Turn:
    """Insert a follow-up about the turn at ``index`` right after it; by default it
    has that turn's timing without thinking time."""
    parent = turns[index]
    turn = Turn(
        question=question,
        timing=timing or replace(parent.timing, prep_seconds=0),
        persona=parent.persona,
        follow_up_of=index,
        lead_in="follow_up",
    )
    turns.insert(index + 1, turn)
    return turn
