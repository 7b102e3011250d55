"""What others did, told in words that judge nobody.

``blame.criticism`` reads a clause whose subject is someone else and that says
something bad of them, or denies something they should have done, as running them
down. These are the accounts that only look like that: a bad word named as absent
("blame-free reviews"), a rule of thumb said to a generic "you" ("if they don't trust
you..."), things named by how they are used or by what someone did with them ("cut
what they never read", "rebuilt the two screens they skipped"), and someone's own
account reported ("they told me they didn't know").
"""

from __future__ import annotations

from hotseat.feedback.matcher import Match
from hotseat.feedback.sense import Reading, sentence_of


def free_of(norms: list[str], m: Match) -> bool:
    """ "blame-free reviews", "a no-blame culture": the bad word named as absent."""
    after = norms[m.last + 1 : m.last + 2]
    return after in (["free"], ["less"]) or norms[max(0, m.first - 1) : m.first] == ["no"]


_IF = frozenset(["if", "unless", "whenever", "when"])
_LEADS = frozenset(["and", "but", "so", "because", "since", "as", "even", "only"])
_YOU = frozenset(["you", "your", "you're", "you've", "yourself"])


def generic(reading: Reading, norms: list[str], m: Match) -> bool:
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


def names_a_thing(norms: list[str], m: Match) -> bool:
    """ "cut what they do not read", "drop anything nobody opens": the clause names the
    things by how they are used, as the object of the speaker's own doing; it judges
    nobody."""
    for k in range(max(0, m.first - 5), m.first - 1):
        if norms[k] in _THINGS_BY_USE and norms[k + 1] in _SUBJECT_WORDS:
            return True
    return False


# Words that name a thing when a determiner or a count comes before them.
_DETERMINERS = frozenset(
    [
        *("the", "a", "an", "those", "these", "every", "each", "all", "any", "some", "both"),
        *("two", "three", "four", "five", "few", "several", "many", "most", "our", "my"),
        *("their", "his", "her", "your", "its", "one", "last", "first", "same"),
    ]
)
# Never the thing named: a link or a word that takes a clause ("so they skipped",
# "I knew they skipped it", "annoyed that they missed it").
_NOT_A_THING = frozenset(
    [
        *("and", "but", "so", "or", "because", "that", "when", "if", "then", "than", "as"),
        *("said", "told", "knew", "know", "think", "thought", "noticed", "found", "saw"),
        *("realised", "realized", "heard", "felt", "annoyed", "glad", "sure", "upset"),
        *("angry", "frustrated", "worried", "afraid", "surprised", "shocked", "fact", "time"),
    ]
)
# Between the person and what they did: "they never read", "people had skipped".
_BETWEEN = frozenset(["never", "always", "often", "usually", "just", "had", "have", "would"])
# What follows a verb that still has its object: the clause is no relative one.
_OBJECTS = frozenset(
    [
        *("it", "them", "him", "her", "me", "us", "this", "that", "the", "a", "an"),
        *("my", "our", "his", "their", "your", "those", "these", "every", "all", "any"),
    ]
)


def named_by_their_doing(
    reading: Reading, norms: list[str], m: Match, people: frozenset[str]
) -> bool:
    """ "rebuilt the two screens they skipped", "the steps the drivers missed were...":
    a thing named by what others did with it (a relative clause with no "which" or
    "that"), a neutral description that judges nobody. (``breaks`` may start a sentence
    at "they" there; only a written mark ends the thing's sentence.)"""
    tokens = reading.answer.tokens
    k = m.first - 1
    while k > 0 and norms[k] in _BETWEEN | VERB_NEGATORS and not tokens[k].sentence_start:
        k -= 1
    if k < 2 or norms[k] not in people:
        return False
    if norms[k - 1] == "the":  # "the drivers"
        k -= 1
    head = k - 1
    if _marked(reading, head) or norms[head] in _NOT_A_THING or norms[head] in people:
        return False
    lo = sentence_of(reading, head)[0]
    if not any(norms[j] in _DETERMINERS for j in range(max(lo, head - 3), head)):
        return False
    return norms[m.last + 1 : m.last + 2] == [] or norms[m.last + 1] not in _OBJECTS


def _marked(reading: Reading, k: int) -> bool:
    """A sentence mark written between word ``k`` and the next."""
    answer = reading.answer
    gap = answer.text[answer.tokens[k].cend : answer.tokens[k + 1].cstart]
    return any(c in gap for c in ".!?;:")


_REPORTING = frozenset(
    ["said", "told", "says", "explained", "admitted", "mentioned", "felt", "thought", "asked"]
)


def reported(reading: Reading, norms: list[str], m: Match) -> bool:
    """ "they told me they didn't know what to do": their own account, reported, not the
    speaker's judgement of them."""
    clause = reading.clause(m.first)
    sentence = sentence_of(reading, m.first)[0]
    before = norms[max(sentence, clause.first - 4) : m.first]
    return bool(_REPORTING & set(before))


VERB_NEGATORS = frozenset(
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
