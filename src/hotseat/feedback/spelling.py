"""Typos and recogniser spellings put right before the lexicons are read.

A word of four letters or more that no lexicon knows is compared with the lexicons'
own words: one letter wrong, missing, extra or two letters swapped ("manger",
"listned", "responsibilty") is read as the lexicon word, and a word that starts
with one of the lexicons' stems give or take a letter ("priortised") as that stem.
A real English word is left alone unless it is far rarer than the lexicon word it
is one letter from ("manger" is read as "manager", "remove" stays "remove"):
word frequencies come from pyspellchecker's English dictionary, which ships in its
wheel. A word of three letters or more that is no English word at all is read as
the common word it slips from ("tihs", "tht": ``_english``), and a real word typed
for another inside a lexicon phrase ("passionate abut") by the phrase around it
(``phrasefix``), so no finding rests on one word typed right. The answer's text is
untouched: evidence quotes what was said or typed.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from hotseat.feedback.edits import deletes as _deletes
from hotseat.feedback.edits import one_edit
from hotseat.feedback.phrasefix import PhraseFixer
from hotseat.feedback.tokens import Answer

if TYPE_CHECKING:
    from hotseat.feedback.lexicon import Lexicons

MIN_LENGTH = 5  # shorter real words are left alone: too many lie one letter apart
MIN_STEM = 5
MAX_LENGTH = 30  # longer is no English word: a paste without spaces, a URL
RARER = 20  # a real word is corrected only when the lexicon word is this many times commoner
RARE = 1000  # ... and only when it is this rare (in pyspellchecker's counts)
MIN_ENGLISH = 3  # no-words this long or longer are read as the common word they slip from
MAX_ENGLISH = 12
COMMON = 10_000  # ... when that word is this common

KNOWN_BOOST = 10  # an interview answer says the lexicons' words more than most text
CACHE = 50_000


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


@dataclass
class Speller:
    known: frozenset[str]
    stems: tuple[str, ...]
    phrases: PhraseFixer
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
        phrases = PhraseFixer(lex.words.get("valence.negators", frozenset()), english_frequencies())
        phrases.add(entries)
        stems_ = tuple(sorted(s for s in stems if len(s) >= MIN_STEM))
        speller = cls(frozenset(words), stems_, phrases)
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
        """The word ``word`` was meant to be (a lexicon word, else a common English
        one), or ``word`` itself."""
        if not MIN_ENGLISH <= len(word) <= MAX_LENGTH or word in self.known:
            return word
        if not word.isalpha():
            return word
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        freq = english_frequencies()
        if len(word) < MIN_LENGTH and freq.get(word, 0) >= RARE:
            best = word  # a short real word: too many lie one letter apart
        elif any(word.startswith(stem) for stem in self.stems):
            best = word
        else:
            best = self._lookup(word) if len(word) >= MIN_LENGTH - 1 else word
            if best == word and len(word) <= MAX_ENGLISH:
                best = _english(word, freq, self.known)
        if len(self._cache) > CACHE:
            self._cache.clear()
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
        # Real words that are slips ("passionate abut"), read by the phrase around them.
        fixes = self.phrases.fix([t.norm for t in tokens], keep)
        for k, better in fixes.items():
            first = answer.text[tokens[k].cstart : tokens[k].cstart + 1]
            if first.isupper() and not tokens[k].sentence_start:
                continue
            tokens[k] = replace(tokens[k], norm=better)
            changed = True
        return replace(answer, tokens=tuple(tokens)) if changed else answer


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _english(word: str, freq: dict[str, int], known: frozenset[str]) -> str:
    """The common English word one slip from ``word`` when ``word`` is no word at all
    ("tihs" -> "this", "tht" -> "that", "laod" -> "load"); else ``word``.

    Short function words carry who did what and which phrase is said, so a slip in
    them is put right too, not only in the lexicons' words. Slips are tried in the
    order typists make them: two letters swapped, one left out, one doubled or extra,
    and (in words of five letters or more) one wrong; within a kind the commonest word
    wins, a lexicon word counting ``KNOWN_BOOST`` times ("rle" is "role", not "rule").
    A contraction typed without its apostrophe ("ive", "thats") is left alone.
    """
    if word in freq:
        return word  # a real word, however rare: the phrase around it may still fix it
    splits = [(word[:k], word[k:]) for k in range(len(word) + 1)]
    if any(a + "'" + b in freq for a, b in splits[1:-1]):
        return word
    kinds = (
        {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1},
        {a + c + b for a, b in splits for c in _LETTERS},
        {a + b[1:] for a, b in splits if b},
        {a + c + b[1:] for a, b in splits if b for c in _LETTERS} if len(word) >= 5 else set(),
    )
    for candidates in kinds:
        best = max(
            candidates,
            key=lambda c: freq.get(c, 0) * (KNOWN_BOOST if c in known else 1),
            default=word,
        )
        if freq.get(best, 0) >= COMMON:
            return best
    return word
