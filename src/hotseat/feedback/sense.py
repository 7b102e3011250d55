"""What each clause of an answer says: who does it, whether it is denied, how it judges.

Answers are cut into clauses at sentence marks, at pauses in speech, and where a
new subject starts ("... and he never replied", "... so i rebuilt it"), so text
with no punctuation (a recogniser's, or typed in a hurry) reads the same as
punctuated text. Each clause knows its subject (the speaker, the speaker's team,
someone else, or nobody in particular) and where its negations are, so a check can
tell "I listened" from "he never listened", and "I owned it" from "I never owned it".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from hotseat.feedback.lexicon import Lexicons
from hotseat.feedback.matcher import Match
from hotseat.feedback.tokens import Answer

SELF, TEAM, OTHER, NONE = "self", "team", "other", "none"
# Words that join clauses; the first of them also lead into a clause's subject.
_LINKS = ("and", "but", "so", "because", "though", "although", "while", "when", "then")
_JOINERS = frozenset(
    [
        *_LINKS,
        *("whereas", "which", "who", "since", "until", "after", "before", "or", "yet"),
        *("cause", "cos"),
    ]
)
_DETERMINERS = frozenset(
    [
        *("my", "our", "the", "his", "her", "their", "that", "this", "those", "these"),
        *("a", "an", "one", "some"),
    ]
)
# Said before a clause's subject without being it ("and then honestly I...").
_LEAD_IN = frozenset(
    [
        *_LINKS,
        *("also", "just", "really", "actually", "even", "still", "of", "course"),
        *("obviously", "honestly", "basically", "literally", "well"),
    ]
)
_NEGATION_REACH = 4  # a negator turns around what follows within this many words


@dataclass(frozen=True)
class Clause:
    first: int
    last: int  # inclusive
    subject: str  # SELF | TEAM | OTHER | NONE
    negators: tuple[int, ...]  # token indices of negating words


@dataclass
class Reading:
    """An answer read clause by clause, with the valence lexicon's matches."""

    answer: Answer
    clauses: list[Clause]
    clause_of: list[int]  # token index -> clause index

    def clause(self, k: int) -> Clause:
        return self.clauses[self.clause_of[k]]

    def negated(self, match: Match, by: frozenset[str] | None = None) -> bool:
        """A negator shortly before (or inside) the match, in the same clause; ``by``
        limits which negating words count."""
        clause = self.clause(match.first)
        norms = self.answer.tokens
        return any(
            match.first - _NEGATION_REACH <= n <= match.last
            and n >= clause.first
            and (by is None or norms[n].norm in by)
            for n in clause.negators
        )

    def subject(self, match: Match) -> str:
        return self.clause(match.first).subject

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans (first, last) by punctuation or pause."""
        out: list[tuple[int, int]] = []
        start = 0
        tokens = self.answer.tokens
        for k in range(1, len(tokens)):
            if tokens[k].sentence_start:
                out.append((start, k - 1))
                start = k
        if tokens:
            out.append((start, len(tokens) - 1))
        return out


def sentence_of(reading: Reading, k: int) -> tuple[int, int]:
    """The span (first, last) of the sentence token ``k`` is in."""
    for first, last in reading.sentences:
        if first <= k <= last:
            return first, last
    return k, k


def _subject(norms: list[str], first: int, last: int, lex: Lexicons) -> str:
    selfs = lex.words["valence.self"]
    team = lex.words["valence.team"]
    others = lex.words["valence.others"]
    things = lex.words["valence.things"]
    k = first
    while k <= last and norms[k] in _LEAD_IN:
        k += 1
    k = _past_fronted(norms, k, last, selfs | others)
    for j in range(k, min(last, k + 4) + 1):
        word = norms[j]
        if word in selfs:
            return SELF
        if word in ("we", "we're", "we've", "we'd", "we'll"):
            return TEAM
        if word in ("my", "our") and j + 1 <= last:
            ahead = norms[j + 1 : min(last, j + 2) + 1]
            if ahead[0] in ("team", "group", "squad"):
                return TEAM
            with_me = " ".join(norms[j + 1 : min(last, j + 4) + 1]).find(" and i") >= 0
            if not with_me and any(w in others or _names_a_person(w, things) for w in ahead):
                return OTHER  # "our manager", "my new supervisor": someone else
        if j > k and word in _OBJECT_FORMS:
            continue  # "and moved them to...": the one it was done to, not the doer
        if word in others or (j > k and _names_a_person(word, things)):
            return OTHER
        if word in team:
            return TEAM
        if word in ("it", "this", "that", "there", "things", "everything"):
            return NONE
        if word not in _DETERMINERS and j > k + 1:
            break
    return NONE


# Pronouns that are never a clause's subject: after its first word they name whom
# something was done to ("and rang them", "then told him").
_OBJECT_FORMS = frozenset(["them", "him", "me", "us"])

# "On the night shift our pharmacist...", "During the audit my manager...": a place or
# time put first, with no comma after it in speech, comes before the subject.
_FRONTED = frozenset(
    ["on", "at", "in", "during", "after", "before", "over", "by", "for", "from", "last"]
)
_FRONT_WORDS = 3  # words of the place or time phrase at most, after its determiner


def _past_fronted(norms: list[str], k: int, last: int, people: frozenset[str]) -> int:
    """Where the subject starts when a place or time phrase comes first, else ``k``."""
    if k > last or norms[k] not in _FRONTED:
        return k
    j = k + 1
    if j <= last and norms[j] in _DETERMINERS:
        j += 1
    for n in range(j, min(last, j + _FRONT_WORDS) + 1):
        word = norms[n]
        if word in people or word in ("we", "i") or (word in _DETERMINERS and n > j):
            return n
    return k


# Nouns for people by what they do, in any trade ("the foreman", "our pump operator",
# "the locum pharmacist"): no list can hold every job title, so a word after a
# determiner ending like one counts as a person, unless it is a common thing
# (``valence.things``: "the printer", "the quarter").
_PERSON_ENDINGS: tuple[str, ...] = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians")
_PERSON_ENDINGS += ("man", "men", "woman", "women", "person", "people")


def _names_a_person(word: str, things: frozenset[str]) -> bool:
    if word in things or len(word) < 5 or not word.isalpha():
        return False
    return word.endswith(_PERSON_ENDINGS)


_ELLIPSIS = frozenset(["and", "then", "but", "or"])
_NOT_A_VERB = frozenset(
    ["it", "this", "that", "there", "the", "a", "an", "his", "her", "their", "my", "our", "its"]
)


def _shares_subject(norms: list[str], first: int, last: int, nouns: frozenset[str]) -> bool:
    """ "and sent it round": a joined clause with no subject of its own."""
    k = first
    while k <= last and norms[k] in _ELLIPSIS:
        k += 1
    if k == first or k > last:
        return False
    word = norms[k]
    return word not in _NOT_A_VERB and word not in nouns and not word[:1].isdigit()


def _a_past_verb(word: str, verbs: frozenset[str]) -> bool:
    """ "moved", "rang", "built": a clause opening with one after a comma goes on
    listing what the last subject did."""
    return word in verbs or (word.endswith("ed") and len(word) > 4)


def _starts_clause(norms: list[str], k: int, lex: Lexicons) -> bool:
    word = norms[k]
    prev = norms[k - 1]
    # "I merged it myself": a reflexive word ends what it belongs to, it starts nothing.
    if word == "myself":
        return False
    if word in lex.words["valence.self"] or word in ("we", "he", "she", "they"):
        # "what i did", "the team i led": a relative clause, not a new subject
        return prev not in ("what", "that", "which", "who", "whom", "than", "as", "if", "how")
    return word in _JOINERS


def read(answer: Answer, lex: Lexicons) -> Reading:
    norms = answer.norms
    negators = lex.words["valence.negators"]
    nouns = lex.words["valence.others"] | lex.words["impact.number_words"]
    verbs = lex.words["star.action_verbs"]
    clauses: list[Clause] = []
    clause_of: list[int] = []
    start = 0

    def close(last: int) -> None:
        negs = tuple(j for j in range(start, last + 1) if norms[j] in negators)
        subject = _subject(norms, start, last, lex)
        listed = answer.tokens[start].comma_before and _a_past_verb(norms[start], verbs)
        if subject == NONE and clauses and (_shares_subject(norms, start, last, nouns) or listed):
            # "I wrote it down and [I] sent it round", "I rang him, [I] moved the bread"
            subject = clauses[-1].subject
        clauses.append(Clause(start, last, subject, negs))
        clause_of.extend([len(clauses) - 1] * (last - start + 1))

    for k in range(1, len(norms)):
        token = answer.tokens[k]
        new = token.sentence_start or (
            k - start >= 2 and (_starts_clause(norms, k, lex) or token.comma_before)
        )
        if new:
            close(k - 1)
            start = k
    if norms:
        close(len(norms) - 1)
    return Reading(answer, clauses, clause_of)
