"""One answer in progress: audio in, live text out, a timed transcript at the end.

Used only on the Listener's worker thread. Audio arrives as 16 kHz mono PCM16;
it is saved, metered, checked for silence and fed to the recognizer. When the
engine is still loading, audio waits in a backlog and is fed once it is ready,
so the first answer loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hotseat.asr.engine import SAMPLE_RATE, Engine, Recognizer, join_words
from hotseat.audio.level import LevelMeter, SilenceTracker
from hotseat.audio.wavfile import WavWriter
from hotseat.transcript import Transcript, Word


class AnswerInProgress:
    def __init__(
        self,
        on_partial: Callable[[str], None],
        on_level: Callable[[float], None],
        recording: Path | None,
        offset: float = 0.0,
    ) -> None:
        self._on_partial = on_partial
        self._meter = LevelMeter(on_level)
        self.silence = SilenceTracker()
        self._writer = WavWriter(recording) if recording is not None else None
        self.offset = offset  # seconds between start_answer() and the first sample
        self._recognizer: Recognizer | None = None
        self._engine_name = "none"
        self._backlog: list[bytes] = []
        self._last_partial = ""
        self.samples = 0

    @property
    def recording(self) -> Path | None:
        return self._writer.path if self._writer is not None else None

    @property
    def has_engine(self) -> bool:
        return self._recognizer is not None

    def attach(self, engine: Engine) -> None:
        """The engine is ready: catch up on the audio heard so far."""
        self._recognizer = engine.recognizer()
        self._engine_name = engine.name
        backlog, self._backlog = self._backlog, []
        for pcm in backlog:
            self._recognizer.feed(pcm)
        self._publish()

    def feed(self, pcm16: bytes) -> None:
        if not pcm16:
            return
        self.samples += len(pcm16) // 2
        if self._writer is not None:
            self._writer.write(pcm16)
        self._meter.feed(pcm16)
        self.silence.feed(pcm16)
        if self._recognizer is None:
            self._backlog.append(pcm16)
            return
        self._recognizer.feed(pcm16)
        self._publish()

    def _publish(self) -> None:
        assert self._recognizer is not None
        text = self._recognizer.partial()
        if text != self._last_partial:  # the UI only hears about real changes
            self._last_partial = text
            self._on_partial(text)

    def finish(self, asked_gap: float | None, notes: tuple[str, ...]) -> Transcript:
        """Final words, shifted onto the answer clock.

        ``asked_gap`` is the time from the question being fully asked to
        start_answer(), when known; the first-word delay adds it.
        """
        self.close_recording()
        raw: list[Word] = self._recognizer.finish() if self._recognizer is not None else []
        words = tuple(
            Word(
                w.word,
                None if w.start is None else round(w.start + self.offset, 3),
                None if w.end is None else round(w.end + self.offset, 3),
                w.conf,
            )
            for w in raw
        )
        first = words[0].start if words and words[0].start is not None else None
        delay = None if first is None else round(first + (asked_gap or 0.0), 3)
        return Transcript(
            text=join_words(list(words)),
            words=words,
            duration=round(self.offset + self.samples / SAMPLE_RATE, 3),
            engine=self._engine_name,
            first_word_delay=delay,
            notes=notes,
        )

    def close_recording(self) -> None:
        if self._writer is not None:
            self._writer.close()
