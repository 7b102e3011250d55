"""The listener's microphone: the session's one stream, each answer's source, its mishaps.

``MicInput`` keeps the microphone stream (``audio.capture.MicStream``) that the
listener opens once, on its loader thread, and keeps open for the session; it
hands each answer a source reading that stream (or the stand-in a test or a
benchmark gives), and says why there is no microphone when there is none.

When the device goes away or comes back, or the sound system stalls and
resumes (a server starved by a very busy machine: the device is still there),
the audio owner thread calls ``changed``; the event is kept with the time it
happened, so the answer's transcript can say when the audio stopped and came
back (``notes``) and the worker can fill the gap with silence (``fill_gap``)
so word times still match the answer clock.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from hotseat.asr.answer import AnswerInProgress
from hotseat.asr.engine import SAMPLE_RATE
from hotseat.audio.answer_source import AudioSource, Capture
from hotseat.audio.capture import Block, MicStream
from hotseat.audio.devices import DeviceError
from hotseat.transcript import Note, NoteKind

NO_MIC = "No microphone is available ({reason}): type your answers instead."

# ("lost" | "back" | "stalled" | "resumed", what to tell the user, monotonic time)
DeviceEvent = tuple[str, str, float]


class MicInput:
    """``source_factory``: where each answer's audio comes from instead of the device
    (tests, benchmarks); ``on_device(kind, text)`` hears of the device going and
    coming back (from the audio owner thread)."""

    def __init__(
        self,
        device_spec: str,
        source_factory: Callable[[], AudioSource] | None = None,
        on_device: Callable[[str, str], None] | None = None,
    ) -> None:
        self._source_factory = source_factory
        self._on_device = on_device
        self.stream = MicStream(device_spec) if source_factory is None else None
        self.notice = ""  # why there is no microphone ("" while there may be one)
        self.events: list[DeviceEvent] = []
        self.handled = 0  # device events the worker has taken into account

    def open(self) -> None:
        """Open the stream for the session (the loader thread), or say why it cannot be."""
        if self.stream is None:
            return
        try:
            self.stream.open()
            self.stream.subscribe(self.changed)
        except DeviceError as exc:
            self.notice = NO_MIC.format(reason=exc)
        except Exception as exc:  # the owner thread timed out, or PortAudio failed oddly
            self.notice = NO_MIC.format(reason=exc)

    @property
    def lost(self) -> bool:
        return self.stream is not None and self.stream.lost

    @property
    def silent(self) -> bool:
        """No audio comes: the microphone is lost, or the sound system has stalled."""
        return self.lost or (self.stream is not None and self.stream.stalled)

    @property
    def unseen_events(self) -> bool:
        """The device went or came back and the worker has not counted silence afresh."""
        return len(self.events) > self.handled

    def source(self) -> AudioSource:
        """What one answer reads; DeviceError when there is no microphone."""
        if self._source_factory is not None:
            return self._source_factory()
        if self.stream is None or self.notice:
            raise DeviceError(self.notice or "no microphone")
        return Capture(self.stream)

    def unavailable(self, error: DeviceError) -> Note:
        """No microphone for this answer (nor the ones after): the note that says so."""
        self.notice = NO_MIC.format(reason=error)
        return Note(self.notice, NoteKind.INCOMPLETE)

    def late(self, seconds: float) -> Note:
        """The microphone gave its first sound ``seconds`` into the answer (it was still
        getting ready): the client is told at once (``on_device("late", ...)``), and the
        note says what it means for the answer."""
        clock = _clock(seconds) if seconds >= 60 else f"{seconds:.1f} s"  # never "0:00"
        if self._on_device is not None:
            self._on_device("late", f"it only started listening at {clock}")
        text = (
            f"the microphone only started listening {clock} into the answer (it was still "
            "getting ready): what was said before that is not in the recording or the "
            "transcript"
        )
        return Note(text, NoteKind.INCOMPLETE)

    def changed(self, kind: str, text: str) -> None:
        """From the audio owner thread: the microphone went away or came back, or the
        sound system stalled (said seconds after it began, from when it began) or
        resumed."""
        at = time.monotonic()
        if kind == "stalled" and self.stream is not None:
            at = min(at, self.stream.stalled_from)
        self.events.append((kind, text, at))
        if self._on_device is not None:
            self._on_device(kind, text)

    def notes(self, since: int, began: float) -> list[Note]:
        """What happened to the microphone since event ``since`` of an answer that began
        at ``began`` (time.monotonic()), for its transcript."""
        notes = []
        for kind, text, at in self.events[since:]:
            clock = _clock(at - began)
            if kind == "lost":
                lost = f"the microphone was lost at {clock}: {text}; the gap is silent"
                notes.append(Note(lost, NoteKind.INCOMPLETE))
            elif kind == "stalled":
                stalled = (
                    f"the sound system stalled at {clock} (it delivered no audio): "
                    "nothing was recorded until it resumed, and the gap is silent"
                )
                notes.append(Note(stalled, NoteKind.INCOMPLETE))
            elif kind == "resumed":
                notes.append(Note(f"recording resumed at {clock} ({text})", NoteKind.CONTEXT))
            else:
                notes.append(Note(f"the microphone came back at {clock}", NoteKind.CONTEXT))
        if self.lost:
            gone = "the microphone was still gone when the answer ended"
            notes.append(Note(gone, NoteKind.INCOMPLETE))
        return notes

    @staticmethod
    def fill_gap(answer: AnswerInProgress, began: float) -> None:
        """No audio comes (the microphone is gone, or the sound system stalled): silence
        stands in, so the answer keeps the clock's length."""
        heard = answer.offset + answer.samples / SAMPLE_RATE
        missing = time.monotonic() - began - heard
        if missing >= 0.1:
            answer.feed(bytes(int(missing * SAMPLE_RATE) * 2), heard=False)
            # The gap is not the candidate's pause: once the microphone is back, a drill
            # that ends answers on silence must not count it (it cut answers off there).
            answer.silence.restart()

    @staticmethod
    def catching_up(answer: AnswerInProgress, began: float, block: Block) -> bool:
        """``block`` is digital silence while the answer already holds more audio than
        its clock: a stalled sound server catching up on the time it stood still (its
        null or idle source renders that time as zeros at once), a gap already filled
        (``fill_gap``). No microphone delivers exact zeros; late real audio is kept."""
        heard = answer.offset + answer.samples / SAMPLE_RATE
        return heard - (time.monotonic() - began) > 0.5 and not block.any()

    def stop_tap(self) -> None:
        """A broken answer hears no more of the stream."""
        if self.stream is not None:
            self.stream.tap(None)

    def close(self) -> None:
        if self.stream is not None:
            with contextlib.suppress(Exception):  # closing must never fail
                self.stream.close()


def _clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
