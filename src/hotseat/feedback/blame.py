"""Running someone down and passing the blame, whatever words carry it.

Criticism is a clause in which another person or an employer is judged badly (a
negative word said of them, what they failed to do, scorn, a sneer or a dig);
deflection is a failure put down to others or to circumstances. Rules of thumb
("if they don't trust you..."), reported speech and things named as absent
("blame-free") judge nobody.
"""

from __future__ import annotations

from hotseat.feedback.job import Job
from hotseat.feedback.matcher import Match, word_entry
from hotseat.feedback.neutral import (
    VERB_NEGATORS,
    free_of,
    generic,
    named_by_their_doing,
    names_a_thing,
    reported,
)
from hotseat.feedback.sense import OTHER, SELF, TEAM, Reading, sentence_of


def criticism(job: Job, reading: Reading) -> list[Match]:
    """Clauses that run a person or an employer down, whatever words carry it."""
    out: list[Match] = []
    norms = job.answer.norms
    for m in job.found("valence.negative"):
        if free_of(norms, m):
            continue
        if (
            reading.subject(m) == OTHER
            and not reading.negated(m)
            and not generic(reading, norms, m)
        ):
            out.append(m)
    # What someone did in the way ("kept changing the sheet I used") is a neutral account
    # when the speaker then worked it out with them; left standing as the whole story, or
    # with a sneer in the same sentence ("of course", "typical"), it runs them down.
    sneer = job.words("valence.sneer")
    worked_out = any(
        reading.subject(m) in (SELF, TEAM) and not reading.negated(m)
        for m in job.found("concepts.resolves")
    )
    others = job.words("valence.others")
    for m in job.found("valence.obstruct"):
        if reading.subject(m) != OTHER or reading.negated(m):
            continue
        first, last = sentence_of(reading, m.first)
        neutral = worked_out or named_by_their_doing(reading, norms, m, others)
        if not neutral or sneer & set(norms[first : last + 1]):
            out.append(m)
    for m in job.found("valence.capable"):
        # "he never listened", "they couldn't keep up"; not "no patient would turn up",
        # where the negation belongs to the subject, not to what they did.
        if (
            reading.subject(m) == OTHER
            and reading.negated(m, by=VERB_NEGATORS)
            and not generic(reading, norms, m)
            and not reported(reading, norms, m)
            and not names_a_thing(norms, m)
            and not named_by_their_doing(reading, norms, m, others)
        ):
            out.append(m)
    for m in job.found("concepts.scorn"):
        if m.entry.words == ("typical",) and norms[max(0, m.first - 1)] in ("a", "the", "our"):
            continue  # "a typical morning": an ordinary one, no sneer
        first, last = sentence_of(reading, m.first)
        if reading.subject(m) == OTHER or any(
            w in others for w in job.answer.norms[first : last + 1]
        ):
            out.append(m)
    out += _held_at_arms_length(job, reading)
    for m in job.found("negativity.blame"):
        if free_of(norms, m):
            continue
        if not reading.negated(m) or m.entry.words[0] == "not":
            out.append(m)
    # Sarcasm and digs ("which was adorable", "some of us had actually..."): scorn
    # without a negative word, whoever the sentence's subject is.
    # "I had been there a week", "I learned my lesson": said of oneself, no dig.
    for m in job.found("concepts.dig"):
        if not (_OF_ONESELF & set(m.entry.words) and reading.subject(m) in (SELF, TEAM)):
            out.append(m)
    out.sort(key=lambda m: (m.first, -m.last))
    merged: list[Match] = []
    for m in out:  # one piece of evidence per spot: "old guard" is not two criticisms
        if merged and m.first <= merged[-1].last + 3:
            if m.last > merged[-1].last:
                merged[-1] = Match(merged[-1].first, m.last, merged[-1].entry)
            continue
        merged.append(m)
    return merged


_JUDGING = ("valence.negative", "valence.obstruct", "concepts.scorn")


def _held_at_arms_length(job: Job, reading: Reading) -> list[Match]:
    """ "those people", "people like him": scorn when their clause says something bad of
    them (a negative word, what they got in the way of, a denial: "those people never
    read the handover", "I can't stand people like that"), not when it thanks or praises
    them ("one of those people thanked me afterwards", "we need more people like her")."""
    judged = [m for name in _JUDGING for m in job.found(name)]
    out: list[Match] = []
    for m in job.found("concepts.distancing"):
        first, last = reading.clause(m.first).first, reading.clause(m.last).last
        said = job.answer.norms[first : last + 1]
        if VERB_NEGATORS & set(said) or any(first <= j.first <= last for j in judged):
            out.append(m)
    return out


_OF_ONESELF = frozenset(["been", "lesson", "minutes", "week", "ears"])
_PEOPLE = frozenset(["other", "others", "people", "people's", "anyone", "anybody", "everyone"])
_LIMITS = frozenset(["control", "change", "trust", "rely", "depend", "fix", "help"])
_CANNOT = frozenset(["cannot", "can't", "cant", "never", "not"])


def deflection(
    job: Job, reading: Reading, concepts: dict[str, list[Match]], actions: list[Match]
) -> list[Match]:
    """A failure put down to others or circumstances, however politely: the phrases of
    ``concepts.deflect``, the brief, customer or timeline made the cause of what went
    wrong (``circumstances``), and a lesson that other people cannot be controlled or
    trusted ("you can't control how other people work")."""
    norms = job.answer.norms
    out = list(concepts.get("deflect", [])) + circumstances(reading, norms, concepts, actions)
    for clause in reading.clauses:
        said = norms[clause.first : clause.last + 1]
        if _PEOPLE & set(said) and _LIMITS & set(said) and _CANNOT & set(said):
            k = next(j for j in range(clause.first, clause.last + 1) if norms[j] in _LIMITS)
            out.append(Match(clause.first, min(clause.last, k + 4), word_entry(norms[k])))
    out.sort(key=lambda m: m.first)
    return out


# Words that make one thing the cause of the next: "X, so Y", "Y because X".
_SO = (("so",), ("which", "is", "why"), ("that's", "why"), ("which", "meant"), ("that", "meant"))
_BECAUSE = (("because",), ("since",), ("due", "to"), ("cause",), ("cos",))
# A failure said to have been certain: cause and fallout in one ("bound to slip").
_FATED = (("bound", "to"), ("always", "going", "to"), ("never", "going", "to"), ("no", "wonder"))


def _at(norms: list[str], lo: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> list[int]:
    return [
        k
        for k in range(lo, hi + 1)
        for p in phrases
        if tuple(norms[k : k + len(p)]) == p and k + len(p) - 1 <= hi
    ]


def circumstances(
    reading: Reading, norms: list[str], concepts: dict[str, list[Match]], actions: list[Match]
) -> list[Match]:
    """ "It went wrong because the brief was never pinned down", "the client changed
    their mind, so it was always going to slip": what went wrong pinned, in one sentence,
    on something outside the speaker (``concepts.excuse``). Not when the speaker owns
    their part anywhere ("I should have..."), and not when what follows the excuse is
    what the speaker did about it ("the brief was vague, so I rang the buyer")."""
    if any(reading.subject(m) == SELF for m in concepts.get("owns", [])):
        return []
    acted = {(m.first, m.last): m.entry.words[0] for m in actions}

    def fallout(lo: int, hi: int) -> bool:
        for m in concepts.get("setback", []):
            if not lo <= m.first <= hi:
                continue
            clause = reading.clause(m.first)
            verb = acted.get((clause.first, clause.last))
            if verb is None or verb in m.entry.words:  # not a response, or "I missed"
                return True
        return False

    out: list[Match] = []
    for m in concepts.get("excuse", []):
        lo, hi = sentence_of(reading, m.first)
        fated = _at(norms, lo, hi, _FATED)
        so = [k for k in _at(norms, m.last + 1, hi, _SO) if fallout(k + 1, hi)]
        because = [k for k in _at(norms, lo, m.first - 1, _BECAUSE) if fallout(lo, k - 1)]
        if fated or so or because:
            out.append(m)
    return out
