"""What the candidate is moving towards: a forward reason, goals for the next years,
money or perks put first, and salary talk (a researched range, not the number left to
them nor a list of demands).
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Entry, Match
from hotseat.feedback.quoting import flag, quoted, quotes
from hotseat.feedback.recital import outside
from hotseat.feedback.sense import sentence_of


def check_forward(job: Job) -> None:
    # "I want to work somewhere that is run by competent people" runs the old place
    # down; it says nothing about what the speaker is moving towards.
    # Nor is the company's growth where the speaker is going ("you doubled your fleet").
    said = outside(job.recited, job.facts.clean(job.facts.get("forward")))
    forward = [m for m in said if _a_direction(job, m)]
    if forward:
        job.add(
            "forward-looking",
            "strength",
            "You say what you are moving towards.",
            quotes(job, forward),
        )


# A feeling ("passionate about", "excited about") or "this opportunity" said of the job in
# general ("passionate about this opportunity", "about your mission") says the speaker
# likes it, not what they are moving towards; with something to move to in the same
# clause ("the opportunity to lead", "excited by a team that ships small and often") it
# is a direction.
_FEELINGS = frozenset(
    [
        *("excited about", "excited by", "passionate about", "i enjoy", "i love", "drawn to"),
        *("interested in", "opportunit*"),
    ]
)


def _a_direction(job: Job, m: Match) -> bool:
    if m.entry.phrase not in _FEELINGS:
        return True
    if m.entry.phrase == "opportunit*" and job.answer.norms[m.last + 1 : m.last + 2] == ["to"]:
        return True  # "the opportunity to run a ward"
    clause = job.facts.reading.clause(m.first)
    if any(
        o.entry.phrase not in _FEELINGS and clause.first <= o.first <= clause.last
        for o in job.facts.get("forward")
    ):
        return True
    plain = job.words("language.stopwords") | job.words("language.generic") | _THE_JOB
    said = job.answer.norms[m.last + 1 : clause.last + 1]
    return any(w not in plain and len(w) > 3 for w in said)


_THE_JOB = frozenset(
    [
        *("opportunity", "opportunities", "mission", "role", "job", "position", "company"),
        *("values", "vision", "team", "work", "here", "really", "very", "chance", "place"),
        *("join", "joining", "part", "such", "successful"),
    ]
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
    """ "between 48 and 54 thousand", "from 40 to 45k", "55 to 58": a range is the figure
    researched."""
    numbers = set(job.facts.numbers)
    norms = job.answer.norms
    out: list[Match] = []
    for k, word in enumerate(norms):
        # "fifty five to fifty eight": two figures joined by "to"
        if k in numbers and norms[k + 1 : k + 2] == ["to"] and k + 2 in numbers:
            out.append(Match(k, k + 2, _RANGE))
            continue
        if word not in ("between", "from") or k + 1 not in numbers:
            continue
        ahead = norms[k + 1 : k + 1 + _RANGE_WORDS]
        for link in ("and", "to"):
            if link in ahead and k + 2 + ahead.index(link) in numbers:
                out.append(Match(k, k + 2 + ahead.index(link), _RANGE))
                break
    return out


_RANGE = Entry("range", ("range",), (False,))


def _based(job: Job) -> list[Match]:
    """ "I'm on 31 thousand now and the advert says...": a figure said beside what it
    rests on (``concepts.salary-basis``), in one sentence."""
    numbers = job.facts.numbers
    out: list[Match] = []
    for m in job.facts.get("salary-basis"):
        lo, hi = sentence_of(job.facts.reading, m.first)
        if any(lo <= k <= hi for k in numbers):
            out.append(m)
    return out


def check_salary(job: Job) -> None:
    """A researched range, open to the whole package; not the figure left to them, and
    not a figure with a list of demands and nothing behind it."""
    f = job.facts
    demands = f.get("salary-demand")
    terms = f.get("ultimatum")
    researched = [
        m
        for m in f.get("salary-ready")
        if " ".join(m.entry.words) not in _OPEN_ONLY
        and not any(d.first <= m.first <= d.last for d in demands + terms)  # "non-negotiable"
    ]
    researched += _ranges(job) + _based(job)
    dodge = f.get("salary-deflect")
    perks = f.get("money")
    if terms:
        flag(job, "salary-ultimatum", "An ultimatum on pay", terms)
    if demands:
        job.add(
            "salary-unready",
            "major",
            f"Demands, not a researched figure ({quoted(job, demands)}): give a range based "
            "on what the role pays and say you are open to the whole package.",
            quotes(job, demands),
        )
    elif researched and not dodge and not terms:
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
