"""The app's voice and microphone over time: built in a worker, then news from them.

``HotseatApp`` owns one ``VoiceMic`` (``tui.voice_mic``) and one ``VoiceMicLoader``
that brings it to life. Injected ones (tests) are used as they are; the real
ones are built by a ``voice_mic`` worker once asked (:meth:`VoiceMicLoader.request`:
a moment after the first frame, or at once when an interview starts first),
which posts ``VoiceMicBuilt``. Afterwards their own threads send news by
message: the recogniser has loaded (``RecognizerLoaded``), the microphone was
lost or is back (``MicrophoneChanged``). The app hands each message here; the
home screen's status, its notices and an open interview are kept up to date.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import TYPE_CHECKING

from hotseat.settings import Settings
from hotseat.speech.catalog import PersonaCatalog
from hotseat.tui import messages as msg
from hotseat.tui.options import AppOptions
from hotseat.tui.screens.interview import InterviewScreen
from hotseat.tui.screens.summary import SummaryScreen
from hotseat.tui.voice_mic import Built, build_voice_mic

if TYPE_CHECKING:
    from hotseat.tui.app import HotseatApp

VOICE_MIC_DELAY = 1.0  # seconds after the first frame before the voice and microphone load


class VoiceMicLoader:
    """Builds ``app.voice_mic`` once, and follows what it says afterwards."""

    def __init__(self, app: HotseatApp) -> None:
        self.app = app
        self._requested = False

    def request(self) -> None:
        """Build the real voice and microphone, once (when the app is to build them)."""
        app = self.app
        if app.options.build_voice_mic and not self._requested:
            self._requested = True
            # The worker gets copies made now: it never reads what the UI goes on changing.
            settings = dataclasses.replace(app.effective)
            options = dataclasses.replace(app.options)
            hold = app.voice_mic.mic_hold
            catalog = app.personas.catalog  # read once at start, never changed: shared
            app.run_worker(
                lambda: self._build(settings, options, hold, catalog),
                thread=True,
                exclusive=True,
                group="voice_mic",
                name="Loading the voice and microphone",
                exit_on_error=False,
            )

    def _build(
        self,
        settings: Settings,
        options: AppOptions,
        mic_hold: threading.Event,
        catalog: PersonaCatalog,
    ) -> None:
        """In the worker: build them; they and their threads answer by message."""
        post = self.app.post_message

        def loaded() -> None:  # from the recogniser's loading thread
            post(msg.RecognizerLoaded())

        def device(kind: str, text: str) -> None:  # from the audio thread
            post(msg.MicrophoneChanged(kind, text))

        built = build_voice_mic(
            settings,
            options,
            mic_hold,
            on_change=loaded,
            on_device=device,
            catalog=catalog,
        )
        post(msg.VoiceMicBuilt(built))

    def built(self, built: Built) -> None:
        """Built (or, after a failed worker, nothing): used from now on."""
        app = self.app
        app.voice_mic.arrived(built)
        silent_voice = built.speaker.notice if built.speaker is not None else ""
        for notice in built.notices:
            # Muted by choice: why the voice is unavailable is news for the home screen only.
            app.notices.tell(notice, toast=not (app.effective.muted and notice == silent_voice))
        self.recognizer_loaded()

    def recognizer_loaded(self) -> None:
        """The recogniser finished loading: say which one, or why there is none."""
        app = self.app
        listener, home = app.voice_mic.listener, app.home()
        if listener is not None and listener.notice:
            # Either why there is no microphone, or e.g. how to get Vosk's better accuracy.
            app.notices.tell(listener.notice, toast=not listener.available)
        if home is not None:
            home.set_status(app.status_text())
        for screen in app.screen_stack:
            if isinstance(screen, InterviewScreen):
                screen.answer_input.voice_mic_changed()

    def microphone_changed(self, kind: str, text: str) -> None:
        """Lost or back: the interview says it in context; elsewhere a toast does. A
        stalled sound system matters only to an answer under way (the interview says
        it), and a finished session's summary is no place for the microphone's news."""
        app = self.app
        screen = app.screen
        if isinstance(screen, InterviewScreen):
            screen.answer_input.microphone_changed(kind, text)
        elif kind in ("late", "stalled", "resumed") or isinstance(screen, SummaryScreen):
            return
        elif kind == "lost":
            app.notify(f"Microphone lost: {text}.", severity="warning", timeout=8)
        else:
            app.notify(f"Microphone back ({text}).")
