"""A private PulseAudio server with virtual devices, for tests that hear real audio.

There is no sound card here, so the tests build one: a PulseAudio daemon of their
own (started and stopped by its PID, never by name) with

- a null sink ``hotseat_speaker`` as the default speaker; its ``.monitor`` is what
  the tests record to check what the app really played;
- a virtual microphone: a null sink ``hotseat_mic_feed`` whose monitor is remapped
  as the default source ``hotseat_mic``; ``play_into_mic()`` plays a WAV into it,
  and the app's microphone hears it.

The app reaches the server through ALSA's ``default`` device (the pulse plugin
from libasound2-plugins) with ``PULSE_SERVER`` set. PortAudio decides which ALSA
devices exist when ``sounddevice`` is imported, so the server must be running (and
``PULSE_SERVER`` set) before that; ``tests.support.pulse_fixtures`` sees to it.

An idle null sink renders in blocks of up to 2 s, so the first data of a recorder
(or the start of a playback) can come 0.4-1.8 s late. A silent source looped into
each sink with 20 ms latency keeps the sinks rendering in small blocks, loopbacks
from each monitor keep the monitors running, and a warm-up recording waits until
data flows before the server is handed to the tests. The default devices are set
before any loopback exists: PulseAudio (15 and later) moves streams that sit on
the default device when the default changes, which once looped the microphone
back into itself and into the speaker (``routes()`` shows where streams go).

The daemon runs in the foreground as this process's child, and it and every
``pactl``, ``parec`` and ``paplay`` started here get SIGTERM from the kernel when
the thread that started them ends (``hotseat.audio.orphans``): a killed test run
leaves none of them running.

For tests: ``record_speaker()`` / ``record_source()`` give a ``Recorder``
(``start()``, then ``stop()`` -> ``Recording`` with samples and the monotonic
time of the first sample: ``sound_span()``, ``between()``, ``peak()``,
``save_wav()``); ``play_into_mic(wav)`` / ``play_samples_into_mic(samples)``
feed the virtual microphone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hotseat.audio.orphans import die_with_parent

SPEAKER = "hotseat_speaker"
MIC_FEED = "hotseat_mic_feed"
MIC = "hotseat_mic"
SPEAKER_RATE = 48000
MIC_RATE = 16000
# How far ahead ``paplay`` fills the virtual microphone. With 20 ms, a player kept off
# the CPU for longer (a load of 10-19 on 2 cores) left gaps of up to 0.6 s in the
# speech the app heard, garbling transcripts; 300 ms rides over such stalls. The
# audio still begins at once, and paplay still returns once it has all been played.
PLAY_LATENCY_MS = 300


def pulseaudio_missing() -> str:
    """Why real-audio tests cannot run here ('' when they can)."""
    for tool in ("pulseaudio", "pactl", "parec", "paplay"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install pulseaudio pulseaudio-utils)"
    return ""


def client_environment(root: Path) -> dict[str, str]:
    """Variables that point every PulseAudio client (and ALSA's pulse plugin) here."""
    return {
        "PULSE_SERVER": f"unix:{root / 'native'}",
        "PULSE_COOKIE": str(root / "cookie"),
        "PULSE_RUNTIME_PATH": str(root / "runtime"),
        "PULSE_STATE_PATH": str(root / "state"),
    }


@dataclass
class Recording:
    """Mono audio captured from a source, with the time of its first sample."""

    samples: np.ndarray  # float32 in [-1, 1]
    rate: int
    # time.monotonic() when the first sample was rendered. A null sink renders a
    # few milliseconds ahead of the clock, so times read from a recording can be
    # up to about 10 ms early; timing tests allow for that.
    t0: float

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    def time_of(self, index: int) -> float:
        return self.t0 + index / self.rate

    def loud(self, threshold: float = 0.01, window: float = 0.01) -> np.ndarray:
        """One bool per ``window`` seconds: was that stretch above ``threshold`` RMS?"""
        size = max(1, int(self.rate * window))
        count = len(self.samples) // size
        if count == 0:
            return np.zeros(0, dtype=bool)
        blocks = self.samples[: count * size].reshape(count, size)
        rms = np.sqrt(np.mean(blocks.astype(np.float64) ** 2, axis=1))
        return np.asarray(rms > threshold)

    def sound_span(self, threshold: float = 0.01, window: float = 0.01) -> tuple[float, float]:
        """Monotonic (start, end) of the audible part; raises if all is silent."""
        loud = self.loud(threshold, window)
        where = np.flatnonzero(loud)
        if where.size == 0:
            raise AssertionError("the recording is silent")
        size = max(1, int(self.rate * window))
        return self.time_of(int(where[0]) * size), self.time_of((int(where[-1]) + 1) * size)

    def peak(self) -> float:
        return float(np.max(np.abs(self.samples))) if len(self.samples) else 0.0

    def between(self, start: float, end: float) -> np.ndarray:
        """The samples played between two monotonic times."""
        first = max(0, int((start - self.t0) * self.rate))
        last = max(first, int((end - self.t0) * self.rate))
        return self.samples[first:last]

    def save_wav(self, path: Path) -> None:
        pcm = np.clip(self.samples * 32767.0, -32768, 32767).astype("<i2")
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.rate)
            out.writeframes(pcm.tobytes())


class Recorder:
    """Record a PulseAudio source (``parec``) in the background.

    The time of the first sample is estimated from when each chunk arrives: for
    every chunk, arrival time less the audio received so far is an upper bound on
    the start, too late only by the delivery delay; the smallest is kept.
    """

    def __init__(self, server: PulseServer, source: str, rate: int) -> None:
        self._server = server
        self._source = source
        self._rate = rate
        self._chunks: list[bytes] = []
        self._t0 = float("inf")
        self._first = threading.Event()
        self._proc: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 5.0) -> Recorder:
        self._proc = subprocess.Popen(
            [
                "parec",
                f"--device={self._source}",
                "--raw",
                "--format=s16le",
                f"--rate={self._rate}",
                "--channels=1",
                "--latency-msec=10",
                "--process-time-msec=5",
            ],
            stdout=subprocess.PIPE,
            env={**os.environ, **self._server.env},
            preexec_fn=die_with_parent(),
        )
        self._thread = threading.Thread(target=self._read, name="pulse-recorder", daemon=True)
        self._thread.start()
        if not self._first.wait(timeout):
            self.stop()
            raise RuntimeError(f"no audio data from {self._source} within {timeout} s")
        return self

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        received = 0
        while True:
            data = os.read(fd, 65536)
            now = time.monotonic()
            if not data:
                break
            self._chunks.append(data)
            received += len(data)
            self._t0 = min(self._t0, now - (received // 2) / self._rate)
            self._first.set()

    def stop(self) -> Recording:
        if self._proc is not None:
            self._proc.send_signal(signal.SIGINT)
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        if self._thread is not None:
            self._thread.join(timeout=5)
        raw = b"".join(self._chunks)
        raw = raw[: len(raw) // 2 * 2]
        samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
        return Recording(samples=samples, rate=self._rate, t0=self._t0)

    def __enter__(self) -> Recorder:
        return self.start() if self._proc is None else self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self.stop()


class PulseServer:
    """One private PulseAudio daemon in its own folder."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or Path(tempfile.mkdtemp(prefix="hotseat-pulse-"))
        self.env = client_environment(self.root)
        self.pid: int | None = None
        self._daemon: subprocess.Popen[bytes] | None = None  # when this process started it
        self._warm = False

    # -- life cycle ----------------------------------------------------------

    def start(self) -> None:
        script = self.root / "server.pa"
        script.write_text(
            f"load-module module-native-protocol-unix socket={self.root / 'native'} "
            "auth-anonymous=1\n",
            encoding="utf-8",
        )
        daemon_env = {
            **os.environ,
            **self.env,
            "HOME": str(self.root),
            "XDG_RUNTIME_DIR": str(self.root / "runtime"),
            "XDG_CONFIG_HOME": str(self.root / "config"),
        }
        for folder in ("runtime", "state", "config"):
            (self.root / folder).mkdir(mode=0o700, exist_ok=True)
        # In the foreground, as a child of this process that dies with it: a test run
        # that is killed leaves no daemon behind (a daemon that forks away would).
        with (self.root / "stderr.log").open("wb") as errors:
            daemon = subprocess.Popen(
                [
                    "pulseaudio",
                    "--daemonize=no",
                    "--system=false",
                    "--exit-idle-time=-1",
                    "--realtime=no",
                    "--use-pid-file=yes",
                    f"--log-target=file:{self.root / 'daemon.log'}",
                    "-n",
                    "-F",
                    str(script),
                ],
                env=daemon_env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                preexec_fn=die_with_parent(),
            )
        self.pid, self._daemon = daemon.pid, daemon
        deadline = time.monotonic() + 20
        while not self._answers():
            if daemon.poll() is not None or time.monotonic() > deadline:
                said = (self.root / "stderr.log").read_text(errors="replace").strip()
                self.stop()
                raise RuntimeError(f"pulseaudio did not start (exit {daemon.returncode}): {said}")
            time.sleep(0.05)
        self._build_devices()

    def _answers(self) -> bool:
        if not (self.root / "native").exists():
            return False
        try:
            self.pactl("info")
        except (RuntimeError, subprocess.TimeoutExpired):
            return False
        return True

    def stop(self) -> None:
        """Stop the daemon by its PID and wait until it is gone."""
        pid, self.pid = self.pid, None
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 5
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.02)
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        daemon, self._daemon = self._daemon, None
        if daemon is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                daemon.wait(timeout=5)  # reaped: no zombie left behind
        shutil.rmtree(self.root, ignore_errors=True)

    # -- devices --------------------------------------------------------------

    def pactl(self, *args: str) -> str:
        done = subprocess.run(
            ["pactl", *args],
            env={**os.environ, **self.env},
            capture_output=True,
            text=True,
            timeout=10,
            preexec_fn=die_with_parent(),
        )
        if done.returncode != 0:
            raise RuntimeError(f"pactl {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def _build_devices(self) -> None:
        load = self.load_module
        load("module-null-source", "source_name=hotseat_silence")
        load("module-null-sink", "sink_name=hotseat_drain")
        for sink, rate in ((SPEAKER, SPEAKER_RATE), (MIC_FEED, MIC_RATE)):
            load("module-null-sink", f"sink_name={sink}", f"rate={rate}", "channels=1")
        load(
            "module-remap-source", f"master={MIC_FEED}.monitor", f"source_name={MIC}", "channels=1"
        )
        # Defaults first: since PulseAudio 15, streams on the default device follow it
        # when it changes, which would re-route the loopbacks into a feedback loop.
        self.pactl("set-default-sink", SPEAKER)
        self.pactl("set-default-source", MIC)
        for sink in (SPEAKER, MIC_FEED):
            for source, target in (("hotseat_silence", sink), (f"{sink}.monitor", "hotseat_drain")):
                load(
                    "module-loopback",
                    f"source={source}",
                    f"sink={target}",
                    "latency_msec=20",
                    # Never re-routed: a test that unplugs the microphone (unloads its
                    # source) and sets it as the default again must not move these
                    # onto it, which would loop the microphone into itself.
                    "source_dont_move=true",
                    "sink_dont_move=true",
                )

    def load_module(self, name: str, *args: str) -> None:
        self.pactl("load-module", name, *args)

    def routes(self) -> list[tuple[str, str]]:
        """(module, device) for every stream: where each loopback really goes."""
        names = {}
        for kind in ("sinks", "sources"):
            for line in self.pactl("list", "short", kind).splitlines():
                index, name = line.split("\t")[:2]
                names[(kind, index)] = name
        found = []
        for kind, device in (("sink-inputs", "sinks"), ("source-outputs", "sources")):
            for line in self.pactl("list", "short", kind).splitlines():
                parts = line.split("\t")
                found.append((f"{kind}:{parts[3]}", names.get((device, parts[1]), parts[1])))
        return found

    def warm_up(self) -> None:
        """Wait until both monitors deliver data promptly (the first time takes ~1-2 s)."""
        if self._warm:
            return
        for source, rate in ((f"{SPEAKER}.monitor", SPEAKER_RATE), (MIC, MIC_RATE)):
            recorder = Recorder(self, source, rate).start(timeout=10)
            time.sleep(0.05)
            recorder.stop()
        self._warm = True

    # -- helpers for tests ----------------------------------------------------

    def record_speaker(self) -> Recorder:
        """A recorder of what the default speaker plays (use ``with``, or start/stop)."""
        return Recorder(self, f"{SPEAKER}.monitor", SPEAKER_RATE)

    def record_source(self, source: str = MIC, rate: int = MIC_RATE) -> Recorder:
        return Recorder(self, source, rate)

    def play_into_mic(self, wav: Path, *, wait: bool = True) -> subprocess.Popen[bytes]:
        """Play a WAV file into the virtual microphone (what the app hears)."""
        proc = subprocess.Popen(
            ["paplay", f"--device={MIC_FEED}", f"--latency-msec={PLAY_LATENCY_MS}", str(wav)],
            env={**os.environ, **self.env},
            preexec_fn=die_with_parent(),
        )
        if wait:
            proc.wait(timeout=120)
            if proc.returncode != 0:
                raise RuntimeError(f"paplay of {wav} failed (exit {proc.returncode})")
        return proc

    def play_samples_into_mic(
        self, samples: np.ndarray, rate: int = MIC_RATE, *, wait: bool = True
    ) -> subprocess.Popen[bytes]:
        """Play float samples in [-1, 1] into the virtual microphone."""
        wav = Path(tempfile.mkstemp(suffix=".wav", dir=self.root)[1])
        Recording(np.asarray(samples, dtype=np.float32), rate, 0.0).save_wav(wav)
        return self.play_into_mic(wav, wait=wait)


def _alive(pid: int) -> bool:
    """True while the process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return stat.rpartition(")")[2].split()[0] != "Z"
