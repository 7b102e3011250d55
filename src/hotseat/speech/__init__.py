"""The interviewer's voice: personas, voice choice, rendering and exact playback.

``create_speaker(settings)`` builds the ``Speaker`` the app and ``hotseat say`` use.
Nothing here imports Textual; callbacks come from worker threads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hotseat.speech.catalog import DEFAULT_PERSONA, PersonaCatalog, load_personas
from hotseat.speech.persona import LINE_KINDS, Persona, PersonaError, VoicePreference
from hotseat.speech.voices import ResolvedVoice, SystemVoice, resolve_voice

if TYPE_CHECKING:
    from hotseat.settings import Settings
    from hotseat.speech.speaker import VoiceSpeaker

__all__ = [
    "DEFAULT_PERSONA",
    "LINE_KINDS",
    "Persona",
    "PersonaCatalog",
    "PersonaError",
    "ResolvedVoice",
    "SystemVoice",
    "VoicePreference",
    "create_speaker",
    "load_personas",
    "resolve_voice",
]


def create_speaker(
    settings: Settings, *, catalog: PersonaCatalog | None = None, wait: float = 10.0
) -> VoiceSpeaker:
    """The interviewer's voice as the settings ask (muted, output device).

    ``catalog``: the personas already read (the app's), so the voices and the lines
    come from one reading of the files; by default they are read here.
    Blocks (call it off the UI thread) until the speech engine has been probed, at
    most ``wait`` seconds, so that ``available`` and ``notice`` are already true.
    """
    from hotseat.speech.speaker import VoiceSpeaker

    speaker = VoiceSpeaker(
        muted=settings.muted, output_device=settings.output_device, catalog=catalog
    )
    speaker.wait_ready(wait)
    return speaker
