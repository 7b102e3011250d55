"""The facts of one answer that the rubric's points and red flags are judged on.

Everything here is read clause by clause (``sense.read``): a phrase under a negation
does not count as the point it names, and an action counts as the candidate's own
only when the candidate (or their team) is the one doing it. What each fact is made
of: own actions in ``actions.py``, numbers and the outcomes they measure in
``measures.py``, running someone down and passing the blame in ``blame.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hotseat.feedback.matcher import Match
from hotseat.feedback.sense import NONE, OTHER, SELF, TEAM, Reading, sentence_of

_KEEP_NEGATED = frozenset(
    {
        *("denial", "weakness-named", "scorn", "setback", "drift", "money", "dig", "deflect"),
        *("excuse", "trivial", "ultimatum"),
        "salary-deflect",
    }
)


TAINT_WORDS = 30  # a sentence this long (speech with few pauses) taints only near clauses


@dataclass
class Facts:
    reading: Reading
    concepts: dict[str, list[Match]]  # concept -> live matches (not negated)
    actions: list[Match]  # own action clauses: (clause first, verb)
    self_actions: list[Match]
    impact: list[Match]  # an outcome with a number measuring it
    criticism: list[Match]  # a person or employer run down
    deflection: list[Match]  # a failure put down to others or to circumstances
    repeated: list[tuple[int, int]]  # sentences said before
    novelty: float  # share of content words used once
    content_words: int
    numbers: list[int] = field(default_factory=list)

    def has(self, concept: str) -> bool:
        return bool(self.concepts.get(concept))

    def get(self, concept: str) -> list[Match]:
        return self.concepts.get(concept, [])

    @property
    def tainted(self) -> list[tuple[int, int]]:
        """Sentences that run someone down or put the blame elsewhere: no strength is
        credited with words from them ("I calmly explained that some of us had actually
        shipped..." shows no calm)."""
        spans = []
        reading = self.reading
        for m in self.criticism + self.deflection:
            span = sentence_of(reading, m.first)
            if span[1] - span[0] >= TAINT_WORDS:
                # Speech with few pauses makes long "sentences": keep to the clause and
                # its neighbours, not the whole run of words.
                k = reading.clause_of[m.first]
                lo = reading.clauses[max(0, k - 1)].first
                hi = reading.clauses[min(len(reading.clauses) - 1, k + 1)].last
                span = (lo, hi)
            if span not in spans:
                spans.append(span)
        return spans

    def clean(self, matches: list[Match]) -> list[Match]:
        """The matches outside the tainted sentences."""
        bad = self.tainted
        return [m for m in matches if not any(lo <= m.first <= hi for lo, hi in bad)]


def _live(
    reading: Reading, name: str, matches: list[Match], negators: frozenset[str]
) -> list[Match]:
    if name in _KEEP_NEGATED:
        return list(matches)
    # A phrase that spells out its own negation ("not broken since", "refused") is what
    # it says: its own negating word does not turn it around.
    return [m for m in matches if _says_no(m, negators) or not reading.negated(m)]


_NO = frozenset(["not", "never", "no", "hasn't", "haven't", "didn't", "wasn't", "without"])


def _says_no(m: Match, negators: frozenset[str]) -> bool:
    return any(w in _NO or w in negators for w in m.entry.words)


def gather(job: object) -> Facts:
    from hotseat.feedback.actions import own_actions
    from hotseat.feedback.blame import criticism, deflection
    from hotseat.feedback.job import Job
    from hotseat.feedback.measures import measured_impact, numbers_in
    from hotseat.feedback.sense import read

    assert isinstance(job, Job)
    reading = read(job.answer, job.lex)
    norms = job.answer.norms
    concepts: dict[str, list[Match]] = {}
    for key, matches in job.matches.items():
        if key.startswith("concepts."):
            name = key.split(".", 1)[1]
            concepts[name] = _live(reading, name, matches, job.words("valence.negators"))
    # Own action clauses: the speaker or their team does something, not denied.
    stop = job.words("language.stopwords") | job.words("language.generic")
    actions, self_actions = own_actions(reading, norms, job.words("star.action_verbs"), stop)
    is_number = [t.is_number for t in job.answer.tokens]
    numbers = numbers_in(norms, is_number, job.words("impact.number_words"))
    impact = measured_impact(reading, norms, concepts, numbers, job.words("impact.comparatives"))
    repeated, novelty, content_words = _repetition(reading, norms, stop)
    return Facts(
        reading,
        concepts,
        actions,
        self_actions,
        impact,
        criticism(job, reading),
        deflection(job, reading, concepts, actions),
        repeated,
        novelty,
        content_words,
        numbers,
    )


def _repetition(
    reading: Reading, norms: list[str], stop: frozenset[str]
) -> tuple[list[tuple[int, int]], float, int]:
    seen: set[tuple[str, ...]] = set()
    repeated: list[tuple[int, int]] = []
    units = reading.sentences
    if len(units) < 3:  # no punctuation or pauses: compare clauses instead
        units = [(c.first, c.last) for c in reading.clauses]
    for first, last in units:
        key = tuple(norms[first : last + 1])
        if len(key) < 4:
            continue
        if key in seen:
            repeated.append((first, last))
        seen.add(key)
    content = [w for w in norms if w not in stop and len(w) > 3]
    novelty = len(set(content)) / len(content) if content else 1.0
    return repeated, novelty, len(content)


SUBJECTS = (SELF, TEAM, OTHER, NONE)
