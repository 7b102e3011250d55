"""How fast hotseat starts: ``hotseat --version``, and the home screen in a real terminal.

Run it with the project's venv: ``.venv/bin/python benchmarks/bench_startup.py [--runs N]``.
It prints figures (median and worst of N runs); it asserts nothing.

- ``--version``: a cold process start to exit, the cost of ``hotseat`` on the
  command line before any work.
- first frame: from spawning ``hotseat`` in an 80x24 pseudo-terminal until the
  home screen's Start button has been drawn.
- interactive: from spawning until a key press is answered (ctrl+p opens the
  command palette and its prompt is drawn). Target: under 1 s on 2 cores.
- services stall: the voice and microphone load in a background thread a
  second after the first frame; this measures the longest time the UI thread
  then waits for Python's lock (a 5 ms ticker's worst gap) while they load.

Each run uses fresh temporary config, data and cache folders.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.figures import record

HOTSEAT = Path(sys.executable).parent / "hotseat"
HOME_MARK = b"Start (ctrl+s)"
PALETTE_MARK = b"earch for commands"  # the cursor sits on the "S"


def fresh_env(root: Path) -> dict[str, str]:
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    for name in ("CONFIG", "DATA", "CACHE"):
        folder = root / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[f"HOTSEAT_{name}_DIR"] = str(folder)
    return env


def time_version(env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([str(HOTSEAT), "--version"], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


class PtyApp:
    """hotseat running in a pseudo-terminal of 80x24, read as raw bytes."""

    def __init__(self, env: dict[str, str], args: list[str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [str(HOTSEAT), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.seen = b""

    def wait_for(self, mark: bytes, timeout: float = 20.0) -> float:
        """Seconds from the spawn until ``mark`` has been written to the terminal."""
        deadline = time.perf_counter() + timeout
        while mark not in self.seen:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{mark!r} did not appear within {timeout} s")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536)
                except OSError:
                    break
        return time.perf_counter() - self.started

    def send(self, data: bytes) -> None:
        self.seen = b""
        os.write(self.master, data)

    def quit(self) -> None:
        self.send(b"\x1b")  # close the palette
        time.sleep(0.2)
        self.send(b"\x11")  # ctrl+q
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)  # our own child, by its id
            self.proc.wait()
        os.close(self.master)


def time_home(env: dict[str, str], args: list[str]) -> tuple[float, float]:
    app = PtyApp(env, args)
    try:
        first = app.wait_for(HOME_MARK)
        app.send(b"\x10")  # ctrl+p
        interactive = app.wait_for(PALETTE_MARK)
    finally:
        app.quit()
    return first, interactive


def services_stall() -> tuple[float, float]:
    """(worst gap of a 5 ms ticker, seconds to load) while the real voice and mic load."""
    import threading

    from hotseat.settings import load_settings
    from hotseat.tui.options import AppOptions
    from hotseat.tui.voice_mic import Built, VoiceMic, build_voice_mic

    ready = threading.Event()
    built: list[Built] = []

    def load() -> None:
        built.append(
            build_voice_mic(load_settings(), AppOptions(), threading.Event(), on_change=ready.set)
        )
        if built[0].listener is None:
            ready.set()

    worker = threading.Thread(target=load, daemon=True)
    start = last = time.perf_counter()
    worker.start()
    worst = 0.0
    while not ready.is_set() and time.perf_counter() - start < 30:
        time.sleep(0.005)
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
    took = time.perf_counter() - start
    for made in built:
        VoiceMic(made.speaker, made.listener).close()
    return worst, took


def describe(name: str, values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return f"{name:<36} median {statistics.median(ms):6.0f} ms   worst {ms[-1]:6.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="3 runs each")
    options = parser.parse_args()
    runs = 3 if options.quick else options.runs
    print(f"hotseat startup, {runs} runs each, {os.cpu_count()} CPUs, {HOTSEAT}")
    with tempfile.TemporaryDirectory(prefix="hotseat-bench-") as tmp:
        root = Path(tmp)
        version = [time_version(fresh_env(root / f"v{i}")) for i in range(runs)]
        print(describe("hotseat --version", version))
        record("startup: hotseat --version (median)", _ms(version), "ms")
        for label, args in (("", []), (" (--typed --mute)", ["--typed", "--mute"])):
            firsts, ready = [], []
            for i in range(runs):
                first, interactive = time_home(fresh_env(root / f"h{label and 't'}{i}"), args)
                firsts.append(first)
                ready.append(interactive)
            print(describe(f"home screen first frame{label}", firsts))
            print(describe(f"home screen interactive{label}", ready))
            record(f"startup: first frame{label} (median)", _ms(firsts), "ms")
            record(f"startup: interactive{label} (median)", _ms(ready), "ms", target="< 1000 ms")
    print("target: home screen interactive in under 1000 ms")
    with tempfile.TemporaryDirectory(prefix="hotseat-bench-") as tmp:
        os.environ.update({k: v for k, v in fresh_env(Path(tmp)).items() if "HOTSEAT" in k})
        worst, took = services_stall()
    print(
        f"{'services load (voice + microphone)':<36} {took * 1000:6.0f} ms in a background thread"
    )
    print(f"{'  longest UI-thread stall meanwhile':<36} {worst * 1000:6.0f} ms")
    record("startup: services load (background)", round(took * 1000), "ms")
    record("startup: longest UI stall while loading", round(worst * 1000), "ms")


def _ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000)


if __name__ == "__main__":
    main()
