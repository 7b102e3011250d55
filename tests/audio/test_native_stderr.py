"""Native libraries' messages go to a log that cannot grow without bound.

PortAudio's ALSA thread, on a sound server that died, can print the same line
millions of times a minute: a run of the app must neither show them on the
terminal nor fill the disk with them. Regression test for a 12 GB log.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hotseat.audio.native_stderr import LOG_LIMIT, THROTTLED_BYTES_PER_SECOND

FLOOD = """
import os, time
from hotseat.audio import native_stderr
line = b"Expression 'ready' failed in 'src/hostapi/alsa/pa_linux_alsa.c', line: 3958\\n"
with native_stderr.{context}():
    for _ in range({count}):
        os.write(2, line)
time.sleep(0.5)  # the drain thread empties the pipe
print(native_stderr.log_path())
"""


def _flood(
    tmp_path: Path, context: str, count: int
) -> tuple[subprocess.CompletedProcess[str], Path]:
    env = {**os.environ, "HOTSEAT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", FLOOD.format(context=context, count=count)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-500:]
    return done, Path(done.stdout.strip())


def test_a_flood_of_native_lines_is_kept_off_the_terminal_and_capped(tmp_path: Path) -> None:
    done, log = _flood(tmp_path, "quiet_stderr", 20_000)  # about 1.6 MB of lines
    assert "Expression" not in done.stderr
    assert LOG_LIMIT <= log.stat().st_size <= LOG_LIMIT + 100
    assert log.read_bytes().rstrip().endswith(b"native messages were dropped]")


def test_a_few_native_lines_are_all_in_the_log(tmp_path: Path) -> None:
    done, log = _flood(tmp_path, "stderr_to_log", 3)
    assert "Expression" not in done.stderr
    assert log.read_text().count("Expression 'ready' failed") == 3


RUNAWAY = """
import os, sys, threading, time
from hotseat.audio import native_stderr
line = b"Expression 'ready' failed in 'src/hostapi/alsa/pa_linux_alsa.c', line: 3958\\n"
written = 0
def loop():  # PortAudio's ALSA thread on a dead sound server: it never stops
    global written
    while True:
        os.write(2, line)
        written += 1
with native_stderr.stderr_to_log():
    threading.Thread(target=loop, daemon=True).start()
    time.sleep(1.0)  # the log is full within milliseconds
    lines, cpu = written, time.process_time()
    time.sleep(1.0)
    lines, cpu = written - lines, time.process_time() - cpu
    print(native_stderr.log_path(), lines * len(line), cpu, flush=True)
    os._exit(0)  # the thread would write to the terminal once the run is over
"""


def test_a_native_thread_stuck_printing_is_slowed_to_a_trickle(tmp_path: Path) -> None:
    """Once the log is full the pipe is emptied slowly: the looping thread waits for
    room instead of keeping a core (and the drain thread) busy for the rest of the run."""
    env = {**os.environ, "HOTSEAT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", RUNAWAY],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert "Expression" not in done.stderr
    log, written, cpu = done.stdout.split()
    assert LOG_LIMIT <= Path(log).stat().st_size <= LOG_LIMIT + 100
    # Unthrottled, the loop wrote about 40 MB a second and used two cores.
    assert int(written) <= 2 * THROTTLED_BYTES_PER_SECOND
    assert float(cpu) < 0.5
