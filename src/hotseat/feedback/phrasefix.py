"""Typos that are real words, put right by the phrase around them.

"passionate abut", "learned form it", "took responsability for": the first two are
real (rare) English words, so a word-by-word speller must leave them alone, and a
point that rests on one phrase would flip on one slip of the keyboard or the
recogniser. Here a word one edit from a lexicon phrase's word is read as that word
when its neighbours spell out the rest of the phrase exactly, with at least one
long word among them to anchor it ("passionate"). Words that turn a meaning around
(negators: "never" is one letter from "ever") are never changed or produced, and a
word is only read as a far commoner one: "form" becomes "from", "from" never "form",
and "store credit" stays "store credit" though "stole credit" is a phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from hotseat.feedback.edits import deletes, one_edit
from hotseat.feedback.matcher import Entry

ANCHOR = 5  # the rest of the phrase must hold a word at least this long
MIN_WORD = 4  # a phrase word shorter than this is never the one put right
MIN_TOKEN = 3
MAX_PHRASE = 4
COMMONER = 10  # the phrase's word must be this many times commoner ("store" never "stole")


@dataclass
class PhraseFixer:
    """Multi-word lexicon phrases with one word left blank, and the words that fill it."""

    negators: frozenset[str]
    frequencies: dict[str, int]
    # blank word -> (its place, the phrase's words) for every phrase it may fill
    _phrases: dict[str, list[tuple[int, tuple[str, ...]]]] = field(default_factory=dict)
    _near: dict[str, set[str]] = field(default_factory=dict)  # a delete -> blank words
    _cache: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add(self, entries: Iterable[Entry]) -> None:
        for entry in entries:
            words = entry.words
            if not 2 <= len(words) <= MAX_PHRASE or any(entry.prefix):
                continue
            for j, word in enumerate(words):
                rest = words[:j] + words[j + 1 :]
                if len(word) < MIN_WORD or not word.isalpha() or word in self.negators:
                    continue
                if not any(len(w) >= ANCHOR for w in rest):
                    continue
                self._phrases.setdefault(word, []).append((j, words))
                for probe in (word, *deletes(word)):
                    self._near.setdefault(probe, set()).add(word)

    def _could_be(self, token: str) -> tuple[str, ...]:
        """The blank words one edit from ``token`` and commoner than it, commonest first."""
        cached = self._cache.get(token)
        if cached is None:
            found: set[str] = set()
            for probe in (token, *deletes(token)):
                found |= self._near.get(probe, set())
            mine = self.frequencies.get(token, 0)
            cached = tuple(
                sorted(
                    (
                        w
                        for w in found
                        if w != token
                        and one_edit(token, w)
                        and self.frequencies.get(w, 1) > COMMONER * mine
                    ),
                    key=lambda w: -self.frequencies.get(w, 0),
                )
            )
            self._cache[token] = cached
        return cached

    def fix(self, norms: Sequence[str], keep: frozenset[str]) -> dict[int, str]:
        """Token index -> the phrase word it was meant to be (words in ``keep`` stay)."""
        out: dict[int, str] = {}
        for i, token in enumerate(norms):
            if len(token) < MIN_TOKEN or token in keep or token in self.negators:
                continue
            if not token.isalpha():
                continue
            for word in self._could_be(token):
                if any(_fits(norms, i, j, words) for j, words in self._phrases[word]):
                    out[i] = word
                    break
        return out


def _fits(norms: Sequence[str], i: int, j: int, words: tuple[str, ...]) -> bool:
    """The phrase ``words``, its ``j``-th word left out, stands around token ``i``."""
    start = i - j
    if start < 0 or start + len(words) > len(norms):
        return False
    return all(k == j or norms[start + k] == w for k, w in enumerate(words))
