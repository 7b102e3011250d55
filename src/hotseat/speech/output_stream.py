"""The speaker side of PortAudio: finding the output device, one stream per clip.

Everything here runs on the process's audio owner thread (``audio.owner``):
PortAudio is not thread-safe. ``open_clip`` opens and starts an output stream
for one clip, padded with ``PAD_SECONDS`` of silence (some backends, such as
ALSA's pulse plugin, drop the last buffer when a stream completes); a card
that cannot play the clip's rate gets it resampled to 48 kHz. The PortAudio
callback only copies samples into the buffer, notes the time of its first
call (``Clip.start``: then plus the latency PortAudio reports for that buffer)
and counts underflows; it stops at the end of the clip, or at once, silent,
when the clip's ``stopped`` event is set.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import numpy as np

from hotseat.audio.owner import AudioOwner

log = logging.getLogger(__name__)

PAD_SECONDS = 0.3


class OutputError(RuntimeError):
    """Audio output does not work; the message is one sentence for the user."""


class Clip:
    """What the callback of one stream shares with the player thread."""

    def __init__(self, data: np.ndarray, stopped: threading.Event) -> None:
        self.data = data  # the speech, then the padding
        self.stopped = stopped  # set: fall silent and end at once
        self.pos = 0
        self.start = 0.0  # time.monotonic() when the first sample reaches the speaker
        self.first = threading.Event()  # the callback has been called
        self.done = threading.Event()  # the stream has finished
        self.underflows = 0


def device_of(spec: str) -> int | str | None:
    """The device setting as PortAudio takes it: None (the default), an index or a name."""
    spec = spec.strip()
    if not spec:
        return None
    return int(spec) if spec.isdigit() else spec


def probe_output(owner: AudioOwner, device: int | str | None, detail: bool) -> str:
    """On the owner thread: '' when the output device can be found, else why not."""
    from hotseat.audio.devices import DeviceError

    try:
        sd = owner.sounddevice()
    except DeviceError as exc:  # libportaudio2 is missing
        log.info("the audio library could not load: %s", exc)
        plain = "the sound library is not installed"
        return f"{plain}: {exc}" if detail else plain
    try:
        sd.query_devices(device, kind="output")
    except (sd.PortAudioError, ValueError) as exc:
        log.info("no audio output device (%s): %s", device, exc)
        if device is None:
            plain = "no speakers or headphones were found"
        else:
            plain = f"no speaker called {device!r} was found"
        return f"{plain} (PortAudio: {exc})" if detail else plain
    return ""


def open_clip(
    owner: AudioOwner,
    device: int | str | None,
    samples: np.ndarray,
    rate: int,
    stopped: threading.Event,
) -> tuple[Any, Clip, float]:
    """On the owner thread: a started stream playing ``samples``, its clip, and the
    seconds of speech in it; raises OutputError."""
    from hotseat.audio.devices import DeviceError

    try:
        sd = owner.sounddevice()
    except DeviceError as exc:
        raise OutputError(f"audio output failed ({exc})") from None
    try:
        try:
            stream, clip = _open(owner, device, samples, rate, stopped)
        except sd.PortAudioError:  # e.g. a card that cannot play this sample rate
            samples, rate = _resample(samples, rate, 48000), 48000
            stream, clip = _open(owner, device, samples, rate, stopped)
    except (sd.PortAudioError, ValueError) as exc:
        raise OutputError(f"audio output failed ({exc})") from None
    return stream, clip, len(samples) / rate


def _open(
    owner: AudioOwner,
    device: int | str | None,
    samples: np.ndarray,
    rate: int,
    stopped: threading.Event,
) -> tuple[Any, Clip]:
    sd = owner.sounddevice()
    clip = Clip(np.concatenate([samples, np.zeros(int(rate * PAD_SECONDS), np.float32)]), stopped)

    def callback(outdata: np.ndarray, frames: int, timing: Any, status: Any) -> None:
        if status.output_underflow:
            clip.underflows += 1
        if not clip.first.is_set():
            delay = float(timing.outputBufferDacTime - timing.currentTime)
            clip.start = time.monotonic() + min(max(delay, 0.0), 0.5)
            clip.first.set()
        if clip.stopped.is_set():
            outdata.fill(0)
            raise sd.CallbackAbort
        chunk = clip.data[clip.pos : clip.pos + frames]
        outdata[: len(chunk), 0] = chunk
        outdata[len(chunk) :] = 0
        clip.pos += len(chunk)
        if len(chunk) < frames:
            raise sd.CallbackStop

    stream = sd.OutputStream(
        samplerate=rate,
        channels=1,
        dtype="float32",
        device=device,
        callback=callback,
        finished_callback=clip.done.set,
    )
    owner.opened(stream)
    try:
        stream.start()
    except BaseException:
        # Bounded: a stream on a dead sound server may never stop (see ``audio.owner``).
        owner.release(stream)
        raise
    return stream, clip


def _resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    count = round(len(samples) * target / rate)
    positions = np.linspace(0, len(samples) - 1, num=max(count, 1))
    resampled: np.ndarray = np.interp(positions, np.arange(len(samples)), samples)
    return resampled.astype(np.float32)
