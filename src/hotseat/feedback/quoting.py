"""Findings told in the answer's own words: the quotes that show a point, whole
clauses that never stop halfway through what they show, and the two ways a check
adds a finding with them (a strength or its missing counterpart; a problem named
with its words).
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Match
from hotseat.feedback.model import Evidence
from hotseat.feedback.sense import sentence_of


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
    lo, hi = sentence_of(reading, m.first)
    k = reading.clause_of[first]
    limit = QUOTE_WORDS
    if (
        first > lo
        and _borrows_subject(job, first)
        and last - reading.clauses[k - 1].first < QUOTE_WORDS + _DOER_WORDS
    ):
        # "...and sent it round": the clause before says who did it
        first = reading.clauses[k - 1].first
        limit = QUOTE_WORDS + _DOER_WORDS
    while last - first + 1 < 5 and last < hi:  # "We went back": the clause after it too
        nxt = reading.clause(last + 1).last
        if min(nxt, hi) - first + 1 > QUOTE_WORDS:
            break
        last = min(nxt, hi)
    if last - first + 1 <= limit:
        return job.answer.quote(first, last, pad=0)
    return job.answer.quote(m.first, m.last, pad=3)


_DOER_WORDS = 6  # a quote may run this much longer to keep who did it ("so i sat them...")


_JOINED = frozenset(["and", "then", "but", "or", "so"])


def _borrows_subject(job: Job, first: int) -> bool:
    """A clause that opens with "and" and a verb, or with a verb after a comma ("I rang
    him, moved the bread"): its doer is in the clause before."""
    norms = job.answer.norms
    people = job.words("valence.self") | job.words("valence.team") | job.words("valence.others")
    k = first
    while k < len(norms) and norms[k] in _JOINED:
        k += 1
    if k >= len(norms) or norms[k] in people:
        return False
    if k > first:  # "and got them to...", not "and the advert puts..."
        return norms[k] not in _NOT_A_DOING and not norms[k][:1].isdigit()
    return norms[k] in job.words("star.action_verbs") or norms[k].endswith("ed")


_NOT_A_DOING = frozenset(
    [
        *("the", "a", "an", "this", "that", "these", "those", "my", "our", "his", "her"),
        *("their", "its", "it", "there", "it's", "that's", "there's", "your", "some", "all"),
    ]
)


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
