"""What an answer says about the job, the company, the candidate and other people: how
the candidate's skills fit, what they know of the company, what they are moving
towards (or only paid for), their goals and salary talk, and the red flags of running
someone down, boasting, hiding a mistake, empty claims and private life. The points of
a story (actions, result, ownership, learning...) are in ``points.py``.
"""

from __future__ import annotations

from hotseat.feedback.facts import sentence_of
from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.points import either, flag, quoted, quotes
from hotseat.feedback.sense import OTHER, SELF


def check_fit(job: Job) -> None:
    fits = [m for m in job.facts.clean(job.facts.get("fits")) if _about_work(job, m)]
    if not fits:
        # "I've taught English for nine years ... your library is central here": time
        # spent doing the work, and this job named, tie the two however they are worded.
        held, link = _experience(job), _this_job(job)
        if held and link:
            fits = [held[0], link[0]]
        elif job.kind == "five-years" and link and not job.facts.has("drift"):
            # A goal tied to this job ("...which your outreach team does"): the fit a
            # five-year answer shows.
            goals = job.facts.clean(job.facts.get("goals"))
            fits = [goals[0], link[0]] if goals else []
    either(
        job,
        fits,
        ("fit-shown", "You tie your skills and experience to the job."),
        ("no-fit", "Nothing ties your skills or experience to this job."),
    )


_GROWING = frozenset(["grow", "develop", "build", "progress", "advance", "further", "boost"])
_OFFERS = [("bring",), ("can",), ("could",), ("would",), ("know",), ("understand",)]
_SPANS = frozenset(["year", "years", "months", "decade", "decades"])
_LINKS = frozenset(["your", "you're", "you've", "yours"])
_NOT_HELD_AFTER = (["ago"], ["old"], ["time"], ["from", "now"], ["from", "today"], ["down", "the"])
_NOT_HELD_BEFORE = frozenset(["in", "within", "next", "coming", "until", "by"])
_THIS = frozenset(["this", "the", "your"])
_POSTS = frozenset(
    ["role", "job", "post", "position", "team", "company", "vacancy", "scheme", "department"]
)


def _experience(job: Job) -> list[Match]:
    """Time spent doing the work, said of oneself: "six years on a busy ward", "I've
    taught for nine years" (a number of years or months in a clause of the speaker's)."""
    reading = job.facts.reading
    norms = job.answer.norms
    numbers = set(job.facts.numbers)
    out: list[Match] = []
    for k, word in enumerate(norms):
        if word not in _SPANS or not any(j in numbers for j in range(max(0, k - 3), k)):
            continue
        after = norms[k + 1 : k + 3]
        before = set(norms[max(0, k - 4) : k])
        if after[:1] in _NOT_HELD_AFTER or after in _NOT_HELD_AFTER or _NOT_HELD_BEFORE & before:
            continue  # "four years ago", "in five years", "over the next two years"
        clause = reading.clause(k)
        said_by = {clause.subject}
        if clause.last - k <= 1 and clause.last + 1 < len(norms):
            # "For six years I ran...": the time put first, the speaker's clause after it
            said_by.add(reading.clause(clause.last + 1).subject)
        span = Match(k, k, _SPAN_ENTRY)
        if SELF in said_by and _working_life(job, k) and not reading.negated(span):
            out.append(Match(max(clause.first, k - 6), k, _SPAN_ENTRY))
    return out


def _working_life(job: Job, k: int) -> bool:
    """The sentence around word ``k`` is about work: a workplace or a job named
    (``concepts.work-setting``) or the words of working life (``topics.work``)."""
    first, last = sentence_of(job.facts.reading, k)
    if any(first <= m.first <= last for m in job.facts.get("work-setting")):
        return True
    topics = job.lex.word_maps["topics.topics"]
    work = topics.get("work", frozenset()) | topics.get("tailoring", frozenset())
    return bool(work & set(job.answer.norms[first : last + 1]))


def _this_job(job: Job) -> list[Match]:
    """This job named: "your ...", "this role", "the post", the company's name."""
    norms = job.answer.norms
    company = set(job.context.company.lower().split())
    out = []
    for k, word in enumerate(norms):
        named = word in _LINKS or (word in company and len(word) > 3)
        post = word in _POSTS and k > 0 and norms[k - 1] in _THIS
        if named or post:
            out.append(Match(max(0, k - 2), min(len(norms) - 1, k + 2), _SPAN_ENTRY))
    return out


_SPAN_ENTRY = Entry("experience", ("experience",), (False,))


def _about_work(job: Job, m: Match) -> bool:
    """A fit claim counts when it is the speaker offering something ("I could help") or
    its sentence is about working life ("as a nurse I..."), not school subjects or a
    childhood ("at school I liked maths")."""
    if m.entry.words[0] == "i'd" or m.entry.words[1:2] in _OFFERS:
        return True
    if m.entry.words == ("my", "career") and _GROWING & set(
        job.answer.norms[m.first - 3 : m.first]
    ):
        return False  # "a great place to grow my career": a wish, not experience offered
    if m.entry.words == ("as", "a") and not _a_role(job, m.last + 1):
        return False  # "the report as a stream": no role, so no experience offered
    first, last = sentence_of(job.facts.reading, m.first)
    topics = job.lex.word_maps["topics.topics"]
    work = topics.get("work", frozenset()) | topics.get("tailoring", frozenset())
    said = set(job.answer.norms[first : last + 1])
    return bool(said & work)


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


def _a_role(job: Job, k: int) -> bool:
    from hotseat.feedback.sense import _names_a_person

    ahead = job.answer.norms[k : k + 3]
    people = job.words("valence.others")
    things = job.words("valence.things")
    return any(w in people or _names_a_person(w, things) for w in ahead)


def check_forward(job: Job) -> None:
    # "I want to work somewhere that is run by competent people" runs the old place
    # down; it says nothing about what the speaker is moving towards.
    forward = job.facts.clean(job.facts.get("forward"))
    if forward:
        job.add(
            "forward-looking",
            "strength",
            "You say what you are moving towards.",
            quotes(job, forward),
        )


def check_money(job: Job) -> None:
    f = job.facts
    forward = f.get("forward")
    money = [m for m in f.get("money") if _a_motive(job, m)]
    if money and len(money) >= len(forward):
        flag(job, "sounds-indifferent", "Money, perks or convenience come first", money)


# Words that make money, perks or a commute the speaker's reason ("I want more money",
# "mostly for the salary", "the bonus is why I applied"), not part of a story ("we ran
# out of money", "that money went back into training", "I commute on your line").
_MOTIVE = frozenset(
    [
        *("want", "wanted", "need", "needed", "looking", "hoping", "hope", "earn", "earning"),
        *("attracted", "attracts", "appeals", "appealed", "drawn", "reason", "mainly"),
        *("mostly", "why", "because", "applied", "apply", "applying", "better", "more"),
        *("higher", "bigger", "decent", "good", "great", "like", "love", "main", "honestly"),
    ]
)


def _a_motive(job: Job, m: Match) -> bool:
    """A phrase that is a motive in itself ("better pay", "need a job"), or a single word
    ("money", "commute") in a sentence that gives it as the speaker's reason."""
    if len(m.entry.words) > 1:
        return True
    first, last = sentence_of(job.facts.reading, m.first)
    return bool(_MOTIVE & set(job.answer.norms[first : last + 1]))


def check_goals(job: Job) -> None:
    f = job.facts
    goals, drift = f.get("goals"), f.get("drift")
    if goals and not drift:
        job.add("goals", "strength", "You set out where you want to grow.", quotes(job, goals))
    if drift or not goals:
        job.add(
            "vague-future",
            "major",
            "No clear plan that fits this job" + (f": {quoted(job, drift)}." if drift else "."),
            quotes(job, drift),
        )


# Openness on its own ("I'm flexible", "whatever is fair") shows no research.
_OPEN_ONLY = frozenset(
    [
        *("flexible", "negotiab*", "open to", "fair", "depending on", "depends on"),
        *("the whole package", "total compensation", "benefits package", "the responsibilities"),
    ]
)
PERKS_LISTED = 3  # this many pay and perk items beside a figure make a list of demands


_RANGE_WORDS = 6  # "between forty six and fifty three thousand": both ends this close


def _ranges(job: Job) -> list[Match]:
    """ "between 48 and 54 thousand", "from 40 to 45k": a range is the figure researched."""
    numbers = set(job.facts.numbers)
    norms = job.answer.norms
    out: list[Match] = []
    for k, word in enumerate(norms):
        if word not in ("between", "from") or k + 1 not in numbers:
            continue
        ahead = norms[k + 1 : k + 1 + _RANGE_WORDS]
        for link in ("and", "to"):
            if link in ahead and k + 2 + ahead.index(link) in numbers:
                out.append(Match(k, k + 2 + ahead.index(link), _RANGE))
                break
    return out


_RANGE = Entry("range", ("range",), (False,))


def check_salary(job: Job) -> None:
    """A researched range, open to the whole package; not the figure left to them, and
    not a figure with a list of demands and nothing behind it."""
    f = job.facts
    researched = [m for m in f.get("salary-ready") if " ".join(m.entry.words) not in _OPEN_ONLY]
    researched += _ranges(job)
    dodge = f.get("salary-deflect")
    perks = f.get("money")
    if researched and not dodge:
        job.add("salary-ready", "strength", "A researched answer.", quotes(job, researched))
    elif dodge:
        job.add(
            "salary-unready",
            "major",
            f"No figure: the number is left to them ({quoted(job, dodge)}); give a range "
            "you have researched.",
            quotes(job, dodge),
        )
    elif f.numbers and len(perks) >= PERKS_LISTED:
        job.add(
            "salary-unready",
            "major",
            f"A figure and a list of demands ({quoted(job, perks)}), with nothing to show "
            "it is researched or open to the whole package.",
            quotes(job, perks),
        )
    elif f.numbers:
        job.add(
            "salary-unready",
            "major",
            "A figure with nothing to show where it comes from: say what you based it on.",
        )
    else:
        job.add("salary-unready", "major", "No range and nothing to show it is researched.")


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
    hidden = [m for m in f.get("conceal") if f.reading.subject(m) != OTHER]
    if hidden:
        flag(job, "conceals-mistake", "Hides the mistake instead of owning it", hidden)


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
