"""What the candidate knows of the company: something specific about it met
first-hand or tied to themselves, or the notes they made used, and not facts recited
that say nothing about what they mean to the speaker.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.quoting import quoted, quotes
from hotseat.feedback.sense import sentence_of

# "your mission", "your values": words any company could be told. They count as research
# only beside something the speaker met first-hand ("I used", "I read", "I saw").
_BUZZ = frozenset(
    [
        *("mission", "values", "culture", "reputation", "commitment", "company", "brand"),
        *("growth", "market", "industry", "field", "sector"),
    ]
)
_FIRST_HAND = frozenset(
    [
        *("used", "using", "read", "saw", "seen", "noticed", "met", "tried", "worked"),
        *("visited", "bought", "followed", "watched", "spoke", "talked", "attended", "heard"),
    ]
)


def _said_by_self(job: Job, m: Match) -> bool:
    first, last = sentence_of(job.facts.reading, m.first)
    said = set(job.answer.norms[first : last + 1])
    own = job.words("valence.self") | job.words("valence.team")
    if m.entry.words[-1] in _BUZZ:
        return bool(own & said) and bool(_FIRST_HAND & said)
    return bool(own & said)


def check_research(job: Job) -> None:
    """Why this company: something specific about it, from research or from the notes."""
    from hotseat.feedback.relevance import company_mentions, notes_overlap, spread

    overlap, where = notes_overlap(job)
    # A fact about the company counts when the speaker ties it to themselves ("I have
    # used your app"); "your company was founded in..." on its own is recited.
    company = [m for m in job.facts.get("company") if _said_by_self(job, m)]
    company += _met_first_hand(job, company)
    recited = [m for m in job.facts.get("company") if m not in company]
    if company:
        job.add(
            "research-shown",
            "strength",
            "You say something specific about the company or its field.",
            quotes(job, company),
        )
    elif overlap >= 2:
        job.add(
            "research-shown",
            "strength",
            "You use what you learned about the company.",
            tuple(job.answer.quote(k, k, 4) for k in spread(where)[:2]),
        )
    elif recited:
        # "It was founded in 1977 and its mission is...": facts, but nothing says what
        # they mean to the speaker or what the speaker brings to them.
        tailored = job.context.company.strip() or job.context.notes.strip()
        job.add(
            "not-tailored" if tailored else "no-company-research",
            "major",
            f"Company facts recited ({quoted(job, recited)}) without saying what they mean "
            "to you or what you would bring.",
            quotes(job, recited),
        )
    elif job.context.company.strip() or job.context.notes.strip():
        named = " (beyond its name)" if company_mentions(job) else ""
        job.add(
            "not-tailored",
            "major",
            "Not tailored: nothing in the answer is specific to "
            f"{job.context.company or 'the company'}{named} or comes from your notes.",
        )
    else:
        job.add(
            "no-company-research",
            "major",
            "Nothing about the company: its mission, products, customers or news.",
        )


# "your question", "your time": said to the interviewer, not about the company.
_NOT_THE_COMPANY = frozenset(
    ["question", "questions", "time", "interview", "advert", "advertisement", "offer"]
)


def _met_first_hand(job: Job, found: list[Match]) -> list[Match]:
    """ "I talked to two of your ward nurses", "I saw your move into rural deliveries":
    something of theirs the speaker met first-hand, however it is named."""
    own = job.words("valence.self") | job.words("valence.team")
    norms = job.answer.norms
    out: list[Match] = []
    for first, last in job.facts.reading.sentences:
        said = set(norms[first : last + 1])
        if not (own & said and _FIRST_HAND & said):
            continue
        for k in range(first, last):
            if (
                norms[k] in ("your", "their")
                and norms[k + 1] not in _NOT_THE_COMPANY
                and not any(m.first <= k <= m.last for m in found)
            ):
                out.append(Match(k, min(last, k + 3), _YOURS))
    return out


_YOURS = Entry("your", ("your",), (False,))
