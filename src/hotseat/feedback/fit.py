"""Fit: the candidate's skills and experience tied to this job, however they are
worded ("as a nurse I...", "six years on a busy ward ... your ward"), and not
school subjects, a childhood, or a wish to grow.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.quoting import either
from hotseat.feedback.sense import SELF, sentence_of


def check_fit(job: Job) -> None:
    fits = [m for m in job.facts.clean(job.facts.get("fits")) if _about_work(job, m)]
    if not fits:
        # "I've taught English for nine years ... your library is central here": time
        # spent doing the work, and this job named, tie the two however they are worded.
        held, link = _experience(job), _this_job(job)
        if held and link:
            fits = _together(job, held[0], link[0])
        elif job.kind == "five-years" and link and not job.facts.has("drift"):
            # A goal tied to this job ("...which your outreach team does"): the fit a
            # five-year answer shows.
            # not "I don't see myself in nursing in five years": a goal denied
            reading = job.facts.reading
            goals = [
                g
                for g in job.facts.clean(job.facts.get("goals"))
                if not any(n < g.first for n in reading.clause(g.first).negators)
            ]
            fits = [goals[0], link[0]] if goals else []
    either(
        job,
        fits,
        ("fit-shown", "You tie your skills and experience to the job."),
        ("no-fit", "Nothing ties your skills or experience to this job."),
    )


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
        if SELF in said_by and _working_life(job, k) and not reading.negated(span):
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
