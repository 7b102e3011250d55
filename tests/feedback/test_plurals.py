"""Counts in feedback read as English: "1 filler word", "2 questions", never
"1 filler words" or "question(s)" (trial7 T10)."""

from __future__ import annotations

import re

from hotseat.feedback import analyze
from hotseat.transcript import Transcript, Word


def _messages(question: str, text: str) -> list[str]:
    feedback = analyze(None, Transcript.typed(text), question_text=question)
    return [f.message for f in feedback.findings]


def _spoken(text: str, gap_after: int = -1, gap: float = 0.0) -> Transcript:
    words, t = [], 0.0
    for i, w in enumerate(text.split()):
        words.append(Word(w, t, t + 0.3))
        t += 0.4 + (gap if i == gap_after else 0.0)
    return Transcript(text=text, words=tuple(words), engine="vosk", duration=t)


def test_no_message_says_s_in_brackets_or_one_of_a_plural() -> None:
    said = [
        *_messages(
            "What questions do you have for us?",
            "How does the team decide what to build next? Thanks.",
        ),
        *[
            f.message
            for f in analyze(
                None,
                _spoken(
                    "so I led the move to the new billing system and um we cut the duplicate "
                    "invoices by a third over two months while the team kept shipping the "
                    "features our customers asked for and I wrote the plan the tests and the "
                    "runbook for the night we switched over",
                    gap_after=10,
                    gap=7.0,
                ),
                question_text="Tell me about a project you led.",
            ).findings
        ],
    ]
    text = " | ".join(said)
    assert "(s)" not in text, text
    assert not re.search(r"\b1 (filler words|questions|thoughtful questions|pauses)\b", text), text
    for one in ("1 thoughtful question about", "1 pause longer", "1 filler word ("):
        assert one in text, text
