"""Does VADER's sentiment, in sentences about other people, add a red flag we lack? (issue 10)

Not part of hotseat: run it by hand after ``pip install vaderSentiment==3.3.2`` (MIT; its
lexicon ships inside the wheel). For every answer of every pair the fit reads
(``feedback_data``: the third-party pairs at run time, our validity cases, the
reviewers' training pairs) it flags the sentences that name someone else (a colleague,
a boss, the company, "he", "they"...), are not told only of the speaker, and score a
VADER compound of ``THRESHOLD`` or lower, then counts, per pair, where the flag falls:
on the weak answer only (what a red flag should do; split by whether our negativity
findings already flag that answer), on the strong one only (a false alarm), or both.
Prints counts only, never the answers.

Measured 2026-11-30 (third session), threshold -0.3: third-party pairs: weak only 5 (2
not already flagged), strong only 3, both 1; our pairs (own + training, 175): weak only
9 (3 not already flagged), strong only 34, both 6. A story's trouble (a customer rang
furious, two people off sick, an outage) reads as negative as contempt for a colleague,
so the flag falls on strong answers more often than on weak ones. Not adopted.

Run: .venv/bin/python benchmarks/measure_vader.py [threshold]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.feedback_data import Pair, dev_pairs, own_pairs, train_pairs

from hotseat.feedback import analyze, breaks
from hotseat.feedback.lexicon import default_lexicons
from hotseat.feedback.sense import SELF, read
from hotseat.feedback.tokens import answer_from
from hotseat.transcript import Transcript

THRESHOLD = -0.3
PEOPLE = frozenset(
    [
        *("boss", "manager", "colleague", "colleagues", "coworker", "coworkers"),
        *("employer", "company", "management", "team", "staff", "supervisor"),
        *("he", "she", "they", "them", "him", "her", "director", "client", "clients"),
        *("customer", "customers", "agency", "department"),
    ]
)
OURS = frozenset({"negativity", "deflects-blame", "arrogance", "conceals-mistake"})


def flagged(text: str, analyzer: object) -> bool:
    lex = default_lexicons()
    answer = breaks.mark(answer_from(Transcript.typed(text), 600), lex)
    reading = read(answer, lex)
    people = PEOPLE | lex.words["valence.others"]
    for lo, hi in reading.sentences:
        if not set(answer.norms[lo : hi + 1]) & people:
            continue
        subjects = {reading.clauses[reading.clause_of[k]].subject for k in range(lo, hi + 1)}
        if subjects == {SELF}:
            continue
        sentence = answer.text[answer.tokens[lo].cstart : answer.tokens[hi].cend]
        if analyzer.polarity_scores(sentence)["compound"] <= THRESHOLD:  # type: ignore[attr-defined]
            return True
    return False


def ours(pair: Pair, text: str) -> bool:
    fb = analyze(None, Transcript.typed(text), question_text=pair.question)
    return bool({f.id for f in fb.findings} & OURS)


def main() -> int:
    global THRESHOLD
    if len(sys.argv) > 1:
        THRESHOLD = float(sys.argv[1])
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        print("vaderSentiment is not installed: pip install vaderSentiment==3.3.2")
        return 0
    analyzer = SentimentIntensityAnalyzer()
    groups = {"third-party": dev_pairs(), "ours (own + training)": own_pairs() + train_pairs()}
    print(f"VADER compound <= {THRESHOLD} in a sentence about someone else")
    for name, pairs in groups.items():
        weak_new = weak_known = strong_only = both = 0
        for pair in pairs:
            s, w = flagged(pair.strong, analyzer), flagged(pair.weak, analyzer)
            if w and not s:
                if ours(pair, pair.weak):
                    weak_known += 1
                else:
                    weak_new += 1
            elif s and not w:
                strong_only += 1
            elif s and w:
                both += 1
        print(
            f"  {name:22} {len(pairs):3} pairs: weak only {weak_new + weak_known} "
            f"({weak_new} not already flagged), strong only {strong_only}, both {both}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
