"""One answer in progress: audio in, live text out, a timed transcript at the end.

Used only on the Listener's worker thread. Audio arrives as 16 kHz mono PCM16;
it is saved, metered and checked for silence here, in real time, and handed to
the recognizer's own thread (``asr.recognition``), which may lag without ever
holding up the meter, the silence detector or the recording. When the engine
is still loading, audio waits in a backlog and is handed over once it is
ready, so the first answer loses nothing.

The answer's audio is also kept in memory (as in its recording): when live
recognition fails (a recognizer helper that died), the answer is recognised
again from it before the transcript is given, so an answer that was heard is
never saved empty.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from hotseat.asr import answer_notes as said
from hotseat.asr.engine import SAMPLE_RATE, Engine, join_words
from hotseat.asr.recognition import SKIP_SECOND_PASS, Recognition, RecognizerThread
from hotseat.audio.level import FLOOR_DB, SPEECH_LEVEL_DB, LevelMeter, SilenceTracker
from hotseat.audio.wavfile import WavWriter
from hotseat.transcript import Note, NoteKind, Transcript, Word

_CHUNK = SAMPLE_RATE // 5 * 2  # 200 ms: the recording is handed over as a microphone would
MAX_RESTARTS = 2  # fresh recognizers an answer may begin after live recognition failed
FINAL_MARGIN = 1.5  # seconds between the engine's budget for its last words and the bound


class AnswerInProgress:
    def __init__(
        self,
        on_partial: Callable[[str], None],
        on_level: Callable[[float], None],
        recording: Path | None,
        offset: float = 0.0,
        recognizers: RecognizerThread | None = None,
        generation: int = 0,
    ) -> None:
        self._on_partial = on_partial
        self._on_level = on_level
        self._meter = LevelMeter(self._level)
        self.silence = SilenceTracker()  # a fresh detector for every answer
        self._writer = WavWriter(recording) if recording is not None else None
        self.offset = offset  # seconds between start_answer() and the first sample
        self.generation = generation  # which start_answer() this is
        self._recognizers = recognizers or RecognizerThread()
        self._own_thread = recognizers is None
        self._recognition: Recognition | None = None
        self._engine_name = "none"
        self._engine: Engine | None = None
        self._audio = bytearray()  # the whole answer, for recognising it again if live fails
        self._failures: list[str] = []  # live recognitions that failed mid-answer, for notes
        self._backlog: list[tuple[bytes, float]] = []
        self.samples = 0
        self.level = FLOOR_DB  # the latest level the meter showed
        self._lead_in: float | None = None
        self._pending_notes: list[Note] = []  # the notes a revised transcript replaces

    def _level(self, db: float) -> None:
        self.level = db
        self._on_level(db)

    @property
    def speaking(self) -> bool:
        """True while the meter shows the candidate's voice (never end the answer then)."""
        return self.level > SPEECH_LEVEL_DB

    def silence_seconds(self) -> float:
        """Silence since the candidate last spoke in this answer (0 before the first word)."""
        if not self.silence.heard_speech or self.speaking:
            return 0.0
        return self.silence.silence_seconds

    @property
    def behind(self) -> float:
        """How far recognition trails the audio, in seconds."""
        if self._recognition is None:
            return 0.0
        return self._recognizers.behind(self._recognition)

    @property
    def trailing(self) -> float:
        """Seconds of the answer recognition has still to get through, but no more than it
        trails the clock (a file handed over at once is not lag, nor a held clock)."""
        if self._recognition is None:
            return self.samples / SAMPLE_RATE
        waiting = self.samples / SAMPLE_RATE - self._recognition.position
        return max(0.0, min(waiting, self._recognition.lag()))

    @property
    def recording(self) -> Path | None:
        return self._writer.path if self._writer is not None else None

    @property
    def has_engine(self) -> bool:
        return self._recognition is not None

    def attach(self, engine: Engine) -> None:
        """The engine is ready: catch up on the audio heard so far."""
        self._recognition = self._recognizers.begin(engine, self._on_partial)
        self._engine_name = engine.name
        self._engine = engine
        backlog, self._backlog = self._backlog, []
        for pcm, captured in backlog:
            self._recognizers.feed(self._recognition, pcm, captured)

    def feed(self, pcm16: bytes, captured_at: float | None = None, heard: bool = True) -> None:
        """Audio of the answer; ``heard=False``: silence standing in for a lost
        microphone, which is not the candidate's pause (the silence limit ignores it)."""
        if not pcm16:
            return
        captured = time.monotonic() if captured_at is None else captured_at
        self.samples += len(pcm16) // 2
        self._audio += pcm16
        if self._writer is not None:
            self._writer.write(pcm16)
        self._meter.feed(pcm16)
        if heard:
            self.silence.feed(pcm16)
        if self._recognition is None:
            self._backlog.append((pcm16, captured))
            return
        if _failed(self._recognition) and len(self._failures) < MAX_RESTARTS:
            self._begin_again()  # (this block included)
            return
        self._recognizers.feed(self._recognition, pcm16, captured)

    def _begin_again(self) -> None:
        """Live recognition failed mid-answer (its helper died, say with the sound
        server): a fresh recognizer (the engine restarts its helper) takes the whole
        answer so far, as audio already late -- decoded whole, not shown live -- and
        then goes on live, so the text on the screen comes back and the answer keeps
        every word."""
        failed = self._recognition
        assert failed is not None and self._engine is not None
        error = failed.words.exception()
        at = _clock(self.offset + self.samples / SAMPLE_RATE)
        self._failures.append(f"live recognition failed at {at} ({type(error).__name__}: {error})")
        again = self._recognizers.begin(self._engine, self._on_partial)
        audio, now = bytes(self._audio), time.monotonic()
        said = now - len(audio) / 2 / SAMPLE_RATE  # as if captured in real time until now
        for start in range(0, len(audio), _CHUNK):
            self._recognizers.feed(
                again, audio[start : start + _CHUNK], said + start / 2 / SAMPLE_RATE
            )
        self._recognition = again

    def finish(
        self,
        lead_in: float | None,
        notes: tuple[Note, ...],
        wait: float = 3.0,
        skip: Callable[[], bool] = lambda: False,
        finish_later: bool = False,
    ) -> Transcript:
        """Final words, shifted onto the answer clock.

        ``lead_in`` is the time from the answer clock's start (the question fully
        asked, or the thinking time over) to start_answer(), when known; the
        first-word delay adds it. The final
        words are awaited at most ``wait`` seconds, or until ``skip()``: after
        that the live text so far stands in for them, with a note. With
        ``finish_later`` the transcript is then ``pending``: the caller has the
        recording (``audio``) recognised whole and gives the words to
        :meth:`revised` (``asr.finisher``).
        """
        self.close_recording()
        self._lead_in = lead_in
        raw: list[Word] = []
        extra: list[Note] = []
        pending = False
        recognition = self._recognition
        if recognition is not None:
            trailed = self.trailing if self.trailing > SKIP_SECOND_PASS else None
            # The engine gives what it has a little before the wait is over.
            self._recognizers.end(recognition, budget=max(0.5, wait - FINAL_MARGIN))
            try:
                final = recognition.wait_final(wait, skip)
            except Exception as exc:  # live recognition failed: the recording has it all
                raw = self._from_recording(recognition, exc, wait, skip, extra)
            else:
                if final is None:
                    raw = [Word(w) for w in recognition.best_partial.split()]
                    pending = finish_later and bool(self._audio)
                    if pending:
                        self._pending_notes = [said.being_finished(skipped=skip(), behind=trailed)]
                        extra += self._pending_notes
                    else:
                        extra.append(said.live_text(skipped=skip(), wait=wait))
                else:
                    raw = final
                    if self._failures:
                        extra.append(said.restarted(self._failures))
                    if recognition.live_from is not None:
                        since = round(self.offset + recognition.live_from, 3)
                        pending = finish_later and bool(self._audio)
                        busy = said.live_from(since, _clock(since), finishing=pending)
                        extra.append(busy)
                        if pending:
                            self._pending_notes = [busy]
            if recognition.degraded:
                extra.append(said.fell_behind())
        if self._own_thread:
            self._recognizers.close()
        notes = (*notes, *extra)
        return self._transcript(raw, notes, pending=pending)

    def _transcript(
        self, raw: list[Word], notes: tuple[Note, ...], *, pending: bool = False
    ) -> Transcript:
        """``raw`` (times from the first sample) shifted onto the answer clock."""
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
        delay = None if first is None else round(first + (self._lead_in or 0.0), 3)
        return Transcript(
            text=join_words(list(words)),
            words=words,
            duration=round(self.offset + self.samples / SAMPLE_RATE, 3),
            engine=self._engine_name,
            first_word_delay=delay,
            notes=notes,
            pending=pending,
        )

    @property
    def audio(self) -> bytes:
        """The whole answer as heard (16 kHz mono PCM16), as in its recording."""
        return bytes(self._audio)

    def revised(self, pending: Transcript, words: list[Word] | None, error: str) -> Transcript:
        """The ``pending`` transcript once the recording was recognised whole (``words``,
        times from its first sample), or, when that failed (``error``), the live text
        for good, with a note that says so."""
        kept = tuple(note for note in pending.notes if note not in self._pending_notes)
        notes = said.after_finishing(kept, words is not None, error)
        if words is None:
            return replace(pending, notes=notes, pending=False)
        return self._transcript(words, notes)

    def _from_recording(
        self,
        live: Recognition,
        error: Exception,
        wait: float,
        skip: Callable[[], bool],
        notes: list[Note],
    ) -> list[Word]:
        """Live recognition failed: recognise the whole answer again from its audio
        (the recognizer's helper is restarted if it died), within ``wait`` seconds
        or until ``skip()``. Otherwise the live text before the failure stands."""
        failed = "; ".join(
            [*self._failures, f"live recognition failed ({type(error).__name__}: {error})"]
        )
        why = "could not start"
        if self._engine is not None and self._audio:
            again = self._recognizers.begin(self._engine, lambda _text: None, partials=False)
            audio, now = bytes(self._audio), time.monotonic()
            for start in range(0, len(audio), _CHUNK):
                self._recognizers.feed(again, audio[start : start + _CHUNK], now)
            self._recognizers.end(again)
            try:
                words = again.wait_final(wait, skip)
            except Exception as exc:  # the recognizer cannot start again either
                why = f"failed too ({exc})"
            else:
                if words is not None:
                    redone = f"{failed}; the transcript was made from the answer's recording"
                    notes.append(Note(redone, NoteKind.RECOVERED))
                    return words
                why = "was skipped" if skip() else f"took over {wait:.0f} s"
        lost = (
            f"{failed}; transcribing the recording {why}: the transcript is incomplete "
            "(the recording holds the whole answer)"
        )
        notes.append(Note(lost, NoteKind.INCOMPLETE))
        return [Word(w) for w in live.best_partial.split()]

    def close_recording(self) -> None:
        if self._writer is not None:
            self._writer.close()


def _failed(recognition: Recognition) -> bool:
    words = recognition.words
    return words.done() and not words.cancelled() and words.exception() is not None


def _clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
