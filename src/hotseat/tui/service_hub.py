"""The app's long-lived voice and microphone, and how the real ones are built.

Building them imports audio libraries and may load a speech model, so the
app does it in a background worker after the first frame (``load_services``).
``ready`` says when both are there (or have failed, saying why): an interview
waits for it, a few seconds at most, before it asks the first question.
Tests inject fakes through ``AppOptions`` instead.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field

from hotseat.services import Listener, Speaker
from hotseat.settings import Settings
from hotseat.tui.options import AppOptions


@dataclass
class ServiceHub:
    speaker: Speaker | None = None
    listener: Listener | None = None
    notices: list[str] = field(default_factory=list)
    # While the session is paused the microphone hears nothing (read from the
    # recognizer's thread; a bool assignment is atomic).
    mic_held: bool = False
    # The app is still building the real voice and microphone.
    loading: bool = False

    def mic_paused(self) -> bool:
        """True while the interviewer speaks or the session is paused."""
        speaker = self.speaker
        return self.mic_held or (speaker is not None and speaker.speaking)

    @property
    def voice_on(self) -> bool:
        return self.speaker is not None and self.speaker.available and not self.speaker.muted

    @property
    def mic_on(self) -> bool:
        return self.listener is not None and self.listener.available

    @property
    def ready(self) -> bool:
        """Both services are built and the recogniser has loaded (or failed to)."""
        listener = self.listener
        return not self.loading and (listener is None or listener.ready)

    def waiting_for(self, *, typed: bool = False) -> str:
        """What is not ready yet, in the user's words ('' when all is)."""
        if self.loading:
            return "the voice" if typed else "the voice and the microphone"
        return "" if self.ready else "the microphone"

    @property
    def listener_name(self) -> str:
        return self.listener.engine_name if self.listener is not None else "none"

    def status_text(self, *, typed: bool) -> str:
        """One line for the home screen: what the voice and the answers will be."""
        if self.loading or (not typed and not self.ready):
            return f"Getting {self.waiting_for(typed=typed)} ready…"
        speaker = self.speaker
        voice = "voice on" if self.voice_on else "captions only"
        if speaker is not None and speaker.available and speaker.muted:
            voice = "voice muted"
        answers = "typed answers" if typed or not self.mic_on else "spoken answers"
        if answers == "spoken answers":
            answers += f" ({self.listener_name})"
        return f"{voice} · {answers}"

    def close(self) -> None:
        for service in (self.speaker, self.listener):
            if service is not None:
                with contextlib.suppress(Exception):  # quitting must never fail on this
                    service.close()


def load_real_services(
    settings: Settings,
    options: AppOptions,
    on_change: Callable[[], None] | None = None,
    on_device: Callable[[str, str], None] | None = None,
) -> ServiceHub:
    """Build the real voice and microphone (runs in a worker thread).

    The microphone keeps loading its recogniser in its own thread after this
    returns; ``on_change`` is called (from that thread) when it is ready, and
    ``on_device(kind, text)`` (from the audio thread) when the microphone is
    lost or back.
    """
    hub = ServiceHub()
    try:
        from hotseat.speech import create_speaker

        hub.speaker = create_speaker(settings)
    except Exception as exc:  # no voice is never fatal: captions remain
        hub.notices.append(f"The interviewer's voice could not start ({exc}); captions only.")
    speaker = hub.speaker
    if speaker is not None:
        speaker.muted = settings.muted
        if not speaker.available and speaker.notice:
            hub.notices.append(speaker.notice)
    if options.typed or settings.engine == "typed":
        return hub
    try:
        from hotseat.asr.listener import MicListener

        hub.listener = MicListener(
            settings,
            model=options.model,
            input_device=options.input_device,
            paused_when=hub.mic_paused,
            on_ready=on_change,
            on_device=on_device,
        )
    except Exception as exc:
        hub.notices.append(f"The microphone could not start ({exc}); type your answers.")
    return hub
