"""A weakness answer: a real weakness named (in its own words, or the speaker
judging themselves), not a boast dressed as one, and what is being done about it.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.quoting import either, flag, quotes
from hotseat.feedback.redflags import check_denial
from hotseat.feedback.sense import OTHER, SELF


def check_weakness(job: Job) -> None:
    f = job.facts
    check_denial(job)
    cliche = f.get("weakness-cliche")
    if cliche:
        flag(job, "weakness-cliche", "A boast dressed as a weakness", cliche)
    # A weakness is named in its own words ("I find it hard to...") or as the speaker
    # judging themselves badly ("I was too slow to ask for help").
    self_critique = [
        m
        for m in job.found("valence.negative") + job.found("valence.obstruct")
        if job.facts.reading.subject(m) == SELF
    ]
    # "I talk too much", "I take feedback too personally": a self clause with "too".
    too = [
        Match(k, k, f.get("weakness-named")[0].entry if f.get("weakness-named") else _TOO)
        for k, w in enumerate(job.answer.norms)
        if w == "too" and job.facts.reading.clause(k).subject == SELF
    ]
    named = [m for m in f.get("weakness-named") + self_critique + too if not _inside(m, cliche)]
    if named and not f.has("denial"):
        job.add("weakness-named", "strength", "You name a real weakness.", quotes(job, named, 1))
    elif not cliche and not f.has("denial"):
        job.add("no-real-weakness", "major", "No real weakness is named.")
    if not named and not cliche:
        return  # "no real weakness" says it; there is nothing to be improving
    improving = [m for m in f.get("improving") if job.facts.reading.subject(m) != OTHER]
    either(
        job,
        improving,
        ("improving", "You say what you are doing about it."),
        ("not-improving", "Nothing says what you are doing about it."),
    )


_TOO = Entry("too", ("too",), (False,))


def _inside(m: Match, others: list[Match]) -> bool:
    return any(o.first <= m.first <= o.last for o in others)
