"""pocketsphinx recognising one answer: phrases cut at pauses, two passes, keeping up.

Two passes, two decoders. pocketsphinx's streaming ("live") cepstral
normalisation needs seconds of speech to settle and early words suffer: on
real recorded English (the speech-eval set, see benchmarks/bench_asr.py) the
live pass alone scored a word error rate of about 0.61, against 0.35 for
decoding each recording whole ("batch", ``full_utt``). So a live decoder
streams the audio for the on-screen partials, while the stream is cut into
phrases at pauses and each finished phrase is decoded whole by a batch
decoder on its own thread (which owns that decoder): 0.365 through hotseat.
A batch decoder that had also run live passes came out worse (0.48), hence
two. Finishing an answer only waits for the batch decode of its last phrase.

Keeping up (live answers): each block comes with how long ago it was
captured. Audio already older than ``LIVE_BOUND`` when it arrives is not
decoded live -- the live pass jumps to the newest audio, so the text on the
screen never trails the voice by much more than that, whatever the load --
but it is still cut into phrases and every phrase is still decoded whole:
the transcript keeps all the audio. Once behind, the whole-phrase decodes use
a cheaper search (``sphinx_engine.QUICK_BATCH``: about half the work).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import numpy as np

from hotseat.asr.engine import join_words
from hotseat.asr.sphinx_words import Phrase, segment_words
from hotseat.audio.level import dbfs
from hotseat.transcript import Word

if TYPE_CHECKING:
    from hotseat.asr.sphinx_engine import SphinxEngine


class SphinxRecognizer:
    """Cuts the stream into phrases at pauses; nothing is ever dropped.

    The endpointer's voice detector only chooses where to cut (in the middle
    of a pause): every sample goes to both passes, because that detector
    misses quiet speech and would otherwise lose words.
    """

    MAX_PHRASE = 10.0  # seconds: a phrase with no pause is cut (at its quietest moment)
    # Live answers: how long the end of an answer may wait for the second pass of its
    # last phrases; past that their live words stand, and ``live_from`` says from where
    # (files always wait). The live words of a pass that skipped late audio, or used its
    # quick decoder, miss or garble words: on a busy machine a quiet answer's last
    # sentence was lost with 0.7 s. The app sets it for each answer, just under its own
    # bound (``answer_worker.final_wait``); this default is for other users of it.
    FINAL_BUDGET = 8.0
    MARGIN = 0.15  # seconds of the pause kept after the last speech of a phrase
    LEAD = 0.3  # seconds kept before the first speech of a phrase
    # A phrase never louder than this is (near-)digital silence, such as the muted
    # audio while the interviewer speaks: decoding it whole invents words.
    SILENT_DB = -85.0

    # Seconds: audio older than this when it arrives skips the live pass (the partial
    # text stays this close to the voice; the whole-phrase pass still gets it).
    LIVE_BOUND = 0.7

    def __init__(self, engine: SphinxEngine, partials: bool = True) -> None:
        from pocketsphinx import Endpointer

        self._engine = engine
        self._live = engine.live_decoder if partials else None
        self._endpointer: Any = (
            Endpointer(window=engine.pause, ratio=0.9) if engine.segment else None
        )
        self._frame = int(self._endpointer.frame_bytes) if self._endpointer is not None else 0
        self._pending = bytearray()  # audio not yet seen by the endpointer
        self._phrase = bytearray()  # audio since the last cut
        self._phrase_start = 0.0  # seconds from the first sample
        self._heard = 0.0  # seconds fed so far
        self._cuts = 0
        self._speech_since_cut = False
        self._loud = False  # anything above SILENT_DB in this phrase
        self._live_open = False
        self._live_start = 0.0  # seconds from the first sample where the live utterance began
        self._live_words: list[Word] = []  # this phrase's live words before a skip
        self._live_gap = False  # part of this phrase was not decoded live
        self.skipped = 0.0  # seconds of audio left out of the live pass (it was too late)
        self.quick_phrases = 0  # phrases decoded whole with the cheaper search
        self._first_at: float | None = None  # time.monotonic() when the first block was said
        self._phrases: list[Phrase] = []
        self._partial_key: tuple[int, int] | None = None
        self._partial_text = ""
        self.lagging = 0  # how far behind the voice: 0 not, 1 behind, 2 far behind
        # Seconds from the first sample from which the final words are the live pass's
        # (the second pass was not ready in time); None when it covered everything.
        self.live_from: float | None = None

    @property
    def heard(self) -> float:
        """Seconds of audio recognised so far."""
        return self._heard

    def set_lagging(self, level: int) -> None:
        """Recognition trails the voice: cut corners for the rest of the answer.

        1: nothing more (the live pass already skips audio that arrives too late,
        and the whole-phrase pass switches to its cheaper search while it is
        behind, ``batch_behind``); 2: decode live with narrow beams at half the
        frame rate from the next phrase on, about five times less work for worse
        live words (the transcript's words come from the whole-phrase pass).
        """
        self.lagging = max(self.lagging, level)

    def _live_feed(self, pcm16: bytes, start: float) -> None:
        """Decode ``pcm16`` (which begins ``start`` seconds into the answer) live."""
        if self._live is None or not pcm16:
            return
        if not self._live_open:
            self._live.start_utt()
            self._live_open = True
            self._live_start = start
        self._live.process_raw(pcm16, False, False)

    def _live_end(self) -> list[Word]:
        """Close the live utterance (if open) and return its words, with those before it."""
        words, self._live_words = self._live_words, []
        if self._live is not None and self._live_open:
            self._live.end_utt()
            self._live_open = False
            words += segment_words(self._live, self._live_start)
        return words

    def _drop_silence_before(self, at: float) -> None:
        """Digital silence (muted audio) before a phrase spoils its batch decode: drop it."""
        drop = max(0, min(len(self._phrase), int((at - self._phrase_start) * 16000) * 2))
        if drop and dbfs(bytes(self._phrase[:drop])) <= self.SILENT_DB:
            del self._phrase[:drop]
            self._phrase_start += drop / 2 / 16000

    def _cut(self, at: float) -> None:
        """End the phrase at ``at`` seconds; the audio after it starts the next one."""
        keep = max(0, min(len(self._phrase), int((at - self._phrase_start) * 16000) * 2))
        audio, rest = bytes(self._phrase[:keep]), bytes(self._phrase[keep:])
        live = self._live_end()
        if self._live is not None and self.lagging >= 2:
            self._live = self._engine.quick_decoder()
        if self._loud and audio:
            # The cheaper search while the whole-phrase pass is behind (live answers only).
            quick = self._live is not None and self._engine.batch_behind()
            if quick:
                self.quick_phrases += 1
            final = self._engine.decode_batch(audio, self._phrase_start, quick=quick)
            phrase = Phrase(live, final, complete=not self._live_gap, start=self._phrase_start)
            self._phrases.append(phrase)
        self._live_gap = False
        self._phrase = bytearray(rest)
        self._phrase_start += keep / 2 / 16000
        self._cuts += 1
        self._speech_since_cut = False
        self._loud = dbfs(rest) > self.SILENT_DB
        self._live_feed(rest, self._phrase_start)
        self._partial_key = None

    def feed(self, pcm16: bytes, behind: float = 0.0, live_pass: bool = True) -> None:
        """More audio; ``behind``: how late it is, in seconds (0 for a file);
        ``live_pass=False``: no live text is wanted for it (the answer is over)."""
        start = self._heard
        self._loud = self._loud or dbfs(pcm16) > self.SILENT_DB
        self._phrase += pcm16
        self._heard += len(pcm16) / 2 / 16000
        late = behind > self.LIVE_BOUND
        if self._live is not None and (late or not live_pass):
            if late:
                self.skipped += len(pcm16) / 2 / 16000
            self._live_words = self._live_end()  # what it had, and jump ahead
            self._live_gap = True
        else:
            self._live_feed(pcm16, start)
        self._partial_key = None
        if self._endpointer is None:
            return
        self._pending += pcm16
        while len(self._pending) >= self._frame:
            frame = bytes(self._pending[: self._frame])
            del self._pending[: self._frame]
            was_speech = bool(self._endpointer.in_speech)
            self._endpointer.process(frame)
            if self._endpointer.in_speech:
                if not was_speech:
                    self._drop_silence_before(float(self._endpointer.speech_start) - self.LEAD)
                self._speech_since_cut = True
            elif was_speech:
                self._cut(float(self._endpointer.speech_end) + self.MARGIN)
        if self._heard - self._phrase_start > self.MAX_PHRASE:
            self._cut(self._quietest_moment())

    def feed_captured(self, pcm16: bytes, captured_at: float, over: bool = False) -> None:
        """Live audio captured at ``captured_at`` (time.monotonic()); ``over``: the
        answer has ended, so no live text is needed for it.

        How far behind it is counts from when it was said: the first block's
        capture time plus the audio before it. Audio handed over faster than
        real time (a file, or what was heard while the model loaded, caught up
        at once) is only behind by as much as the recognizer really trails.
        """
        if self._first_at is None:
            self._first_at = captured_at
        behind = time.monotonic() - (self._first_at + self._heard)
        self.feed(pcm16, behind, live_pass=not over)

    def _quietest_moment(self, within: float = 1.0) -> float:
        """The quietest 30 ms of the last ``within`` seconds: the least harmful cut."""
        step = 480 * 2
        usable = len(self._phrase) - len(self._phrase) % step
        first = max(0, usable - int(within * 16000) * 2)
        first -= first % step
        frames = np.frombuffer(bytes(self._phrase[first:usable]), dtype="<i2")
        energy = np.square(frames.reshape(-1, step // 2).astype(np.float64)).mean(axis=1)
        quietest = int(np.argmin(energy)) if energy.size else 0
        return self._phrase_start + (first + quietest * step + step // 2) / 2 / 16000

    def partial(self) -> str:
        ready = sum(1 for p in self._phrases if p.final is None or p.final.done())
        key = (len(self._phrases), ready)
        if key != self._partial_key:
            self._partial_key = key
            parts = [join_words(p.best()) for p in self._phrases]
            parts.append(join_words(self._live_words))
            if self._live_open and self._live is not None and self._loud:
                hyp = self._live.hyp()
                parts.append(str(hyp.hypstr) if hyp is not None else "")
            self._partial_text = " ".join(p for p in parts if p)
        return self._partial_text

    def finish(self) -> list[Word]:
        # After a cut, a tail the detector found no voice in is only the pause
        # before the key press: skip it. Without any cut, decode everything
        # (the detector may simply not hear a quiet speaker).
        if self._phrase and (self._speech_since_cut or self._cuts == 0):
            self._cut(self._heard)
        # The live utterance must be closed for the next answer (a cut may have opened
        # one on a rounding crumb of audio).
        self._live_end()
        until = time.monotonic() + self.FINAL_BUDGET if self._live is not None else None
        words = [w for phrase in self._phrases for w in phrase.best(wait=True, until=until)]
        late = [phrase.start for phrase in self._phrases if phrase.late]
        self.live_from = min(late) if late else None
        self._phrases = []
        self._partial_key, self._partial_text = None, ""
        return words
