"""Choosing the microphone by number or by part of its name (private PulseAudio server)."""

from __future__ import annotations

import pytest

from hotseat.audio.devices import DeviceError, choose_input_device, list_input_devices
from tests.support.pulse import PulseServer

pytestmark = pytest.mark.audio


def test_lists_input_devices_with_one_default(pulse: PulseServer) -> None:
    devices = list_input_devices()
    assert devices, "the private server's microphone should be visible through ALSA"
    assert sum(d.default for d in devices) == 1
    assert all(d.rate >= 8000 and d.channels >= 1 for d in devices)


def test_choose_by_number_name_part_or_default(pulse: PulseServer) -> None:
    devices = list_input_devices()
    default = next(d for d in devices if d.default)
    assert choose_input_device("") == default
    assert choose_input_device(str(default.index)) == default
    others = [d.name.casefold() for d in devices if d != default]
    name = default.name
    pieces = [name[i:j] for i in range(len(name)) for j in range(i + 3, len(name) + 1)]
    # A piece of the name that no other device has, in the wrong case.
    part = next(p for p in pieces if not any(p.casefold() in o for o in others)).upper()
    assert choose_input_device(part) == default


@pytest.mark.parametrize(
    ("spec", "message"),
    [("999", "no input device number 999"), ("no such microphone", "no input device matches")],
)
def test_unknown_device_is_a_clear_error(pulse: PulseServer, spec: str, message: str) -> None:
    with pytest.raises(DeviceError, match=message) as caught:
        choose_input_device(spec)
    assert "hotseat doctor" in str(caught.value)
