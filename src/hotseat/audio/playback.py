"""Replaying a saved answer (the feedback view's replay key).

``play_recording`` returns at once; audio is pulled by PortAudio's callback
from a buffer filled up front, so the UI thread never waits on the device.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from hotseat.audio.devices import DeviceError
from hotseat.audio.owner import audio_owner
from hotseat.audio.wavfile import read_wav


class Playback:
    def __init__(self, samples: np.ndarray, rate: int, device: int | str | None) -> None:
        self.duration = len(samples) / rate
        self._samples = samples
        self._pos = 0
        self._done = threading.Event()
        self._owner = audio_owner()
        self._stop_class: Any = None
        try:
            self._stream: Any = self._owner.call(lambda: self._open(rate, device))
        except DeviceError:
            raise
        except Exception as exc:  # PortAudioError or ValueError
            raise DeviceError(f"cannot play the recording: {exc}") from None

    def _open(self, rate: int, device: int | str | None) -> Any:
        """On the audio owner thread (every PortAudio call is made there)."""
        sd = self._owner.sounddevice()
        self._stop_class = sd.CallbackStop
        stream = sd.OutputStream(
            samplerate=rate,
            channels=self._samples.shape[1],
            dtype="float32",
            device=device,
            callback=self._callback,
            finished_callback=self._done.set,
        )
        self._owner.opened(stream)
        stream.start()
        return stream

    def _callback(self, outdata: Any, frames: int, time: Any, status: Any) -> None:
        chunk = self._samples[self._pos : self._pos + frames]
        outdata[: len(chunk)] = chunk
        outdata[len(chunk) :] = 0
        self._pos += frames
        if self._pos >= len(self._samples):
            raise self._stop_class

    @property
    def playing(self) -> bool:
        return not self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def stop(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:  # once only: PortAudio must never see a closed stream again
            # Bounded: a stream on a dead sound server may never stop (see ``audio.owner``).
            self._owner.call(lambda: self._owner.release(stream))
        self._done.set()


def play_recording(path: Path, device: int | str | None = None) -> Playback:
    """Start playing a WAV file; raises AudioFileError or DeviceError."""
    audio = read_wav(path)
    return Playback(np.ascontiguousarray(audio.samples), audio.rate, device or None)
