"""pocketsphinx's words with their times, and which pass's words a phrase keeps.

A decoder reports an utterance as segments counted in frames (100 a second)
from the utterance's start; ``segment_words`` makes them words timed in seconds
on the answer's clock (``offset``: where the utterance began), leaving out
fillers (``<sil>``, ``[NOISE]``, ``++UH++``) and the ``(2)`` that marks an
alternate pronunciation. ``decode_whole`` decodes one phrase at once (batch cepstral
normalisation), as the whole-phrase pass does here and in its helper process
(``asr.sphinx_batch``). A :class:`Phrase` holds the live pass's words at once and
the whole-phrase pass's when they are ready.
"""

from __future__ import annotations

import re
import time
from concurrent.futures import Future
from typing import Any

from hotseat.transcript import Word

FRAME_RATE = 100  # pocketsphinx's default frames per second
_FILLERS = re.compile(r"^(<.*>|\[.*\]|\+\+.*\+\+)$")
_ALTERNATE = re.compile(r"\(\d+\)$")


def segment_words(decoder: Any, offset: float) -> list[Word]:
    """The words of the decoder's last utterance, which began ``offset`` seconds in."""
    words: list[Word] = []
    for seg in decoder.seg() or ():  # None when the phrase was too short to decode
        token = str(seg.word)
        if _FILLERS.match(token):
            continue
        words.append(
            Word(
                word=_ALTERNATE.sub("", token),
                start=round(offset + seg.start_frame / FRAME_RATE, 3),
                end=round(offset + (seg.end_frame + 1) / FRAME_RATE, 3),
                conf=round(min(1.0, max(0.0, float(seg.prob))), 3),
            )
        )
    return words


def decode_whole(decoder: Any, pcm16: bytes, offset: float) -> list[Word]:
    """Decode one phrase whole (batch cepstral normalisation) with ``decoder``."""
    decoder.start_utt()
    decoder.process_raw(pcm16, False, True)
    decoder.end_utt()
    return segment_words(decoder, offset)


class Phrase:
    """One phrase: its live words at once, its batch words when they are ready."""

    def __init__(
        self,
        live: list[Word],
        final: Future[list[Word]] | None,
        complete: bool = True,
        start: float = 0.0,
    ) -> None:
        self.live = live
        self.final = final
        self.complete = complete  # the live words cover the whole phrase
        self.start = start  # seconds from the first sample
        self.late = False  # the batch words were not ready in time: the live words stood

    def best(self, wait: bool = False, until: float | None = None) -> list[Word]:
        """The batch words if ready (waiting when asked, until ``until`` at most), else
        live (``late`` says so when they were waited for)."""
        if self.final is None:
            return self.live
        if wait and until is not None:
            try:
                return self.final.result(timeout=max(0.0, until - time.monotonic()))
            except TimeoutError:
                self.final.cancel()  # not started yet: the next answer need not wait for it
                self.late = True
                return self.live
        if wait or self.final.done():
            return self.final.result()
        return self.live
