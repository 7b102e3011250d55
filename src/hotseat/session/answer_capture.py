"""The microphone's side of one answer: listening, what was heard, what was typed.

An answer may be spoken, typed, or both: the user may switch between them
mid-answer (f4), so one answer can hold several stretches of listening, each
ended by its own final transcript. :class:`AnswerCapture` keeps, for the
current answer:

- ``token``: bumped whenever a question is (re)asked or a stretch of listening
  starts. News that carries an older token (a voice line finished, a partial or
  final transcript) is stale: the client drops it.
- the stretches still listening (token -> where each began on the answer clock)
  and those heard (their final transcripts), joined with the typed text into
  the one transcript that is saved and assessed (:func:`join_answer`);
- ``recording``: where the spoken answer is recorded (its first stretch only);
- ``spoken`` (the microphone is listening now), ``finishing`` (the answer is
  over and waits for its final transcript), ``not_waiting`` (the user chose not
  to wait for it: the live text is on its way) and ``cut_off`` (the interviewer
  ended it at the hard limit).

It is plain data and calls on a :class:`Listener`: it never touches the
screen. The UI thread owns it; the listener calls the ``Reports`` callbacks
from its own threads, so they must only hand news on (Textual's
``post_message``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from hotseat.session.heard import HeardAnswer
from hotseat.speaker_listener import Listener
from hotseat.transcript import Note, NoteKind, Transcript


@dataclass(frozen=True)
class Reports:
    """Where the listener's news goes, each with the token of its stretch (any thread)."""

    partial: Callable[[int, str], object]
    level: Callable[[int, float], object]
    final: Callable[[int, Transcript], object]
    # A pending final transcript, finished from the recording (``session.heard``).
    revised: Callable[[HeardAnswer, int, Transcript], object] | None = None


class Final(Enum):
    """What a stretch's final transcript means for the answer."""

    STALE = "stale"  # a question left behind, or a cancelled answer: ignore it
    HEARD = "heard"  # kept; the answer goes on (or waits for another stretch)
    COMPLETE = "complete"  # the answer is over and everything is in: assess it


@dataclass
class AnswerCapture:
    token: int = 0
    recording: Path | None = None
    spoken: bool = False
    finishing: bool = False
    not_waiting: bool = False
    cut_off: bool = False
    _listening: dict[int, float] = field(default_factory=dict)
    heard: HeardAnswer = field(default_factory=HeardAnswer)
    _typed_at: float | None = None  # session time of the last key in this answer

    def new_question(self) -> None:
        """A question is (re)asked: nothing heard, typed or recorded yet."""
        self.token += 1
        self.spoken = self.finishing = self.not_waiting = self.cut_off = False
        self.recording = None
        self._listening.clear()
        self.heard = HeardAnswer()  # one still being finished keeps its own
        self._typed_at = None

    # -- listening ----------------------------------------------------------------------

    def listen(
        self,
        listener: Listener,
        at: float,
        path: Path | None,
        reports: Reports,
        began_at: float | None = None,
    ) -> None:
        """Open the microphone for a stretch of this answer that begins ``at`` seconds
        into the answer clock (0 for the first; later when switched back to speaking).
        ``began_at``: when the answer clock started, on ``time.monotonic()``, for the
        first stretch: its first word's delay counts from then."""
        self.token += 1
        token = self.token
        self.spoken = True
        self._listening[token] = at
        if self.recording is None:
            self.recording = path  # a later stretch is heard but not kept as the recording

        def partial(text: str) -> None:
            reports.partial(token, text)

        def level(dbfs: float) -> None:
            reports.level(token, dbfs)

        def final(transcript: Transcript) -> None:
            reports.final(token, transcript)

        heard, revised = self.heard, reports.revised

        def finished(transcript: Transcript) -> None:
            if revised is not None:
                revised(heard, token, transcript)

        kept = path is not None and path == self.recording
        listener.start_answer(
            on_partial=partial,
            on_level=level,
            on_final=final,
            recording_path=str(path) if kept else None,
            answer_began_at=began_at,
            on_revised=finished if revised is not None else None,
        )

    def stop_listening(self, listener: Listener) -> None:
        """Switched to typing mid-answer: close the microphone; its final transcript
        still joins the answer."""
        self.spoken = False
        listener.finish_answer()

    @property
    def listening(self) -> bool:
        """A stretch of listening in this answer still waits for its final transcript."""
        return bool(self._listening)

    def heard_final(self, token: int, transcript: Transcript, *, answering: bool) -> Final:
        """A stretch ended with ``transcript``: keep its words, and say whether the
        answer is now complete."""
        start = self._listening.pop(token, None)
        if start is None or not answering:
            return Final.STALE
        self.heard.add(token, transcript, start)
        live = token == self.token and self.spoken
        if live:
            self.spoken = False  # ended by ctrl+s, silence, the limit or the listener
        if (live or self.finishing) and not self._listening:
            return Final.COMPLETE
        return Final.HEARD

    def heard_text(self, still_coming: str = "") -> str:
        """The words heard so far in this answer, then ``still_coming`` (live text)."""
        parts = [*(t.text for t, _ in self.heard.parts), still_coming]
        return " ".join(t for t in parts if t)

    # -- the end of the answer ----------------------------------------------------------

    def end(self, listener: Listener | None) -> bool:
        """The answer is over. True when a final transcript is still to come (the
        answer completes when it arrives); False when it can be assessed now."""
        live = self.spoken and listener is not None
        if not live and not self._listening:
            return False
        self.finishing = True
        if live and listener is not None:
            listener.finish_answer()  # the final transcript arrives through Reports.final
        return True

    def drop(self, listener: Listener | None) -> None:
        """Forget the answer under way (skipped, repeated, ended): late news is stale."""
        self.token += 1
        if self.spoken and listener is not None:
            listener.cancel()
        self.spoken = self.finishing = self.not_waiting = False
        self.recording = None

    def close_now(self, listener: Listener | None) -> Path | None:
        """Keep the answer as it stands (quitting): the microphone stops, its recording
        is kept and its late final is stale. Returns the recording."""
        if self.spoken and listener is not None:
            listener.finish_answer()
        self.token += 1
        self.spoken = self.finishing = self.not_waiting = False
        return self.take_recording()

    def take_recording(self) -> Path | None:
        """The answer's recording, handed over once (to be saved with it)."""
        recording, self.recording = self.recording, None
        return recording

    def joined(self, typed: str) -> Transcript:
        """What was heard and what was typed in this answer, as one transcript."""
        self.finishing = self.not_waiting = self.spoken = False
        return self.heard.joined(typed)

    def so_far(self, *, live: str, typed: str, note: str, engine: str) -> Transcript:
        """The answer as it stands, for keeping it now (quitting mid-answer): what the
        microphone heard, ``live`` text still on the way and what was typed.

        The live words have no times yet, so the whole is kept untimed (its delivery
        not measured); ``note`` says why it stopped.
        """
        heard = self.heard_text(live if self.spoken else "")
        typed = typed.strip()
        notes = (*(n for t, _ in self.heard.parts for n in t.notes), Note(note, NoteKind.STOPPED))
        if not heard:
            return replace(Transcript.typed(typed), notes=notes)
        engine = engine or self.heard.parts[0][0].engine
        text = " ".join(part for part in (heard, " ".join(typed.split())) if part)
        return Transcript(text, engine=engine, notes=notes)

    # -- silence --------------------------------------------------------------------------

    def typed_into(self, now: float) -> None:
        """A key went into the answer at session time ``now``: it is not silent."""
        self._typed_at = now

    def silence(self, listener: Listener | None, now: float) -> float | None:
        """Seconds of silence, for ending the answer on it (None: not listening)."""
        if not self.spoken or listener is None:
            return None
        silence = listener.silence_seconds()
        if self._typed_at is not None:
            silence = min(silence, now - self._typed_at)
        return silence
