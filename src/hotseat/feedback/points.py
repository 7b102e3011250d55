"""The points a strong answer makes for its question's intent, and the red flags.

Each check reads the answer's ``Facts`` and adds hits with the words that show
them. A strength is never credited for a point the answer violates: red flags
found here veto the strengths they contradict (``VETOES``), after all checks ran.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.model import Evidence
from hotseat.feedback.sense import OTHER, SELF, TEAM

# red flag -> strengths it contradicts (dropped when the red flag is found)
VETOES: dict[str, frozenset[str]] = {
    "negativity": frozenset({"resolved", "look-for-covered", "owns-mistake", "on-topic"}),
    "deflects-blame": frozenset({"look-for-covered", "owns-mistake", "on-topic"}),
    "denial": frozenset(
        {
            "owns-mistake",
            "own-contribution",
            "growth",
            "look-for-covered",
            "weakness-named",
            "improving",
            "resolved",
            "on-topic",
        }
    ),
    "weakness-cliche": frozenset({"weakness-named", "improving", "look-for-covered"}),
    "conceals-mistake": frozenset(
        {"owns-mistake", "growth", "look-for-covered", "star-result", "on-topic"}
    ),
    "prefers-alone": frozenset({"look-for-covered", "on-topic"}),
    "arrogance": frozenset({"look-for-covered"}),
    "cue-words-no-story": frozenset({"star-action", "star-result", "specific-example"}),
    "repeated-sentences": frozenset({"look-for-covered", "length-good"}),
    "padding": frozenset({"length-good"}),
    "goes-in-circles": frozenset({"look-for-covered", "length-good", "on-topic"}),
    "off-topic": frozenset(
        {"look-for-covered", "star-result", "specific-example", "growth", "owns-mistake"}
    ),
    "recited-notes": frozenset({"tailored", "research-shown", "look-for-covered"}),
}

# (strength, problem) pairs that cannot both be said of one answer: the analysis keeps
# the one with the stronger quoted evidence (``analyze._consistent``).
CONTRADICTS: tuple[tuple[str, str], ...] = (
    ("own-contribution", "no-ownership"),
    ("own-contribution", "own-role-unclear"),
    ("owns-mistake", "no-ownership"),
    ("fit-shown", "vague-future"),
    ("fit-shown", "no-fit"),
    ("goals", "vague-future"),
    ("growth", "no-learning"),
    ("improving", "not-improving"),
    ("star-result", "result-missing"),
    ("star-action", "star-action-missing"),
    ("specific-example", "no-specific-example"),
    ("resolved", "not-resolved"),
    ("weakness-named", "no-real-weakness"),
    ("research-shown", "no-company-research"),
    ("research-shown", "not-tailored"),
    ("length-good", "too-short"),
    ("length-good", "too-long"),
    ("on-topic", "off-topic"),
    ("salary-ready", "salary-unready"),
)

RESULT_FROM = 0.6  # share of the answer after which an outcome counts as its result


def _q(job: Job, matches: list[Match], limit: int = 2) -> tuple[Evidence, ...]:
    """Quotes of the first ``limit`` matches that do not show the same words twice."""
    picked: list[Match] = []
    for m in sorted(matches, key=lambda m: m.first):
        if not picked or m.first > picked[-1].last + 3:
            picked.append(m)
    return tuple(_whole(job, m) for m in picked[:limit])


QUOTE_WORDS = 16  # a clause up to this long is quoted whole


def _whole(job: Job, m: Match) -> Evidence:
    """The clause the words sit in, whole, so a quote never stops halfway through what
    it shows ("I want to work somewhere that" without "...is run by competent people");
    a long clause is cut to the words and a little context."""
    reading = job.facts.reading
    first, last = reading.clause(m.first).first, reading.clause(m.last).last
    lo, hi = next(((a, b) for a, b in reading.sentences if a <= m.first <= b), (first, last))
    while last - first + 1 < 5 and last < hi:  # "We went back": the clause after it too
        nxt = reading.clause(last + 1).last
        if min(nxt, hi) - first + 1 > QUOTE_WORDS:
            break
        last = min(nxt, hi)
    if last - first + 1 <= QUOTE_WORDS:
        return job.answer.quote(first, last, pad=0)
    return job.answer.quote(m.first, m.last, pad=3)


def _said(job: Job, matches: list[Match]) -> str:
    return ", ".join(f'"{e.text}"' for e in _q(job, matches, 2))


def check_story(job: Job) -> None:
    """A behavioural answer tells what the candidate did, and how it ended."""
    f = job.facts
    told = f.clean(f.actions)  # not the actions told while running someone down
    if len(told) >= 2:
        job.add("star-action", "strength", "You told what you did, step by step.", _q(job, told))
    elif not f.actions:
        job.add(
            "star-action-missing",
            "major",
            "No actions: the answer never says what you did.",
        )
    # The result is how the story ends: an outcome in its last part.
    outcomes = [
        m for m in f.get("outcome") + f.get("ending") if m.first >= int(job.n * RESULT_FROM)
    ]
    outcomes.sort(key=lambda m: m.first)
    high = job.band[1]
    if outcomes and f.actions:
        job.add("star-result", "strength", "You said how it ended.", _q(job, outcomes[-1:], 1))
    elif round(job.seconds) > high * job.rubric.n("length.ramble_share"):
        job.add(
            "ramble",
            "major",
            f"A long story ({job.length_note()}) that never arrives at how it ended.",
        )
    elif f.actions and not _ends_badly(job):
        job.add("result-missing", "major", "No result: the story stops before how it ended.")


def _ends_badly(job: Job) -> bool:
    """ "...and in the end the launch slipped by two months": an ending, if not a good
    one. It is not credited as a result, and not called missing either."""
    tail = int(job.n * RESULT_FROM)
    return any(m.first >= tail for m in job.facts.get("setback"))


def check_specific(job: Job) -> None:
    f = job.facts
    where = f.get("time-place")
    acts = f.clean(f.actions)
    if (where and acts) or len(acts) >= 3:
        job.add(
            "specific-example",
            "strength",
            "A real example: when or where it happened and what you did.",
            _q(job, (f.clean(where) or acts)[:1] + acts[:1]),
        )
    elif not f.actions and not where:
        job.add(
            "no-specific-example",
            "major",
            "No real example: nothing says when, where or what you did.",
        )


def check_impact(job: Job) -> None:
    f = job.facts
    if f.impact:
        job.add(
            "quantified-impact",
            "strength",
            "Numbers measure the outcome.",
            _q(job, f.impact),
        )


def check_ownership(job: Job) -> None:
    f = job.facts
    team = [m for m in f.actions if job.facts.reading.clause(m.first).subject == TEAM]
    # What the speaker did while running someone down or passing the blame is not
    # their part told clearly ("I calmly explained that some of us had actually...").
    own = f.clean(f.self_actions)
    if own and not f.has("denial"):
        job.add(
            "own-contribution",
            "strength",
            f"Your own part is clear ({_things(len(own))} you did yourself).",
            _q(job, own),
        )
    elif len(team) >= 2:
        job.add(
            "own-role-unclear",
            "major",
            'Your own part is unclear: every action is "we".',
            _q(job, team),
        )


def _things(n: int) -> str:
    return "one thing" if n == 1 else f"{n} things"


def check_owns(job: Job) -> None:
    f = job.facts
    if f.has("denial"):
        check_denial(job)
        return
    owns = [m for m in f.clean(f.get("owns")) if not _a_duty(job, m)]
    if owns:
        job.add("owns-mistake", "strength", "You own your part in what went wrong.", _q(job, owns))
    else:
        job.add(
            "no-ownership",
            "major",
            "You never say what your own part in it was.",
        )


def _a_duty(job: Job, m: Match) -> bool:
    """ "I was responsible for migrating the reports": a job held, not a mistake owned."""
    after = job.answer.norms[m.last + 1 : m.last + 3]
    return m.entry.words[-1] == "responsible" and after[:1] == ["for"] and (
        len(after) > 1 and after[1].endswith("ing")
    )


def check_learning(job: Job) -> None:
    f = job.facts
    learned = [
        m
        for m in f.clean(f.get("learning")) + _applied_since(job)
        if job.facts.reading.subject(m) != OTHER and not _lesson_about_others(job, m)
    ]
    if learned:
        job.add(
            "growth",
            "strength",
            "You say what you learned or do differently now.",
            _q(job, learned),
        )
    else:
        job.add("no-learning", "major", "No learning: what do you do differently since?")


# "you cannot trust other people's estimates", "I check everything other people do":
# a lesson whose subject is other people, said with distrust, is blame, not learning.
_PEOPLE = frozenset(["other", "others", "people", "people's", "anyone", "anybody", "everyone"])
_DISTRUST = frozenset(
    ["trust", "rely", "depend", "count", "everything", "cannot", "can't", "cant", "never"]
)


_CLAUSE_HEADS = frozenset(["i", "we", "he", "she", "they", "it", "the", "my", "our", "then"])
_PERFECT = frozenset(["have", "has", "we've", "i've", "haven't", "hasn't", "had"])


def _applied_since(job: Job) -> list[Match]:
    """ "We have used it on four launches since", "I've run every handover that way
    since": a sentence in the perfect that ends on "since" tells the lesson was applied
    later, with no learning word."""
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


def _lesson_about_others(job: Job, m: Match) -> bool:
    first, last = m.last + 1, min(job.n, m.last + 12)
    for lo, hi in job.facts.reading.sentences:
        if lo <= m.first <= hi:
            last = min(last, hi + 1)
    after = job.answer.norms[first:last]
    return bool(_PEOPLE & set(after)) and bool(_DISTRUST & set(after))


def check_denial(job: Job) -> None:
    denial = job.facts.get("denial")
    if denial:
        job.add(
            "denial",
            "major",
            f"Denies the premise of the question: {_said(job, denial)}.",
            _q(job, denial),
        )


def check_weakness(job: Job) -> None:
    f = job.facts
    check_denial(job)
    cliche = f.get("weakness-cliche")
    if cliche:
        job.add(
            "weakness-cliche",
            "major",
            f"A boast dressed as a weakness: {_said(job, cliche)}.",
            _q(job, cliche),
        )
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
        job.add("weakness-named", "strength", "You name a real weakness.", _q(job, named, 1))
    elif not cliche and not f.has("denial"):
        job.add("no-real-weakness", "major", "No real weakness is named.")
    if not named and not cliche:
        return  # "no real weakness" says it; there is nothing to be improving
    improving = [m for m in f.get("improving") if job.facts.reading.subject(m) != OTHER]
    if improving:
        job.add(
            "improving",
            "strength",
            "You say what you are doing about it.",
            _q(job, improving),
        )
    else:
        job.add("not-improving", "major", "Nothing says what you are doing about it.")


_TOO = Entry("too", ("too",), (False,))


def _inside(m: Match, others: list[Match]) -> bool:
    return any(o.first <= m.first <= o.last for o in others)


def check_resolution(job: Job) -> None:
    f = job.facts
    check_denial(job)
    # Worked out by the candidate (or with them): "it worked out" on its own is not how.
    done = [
        m for m in f.clean(f.get("resolves")) if job.facts.reading.subject(m) in (SELF, TEAM)
    ]
    # "Our lead stepped in and took my side": settled over the other person's head.
    settled = [m for m in f.get("settled-by-other") if job.facts.reading.subject(m) == OTHER]
    if done:
        job.add("resolved", "strength", "You worked it out with the other person.", _q(job, done))
    elif settled and not f.has("denial"):
        job.add(
            "not-resolved",
            "major",
            f"Someone else settled it ({_said(job, settled)}): nothing says how you worked "
            "it out with the other person.",
            _q(job, settled),
        )
    elif not f.has("denial"):
        job.add("not-resolved", "major", "Nothing says how the disagreement was worked out.")


def check_coping(job: Job) -> None:
    copes = [m for m in job.facts.get("copes") if job.facts.reading.subject(m) != OTHER]
    if copes:
        job.add(
            "copes",
            "strength",
            "You say how you organised the work under pressure.",
            _q(job, copes),
        )
    else:
        job.add("no-coping", "minor", "Nothing says how you handled the pressure.")


def check_leading(job: Job) -> None:
    leads = job.facts.get("leads")
    if leads:
        job.add("leads", "strength", "You show how you led or enabled others.", _q(job, leads))


def check_credit(job: Job) -> None:
    credits = job.facts.get("credits")
    solo = [m for m in job.facts.get("solo") if job.facts.reading.subject(m) != OTHER]
    if solo:
        job.add(
            "prefers-alone",
            "major",
            f"You say you would rather work alone: {_said(job, solo)}.",
            _q(job, solo),
        )
    elif not credits:
        job.add("no-collaboration", "minor", "No one else appears: who did you work with?")


def check_fit(job: Job) -> None:
    fits = [m for m in job.facts.clean(job.facts.get("fits")) if _about_work(job, m)]
    if fits:
        job.add(
            "fit-shown", "strength", "You tie your skills and experience to the job.", _q(job, fits)
        )
    else:
        job.add("no-fit", "major", "Nothing ties your skills or experience to this job.")


_OFFERS = [("bring",), ("can",), ("could",), ("would",), ("know",), ("understand",)]


def _about_work(job: Job, m: Match) -> bool:
    """A fit claim counts when it is the speaker offering something ("I could help") or
    its sentence is about working life ("as a nurse I..."), not school subjects or a
    childhood ("at school I liked maths")."""
    if m.entry.words[0] == "i'd" or m.entry.words[1:2] in _OFFERS:
        return True
    if m.entry.words == ("as", "a") and not _a_role(job, m.last + 1):
        return False  # "the report as a stream": no role, so no experience offered
    first, last = m.first, m.last
    for lo, hi in job.facts.reading.sentences:
        if lo <= m.first <= hi:
            first, last = lo, hi
    topics = job.lex.word_maps["topics.topics"]
    work = topics.get("work", frozenset()) | topics.get("tailoring", frozenset())
    said = set(job.answer.norms[first : last + 1])
    return bool(said & work)


# "your mission", "your values": words any company could be told. They count as research
# only beside something the speaker met first-hand ("I used", "I read", "I saw").
_BUZZ = frozenset(
    ["mission", "values", "culture", "reputation", "commitment", "company", "brand", "growth"]
)
_FIRST_HAND = frozenset(
    [
        "used",
        "using",
        "read",
        "saw",
        "seen",
        "noticed",
        "met",
        "tried",
        "worked",
        "visited",
        "bought",
        "followed",
        "watched",
        "spoke",
        "talked",
        "attended",
        "heard",
    ]
)


def _said_by_self(job: Job, m: Match) -> bool:
    first, last = m.first, m.last
    for lo, hi in job.facts.reading.sentences:
        if lo <= m.first <= hi:
            first, last = lo, hi
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
    if company:
        job.add(
            "research-shown",
            "strength",
            "You say something specific about the company or its field.",
            _q(job, company),
        )
    elif overlap >= 2:
        job.add(
            "research-shown",
            "strength",
            "You use what you learned about the company.",
            tuple(job.answer.quote(k, k, 4) for k in spread(where)[:2]),
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


def check_forward(job: Job) -> None:
    # "I want to work somewhere that is run by competent people" runs the old place
    # down; it says nothing about what the speaker is moving towards.
    forward = job.facts.clean(job.facts.get("forward"))
    if forward:
        job.add(
            "forward-looking",
            "strength",
            "You say what you are moving towards.",
            _q(job, forward),
        )


def check_money(job: Job) -> None:
    f = job.facts
    forward, money = f.get("forward"), f.get("money")
    if money and len(money) >= len(forward):
        job.add(
            "sounds-indifferent",
            "major",
            f"Money, perks or convenience come first: {_said(job, money)}.",
            _q(job, money),
        )


def check_goals(job: Job) -> None:
    f = job.facts
    goals, drift = f.get("goals"), f.get("drift")
    if goals and not drift:
        job.add("goals", "strength", "You set out where you want to grow.", _q(job, goals))
    if drift or not goals:
        job.add(
            "vague-future",
            "major",
            "No clear plan that fits this job" + (f": {_said(job, drift)}." if drift else "."),
            _q(job, drift),
        )


def check_salary(job: Job) -> None:
    ready = job.facts.get("salary-ready")
    if ready:
        job.add("salary-ready", "strength", "A researched, flexible answer.", _q(job, ready))
    else:
        job.add("salary-unready", "major", "No range and nothing to show it is researched.")


def _a_role(job: Job, k: int) -> bool:
    from hotseat.feedback.sense import _names_a_person

    norms = job.answer.norms
    ahead = norms[k : k + 3]
    people = job.words("valence.others")
    things = job.words("valence.things")
    return any(w in people or _names_a_person(w, things) for w in ahead)


_STORY_KINDS = frozenset(["failure", "conflict", "challenge", "leadership", "teamwork"])


def check_negativity(job: Job) -> None:
    f = job.facts
    if f.deflection:
        job.add(
            "deflects-blame",
            "major" if job.kind in _STORY_KINDS else "minor",
            f"Puts it down to others or to circumstances: {_said(job, f.deflection)}.",
            _q(job, f.deflection),
        )
    if f.criticism:
        job.add(
            "negativity",
            "major",
            f"Runs someone down: {_said(job, f.criticism)}.",
            _q(job, f.criticism),
        )
    brag = [m for m in f.get("arrogance") if not _measured(job, m)]
    if brag:
        job.add("arrogance", "major", f"Sounds arrogant: {_said(job, brag)}.", _q(job, brag))
    hidden = [m for m in f.get("conceal") if f.reading.subject(m) != OTHER]
    if hidden:
        job.add(
            "conceals-mistake",
            "major",
            f"Hides the mistake instead of owning it: {_said(job, hidden)}.",
            _q(job, hidden),
        )


# Where a comparison with others comes from someone else's count ("named in more
# reviews than anyone else", "ranked first of forty"), it is evidence, not a boast.
_MEASURES = frozenset(
    [
        "named",
        "voted",
        "ranked",
        "rated",
        "awarded",
        "nominated",
        "chosen",
        "picked",
        "survey",
        "surveys",
        "feedback",
        "review",
        "reviews",
        "according",
        "figures",
        "data",
        "scores",
        "league",
        "table",
        "appraisal",
    ]
)


def _measured(job: Job, m: Match) -> bool:
    reading = job.facts.reading
    first, last = next(((lo, hi) for lo, hi in reading.sentences if lo <= m.first <= hi), (0, 0))
    said = job.answer.norms[first : last + 1]
    return bool(_MEASURES & set(said)) or any(
        t.is_number for t in job.answer.tokens[first : last + 1]
    )


def check_claims(job: Job) -> None:
    """Self-descriptions with nothing that proves them."""
    f = job.facts
    claims = f.get("generic")
    if claims and len(f.actions) < 2 and not f.impact and not f.has("proof"):
        job.add(
            "empty-claims",
            "major" if len(claims) >= 2 else "minor",
            f"Claims with no proof: {_said(job, claims)}.",
            _q(job, claims),
        )


def check_private(job: Job) -> None:
    private = job.facts.get("private-life")
    if len(private) >= 2 or (private and not job.facts.get("fits")):
        job.add(
            "private-life",
            "major",
            f"Private life instead of the career story: {_said(job, private)}.",
            _q(job, private),
        )
