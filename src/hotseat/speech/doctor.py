"""``hotseat doctor``: can the interviewer speak here, and what to install if not."""

from __future__ import annotations

import ctypes.util
import glob
import sys
from collections.abc import Iterator

from hotseat.check import Check
from hotseat.wording import count

_APT = "sudo apt install"
_VOICE = "interviewer voice"


def _espeak_check() -> Check | None:
    if not sys.platform.startswith("linux"):
        return None
    if ctypes.util.find_library("espeak-ng") or ctypes.util.find_library("espeak"):
        return Check("espeak-ng", "ok", "speech synthesizer found")
    return Check(
        "espeak-ng",
        "warn",
        "the espeak-ng speech synthesizer is not installed: captions only",
        f"{_APT} espeak-ng",
    )


def _alsa_pulse_check() -> Check | None:
    if not sys.platform.startswith("linux"):
        return None
    plugins = glob.glob("/usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so") + glob.glob(
        "/usr/lib/alsa-lib/libasound_module_pcm_pulse.so"
    )
    if plugins:
        return Check("alsa pulse plugin", "ok", "ALSA can play through PulseAudio/PipeWire")
    return Check(
        "alsa pulse plugin",
        "warn",
        "ALSA's PulseAudio plugin is missing: sound may not reach PulseAudio or PipeWire",
        f"{_APT} alsa-utils libasound2-plugins",
    )


def checks() -> Iterator[Check]:
    from hotseat.settings import load_settings
    from hotseat.speech.catalog import load_personas
    from hotseat.speech.player import Player
    from hotseat.speech.renderer import system_voices
    from hotseat.speech.voices import resolve_voice

    for extra in (_espeak_check(), _alsa_pulse_check()):
        if extra is not None:
            yield extra
    settings = load_settings()
    catalog = load_personas()
    engine, voices, problem = system_voices()
    if problem:
        yield Check(
            "text to speech",
            "warn",
            f"{problem}: the app runs with captions only",
            f"{_APT} espeak-ng (then run 'hotseat voices list')",
        )
    if voices:
        persona, problem = catalog.resolve(settings.persona)
        resolved = resolve_voice(persona.voice, voices, engine)
        detail = f"{engine}, {count(len(voices), 'voice')}; {persona.id} speaks with "
        detail += resolved.label if resolved else "no voice"
        yield Check("text to speech", "ok", detail)
        if problem:
            yield Check("persona", "warn", problem, "see 'hotseat voices list'")
    elif engine:
        yield Check("text to speech", "warn", f"{engine} has no voices", f"{_APT} espeak-ng-data")
    for problem in catalog.problems:
        yield Check("persona file", "warn", problem, "fix or remove that file")
    player = Player(settings.output_device)
    try:
        trouble = player.probe(detail=True)
    finally:
        player.close()
    if trouble:
        yield Check(
            "audio output",
            "warn",
            f"{trouble}: the voice cannot be heard",
            f"{_APT} libportaudio2 alsa-utils libasound2-plugins, and check 'aplay -l'; "
            "over SSH, forward your audio (PulseAudio) or use hotseat --mute",
        )
    else:
        yield Check("audio output", "ok", settings.output_device or "the default output device")
    if settings.muted:
        yield Check(_VOICE, "ok", "muted in settings (captions only)")
