"""How answers come in: waiting for the voice and microphone, then speaking, typing or both.

``InterviewScreen`` holds one ``AnswerInput`` (composition, not a base class)
beside its other helpers (``interview`` lists them); the flow itself is in
``interview``. It holds three things:

- Getting ready. The app builds the real voice and microphone in the
  background; an interview opened before they are ready (``hotseat practice``,
  a quick start from home) waits for them, ``VOICE_MIC_WAIT`` seconds at most,
  showing "Getting the microphone ready…", so question 1 is spoken and answered
  aloud like the rest. What failed, and why, the app says as a notice; the
  session then goes on with captions or typed answers.
- Speak or type, any time. In a spoken answer keys still go into a small box
  under the live transcript, and the answer saved and assessed is what was
  heard plus what was typed (``session.answer_capture``). f4 (and the command
  palette) switches the session between spoken and typed answers, the current
  answer included: ``switch_to_typed`` keeps the words heard so far and the
  answer goes on typed.
- Listening: the microphone opens for each stretch of the answer
  (``start_listening``), and a lost or returning microphone is said in context.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from hotseat.session import Phase
from hotseat.session.answer_capture import Reports
from hotseat.transcript import Transcript
from hotseat.tui import messages as msg
from hotseat.tui.key_names import key_name
from hotseat.tui.voice_mic import TAKING_LONG, THEN
from hotseat.tui.widgets.timer import SessionTimer

if TYPE_CHECKING:
    from hotseat.tui.screens.interview import InterviewScreen

VOICE_MIC_WAIT = 5.0  # seconds the first question waits for the voice and microphone
_ANSWERING = Phase.ANSWERING


class AnswerInput:
    """How the current answer comes in, for ``screen`` (which holds this)."""

    def __init__(self, screen: InterviewScreen) -> None:
        self.screen = screen
        self.waiting_for_voice_mic = False
        self._waiting_since = 0.0

    # -- getting ready ----------------------------------------------------------------

    def wait_for_voice_mic(self) -> None:
        """Hold the first question until the voice and microphone are ready."""
        screen = self.screen
        self.waiting_for_voice_mic = True
        self._waiting_since = screen.session.clock.now()
        what = self.waiting_for() or "the microphone"
        screen.card.show_notice(
            f"Getting {what} ready…",
            f"The first question follows in a moment, {THEN.get(what, THEN[''])} like the rest.",
        )
        screen.answer_area.display = False
        timer = screen.query_one(SessionTimer)
        timer.caption = f"Getting {what} ready…"
        self._show_waiting(0.0)
        screen.update_topbar()
        screen.refresh_bindings()

    def _show_waiting(self, waited: float) -> None:
        """How long it has been, what happens if it goes on, and the way out: no promise
        of a time (a busy computer can take longer than ``VOICE_MIC_WAIT`` to get there)."""
        screen = self.screen
        end = key_name(screen.app, "interview.end")
        screen.query_one(SessionTimer).detail = (
            f"{waited:.0f} s so far; if it takes long, the question starts with captions "
            f"and typed answers · {end} ends the session"
        )

    def voice_mic_changed(self) -> None:
        """The app's voice or microphone was built, loaded or failed."""
        screen = self.screen
        if self.waiting_for_voice_mic:
            self.check_voice_mic()
            return
        area = screen.answer_area
        before_answer = screen.session.phase in (Phase.ASKING, Phase.THINKING)
        if before_answer and area.mode == "typed" and not self.typed():
            area.mode = "spoken"  # they came late, but before this answer: it is heard
        screen.update_topbar()
        screen.refresh_bindings()

    def check_voice_mic(self) -> bool:
        """While waiting: start once both are ready, or after VOICE_MIC_WAIT. True if started."""
        screen = self.screen
        voice_mic = screen.voice_mic
        waited = screen.session.clock.now() - self._waiting_since
        waiting = self.waiting_for()
        if waiting and waited < VOICE_MIC_WAIT:
            self._show_waiting(waited)
            return False
        self.waiting_for_voice_mic = False
        if waiting and voice_mic.loading:
            screen.notify(TAKING_LONG[waiting], severity="warning", timeout=8)
        elif not voice_mic.ready and voice_mic.mic_on and not screen.force_typed:
            screen.notify(
                "The speech recogniser is still loading: answer aloud anyway, "
                "your words appear as soon as it is ready.",
                timeout=8,
            )
        screen.answer_area.display = True
        screen.begin()
        return True

    def waiting_for(self) -> str:
        """What the session still waits for ('' when nothing it wants): typed answers
        want no microphone, a muted session no voice."""
        screen = self.screen
        return screen.voice_mic.waiting_for(typed=screen.force_typed, muted=screen.muted)

    # -- speak or type ------------------------------------------------------------------

    def switch_to_typed(self) -> None:
        """Typed answers from now on, this answer included (f4, the palette, a lost mic).

        Words the microphone already heard in this answer are kept: the answer
        becomes what was heard plus what is typed from here on.
        """
        screen = self.screen
        if screen.force_typed:
            return
        screen.force_typed = True
        self._apply_answer_mode()
        answer, speak = (
            key_name(screen.app, i) for i in ("interview.answer", "interview.type_or_speak")
        )
        screen.notify(f"Typed answers from now on: type, then {answer} ({speak} to speak again).")

    def switch_to_spoken(self) -> None:
        """Spoken answers from now on, this answer included, when a microphone is there."""
        screen = self.screen
        if not screen.force_typed:
            return
        if not screen.voice_mic.mic_on:
            listener = screen.voice_mic.listener
            why = listener.notice if listener is not None else "no microphone was set up"
            screen.notify(f"Cannot listen: {why}", severity="warning", timeout=8)
            return
        screen.force_typed = False
        self._apply_answer_mode()
        screen.notify("Spoken answers from now on: speak (typing still adds to the answer).")

    def _apply_answer_mode(self) -> None:
        screen = self.screen
        area = screen.answer_area
        area.mode = "typed" if self.typed() else "spoken"
        session = screen.session
        if session.phase is _ANSWERING and not screen.finishing and not session.paused:
            if area.mode == "typed" and screen.capture.spoken:
                self._stop_listening()
            elif area.mode == "spoken" and not screen.capture.spoken:
                self.start_listening(mid_answer=True)
        if area.display:
            area.text_area.focus()
        screen.update_topbar()
        screen.refresh_bindings()
        screen.tick()

    def typed(self) -> bool:
        """The next answer is typed (by choice, or for want of a microphone)."""
        return self.screen.force_typed or not self.screen.voice_mic.mic_on

    # -- listening ----------------------------------------------------------------------

    def start_listening(self, *, mid_answer: bool = False) -> None:
        """Open the microphone for this answer (again, after a switch, when mid_answer)."""
        screen = self.screen
        listener = screen.voice_mic.listener
        if listener is None:
            return
        post = screen.post_message  # thread-safe: the listener reports from its threads
        app = screen.app  # (read here: ``screen.app`` needs the UI thread's context)
        reports = Reports(
            partial=lambda token, text: post(msg.PartialTranscript(token, text)),
            level=lambda token, dbfs: post(msg.InputLevel(token, dbfs)),
            final=lambda token, transcript: post(msg.FinalTranscript(token, transcript)),
            # To the App: the interview may be over by the time it is finished.
            revised=lambda heard, token, transcript: app.post_message(
                msg.TranscriptRevised(heard, token, transcript)
            ),
        )
        elapsed = screen.session.answer_elapsed()
        if mid_answer:  # a later stretch: its word times count from where it begins
            at, began_at = elapsed, None
        else:
            # The answer clock started when the question was asked (the voice's real end,
            # which came as a message) or the thinking time ended: the first word's delay
            # counts from then, not from now. In monotonic time, as the listener's.
            at, began_at = 0.0, time.monotonic() - elapsed
        screen.answer_area.set_partial("")
        screen.capture.listen(listener, at, screen.recording_path(), reports, began_at)

    def _stop_listening(self) -> None:
        """Switched to typing mid-answer: close the microphone, keep what it heard."""
        screen = self.screen
        # Shown at once from the live transcript; the final one replaces it when it comes.
        screen.answer_area.set_heard(screen.capture.heard_text(screen.answer_area.partial))
        listener = screen.voice_mic.listener
        if listener is not None:
            screen.capture.stop_listening(listener)  # its final transcript joins the answer

    def answer_so_far(self, note: str) -> Transcript:
        """The answer as it stands, for keeping it now (quitting mid-answer)."""
        screen = self.screen
        listener = screen.voice_mic.listener
        area = screen.answer_area
        return screen.capture.so_far(
            live=area.partial,
            typed=area.typed_text,
            note=note,
            engine=listener.engine_name if listener is not None else "",
        )

    def microphone_changed(self, kind: str, text: str) -> None:
        """The microphone went away ("lost") or came back ("back"), or the sound system
        stalled and resumed (only said during an answer): say so, plainly."""
        screen = self.screen
        if kind in ("stalled", "resumed"):
            self._sound_system(kind == "stalled", text)
            return
        if kind == "late":  # not ready when the answer began: its first words are lost
            screen.notify(
                f"The microphone was not ready when your answer began: {text}. If you "
                "had already begun, say your first words again.",
                title="Microphone",
                severity="warning",
                timeout=10,
            )
            return
        if kind == "lost":
            answering = screen.capture.spoken and screen.session.phase is _ANSWERING
            kept = " Your answer so far is kept." if answering else ""
            screen.notify(
                f"Microphone lost: {text}.{kept} Plug it back in to go on speaking, "
                f"or press {key_name(screen.app, 'interview.type_or_speak')} to type.",
                title="Microphone",
                severity="error",
                timeout=12,
            )
        else:
            screen.notify(f"Microphone back ({text}): listening again.", title="Microphone")
        screen.answer_area.set_microphone_lost(kind == "lost")

    def _sound_system(self, stalled: bool, text: str) -> None:
        """No audio reaches hotseat though the microphone is there (a sound server
        starved by a very busy machine), or it does again: the answer goes on."""
        screen = self.screen
        if not (screen.capture.spoken and screen.session.phase is _ANSWERING):
            return  # nothing is being recorded: nothing was missed
        if stalled:
            screen.notify(
                "The sound system has stalled: no audio is reaching hotseat. Recording "
                "resumes when it does; your answer so far is kept.",
                title="Microphone",
                severity="warning",
                timeout=8,
            )
        else:
            screen.notify(
                f"{text[0].upper()}{text[1:]}; recording resumed (the gap is noted on your "
                "answer).",
                title="Microphone",
            )
        screen.answer_area.set_sound_stalled(stalled)

    # -- which keys apply ---------------------------------------------------------------

    def allowed(self, action: str) -> bool | None:
        """For the f4 keys, and while waiting for the voice and microphone; else None."""
        screen = self.screen
        if self.waiting_for_voice_mic:
            return action == "end"
        if action == "type_answers":
            # Offered while answers are spoken, or the microphone could be (a lost
            # microphone mid-answer: the audio side tells the user to press f4).
            spoken_now = screen.is_mounted and screen.answer_area.mode == "spoken"
            return (
                not screen.force_typed
                and (screen.voice_mic.mic_on or spoken_now)
                and not screen.finishing
                and not screen.session.finished
            )
        if action == "speak_answers":
            return screen.force_typed and screen.voice_mic.mic_on and not screen.finishing
        return None
