"""``hotseat doctor``: is there a microphone, and does it hear anything?"""

from __future__ import annotations

import time
from collections.abc import Iterator

from hotseat.check import Check

_NO_MIC_FIX = (
    "plug in a microphone and check 'arecord -l'; over SSH, forward your audio "
    "(PulseAudio) or answer by typing (hotseat --typed)"
)


def level_check(seconds: float = 0.6, device_spec: str = "") -> Check:
    """Record briefly from the chosen microphone and report its loudest moment."""
    from hotseat.audio.answer_source import Capture
    from hotseat.audio.capture import MicStream
    from hotseat.audio.devices import DeviceError
    from hotseat.audio.level import dbfs
    from hotseat.audio.resample import StreamConverter

    mic = MicStream(device_spec)
    try:
        mic.open()
        capture = Capture(mic)
        capture.start()
    except DeviceError as exc:
        return Check("microphone level", "warn", str(exc), _NO_MIC_FIX)
    converter = StreamConverter(capture.rate)
    pcm = bytearray()
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            block = capture.read(timeout=0.1)
            if block is not None:
                pcm += converter.process(block)
    finally:
        capture.stop()
        mic.close()
    device_name = mic.device.name if mic.device is not None else "the microphone"
    if not pcm:
        return Check(
            "microphone level",
            "warn",
            f"{device_name} delivered no audio",
            "check that no other program holds the microphone",
        )
    windows = [dbfs(bytes(pcm[i : i + 1600])) for i in range(0, len(pcm), 1600)]
    loudest = max(windows)
    if loudest <= -90.0:
        return Check(
            "microphone level",
            "warn",
            f"{device_name}: silent ({loudest:.0f} dBFS)",
            "unmute the microphone and raise its input volume (alsamixer or pavucontrol)",
        )
    return Check("microphone level", "ok", f"{device_name}: loudest {loudest:.0f} dBFS")


def checks() -> Iterator[Check]:
    from hotseat.audio.devices import DeviceError, choose_input_device, list_input_devices
    from hotseat.settings import load_settings

    try:
        devices = list_input_devices()
    except DeviceError as exc:
        yield Check("microphone", "warn", str(exc), "sudo apt install libportaudio2")
        return
    if not devices:
        yield Check("microphone", "warn", "no microphone found: answers will be typed", _NO_MIC_FIX)
        return
    for device in devices[:8]:
        yield Check("input device", "ok", device.label())
    spec = load_settings().input_device
    try:
        chosen = choose_input_device(spec)
    except DeviceError as exc:
        yield Check(
            "microphone",
            "warn",
            f"the input_device setting {spec!r}: {exc}",
            "set input_device to a number or name shown above",
        )
        return
    yield Check("microphone", "ok", f"using {chosen.label()}")
    yield level_check(device_spec=spec)
