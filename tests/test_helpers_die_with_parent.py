"""A killed run leaves no helper behind: the tests' private PulseAudio daemon and
the app's ``pactl subscribe`` end with the process that started them.

Regression: killed pytest runs leaked private PulseAudio daemons (which had
forked away from pytest) and spinning ``pactl`` children, found hours later.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support.pulse import PulseServer, _alive

ROOT = Path(__file__).resolve().parents[1]

PARENT = """
import os, sys, time
from hotseat.audio.pulse_watch import PulseSourceWatch
from tests.support.pulse import PulseServer

server = PulseServer()
server.start()
# pactl talks to the test session's server, which lives on: it must end by itself.
watch = PulseSourceWatch("hotseat_mic", lambda kind, text: None)
while watch._proc is None:
    time.sleep(0.01)
print(server.pid, watch._proc.pid, server.root, flush=True)
time.sleep(600)
"""


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_a_killed_parent_takes_its_sound_server_and_pactl_with_it(pulse: PulseServer) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, **pulse.env},
    )
    assert parent.stdout is not None
    daemon, pactl, root = parent.stdout.readline().split()
    try:
        assert _alive(int(daemon)) and _alive(int(pactl))
        parent.send_signal(signal.SIGKILL)  # as a killed test run: no clean-up of its own
        parent.wait(timeout=10)
        assert _gone(int(daemon), within=10), "the PulseAudio daemon outlived its parent"
        assert _gone(int(pactl), within=10), "pactl subscribe outlived its parent"
    finally:
        for pid in (int(daemon), int(pactl)):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(root, ignore_errors=True)


QUITTING = """
from hotseat.asr.child_process import ChildProcess

helper = ChildProcess("tests.support.busy_helper")
said = helper.replies.recv()
assert said.startswith("busy")
print(helper.process.pid, said.split()[-1], flush=True)
# and the app quits, its helper still busy and never closed
"""


def test_a_busy_recogniser_helper_ends_when_the_app_quits() -> None:
    """trial7 T11: after quitting, sphinx_process and sphinx_batch ran on as orphans
    for 30-45 s (busy recognising, they never read that their input had closed)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOTSEAT_TEST_BUSY_CHILD": "1"}
    parent = subprocess.run(
        [sys.executable, "-c", QUITTING],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert parent.returncode == 0, parent.stderr
    helper, its_helper = map(int, parent.stdout.split())
    assert helper != its_helper
    try:
        assert _gone(helper, within=3), "a busy helper outlived the app"
        assert _gone(its_helper, within=3), "a busy helper's own helper outlived the app"
    finally:
        for pid in (helper, its_helper):
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
