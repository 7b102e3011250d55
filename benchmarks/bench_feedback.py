"""How long feedback takes: one 10-minute spoken answer, and a 10-question session summary.

Targets (issue 5): under 20 ms for the 10-minute answer. Prints figures; asserts
nothing. Run: .venv/bin/python benchmarks/bench_feedback.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.feedback.labelled import load_pairs

from hotseat.feedback import Feedback, analyze, summarize
from hotseat.feedback.lexicon import default_lexicons
from hotseat.feedback.rubric import default_rubric
from hotseat.transcript import Transcript, Word

WORDS = 1500  # about ten minutes at 150 words a minute
RUNS = 30


def ten_minute_answer() -> Transcript:
    """1500 recognised words with times, built from the labelled answers, with fillers
    and a few long pauses, spread over 600 s."""
    from hotseat.feedback.tokens import split_words

    pool: list[str] = []
    for pair in load_pairs():
        pool += [*split_words(pair.strong), "um", *split_words(pair.weak)]
    words = (pool * (WORDS // len(pool) + 1))[:WORDS]
    step = 600.0 / WORDS
    out = []
    for k, word in enumerate(words):
        start = 1.0 + k * step + (2.5 if k % 300 == 299 else 0.0)
        out.append(Word(word, round(start, 3), round(start + step * 0.75, 3)))
    return Transcript(" ".join(words), tuple(out), duration=602.0, engine="vosk")


def timed(fn: object, runs: int = RUNS) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def main() -> None:
    start = time.perf_counter()
    default_lexicons()
    default_rubric()
    print(f"load lexicons and rubric (once):      {(time.perf_counter() - start) * 1000:7.1f} ms")
    pair = load_pairs()[0]
    answer = ten_minute_answer()
    median, best = timed(lambda: analyze(pair.question, answer, pair.context))
    print(
        f"analyze, 10-minute answer ({WORDS} words): {median:7.1f} ms median, {best:.1f} ms best"
        "  (target < 20 ms)"
    )
    session_pairs = load_pairs()[:10]

    def session() -> None:
        items: list[tuple[str, Feedback]] = []
        for p in session_pairs:
            items.append(
                (p.question.text, analyze(p.question, Transcript.typed(p.strong), p.context))
            )
        summarize(items)

    median, best = timed(session)
    print(f"10 answers analysed + session summary: {median:7.1f} ms median, {best:.1f} ms best")
    items = [
        (p.question.text, analyze(p.question, Transcript.typed(p.strong), p.context))
        for p in session_pairs
    ]
    median, best = timed(lambda: summarize(items), runs=200)
    print(f"session summary alone (10 answers):    {median:7.3f} ms median, {best:.3f} ms best")


if __name__ == "__main__":
    main()
