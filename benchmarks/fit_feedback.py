"""Fit the rubric's finding points by pairwise ranking, cross-validated, and write them back.

Each answer becomes a vector of its findings (+1 for a strength, -1 for a major
problem, -0.5 for a minor one). A logistic regression on the differences between
the strong and the weak answer of each pair (no intercept, L2, each point kept on
its own side: a strength never costs points) gives one weight per finding; the
weights are scaled to points and written to ``assets/rubric.toml``, so every point
of a score is still one line of the explanation.

Run:  .venv/bin/python benchmarks/fit_feedback.py          # CV accuracy, print weights
      .venv/bin/python benchmarks/fit_feedback.py --write  # ... and write them back
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.feedback_data import ROOT, Pair, dev_pairs, own_pairs

from hotseat.feedback import Context, Feedback, analyze
from hotseat.feedback.findings import DELIVERY, NOTES
from hotseat.feedback.rubric import Rubric, default_rubric
from hotseat.transcript import Transcript

L2 = 0.05  # pulls each weight towards the rubric's hand-set points
TOP_POINTS = 10.0  # points per unit of the fitted (logit) weight
MAX_POINTS = 12.0  # no one finding moves the score more than this
SKIP = set(NOTES)  # notes, not findings that move the score
# Not fitted: how an answer is delivered, and its length, keep the rubric's hand-set
# points. On these pairs they mostly stand in for length (a five-word answer has no
# fillers to count), and length is a hint, not the verdict.
FIXED = set(DELIVERY)
_SIGN = {"strength": 1.0, "major": -1.0, "minor": -0.5}


def run(pair: Pair, which: str, rubric: Rubric | None = None) -> Feedback:
    text = pair.strong if which == "strong" else pair.weak
    context = Context(company=pair.company, notes=pair.notes)
    return analyze(
        None, Transcript.typed(text), context, question_text=pair.question, rubric=rubric
    )


def vector(fb: Feedback, ids: list[str]) -> np.ndarray:
    x = np.zeros(len(ids))
    for f in fb.findings:
        if f.id in SKIP or f.severity not in _SIGN:
            continue
        x[ids.index(f.id)] += _SIGN[f.severity]
    return x


def prior(ids: list[str], base: Rubric) -> np.ndarray:
    """The rubric's current points in the fit's units: what a finding weighs when the
    pairs say little about it (a finding no pair shows keeps its points)."""
    return np.array([abs(base.findings[i].points) for i in ids]) / TOP_POINTS


def fit(
    d: np.ndarray, w0: np.ndarray, free: np.ndarray, steps: int = 4000, lr: float = 0.2
) -> np.ndarray:
    """Non-negative weights w minimising the logistic loss of d @ w, plus L2 towards w0;
    only the ``free`` weights move."""
    w = w0.copy()
    for _ in range(steps):
        margin = np.clip(d @ w, -30, 30)
        grad = -(d * (1 / (1 + np.exp(margin)))[:, None]).mean(axis=0)
        grad += L2 * (w - w0)
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


def accuracy(pairs: list[Pair], rubric: Rubric | None) -> list[bool]:
    return [run(p, "strong", rubric).score > run(p, "weak", rubric).score for p in pairs]


def cross_validate(dev: list[Pair], own: list[Pair], folds: int = 5) -> list[tuple[Pair, bool]]:
    base = default_rubric()
    ids = sorted(i for i in base.findings if i not in SKIP)
    feats = {
        (p.id, which): vector(run(p, which), ids) for p in dev + own for which in ("strong", "weak")
    }
    out: list[tuple[Pair, bool]] = []
    for k in range(folds):
        test = [p for n, p in enumerate(dev) if n % folds == k]
        train = [p for n, p in enumerate(dev) if n % folds != k] + own
        d = np.array([feats[(p.id, "strong")] - feats[(p.id, "weak")] for p in train])
        rubric = with_points(base, points_for(fit(d, prior(ids, base), free_mask(ids)), ids, base))
        out += list(zip(test, accuracy(test, rubric), strict=True))
    return out


def fit_all(dev: list[Pair], own: list[Pair]) -> dict[str, float]:
    base = default_rubric()
    ids = sorted(i for i in base.findings if i not in SKIP)
    d = np.array([vector(run(p, "strong"), ids) - vector(run(p, "weak"), ids) for p in dev + own])
    return points_for(fit(d, prior(ids, base), free_mask(ids)), ids, base)


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
    dev, own = dev_pairs(), own_pairs()
    if not dev:
        raise SystemExit("../shared/feedback-dev/pairs.jsonl not found")
    cv = cross_validate(dev, own)
    good = [ok for _, ok in cv]
    lm = [ok for p, ok in cv if p.length_matched]
    print(
        f"cross-validated pairwise accuracy: {sum(good)}/{len(good)} = {sum(good) / len(good):.3f}"
    )
    print(f"  length-matched: {sum(lm)}/{len(lm)} = {sum(lm) / max(1, len(lm)):.3f}")
    points = fit_all(dev, own)
    for fid, pts in sorted(points.items(), key=lambda kv: -abs(kv[1])):
        if pts:
            print(f"  {fid:24} {pts:+g}")
    if args.write:
        write_back(points)
        print("written to assets/rubric.toml")


if __name__ == "__main__":
    main()
