"""The points a strong answer makes for its question's intent, and the red flags.

Here: the story (actions, result, a real example, numbers, whose part it was,
owning a mistake, learning, a weakness worked on, a conflict resolved, coping,
leading, credit to others). What the answer says about the job, the company and
people is in ``stance.py``. Each check reads the answer's ``Facts`` and adds hits
with the words that show them. A strength is never credited for a point the answer
violates: red flags veto the strengths they contradict (``VETOES``), after all
checks ran.
"""

from __future__ import annotations

from hotseat.feedback.facts import sentence_of
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
    # "I always lead by example" with nothing done behind it: a claim, not leading shown.
    "no-specific-example": frozenset({"leads"}),
    "star-action-missing": frozenset({"leads"}),
    "empty-claims": frozenset({"leads"}),
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


def quotes(job: Job, matches: list[Match], limit: int = 2) -> tuple[Evidence, ...]:
    """Quotes of the first ``limit`` matches that do not show the same words twice."""
    picked: list[Match] = []
    for m in sorted(matches, key=lambda m: m.first):
        if not picked or m.first > picked[-1].last + 3:
            picked.append(m)
    out: list[Evidence] = []
    for m in picked:
        e = _whole(job, m)
        # Whole clauses can hold one another: never show the same words twice.
        if not any(e.text in o.text or o.text in e.text for o in out):
            out.append(e)
    return tuple(out[:limit])


QUOTE_WORDS = 16  # a clause up to this long is quoted whole


def _whole(job: Job, m: Match) -> Evidence:
    """The clause the words sit in, whole, so a quote never stops halfway through what
    it shows ("I want to work somewhere that" without "...is run by competent people");
    a long clause is cut to the words and a little context."""
    reading = job.facts.reading
    first, last = reading.clause(m.first).first, reading.clause(m.last).last
    hi = sentence_of(reading, m.first)[1]
    while last - first + 1 < 5 and last < hi:  # "We went back": the clause after it too
        nxt = reading.clause(last + 1).last
        if min(nxt, hi) - first + 1 > QUOTE_WORDS:
            break
        last = min(nxt, hi)
    if last - first + 1 <= QUOTE_WORDS:
        return job.answer.quote(first, last, pad=0)
    return job.answer.quote(m.first, m.last, pad=3)


def quoted(job: Job, matches: list[Match]) -> str:
    return ", ".join(f'"{e.text}"' for e in quotes(job, matches, 2))


def either(job: Job, found: list[Match], good: tuple[str, str], bad: tuple[str, str]) -> None:
    """The strength ``good`` (id, message) quoting ``found``, or the problem ``bad`` when
    nothing was found."""
    if found:
        job.add(good[0], "strength", good[1], quotes(job, found))
    else:
        job.add(bad[0], "major", bad[1])


def flag(job: Job, finding: str, what: str, matches: list[Match], severity: str = "major") -> None:
    """A problem named with the answer's own words: "<what>: "...", "..."." """
    job.add(finding, severity, f"{what}: {quoted(job, matches)}.", quotes(job, matches))


def check_story(job: Job) -> None:
    """A behavioural answer tells what the candidate did, and how it ended."""
    f = job.facts
    told = f.clean(f.actions)  # not the actions told while running someone down
    # "You told what you did" needs something the speaker did: all "we" is not it.
    mine = f.clean(f.self_actions)
    if len(told) >= 2 and mine:
        job.add(
            "star-action", "strength", "You told what you did, step by step.", quotes(job, told)
        )
    elif not f.actions:
        job.add(
            "star-action-missing",
            "major",
            "No actions: the answer never says what you did.",
        )
    # The result is how the story ends: an outcome in its last part.
    outcomes = [
        m
        for m in f.get("outcome") + f.get("ending")
        if m.first >= int(job.n * RESULT_FROM) and not _in_lesson(job, m)
    ]
    outcomes.sort(key=lambda m: m.first)
    high = job.band[1]
    if outcomes and f.actions:
        job.add("star-result", "strength", "You said how it ended.", quotes(job, outcomes[-1:], 1))
    elif round(job.seconds) > high * job.rubric.n("length.ramble_share"):
        job.add(
            "ramble",
            "major",
            f"A long story ({job.length_note()}) that never arrives at how it ended.",
        )
    elif f.actions and not _ends_badly(job):
        job.add("result-missing", "major", "No result: the story stops before how it ended.")


# "I learned that bringing people in early saves time": what the story taught, not how
# it ended.
_LESSON = frozenset(
    ["learned", "learnt", "lesson", "taught", "showed", "realised", "realized", "takeaway"]
)


def _in_lesson(job: Job, m: Match) -> bool:
    """Inside what was learned: after a lesson word in its sentence, in the same clause
    or one with no doer of its own ("...and I still run that check" is an ending)."""
    reading = job.facts.reading
    lo = sentence_of(reading, m.first)[0]
    clause = reading.clause(m.first)
    return any(
        lo <= lesson.first < m.first
        and _LESSON & set(lesson.entry.words)
        and (reading.clause(lesson.first) == clause or clause.subject not in (SELF, TEAM))
        for lesson in job.facts.get("learning")
    )


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
            quotes(job, (f.clean(where) or acts)[:1] + acts[:1]),
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
            quotes(job, f.impact),
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
            quotes(job, own),
        )
    elif len(team) >= 2 and not _led(job):
        job.add(
            "own-role-unclear",
            "major",
            'Your own part is unclear: every action is "we".',
            quotes(job, team),
        )


def _led(job: Job) -> bool:
    """ "I led the team and we delivered": the speaker's own part is the lead."""
    reading = job.facts.reading
    return any(
        reading.subject(m) == SELF and not reading.negated(m) for m in job.facts.get("leads")
    )


def _things(n: int) -> str:
    return "one thing" if n == 1 else f"{n} things"


def check_owns(job: Job) -> None:
    f = job.facts
    if f.has("denial"):
        check_denial(job)
        return
    owns = [m for m in f.clean(f.get("owns")) if not _a_duty(job, m)]
    either(
        job,
        owns,
        ("owns-mistake", "You own your part in what went wrong."),
        ("no-ownership", "You never say what your own part in it was."),
    )


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


def check_denial(job: Job) -> None:
    denial = job.facts.get("denial")
    if denial:
        flag(job, "denial", "Denies the premise of the question", denial)


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


def check_resolution(job: Job) -> None:
    f = job.facts
    check_denial(job)
    # Worked out by the candidate (or with them): "it worked out" on its own is not how.
    done = [m for m in f.clean(f.get("resolves")) if job.facts.reading.subject(m) in (SELF, TEAM)]
    # "Our lead stepped in and took my side": settled over the other person's head.
    settled = [
        m for m in f.get("settled-by-other") if job.facts.reading.subject(m) not in (SELF, TEAM)
    ]
    if done:
        job.add(
            "resolved", "strength", "You worked it out with the other person.", quotes(job, done)
        )
    elif settled and not f.has("denial"):
        job.add(
            "not-resolved",
            "major",
            f"Someone else settled it ({quoted(job, settled)}): nothing says how you worked "
            "it out with the other person.",
            quotes(job, settled),
        )
    elif not f.has("denial"):
        job.add("not-resolved", "major", "Nothing says how the disagreement was worked out.")


def check_coping(job: Job) -> None:
    copes = [m for m in job.facts.get("copes") if job.facts.reading.subject(m) != OTHER]
    # What the speaker did about it, step by step, is how they handled it, whatever the
    # words ("I rang six others, found one, trimmed the courses").
    acts = job.facts.clean(job.facts.self_actions)
    copes = copes or (acts if len(acts) >= 2 else [])
    if copes:
        job.add(
            "copes",
            "strength",
            "You say how you organised the work under pressure.",
            quotes(job, copes),
        )
    else:
        job.add("no-coping", "minor", "Nothing says how you handled the pressure.")


def check_leading(job: Job) -> None:
    leads = job.facts.get("leads")
    if leads:
        job.add("leads", "strength", "You show how you led or enabled others.", quotes(job, leads))


def check_credit(job: Job) -> None:
    credits = job.facts.get("credits")
    solo = [m for m in job.facts.get("solo") if job.facts.reading.subject(m) != OTHER]
    if solo:
        flag(job, "prefers-alone", "You say you would rather work alone", solo)
    elif not credits:
        job.add("no-collaboration", "minor", "No one else appears: who did you work with?")
