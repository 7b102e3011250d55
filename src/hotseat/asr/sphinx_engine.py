"""pocketsphinx: the built-in fallback recognizer (US English model in the wheel).

Less accurate than Vosk but always there, so hotseat works offline from the
first run. ``SphinxEngine`` sets up the decoders: the live one (its recognizers,
``asr.sphinx_recognizer``, stream each answer through it for the on-screen
partials) and the whole-phrase one, owned by one batch thread or run in a
helper process of its own (``asr.sphinx_batch``), plus the cheaper ones used
when recognition falls behind. It counts how much audio waits for the
whole-phrase pass, which is how a recognizer knows that pass is behind.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from hotseat.asr.engine import EngineError
from hotseat.asr.sphinx_batch import BatchProcess
from hotseat.asr.sphinx_recognizer import SphinxRecognizer
from hotseat.asr.sphinx_words import decode_whole
from hotseat.transcript import Word

# Whole-phrase decoding when recognition is behind: no second (flat-lexicon) pass and no
# lattice search, about half the work for a word error rate of 0.41 against 0.36 on the
# speech-eval set (narrower beams cost far more: 0.8-0.9; benchmarks/bench_asr.py --explore).
QUICK_BATCH: dict[str, Any] = {"fwdflat": False, "bestpath": False}
BATCH_BEHIND = 4.0  # seconds of phrases queued for the whole-phrase pass: it is behind


class SphinxEngine:
    """``batch_process``: decode phrases whole in a process of their own
    (``asr.sphinx_batch``), so that the live pass in this one never waits on them."""

    name = "sphinx"

    def __init__(
        self, segment: bool = True, pause: float = 0.3, batch_process: bool = False, **config: Any
    ) -> None:
        try:
            from pocketsphinx import Decoder
        except (ImportError, OSError) as exc:
            raise EngineError(f"pocketsphinx cannot be loaded: {exc}") from None
        self._remote: BatchProcess | None = None
        self._batch: Any = None
        try:
            self.live_decoder = Decoder(logfn="/dev/null", **config)
            if batch_process:
                self._remote = BatchProcess(config)
            else:
                self._batch = Decoder(logfn="/dev/null", **config)
        except EngineError:
            raise
        except Exception as exc:  # bad config or a damaged model raises RuntimeError
            raise EngineError(f"pocketsphinx could not start: {exc}") from None
        self.segment = segment
        self.pause = pause  # seconds of quiet that end a phrase
        self._config = config
        self._quick: Any = None
        self._quick_batch: Any = None  # made on the batch thread when first needed
        # The batch decoders belong to this one worker thread.
        self._batch_thread = ThreadPoolExecutor(1, thread_name_prefix="hotseat-sphinx-batch")
        self._batch_lock = threading.Lock()
        self._batch_waiting = 0.0  # seconds of phrases queued for the batch thread, not started

    @property
    def description(self) -> str:
        return "pocketsphinx (built-in US English model)"

    def _quick_batch_decoder(self) -> Any:
        """On the batch thread: the cheaper whole-phrase decoder (made on first use)."""
        if self._quick_batch is None:
            from pocketsphinx import Decoder

            self._quick_batch = Decoder(logfn="/dev/null", **{**QUICK_BATCH, **self._config})
        return self._quick_batch

    def quick_decoder(self) -> Any:
        """A cheaper live decoder for when recognition falls far behind (made on first use)."""
        if self._quick is None:
            from pocketsphinx import Decoder

            self._quick = Decoder(logfn="/dev/null", beam=1e-30, wbeam=1e-20, ds=2, **self._config)
        return self._quick

    def decode_batch(self, pcm16: bytes, offset: float, quick: bool = False) -> Future[list[Word]]:
        """Decode one phrase whole on the batch thread (``quick``: ``QUICK_BATCH``)."""
        seconds = len(pcm16) / 2 / 16000
        with self._batch_lock:
            self._batch_waiting += seconds
        future = self._batch_thread.submit(self._decode_queued, pcm16, offset, quick, seconds)
        future.add_done_callback(lambda done: self._never_started(done, seconds))
        return future

    def _never_started(self, future: Future[list[Word]], seconds: float) -> None:
        if future.cancelled():  # given up on before it began (``Phrase.best``)
            with self._batch_lock:
                self._batch_waiting -= seconds

    def _decode_queued(
        self, pcm16: bytes, offset: float, quick: bool, seconds: float
    ) -> list[Word]:
        with self._batch_lock:
            self._batch_waiting -= seconds  # started: no longer waiting
        return self._decode_whole(pcm16, offset, quick)

    def batch_behind(self) -> bool:
        """True while more than ``BATCH_BEHIND`` seconds of earlier phrases wait for
        their whole-phrase decode to start."""
        return self._batch_waiting > BATCH_BEHIND

    def _decode_whole(self, pcm16: bytes, offset: float, quick: bool = False) -> list[Word]:
        if self._remote is not None:
            return self._remote.decode(pcm16, offset, quick)
        return decode_whole(self._quick_batch_decoder() if quick else self._batch, pcm16, offset)

    def close(self) -> None:
        """Stop the whole-phrase process, if there is one."""
        if self._remote is not None:
            self._remote.close()

    def recognizer(self, partials: bool = True) -> SphinxRecognizer:
        return SphinxRecognizer(self, partials)
