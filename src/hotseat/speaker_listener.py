"""The interviewer's voice (``Speaker``) and the microphone (``Listener``), as protocols.

The TUI (and the CLI) depend only on these; the voice and microphone
subsystems implement them. Callbacks are called from the services' own
worker threads: a Textual client must turn them into messages
(``post_message``) and never touch widgets from them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from hotseat.transcript import Transcript


class Speaker(Protocol):
    """The interviewer's voice.

    The real one is ``hotseat.speech.create_speaker(settings)`` (a
    ``VoiceSpeaker``). The microphone asks ``speaking`` from its own thread (through
    ``tui.voice_mic.paused_when``) and hears silence while it is true.
    """

    @property
    def available(self) -> bool:
        """False when no speech can be produced (captions only)."""
        ...

    @property
    def notice(self) -> str:
        """One clear sentence for the user when not available, else ''."""
        ...

    muted: bool

    def speak(
        self,
        text: str,
        persona_id: str,
        on_started: Callable[[float], None] | None = None,
        on_finished: Callable[[float, bool], None] | None = None,
    ) -> None:
        """Say ``text``; returns at once.

        ``on_started(t)`` fires when the first audio really leaves the speaker and
        ``on_finished(t, stopped)`` when the last audio has played (``stopped`` is
        True when cut short by ``stop()`` or by a newer ``speak``). ``t`` is
        ``time.monotonic()``: for a line heard in full it is the measured end of
        the speech, and the call comes within a few milliseconds of it. When
        muted or unavailable, ``on_finished`` fires at once (``on_started``
        never). Exactly one ``on_finished`` per ``speak``.
        """
        ...

    def prepare(self, text: str, persona_id: str) -> None:
        """Render or warm up a line that will be spoken soon."""
        ...

    def stop(self) -> None:
        """Silence now (within 150 ms)."""
        ...

    @property
    def speaking(self) -> bool:
        """True while audio is playing (the microphone pauses meanwhile)."""
        ...

    def close(self) -> None: ...


class Listener(Protocol):
    """The microphone and the recognizer behind it."""

    @property
    def available(self) -> bool: ...

    @property
    def notice(self) -> str: ...

    @property
    def engine_name(self) -> str:
        """'vosk', 'sphinx' or 'none'."""
        ...

    @property
    def ready(self) -> bool:
        """True once the microphone was looked for and the recognizer has loaded
        (or failed to: then ``available`` is False and ``notice`` says why)."""
        ...

    def start_answer(
        self,
        on_partial: Callable[[str], None],
        on_level: Callable[[float], None],
        on_final: Callable[[Transcript], None],
        recording_path: str | None = None,
        answer_began_at: float | None = None,
        on_revised: Callable[[Transcript], None] | None = None,
    ) -> None:
        """Start recording and transcribing an answer; returns at once.

        ``on_partial(text)``: the live transcript so far (deduplicated);
        ``on_level(dbfs)``: input level about 20 times a second;
        ``on_final(transcript)``: once, after ``finish_answer()`` or ``cancel()``.
        Word times in the final transcript count from the call to start_answer.
        ``answer_began_at`` (``time.monotonic()`` when the answer clock started: the
        question fully asked, or the thinking time over), when given, makes the
        transcript's ``first_word_delay`` count from then, not from this call (the
        voice's end reaches the screen as a message, a little later).
        ``on_revised(transcript)``, when given: once, after an ``on_final`` transcript
        that is ``pending`` (the final words were late, or not waited for), with the
        transcript finished from the answer's recording (any thread, seconds later).
        """
        ...

    def finish_answer(self) -> None:
        """End the answer: the final transcript arrives through on_final."""
        ...

    def skip_waiting(self) -> None:
        """After ``finish_answer``: stop waiting for the final words; the live text so
        far arrives through on_final at once (with a note that says so)."""
        ...

    def cancel(self) -> None: ...

    def silence_seconds(self) -> float:
        """How long the input has been silent (for ending on silence)."""
        ...

    def close(self) -> None: ...
