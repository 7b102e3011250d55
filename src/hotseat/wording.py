"""Counts in messages, worded right: "1 session", "2 sessions", "0 answers"."""

from __future__ import annotations


def count(n: int, noun: str, plural: str = "") -> str:
    """``n`` and the noun, singular for exactly one (``plural`` for irregular nouns)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
