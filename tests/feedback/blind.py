"""Loader for blind_pairs.toml: strong/weak answers written blind by a reviewer who
did not tune the scorer. Read by test_blind_pairs.py and benchmarks/bench_feedback_blind.py."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

BLIND_PAIRS = Path(__file__).parent / "blind_pairs.toml"
LENGTH_MATCH = 0.9  # a pair is length-matched when weak has >= 90% of strong's words
FIELDS = ("id", "question", "strong", "weak", "note")


@dataclass(frozen=True)
class BlindPair:
    id: str
    question: str
    strong: str
    weak: str
    note: str

    @property
    def length_matched(self) -> bool:
        return len(self.weak.split()) >= LENGTH_MATCH * len(self.strong.split())


def load_blind_pairs(path: Path = BLIND_PAIRS) -> list[BlindPair]:
    """Every pair in the file; a missing field names the pair and the field."""
    with path.open("rb") as f:
        rows = tomllib.load(f)["pairs"]
    pairs = []
    for n, row in enumerate(rows, 1):
        missing = [k for k in FIELDS if not str(row.get(k, "")).strip()]
        if missing:
            raise ValueError(f"{path}: pair {n} ({row.get('id', '?')}) lacks {', '.join(missing)}")
        pairs.append(BlindPair(**{k: str(row[k]) for k in FIELDS}))
    return pairs
