"""What a test hears from the speaker: callback times, as the app would see them."""

from __future__ import annotations

import threading
import time

from tests.support.pulse import Recording

# Seconds a reported moment may be off, or a callback late, on a busy shared machine
# (a load of 10 on 2 cores): only a hang or a report tied to the wrong moment breaks
# it. How close they really are is a figure of benchmarks/bench_speech.py.
SLACK = 1.0


class Heard:
    """Collects ``on_started`` / ``on_finished`` of one spoken line."""

    def __init__(self) -> None:
        self.started: float | None = None
        self.finished: float | None = None
        self.finished_called_at: float | None = None
        self.stopped: bool | None = None
        self.done = threading.Event()

    def on_started(self, t: float) -> None:
        self.started = t

    def on_finished(self, t: float, stopped: bool) -> None:
        self.finished, self.stopped = t, stopped
        self.finished_called_at = time.monotonic()
        self.done.set()

    def wait(self, timeout: float = 20.0) -> Heard:
        assert self.done.wait(timeout), "the speaker never reported the line finished"
        return self


def silent(samples: object, level: float = 0.005) -> bool:
    import numpy as np

    data = np.asarray(samples, dtype=np.float32)
    return data.size > 0 and float(np.max(np.abs(data))) < level


def span(recording: Recording) -> tuple[float, float]:
    """Start and end of what was audible: 10 ms windows above -50 dBFS.

    The virtual speaker has no noise floor, and soft sounds such as the final 'f'
    of "yourself" sit around -42 dBFS: they are part of the question.
    """
    return recording.sound_span(threshold=0.003, window=0.01)


def heard_in_full(heard: float, rendered: float) -> bool:
    """A line lasting ``rendered`` seconds was heard for ``heard`` seconds: all of it
    (none cut off), and once (a starved player may stretch it by gaps, not double it)."""
    return 0.9 * rendered <= heard <= 1.5 * rendered
