"""Typos and recogniser spellings put right before the lexicons are read.

A word of five letters or more that no lexicon knows is compared with the lexicons'
own words: one letter wrong, missing, extra or two letters swapped ("manger",
"listned", "responsibilty") is read as the lexicon word, and a word that starts
with one of the lexicons' stems give or take a letter ("priortised") as that stem.
A real English word is left alone unless it is far rarer than the lexicon word it
is one letter from ("manger" is read as "manager", "remove" stays "remove"):
word frequencies come from pyspellchecker's English dictionary, which ships in its
wheel. The answer's text is untouched: evidence quotes what was said or typed.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from hotseat.feedback.tokens import Answer

if TYPE_CHECKING:
    from hotseat.feedback.lexicon import Lexicons

MIN_LENGTH = 5  # shorter real words are left alone: too many lie one letter apart
MIN_STEM = 5
MAX_LENGTH = 30  # longer is no English word: a paste without spaces, a URL
RARER = 20  # a real word is corrected only when the lexicon word is this many times commoner
RARE = 1000  # ... and only when it is this rare (in pyspellchecker's counts)


@cache
def english_frequencies() -> dict[str, int]:
    """How common each English word is (pyspellchecker's dictionary), read once."""
    import spellchecker

    path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}
    return {str(k): int(v) for k, v in data.items()}


def _deletes(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one edit (or one swap of neighbours)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        k = diff[0]
        return len(diff) == 2 and diff[1] == k + 1 and a[k] == b[k + 1] and a[k + 1] == b[k]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


@dataclass
class Speller:
    known: frozenset[str]
    stems: tuple[str, ...]
    _index: dict[str, str] = field(default_factory=dict)  # a delete -> the word it came from
    _cache: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, lex: Lexicons) -> Speller:
        words: set[str] = set()
        stems: set[str] = set()
        entries = [e for group in lex.phrases.values() for e in group]
        entries += [e for m in lex.maps.values() for group in m.values() for e in group]
        for entry in entries:
            for word, is_prefix in zip(entry.words, entry.prefix, strict=True):
                (stems if is_prefix else words).add(word)
        for group in lex.words.values():
            words |= group
        for wmap in lex.word_maps.values():
            for group in wmap.values():
                words |= group
        speller = cls(frozenset(words), tuple(sorted(s for s in stems if len(s) >= MIN_STEM)))
        speller._build(w for w in words if len(w) >= MIN_LENGTH)
        return speller

    def _build(self, words: Iterable[str]) -> None:
        # Lexicon words of five letters or more, so a four-letter typo ("wrte") can
        # reach its word ("wrote"), but no four-letter word is ever the target.
        for word in sorted(words):
            self._index.setdefault(word, word)
            for d in _deletes(word):
                self._index.setdefault(d, word)

    def correct(self, word: str) -> str:
        """The lexicon word ``word`` was meant to be, or ``word`` itself."""
        if not MIN_LENGTH - 1 <= len(word) <= MAX_LENGTH or word in self.known:
            return word
        if not word.isalpha():
            return word
        if len(word) < MIN_LENGTH and word in english_frequencies():
            return word  # a short real word: too many lie one letter apart
        if any(word.startswith(stem) for stem in self.stems):
            return word
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        best = self._lookup(word)
        self._cache[word] = best
        return best

    def _lookup(self, word: str) -> str:
        freq = english_frequencies()
        mine = freq.get(word, 0)

        def likelier(candidate: str) -> bool:
            return mine < RARE and mine * RARER < freq.get(candidate, 1 if not mine else 0)

        for probe in (word, *sorted(_deletes(word))):
            found = self._index.get(probe)
            if found is not None and one_edit(word, found) and likelier(found):
                return found
        if mine:
            return word  # a real word near no commoner lexicon word
        for stem in self.stems:
            for size in (len(stem) - 1, len(stem), len(stem) + 1):
                head = word[:size]
                if head != stem and one_edit(head, stem):
                    return stem + word[size:]
        return word

    def fix(self, answer: Answer, keep: frozenset[str] = frozenset()) -> Answer:
        """``answer`` with each word's reading put right (its text and times kept).

        Words in ``keep`` (the question's, the company's, the notes') and names typed
        with a capital inside a sentence ("Leeds") are left as they are.
        """
        tokens = list(answer.tokens)
        changed = False
        for k, token in enumerate(tokens):
            first = answer.text[token.cstart : token.cstart + 1]
            if token.norm in keep or (first.isupper() and not token.sentence_start):
                continue
            better = self.correct(token.norm)
            if better != token.norm:
                tokens[k] = replace(token, norm=better)
                changed = True
        return replace(answer, tokens=tuple(tokens)) if changed else answer
