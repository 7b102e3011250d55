"""Evidence of validity on answers and questions nobody tuned to (marker ``validity``).

``blind_pairs_3.toml`` (56 strong/weak pairs, about 30 professions) and
``intent_heldout.toml`` (140 question wordings) were written on 2026-11-30 by a
reviewer who never read the scorer, its lexicons or its output; ``blind_pairs_4.toml``
(56 pairs) and ``intent_heldout_2.toml`` (144 wordings) the same day by a third one,
under the same rules; ``blind_pairs_5.toml`` (60 pairs, 35 length-matched) the same day
(14:00 UTC) by a fourth (branch ``writer5``), under the same rules; ``blind_pairs_6.toml``
(60 pairs, 44 length-matched) the same day by a fifth (branch ``writer7``). All are HELD OUT:
nobody looks at which of them the scorer gets wrong, and nothing is tuned to them
(benchmarks/bench_feedback_blind.py, bench_feedback.py and bench_intents.py count their
misses without listing them).
Unlike test_blind_pairs.py, no pair is pinned: these tests only hold the accuracy
above a floor one pair (five wordings) under what was measured, so they fail when a
change makes the scorer worse on unseen answers, not when one pair moves.

Measured (ranked right, length-matched; intents right):
- blind_pairs_3: session-start scorer eb11294 49/56 (23/30); after issue-10 work
  51/56 (25/30), unchanged at 1119cd2. Word count alone 50/56 (24/30).
- blind_pairs_4: cb3ee4c (when written) 52/56 (26/30); 1119cd2 52/56 (26/30). Word
  count alone 49/56 (23/30).
- blind_pairs_5: first seen at c99e4b0 (branch score5, merged from writer5 before any
  change to the scorer; scoring as at eb99b1b) 53/60 (30/35), as a recogniser writes it
  50/60, one tie; word count alone 47/60 (22/35). The floor is that first count.
- intent_heldout: 86/140 -> 115/140 -> 120/140 (1119cd2); intent_heldout_2: 103/144
  (cb3ee4c) -> 110/144 (1119cd2).
- intent_heldout_3 (144 wordings, 8 per intent, written blind by a fourth reviewer on
  branch `writer5`, commit 6b937e2): FIRST count, measured the moment it
  landed on branch intents3 (6019310) before any change made after seeing it: 115/144,
  8 answered "general" (true "general" wordings included). The session-start classifier
  (eb99b1b) gets 108/144 (9 "general"). Floor 110: five wordings under the first count.
- End of branch intents3 (lead-ins and second asks weighed less, more examples and
  phrases from training data only; counts read a few times, misses never listed):
  intent_heldout 126/140, intent_heldout_2 124/144, intent_heldout_3 120/144; asking
  wordings that fell to "general": 2, 0, 2. Pairs: blind_pairs_4 52 -> 53/56
  (length-matched 26 -> 27/30), blind_pairs_3 and blind_pairs_5 unchanged.
- End of branch score5 (causes fixed with cases of its own: actions told with a time,
  a manner or a passive; failures pinned on the brief, customer or timeline; trivial
  failures; "we"-only answers to why-hire; pay with its basis and ultimatums; re-fit on
  392 training pairs; intents3 merged; counts read after each change, misses never
  listed): blind_pairs_3 51/56 (25/30), blind_pairs_4 53/56 (27/30), blind_pairs_5
  55/60 (32/35), ties 1, 2 and 0. Tried and dropped: an area filling with diminishing
  returns near its top (no change on the training pairs; sets 4 and 5 lost a pair each
  to new ties).
- blind_pairs_6 (60 pairs, 44 length-matched; written blind by a fifth writer, branch
  ``writer7``, 2026-11-30 17:03-17:10 UTC): first count on the session-start scorer
  a956b46, before any change: 50/60 (35/44), as a recogniser writes it 47/60, one tie;
  word count alone 50/60 (34/44). The floor is that first count. (The lead saw two of
  its misses printed once, before the file was registered as held out in
  bench_feedback_blind.py; the lead made no scorer change after that.)
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from hotseat.feedback import analyze
from hotseat.feedback.intent import classify
from hotseat.feedback.lexicon import default_lexicons
from hotseat.transcript import Transcript
from tests.feedback.blind import load_blind_pairs

pytestmark = pytest.mark.validity

HERE = Path(__file__).parent
# file -> (pairs, length-matched pairs, floor, length-matched floor)
PAIR_FILES = {
    "blind_pairs_3.toml": (56, 30, 50, 24),
    "blind_pairs_4.toml": (56, 30, 51, 25),
    "blind_pairs_5.toml": (60, 35, 53, 30),
    "blind_pairs_6.toml": (60, 44, 50, 35),
}
# file -> (wordings, floor, most that may fall to "general")
WORDING_FILES = {
    "intent_heldout.toml": (140, 115, 3),
    "intent_heldout_2.toml": (144, 105, 6),
    "intent_heldout_3.toml": (144, 110, 10),
}


def wordings(name: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = tomllib.loads((HERE / name).read_text(encoding="utf-8"))[
        "heldout"
    ]
    return table


def ranked_right(name: str, length_matched_only: bool) -> tuple[int, int]:
    right = total = 0
    for pair in load_blind_pairs(HERE / name):
        if length_matched_only and not pair.length_matched:
            continue
        strong, weak = (
            analyze(None, Transcript.typed(text), question_text=pair.question).score
            for text in (pair.strong, pair.weak)
        )
        total += 1
        right += strong > weak
    return right, total


@pytest.mark.parametrize("name", PAIR_FILES)
def test_the_held_out_pair_files_are_whole(name: str) -> None:
    pairs = load_blind_pairs(HERE / name)
    count, matched, _, _ = PAIR_FILES[name]
    assert len(pairs) == count
    assert sum(pair.length_matched for pair in pairs) == matched


@pytest.mark.parametrize("name", PAIR_FILES)
def test_strong_answers_outrank_weak_ones_nobody_tuned_to(name: str) -> None:
    floor = PAIR_FILES[name][2]
    right, total = ranked_right(name, length_matched_only=False)
    assert right >= floor, f"{name}: {right}/{total} ranked right (floor {floor})"


@pytest.mark.parametrize("name", PAIR_FILES)
def test_length_matched_pairs_nobody_tuned_to(name: str) -> None:
    floor = PAIR_FILES[name][3]
    right, total = ranked_right(name, length_matched_only=True)
    assert right >= floor, f"{name}: {right}/{total} length-matched ranked right (floor {floor})"


@pytest.mark.parametrize("name", WORDING_FILES)
def test_question_wordings_nobody_tuned_to(name: str) -> None:
    count, floor, most_general = WORDING_FILES[name]
    lex = default_lexicons()
    table = wordings(name)
    got = [(intent, classify(text, lex)) for intent, texts in table.items() for text in texts]
    assert len(got) == count
    right = sum(want == have for want, have in got)
    general = sum(have == "general" for _, have in got)
    assert right >= floor, f"{name}: {right}/{len(got)} classified right (floor {floor})"
    assert general <= most_general, f"{name}: {general} fell to 'general'"
