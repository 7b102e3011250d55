"""Counts are worded right wherever they are shown."""

from __future__ import annotations

from hotseat.wording import count


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert count(1, "session") == "1 session"
    assert [count(n, "answer") for n in (0, 2)] == ["0 answers", "2 answers"]
    assert count(2, "person", "people") == "2 people"
