"""Answer pairs the feedback benchmark and the weight fit read.

- ``dev_pairs()``: third-party pairs from ``../shared/feedback-dev/pairs.jsonl`` (read
  at run time, never copied into the repository).
- ``own_pairs()``: the validity cases written for hotseat, in
  ``tests/feedback/validity_cases.toml``.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "tests" / "feedback" / "validity_cases.toml"


@dataclass(frozen=True)
class Pair:
    id: str
    question: str
    strong: str
    weak: str
    notes: str = ""
    company: str = ""

    @property
    def length_matched(self) -> bool:
        """Both answers 30+ words, or the weak one as long or longer (the dev README)."""
        s, w = len(self.strong.split()), len(self.weak.split())
        return (s >= 30 and w >= 30) or w >= s


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


def own_pairs() -> list[Pair]:
    data = tomllib.loads(OWN.read_text(encoding="utf-8"))
    return [
        Pair(
            f"own-{k}",
            c["question"],
            c["strong"],
            c["weak"],
            c.get("notes", ""),
            c.get("company", ""),
        )
        for k, c in enumerate(data["case"])
    ]
