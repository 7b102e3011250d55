"""The microphone service: ``MicListener`` implements ``hotseat.services.Listener``.

Threads:

- PortAudio's callback thread only queues audio blocks (see ``audio.capture``).
- A loader thread opens the microphone's device list and loads the engine
  (seconds for Vosk) as soon as the listener is made, so the model is ready
  while the home screen is up.
- One worker thread owns the recognizer: it drains the audio queue, converts
  to 16 kHz, saves, meters, recognises and calls the client's callbacks.

The public methods only put commands on the worker's queue and return.
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
from hotseat.asr.engine import Engine, EngineError
from hotseat.asr.loader import Loaded, load_engine
from hotseat.audio.capture import AudioSource, Capture
from hotseat.audio.devices import DeviceError, choose_input_device
from hotseat.audio.resample import StreamConverter
from hotseat.audio.wavfile import new_recording_path
from hotseat.settings import Settings, load_settings
from hotseat.transcript import Transcript

NO_MIC = "No microphone is available ({reason}): type your answers instead."


@dataclass
class _Start:
    on_partial: Callable[[str], None]
    on_level: Callable[[float], None]
    on_final: Callable[[Transcript], None]
    recording: Path | None
    called_at: float
    asked_at: float | None


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
        answer = self._answer
        return answer.silence.silence_seconds if answer is not None else 0.0

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
        start = _Start(on_partial, on_level, on_final, path, time.monotonic(), asked_at)
        self._commands.put(start)

    def finish_answer(self) -> None:
        self._commands.put("finish")

    def cancel(self) -> None:
        self._commands.put("cancel")

    def close(self) -> None:
        self._commands.put("close")
        self._worker.join(timeout=5.0)
        if self._engine.done() and self._engine.exception() is None and not self._preloaded:
            engine = self._engine.result().engine
            closer = getattr(engine, "close", None)
            if closer is not None:
                closer()  # the pocketsphinx helper process

    # -- the loader thread -------------------------------------------------------

    def _load(self) -> None:
        if self._source_factory is None and self._engine_choice != "typed":
            try:
                choose_input_device(self._device_spec)
            except DeviceError as exc:
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
        start.on_final(Transcript(text="", engine=self.engine_name, notes=(note,)))

    def _open_source(self) -> AudioSource:
        if self._source_factory is not None:
            return self._source_factory()
        return Capture(choose_input_device(self._device_spec))

    def _record(self, start: _Start) -> None:
        """Run one answer until finish, cancel or close (kept in ``_ended_by``)."""
        notes: list[str] = []
        source: AudioSource | None = None
        try:
            source = self._open_source()
            source.start()
        except DeviceError as exc:
            self._device_notice = NO_MIC.format(reason=exc)
            notes.append(self._device_notice)
            source = None
        offset = max(0.0, time.monotonic() - start.called_at)
        answer = AnswerInProgress(start.on_partial, start.on_level, start.recording, offset)
        self._answer = answer
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
            block = source.read(timeout=0.02)
            if block is not None:
                answer.feed(self._mute_if_paused(converter.process(block)))
        if source is not None and converter is not None:
            source.stop()
            for block in source.drain():
                answer.feed(self._mute_if_paused(converter.process(block)))
            answer.feed(converter.flush())
            if source.overflows:
                notes.append(f"{source.overflows} short gaps in the microphone audio")
        engine = self._engine_for_final()
        if engine is not None and not answer.has_engine:
            answer.attach(engine)
        elif engine is None:
            notes.append(self.notice or "speech recognition is not available")
        asked_gap = None if start.asked_at is None else start.called_at - start.asked_at
        transcript = answer.finish(asked_gap, (*self._notes_for_engine(), *notes))
        if command == "cancel" and answer.recording is not None:
            answer.recording.unlink(missing_ok=True)
        else:
            self.last_recording = answer.recording
        self._answer = None
        start.on_final(transcript)

    def _mute_if_paused(self, pcm16: bytes) -> bytes:
        return bytes(len(pcm16)) if self._paused_when() else pcm16

    def _engine_for_final(self) -> Engine | None:
        try:
            return self._engine.result().engine  # waits if it is still loading
        except Exception:
            return None

    def _notes_for_engine(self) -> tuple[str, ...]:
        notice = self.notice if self._engine.done() else ""
        return (notice,) if notice else ()
