"""The interviewer's voice: ``VoiceSpeaker`` implements ``hotseat.speaker_listener.Speaker``.

Three workers, each the only owner of its engine:

- the render worker *process* owns pyttsx3 (``render_worker``);
- the *render thread* here asks it for clips, newest ``speak`` first, then the
  ``prepare`` requests (so the next question is ready before it is asked);
- the *player thread* owns the sounddevice output stream (``player``).

``speak`` of a prepared line goes straight to the player, so a question starts
playing within a few milliseconds of being asked for.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from hotseat.speech.catalog import PersonaCatalog, load_personas
from hotseat.speech.persona import Persona
from hotseat.speech.player import Finished, Player, Started
from hotseat.speech.renderer import Clip, Renderer, RenderError
from hotseat.speech.voices import ResolvedVoice, resolve_voice

log = logging.getLogger(__name__)
_KEEP_CLIPS = 24
_MAX_FAILURES = 3


@dataclass
class _Job:
    text: str
    persona: Persona
    on_started: Started | None = None
    on_finished: Finished | None = None
    speak: bool = False
    cancelled: bool = False


class VoiceSpeaker:
    """Speaks persona lines aloud; see ``hotseat.speaker_listener.Speaker`` for the contract.

    ``speaking`` (what the microphone asks) reads ``speaking_event``, set exactly
    while the voice plays. ``add_speaking_listener(fn)`` calls ``fn(True)`` /
    ``fn(False)`` (from the player thread) when it starts and stops; only the speech
    tests use it, to see those moments.
    """

    def __init__(
        self,
        *,
        muted: bool = False,
        output_device: str = "",
        catalog: PersonaCatalog | None = None,
        renderer: Renderer | None = None,
    ) -> None:
        self.muted = muted
        self.catalog = catalog or load_personas()
        self.renderer = renderer or Renderer()
        self.speaking_event = threading.Event()
        self.ready = threading.Event()  # set once the engine has been probed
        self._listeners: list[Callable[[bool], None]] = []
        self._notice = ""
        self._lock = threading.Condition()
        self._jobs: collections.deque[_Job] = collections.deque()
        self._rendering: _Job | None = None
        self._clips: collections.OrderedDict[tuple[str, str], Clip] = collections.OrderedDict()
        self._voices: dict[str, ResolvedVoice] = {}
        self._closed = False
        self._failures = 0
        self.player = Player(output_device, on_error=self._fail, on_playing=self._playing)
        self._thread = threading.Thread(target=self._loop, name="speech-render", daemon=True)
        self._thread.start()

    # -- state ------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return not self._notice

    @property
    def notice(self) -> str:
        return self._notice

    @property
    def speaking(self) -> bool:
        return self.speaking_event.is_set()

    def add_speaking_listener(self, listener: Callable[[bool], None]) -> None:
        self._listeners.append(listener)

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until the speech engine has been probed; returns ``available``."""
        self.ready.wait(timeout)
        return self.available

    def voice_for(self, persona_id: str) -> ResolvedVoice:
        """The system voice a persona speaks with; RenderError when there is none."""
        persona = self.catalog.get(persona_id)
        if persona.id not in self._voices:
            engine, voices = self.renderer.voices()
            resolved = resolve_voice(persona.voice, voices, engine)
            if resolved is None:
                raise RenderError("no text-to-speech voices are installed")
            self._voices[persona.id] = resolved
        return self._voices[persona.id]

    # -- the contract -----------------------------------------------------------

    def speak(
        self,
        text: str,
        persona_id: str,
        on_started: Started | None = None,
        on_finished: Finished | None = None,
    ) -> None:
        persona = self.catalog.get(persona_id)
        if self.muted or not self.available or not text.strip() or self._closed:
            self.player.finish_silently(on_finished)
            return
        with self._lock:
            self._cancel_speaking()
            clip = self._clips.get((persona.id, text))
            if clip is None:
                self._jobs.appendleft(_Job(text, persona, on_started, on_finished, speak=True))
                self._lock.notify()
        if clip is not None:
            self._play(clip, persona, on_started, on_finished)

    def prepare(self, text: str, persona_id: str) -> None:
        persona = self.catalog.get(persona_id)
        if not text.strip() or self._closed:
            return
        with self._lock:
            if (persona.id, text) in self._clips:
                return
            self._jobs.append(_Job(text, persona))
            self._lock.notify()

    def prepared(self, text: str, persona_id: str) -> bool:
        """True when the line is rendered and will start playing at once."""
        with self._lock:
            return (self.catalog.get(persona_id).id, text) in self._clips

    def stop(self) -> None:
        with self._lock:
            self._cancel_speaking()
        self.player.stop()

    def _cancel_speaking(self) -> None:
        """Cancel lines waiting to be spoken (prepared lines still get rendered)."""
        for job in (*self._jobs, self._rendering):
            if job is not None and job.speak:
                job.cancelled = True

    def close(self) -> None:
        with self._lock:
            self._closed = True
            dropped = [job for job in self._jobs if job.speak]
            self._jobs.clear()
            self._lock.notify()
        for job in dropped:
            _report_stopped(job)
        self.player.close()
        self._thread.join(timeout=3)
        self.renderer.close()

    # -- workers ------------------------------------------------------------------

    def _playing(self, playing: bool) -> None:
        if playing:
            self.speaking_event.set()
        else:
            self.speaking_event.clear()
        for listener in list(self._listeners):
            try:
                listener(playing)
            except Exception:
                log.exception("speaking listener failed")

    def _fail(self, message: str) -> None:
        if not self._notice:
            self._notice = f"The interviewer's voice is off ({message}); captions only."

    def _play(
        self, clip: Clip, persona: Persona, on_started: Started | None, on_finished: Finished | None
    ) -> None:
        volume = persona.voice.volume
        self.player.play(clip.samples * volume, clip.rate, on_started, on_finished)

    def _probe(self) -> None:
        problem = self.player.probe()
        if problem:
            self._fail(problem)
            return
        try:
            self.voice_for(self.catalog.default.id)
        except RenderError as exc:
            self._fail(str(exc))

    def _loop(self) -> None:
        self._probe()
        self.ready.set()
        while True:
            with self._lock:
                while not self._jobs and not self._closed:
                    self._lock.wait()
                if self._closed:
                    return
                job = self._jobs.popleft()
                self._rendering = job
            if job.cancelled:
                _report_stopped(job)
                continue
            self._render(job)
            with self._lock:
                self._rendering = None

    def _render(self, job: _Job) -> None:
        key = (job.persona.id, job.text)
        clip = self._clips.get(key)
        if clip is None and self.available:
            try:
                voice = self.voice_for(job.persona.id)
                clip = self.renderer.render(
                    job.text, voice.voice_id, job.persona.voice.rate, job.persona.voice.pitch
                )
            except RenderError as exc:
                self._failures += 1  # one bad line is shown as a caption; a run of them
                log.warning("could not render %r: %s", job.text, exc)
                if self._failures >= _MAX_FAILURES:  # means the engine is broken
                    self._fail(str(exc))
            else:
                self._failures = 0
                with self._lock:
                    self._clips[key] = clip
                    while len(self._clips) > _KEEP_CLIPS:
                        self._clips.popitem(last=False)
        if not job.speak:
            return
        with self._lock:
            cancelled = job.cancelled
        if cancelled:
            _report_stopped(job)  # a newer line may be playing: leave the player alone
        elif clip is None or self.muted:
            self.player.finish_silently(job.on_finished)
        else:
            self._play(clip, job.persona, job.on_started, job.on_finished)


def _report_stopped(job: _Job) -> None:
    """Tell the client a line it asked for was cut short before it was heard."""
    if job.speak and job.on_finished is not None:
        try:
            job.on_finished(time.monotonic(), True)
        except Exception:
            log.exception("speech callback failed")
