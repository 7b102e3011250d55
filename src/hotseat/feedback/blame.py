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
from hotseat.feedback.sense import OTHER, SELF, TEAM, Reading, sentence_of


def criticism(job: Job, reading: Reading) -> list[Match]:
    """Clauses that run a person or an employer down, whatever words carry it."""
    out: list[Match] = []
    norms = job.answer.norms
    for m in job.found("valence.negative"):
        if _free_of(norms, m):
            continue
        if (
            reading.subject(m) == OTHER
            and not reading.negated(m)
            and not _generic(reading, norms, m)
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
    for m in job.found("valence.obstruct"):
        if reading.subject(m) != OTHER or reading.negated(m):
            continue
        first, last = sentence_of(reading, m.first)
        if not worked_out or sneer & set(job.answer.norms[first : last + 1]):
            out.append(m)
    for m in job.found("valence.capable"):
        # "he never listened", "they couldn't keep up"; not "no patient would turn up",
        # where the negation belongs to the subject, not to what they did.
        if (
            reading.subject(m) == OTHER
            and reading.negated(m, by=_VERB_NEGATORS)
            and not _generic(reading, norms, m)
            and not _reported(reading, norms, m)
            and not _names_a_thing(norms, m)
        ):
            out.append(m)
    others = job.words("valence.others")
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
        if _free_of(norms, m):
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
        if _VERB_NEGATORS & set(said) or any(first <= j.first <= last for j in judged):
            out.append(m)
    return out


def _free_of(norms: list[str], m: Match) -> bool:
    """ "blame-free reviews", "a no-blame culture": the bad word named as absent."""
    after = norms[m.last + 1 : m.last + 2]
    return after in (["free"], ["less"]) or norms[max(0, m.first - 1) : m.first] == ["no"]


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


_IF = frozenset(["if", "unless", "whenever", "when"])
_LEADS = frozenset(["and", "but", "so", "because", "since", "as", "even", "only"])
_YOU = frozenset(["you", "your", "you're", "you've", "yourself"])


def _generic(reading: Reading, norms: list[str], m: Match) -> bool:
    """ "if they don't trust you, the shift is harder": a rule of thumb about people in
    general (an "if" clause said to a generic "you"), not a judgement of someone."""
    clause = reading.clause(m.first)
    k = clause.first
    while k < clause.last and norms[k] in _LEADS:
        k += 1
    if norms[k] not in _IF:
        return False
    return bool(_YOU & set(norms[clause.first : clause.last + 1]))


_THINGS_BY_USE = frozenset(["what", "whatever", "which", "whichever", "anything", "everything"])
_SUBJECT_WORDS = frozenset(["they", "he", "she", "people", "nobody", "no", "customers", "users"])


def _names_a_thing(norms: list[str], m: Match) -> bool:
    """ "cut what they do not read", "drop anything nobody opens": the clause names the
    things by how they are used, as the object of the speaker's own doing; it judges
    nobody."""
    for k in range(max(0, m.first - 5), m.first - 1):
        if norms[k] in _THINGS_BY_USE and norms[k + 1] in _SUBJECT_WORDS:
            return True
    return False


_REPORTING = frozenset(
    ["said", "told", "says", "explained", "admitted", "mentioned", "felt", "thought", "asked"]
)


def _reported(reading: Reading, norms: list[str], m: Match) -> bool:
    """ "they told me they didn't know what to do": their own account, reported, not the
    speaker's judgement of them."""
    clause = reading.clause(m.first)
    sentence = sentence_of(reading, m.first)[0]
    before = norms[max(sentence, clause.first - 4) : m.first]
    return bool(_REPORTING & set(before))


_VERB_NEGATORS = frozenset(
    [
        "not",
        "never",
        "hardly",
        "barely",
        "refused",
        "failed",
        "didn't",
        "didnt",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "wasn't",
        "wasnt",
        "weren't",
        "werent",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "couldn't",
        "couldnt",
        "can't",
        "cant",
        "cannot",
        "won't",
        "wont",
        "wouldn't",
        "wouldnt",
        "hasn't",
        "hasnt",
        "haven't",
        "havent",
        "hadn't",
        "hadnt",
    ]
)
