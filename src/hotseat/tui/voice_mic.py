"""The app's voice and microphone: what it holds, and how the real ones are built.

``HotseatApp`` owns one :class:`VoiceMic`: created in ``__init__``, the real
voice and microphone built in a worker after the first frame (``on_mount``,
``app_voice_mic``), closed in ``on_unmount``. Only the UI thread reads or writes it; screens get
it as a constructor argument and ask the App, by message, to hold the
microphone while the session is paused.

Building the real ones imports audio libraries and may load a speech model,
so it runs in that worker (:func:`build_voice_mic`), which hands back a frozen
:class:`Built` by message. The microphone's own thread never reads this
object: what it needs (whether to hear nothing now) is handed to it when it is
built (:func:`paused_when`, over a ``threading.Event`` and the speaker). Tests
inject fakes through ``AppOptions`` instead.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from hotseat.asr.finisher import Finisher
from hotseat.settings import Settings
from hotseat.speaker_listener import Listener, Speaker
from hotseat.speech.catalog import PersonaCatalog
from hotseat.tui.options import AppOptions


@dataclass(frozen=True)
class Built:
    """What building the real voice and microphone gave (either may be None), and why not."""

    speaker: Speaker | None
    listener: Listener | None
    notices: tuple[str, ...] = ()


def paused_when(hold: threading.Event, speaker: Speaker | None) -> Callable[[], bool]:
    """What the microphone asks from its own thread: hear nothing now?

    True while the interviewer speaks or the App holds the microphone (a paused
    session). Built once, from an Event and the speaker, which never change.
    """

    def paused() -> bool:
        return hold.is_set() or (speaker is not None and speaker.speaking)

    return paused


# Said when the wait ends before what it waited for is ready (by what that was).
TAKING_LONG = {
    "the voice": "The voice is taking long to start: this question is shown as a caption; "
    "the next ones are spoken once it is ready.",
    "the microphone": "The microphone is taking long to start: type this answer; the next "
    "ones are answered aloud once it is ready.",
    "the voice and the microphone": "The voice and microphone are taking long to start: "
    "this question has captions and typed answers; the next ones are spoken once they "
    "are ready.",
}
# How the first question goes once what it waits for is ready ('': both).
THEN = {
    "the voice": "read aloud",
    "the microphone": "answered aloud",
    "": "spoken and answered aloud",
}


class VoiceMic:
    """The voice and microphone the App owns (UI thread only)."""

    def __init__(
        self,
        speaker: Speaker | None = None,
        listener: Listener | None = None,
        *,
        loading: bool = False,
    ) -> None:
        self.speaker = speaker
        self.listener = listener
        self.loading = loading  # the real ones are still being built
        # Set while the session is paused: the microphone hears silence. Handed to
        # the real microphone when it is built (``paused_when``).
        self.mic_hold = threading.Event()

    def arrived(self, built: Built) -> None:
        """The real ones are built: used where nothing was injected."""
        self.loading = False
        if self.speaker is None:
            self.speaker = built.speaker
        if self.listener is None:
            self.listener = built.listener

    def hold_mic(self, held: bool) -> None:
        if held:
            self.mic_hold.set()
        else:
            self.mic_hold.clear()

    @property
    def mic_held(self) -> bool:
        return self.mic_hold.is_set()

    @property
    def voice_on(self) -> bool:
        return self.speaker is not None and self.speaker.available and not self.speaker.muted

    @property
    def mic_on(self) -> bool:
        return self.listener is not None and self.listener.available

    @property
    def ready(self) -> bool:
        """Both are built and the recogniser has loaded (or failed to)."""
        listener = self.listener
        return not self.loading and (listener is None or listener.ready)

    def waiting_for(self, *, typed: bool = False, muted: bool = False) -> str:
        """What is not ready yet and is wanted, in the user's words ('' when nothing):
        typed answers want no microphone, a muted voice is not waited for."""
        if self.loading:
            wanted = [w for w, off in (("the voice", muted), ("the microphone", typed)) if not off]
            return " and ".join(wanted)
        return "" if self.ready or typed else "the microphone"

    @property
    def listener_name(self) -> str:
        return self.listener.engine_name if self.listener is not None else "none"

    def status_text(self, *, typed: bool, muted: bool = False) -> str:
        """One line for the home screen: what the voice and the answers will be."""
        waiting = self.waiting_for(typed=typed, muted=muted)
        if waiting:
            return f"Getting {waiting} ready…"
        if self.loading:  # typed and muted: neither is wanted
            return "voice muted · typed answers"
        answers = "typed answers" if typed or not self.mic_on else "spoken answers"
        if answers == "spoken answers":
            answers += f" ({self.listener_name})"
        return f"{self.voice_state} · {answers}"

    @property
    def voice_state(self) -> str:
        """'voice on', 'voice muted' or 'captions only' (no voice to be had)."""
        speaker = self.speaker
        if speaker is not None and speaker.available and speaker.muted:
            return "voice muted"
        return "voice on" if self.voice_on else "captions only"

    def close(self) -> None:
        for service in (self.speaker, self.listener):
            if service is not None:
                with contextlib.suppress(Exception):  # quitting must never fail on this
                    service.close()


def build_voice_mic(
    settings: Settings,
    options: AppOptions,
    mic_hold: threading.Event,
    on_change: Callable[[], None] | None = None,
    on_device: Callable[[str, str], None] | None = None,
    catalog: PersonaCatalog | None = None,
    finisher: Finisher | None = None,
) -> Built:
    """Build the real voice and microphone (runs in a worker thread).

    The microphone keeps loading its recogniser in its own thread after this
    returns; ``on_change`` is called (from that thread) when it is ready, and
    ``on_device(kind, text)`` (from the audio thread) when the microphone is
    lost or back. ``mic_hold`` set means the microphone hears nothing.
    ``catalog``: the personas the app read, so the voice speaks as the interviewers
    the home screen offers (the files are not read a second time). ``finisher``: the
    app's one finisher of late transcripts (``asr.finisher``), shared with the listener.
    """
    notices: list[str] = []
    speaker: Speaker | None = None
    try:
        from hotseat.speech import create_speaker

        speaker = create_speaker(settings, catalog=catalog)
    except Exception as exc:  # no voice is never fatal: captions remain
        notices.append(f"The interviewer's voice could not start ({exc}); captions only.")
    if speaker is not None:
        speaker.muted = settings.muted
        if not speaker.available and speaker.notice:
            notices.append(speaker.notice)
    if options.typed or settings.engine == "typed":
        return Built(speaker, None, tuple(notices))
    listener: Listener | None = None
    try:
        from hotseat.asr.listener import MicListener

        listener = MicListener(
            settings,
            model=options.model,
            input_device=options.input_device,
            paused_when=paused_when(mic_hold, speaker),
            held_when=mic_hold.is_set,  # the answer's clock is stopped: left out
            on_ready=on_change,
            on_device=on_device,
            finisher=finisher,
        )
    except Exception as exc:
        notices.append(f"The microphone could not start ({exc}); type your answers.")
    return Built(speaker, listener, tuple(notices))
