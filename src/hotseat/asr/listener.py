"""The microphone service: ``MicListener`` implements ``hotseat.speaker_listener.Listener``.

Threads:

- PortAudio's callback thread only queues audio blocks (see ``audio.capture``).
- A loader thread opens the microphone (one stream for the whole session,
  through the audio owner thread: see ``audio.capture``) and loads the engine
  (seconds for Vosk) as soon as the listener is made, so both are ready
  while the home screen is up.
- One worker thread takes each answer's audio in real time: it converts to
  16 kHz, saves, meters, watches for silence and hands the audio to the
  recognizer's thread (``asr.recognition``), which may lag without holding
  any of that up.

The public methods only put commands on the worker's queue and return.
Silence is counted per answer (``generation``): an answer that has not begun
on the worker yet, or one still finishing, never lends its silence to the
next, and silence only counts after the candidate has spoken.

When the microphone is lost mid-answer the answer goes on: the gap is filled
with silence (so word times still match the clock), the transcript notes when
the microphone went and came back, and ``on_device`` tells the client.
Audio captured while ``paused_when()`` is true (the interviewer speaking)
is replaced by silence, so the candidate's transcript never contains the
interviewer's voice and word times still match the answer clock.
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
from hotseat.asr.engine import SAMPLE_RATE, Engine, EngineError
from hotseat.asr.loader import Loaded, load_engine
from hotseat.asr.recognition import RecognizerThread
from hotseat.audio.capture import AudioSource, Capture, MicStream
from hotseat.audio.devices import DeviceError
from hotseat.audio.resample import StreamConverter
from hotseat.audio.wavfile import new_recording_path
from hotseat.settings import Settings, load_settings
from hotseat.transcript import Note, NoteKind, Transcript

NO_MIC = "No microphone is available ({reason}): type your answers instead."
# Seconds the final words may take after the answer ends (then: the live text, with a
# note). The screen says "Finishing the transcript... (ctrl+s: don't wait)" meanwhile.
# Not shorter: the live text skips audio when the machine is busy (``asr.sphinx_engine``),
# so it can have gaps that only the final words fill; on a machine with a core to spare
# they take about a second. The engine is told to give what it has a little before
# (``SphinxRecognizer.FINAL_BUDGET``) and to say from where its words are only the live
# pass's. The same bound holds for recognising the recording again when live
# recognition failed.
FINAL_WAIT = 10.0


@dataclass
class _Start:
    on_partial: Callable[[str], None]
    on_level: Callable[[float], None]
    on_final: Callable[[Transcript], None]
    recording: Path | None
    called_at: float
    asked_at: float | None
    generation: int


class MicListener:
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        engine: str | None = None,
        model: str | None = None,
        input_device: str | None = None,
        paused_when: Callable[[], bool] | None = None,
        source_factory: Callable[[], AudioSource] | None = None,
        on_ready: Callable[[], None] | None = None,
        preloaded: Engine | None = None,
        on_device: Callable[[str, str], None] | None = None,
    ) -> None:
        self._settings = settings or load_settings()
        self._engine_choice = engine or self._settings.engine
        self._model = model
        self._device_spec = self._settings.input_device if input_device is None else input_device
        self._paused_when = paused_when or (lambda: False)
        self._source_factory = source_factory
        self._on_ready = on_ready
        self._preloaded = preloaded  # an engine loaded elsewhere (benchmarks, tests)
        self._engine: Future[Loaded] = Future()
        self._device_notice = ""
        self._ready = threading.Event()
        self._commands: queue.Queue[_Start | str] = queue.Queue()
        self._answer: AnswerInProgress | None = None
        self._ended_by = ""
        self._next: _Start | None = None
        self._generation = 0  # of the latest start_answer()
        self._skip_wait = False
        self._on_device = on_device
        self._device_events: list[tuple[str, str, float]] = []
        self._events_handled = 0  # device events the worker has taken into account
        self._mic = MicStream(self._device_spec) if source_factory is None else None
        self._recognizers = RecognizerThread()
        self.last_recording: Path | None = None
        threading.Thread(target=self._load, name="hotseat-asr-load", daemon=True).start()
        self._worker = threading.Thread(target=self._run, name="hotseat-listener", daemon=True)
        self._worker.start()

    # -- what the app asks -------------------------------------------------------

    @property
    def ready(self) -> bool:
        """True once the microphone was found (or not) and the engine has loaded."""
        return self._ready.is_set()

    def wait_ready(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)

    @property
    def available(self) -> bool:
        if self._engine_choice == "typed" or self._device_notice:
            return False
        # Optimistic while still loading: an answer started now waits for the engine.
        return not (self._engine.done() and self._engine.exception() is not None)

    @property
    def notice(self) -> str:
        if self._engine_choice == "typed":
            return "Typed answers are chosen in the settings."
        if self._device_notice:
            return self._device_notice
        if self._engine.done():
            error = self._engine.exception()
            if error is not None:
                return f"Speech recognition cannot run ({error}): type your answers instead."
            return self._engine.result().notice
        return ""

    @property
    def engine_name(self) -> str:
        if self._engine.done() and self._engine.exception() is None:
            return self._engine.result().engine.name
        return "none"

    @property
    def engine_description(self) -> str:
        if self._engine.done() and self._engine.exception() is None:
            return self._engine.result().engine.description
        return "loading" if not self._engine.done() else "none"

    def silence_seconds(self) -> float:
        """Silence after speech in the latest answer (0 until it has begun and been spoken)."""
        answer = self._answer
        if answer is None or answer.generation != self._generation or self.microphone_lost:
            return 0.0  # a dead microphone's silence is not the candidate's
        if len(self._device_events) > self._events_handled:
            return 0.0  # just back: the worker has not counted silence afresh yet
        return answer.silence_seconds()

    @property
    def behind(self) -> float:
        """How far the live transcript trails the voice, in seconds."""
        answer = self._answer
        return answer.behind if answer is not None else 0.0

    @property
    def microphone_lost(self) -> bool:
        return self._mic is not None and self._mic.lost

    # -- commands ----------------------------------------------------------------

    def start_answer(
        self,
        on_partial: Callable[[str], None],
        on_level: Callable[[float], None],
        on_final: Callable[[Transcript], None],
        recording_path: str | None = None,
        asked_at: float | None = None,
    ) -> None:
        """See ``Listener.start_answer``. ``asked_at`` (time.monotonic() when the
        question was fully asked) makes ``first_word_delay`` count from then."""
        path: Path | None = Path(recording_path) if recording_path else None
        if path is None and self._settings.save_recordings:
            path = new_recording_path()
        self._generation += 1
        self._skip_wait = False
        start = _Start(
            on_partial, on_level, on_final, path, time.monotonic(), asked_at, self._generation
        )
        self._commands.put(start)

    def finish_answer(self) -> None:
        self._commands.put("finish")

    def skip_waiting(self) -> None:
        """Stop waiting for the final words: the live text so far becomes the answer."""
        self._skip_wait = True

    def cancel(self) -> None:
        self._commands.put("cancel")

    def close(self) -> None:
        self._commands.put("close")
        self._skip_wait = True
        self._worker.join(timeout=5.0)
        self._recognizers.close()
        if self._mic is not None:
            with contextlib.suppress(Exception):  # closing must never fail
                self._mic.close()
        if self._engine.done() and self._engine.exception() is None and not self._preloaded:
            engine = self._engine.result().engine
            closer = getattr(engine, "close", None)
            if closer is not None:
                closer()  # the pocketsphinx helper process

    # -- the loader thread -------------------------------------------------------

    def _load(self) -> None:
        if self._mic is not None and self._engine_choice != "typed":
            try:
                self._mic.open()  # kept open for the whole session
                self._mic.subscribe(self._device_changed)
            except DeviceError as exc:
                self._device_notice = NO_MIC.format(reason=exc)
            except Exception as exc:  # the owner thread timed out, or PortAudio failed oddly
                self._device_notice = NO_MIC.format(reason=exc)
        try:
            self._engine.set_result(self._load_engine())
        except Exception as exc:  # reported through `available` and `notice`
            self._engine.set_exception(exc)
        self._ready.set()
        if self._on_ready is not None:
            self._on_ready()

    def _load_engine(self) -> Loaded:
        if self._engine_choice == "typed":
            raise EngineError("typed answers are chosen in the settings")
        if self._preloaded is not None:
            return Loaded(self._preloaded, "")
        try:
            return load_engine(
                self._engine_choice, self._model, self._settings.model_path, isolated=True
            )
        except EngineError as exc:
            if self._engine_choice != "vosk":
                raise
            # The app must still hear the candidate: fall back, and say why.
            loaded = load_engine("sphinx", isolated=True)
            return Loaded(loaded.engine, f"Using the built-in recognizer because {exc}.")

    # -- the worker thread -------------------------------------------------------

    def _run(self) -> None:
        while True:
            command = self._next or self._commands.get()
            self._next = None
            if isinstance(command, _Start):
                self._ended_by = ""
                try:
                    self._record(command)
                except Exception as exc:  # the answer must still end, or the app would wait
                    if self._mic is not None:
                        self._mic.tap(None)  # the broken answer hears no more
                    self._fail(command, exc)
                command = self._ended_by
            if command == "close":  # a stray finish or cancel between answers is ignored
                return

    def _fail(self, start: _Start, error: Exception) -> None:
        """Something broke mid-answer: end it now, saying what broke."""
        answer, self._answer = self._answer, None
        if answer is not None:
            answer.close_recording()
        note = f"recognition failed ({type(error).__name__}: {error}); the answer was not heard"
        incomplete = Note(note, NoteKind.INCOMPLETE)
        start.on_final(Transcript(text="", engine=self.engine_name, notes=(incomplete,)))

    def _open_source(self) -> AudioSource:
        if self._source_factory is not None:
            return self._source_factory()
        if self._mic is None or self._device_notice:
            raise DeviceError(self._device_notice or "no microphone")
        return Capture(self._mic)

    def _device_changed(self, kind: str, text: str) -> None:
        """From the audio owner thread: the microphone went away or came back."""
        self._device_events.append((kind, text, time.monotonic()))
        if self._on_device is not None:
            self._on_device(kind, text)

    def _record(self, start: _Start) -> None:
        """Run one answer until finish, cancel or close (kept in ``_ended_by``)."""
        notes: list[Note] = []
        source: AudioSource | None = None
        try:
            source = self._open_source()
            source.start()
        except DeviceError as exc:
            self._device_notice = NO_MIC.format(reason=exc)
            notes.append(Note(self._device_notice, NoteKind.INCOMPLETE))
            source = None
        offset = max(0.0, time.monotonic() - start.called_at)
        answer = AnswerInProgress(
            start.on_partial,
            start.on_level,
            start.recording,
            offset,
            recognizers=self._recognizers,
            generation=start.generation,
        )
        self._answer = answer
        events_before = events_seen = self._events_handled = len(self._device_events)
        converter = StreamConverter(source.rate) if source is not None else None
        command = ""
        while not command:
            with contextlib.suppress(queue.Empty):
                received = self._commands.get_nowait()
                if isinstance(received, _Start):  # a new answer ends this one first
                    self._next = received
                    received = "finish"
                command = self._ended_by = received
            if not answer.has_engine and self._engine.done() and self._engine.exception() is None:
                answer.attach(self._engine.result().engine)
            if source is None or converter is None:
                if not command:
                    time.sleep(0.02)
                continue
            if len(self._device_events) > events_seen:
                # Lost or back: the quiet of a dead microphone is not the candidate's pause.
                events_seen = len(self._device_events)
                answer.silence.restart()
                self._events_handled = events_seen
            block = source.read(timeout=0.02)
            if block is not None:
                if converter.rate != source.rate:  # the device came back at another rate
                    answer.feed(converter.flush())
                    converter = StreamConverter(source.rate)
                answer.feed(self._mute_if_paused(converter.process(block)))
            elif self._mic is not None and self._mic.lost:
                self._fill_gap(answer, start)
        if source is not None and converter is not None:
            source.stop()
            for block in source.drain():
                answer.feed(self._mute_if_paused(converter.process(block)))
            answer.feed(converter.flush())
            if source.overflows:
                gaps = f"{source.overflows} short gaps in the microphone audio"
                notes.append(Note(gaps, NoteKind.INCOMPLETE))
        notes.extend(self._device_notes(events_before, start.called_at))
        engine = self._engine_for_final()
        if engine is not None and not answer.has_engine:
            answer.attach(engine)
        elif engine is None:
            why = self.notice or "speech recognition is not available"
            notes.append(Note(why, NoteKind.INCOMPLETE))
        asked_gap = None if start.asked_at is None else start.called_at - start.asked_at
        transcript = answer.finish(
            asked_gap,
            tuple(notes),
            wait=FINAL_WAIT,
            skip=lambda: self._skip_wait or command in ("cancel", "close"),
        )
        if command == "cancel" and answer.recording is not None:
            answer.recording.unlink(missing_ok=True)
        else:
            self.last_recording = answer.recording
        self._answer = None
        start.on_final(transcript)

    @staticmethod
    def _fill_gap(answer: AnswerInProgress, start: _Start) -> None:
        """The microphone is gone: silence stands in, so the answer keeps the clock's length."""
        heard = answer.offset + answer.samples / SAMPLE_RATE
        missing = time.monotonic() - start.called_at - heard
        if missing >= 0.1:
            answer.feed(bytes(int(missing * SAMPLE_RATE) * 2), heard=False)
            # The gap is not the candidate's pause: once the microphone is back, a drill
            # that ends answers on silence must not count it (it cut answers off there).
            answer.silence.restart()

    def _device_notes(self, since: int, began: float) -> list[Note]:
        """What happened to the microphone during this answer, for the transcript."""
        notes = []
        for kind, text, at in self._device_events[since:]:
            clock = _clock(at - began)
            if kind == "lost":
                lost = f"the microphone was lost at {clock}: {text}; the gap is silent"
                notes.append(Note(lost, NoteKind.INCOMPLETE))
            else:
                notes.append(Note(f"the microphone came back at {clock}", NoteKind.CONTEXT))
        if self._mic is not None and self._mic.lost:
            gone = "the microphone was still gone when the answer ended"
            notes.append(Note(gone, NoteKind.INCOMPLETE))
        return notes

    def _mute_if_paused(self, pcm16: bytes) -> bytes:
        return bytes(len(pcm16)) if self._paused_when() else pcm16

    def _engine_for_final(self) -> Engine | None:
        try:
            return self._engine.result().engine  # waits if it is still loading
        except Exception:
            return None


def _clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
