"""Answer pairs the feedback benchmark and the weight fit read.

- ``dev_pairs()``: third-party pairs from ``../shared/feedback-dev/pairs.jsonl`` (read
  at run time, never copied into the repository).
- ``own_pairs()``: the validity cases written for hotseat, in
  ``tests/feedback/validity_cases.toml``.
- ``train_pairs()``: pairs written by reviewers who never saw the scorer, that are
  free to fit to: ``blind_pairs.toml`` and ``blind_pairs_2.toml`` (blind when written,
  since studied), ``train_pairs_4.toml``, ``train_pairs_5.toml``,
  ``train_pairs_6.toml`` and ``train_pairs_7.toml`` (written as training data). The held-out files
  (``blind_pairs_3.toml`` to ``blind_pairs_6.toml``) are never read here.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "tests" / "feedback" / "validity_cases.toml"
TRAIN = tuple(
    ROOT / "tests" / "feedback" / name
    for name in (
        "blind_pairs.toml",
        "blind_pairs_2.toml",
        "train_pairs_4.toml",
        "train_pairs_5.toml",
        "train_pairs_6.toml",
        "train_pairs_7.toml",
    )
)
BLIND_MATCH = 0.9  # in the reviewers' files a pair is length-matched when weak >= 90% of strong


@dataclass(frozen=True)
class Pair:
    id: str
    question: str
    strong: str
    weak: str
    notes: str = ""
    company: str = ""
    source: str = "dev"

    @property
    def length_matched(self) -> bool:
        """Third-party pairs: both answers 30+ words, or the weak one as long or longer
        (the dev README); the reviewers' pairs: weak has 90% of strong's words or more."""
        s, w = len(self.strong.split()), len(self.weak.split())
        if self.source in ("dev", "own"):
            return (s >= 30 and w >= 30) or w >= s
        return w >= BLIND_MATCH * s


def dev_dir() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "feedback-dev", Path("/work/shared/feedback-dev")):
        if (candidate / "pairs.jsonl").is_file():
            return candidate
    return None


def dev_pairs() -> list[Pair]:
    folder = dev_dir()
    if folder is None:
        return []
    rows: dict[str, dict[str, dict[str, str]]] = {}
    for line in (folder / "pairs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.setdefault(row["pair_id"], {})[row["label"]] = row
    return [
        Pair(pid, r["strong"]["question"], r["strong"]["answer"], r["weak"]["answer"])
        for pid, r in sorted(rows.items())
    ]


def _pair(pid: str, row: dict[str, str], source: str) -> Pair:
    return Pair(
        pid,
        row["question"],
        row["strong"],
        row["weak"],
        row.get("notes", ""),
        row.get("company", ""),
        source,
    )


def own_pairs() -> list[Pair]:
    data = tomllib.loads(OWN.read_text(encoding="utf-8"))
    return [_pair(f"own-{k}", c, "own") for k, c in enumerate(data["case"])]


def train_pairs() -> list[Pair]:
    out: list[Pair] = []
    for path in TRAIN:
        if not path.is_file():
            continue
        rows = tomllib.loads(path.read_text(encoding="utf-8"))["pairs"]
        out += [_pair(f"{path.stem}:{row['id']}", row, path.stem) for row in rows]
    return out
