"""Typed messages the voice, the microphone and the app's workers post to the UI.

The services call back from their own threads; these messages carry what
they said to the UI thread, where widgets may be touched. Each carries a
``token`` so that news about a question the user has already left is dropped.
"""

from __future__ import annotations

from textual.message import Message

from hotseat.services import Listener, Speaker
from hotseat.transcript import Transcript


class SpeechStarted(Message):
    def __init__(self, token: int, at: float) -> None:
        super().__init__()
        self.token = token
        self.at = at


class SpeechFinished(Message):
    def __init__(self, token: int, at: float, stopped: bool) -> None:
        super().__init__()
        self.token = token
        self.at = at
        self.stopped = stopped


class PartialTranscript(Message):
    def __init__(self, token: int, text: str) -> None:
        super().__init__()
        self.token = token
        self.text = text


class InputLevel(Message):
    def __init__(self, token: int, dbfs: float) -> None:
        super().__init__()
        self.token = token
        self.dbfs = dbfs


class FinalTranscript(Message):
    def __init__(self, token: int, transcript: Transcript) -> None:
        super().__init__()
        self.token = token
        self.transcript = transcript


class ServicesReady(Message):
    """The real voice and microphone have been built (either may be None)."""

    def __init__(
        self, speaker: Speaker | None, listener: Listener | None, notices: list[str]
    ) -> None:
        super().__init__()
        self.speaker = speaker
        self.listener = listener
        self.notices = notices


class ServicesChanged(Message):
    """A service's state changed (the recogniser finished loading)."""
