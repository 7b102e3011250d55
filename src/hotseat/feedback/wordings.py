"""Which intent a question's words lean to, learned from example wordings.

The phrase lists in ``intents.toml`` say for sure what a question asks when one of
them is in it; a question put in words no list holds ("paint me a picture of the
path that brought you here") needs something that weighs every word. This is a
naive Bayes model over word stems, built when the lexicons load from the example
wordings (``[examples]`` in ``intents.toml``) and the phrase lists themselves: each
intent's share of a word is how often its examples use it, smoothed, so a word no
example uses says nothing. No model file, no download; a few hundred sentences,
built in milliseconds. ``intent.classify`` weighs these scores against the phrases.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from hotseat.feedback.stems import stem
from hotseat.feedback.tokens import split_words

SMOOTHING = 0.2  # added to every word's count in every intent
MIN_USES = 2  # a word the examples use less often says nothing on its own
# Words every question uses whatever it asks: they would only add noise.
_NOISE = frozenset(["a", "an", "the", "is", "are", "was", "were", "be", "been", "it", "its"])
_NOISE |= frozenset(["of", "to", "in", "on", "at", "for", "and", "or", "so", "that", "this"])


# Words that frame any question: known to the model, but no sign of what it asks.
FRAME = frozenset(
    [
        *("you", "your", "yours", "us", "me", "i", "we", "our", "my", "what", "how", "why"),
        *("when", "where", "who", "which", "do", "does", "did", "can", "could", "would"),
        *("will", "should", "tell", "give", "please", "about", "with", "have", "has", "had"),
        *("some", "any", "there", "if", "one", "not", "but", "as", "by", "from", "up"),
    ]
)


def features(words: Iterable[str]) -> list[str]:
    """The stems a question's words give the model (noise words left out)."""
    return [stem(w.replace("'", "")) for w in words if w not in _NOISE]


@dataclass
class WordingModel:
    """Word-stem counts per intent; ``scores`` gives each intent's log-likelihood."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    totals: Counter[str] = field(default_factory=Counter)
    vocabulary: set[str] = field(default_factory=set)
    smoothing: float = SMOOTHING

    @classmethod
    def of(
        cls, examples: Mapping[str, Iterable[str]], smoothing: float = SMOOTHING
    ) -> WordingModel:
        model = cls(smoothing=smoothing)
        for intent, texts in examples.items():
            for text in texts:
                model.add(intent, text)
        return model

    def add(self, intent: str, text: str, sign: int = 1) -> None:
        """Count ``text`` as a wording of ``intent`` (``sign=-1`` takes it back out)."""
        feats = features(split_words(text))
        counts = self.counts.setdefault(intent, Counter())
        for f in feats:
            counts[f] += sign
        self.totals[intent] += sign * len(feats)
        self.vocabulary.update(feats)

    def telling(self, words: Iterable[str]) -> int:
        """How many of these words the examples use more than once, frame words left
        out: one use ("the hardest spell you've had") is no sign of what a question
        asks ("could you spell your surname?")."""
        feats = [f for f in features(words) if f not in FRAME]
        return sum(sum(c[f] for c in self.counts.values()) >= MIN_USES for f in feats)

    def scores(self, words: Iterable[str]) -> dict[str, float]:
        """Each intent's log-likelihood of these words (0.0 each when none is known)."""
        feats = [f for f in features(words) if f in self.vocabulary]
        size = len(self.vocabulary)
        out: dict[str, float] = {}
        for intent, counts in self.counts.items():
            total = self.totals[intent] + self.smoothing * size
            out[intent] = sum(math.log((counts[f] + self.smoothing) / total) for f in feats)
        return out
