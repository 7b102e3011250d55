"""The interviewer's voice as the interview screen uses it.

Lines are spoken one after another (a greeting, "next question", then the
question itself), each with its persona's voice; the ``Speaker`` calls back
from its own thread and this class turns that into ``SpeechFinished``
messages carrying the screen's token, so the screen can drop stale news.
With no voice (muted, none installed) nothing is spoken and callers show
the same words as captions.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from textual.message import Message

from hotseat.session import ScriptLine, Session, Turn
from hotseat.speech.persona_book import PersonaBook
from hotseat.tui import messages as msg
from hotseat.tui.voice_mic import VoiceMic

Said = tuple[str, str]  # (text, persona id)


class InterviewerVoice:
    def __init__(
        self,
        voice_mic: VoiceMic,
        personas: PersonaBook,
        rng: random.Random,
        post: Callable[[Message], object],
        show: Callable[[str], object] = lambda _text: None,
    ) -> None:
        self.voice_mic = voice_mic
        self.personas = personas
        self.rng = rng
        self.post = post  # thread-safe: Textual's post_message
        self.show = show  # a caption for a line outside the question flow, with no voice
        self.speaking = False
        self._greeted = False
        self._queue: list[Said] = []
        self._token = 0

    def lines(self, script: tuple[ScriptLine, ...]) -> list[Said]:
        return [(self.personas.line(s.persona, s.key, self.rng), s.persona) for s in script]

    def line(self, persona: str, key: str) -> Said:
        return self.personas.line(persona, key, self.rng), persona

    def before_question(
        self, session: Session, opening: tuple[ScriptLine, ...], *, repeat: bool
    ) -> list[Said]:
        """What is said before the current question: the panel's greeting (the first
        time only), then the asker's lead-in ("next question"), unless it is repeated."""
        turn = session.current
        lines = [] if self._greeted else self.lines(opening)
        self._greeted = True
        if turn.lead_in and not repeat:
            lines.append(self.line(turn.persona, session.lead_in_key()))
        return lines

    def say(self, lines: list[Said], token: int) -> bool:
        """Start saying ``lines`` in order; False (nothing said) when there is no voice."""
        self._queue = [(text, persona) for text, persona in lines if text]
        self._token = token
        if not self.voice_mic.voice_on or not self._queue:
            self._queue.clear()
            return False
        self._next()
        return True

    def _next(self) -> None:
        speaker = self.voice_mic.speaker
        if speaker is None or not self._queue:
            return
        text, persona = self._queue.pop(0)
        token = self._token
        self.speaking = True

        def started(at: float) -> None:
            self.post(msg.SpeechStarted(token, at))

        def finished(at: float, stopped: bool) -> None:
            self.post(msg.SpeechFinished(token, at, stopped))

        speaker.speak(text, persona, on_started=started, on_finished=finished)

    def finished(self, event: msg.SpeechFinished) -> bool:
        """One line has played: say the next. True when all of them are done."""
        if self._queue and not event.stopped and self.voice_mic.voice_on:
            self._next()
            return False
        self._queue.clear()
        self.speaking = False
        return True

    def stop(self) -> None:
        """Silence now; the last line's ``SpeechFinished`` reports it stopped."""
        self._queue.clear()
        if self.speaking and self.voice_mic.speaker is not None:
            self.voice_mic.speaker.stop()

    def drop(self) -> None:
        """Stop and forget: the caller has moved on (its token changed)."""
        self.stop()
        self.speaking = False

    def aside(self, said: Said) -> None:
        """A line outside the question flow (interrupt, warning, closing): spoken, or
        shown as a caption ("Maya: Time is up.") when there is no voice."""
        speaker = self.voice_mic.speaker
        text, persona = said
        if not text:
            return
        if self.voice_mic.voice_on and speaker is not None:
            speaker.speak(text, persona)
        else:
            self.show(f"{self.personas.name(persona)}: {text}")

    def prepare(self, turn: Turn) -> None:
        """Render the next question ahead, so it starts playing promptly."""
        speaker = self.voice_mic.speaker
        if self.voice_mic.voice_on and speaker is not None:
            speaker.prepare(turn.question.text, turn.persona)
