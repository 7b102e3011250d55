"""Regression: on the labelled set, strong answers beat weak ones and each weak answer's
main flaw is among the (at most three) points the candidate is told to work on.

The set was written alongside an earlier scorer, much of it in the lexicons' own words,
so it shows consistency rather than validity; test_validity.py holds the validity
cases (see README.md)."""

from __future__ import annotations

import pytest

from hotseat.feedback import Feedback, analyze
from hotseat.transcript import Transcript
from tests.feedback.labelled import Pair, load_pairs, spoken

PAIRS = load_pairs()
FAILURE_MODES = {
    "vague",
    "rambling",
    "no result",
    "all we",
    "negative about a past boss",
    "filler-heavy",
    "off-topic",
    "too short",
    "too long",
}


def problems(feedback: Feedback) -> set[str]:
    return {f.id for f in feedback.findings if f.severity in ("major", "minor")}


def test_the_set_is_broad_enough() -> None:
    assert len(PAIRS) >= 30
    assert len({p.question.id for p in PAIRS}) >= 12
    assert len({p.question.kind for p in PAIRS}) >= 6
    assert {p.flaw for p in PAIRS} >= FAILURE_MODES


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_typed_strong_beats_weak_and_names_the_flaw(pair: Pair) -> None:
    strong = analyze(pair.question, Transcript.typed(pair.strong), pair.context)
    weak = analyze(pair.question, Transcript.typed(pair.weak), pair.context)
    assert strong.score > weak.score, (strong.explanation, weak.explanation)
    assert pair.main in [f.id for f in weak.improvements], weak.improvements
    assert len(weak.improvements) <= 3
    assert pair.main not in problems(strong), strong.explanation


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_spoken_strong_beats_weak_and_names_the_flaw(pair: Pair) -> None:
    """The same answers as a recogniser writes them: no capitals, no punctuation."""
    strong = analyze(pair.question, spoken(pair.strong), pair.context)
    weak = analyze(pair.question, spoken(pair.weak), pair.context)
    assert strong.score > weak.score, (strong.explanation, weak.explanation)
    assert pair.main in [f.id for f in weak.improvements], weak.improvements
    assert pair.main not in problems(strong), strong.explanation


def test_strong_answers_name_strengths_with_evidence_from_the_answer() -> None:
    for pair in {p.question.id: p for p in PAIRS}.values():
        feedback = analyze(pair.question, Transcript.typed(pair.strong), pair.context)
        assert feedback.strengths, pair.question.id
        flat = " ".join(pair.strong.split())
        for finding in feedback.findings:
            for evidence in finding.evidence:
                assert evidence.text in flat, (finding.id, evidence.text)
