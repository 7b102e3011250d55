"""Typos that are real words, put right by the phrase around them.

"passionate abut", "learned form it", "took responsability for": the first two are
real (rare) English words, so a word-by-word speller must leave them alone, and a
point that rests on one phrase would flip on one slip of the keyboard or the
recogniser. Here a word one edit from a lexicon phrase's word is read as that word
when its neighbours spell out the rest of the phrase exactly, with at least one
long word among them to anchor it ("passionate"). Words that turn a meaning around
(negators: "never" is one letter from "ever") are never changed or produced, and a
word is only read as a commoner one: "form" becomes "from", "from" never "form".
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
_BLANK = ""


@dataclass
class PhraseFixer:
    """Multi-word lexicon phrases with one word left blank, and the words that fill it."""

    negators: frozenset[str]
    frequencies: dict[str, int]
    _slots: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    _near: dict[str, set[str]] = field(default_factory=dict)  # a delete -> blank words
    _cache: dict[str, frozenset[str]] = field(default_factory=dict)

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
                key = (*words[:j], _BLANK, *words[j + 1 :])
                self._slots.setdefault(key, set()).add(word)
                for probe in (word, *deletes(word)):
                    self._near.setdefault(probe, set()).add(word)

    def _could_be(self, token: str) -> frozenset[str]:
        """The blank words ``token`` is one edit from (a cheap first test)."""
        cached = self._cache.get(token)
        if cached is None:
            found: set[str] = set()
            for probe in (token, *deletes(token)):
                found |= self._near.get(probe, set())
            cached = frozenset(w for w in found if w != token and one_edit(token, w))
            self._cache[token] = cached
        return cached

    def fix(self, norms: Sequence[str], keep: frozenset[str]) -> dict[int, str]:
        """Token index -> the phrase word it was meant to be (words in ``keep`` stay)."""
        out: dict[int, str] = {}
        n = len(norms)
        for i, token in enumerate(norms):
            if len(token) < MIN_TOKEN or token in keep or token in self.negators:
                continue
            if not token.isalpha():
                continue
            near = self._could_be(token)
            if not near:
                continue
            mine = self.frequencies.get(token, 0)
            for size in range(2, MAX_PHRASE + 1):
                for j in range(size):
                    start = i - j
                    if start < 0 or start + size > n:
                        continue
                    key = (*norms[start:i], _BLANK, *norms[i + 1 : start + size])
                    fills = self._slots.get(key)
                    if not fills:
                        continue
                    best = max(
                        (w for w in fills & near if self.frequencies.get(w, 1) > mine),
                        key=lambda w: self.frequencies.get(w, 0),
                        default=None,
                    )
                    if best is not None:
                        out[i] = best
                        break
                if i in out:
                    break
        return out
