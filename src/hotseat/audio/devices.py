"""Which microphones exist, and which one the user meant.

A device is chosen with ``--input-device`` or the ``input_device`` setting:
a device number (as ``hotseat doctor`` lists them) or part of its name,
case-insensitive. Empty means the system's default input.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any


class DeviceError(Exception):
    """No usable microphone; the message is one sentence for the user."""


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    channels: int
    rate: int  # the device's native (default) sample rate
    hostapi: str
    default: bool = False

    def label(self) -> str:
        mark = " (default)" if self.default else ""
        return f"{self.index}: {self.name} [{self.hostapi}, {self.rate} Hz]{mark}"


def import_sounddevice() -> ModuleType:
    """Import sounddevice, turning a missing PortAudio into a clear DeviceError.

    Importing it initialises PortAudio: only the audio owner thread calls this
    (``audio.owner``); everything else asks the owner.
    """
    from hotseat.audio.alsa_quiet import silence_alsa_errors

    silence_alsa_errors()
    try:
        import sounddevice
    except OSError as exc:  # raised when libportaudio is not installed
        raise DeviceError(
            f"the audio library PortAudio is missing ({exc}); install libportaudio2"
        ) from None
    module: ModuleType = sounddevice
    return module


def list_input_devices() -> list[InputDevice]:
    """Every input device PortAudio knows (asked on the audio owner thread)."""
    from hotseat.audio.owner import audio_owner

    owner = audio_owner()
    return owner.call(lambda: _list_input_devices(owner.sounddevice()))


def _list_input_devices(sd: ModuleType) -> list[InputDevice]:
    try:
        raw: Any = sd.query_devices()
        apis: Any = sd.query_hostapis()
        default_in = sd.default.device[0]
    except Exception as exc:  # PortAudio errors are not one class
        raise DeviceError(f"cannot list audio devices: {exc}") from None
    devices: list[InputDevice] = []
    for index, info in enumerate(raw):
        if int(info["max_input_channels"]) < 1:
            continue
        devices.append(
            InputDevice(
                index=index,
                name=str(info["name"]),
                channels=int(info["max_input_channels"]),
                rate=round(float(info["default_samplerate"])),
                hostapi=str(apis[int(info["hostapi"])]["name"]),
                default=index == default_in,
            )
        )
    if devices and not any(d.default for d in devices):
        # PortAudio sometimes names no default; prefer the sound server's own device.
        preferred = next((d for d in devices if d.name in ("pulse", "pipewire", "default")), None)
        chosen = preferred or devices[0]
        devices = [
            InputDevice(d.index, d.name, d.channels, d.rate, d.hostapi, d is chosen)
            for d in devices
        ]
    return devices


def choose_input_device(spec: str = "") -> InputDevice:
    """The device ``spec`` names (number or part of the name), or the default one."""
    devices = list_input_devices()
    if not devices:
        raise DeviceError("no microphone was found")
    spec = spec.strip()
    if not spec:
        return next(d for d in devices if d.default)
    if spec.isdigit():
        for device in devices:
            if device.index == int(spec):
                return device
        raise DeviceError(f"there is no input device number {spec} (see 'hotseat doctor')")
    wanted = spec.casefold()
    exact = [d for d in devices if d.name.casefold() == wanted]
    matches = exact or [d for d in devices if wanted in d.name.casefold()]
    if not matches:
        raise DeviceError(f"no input device matches {spec!r} (see 'hotseat doctor')")
    if len(matches) > 1:
        names = ", ".join(f"{d.index}: {d.name}" for d in matches[:4])
        raise DeviceError(f"{spec!r} matches several input devices ({names}); give its number")
    return matches[0]
