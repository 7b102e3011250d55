"""A mistake owned and learned from: the candidate's own part in what went wrong
(not a duty held), and what they learned or do differently since (not a lesson that
other people cannot be trusted).
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.quoting import either, flag
from hotseat.feedback.redflags import check_denial
from hotseat.feedback.sense import OTHER, SELF


def check_owns(job: Job) -> None:
    f = job.facts
    if f.has("denial"):
        check_denial(job)
        return
    owns = [m for m in f.clean(f.get("owns")) if not _a_duty(job, m)]
    # "I once forgot to reply to an email; nobody minded": nothing counted or measured
    # and the cost played down, so the failure shows nothing.
    trivial = [m for m in f.get("trivial") if f.reading.subject(m) != SELF]
    counted = [k for k in f.numbers if job.answer.norms[k] not in _ONE]
    if trivial and not f.impact and not counted:
        flag(job, "trivial-failure", "A failure with nothing at stake", trivial)
        return
    either(
        job,
        owns,
        ("owns-mistake", "You own your part in what went wrong."),
        ("no-ownership", "You never say what your own part in it was."),
    )


# "another one", "once": a number word that counts nothing at stake.
_ONE = frozenset(["one", "once", "a"])


def _a_duty(job: Job, m: Match) -> bool:
    """ "I was responsible for migrating the reports": a job held, not a mistake owned."""
    after = job.answer.norms[m.last + 1 : m.last + 3]
    return (
        m.entry.words[-1] == "responsible"
        and after[:1] == ["for"]
        and (len(after) > 1 and after[1].endswith("ing"))
    )


def check_learning(job: Job) -> None:
    f = job.facts
    learned = [
        m
        for m in f.clean(f.get("learning")) + _applied_since(job)
        if job.facts.reading.subject(m) != OTHER and not _lesson_about_others(job, m)
    ]
    either(
        job,
        learned,
        ("growth", "You say what you learned or do differently now."),
        ("no-learning", "No learning: what do you do differently since?"),
    )


_CLAUSE_HEADS = frozenset(["i", "we", "he", "she", "they", "it", "the", "my", "our", "then"])
_PERFECT = frozenset(["have", "has", "we've", "i've", "haven't", "hasn't", "had"])


def _applied_since(job: Job) -> list[Match]:
    """ "We have used it on four launches since", "I've run every handover that way
    since": the lesson applied later, told with no learning word."""
    norms = job.answer.norms
    out: list[Match] = []
    for lo, hi in job.facts.reading.sentences:
        for k in range(lo + 2, hi + 1):
            nxt = norms[k + 1] if k < hi else ""
            # "since" closing its clause, not "since we moved" (a time) or "since I" (a reason)
            if norms[k] != "since" or nxt in _CLAUSE_HEADS:
                continue
            said = norms[lo:k]
            if _PERFECT & set(said) and {"i", "we", "i've", "we've"} & set(said):
                out.append(Match(lo, hi, _SINCE_ENTRY))
                break
    return out


_SINCE_ENTRY = Entry("since", ("since",), (False,))


# "you cannot trust other people's estimates", "I check everything other people do":
# a lesson whose subject is other people, said with distrust, is blame, not learning.
_PEOPLE = frozenset(["other", "others", "people", "people's", "anyone", "anybody", "everyone"])
_DISTRUST = frozenset(
    [
        *("trust", "rely", "depend", "count", "everything", "cannot", "can't", "cant"),
        *("never", "whatever", "anything"),
    ]
)


def _lesson_about_others(job: Job, m: Match) -> bool:
    first, last = m.last + 1, min(job.n, m.last + 12)
    for lo, hi in job.facts.reading.sentences:
        if lo <= m.first <= hi:
            last = min(last, hi + 1)
    after = job.answer.norms[first:last]
    return bool(_PEOPLE & set(after)) and bool(_DISTRUST & set(after))
