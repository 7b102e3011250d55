"""Validity evidence: strong/weak pairs written blind (blind_pairs.toml) by a reviewer
who did not tune the scorer, before reading its lexicons or code.

NO LONGER BLIND: the scorer was right on 34 of 44 when the pairs were written
(2026-11-30). The same day, fixes for the general defect classes the reviewer found in
these failures (contradicting findings, evidence that does not hold the claim, missed
results and learning, "too short" near the band, neutral accounts taken as blame,
off-topic slips, life stories credited as fit, recited company facts credited as
research) were made while looking at them, so
these pairs now measure consistency with those fixes, not validity. New validity
evidence needs fresh blind pairs. This test pins the ranking of every pair, all ranked
right after those fixes (44 of 44), and a floor of today's count.
"""

from __future__ import annotations

import pytest

from hotseat.feedback import Feedback, analyze
from hotseat.transcript import Transcript
from tests.feedback.blind import BlindPair, load_blind_pairs

pytestmark = pytest.mark.validity

PAIRS = {pair.id: pair for pair in load_blind_pairs()}
# Wrong or tied after the fixes of 2026-11-30 (34 of 44 right before them); not pinned.
WRONG_TODAY: set[str] = set()
RIGHT_TODAY = sorted(set(PAIRS) - WRONG_TODAY)
FLOOR = 44  # of 44: the count right today, after the fixes (it was 34 before them)


def score(pair: BlindPair, text: str) -> Feedback:
    return analyze(None, Transcript.typed(text), question_text=pair.question)


def test_the_file_holds_what_the_review_wrote() -> None:
    assert len(PAIRS) == 44
    assert set(PAIRS) >= WRONG_TODAY
    assert sum(pair.length_matched for pair in PAIRS.values()) >= 15


@pytest.mark.parametrize("pair_id", RIGHT_TODAY)
def test_strong_outranks_weak(pair_id: str) -> None:
    pair = PAIRS[pair_id]
    strong, weak = score(pair, pair.strong), score(pair, pair.weak)
    assert strong.score > weak.score, f"{pair_id}: {strong.score} <= {weak.score} ({pair.note})"


def test_overall_floor() -> None:
    right = sum(score(p, p.strong).score > score(p, p.weak).score for p in PAIRS.values())
    assert right >= FLOOR, f"only {right} of {len(PAIRS)} blind pairs ranked right (floor {FLOOR})"
