"""The listener's worker thread: one answer at a time, from audio blocks to the transcript.

The listener's public methods only put commands on this thread's queue: a
:class:`StartAnswer`, or ``"finish"``, ``"cancel"``, ``"close"``. For each
answer the thread reads the microphone's blocks in real time, converts them to
16 kHz, mutes what was captured while the interviewer spoke (so the transcript
never holds the interviewer's voice and word times still match the answer
clock) and feeds them to the answer (``asr.answer``), which saves, meters,
watches for silence and hands the audio to the recognizer's own thread. A
lost microphone's gap is filled with silence (``asr.mic_input``). At the end
it waits for the final words (at most ``final_wait``) and gives the transcript,
with its notes, to the answer's ``on_final``.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from hotseat.asr.answer import AnswerInProgress
from hotseat.asr.engine import Engine
from hotseat.asr.finisher import Finisher
from hotseat.asr.loader import Loaded
from hotseat.asr.mic_input import MicInput
from hotseat.asr.recognition import RecognizerThread
from hotseat.audio.answer_source import AudioSource
from hotseat.audio.devices import DeviceError
from hotseat.audio.resample import StreamConverter
from hotseat.transcript import Note, NoteKind, Transcript, Word

# Seconds the final words may take after the answer ends (then: the live text, with a
# note, while the transcript is finished from the recording in the background,
# ``asr.finisher``, and the feedback updated in place). The screen says "Finishing the
# transcript... (ctrl+s: don't wait)" meanwhile. The engine is told to give what it has
# a little before (``SphinxRecognizer.FINAL_BUDGET``) and to say from where its words
# are only the live pass's. On a machine with a core to spare the final pass of even a
# long answer ended at its last word is the whole-phrase decode of its last phrase (at
# most ``SphinxRecognizer.MAX_PHRASE``, 10 s): 1.7-3.3 s of CPU for pocketsphinx, 0.2 s
# for Vosk (benchmarks/bench_final_pass.py), so ``FINAL_BASE`` leaves the engine 4.5 s.
# Recognition that trailed the voice as the answer ended gets that much longer, up to
# ``FINAL_CAP``: past that the machine is too busy for waiting to help, and the user
# is not kept waiting for it (it used to be 10 s, and feedback came 12-23 s after the
# speech at load 20-30). The same bound holds for recognising the recording again when
# live recognition failed.
FINAL_BASE = 6.0
FINAL_CAP = 8.0


def final_wait(trailed: float) -> float:
    """Seconds to wait for an answer's final words when recognition trailed the voice by
    ``trailed`` seconds as the answer ended."""
    return min(FINAL_CAP, FINAL_BASE + max(0.0, trailed))


# Seconds into an answer from which a microphone that only then delivered its first
# sound (still getting ready) is said to have started late: what came before is lost.
LATE_START = 0.5
# A late microphone cut the answer only if speech is heard within this many seconds of
# its first sound (the detector needs about 0.3 s to call speech; a pause longer than a
# breath between words means the candidate had not begun).
SPEAKING_AT_START = 0.8


@dataclass
class StartAnswer:
    on_partial: Callable[[str], None]
    on_level: Callable[[float], None]
    on_final: Callable[[Transcript], None]
    recording: Path | None
    called_at: float  # time.monotonic() of start_answer()
    # time.monotonic() when the answer clock started (the question fully asked, or the
    # thinking time over), when known: the first-word delay counts from then
    answer_began_at: float | None
    generation: int
    # The transcript finished from the recording, when the final words were late (then
    # on_final's transcript is ``pending``); None: the live text stands for good.
    on_revised: Callable[[Transcript], None] | None = None


class AnswerWorker:
    """``engine``: the engine once loaded; ``notice()`` and ``engine_name()``: the
    listener's words for why recognition cannot run and which engine it is."""

    def __init__(
        self,
        mic: MicInput,
        engine: Future[Loaded],
        recognizers: RecognizerThread,
        paused_when: Callable[[], bool],
        notice: Callable[[], str],
        engine_name: Callable[[], str],
        finisher: Finisher | None = None,
        held_when: Callable[[], bool] = lambda: False,
    ) -> None:
        self._mic = mic
        self._held_when = held_when
        self._finisher = finisher
        self._engine = engine
        self._recognizers = recognizers
        self._paused_when = paused_when
        self._notice = notice
        self._engine_name = engine_name
        self._commands: queue.Queue[StartAnswer | str] = queue.Queue()
        self._next: StartAnswer | None = None
        self._ended_by = ""
        self._stopped_at = 0.0  # time.monotonic() when the last answer's audio ended
        self.answer: AnswerInProgress | None = None  # the answer being heard, if any
        self.skip_wait = False  # stop waiting for the final words
        self.last_recording: Path | None = None
        self._thread = threading.Thread(target=self._run, name="hotseat-listener", daemon=True)
        self._thread.start()

    def put(self, command: StartAnswer | str) -> None:
        self._commands.put(command)

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            command = self._next or self._commands.get()
            self._next = None
            if isinstance(command, StartAnswer):
                self._ended_by = ""
                try:
                    self._record(command)
                except Exception as exc:  # the answer must still end, or the app would wait
                    self._mic.stop_tap()
                    self._fail(command, exc)
                command = self._ended_by
            if command == "close":  # a stray finish or cancel between answers is ignored
                return

    def _fail(self, start: StartAnswer, error: Exception) -> None:
        """Something broke mid-answer: end it now, saying what broke."""
        answer, self.answer = self.answer, None
        if answer is not None:
            answer.close_recording()
        note = f"recognition failed ({type(error).__name__}: {error}); the answer was not heard"
        incomplete = Note(note, NoteKind.INCOMPLETE)
        start.on_final(Transcript(text="", engine=self._engine_name(), notes=(incomplete,)))

    def _record(self, start: StartAnswer) -> None:
        """Run one answer until finish, cancel or close (kept in ``_ended_by``)."""
        notes: list[Note] = []
        source: AudioSource | None = None
        # The answer's audio begins when start_answer() was called, even when this thread
        # takes the microphone up later (the stream keeps the latest seconds), but not
        # before the previous answer's ended: none is heard twice.
        since = max(start.called_at, self._stopped_at)
        try:
            source = self._mic.source()
            source.start(since=since)
        except DeviceError as exc:
            notes.append(self._mic.unavailable(exc))
            source = None
        began = source.began if source is not None else None
        offset = max(0.0, (time.monotonic() if began is None else began) - start.called_at)
        late = None
        if source is not None and source.live and offset >= LATE_START:
            late = self._mic.late(offset)  # and the screen says so at once
            notes.append(late)
        answer = AnswerInProgress(
            start.on_partial,
            start.on_level,
            start.recording,
            offset,
            recognizers=self._recognizers,
            generation=start.generation,
        )
        self.answer = answer
        events_before = events_seen = self._mic.handled = len(self._mic.events)
        converter = StreamConverter(source.rate) if source is not None else None
        command = ""
        held = _Held(self._held_when)
        while not command:
            with contextlib.suppress(queue.Empty):
                received = self._commands.get_nowait()
                if isinstance(received, StartAnswer):  # a new answer ends this one first
                    self._next = received
                    received = "finish"
                command = self._ended_by = received
            if not answer.has_engine and self._engine.done() and self._engine.exception() is None:
                answer.attach(self._engine.result().engine)
            if source is None or converter is None:
                if not command:
                    time.sleep(0.02)
                continue
            if len(self._mic.events) > events_seen:
                # Lost or back: the quiet of a dead microphone is not the candidate's pause.
                events_seen = len(self._mic.events)
                answer.silence.restart()
                self._mic.handled = events_seen
            block = source.read(timeout=0.02)
            if held.now():
                continue  # the answer's clock is stopped: what is heard is not the answer
            began = start.called_at + held.total
            if block is not None and source.live and self._mic.catching_up(answer, began, block):
                continue  # a stalled sound server's catch-up: its gap is already filled
            if block is not None:
                if converter.rate != source.rate:  # the device came back at another rate
                    answer.feed(converter.flush())
                    converter = StreamConverter(source.rate)
                answer.feed(self._mute_if_paused(converter.process(block)))
            elif self._mic.silent:
                self._mic.fill_gap(answer, began)
        if source is not None and converter is not None:
            source.stop()
            self._stopped_at = time.monotonic()
            for block in source.drain() if not held.now() else []:
                answer.feed(self._mute_if_paused(converter.process(block)))
            answer.feed(converter.flush())
            if source.overflows:
                gaps = f"{source.overflows} short gaps in the microphone audio"
                notes.append(Note(gaps, NoteKind.INCOMPLETE))
        if late is not None and not _speaking_at_start(answer):
            notes.remove(late)  # the candidate began after it: nothing was cut off
        notes.extend(self._mic.notes(events_before, start.called_at))
        engine = self._engine_for_final()
        if engine is not None and not answer.has_engine:
            answer.attach(engine)
        elif engine is None:
            why = self._notice() or "speech recognition is not available"
            notes.append(Note(why, NoteKind.INCOMPLETE))
        lead_in = None if start.answer_began_at is None else start.called_at - start.answer_began_at
        finisher, revised = self._finisher, start.on_revised
        later = finisher is not None and revised is not None and command == "finish"
        transcript = answer.finish(
            lead_in,
            tuple(notes),
            wait=final_wait(answer.trailing),
            skip=lambda: self.skip_wait or command in ("cancel", "close"),
            finish_later=later,
        )
        if command == "cancel" and answer.recording is not None:
            answer.recording.unlink(missing_ok=True)
        else:
            self.last_recording = answer.recording
        self.answer = None
        start.on_final(transcript)
        if transcript.pending and finisher is not None and revised is not None:
            # The recording holds the whole answer: it is recognised whole in the
            # background, and the transcript revised (the next answer goes on meanwhile).
            def done(words: list[Word] | None, error: str) -> None:
                revised(answer.revised(transcript, words, error))

            finisher.submit(answer.audio, done)

    def _mute_if_paused(self, pcm16: bytes) -> bytes:
        return bytes(len(pcm16)) if self._paused_when() else pcm16

    def _engine_for_final(self) -> Engine | None:
        try:
            return self._engine.result().engine  # waits if it is still loading
        except Exception:
            return None


def _speaking_at_start(answer: AnswerInProgress) -> bool:
    """Whether the candidate may have been speaking when a late microphone came on:
    speech heard within ``SPEAKING_AT_START`` seconds of its first sound. Speech that
    begins after a pause longer than that began after the microphone did, so a late
    start cut nothing (the recording and the transcript hold the whole answer)."""
    began = answer.silence.speech_started_at
    return began is not None and began < SPEAKING_AT_START


class _Held:
    """While ``held_when()`` (the session paused, or a dialog open over the answer)
    the answer's clock is stopped, so what the microphone hears is left out of the
    answer altogether: its recording and word times keep to the clock, with no
    silence put in for the time held (zeros are only for the interviewer's voice,
    which the clock runs through). ``total``: seconds held so far."""

    def __init__(self, held_when: Callable[[], bool]) -> None:
        self._held_when = held_when
        self._since: float | None = None
        self._total = 0.0

    def now(self) -> bool:
        held, clock = self._held_when(), time.monotonic()
        if held and self._since is None:
            self._since = clock
        elif not held and self._since is not None:
            self._total += clock - self._since
            self._since = None
        return held

    @property
    def total(self) -> float:
        ongoing = time.monotonic() - self._since if self._since is not None else 0.0
        return self._total + ongoing
