"""Fit: the candidate's skills and experience tied to this job, however they are
worded ("as a nurse I...", "six years on a busy ward ... your ward"), and not
school subjects, a childhood, or a wish to grow.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.quoting import either
from hotseat.feedback.sense import NONE, SELF, Reading, sentence_of


def check_fit(job: Job) -> None:
    """Fit rests on experience of one's own: time spent at the work, a credential, or
    something done at work with a number or an occasion to it. "My skills", "a great
    fit" or "the next step in my career" claim it; with nothing held behind them they
    tie nothing to the job."""
    claims = [m for m in job.facts.clean(job.facts.get("fits")) if _about_work(job, m)]
    held = _experience(job) + [m for m in claims if _holds(job, m)] + _done_at_work(job)
    held = sorted(job.facts.clean(held), key=lambda m: m.first)
    fits: list[Match] = []
    if held:
        # quoted with the tie when one is said ("...so your kind of work is what I do")
        link = _this_job(job)
        fits = _together(job, held[0], link[0]) if link else held[:2]
    elif job.kind == "five-years" and _this_job(job) and not job.facts.has("drift"):
        # A goal tied to this job ("...which your outreach team does"): the fit a
        # five-year answer shows.
        # not "I don't see myself in nursing in five years": a goal denied
        reading = job.facts.reading
        goals = [
            g
            for g in job.facts.clean(job.facts.get("goals"))
            if not any(n < g.first for n in reading.clause(g.first).negators)
        ]
        fits = [goals[0], _this_job(job)[0]] if goals else []
    either(
        job,
        fits,
        ("fit-shown", "You tie your skills and experience to the job."),
        ("no-fit", "Nothing ties your skills or experience to this job."),
    )


# Fit phrases that say what one has done or holds ("I've managed", "trained in",
# "qualified"), as against those that only claim it ("my skills", "a good fit").
_HOLDING = frozenset(
    [
        *("i've done", "i have done", "i've worked", "i have worked", "i've built"),
        *("i have built", "i've led", "i have led", "i've managed", "i have managed"),
        *("certified", "degree in", "trained in", "i've spent", "i have spent", "i spent"),
        *("years in", "years as", "qualif*", "as a"),
    ]
)
# What is held says nothing when it is everything ("I've worked on all sorts").
_VAGUE = frozenset(
    ["all", "sorts", "every", "everything", "anything", "lots", "loads", "lot", "many", "various"]
)
# A clause about what is ahead, not what was done: "I'd like to teach".
_PLANNED = frozenset(["would", "i'd", "i'll", "will", "want", "wants", "hope", "going", "plan"])
# Time spent on no work: "I've been looking for five months".
_IDLE = frozenset(["looking", "searching", "waiting", "applying", "unemployed", "off"])


def _holds(job: Job, m: Match) -> bool:
    """A fit phrase that says what one has done or holds, and names what it was."""
    if m.entry.phrase not in _HOLDING:
        return False
    return not _VAGUE & set(job.answer.norms[m.last + 1 : m.last + 5])


def _done_at_work(job: Job) -> list[Match]:
    """Clauses of the speaker's own about work done, with a number or an occasion in
    them: "last year I did a six-week secondment", "I've driven class one for nine
    years", "I set up a forum on my patch"; not plans, ages, waiting or "all sorts"."""
    f = job.facts
    norms = job.answer.norms
    numbers = set(f.numbers)
    occasions = f.get("time-place") + f.get("work-setting")
    private = f.get("private-life")
    acts = f.clean(f.self_actions)
    bare = job.words("language.stopwords") | {"and", "or", "but", "so", "now", "i"}
    out = []
    for i, clause in enumerate(f.reading.clauses):
        if clause.subject != SELF:
            continue
        said = set(norms[clause.first : clause.last + 1])
        if _PLANNED & said or _VAGUE & said or _IDLE & said or _AGE & said:
            continue
        m = Match(clause.first, clause.last, _SPAN_ENTRY)
        if f.reading.negated(m) or not _at_work(job, clause.first, private):
            continue
        # a count of something ("six-week", "nine years", "thirty of them"), not an age
        # or a bare figure ("when I was six", "a mum of three")
        first, last = _with_asides(f.reading, i)
        acted = any(a.first == clause.first for a in acts)
        # "I lead a team of six": a count of a thing at work closes the clause
        counted = any(
            first <= n <= last
            and norms[n] != "one"
            and ((n < last and norms[n + 1] not in bare) or _of_work(job, n, acted))
            for n in numbers
        )
        placed = any(clause.first <= o.first <= clause.last for o in occasions)
        # where a working life began or went ("I started my career at a bank", "I
        # joined a firm in audit"): experience held, whatever the question
        began = bool(_BEGAN & said) and ("career" in said or placed)
        # an occasion alone places a story, not experience offered, unless the question
        # is about this job ("why us?": what one did is offered to it)
        if counted or began or (placed and job.kind in _ABOUT_THIS_JOB and acted):
            out.append(m)
    return out


def _of_work(job: Job, n: int, acted: bool) -> bool:
    """A count closing a clause counts a thing at work or done: "a team of six"."""
    norms = job.answer.norms
    if norms[n - 1 : n] != ["of"]:
        return False
    topics = job.lex.word_maps["topics.topics"]
    return acted or norms[n - 2] in topics.get("work", frozenset())


def _with_asides(reading: Reading, i: int) -> tuple[int, int]:
    """Clause ``i`` with a time put before it ("for two summers, I ran...") and a
    phrase of no one's after it ("..., around forty sessions a week")."""
    clauses = reading.clauses
    first, last = clauses[i].first, clauses[i].last
    before = clauses[i - 1] if i > 0 else None
    if before and before.last - before.first < 4:
        first = before.first if reading.answer.norms[before.first] in _TIME_PUT_FIRST else first
    if i + 1 < len(clauses) and clauses[i + 1].subject == NONE:
        last = clauses[i + 1].last
    return first, last


_BEGAN = frozenset(["started", "began", "joined", "trained", "qualified", "apprenticed"])
_TIME_PUT_FIRST = frozenset(["for", "over", "in", "last", "this", "since", "after"])
# Questions about this job: what is said in answer is working life unless it is
# private life ("I was caring for my mum").
_ABOUT_THIS_JOB = frozenset(["why-hire", "why-role", "why-company"])
_AGE = frozenset(["old", "aged", "age", "born", "kids", "children"])


def _at_work(job: Job, k: int, private: list[Match]) -> bool:
    if _working_life(job, k):
        return True
    first, last = sentence_of(job.facts.reading, k)
    mine = any(first <= m.first <= last for m in private)
    return job.kind in _ABOUT_THIS_JOB and not mine


# Words that put a role in the future: "in five years ... probably as a team lead".
_AHEAD = frozenset(
    [
        *("want", "wants", "hope", "hoping", "will", "would", "i'd", "i'll", "aim", "plan"),
        *("probably", "someday", "eventually", "become", "future", "years", "qualified"),
    ]
)
_LIKENESS = frozenset(["fits", "match*", "align*"])
_MINE = frozenset(["i", "i'm", "i've", "i'd", "my", "me", "myself"])
_READ_UP = (["research"], ["homework"], ["reading"])
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
        idle = _IDLE & set(norms[clause.first : k])
        if SELF in said_by and _working_life(job, k) and not idle and not reading.negated(span):
            out.append(Match(max(clause.first, k - 6), k, _SPAN_ENTRY))
    return out


def _together(job: Job, held: Match, link: Match) -> list[Match]:
    """Experience and this job said in one sentence are quoted as one, so the quote
    shows the tie, not only the years."""
    reading = job.facts.reading
    if sentence_of(reading, held.first) == sentence_of(reading, link.first):
        first, last = min(held.first, link.first), max(held.last, link.last)
        return [Match(first, last, _SPAN_ENTRY)]
    return [held, link]


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
    said = job.answer.norms
    if m.entry.phrase in ("as a", "qualif*") and _AHEAD & set(said[first : m.first]):
        return False  # "I'd like to be there as a senior nurse": a goal, not experience held
    clause = job.facts.reading.clause(m.first)
    if m.entry.phrase in _LIKENESS and not _MINE & set(said[clause.first : clause.last + 1]):
        return False  # "what gets built matches the drawings": not the speaker's fit
    if said[m.last + 1 : m.last + 2] == ["my"] and said[m.last + 2 : m.last + 3] in _READ_UP:
        return False  # "I've done my research": homework for the interview, not experience
    topics = job.lex.word_maps["topics.topics"]
    work = topics.get("work", frozenset()) | topics.get("tailoring", frozenset())
    return bool(set(said[first : last + 1]) & work)


def _a_role(job: Job, k: int) -> bool:
    from hotseat.feedback.sense import _names_a_person

    ahead = job.answer.norms[k : k + 3]
    people = job.words("valence.others")
    things = job.words("valence.things")
    return any(w in people or _names_a_person(w, things) for w in ahead)
