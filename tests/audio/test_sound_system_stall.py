"""A sound server that stalls (stopped for seconds) is not a lost microphone.

Regression (trial6 N4): at load 28-30 a starved PulseAudio delivered nothing for
a few seconds, PortAudio's stream went quiet, and the app said "Microphone lost
... Plug it back in" five times, once over the summary. Here this test's own
private server is stopped (SIGSTOP, by its PID) for seven seconds under the
app's open stream and then let go on (SIGCONT): the stream must say it stalled
(not lost), keep the stream, say it resumed and for how long it had stalled,
and hear what is said after that on the same answer.

The microphone side runs in a child process set up as the app is (native
messages drained into the capped log), as in ``test_mic_stream``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.audio.render import speak
from tests.support.pulse import PulseServer

pytestmark = pytest.mark.audio

CHILD = """
import json, os, signal, sys, threading, time
import numpy as np
from hotseat.audio import native_stderr
from hotseat.audio.answer_source import Capture
from hotseat.audio.capture import MicStream
from tests.support.pulse import PulseServer

root, pid, wav = sys.argv[1], int(sys.argv[2]), sys.argv[3]
server = PulseServer(__import__("pathlib").Path(root))
server.pid = pid
result = {"events": []}
changed = threading.Event()

def change(kind, text):
    result["events"].append([kind, text])
    changed.set()

def report():
    os.kill(pid, signal.SIGCONT)
    print(json.dumps(result), flush=True)
    os._exit(0)

with native_stderr.stderr_to_log():
    mic = MicStream()
    mic.subscribe(change)
    mic.open()
    capture = Capture(mic)
    capture.start()  # an answer is under way
    time.sleep(0.5)
    os.kill(pid, signal.SIGSTOP)  # the sound system stalls
    stopped = time.monotonic()
    changed.wait(max(0.1, stopped + 7 - time.monotonic()))
    time.sleep(max(0.0, stopped + 7 - time.monotonic()))
    result["stalled_then"] = mic.stalled
    result["lost_then"] = mic.lost
    changed.clear()
    os.kill(pid, signal.SIGCONT)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (
        not result["events"] or result["events"][-1][0] != "resumed"
    ):
        time.sleep(0.05)
    capture.drain()  # whatever came before
    server.play_into_mic(__import__("pathlib").Path(wav))
    time.sleep(0.3)
    heard = capture.drain()
    capture.stop()
    result["peak"] = float(np.max(np.abs(np.concatenate(heard)))) if heard else 0.0
    result["lost_at_end"] = mic.lost
    mic.close()
    report()
"""


@pytest.fixture
def own_server(pulse: PulseServer) -> Iterator[PulseServer]:
    """A second server, which this test stops for a while (``pulse`` only proves
    PulseAudio is here)."""
    server = PulseServer()
    server.start()
    server.warm_up()
    try:
        yield server
    finally:
        if server.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(server.pid, signal.SIGCONT)  # never left stopped
        server.stop()


def test_a_stalled_sound_server_is_a_stall_not_a_lost_microphone(
    own_server: PulseServer, tmp_path: Path
) -> None:
    wav = speak("I am still on the line", tmp_path / "still.wav", pad=(0.2, 0.2))
    assert own_server.pid is not None
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(own_server.root), str(own_server.pid), str(wav)],
        capture_output=True,
        text=True,
        env={**os.environ, **own_server.env},
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-800:]
    assert "Expression" not in done.stderr, "PortAudio's lines reached the terminal"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    kinds = [kind for kind, _ in result["events"]]
    assert kinds == ["stalled", "resumed"], result["events"]
    assert result["stalled_then"] and not result["lost_then"]
    said = result["events"][1][1]
    assert said.startswith("the sound system stalled for ") and said.endswith(" s"), said
    assert 5 <= int(said.split()[-2]) <= 12, said  # stopped for 7 s
    assert not result["lost_at_end"]
    assert result["peak"] > 0.05, "nothing was heard after the sound system resumed"
