"""The three delivery figures progress charts follow, taken from stored feedback.

The feedback engine's metrics are the source; when an answer has no such
metric (an older feedback version, or none at all), words per minute and long
pauses are worked out from the timed words themselves. Fillers need the
lexicon, so without a metric they stay unknown (None), never a guessed zero.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

LONG_PAUSE_SECONDS = 2.0

# Where each figure sits in the feedback engine's metrics (hotseat.feedback):
# ``wpm`` over speaking time, ``fillers.per_100_words``, ``pauses.count`` (gaps
# longer than the rubric's pause threshold, 2 s as shipped).
_WPM = ("wpm",)
_FILLERS = ("fillers", "per_100_words")
_PAUSES = ("pauses", "count")


@dataclass(frozen=True)
class DeliveryFigures:
    wpm: float | None
    fillers_per_100: float | None
    long_pauses: float | None


def _number(metrics: Mapping[str, object], path: Sequence[str]) -> float | None:
    value: object = metrics
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _times(words: Sequence[object]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for word in words:
        if not isinstance(word, Mapping):
            return []
        start, end = word.get("start"), word.get("end")
        if not isinstance(start, int | float) or not isinstance(end, int | float):
            return []
        out.append((float(start), float(end)))
    return out


def delivery_figures(metrics: Mapping[str, object], words: Sequence[object]) -> DeliveryFigures:
    """Words per minute, fillers per 100 words and pauses over 2 s for one answer."""
    wpm = _number(metrics, _WPM)
    fillers = _number(metrics, _FILLERS)
    pauses = _number(metrics, _PAUSES)
    times = _times(words)
    if times and (wpm is None or pauses is None):
        # As the feedback engine measures: pauses are gaps over 2 s, and speaking
        # time is first word to last less those pauses.
        gaps = [b[0] - a[1] for a, b in itertools.pairwise(times)]
        long_gaps = [gap for gap in gaps if gap > LONG_PAUSE_SECONDS]
        if pauses is None:
            pauses = float(len(long_gaps))
        speaking = times[-1][1] - times[0][0] - sum(long_gaps)
        if wpm is None and speaking > 0:
            wpm = round(len(times) * 60.0 / speaking, 1)
    return DeliveryFigures(wpm=wpm, fillers_per_100=fillers, long_pauses=pauses)
