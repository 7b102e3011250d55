"""The points of a story: what the candidate did (actions, step by step), how it
ended (its result), a real example (when, where, what was done), numbers that
measure the outcome, and whose part it was (the speaker's own, or all "we").
Each check reads the answer's ``Facts`` and adds hits with the words that show them.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Match
from hotseat.feedback.quoting import quotes
from hotseat.feedback.recital import outside
from hotseat.feedback.sense import SELF, TEAM, sentence_of

RESULT_FROM = 0.6  # share of the answer after which an outcome counts as its result


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
    _scene(job)
    # The result is how the story ends: an outcome in its last part.
    outcomes = [
        m
        for m in f.get("outcome") + f.get("ending")
        if m.first >= int(job.n * RESULT_FROM) and not _in_lesson(job, m) and not _habit(job, m)
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


SCENE_BY = 0.4  # share of the answer within which the scene is set


def _scene(job: Job) -> None:
    """Where and when the story happened, told before it is under way ("Last spring at
    the depot..."): credited only beside actions of the speaker's own."""
    if not job.facts.self_actions:
        return
    early = int(job.n * SCENE_BY)
    scene = [m for m in job.found("star.situation") if m.first <= early]
    if scene:
        job.add("star-situation", "strength", "You set the scene.", quotes(job, scene[:1], 1))


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


# "I delivered my part on time like always", "..., as I usually do": what the speaker
# always does, not how this story ended.
_AS = frozenset(["as", "like"])
_HABITUAL = frozenset(["always", "usual", "usually", "ever", "normal", "normally"])


def _habit(job: Job, m: Match) -> bool:
    first, last = sentence_of(job.facts.reading, m.first)
    said = job.answer.norms[first : last + 1]
    return any(w in _AS and _HABITUAL & set(said[k + 1 : k + 4]) for k, w in enumerate(said))


def _ends_badly(job: Job) -> bool:
    """ "...and in the end the launch slipped by two months": an ending, if not a good
    one. It is not credited as a result, and not called missing either."""
    tail = int(job.n * RESULT_FROM)
    return any(m.first >= tail for m in job.facts.get("setback"))


def check_specific(job: Job) -> None:
    f = job.facts
    where = _occasions(job, f.get("time-place"))
    acts = _occasions(job, f.clean(f.actions))
    if (where and acts) or len(acts) >= 3:
        job.add(
            "specific-example",
            "strength",
            "A real example: when or where it happened and what you did.",
            quotes(job, (f.clean(where) or acts)[:1] + acts[:1]),
        )
    elif not f.actions and not f.get("time-place"):
        job.add(
            "no-specific-example",
            "major",
            "No real example: nothing says when, where or what you did.",
        )


def _occasions(job: Job, matches: list[Match]) -> list[Match]:
    """The matches outside clauses that sum up a life ("I studied at university and
    then I had some jobs"): a biography names no occasion and nothing done at one."""
    reading = job.facts.reading
    summed = {reading.clause_of[m.first] for m in job.facts.get("life-story")}
    return [m for m in matches if reading.clause_of[m.first] not in summed]


def check_impact(job: Job) -> None:
    # The company's own figures ("its revenue passed forty million") are not the
    # speaker's outcome (``recital``).
    impact = outside(job.recited, job.facts.impact)
    if impact:
        job.add(
            "quantified-impact",
            "strength",
            "Numbers measure the outcome.",
            quotes(job, impact),
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
