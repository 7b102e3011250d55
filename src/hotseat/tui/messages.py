"""Typed messages the voice, the microphone and the app's workers post to the UI.

The services call back from their own threads; these messages carry what
they said to the UI thread, where widgets may be touched. They are
dataclasses (Textual calls ``__post_init__`` for its own fields).

- The first five are news about one question, for the interview screen: each
  carries the screen's ``token``, so news about a question the user has already
  left is dropped.
- The next three are the voice's and microphone's news for the app
  (``app_voice_mic``).
- The last four are the interview screen's news for the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from hotseat.session import Session, Turn
from hotseat.session.heard import HeardAnswer
from hotseat.transcript import Transcript
from hotseat.tui.voice_mic import Built


@dataclass
class SpeechStarted(Message):
    token: int
    at: float


@dataclass
class SpeechFinished(Message):
    token: int
    at: float
    stopped: bool


@dataclass
class PartialTranscript(Message):
    token: int
    text: str


@dataclass
class InputLevel(Message):
    token: int
    dbfs: float


@dataclass
class FinalTranscript(Message):
    token: int
    transcript: Transcript


@dataclass
class VoiceMicBuilt(Message):
    """The real voice and microphone have been built (``voice_mic.build_voice_mic``)."""

    built: Built


class RecognizerLoaded(Message):
    """The microphone's recogniser finished loading (or failed to)."""


@dataclass
class MicrophoneChanged(Message):
    """The microphone went away (``kind`` "lost") or came back ("back"), was late
    ("late"), or the sound system stalled ("stalled") and resumed ("resumed")."""

    kind: str
    text: str


@dataclass
class TurnDone(Message):
    """A turn is over (answered and assessed, or skipped): the moment to keep it.

    ``turn`` is a snapshot (``Turn.snapshot``): the history's thread saves it while
    the session goes on changing its own."""

    turn: Turn
    audio_path: Path | None
    quit_after: bool = False  # ctrl+q mid-answer: hotseat closes once it is kept


@dataclass
class TranscriptRevised(Message):
    """A stretch of an answer whose final words were late was finished from its
    recording (``asr.finisher``): posted to the App, which outlives the interview."""

    heard: HeardAnswer
    token: int
    transcript: Transcript


@dataclass
class SessionFinished(Message):
    """The session is over (last question done, or ended early)."""

    session: Session
    title: str


@dataclass
class MuteToggled(Message):
    muted: bool


@dataclass
class MicHold(Message):
    """Paused (``held``) or running again: the app holds the microphone meanwhile."""

    held: bool
