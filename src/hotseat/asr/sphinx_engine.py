"""pocketsphinx: the built-in fallback recognizer (US English model in the wheel).

Less accurate than Vosk but always there, so hotseat works offline from the
first run. Audio is cut into utterances at pauses by pocketsphinx's own
endpointer: each utterance is decoded as it ends, so finishing a long answer
only waits for its last phrase, and word times stay relative to the first
sample fed.
"""

from __future__ import annotations

import re
from typing import Any

from hotseat.asr.engine import EngineError, join_words
from hotseat.transcript import Word

_FRAME_RATE = 100  # pocketsphinx's default frames per second
_FILLERS = re.compile(r"^(<.*>|\[.*\]|\+\+.*\+\+)$")
_ALTERNATE = re.compile(r"\(\d+\)$")


def _segment_words(decoder: Any, offset: float) -> list[Word]:
    words: list[Word] = []
    for seg in decoder.seg():
        token = str(seg.word)
        if _FILLERS.match(token):
            continue
        words.append(
            Word(
                word=_ALTERNATE.sub("", token),
                start=round(offset + seg.start_frame / _FRAME_RATE, 3),
                end=round(offset + (seg.end_frame + 1) / _FRAME_RATE, 3),
                conf=round(min(1.0, max(0.0, float(seg.prob))), 3),
            )
        )
    return words


class SphinxRecognizer:
    """Live partials from a streaming pass; final words from a second, batch pass.

    pocketsphinx's streaming ("live") cepstral normalisation needs seconds of
    speech to settle, and early words suffer: on real recorded speech its word
    error rate was about 0.6, against 0.38 when each phrase is decoded whole
    with the phrase's own mean ("batch"). So each phrase is decoded twice: live
    while it is spoken (for the screen), then whole as soon as it ends (for the
    transcript). Finishing an answer only waits for its last phrase.
    """

    def __init__(self, decoder: Any, segment: bool = True, two_pass: bool = True) -> None:
        from pocketsphinx import Endpointer

        self._decoder = decoder
        self._two_pass = two_pass
        self._endpointer: Any = Endpointer() if segment else None
        self._frame = int(self._endpointer.frame_bytes) if self._endpointer is not None else 0
        self._pending = bytearray()
        self._utterance = bytearray()  # the current phrase's audio, for the batch pass
        self._in_utt = False
        self._offset = 0.0
        self._done: list[Word] = []
        self._done_text = ""
        self._partial_cache: str | None = ""

    def _start(self, offset: float) -> None:
        self._decoder.start_utt()
        self._in_utt = True
        self._offset = offset
        self._utterance.clear()

    def _process(self, speech: bytes) -> None:
        self._decoder.process_raw(speech, False, False)
        if self._two_pass:
            self._utterance += speech
        self._partial_cache = None

    def _end(self) -> None:
        self._decoder.end_utt()
        self._in_utt = False
        if self._two_pass and self._utterance:
            self._decoder.start_utt()
            self._decoder.process_raw(bytes(self._utterance), False, True)
            self._decoder.end_utt()
            self._utterance.clear()
        self._done.extend(_segment_words(self._decoder, self._offset))
        self._done_text = join_words(self._done)
        self._partial_cache = None

    def feed(self, pcm16: bytes) -> None:
        if self._endpointer is None:
            if not self._in_utt:
                self._start(0.0)
            self._process(pcm16)
            return
        self._pending += pcm16
        while len(self._pending) >= self._frame:
            frame = bytes(self._pending[: self._frame])
            del self._pending[: self._frame]
            speech = self._endpointer.process(frame)
            if speech is not None:
                if not self._in_utt:
                    self._start(float(self._endpointer.speech_start))
                self._process(speech)
            if self._in_utt and not self._endpointer.in_speech:
                self._end()

    def partial(self) -> str:
        if self._partial_cache is None:
            current = ""
            if self._in_utt:
                hyp = self._decoder.hyp()
                current = str(hyp.hypstr) if hyp is not None else ""
            self._partial_cache = " ".join(p for p in (self._done_text, current) if p)
        return self._partial_cache

    def finish(self) -> list[Word]:
        if self._endpointer is not None and self._endpointer.in_speech:
            # end_stream() wants at least one sample; a short tail is padded with silence.
            tail = bytes(self._pending).ljust(self._frame, b"\0")
            speech = self._endpointer.end_stream(tail)
            if speech:
                if not self._in_utt:
                    self._start(float(self._endpointer.speech_start))
                self._process(speech)
        self._pending.clear()
        if self._in_utt:
            self._end()
        words, self._done, self._done_text = self._done, [], ""
        self._partial_cache = ""
        return words


class SphinxEngine:
    name = "sphinx"

    def __init__(self, segment: bool = True, two_pass: bool = True, **config: Any) -> None:
        try:
            from pocketsphinx import Decoder
        except (ImportError, OSError) as exc:
            raise EngineError(f"pocketsphinx cannot be loaded: {exc}") from None
        try:
            self._decoder = Decoder(logfn="/dev/null", **config)
        except Exception as exc:  # bad config or a damaged model raises RuntimeError
            raise EngineError(f"pocketsphinx could not start: {exc}") from None
        self._segment = segment
        self._two_pass = two_pass

    @property
    def description(self) -> str:
        return "pocketsphinx (built-in US English model)"

    def recognizer(self) -> SphinxRecognizer:
        return SphinxRecognizer(self._decoder, self._segment, self._two_pass)
