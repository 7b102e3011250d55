"""The session's microphone stream when the sound server dies and comes back.

A private PulseAudio server of this test's own (not the shared one: it is
killed) feeds the app's one input stream. Killing the server stops the stream;
the audio owner thread must say so, re-initialise PortAudio with no stream
open (the only safe moment), reopen the microphone when the server is back,
and deliver what is said after that to the answer that was under way.

The microphone side runs in a child process set up as the app is (native
messages drained into the capped log for the whole run). Killing a server
under an open stream sometimes sends PortAudio 19.6's ALSA thread into an
endless loop of error lines (PortAudio issue #1037; the app abandons that
stream, see ``audio.owner``): in the test process itself that thread would
outlive the test and write into pytest's capture of every later test.
"""

from __future__ import annotations

import json
import os
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
from tests.support.pulse import PulseServer, _alive

root, pid, wav = sys.argv[1], int(sys.argv[2]), sys.argv[3]
server = PulseServer(__import__("pathlib").Path(root))
server.pid = pid
result = {"events": [], "pid": pid}
changed = threading.Event()

def change(kind, text):
    result["events"].append(kind)
    changed.set()

def report():
    print(json.dumps(result), flush=True)
    os._exit(0)  # a PortAudio thread stuck on the dead server must not hold up the exit

with native_stderr.stderr_to_log():
    mic = MicStream()
    mic.subscribe(change)
    mic.open()
    capture = Capture(mic)
    capture.start()  # an answer is under way
    os.kill(pid, signal.SIGKILL)
    while _alive(pid):
        time.sleep(0.02)
    for leftover in ("native", "runtime/pid"):
        (server.root / leftover).unlink(missing_ok=True)
    if not changed.wait(8):
        report()
    result["lost_while_gone"] = mic.lost
    changed.clear()
    server.start()
    result["pid"] = server.pid
    if not changed.wait(15):
        report()
    result["back_and_open"] = not mic.lost
    capture.drain()  # whatever came before the server was back
    server.play_into_mic(__import__("pathlib").Path(wav))
    time.sleep(0.3)
    heard = capture.drain()
    capture.stop()
    result["peak"] = float(np.max(np.abs(np.concatenate(heard)))) if heard else 0.0
    mic.close()
    report()
"""


@pytest.fixture
def own_server(pulse: PulseServer) -> Iterator[PulseServer]:
    """A second server, which this test may kill (``pulse`` only proves PulseAudio is here)."""
    server = PulseServer()
    server.start()
    server.warm_up()
    try:
        yield server
    finally:
        server.stop()


def test_the_sound_server_going_away_is_said_and_capture_resumes(
    own_server: PulseServer, tmp_path: Path
) -> None:
    wav = speak("I am back on the line", tmp_path / "back.wav", pad=(0.2, 0.2))
    assert own_server.pid is not None
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(own_server.root), str(own_server.pid), str(wav)],
        capture_output=True,
        text=True,
        env={**os.environ, **own_server.env},  # ALSA's pulse plugin reads these at each connect
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-800:]
    assert "Expression" not in done.stderr, "PortAudio's lines reached the terminal"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    own_server.pid = result["pid"]  # the server the child started again: stopped here
    assert result["events"][:1] == ["lost"], "losing the sound server was never noticed"
    assert result["lost_while_gone"]
    assert result["events"] == ["lost", "back"], "the microphone never came back"
    assert result["back_and_open"]
    assert result["peak"] > 0.05, "nothing was heard after the microphone came back"
