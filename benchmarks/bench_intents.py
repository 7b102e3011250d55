"""How well hotseat reads what a question asks (issue 10, item 1), and how the
classifier's settings were chosen.

Figures, each printed with its count:
- leave-one-out accuracy over every wording the classifier may learn from: the
  ``intents.toml [examples]``, ``tests/feedback/intent_wordings.toml`` (all sets),
  ``intent_probe.toml`` and, when present, ``intent_train_2.toml`` and
  ``intent_train_3.toml``; each is classified
  by a word model built without it (the phrase lists stay: they were written beside
  some of these, so this is still tuning data);
- the bank's own questions against the readings given by hand in
  ``tests/feedback/test_bank_intents.py``, as the bank asks them and typed as free
  text (no bank kind to help);
- ``intent_probe_2.toml``: wordings never tuned on (count only, misses not listed);
- ``intent_heldout.toml``, ``intent_heldout_2.toml`` and ``intent_heldout_3.toml``:
  written blind by other reviewers (count only, and how many fell to "general");
- time to classify one question.

``--search`` runs the coordinate search over ``intent.Weights`` and the model's
smoothing that chose the shipped values: it maximises the leave-one-out count plus
the bank count, and never reads a held-out file or probe_2. ``--quick`` skips
nothing (the whole run takes seconds) but times fewer runs.
Run: .venv/bin/python benchmarks/bench_intents.py [--quick] [--search] [--misses]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.figures import record

from hotseat.feedback.intent import WEIGHTS, Weights, classify
from hotseat.feedback.lexicon import Lexicons, default_lexicons
from hotseat.feedback.wordings import SMOOTHING, WordingModel
from hotseat.questions import load_bank
from hotseat.questions.model import fill_placeholders

HERE = Path(__file__).resolve().parent.parent / "tests" / "feedback"
Labelled = list[tuple[str, str]]  # (text, intent)


def _table(path: Path, key: str) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))[key]
    return {str(k): [str(t) for t in v] for k, v in data.items()}


def learnable(lex: Lexicons) -> Labelled:
    """Every wording the classifier may be tuned on, each once (first label kept)."""
    seen: dict[str, str] = {}
    sources = [dict(lex.texts["intents.examples"])]
    wordings = tomllib.loads((HERE / "intent_wordings.toml").read_text(encoding="utf-8"))
    sources += [wordings[k] for k in ("wordings", "paraphrases", "fresh", "fresh2")]
    sources.append(_table(HERE / "intent_probe.toml", "probe"))
    sources.append(_table(HERE / "intent_train_2.toml", "train"))
    sources.append(_table(HERE / "intent_train_3.toml", "train"))
    for table in sources:
        for intent, texts in table.items():
            for text in texts:
                seen.setdefault(text, intent)
    return sorted(seen.items())


_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
]
_ONES += ["fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _number(n: int) -> str:
    """A whole number below a million in words, as a recogniser writes it."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else " " + _ONES[n % 10])
    if n < 1000:
        rest = "" if n % 100 == 0 else " and " + _number(n % 100)
        return _ONES[n // 100] + " hundred" + rest
    rest = "" if n % 1000 == 0 else " " + _number(n % 1000)
    return _number(n // 1000) + " thousand" + rest


def as_recognised(text: str) -> str:
    """The wording as a speech recogniser writes it: lowercase, no punctuation,
    numbers as words."""
    text = re.sub(r"(?<=\d),(?=\d)", "", text)
    text = re.sub(r"\d+", lambda m: " " + _number(int(m.group()[:6])) + " ", text)
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


def with_typos(text: str) -> str:
    """A slip in every third word of five letters or more: a letter dropped, or two
    swapped, in turn."""
    out, n = [], 0
    for word in text.split(" "):
        core = word.strip(".,;:!?\"'")
        if len(core) >= 5 and core.isalpha():
            n += 1
            if n % 3 == 0:
                i = word.index(core) + 2
                swap = n % 6 == 0
                word = (
                    word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                    if swap
                    else (word[:i] + word[i + 1 :])
                )
        out.append(word)
    return " ".join(out)


def leave_one_out(
    lex: Lexicons,
    items: Labelled,
    weights: Weights,
    smoothing: float,
    misses: bool = False,
    style: Callable[[str], str] | None = None,
    fallen: list[int] | None = None,
) -> int:
    examples: dict[str, list[str]] = {}
    for intent, entries in lex.maps["intents.intents"].items():
        examples.setdefault(intent, []).extend(e.phrase for e in entries)
    for text, intent in items:
        examples.setdefault(intent, []).append(text)
    model = WordingModel.of(examples, smoothing)
    right = 0
    for text, intent in items:
        model.add(intent, text, -1)
        got = classify(style(text) if style else text, lex, wordings=model, weights=weights)
        model.add(intent, text, 1)
        right += got == intent
        if fallen is not None and got == "general" != intent:
            fallen.append(1)
        if misses and got != intent:
            print(f"    {intent:>16} -> {got:<16} {text}")
    return right


def bank_readings() -> list[tuple[str, str, list[str]]]:
    from tests.feedback.test_bank_intents import READINGS

    bank = load_bank(include_user=False)
    return [(fill_placeholders(q.text), q.kind, READINGS[q.id].split()) for q in bank.questions]


def bank_right(
    lex: Lexicons,
    weights: Weights,
    model: WordingModel,
    misses: bool = False,
    typed: bool = False,
) -> int:
    """Bank questions read as their hand readings say; ``typed``: as free text, with
    no bank kind to help."""
    right = 0
    for text, kind, fair in bank_readings():
        got = classify(text, lex, kind="" if typed else kind, wordings=model, weights=weights)
        right += got in fair
        if misses and got not in fair:
            print(f"    {fair[0]:>16} -> {got:<16} {text}")
    return right


def count(lex: Lexicons, table: dict[str, list[str]]) -> tuple[int, int, int]:
    """Right, total and how many wordings that ask something fell to "general":
    misses are never listed."""
    got = [(intent, classify(text, lex)) for intent, texts in table.items() for text in texts]
    return (
        sum(a == b for a, b in got),
        len(got),
        sum(b == "general" != a for a, b in got),
    )


def search(lex: Lexicons, items: Labelled) -> None:
    grid = {
        "phrase": [2.0, 4.0, 6.0, 8.0, 10.0],
        "per_word": [0.0, 1.0, 2.0],
        "frame": [0.0, 0.3, 0.6, 1.0],
        "asks": [0.0, 2.0, 4.0, 6.0, 8.0],
        "preamble": [0.15, 0.3, 0.5, 0.8],
        "second": [0.3, 0.5, 0.7, 1.0],
        "against": [5.0, 10.0, 20.0],
        "cue": [0.0, 0.5, 1.0, 2.0],
        "first": [0.0, 1.0, 2.0, 3.0],
        "story": [0.0, 2.0, 4.0, 6.0],
        "bank": [6.0, 9.0, 12.0, 16.0],
    }

    def value(w: Weights, smoothing: float) -> tuple[int, int]:
        model = WordingModel.of(lex.intent_examples(), smoothing)
        loo = leave_one_out(lex, items, w, smoothing)
        return loo + bank_right(lex, w, model), loo

    weights, smoothing = WEIGHTS, SMOOTHING
    best = value(weights, smoothing)
    print(f"  start: {best[0]} (leave-one-out {best[1]})")
    for _ in range(3):
        moved = False
        for name, values in grid.items():
            for v in values:
                trial = replace(weights, **{name: v})
                got = value(trial, smoothing)
                if got[0] > best[0]:
                    best, weights, moved = got, trial, True
                    print(f"  {name} = {v}: {got[0]} (leave-one-out {got[1]})", flush=True)
        for s in (0.02, 0.05, 0.1, 0.2, 0.3, 0.5):
            got = value(weights, s)
            if got[0] > best[0]:
                best, smoothing, moved = got, s, True
                print(f"  smoothing = {s}: {got[0]} (leave-one-out {got[1]})", flush=True)
        if not moved:
            break
    print(f"  best: {weights}, smoothing {smoothing}: {best[0]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer timing runs")
    parser.add_argument("--search", action="store_true", help="search the weights")
    parser.add_argument("--misses", action="store_true", help="list tuning-data misses")
    args = parser.parse_args()
    lex = default_lexicons()
    items = learnable(lex)
    if args.search:
        search(lex, items)
        return
    fallen: list[int] = []
    right = leave_one_out(lex, items, WEIGHTS, SMOOTHING, args.misses, fallen=fallen)
    asked = sum(intent != "general" for _, intent in items)
    print(
        f"intent, leave-one-out over {len(items)} tuning wordings: {right / len(items):.3f}"
        f" ({right}/{len(items)})"
    )
    record(
        "intents: leave-one-out, tuning wordings",
        right / len(items),
        "share",
        note=f"{len(items)} wordings",
    )
    print(f"  of {asked} that ask something, {len(fallen)} fell to 'general'")
    record("intents: leave-one-out, fell to general", len(fallen) / asked, "share")
    for label, style in (
        ("as a recogniser writes them", as_recognised),
        ("with typos", with_typos),
    ):
        right = leave_one_out(lex, items, WEIGHTS, SMOOTHING, style=style)
        print(f"intent, leave-one-out, {label}: {right / len(items):.3f} ({right}/{len(items)})")
        record(f"intents: leave-one-out, {label}", right / len(items), "share")
    total = len(bank_readings())
    right = bank_right(lex, WEIGHTS, lex.wordings, args.misses)
    print(f"intent, bank questions as read by hand: {right}/{total}")
    record("intents: bank questions", right / total, "share", note=f"{total} questions")
    right = bank_right(lex, WEIGHTS, lex.wordings, args.misses, typed=True)
    print(f"intent, bank questions typed as free text (no bank kind): {right}/{total}")
    record("intents: bank questions typed", right / total, "share", note=f"{total} questions")
    if args.misses:
        return  # a look at the tuning data's misses: the unseen counts stay unread
    for label, path, key in (
        ("probe_2 (never tuned on)", HERE / "intent_probe_2.toml", "probe2"),
        ("held-out (another reviewer, blind)", HERE / "intent_heldout.toml", "heldout"),
        ("held-out 2 (a third reviewer, blind)", HERE / "intent_heldout_2.toml", "heldout"),
        ("held-out 3 (writer5, blind)", HERE / "intent_heldout_3.toml", "heldout"),
    ):
        table = _table(path, key)
        if not table:
            continue
        right, total, general = count(lex, table)
        print(
            f"intent, {label}: {right}/{total} = {right / total:.3f} ({general} fell to 'general')"
        )
        record(f"intents: {label}", right / total, "share", note=f"{total} wordings")
    texts = [text for text, _ in items]
    runs = 1 if args.quick else 3
    start = time.perf_counter()
    for _ in range(runs):
        for text in texts:
            classify(text, lex)
    each = (time.perf_counter() - start) * 1000 / (runs * len(texts))
    print(f"classify one question: {each:.2f} ms")
    record("intents: classify one question", each, "ms")


if __name__ == "__main__":
    main()
