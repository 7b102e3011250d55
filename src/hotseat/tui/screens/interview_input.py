"""How answers come in: waiting for the voice and microphone, then speaking, typing or both.

``AnswerInput`` sits between the interview's keys (``interview_keys``) and its
flow (``interview``). It holds two things:

- Getting ready. The app builds the real voice and microphone in the
  background; an interview opened before they are ready (``hotseat practice``,
  a quick start from home) waits for them, ``VOICE_MIC_WAIT`` seconds at most,
  showing "Getting the microphone ready…", so question 1 is spoken and answered
  aloud like the rest. What failed, and why, the app says as a notice; the
  session then goes on with captions or typed answers.
- Speak or type, any time. In a spoken answer keys still go into a small box
  under the live transcript, and the answer saved and assessed is what was
  heard plus what was typed (``join_answer``). f4 (and the command palette)
  switches the session between spoken and typed answers, the current answer
  included: ``switch_to_typed`` keeps the words heard so far and the answer goes
  on typed. Other parts of the app (a lost microphone) may call it too.
"""

from __future__ import annotations

from typing import Any

from textual.message import Message

from hotseat.session import Phase
from hotseat.transcript import Transcript, join_answer
from hotseat.tui import messages as msg
from hotseat.tui.screens.interview_keys import InterviewControls
from hotseat.tui.widgets.answer_area import AnswerArea
from hotseat.tui.widgets.timer import SessionTimer

VOICE_MIC_WAIT = 5.0  # seconds the first question waits for the voice and microphone
_ANSWERING = Phase.ANSWERING


class AnswerInput(InterviewControls):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.waiting_for_voice_mic = False
        self._waiting_since = 0.0
        # This answer's stretches of listening: token -> when it began on the answer
        # clock, until its final transcript arrives; then (transcript, start) in _heard.
        self._listening: dict[int, float] = {}
        self._heard: list[tuple[Transcript, float]] = []
        self._typed_at: float | None = None  # session time of the last key in this answer

    # -- hooks the interview screen provides ----------------------------------------

    def _begin(self) -> None:
        """Start the session and ask the first question."""
        raise NotImplementedError

    def _complete(self, transcript: Transcript) -> None:
        raise NotImplementedError

    @property
    def answer_area(self) -> AnswerArea:
        return self.query_one(AnswerArea)

    # -- getting ready ----------------------------------------------------------------

    def _wait_for_voice_mic(self) -> None:
        """Hold the first question until the voice and microphone are ready."""
        self.waiting_for_voice_mic = True
        self._waiting_since = self.session.clock.now()
        what = self.voice_mic.waiting_for(typed=self.force_typed) or "the microphone"
        self.card.show_notice(
            f"Getting {what} ready…",
            "The first question follows in a moment, spoken and answered aloud like the rest.",
        )
        self.answer_area.display = False
        timer = self.query_one(SessionTimer)
        timer.caption = f"Getting {what} ready…"
        timer.detail = f"At most {VOICE_MIC_WAIT:.0f} seconds · ctrl+l ends the session"
        self._update_topbar()
        self.refresh_bindings()

    def voice_mic_changed(self) -> None:
        """The app's voice or microphone was built, loaded or failed."""
        if self.waiting_for_voice_mic:
            self._check_voice_mic()
            return
        area = self.answer_area
        before_answer = self.session.phase in (Phase.ASKING, Phase.THINKING)
        if before_answer and area.mode == "typed" and not self._typed():
            area.mode = "spoken"  # they came late, but before this answer: it is heard
        self._update_topbar()
        self.refresh_bindings()

    def _check_voice_mic(self) -> bool:
        """While waiting: start once both are ready, or after VOICE_MIC_WAIT. True if started."""
        voice_mic = self.voice_mic
        waited = self.session.clock.now() - self._waiting_since
        if not voice_mic.ready and waited < VOICE_MIC_WAIT:
            return False
        self.waiting_for_voice_mic = False
        if voice_mic.loading:
            self.notify(
                "The voice and microphone are taking long to start: this question has "
                "captions and typed answers; the next ones are spoken once they are ready.",
                severity="warning",
                timeout=8,
            )
        elif not voice_mic.ready and voice_mic.mic_on and not self.force_typed:
            self.notify(
                "The speech recogniser is still loading: answer aloud anyway, "
                "your words appear as soon as it is ready.",
                timeout=8,
            )
        self.answer_area.display = True
        self._begin()
        return True

    # -- speak or type ------------------------------------------------------------------

    def action_type_answers(self) -> None:
        self.switch_to_typed()

    def action_speak_answers(self) -> None:
        self.switch_to_spoken()

    def switch_to_typed(self) -> None:
        """Typed answers from now on, this answer included (f4, the palette, a lost mic).

        Words the microphone already heard in this answer are kept: the answer
        becomes what was heard plus what is typed from here on.
        """
        if self.force_typed:
            return
        self.force_typed = True
        self._apply_answer_mode()
        self.notify("Typed answers from now on: type, then ctrl+s (f4 to speak again).")

    def switch_to_spoken(self) -> None:
        """Spoken answers from now on, this answer included, when a microphone is there."""
        if not self.force_typed:
            return
        if not self.voice_mic.mic_on:
            listener = self.voice_mic.listener
            why = listener.notice if listener is not None else "no microphone was set up"
            self.notify(f"Cannot listen: {why}", severity="warning", timeout=8)
            return
        self.force_typed = False
        self._apply_answer_mode()
        self.notify("Spoken answers from now on: speak (typing still adds to the answer).")

    def _apply_answer_mode(self) -> None:
        area = self.answer_area
        area.mode = "typed" if self._typed() else "spoken"
        if self.session.phase is _ANSWERING and not self.finishing and not self.session.paused:
            if area.mode == "typed" and self.spoken_answer:
                self._stop_listening()
            elif area.mode == "spoken" and not self.spoken_answer:
                self._start_listening(mid_answer=True)
        if area.display:
            area.text_area.focus()
        self._update_topbar()
        self.refresh_bindings()
        self.tick()

    def _typed(self) -> bool:
        return self.force_typed or not self.voice_mic.mic_on

    # -- listening ----------------------------------------------------------------------

    def _start_listening(self, *, mid_answer: bool = False) -> None:
        """Open the microphone for this answer (again, after a switch, when mid_answer)."""
        listener = self.voice_mic.listener
        if listener is None:
            return
        self.token += 1
        token = self.token
        self.spoken_answer = True
        # Word times count from here: the first stretch starts the answer clock.
        self._listening[token] = self.session.answer_elapsed() if mid_answer else 0.0
        self.answer_area.set_partial("")
        path = self.recording_path()
        if self._audio is None:
            self._audio = path  # a later stretch is heard but not kept as the recording
        listener.start_answer(
            on_partial=lambda text: self._post(msg.PartialTranscript(token, text)),
            on_level=lambda db: self._post(msg.InputLevel(token, db)),
            on_final=lambda tr: self._post(msg.FinalTranscript(token, tr)),
            recording_path=str(path) if path is not None and path == self._audio else None,
        )

    def _stop_listening(self) -> None:
        """Switched to typing mid-answer: close the microphone, keep what it heard."""
        listener = self.voice_mic.listener
        self.spoken_answer = False
        # Shown at once from the live transcript; the final one replaces it when it comes.
        self.answer_area.set_heard(self._heard_text(self.answer_area.partial))
        if listener is not None:
            listener.finish_answer()  # its final transcript joins the answer

    def _forget_answer_input(self) -> None:
        """A new question, or the answer was dropped: nothing heard or typed yet."""
        self._listening.clear()
        self._heard.clear()
        self._typed_at = None

    def _heard_final(self, event: msg.FinalTranscript) -> None:
        """A stretch of listening ended: keep its words; finish the answer if it is over."""
        start = self._listening.pop(event.token, None)
        if start is None or self.session.phase is not _ANSWERING:
            return  # a question left behind, or a cancelled answer
        self._heard.append((event.transcript, start))
        live = event.token == self.token and self.spoken_answer
        if live:
            self.spoken_answer = False  # ended by ctrl+s, silence, the limit or the listener
        if (live or self.finishing) and not self._listening:
            self._complete(self._joined_answer())
        else:
            self.answer_area.set_heard(self._heard_text())

    def _heard_text(self, still_coming: str = "") -> str:
        return " ".join(t for t in [*(t.text for t, _ in self._heard), still_coming] if t)

    def _joined_answer(self) -> Transcript:
        """What was heard and what was typed in this answer, as one transcript."""
        typed = self.answer_area.typed_text
        joined = join_answer(self._heard, typed)
        if self._heard and typed.strip():
            self.notify("Your typed words were added to the spoken answer.")
        return joined

    def _typed_into_answer(self) -> None:
        """A key went into the answer: the answer is not silent while the user types."""
        if self.session.phase is _ANSWERING:
            self._typed_at = self.session.now()

    def _silence_heard(self) -> float | None:
        """Seconds of silence for ending the answer on it (None: not listening)."""
        listener = self.voice_mic.listener
        if not self.spoken_answer or listener is None:
            return None
        silence = listener.silence_seconds()
        if self._typed_at is not None:
            silence = min(silence, self.session.now() - self._typed_at)
        return silence

    def _post(self, message: Message) -> None:
        """For the voice's and microphone's threads (post_message is thread-safe)."""
        self.post_message(message)

    # -- which keys apply ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.waiting_for_voice_mic:
            return action == "end"
        if action == "type_answers":
            # Offered while answers are spoken, or the microphone could be (a lost
            # microphone mid-answer: the audio side tells the user to press f4).
            spoken_now = self.is_mounted and self.answer_area.mode == "spoken"
            return (
                not self.force_typed
                and (self.voice_mic.mic_on or spoken_now)
                and not self.finishing
                and not self.session.finished
            )
        if action == "speak_answers":
            return self.force_typed and self.voice_mic.mic_on and not self.finishing
        return super().check_action(action, parameters)
