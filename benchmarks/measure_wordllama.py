"""Does a static sentence-embedding model help the feedback score? (issue 10, item 2)

Not part of hotseat: run it by hand after ``pip install wordllama==0.4.*``. For each
answer it adds two features to the pairwise fit of ``fit_feedback.py``: how close the
answer's closest sentence is to a short description of what a strong answer to its
intent shows, and to one of what sinks it (both written for hotseat). It prints the
cross-validated accuracy with and without them, the accuracy on each blind pair file
when fitted on all dev and own pairs, the model's load time and memory.

Measured 2026-11-30 (second session), wordllama 0.4.0.post1, 256 dimensions:
dev CV 48/51 -> 50/51 with the two features; blind_pairs_2 with the scorer as it was
when those pairs were still blind (commit fa5c30e) 45/50 -> 46/50; after the general
fixes 50/50 -> 50/50 and blind_pairs 44/44 -> 44/44; load 0.4-0.6 s, process RSS
129 MB (about +124 MB), and some fifteen packages pulled in (huggingface-hub,
pydantic, tokenizers, safetensors, httpx...). For question intents, nearest wordings
by its embeddings beat the phrase lists on unseen paraphrases (0.48 -> 0.59) but not a
naive Bayes over word stems by a clear margin (0.57), which needs no model. Not
adopted: one pair more on unseen answers is not worth the memory and dependencies.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.feedback_data import Pair, dev_pairs, own_pairs
from benchmarks.fit_feedback import SKIP, fit, free_mask, prior, run, vector

from hotseat.feedback.rubric import default_rubric

STRONG = {
    "weakness": "I am working on a real weakness and I am getting better at it.",
    "failure": "I made a mistake, took responsibility, fixed it and changed how I work.",
    "conflict": "We disagreed, I listened to their view and we agreed on a solution.",
    "challenge": "Under pressure I planned, prioritised and delivered the result.",
    "why-company": "I admire your products and mission, and my experience fits your work.",
    "why-hire": "My skills and results match what this job needs.",
    "about-yourself": "My career so far, my main achievement, and why this job is next.",
    "why-leaving": "I am looking for growth and a new challenge.",
}
WEAK = {
    "weakness": "I have no weaknesses; I am a perfectionist who works too hard.",
    "failure": "It was not my fault; I never fail.",
    "conflict": "My colleague was useless and never listened.",
    "challenge": "I never feel stress and I am the best.",
    "why-company": "I need a job and the pay is good.",
    "why-hire": "I am a hard worker and a team player.",
    "about-yourself": "I was born in a small town and I like football.",
    "why-leaving": "My boss was terrible and the company was a mess.",
}


def main() -> None:
    import wordllama
    from wordllama import WordLlama

    start = time.perf_counter()
    wl = WordLlama.load(cache_dir=os.path.dirname(wordllama.__file__), disable_download=True)
    load = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def embed_features(pair: Pair, which: str) -> np.ndarray:
        text = pair.strong if which == "strong" else pair.weak
        kind = run(pair, which).metrics["kind"]
        sentences = [s for s in text.replace("!", ".").replace("?", ".").split(".") if s.strip()]
        good = STRONG.get(kind, STRONG["why-hire"])
        bad = WEAK.get(kind, WEAK["why-hire"])
        return np.array(
            [
                max(wl.similarity(s, good) for s in sentences),
                -max(wl.similarity(s, bad) for s in sentences),
            ]
        )

    dev, own = dev_pairs(), own_pairs()
    base = default_rubric()
    ids = sorted(i for i in base.findings if i not in SKIP)
    rows = {}
    for p in dev + own:
        for which in ("strong", "weak"):
            rows[(p.id, which)] = (vector(run(p, which), ids), embed_features(p, which))
    for label, use in (("findings only", False), ("findings + embeddings", True)):
        right, lm_right, lm_total = 0, 0, 0
        for k in range(5):
            test = [p for n, p in enumerate(dev) if n % 5 == k]
            train = [p for n, p in enumerate(dev) if n % 5 != k] + own

            def x(p: Pair, which: str, use: bool = use) -> np.ndarray:
                f, e = rows[(p.id, which)]
                return np.concatenate([f, e]) if use else f

            d = np.array([x(p, "strong") - x(p, "weak") for p in train])
            w0 = prior(ids, base)
            free = free_mask(ids)
            if use:
                w0, free = np.concatenate([w0, [0.5, 0.5]]), np.concatenate([free, [True, True]])
            w = fit(d, w0, free)
            for p in test:
                ok = bool((x(p, "strong") - x(p, "weak")) @ w > 0)
                right += ok
                if p.length_matched:
                    lm_right += ok
                    lm_total += 1
        print(
            f"{label:24} CV {right}/{len(dev)} = {right / len(dev):.3f}, "
            f"length-matched {lm_right}/{lm_total}"
        )
    # Fitted on every dev and own pair, then applied to the blind pair files, which the
    # fit never sees (blind_pairs_2 was used to find general defects, never to fit).
    from tests.feedback.blind import BLIND_PAIRS, load_blind_pairs

    for path in sorted(BLIND_PAIRS.parent.glob("blind_pairs*.toml")):
        blind = [Pair(b.id, b.question, b.strong, b.weak) for b in load_blind_pairs(path)]
        for p in blind:
            for which in ("strong", "weak"):
                rows[(p.id, which)] = (vector(run(p, which), ids), embed_features(p, which))
        for label, use in (("findings only", False), ("findings + embeddings", True)):

            def xb(p: Pair, which: str, use: bool = use) -> np.ndarray:
                f, e = rows[(p.id, which)]
                return np.concatenate([f, e]) if use else f

            train = dev + own
            d = np.array([xb(p, "strong") - xb(p, "weak") for p in train])
            w0, free = prior(ids, base), free_mask(ids)
            if use:
                w0, free = np.concatenate([w0, [0.5, 0.5]]), np.concatenate([free, [True, True]])
            w = fit(d, w0, free)
            right = sum(bool((xb(p, "strong") - xb(p, "weak")) @ w > 0) for p in blind)
            print(f"{path.name:22} {label:24} {right}/{len(blind)}")
    print(f"wordllama load {load:.2f} s, process RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
