"""The microphone service: ``MicListener`` implements ``hotseat.speaker_listener.Listener``.

Threads:

- PortAudio's callback thread only queues audio blocks (see ``audio.capture``).
- A loader thread opens the microphone (one stream for the whole session,
  through the audio owner thread: ``asr.mic_input``) and loads the engine
  (seconds for Vosk) as soon as the listener is made, so both are ready
  while the home screen is up.
- One worker thread takes each answer's audio in real time
  (``asr.answer_worker``): it converts to 16 kHz, saves, meters, watches for
  silence and hands the audio to the recognizer's thread
  (``asr.recognition``), which may lag without holding any of that up.

The public methods only put commands on the worker's queue and return.
Silence is counted per answer (``generation``): an answer that has not begun
on the worker yet, or one still finishing, never lends its silence to the
next, and silence only counts after the candidate has spoken.

When the microphone is lost mid-answer the answer goes on: the gap is filled
with silence (so word times still match the clock), the transcript notes when
the microphone went and came back, and ``on_device`` tells the client.
Audio captured while ``held_when()`` is true (the session paused, or a dialog
open over the answer: its clock stopped) is left out of the answer, so the
recording and the word times keep to the answer clock with nothing padded.
Audio captured while ``paused_when()`` is true (the interviewer speaking)
is replaced by silence, so the candidate's transcript never contains the
interviewer's voice and word times still match the answer clock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from hotseat.asr.answer_worker import AnswerWorker, StartAnswer
from hotseat.asr.engine import Engine, EngineError
from hotseat.asr.finisher import Finisher
from hotseat.asr.loader import Loaded, load_engine
from hotseat.asr.mic_input import MicInput
from hotseat.asr.recognition import RecognizerThread
from hotseat.audio.answer_source import AudioSource
from hotseat.audio.wavfile import new_recording_path
from hotseat.settings import Settings, load_settings
from hotseat.transcript import Transcript


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
        held_when: Callable[[], bool] | None = None,
    ) -> None:
        self._settings = settings or load_settings()
        self._engine_choice = engine or self._settings.engine
        self._model = model
        device = self._settings.input_device if input_device is None else input_device
        self._on_ready = on_ready
        self._preloaded = preloaded  # an engine loaded elsewhere (benchmarks, tests)
        self._engine: Future[Loaded] = Future()
        self._ready = threading.Event()
        self._generation = 0  # of the latest start_answer()
        self._mic = MicInput(device, source_factory, on_device)
        self._recognizers = RecognizerThread()
        # Answers whose final words were late are finished from their recordings on
        # an engine of its own (``asr.finisher``), made the first time one is.
        self._finisher = Finisher(self._finishing_engine)
        threading.Thread(target=self._load, name="hotseat-asr-load", daemon=True).start()
        self._worker = AnswerWorker(
            self._mic,
            self._engine,
            self._recognizers,
            paused_when or (lambda: False),
            notice=lambda: self.notice,
            engine_name=lambda: self.engine_name,
            finisher=self._finisher,
            held_when=held_when or (lambda: False),
        )

    # -- what the app asks -------------------------------------------------------

    @property
    def ready(self) -> bool:
        """True once the microphone was found (or not) and the engine has loaded."""
        return self._ready.is_set()

    def wait_ready(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)

    @property
    def available(self) -> bool:
        if self._engine_choice == "typed" or self._mic.notice:
            return False
        # Optimistic while still loading: an answer started now waits for the engine.
        return not (self._engine.done() and self._engine.exception() is not None)

    @property
    def notice(self) -> str:
        if self._engine_choice == "typed":
            return "Typed answers are chosen in the settings."
        if self._mic.notice:
            return self._mic.notice
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
        answer = self._worker.answer
        if answer is None or answer.generation != self._generation or self._mic.silent:
            return 0.0  # a dead microphone's (or stalled sound system's) silence is not theirs
        if self._mic.unseen_events:
            return 0.0  # just back: the worker has not counted silence afresh yet
        return answer.silence_seconds()

    @property
    def behind(self) -> float:
        """How far the live transcript trails the voice, in seconds."""
        answer = self._worker.answer
        return answer.behind if answer is not None else 0.0

    @property
    def microphone_lost(self) -> bool:
        return self._mic.lost

    @property
    def last_recording(self) -> Path | None:
        """Where the latest answer that was not cancelled was recorded, if it was."""
        return self._worker.last_recording

    # -- commands ----------------------------------------------------------------

    def start_answer(
        self,
        on_partial: Callable[[str], None],
        on_level: Callable[[float], None],
        on_final: Callable[[Transcript], None],
        recording_path: str | None = None,
        answer_began_at: float | None = None,
        on_revised: Callable[[Transcript], None] | None = None,
    ) -> None:
        """See ``Listener.start_answer``: ``answer_began_at`` (time.monotonic()) makes
        ``first_word_delay`` count from the start of the answer clock."""
        path: Path | None = Path(recording_path) if recording_path else None
        if path is None and self._settings.save_recordings:
            path = new_recording_path()
        self._generation += 1
        self._worker.skip_wait = False
        start = StartAnswer(
            on_partial,
            on_level,
            on_final,
            path,
            time.monotonic(),
            answer_began_at,
            self._generation,
            on_revised,
        )
        self._worker.put(start)

    def finish_answer(self) -> None:
        self._worker.put("finish")

    def skip_waiting(self) -> None:
        """Stop waiting for the final words: the live text so far becomes the answer."""
        self._worker.skip_wait = True

    def cancel(self) -> None:
        self._worker.put("cancel")

    def close(self) -> None:
        self._worker.put("close")
        self._worker.skip_wait = True
        self._worker.join(timeout=5.0)
        self._finisher.close()
        self._recognizers.close()
        self._mic.close()
        if self._engine.done() and self._engine.exception() is None and not self._preloaded:
            engine = self._engine.result().engine
            closer = getattr(engine, "close", None)
            if closer is not None:
                closer()  # the pocketsphinx helper process

    # -- the loader thread -------------------------------------------------------

    def _load(self) -> None:
        if self._engine_choice != "typed":
            self._mic.open()  # kept open for the whole session
        try:
            self._engine.set_result(self._load_engine())
        except Exception as exc:  # reported through `available` and `notice`
            self._engine.set_exception(exc)
        self._ready.set()
        if self._on_ready is not None:
            self._on_ready()

    def _finishing_engine(self) -> Engine:
        """An engine like the live one, for the finisher's thread alone."""
        self._engine.result()  # the live one first (it says which engine it came to)
        return load_engine(
            self.engine_name, self._model, self._settings.model_path, isolated=True
        ).engine

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
