"""Crude word stems, enough to see that "teams" and "team" or "failed" and "failure"
are the same topic. Only for comparing an answer with the question, its look_for
points and the company notes; never shown to the user."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "ities",
    "ity",
    "ures",
    "ure",
    "ful",
    "ies",
    "ied",
    "ers",
    "ate",
    "ed",
    "es",
    "er",
    "ly",
    "s",
)
STEM_LENGTH = 6


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = word.replace("'", "")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:STEM_LENGTH]


def content_stems(words: Iterable[str], stopwords: frozenset[str]) -> set[str]:
    """Stems of the words that carry meaning (no stopwords, numbers or short words)."""
    return {
        stem(w)
        for w in words
        if len(w) >= 3 and w not in stopwords and not w[:1].isdigit() and w.isascii()
    }
