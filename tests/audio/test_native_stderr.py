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

from hotseat.audio.native_stderr import LOG_LIMIT

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
    done, log = _flood(tmp_path, "quiet_stderr", 100_000)  # about 8 MB of lines
    assert "Expression" not in done.stderr
    assert LOG_LIMIT <= log.stat().st_size <= LOG_LIMIT + 100
    assert log.read_bytes().rstrip().endswith(b"native messages were dropped]")


def test_a_few_native_lines_are_all_in_the_log(tmp_path: Path) -> None:
    done, log = _flood(tmp_path, "stderr_to_log", 3)
    assert "Expression" not in done.stderr
    assert log.read_text().count("Expression 'ready' failed") == 3
