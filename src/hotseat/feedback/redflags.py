"""The red flags of an answer in what it says of people and of oneself: running
someone down or passing the blame, boasting (not a comparison someone else measured),
hiding a mistake, denying the question's premise, claims with nothing behind them, and
private life instead of the career story.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Match
from hotseat.feedback.quoting import flag, quoted, quotes
from hotseat.feedback.sense import OTHER, sentence_of


def check_denial(job: Job) -> None:
    denial = job.facts.get("denial")
    if denial:
        flag(job, "denial", "Denies the premise of the question", denial)


_STORY_KINDS = frozenset(["failure", "conflict", "challenge", "leadership", "teamwork"])


def check_negativity(job: Job) -> None:
    f = job.facts
    if f.deflection:
        flag(
            job,
            "deflects-blame",
            "Puts it down to others or to circumstances",
            f.deflection,
            "major" if job.kind in _STORY_KINDS else "minor",
        )
    if f.criticism:
        job.add(
            "negativity",
            "major",
            f"Runs someone down: {quoted(job, f.criticism)}.",
            quotes(job, f.criticism),
        )
    brag = [
        m
        for m in f.get("arrogance")
        if not _measured(job, m) and not _handed_over(job, m) and not _sole_holder(job, m)
    ]
    if brag:
        flag(job, "arrogance", "Sounds arrogant", brag)
    hidden = [
        m
        for m in f.get("conceal")
        if f.reading.subject(m) != OTHER and not _silent_about_another(job, m)
    ]
    if hidden:
        flag(job, "conceals-mistake", "Hides the mistake instead of owning it", hidden)


# Keeping quiet about what someone else did is not hiding one's own mistake; the
# silence may be the very weakness the answer owns ("a colleague kept merging
# untested code and I said nothing for weeks").
_SILENCE = frozenset(
    [
        *("said nothing", "didn't say anything", "kept quiet about", "kept it to myself"),
        *("didn't mention it", "never mentioned it"),
    ]
)


def _silent_about_another(job: Job, m: Match) -> bool:
    """``m`` is a silence told after someone else's doing in the same sentence."""
    if m.phrase not in _SILENCE:
        return False
    reading = job.facts.reading
    first, _ = sentence_of(reading, m.first)
    return any(reading.clause(k).subject == OTHER for k in range(first, m.first))


# Where a comparison with others comes from someone else's count ("named in more
# reviews than anyone else", "ranked first of forty"), it is evidence, not a boast.
_MEASURES = frozenset(
    [
        *(
            "named",
            "voted",
            "ranked",
            "rated",
            "awarded",
            "nominated",
            "chosen",
            "picked",
            "survey",
        ),
        *(
            "surveys",
            "feedback",
            "review",
            "reviews",
            "according",
            "figures",
            "data",
            "scores",
            "league",
        ),
        *("table", "appraisal"),
    ]
)


_ABLE = frozenset(["can", "could", "able", "manage", "now"])


def _handed_over(job: Job, m: Match) -> bool:
    """ "two people can run the month end without me now": others able to do it without
    the speaker is a handover, not a boast."""
    if m.entry.words != ("without", "me"):
        return False
    first = job.facts.reading.clause(m.first).first
    return bool(_ABLE & set(job.answer.norms[first : m.first]))


# "the only one who knew the deploy scripts" tells a risk (knowledge held by one
# person), often the weakness itself; "the only one who could fix it" is a claim.
_KNEW = frozenset(["knew", "know", "knows", "understood", "understands", "had"])


def _sole_holder(job: Job, m: Match) -> bool:
    if m.entry.words[-2:] not in (("one", "who"), ("person", "who")):
        return False
    after = job.answer.norms[m.last + 1 : m.last + 2]
    return bool(_KNEW & set(after))


def _measured(job: Job, m: Match) -> bool:
    first, last = sentence_of(job.facts.reading, m.first)
    said = job.answer.norms[first : last + 1]
    return bool(_MEASURES & set(said)) or any(
        t.is_number for t in job.answer.tokens[first : last + 1]
    )


def check_claims(job: Job) -> None:
    """Self-descriptions with nothing that proves them."""
    f = job.facts
    claims = f.get("generic")
    if claims and len(f.actions) < 2 and not f.impact and not f.has("proof"):
        flag(
            job,
            "empty-claims",
            "Claims with no proof",
            claims,
            "major" if len(claims) >= 2 else "minor",
        )


def check_private(job: Job) -> None:
    private = job.facts.get("private-life")
    if len(private) >= 2 or (private and not job.facts.get("fits")):
        flag(job, "private-life", "Private life instead of the career story", private)
