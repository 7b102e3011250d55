"""How answers come in: waiting for the voice and microphone, then speaking, typing or both.

``InterviewScreen`` holds one ``AnswerInput`` (composition, not a base class)
beside its keys (``interview_keys``); the flow itself is in ``interview``. It
holds two things:

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

from dataclasses import replace
from typing import TYPE_CHECKING

from textual.message import Message

from hotseat.session import Phase
from hotseat.transcript import Note, Transcript, join_answer
from hotseat.tui import messages as msg
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
        # This answer's stretches of listening: token -> when it began on the answer
        # clock, until its final transcript arrives; then (transcript, start) in _heard.
        self._listening: dict[int, float] = {}
        self._heard: list[tuple[Transcript, float]] = []
        self._typed_at: float | None = None  # session time of the last key in this answer

    # -- getting ready ----------------------------------------------------------------

    def wait_for_voice_mic(self) -> None:
        """Hold the first question until the voice and microphone are ready."""
        screen = self.screen
        self.waiting_for_voice_mic = True
        self._waiting_since = screen.session.clock.now()
        what = screen.voice_mic.waiting_for(typed=screen.force_typed) or "the microphone"
        screen.card.show_notice(
            f"Getting {what} ready…",
            "The first question follows in a moment, spoken and answered aloud like the rest.",
        )
        screen.answer_area.display = False
        timer = screen.query_one(SessionTimer)
        timer.caption = f"Getting {what} ready…"
        timer.detail = f"At most {VOICE_MIC_WAIT:.0f} seconds · ctrl+l ends the session"
        screen.update_topbar()
        screen.refresh_bindings()

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
        if not voice_mic.ready and waited < VOICE_MIC_WAIT:
            return False
        self.waiting_for_voice_mic = False
        if voice_mic.loading:
            screen.notify(
                "The voice and microphone are taking long to start: this question has "
                "captions and typed answers; the next ones are spoken once they are ready.",
                severity="warning",
                timeout=8,
            )
        elif not voice_mic.ready and voice_mic.mic_on and not screen.force_typed:
            screen.notify(
                "The speech recogniser is still loading: answer aloud anyway, "
                "your words appear as soon as it is ready.",
                timeout=8,
            )
        screen.answer_area.display = True
        screen.begin()
        return True

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
        screen.notify("Typed answers from now on: type, then ctrl+s (f4 to speak again).")

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
            if area.mode == "typed" and screen.spoken_answer:
                self._stop_listening()
            elif area.mode == "spoken" and not screen.spoken_answer:
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
        screen.token += 1
        token = screen.token
        screen.spoken_answer = True
        # Word times count from here: the first stretch starts the answer clock.
        self._listening[token] = screen.session.answer_elapsed() if mid_answer else 0.0
        screen.answer_area.set_partial("")
        path = screen.recording_path()
        if screen.audio is None:
            screen.audio = path  # a later stretch is heard but not kept as the recording
        listener.start_answer(
            on_partial=lambda text: self._post(msg.PartialTranscript(token, text)),
            on_level=lambda db: self._post(msg.InputLevel(token, db)),
            on_final=lambda tr: self._post(msg.FinalTranscript(token, tr)),
            recording_path=str(path) if path is not None and path == screen.audio else None,
        )

    def _stop_listening(self) -> None:
        """Switched to typing mid-answer: close the microphone, keep what it heard."""
        screen = self.screen
        listener = screen.voice_mic.listener
        screen.spoken_answer = False
        # Shown at once from the live transcript; the final one replaces it when it comes.
        screen.answer_area.set_heard(self._heard_text(screen.answer_area.partial))
        if listener is not None:
            listener.finish_answer()  # its final transcript joins the answer

    def _post(self, message: Message) -> None:
        """For the microphone's threads (post_message is thread-safe)."""
        self.screen.post_message(message)

    @property
    def listening(self) -> bool:
        """A stretch of listening in this answer still waits for its final transcript."""
        return bool(self._listening)

    def forget(self) -> None:
        """A new question, or the answer was dropped: nothing heard or typed yet."""
        self._listening.clear()
        self._heard.clear()
        self._typed_at = None

    def heard_final(self, event: msg.FinalTranscript) -> None:
        """A stretch of listening ended: keep its words; finish the answer if it is over."""
        screen = self.screen
        start = self._listening.pop(event.token, None)
        if start is None or screen.session.phase is not _ANSWERING:
            return  # a question left behind, or a cancelled answer
        self._heard.append((event.transcript, start))
        live = event.token == screen.token and screen.spoken_answer
        if live:
            screen.spoken_answer = False  # ended by ctrl+s, silence, the limit or the listener
        if (live or screen.finishing) and not self._listening:
            screen.complete(self.joined_answer())
        else:
            screen.answer_area.set_heard(self._heard_text())

    def _heard_text(self, still_coming: str = "") -> str:
        return " ".join(t for t in [*(t.text for t, _ in self._heard), still_coming] if t)

    def joined_answer(self) -> Transcript:
        """What was heard and what was typed in this answer, as one transcript."""
        typed = self.screen.answer_area.typed_text
        joined = join_answer(self._heard, typed)
        if joined.typed_words:
            self.screen.notify("Your typed words were added to the spoken answer.")
        return joined

    def answer_so_far(self, note: str) -> Transcript:
        """The answer as it stands, for keeping it now (quitting mid-answer): what the
        microphone heard, its live transcript still on the way and what was typed.

        The live words have no times yet, so the whole is kept untimed (its delivery
        not measured); ``note`` says why it stopped.
        """
        screen = self.screen
        live = screen.answer_area.partial if screen.spoken_answer else ""
        heard = self._heard_text(live)
        typed = screen.answer_area.typed_text.strip()
        notes = (*(n for t, _ in self._heard for n in t.notes), Note(note))
        if not heard:
            return replace(Transcript.typed(typed), notes=notes)
        listener = screen.voice_mic.listener
        engine = listener.engine_name if listener is not None else self._heard[0][0].engine
        text = " ".join(part for part in (heard, " ".join(typed.split())) if part)
        return Transcript(text, engine=engine, notes=notes)

    def typed_into_answer(self) -> None:
        """A key went into the answer: the answer is not silent while the user types."""
        session = self.screen.session
        if session.phase is _ANSWERING:
            self._typed_at = session.now()

    def silence_heard(self) -> float | None:
        """Seconds of silence for ending the answer on it (None: not listening)."""
        screen = self.screen
        listener = screen.voice_mic.listener
        if not screen.spoken_answer or listener is None:
            return None
        silence = listener.silence_seconds()
        if self._typed_at is not None:
            silence = min(silence, screen.session.now() - self._typed_at)
        return silence

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
