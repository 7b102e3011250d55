"""Sentences in answers that have none marked: a recogniser's words, or text typed in one go.

Checks that look within one sentence (who does what, negation, blame aimed at a
person, a number measuring an outcome, learning stated) would otherwise see a whole
unpunctuated answer as one sentence. Only a long run of words with no sentence mark
is cut (``LONG_RUN``; a sentence written with commas only past ``LONG_WRITTEN``), so
punctuated text is read as written. Inside such a run a sentence starts:

- in speech with word times, at a pause long for this speaker: at least
  ``PAUSE_FACTOR`` times their usual gap between words and ``PAUSE_FLOOR`` seconds
  (the fixed ``tokens.SENTENCE_PAUSE`` already marks the long ones);
- at a word that opens a sentence when people talk without stops ("so", "and then",
  "but", "after that", "in the end": ``sentences.openers``, with the uses that stay
  inside a sentence ruled out by their context);
- at a subject pronoun that follows a finished phrase ("... rebuilt the rota we
  never missed a shift again"): a subject pronoun cannot be an object, so after any
  word but a joining word or a verb that takes a clause (``sentences.continuers``)
  it starts a new clause; so do "you", "it" and "there" when a verb follows them
  ("... care about your customers you have a great name").

No sentence found here is shorter than ``MIN_WORDS`` words, so a stumble or a
compound subject ("my colleague and I") is never cut off on its own.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import replace

from hotseat.feedback.lexicon import Lexicons
from hotseat.feedback.matcher import Entry
from hotseat.feedback.tokens import Answer, Token

LONG_RUN = 20  # words in a row with no sentence mark before this reads them for sentences
LONG_WRITTEN = 45  # ... and when the run has commas, someone wrote it as one sentence
MIN_WORDS = 4  # a sentence found here has at least this many words, and so does the rest
PAUSE_FACTOR = 3.0  # a pause this many times the speaker's usual gap ...
PAUSE_FLOOR = 0.3  # ... and at least this many seconds ends a sentence inside a long run


def mark(answer: Answer, lex: Lexicons) -> Answer:
    """``answer`` with sentence starts added inside its long unmarked runs."""
    tokens = answer.tokens
    if len(tokens) <= LONG_RUN:
        return answer
    starts = [k for k, t in enumerate(tokens) if k == 0 or t.sentence_start]
    ends = [*starts[1:], len(tokens)]
    runs = [
        (a, b)
        for a, b in zip(starts, ends, strict=True)
        if b - a > (LONG_WRITTEN if any(t.comma_before for t in tokens[a:b]) else LONG_RUN)
    ]
    if not runs:
        return answer
    norms = answer.norms
    pause = _pause_threshold(tokens) if answer.timed else None
    found: set[int] = set()
    for a, b in runs:
        found.update(_breaks(tokens, norms, a, b, pause, lex))
    if not found:
        return answer
    marked = tuple(
        replace(t, sentence_start=True) if k in found else t for k, t in enumerate(tokens)
    )
    return replace(answer, tokens=marked)


def _pause_threshold(tokens: tuple[Token, ...]) -> float:
    gaps = [max(0.0, (b.start or 0.0) - (a.end or 0.0)) for a, b in itertools.pairwise(tokens)]
    usual = statistics.median(gaps) if gaps else 0.0
    return max(PAUSE_FLOOR, PAUSE_FACTOR * usual)


def _breaks(
    tokens: tuple[Token, ...],
    norms: list[str],
    a: int,
    b: int,
    pause: float | None,
    lex: Lexicons,
) -> list[int]:
    """Sentence starts inside the run of tokens ``a..b-1``."""
    openers: dict[str, list[Entry]] = {}
    for entry in lex.phrases["sentences.openers"]:
        openers.setdefault(entry.words[0], []).append(entry)
    subjects = lex.words["sentences.subjects"]
    verb_subjects = lex.words["sentences.verb_subjects"]
    carry_on = lex.words["sentences.continuers"] | subjects
    finite = lex.words["sentences.finite"]
    cues = subjects | verb_subjects | openers.keys()
    out: list[int] = []
    last = a
    for k in range(a + MIN_WORDS, b - MIN_WORDS + 1):
        word = norms[k]
        if k - last < MIN_WORDS:
            continue
        paused = pause is not None and _gap(tokens, k) >= pause
        if not paused and word not in cues:
            continue  # most words: nothing to look at
        if paused or any(_opens(e, norms, k, b) for e in openers.get(word, ())):
            out.append(k)
            last = k
        elif (
            (word in subjects or (word in verb_subjects and _next(norms, k, b) in finite))
            and norms[k - 1] not in carry_on
            and not _relative(norms, k, b)
            and not (norms[k - 1] in _OBJECTS and norms[k - 2] in carry_on)
            and not _fronted(norms, last, k)
        ):
            # "... on the ward last year I helped", "... from the start now I check":
            # the time phrase or the adverb put first opens the new sentence
            start = _put_first(norms, k, lex)
            start = start if start - last >= MIN_WORDS else k
            out.append(start)
            last = start
    return out


def _gap(tokens: tuple[Token, ...], k: int) -> float:
    start, end = tokens[k].start, tokens[k - 1].end
    return start - end if start is not None and end is not None else 0.0


def _put_first(norms: list[str], k: int, lex: Lexicons) -> int:
    if norms[k - 1] in lex.words["sentences.leads"]:
        return k - 1
    return _time_phrase(norms, k, lex.words["sentences.times"])


# Words that open a time phrase only when it is put first ("in", "by", "after" close a
# sentence as often: "... for the first time in three years").
_TIME_LEADS = frozenset(["last", "this", "that", "next", "during", "throughout", "one", "early"])


def _time_phrase(norms: list[str], k: int, times: frozenset[str]) -> int:
    """Where a time phrase just before ``k`` starts ("last year", "during my final
    year", "in my first month"), else ``k``."""
    if norms[k - 1] not in times:
        return k
    leads = [j for j in range(max(0, k - 4), k - 1) if norms[j] in _TIME_LEADS]
    return leads[0] if leads else k


_DETERMINERS = frozenset(
    ["the", "a", "an", "every", "each", "any", "this", "these", "those", "no", "whatever"]
)
# Said right after a subject, these make it a main clause: "the owner I'm", "the team
# we really", "the rota she never": not "the team I led", "a tool we built".
_MAIN = frozenset(
    [
        *("was", "were", "is", "are", "can", "could", "will", "would", "should", "must"),
        *("might", "really", "just", "never", "always", "didn't", "don't", "wasn't"),
        *("couldn't", "wouldn't", "then", "also", "still", "honestly", "actually"),
    ]
)


def _relative(norms: list[str], k: int, b: int) -> bool:
    """ "the team I led", "a tool we built": a bare subject pronoun just after a noun with
    its determiner starts a clause about that noun, not a new sentence."""
    return norms[k - 2] in _DETERMINERS and "'" not in norms[k] and _next(norms, k, b) not in _MAIN


# "they told me they...", "I showed her we...": a clause reported to someone.
_OBJECTS = frozenset(["me", "him", "her", "them", "us", "you", "everyone", "everybody"])
# "but after two weeks we...", "so in march I...": a time or place put first.
_FRONT = frozenset(
    ["after", "before", "during", "in", "on", "at", "by", "within", "over", "for", "from"]
)
_FRONT |= frozenset(["last", "this", "that", "next", "around", "about", "until"])
_LINKS = frozenset(["and", "but", "so", "then", "now", "well", "yeah", "okay", "um", "uh"])


def _fronted(norms: list[str], first: int, k: int) -> bool:
    """The words since the last sentence start are only a time or place phrase."""
    j = first
    while j < k and norms[j] in _LINKS:
        j += 1
    return j < k and norms[j] in _FRONT and k - j <= MIN_WORDS + 1


def _next(norms: list[str], k: int, b: int) -> str:
    return norms[k + 1] if k + 1 < b else ""


def _opens(entry: Entry, norms: list[str], k: int, b: int) -> bool:
    n = len(entry.words)
    if k + n > b or tuple(norms[k : k + n]) != entry.words:
        return False
    after = norms[k + n] if k + n < b else ""
    return norms[k - 1] not in entry.not_after and after not in entry.not_before
