"""Fit the rubric's finding points by pairwise ranking, cross-validated, and write them back.

Each answer becomes a vector of its findings (+1 for a strength, -1 for a major
problem, -0.5 for a minor one). A logistic regression on the differences between
the strong and the weak answer of each pair (no intercept, L2, each point kept on
its own side: a strength never costs points) gives one weight per finding; the
weights are scaled to points and written to ``assets/rubric.toml``, so every point
of a score is still one line of the explanation.

Pairs fitted on: the third-party pairs in ../shared/feedback-dev (read at run time),
our own validity cases, and the reviewers' pairs that are free to fit to
(``feedback_data.train_pairs``: blind_pairs, blind_pairs_2, train_pairs_4). The
held-out pair files are never read.

How well it generalises is measured two ways, each scoring answers exactly as the
app does (subscores kept within their range):
- k-fold cross-validation over every pair (each fold fitted without its pairs);
- by source: fitted on every other source, scored on one (the third-party pairs
  scored by weights fitted only on pairs written here is the nearest thing to the
  unseen third-party pairs the issue is checked on).
The regularisation (how hard each weight is pulled, and towards what) is chosen by
the k-fold figure from a small grid; word count alone is printed beside every figure.

Run:  .venv/bin/python benchmarks/fit_feedback.py          # CV figures, print weights
      .venv/bin/python benchmarks/fit_feedback.py --write  # ... and write them back
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.feedback_data import ROOT, Pair, dev_pairs, own_pairs, train_pairs

from hotseat.feedback import Context, Feedback, analyze, scoring
from hotseat.feedback.findings import DELIVERY, NOTES, Hit
from hotseat.feedback.rubric import Rubric, default_rubric
from hotseat.transcript import Transcript

TOP_POINTS = 10.0  # points per unit of the fitted (logit) weight
MAX_POINTS = 12.0  # no one finding moves the score more than this
SKIP = set(NOTES)  # notes, not findings that move the score
# Not fitted: how an answer is delivered, and its length, keep the rubric's hand-set
# points. On these pairs they mostly stand in for length (a five-word answer has no
# fillers to count), and length is a hint, not the verdict.
FIXED = set(DELIVERY)
_SIGN = {"strength": 1.0, "major": -1.0, "minor": -0.5}
# Regularisation tried: (L2 strength, pulled towards the rubric's earlier points or
# towards zero). Towards zero with a strong pull keeps few, broad signals.
GRID = [(l2, toward) for toward in ("prior", "zero") for l2 in (0.003, 0.01, 0.03, 0.1, 0.3)]
FOLDS = 10


def run(pair: Pair, which: str, rubric: Rubric | None = None) -> Feedback:
    text = pair.strong if which == "strong" else pair.weak
    context = Context(company=pair.company, notes=pair.notes)
    return analyze(
        None, Transcript.typed(text), context, question_text=pair.question, rubric=rubric
    )


@dataclass(frozen=True)
class Seen:
    """One answer's findings, enough to score it under any points (findings do not
    depend on points)."""

    kind: str
    findings: tuple[tuple[str, str], ...]  # (id, severity)
    words: int


def seen(pair: Pair, which: str) -> Seen:
    fb = run(pair, which)
    return Seen(
        str(fb.metrics["kind"]),
        tuple((f.id, f.severity) for f in fb.findings),
        len((pair.strong if which == "strong" else pair.weak).split()),
    )


def vector(s: Seen | Feedback, ids: list[str]) -> np.ndarray:
    found = s.findings if isinstance(s, Seen) else [(f.id, f.severity) for f in s.findings]
    x = np.zeros(len(ids))
    for fid, severity in found:
        if fid in SKIP or severity not in _SIGN:
            continue
        x[ids.index(fid)] += _SIGN[severity]
    return x


def score(s: Seen, rubric: Rubric) -> int:
    """The score ``analyze`` gives with ``rubric``'s points: the app's own scoring of the
    same findings (findings do not depend on points), red-flag rule included."""
    hits = [Hit(fid, severity, "") for fid, severity in s.findings]
    return scoring.score(hits, rubric, s.kind).score


def prior(ids: list[str], base: Rubric) -> np.ndarray:
    """The rubric's current points in the fit's units: what a finding weighs when the
    pairs say little about it."""
    return np.array([abs(base.findings[i].points) for i in ids]) / TOP_POINTS


def fit(
    d: np.ndarray,
    w0: np.ndarray,
    free: np.ndarray,
    l2: float = 0.05,
    toward: np.ndarray | None = None,
    steps: int = 3000,
    lr: float = 0.3,
) -> np.ndarray:
    """Non-negative weights w minimising the logistic loss of d @ w, plus L2 towards
    ``toward`` (default ``w0``); only the ``free`` weights move (the others stay at ``w0``)."""
    toward = w0 if toward is None else toward
    w = w0.copy()
    for _ in range(steps):
        margin = np.clip(d @ w, -30, 30)
        grad = -(d * (1 / (1 + np.exp(margin)))[:, None]).mean(axis=0)
        grad += l2 * (w - toward)
        w = np.where(free, np.maximum(0.0, w - lr * grad), w0)
    return w


def free_mask(ids: list[str]) -> np.ndarray:
    return np.array([i not in FIXED for i in ids])


def points_for(w: np.ndarray, ids: list[str], base: Rubric) -> dict[str, float]:
    out: dict[str, float] = {}
    for fid, weight in zip(ids, w, strict=True):
        pts = min(MAX_POINTS, round(weight * TOP_POINTS * 2) / 2)
        out[fid] = pts if base.findings[fid].points >= 0 else -pts
    return out


def with_points(base: Rubric, points: dict[str, float]) -> Rubric:
    findings = {
        fid: replace(rule, points=points.get(fid, rule.points))
        for fid, rule in base.findings.items()
    }
    return replace(base, findings=findings)


class Data:
    """Every pair's findings, read once."""

    def __init__(self, pairs: list[Pair]) -> None:
        self.base = default_rubric()
        self.ids = sorted(i for i in self.base.findings if i not in SKIP)
        self.pairs = pairs
        self.seen = {(p.id, w): seen(p, w) for p in pairs for w in ("strong", "weak")}
        self.diff = {
            p.id: vector(self.seen[(p.id, "strong")], self.ids)
            - vector(self.seen[(p.id, "weak")], self.ids)
            for p in pairs
        }

    def rubric(self, train: list[Pair], l2: float, toward: str) -> Rubric:
        d = np.array([self.diff[p.id] for p in train])
        w0 = prior(self.ids, self.base)
        target = w0 if toward == "prior" else np.zeros_like(w0)
        w = fit(d, w0, free_mask(self.ids), l2, np.where(free_mask(self.ids), target, w0))
        return with_points(self.base, points_for(w, self.ids, self.base))

    def right(self, pair: Pair, rubric: Rubric) -> bool:
        return score(self.seen[(pair.id, "strong")], rubric) > score(
            self.seen[(pair.id, "weak")], rubric
        )


def kfold(data: Data, l2: float, toward: str, folds: int = FOLDS) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for k in range(folds):
        test = [p for n, p in enumerate(data.pairs) if n % folds == k]
        train = [p for n, p in enumerate(data.pairs) if n % folds != k]
        rubric = data.rubric(train, l2, toward)
        out.update({p.id: data.right(p, rubric) for p in test})
    return out


def by_source(data: Data, l2: float, toward: str) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for source in sorted({p.source for p in data.pairs}):
        train = [p for p in data.pairs if p.source != source]
        rubric = data.rubric(train, l2, toward)
        out.update({p.id: data.right(p, rubric) for p in data.pairs if p.source == source})
    return out


def share(flags: list[bool]) -> str:
    return f"{sum(flags)}/{len(flags)} = {sum(flags) / max(1, len(flags)):.3f}"


def words_right(p: Pair) -> bool:
    return len(p.strong.split()) > len(p.weak.split())


def report(data: Data, right: dict[str, bool], title: str) -> None:
    print(title)
    for source in [*sorted({p.source for p in data.pairs}), "all"]:
        pairs = [p for p in data.pairs if source in ("all", p.source)]
        lm = [p for p in pairs if p.length_matched]
        print(
            f"  {source:14} {share([right[p.id] for p in pairs]):>16}  "
            f"length-matched {share([right[p.id] for p in lm]):>14}   "
            f"word count alone {share([words_right(p) for p in pairs])}, "
            f"lm {share([words_right(p) for p in lm])}"
        )


def cross_validate(dev: list[Pair], own: list[Pair], folds: int = 5) -> list[tuple[Pair, bool]]:
    """The third-party pairs, each scored by points fitted without its fold (all the
    other pairs, ours included, always in): bench_feedback.py's figure."""
    data = Data(dev + own + train_pairs())
    l2, toward = chosen(data, quiet=True)
    right = kfold(data, l2, toward, folds)
    return [(p, right[p.id]) for p in dev]


def accuracy(pairs: list[Pair], rubric: Rubric | None) -> list[bool]:
    return [run(p, "strong", rubric).score > run(p, "weak", rubric).score for p in pairs]


def chosen(data: Data, quiet: bool = False) -> tuple[float, str]:
    """The regularisation with the best k-fold accuracy over every pair (ties: the
    stronger pull, i.e. the simpler model)."""
    best: tuple[float, float, str] | None = None
    for l2, toward in GRID:
        right = kfold(data, l2, toward)
        acc = sum(right.values()) / len(right)
        lm = [right[p.id] for p in data.pairs if p.length_matched]
        if not quiet:
            dev = [right[p.id] for p in data.pairs if p.source == "dev"]
            dev_lm = [right[p.id] for p in data.pairs if p.source == "dev" and p.length_matched]
            print(
                f"  L2 {l2:<5} towards {toward:5}: k-fold {acc:.3f}, lm {share(lm)};"
                f" dev {share(dev)}, lm {share(dev_lm)}"
            )
        key = (acc, l2)
        if best is None or key > best[:2]:
            best = (acc, l2, toward)
    assert best is not None
    return best[1], best[2]


def write_back(points: dict[str, float]) -> None:
    path = ROOT / "assets" / "rubric.toml"
    text = path.read_text(encoding="utf-8")
    for fid, pts in points.items():
        if fid in FIXED:
            continue
        pattern = re.compile(
            rf"(\[findings\.{re.escape(fid)}\]\n(?:#.*\n)*area = \"\w+\"\n)points = [-\d.]+"
        )
        value = f"{pts:g}"
        text, n = pattern.subn(rf"\g<1>points = {value}", text)
        if n != 1:
            raise SystemExit(f"could not find [findings.{fid}] points in {path}")
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write the fitted points back")
    args = parser.parse_args()
    dev = dev_pairs()
    if not dev:
        raise SystemExit("../shared/feedback-dev/pairs.jsonl not found")
    data = Data(dev + own_pairs() + train_pairs())
    print(f"{len(data.pairs)} pairs; regularisation by {FOLDS}-fold accuracy:")
    l2, toward = chosen(data)
    print(f"chosen: L2 {l2} towards {toward}")
    report(data, {p.id: data.right(p, data.base) for p in data.pairs}, "rubric as it is now:")
    report(data, kfold(data, l2, toward), f"{FOLDS}-fold cross-validated:")
    report(data, by_source(data, l2, toward), "each source scored by points fitted on the others:")
    rubric = data.rubric(data.pairs, l2, toward)
    points = {fid: rubric.findings[fid].points for fid in data.ids if fid not in FIXED}
    changed = [(fid, data.base.findings[fid].points, pts) for fid, pts in points.items()]
    for fid, old, new in sorted(changed, key=lambda c: -abs(c[2])):
        if old or new:
            print(f"  {fid:24} {new:+g}" + (f"   (was {old:+g})" if old != new else ""))
    if args.write:
        write_back(points)
        print("written to assets/rubric.toml")


if __name__ == "__main__":
    main()
